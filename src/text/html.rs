//! The readable text of an HTML page: scripts, styles and other invisible
//! parts dropped, the title kept, block elements on lines of their own.

use ego_tree::iter::Edge;
use scraper::{Html, Node, Selector};

/// An HTML page's title and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HtmlText {
    pub title: Option<String>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// `<link rel=canonical>`, else `og:url`.
    pub canonical_url: Option<String>,
    /// The title on the first line (when the body does not start with it),
    /// then the body text, paragraphs separated by blank lines.
    pub text: String,
}

const INVISIBLE: [&str; 8] = [
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object",
];

const BLOCK: [&str; 31] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
];

/// Extracts the title and text of an HTML document.
pub fn html_to_text(source: &str) -> HtmlText {
    let document = Html::parse_document(source);
    let mut title = None;
    let mut raw = String::new();
    let mut hidden_depth = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if name == "title" && title.is_none() {
                        let t: String = node
                            .descendants()
                            .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                            .collect();
                        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !t.is_empty() {
                            title = Some(t);
                        }
                    }
                    if INVISIBLE.contains(&name) {
                        hidden_depth += 1;
                    } else if hidden_depth == 0 && BLOCK.contains(&name) {
                        raw.push('\n');
                    }
                }
                Node::Text(text) if hidden_depth == 0 => raw.push_str(text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if INVISIBLE.contains(&name) {
                        hidden_depth -= 1;
                    } else if hidden_depth == 0 && BLOCK.contains(&name) {
                        raw.push('\n');
                    }
                }
            }
        }
    }
    let body = tidy_lines(&raw);
    let text = match &title {
        Some(t) if !body.starts_with(t.as_str()) => {
            if body.is_empty() {
                t.clone()
            } else {
                format!("{t}\n\n{body}")
            }
        }
        _ => body,
    };
    let attr = |selector: &str, name: &str| {
        let selector = Selector::parse(selector).expect("valid selector");
        document.select(&selector).find_map(|el| {
            el.value()
                .attr(name)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        })
    };
    let site_name = attr(r#"meta[property="og:site_name"]"#, "content")
        .or_else(|| attr(r#"meta[name="application-name"]"#, "content"));
    let canonical_url = attr(r#"link[rel="canonical"]"#, "href")
        .or_else(|| attr(r#"meta[property="og:url"]"#, "content"));
    HtmlText {
        title,
        site_name,
        canonical_url,
        text,
    }
}

/// White space inside a line folded to one space; paragraphs (runs of
/// non-empty lines after a block break) separated by one blank line.
fn tidy_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_and_canonical_url_are_kept() {
        let page = r#"<html><head><meta property="og:site_name" content="Al Jazeera">
            <link rel="canonical" href="https://www.aljazeera.com/news/2019/9/26/x"></head><body>x</body></html>"#;
        let out = html_to_text(page);
        assert_eq!(out.site_name.as_deref(), Some("Al Jazeera"));
        assert_eq!(
            out.canonical_url.as_deref(),
            Some("https://www.aljazeera.com/news/2019/9/26/x")
        );
    }

    #[test]
    fn scripts_and_styles_are_dropped_title_kept() {
        let page = r#"<!doctype html><html><head><title> Haftar rejects
            ceasefire </title><style>body{color:red}</style><script>alert("x")</script></head>
            <body><nav>Home</nav><p>Libyan <b>renegade</b> general&nbsp;Khalifa Haftar.</p>
            <p>Second &amp; last.<br>Line two</p><noscript>enable JS</noscript></body></html>"#;
        let out = html_to_text(page);
        assert_eq!(out.title.as_deref(), Some("Haftar rejects ceasefire"));
        assert_eq!(out.site_name, None);
        assert_eq!(
            out.text,
            "Haftar rejects ceasefire\n\nHome\n\nLibyan renegade general Khalifa Haftar.\n\nSecond & last.\n\nLine two"
        );
        assert!(!out.text.contains("alert"));
        assert!(!out.text.contains("color"));
        assert!(!out.text.contains("enable JS"));
    }
}

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
    /// `<link rel=canonical>`, else `og:url`, else the address a browser
    /// wrote when it saved the page (`<!-- saved from url=(0045)https://… -->`).
    pub canonical_url: Option<String>,
    /// The title on the first line (when the body does not start with it),
    /// then the body text, paragraphs separated by blank lines.
    pub text: String,
    /// How the text was taken, when not by parsing the page.
    pub note: Option<String>,
    /// When the page says it was published (`article:published_time`,
    /// `datePublished`, `pubdate`), as written.
    pub published: Option<String>,
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

/// How much nesting work a page may ask of the HTML parser. html5ever looks
/// through the stack of open elements at many start tags, so a page's cost
/// grows with the sum, over its start tags, of how deep each one sits: 40,000
/// nested `<div>` cost ~6 s and a million would take hours. Real pages sit at
/// depths of a few dozen (a 10,000-tag page at depth 30 scores 300,000);
/// above this budget the text is taken by [`strip_tags`] instead.
pub const NESTING_BUDGET: u64 = 50_000_000;

/// Extracts the title and text of an HTML document. A page nested beyond
/// [`NESTING_BUDGET`] is not parsed: its text is taken by stripping tags
/// (linear in its length), and `note` says so.
pub fn html_to_text(source: &str) -> HtmlText {
    let (cost, depth) = nesting_cost(source);
    if cost > NESTING_BUDGET {
        return HtmlText {
            title: None,
            site_name: None,
            canonical_url: saved_from_url(source),
            published: None,
            text: tidy_lines(&strip_tags(source)),
            note: Some(format!(
                "HTML nested too deep to parse safely (elements up to about {depth} deep): its text was taken by stripping tags, and its title and page metadata were not read"
            )),
        };
    }
    parse(source)
}

/// The address a browser noted when it saved the page: Chrome, Edge and
/// Internet Explorer write `<!-- saved from url=(0045)https://… -->` (the
/// "mark of the web", its length in four digits) near the top of a page
/// saved as HTML. Only an http(s) address of exactly that length is taken.
pub fn saved_from_url(source: &str) -> Option<String> {
    const MARK: &str = "<!-- saved from url=(";
    let head = &source[..source.floor_char_boundary(4096)];
    let at = head.find(MARK)? + MARK.len();
    let rest = &head[at..];
    let digits = rest.get(..4)?;
    let len: usize = digits.parse().ok()?;
    let url = rest.get(5..5 + len)?;
    if !rest[4..].starts_with(')') || url.chars().any(char::is_whitespace) {
        return None;
    }
    (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_owned())
}

/// What a page's metadata says about who wrote it: an author field and its
/// value, as the page has them. A site running a wire's copy often says so
/// only here (`<meta name="author" content="Reuters">` on Business
/// Standard, `<meta itemprop="author" content="Reuters">` on the Financial
/// Express); whether the name is a producer is the outlet registry's call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageCredit {
    /// Where the page says it: `<meta name="author">`, `JSON-LD "author"`.
    pub field: String,
    /// The value, white space folded, at most [`CREDIT_MAX_CHARS`] characters.
    pub value: String,
}

impl PageCredit {
    /// The credit as the page states it, for an explanation.
    pub fn evidence(&self) -> String {
        match self.field.strip_suffix('>') {
            Some(tag) => format!("{tag} content=\"{}\">", self.value),
            None => format!("{}: \"{}\"", self.field, self.value),
        }
    }
}

/// A longer author field is no credit line (a description, a page of names).
pub const CREDIT_MAX_CHARS: usize = 120;
/// At most this many credits are read from one page.
const CREDITS_MAX: usize = 16;
/// At most this much of a page's `<meta>` tags and JSON-LD is read.
const HEAD_MAX_BYTES: usize = 1 << 20;

/// The `<meta>` fields that name a page's writer: `name=` values, then
/// `property=` values. `itemprop="author"` on a `<meta>` counts too.
const AUTHOR_META_NAMES: [&str; 8] = [
    "author",
    "byl",
    "dcterms.creator",
    "dc.creator",
    "article:author_name",
    "sailthru.author",
    "parsely-author",
    "cxenseparse:author",
];
const AUTHOR_META_PROPERTIES: [&str; 2] = ["article:author", "article:author_name"];
/// The JSON-LD keys that name who wrote a page (not `publisher`: that is
/// the site).
const AUTHOR_LD_KEYS: [&str; 3] = ["author", "creator", "sourceOrganization"];

/// The page's author metadata (`<meta>` author fields and JSON-LD
/// `author`, `creator` and `sourceOrganization` names), in page order, each
/// value once. Addresses (`article:author` is often a profile's URL) are
/// left out.
pub fn page_credits(source: &str) -> Vec<PageCredit> {
    let lower = source.to_ascii_lowercase();
    if !["author", "byl", "creator", "sourceorganization"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return Vec::new();
    }
    // Only the `<meta>` tags and the JSON-LD scripts are parsed, gathered
    // in one linear pass: parsing the whole page again would cost as much
    // as reading its text did.
    let bytes = source.as_bytes();
    let mut head = String::new();
    for tag in tags(source) {
        if tag.closing || head.len() > HEAD_MAX_BYTES {
            continue;
        }
        let open = &source[tag.start..tag.end];
        match tag.name.as_str() {
            "meta" => head.push_str(open),
            "script" if open.to_ascii_lowercase().contains("ld+json") => {
                let close = find_ignore_case(bytes, tag.end, b"</script").unwrap_or(bytes.len());
                head.push_str(open);
                head.push_str(&source[tag.end..close]);
                head.push_str("</script>");
            }
            _ => {}
        }
    }
    let document = Html::parse_document(&head);
    let mut out: Vec<PageCredit> = Vec::new();
    let mut push = |field: String, value: &str| {
        let value = value
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(char::is_control, "");
        if value.is_empty()
            || value.chars().count() > CREDIT_MAX_CHARS
            || value.contains("://")
            || value.starts_with("www.")
            || out.len() >= CREDITS_MAX
            || out.iter().any(|c| c.value == value)
        {
            return;
        }
        out.push(PageCredit { field, value });
    };
    let meta = Selector::parse("meta[content]").expect("valid selector");
    for el in document.select(&meta) {
        let attr = |name: &str| el.value().attr(name).map(str::to_ascii_lowercase);
        let content = el.value().attr("content").unwrap_or_default();
        let field =
            if let Some(n) = attr("name").filter(|n| AUTHOR_META_NAMES.contains(&n.as_str())) {
                format!("<meta name=\"{n}\">")
            } else if let Some(p) =
                attr("property").filter(|p| AUTHOR_META_PROPERTIES.contains(&p.as_str()))
            {
                format!("<meta property=\"{p}\">")
            } else if attr("itemprop").is_some_and(|i| i == "author") {
                "<meta itemprop=\"author\">".to_owned()
            } else {
                continue;
            };
        push(field, content);
    }
    // The fragment holds no script but the JSON-LD ones.
    let ld = Selector::parse("script").expect("valid selector");
    for el in document.select(&ld) {
        let json: String = el.text().collect();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) {
            ld_credits(&value, 0, &mut |key, name| {
                push(format!("JSON-LD \"{key}\""), name)
            });
        }
    }
    out
}

/// The names under [`AUTHOR_LD_KEYS`] anywhere in a JSON-LD value (a
/// string, or an object's `name`, or a list of either), to a bounded depth.
fn ld_credits(value: &serde_json::Value, depth: usize, found: &mut dyn FnMut(&str, &str)) {
    use serde_json::Value;
    if depth > 6 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| ld_credits(v, depth + 1, found)),
        Value::Object(map) => {
            for (key, v) in map {
                if let Some(key) = AUTHOR_LD_KEYS.iter().find(|k| **k == key.as_str()) {
                    let named = |v: &Value| match v {
                        Value::String(s) => Some(s.clone()),
                        Value::Object(o) => {
                            o.get("name").and_then(Value::as_str).map(str::to_owned)
                        }
                        _ => None,
                    };
                    match v {
                        Value::Array(items) => {
                            items.iter().filter_map(named).for_each(|n| found(key, &n))
                        }
                        other => {
                            if let Some(n) = named(other) {
                                found(key, &n);
                            }
                        }
                    }
                } else {
                    ld_credits(v, depth + 1, found);
                }
            }
        }
        _ => {}
    }
}

/// Elements that have no end tag, or that the parser closes by itself when
/// the next one starts, so they never deepen the stack of open elements.
const FLAT: [&str; 30] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "tbody", "thead", "tfoot", "rb", "rt", "rp",
];

/// Elements whose content is raw text up to their end tag.
const RAW: [&str; 5] = ["script", "style", "textarea", "title", "xmp"];

/// A tag as [`tags`] finds it: where it is, its lower-case name, and
/// whether it closes an element or closes itself.
struct Tag {
    /// Byte range of the whole tag, `<` to `>`.
    start: usize,
    end: usize,
    name: String,
    closing: bool,
    self_closing: bool,
}

/// The tags of a page in one linear pass, without building a tree:
/// a comment is one self-closing tag named `!--`, and the content of raw-text elements
/// (`script`, `style`…) is jumped to their end tag, which is returned.
/// A `<` that opens no tag is left to the text.
fn tags(source: &str) -> impl Iterator<Item = Tag> + '_ {
    let bytes = source.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(at) = memchr_lt(bytes, i) {
            i = at + 1;
            if bytes[i..].starts_with(b"!--") {
                // A comment: returned as a tag that opens nothing.
                i = find(bytes, i + 3, b"-->").map_or(bytes.len(), |e| e + 3);
                return Some(Tag {
                    start: at,
                    end: i,
                    name: "!--".into(),
                    closing: false,
                    self_closing: true,
                });
            }
            let closing = bytes.get(i) == Some(&b'/');
            let name_start = i + usize::from(closing);
            let name_end = bytes[name_start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |n| name_start + n);
            if name_end == name_start {
                continue;
            }
            let name = source[name_start..name_end].to_ascii_lowercase();
            let end = find(bytes, name_end, b">").map_or(bytes.len(), |e| e + 1);
            let self_closing = end >= 2 && bytes[end - 2] == b'/';
            i = end;
            if !closing && RAW.contains(&name.as_str()) {
                // Jump to the end tag; it comes next.
                let end_tag = format!("</{name}");
                i = find_ignore_case(bytes, i, end_tag.as_bytes()).unwrap_or(bytes.len());
            }
            return Some(Tag {
                start: at,
                end,
                name,
                closing,
                self_closing,
            });
        }
        None
    })
}

/// One linear pass over the markup: the sum over start tags of the depth
/// they open at, and the deepest depth seen. Errs high (unclosed elements
/// count as open), never low for elements that do stay open.
pub fn nesting_cost(source: &str) -> (u64, u64) {
    let (mut depth, mut deepest, mut cost) = (0u64, 0u64, 0u64);
    for tag in tags(source) {
        let flat = FLAT.contains(&tag.name.as_str()) || RAW.contains(&tag.name.as_str());
        if tag.closing {
            if !flat {
                depth = depth.saturating_sub(1);
            }
        } else if !tag.self_closing && !flat {
            depth += 1;
            deepest = deepest.max(depth);
            cost = cost.saturating_add(depth);
        }
    }
    (cost, deepest)
}

fn memchr_lt(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|b| *b == b'<')
        .map(|p| from + p)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// The text of a page by removing its tags: comments, scripts and styles
/// dropped, block tags made line breaks, the common entities decoded.
/// Linear in the page's length, for pages the parser cannot take.
pub fn strip_tags(source: &str) -> String {
    let mut out = String::with_capacity(source.len() / 2);
    let mut text_from = 0;
    // Inside an invisible element (`noscript`, `svg`…) until its end tag.
    let mut hidden: Option<String> = None;
    for tag in tags(source) {
        if hidden.is_none() {
            push_text(&mut out, &source[text_from..tag.start]);
        }
        text_from = tag.end;
        match &hidden {
            Some(name) if tag.closing && *name == tag.name => hidden = None,
            Some(_) => {}
            None if !tag.closing
                && !tag.self_closing
                && (INVISIBLE.contains(&tag.name.as_str()) || RAW.contains(&tag.name.as_str())) =>
            {
                hidden = Some(tag.name);
            }
            None if BLOCK.contains(&tag.name.as_str()) => out.push('\n'),
            None => {}
        }
    }
    if hidden.is_none() {
        push_text(&mut out, &source[text_from.min(source.len())..]);
    }
    out
}

fn push_text(out: &mut String, text: &str) {
    if !text.contains('&') {
        out.push_str(text);
        return;
    }
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = [
            ("&amp;", "&"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&quot;", "\""),
            ("&#39;", "'"),
            ("&apos;", "'"),
            ("&nbsp;", " "),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e));
        match entity {
            Some((e, c)) => {
                out.push_str(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn parse(source: &str) -> HtmlText {
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
        .or_else(|| attr(r#"meta[property="og:url"]"#, "content"))
        .or_else(|| saved_from_url(source));
    let published = attr(r#"meta[property="article:published_time"]"#, "content")
        .or_else(|| attr(r#"meta[itemprop="datePublished"]"#, "content"))
        .or_else(|| attr(r#"meta[name="pubdate"]"#, "content"))
        .or_else(|| attr(r#"meta[name="date"]"#, "content"))
        .or_else(|| attr(r#"time[itemprop="datePublished"]"#, "datetime"));
    HtmlText {
        title,
        site_name,
        canonical_url,
        text,
        note: None,
        published,
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
    fn nesting_is_measured_without_parsing() {
        // A news page: shallow, however many paragraphs.
        let page = format!(
            "<html><body><div class=a><article>{}</article></div><script>if (a < b) {{ x('<div>') }}</script></body></html>",
            "<p>One <b>two</b> three<br>four".repeat(2000)
        );
        let (cost, deepest) = nesting_cost(&page);
        assert!(deepest <= 6, "{deepest}");
        assert!(cost < NESTING_BUDGET / 100, "{cost}");
        // A hostile page: over budget, and read by stripping tags instead.
        let deep = format!(
            "<html><body>{}Deep text &amp; more</body></html>",
            "<div>".repeat(20_000)
        );
        assert!(nesting_cost(&deep).0 > NESTING_BUDGET);
        let read = html_to_text(&deep);
        assert_eq!(read.text, "Deep text & more");
        assert!(read.note.unwrap().contains("nested too deep"));
    }

    #[test]
    fn stripping_tags_keeps_text_and_drops_scripts_comments_and_styles() {
        let page = "<html><head><title>T</title><style>p{}</style></head><body><!-- <p>gone</p> --><p>Officials said 3 &lt; 4.</p><script>var s = '</p>';</script><noscript><p>hidden</p></noscript><p>Second a < b</p></body></html>";
        assert_eq!(
            tidy_lines(&strip_tags(page)),
            "Officials said 3 < 4.\n\nSecond a < b"
        );
    }

    #[test]
    fn the_address_a_browser_saved_the_page_from_is_kept() {
        let page = "<!DOCTYPE html>\n<!-- saved from url=(0042)https://www.aljazeera.com/news/2019/9/26/x -->\n<html><head><title>T</title></head><body><p>x</p></body></html>";
        assert_eq!(
            html_to_text(page).canonical_url.as_deref(),
            Some("https://www.aljazeera.com/news/2019/9/26/x")
        );
        // A canonical link wins; a length that does not fit, or an address
        // that is not http(s), is not taken.
        let both = page.replace(
            "<head>",
            "<head><link rel=\"canonical\" href=\"https://example.org/a\">",
        );
        assert_eq!(
            html_to_text(&both).canonical_url.as_deref(),
            Some("https://example.org/a")
        );
        assert_eq!(
            saved_from_url("<!-- saved from url=(0099)https://www.aljazeera.com/ -->"),
            None
        );
        assert_eq!(
            saved_from_url("<!-- saved from url=(0013)about:internet -->"),
            None
        );
        assert_eq!(saved_from_url("<p>no mark here</p>"), None);
    }

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

    #[test]
    fn author_metadata_is_read_from_meta_fields_and_linked_data() {
        // As Business Standard and the Financial Express mark a wire's copy
        // (cases of the news-please project's author extractor), with a
        // profile address and the site's own JSON-LD beside them.
        let page = r#"<html><head>
<meta name="Author" content="  Reuters ">
<meta itemprop="author" content="Reuters">
<meta property="article:author" content="https://www.facebook.com/someone">
<meta name="byl" content="By Katie Glueck and Shane Goldmacher">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
 "author":[{"@type":"Person","name":"Mark Kennedy"},{"@type":"Organization","name":"Associated Press"}],
 "sourceOrganization":"ANI",
 "publisher":{"@type":"Organization","name":"Example Daily"}}]}
</script>
<script type="application/ld+json">{ not json </script>
</head><body><p>Text.</p></body></html>"#;
        let credits = page_credits(page);
        let shown: Vec<(String, String)> = credits
            .iter()
            .map(|c| (c.field.clone(), c.value.clone()))
            .collect();
        assert_eq!(
            shown,
            [
                ("<meta name=\"author\">", "Reuters"),
                (
                    "<meta name=\"byl\">",
                    "By Katie Glueck and Shane Goldmacher"
                ),
                ("JSON-LD \"author\"", "Mark Kennedy"),
                ("JSON-LD \"author\"", "Associated Press"),
                ("JSON-LD \"sourceOrganization\"", "ANI"),
            ]
            .map(|(f, v)| (f.to_owned(), v.to_owned()))
        );
        // The publisher is the site, never a credit; the evidence reads as
        // the page has it.
        assert!(!shown.iter().any(|(_, v)| v == "Example Daily"));
        assert_eq!(
            credits[0].evidence(),
            r#"<meta name="author" content="Reuters">"#
        );
        assert_eq!(
            credits[4].evidence(),
            r#"JSON-LD "sourceOrganization": "ANI""#
        );
    }

    #[test]
    fn author_metadata_is_found_in_one_pass_and_never_in_comments_or_scripts() {
        assert!(
            page_credits("<html><head><title>T</title></head><body>Reuters</body></html>")
                .is_empty()
        );
        // Tags in a comment or inside a script's code are not the page's.
        let hidden = "<html><head><!-- <meta name=author content=Reuters> --><script>var m = '<meta name=author content=AFP>';</script></head></html>";
        assert!(page_credits(hidden).is_empty());
        // A page nested too deep to parse as a tree still has its metadata
        // read, since only its tags are scanned.
        let deep = format!(
            "<html><head><meta name=author content=Reuters></head><body>{}</body></html>",
            "<div>".repeat(20_000)
        );
        assert_eq!(page_credits(&deep)[0].value, "Reuters");
        // A value as long as a paragraph is no credit.
        let long = format!("<meta name=author content=\"{}\">", "Reuters ".repeat(40));
        assert!(page_credits(&long).is_empty());
    }
}

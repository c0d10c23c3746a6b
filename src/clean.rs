//! Cleaning: what is not the article is taken out of a document's text before
//! analysis, and every offset in the cleaned text still maps back to the
//! stored text (and from there to the original file's bytes).
//!
//! WordPress shortcodes go (`[su_dropcap]L[/su_dropcap]ibyan` reads
//! `Libyan`; a `[su_label]` becomes a line of its own); editorial brackets
//! in quotes (`[Russian President Vladimir] Putin`) stay.

use regex::Regex;
use std::sync::LazyLock;

/// Cleaned text with a map back to the text it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    /// (offset in `text`, offset in the source) at the start of every copied
    /// run; between anchors both advance together.
    anchors: Vec<(usize, usize)>,
    /// Byte ranges of the source that were removed, and why.
    pub removed: Vec<Removal>,
}

/// A piece of the source that cleaning took out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub start: usize,
    pub end: usize,
    pub what: &'static str,
}

impl Cleaned {
    /// The source offset of byte `offset` of the cleaned text.
    pub fn source_offset(&self, offset: usize) -> usize {
        let i = self.anchors.partition_point(|(clean, _)| *clean <= offset);
        match i.checked_sub(1).map(|i| self.anchors[i]) {
            Some((clean, source)) => source + (offset - clean),
            None => offset,
        }
    }
}

/// Builds cleaned text by copying runs of the source and inserting breaks.
struct Builder<'a> {
    source: &'a str,
    out: Cleaned,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str) -> Self {
        Builder {
            source,
            out: Cleaned {
                text: String::with_capacity(source.len()),
                anchors: Vec::new(),
                removed: Vec::new(),
            },
        }
    }

    fn copy(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.anchors.push((self.out.text.len(), start));
            self.out.text.push_str(&self.source[start..end]);
        }
    }

    /// A line break standing for removed markup at `at`, unless one is there.
    fn line_break(&mut self, at: usize) {
        if !self.out.text.is_empty() && !self.out.text.ends_with('\n') {
            self.out.anchors.push((self.out.text.len(), at));
            self.out.text.push('\n');
        }
    }

    fn remove(&mut self, start: usize, end: usize, what: &'static str) {
        self.out.removed.push(Removal { start, end, what });
    }
}

static SHORTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(/?)([a-z][a-z0-9]*(?:_[a-z0-9]+)*)((?:\s[^\]\[]*)?)\]").unwrap()
});

/// Shortcode names that are not namespaced with an underscore but are common.
const PLAIN_SHORTCODES: [&str; 16] = [
    "caption",
    "embed",
    "gallery",
    "audio",
    "video",
    "playlist",
    "dropcap",
    "button",
    "tabs",
    "tab",
    "spoiler",
    "highlight",
    "label",
    "spacer",
    "divider",
    "tooltip",
];

/// Shortcodes whose content belongs to the text around it.
fn is_inline(name: &str) -> bool {
    [
        "dropcap",
        "highlight",
        "tooltip",
        "abbr",
        "font",
        "color",
        "b",
        "i",
        "u",
    ]
    .iter()
    .any(|s| name == *s || name.ends_with(&format!("_{s}")))
}

/// Removes WordPress shortcodes, keeping their content.
pub fn clean(source: &str) -> Cleaned {
    let mut b = Builder::new(source);
    let mut at = 0;
    for m in SHORTCODE.captures_iter(source) {
        let whole = m.get(0).unwrap();
        let name = &m[2];
        if !(name.contains('_') || PLAIN_SHORTCODES.contains(&name)) {
            continue;
        }
        b.copy(at, whole.start());
        if !is_inline(name) {
            b.line_break(whole.start());
        }
        b.remove(whole.start(), whole.end(), "WordPress shortcode");
        at = whole.end();
    }
    b.copy(at, source.len());
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcodes_go_their_content_stays_and_offsets_map_back() {
        let src = "[su_label type=”info”]SMA News – Agencies[/su_label][su_spacer size=”10″][su_dropcap]L[/su_dropcap]ibyan eastern commander";
        let c = clean(src);
        assert_eq!(c.text, "SMA News – Agencies\nLibyan eastern commander");
        for needle in ["SMA News – Agencies", "ibyan eastern", "commander"] {
            let at = c.text.find(needle).unwrap();
            let s = c.source_offset(at);
            assert_eq!(&src[s..s + needle.len()], needle);
        }
        assert_eq!(c.removed.len(), 5);
    }

    #[test]
    fn editorial_brackets_and_plain_text_are_untouched() {
        for src in [
            "\"We welcome [Russian President Vladimir] Putin's call [sic].\"",
            "A list [1] and [a] note",
            "",
        ] {
            let c = clean(src);
            assert_eq!(c.text, src);
            assert!(c.removed.is_empty());
        }
    }
}

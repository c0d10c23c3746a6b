//! From an offset in a document's stored text to a byte offset in the
//! original file, so evidence can be pointed at in the exact bytes reviewed.

use encoding_rs::Encoding;

/// The byte offset in the original file of byte `offset` of the stored text of
/// a plain-text document decoded from `encoding` (as recorded at ingest).
/// `None` when the encoding is unknown.
pub fn text_to_original(encoding: &str, text: &str, offset: usize) -> Option<usize> {
    let offset = floor_char_boundary(text, offset);
    let prefix = &text[..offset];
    let (name, bom) = match encoding.strip_suffix(" (BOM)") {
        Some(name) => (name, true),
        None => (encoding, false),
    };
    match name {
        "UTF-8" => Some(offset + if bom { 3 } else { 0 }),
        "UTF-16LE" | "UTF-16BE" => {
            Some(2 * prefix.encode_utf16().count() + if bom { 2 } else { 0 })
        }
        other => {
            let enc = Encoding::for_label(other.as_bytes())?;
            let (bytes, _, _) = enc.encode(prefix);
            Some(bytes.len())
        }
    }
}

/// The byte offset in the original file of `needle`, searched in an HTML
/// page's decoded source from `from` on: evidence found in the page's text is
/// located in its markup. `None` when the markup splits the text (entities,
/// tags inside it).
pub fn locate_in_source(
    encoding: &str,
    source: &str,
    needle: &str,
    from: usize,
) -> Option<(usize, usize)> {
    let from = floor_char_boundary(source, from);
    let at = source[from..].find(needle)? + from;
    let start = text_to_original(encoding, source, at)?;
    let end = text_to_original(encoding, source, at + needle.len())?;
    Some((start, end))
}

/// Where a piece of a document is in the original file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Located {
    /// Byte range in the original file; `None` when it cannot be located.
    pub start: Option<u64>,
    pub end: Option<u64>,
    /// 1-based line.
    pub line: Option<u64>,
}

/// Locates `text[start..end]` of a document's stored text in its original
/// file. `html_source` is the decoded page for HTML documents, where the
/// piece is searched for in the markup.
pub fn locate(
    encoding: &str,
    text: &str,
    html_source: Option<&str>,
    start: usize,
    end: usize,
) -> Located {
    let line_at = |s: &str, at: usize| {
        s.as_bytes()[..at.min(s.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64
            + 1
    };
    match html_source {
        Some(source) => {
            let start = floor_char_boundary(text, start);
            let needle = &text[start..floor_char_boundary(text, end).max(start)];
            match source
                .find(needle)
                .and_then(|at| locate_in_source(encoding, source, needle, at).map(|r| (at, r)))
            {
                Some((at, (s, e))) => Located {
                    start: Some(s as u64),
                    end: Some(e as u64),
                    line: Some(line_at(source, at)),
                },
                None => Located::default(),
            }
        }
        None => Located {
            start: text_to_original(encoding, text, start).map(|v| v as u64),
            end: text_to_original(encoding, text, end).map(|v| v as u64),
            line: Some(line_at(text, start)),
        },
    }
}

/// The line of any offset of a text, in O(log n) after one pass.
#[derive(Clone, Debug)]
pub struct LineIndex(Vec<usize>);

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        )
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_at(&self, offset: usize) -> u64 {
        self.0.partition_point(|&nl| nl < offset) as u64 + 1
    }
}

/// [`locate`] for many pieces of one document: lines are looked up in an
/// index, and in an HTML page each piece is first searched for after the
/// previous one, so locating a document's pieces in order is linear in its
/// length, not quadratic (a hostile page holds tens of thousands of them).
pub struct Locator<'a> {
    encoding: &'a str,
    text: &'a str,
    source: Option<&'a str>,
    lines: LineIndex,
    cursor: std::cell::Cell<usize>,
}

impl<'a> Locator<'a> {
    pub fn new(encoding: &'a str, text: &'a str, html_source: Option<&'a str>) -> Self {
        Locator {
            encoding,
            text,
            source: html_source,
            lines: LineIndex::new(html_source.unwrap_or(text)),
            cursor: std::cell::Cell::new(0),
        }
    }

    /// Where `text[start..end]` is in the original file.
    pub fn locate(&self, start: usize, end: usize) -> Located {
        let text = self.text;
        match self.source {
            Some(source) => {
                let start = floor_char_boundary(text, start);
                let needle = &text[start..floor_char_boundary(text, end).max(start)];
                let from = floor_char_boundary(source, self.cursor.get());
                let at = source[from..]
                    .find(needle)
                    .map(|i| i + from)
                    .or_else(|| source[..from].find(needle));
                let Some(at) = at else {
                    return Located::default();
                };
                self.cursor.set(at);
                match (
                    text_to_original(self.encoding, source, at),
                    text_to_original(self.encoding, source, at + needle.len()),
                ) {
                    (Some(s), Some(e)) => Located {
                        start: Some(s as u64),
                        end: Some(e as u64),
                        line: Some(self.lines.line_at(at)),
                    },
                    _ => Located::default(),
                }
            }
            None => Located {
                start: text_to_original(self.encoding, text, start).map(|v| v as u64),
                end: text_to_original(self.encoding, text, end).map(|v| v as u64),
                line: Some(self.lines.line_at(start)),
            },
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(encoding: &str, original: &[u8], text: &str, needle: &str) {
        let at = text.find(needle).unwrap();
        let start = text_to_original(encoding, text, at).unwrap();
        let end = text_to_original(encoding, text, at + needle.len()).unwrap();
        let decoded = crate::text::decode(&original[start..end], false).text;
        assert_eq!(decoded, needle, "{encoding}");
    }

    #[test]
    fn offsets_point_at_the_same_text_in_every_encoding() {
        let text = "Libya’s “war criminal” — café Sarraj";
        check("UTF-8", text.as_bytes(), text, "café Sarraj");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        check("UTF-8 (BOM)", &bom, text, "café Sarraj");
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        check("windows-1252", &cp1252, text, "café Sarraj");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let start = text_to_original("UTF-16LE (BOM)", text, text.find("café").unwrap()).unwrap();
        assert_eq!(
            &utf16[start..start + 8],
            &[b'c', 0, b'a', 0, b'f', 0, 0xE9, 0]
        );
    }

    #[test]
    fn html_evidence_is_found_in_the_markup() {
        let source = "<html><body><p>Intro</p><p>SOURCE: AL JAZEERA</p></body></html>";
        let (s, e) = locate_in_source("UTF-8", source, "SOURCE: AL JAZEERA", 0).unwrap();
        assert_eq!(&source[s..e], "SOURCE: AL JAZEERA");
    }
}

//! PDF: the text layer of each page, read with `lopdf` (pure Rust; on
//! pages Chromium prints it keeps words and lines where `pdf-extract` splits
//! words). A PDF parser meets hostile files: the reading runs on a thread of
//! its own, a panic in it is caught, and one that has not finished within
//! [`DEADLINE`] is left behind, the file kept as evidence and said so. A
//! PDF with no text layer (a scan) is evidence, not analysed.

use std::time::Duration;

/// Longest a PDF's text may take to read.
pub const DEADLINE: Duration = Duration::from_secs(20);
/// Most pages read.
const MAX_PAGES: usize = 2000;

/// Whether the bytes are a PDF: `%PDF-` first, or within the first KiB of
/// a file that is not text (readers accept leading junk that long).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
        || (bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
            && super::looks_binary(bytes))
}

/// What a PDF gave.
#[derive(Debug, PartialEq)]
pub enum Pdf {
    /// The text of its pages, in order (empty strings for pages without
    /// text), and its title if its metadata gives one.
    Text {
        pages: Vec<String>,
        title: Option<String>,
    },
    /// It could not be read: why.
    Unreadable(String),
}

/// Reads the text layer of a PDF.
pub fn read(bytes: &[u8]) -> Pdf {
    let bytes = bytes.to_vec();
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("pdf-text".into())
        .spawn(move || {
            let outcome = std::panic::catch_unwind(|| read_here(&bytes));
            let _ = tx.send(outcome);
        });
    if spawned.is_err() {
        return Pdf::Unreadable("no thread to read it on".into());
    }
    match rx.recv_timeout(DEADLINE) {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(_)) => Pdf::Unreadable("the PDF reader failed on it".into()),
        Err(_) => Pdf::Unreadable(format!(
            "reading its text did not finish within {} s",
            DEADLINE.as_secs()
        )),
    }
}

fn read_here(bytes: &[u8]) -> Pdf {
    let doc = match lopdf::Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => return Pdf::Unreadable(format!("not a readable PDF ({e})")),
    };
    let numbers: Vec<u32> = doc.get_pages().keys().copied().take(MAX_PAGES).collect();
    let pages = numbers
        .iter()
        .map(|&n| doc.extract_text(&[n]).map(|t| tidy(&t)).unwrap_or_default())
        .collect();
    Pdf::Text {
        pages,
        title: title(&doc),
    }
}

/// The title in the document's information dictionary.
fn title(doc: &lopdf::Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let info = match info {
        lopdf::Object::Reference(id) => doc.get_object(*id).ok()?,
        other => other,
    };
    let title = info.as_dict().ok()?.get(b"Title").ok()?;
    let text = lopdf::decode_text_string(title).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.chars().take(500).collect())
}

/// Typographic ligatures as letters, trailing spaces off each line, and
/// lines a page wrapped joined again: a line as wide as the page's widest
/// (within 70%) that does not end a sentence continues on the next, so a
/// sentence is not cut where the printer ran out of width (the claims are
/// read sentence by sentence, line by line). A short line (a headline, a
/// dateline, a paragraph's last line) keeps its line end.
fn tidy(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            for c in line.trim_end().chars() {
                match c {
                    '\u{fb00}' => out.push_str("ff"),
                    '\u{fb01}' => out.push_str("fi"),
                    '\u{fb02}' => out.push_str("fl"),
                    '\u{fb03}' => out.push_str("ffi"),
                    '\u{fb04}' => out.push_str("ffl"),
                    '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
                    c => out.push(c),
                }
            }
            out
        })
        .collect();
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let wrapped = widest >= 30
            && line.chars().count() * 10 >= widest * 7
            && !line.ends_with(['.', '!', '?', ':', '"', '”', '’', ')'])
            && lines.get(i + 1).is_some_and(|next| !next.trim().is_empty());
        out.push(if wrapped { ' ' } else { '\n' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pdfs_are_unreadable_not_fatal() {
        assert!(matches!(read(b"%PDF-1.7\n garbage"), Pdf::Unreadable(_)));
        assert!(matches!(read(b"%PDF-"), Pdf::Unreadable(_)));
        assert!(looks_like_pdf(b"%PDF-1.4\n"));
        assert!(!looks_like_pdf(b"plain text"));
        assert!(!looks_like_pdf(b"An article about the %PDF-1.7 format."));
    }

    #[test]
    fn ligatures_become_letters() {
        assert_eq!(
            tidy("speci\u{fb01}cally  \nﬂagrant"),
            "specifically\nflagrant\n"
        );
    }

    #[test]
    fn lines_the_printer_wrapped_are_joined_and_short_ones_kept() {
        let page = "Talks resume in Geneva\n\
                    GENEVA, Jan 2 (Reuters) - Officials said 12 people were hurt in the clashes, and the\n\
                    talks were about the ceasefire, a spokesman told reporters outside.\n\
                    Both sides agreed.";
        assert_eq!(
            tidy(page),
            "Talks resume in Geneva\nGENEVA, Jan 2 (Reuters) - Officials said 12 people were hurt in the clashes, and the talks were about the ceasefire, a spokesman told reporters outside.\nBoth sides agreed.\n"
        );
    }
}

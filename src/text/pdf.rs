//! PDF: the text layer of each page, read with `lopdf` (pure Rust; on
//! pages Chromium prints it keeps words and lines where `pdf-extract` splits
//! words). A PDF parser meets hostile files: nesting deep enough to
//! overflow any stack (which aborts a process, and no `catch_unwind` stops
//! it), streams that inflate to gigabytes, page trees that take minutes.
//! So the programs that ship (the CLI and the desktop app) read a PDF in a
//! process of their own ([`use_helper`], [`helper_main`]): its memory and
//! stack bounded, killed at [`DEADLINE`], its death a note on the file and
//! never the end of the run. Without a helper (a library user, the tests
//! that call [`crate::text::extract`] in process) the reading runs on a
//! thread with a large stack, a panic caught, a reading past the deadline
//! left behind. A PDF with no text layer (a scan) is evidence, not
//! analysed.

use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Longest a PDF's text may take to read.
pub const DEADLINE: Duration = Duration::from_secs(20);
/// Most pages read.
const MAX_PAGES: usize = 2000;
/// Memory the reading process may use.
const HELPER_MEMORY: u64 = 1 << 30;
/// Stack of the thread that parses (deep but legitimate nesting).
const PARSER_STACK: usize = 64 << 20;
/// Largest answer a helper may give.
const ANSWER_LIMIT: u64 = 64 << 20;

/// The argument that makes a provaudit program the PDF reader.
pub const HELPER_ARG: &str = "--provaudit-read-pdf";

static HELPER: OnceLock<PathBuf> = OnceLock::new();

/// Reads PDFs with `exe HELPER_ARG`, a program whose `main` calls
/// [`helper_main`] when given that argument.
pub fn use_helper(exe: PathBuf) {
    let _ = HELPER.set(exe);
}

/// What a shipped program's `main` calls first: when it was started as the
/// PDF reader, the exit code it must end with; otherwise `None`, and from
/// then on PDFs are read by running this program as the reader.
pub fn serve_or_register() -> Option<i32> {
    if std::env::args_os().nth(1).as_deref() == Some(std::ffi::OsStr::new(HELPER_ARG)) {
        return Some(helper_main());
    }
    if let Ok(exe) = std::env::current_exe() {
        use_helper(exe);
    }
    None
}

/// The reading process: a PDF on standard input, its pages as JSON on
/// standard output. Returns the exit code.
pub fn helper_main() -> i32 {
    #[cfg(unix)]
    // SAFETY: setrlimit with a valid, fully initialised struct.
    unsafe {
        let limit = libc::rlimit {
            rlim_cur: HELPER_MEMORY as libc::rlim_t,
            rlim_max: HELPER_MEMORY as libc::rlim_t,
        };
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
    let mut bytes = Vec::new();
    if std::io::stdin()
        .take(crate::fingerprint::ANALYSIS_LIMIT + 1)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return 2;
    }
    // The parent kills this process at the deadline; the wait here only
    // has to outlast it.
    let answer = match read_on_thread_until(bytes, 2 * DEADLINE) {
        Some(Ok(pdf)) => pdf,
        Some(Err(_)) => Pdf::Unreadable("the PDF reader failed on it".into()),
        None => return 3,
    };
    let json = serde_json::to_vec(&answer).expect("pages serialise");
    if std::io::stdout().write_all(&json).is_err() {
        return 2;
    }
    0
}

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
#[derive(Debug, PartialEq, Serialize, Deserialize)]
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
    match HELPER.get() {
        Some(exe) => read_in_helper(exe, bytes),
        None => match read_on_thread_until(bytes.to_vec(), DEADLINE) {
            Some(Ok(pdf)) => pdf,
            Some(Err(_)) => Pdf::Unreadable("the PDF reader failed on it".into()),
            None => Pdf::Unreadable(format!(
                "reading its text did not finish within {} s",
                DEADLINE.as_secs()
            )),
        },
    }
}

fn read_in_helper(exe: &std::path::Path, bytes: &[u8]) -> Pdf {
    use std::process::{Command, Stdio};
    let child = Command::new(exe)
        .arg(HELPER_ARG)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return Pdf::Unreadable(format!("the PDF reader could not be started ({e})")),
    };
    let mut stdin = child.stdin.take().expect("piped");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = (&mut stdout).take(ANSWER_LIMIT).read_to_end(&mut out);
        out
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() < DEADLINE => {
                std::thread::sleep(Duration::from_millis(5))
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let _ = writer.join();
    let answer = reader.join().unwrap_or_default();
    match status {
        None => Pdf::Unreadable(format!(
            "reading its text did not finish within {} s",
            DEADLINE.as_secs()
        )),
        Some(s) if s.success() => serde_json::from_slice(&answer)
            .unwrap_or_else(|_| Pdf::Unreadable("the PDF reader gave no answer".into())),
        Some(_) => Pdf::Unreadable(
            "the PDF reader failed on it (it ran out of memory or stack, or crashed)".into(),
        ),
    }
}

/// Parses on a thread with a large stack, waiting at most `deadline`;
/// `Some(Err)` when it panicked, `None` when the thread could not start or
/// had not finished by then (it is left to finish on its own).
fn read_on_thread_until(bytes: Vec<u8>, deadline: Duration) -> Option<std::thread::Result<Pdf>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("pdf-text".into())
        .stack_size(PARSER_STACK)
        .spawn(move || {
            let outcome = std::panic::catch_unwind(|| read_here(&bytes));
            let _ = tx.send(outcome);
        })
        .ok()?;
    rx.recv_timeout(deadline).ok()
}

fn read_here(bytes: &[u8]) -> Pdf {
    let doc = match lopdf::Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => return Pdf::Unreadable(format!("not a readable PDF ({e})")),
    };
    let pages = doc
        .get_pages()
        .into_values()
        .take(MAX_PAGES)
        .map(|id| tidy(&page_text(&doc, id)))
        .collect();
    Pdf::Text {
        pages,
        title: title(&doc),
    }
}

/// The text a page shows, in content-stream order: what `Tj`, `TJ`, `'`
/// and `"` show, a line end where the text moves to a new line (`T*`, `'`,
/// `"`, a `Td`/`TD` or `Tm` that moves down or up, the end of a text
/// object) and a space for a wide gap inside a `TJ` array. Word processors
/// and TeX start each line with a move, not a new text object: read as
/// `lopdf`'s `extract_text` reads them, their lines run together
/// ("forty peoplewere killed").
fn page_text(doc: &lopdf::Document, page: lopdf::ObjectId) -> String {
    use lopdf::{Object, content::Content};
    let encodings: std::collections::BTreeMap<Vec<u8>, lopdf::Encoding> = doc
        .get_page_fonts(page)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(name, font)| Some((name, font.get_font_encoding(doc).ok()?)))
        .collect();
    let Some(content) = doc
        .get_page_content(page)
        .ok()
        .and_then(|data| Content::decode(&data).ok())
    else {
        return String::new();
    };
    fn show(text: &mut String, encoding: &lopdf::Encoding, operands: &[Object]) {
        for operand in operands {
            match operand {
                Object::String(bytes, _) => {
                    if let Ok(s) = lopdf::Document::decode_text(encoding, bytes) {
                        text.push_str(&s);
                    }
                }
                Object::Array(items) => {
                    show(text, encoding, items);
                    text.push(' ');
                }
                // A gap wider than a tenth of the font size: a word space.
                Object::Integer(i) if *i < -100 => text.push(' '),
                Object::Real(f) if *f < -100.0 => text.push(' '),
                _ => {}
            }
        }
    }
    let new_line = |text: &mut String| {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
    };
    let moves_vertically = |y: Option<&Object>| {
        y.and_then(|y| y.as_float().ok())
            .is_some_and(|y| y.abs() > 0.01)
    };
    let mut text = String::new();
    let mut encoding = None;
    let mut matrix_y: Option<f32> = None;
    for op in &content.operations {
        let operands = op.operands.as_slice();
        match op.operator.as_str() {
            "Tf" => {
                encoding = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| encodings.get(name));
            }
            "Tj" | "TJ" => {
                if let Some(e) = encoding {
                    show(&mut text, e, operands);
                }
            }
            "'" => {
                new_line(&mut text);
                if let Some(e) = encoding {
                    show(&mut text, e, operands);
                }
            }
            "\"" => {
                new_line(&mut text);
                if let Some(e) = encoding {
                    show(&mut text, e, operands.get(2..).unwrap_or_default());
                }
            }
            "T*" | "ET" => new_line(&mut text),
            "Td" | "TD" if moves_vertically(operands.get(1)) => new_line(&mut text),
            "Tm" => {
                let y = operands.get(5).and_then(|y| y.as_float().ok());
                if matrix_y.is_some() && y != matrix_y {
                    new_line(&mut text);
                }
                matrix_y = y;
            }
            _ => {}
        }
    }
    text
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

    /// A page as word processors and TeX write one: each line started by a
    /// move (`Td`, `TD`, `T*`, `Tm`) or shown by `'`, in one text object.
    fn page_of_moves() -> Vec<u8> {
        use lopdf::content::{Content, Operation};
        use lopdf::{Object, Stream, dictionary};
        let mut doc = lopdf::Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman",
        });
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
        let show = |s: &str| Operation::new("Tj", vec![Object::string_literal(s)]);
        let content = Content {
            operations: vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 12.into()]),
                Operation::new("TL", vec![14.into()]),
                Operation::new("Td", vec![72.into(), 700.into()]),
                show("The minister said forty people"),
                Operation::new("Td", vec![0.into(), (-14).into()]),
                show("were killed on Monday,"),
                Operation::new("T*", vec![]),
                show("according to the World"),
                Operation::new("'", vec![Object::string_literal("Health Organization.")]),
                Operation::new(
                    "Tm",
                    vec![
                        1.into(),
                        0.into(),
                        0.into(),
                        1.into(),
                        72.into(),
                        600.into(),
                    ],
                ),
                show("Rescue teams"),
                Operation::new("Td", vec![60.into(), 0.into()]),
                show(" searched all night."),
                Operation::new("ET", vec![]),
            ],
        };
        let content = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    /// Lines begun by a move are lines, so words at their ends stay apart;
    /// a move along the same line joins nothing.
    #[test]
    fn lines_started_by_a_move_keep_their_words_apart() {
        let Pdf::Text { pages, .. } = read_here(&page_of_moves()) else {
            panic!("the PDF is readable");
        };
        let text = &pages[0];
        for glued in ["peoplewere", "Monday,according", "WorldHealth"] {
            assert!(!text.contains(glued), "{glued}: {text:?}");
        }
        assert!(
            text.contains("Rescue teams searched all night."),
            "{text:?}"
        );
        assert!(text.contains("forty people"), "{text:?}");
    }

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

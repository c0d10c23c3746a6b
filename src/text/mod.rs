//! From a file's bytes to its readable text: what kind of file it is, which
//! encoding it is in, the text of an HTML page, and the normalised form whose
//! SHA-256 recognises the same article saved in another encoding or wrapper.

mod decode;
mod html;
pub mod mhtml;
pub mod offsets;
pub mod pdf;

pub use decode::{Decoded, decode};
pub use html::{HtmlText, PageCredit, html_to_text, page_credits};

use crate::fingerprint::sha256_hex;

/// The version of what [`extract`] produces from a file's bytes (kind,
/// encoding, text, title, site name, canonical address, source). Raise it
/// whenever a change to this module changes any of them for some input:
/// the next ingest then reads every stored file again, even one whose size
/// and modification time are unchanged, so stored documents never keep an
/// older extraction's text (`tests::extraction_version_is_raised_with_the_code`
/// holds a fingerprint of the extraction's output on known inputs).
/// Version 4: WARC files are read as web archives (their pages become
/// documents), so a WARC stored as text or binary before is read again.
/// Version 5: a PDF's text layer is read.
/// Version 6: a PDF's page starts are kept (`page_lines`); a WARC's PDF
/// records are read as pages, and a WACZ's pages list is read.
pub const EXTRACTION_VERSION: u32 = 6;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// What a file holds, as far as analysis is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentKind {
    /// Plain text.
    Text,
    /// An HTML page; its text was extracted.
    Html,
    /// A checksum manifest (`SHA256SUMS`, a BagIt manifest): evidence about
    /// the corpus, not an article; fingerprinted, not analysed.
    Manifest,
    /// Not text: fingerprinted and listed as evidence, not analysed.
    Binary,
    /// Zero bytes.
    Empty,
    /// Larger than the analysis limit: fingerprinted, not analysed.
    TooLarge,
}

impl ContentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ContentKind::Text => "text",
            ContentKind::Html => "html",
            ContentKind::Manifest => "manifest",
            ContentKind::Binary => "binary",
            ContentKind::Empty => "empty",
            ContentKind::TooLarge => "too_large",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "text" => ContentKind::Text,
            "html" => ContentKind::Html,
            "manifest" => ContentKind::Manifest,
            "binary" => ContentKind::Binary,
            "empty" => ContentKind::Empty,
            "too_large" => ContentKind::TooLarge,
            _ => return None,
        })
    }
}

/// The readable text of one file and how it was obtained.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    pub kind: ContentKind,
    /// Name of the encoding the bytes were decoded from (`UTF-8`,
    /// `UTF-16LE (BOM)`, `windows-1252`…); `None` when nothing was decoded.
    pub encoding: Option<String>,
    pub title: Option<String>,
    /// HTML only: the page's site name, canonical URL and decoded source.
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    pub source: Option<String>,
    /// The text, HTML markup removed; empty when nothing was decoded.
    pub text: String,
    /// SHA-256 of [`normalise`]d text; `None` when there is no text.
    pub text_sha256: Option<String>,
    /// What a reviewer should know about how the text was obtained.
    pub notes: Vec<String>,
    /// Where and when the page was captured, as the capture itself states
    /// (an MHTML file's headers, a browser's `saved from url=` mark).
    pub capture: Option<Capture>,
    /// When the page says it was published (its metadata), as written.
    pub published: Option<String>,
    /// A PDF's pages: the 1-based line of `text` each page starts on, so
    /// evidence in it is cited by page.
    pub page_lines: Option<Vec<u64>>,
}

/// A page's capture: the address it was fetched from, when, and by what
/// kind of tool. Evidence of the publisher stronger than anything the page
/// says about itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capture {
    pub url: Option<String>,
    /// RFC 3339, UTC.
    pub at: Option<String>,
    /// `mhtml` (a page saved as one file), `saved_html` (a browser's "save
    /// page" with its `saved from url=` mark), `warc` (a record of a web
    /// archive).
    pub format: String,
    /// A page read from a WARC record: which record of which file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordPlace>,
}

/// Where a page read from a web archive sits, and what its record says
/// about its own integrity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPlace {
    /// The WARC file's path in the corpus.
    pub container: String,
    /// The record's gzip member (or itself) in the file, and its place
    /// inside a member shared with other records (else 0).
    pub offset: u64,
    pub inner: u64,
    pub record_id: Option<String>,
    /// The `WARC-Payload-Digest` and `WARC-Block-Digest` against the
    /// bytes: `matches`, `differs`, `absent` or `unchecked`.
    pub payload_digest: String,
    pub block_digest: String,
    /// What wrote the archive, as its warcinfo record says.
    pub software: Option<String>,
    pub http_status: Option<u16>,
}

/// Whether a file is HTML, by its name or its first bytes.
pub fn looks_like_html(file_name: &[u8], bytes: &[u8]) -> bool {
    let name = String::from_utf8_lossy(file_name).to_ascii_lowercase();
    if [".html", ".htm", ".xhtml"]
        .iter()
        .any(|ext| name.ends_with(ext))
    {
        return true;
    }
    let head: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// Whether the bytes are not text: a NUL byte near the start (as git
/// decides), or the signature of a common binary document format.
pub fn looks_binary(bytes: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 6] = [
        b"%PDF-",
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"PK\x03\x04",
        b"\x1F\x8B",
    ];
    if SIGNATURES.iter().any(|sig| bytes.starts_with(sig)) {
        return true;
    }
    bytes[..bytes.len().min(8000)].contains(&0)
}

/// Whether every non-blank line is a `sha256sum` or BagIt manifest line.
pub fn is_checksum_manifest(bytes: &[u8]) -> bool {
    use crate::manifest::{ManifestFormat, parse};
    let has_line = bytes
        .split(|b| *b == b'\n')
        .any(|l| !l.trim_ascii().is_empty());
    has_line
        && (parse(bytes, ManifestFormat::Sha256sum).is_ok()
            || parse(bytes, ManifestFormat::Bagit).is_ok())
}

/// Decodes and extracts the text of a file held in memory.
pub fn extract(file_name: &[u8], bytes: &[u8]) -> Extracted {
    let mut out = Extracted {
        kind: ContentKind::Empty,
        encoding: None,
        title: None,
        site_name: None,
        canonical_url: None,
        source: None,
        text: String::new(),
        text_sha256: None,
        notes: Vec::new(),
        capture: None,
        published: None,
        page_lines: None,
    };
    if bytes.is_empty() {
        out.notes
            .push("empty file: fingerprinted, nothing to analyse".into());
        return out;
    }
    if pdf::looks_like_pdf(bytes) && encoding_rs::Encoding::for_bom(bytes).is_none() {
        match pdf::read(bytes) {
            pdf::Pdf::Text { pages, title } => {
                let with_text = pages.iter().filter(|p| !p.trim().is_empty()).count();
                if pages.is_empty() {
                    out.kind = ContentKind::Binary;
                    out.notes
                        .push("a PDF with no pages: kept as evidence, not analysed".into());
                    return out;
                }
                if with_text == 0 {
                    out.kind = ContentKind::Binary;
                    out.notes.push(format!(
                        "a PDF of {} page{} without a text layer (a scan?): kept as evidence, not analysed",
                        pages.len(),
                        if pages.len() == 1 { "" } else { "s" }
                    ));
                    return out;
                }
                out.kind = ContentKind::Text;
                // Not an encoding: the text is read from the PDF's pages,
                // and evidence in it has no byte range in the file.
                out.encoding = Some(format!("PDF text layer, {} pages", pages.len()));
                out.title = title;
                if with_text < pages.len() {
                    out.notes.push(format!(
                        "{} of the PDF's {} pages have no text layer (scanned?): not analysed",
                        pages.len() - with_text,
                        pages.len()
                    ));
                }
                out.page_lines = Some(page_lines(&pages));
                out.text = pages.join("\n");
                return finish(out);
            }
            pdf::Pdf::Unreadable(why) => {
                out.kind = ContentKind::Binary;
                out.notes.push(format!(
                    "a PDF whose text cannot be read ({why}): kept as evidence, not analysed"
                ));
                return out;
            }
        }
    }
    if encoding_rs::Encoding::for_bom(bytes).is_none() && looks_binary(bytes) {
        out.kind = ContentKind::Binary;
        out.notes
            .push("not text: fingerprinted and kept as evidence, not analysed".into());
        return out;
    }
    if is_checksum_manifest(bytes) {
        out.kind = ContentKind::Manifest;
        out.encoding = Some("UTF-8".into());
        out.notes
            .push("a checksum manifest: fingerprinted and kept as evidence, not analysed".into());
        return out;
    }
    if mhtml::looks_like_mhtml(file_name, bytes) {
        match mhtml::read(bytes) {
            Some(snapshot) => {
                let page = html_to_text(&snapshot.html);
                out.kind = ContentKind::Html;
                // Not an encoding label: evidence is located in the page,
                // not in the quoted-printable bytes of the file.
                out.encoding = Some(format!("MHTML ({})", snapshot.charset));
                out.title = page.title;
                out.site_name = page.site_name;
                out.canonical_url = page.canonical_url;
                out.published = page.published;
                out.text = page.text;
                out.notes.extend(page.note);
                out.source = Some(snapshot.html);
                out.capture = Some(Capture {
                    record: None,
                    url: snapshot.url,
                    at: snapshot.captured_at,
                    format: "mhtml".into(),
                });
                return finish(out);
            }
            None => out
                .notes
                .push("an MHTML file holding no HTML page: read as text".into()),
        }
    }
    let is_html = looks_like_html(file_name, bytes);
    let decoded = decode(bytes, is_html);
    out.encoding = Some(decoded.encoding.clone());
    out.notes.extend(decoded.note.clone());
    if is_html {
        let page = html_to_text(&decoded.text);
        out.kind = ContentKind::Html;
        out.title = page.title;
        out.site_name = page.site_name;
        out.canonical_url = page.canonical_url;
        out.text = page.text;
        out.notes.extend(page.note);
        out.published = page.published;
        out.capture = html::saved_from_url(&decoded.text).map(|url| Capture {
            record: None,
            url: Some(url),
            at: None,
            format: "saved_html".into(),
        });
        out.source = Some(decoded.text);
    } else {
        out.kind = ContentKind::Text;
        out.text = decoded.text.clone();
    }
    finish(out)
}

/// The text hash, and the text cut to what the analysis reads.
/// The 1-based line each page starts on once the pages are joined with a
/// newline.
fn page_lines(pages: &[String]) -> Vec<u64> {
    let mut line = 1;
    pages
        .iter()
        .map(|page| {
            let start = line;
            line += page.bytes().filter(|b| *b == b'\n').count() as u64 + 1;
            start
        })
        .collect()
}

/// The 1-based page holding `line`, given where each page starts.
pub fn page_of(page_lines: &[u64], line: u64) -> u64 {
    page_lines.partition_point(|&start| start <= line).max(1) as u64
}

fn finish(mut out: Extracted) -> Extracted {
    let normalised = normalise(&out.text);
    if normalised.is_empty() {
        out.notes
            .push("no readable text: nothing to analyse".into());
    } else {
        out.text_sha256 = Some(sha256_hex(normalised.as_bytes()));
    }
    // The fingerprint covers the whole text; the analysis only its start.
    if out.text.len() > TEXT_ANALYSIS_LIMIT {
        let mut end = TEXT_ANALYSIS_LIMIT;
        while !out.text.is_char_boundary(end) {
            end -= 1;
        }
        out.notes.push(format!(
            "{} of text, more than any article holds: only the first {} MiB are analysed for outlets and claims (the whole file is fingerprinted)",
            human_size(out.text.len()),
            TEXT_ANALYSIS_LIMIT >> 20
        ));
        out.text.truncate(end);
    }
    out
}

/// The most text of one document the analysis reads (the longest articles
/// hold a few hundred KiB): what one file can cost the outlets and claims
/// stages is bounded whatever it holds.
pub const TEXT_ANALYSIS_LIMIT: usize = 1 << 20;

fn human_size(n: usize) -> String {
    format!("{:.1} MiB", n as f64 / f64::from(1 << 20))
}

/// The text form that `text_sha256` is computed from: Unicode NFC, zero-width
/// characters and byte-order marks dropped, every run of white space (line
/// breaks and no-break spaces included) made one space, ends trimmed.
/// Documented in `docs/json-schema.md`; changing it changes every text hash.
pub fn normalise(text: &str) -> String {
    let cleaned: String = text
        .nfc()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
        })
        .collect();
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the extraction makes of the seeds, the kept fuzz inputs and
    /// pages with every kind of metadata, as one SHA-256.
    fn extraction_output() -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
        let mut seeds: Vec<_> = std::fs::read_dir(root.join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        seeds.sort();
        // Named, so a new kept fuzz input does not move the pin.
        let kept = [
            "closing-credit-after-curly-quote.txt",
            "controls-and-bidi.txt",
            "deep-3000.html",
            "legacy-1252.html",
            "names-dense.txt",
            "osc-site-name.html",
            "script-breakout.html",
            "shortcodes.txt",
            "truncated-utf8.txt",
            "unclosed-everything.html",
            "unterminated-comment.html",
            "utf16-bom.txt",
        ]
        .map(|n| root.join("tests/data/fuzz/inputs").join(n));
        let pdf = root.join("tests/data/pdf/chromium-print.pdf");
        for path in seeds.into_iter().chain(kept).chain([pdf]) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            inputs.push((name, std::fs::read(&path).unwrap()));
        }
        inputs.push((
            "page.html".into(),
            br#"<!-- saved from url=(0031)https://example.org/news/a.html -->
<html><head><title>T &amp; U</title><meta property="og:site_name" content="Example">
<link rel="canonical" href="https://example.org/a"><meta property="og:url" content="https://example.org/b">
<meta property="article:published_time" content="2024-01-02T03:04:05Z"></head>
<body><nav>Home</nav><article><p>MOSCOW, Jan 2 (Reuters) - A said B.</p><p>Second, &ldquo;quoted&rdquo;.</p></article>
<script>var x = "<p>no</p>";</script></body></html>"#
                .to_vec(),
        ));
        inputs.push((
            "page.mhtml".into(),
            b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/a\r\n\
Date: Tue, 02 Jan 2024 10:11:12 -0000\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n--b\r\n\
Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
<p>TEHRAN (MNA) =E2=80=93 Talks re=\r\nsumed.</p>\r\n--b--\r\n"
                .to_vec(),
        ));
        let mut h = <sha2::Sha256 as sha2::Digest>::new();
        for (name, bytes) in &inputs {
            let e = extract(name.as_bytes(), bytes);
            sha2::Digest::update(
                &mut h,
                format!(
                    "{name}\0{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}\n{}\n",
                    e.page_lines,
                    e.published,
                    e.capture,
                    e.kind,
                    e.encoding,
                    e.title,
                    e.site_name,
                    e.canonical_url,
                    e.source.as_ref().map(|s| s.len()),
                    e.text_sha256,
                    e.notes,
                    e.text
                ),
            );
        }
        crate::fingerprint::hex(&sha2::Digest::finalize(h))
    }

    /// Stored documents are re-extracted only when [`EXTRACTION_VERSION`]
    /// changes: a change to what the extraction produces must raise it.
    /// Pages joined by a newline: each page's first line, and the page of
    /// any line (a page of three lines, one of one, one of two).
    #[test]
    fn a_pdfs_lines_are_told_by_page() {
        let pages = ["a\nb\nc", "d", "e\nf"].map(String::from);
        let starts = page_lines(&pages);
        assert_eq!(starts, [1, 4, 5]);
        let text = pages.join("\n");
        let line_of = |w: &str| text[..text.find(w).unwrap()].matches('\n').count() as u64 + 1;
        for (word, page) in [("a", 1), ("c", 1), ("d", 2), ("e", 3), ("f", 3)] {
            assert_eq!(page_of(&starts, line_of(word)), page, "{word}");
        }
    }

    #[test]
    fn extraction_version_is_raised_with_the_code() {
        const PINNED: (u32, &str) = (
            6,
            "ebd3689ea452afb5c6b2169cc139d14f053df0c1ddf783a98a49a6987eabc52f",
        );
        let found = extraction_output();
        let advice = if EXTRACTION_VERSION == PINNED.0 {
            format!(
                "the text extraction's output changed: raise EXTRACTION_VERSION to {} (stores \
                 then read every file again) and pin ({}, \"{found}\") here",
                EXTRACTION_VERSION + 1,
                EXTRACTION_VERSION + 1
            )
        } else {
            format!("pin ({EXTRACTION_VERSION}, \"{found}\") here")
        };
        assert_eq!((EXTRACTION_VERSION, found.as_str()), PINNED, "{advice}");
    }

    #[test]
    fn same_article_in_other_encoding_and_wrapper_has_same_text_hash() {
        let utf8 = "Libya’s “war criminal” café\n\nSecond  paragraph.\n";
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(utf8);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(utf8.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let html = "<!DOCTYPE html><html><head><style>p{}</style><script>var x=1;</script></head>\
             <body><p>Libya’s “war criminal” café</p><p>Second paragraph.</p></body></html>";
        let a = extract(b"a.txt", utf8.as_bytes());
        let b = extract(b"b.txt", &cp1252);
        let c = extract(b"c.txt", &utf16);
        let d = extract(b"d.html", html.as_bytes());
        assert_eq!(a.encoding.as_deref(), Some("UTF-8"));
        assert_eq!(b.encoding.as_deref(), Some("windows-1252"));
        assert_eq!(c.encoding.as_deref(), Some("UTF-16LE (BOM)"));
        assert_eq!(d.kind, ContentKind::Html);
        assert!(a.text_sha256.is_some());
        assert_eq!(a.text_sha256, b.text_sha256);
        assert_eq!(a.text_sha256, c.text_sha256);
        assert_eq!(a.text_sha256, d.text_sha256);
    }

    #[test]
    fn binary_and_empty_files_are_not_analysed() {
        let bin = extract(b"x.pdf", b"%PDF-1.7\n\x01\x02");
        assert_eq!(bin.kind, ContentKind::Binary);
        assert_eq!(bin.text_sha256, None);
        let nul = extract(b"x.txt", b"abc\0def");
        assert_eq!(nul.kind, ContentKind::Binary);
        let sums = extract(
            b"SHA256SUMS",
            b"b4384720eb89e494e134000ff5819478d55990abfd239ce4cdbed10a3f94db5d  000.txt\n",
        );
        assert_eq!(sums.kind, ContentKind::Manifest);
        assert_eq!(sums.text_sha256, None);
        let empty = extract(b"x.txt", b"");
        assert_eq!(empty.kind, ContentKind::Empty);
        assert!(empty.notes[0].contains("empty"));
    }

    #[test]
    fn normalise_folds_white_space_and_invisible_characters() {
        assert_eq!(normalise("\u{FEFF} a\u{00A0}\u{200B}b\r\n\tc  "), "a b c");
        // NFC: e + combining acute is é.
        assert_eq!(normalise("cafe\u{0301}"), "caf\u{e9}");
    }
}

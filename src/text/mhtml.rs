//! MHTML: a web page saved as one file (Chrome and Edge "Save as… single
//! file", Hunchly, the DevTools protocol's `Page.captureSnapshot`): a MIME
//! `multipart/related` message whose first HTML part is the page, with the
//! address it was saved from (`Snapshot-Content-Location`, or the part's
//! `Content-Location`) and when (`Date`). `mail-parser` reads the MIME
//! structure, the transfer encodings and the charsets.

use mail_parser::{MessageParser, MimeHeaders};

/// The page inside an MHTML file, and where and when it was captured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The main page's HTML, decoded.
    pub html: String,
    /// Its charset as the part declared it (`utf-8` when none was).
    pub charset: String,
    pub url: Option<String>,
    /// The capture time, RFC 3339 in UTC.
    pub captured_at: Option<String>,
    /// Parts besides the page (images, styles, frames).
    pub other_parts: usize,
}

/// Whether the bytes look like MHTML: by name (`.mht`, `.mhtml`), or a
/// MIME header block whose content type is `multipart/related` within the
/// first lines, as browsers write it.
pub fn looks_like_mhtml(file_name: &[u8], bytes: &[u8]) -> bool {
    let name = String::from_utf8_lossy(file_name).to_ascii_lowercase();
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    // The message's own header block: up to the first empty line.
    let end = [head.find("\r\n\r\n"), head.find("\n\n")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(head.len());
    let header = &head[..end];
    let starts_as_mime = [
        "from:",
        "mime-version:",
        "snapshot-content-location:",
        "content-type:",
        "subject:",
        "date:",
    ]
    .iter()
    .any(|h| header.starts_with(h));
    let related = header.contains("content-type: multipart/related");
    related && (starts_as_mime || name.ends_with(".mht") || name.ends_with(".mhtml"))
}

/// The page of an MHTML file; `None` when it holds no HTML part, or when
/// the MIME parser fails on it (mail-parser 0.11 overflows on a
/// quoted-printable part that ends in a soft line break): the file is then
/// read as the text it is, never the end of the run.
pub fn read(bytes: &[u8]) -> Option<Snapshot> {
    std::panic::catch_unwind(|| read_unguarded(bytes))
        .ok()
        .flatten()
}

fn read_unguarded(bytes: &[u8]) -> Option<Snapshot> {
    let message = MessageParser::default().parse(bytes)?;
    let page = message.parts.iter().find(|p| {
        p.content_type().is_some_and(|t| {
            t.ctype().eq_ignore_ascii_case("text")
                && t.subtype().is_some_and(|s| s.eq_ignore_ascii_case("html"))
        })
    })?;
    let html = page.text_contents()?.to_owned();
    let charset = page
        .content_type()
        .and_then(|t| t.attribute("charset"))
        .unwrap_or("utf-8")
        .to_ascii_lowercase();
    let url = message
        .header_raw("Snapshot-Content-Location")
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .or_else(|| page.content_location())
        .map(str::to_owned);
    let captured_at = message.date().map(|d| d.to_rfc3339());
    let other_parts = message
        .parts
        .iter()
        .filter(|p| !matches!(p.body, mail_parser::PartType::Multipart(_)))
        .count()
        .saturating_sub(1);
    Some(Snapshot {
        html,
        charset,
        url,
        captured_at,
        other_parts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the fuzz harness: a quoted-printable part ending in `=`
    /// before its boundary made the MIME parser panic.
    #[test]
    fn a_part_ending_in_a_soft_line_break_is_no_panic() {
        let bytes = b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/a\r\n\
Content-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n--b\r\n\
Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=\r\n--b\r\n\
Content-Type: text/html; charset=\"koi8-r\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\r\n--b--\r\n";
        let _ = read(bytes);
        let out = crate::text::extract(b"a.mhtml", bytes);
        assert!(out.text.len() <= bytes.len() * 4);
    }

    /// As Chromium 130 writes it (`Page.captureSnapshot`), cut short.
    const BLINK: &str = "From: <Saved by Blink>\r\n\
Snapshot-Content-Location: https://www.presstv.ir/Detail/2024/01/02/1\r\n\
Subject: =?utf-8?Q?Talks_=E2=80=93_resume?=\r\n\
Date: Tue, 02 Jan 2024 10:11:12 -0000\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/related;\r\n\
\ttype=\"text/html\";\r\n\
\tboundary=\"----MultipartBoundary--abc----\"\r\n\
\r\n\
\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: text/html\r\n\
Content-ID: <frame-1@mhtml.blink>\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
Content-Location: https://www.presstv.ir/Detail/2024/01/02/1\r\n\
\r\n\
<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=\r\n\
=3DUTF-8\"><title>Talks</title></head><body><p>TEHRAN (MNA) =E2=80=93 Talks re=\r\n\
sumed.</p></body></html>\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: image/png\r\n\
Content-Transfer-Encoding: base64\r\n\
Content-Location: https://www.presstv.ir/logo.png\r\n\
\r\n\
iVBORw0KGgo=\r\n\
------MultipartBoundary--abc------\r\n";

    #[test]
    fn the_page_its_address_and_capture_time_are_read() {
        assert!(looks_like_mhtml(b"page.mhtml", BLINK.as_bytes()));
        assert!(looks_like_mhtml(b"page.txt", BLINK.as_bytes()));
        let s = read(BLINK.as_bytes()).unwrap();
        assert!(
            s.html
                .contains("<p>TEHRAN (MNA) \u{2013} Talks resumed.</p>"),
            "{}",
            s.html
        );
        assert_eq!(
            s.url.as_deref(),
            Some("https://www.presstv.ir/Detail/2024/01/02/1")
        );
        assert_eq!(s.captured_at.as_deref(), Some("2024-01-02T10:11:12Z"));
        assert_eq!(s.other_parts, 1);
    }

    #[test]
    fn a_letter_or_a_plain_page_is_not_mhtml() {
        assert!(!looks_like_mhtml(
            b"note.txt",
            b"From: Jane\nSubject: hello\n\nContent-Type: multipart/related is a MIME type."
        ));
        assert!(!looks_like_mhtml(b"a.html", b"<html><body>x</body></html>"));
        assert_eq!(read(b"From: Jane\r\n\r\nno page here"), None);
    }
}

//! Bytes to text with a real decoder: a byte-order mark wins, then valid
//! UTF-8, then an HTML page's declared charset, then `chardetng`'s guess
//! (the detector Firefox uses for unlabelled legacy pages).

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

/// Text decoded from bytes, the encoding used, and a note when a reviewer
/// should check the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: String,
    pub note: Option<String>,
}

/// Decodes `bytes`; `html` enables the `<meta charset>` pre-scan.
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: format!("{} (BOM)", encoding.name()),
            note: had_errors.then(|| replaced_note(encoding)),
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: "UTF-8".into(),
            note: None,
        };
    }
    let declared = if html { declared_charset(bytes) } else { None };
    // A page that declares UTF-8 but is not valid UTF-8 is decoded as
    // declared, with replacement characters and a note.
    let (encoding, how) = match declared {
        Some(enc) => (enc, "declared in the page"),
        None => {
            let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            (detector.guess(None, Utf8Detection::Deny), "detected")
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut note = format!(
        "not valid UTF-8: decoded as {} ({how}); check that the text reads correctly",
        encoding.name()
    );
    if had_errors {
        note.push_str("; some bytes were undecodable and replaced with U+FFFD");
    }
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name().to_owned(),
        note: Some(note),
    }
}

fn replaced_note(encoding: &'static Encoding) -> String {
    format!(
        "some bytes were not valid {} and were replaced with U+FFFD",
        encoding.name()
    )
}

/// The charset an HTML page declares in its first 1024 bytes
/// (`<meta charset=…>` or `content="text/html; charset=…"`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_big_endian_with_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("Tripoli".encode_utf16().flat_map(|u| u.to_be_bytes()));
        let d = decode(&bytes, false);
        assert_eq!(d.text, "Tripoli");
        assert_eq!(d.encoding, "UTF-16BE (BOM)");
        assert_eq!(d.note, None);
    }

    #[test]
    fn utf8_bom_is_not_part_of_the_text() {
        let d = decode(b"\xEF\xBB\xBFHaftar", false);
        assert_eq!(d.text, "Haftar");
        assert_eq!(d.encoding, "UTF-8 (BOM)");
    }

    #[test]
    fn invalid_utf8_is_decoded_as_legacy_with_a_note() {
        // "Sarraj’s café" in windows-1252: 0x92 is the right single quote.
        let d = decode(b"Sarraj\x92s caf\xe9 and the r\xe9gime", false);
        assert_eq!(d.text, "Sarraj’s café and the régime");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.note.unwrap().contains("not valid UTF-8"));
    }

    #[test]
    fn html_declared_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-2\"></head><body>\xB3</body></html>";
        let d = decode(page, true);
        assert_eq!(d.encoding, "ISO-8859-2");
        assert!(d.text.contains('ł'));
    }
}

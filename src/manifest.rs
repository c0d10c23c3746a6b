//! Checksum manifests in the two formats other tools check: GNU `sha256sum`
//! (with its escaping of backslashes and newlines in names) and BagIt
//! `manifest-sha256.txt` (RFC 8493, with percent-encoded CR, LF and `%`).

use crate::relpath::RelPath;
use std::path::Path;

/// Which manifest format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManifestFormat {
    /// `sha256sum` output: `HASH  NAME`, `HASH *NAME`, or `SHA256 (NAME) = HASH`.
    Sha256sum,
    /// A BagIt payload manifest: `HASH NAME`, names relative to the bag.
    Bagit,
}

impl ManifestFormat {
    /// BagIt for files named `manifest-*.txt` or `tagmanifest-*.txt`, else `sha256sum`.
    pub fn detect(path: &Path) -> Self {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if (name.starts_with("manifest-") || name.starts_with("tagmanifest-"))
            && name.ends_with(".txt")
        {
            ManifestFormat::Bagit
        } else {
            ManifestFormat::Sha256sum
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ManifestFormat::Sha256sum => "sha256sum",
            ManifestFormat::Bagit => "bagit",
        }
    }
}

/// One line of a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub path: RelPath,
    pub sha256: String,
}

/// A line that is not what the format says.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

fn is_sha256_hex(s: &[u8]) -> bool {
    s.len() == 64 && s.iter().all(u8::is_ascii_hexdigit)
}

/// Parses a manifest. Blank lines are passed over; anything else that does
/// not parse is an error naming the line.
pub fn parse(bytes: &[u8], format: ManifestFormat) -> Result<Vec<Entry>, ParseError> {
    let mut entries = Vec::new();
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // GNU `sha256sum -c` passes over comment lines; our manifests start
        // with one stating the review log's head.
        if format == ManifestFormat::Sha256sum && line.starts_with(b"#") {
            continue;
        }
        let err = |message: &str| ParseError {
            line: line_no,
            message: message.to_owned(),
        };
        let entry = match format {
            ManifestFormat::Sha256sum => parse_sha256sum_line(line).ok_or_else(|| {
                err("not a sha256sum line (expected 64 hex digits, two spaces or ' *', then the file name)")
            })?,
            ManifestFormat::Bagit => parse_bagit_line(line)
                .ok_or_else(|| err("not a BagIt manifest line (expected 64 hex digits, white space, then the path)"))?,
        };
        entries.push(entry);
    }
    Ok(entries)
}

fn parse_sha256sum_line(line: &[u8]) -> Option<Entry> {
    let (escaped, line) = match line.strip_prefix(b"\\") {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    // BSD tag form: SHA256 (NAME) = HASH
    if let Some(rest) = line.strip_prefix(b"SHA256 (") {
        let split = rest.windows(4).rposition(|w| w == b") = ")?;
        let (name, hash) = (&rest[..split], &rest[split + 4..]);
        if !is_sha256_hex(hash) {
            return None;
        }
        return Some(Entry {
            path: RelPath::from_bytes(unescape_gnu(name, escaped)?),
            sha256: String::from_utf8_lossy(hash).to_ascii_lowercase(),
        });
    }
    if line.len() < 67
        || !is_sha256_hex(&line[..64])
        || line[64] != b' '
        || !matches!(line[65], b' ' | b'*')
    {
        return None;
    }
    let name = unescape_gnu(&line[66..], escaped)?;
    Some(Entry {
        path: RelPath::from_bytes(match name.strip_prefix(b"./") {
            Some(rest) if !rest.is_empty() => rest.to_vec(),
            _ => name,
        }),
        sha256: String::from_utf8_lossy(&line[..64]).to_ascii_lowercase(),
    })
}

fn unescape_gnu(name: &[u8], escaped: bool) -> Option<Vec<u8>> {
    if name.is_empty() {
        return None;
    }
    if !escaped {
        return Some(name.to_vec());
    }
    let mut out = Vec::with_capacity(name.len());
    let mut bytes = name.iter();
    while let Some(&b) = bytes.next() {
        if b == b'\\' {
            match bytes.next()? {
                b'\\' => out.push(b'\\'),
                b'n' => out.push(b'\n'),
                b'r' => out.push(b'\r'),
                _ => return None,
            }
        } else {
            out.push(b);
        }
    }
    Some(out)
}

fn parse_bagit_line(line: &[u8]) -> Option<Entry> {
    let split = line.iter().position(|b| *b == b' ' || *b == b'\t')?;
    let (hash, rest) = line.split_at(split);
    let name = rest
        .iter()
        .position(|b| *b != b' ' && *b != b'\t')
        .map(|i| &rest[i..])?;
    if !is_sha256_hex(hash) {
        return None;
    }
    // Only the three sequences BagIt defines are decoded; any other `%` is
    // a literal percent sign.
    let mut out = Vec::with_capacity(name.len());
    let mut i = 0;
    while i < name.len() {
        match &name[i..] {
            [b'%', b'0', b'A' | b'a', ..] => (out.push(b'\n'), i += 3),
            [b'%', b'0', b'D' | b'd', ..] => (out.push(b'\r'), i += 3),
            [b'%', b'2', b'5', ..] => (out.push(b'%'), i += 3),
            [b, ..] => (out.push(*b), i += 1),
            [] => unreachable!(),
        };
    }
    Some(Entry {
        path: RelPath::from_bytes(out),
        sha256: String::from_utf8_lossy(hash).to_ascii_lowercase(),
    })
}

/// Whether `s` starts with one of the percent-encodings a BagIt manifest
/// path may hold.
fn is_escape_sequence(s: &[u8]) -> bool {
    matches!(
        s,
        [b'%', b'0', b'A' | b'a' | b'D' | b'd', ..] | [b'%', b'2', b'5', ..]
    )
}

/// Appends one `sha256sum` line. Like GNU coreutils, a name holding a
/// backslash, a newline or a carriage return is escaped and the line starts
/// with a backslash, so `sha256sum -c --strict` reads it back exactly.
pub fn push_sha256sum_line(out: &mut Vec<u8>, sha256: &str, path: &RelPath) {
    // A file named `-` would be read as standard input by `sha256sum -c`.
    let name = match path.as_bytes() {
        b"-" => b"./-".as_slice(),
        name => name,
    };
    let needs_escape = name.iter().any(|b| matches!(b, b'\\' | b'\n' | b'\r'));
    if needs_escape {
        out.push(b'\\');
    }
    out.extend_from_slice(sha256.as_bytes());
    out.extend_from_slice(b"  ");
    for &b in name {
        match b {
            b'\\' if needs_escape => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
    out.push(b'\n');
}

/// Appends one BagIt manifest line. BagIt manifests are UTF-8, so a name that
/// is not UTF-8 cannot be written; the caller names the file to the user.
///
/// CR and LF are always percent-encoded. RFC 8493 also asks for `%` to be
/// written `%25`, but no deployed validator decodes that (bagit-python #157,
/// bagit-spec #46), so a `%` is encoded only where leaving it would be misread
/// (before `0A`, `0D` or `25`); every other name reads the same to a strict
/// RFC 8493 reader and to bagit-python.
pub fn push_bagit_line(
    out: &mut Vec<u8>,
    sha256: &str,
    path: &[u8],
) -> Result<(), std::str::Utf8Error> {
    let name = std::str::from_utf8(path)?;
    out.extend_from_slice(sha256.as_bytes());
    out.push(b' ');
    for (i, c) in name.char_indices() {
        match c {
            '%' if is_escape_sequence(&name.as_bytes()[i..]) => out.extend_from_slice(b"%25"),
            '\n' => out.extend_from_slice(b"%0A"),
            '\r' => out.extend_from_slice(b"%0D"),
            c => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out.push(b'\n');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &str = "b4384720eb89e494e134000ff5819478d55990abfd239ce4cdbed10a3f94db5d";

    fn check_roundtrip(format: ManifestFormat, name: &[u8]) {
        let path = RelPath::from_bytes(name.to_vec());
        let mut out = Vec::new();
        match format {
            ManifestFormat::Sha256sum => push_sha256sum_line(&mut out, H, &path),
            ManifestFormat::Bagit => push_bagit_line(&mut out, H, name).unwrap(),
        }
        let parsed = parse(&out, format).unwrap();
        assert_eq!(
            parsed,
            vec![Entry {
                path,
                sha256: H.into()
            }],
            "{}",
            String::from_utf8_lossy(&out)
        );
    }

    #[test]
    fn names_survive_both_formats() {
        for name in [
            &b"plain.txt"[..],
            b"sub dir/a  b.txt",
            b"new\nline.txt",
            b"back\\slash.txt",
            b"cr\r.txt",
            b"100%.txt",
            b"a%0Ab%25c%0d.txt",
        ] {
            check_roundtrip(ManifestFormat::Sha256sum, name);
            check_roundtrip(ManifestFormat::Bagit, name);
        }
        check_roundtrip(ManifestFormat::Sha256sum, b"latin1-\xe9.txt");
    }

    #[test]
    fn sha256sum_escaping_matches_coreutils() {
        let mut out = Vec::new();
        push_sha256sum_line(&mut out, H, &RelPath::from_bytes(b"a\\b\nc".to_vec()));
        assert_eq!(out, format!("\\{H}  a\\\\b\\nc\n").into_bytes());
        let mut plain = Vec::new();
        push_sha256sum_line(&mut plain, H, &RelPath::from_bytes(b"x.txt".to_vec()));
        assert_eq!(plain, format!("{H}  x.txt\n").into_bytes());
    }

    #[test]
    fn a_percent_sign_is_encoded_only_where_it_would_be_misread() {
        let mut out = Vec::new();
        push_bagit_line(&mut out, H, b"data/100% sure.txt").unwrap();
        push_bagit_line(&mut out, H, b"data/a%0Ab.txt").unwrap();
        push_bagit_line(&mut out, H, b"data/new\nline.txt").unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            format!("{H} data/100% sure.txt\n{H} data/a%250Ab.txt\n{H} data/new%0Aline.txt\n")
        );
    }

    #[test]
    fn binary_mode_and_bsd_tags_are_read() {
        let text = format!("{H} *a.txt\nSHA256 (b (1).txt) = {}\n\n", H.to_uppercase());
        let parsed = parse(text.as_bytes(), ManifestFormat::Sha256sum).unwrap();
        assert_eq!(parsed[0].path.as_bytes(), b"a.txt");
        assert_eq!(parsed[1].path.as_bytes(), b"b (1).txt");
        assert_eq!(parsed[1].sha256, H);
    }

    #[test]
    fn a_bad_line_is_named() {
        let text = format!("{H}  a.txt\nnot a line\n");
        let err = parse(text.as_bytes(), ManifestFormat::Sha256sum).unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn format_is_detected_from_the_name() {
        assert_eq!(
            ManifestFormat::detect(Path::new("bag/manifest-sha256.txt")),
            ManifestFormat::Bagit
        );
        assert_eq!(
            ManifestFormat::detect(Path::new("SHA256SUMS")),
            ManifestFormat::Sha256sum
        );
    }
}

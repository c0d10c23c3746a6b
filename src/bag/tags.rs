//! The tag files: `bagit.txt`, `bag-info.txt`, `fetch.txt` and the
//! manifests' lines, read in the encoding the bag declares.

use super::problem::excerpt;
use super::{
    Algorithm, BagCheck, Checker, Entry, InfoField, Problem, TAG_FILE_LIMIT, VERSIONS, inside_bag,
    inside_payload, lines,
};
use super::{Refused, open_in_bag};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;

/// A line of `fetch.txt`: where the file is to come from, and its length
/// when stated.
pub(super) struct FetchEntry {
    pub(super) url: String,
    pub(super) bytes: Option<u64>,
}

/// No path is longer (Linux: 4,096 bytes); a longer manifest or fetch
/// line is an error, so no finding quotes a megabyte.
const LINE_LIMIT: usize = 16 * 1024;

impl Checker<'_> {
    /// Reads a tag file if it is a regular file in the bag.
    pub(super) fn read_tag_file(&mut self, name: &str) -> Option<Vec<u8>> {
        let (file, bytes) = match open_in_bag(self.root, name) {
            Ok(opened) => opened,
            Err(Refused::Missing) => return None,
            Err(Refused::NotRegular { path, kind }) => {
                self.error(Problem::NotRegularFile { path, kind });
                return None;
            }
            Err(Refused::Io(error)) => {
                self.error(Problem::Unreadable {
                    path: name.to_owned(),
                    error,
                });
                return None;
            }
        };
        if bytes > TAG_FILE_LIMIT {
            self.error(Problem::TagFileTooLarge {
                file: name.to_owned(),
                bytes,
            });
            return None;
        }
        let mut content = Vec::with_capacity(bytes as usize);
        // At most the limit, whatever the file grew to since.
        match file.take(TAG_FILE_LIMIT).read_to_end(&mut content) {
            Ok(_) => Some(content),
            Err(e) => {
                self.error(Problem::Unreadable {
                    path: name.to_owned(),
                    error: e.to_string(),
                });
                None
            }
        }
    }

    /// `bagit.txt`: the version and the tag files' encoding, or `None` when
    /// the bag cannot be read further.
    pub(super) fn declaration(
        &mut self,
        report: &mut BagCheck,
    ) -> Option<(String, &'static encoding_rs::Encoding)> {
        let Some(bytes) = self.read_tag_file("bagit.txt") else {
            if !self.root.join("bagit.txt").exists() {
                self.error(Problem::NoDeclaration);
            }
            return None;
        };
        let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => {
                self.error(Problem::DeclarationHasBom);
                rest.to_vec()
            }
            None => bytes,
        };
        let Ok(text) = String::from_utf8(bytes) else {
            self.error(Problem::DeclarationNotUtf8);
            return None;
        };
        let mut version = None;
        let mut encoding = None;
        let mut raw_lines = Vec::new();
        for (i, line) in lines(&text).enumerate() {
            if line.is_empty() {
                continue;
            }
            let Some((label, value)) = line.split_once(':') else {
                self.error(Problem::DeclarationLine {
                    line: i + 1,
                    text: excerpt(line),
                });
                continue;
            };
            raw_lines.push((i + 1, line, label, value));
            let slot = match label.trim() {
                "BagIt-Version" => &mut version,
                "Tag-File-Character-Encoding" => &mut encoding,
                _ => continue,
            };
            if slot.is_some() {
                self.error(Problem::RepeatedField {
                    field: label.trim().to_owned(),
                });
            }
            *slot = Some(value.to_owned());
        }
        let Some(version_raw) = version else {
            self.error(Problem::MissingField {
                field: "BagIt-Version",
            });
            return None;
        };
        let version = version_raw.trim().to_owned();
        report.version = Some(version.clone());
        // Two lines, the version first; anything else is an error in 1.0
        // (RFC 8493 §2.1.1) and a warning in the drafts.
        for (at, (line, text, label, _)) in raw_lines.iter().enumerate() {
            let expected = ["BagIt-Version", "Tag-File-Character-Encoding"].get(at);
            if expected != Some(&label.trim()) {
                let problem = Problem::DeclarationOrder {
                    line: *line,
                    text: excerpt(text),
                };
                if version == "1.0" {
                    self.error(problem)
                } else {
                    self.warn(problem)
                }
            }
        }
        // RFC 8493 (1.0) writes `Label: value`: no space before the colon,
        // exactly one after it, nothing after the value.
        if version == "1.0" {
            for (line, text, label, value) in &raw_lines {
                let tidy = label.trim() == *label
                    && value.starts_with([' ', '\t'])
                    && value[1..].trim() == &value[1..]
                    && !value[1..].is_empty();
                if !tidy {
                    self.error(Problem::DeclarationLine {
                        line: *line,
                        text: excerpt(text),
                    });
                }
            }
        }
        let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match version.split_once('.') {
            Some((major, minor)) if number(major) && number(minor) => {}
            _ => {
                self.error(Problem::InvalidVersion { version });
                return None;
            }
        }
        if !VERSIONS.contains(&version.as_str()) {
            self.error(Problem::UnsupportedVersion { version });
            return None;
        }
        let Some(label) = encoding else {
            self.error(Problem::MissingField {
                field: "Tag-File-Character-Encoding",
            });
            return None;
        };
        let label = label.trim().to_owned();
        report.encoding = Some(label.clone());
        let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) else {
            self.error(Problem::UnknownEncoding { encoding: label });
            return None;
        };
        Some((version, encoding))
    }

    /// A tag file other than `bagit.txt` as text in the declared encoding
    /// (a byte-order mark is honoured, as the drafts' UTF-16 bags need).
    pub(super) fn decode(
        &mut self,
        name: &str,
        bytes: &[u8],
        encoding: &'static encoding_rs::Encoding,
    ) -> Option<String> {
        let (text, _, had_errors) = encoding.decode(bytes);
        // ASCII in UTF-16 is half NUL bytes: a file declared UTF-16 with
        // none, and no byte-order mark, is not UTF-16 (it would decode into
        // nonsense CJK text without an error).
        let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
        let not_utf16 = utf16
            && !bytes.is_empty()
            && encoding_rs::Encoding::for_bom(bytes).is_none()
            && !bytes.contains(&0);
        if had_errors || not_utf16 {
            self.error(Problem::Undecodable {
                file: name.to_owned(),
                encoding: encoding.name().to_owned(),
            });
            return None;
        }
        Some(text.into_owned())
    }

    /// `bag-info.txt`: labels and values, a line starting with whitespace
    /// continuing the value before it.
    pub(super) fn info(&mut self, name: &str, text: &str) -> Vec<InfoField> {
        let mut fields: Vec<InfoField> = Vec::new();
        for (i, line) in lines(text).enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            if line.starts_with([' ', '\t'])
                && let Some(last) = fields.last_mut()
            {
                last.value.push(' ');
                last.value.push_str(line.trim());
                continue;
            }
            let tidy_label = |label: &str| !label.is_empty() && label.trim() == label;
            match line.split_once(':') {
                Some((label, value)) if !self.strict || tidy_label(label) => {
                    fields.push(InfoField {
                        label: label.trim().to_owned(),
                        value: value.trim().to_owned(),
                    });
                }
                _ => self.error(Problem::InfoLine {
                    file: name.to_owned(),
                    line: i + 1,
                    text: excerpt(line),
                }),
            }
        }
        fields
    }

    /// A manifest's usable entries; bad lines, unsafe paths and repeats are
    /// findings. `payload`: paths must be inside `data/`.
    pub(super) fn manifest(
        &mut self,
        name: &str,
        algorithm: Algorithm,
        encoding: &'static encoding_rs::Encoding,
        payload: bool,
    ) -> Option<Vec<Entry>> {
        let bytes = self.read_tag_file(name)?;
        let text = self.decode(name, &bytes, encoding)?;
        let mut entries: Vec<Entry> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut marked = 0;
        for (i, line) in lines(&text).enumerate() {
            let line_no = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let bad = |checker: &mut Self| {
                checker.error(Problem::ManifestLine {
                    file: name.to_owned(),
                    line: line_no,
                    text: excerpt(line),
                })
            };
            if line.len() > LINE_LIMIT {
                bad(self);
                continue;
            }
            let Some((digest, rest)) = line.split_once([' ', '\t']) else {
                bad(self);
                continue;
            };
            if digest.len() != algorithm.hex_len() || !digest.bytes().all(|b| b.is_ascii_hexdigit())
            {
                bad(self);
                continue;
            }
            let mut path = rest.trim_start_matches([' ', '\t']);
            // `md5sum -b` writes `HASH *NAME`; no payload name starts with `*`.
            if let Some(rest) = path.strip_prefix('*') {
                marked += 1;
                path = rest;
            }
            if path.is_empty() {
                bad(self);
                continue;
            }
            let mut path = self.decode_path(path);
            if let Some(rest) = path.strip_prefix("./") {
                self.warn(Problem::LeadingDotSlash {
                    file: name.to_owned(),
                    line: line_no,
                    path: path.clone(),
                });
                path = rest.to_owned();
            }
            if payload && !inside_payload(&path) {
                self.error(Problem::OutsidePayload {
                    file: name.to_owned(),
                    line: line_no,
                    path,
                });
                continue;
            }
            if !payload && !inside_bag(&path) {
                self.error(Problem::OutsideBag {
                    file: name.to_owned(),
                    line: line_no,
                    path,
                });
                continue;
            }
            if let Some(&at) = seen.get(&path) {
                if !entries[at].digest.eq_ignore_ascii_case(digest) {
                    self.error(Problem::ConflictingEntries {
                        file: name.to_owned(),
                        path,
                    });
                } else if self.strict {
                    // RFC 8493 §2.1.3: a file is listed once.
                    self.error(Problem::RepeatedEntry {
                        file: name.to_owned(),
                        path,
                    });
                } else {
                    self.warn(Problem::RepeatedEntry {
                        file: name.to_owned(),
                        path,
                    });
                }
                continue;
            }
            seen.insert(path.clone(), entries.len());
            entries.push(Entry {
                path,
                digest: digest.to_owned(),
            });
        }
        if marked > 0 {
            self.warn(Problem::BinaryMarker {
                file: name.to_owned(),
                lines: marked,
            });
        }
        // A conflicting pair leaves neither checksum trusted; the file is
        // still listed.
        for entry in &mut entries {
            let conflicting = self.findings.iter().any(|f| {
                matches!(&f.problem, Problem::ConflictingEntries { file, path }
                    if file == name && *path == entry.path)
            });
            if conflicting {
                entry.digest.clear();
            }
        }
        Some(entries)
    }

    /// RFC 8493 percent-encodes CR, LF and `%` in manifest and fetch paths;
    /// the drafts did not, so their names are taken as written.
    pub(super) fn decode_path(&self, path: &str) -> String {
        if !self.strict || !path.contains('%') {
            return path.to_owned();
        }
        let mut out = String::with_capacity(path.len());
        let mut rest = path;
        while let Some(at) = rest.find('%') {
            out.push_str(&rest[..at]);
            let code = rest.get(at + 1..at + 3).map(str::to_ascii_uppercase);
            match code.as_deref() {
                Some("0A") => out.push('\n'),
                Some("0D") => out.push('\r'),
                Some("25") => out.push('%'),
                _ => {
                    out.push('%');
                    rest = &rest[at + 1..];
                    continue;
                }
            }
            rest = &rest[at + 3..];
        }
        out.push_str(rest);
        out
    }
}

impl Checker<'_> {
    /// The manifests and tag manifests at the top of the bag, by algorithm.
    pub(super) fn manifest_files(
        &mut self,
    ) -> (BTreeMap<Algorithm, String>, BTreeMap<Algorithm, String>) {
        let mut manifests = BTreeMap::new();
        let mut tag_manifests = BTreeMap::new();
        let entries = match std::fs::read_dir(self.root) {
            Ok(entries) => entries,
            Err(e) => {
                self.error(Problem::Unreadable {
                    path: "the bag folder".to_owned(),
                    error: e.to_string(),
                });
                return (manifests, tag_manifests);
            }
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let (map, rest) = if let Some(rest) = name.strip_prefix("tagmanifest-") {
                (&mut tag_manifests, rest)
            } else if let Some(rest) = name.strip_prefix("manifest-") {
                (&mut manifests, rest)
            } else {
                continue;
            };
            let Some(algorithm) = rest.strip_suffix(".txt") else {
                continue;
            };
            match Algorithm::from_name(algorithm) {
                Some(algorithm) => {
                    map.insert(algorithm, name);
                }
                // `manifest-SHA256.txt` beside `manifest-sha256.txt`: never
                // read in its place.
                None if Algorithm::from_name(&algorithm.to_ascii_lowercase()).is_some() => {
                    self.error(Problem::ManifestNameCase { file: name })
                }
                None => self.warn(Problem::UnknownAlgorithm { file: name }),
            }
        }
        (manifests, tag_manifests)
    }

    /// `bag-info.txt` (`package-info.txt` before 0.96).
    pub(super) fn bag_info(
        &mut self,
        version: &str,
        encoding: &'static encoding_rs::Encoding,
    ) -> Vec<InfoField> {
        let name = if matches!(version, "0.93" | "0.94" | "0.95")
            && !self.root.join("bag-info.txt").exists()
        {
            "package-info.txt"
        } else {
            "bag-info.txt"
        };
        match self.read_tag_file(name) {
            Some(bytes) => match self.decode(name, &bytes, encoding) {
                Some(text) => self.info(name, &text),
                None => Vec::new(),
            },
            None => Vec::new(),
        }
    }

    /// `fetch.txt`: what should be in the payload but may not be there
    /// yet, path to URL. Paths outside `data/` are findings, never kept.
    pub(super) fn fetch_list(
        &mut self,
        encoding: &'static encoding_rs::Encoding,
        report: &mut BagCheck,
    ) -> HashMap<String, FetchEntry> {
        let mut fetch = HashMap::new();
        let Some(bytes) = self.read_tag_file("fetch.txt") else {
            return fetch;
        };
        let Some(text) = self.decode("fetch.txt", &bytes, encoding) else {
            return fetch;
        };
        for (i, line) in lines(&text).enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            report.fetch_entries += 1;
            if line.len() > LINE_LIMIT {
                self.error(Problem::FetchLine {
                    line: i + 1,
                    text: excerpt(line),
                });
                continue;
            }
            let bad = |checker: &mut Self| {
                checker.error(Problem::FetchLine {
                    line: i + 1,
                    text: excerpt(line),
                })
            };
            let mut parts = line.splitn(3, [' ', '\t']).filter(|s| !s.is_empty());
            let (Some(url), Some(length), Some(path)) = (parts.next(), parts.next(), parts.next())
            else {
                bad(self);
                continue;
            };
            if !(length == "-" || length.bytes().all(|b| b.is_ascii_digit())) {
                bad(self);
                continue;
            }
            let path = self.decode_path(path.trim_start_matches([' ', '\t']));
            if !inside_payload(&path) {
                self.error(Problem::OutsidePayload {
                    file: "fetch.txt".to_owned(),
                    line: i + 1,
                    path,
                });
                continue;
            }
            fetch.insert(
                path,
                FetchEntry {
                    url: url.to_owned(),
                    bytes: length.parse().ok(),
                },
            );
        }
        fetch
    }
}

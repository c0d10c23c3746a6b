//! What checking a bag can find, in words that say what to do.

use super::{Algorithm, Spelling, VERSIONS};
use serde::Serialize;
use std::fmt;

/// Something wrong with, or worth knowing about, a bag. Whether it makes
/// the bag invalid is the [`Finding`]'s severity: a repeated manifest entry
/// is an error in BagIt 1.0 and a warning before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    NoDeclaration,
    DeclarationHasBom,
    DeclarationNotUtf8,
    DeclarationLine {
        line: usize,
        text: String,
    },
    MissingField {
        field: &'static str,
    },
    RepeatedField {
        field: String,
    },
    InvalidVersion {
        version: String,
    },
    UnsupportedVersion {
        version: String,
    },
    UnknownEncoding {
        encoding: String,
    },
    Undecodable {
        file: String,
        encoding: String,
    },
    TagFileTooLarge {
        file: String,
        bytes: u64,
    },
    InfoLine {
        file: String,
        line: usize,
        text: String,
    },
    NoPayloadFolder,
    NoPayloadManifest,
    UnknownAlgorithm {
        file: String,
    },
    ManifestLine {
        file: String,
        line: usize,
        text: String,
    },
    FetchLine {
        line: usize,
        text: String,
    },
    OutsidePayload {
        file: String,
        line: usize,
        path: String,
    },
    OutsideBag {
        file: String,
        line: usize,
        path: String,
    },
    LeadingDotSlash {
        file: String,
        line: usize,
        path: String,
    },
    BinaryMarker {
        file: String,
        lines: usize,
    },
    ConflictingEntries {
        file: String,
        path: String,
    },
    RepeatedEntry {
        file: String,
        path: String,
    },
    Missing {
        file: String,
        path: String,
    },
    ManifestNameCase {
        file: String,
    },
    FetchNotListed {
        path: String,
        file: String,
    },
    FetchLength {
        path: String,
        stated: u64,
        bytes: u64,
    },
    OxumRepeated,
    DeclarationOrder {
        line: usize,
        text: String,
    },
    PayloadNotAFolder {
        kind: &'static str,
    },
    NamesAFolder {
        file: String,
        path: String,
    },
    MoreOfTheSame {
        like: String,
        more: usize,
    },
    SystemFileMissing {
        file: String,
        path: String,
    },
    NotFetched {
        path: String,
        url: String,
    },
    NotListed {
        file: String,
        path: String,
    },
    Mismatch {
        file: String,
        path: String,
        algorithm: Algorithm,
        expected: String,
        actual: String,
    },
    Unreadable {
        path: String,
        error: String,
    },
    NotRegularFile {
        path: String,
        kind: &'static str,
    },
    NameNotUtf8 {
        path: String,
    },
    SpelledDifferently {
        file: String,
        listed: String,
        found: String,
        spelling: Spelling,
    },
    SameNameTwice {
        first: String,
        second: String,
        spelling: Spelling,
    },
    SystemFile {
        path: String,
    },
    WeakAlgorithms {
        algorithms: Vec<Algorithm>,
    },
    OxumMalformed {
        value: String,
    },
    OxumMismatch {
        stated: String,
        bytes: u64,
        files: u64,
    },
    OxumOffBySystemFiles {
        stated: String,
        bytes: u64,
        files: u64,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Problem::*;
        match self {
            NoDeclaration => write!(
                f,
                "bagit.txt is missing: this folder is not a bag (a bag has bagit.txt, a data/ folder and manifest-<algorithm>.txt)"
            ),
            DeclarationHasBom => write!(
                f,
                "bagit.txt starts with a byte-order mark, which BagIt forbids: the bag was written by a non-conforming tool; re-bag it or remove the mark and re-check"
            ),
            DeclarationNotUtf8 => write!(f, "bagit.txt is not UTF-8, which BagIt requires"),
            DeclarationLine { line, text } => write!(
                f,
                "bagit.txt line {line} is not `Label: value` as BagIt requires: {text:?}"
            ),
            MissingField { field } => write!(f, "bagit.txt has no {field} line"),
            RepeatedField { field } => write!(f, "bagit.txt has {field} more than once"),
            InvalidVersion { version } => write!(
                f,
                "bagit.txt states version {version:?}, which is not a version number (M.N)"
            ),
            UnsupportedVersion { version } => write!(
                f,
                "bagit.txt states version {version}; this checker knows BagIt {}",
                VERSIONS.join(", ")
            ),
            UnknownEncoding { encoding } => write!(
                f,
                "bagit.txt names the tag-file encoding {encoding:?}, which is not a known character encoding"
            ),
            Undecodable { file, encoding } => write!(
                f,
                "{file} is not valid {encoding} text, the encoding bagit.txt declares"
            ),
            TagFileTooLarge { file, bytes } => write!(
                f,
                "{file} is {bytes} bytes, too large to be a tag file; it was not read"
            ),
            InfoLine { file, line, text } => write!(
                f,
                "{file} line {line} is not `Label: value` as BagIt requires: {text:?}"
            ),
            NoPayloadFolder => write!(f, "the bag has no data/ folder (its payload)"),
            NoPayloadManifest => write!(
                f,
                "the bag has no payload manifest (manifest-sha256.txt, manifest-sha512.txt…) that this checker can read, so nothing in it can be checked"
            ),
            UnknownAlgorithm { file } => write!(
                f,
                "{file} names a checksum algorithm this checker does not know (it knows md5, sha1, sha224, sha256, sha384, sha512); it was not checked"
            ),
            ManifestLine { file, line, text } => write!(
                f,
                "{file} line {line} is not `checksum path` with a checksum of the manifest's algorithm: {text:?}"
            ),
            FetchLine { line, text } => write!(
                f,
                "fetch.txt line {line} is not `URL length path`: {text:?}"
            ),
            OutsidePayload { file, line, path } => write!(
                f,
                "{file} line {line} names {path:?}, which is not inside the bag's data/ folder; it was not read"
            ),
            OutsideBag { file, line, path } => write!(
                f,
                "{file} line {line} names {path:?}, which is outside the bag; it was not read"
            ),
            LeadingDotSlash { file, line, path } => write!(
                f,
                "{file} line {line} writes {path:?} with a leading ./, which BagIt does not use"
            ),
            BinaryMarker { file, lines } => write!(
                f,
                "{file} marks {} with `*`, as `md5sum -b` writes (not a BagIt writer); read as the paths without it",
                if *lines == 1 {
                    "1 path".to_owned()
                } else {
                    format!("{lines} paths")
                }
            ),
            ConflictingEntries { file, path } => {
                write!(f, "{file} lists {path} twice with different checksums")
            }
            RepeatedEntry { file, path } => write!(f, "{file} lists {path} more than once"),
            Missing { file, path } => write!(f, "{path} is listed in {file} but is not in the bag"),
            ManifestNameCase { file } => write!(
                f,
                "{file} is not a BagIt manifest name (algorithm names are lower case); it was not read, and a bag holding it is suspect: it may shadow the manifest of that name in lower case"
            ),
            FetchNotListed { path, file } => write!(
                f,
                "fetch.txt lists {path}, which {file} does not list: once fetched it would be covered by no checksum"
            ),
            FetchLength {
                path,
                stated,
                bytes,
            } => write!(
                f,
                "fetch.txt says {path} is {stated} bytes; the file in the bag is {bytes} bytes"
            ),
            OxumRepeated => write!(
                f,
                "bag-info.txt states Payload-Oxum more than once, with different values"
            ),
            DeclarationOrder { line, text } => write!(
                f,
                "bagit.txt line {line} is not one of its two lines in BagIt's order (BagIt-Version, then Tag-File-Character-Encoding): {text:?}"
            ),
            PayloadNotAFolder { kind } => write!(
                f,
                "the bag's data is a {kind}, not a folder: a bag's payload is the folder data/"
            ),
            NamesAFolder { file, path } => write!(
                f,
                "{file} lists {path}, which is a folder in the bag, not a file"
            ),
            MoreOfTheSame { like, more } => write!(
                f,
                "and {more} more findings like the ones above ({like}), not listed one by one"
            ),
            SystemFileMissing { file, path } => write!(
                f,
                "{path} is listed in {file} but is not in the bag; it is an operating system's own file, listed with no content, which copying tools often leave out: nothing is missing"
            ),
            NotFetched { path, url } => write!(
                f,
                "{path} is to be fetched from {url} (fetch.txt) and is not in the bag; provaudit downloads nothing: fetch it with a BagIt tool, then check again"
            ),
            NotListed { file, path } => write!(
                f,
                "{path} is in the payload but not listed in {file}: it was added after bagging, or the manifest is incomplete"
            ),
            Mismatch {
                file,
                path,
                algorithm,
                expected,
                actual,
            } => write!(
                f,
                "{path}: its {algorithm} checksum is {actual}, {file} says {expected}: the file changed after it was bagged"
            ),
            Unreadable { path, error } => write!(f, "{path} could not be read: {error}"),
            NotRegularFile { path, kind } => write!(
                f,
                "{path} is a {kind}, not a regular file; a bag's files must be its own regular files, so it was not read"
            ),
            NameNotUtf8 { path } => write!(
                f,
                "{path} has a name that is not UTF-8, so no manifest can name it"
            ),
            SpelledDifferently {
                file,
                listed,
                found,
                spelling,
            } => write!(
                f,
                "{file} lists {}, which is in the bag as {} (the names differ only by {}); checked as that file",
                spelled(listed, *spelling),
                spelled(found, *spelling),
                spelling_words(*spelling)
            ),
            SameNameTwice {
                first,
                second,
                spelling,
            } => write!(
                f,
                "{} and {} differ only by {}: on a Mac or Windows disk they are one file",
                spelled(first, *spelling),
                spelled(second, *spelling),
                spelling_words(*spelling)
            ),
            SystemFile { path } => {
                write!(f, "{path} is an operating system's own file, not evidence")
            }
            WeakAlgorithms { algorithms } => {
                let names: Vec<&str> = algorithms.iter().map(|a| a.name()).collect();
                write!(
                    f,
                    "the payload is protected only by {}, whose collisions can be made on purpose; ask the sender for a sha256 or sha512 manifest",
                    names.join(" and ")
                )
            }
            OxumMalformed { value } => write!(
                f,
                "bag-info.txt's Payload-Oxum {value:?} is not `bytes.files`"
            ),
            OxumMismatch {
                stated,
                bytes,
                files,
            } => write!(
                f,
                "bag-info.txt's Payload-Oxum says {stated} (bytes.files), the payload holds {bytes}.{files}"
            ),
            OxumOffBySystemFiles {
                stated,
                bytes,
                files,
            } => write!(
                f,
                "bag-info.txt's Payload-Oxum says {stated} (bytes.files), the payload holds {bytes}.{files}: the difference is the empty operating-system files left out"
            ),
        }
    }
}

/// A name as told apart from its twin: names that differ only by Unicode
/// normalisation look the same, so their form is said.
fn spelled(name: &str, spelling: Spelling) -> String {
    use unicode_normalization::{is_nfc, is_nfd};
    match spelling {
        Spelling::Case => name.to_owned(),
        Spelling::Normalisation if is_nfc(name) => format!("{name} (composed, NFC)"),
        Spelling::Normalisation if is_nfd(name) => format!("{name} (decomposed, NFD)"),
        Spelling::Normalisation => format!("{name} (mixed normalisation)"),
    }
}

fn spelling_words(spelling: Spelling) -> &'static str {
    match spelling {
        Spelling::Case => "letter case",
        Spelling::Normalisation => "Unicode normalisation",
    }
}

/// A line quoted in a finding: at most 200 characters, then "…", so a
/// hostile tag file cannot flood the terminal through its messages.
pub(super) fn excerpt(line: &str) -> String {
    const MAX: usize = 200;
    match line.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_owned(),
    }
}

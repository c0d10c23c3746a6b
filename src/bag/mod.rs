//! Checking a BagIt bag received from elsewhere: RFC 8493 (BagIt 1.0) and
//! the drafts 0.93–0.97 still in circulation.
//!
//! A desk receives evidence from other desks as bags; before anything in
//! one is trusted, every rule a validator must apply is applied here: the
//! declaration (`bagit.txt`: UTF-8 without a byte-order mark, a known
//! version, a known tag-file encoding), every payload manifest listing
//! every payload file and every checksum matching, tag manifests, the
//! `Payload-Oxum`, and `fetch.txt` (whose files this tool never downloads).
//! A path in a manifest or in `fetch.txt` that would leave the bag is never
//! read. Symbolic links are never followed: a bag's files are its own.
//!
//! What a careful reader should know but does not make the bag invalid is a
//! warning: names that differ only by case or Unicode normalisation (one
//! file on a Mac or Windows disk), a manifest written by `md5sum -b`, a
//! leading `./`, a repeated entry before BagIt 1.0, system files
//! (`.DS_Store`, `Thumbs.db`), a payload protected only by MD5 or SHA-1.
//!
//! No Rust crate validates bags on stable Rust without an async runtime, so
//! the reader is written here; the digests are RustCrypto's.

mod payload;
mod problem;
mod tags;

pub use problem::Problem;

use serde::Serialize;
use sha2::digest::DynDigest;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The BagIt versions this checker knows.
pub const VERSIONS: [&str; 6] = ["0.93", "0.94", "0.95", "0.96", "0.97", "1.0"];

/// A tag file larger than this is not read (a manifest of a million files
/// is ~100 MiB).
const TAG_FILE_LIMIT: u64 = 512 * 1024 * 1024;

/// A checksum algorithm a manifest may name (`manifest-<name>.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Algorithm {
    pub const ALL: [Algorithm; 6] = [
        Algorithm::Md5,
        Algorithm::Sha1,
        Algorithm::Sha224,
        Algorithm::Sha256,
        Algorithm::Sha384,
        Algorithm::Sha512,
    ];

    /// The name in a manifest's file name.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Md5 => "md5",
            Algorithm::Sha1 => "sha1",
            Algorithm::Sha224 => "sha224",
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha384 => "sha384",
            Algorithm::Sha512 => "sha512",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    fn hex_len(self) -> usize {
        match self {
            Algorithm::Md5 => 32,
            Algorithm::Sha1 => 40,
            Algorithm::Sha224 => 56,
            Algorithm::Sha256 => 64,
            Algorithm::Sha384 => 96,
            Algorithm::Sha512 => 128,
        }
    }

    /// MD5 and SHA-1 collisions can be made on purpose: a payload protected
    /// only by them can be swapped for other bytes with the same checksum.
    pub fn is_weak(self) -> bool {
        matches!(self, Algorithm::Md5 | Algorithm::Sha1)
    }

    fn hasher(self) -> Box<dyn DynDigest + Send> {
        use sha2::Digest;
        match self {
            Algorithm::Md5 => Box::new(md5::Md5::new()),
            Algorithm::Sha1 => Box::new(sha1::Sha1::new()),
            Algorithm::Sha224 => Box::new(sha2::Sha224::new()),
            Algorithm::Sha256 => Box::new(sha2::Sha256::new()),
            Algorithm::Sha384 => Box::new(sha2::Sha384::new()),
            Algorithm::Sha512 => Box::new(sha2::Sha512::new()),
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a manifest's name was matched to a file spelled differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Spelling {
    /// Only letter case differs (`HELLO.txt`, `hello.txt`).
    Case,
    /// Only the Unicode normalisation differs (`ñ` as one character or two).
    Normalisation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The bag is not valid.
    Error,
    /// Valid, but a reader should know.
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    #[serde(flatten)]
    pub problem: Problem,
    /// The problem in words.
    pub message: String,
}

/// One `Label: value` of `bag-info.txt`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InfoField {
    pub label: String,
    pub value: String,
}

/// What checking a bag found.
#[derive(Clone, Debug, Serialize)]
pub struct BagCheck {
    pub valid: bool,
    pub version: Option<String>,
    pub encoding: Option<String>,
    pub payload_manifests: Vec<Algorithm>,
    pub tag_manifests: Vec<Algorithm>,
    pub payload_files: u64,
    pub payload_bytes: u64,
    /// Lines of `fetch.txt`.
    pub fetch_entries: usize,
    pub info: Vec<InfoField>,
    pub findings: Vec<Finding>,
}

impl BagCheck {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }
}

/// The folder could not be looked at as a bag at all.
#[derive(Debug, thiserror::Error)]
pub enum BagError {
    #[error("{} is not a folder; a bag is a folder holding bagit.txt", .0.display())]
    NotAFolder(PathBuf),
    #[error("cannot read {}: {source}", .path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Checks the bag in `root`. Reads; never writes, never downloads.
pub fn check(root: &Path) -> Result<BagCheck, BagError> {
    let meta = std::fs::metadata(root).map_err(|source| BagError::Unreadable {
        path: root.to_owned(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(BagError::NotAFolder(root.to_owned()));
    }
    let mut checker = Checker {
        root,
        strict: false,
        findings: Vec::new(),
    };
    let mut report = BagCheck {
        valid: false,
        version: None,
        encoding: None,
        payload_manifests: Vec::new(),
        tag_manifests: Vec::new(),
        payload_files: 0,
        payload_bytes: 0,
        fetch_entries: 0,
        info: Vec::new(),
        findings: Vec::new(),
    };
    if let Some((version, encoding)) = checker.declaration(&mut report) {
        checker.strict = version == "1.0";
        checker.contents(encoding, &version, &mut report);
    }
    report.valid = !checker
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    report.findings = checker.findings;
    Ok(report)
}

struct Checker<'a> {
    root: &'a Path,
    /// BagIt 1.0: RFC 8493's rules where the drafts were lenient.
    strict: bool,
    findings: Vec<Finding>,
}

/// One usable line of a manifest.
struct Entry {
    path: String,
    digest: String,
}

impl Checker<'_> {
    fn error(&mut self, problem: Problem) {
        self.push(Severity::Error, problem);
    }

    fn warn(&mut self, problem: Problem) {
        self.push(Severity::Warning, problem);
    }

    fn push(&mut self, severity: Severity, problem: Problem) {
        let message = problem.to_string();
        self.findings.push(Finding {
            severity,
            problem,
            message,
        });
    }
}

/// Lines ended by LF, CRLF or CR, as BagIt allows.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix(['\n', '\r']))
        .unwrap_or(text);
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

/// Whether `path` stays inside the bag: relative, no `..`, no `~user`, no
/// drive or UNC prefix.
fn inside_bag(path: &str) -> bool {
    let escapes = path.is_empty()
        || path.starts_with(['/', '\\', '~'])
        || path.contains('\0')
        || path.as_bytes().get(1) == Some(&b':')
        || path.split(['/', '\\']).any(|c| c == "..");
    !escapes
}

/// Whether `path` is a file inside the bag's `data/` folder.
fn inside_payload(path: &str) -> bool {
    inside_bag(path)
        && path
            .strip_prefix("data/")
            .is_some_and(|rest| !rest.is_empty())
}

fn is_system_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    matches!(name, ".DS_Store" | "Thumbs.db" | "desktop.ini" | "Icon\r")
        || name.starts_with("._")
        || path.contains("/.Spotlight-V100/")
        || path.contains("/.Trashes/")
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_symlink() {
        "symbolic link"
    } else if t.is_dir() {
        "folder"
    } else {
        "special file"
    }
}

fn index_by(
    files: &BTreeMap<String, u64>,
    key: impl Fn(&str) -> String,
) -> HashMap<String, Vec<String>> {
    let mut index: HashMap<String, Vec<String>> = HashMap::new();
    for path in files.keys() {
        index.entry(key(path)).or_default().push(path.clone());
    }
    index
}

/// A file's digests in lower-case hex, or why it could not be read.
type Digests = Result<Vec<(Algorithm, String)>, String>;

/// The file's digests in lower-case hex, one read for every algorithm.
fn digest_file(path: &Path, algorithms: &BTreeSet<Algorithm>) -> Digests {
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut hashers: Vec<(Algorithm, Box<dyn DynDigest + Send>)> =
        algorithms.iter().map(|a| (*a, a.hasher())).collect();
    let mut buffer = vec![0u8; 256 * 1024];
    loop {
        let n = match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.to_string()),
        };
        for (_, hasher) in &mut hashers {
            hasher.update(&buffer[..n]);
        }
    }
    Ok(hashers
        .into_iter()
        .map(|(a, h)| {
            let digest = h.finalize();
            let hex = digest.iter().map(|b| format!("{b:02x}")).collect();
            (a, hex)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_bag_are_refused() {
        for path in [
            "../../../README.md",
            "data/../../x",
            "/tmp/foo",
            "~/foo",
            "~root/foo",
            "C:/Windows/x",
            "data\\..\\..\\x",
            "\\\\server\\share\\x",
        ] {
            assert!(!inside_bag(path), "{path}");
            assert!(!inside_payload(path), "{path}");
        }
        assert!(inside_payload("data/a/b.txt"));
        assert!(inside_payload("data/..hidden"));
        assert!(!inside_payload("bag-info.txt"));
        assert!(!inside_payload("data/"));
        assert!(inside_bag("bag-info.txt"));
    }

    #[test]
    fn lines_end_with_lf_crlf_or_cr() {
        let got: Vec<&str> = lines("a\r\nb\nc\rd\r\n").collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        let got: Vec<&str> = lines("a: 1\r\nb: 2").collect();
        assert_eq!(got, ["a: 1", "b: 2"]);
    }

    #[test]
    fn rfc_8493_decodes_only_cr_lf_and_percent() {
        let checker = Checker {
            root: Path::new("."),
            strict: true,
            findings: Vec::new(),
        };
        assert_eq!(
            checker.decode_path("data/a%0Ab%0d%25c%7E"),
            "data/a\nb\r%c%7E"
        );
        assert_eq!(checker.decode_path("data/%test"), "data/%test");
        let draft = Checker {
            strict: false,
            ..checker
        };
        assert_eq!(draft.decode_path("data/%0A"), "data/%0A");
    }

    #[test]
    fn digests_match_the_reference_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("abc");
        std::fs::write(&path, b"abc").unwrap();
        let got = digest_file(&path, &Algorithm::ALL.into_iter().collect()).unwrap();
        let get = |a| got.iter().find(|(x, _)| *x == a).unwrap().1.clone();
        // FIPS 180 and RFC 1321 test vectors for "abc".
        assert_eq!(get(Algorithm::Md5), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            get(Algorithm::Sha1),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            get(Algorithm::Sha256),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            get(Algorithm::Sha224),
            "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"
        );
        assert!(get(Algorithm::Sha384).starts_with("cb00753f45a35e8bb5a03d699ac65007"));
        assert!(get(Algorithm::Sha512).starts_with("ddaf35a193617abacc417349ae204131"));
    }
}

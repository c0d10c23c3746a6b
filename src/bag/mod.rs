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

/// Findings of one kind listed one by one; the rest are counted.
const PER_KIND: usize = 200;

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
    #[error("cannot read {}: {error}", .path.display())]
    Unreadable {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Checks the bag in `root`. Reads; never writes, never downloads.
pub fn check(root: &Path) -> Result<BagCheck, BagError> {
    let meta = std::fs::metadata(root).map_err(|error| BagError::Unreadable {
        path: root.to_owned(),
        error,
    })?;
    if !meta.is_dir() {
        return Err(BagError::NotAFolder(root.to_owned()));
    }
    let mut checker = Checker {
        root,
        per_kind: HashMap::new(),
        messages: Default::default(),
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
    let mut overflow: Vec<((String, bool), usize)> = checker
        .per_kind
        .iter()
        .filter(|(_, n)| **n > PER_KIND)
        .map(|(k, n)| (k.clone(), n - PER_KIND))
        .collect();
    overflow.sort();
    for ((problem, error), more) in overflow {
        let severity = if error {
            Severity::Error
        } else {
            Severity::Warning
        };
        let problem = Problem::MoreOfTheSame {
            like: problem,
            more,
        };
        let message = problem.to_string();
        checker.findings.push(Finding {
            severity,
            problem,
            message,
        });
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
    /// Findings recorded so far by (kind, is an error).
    per_kind: HashMap<(String, bool), usize>,
    /// The findings' messages, so one is never listed twice.
    messages: std::collections::HashSet<(bool, String)>,
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

    /// Records a finding once; past [`PER_KIND`] findings of one kind and
    /// severity, only counts them (a manifest of a million bad lines gives a
    /// readable report, not a million lines).
    fn push(&mut self, severity: Severity, problem: Problem) {
        let kind = serde_json::to_value(&problem)
            .ok()
            .and_then(|v| v["problem"].as_str().map(str::to_owned))
            .unwrap_or_default();
        let seen = self
            .per_kind
            .entry((kind, severity == Severity::Error))
            .or_default();
        if *seen >= PER_KIND {
            *seen += 1;
            return;
        }
        let message = problem.to_string();
        if !self
            .messages
            .insert((severity == Severity::Error, message.clone()))
        {
            return;
        }
        *seen += 1;
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
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_symlink() {
        "symbolic link"
    } else if t.is_dir() {
        "folder"
    } else if t.is_file() {
        "file"
    } else if t.is_fifo() {
        "named pipe"
    } else if t.is_socket() {
        "socket"
    } else {
        "device"
    }
}

/// Why a path in the bag was not opened.
#[derive(Debug)]
enum Refused {
    Missing,
    /// What stood in the way (a link, a pipe, a folder) and where.
    NotRegular {
        path: String,
        kind: &'static str,
    },
    Io(String),
}

/// Opens the regular file `rel` (slash-separated, inside the bag) without
/// following any link on the way and without blocking on a pipe: each
/// folder is opened relative to the one before with `O_NOFOLLOW`, the file
/// with `O_NOFOLLOW | O_NONBLOCK`, and what was opened must be a regular
/// file (`fstat`). A link or pipe swapped in after the bag was listed is
/// refused, never followed or waited on.
fn open_in_bag(root: &Path, rel: &str) -> Result<(std::fs::File, u64), Refused> {
    use std::ffi::CString;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    if !inside_bag(rel) {
        return Err(Refused::NotRegular {
            path: rel.to_owned(),
            kind: "path outside the bag",
        });
    }
    let parts: Vec<&str> = rel
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let Some((last, folders)) = parts.split_last() else {
        return Err(Refused::Missing);
    };
    let root_path = root;
    let root = std::fs::File::open(root).map_err(|e| Refused::Io(e.to_string()))?;
    let mut dir = OwnedFd::from(root);
    let refused = |at: usize| {
        let err = std::io::Error::last_os_error();
        let path = parts[..=at].join("/");
        match err.raw_os_error() {
            Some(libc::ENOENT) => Refused::Missing,
            // A link (or, on the way, no folder): say what stands there.
            Some(libc::ELOOP | libc::ENOTDIR) => {
                let kind = std::fs::symlink_metadata(root_path.join(&path))
                    .map(|m| kind_of(&m))
                    .unwrap_or("symbolic link");
                Refused::NotRegular { path, kind }
            }
            _ => Refused::Io(err.to_string()),
        }
    };
    for (i, folder) in folders.iter().enumerate() {
        let name = CString::new(*folder).map_err(|_| Refused::Missing)?;
        // SAFETY: `dir` is an open descriptor and `name` a NUL-terminated string.
        let fd = unsafe {
            libc::openat(
                dir.as_raw_fd(),
                name.as_ptr(),
                libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC,
            )
        };
        if fd < 0 {
            return Err(refused(i));
        }
        // SAFETY: `fd` was just opened and is owned by nothing else.
        dir = unsafe { OwnedFd::from_raw_fd(fd) };
    }
    let name = CString::new(*last).map_err(|_| Refused::Missing)?;
    // SAFETY: as above.
    let fd = unsafe {
        libc::openat(
            dir.as_raw_fd(),
            name.as_ptr(),
            libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC,
        )
    };
    if fd < 0 {
        return Err(refused(folders.len()));
    }
    // SAFETY: as above.
    let file = std::fs::File::from(unsafe { OwnedFd::from_raw_fd(fd) });
    let meta = file.metadata().map_err(|e| Refused::Io(e.to_string()))?;
    if !meta.is_file() {
        return Err(Refused::NotRegular {
            path: rel.to_owned(),
            kind: kind_of(&meta),
        });
    }
    Ok((file, meta.len()))
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

/// The digests of the bag's file `rel` in lower-case hex, one read for
/// every algorithm; the file opened by [`open_in_bag`].
fn digest_file(root: &Path, rel: &str, algorithms: &BTreeSet<Algorithm>) -> Digests {
    let mut file = match open_in_bag(root, rel) {
        Ok((file, _)) => file,
        Err(Refused::Missing) => return Err("it is gone".into()),
        Err(Refused::NotRegular { path, kind }) => {
            return Err(format!("{path} is now a {kind}; it was not read"));
        }
        Err(Refused::Io(e)) => return Err(e),
    };
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
        .map(|(a, h)| (a, crate::fingerprint::hex(&h.finalize())))
        .collect())
}

/// The digest of no bytes at all.
fn empty_digest(algorithm: Algorithm) -> String {
    crate::fingerprint::hex(&algorithm.hasher().finalize())
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
            per_kind: HashMap::new(),
            messages: Default::default(),
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
        let got = digest_file(dir.path(), "abc", &Algorithm::ALL.into_iter().collect()).unwrap();
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

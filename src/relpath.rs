//! Paths inside a corpus, relative to its root, kept as the exact bytes the
//! file system gave so that a name that is not valid UTF-8, or that holds a
//! newline, survives the round trip through the store and the manifests.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::fmt;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// A file's path relative to the corpus root, as raw bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelPath(Vec<u8>);

impl RelPath {
    /// Takes the raw bytes of a relative path (`/`-separated).
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        RelPath(bytes)
    }

    /// The path of `path` below `root`, or `None` when it is not below it.
    pub fn below(root: &Path, path: &Path) -> Option<Self> {
        let rel = path.strip_prefix(root).ok()?;
        Some(RelPath(rel.as_os_str().as_bytes().to_vec()))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The path as the operating system takes it.
    pub fn as_path(&self) -> &Path {
        Path::new(OsStr::from_bytes(&self.0))
    }

    /// Where this path of the corpus at `root` is: `root` joined with it,
    /// or, when the corpus is one file (`scan::scan_corpus`), beside the
    /// file it is (through any link), whose name it bears.
    pub fn under(&self, root: &Path) -> PathBuf {
        if std::fs::metadata(root).is_ok_and(|m| m.is_file()) {
            let file = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
            if let Some(dir) = file.parent() {
                return dir.join(self.as_path());
            }
        }
        root.join(self.as_path())
    }

    /// Whether the name is valid UTF-8 (a lossless string form exists).
    pub fn is_utf8(&self) -> bool {
        std::str::from_utf8(&self.0).is_ok()
    }

    /// The path as a string; bytes that are not UTF-8 become U+FFFD.
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.0)
    }
}

/// For people: invalid bytes as U+FFFD, control characters (a newline in a
/// file name) escaped so that one path stays on one line.
impl fmt::Display for RelPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.to_string_lossy().chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_keeps_one_path_on_one_line() {
        let p = RelPath::from_bytes(b"a\nb\xffc.txt".to_vec());
        assert_eq!(p.to_string(), "a\\nb\u{fffd}c.txt");
        assert!(!p.is_utf8());
        assert_eq!(p.as_path().as_os_str().as_bytes(), b"a\nb\xffc.txt");
    }

    #[test]
    fn below_strips_the_root() {
        let p = RelPath::below(Path::new("/corpus"), Path::new("/corpus/x/y.txt")).unwrap();
        assert_eq!(p.as_bytes(), b"x/y.txt");
        assert!(RelPath::below(Path::new("/corpus"), Path::new("/elsewhere/y.txt")).is_none());
    }
}

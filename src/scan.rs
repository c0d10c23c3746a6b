//! Scan: list the files below a corpus folder, sorted by path, with what
//! could not be listed and what was passed over on purpose. Ingest reads
//! what it lists; verify re-hashes it. Nothing here writes.

use crate::relpath::RelPath;
use std::collections::HashSet;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Why a folder cannot be scanned.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("{path}: no such folder; check the path")]
    NoSuchFolder { path: PathBuf },
    #[error("{path} is not a folder; point provaudit at the folder that holds the articles")]
    NotAFolder { path: PathBuf },
    #[error(
        "{path} is neither a folder nor a regular file; point provaudit at the folder that holds the articles, or at one saved file or web archive"
    )]
    NotACorpus { path: PathBuf },
    #[error("{path}: cannot read the folder: {source}")]
    Unreadable { path: PathBuf, source: io::Error },
}

type Result<T> = std::result::Result<T, ScanError>;

/// How to walk a folder.
#[derive(Clone, Copy, Debug, Default)]
pub struct ScanOptions {
    /// Follow symbolic links (loops are detected and reported).
    pub follow_symlinks: bool,
    /// Include files and folders whose names start with a dot.
    pub include_hidden: bool,
}

/// A file found by [`scan`].
#[derive(Clone, Debug)]
pub struct Candidate {
    pub path: RelPath,
    pub abs: PathBuf,
    pub bytes: u64,
    pub mtime_ns: Option<i64>,
}

/// Something about one path that the user should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub path: RelPath,
    pub message: String,
}

/// The files of a folder, and what could not be listed.
#[derive(Debug, Default)]
pub struct Scan {
    pub candidates: Vec<Candidate>,
    /// Paths that could not be listed or read (these make a run partial).
    pub errors: Vec<FileProblem>,
    /// Paths passed over on purpose (symbolic links not followed, sockets…).
    pub skipped: Vec<FileProblem>,
    /// Files read through a followed symbolic link that lie outside the
    /// folder, with where they are.
    pub outside: Vec<FileProblem>,
}

/// Lists the files of a corpus: the regular files below `root` when it is a
/// folder ([`scan`]); when it is one file (a web archive opened on its own),
/// that file, named by its file name: [`RelPath::under`] finds it again.
pub fn scan_corpus(root: &Path, options: ScanOptions, exclude: &[PathBuf]) -> Result<Scan> {
    check_corpus(root)?;
    if std::fs::metadata(root).is_ok_and(|m| m.is_dir()) {
        return scan(root, options, exclude);
    }
    let mut scan = Scan::default();
    // A link to an archive names the archive, as its store does (stores
    // are keyed by the canonical path): one store, one name per page.
    let file = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let Some(name) = file.file_name() else {
        return Err(ScanError::NotACorpus {
            path: root.to_path_buf(),
        });
    };
    let path = RelPath::from_bytes(name.as_encoded_bytes().to_vec());
    match std::fs::metadata(&file) {
        Ok(meta) => scan.candidates.push(Candidate {
            path,
            abs: file.clone(),
            bytes: meta.len(),
            mtime_ns: Some(meta.mtime() * 1_000_000_000 + meta.mtime_nsec()),
        }),
        Err(err) => scan.errors.push(FileProblem {
            path,
            message: describe_io(&err),
        }),
    }
    Ok(scan)
}

/// Lists the regular files below `root`, sorted by path. Hidden entries are
/// passed over unless asked for, and so are the paths in `exclude` (a store
/// that happens to sit inside the folder).
pub fn scan(root: &Path, options: ScanOptions, exclude: &[PathBuf]) -> Result<Scan> {
    check_folder(root)?;
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let exclude: HashSet<PathBuf> = exclude
        .iter()
        .flat_map(|p| {
            let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            let with = |suffix: &str| {
                let mut s = p.clone().into_os_string();
                s.push(suffix);
                PathBuf::from(s)
            };
            [with("-wal"), with("-shm"), with("-journal"), p]
        })
        .collect();
    let mut scan = Scan::default();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(options.follow_symlinks)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || options.include_hidden
                || !e.file_name().as_encoded_bytes().starts_with(b".")
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .and_then(|p| RelPath::below(root, p))
                    .unwrap_or_else(|| RelPath::from_bytes(b".".to_vec()));
                if let Some(ancestor) = err.loop_ancestor() {
                    // A loop leads back to files already listed: nothing is lost.
                    scan.skipped.push(FileProblem {
                        path,
                        message: format!(
                            "symbolic link loop back to {}: not followed again",
                            ancestor.display()
                        ),
                    });
                    continue;
                }
                let dangling = err
                    .path()
                    .and_then(|p| p.symlink_metadata().ok())
                    .is_some_and(|m| m.file_type().is_symlink())
                    && err
                        .io_error()
                        .is_some_and(|io| io.kind() == io::ErrorKind::NotFound);
                let message = match err.io_error() {
                    _ if dangling => {
                        "symbolic link to a file that does not exist; fix or remove the link".into()
                    }
                    Some(io) => describe_io(io),
                    None => err.to_string(),
                };
                if err.depth() == 0 {
                    return Err(ScanError::Unreadable {
                        path: root.to_path_buf(),
                        source: err
                            .into_io_error()
                            .unwrap_or_else(|| io::Error::other("walk failed")),
                    });
                }
                scan.errors.push(FileProblem { path, message });
                continue;
            }
        };
        let Some(path) = RelPath::below(root, entry.path()) else {
            continue;
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        if file_type.is_symlink() {
            scan.skipped.push(FileProblem {
                path,
                message: "symbolic link not followed; pass --follow-symlinks to include what it points to".into(),
            });
            continue;
        }
        if !file_type.is_file() {
            scan.skipped.push(FileProblem {
                path,
                message: "not a regular file (a socket, pipe or device): skipped".into(),
            });
            continue;
        }
        if !exclude.is_empty() || options.follow_symlinks {
            let abs =
                std::fs::canonicalize(entry.path()).unwrap_or_else(|_| entry.path().to_path_buf());
            if exclude.contains(&abs) {
                continue;
            }
            if !abs.starts_with(&canonical_root) {
                scan.outside.push(FileProblem {
                    path: path.clone(),
                    message: format!(
                        "reached through a symbolic link, this file lies outside the corpus folder, at {}; it is stored, analysed and bagged as part of the corpus — check that it belongs there",
                        abs.display()
                    ),
                });
            }
        }
        match entry.metadata() {
            Ok(meta) => scan.candidates.push(Candidate {
                path,
                abs: entry.path().to_path_buf(),
                bytes: meta.len(),
                mtime_ns: Some(meta.mtime() * 1_000_000_000 + meta.mtime_nsec()),
            }),
            Err(err) => scan.errors.push(FileProblem {
                path,
                message: err
                    .io_error()
                    .map(describe_io)
                    .unwrap_or_else(|| err.to_string()),
            }),
        }
    }
    Ok(scan)
}

/// A corpus is a folder, or one regular file (a WARC or WACZ opened on its
/// own, or a single saved page).
pub fn check_corpus(root: &Path) -> Result<()> {
    match std::fs::metadata(root) {
        Ok(m) if m.is_dir() || m.is_file() => Ok(()),
        Ok(_) => Err(ScanError::NotACorpus {
            path: root.to_path_buf(),
        }),
        Err(_) => check_folder(root),
    }
}

pub fn check_folder(root: &Path) -> Result<()> {
    match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(ScanError::NotAFolder {
            path: root.to_path_buf(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(ScanError::NoSuchFolder {
            path: root.to_path_buf(),
        }),
        Err(source) => Err(ScanError::Unreadable {
            path: root.to_path_buf(),
            source,
        }),
    }
}

/// An I/O error in words that say what to do.
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => {
            "vanished before it could be read (deleted or renamed during the run); run again to pick up the change"
                .into()
        }
        io::ErrorKind::PermissionDenied => "permission denied; make the file readable and run again".into(),
        _ => format!("cannot be read: {e}; check the file and run again"),
    }
}

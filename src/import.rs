//! `provaudit import reuse`: text reuse found by a job elsewhere
//! (`scripts/spark/reuse.py` on a Spark cluster, reading `export --format
//! jsonl`) loaded into the store as evidence, bound to the bytes the job
//! read. The claims stage then takes these pairs instead of its own reuse
//! step for the documents the job read.
//!
//! The job's output is JSON Lines, one file or a folder of Spark part files
//! (`part-*`, read in name order):
//!
//! ```text
//! {"engine": "scripts/spark/reuse.py 1", ...}
//! {"read": "a.txt", "sha256": "<SHA-256 of a.txt's bytes>"}
//! {"document": "b.txt", "document_sha256": "…", "source": "a.txt",
//!  "source_sha256": "…", "containment": 0.94, "shared_passages": 212}
//! ```
//!
//! A `read` line says the job read that document with those bytes; a pair
//! says most of `document`'s passages are in `source`. A line naming a
//! document the store lacks, or holds with other bytes, is left out and
//! counted; a line that is not JSON of one of these shapes stops the import
//! with its file and line, and nothing is written.

use crate::fingerprint;
use crate::model::claims::Reuse;
use crate::store::{ReuseImport, Store, StoreError};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: cannot read it ({error}); check the path and its permissions")]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(
        "{path}: not a regular file or folder (a pipe or a device); save the job's output to a file first"
    )]
    NotAFile { path: PathBuf },
    #[error(
        "{path}: no part files (part-*) in this folder; name the file or the folder a Spark job wrote its output to"
    )]
    NoParts { path: PathBuf },
    #[error(
        "{path}, line {line}: {why}; this is not the output of scripts/spark/reuse.py (nothing was imported)"
    )]
    Line {
        path: PathBuf,
        line: u64,
        why: String,
    },
    #[error(
        "{path}: no line says which documents the job read ({{\"read\": PATH, \"sha256\": …}}); nothing was imported"
    )]
    NoDocuments { path: PathBuf },
    #[error(
        "{path}: none of the {read} documents the job read is in this store with the bytes it read ({unknown} unknown, {changed} changed since); run the job on this store's `export --format jsonl` (nothing was imported)"
    )]
    NothingInStore {
        path: PathBuf,
        read: u64,
        unknown: u64,
        changed: u64,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The longest line a reuse job writes: two paths, two SHA-256 and two
/// numbers (a path of 4,096 bytes, each byte escaped, fits).
const MAX_LINE: usize = 64 << 10;

/// A pair line: most of `document`'s passages are in `source`.
#[derive(Deserialize)]
struct PairLine {
    document: String,
    document_sha256: String,
    source: String,
    source_sha256: String,
    containment: f64,
    shared_passages: u64,
}

/// One line of a reuse job's output.
#[derive(Deserialize)]
#[serde(untagged)]
enum Line {
    Pair(PairLine),
    Read { read: String, sha256: String },
    Engine { engine: String },
}

/// Why a line was left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rejection {
    /// It names a document the store does not hold.
    NotInStore,
    /// It names a document the store holds with other bytes: changed since
    /// the job read it.
    OtherBytes,
    /// A pair naming a document no `read` line accepted.
    Unread,
    /// A pair of a document with itself, or a containment outside 0–1.
    Invalid,
}

impl Rejection {
    pub fn describe(self) -> &'static str {
        match self {
            Rejection::NotInStore => "names a document this store does not hold",
            Rejection::OtherBytes => {
                "names a document whose bytes changed since the job read it (the store holds other bytes)"
            }
            Rejection::Unread => "a pair of a document the job's read lines do not cover",
            Rejection::Invalid => "a document paired with itself, or a containment outside 0 to 1",
        }
    }
}

/// What an import did.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Imported {
    #[serde(flatten)]
    pub import: ReuseImport,
    /// Lines left out, by reason, with the first one of each (file, line).
    pub rejections: Vec<(Rejection, u64, String, u64)>,
    /// Current documents with text the job did not read (added or changed
    /// since its export): the native step compares them.
    pub not_covered: u64,
}

/// The files of `path`: itself, or a folder's Spark part files in name order.
fn parts(path: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let read = |error| ImportError::Read {
        path: path.to_path_buf(),
        error,
    };
    let meta = std::fs::metadata(path).map_err(read)?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    if !meta.is_dir() {
        // A pipe or a device would be read forever, or block.
        return Err(ImportError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path).map_err(read)? {
        let entry = entry.map_err(read)?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with("part-") && entry.path().is_file() {
            out.push(entry.path());
        }
    }
    out.sort();
    if out.is_empty() {
        return Err(ImportError::NoParts {
            path: path.to_path_buf(),
        });
    }
    Ok(out)
}

/// Reads the job's output at `path` (shown as `source`), checks every line
/// against the store's current documents, and replaces the import in force
/// in one transaction. The analysis is not run again here.
pub fn reuse(store: &mut Store, path: &Path) -> Result<Imported, ImportError> {
    let mut digest = Sha256::new();
    let mut engine: Option<String> = None;
    // Each line kept with where it was: (part file, line number).
    let mut reads: Vec<(String, String, usize, u64)> = Vec::new();
    let mut pairs: Vec<(PairLine, usize, u64)> = Vec::new();
    let mut lines = 0u64;
    let parts = parts(path)?;
    for (at, part) in parts.iter().enumerate() {
        let file = std::fs::File::open(part).map_err(|error| ImportError::Read {
            path: part.clone(),
            error,
        })?;
        let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
        let mut buf = Vec::new();
        let mut number = 0u64;
        loop {
            buf.clear();
            // A line is read up to its end or one byte past the longest a
            // job writes, so a file without line breaks cannot fill memory.
            let n = std::io::Read::take(&mut reader, MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut buf)
                .map_err(|error| ImportError::Read {
                    path: part.clone(),
                    error,
                })?;
            if n == 0 {
                break;
            }
            number += 1;
            let bad = |why: String| ImportError::Line {
                path: part.clone(),
                line: number,
                why,
            };
            if buf.len() > MAX_LINE {
                return Err(bad(format!("longer than {} KiB", MAX_LINE >> 10)));
            }
            digest.update(&buf);
            let text = std::str::from_utf8(&buf).map_err(|_| bad("not UTF-8".into()))?;
            if text.trim().is_empty() {
                continue;
            }
            lines += 1;
            let line: Line = serde_json::from_str(text).map_err(|_| {
                bad("not a JSON object with `read` and `sha256`, or `document`, `document_sha256`, `source`, `source_sha256`, `containment` and `shared_passages`".into())
            })?;
            match line {
                Line::Engine { engine: e } => {
                    engine.get_or_insert(e);
                }
                Line::Read { read, sha256 } => reads.push((read, sha256, at, number)),
                Line::Pair(pair) => pairs.push((pair, at, number)),
            }
        }
    }
    if reads.is_empty() {
        return Err(ImportError::NoDocuments {
            path: path.to_path_buf(),
        });
    }
    // The store's current documents by the path the export named them by;
    // two documents whose paths read alike are named by neither.
    let documents = store.current_documents()?;
    let mut by_path: HashMap<String, (i64, &str)> = HashMap::new();
    let mut alike: HashSet<String> = HashSet::new();
    for d in &documents {
        let name = d.path.to_string_lossy().into_owned();
        if by_path.insert(name.clone(), (d.id, &d.sha256)).is_some() {
            alike.insert(name);
        }
    }
    for name in &alike {
        by_path.remove(name);
    }
    let mut rejected: HashMap<Rejection, (u64, String, u64)> = HashMap::new();
    let mut reject = |why: Rejection, part: usize, line: u64| {
        rejected
            .entry(why)
            .or_insert_with(|| (0, parts[part].to_string_lossy().into_owned(), line))
            .0 += 1;
    };
    let check = |name: &str, sha256: &str| -> Result<i64, Rejection> {
        match by_path.get(name) {
            None => Err(Rejection::NotInStore),
            Some((_, stored)) if !stored.eq_ignore_ascii_case(sha256) => Err(Rejection::OtherBytes),
            Some((id, _)) => Ok(*id),
        }
    };
    let mut covered: HashMap<i64, String> = HashMap::new();
    let (mut unknown, mut changed) = (0, 0);
    for (name, sha256, part, line) in &reads {
        match check(name, sha256) {
            Ok(id) => {
                covered.insert(id, sha256.to_ascii_lowercase());
            }
            Err(why) => {
                match why {
                    Rejection::OtherBytes => changed += 1,
                    _ => unknown += 1,
                }
                reject(why, *part, *line);
            }
        }
    }
    if covered.is_empty() {
        return Err(ImportError::NothingInStore {
            path: path.to_path_buf(),
            read: reads.len() as u64,
            unknown,
            changed,
        });
    }
    let mut accepted: Vec<Reuse> = Vec::new();
    let mut seen: HashSet<(i64, i64)> = HashSet::new();
    for (pair, part, line) in &pairs {
        let ids = check(&pair.document, &pair.document_sha256).and_then(|copy| {
            let source = check(&pair.source, &pair.source_sha256)?;
            if !covered.contains_key(&copy) || !covered.contains_key(&source) {
                return Err(Rejection::Unread);
            }
            if copy == source || !(0.0..=1.0).contains(&pair.containment) {
                return Err(Rejection::Invalid);
            }
            Ok((copy, source))
        });
        match ids {
            Ok((copy, source)) => {
                if seen.insert((copy, source)) {
                    accepted.push(Reuse {
                        document_id: copy,
                        source_document_id: source,
                        containment: pair.containment,
                        shared_passages: pair.shared_passages as usize,
                    });
                }
            }
            Err(why) => reject(why, *part, *line),
        }
    }
    accepted.sort_by_key(|r| (r.document_id, r.source_document_id));
    let mut rejections: Vec<(Rejection, u64, String, u64)> = rejected
        .into_iter()
        .map(|(why, (n, part, line))| (why, n, part, line))
        .collect();
    rejections.sort();
    let import = ReuseImport {
        source: path.to_string_lossy().into_owned(),
        sha256: fingerprint::hex(&digest.finalize()),
        engine: engine.unwrap_or_else(|| "unnamed".into()),
        imported_at: String::new(),
        lines,
        rejected: rejections.iter().map(|r| r.1).sum(),
        documents: covered.len() as u64,
        pairs: accepted.len() as u64,
    };
    let mut covered: Vec<(i64, String)> = covered.into_iter().collect();
    covered.sort();
    store.replace_reuse_import(&import, &covered, &accepted)?;
    let import = store.reuse_import()?.unwrap_or(import);
    let with_text = documents.iter().filter(|d| d.text_sha256.is_some());
    let not_covered = with_text
        .filter(|d| covered.binary_search_by_key(&d.id, |c| c.0).is_err())
        .count() as u64;
    Ok(Imported {
        import,
        rejections,
        not_covered,
    })
}

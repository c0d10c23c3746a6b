//! Verify: hash a folder again and compare it with what was recorded, either
//! in the store or in a manifest.
//!
//! Every file is read and hashed again; nothing is taken on trust from sizes
//! or modification times.

use crate::fingerprint;
use crate::manifest::{self, ManifestFormat};
use crate::progress::Control;
use crate::relpath::RelPath;
use crate::scan::{self, Candidate, ScanError, ScanOptions};
use crate::store::{self, Store, StoreError};
pub use crate::verification::{Check, Counts, Status, Verification};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Why a verification could not run.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error(transparent)]
    Folder(#[from] ScanError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path}: cannot read the manifest: {source}")]
    ManifestUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}; fix the manifest or pass the right --manifest-format")]
    ManifestInvalid {
        path: PathBuf,
        source: manifest::ParseError,
    },
}

pub type Result<T, E = VerifyError> = std::result::Result<T, E>;

/// Compares what was recorded with what is there. A path in both is `ok` or
/// `modified`; a new path holding the bytes of a vanished one is `moved`
/// (reported once, at its new path); a new path holding bytes that another
/// file has is `duplicate`; what is left is `new` or `missing`.
pub fn classify(
    expected: &[(RelPath, String)],
    actual: &[(RelPath, std::result::Result<String, String>)],
) -> Vec<Check> {
    let expected_by_path: HashMap<&RelPath, &String> =
        expected.iter().map(|(p, h)| (p, h)).collect();
    let actual_by_path: HashMap<&RelPath, _> = actual.iter().map(|(p, h)| (p, h)).collect();
    let mut checks = BTreeMap::new();
    // Bytes of files that are gone, by hash, in path order: candidates for `moved`.
    let mut vanished: HashMap<&str, Vec<&RelPath>> = HashMap::new();
    for (path, hash) in expected {
        if !actual_by_path.contains_key(path) {
            vanished.entry(hash.as_str()).or_default().push(path);
        }
    }
    for list in vanished.values_mut() {
        list.sort();
        list.reverse(); // pop() takes the first path
    }
    // Present files with known bytes, by hash: where a duplicate's twin is.
    let mut present: HashMap<&str, &RelPath> = HashMap::new();
    let mut news = Vec::new();
    for (path, result) in actual {
        let expected = expected_by_path.get(path).map(|h| h.to_string());
        match result {
            Err(message) => {
                checks.insert(
                    path.clone(),
                    Check {
                        path: path.clone(),
                        status: Status::Unreadable,
                        expected_sha256: expected,
                        actual_sha256: None,
                        other_path: None,
                        message: Some(message.clone()),
                    },
                );
            }
            Ok(hash) => match expected {
                Some(exp) => {
                    present.entry(hash.as_str()).or_insert(path);
                    let status = if &exp == hash {
                        Status::Ok
                    } else {
                        Status::Modified
                    };
                    checks.insert(
                        path.clone(),
                        Check {
                            path: path.clone(),
                            status,
                            expected_sha256: Some(exp),
                            actual_sha256: Some(hash.clone()),
                            other_path: None,
                            message: None,
                        },
                    );
                }
                None => news.push((path, hash)),
            },
        }
    }
    news.sort();
    for (path, hash) in news {
        let (status, other) = if let Some(old) = vanished.get_mut(hash.as_str()).and_then(Vec::pop)
        {
            present.entry(hash.as_str()).or_insert(path);
            (Status::Moved, Some(old.clone()))
        } else if let Some(twin) = present.get(hash.as_str()) {
            (Status::Duplicate, Some((*twin).clone()))
        } else {
            present.insert(hash.as_str(), path);
            (Status::New, None)
        };
        checks.insert(
            path.clone(),
            Check {
                path: path.clone(),
                status,
                expected_sha256: (status == Status::Moved).then(|| hash.clone()),
                actual_sha256: Some(hash.clone()),
                other_path: other,
                message: None,
            },
        );
    }
    for (hash, paths) in vanished {
        for path in paths {
            checks.insert(
                path.clone(),
                Check {
                    path: path.clone(),
                    status: Status::Missing,
                    expected_sha256: Some(hash.to_owned()),
                    actual_sha256: None,
                    other_path: None,
                    message: None,
                },
            );
        }
    }
    checks.into_values().collect()
}

/// Hashes the scanned files on all cores.
fn hash_all(
    candidates: &[Candidate],
    control: &Control,
) -> Vec<(RelPath, std::result::Result<String, String>)> {
    control.progress.start(
        "verifying",
        candidates.len() as u64,
        candidates.iter().map(|c| c.bytes).sum(),
    );
    let out = candidates
        .par_iter()
        .map(|c| {
            let result = if control.cancelled() {
                Err("not checked: the run was cancelled".to_owned())
            } else {
                fingerprint::hash_file(&c.abs)
                    .map(|(hash, _)| hash)
                    .map_err(|e| scan::describe_io(&e))
            };
            control.progress.advance(c.bytes);
            (c.path.clone(), result)
        })
        .collect();
    control.progress.finish();
    out
}

/// Verifies the folder `root` against the documents in `store`, and records
/// the run in the store. `root` may be the corpus or any copy of it.
pub fn verify_store(
    store: &mut Store,
    root: &Path,
    options: ScanOptions,
    control: &Control,
) -> Result<Verification> {
    let started_at = store::now();
    let scan = scan::scan_corpus(root, options, &[store.path().to_path_buf()])?;
    let expected: Vec<(RelPath, String)> = store
        .files()?
        .into_iter()
        .map(|d| (d.path, d.sha256))
        .collect();
    let mut actual = hash_all(&scan.candidates, control);
    actual.extend(scan.errors.into_iter().map(|p| (p.path, Err(p.message))));
    let mut checks = classify(&expected, &actual);
    for check in &mut checks {
        if check.status == Status::Modified {
            let records = store.warc_records(&check.path)?;
            if !records.is_empty() {
                check.message = Some(changed_records(
                    &check.path.under(root),
                    &check.path,
                    &records,
                ));
            }
        }
    }
    let mut verification = Verification {
        root: root.to_path_buf(),
        against: "store".into(),
        started_at,
        finished_at: store::now(),
        checks,
        skipped: scan.skipped,
        id: None,
    };
    verification.id = Some(store.record_verification(&verification)?);
    Ok(verification)
}

/// Which records of a changed WARC file changed, named by their place and
/// address: the file is read again and each record's SHA-256 compared with
/// the one stored for the record at the same place.
fn changed_records(path: &Path, rel: &RelPath, stored: &[store::WarcRecordRow]) -> String {
    let wacz = stored.iter().any(|r| r.container != *rel);
    let (now, problems) = match crate::warc_pages::current_records(path, rel, wacz) {
        Ok(found) => found,
        Err(e) => {
            return format!(
                "the web archive cannot be read again: {}",
                scan::describe_io(&e)
            );
        }
    };
    // `byte 896`, or `byte 896 of archive/data.warc.gz` inside a WACZ.
    let place = |container: &RelPath, offset: u64, inner: u64| {
        let place = crate::warc::place(offset, inner);
        match container.as_bytes().get(rel.as_bytes().len() + 1..) {
            Some(within) if container != rel => {
                format!("{place} of {}", String::from_utf8_lossy(within))
            }
            _ => place,
        }
    };
    let name = |r: &store::WarcRecordRow| {
        let place = place(&r.container, r.offset, r.inner);
        match &r.target_uri {
            Some(uri) => format!("{place} ({} {uri})", r.warc_type),
            None => format!("{place} ({})", r.warc_type),
        }
    };
    let present: std::collections::HashSet<&String> = now.values().map(|(sha, _)| sha).collect();
    let mut changed = Vec::new();
    let mut gone = Vec::new();
    let mut shifted = 0usize;
    for r in stored {
        match now.get(&(r.container.clone(), r.offset, r.inner)) {
            Some((sha, _)) if *sha == r.sha256 => {}
            // The same bytes elsewhere in the file: an earlier record's new
            // length moved it, it did not change.
            _ if present.contains(&r.sha256) => shifted += 1,
            Some(_) => changed.push(name(r)),
            None => gone.push(name(r)),
        }
    }
    // Records the archive holds now that it did not: at a place no stored
    // record had, with bytes no stored record had.
    let stored_places: std::collections::HashSet<(&RelPath, u64, u64)> = stored
        .iter()
        .map(|r| (&r.container, r.offset, r.inner))
        .collect();
    let stored_bytes: std::collections::HashSet<&String> =
        stored.iter().map(|r| &r.sha256).collect();
    let mut added: Vec<(&(RelPath, u64, u64), &String)> = now
        .iter()
        .filter(|((c, o, i), (sha, _))| {
            !stored_places.contains(&(c, *o, *i)) && !stored_bytes.contains(sha)
        })
        .map(|(key, (_, what))| (key, what))
        .collect();
    added.sort();
    let added: Vec<String> = added
        .into_iter()
        .map(|((c, o, i), what)| format!("{} ({what})", place(c, *o, *i)))
        .collect();
    let mut parts = Vec::new();
    let list = |v: &[String]| {
        let shown: Vec<&str> = v.iter().take(5).map(String::as_str).collect();
        let more = v.len().saturating_sub(5);
        format!(
            "{}{}",
            shown.join("; "),
            if more > 0 {
                format!("; and {more} more")
            } else {
                String::new()
            }
        )
    };
    if !changed.is_empty() {
        parts.push(format!(
            "{} of its {} records changed: {}",
            changed.len(),
            stored.len(),
            list(&changed)
        ));
    }
    if !gone.is_empty() {
        parts.push(format!(
            "{} record{} no longer where {}: {}",
            gone.len(),
            if gone.len() == 1 { " is" } else { "s are" },
            if gone.len() == 1 {
                "it was"
            } else {
                "they were"
            },
            list(&gone)
        ));
    }
    if !added.is_empty() {
        parts.push(format!(
            "{} record{} added: {}",
            added.len(),
            if added.len() == 1 { " was" } else { "s were" },
            list(&added)
        ));
    }
    if shifted > 0 {
        parts.push(format!(
            "{shifted} other record{} unchanged at a new place in the file",
            if shifted == 1 { " is" } else { "s are" }
        ));
    }
    if !problems.is_empty() {
        parts.push(format!(
            "{} part{} cannot be read as records (first: {})",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            problems[0]
        ));
    }
    if parts.is_empty() {
        "every record is as stored; bytes between records changed".into()
    } else {
        parts.join("; ")
    }
}

/// Verifies the folder `root` against a manifest, with no store. For a BagIt
/// manifest, `root` is the bag and only its `data/` folder is compared.
pub fn verify_manifest(
    manifest_path: &Path,
    format: ManifestFormat,
    root: &Path,
    options: ScanOptions,
    control: &Control,
) -> Result<Verification> {
    let started_at = store::now();
    let bytes = crate::fingerprint::read_regular(manifest_path, 1 << 30).map_err(|source| {
        VerifyError::ManifestUnreadable {
            path: manifest_path.to_path_buf(),
            source,
        }
    })?;
    let entries =
        manifest::parse(&bytes, format).map_err(|source| VerifyError::ManifestInvalid {
            path: manifest_path.to_path_buf(),
            source,
        })?;
    let expected: Vec<(RelPath, String)> =
        entries.into_iter().map(|e| (e.path, e.sha256)).collect();
    let options = ScanOptions {
        include_hidden: true,
        ..options
    };
    let (scan_root, prefix): (PathBuf, &[u8]) = match format {
        ManifestFormat::Bagit => (root.join("data"), b"data/"),
        ManifestFormat::Sha256sum => (root.to_path_buf(), b""),
    };
    scan::scan(root, options, &[])?; // the folder itself must be there
    let scan = if scan_root.is_dir() {
        scan::scan(&scan_root, options, &[manifest_path.to_path_buf()])?
    } else {
        scan::Scan::default()
    };
    let prefixed = |p: RelPath| {
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(p.as_bytes());
        RelPath::from_bytes(bytes)
    };
    let mut actual: Vec<_> = hash_all(&scan.candidates, control)
        .into_iter()
        .map(|(p, r)| (prefixed(p), r))
        .collect();
    actual.extend(
        scan.errors
            .into_iter()
            .map(|p| (prefixed(p.path), Err(p.message))),
    );
    Ok(Verification {
        root: root.to_path_buf(),
        against: format!("{}:{}", format.as_str(), manifest_path.display()),
        started_at,
        finished_at: store::now(),
        checks: classify(&expected, &actual),
        skipped: scan.skipped,
        id: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> RelPath {
        RelPath::from_bytes(s.as_bytes().to_vec())
    }

    fn check(
        expected: &[(&str, &str)],
        actual: &[(&str, &str)],
        want: &[(&str, Status, Option<&str>)],
    ) {
        let expected: Vec<_> = expected
            .iter()
            .map(|(a, b)| (p(a), b.to_string()))
            .collect();
        let actual: Vec<_> = actual
            .iter()
            .map(|(a, b)| (p(a), Ok(b.to_string())))
            .collect();
        let got: Vec<_> = classify(&expected, &actual)
            .into_iter()
            .map(|c| {
                (
                    c.path.to_string(),
                    c.status,
                    c.other_path.map(|o| o.to_string()),
                )
            })
            .collect();
        let want: Vec<_> = want
            .iter()
            .map(|(a, s, o)| (a.to_string(), *s, o.map(str::to_string)))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn unchanged_folder_is_all_ok() {
        check(
            &[("a", "1"), ("b", "2")],
            &[("a", "1"), ("b", "2")],
            &[("a", Status::Ok, None), ("b", Status::Ok, None)],
        );
    }

    #[test]
    fn a_changed_file_is_modified_once_not_missing_and_new() {
        check(
            &[("a", "1"), ("b", "2")],
            &[("a", "1"), ("b", "3")],
            &[("a", Status::Ok, None), ("b", Status::Modified, None)],
        );
    }

    #[test]
    fn rename_is_moved_delete_is_missing_add_is_new() {
        check(
            &[("a", "1"), ("b", "2"), ("c", "3")],
            &[("a", "1"), ("b2", "2"), ("d", "4")],
            &[
                ("a", Status::Ok, None),
                ("b2", Status::Moved, Some("b")),
                ("c", Status::Missing, None),
                ("d", Status::New, None),
            ],
        );
    }

    #[test]
    fn a_copy_is_duplicate_of_its_twin() {
        check(
            &[("a", "1")],
            &[("a", "1"), ("copy", "1"), ("x", "9"), ("y", "9")],
            &[
                ("a", Status::Ok, None),
                ("copy", Status::Duplicate, Some("a")),
                ("x", Status::New, None),
                ("y", Status::Duplicate, Some("x")),
            ],
        );
    }

    #[test]
    fn a_moved_file_copied_twice_is_moved_once() {
        check(
            &[("old", "1")],
            &[("n1", "1"), ("n2", "1")],
            &[
                ("n1", Status::Moved, Some("old")),
                ("n2", Status::Duplicate, Some("n1")),
            ],
        );
    }

    #[test]
    fn unreadable_file_is_reported_with_its_message() {
        let checks = classify(
            &[(p("a"), "1".into())],
            &[(p("a"), Err("permission denied".into()))],
        );
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].status, Status::Unreadable);
        assert_eq!(checks[0].message.as_deref(), Some("permission denied"));
    }
}

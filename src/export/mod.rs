//! Exports: the evidence (a `sha256sum` manifest, a BagIt 1.0 bag, RFC
//! 8493) and the audit report (`html`, `md`, `json`, `csv`, `claimreview`,
//! `annotations`). [`run`] writes any of them and records it — format, path,
//! SHA-256 — in the review log's hash chain.
//!
//! Both describe the bytes the store recorded. The bag copies the corpus and
//! checks every copied byte against the store, so a file that changed since
//! it was ingested stops the export instead of entering the bag. Outputs are
//! written beside their final path and renamed into place when complete.

pub mod html;
pub mod linked;
pub mod markdown;
pub mod report;
mod svg;
pub mod table;

use crate::fingerprint;
use crate::manifest;
use crate::progress::Control;
use crate::store::{self, Store, StoreError, StoredDocument};
use chrono::Utc;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The formats this module writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceFormat {
    Sha256sum,
    Bagit,
}

/// Every export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Sha256sum,
    Bagit,
    Html,
    Markdown,
    Json,
    Csv,
    ClaimReview,
    Annotations,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Html,
        Format::Markdown,
        Format::Json,
        Format::Csv,
        Format::ClaimReview,
        Format::Annotations,
        Format::Sha256sum,
        Format::Bagit,
    ];

    /// The name the CLI, the app and the review log use.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Sha256sum => "sha256sum",
            Format::Bagit => "bagit",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::ClaimReview => "claimreview",
            Format::Annotations => "annotations",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// What it is, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Sha256sum => "sha256sum manifest",
            Format::Bagit => "BagIt bag",
            Format::Html => "HTML report",
            Format::Markdown => "Markdown report",
            Format::Json => "JSON report",
            Format::Csv => "CSV of claims",
            Format::ClaimReview => "ClaimReview JSON-LD",
            Format::Annotations => "Web Annotations JSON-LD",
        }
    }
}

/// Why an export failed. Nothing is left at the output path when it fails.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the store {store} holds no corpus yet; run `provaudit audit DIR --db {store}` first")]
    NoCorpus { store: PathBuf },
    #[error(
        "{out} is inside the corpus folder {root}, and the corpus folder is never written; choose an output path outside it"
    )]
    InsideCorpus { out: PathBuf, root: PathBuf },
    #[error("{out} already exists and is not an empty folder; choose a new path for the bag")]
    OutputExists { out: PathBuf },
    #[error(
        "{path}: changed since it was ingested (recorded {expected}, now {actual}); run `provaudit verify` to see what changed and `provaudit audit` to record it, then export again"
    )]
    Changed {
        path: String,
        expected: String,
        actual: String,
    },
    #[error("{path}: {message}; the export was not written")]
    Unreadable { path: String, message: String },
    #[error(
        "{path}: the name is not valid UTF-8, which a BagIt manifest cannot hold; rename the file, run `provaudit audit` again, then export"
    )]
    NameNotUtf8 { path: String },
    #[error("writing {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("export cancelled; nothing was written to {out}")]
    Cancelled { out: PathBuf },
    #[error(
        "{out} was not kept: recording the export in the review log failed ({source}); fix the store problem and export again"
    )]
    NotRecorded {
        out: PathBuf,
        source: Box<crate::review::ReviewError>,
    },
    #[error("{out} is a folder; give a file name for the {what}")]
    IsFolder { out: PathBuf, what: &'static str },
}

pub type Result<T, E = ExportError> = std::result::Result<T, E>;

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportSummary {
    pub out: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// SHA-256 of the file written: the manifest or report itself, or for a
    /// bag its `tagmanifest-sha256.txt`, which pins every other file of the bag.
    pub sha256: String,
}

/// What [`run`] wrote and where the review log recorded it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Written {
    pub format: &'static str,
    pub out: PathBuf,
    /// Documents described.
    pub files: usize,
    /// Bytes of the corpus described.
    pub corpus_bytes: u64,
    /// Bytes of the file written (for a bag, of its tag manifest's bag).
    pub size: u64,
    pub sha256: String,
    /// The review log entry recording the export.
    pub log_seq: i64,
    /// Verdicts left out because the bytes they rest on changed
    /// (`claimreview` only).
    pub stale_left_out: usize,
}

/// Writes `format` to `out` and records it in the review log (in `session`,
/// when one is given). `corpus` overrides the store's corpus folder for a
/// bag. When the record cannot be made, the written output is removed.
pub fn run(
    store: &mut Store,
    format: Format,
    corpus: Option<&Path>,
    out: &Path,
    session: Option<i64>,
    control: &Control,
) -> Result<Written> {
    let mut stale_left_out = 0;
    let summary = match format {
        Format::Sha256sum => sha256sum(store, out)?,
        Format::Bagit => bagit(store, corpus, out, control)?,
        _ => {
            check_outside(out, store.corpus_root()?.as_deref())?;
            if out.is_dir() {
                return Err(ExportError::IsFolder {
                    out: out.to_path_buf(),
                    what: format.describe(),
                });
            }
            let report = report::Report::build(store).map_err(|e| match e {
                crate::review::ReviewError::Store(e) => ExportError::Store(e),
                other => ExportError::NotRecorded {
                    out: out.to_path_buf(),
                    source: Box::new(other),
                },
            })?;
            let bytes = match format {
                Format::Html => html::render(&report).into_bytes(),
                Format::Markdown => markdown::render(&report).into_bytes(),
                Format::Json => pretty(&report),
                Format::Csv => table::render(&report),
                Format::ClaimReview => {
                    let (doc, stale) = linked::claimreview(&report);
                    stale_left_out = stale;
                    pretty(&doc)
                }
                Format::Annotations => pretty(&linked::annotations(&report)),
                Format::Sha256sum | Format::Bagit => unreachable!("handled above"),
            };
            write_atomically(out, &bytes)?;
            ExportSummary {
                out: out.to_path_buf(),
                files: report.documents.len(),
                bytes: report.corpus.bytes,
                sha256: fingerprint::sha256_hex(&bytes),
            }
        }
    };
    let size = if out.is_dir() {
        std::fs::metadata(out.join("tagmanifest-sha256.txt"))
            .map(|m| m.len())
            .unwrap_or(0)
    } else {
        std::fs::metadata(out).map(|m| m.len()).unwrap_or(0)
    };
    let record = crate::review::ExportRecord {
        format: format.as_str().to_owned(),
        path: std::path::absolute(out)
            .unwrap_or_else(|_| out.to_path_buf())
            .to_string_lossy()
            .into_owned(),
        sha256: summary.sha256.clone(),
        bytes: size,
    };
    match crate::review::record_export(store, session, &record) {
        Ok(entry) => Ok(Written {
            format: format.as_str(),
            out: summary.out,
            files: summary.files,
            corpus_bytes: summary.bytes,
            size,
            sha256: summary.sha256,
            log_seq: entry.seq,
            stale_left_out,
        }),
        Err(source) => {
            if out.is_dir() {
                let _ = std::fs::remove_dir_all(out);
            } else {
                let _ = std::fs::remove_file(out);
            }
            Err(ExportError::NotRecorded {
                out: out.to_path_buf(),
                source: Box::new(source),
            })
        }
    }
}

fn pretty<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("plain data serialises");
    bytes.push(b'\n');
    bytes
}

fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Refuses output paths inside the corpus folder.
fn check_outside(out: &Path, root: Option<&Path>) -> Result<()> {
    match root {
        Some(root) if store::is_inside(out, root) => Err(ExportError::InsideCorpus {
            out: out.to_path_buf(),
            root: root.to_path_buf(),
        }),
        _ => Ok(()),
    }
}

/// A temporary sibling of `out`, renamed onto it when complete.
fn staging_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

/// Writes a `sha256sum` manifest of the stored documents to `out`; run
/// `sha256sum -c --strict out` in the corpus folder to check it.
pub fn sha256sum(store: &Store, out: &Path) -> Result<ExportSummary> {
    check_outside(out, store.corpus_root()?.as_deref())?;
    let documents = store.documents()?;
    let mut text = Vec::new();
    for doc in &documents {
        manifest::push_sha256sum_line(&mut text, &doc.sha256, &doc.path);
    }
    write_atomically(out, &text)?;
    Ok(ExportSummary {
        out: out.to_path_buf(),
        files: documents.len(),
        bytes: documents.iter().map(|d| d.bytes).sum(),
        sha256: fingerprint::sha256_hex(&text),
    })
}

fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let staging = staging_path(out);
    let result = (|| {
        let mut file = std::fs::File::create(&staging)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&staging, out)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&staging);
    }
    result.map_err(write_err(out))
}

/// Writes a BagIt 1.0 bag at `out` (a new or empty folder) holding the
/// corpus under `data/`, copied from `corpus` (by default the store's corpus
/// folder) and checked against the store byte for byte.
pub fn bagit(
    store: &Store,
    corpus: Option<&Path>,
    out: &Path,
    control: &Control,
) -> Result<ExportSummary> {
    let stored_root = store.corpus_root()?;
    let root = match corpus.map(Path::to_path_buf).or(stored_root) {
        Some(root) => root,
        None => {
            return Err(ExportError::NoCorpus {
                store: store.path().to_path_buf(),
            });
        }
    };
    check_outside(out, Some(&root))?;
    if out.exists() {
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(ExportError::OutputExists {
                out: out.to_path_buf(),
            });
        }
    }
    let documents = store.documents()?;
    for doc in &documents {
        if !doc.path.is_utf8() {
            return Err(ExportError::NameNotUtf8 {
                path: doc.path.to_string(),
            });
        }
    }
    let staging = staging_path(out);
    let result = write_bag(&documents, &root, store.path(), &staging, control);
    match result {
        Ok(sha256) => {
            if out.exists() {
                std::fs::remove_dir(out).map_err(write_err(out))?;
            }
            std::fs::rename(&staging, out).map_err(write_err(out))?;
            Ok(ExportSummary {
                out: out.to_path_buf(),
                files: documents.len(),
                bytes: documents.iter().map(|d| d.bytes).sum(),
                sha256,
            })
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            Err(e)
        }
    }
}

fn write_bag(
    documents: &[StoredDocument],
    root: &Path,
    store_path: &Path,
    bag: &Path,
    control: &Control,
) -> Result<String> {
    let data = bag.join("data");
    std::fs::create_dir_all(&data).map_err(write_err(&data))?;
    control.progress.start(
        "copying into the bag",
        documents.len() as u64,
        documents.iter().map(|d| d.bytes).sum(),
    );
    let mut manifest_text = Vec::new();
    for doc in documents {
        if control.cancelled() {
            control.progress.finish();
            return Err(ExportError::Cancelled {
                out: bag.to_path_buf(),
            });
        }
        let to = doc.path.under(&data);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir).map_err(write_err(dir))?;
        }
        let (sha256, _) = fingerprint::copy_and_hash(&doc.path.under(root), &to).map_err(|e| {
            ExportError::Unreadable {
                path: doc.path.to_string(),
                message: crate::ingest::describe_io(&e),
            }
        })?;
        if sha256 != doc.sha256 {
            control.progress.finish();
            return Err(ExportError::Changed {
                path: doc.path.to_string(),
                expected: doc.sha256.clone(),
                actual: sha256,
            });
        }
        let mut name = b"data/".to_vec();
        name.extend_from_slice(doc.path.as_bytes());
        manifest::push_bagit_line(&mut manifest_text, &doc.sha256, &name).map_err(|_| {
            ExportError::NameNotUtf8 {
                path: doc.path.to_string(),
            }
        })?;
        control.progress.advance(doc.bytes);
    }
    control.progress.finish();
    let total: u64 = documents.iter().map(|d| d.bytes).sum();
    let bagit_txt = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".to_vec();
    let bag_info = format!(
        "Bag-Software-Agent: provaudit {}\nBagging-Date: {}\nPayload-Oxum: {}.{}\nExternal-Description: Evidence corpus {} as recorded in the provaudit store {}\n",
        crate::VERSION,
        Utc::now().format("%Y-%m-%d"),
        total,
        documents.len(),
        one_line(&root.to_string_lossy()),
        one_line(&store_path.to_string_lossy()),
    );
    let tag_files: [(&str, &[u8]); 3] = [
        ("bagit.txt", &bagit_txt),
        ("bag-info.txt", bag_info.as_bytes()),
        ("manifest-sha256.txt", &manifest_text),
    ];
    let mut tag_manifest = Vec::new();
    for (name, bytes) in tag_files {
        let path = bag.join(name);
        std::fs::write(&path, bytes).map_err(write_err(&path))?;
        manifest::push_bagit_line(
            &mut tag_manifest,
            &fingerprint::sha256_hex(bytes),
            name.as_bytes(),
        )
        .expect("tag file names are UTF-8");
    }
    let path = bag.join("tagmanifest-sha256.txt");
    std::fs::write(&path, &tag_manifest).map_err(write_err(&path))?;
    Ok(fingerprint::sha256_hex(&tag_manifest))
}

/// A bag-info value must stay on one line.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

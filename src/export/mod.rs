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
pub mod passim;
mod svg;
pub mod table;
pub mod words;

use crate::fingerprint;
use crate::manifest;
use crate::progress::Control;
pub use crate::review::LogAnchor;
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
    Jsonl,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Html,
        Format::Markdown,
        Format::Json,
        Format::Csv,
        Format::ClaimReview,
        Format::Annotations,
        Format::Jsonl,
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
            Format::Jsonl => "jsonl",
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
            Format::Jsonl => "JSON Lines of the texts (passim's input)",
        }
    }
}

/// Why an export failed. Nothing is left at the output path when it fails.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "a {what} holds what was reviewed or every file; only the reports (html, md, json, csv) can be limited to the flagged claims"
    )]
    NotAReport { what: &'static str },
    #[error("the store {store} holds no corpus yet; run `provaudit audit DIR --db {store}` first")]
    NoCorpus { store: PathBuf },
    #[error(
        "{out} is inside the corpus folder {root}, and the corpus folder is never written; choose an output path outside it"
    )]
    InsideCorpus { out: PathBuf, root: PathBuf },
    #[error("{out} already exists and is not an empty folder; choose a new path for the bag")]
    OutputExists { out: PathBuf },
    #[error(
        "{out} already exists; choose a new path, or pass --force to replace it (only a regular file is ever replaced)"
    )]
    FileExists { out: PathBuf },
    #[error(
        "{out} is {what}; an export is only ever written as a new regular file (or replaces one with --force): give another path"
    )]
    NotARegularFile { out: PathBuf, what: &'static str },
    #[error(
        "{dir} is not the corpus of the store {store} (it records {recorded}); a {what} describes the recorded corpus — drop {dir}, or give the store of {dir} with --db"
    )]
    OtherCorpus {
        dir: PathBuf,
        store: PathBuf,
        recorded: PathBuf,
        what: &'static str,
    },
    #[error(
        "{path}: the name holds `{sequence}`, which BagIt validators read as an encoded character and disagree on (RFC 8493 decodes it, bagit-python does not); rename the file, run `provaudit audit` again, then export the bag — or export a sha256sum manifest, which holds any name. Nothing was written"
    )]
    AmbiguousBagName { path: String, sequence: String },
    #[error(
        "the review log's hash chain is broken: {reason}; a report would certify a log that was altered. Run `provaudit history` to see it; pass --allow-broken-chain to export anyway (the report then says so first)"
    )]
    BrokenChain { reason: String },
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
    // `error`, not `source`: the message says it once (a source would be
    // printed again after it).
    #[error("writing {path}: {error}; check the folder exists and is writable, then export again")]
    Write {
        path: PathBuf,
        error: std::io::Error,
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
    #[error(
        "{out} is the evidence store itself (or one of its files); an export never replaces it — choose another path"
    )]
    IsStore { out: PathBuf },
    #[error(
        "{path}: the store records SHA-256 {recorded}, which is not a SHA-256 digest; the store was altered — run `provaudit verify` and audit again before exporting"
    )]
    BadDigest { path: String, recorded: String },
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
    /// The review log's head the export states.
    pub log_anchor: LogAnchor,
}

/// What to export, and where.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub format: Format,
    /// The corpus folder given by the user: a copy to take a bag's or a
    /// manifest's files from (checked against the store); for a report it
    /// must be the store's corpus. Output is never written inside it.
    pub corpus: Option<&'a Path>,
    pub out: &'a Path,
    /// The review session to record the export in.
    pub session: Option<i64>,
    /// Replace an existing regular file at `out`.
    pub force: bool,
    /// Export even though the review log's chain is broken (the report says
    /// so first).
    pub allow_broken_chain: bool,
    /// A report (html, md, json, csv) holding only the flagged claims and
    /// the documents they rest on ([`report::Report::flagged_only`]).
    pub only_flagged: bool,
}

/// Writes `request.format` to `request.out` and records it in the review
/// log. An existing path is never replaced unless `force` is given, and then
/// only a regular file; a broken review log stops the export unless
/// `allow_broken_chain` is given. When the record cannot be made, the written
/// output is removed.
pub fn run(store: &mut Store, request: &Request, control: &Control) -> Result<Written> {
    let (format, out) = (request.format, request.out);
    if request.only_flagged
        && !matches!(
            format,
            Format::Html | Format::Markdown | Format::Json | Format::Csv
        )
    {
        return Err(ExportError::NotAReport {
            what: format.describe(),
        });
    }
    let recorded = store.corpus_root()?;
    check_outside(out, recorded.as_deref())?;
    check_outside(out, request.corpus)?;
    check_not_store(out, store.path())?;
    check_output(out, format, request.force)?;
    let log = store.review_log()?;
    let chain = crate::review::verify_chain(&log);
    if let crate::review::ChainCheck::Broken { reason, .. } = &chain
        && !request.allow_broken_chain
    {
        return Err(ExportError::BrokenChain {
            reason: reason.clone(),
        });
    }
    let anchor = LogAnchor::of(&chain);
    let mut stale_left_out = 0;
    let summary = match format {
        Format::Sha256sum => {
            sha256sum(store, request.corpus, out, &anchor, request.force, control)?
        }
        Format::Bagit => bagit(store, request.corpus, out, &anchor, control)?,
        Format::Jsonl => {
            let documents = crate::view::json::documents_section(store)?;
            let mut files = 0;
            let sha256 = write_atomically_with(out, request.force, &mut |w| match passim::write(
                store, &documents, w, out, control,
            )? {
                Some(n) => {
                    files = n;
                    Ok(())
                }
                None => Err(ExportError::Cancelled {
                    out: out.to_path_buf(),
                }),
            })?;
            ExportSummary {
                out: out.to_path_buf(),
                files,
                bytes: documents.iter().map(|d| d.bytes).sum(),
                sha256,
            }
        }
        _ => {
            if let (Some(dir), Some(recorded)) = (request.corpus, recorded.as_deref())
                && !same_folder(dir, recorded)
            {
                return Err(ExportError::OtherCorpus {
                    dir: dir.to_path_buf(),
                    store: store.path().to_path_buf(),
                    recorded: recorded.to_path_buf(),
                    what: format.describe(),
                });
            }
            let report = crate::view::report::Report::build(store).map_err(|e| match e {
                crate::review::ReviewError::Store(e) => ExportError::Store(e),
                other => ExportError::NotRecorded {
                    out: out.to_path_buf(),
                    source: Box::new(other),
                },
            })?;
            let report = if request.only_flagged {
                report.flagged_only()
            } else {
                report
            };
            let bytes = match format {
                Format::Html => html::render(&report).into_bytes(),
                Format::Markdown => markdown::render(&report).into_bytes(),
                // C1 controls and bidi overrides as `\uXXXX`, as `audit
                // --json` prints them: the file is safe to `cat`.
                Format::Json => {
                    let text = String::from_utf8(pretty(&report)).expect("JSON is UTF-8");
                    crate::escape::json(&text).into_owned().into_bytes()
                }
                Format::Csv => table::render(&report),
                Format::ClaimReview => {
                    let (doc, stale) = linked::claimreview(&report);
                    stale_left_out = stale;
                    json_for_html(&doc)
                }
                Format::Annotations => json_for_html(&linked::annotations(&report)),
                Format::Sha256sum | Format::Bagit | Format::Jsonl => {
                    unreachable!("handled above")
                }
            };
            write_atomically(out, &bytes, request.force)?;
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
    match crate::review::record_export(store, request.session, &record) {
        Ok(entry) => Ok(Written {
            format: format.as_str(),
            out: summary.out,
            files: summary.files,
            corpus_bytes: summary.bytes,
            size,
            sha256: summary.sha256,
            log_seq: entry.seq,
            stale_left_out,
            log_anchor: anchor,
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

/// Refuses the store file, its `-wal`, `-shm` and `-journal` files, or any
/// name for them (a link, another path to the same file), as an output.
fn check_not_store(out: &Path, store: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let abs = store::absolute;
    let out_abs = abs(out);
    let out_id = std::fs::metadata(out).ok().map(|m| (m.dev(), m.ino()));
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = store.as_os_str().to_owned();
        name.push(suffix);
        let candidate = PathBuf::from(name);
        let same_id = out_id.is_some()
            && std::fs::metadata(&candidate)
                .ok()
                .map(|m| (m.dev(), m.ino()))
                == out_id;
        if same_id || abs(&candidate) == out_abs {
            return Err(ExportError::IsStore {
                out: out.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// Whether two paths name the same folder.
fn same_folder(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    canon(a) == canon(b)
}

/// Refuses an output path that exists, unless it is a regular file and
/// `force` is given (a bag may also go into an existing empty folder).
/// Symbolic links, devices, pipes and sockets are never written through or
/// replaced.
fn check_output(out: &Path, format: Format, force: bool) -> Result<()> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(ExportError::Write {
                path: out.to_path_buf(),
                error: source,
            });
        }
    };
    let kind = meta.file_type();
    use std::os::unix::fs::FileTypeExt;
    let what = if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_dir() {
        if format == Format::Bagit {
            let empty = std::fs::read_dir(out)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
            return if empty {
                Ok(())
            } else {
                Err(ExportError::OutputExists {
                    out: out.to_path_buf(),
                })
            };
        }
        return Err(ExportError::IsFolder {
            out: out.to_path_buf(),
            what: format.describe(),
        });
    } else if format == Format::Bagit {
        "a file, not a folder"
    } else if force {
        return Ok(());
    } else {
        return Err(ExportError::FileExists {
            out: out.to_path_buf(),
        });
    };
    Err(ExportError::NotARegularFile {
        out: out.to_path_buf(),
        what,
    })
}

fn pretty<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("plain data serialises");
    bytes.push(b'\n');
    bytes
}

/// JSON that can be pasted into an HTML `<script type="application/ld+json">`
/// block, as ClaimReview is published: `<`, `>` and `&` are written as
/// `\u003c`, `\u003e` and `\u0026` (they only ever occur inside strings,
/// where the escape means the same character), so an article's
/// `</script>` cannot end the block.
pub fn json_for_html<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let bytes = pretty(value);
    let mut out = Vec::with_capacity(bytes.len());
    for b in bytes {
        match b {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            b => out.push(b),
        }
    }
    out
}

fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |error| ExportError::Write {
        path: path.to_path_buf(),
        error,
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
/// `sha256sum -c --strict out` in the corpus folder to check it. Every file
/// is hashed again first (in `corpus`, by default the store's corpus
/// folder), so a manifest never states a digest the files do not have:
/// a file changed since it was ingested, or a digest altered in the store,
/// stops the export. The first line, a comment GNU `sha256sum -c` passes
/// over, states the review log's head.
pub fn sha256sum(
    store: &Store,
    corpus: Option<&Path>,
    out: &Path,
    anchor: &LogAnchor,
    force: bool,
    control: &Control,
) -> Result<ExportSummary> {
    let root = corpus_folder(store, corpus)?;
    check_outside(out, Some(&root))?;
    let documents = store.files()?;
    check_against_files(&documents, &root, control)?;
    let mut text = format!("# {}\n", anchor.line()).into_bytes();
    for doc in &documents {
        manifest::push_sha256sum_line(&mut text, &doc.sha256, &doc.path);
    }
    write_atomically(out, &text, force)?;
    Ok(ExportSummary {
        out: out.to_path_buf(),
        files: documents.len(),
        bytes: documents.iter().map(|d| d.bytes).sum(),
        sha256: fingerprint::sha256_hex(&text),
    })
}

/// The folder an evidence export reads: the one given, or the store's.
fn corpus_folder(store: &Store, corpus: Option<&Path>) -> Result<PathBuf> {
    match corpus.map(Path::to_path_buf).or(store.corpus_root()?) {
        Some(root) => Ok(root),
        None => Err(ExportError::NoCorpus {
            store: store.path().to_path_buf(),
        }),
    }
}

/// Hashes every stored document's file under `root` (on all cores) and
/// stops at the first, by path, whose bytes are not the recorded ones.
fn check_against_files(documents: &[StoredDocument], root: &Path, control: &Control) -> Result<()> {
    use rayon::prelude::*;
    for doc in documents {
        if !is_sha256_hex(&doc.sha256) {
            return Err(ExportError::BadDigest {
                path: doc.path.to_string(),
                recorded: doc.sha256.clone(),
            });
        }
    }
    control.progress.start(
        "checking the files against the store",
        documents.len() as u64,
        documents.iter().map(|d| d.bytes).sum(),
    );
    let mut found: Vec<Option<ExportError>> = documents
        .par_iter()
        .map(|doc| {
            if control.cancelled() {
                return None;
            }
            let result = fingerprint::hash_file(&doc.path.under(root));
            control.progress.advance(doc.bytes);
            match result {
                Ok((sha256, _)) if sha256 == doc.sha256 => None,
                Ok((sha256, _)) => Some(ExportError::Changed {
                    path: doc.path.to_string(),
                    expected: doc.sha256.clone(),
                    actual: sha256,
                }),
                Err(e) => Some(ExportError::Unreadable {
                    path: doc.path.to_string(),
                    message: gone_or_unreadable(&e),
                }),
            }
        })
        .collect();
    control.progress.finish();
    if control.cancelled() {
        return Err(ExportError::Cancelled {
            out: root.to_path_buf(),
        });
    }
    match found.iter_mut().find_map(Option::take) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Writes `bytes` beside `out`, then moves them into place: with a hard link
/// when `out` must be new (the link fails if anything appeared there
/// meanwhile, so nothing is ever replaced), with a rename over the regular
/// file [`check_output`] saw when `force` is given.
fn write_atomically(out: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_atomically_with(out, force, &mut |w| {
        w.write_all(bytes).map_err(write_err(out))
    })
    .map(|_| ())
}

/// [`write_atomically`] for output written a piece at a time by `fill`
/// (never held whole in memory); returns the SHA-256 of what was written.
/// Nothing is left at `out` or beside it when `fill` fails.
fn write_atomically_with(
    out: &Path,
    force: bool,
    fill: &mut dyn FnMut(&mut dyn Write) -> Result<()>,
) -> Result<String> {
    use sha2::Digest;
    /// Hashes what passes through on its way to the file.
    struct Hashing<W> {
        inner: W,
        hash: sha2::Sha256,
    }
    impl<W: Write> Write for Hashing<W> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = self.inner.write(buf)?;
            self.hash.update(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }
    let staging = staging_path(out);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&staging)
        .map_err(write_err(out))?;
    let mut w = Hashing {
        inner: std::io::BufWriter::new(file),
        hash: sha2::Sha256::new(),
    };
    let filled = fill(&mut w);
    let result = filled.and_then(|()| {
        let sha256 = fingerprint::hex(&w.hash.finalize_reset());
        let file = w
            .inner
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| file.sync_all())
            .and_then(|()| {
                if force {
                    std::fs::rename(&staging, out)
                } else {
                    std::fs::hard_link(&staging, out)?;
                    std::fs::remove_file(&staging)
                }
            });
        match file {
            Ok(()) => Ok(sha256),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(ExportError::FileExists {
                    out: out.to_path_buf(),
                })
            }
            Err(e) => Err(write_err(out)(e)),
        }
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&staging);
    }
    result
}

/// Writes a BagIt 1.0 bag at `out` (a new or empty folder) holding the
/// corpus under `data/`, copied from `corpus` (by default the store's corpus
/// folder) and checked against the store byte for byte.
pub fn bagit(
    store: &Store,
    corpus: Option<&Path>,
    out: &Path,
    anchor: &LogAnchor,
    control: &Control,
) -> Result<ExportSummary> {
    let root = corpus_folder(store, corpus)?;
    check_outside(out, Some(&root))?;
    check_output(out, Format::Bagit, false)?;
    let documents = store.files()?;
    for doc in &documents {
        if !doc.path.is_utf8() {
            return Err(ExportError::NameNotUtf8 {
                path: doc.path.to_string(),
            });
        }
        if let Some(sequence) = ambiguous_bag_sequence(doc.path.as_bytes()) {
            return Err(ExportError::AmbiguousBagName {
                path: doc.path.to_string(),
                sequence,
            });
        }
    }
    let outside = links_leaving(&documents, &root);
    let captures = captures_table(store)?;
    let staging = staging_path(out);
    let result = write_bag(
        &documents,
        &root,
        store.path(),
        &staging,
        anchor,
        &outside,
        captures.as_ref(),
        control,
    );
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

/// The first percent-sequence in a name that BagIt readers decode
/// differently: RFC 8493 decodes `%25`, `%0A` and `%0D`, bagit-python 1.9
/// decodes only `%0A` and `%0D` (case-sensitively), so a name holding any of
/// them literally cannot be written so that both read it back.
pub fn ambiguous_bag_sequence(name: &[u8]) -> Option<String> {
    name.windows(3)
        .find(|w| {
            w[0] == b'%'
                && matches!(
                    (w[1], w[2].to_ascii_uppercase()),
                    (b'0', b'A') | (b'0', b'D') | (b'2', b'5')
                )
        })
        .map(|w| String::from_utf8_lossy(w).into_owned())
}

/// Documents whose path reaches a file outside the corpus folder (through a
/// symbolic link followed at ingest), with where it points.
pub fn links_leaving(documents: &[StoredDocument], root: &Path) -> Vec<(String, PathBuf)> {
    let Ok(root) = std::fs::canonicalize(root) else {
        return Vec::new();
    };
    documents
        .iter()
        .filter_map(|doc| {
            let target = std::fs::canonicalize(doc.path.under(&root)).ok()?;
            (!target.starts_with(&root)).then(|| (doc.path.to_string(), target))
        })
        .collect()
}

/// Name of the bag's tag file listing where and when each page was captured.
pub const CAPTURES_TAG_FILE: &str = "provaudit-captures.tsv";

/// The captures of every page the store holds, as a tab-separated table
/// (the document, the address, the time, how, and for a page read from a
/// web archive the archive file, the record's place and its digest check);
/// `None` when no page says where it was captured.
fn captures_table(store: &Store) -> Result<Option<(usize, String)>> {
    let captures = store.captures()?;
    if captures.is_empty() {
        return Ok(None);
    }
    let cell = |s: &str| one_line(s).replace('\t', " ");
    let mut rows: Vec<String> = store
        .documents()?
        .into_iter()
        .filter_map(|d| {
            let c = captures.get(&d.id)?;
            let record = c.record.as_ref();
            Some(
                [
                    cell(&d.path.to_string_lossy()),
                    cell(c.url.as_deref().unwrap_or("")),
                    cell(c.at.as_deref().unwrap_or("")),
                    cell(&c.format),
                    record.map(|r| cell(&r.container)).unwrap_or_default(),
                    record
                        .map(|r| crate::warc::place(r.offset, r.inner))
                        .unwrap_or_default(),
                    record.map(|r| cell(&r.payload_digest)).unwrap_or_default(),
                    cell(&d.sha256),
                ]
                .join("\t"),
            )
        })
        .collect();
    rows.sort();
    let n = rows.len();
    let mut table = String::from(
        "document\taddress\tcaptured_at\tformat\tarchive\trecord\tpayload_digest\tsha256\n",
    );
    for row in rows {
        table.push_str(&row);
        table.push('\n');
    }
    Ok(Some((n, table)))
}

#[allow(clippy::too_many_arguments)]
fn write_bag(
    documents: &[StoredDocument],
    root: &Path,
    store_path: &Path,
    bag: &Path,
    anchor: &LogAnchor,
    outside: &[(String, PathBuf)],
    captures: Option<&(usize, String)>,
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
                message: gone_or_unreadable(&e),
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
    let mut bag_info = format!(
        "Bag-Software-Agent: provaudit {}\nBagging-Date: {}\nPayload-Oxum: {}.{}\nExternal-Description: Evidence corpus {} as recorded in the provaudit store {}\nProvaudit-Review-Log: {}\n",
        crate::VERSION,
        Utc::now().format("%Y-%m-%d"),
        total,
        documents.len(),
        one_line(&root.to_string_lossy()),
        one_line(&store_path.to_string_lossy()),
        one_line(&anchor.value()),
    );
    for (path, target) in outside {
        bag_info.push_str(&format!(
            "Provaudit-Link-Outside-Corpus: {} -> {}\n",
            one_line(path),
            one_line(&target.to_string_lossy())
        ));
    }
    if let Some((n, _)) = captures {
        bag_info.push_str(&format!(
            "Provaudit-Captures: {n} pages with the address and time they were captured, in {CAPTURES_TAG_FILE}\n"
        ));
    }
    let mut tag_files: Vec<(&str, &[u8])> = vec![
        ("bagit.txt", &bagit_txt),
        ("bag-info.txt", bag_info.as_bytes()),
        ("manifest-sha256.txt", &manifest_text),
    ];
    if let Some((_, table)) = captures {
        tag_files.push((CAPTURES_TAG_FILE, table.as_bytes()));
    }
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

/// A bag-info value must stay on one line, and holds no control character.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Why a stored document cannot be exported, and what to do: a file gone
/// since the audit is no race to retry (running the export again gives the
/// same error) but a change to record.
fn gone_or_unreadable(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        "is gone from the corpus since the last audit; run `provaudit verify` to see what \
         changed, then `provaudit audit` to record the deletion, and export again"
            .into()
    } else {
        crate::scan::describe_io(e)
    }
}

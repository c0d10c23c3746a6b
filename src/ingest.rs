//! Ingest: walk a corpus folder, fingerprint every file in one read, extract
//! its text, and keep it all in the store.
//!
//! Files are read on all cores; one writer stores them in batches, each batch
//! one transaction. A file whose size and modification time are what the store
//! recorded is not read again. One bad file is recorded as an error and the
//! run goes on; the corpus folder is only ever read.

use crate::fingerprint::{self, ANALYSIS_LIMIT};
use crate::progress::Control;
use crate::relpath::RelPath;
use crate::scan::{Candidate, FileProblem, Scan, ScanError, ScanOptions, describe_io, scan_corpus};
use crate::store::{NewDocument, RunTotals, Store, StoreError, Stored};
use crate::text::{self, ContentKind};
use rayon::prelude::*;
use std::collections::HashSet;

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Why a run could not start or had to stop.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The folder is missing, not a folder, or cannot be read.
    #[error(transparent)]
    Folder(#[from] ScanError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "the analysis was cancelled; the store keeps the results of the last complete analysis"
    )]
    Cancelled,
}

pub type Result<T, E = IngestError> = std::result::Result<T, E>;

/// Opens the store for the corpus at `root` (see [`Store::open_for_corpus`]),
/// after checking that `root` is a folder or one file, so a mistyped path
/// never creates a store.
pub fn open_store(db: Option<&Path>, root: &Path) -> Result<Store> {
    crate::scan::check_corpus(root)?;
    Ok(Store::open_for_corpus(db, root)?)
}

/// What an ingest run did.
#[derive(Debug, Default)]
pub struct IngestSummary {
    pub run_id: i64,
    pub totals: RunTotals,
    /// Bytes in the files found.
    pub bytes: u64,
    pub errors: Vec<FileProblem>,
    /// Files passed over on purpose, and documents read with caveats.
    pub warnings: Vec<FileProblem>,
    /// Paths the store holds that are no longer in the folder.
    pub gone: Vec<RelPath>,
    /// Unchanged files read again because their stored text came from an
    /// older version of the text extraction.
    pub reextracted: u64,
    pub elapsed: Duration,
    /// Time spent reading and hashing files, and decoding and extracting
    /// their text, summed over the reading threads; and the writer's time
    /// storing them (for `audit --timings` and the benchmark).
    pub reading: Duration,
    pub extracting: Duration,
    pub storing: Duration,
}

impl IngestSummary {
    /// Whether every file was read and stored.
    pub fn complete(&self) -> bool {
        self.errors.is_empty() && !self.totals.cancelled
    }
}

/// Reads one file: fingerprints, decoding and text, in one read. A WARC
/// file gives itself and then a document for each page it holds
/// (see [`crate::warc_pages`]); every other file gives one document.
pub fn read_documents(candidate: &Candidate) -> Vec<std::result::Result<NewDocument, String>> {
    let (mut reading, mut extracting) = (Duration::ZERO, Duration::ZERO);
    let mut out = Vec::new();
    read_candidate(candidate, &mut reading, &mut extracting, &mut |r| {
        out.push(r)
    });
    out
}

/// Reads one file, handing each document (or problem) it gives to `emit`
/// as soon as it is read, and adding the time spent reading and hashing,
/// and the time spent decoding and extracting text, to the two counters.
fn read_candidate(
    candidate: &Candidate,
    reading: &mut Duration,
    extracting: &mut Duration,
    emit: &mut dyn FnMut(std::result::Result<NewDocument, String>),
) {
    let started = Instant::now();
    let read = match fingerprint::read_file(&candidate.abs, ANALYSIS_LIMIT) {
        Ok(read) => read,
        Err(e) => return emit(Err(describe_io(&e))),
    };
    *reading += started.elapsed();
    let name = candidate
        .path
        .as_path()
        .file_name()
        .map(|n| n.as_encoded_bytes())
        .unwrap_or_default();
    let started = Instant::now();
    if crate::warc_pages::looks_like_wacz(name, read.content.as_deref()) {
        crate::warc_pages::read_wacz(candidate, &read.sha256, read.bytes, emit);
        *extracting += started.elapsed();
    } else if match &read.content {
        Some(bytes) => crate::warc::looks_like_warc(bytes),
        None => crate::warc_pages::named_like_warc(name),
    } {
        crate::warc_pages::read(candidate, &read.sha256, read.bytes, emit);
        *extracting += started.elapsed();
    } else {
        let document = document_of(candidate, name, read);
        *extracting += started.elapsed();
        emit(document);
    }
}

/// The document of a file that is not a container.
fn document_of(
    candidate: &Candidate,
    name: &[u8],
    read: fingerprint::ReadFile,
) -> std::result::Result<NewDocument, String> {
    let extracted = match &read.content {
        Some(bytes) => text::extract(name, bytes),
        None => text::Extracted {
            kind: ContentKind::TooLarge,
            encoding: None,
            title: None,
            site_name: None,
            canonical_url: None,
            source: None,
            text: String::new(),
            text_sha256: None,
            capture: None,
            published: None,
            page_lines: None,
            notes: vec![format!(
                "larger than {} MiB: fingerprinted and kept as evidence, not analysed",
                ANALYSIS_LIMIT >> 20
            )],
        },
    };
    let has_text = extracted.text_sha256.is_some();
    Ok(NewDocument {
        path: candidate.path.clone(),
        bytes: read.bytes,
        mtime_ns: candidate.mtime_ns,
        sha256: read.sha256,
        text_sha256: extracted.text_sha256,
        encoding: extracted.encoding,
        kind: extracted.kind,
        title: extracted.title,
        site_name: extracted.site_name,
        canonical_url: extracted.canonical_url,
        source: extracted.source,
        text: has_text.then_some(extracted.text),
        notes: extracted.notes,
        extracted_with: text::EXTRACTION_VERSION,
        capture: extracted.capture,
        published: extracted.published,
        page_lines: extracted.page_lines,
        container: None,
        warc_records: None,
    })
}

/// Documents stored per transaction.
const BATCH: usize = 256;
/// Longest time a read document waits before its batch is committed.
const BATCH_WAIT: Duration = Duration::from_millis(500);

/// Scans `root` and ingests it into `store`.
pub fn ingest(
    store: &mut Store,
    root: &Path,
    options: ScanOptions,
    control: &Control,
) -> Result<IngestSummary> {
    let store_path = store.path().to_path_buf();
    let scan = scan_corpus(root, options, &[store_path])?;
    ingest_scanned(store, root, scan, control)
}

/// Ingests the files of an earlier [`scan`] of `root`.
pub fn ingest_scanned(
    store: &mut Store,
    root: &Path,
    scan: Scan,
    control: &Control,
) -> Result<IngestSummary> {
    let started = Instant::now();
    store.lock_for_run()?;
    let run_id = store.begin_run(root)?;
    let stamps = store.stamps()?;
    let mut summary = IngestSummary {
        run_id,
        bytes: scan.candidates.iter().map(|c| c.bytes).sum(),
        errors: scan.errors,
        warnings: scan.skipped.into_iter().chain(scan.outside).collect(),
        ..Default::default()
    };
    summary.totals.files_seen = scan.candidates.len() as u64;
    let seen: HashSet<&RelPath> = scan.candidates.iter().map(|c| &c.path).collect();
    summary.gone = stamps
        .keys()
        .filter(|p| !seen.contains(p))
        .cloned()
        .collect();
    summary.gone.sort();

    // A file is read again when its size or modification time changed, or
    // when its stored text came from another version of the extraction.
    let (to_read, unchanged): (Vec<&Candidate>, Vec<&Candidate>) = scan
        .candidates
        .iter()
        .partition(|c| match stamps.get(&c.path) {
            Some(s) => {
                (s.bytes, s.mtime_ns) != (c.bytes, c.mtime_ns)
                    || s.extracted_with != text::EXTRACTION_VERSION
            }
            None => true,
        });
    summary.reextracted = to_read
        .iter()
        .filter(|c| {
            stamps.get(&c.path).is_some_and(|s| {
                (s.bytes, s.mtime_ns) == (c.bytes, c.mtime_ns)
                    && s.extracted_with != text::EXTRACTION_VERSION
            })
        })
        .count() as u64;
    summary.totals.unchanged = unchanged.len() as u64;
    control.progress.start(
        "fingerprinting",
        to_read.len() as u64,
        to_read.iter().map(|c| c.bytes).sum(),
    );

    let (tx, rx) =
        mpsc::sync_channel::<(RelPath, std::result::Result<NewDocument, String>)>(2 * BATCH);
    let reading_ns = std::sync::atomic::AtomicU64::new(0);
    let extracting_ns = std::sync::atomic::AtomicU64::new(0);
    // Set when the writer stops on a store error: the readers stop reading,
    // and the receiver is dropped with the writer, so no reader can block on
    // a full channel that nobody empties.
    let stopped = std::sync::atomic::AtomicBool::new(false);
    let store_result = std::thread::scope(|scope| {
        let rx = rx;
        let (reading_ns, extracting_ns, stopped) = (&reading_ns, &extracting_ns, &stopped);
        scope.spawn(move || {
            to_read.par_iter().for_each_with(tx, |tx, candidate| {
                if control.cancelled() || stopped.load(std::sync::atomic::Ordering::Relaxed) {
                    return;
                }
                let (mut reading, mut extracting) = (Duration::ZERO, Duration::ZERO);
                read_candidate(candidate, &mut reading, &mut extracting, &mut |result| {
                    let path = match &result {
                        Ok(doc) => doc.path.clone(),
                        Err(_) => candidate.path.clone(),
                    };
                    if tx.send((path, result)).is_err() {
                        stopped.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                });
                use std::sync::atomic::Ordering::Relaxed;
                reading_ns.fetch_add(reading.as_nanos() as u64, Relaxed);
                extracting_ns.fetch_add(extracting.as_nanos() as u64, Relaxed);
                control.progress.advance(candidate.bytes);
            });
        });
        let mut docs = Vec::with_capacity(BATCH);
        let mut errors = Vec::new();
        let mut oldest = Instant::now();
        let mut flush = |docs: &mut Vec<NewDocument>,
                         errors: &mut Vec<(RelPath, String)>,
                         summary: &mut IngestSummary|
         -> Result<(), StoreError> {
            if docs.is_empty() && errors.is_empty() {
                return Ok(());
            }
            let started = Instant::now();
            let outcomes = store.store_batch(run_id, docs, errors)?;
            summary.storing += started.elapsed();
            for (doc, outcome) in docs.iter().zip(outcomes) {
                match outcome {
                    Stored::Added => summary.totals.added += 1,
                    Stored::Changed => summary.totals.changed += 1,
                    Stored::Same => summary.totals.unchanged += 1,
                }
                // Plain text that decoded cleanly has no notes; every note is worth a warning.
                for note in &doc.notes {
                    summary.warnings.push(FileProblem {
                        path: doc.path.clone(),
                        message: note.clone(),
                    });
                }
            }
            for (path, message) in errors.drain(..) {
                summary.errors.push(FileProblem { path, message });
            }
            docs.clear();
            Ok(())
        };
        let written = (|| loop {
            match rx.recv_timeout(BATCH_WAIT) {
                Ok((path, result)) => {
                    if docs.is_empty() && errors.is_empty() {
                        oldest = Instant::now();
                    }
                    match result {
                        Ok(doc) => docs.push(doc),
                        Err(message) => errors.push((path, message)),
                    }
                    if docs.len() >= BATCH || oldest.elapsed() >= BATCH_WAIT {
                        flush(&mut docs, &mut errors, &mut summary)?;
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    flush(&mut docs, &mut errors, &mut summary)?
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    break flush(&mut docs, &mut errors, &mut summary);
                }
            }
        })();
        if written.is_err() {
            stopped.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        drop(rx);
        written
    });
    control.progress.finish();
    store_result?;
    summary.totals.cancelled = control.cancelled();
    summary.totals.errors = summary.errors.len() as u64;
    summary.errors.sort_by(|a, b| a.path.cmp(&b.path));
    summary.warnings.sort_by(|a, b| a.path.cmp(&b.path));
    summary.gone.extend(store.records_left_behind(run_id)?);
    summary.gone.sort();
    store.finish_run(run_id, &summary.totals)?;
    summary.reading = Duration::from_nanos(reading_ns.into_inner());
    summary.extracting = Duration::from_nanos(extracting_ns.into_inner());
    summary.elapsed = started.elapsed();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store error while files are being read (a full disk) ends the run
    /// with that error at once; it used to leave the readers blocked on a
    /// channel nobody emptied, for good.
    #[test]
    fn a_full_store_stops_the_run_instead_of_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        for i in 0..3000 {
            let text = format!("Article {i}. ").repeat(300);
            std::fs::write(corpus.join(format!("{i:05}.txt")), text).unwrap();
        }
        let mut store =
            Store::open_for_corpus(Some(&dir.path().join("s.sqlite")), &corpus).unwrap();
        let used: i64 = {
            let meta = std::fs::metadata(store.path()).unwrap();
            (meta.len() / 4096) as i64 + 64
        };
        store.limit_pages(used + 100);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let result = ingest(
                &mut store,
                &corpus,
                ScanOptions::default(),
                &Control::none(),
            );
            let _ = tx.send(result.map(|s| s.totals.added));
        });
        let outcome = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("ingest hung after the store filled up");
        match outcome {
            Err(IngestError::Store(StoreError::DiskFull { .. })) => {}
            other => panic!("expected the disk-full error, got {other:?}"),
        }
    }
}

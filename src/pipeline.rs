//! The whole audit as one call: ingest, then every analysis stage, then the
//! report. The CLI and the desktop app both run this, so they never differ.

use crate::ingest::{self, IngestError};
use crate::outlets::registry::Registry;
use crate::outlets::{self, Grouping};
use crate::progress::{Control, Timings};
use crate::relpath::RelPath;
use crate::scan::ScanOptions;
use crate::store::Store;
use crate::view::json::AuditReport;
use std::path::Path;

/// How to audit.
#[derive(Clone, Copy, Debug, Default)]
pub struct AuditOptions {
    pub scan: ScanOptions,
    pub grouping: Grouping,
}

/// Ingests `root` into `store`, runs the analysis stages over the whole store
/// and returns the report. A file that cannot be read is in the report's
/// errors; only store and folder problems, and a cancelled analysis, are
/// `Err`. When the ingest itself is cancelled, what was read is kept and the
/// report says the run was cancelled, without a new analysis.
pub fn audit(
    store: &mut Store,
    root: &Path,
    registry: &Registry,
    options: AuditOptions,
    control: &Control,
) -> Result<AuditReport, IngestError> {
    audit_into(store, root, registry, options, control, true)
}

/// [`audit`] whose report leaves out `claims` and `clusters` (the CLI's
/// text summary needs only their counts).
pub fn audit_overview(
    store: &mut Store,
    root: &Path,
    registry: &Registry,
    options: AuditOptions,
    control: &Control,
) -> Result<AuditReport, IngestError> {
    audit_into(store, root, registry, options, control, false)
}

/// What one audit did: the ingest's summary and how long each step took.
pub struct AuditRun {
    pub summary: ingest::IngestSummary,
    pub timings: Timings,
    started: std::time::Instant,
}

impl AuditRun {
    /// How long the run has taken so far, analysis included.
    pub fn elapsed(&self) -> std::time::Duration {
        self.started.elapsed()
    }
}

/// Ingests `root` into `store` and runs the analysis stages over the whole
/// store (unless nothing they read changed), without building a report: the
/// desktop app reads what it shows a page at a time.
pub fn run(
    store: &mut Store,
    root: &Path,
    registry: &Registry,
    options: AuditOptions,
    control: &Control,
) -> Result<AuditRun, IngestError> {
    let started = std::time::Instant::now();
    let mut summary = ingest::ingest(store, root, options.scan, control)?;
    let mut timings = Timings::default();
    timings.add_part(
        "ingest: read and hash (summed over threads)",
        summary.reading,
    );
    timings.add_part(
        "ingest: decode and extract text (summed over threads)",
        summary.extracting,
    );
    timings.add_part("ingest: store documents", summary.storing);
    timings.add("ingest (wall)", summary.elapsed);
    if !summary.totals.cancelled {
        let inputs = timings.time("analysis inputs", || {
            analysis_inputs(store, registry, options.grouping)
        })?;
        if store.analysis_inputs()?.as_deref() == Some(inputs.as_str()) {
            // Nothing the analysis reads has changed: its stored results stand.
            timings.add(
                "analysis (unchanged inputs: kept)",
                std::time::Duration::ZERO,
            );
        } else {
            let (took, problems) = analyse(store, registry, options.grouping, inputs, control)?;
            timings.extend(took);
            summary.warnings.extend(problems);
        }
    }
    Ok(AuditRun {
        summary,
        timings,
        started,
    })
}

fn audit_into(
    store: &mut Store,
    root: &Path,
    registry: &Registry,
    options: AuditOptions,
    control: &Control,
    with_claims: bool,
) -> Result<AuditReport, IngestError> {
    let AuditRun {
        summary,
        mut timings,
        started,
    } = run(store, root, registry, options, control)?;
    let report_started = std::time::Instant::now();
    let mut report = if with_claims {
        AuditReport::new(store, &summary, registry)?
    } else {
        AuditReport::without_claims(store, &summary, registry)?
    };
    timings.add("report", report_started.elapsed());
    // The run's time covers the analysis too, not only reading the files.
    report.run.elapsed_ms = started.elapsed().as_millis() as u64;
    report.timings = timings;
    Ok(report)
}

/// Re-runs the analysis stages over what the store holds, without reading
/// the corpus (after a registry change or a reviewer's correction).
pub fn reanalyse(
    store: &mut Store,
    registry: &Registry,
    grouping: Grouping,
) -> Result<(), IngestError> {
    reanalyse_with(store, registry, grouping, &Control::none())
}

/// [`reanalyse`] with progress and cancellation. A cancelled analysis writes
/// nothing more: each stage replaces its results in one transaction, so the
/// store keeps a stage's previous results when it is cancelled.
pub fn reanalyse_with(
    store: &mut Store,
    registry: &Registry,
    grouping: Grouping,
    control: &Control,
) -> Result<(), IngestError> {
    store.lock_for_run()?;
    let inputs = analysis_inputs(store, registry, grouping)?;
    analyse(store, registry, grouping, inputs, control).map(drop)
}

/// Why a reviewer's correction could not be recorded.
#[derive(Debug, thiserror::Error)]
pub enum CorrectionError {
    #[error("{path}: not in the store")]
    NotInStore { path: RelPath },
    #[error("cannot correct `{field}`: only publisher and origin can be set by hand")]
    Field { field: String },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Analysis(#[from] IngestError),
}

/// A reviewer's corrections of one document's `publisher` and/or `origin`
/// (`None` withdraws an earlier one), each bound to the bytes reviewed, then
/// the analysis run again so every result follows them: one call for the
/// CLI's `outlet set` and the app's correction. Returns the document.
pub fn correct_outlets(
    store: &mut Store,
    registry: &Registry,
    path: &RelPath,
    changes: &[(&str, Option<String>)],
    reviewer: &str,
    note: Option<&str>,
) -> Result<crate::store::StoredDocument, CorrectionError> {
    if let Some((field, _)) = changes
        .iter()
        .find(|(f, _)| *f != "publisher" && *f != "origin")
    {
        return Err(CorrectionError::Field {
            field: (*field).to_owned(),
        });
    }
    let doc = store
        .document_by_path(path)?
        .ok_or_else(|| CorrectionError::NotInStore { path: path.clone() })?;
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    for (field, value) in changes {
        store.add_outlet_override(&outlets::Override {
            path: path.clone(),
            field: (*field).to_owned(),
            value: value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned),
            reviewer: reviewer.to_owned(),
            note: note.map(str::to_owned),
            document_sha256: doc.sha256.clone(),
            created_at: crate::store::now(),
        })?;
    }
    reanalyse(store, registry, Grouping::ByOutlet)?;
    Ok(doc)
}

/// The SHA-256 of everything the analysis stages read: every document's
/// path and fingerprints, the reviewer's outlet corrections, imported text
/// reuse (`provaudit import reuse`), the registry,
/// the grouping and the program. The stages are deterministic, so equal
/// inputs give equal results.
pub fn analysis_inputs(
    store: &Store,
    registry: &Registry,
    grouping: Grouping,
) -> Result<String, crate::store::StoreError> {
    let mut overrides: Vec<String> = store
        .outlet_overrides()?
        .into_iter()
        .map(|(k, v)| format!("{k:?} {v:?}"))
        .collect();
    overrides.sort();
    // Text reuse imported from a job elsewhere is read by the claims stage.
    if let Some(import) = store.reuse_import()? {
        overrides.push(format!("reuse import {}", import.sha256));
    }
    Ok(fingerprint(
        ANALYSIS_FILES,
        registry,
        grouping,
        &store.documents()?,
        &overrides,
    ))
}

/// Every data file the analysis reads, compiled in, by its path in the
/// repository: their bytes are part of [`analysis_inputs`], so editing one
/// re-runs the analysis even when the program's version stays (a test keeps
/// this list equal to the data files under `registry/`).
pub const ANALYSIS_FILES: &[(&str, &str)] = &[
    ("registry/outlets.toml", crate::outlets::registry::CURATED),
    (
        "registry/state-media/State_Media_Matrix.csv",
        crate::outlets::registry::STATE_MEDIA_CSV,
    ),
    ("registry/entities.toml", crate::claims::entities::ENTITIES),
];

/// The SHA-256 of everything the analysis reads: the program and its
/// analysis version, the data files, the registry in force (a user's
/// `--registry` file included), the grouping, every document's bytes and
/// text as stored, and the reviewer's corrections.
fn fingerprint(
    files: &[(&str, &str)],
    registry: &Registry,
    grouping: Grouping,
    documents: &[crate::store::StoredDocument],
    overrides: &[String],
) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    // The program, its analysis version and the registry in force, as every
    // stage keys a document's kept analysis.
    h.update(format!("{} {grouping:?}\n", registry.analysis_key()));
    for (path, bytes) in files {
        h.update(format!("{path} {}\n", bytes.len()));
        h.update(bytes.as_bytes());
    }
    for d in documents {
        h.update(d.analysis_inputs(""));
        h.update("\n");
    }
    for o in overrides {
        h.update(format!("{} ", o.len()));
        h.update(o);
    }
    crate::fingerprint::hex(&h.finalize())
}

/// The analysis stages, and how long each step took. The stored inputs
/// fingerprint is cleared first and set when every stage is done, so a
/// cancelled or failed analysis is never mistaken for a complete one.
/// `inputs` is [`analysis_inputs`] of this store, registry and grouping, as
/// the caller computed it.
fn analyse(
    store: &mut Store,
    registry: &Registry,
    grouping: Grouping,
    inputs: String,
    control: &Control,
) -> Result<(Timings, Vec<crate::scan::FileProblem>), IngestError> {
    let mut timings = Timings::default();
    if control.cancelled() {
        return Err(IngestError::Cancelled);
    }
    store.set_analysis_inputs(None)?;
    let started = std::time::Instant::now();
    let decided = outlets::run(store, registry, grouping)?;
    crate::progress::return_freed_memory();
    timings.add(
        &format!(
            "outlets ({} documents decided; {} kept from the last run)",
            decided.documents - decided.kept,
            decided.kept
        ),
        started.elapsed(),
    );
    if control.cancelled() {
        return Err(IngestError::Cancelled);
    }
    match crate::claims::run_with(store, registry, grouping, control)? {
        Some(out) => {
            timings.extend_prefixed("claims: ", out.timings);
            // A document whose analysis failed is tried again next run: the
            // results are not marked as made from these inputs.
            if out.problems.is_empty() {
                store.set_analysis_inputs(Some(&inputs))?;
            }
            Ok((timings, out.problems))
        }
        None => Err(IngestError::Cancelled),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relpath::RelPath;
    use crate::store::StoredDocument;
    use crate::text::ContentKind;

    /// Every data file under `registry/` (not its README or licences) is in
    /// [`ANALYSIS_FILES`] with the bytes on disk: a new data file the
    /// analysis reads cannot be left out of the fingerprint.
    #[test]
    fn every_data_file_under_registry_is_an_analysis_input() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut found = Vec::new();
        let mut dirs = vec![root.join("registry")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("toml" | "csv" | "json" | "txt")
                ) {
                    found.push(path);
                }
            }
        }
        found.sort();
        let mut listed: Vec<std::path::PathBuf> =
            ANALYSIS_FILES.iter().map(|(p, _)| root.join(p)).collect();
        listed.sort();
        assert_eq!(
            found, listed,
            "a data file under registry/ is not in pipeline::ANALYSIS_FILES (or one listed is gone)"
        );
        for (path, bytes) in ANALYSIS_FILES {
            assert_eq!(
                std::fs::read_to_string(root.join(path)).unwrap(),
                *bytes,
                "{path}: the compiled-in bytes are the file's"
            );
        }
    }

    fn doc(sha: &str) -> StoredDocument {
        StoredDocument {
            id: 1,
            path: RelPath::from_bytes(b"a.txt".to_vec()),
            bytes: 3,
            mtime_ns: None,
            sha256: sha.into(),
            text_sha256: Some("t".into()),
            encoding: Some("UTF-8".into()),
            kind: ContentKind::Text,
            notes: vec![],
            first_ingested_at: "t0".into(),
            ingested_at: "t1".into(),
            extracted_with: 1,
        }
    }

    /// Changing any one input — each data file, the registry in force, the
    /// grouping, a document's bytes, a correction — changes the
    /// fingerprint, so the next audit re-runs the analysis.
    #[test]
    fn changing_any_input_changes_the_fingerprint() {
        let registry = Registry::bundled();
        let docs = vec![doc("aa")];
        let base = fingerprint(ANALYSIS_FILES, &registry, Grouping::ByOutlet, &docs, &[]);
        assert_eq!(
            base,
            fingerprint(ANALYSIS_FILES, &registry, Grouping::ByOutlet, &docs, &[]),
            "the same inputs give the same fingerprint"
        );
        let mut changed = Vec::new();
        for i in 0..ANALYSIS_FILES.len() {
            let edited = format!("{}\n# edited", ANALYSIS_FILES[i].1);
            let mut files = ANALYSIS_FILES.to_vec();
            files[i].1 = &edited;
            changed.push((
                ANALYSIS_FILES[i].0.to_owned(),
                fingerprint(&files, &registry, Grouping::ByOutlet, &docs, &[]),
            ));
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("registry.toml");
        std::fs::write(
            &file,
            "[[outlet]]\nid = \"x-news\"\nname = \"X News\"\nkind = \"commercial\"\nsource = \"test\"\n",
        )
        .unwrap();
        let user = Registry::with_user_file(&file).unwrap();
        changed.push((
            "a user's registry".into(),
            fingerprint(ANALYSIS_FILES, &user, Grouping::ByOutlet, &docs, &[]),
        ));
        changed.push((
            "the grouping".into(),
            fingerprint(ANALYSIS_FILES, &registry, Grouping::ByOwner, &docs, &[]),
        ));
        let mut re_extracted = doc("aa");
        re_extracted.extracted_with = 2;
        changed.push((
            "the extraction that produced a document's text".into(),
            fingerprint(
                ANALYSIS_FILES,
                &registry,
                Grouping::ByOutlet,
                &[re_extracted],
                &[],
            ),
        ));
        changed.push((
            "a document's bytes".into(),
            fingerprint(
                ANALYSIS_FILES,
                &registry,
                Grouping::ByOutlet,
                &[doc("ab")],
                &[],
            ),
        ));
        changed.push((
            "a correction".into(),
            fingerprint(
                ANALYSIS_FILES,
                &registry,
                Grouping::ByOutlet,
                &docs,
                &["origin a.txt Reuters".into()],
            ),
        ));
        for (what, fp) in &changed {
            assert_ne!(fp, &base, "changing {what} left the fingerprint as it was");
        }
    }
}

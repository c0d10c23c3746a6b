//! The whole audit as one call: ingest, then every analysis stage, then the
//! report. The CLI and the desktop app both run this, so they never differ.

use crate::ingest::{self, IngestError, ScanOptions};
use crate::outlets::registry::Registry;
use crate::outlets::{self, Grouping};
use crate::progress::{Control, Timings};
use crate::report::AuditReport;
use crate::store::Store;
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
    let summary = ingest::ingest(store, root, options.scan, control)?;
    let mut timings = Timings::default();
    timings.add(
        "ingest: read and hash (summed over threads)",
        summary.reading,
    );
    timings.add(
        "ingest: decode and extract text (summed over threads)",
        summary.extracting,
    );
    timings.add("ingest: store documents", summary.storing);
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
            timings.extend(analyse(store, registry, options.grouping, control)?);
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
    analyse(store, registry, grouping, control).map(drop)
}

/// Bump when a change to the analysis code changes what it stores for the
/// same inputs, so stores analysed by the older code are analysed again.
const ANALYSIS_VERSION: u32 = 5;

/// The SHA-256 of everything the analysis stages read: every document's
/// path and fingerprints, the reviewer's outlet corrections, the registry,
/// the grouping and the program. The stages are deterministic, so equal
/// inputs give equal results.
pub fn analysis_inputs(
    store: &Store,
    registry: &Registry,
    grouping: Grouping,
) -> Result<String, crate::store::StoreError> {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(format!(
        "{} {ANALYSIS_VERSION} {grouping:?}\n",
        crate::VERSION
    ));
    h.update(format!("{:?}\n", registry.outlets()));
    // The entity list is compiled in but edited as data: a change must
    // re-run the analysis even when the program's version stays.
    h.update(crate::claims::entities::ENTITIES.as_bytes());
    for d in store.documents()? {
        h.update(d.id.to_le_bytes());
        h.update(d.path.as_bytes());
        h.update(format!(
            "\0{} {:?} {:?} {}\n",
            d.sha256,
            d.text_sha256,
            d.encoding,
            d.kind.as_str()
        ));
    }
    let mut overrides: Vec<String> = store
        .outlet_overrides()?
        .into_iter()
        .map(|(k, v)| format!("{k:?} {v:?}"))
        .collect();
    overrides.sort();
    for o in overrides {
        h.update(o);
    }
    Ok(crate::fingerprint::hex(&h.finalize()))
}

/// The analysis stages, and how long each step took. The stored inputs
/// fingerprint is cleared first and set when every stage is done, so a
/// cancelled or failed analysis is never mistaken for a complete one.
fn analyse(
    store: &mut Store,
    registry: &Registry,
    grouping: Grouping,
    control: &Control,
) -> Result<Timings, IngestError> {
    let mut timings = Timings::default();
    if control.cancelled() {
        return Err(IngestError::Cancelled);
    }
    let inputs = analysis_inputs(store, registry, grouping)?;
    store.set_analysis_inputs(None)?;
    timings.time("outlets", || outlets::run(store, registry, grouping))?;
    if control.cancelled() {
        return Err(IngestError::Cancelled);
    }
    match crate::claims::run_with(store, registry, control)? {
        Some(out) => {
            for (step, took) in out.timings {
                timings.add(&format!("claims: {step}"), took);
            }
            store.set_analysis_inputs(Some(&inputs))?;
            Ok(timings)
        }
        None => Err(IngestError::Cancelled),
    }
}

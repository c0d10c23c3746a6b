//! The whole audit as one call: ingest, then every analysis stage, then the
//! report. The CLI and the desktop app both run this, so they never differ.

use crate::ingest::{self, IngestError, ScanOptions};
use crate::outlets::registry::Registry;
use crate::outlets::{self, Grouping};
use crate::progress::Control;
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
    let started = std::time::Instant::now();
    let summary = ingest::ingest(store, root, options.scan, control)?;
    if !summary.totals.cancelled {
        reanalyse_with(store, registry, options.grouping, control)?;
    }
    let mut report = AuditReport::new(store, &summary, registry)?;
    // The run's time covers the analysis too, not only reading the files.
    report.run.elapsed_ms = started.elapsed().as_millis() as u64;
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
    if control.cancelled() {
        return Err(IngestError::Cancelled);
    }
    outlets::run(store, registry, grouping)?;
    if control.cancelled() {
        return Err(IngestError::Cancelled);
    }
    match crate::claims::run_with(store, registry, control)? {
        Some(_) => Ok(()),
        None => Err(IngestError::Cancelled),
    }
}

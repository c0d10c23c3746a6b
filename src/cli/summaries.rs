//! The summaries `audit`, `verify`, `export` and `history` print.

use crate::cli::print::*;
use anyhow::Result;
use provaudit::escape;
use provaudit::export;
use provaudit::store::{self};
use provaudit::verify::{Status, Verification};
use provaudit::view::json::{AuditReport, HistoryReport};
use std::io::Write;
use std::path::Path;

pub(crate) fn print_audit(
    dir: &Path,
    report: &AuditReport,
    totals: &store::ClusterTotals,
) -> Result<()> {
    let mut out = stdout_text();
    let run = &report.run;
    // "5 articles and 1 checksum manifest", not "6 files": what a file is
    // matters to the reader (files not stored are counted as errors below).
    let kinds = |pred: &dyn Fn(&str) -> bool| {
        report
            .documents
            .iter()
            .filter(|d| pred(d.content_kind))
            .count()
    };
    let articles = kinds(&|k| matches!(k, "text" | "html"));
    let manifests = kinds(&|k| k == "manifest");
    let others = report.documents.len() - articles - manifests;
    let mut what = vec![match articles {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    }];
    if manifests > 0 {
        what.push(match manifests {
            1 => "1 checksum manifest".to_owned(),
            n => format!("{n} checksum manifests"),
        });
    }
    if others > 0 {
        what.push(match others {
            1 => "1 other file (not read as text)".to_owned(),
            n => format!("{n} other files (not read as text)"),
        });
    }
    let what = match what.len() {
        1 => what.remove(0),
        _ => {
            let last = what.pop().unwrap_or_default();
            format!("{} and {last}", what.join(", "))
        }
    };
    writeln!(
        out,
        "Audited {}: {what}, {} in {:.2} s",
        dir.display(),
        export::words::human_bytes(run.bytes),
        run.elapsed_ms as f64 / 1000.0
    )?;
    writeln!(
        out,
        "  {} new, {} changed, {} unchanged, {} errors{}",
        run.added,
        run.changed,
        run.unchanged,
        run.errors,
        if run.cancelled { " (cancelled)" } else { "" }
    )?;
    if run.reextracted > 0 {
        writeln!(
            out,
            "  {} unchanged files read again: their stored text came from an older version of the text extraction",
            run.reextracted
        )?;
    }
    for doc in &report.documents {
        let what = match doc.content_kind {
            "text" | "html" => {
                let publisher = party_line(doc.publisher.as_ref());
                let origin = party_line(doc.origin.as_ref());
                if publisher == origin {
                    format!("  {publisher}{}", alignment_badge(doc))
                } else {
                    // A copy found by its text says so, not "unknown".
                    let how = match doc.origin.as_ref().map(|o| o.evidence.rule.as_str()) {
                        Some("text_reuse") => "uncredited copy".to_owned(),
                        _ => doc.relation.replace('_', " "),
                    };
                    format!("  {publisher} ← {origin} ({how}){}", alignment_badge(doc))
                }
            }
            other => format!("  [{other}]"),
        };
        writeln!(
            out,
            "  {}  {}{what}",
            &doc.sha256[..16],
            doc.path.escape_debug()
        )?;
    }
    for gone in &run.gone {
        writeln!(
            out,
            "  gone: {} is in the store but no longer in the folder (or its archive); run `provaudit verify`",
            gone.escape_debug()
        )?;
    }
    for w in &report.warnings {
        writeln!(out, "  warning: {}: {}", w.path.escape_debug(), w.warning)?;
    }
    if totals.clusters > 0 {
        let counts = provaudit::view::json::ClaimCounts::from_totals(totals);
        writeln!(
            out,
            "  {} claims in {} clusters: {}; {} with conflicting figures — see `provaudit claims`",
            totals.claims,
            totals.clusters,
            counts.in_words(),
            totals.conflicting
        )?;
    }
    if let Some(i) = &report.reuse_import {
        writeln!(
            out,
            "  text reuse: imported from {} ({}, SHA-256 {}, {}) for the {} documents it read unchanged; `provaudit import reuse --remove` goes back to the native step",
            i.source, i.engine, i.sha256, i.imported_at, i.documents
        )?;
    }
    writeln!(out, "  store: {}", report.corpus.store)?;
    drop(out);
    for e in &report.errors {
        eprintln_safe!("provaudit: {}: {}", e.path.escape_debug(), e.error);
    }
    if !run.complete {
        eprintln_safe!(
            "provaudit: the run was partial: {} file(s) could not be stored or read in full; everything else was",
            report
                .errors
                .iter()
                .map(|e| e.path.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        );
    }
    Ok(())
}

pub(crate) fn print_verification(v: &Verification) -> Result<()> {
    let mut out = stdout_text();
    for check in &v.checks {
        let extra = match (check.status, &check.other_path, &check.message) {
            (Status::Moved, Some(old), _) => format!(" (was {old})"),
            (Status::Duplicate, Some(twin), _) => format!(" (same bytes as {twin})"),
            (_, _, Some(message)) => format!(" ({message})"),
            _ => String::new(),
        };
        writeln!(out, "{:<10} {}{extra}", check.status.as_str(), check.path)?;
    }
    for s in &v.skipped {
        writeln!(out, "{:<10} {} ({})", "skipped", s.path, s.message)?;
    }
    let c = v.counts();
    let parts: Vec<String> = [
        (c.ok, "ok"),
        (c.modified, "modified"),
        (c.missing, "missing"),
        (c.new, "new"),
        (c.moved, "moved"),
        (c.duplicate, "duplicate"),
        (c.unreadable, "unreadable"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, s)| format!("{n} {s}"))
    .collect();
    let verdict = if v.all_ok() {
        "the folder matches"
    } else {
        "the folder does NOT match"
    };
    writeln!(
        out,
        "{} files checked against {}: {} — {verdict}",
        v.checks.len(),
        v.against,
        if parts.is_empty() {
            "nothing to check".to_owned()
        } else {
            parts.join(", ")
        }
    )?;
    Ok(())
}

pub(crate) fn print_export(w: &export::Written) -> Result<()> {
    let format = export::Format::parse(w.format).expect("a format run wrote");
    let mut out = stdout_text();
    writeln!(
        out,
        "Wrote the {} {}: {} files described ({})",
        format.describe(),
        w.out.display(),
        w.files,
        export::words::human_bytes(w.corpus_bytes)
    )?;
    let of = match format {
        export::Format::Bagit => "its tagmanifest-sha256.txt",
        _ => "the file",
    };
    writeln!(out, "  SHA-256 of {of}: {}", w.sha256)?;
    writeln!(out, "  recorded in the review log as entry {}", w.log_seq)?;
    if w.stale_left_out > 0 {
        writeln!(
            out,
            "  {} stale verdicts left out: the files they rest on changed; review them again",
            w.stale_left_out
        )?;
    }
    Ok(())
}

pub(crate) fn print_history(report: &HistoryReport) -> Result<()> {
    let mut out = stdout_text();
    writeln!(
        out,
        "Store {} (corpus {})",
        report.store,
        report.root.as_deref().unwrap_or("none yet")
    )?;
    let broken_at = match &report.review_log {
        provaudit::review::ChainCheck::Intact { entries, head } => {
            writeln!(
                out,
                "Review log: hash chain intact, {entries} entries; head {}",
                head.as_deref().unwrap_or("(empty log)")
            )?;
            None
        }
        provaudit::review::ChainCheck::Broken { seq, reason } => {
            writeln!(
                out,
                "Review log: HASH CHAIN BROKEN at entry {seq}: {reason}. Entries from there on cannot be trusted."
            )?;
            Some(*seq)
        }
    };
    writeln!(out, "Ingest runs:")?;
    for r in &report.ingest_runs {
        writeln!(
            out,
            "  #{:<4} {}  {} files: {} new, {} changed, {} unchanged, {} errors{}",
            r.id,
            r.started_at,
            r.files_seen,
            r.added,
            r.changed,
            r.unchanged,
            r.errors,
            match (&r.finished_at, r.cancelled) {
                (None, _) => " — interrupted",
                (_, true) => " — cancelled",
                _ => "",
            }
        )?;
    }
    writeln!(out, "Verifications:")?;
    if report.verifications.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for v in &report.verifications {
        let c = &v.counts;
        writeln!(
            out,
            "  #{:<4} {}  {} against {}: {} — {}",
            v.id,
            v.started_at,
            v.root,
            v.against,
            export::words::verification_counts(c),
            if c.matched() {
                "matched"
            } else {
                "DID NOT MATCH"
            }
        )?;
    }
    writeln!(out, "Exports:")?;
    if report.exports.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for e in &report.exports {
        writeln!(
            out,
            "  {}  {:<11} {}  SHA-256 {}{}",
            e.at,
            e.record.format,
            e.record.path,
            e.record.sha256,
            match broken_at {
                Some(seq) if e.seq >= seq => "  (UNTRUSTED: at or after the break)",
                _ => "",
            }
        )?;
    }
    Ok(())
}

/// A received bag's check: what it is and its errors on standard output,
/// its warnings on standard error (a valid bag's warnings do not change the
/// exit status).
pub(crate) fn print_bag_check(dir: &Path, check: &provaudit::bag::BagCheck) -> Result<()> {
    let mut out = stdout_text();
    let names = |algorithms: &[provaudit::bag::Algorithm]| {
        if algorithms.is_empty() {
            "none".to_owned()
        } else {
            let names: Vec<&str> = algorithms.iter().map(|a| a.name()).collect();
            names.join(", ")
        }
    };
    writeln!(out, "bag        {}", dir.display())?;
    if let Some(version) = &check.version {
        let encoding = check.encoding.as_deref().unwrap_or("not stated");
        writeln!(
            out,
            "version    BagIt {}, tag files in {}",
            escape::visible(version),
            escape::visible(encoding)
        )?;
    }
    // What the payload holds, once the declaration let it be read.
    if !check.payload_manifests.is_empty() || check.payload_files > 0 {
        writeln!(
            out,
            "payload    {} files, {}; manifests: {}; tag manifests: {}",
            check.payload_files,
            export::words::human_bytes(check.payload_bytes),
            names(&check.payload_manifests),
            names(&check.tag_manifests),
        )?;
    }
    if check.fetch_entries > 0 {
        writeln!(
            out,
            "fetch.txt  {} entries (provaudit downloads nothing)",
            check.fetch_entries
        )?;
    }
    for finding in check.errors() {
        writeln!(out, "error      {}", escape::visible(&finding.message))?;
    }
    out.flush()?;
    let warnings = check.warnings().count();
    for finding in check.warnings() {
        eprintln_safe!("provaudit: warning: {}", escape::visible(&finding.message));
    }
    let also = match warnings {
        0 => String::new(),
        1 => " (1 warning on standard error)".to_owned(),
        n => format!(" ({n} warnings on standard error)"),
    };
    if check.valid {
        writeln!(
            out,
            "valid: every payload file is listed in every manifest and every checksum matches{also}"
        )?;
    } else {
        let errors = check.errors().count();
        let s = if errors == 1 { "" } else { "s" };
        writeln!(out, "invalid: {errors} error{s}{also}")?;
    }
    Ok(())
}

/// What `import reuse` took, what it left out and why, and what happens
/// to the documents it does not cover.
pub(crate) fn print_reuse_import(imported: &provaudit::import::Imported) -> Result<()> {
    let mut out = stdout_text();
    let i = &imported.import;
    writeln!(
        out,
        "imported text reuse from {} (SHA-256 {}, engine: {})",
        i.source, i.sha256, i.engine
    )?;
    writeln!(
        out,
        "  documents read with the bytes this store holds: {}; pairs: {}; lines left out: {} of {}",
        i.documents, i.pairs, i.rejected, i.lines
    )?;
    for (why, n, part, line) in &imported.rejections {
        writeln!(
            out,
            "  left out: {n} line(s) that {} (first: {part}, line {line})",
            why.describe()
        )?;
    }
    if imported.not_covered > 0 {
        writeln!(
            out,
            "  {} documents with text were not read by the job (added or changed since its export): the native reuse step compares them",
            imported.not_covered
        )?;
    }
    writeln!(
        out,
        "the claims were analysed again with these pairs; `provaudit import reuse --remove` goes back to the native step"
    )?;
    Ok(())
}

/// What `import reuse --remove` did.
pub(crate) fn print_reuse_removed(removed: bool) -> Result<()> {
    let mut out = stdout_text();
    if removed {
        writeln!(
            out,
            "the imported text reuse was withdrawn; the claims were analysed again with the native reuse step"
        )?;
    } else {
        writeln!(out, "no imported text reuse was in force; nothing changed")?;
    }
    Ok(())
}

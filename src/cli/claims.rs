//! `provaudit claims` and `provaudit show CLAIM`: the claims by
//! corroboration class, each with a one-line summary (every document's
//! evidence with --verbose), and one cluster side by side.

use crate::cli::print::*;
use anyhow::Result;
use provaudit::claims::Corroboration;
use provaudit::export;
use provaudit::view::json::{ClaimsReport, ClusterDetail, ConflictEntry};
use std::io::Write;

/// `--class` values: the classes' names, with `-` or `_`.
pub fn parse_class(s: &str) -> std::result::Result<Corroboration, String> {
    Corroboration::parse(s).ok_or_else(|| {
        "expected one of: echo, unresolved, corroborated, single-document".to_owned()
    })
}

/// How many claims of each class `claims` prints without --all or --class.
pub const CLAIMS_PER_CLASS: usize = 20;

/// A cluster's class, then its flags, in words.
fn flags(c: &provaudit::view::json::ClusterEntry) -> String {
    provaudit::export::words::flags(c)
        .into_iter()
        .map(|(_, label)| label)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The explanation's first sentence: the one line a list shows.
fn first_sentence(s: &str) -> &str {
    let mut from = 0;
    while let Some(i) = s[from..].find(". ") {
        let end = from + i + 1;
        // Not after an initial or an abbreviation ("U.S. ", "No. 5").
        let word = s[..end - 1].rsplit(' ').next().unwrap_or("");
        if word.chars().count() > 2 && !word.contains('.') {
            return &s[..end];
        }
        from = end + 1;
    }
    s
}

/// The documents behind a cluster, one line each.
fn print_evidence(out: &mut impl Write, c: &provaudit::view::json::ClusterEntry) -> Result<()> {
    for e in &c.evidence {
        let evidence = match (&e.evidence, e.line) {
            (Some(t), Some(l)) => format!(" {}, line {l}", quote(t)),
            (Some(t), None) => format!(" ({})", t),
            (None, _) => String::new(),
        };
        writeln!(
            out,
            "    {}  {} — {}{evidence}",
            e.document.escape_debug(),
            e.origin,
            e.how
        )?;
    }
    Ok(())
}

pub fn print_claims(
    report: &ClaimsReport,
    only: Option<Corroboration>,
    limit: Option<usize>,
    verbose: bool,
) -> Result<()> {
    let mut out = stdout_text();
    let c = &report.counts;
    writeln!(
        out,
        "{} claim sentences in {} documents, {} distinct claims: {}.",
        c.claims,
        c.documents,
        c.clusters,
        c.in_words()
    )?;
    writeln!(out, "Flags: {}.", c.flags_in_words())?;
    if report.clusters.is_empty() && c.clusters > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "No claim of this kind: {}",
            match only {
                Some(class) => format!("none is {} ({}).", class.label(), class.meaning()),
                None => "none rests on a single source.".to_owned(),
            }
        )?;
    }
    for class in Corroboration::ALL {
        let of_class: Vec<_> = report
            .clusters
            .iter()
            .filter(|s| s.cluster.corroboration == class)
            .collect();
        if of_class.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(
            out,
            "== {} ({}): {}",
            class.label(),
            of_class.len(),
            class.meaning()
        )?;
        let shown = limit.unwrap_or(usize::MAX).min(of_class.len());
        for s in &of_class[..shown] {
            writeln!(out)?;
            writeln!(
                out,
                "{}  [{}]  {} document(s)",
                s.cluster.id,
                flags(&s.cluster),
                s.cluster.documents.len()
            )?;
            writeln!(out, "  {}", quote(&s.text))?;
            if verbose {
                writeln!(out, "  {}", s.cluster.explanation)?;
                print_evidence(&mut out, &s.cluster)?;
            } else {
                writeln!(out, "  {}", first_sentence(&s.cluster.explanation))?;
            }
        }
        if shown < of_class.len() {
            writeln!(out)?;
            writeln!(
                out,
                "  … and {} more {}: `provaudit claims --class {}` lists them all (`--all` every class)",
                of_class.len() - shown,
                class.label(),
                class.as_str().replace('_', "-")
            )?;
        }
    }
    if !verbose && !report.clusters.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "`--verbose` shows every document's evidence; `provaudit show ID` one claim side by side."
        )?;
    }
    for conflict in &report.conflicts {
        writeln!(out)?;
        writeln!(out, "Conflicting figures for {}:", conflict.quantity)?;
        print_conflict_values(&mut out, conflict, "  ", true)?;
    }
    Ok(())
}

/// A conflict's figures a line each (value, words, document, the cluster
/// when several are listed, the day reported) and, when they may be one
/// toll rising over time, the note saying so.
fn print_conflict_values(
    out: &mut impl Write,
    conflict: &ConflictEntry,
    indent: &str,
    with_cluster: bool,
) -> Result<()> {
    for v in &conflict.values {
        let cluster = if with_cluster {
            format!("{}, ", v.cluster)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{indent}{:>12}  {}  ({}, {cluster}{})",
            v.value,
            quote(&v.text),
            v.document.escape_debug(),
            export::words::reported(v.reported.as_deref()).escape_debug()
        )?;
    }
    if conflict.may_be_a_timeline {
        writeln!(out, "{indent}({})", export::words::MAY_BE_A_TIMELINE)?;
    }
    Ok(())
}

pub fn print_cluster(d: &ClusterDetail) -> Result<()> {
    let mut out = stdout_text();
    writeln!(out, "{}  [{}]", d.cluster.id, flags(&d.cluster))?;
    writeln!(out, "  {}", d.cluster.explanation)?;
    if !d.cluster.primary_sources.is_empty() {
        writeln!(
            out,
            "  primary sources: {}",
            d.cluster.primary_sources.join("; ")
        )?;
    }
    print_evidence(&mut out, &d.cluster)?;
    writeln!(out)?;
    for m in &d.members {
        writeln!(
            out,
            "  {} {}, {}{}:",
            m.document.escape_debug(),
            match m.page {
                Some(page) => format!(
                    "page {page} (line {} of its text)",
                    m.line.map(|l| l.to_string()).unwrap_or_else(|| "?".into())
                ),
                None => format!(
                    "line {} (bytes {}..{})",
                    m.line.map(|l| l.to_string()).unwrap_or_else(|| "?".into()),
                    m.start.map(|l| l.to_string()).unwrap_or_else(|| "?".into()),
                    m.end.map(|l| l.to_string()).unwrap_or_else(|| "?".into()),
                ),
            },
            m.kind,
            m.speaker
                .as_deref()
                .map(|s| format!(", quoting {s}"))
                .unwrap_or_default()
        )?;
        writeln!(out, "    {}", m.text)?;
    }
    if d.members.len() > 1 {
        writeln!(out)?;
        writeln!(out, "  in common: {}", d.shared_words.join(", "))?;
    }
    if d.timeline.len() > 1 {
        writeln!(out)?;
        writeln!(out, "  in time order:")?;
        for t in &d.timeline {
            let when = match (&t.reported, &t.captured) {
                (Some(r), Some(c)) => {
                    format!("reports from {r}, captured {}", export::words::when(c))
                }
                (Some(r), None) => format!("reports from {r}"),
                (None, Some(c)) => {
                    format!("captured {} (published by then)", export::words::when(c))
                }
                (None, None) => "date unknown".to_owned(),
            };
            writeln!(out, "    {}  {when}", t.document.escape_debug())?;
        }
    }
    for c in &d.conflicts {
        writeln!(out)?;
        writeln!(out, "  conflicting figures for {}:", c.quantity)?;
        print_conflict_values(&mut out, c, "    ", false)?;
    }
    Ok(())
}

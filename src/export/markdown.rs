//! The audit report as Markdown (CommonMark with GitHub tables): the same
//! content as the HTML report, readable in a text editor and on a code forge.
//! Text from articles is backslash-escaped so it never becomes markup, links
//! or HTML.

use super::words::{
    alignment, count, entries_word, evidence, evidence_words, flags, folder_name, format_value,
    human_bytes, is_card, location, truncate, when,
};
use crate::review::ChainCheck;
use crate::view::json::{ClaimEntry, PartyEntry};
use crate::view::report::{Report, ReportCluster, SECTIONS};
use std::collections::HashMap;
use std::fmt::Write;

/// Escapes text for Markdown inline content and table cells: ASCII
/// punctuation that could start markup gets a backslash, line breaks become
/// spaces, control characters U+FFFD.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&' | '{'
            | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    // A line starting with `-`, `+` or `1.` would become a list; `=` a heading.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    out
}

fn code(s: &str) -> String {
    // A code span cannot hold its own delimiter run: widen it when needed.
    let ticks = if s.contains('`') { "``" } else { "`" };
    format!("{ticks}{}{ticks}", s.replace(['\n', '\r'], " "))
}

/// Renders the report.
pub fn render(r: &Report) -> String {
    let mut m = String::with_capacity(32 * 1024 + r.claims.len() * 300);
    let _ = writeln!(
        m,
        "# Provenance audit — {}\n",
        esc(folder_name(&r.corpus.root))
    );
    let _ = writeln!(
        m,
        "Made {} by {} {} from the store {}. Registry {}. Everything below describes the files exactly as the SHA-256 values name them.\n",
        when(&r.generated_at),
        r.program.name,
        r.program.version,
        code(&r.corpus.store),
        esc(or_none(&r.registry_version))
    );
    if let ChainCheck::Broken { seq, reason } = &r.review.chain {
        let _ = writeln!(
            m,
            "**The review log's hash chain is broken at entry {seq}**: {}. This report was exported anyway (--allow-broken-chain): the verdicts, notes and exports it lists cannot be relied on.\n",
            esc(reason)
        );
    }

    if let Some(left) = &r.only_flagged {
        let _ = writeln!(
            m,
            "> **Flagged claims only.** {}\n",
            esc(&crate::view::report::left_out_words(left))
        );
    }

    summary(&mut m, r);
    documents(&mut m, r);
    claims(&mut m, r);
    conflicts(&mut m, r);
    review(&mut m, r);
    // Control characters from articles, names or notes, made visible: a
    // Markdown file is often read with `cat` in a terminal.
    crate::escape::visible_text(&m).into_owned()
}

/// The corpus in figures: files, documents, origins, claims by class and flag.
fn summary(m: &mut String, r: &Report) {
    let c = &r.corpus;
    let _ = writeln!(m, "## Corpus summary\n");
    let _ = writeln!(m, "- Corpus folder: {}", code(&c.root));
    let _ = writeln!(m, "- Store: {}", code(&c.store));
    let _ = writeln!(
        m,
        "- Files: {} ({}, {} bytes)",
        c.files,
        human_bytes(c.bytes),
        c.bytes
    );
    let _ = writeln!(
        m,
        "- Ingested: {} ({})",
        match (&c.first_ingested_at, &c.last_ingested_at) {
            (Some(a), Some(b)) if a == b => when(a),
            (Some(a), Some(b)) => format!("first {}, latest {}", when(a), when(b)),
            _ => "never".into(),
        },
        count(c.ingest_runs, "ingest run")
    );
    let _ = writeln!(
        m,
        "- Last verification: {}",
        match &c.last_verification {
            None => "never verified — run `provaudit verify`".into(),
            Some(v) => {
                let s = &v.summary;
                format!(
                    "{} against {}: **{}** — {}",
                    when(&s.finished_at),
                    esc(&s.against),
                    if v.result == "matched" {
                        "every file matched"
                    } else {
                        "discrepancies found"
                    },
                    super::words::verification_counts(&s.counts)
                )
            }
        }
    );
    let _ = writeln!(
        m,
        "- Outlet registry: {}",
        esc(or_none(&r.registry_version))
    );
    let _ = writeln!(m, "- Program: {} {}", r.program.name, r.program.version);
    let _ = writeln!(m, "- Review log: {}", chain(&r.review.chain));
    let _ = writeln!(m, "- Review log anchor: {}", code(&r.review.anchor));
    let n = &r.counts;
    let _ = writeln!(
        m,
        "- Claims: {} in {} clusters: {}; {} on a single primary source, {} share one alignment, {} with conflicting figures\n",
        n.claims,
        n.clusters,
        esc(&n.in_words()),
        n.single_primary,
        n.single_alignment,
        n.conflicting
    );
}

/// Every document: its fingerprint, publisher, origin and alignment, with the evidence.
fn documents(m: &mut String, r: &Report) {
    let _ = writeln!(m, "## Documents\n");
    let _ = writeln!(
        m,
        "Publisher: whose copy this is. Origin: who produced the text. Each with the evidence found in the file.\n"
    );
    let _ = writeln!(
        m,
        "| File | SHA-256 | Publisher | Origin and relation | Alignment |"
    );
    let _ = writeln!(m, "|---|---|---|---|---|");
    let party = |p: &Option<PartyEntry>| match p {
        None => "unidentified".to_owned(),
        Some(p) => format!("**{}** — {}", esc(&p.name), esc(&evidence(p))),
    };
    for d in &r.documents {
        let mut reuse = String::new();
        for t in &d.text_reuse {
            let _ = write!(reuse, "; {}", esc(&super::words::reuse(t)));
        }
        let _ = writeln!(
            m,
            "| {} ({}{}) | {} | {} | {} ({}){reuse} | {} |",
            code(&d.path),
            human_bytes(d.bytes),
            d.date.as_ref().map_or(String::new(), |t| format!(
                ", reported {} “{}”",
                esc(&t.human()),
                esc(&t.text)
            )),
            code(&d.sha256),
            party(&d.publisher),
            party(&d.origin),
            esc(&d.relation.replace('_', " ")),
            esc(&alignment(d))
        );
    }
    m.push('\n');
}

/// The claim sections in review order, each cluster a card or a row.
fn claims(m: &mut String, r: &Report) {
    let members = r.members();
    let by_id: HashMap<&str, &ReportCluster> = r
        .clusters
        .iter()
        .map(|c| (c.cluster.id.as_str(), c))
        .collect();
    for (section, (_, title)) in r.sections.iter().zip(SECTIONS) {
        let _ = writeln!(m, "## {title} ({})\n", section.clusters.len());
        if section.clusters.is_empty() {
            let _ = writeln!(m, "None.\n");
            continue;
        }
        let (cards, rows): (Vec<&ReportCluster>, Vec<&ReportCluster>) = section
            .clusters
            .iter()
            .filter_map(|k| by_id.get(k.as_str()).copied())
            .partition(|c| is_card(c));
        for c in cards {
            card(m, c, members.get(c.cluster.id.as_str()));
        }
        if !rows.is_empty() {
            let _ = writeln!(m, "### Found in one document only ({})\n", rows.len());
            let _ = writeln!(m, "| Claim | Where | Why |");
            let _ = writeln!(m, "|---|---|---|");
            for c in rows {
                let ms = members.get(c.cluster.id.as_str());
                let quotes: Vec<String> = ms
                    .into_iter()
                    .flatten()
                    .map(|c| format!("“{}”", esc(&c.text)))
                    .collect();
                let wheres: Vec<String> = ms
                    .into_iter()
                    .flatten()
                    .map(|c| esc(&location(c)))
                    .collect();
                let _ = writeln!(
                    m,
                    "| {} (cluster {}) | {} | {} |",
                    quotes.join(" "),
                    code(&c.cluster.id),
                    wheres.join("; "),
                    esc(&c.cluster.explanation)
                );
            }
            m.push('\n');
        }
    }
}

/// Conflicting figures side by side, with the day each was reported.
fn conflicts(m: &mut String, r: &Report) {
    let _ = writeln!(
        m,
        "## Conflicting figures, side by side ({})\n",
        r.conflicts.len()
    );
    if r.conflicts.is_empty() {
        let _ = writeln!(m, "None.\n");
    } else {
        let _ = writeln!(m, "| Quantity | Value | Where | Reported | Text |");
        let _ = writeln!(m, "|---|---:|---|---|---|");
        for c in &r.conflicts {
            for v in &c.values {
                let _ = writeln!(
                    m,
                    "| {} | {} | {} (cluster {}) | {} | {} |",
                    esc(&c.quantity),
                    format_value(v.value),
                    esc(&v.document),
                    code(&v.cluster),
                    esc(&super::words::reported(v.reported.as_deref())),
                    esc(&v.text)
                );
            }
            if c.may_be_a_timeline {
                let _ = writeln!(
                    m,
                    "| {} | | | | {} |",
                    esc(&c.quantity),
                    esc(super::words::MAY_BE_A_TIMELINE)
                );
            }
        }
        m.push('\n');
    }
}

/// The review: sessions, verdicts and notes with their anchors, exports, the log's chain.
fn review(m: &mut String, r: &Report) {
    let rv = &r.review;
    let _ = writeln!(m, "## Review\n");
    if rv.sessions.is_empty() {
        let _ = writeln!(
            m,
            "No review session yet: nothing in this report is a reviewer's judgement.\n"
        );
    } else {
        let _ = writeln!(m, "| Session | Reviewer | Title | Started | Ended |");
        let _ = writeln!(m, "|---:|---|---|---|---|");
        for s in &rv.sessions {
            let _ = writeln!(
                m,
                "| {} | {} | {} | {} | {} |",
                s.id,
                esc(&s.reviewer),
                esc(&s.title),
                when(&s.started_at),
                s.ended_at
                    .as_deref()
                    .map(when)
                    .unwrap_or_else(|| "open".into())
            );
        }
        m.push('\n');
    }
    for a in &rv.annotations {
        let n = &a.annotation;
        let target = match &n.target {
            crate::review::Target::Cluster(id) => format!("claim cluster {}", code(id)),
            crate::review::Target::Document(p) => format!("document {}", code(p)),
        };
        let _ = writeln!(
            m,
            "- {} — {} (session #{}, log entry {}) on {target}: {}{}{}",
            when(&n.at),
            esc(&n.reviewer),
            n.session_id,
            n.seq,
            n.verdict
                .map(|v| format!("**{}**", esc(v.describe())))
                .unwrap_or_else(|| "note".into()),
            n.note
                .as_deref()
                .map(|t| format!(" — “{}”", esc(t)))
                .unwrap_or_default(),
            if n.stale {
                format!(" **STALE** — {}", esc(&n.stale_reasons.join("; ")))
            } else {
                String::new()
            }
        );
        for an in &n.anchors {
            let span = match (an.start, an.end) {
                (Some(s), Some(e)) => format!("bytes {s}–{e}"),
                _ => "the whole file".into(),
            };
            let _ = writeln!(
                m,
                "  - rests on {} {span}, SHA-256 {}",
                code(&an.path.to_string_lossy()),
                code(&an.document_sha256)
            );
        }
    }
    if !rv.annotations.is_empty() {
        m.push('\n');
    }
    if !rv.exports.is_empty() {
        let _ = writeln!(m, "Exports recorded before this one:\n");
        for e in &rv.exports {
            let _ = writeln!(
                m,
                "- {} {} {} SHA-256 {}",
                when(&e.at),
                esc(&e.record.format),
                code(&e.record.path),
                code(&e.record.sha256)
            );
        }
        m.push('\n');
    }
    let _ = writeln!(m, "Review log: {}\n", chain(&rv.chain));
    let _ = writeln!(
        m,
        "---\n{} {} · registry {} · report schema {} · generated {}. This file's own SHA-256 cannot be written inside it: the exporter prints it and records it in the store's review log.",
        r.program.name,
        r.program.version,
        esc(or_none(&r.registry_version)),
        r.schema_version,
        r.generated_at
    );
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(none recorded)" } else { s }
}

fn chain(c: &ChainCheck) -> String {
    match c {
        ChainCheck::Intact { entries, head } => format!(
            "hash chain intact, {}; head {}",
            entries_word(*entries),
            code(head.as_deref().unwrap_or("(empty log)"))
        ),
        ChainCheck::Broken { seq, reason } => {
            format!("**hash chain broken at entry {seq}**: {}", esc(reason))
        }
    }
}

fn card(m: &mut String, c: &ReportCluster, members: Option<&Vec<&ClaimEntry>>) {
    let k = &c.cluster;
    let badges: Vec<&str> = flags(&c.cluster).into_iter().map(|(_, l)| l).collect();
    let _ = writeln!(m, "### {}\n", esc(&truncate(&c.text, 160)));
    let _ = writeln!(
        m,
        "{}cluster {} · {} · {} in {} · {}\n",
        if badges.is_empty() {
            String::new()
        } else {
            format!("**{}** · ", badges.join(", "))
        },
        code(&k.id),
        c.kind,
        count(k.claims.len(), "claim"),
        count(k.documents.len(), "document"),
        k.origins_in_words()
    );
    let _ = writeln!(m, "{}\n", esc(&k.explanation));
    if k.evidence.len() > 1 {
        let _ = writeln!(
            m,
            "| Document | Origin | How | Evidence |\n|---|---|---|---|"
        );
        for e in &k.evidence {
            let evidence = evidence_words(e);
            let _ = writeln!(
                m,
                "| {} | {} | {} | {} |",
                code(&e.document),
                esc(&e.origin),
                esc(&e.how),
                esc(&evidence)
            );
        }
        m.push('\n');
    }
    if let Some(v) = &c.verdict {
        let _ = writeln!(
            m,
            "**Verdict: {}** — {}, {}{}{}{}\n",
            esc(v.label),
            esc(&v.reviewer),
            when(&v.at),
            v.given_on
                .as_deref()
                .map(|old| format!(
                    " (given on an earlier version of this claim, cluster {})",
                    code(old)
                ))
                .unwrap_or_default(),
            v.note
                .as_deref()
                .map(|t| format!(" — “{}”", esc(t)))
                .unwrap_or_default(),
            if v.stale {
                format!(" — **STALE**: {}", esc(&v.stale_reasons.join("; ")))
            } else {
                String::new()
            }
        );
    }
    for n in c
        .notes
        .iter()
        .filter(|n| Some(n.seq) != c.verdict.as_ref().map(|v| v.seq))
    {
        let _ = writeln!(
            m,
            "Note — {}, {}{}: “{}”\n",
            esc(&n.reviewer),
            when(&n.at),
            if n.stale { " (**STALE**)" } else { "" },
            esc(&n.note)
        );
    }
    for (i, c) in members.into_iter().flatten().enumerate() {
        let _ = writeln!(m, "{}. > {}", i + 1, esc(&c.text));
        let _ = writeln!(m, "   >\n   > — {}", esc(&location(c)));
    }
    m.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_cannot_become_markup() {
        assert_eq!(
            esc("<b>x</b> | [a](b) *y*"),
            r"\<b\>x\</b\> \| \[a\](b) \*y\*"
        );
        assert_eq!(esc("- 35 troops"), r"\- 35 troops");
        assert_eq!(esc("a\nb"), "a b");
    }
}

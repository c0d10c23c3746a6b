//! The audit report as one self-contained HTML file: no network, no script,
//! no external CSS or fonts; readable on screen and printable to PDF. Every
//! string that comes from an article, a file name or a reviewer is escaped.

use super::svg;
use super::words::{
    alignment, count, entries_word, evidence, evidence_words, flags, folder_name, format_value,
    human_bytes, is_card, location, truncate, when,
};
use crate::escape::html as esc;
use crate::view::json::{ClaimEntry, DocumentEntry, PartyEntry};
use crate::view::report::{Report, ReportCluster, SECTIONS};
use std::collections::HashMap;
use std::fmt::Write;

const STYLE: &str = r#"
:root{color-scheme:light;--ink:#1d2430;--muted:#5b6575;--line:#d7dce3;--soft:#f4f6f9;--accent:#1f5fbf;--warn:#9a5b00;--bad:#a4262c;--ok:#1e7b45}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
main{max-width:1180px;margin:0 auto;padding:28px 32px 60px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:36px 0 10px;padding-top:8px;border-top:2px solid var(--ink)}
h3{font-size:16px;margin:0 0 6px}
.muted{color:var(--muted)}.small{font-size:13px}
.mono,code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12.5px}
.hash{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11.5px;word-break:break-all}
td.hash{width:17ch}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:8px 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:12px 0}
.stat{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:var(--soft)}
.stat b{display:block;font-size:22px}
nav.toc ol{columns:2;margin:6px 0;padding-left:20px}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:13.5px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
tbody.chunk{content-visibility:auto;contain-intrinsic-size:auto 2400px}
main>section{content-visibility:auto;contain-intrinsic-size:auto 4000px}
table.rows td:first-child{width:58%}
q{quotes:none}
.cluster{border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:12px 0;content-visibility:auto;contain-intrinsic-size:auto 420px}
.cluster.flagged{border-left:5px solid var(--warn)}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;margin-right:4px;background:var(--soft);border:1px solid var(--line)}
.badge.echo,.badge.unresolved,.badge.single_primary,.badge.single_alignment{background:#fff4e0;border-color:#e7b767;color:#6b3f00}
.lead{font-size:16px;margin:14px 0 0}
.notice{background:#fff8e6;border:1px solid #e7b767;border-radius:6px;padding:8px 12px}
.badge.corroborated{background:#e6f4ea;border-color:#9fd0ae;color:var(--ok)}
table.evidence{margin:6px 0 10px}table.evidence td,table.evidence th{font-size:13px;padding:2px 8px 2px 0;vertical-align:top}
.badge.conflicting{background:#fde7e9;border-color:#e3a0a5;color:var(--bad)}
.verdict{margin:8px 0;padding:6px 10px;border-radius:6px;background:#eef5ff;border:1px solid #b9d1f3}
.stale{background:#fde7e9;border-color:#e3a0a5}
.stale-mark{color:var(--bad);font-weight:600}
blockquote{margin:4px 0;padding:2px 10px;border-left:3px solid var(--line);white-space:pre-wrap}
ol.members{padding-left:20px;margin:6px 0}ol.members li{margin:6px 0}
.where{color:var(--muted);font-size:12.5px}
svg.prov{display:block;max-width:100%;height:auto;margin:8px 0;background:#fff}
.ok{color:var(--ok)}.bad{color:var(--bad)}
footer{margin-top:40px;border-top:1px solid var(--line);padding-top:10px}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{font-size:11pt}main{max-width:none;padding:0}
 h2{break-before:page;border-top:none}
 #summary h2{break-before:auto}
 .cluster,tr,blockquote,svg.prov,.verdict{break-inside:avoid}
 h2,h3{break-after:avoid}
 .cluster,tbody.chunk,main>section{content-visibility:visible}
 nav.toc{display:none}
 a{color:inherit;text-decoration:none}
}
"#;

/// Renders the report.
pub fn render(r: &Report) -> String {
    let mut h = String::with_capacity(64 * 1024 + r.claims.len() * 400);
    let title = format!("Provenance audit — {}", folder_name(&r.corpus.root));
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"{} {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        r.program.name,
        esc(r.program.version),
        esc(&title)
    );
    let _ = writeln!(
        h,
        "<header><h1>{}</h1><p class=\"muted\">Made {} by {} {} from the store <span class=\"mono\">{}</span>. \
         Registry {}. Everything below describes the files exactly as the SHA-256 values name them.</p></header>",
        esc(&title),
        esc(&when(&r.generated_at)),
        r.program.name,
        esc(r.program.version),
        esc(&r.corpus.store),
        esc(or_none(&r.registry_version))
    );
    if let crate::review::ChainCheck::Broken { seq, reason } = &r.review.chain {
        let _ = writeln!(
            h,
            "<p class=\"bad\"><strong>The review log's hash chain is broken at entry {seq}</strong>: {}. \
             This report was exported anyway (--allow-broken-chain): the verdicts, notes and exports it lists cannot be relied on.</p>",
            esc(reason)
        );
    }
    if let Some(left) = &r.only_flagged {
        let _ = writeln!(
            h,
            "<p class=\"notice\" id=\"only-flagged\"><strong>Flagged claims only.</strong> {}</p>",
            esc(&crate::view::report::left_out_words(left))
        );
    }
    toc(&mut h, r);
    summary(&mut h, r);
    documents(&mut h, r);
    claims(&mut h, r);
    conflicts(&mut h, r);
    review(&mut h, r);
    let _ = write!(
        h,
        "<footer class=\"small muted\"><p>{} {} · registry {} · report schema {} · generated {}. \
         This file's own SHA-256 cannot be written inside it: the exporter prints it and records it in the store's review log.</p></footer>\n\
         </main>\n</body>\n</html>\n",
        r.program.name,
        esc(r.program.version),
        esc(or_none(&r.registry_version)),
        r.schema_version,
        esc(&r.generated_at)
    );
    h
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(none recorded)" } else { s }
}

fn toc(h: &mut String, r: &Report) {
    h.push_str("<nav class=\"toc\"><h3>Contents</h3><ol>");
    h.push_str("<li><a href=\"#summary\">Corpus summary</a></li>");
    let _ = write!(
        h,
        "<li><a href=\"#documents\">Documents ({})</a></li>",
        r.documents.len()
    );
    for s in &r.sections {
        let _ = write!(
            h,
            "<li><a href=\"#{}\">{} ({})</a></li>",
            s.id,
            esc(s.title),
            s.clusters.len()
        );
    }
    let _ = writeln!(
        h,
        "<li><a href=\"#conflicts\">Conflicting figures, side by side ({})</a></li>\
         <li><a href=\"#review\">Review ({}, {})</a></li></ol></nav>",
        r.conflicts.len(),
        count(r.review.sessions.len(), "session"),
        match r.review.annotations.len() {
            1 => "1 verdict or note".to_owned(),
            n => format!("{n} verdicts and notes"),
        }
    );
}

fn summary(h: &mut String, r: &Report) {
    let c = &r.corpus;
    h.push_str("<section id=\"summary\"><h2>Corpus summary</h2><dl class=\"facts\">");
    let mut fact = |k: &str, v: String| {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", esc(k), v);
    };
    fact(
        "Corpus folder",
        format!("<span class=\"mono\">{}</span>", esc(&c.root)),
    );
    fact(
        "Store",
        format!("<span class=\"mono\">{}</span>", esc(&c.store)),
    );
    fact(
        "Files",
        format!("{} ({}, {} bytes)", c.files, human_bytes(c.bytes), c.bytes),
    );
    fact(
        "Ingested",
        match (&c.first_ingested_at, &c.last_ingested_at) {
            (Some(a), Some(b)) if a == b => esc(&when(a)),
            (Some(a), Some(b)) => format!("first {}, latest {}", esc(&when(a)), esc(&when(b))),
            _ => "never".into(),
        } + &format!(" ({})", count(c.ingest_runs, "ingest run")),
    );
    fact(
        "Last verification",
        match &c.last_verification {
            None => "<span class=\"bad\">never verified</span> — run <code>provaudit verify</code>"
                .into(),
            Some(v) => {
                let s = &v.summary;
                let class = if v.result == "matched" { "ok" } else { "bad" };
                format!(
                    "{} against {}: <span class=\"{class}\">{}</span> — {}",
                    esc(&when(&s.finished_at)),
                    esc(&s.against),
                    if v.result == "matched" {
                        "every file matched"
                    } else {
                        "discrepancies found"
                    },
                    super::words::verification_counts(&s.counts)
                )
            }
        },
    );
    fact("Outlet registry", esc(or_none(&r.registry_version)));
    fact(
        "Program",
        format!("{} {}", r.program.name, esc(r.program.version)),
    );
    fact(
        "Review log",
        match &r.review.chain {
            crate::review::ChainCheck::Intact { entries, head } => format!(
                "<span class=\"ok\">chain intact</span>, {}; head <span class=\"hash\">{}</span>",
                entries_word(*entries),
                esc(head.as_deref().unwrap_or("(empty log)"))
            ),
            crate::review::ChainCheck::Broken { seq, reason } => format!(
                "<span class=\"bad\">chain broken at entry {seq}</span>: {}",
                esc(reason)
            ),
        } + &format!(
            "<br><span class=\"mono small\">{}</span>",
            esc(&r.review.anchor)
        ),
    );
    h.push_str("</dl><div class=\"grid\">");
    let n = &r.counts;
    for (v, k) in [
        (n.claims, "claims"),
        (n.clusters, "distinct claims (clusters)"),
        (n.echo, "echoes: look corroborated, rest on one source"),
        (
            n.unresolved,
            "unresolved: depend on documents of unknown origin",
        ),
        (n.corroborated, "corroborated by two or more known origins"),
        (n.single_document, "in one document only"),
        (n.single_primary, "rest on a single primary source"),
        (n.single_alignment, "sources share one alignment"),
        (n.conflicting, "with conflicting figures"),
    ] {
        let _ = write!(h, "<div class=\"stat\"><b>{v}</b>{}</div>", esc(k));
    }
    let _ = writeln!(
        h,
        "</div><p class=\"lead\" data-testid=\"claims-in-words\">{}.</p></section>",
        esc(&n.in_words())
    );
}

fn documents(h: &mut String, r: &Report) {
    let _ = write!(
        h,
        "<section id=\"documents\"><h2>Documents</h2>\
         <p class=\"small muted\">Publisher: whose copy this is. Origin: who produced the text. Each with the evidence found in the file (rule, line, the words).</p>\
         <table><thead><tr><th>File</th><th>SHA-256</th><th>Publisher</th><th>Origin and relation</th><th>Alignment</th></tr></thead>"
    );
    for (i, d) in r.documents.iter().enumerate() {
        if i % 200 == 0 {
            if i > 0 {
                h.push_str("</tbody>");
            }
            h.push_str("<tbody class=\"chunk\">");
        }
        let party = |p: &Option<PartyEntry>| match p {
            None => "<span class=\"muted\">unidentified</span>".to_owned(),
            Some(p) => format!(
                "<b>{}</b><div class=\"where\">{}</div>",
                esc(&p.name),
                esc(&evidence(p))
            ),
        };
        let mut reuse = String::new();
        for t in &d.text_reuse {
            let _ = write!(
                reuse,
                "<div class=\"where\">{}</div>",
                esc(&super::words::reuse(t))
            );
        }
        let _ = writeln!(
            h,
            "<tr id=\"d-{i}\"><td><span class=\"mono\">{}</span><div class=\"where\">{} · {}</div>{}</td>\
             <td class=\"hash\">{}</td><td>{}</td><td>{}<div class=\"where\">{}</div>{reuse}</td><td>{}</td></tr>",
            esc(&d.path),
            human_bytes(d.bytes),
            esc(d.content_kind),
            d.date.as_ref().map_or(String::new(), |t| format!(
                "<div class=\"where\">reported {} (“{}”{})</div>",
                esc(&t.human()),
                esc(&t.text),
                match super::words::place(t.line, None, None, t.page) {
                    place if place.is_empty() => String::new(),
                    place => format!(", {}", esc(&place)),
                }
            )) + &d.capture.as_ref().map_or(String::new(), |c| format!(
                "<div class=\"where\">captured {} from <span class=\"mono\">{}</span></div>",
                esc(&super::words::capture(c)),
                esc(c.url.as_deref().unwrap_or("no address"))
            )) + &d
                .dated_after_capture
                .as_ref()
                .map_or(String::new(), |w| format!(
                    "<div class=\"where bad\">{}</div>",
                    esc(w)
                )),
            esc(&d.sha256),
            party(&d.publisher),
            party(&d.origin),
            esc(&d.relation.replace('_', " ")),
            esc(&alignment(d))
        );
    }
    if !r.documents.is_empty() {
        h.push_str("</tbody>");
    }
    h.push_str("</table></section>\n");
}

fn claims(h: &mut String, r: &Report) {
    let members = r.members();
    let docs = r.documents_by_path();
    let by_id: HashMap<&str, &ReportCluster> = r
        .clusters
        .iter()
        .map(|c| (c.cluster.id.as_str(), c))
        .collect();
    for (section, (id, title)) in r.sections.iter().zip(SECTIONS) {
        let _ = write!(
            h,
            "<section id=\"{id}\"><h2>{} <span class=\"muted\">({})</span></h2>",
            esc(title),
            section.clusters.len()
        );
        let _ = write!(h, "<p class=\"small muted\">{}</p>", esc(section_intro(id)));
        if section.clusters.is_empty() {
            h.push_str("<p class=\"muted\">None.</p></section>\n");
            continue;
        }
        let (cards, rows): (Vec<&ReportCluster>, Vec<&ReportCluster>) = section
            .clusters
            .iter()
            .filter_map(|k| by_id.get(k.as_str()).copied())
            .partition(|c| is_card(c));
        for c in &cards {
            card(
                h,
                c,
                members.get(c.cluster.id.as_str()),
                &docs,
                id != "single_document",
                // A flagged-only report is read, not searched: three
                // wordings per claim; the evidence table names every document.
                if r.only_flagged.is_some() {
                    FLAGGED_WORDINGS
                } else {
                    usize::MAX
                },
            );
        }
        if !rows.is_empty() {
            let _ = write!(
                h,
                "<h3>Found in one document only ({})</h3><table class=\"rows\"><thead><tr><th>Claim</th><th>Where, and why</th></tr></thead>",
                rows.len()
            );
            for (i, c) in rows.iter().enumerate() {
                if i % 200 == 0 {
                    if i > 0 {
                        h.push_str("</tbody>");
                    }
                    h.push_str("<tbody class=\"chunk\">");
                }
                let ms = members.get(c.cluster.id.as_str());
                // Few elements per row: a large corpus has thousands.
                let mut quotes = String::new();
                let mut wheres = String::new();
                for m in ms.into_iter().flatten() {
                    let _ = write!(quotes, "<q>{}</q><br>", esc(&m.text));
                    let _ = write!(wheres, "{}<br>", esc(&location(m)));
                }
                let _ = writeln!(
                    h,
                    "<tr id=\"{}\"><td>{quotes}</td><td class=\"where\">{wheres}cluster {} · {}<br>{}</td></tr>",
                    esc(&c.cluster.id),
                    esc(&c.cluster.id),
                    esc(c.kind),
                    esc(&c.cluster.explanation)
                );
            }
            h.push_str("</tbody></table>");
        }
        h.push_str("</section>\n");
    }
}

/// The claims a flagged-only report quotes per cluster.
const FLAGGED_WORDINGS: usize = 3;

fn section_intro(id: &str) -> &'static str {
    match id {
        "echo" => {
            "Found in several documents that all come from one origin once reposts, syndicated wire copies and uncredited copies are collapsed: they look corroborated and are not. The claims most documents carry come first."
        }
        "unresolved" => {
            "Found in several documents, but at most one of their producers is established: whether the others are independent is not known, so they are not counted as corroboration. Establishing who produced them (or setting it with `provaudit outlet set`) resolves these."
        }
        "corroborated" => {
            "Carried by two or more known independent origins. Flags still apply: several origins may all rest on one primary source or one state's media, or disagree on a figure; flagged claims come first."
        }
        _ => "Stated in one document only.",
    }
}

/// The documents behind a cluster, one row each: producer, how it was
/// established, the words that show it.
fn evidence_table(h: &mut String, k: &crate::view::json::ClusterEntry) {
    if k.evidence.len() < 2 {
        return;
    }
    h.push_str("<table class=\"evidence\"><thead><tr><th>Document</th><th>Origin</th><th>How</th><th>Evidence</th></tr></thead><tbody>");
    for e in &k.evidence {
        let evidence = evidence_words(e);
        let _ = write!(
            h,
            "<tr><td class=\"mono\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.document),
            esc(&e.origin),
            esc(&e.how),
            esc(&evidence)
        );
    }
    h.push_str("</tbody></table>");
}

fn card(
    h: &mut String,
    c: &ReportCluster,
    members: Option<&Vec<&ClaimEntry>>,
    docs: &HashMap<&str, &DocumentEntry>,
    picture: bool,
    shown: usize,
) {
    let k = &c.cluster;
    let flagged = matches!(
        k.corroboration,
        crate::claims::Corroboration::Echo | crate::claims::Corroboration::Unresolved
    ) || k.single_primary
        || k.single_alignment
        || k.conflicting;
    let _ = write!(
        h,
        "<article class=\"cluster{}\" id=\"{}\"><h3>{}</h3><p>",
        if flagged { " flagged" } else { "" },
        esc(&k.id),
        esc(&truncate(&c.text, 220))
    );
    for (class, label) in flags(&c.cluster) {
        let _ = write!(h, "<span class=\"badge {class}\">{label}</span>");
    }
    let _ = write!(
        h,
        "<span class=\"small muted\">cluster {} · {} · {} in {} · {}</span></p>",
        esc(&k.id),
        esc(c.kind),
        count(k.claims.len(), "claim"),
        count(k.documents.len(), "document"),
        k.origins_in_words()
    );
    let _ = write!(h, "<p>{}</p>", esc(&k.explanation));
    evidence_table(h, k);
    if let Some(v) = &c.verdict {
        let _ = write!(
            h,
            "<div class=\"verdict{}\"><b>Verdict: {}</b> — {}, {}{}",
            if v.stale { " stale" } else { "" },
            esc(v.label),
            esc(&v.reviewer),
            esc(&when(&v.at)),
            if v.stale {
                " <span class=\"stale-mark\">STALE: the bytes it rests on changed</span>"
            } else {
                ""
            }
        );
        if let Some(old) = &v.given_on {
            let _ = write!(
                h,
                "<div class=\"small\">Given on an earlier version of this claim (cluster {}), at the same bytes.</div>",
                esc(old)
            );
        }
        if let Some(n) = &v.note {
            let _ = write!(h, "<blockquote>{}</blockquote>", esc(n));
        }
        for reason in &v.stale_reasons {
            let _ = write!(h, "<div class=\"small\">{}</div>", esc(reason));
        }
        h.push_str("</div>");
    }
    for n in c
        .notes
        .iter()
        .filter(|n| Some(n.seq) != c.verdict.as_ref().map(|v| v.seq))
    {
        let _ = write!(
            h,
            "<div class=\"verdict{}\">Note — {}, {}{}<blockquote>{}</blockquote></div>",
            if n.stale { " stale" } else { "" },
            esc(&n.reviewer),
            esc(&when(&n.at)),
            if n.stale {
                " <span class=\"stale-mark\">STALE</span>"
            } else {
                ""
            },
            esc(&n.note)
        );
    }
    if picture && flagged {
        h.push_str(&svg::provenance(c, docs));
    }
    h.push_str("<ol class=\"members\">");
    let all = members.map_or(0, Vec::len);
    for m in members.into_iter().flatten().take(shown) {
        let mut figures = String::new();
        for q in &m.quantities {
            let _ = write!(figures, " <span class=\"badge\">{}</span>", esc(&q.text));
        }
        let who = docs
            .get(m.document.as_str())
            .map(|d| {
                let p = d
                    .publisher
                    .as_ref()
                    .map(|p| p.name.as_str())
                    .unwrap_or("unidentified publisher");
                match &d.origin {
                    Some(o) if Some(&o.name) != d.publisher.as_ref().map(|p| &p.name) => {
                        format!("{p} ← {}", o.name)
                    }
                    _ => p.to_owned(),
                }
            })
            .unwrap_or_default();
        let _ = write!(
            h,
            "<li><blockquote>{}</blockquote><div class=\"where\"><span class=\"mono\">{}</span> · {}{}</div></li>",
            esc(&m.text),
            esc(&location(m)),
            esc(&who),
            figures
        );
    }
    h.push_str("</ol>");
    if all > shown {
        let _ = write!(
            h,
            "<p class=\"small muted\">… and {} more {} of this claim, every one in the full report.</p>",
            all - shown,
            if all - shown == 1 {
                "wording"
            } else {
                "wordings"
            }
        );
    }
    h.push_str("</article>\n");
}

fn conflicts(h: &mut String, r: &Report) {
    let _ = write!(
        h,
        "<section id=\"conflicts\"><h2>Conflicting figures, side by side <span class=\"muted\">({})</span></h2>",
        r.conflicts.len()
    );
    if r.conflicts.is_empty() {
        h.push_str("<p class=\"muted\">None.</p></section>\n");
        return;
    }
    h.push_str("<table><thead><tr><th>Quantity</th><th>Value</th><th>Where</th><th>Reported</th><th>Text</th></tr></thead><tbody>");
    for c in &r.conflicts {
        for (i, v) in c.values.iter().enumerate() {
            let _ = write!(
                h,
                "<tr><td>{}</td><td><b>{}</b></td><td><a href=\"#{}\" class=\"mono small\">{}</a></td><td class=\"small\">{}</td><td>{}</td></tr>",
                if i == 0 {
                    esc(&c.quantity)
                } else {
                    String::new()
                },
                esc(&format_value(v.value)),
                esc(&v.cluster),
                esc(&v.document),
                esc(&super::words::reported(v.reported.as_deref())),
                esc(&truncate(&v.text, 240))
            );
        }
        if c.may_be_a_timeline {
            let _ = write!(
                h,
                "<tr><td></td><td colspan=\"4\" class=\"muted small\">{}</td></tr>",
                esc(super::words::MAY_BE_A_TIMELINE)
            );
        }
    }
    h.push_str("</tbody></table></section>\n");
}

fn review(h: &mut String, r: &Report) {
    let rv = &r.review;
    h.push_str("<section id=\"review\"><h2>Review</h2>");
    if rv.sessions.is_empty() {
        h.push_str("<p class=\"muted\">No review session yet: nothing in this report is a reviewer's judgement.</p>");
    } else {
        h.push_str("<h3>Sessions</h3><table><thead><tr><th>#</th><th>Reviewer</th><th>Title</th><th>Started</th><th>Ended</th></tr></thead><tbody>");
        for s in &rv.sessions {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                s.id,
                esc(&s.reviewer),
                esc(&s.title),
                esc(&when(&s.started_at)),
                s.ended_at
                    .as_deref()
                    .map(|e| esc(&when(e)))
                    .unwrap_or_else(|| "open".into())
            );
        }
        h.push_str("</tbody></table>");
    }
    if !rv.annotations.is_empty() {
        h.push_str("<h3>Verdicts and notes</h3><table><thead><tr><th>When, who</th><th>On</th><th>Verdict and note</th><th>Bytes it rests on</th></tr></thead><tbody>");
        for a in &rv.annotations {
            let n = &a.annotation;
            let target = match &n.target {
                crate::review::Target::Cluster(id) => {
                    format!(
                        "claim cluster <a class=\"mono\" href=\"#{0}\">{0}</a>",
                        esc(id)
                    )
                }
                crate::review::Target::Document(p) => {
                    format!("document <span class=\"mono\">{}</span>", esc(p))
                }
            };
            let mut anchors = String::new();
            for an in &n.anchors {
                let span = match (an.start, an.end) {
                    (Some(s), Some(e)) => format!(", bytes {s}–{e}"),
                    _ => ", the whole file".into(),
                };
                let _ = write!(
                    anchors,
                    "<div class=\"small\"><span class=\"mono\">{}</span>{span}<div class=\"hash\">{}</div></div>",
                    esc(&an.path.to_string_lossy()),
                    esc(&an.document_sha256)
                );
            }
            let _ = write!(
                h,
                "<tr><td>{}<div class=\"where\">{} · session #{} · log entry {}</div></td><td>{target}</td><td>{}{}{}</td><td>{anchors}</td></tr>",
                esc(&when(&n.at)),
                esc(&n.reviewer),
                n.session_id,
                n.seq,
                n.verdict
                    .map(|v| format!("<b>{}</b>", esc(v.describe())))
                    .unwrap_or_default(),
                n.note
                    .as_deref()
                    .map(|t| format!("<blockquote>{}</blockquote>", esc(t)))
                    .unwrap_or_default(),
                if n.stale {
                    format!(
                        "<div class=\"stale-mark\">STALE — {}</div>",
                        esc(&n.stale_reasons.join("; "))
                    )
                } else {
                    String::new()
                }
            );
        }
        h.push_str("</tbody></table>");
    }
    if !rv.exports.is_empty() {
        h.push_str("<h3>Exports recorded before this one</h3><table><thead><tr><th>When</th><th>Format</th><th>Path</th><th>SHA-256</th></tr></thead><tbody>");
        for e in &rv.exports {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"mono small\">{}</td><td class=\"hash\">{}</td></tr>",
                esc(&when(&e.at)),
                esc(&e.record.format),
                esc(&e.record.path),
                esc(&e.record.sha256)
            );
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("<h3>Review log</h3><p>");
    match &rv.chain {
        crate::review::ChainCheck::Intact { entries, head } => {
            let _ = write!(
                h,
                "<span class=\"ok\">The hash chain is intact</span> ({}). Its head — the SHA-256 of the newest entry, which pins every entry before it — is <span class=\"hash\">{}</span>.",
                entries_word(*entries),
                esc(head.as_deref().unwrap_or("(empty log)"))
            );
        }
        crate::review::ChainCheck::Broken { seq, reason } => {
            let _ = write!(
                h,
                "<span class=\"bad\">The hash chain is broken at entry {seq}</span>: {}. The review record cannot be relied on.",
                esc(reason)
            );
        }
    }
    h.push_str("</p></section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls_are_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\"\u{0}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\u{fffd}"
        );
    }

    #[test]
    fn figures_read_as_written() {
        assert_eq!(format_value(1093.0), "1,093");
        assert_eq!(format_value(510.0), "510");
        assert_eq!(format_value(1_000_000.0), "1,000,000");
        assert_eq!(format_value(2.5), "2.5");
    }
}

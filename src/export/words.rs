//! Words every report format and the CLI share: alignment, flags, counts,
//! sizes, dates, evidence and quotes cut one way. Plain text: each format
//! escapes it its own way (HTML and SVG with [`crate::escape::html`],
//! Markdown with `markdown::esc`, a terminal with [`crate::escape::visible`]).

use crate::view::json::{ClaimEntry, ClusterEntry, DocumentEntry, PartyEntry};
use crate::view::report::ReportCluster;
use std::fmt::Write;

/// A short, readable time: `2026-11-22 08:24 UTC` from RFC 3339.
pub fn when(at: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => t
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%d %H:%M UTC")
            .to_string(),
        Err(_) => at.to_owned(),
    }
}

/// Bytes for people: `14.9 KiB`.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64;
    let mut unit = "B";
    for u in UNITS {
        if v < 1024.0 {
            break;
        }
        v /= 1024.0;
        unit = u;
    }
    format!("{v:.1} {unit}")
}

/// Where a claim is: `file, line 12, bytes 340–512`; in a PDF `file,
/// page 3 (line 41 of its text)`.
pub fn location(c: &ClaimEntry) -> String {
    let mut s = c.document.clone();
    if let Some(page) = c.page {
        let _ = write!(s, ", page {page}");
        if let Some(line) = c.line {
            let _ = write!(s, " (line {line} of its text)");
        }
        return s;
    }
    if let Some(line) = c.line {
        let _ = write!(s, ", line {line}");
    }
    if let (Some(a), Some(b)) = (c.start, c.end) {
        let _ = write!(s, ", bytes {a}–{b}");
    }
    s
}

/// Where a piece of evidence is, as far as it is known: `line 3, bytes
/// 10..42`; in a PDF `page 2, line 41 of its text`; empty when nowhere (an
/// address, page metadata).
pub fn place(line: Option<u64>, start: Option<u64>, end: Option<u64>, page: Option<u64>) -> String {
    match (page, line, start.zip(end)) {
        (Some(page), Some(line), _) => format!("page {page}, line {line} of its text"),
        (Some(page), None, _) => format!("page {page}"),
        (None, Some(line), Some((a, b))) => format!("line {line}, bytes {a}..{b}"),
        (None, Some(line), None) => format!("line {line}"),
        (None, None, _) => String::new(),
    }
}

/// A party's evidence in words: `dateline (line 3): “LONDON (Reuters)” 0.95`.
pub fn evidence(p: &PartyEntry) -> String {
    if p.manual {
        return format!("set by the reviewer: {}", p.basis);
    }
    let mut s = p.evidence.rule.replace('_', " ");
    match (p.evidence.page, p.evidence.line) {
        (Some(page), Some(line)) => {
            let _ = write!(s, " (page {page}, line {line} of its text)");
        }
        (_, Some(line)) => {
            let _ = write!(s, " (line {line})");
        }
        _ => {}
    }
    if !p.evidence.text.is_empty() {
        let _ = write!(s, ": “{}”", p.evidence.text.trim());
    }
    let _ = write!(s, ", confidence {:.2}", p.confidence);
    s
}

/// An alignment in words: `state media · Iran · owner IRIB ·
/// state-controlled (SC)`; empty when the origin is unknown.
pub fn alignment(d: &DocumentEntry) -> String {
    alignment_parts(d, true).join(" · ")
}

/// The alignment's parts — kind, country, owner (when `with_owner`), state
/// affiliation with its meaning — for a format that joins them its own way.
pub fn alignment_parts(d: &DocumentEntry, with_owner: bool) -> Vec<String> {
    let Some(a) = &d.alignment else {
        return Vec::new();
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(k) = &a.kind {
        parts.push(k.replace('_', " "));
    }
    if let Some(c) = &a.country {
        parts.push(c.clone());
    }
    if let Some(o) = a.owner.as_ref().filter(|_| with_owner) {
        parts.push(format!("owner {o}"));
    }
    if let Some(s) = &a.state_affiliation {
        parts.push(match crate::outlets::registry::Typology::parse(s) {
            Some(t) => format!("{} ({s})", t.describe()),
            None => format!("state affiliation {s}"),
        });
    }
    parts
}

/// A cluster's corroboration class, then its flags, in words.
pub fn flags(k: &ClusterEntry) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    out.push((k.corroboration.as_str(), k.corroboration.label()));
    if k.single_primary {
        out.push(("single_primary", "single primary source"));
    }
    if k.single_alignment {
        out.push(("single_alignment", "single alignment"));
    }
    if k.conflicting {
        out.push(("conflicting", "conflicting figures"));
    }
    out
}

/// Whether a cluster gets a full card (more than one document, a flag other
/// than resting on one document, or a reviewer's word) or a row in the
/// section's table of one-document claims.
pub fn is_card(c: &ReportCluster) -> bool {
    c.cluster.documents.len() > 1
        || c.cluster.conflicting
        || c.verdict.is_some()
        || !c.notes.is_empty()
}

pub fn folder_name(root: &str) -> &str {
    root.trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(root)
}

/// A document's evidence as a report cell: "‘Iran Press TV’, line 5", the
/// words cut at 90 characters.
pub fn evidence_words(e: &crate::claims::DocumentEvidence) -> String {
    match (&e.evidence, e.line) {
        (Some(t), Some(l)) => format!("‘{}’, line {l}", truncate(t, 90)),
        (Some(t), None) => truncate(t, 90),
        (None, _) => String::new(),
    }
}

/// `1093` → `1,093`; fractions kept.
pub fn format_value(v: f64) -> String {
    if v.fract() != 0.0 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

/// `1 entry`, `2 entries` (of the review log).
pub fn entries_word(n: impl Into<u64>) -> String {
    match n.into() {
        1 => "1 entry".to_owned(),
        n => format!("{n} entries"),
    }
}

/// `1 claim`, `2 claims`.
pub fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// At most `n` characters, with an ellipsis when cut.
pub fn truncate(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// A document's text found in another, in words: "text copied from
/// b.txt (85% of passages)".
pub fn reuse(t: &crate::view::json::ReuseEntry) -> String {
    format!(
        "{} {} ({:.0}% of passages)",
        if t.relation == "copy_of" {
            "text copied from"
        } else {
            "text copied in"
        },
        t.document,
        t.containment * 100.0
    )
}

/// How a page was captured and when, in words: "as MHTML on 2024-01-02
/// 10:11 UTC", "by a browser's Save Page (time not recorded)".
/// Where a page read from a web archive sits and what its record's own
/// digests say: `the record at byte 896 of crawl.warc.gz (written by
/// Wget/1.21.3); its payload digest matches its bytes`.
pub fn record_place(r: &crate::text::RecordPlace) -> String {
    let mut s = format!(
        "the record at {} of {}",
        crate::warc::place(r.offset, r.inner),
        r.container
    );
    if let Some(software) = &r.software {
        s.push_str(&format!(" (written by {software})"));
    }
    let digest = |which: &str, check: &str| match check {
        "matches" => format!("its {which} digest matches its bytes"),
        "differs" => format!(
            "its {which} digest DIFFERS from its bytes: the record is not what its writer wrote"
        ),
        "unchecked" => format!("its {which} digest is of a kind not checked"),
        _ => format!("it declares no {which} digest"),
    };
    s.push_str(&format!(
        "; {}; {}",
        digest("payload", &r.payload_digest),
        digest("block", &r.block_digest)
    ));
    s
}

pub fn capture(c: &crate::text::Capture) -> String {
    let how = match c.format.as_str() {
        "mhtml" => "as MHTML",
        "saved_html" => "by a browser's Save Page",
        "warc" => "in a web archive (WARC)",
        other => other,
    };
    match &c.at {
        Some(at) => format!("{how} on {}", when(at)),
        None => format!("{how} (time not recorded)"),
    }
}

/// A verification's counts, every status named: `5 ok, 1 modified, 0
/// missing, 0 new, 0 moved, 0 duplicate, 0 unreadable`.
pub fn verification_counts(c: &crate::verification::Counts) -> String {
    format!(
        "{} ok, {} modified, {} missing, {} new, {} moved, {} duplicate, {} unreadable",
        c.ok, c.modified, c.missing, c.new, c.moved, c.duplicate, c.unreadable
    )
}

/// Said under conflicting figures that
/// [`may_be_a_timeline`](crate::claims::may_be_a_timeline).
pub const MAY_BE_A_TIMELINE: &str = "reports of different or unknown days: these may be one toll rising over time rather than sources disagreeing; compare the days";

/// The day a conflicting figure's document reports from, in words.
pub fn reported(day: Option<&str>) -> String {
    match day {
        Some(d) => match d.strip_prefix("--") {
            Some(month_day) => format!("reported {month_day} (no year given)"),
            None => format!("reported {d}"),
        },
        None => "day unknown".to_owned(),
    }
}

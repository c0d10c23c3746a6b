//! The claims as CSV: one row per claim, RFC 4180 (comma, double quotes,
//! CRLF), UTF-8 with a byte-order mark so spreadsheets read the encoding
//! right. A free-text cell that a spreadsheet would take for a formula
//! (starting `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`, the
//! OWASP guard against formula injection: article text is untrusted input.

use crate::view::json::DocumentEntry;
use crate::view::report::Report;
use std::collections::HashMap;

/// The columns, in order.
pub const COLUMNS: [&str; 24] = [
    "cluster",
    "claim",
    "document",
    "sha256",
    "line",
    "start",
    "end",
    "publisher",
    "origin",
    "relation",
    "kind",
    "text",
    "single_source",
    "single_primary",
    "single_alignment",
    "conflicting",
    "independent_origins",
    "corroboration",
    "verdict",
    "verdict_stale",
    "reviewer",
    "note",
    "capture_url",
    "captured_at",
];

/// Guards a free-text cell against being read as a formula, and against
/// control characters acting on a terminal that shows the file.
pub fn guard(s: &str) -> String {
    let s = crate::escape::visible_text(s);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.into_owned()
    }
}

/// Renders the CSV.
pub fn render(r: &Report) -> Vec<u8> {
    let docs: HashMap<&str, &DocumentEntry> = r.documents_by_path();
    let members = r.members();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    w.write_record(COLUMNS).expect("writing to memory");
    let flag = |b: bool| if b { "yes" } else { "no" };
    for c in &r.clusters {
        let k = &c.cluster;
        // Every note on the cluster, oldest first; the verdict's own note is
        // among them.
        let notes: Vec<&str> = c.notes.iter().map(|n| n.note.as_str()).collect();
        for m in members.get(k.id.as_str()).into_iter().flatten() {
            let d = docs.get(m.document.as_str());
            let num = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
            let record: [String; 24] = [
                k.id.clone(),
                m.id.clone(),
                guard(&m.document),
                d.map(|d| d.sha256.clone()).unwrap_or_default(),
                num(m.line),
                num(m.start),
                num(m.end),
                guard(
                    &d.and_then(|d| d.publisher.as_ref())
                        .map(|p| p.name.clone())
                        .unwrap_or_default(),
                ),
                guard(
                    &d.and_then(|d| d.origin.as_ref())
                        .map(|p| p.name.clone())
                        .unwrap_or_default(),
                ),
                d.map(|d| d.relation.clone()).unwrap_or_default(),
                m.kind.to_owned(),
                guard(&m.text),
                flag(k.single_source).into(),
                flag(k.single_primary).into(),
                flag(k.single_alignment).into(),
                flag(k.conflicting).into(),
                k.independent_origins.to_string(),
                c.section.to_owned(),
                c.verdict
                    .as_ref()
                    .map(|v| v.verdict.to_owned())
                    .unwrap_or_default(),
                c.verdict
                    .as_ref()
                    .map(|v| flag(v.stale).to_owned())
                    .unwrap_or_default(),
                guard(
                    &c.verdict
                        .as_ref()
                        .map(|v| v.reviewer.clone())
                        .unwrap_or_default(),
                ),
                guard(&notes.join("\n")),
                guard(
                    d.and_then(|d| d.capture.as_ref())
                        .and_then(|c| c.url.as_deref())
                        .unwrap_or_default(),
                ),
                d.and_then(|d| d.capture.as_ref())
                    .and_then(|c| c.at.clone())
                    .unwrap_or_default(),
            ];
            w.write_record(&record).expect("writing to memory");
        }
    }
    w.into_inner().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_guarded_and_others_untouched() {
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("-35 troops"), "'-35 troops");
        assert_eq!(guard("@user said"), "'@user said");
        assert_eq!(guard("35 troops"), "35 troops");
        assert_eq!(guard(""), "");
    }
}

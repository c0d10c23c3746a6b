//! The provenance picture of a claim as inline SVG: the documents that carry
//! it, joined to who produced each text (solid: the producer's own copy;
//! dashed: a repost or a syndicated wire copy), joined to the primary source
//! when every origin attributes the claim to one. Plain SVG 1.1, no script,
//! every label escaped.

use super::words::{alignment, truncate};
use crate::escape::html as esc;
use crate::view::json::DocumentEntry;
use crate::view::report::ReportCluster;
use std::collections::HashMap;
use std::fmt::Write;

const ROW: u32 = 40;
const BOX: u32 = 34;
const TOP: u32 = 30;
const DOC_X: u32 = 8;
const DOC_W: u32 = 310;
const GROUP_X: u32 = 400;
const GROUP_W: u32 = 270;
const PRIMARY_X: u32 = 750;
const PRIMARY_W: u32 = 220;
/// Documents drawn per origin group before the rest are summed up.
const MAX_PER_GROUP: usize = 8;

enum Row<'a> {
    Doc(&'a str),
    More(usize),
}

/// The picture of one cluster.
pub fn provenance(c: &ReportCluster, docs: &HashMap<&str, &DocumentEntry>) -> String {
    let k = &c.cluster;
    // Rows, group by group; documents outside every group go last.
    let mut groups: Vec<(String, Vec<&str>)> = k
        .origin_groups
        .iter()
        .map(|g| {
            (
                g.name.clone(),
                g.documents.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let grouped: std::collections::HashSet<&str> =
        groups.iter().flat_map(|(_, d)| d.iter().copied()).collect();
    let loose: Vec<&str> = k
        .documents
        .iter()
        .map(String::as_str)
        .filter(|d| !grouped.contains(d))
        .collect();
    if !loose.is_empty() {
        groups.push(("origin unknown".into(), loose));
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (_, members) in &groups {
        let first = rows.len();
        for d in members.iter().take(MAX_PER_GROUP) {
            rows.push(Row::Doc(d));
        }
        if members.len() > MAX_PER_GROUP {
            rows.push(Row::More(members.len() - MAX_PER_GROUP));
        }
        spans.push((first, rows.len()));
    }
    let primary = &k.primary_sources;
    let width = if primary.is_empty() {
        GROUP_X + GROUP_W + 8
    } else {
        PRIMARY_X + PRIMARY_W + 8
    };
    let height = TOP + rows.len() as u32 * ROW + 6;
    let row_y = |i: usize| TOP + i as u32 * ROW;
    // The top of a group's box: centred on its first and last rows.
    let mid = |(a, b): (usize, usize)| (row_y(a) + row_y(b - 1)) / 2;

    let title = format!(
        "{} documents carry this claim; they trace back to {}{}",
        k.documents.len(),
        k.origins_in_words(),
        if primary.is_empty() {
            String::new()
        } else {
            format!(", attributing it to {}", primary.join(", "))
        }
    );
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"prov\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"system-ui, DejaVu Sans, sans-serif\" font-size=\"12\">\
         <title>{}</title>\
         <text x=\"{DOC_X}\" y=\"16\" font-weight=\"600\" fill=\"#5b6575\">Documents ({})</text>\
         <text x=\"{GROUP_X}\" y=\"16\" font-weight=\"600\" fill=\"#5b6575\">Who produced the text ({} independent)</text>",
        esc(&title),
        k.documents.len(),
        k.independent_origins
    );
    if !primary.is_empty() {
        let _ = write!(
            s,
            "<text x=\"{PRIMARY_X}\" y=\"16\" font-weight=\"600\" fill=\"#5b6575\">Primary source</text>"
        );
    }
    // Edges first, so boxes are drawn over them.
    for (g, span) in spans.iter().enumerate() {
        let gy = mid(*span) + BOX / 2;
        for (i, row) in rows.iter().enumerate().take(span.1).skip(span.0) {
            let y = row_y(i) + BOX / 2;
            let dashed = match row {
                Row::Doc(d) => docs.get(d).is_some_and(|d| {
                    matches!(d.relation.as_str(), "republished" | "syndicated_wire")
                }),
                Row::More(_) => false,
            };
            let x1 = DOC_X + DOC_W;
            let _ = write!(
                s,
                "<path d=\"M{x1} {y} C{} {y} {} {gy} {GROUP_X} {gy}\" fill=\"none\" stroke=\"#8a94a6\" stroke-width=\"1.4\"{}/>",
                x1 + 40,
                GROUP_X - 40,
                if dashed {
                    " stroke-dasharray=\"5 4\""
                } else {
                    ""
                }
            );
        }
        if !primary.is_empty() {
            let py = (TOP + height) / 2;
            let _ = write!(
                s,
                "<path d=\"M{} {gy} C{} {gy} {} {py} {PRIMARY_X} {py}\" fill=\"none\" stroke=\"#b07a1a\" stroke-width=\"1.4\"/>",
                GROUP_X + GROUP_W,
                GROUP_X + GROUP_W + 40,
                PRIMARY_X - 40
            );
        }
        let _ = g;
    }
    for (i, row) in rows.iter().enumerate() {
        let y = row_y(i);
        match row {
            Row::Doc(path) => {
                let d = docs.get(path);
                let publisher = d
                    .and_then(|d| d.publisher.as_ref())
                    .map(|p| p.name.as_str())
                    .unwrap_or("publisher unidentified");
                let relation = d.map(|d| d.relation.replace('_', " ")).unwrap_or_default();
                let _ = write!(
                    s,
                    "<rect x=\"{DOC_X}\" y=\"{y}\" width=\"{DOC_W}\" height=\"{BOX}\" rx=\"5\" fill=\"#f4f6f9\" stroke=\"#c3cad5\"/>\
                     <text x=\"{}\" y=\"{}\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"11\">{}</text>\
                     <text x=\"{}\" y=\"{}\" fill=\"#5b6575\" font-size=\"11\">{}</text>",
                    DOC_X + 8,
                    y + 14,
                    esc(&truncate(path, 44)),
                    DOC_X + 8,
                    y + 28,
                    esc(&truncate(&format!("{publisher} · {relation}"), 48))
                );
            }
            Row::More(n) => {
                let _ = write!(
                    s,
                    "<text x=\"{}\" y=\"{}\" fill=\"#5b6575\">+ {n} more documents</text>",
                    DOC_X + 8,
                    y + 21
                );
            }
        }
    }
    for ((name, members), span) in groups.iter().zip(&spans) {
        let y = mid(*span);
        let detail = members
            .first()
            .and_then(|d| docs.get(d))
            .map(|d| alignment(d))
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| {
                format!(
                    "{} document{}",
                    members.len(),
                    if members.len() == 1 { "" } else { "s" }
                )
            });
        let unknown = name == "origin unknown" || name.starts_with("unidentified");
        let _ = write!(
            s,
            "<rect x=\"{GROUP_X}\" y=\"{y}\" width=\"{GROUP_W}\" height=\"{BOX}\" rx=\"5\" fill=\"{}\" stroke=\"{}\"/>\
             <text x=\"{}\" y=\"{}\" font-weight=\"600\">{}</text>\
             <text x=\"{}\" y=\"{}\" fill=\"#5b6575\" font-size=\"11\">{}</text>",
            if unknown { "#ffffff" } else { "#eef5ff" },
            if unknown { "#c3cad5" } else { "#7fa6dd" },
            GROUP_X + 8,
            y + 14,
            esc(&truncate(name, 40)),
            GROUP_X + 8,
            y + 28,
            esc(&truncate(&detail, 44))
        );
    }
    if !primary.is_empty() {
        let y = (TOP + height) / 2 - BOX / 2;
        let _ = write!(
            s,
            "<rect x=\"{PRIMARY_X}\" y=\"{y}\" width=\"{PRIMARY_W}\" height=\"{BOX}\" rx=\"5\" fill=\"#fff4e0\" stroke=\"#e7b767\"/>\
             <text x=\"{}\" y=\"{}\" font-weight=\"600\">{}</text>",
            PRIMARY_X + 8,
            y + 21,
            esc(&truncate(&primary.join(", "), 34))
        );
    }
    s.push_str("</svg>");
    s
}

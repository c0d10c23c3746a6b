//! Linked-data exports of the reviewer's work:
//! - `claimreview`: schema.org `ClaimReview` JSON-LD, one per reviewed
//!   cluster whose verdict still rests on the bytes in the store;
//! - `annotations`: the verdicts and notes as a W3C Web Annotation
//!   collection, each target the exact file (`urn:sha256:<hash>`) with a
//!   `TextQuoteSelector` and a `DataPositionSelector` (its byte range).

use crate::review::Target;
use crate::view::json::DocumentEntry;
use crate::view::report::Report;
use serde_json::{Value, json};
use std::collections::HashMap;

/// `urn:sha256:<hex>`: names a file by its bytes.
pub fn urn(sha256: &str) -> String {
    format!("urn:sha256:{sha256}")
}

fn day(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_owned()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn organization(name: &str) -> Value {
    json!({ "@type": "Organization", "name": name })
}

fn appearance(d: &DocumentEntry) -> Value {
    let mut a = json!({
        "@type": "MediaObject",
        "@id": urn(&d.sha256),
        "sha256": d.sha256,
        "name": d.path,
        "contentSize": format!("{} bytes", d.bytes),
    });
    if let Some(p) = &d.publisher {
        a["publisher"] = organization(&p.name);
    }
    if let Some(o) = &d.origin {
        a["sourceOrganization"] = organization(&o.name);
    }
    a
}

/// schema.org ClaimReview JSON-LD for every cluster with a verdict that is
/// not stale. Returns the document and how many verdicts were left out
/// because the bytes they rest on changed (their cluster may be gone too:
/// a changed file's claims get new ids).
pub fn claimreview(r: &Report) -> (Value, usize) {
    let docs: HashMap<&str, &DocumentEntry> = r.documents_by_path();
    let mut reviews = Vec::new();
    let mut newest: HashMap<&str, bool> = HashMap::new();
    for a in &r.review.annotations {
        if let (Target::Cluster(id), Some(_)) = (&a.annotation.target, a.annotation.verdict) {
            newest.insert(id.as_str(), a.annotation.stale);
        }
    }
    let current: std::collections::HashSet<&str> =
        r.clusters.iter().map(|c| c.cluster.id.as_str()).collect();
    let stale = newest
        .iter()
        .filter(|(id, stale)| **stale || !current.contains(**id))
        .count();
    for c in &r.clusters {
        let Some(v) = &c.verdict else { continue };
        if v.stale {
            continue;
        }
        let k = &c.cluster;
        let appearances: Vec<Value> = k
            .documents
            .iter()
            .filter_map(|d| docs.get(d.as_str()).map(|d| appearance(d)))
            .collect();
        let mut claim = json!({
            "@type": "Claim",
            "text": c.text,
            "appearance": appearances,
        });
        if k.primary_sources.len() == 1 {
            claim["author"] = organization(&k.primary_sources[0]);
        }
        let mut review = json!({
            "@type": "ClaimReview",
            "identifier": k.id,
            "claimReviewed": c.text,
            "datePublished": day(&v.at),
            "author": { "@type": "Person", "name": v.reviewer },
            "reviewRating": {
                "@type": "Rating",
                "alternateName": capitalised(v.label),
                "name": v.verdict,
            },
            "itemReviewed": claim,
            "description": k.explanation,
            "sdPublisher": { "@type": "SoftwareApplication", "name": r.program.name, "softwareVersion": r.program.version },
        });
        if let Some(note) = &v.note {
            review["reviewBody"] = json!(note);
            review["reviewRating"]["ratingExplanation"] = json!(note);
        }
        reviews.push(review);
    }
    (
        json!({
            "@context": "https://schema.org",
            "@graph": reviews,
        }),
        stale,
    )
}

/// The verdicts and notes as a W3C Web Annotation collection.
pub fn annotations(r: &Report) -> Value {
    let text_of: HashMap<&str, &str> = r
        .clusters
        .iter()
        .map(|c| (c.cluster.id.as_str(), c.text.as_str()))
        .collect();
    let items: Vec<Value> = r
        .review
        .annotations
        .iter()
        .map(|a| {
            let n = &a.annotation;
            let mut body = Vec::new();
            if let Some(note) = &n.note {
                body.push(json!({
                    "type": "TextualBody",
                    "value": note,
                    "purpose": "commenting",
                    "format": "text/plain",
                }));
            }
            if let Some(v) = n.verdict {
                body.push(json!({
                    "type": "TextualBody",
                    "value": v.describe(),
                    "purpose": "assessing",
                    "format": "text/plain",
                }));
            }
            let targets: Vec<Value> = n
                .anchors
                .iter()
                .zip(&a.quotes)
                .map(|(an, quote)| {
                    let mut selectors = Vec::new();
                    if let Some(q) = quote {
                        selectors.push(json!({
                            "type": "TextQuoteSelector",
                            "exact": q.exact,
                            "prefix": q.prefix,
                            "suffix": q.suffix,
                        }));
                    }
                    if let (Some(s), Some(e)) = (an.start, an.end) {
                        selectors.push(json!({ "type": "DataPositionSelector", "start": s, "end": e }));
                    }
                    let mut t = json!({ "source": urn(&an.document_sha256) });
                    if !selectors.is_empty() {
                        t["selector"] = Value::Array(selectors);
                    }
                    t
                })
                .collect();
            let about = match &n.target {
                Target::Cluster(id) => format!(
                    "claim cluster {id}: {}",
                    text_of.get(id.as_str()).copied().unwrap_or("")
                ),
                Target::Document(p) => format!("document {p}"),
            };
            let mut item = json!({
                "id": urn(r.review.entry_sha256.get(&n.seq).map(String::as_str).unwrap_or_default()),
                "type": "Annotation",
                "motivation": if n.verdict.is_some() { "assessing" } else { "commenting" },
                "created": n.at,
                "creator": { "type": "Person", "name": n.reviewer },
                "generator": { "type": "Software", "name": format!("{} {}", r.program.name, r.program.version) },
                "body": body,
                "target": targets,
                "label": about,
            });
            if n.stale {
                // The target still names the bytes reviewed; the reviewer
                // should know those bytes are no longer the corpus's.
                item["body"]
                    .as_array_mut()
                    .expect("body is an array")
                    .push(json!({
                        "type": "TextualBody",
                        "value": format!("Stale: {}", n.stale_reasons.join("; ")),
                        "purpose": "describing",
                        "format": "text/plain",
                    }));
            }
            item
        })
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": format!("Review notes on {}", r.corpus.root),
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

//! The audit report's data: everything a reviewer hands to an editor, read
//! from the store once and rendered by each format (`html`, `md`, `json`,
//! `csv`, `claimreview`, `annotations`). Its JSON form is the `json` export,
//! documented in `docs/json-schema.md`; it reuses the entries of
//! `audit --json` so the two never disagree.

use crate::review::{self, Annotation, ChainCheck, ExportEntry, Session};
use crate::store::{IngestRunSummary, Store, StoreError, VerificationSummary};
use crate::view::json::{
    ClaimCounts, ClaimEntry, ClaimsSection, ClusterEntry, ConflictEntry, DocumentEntry, PROGRAM,
    Program, SCHEMA_VERSION,
};
use serde::Serialize;
use std::collections::HashMap;

/// The report as the `json` export writes it.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    /// Always `audit_report`: tells this document from `audit --json`.
    pub kind: &'static str,
    pub program: Program,
    /// When the report was made (RFC 3339, UTC).
    pub generated_at: String,
    pub corpus: CorpusSummary,
    /// The outlet registry version(s) the stored decisions were made with.
    pub registry_version: String,
    pub counts: ClaimCounts,
    pub documents: Vec<DocumentEntry>,
    /// Report sections in order, each naming its clusters in order.
    pub sections: Vec<SectionEntry>,
    /// Every cluster, in report order, with its verdict.
    pub clusters: Vec<ReportCluster>,
    /// Every claim, as in `audit --json`.
    pub claims: Vec<ClaimEntry>,
    pub conflicts: Vec<ConflictEntry>,
    pub review: ReviewSection,
    /// Set when the report holds only what an editor must look at
    /// (`export --only flagged`): what was left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only_flagged: Option<LeftOut>,
}

/// What a flagged-only report holds and leaves out, in words.
pub fn left_out_words(left: &LeftOut) -> String {
    format!(
        "This report holds the echoes, the claims resting on a single primary source or on one state's media, conflicting figures, and every claim a reviewer gave a verdict or a note on, with the documents they rest on. {} other {} and {} other {} are left out; the counts are over the whole corpus. Export without `--only flagged` for everything.",
        left.clusters,
        if left.clusters == 1 {
            "claim"
        } else {
            "claims"
        },
        left.documents,
        if left.documents == 1 {
            "document"
        } else {
            "documents"
        },
    )
}

/// What a flagged-only report leaves out.
#[derive(Clone, Debug, Serialize)]
pub struct LeftOut {
    pub clusters: usize,
    pub documents: usize,
}

/// Whether a cluster is in a flagged-only report: an echo, a single primary
/// source, a single alignment, conflicting figures, or anything a reviewer
/// gave a verdict or a note on.
pub fn is_flagged(c: &ReportCluster) -> bool {
    let k = &c.cluster;
    k.corroboration == crate::claims::Corroboration::Echo
        || k.single_primary
        || (k.single_alignment && k.documents.len() > 1)
        || k.conflicting
        || c.verdict.is_some()
        || !c.notes.is_empty()
}

impl Report {
    /// The report an editor reads first: only flagged clusters
    /// ([`is_flagged`]), their claims and the documents they rest on; the
    /// counts stay those of the whole corpus, and `only_flagged` says how
    /// much was left out.
    pub fn flagged_only(mut self) -> Report {
        let before = (self.clusters.len(), self.documents.len());
        self.clusters.retain(is_flagged);
        let kept: std::collections::HashSet<String> =
            self.clusters.iter().map(|c| c.cluster.id.clone()).collect();
        for s in &mut self.sections {
            s.clusters.retain(|id| kept.contains(id));
        }
        self.claims.retain(|c| kept.contains(&c.cluster));
        let mut used: std::collections::HashSet<&str> =
            self.claims.iter().map(|c| c.document.as_str()).collect();
        for a in &self.review.annotations {
            if let crate::review::Target::Document(p) = &a.annotation.target {
                used.insert(p.as_str());
            }
        }
        let used: std::collections::HashSet<String> = used.into_iter().map(str::to_owned).collect();
        self.documents.retain(|d| used.contains(&d.path));
        self.conflicts
            .retain(|c| c.clusters.iter().any(|k| kept.contains(k)));
        self.only_flagged = Some(LeftOut {
            clusters: before.0 - self.clusters.len(),
            documents: before.1 - self.documents.len(),
        });
        self
    }
}

/// The corpus as the store recorded it.
#[derive(Clone, Debug, Serialize)]
pub struct CorpusSummary {
    pub root: String,
    pub store: String,
    pub files: usize,
    pub bytes: u64,
    /// The earliest and latest time a file was ingested.
    pub first_ingested_at: Option<String>,
    pub last_ingested_at: Option<String>,
    pub ingest_runs: usize,
    pub last_ingest_run: Option<IngestRunSummary>,
    pub last_verification: Option<VerificationEntry>,
}

/// The latest verification and what it found.
#[derive(Clone, Debug, Serialize)]
pub struct VerificationEntry {
    #[serde(flatten)]
    pub summary: VerificationSummary,
    /// `matched` when every file was as recorded, else `discrepancies`.
    pub result: &'static str,
}

/// One section of the claims part.
#[derive(Clone, Debug, Serialize)]
pub struct SectionEntry {
    /// A corroboration class: `echo`, `unresolved`, `corroborated` or
    /// `single_document`.
    pub id: &'static str,
    pub title: &'static str,
    pub clusters: Vec<String>,
}

/// A cluster with what a reader of the report needs beside it.
#[derive(Clone, Debug, Serialize)]
pub struct ReportCluster {
    #[serde(flatten)]
    pub cluster: ClusterEntry,
    /// The section it is listed in: its corroboration class.
    pub section: &'static str,
    /// The text of its first claim.
    pub text: String,
    pub kind: &'static str,
    /// The newest verdict on it, if any.
    pub verdict: Option<VerdictEntry>,
    /// Every note on it, oldest first.
    pub notes: Vec<NoteEntry>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VerdictEntry {
    pub verdict: &'static str,
    /// The verdict in words.
    pub label: &'static str,
    pub reviewer: String,
    pub at: String,
    pub note: Option<String>,
    pub stale: bool,
    pub stale_reasons: Vec<String>,
    /// The review log entry that records it.
    pub seq: i64,
    /// When the verdict was given on a cluster that is gone (a file it rests
    /// on changed, so its claims got new ids): that cluster's id. The verdict
    /// is shown on the cluster now holding a claim at the same bytes, marked
    /// stale.
    pub given_on: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct NoteEntry {
    pub note: String,
    pub reviewer: String,
    pub at: String,
    pub stale: bool,
    pub seq: i64,
}

/// The review sessions, every verdict and note, the exports made before this
/// one, and the state of the log's hash chain.
#[derive(Clone, Debug, Serialize)]
pub struct ReviewSection {
    pub sessions: Vec<Session>,
    pub annotations: Vec<AnnotationEntry>,
    pub exports: Vec<ExportEntry>,
    /// `intact` with the head (the SHA-256 of the newest entry), or `broken`.
    pub chain: ChainCheck,
    /// The line `provaudit verify-log --anchor` reads back from this report:
    /// `provaudit-review-log: entries=N head=SHA256` (or `BROKEN (why)`).
    pub anchor: String,
    /// SHA-256 of each log entry, by `seq` (annotations are identified by it).
    pub entry_sha256: std::collections::BTreeMap<i64, String>,
}

/// A verdict or note, with the text each of its anchors points at.
#[derive(Clone, Debug, Serialize)]
pub struct AnnotationEntry {
    #[serde(flatten)]
    pub annotation: Annotation,
    /// For each anchor, in order: the quoted text, when the anchored bytes
    /// are still the ones in the store and the span can be found in its text.
    pub quotes: Vec<Option<TextQuote>>,
}

/// A W3C `TextQuoteSelector`'s parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextQuote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// How many characters of context a quote carries on each side.
const QUOTE_CONTEXT: usize = 32;

/// The sections, in the order the report lists them.
pub const SECTIONS: [(&str, &str); 4] = [
    (
        "echo",
        "Echoes: claims that look corroborated but rest on one source",
    ),
    (
        "unresolved",
        "Unresolved: corroboration depends on documents of unknown origin",
    ),
    (
        "corroborated",
        "Corroborated: two or more known independent origins",
    ),
    ("single_document", "Claims found in one document only"),
];

/// A cluster's section: its corroboration class.
fn section_of(c: &ClusterEntry) -> &'static str {
    c.corroboration.as_str()
}

impl Report {
    /// Reads the report from the store.
    pub fn build(store: &Store) -> Result<Report, review::ReviewError> {
        let documents = super::json::documents_section(store)?;
        let ClaimsSection {
            claims,
            clusters,
            conflicts,
        } = super::json::claims_section(store)?;
        let review = review::state(store)?;
        let log = store.review_log()?;

        let mut registry_versions: Vec<String> = store
            .outlet_records()?
            .into_values()
            .map(|r| r.registry_version)
            .collect();
        registry_versions.sort();
        registry_versions.dedup();

        let runs = store.ingest_runs()?;
        let last_verification = store
            .verifications()?
            .into_iter()
            .max_by_key(|v| v.id)
            .map(|v| VerificationEntry {
                result: if v.counts.matched() {
                    "matched"
                } else {
                    "discrepancies"
                },
                summary: v,
            });
        let corpus = CorpusSummary {
            root: store
                .corpus_root()?
                .map(|r| r.to_string_lossy().into_owned())
                .unwrap_or_default(),
            store: store.path().to_string_lossy().into_owned(),
            files: documents.len(),
            bytes: documents.iter().map(|d| d.bytes).sum(),
            first_ingested_at: documents.iter().map(|d| d.first_ingested_at.clone()).min(),
            last_ingested_at: documents.iter().map(|d| d.ingested_at.clone()).max(),
            ingest_runs: runs.len(),
            last_ingest_run: runs.into_iter().max_by_key(|r| r.id),
            last_verification,
        };

        // Verdicts and notes per cluster.
        let mut notes: HashMap<&str, Vec<NoteEntry>> = HashMap::new();
        for a in &review.annotations {
            if let (review::Target::Cluster(id), Some(note)) = (&a.target, &a.note) {
                notes.entry(id.as_str()).or_default().push(NoteEntry {
                    note: note.clone(),
                    reviewer: a.reviewer.clone(),
                    at: a.at.clone(),
                    stale: a.stale,
                    seq: a.seq,
                });
            }
        }
        let first: HashMap<&str, &ClaimEntry> = claims
            .iter()
            .rev()
            .map(|c| (c.cluster.as_str(), c))
            .collect();
        // Verdicts on clusters that are gone follow the claim at the same
        // bytes to its cluster now.
        let current: std::collections::HashSet<&str> =
            clusters.iter().map(|c| c.id.as_str()).collect();
        let by_span: HashMap<(&str, u64, u64), &str> = claims
            .iter()
            .filter_map(|c| Some(((c.document.as_str(), c.start?, c.end?), c.cluster.as_str())))
            .collect();
        let mut carried: HashMap<String, (&Annotation, String)> = HashMap::new();
        for a in review.verdicts.values() {
            let review::Target::Cluster(old) = &a.target else {
                continue;
            };
            if current.contains(old.as_str()) {
                continue;
            }
            let path_of = |an: &review::Anchor| an.path.to_string_lossy().into_owned();
            let now = a.anchors.iter().find_map(|an| {
                let path = path_of(an);
                by_span
                    .get(&(path.as_str(), an.start?, an.end?))
                    .map(|k| (*k).to_owned())
            });
            if let Some(now) = now {
                let newer = carried.get(&now).is_none_or(|(b, _)| b.seq < a.seq);
                if newer && !review.verdicts.contains_key(&format!("cluster:{now}")) {
                    carried.insert(now, (a, old.clone()));
                }
            }
        }
        let mut ordered: Vec<ReportCluster> = clusters
            .iter()
            .map(|c| {
                let direct = review
                    .verdicts
                    .get(&format!("cluster:{}", c.id))
                    .map(|a| (a, None));
                let moved = carried
                    .get(c.id.as_str())
                    .map(|(a, old)| (*a, Some(old.clone())));
                let verdict = direct.or(moved).map(|(a, given_on)| {
                    let v = a.verdict.expect("verdicts hold a verdict");
                    VerdictEntry {
                        given_on,
                        verdict: v.as_str(),
                        label: v.describe(),
                        reviewer: a.reviewer.clone(),
                        at: a.at.clone(),
                        note: a.note.clone(),
                        stale: a.stale,
                        stale_reasons: a.stale_reasons.clone(),
                        seq: a.seq,
                    }
                });
                ReportCluster {
                    section: section_of(c),
                    text: first
                        .get(c.id.as_str())
                        .map(|f| f.text.clone())
                        .unwrap_or_default(),
                    kind: first
                        .get(c.id.as_str())
                        .map(|f| f.kind)
                        .unwrap_or("assertion"),
                    verdict,
                    notes: notes.remove(c.id.as_str()).unwrap_or_default(),
                    cluster: c.clone(),
                }
            })
            .collect();
        let rank = |s: &str| SECTIONS.iter().position(|(id, _)| *id == s).unwrap_or(99);
        // Within a section: flagged first (single primary source, single
        // alignment, conflicting figures), then the widest spread (a claim
        // many outlets carry that still rests on one source is the
        // finding), then a reviewed one, then by id so the order is stable.
        ordered.sort_by(|a, b| {
            rank(a.section)
                .cmp(&rank(b.section))
                .then(b.cluster.has_flag().cmp(&a.cluster.has_flag()))
                .then(b.cluster.documents.len().cmp(&a.cluster.documents.len()))
                .then(b.verdict.is_some().cmp(&a.verdict.is_some()))
                .then(b.cluster.claims.len().cmp(&a.cluster.claims.len()))
                .then(a.cluster.id.cmp(&b.cluster.id))
        });
        let sections = SECTIONS
            .iter()
            .map(|(id, title)| SectionEntry {
                id,
                title,
                clusters: ordered
                    .iter()
                    .filter(|c| c.section == *id)
                    .map(|c| c.cluster.id.clone())
                    .collect(),
            })
            .collect();

        let mut claim_docs: Vec<&str> = claims.iter().map(|c| c.document.as_str()).collect();
        claim_docs.sort_unstable();
        claim_docs.dedup();
        let counts = ClaimCounts::of(claim_docs.len(), claims.len(), &clusters);

        let quoter = Quoter::new(store, &claims)?;
        let annotations = review
            .annotations
            .iter()
            .map(|a| AnnotationEntry {
                quotes: a.anchors.iter().map(|an| quoter.quote(store, an)).collect(),
                annotation: a.clone(),
            })
            .collect();

        Ok(Report {
            schema_version: SCHEMA_VERSION,
            kind: "audit_report",
            program: PROGRAM,
            generated_at: crate::store::now(),
            corpus,
            registry_version: registry_versions.join(", "),
            counts,
            documents,
            sections,
            clusters: ordered,
            claims,
            conflicts,
            review: ReviewSection {
                sessions: review.sessions,
                annotations,
                exports: review.exports,
                anchor: crate::review::LogAnchor::of(&review.chain).line(),
                chain: review.chain,
                entry_sha256: log.into_iter().map(|e| (e.seq, e.sha256)).collect(),
            },
            only_flagged: None,
        })
    }

    /// The head of the review log's chain, when it is intact.
    pub fn chain_head(&self) -> Option<&str> {
        match &self.review.chain {
            ChainCheck::Intact { head, .. } => head.as_deref(),
            ChainCheck::Broken { .. } => None,
        }
    }

    /// The claims of each cluster, in document order.
    pub fn members(&self) -> HashMap<&str, Vec<&ClaimEntry>> {
        let mut out: HashMap<&str, Vec<&ClaimEntry>> = HashMap::new();
        for c in &self.claims {
            out.entry(c.cluster.as_str()).or_default().push(c);
        }
        out
    }

    /// Documents by path.
    pub fn documents_by_path(&self) -> HashMap<&str, &DocumentEntry> {
        self.documents
            .iter()
            .map(|d| (d.path.as_str(), d))
            .collect()
    }
}

/// Finds the text an anchor points at.
struct Quoter<'a> {
    /// Claims by (document path, start, end).
    claims: HashMap<(&'a str, u64, u64), &'a str>,
    /// The stored documents by path, read once for every anchor.
    documents: HashMap<crate::relpath::RelPath, crate::store::StoredDocument>,
}

impl<'a> Quoter<'a> {
    fn new(store: &Store, claims: &'a [ClaimEntry]) -> Result<Self, StoreError> {
        let claims = claims
            .iter()
            .filter_map(|c| Some(((c.document.as_str(), c.start?, c.end?), c.text.as_str())))
            .collect();
        let documents = store
            .documents()?
            .into_iter()
            .map(|d| (d.path.clone(), d))
            .collect();
        Ok(Quoter { claims, documents })
    }

    fn quote(&self, store: &Store, anchor: &review::Anchor) -> Option<TextQuote> {
        let (start, end) = (anchor.start?, anchor.end?);
        let doc = self.documents.get(&anchor.path)?;
        if doc.sha256 != anchor.document_sha256 {
            return None;
        }
        let (_, text) = store.document_text(doc.id).ok()??;
        let encoding = doc.encoding.as_deref().unwrap_or("UTF-8");
        let plain = doc.kind.as_str() == "text";
        let original = |at: usize| {
            plain
                .then(|| crate::text::offsets::text_to_original(encoding, &text, at))
                .flatten()
                .map(|v| v as u64)
        };
        let path = anchor.path.to_string_lossy();
        // Plain text: the stored text is the file decoded, so the span maps
        // back exactly. HTML: the claim's sentence, found in the page's text.
        let mapped = if plain {
            text_offset(&text, start, &original).zip(text_offset(&text, end, &original))
        } else {
            None
        };
        let (from, to) = match mapped {
            Some(span) => span,
            None => {
                let exact = self.claims.get(&(path.as_ref(), start, end))?;
                let hits: Vec<usize> = text.match_indices(exact).map(|(i, _)| i).collect();
                let at = hits
                    .iter()
                    .copied()
                    .find(|&i| original(i) == Some(start))
                    .or_else(|| hits.first().copied())?;
                (at, at + exact.len())
            }
        };
        let before = &text[..from];
        let after = &text[to..];
        let prefix_start = before
            .char_indices()
            .rev()
            .nth(QUOTE_CONTEXT - 1)
            .map(|(i, _)| i)
            .unwrap_or(0);
        let suffix_end = after
            .char_indices()
            .nth(QUOTE_CONTEXT)
            .map(|(i, _)| i)
            .unwrap_or(after.len());
        Some(TextQuote {
            exact: text[from..to].to_owned(),
            prefix: before[prefix_start..].to_owned(),
            suffix: after[..suffix_end].to_owned(),
        })
    }
}

/// The offset in `text` whose byte offset in the original file is `target`
/// (offsets grow together, so a binary search over character boundaries).
fn text_offset(text: &str, target: u64, original: &impl Fn(usize) -> Option<u64>) -> Option<usize> {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let i = bounds.partition_point(|&b| original(b).is_some_and(|o| o < target));
    let at = *bounds.get(i)?;
    (original(at)? == target).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_offset_maps_back_to_the_text_offset_across_multibyte_text() {
        let text = "Café — 35 troops";
        // UTF-8 stored text of a UTF-8 file with a BOM: original = text + 3.
        let original = |at: usize| Some(at as u64 + 3);
        assert_eq!(text_offset(text, 3, &original), Some(0));
        let troops = text.find("35").unwrap();
        assert_eq!(
            text_offset(text, troops as u64 + 3, &original),
            Some(troops)
        );
        // The middle of a character is no text offset.
        assert_eq!(text_offset(text, 3 + 4, &original), None);
    }
}

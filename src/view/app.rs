//! What a window over the core needs beyond the CLI's one-shot runs: the
//! corpora this user has audited before, an overview of a store as it
//! stands (without ingesting), the documents and the claims a page at a
//! time, and one document ready to read with its outlet evidence marked in
//! the text.

use crate::ingest::IngestSummary;
use crate::outlets::SignalRecord;
use crate::outlets::registry::Registry;
use crate::relpath::RelPath;
use crate::store::{self, Store, StoreError};
use crate::view::json::{AuditReport, DocumentEntry};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A corpus with a store in the stores folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecentCorpus {
    pub root: String,
    pub store: String,
    pub documents: usize,
    /// When it was last ingested (RFC 3339), if ever.
    pub last_ingested_at: Option<String>,
    /// Whether the corpus folder is still there.
    pub exists: bool,
}

/// The folder that holds the default stores (`store::default_path`'s folder).
pub fn stores_dir() -> Result<PathBuf, StoreError> {
    let any = store::default_path(Path::new("corpus"))?;
    Ok(any
        .parent()
        .expect("a default store path has a folder")
        .to_path_buf())
}

/// The corpora whose stores are in `dir` (plus `extra`, a store chosen with
/// `PROVAUDIT_DB`), most recently ingested first. Stores that cannot be
/// opened (locked, newer, not a store) are left out rather than failing the
/// list.
pub fn recent_corpora(dir: &Path, extra: Option<&Path>) -> Vec<RecentCorpus> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "sqlite"))
                .collect()
        })
        .unwrap_or_default();
    if let Some(extra) = extra.filter(|p| p.is_file() && !paths.iter().any(|q| q == p)) {
        paths.push(extra.to_path_buf());
    }
    let mut out: Vec<RecentCorpus> = paths
        .iter()
        .filter_map(|path| {
            let store = Store::open_existing(path).ok()?;
            let root = store.corpus_root().ok()??;
            Some(RecentCorpus {
                exists: root.exists(),
                root: root.to_string_lossy().into_owned(),
                store: path.to_string_lossy().into_owned(),
                documents: store.documents().ok()?.len(),
                last_ingested_at: store
                    .ingest_runs()
                    .ok()?
                    .first()
                    .map(|r| r.started_at.clone()),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.last_ingested_at
            .cmp(&a.last_ingested_at)
            .then(a.root.cmp(&b.root))
    });
    out
}

/// Why the store a command means could not be found.
#[derive(Debug, thiserror::Error)]
pub enum LocateError {
    #[error("{file}: no such file")]
    NoSuchFile { file: PathBuf },
    #[error("{file}: no store holds this file")]
    NoStoreHolds { file: PathBuf },
    #[error("the store {store} holds no corpus yet")]
    NoCorpus { store: PathBuf },
    #[error("{file} is not inside the corpus {root} of this store")]
    OutsideCorpus { file: PathBuf, root: PathBuf },
    #[error("{id}: no store in {folder} holds this claim")]
    NoStoreHoldsClaim { id: String, folder: PathBuf },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Whether `path` names a page inside a web archive by its record's place
/// (`crawl.warc.gz/@896`) rather than a file.
pub fn names_a_record(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().starts_with(b"@"))
}

/// The store holding `file`, and its path relative to the store's corpus:
/// `db` when given, else the default store of the nearest folder above
/// `file` that has one. A page read from a web archive is named by the
/// archive's path and the record's place, `crawl.warc.gz/@896`.
pub fn store_for_file(db: Option<&Path>, file: &Path) -> Result<(Store, RelPath), LocateError> {
    let no_such_file = || LocateError::NoSuchFile {
        file: file.to_path_buf(),
    };
    // With the store named, a path as the store lists it ("003.txt",
    // "crawl.warc.gz/@896") names its document from any folder, and a
    // document whose file is gone from the corpus can still be shown.
    if let Some(db) = db
        && file.is_relative()
        && std::fs::symlink_metadata(file).is_err()
    {
        let store = Store::open_existing(db)?;
        let rel = RelPath::from_bytes(file.as_os_str().as_encoded_bytes().to_vec());
        if store.document_by_path(&rel)?.is_some() {
            return Ok((store, rel));
        }
    }
    let (abs, record) = match std::fs::canonicalize(file) {
        Ok(abs) => (abs, None),
        Err(_) => {
            // `crawl.warc.gz/@896`, or inside a WACZ
            // `site.wacz/archive/data.warc.gz/@896`: the nearest ancestor
            // that is a file is the archive; the rest names the record.
            let record_named = names_a_record(file);
            let archive = file.ancestors().skip(1).find(|p| p.is_file());
            match (record_named, archive) {
                (true, Some(archive)) => {
                    let rest = file
                        .strip_prefix(archive)
                        .map_err(|_| no_such_file())?
                        .as_os_str()
                        .as_encoded_bytes()
                        .to_vec();
                    (
                        std::fs::canonicalize(archive).map_err(|_| no_such_file())?,
                        Some(rest),
                    )
                }
                _ => return Err(no_such_file()),
            }
        }
    };
    let store = match db {
        Some(db) => Store::open_existing(db)?,
        None => {
            // A web archive opened on its own is a corpus of its own.
            let found = abs
                .ancestors()
                .find_map(|dir| store::default_path(dir).ok().filter(|p| p.is_file()));
            match found {
                Some(path) => Store::open_existing(&path)?,
                None => {
                    return Err(LocateError::NoStoreHolds {
                        file: file.to_path_buf(),
                    });
                }
            }
        }
    };
    let root = store.corpus_root()?.ok_or_else(|| LocateError::NoCorpus {
        store: store.path().to_path_buf(),
    })?;
    let corpus_is_this_file = abs == root && root.is_file();
    let mut rel = match abs.file_name() {
        Some(name) if corpus_is_this_file => RelPath::from_bytes(name.as_encoded_bytes().to_vec()),
        _ => RelPath::below(&root, &abs).ok_or_else(|| LocateError::OutsideCorpus {
            file: file.to_path_buf(),
            root: root.clone(),
        })?,
    };
    if let Some(record) = record {
        let mut bytes = rel.as_bytes().to_vec();
        bytes.push(b'/');
        bytes.extend_from_slice(&record);
        rel = RelPath::from_bytes(bytes);
    }
    Ok((store, rel))
}

/// The store holding claim or cluster `id`: `db` when given, else the one
/// store in the stores folder that has it.
pub fn store_for_claim(db: Option<&Path>, id: &str) -> Result<Store, LocateError> {
    if let Some(db) = db {
        return Ok(Store::open_existing(db)?);
    }
    let folder = stores_dir()?;
    for corpus in recent_corpora(&folder, None) {
        if let Ok(store) = Store::open_existing(Path::new(&corpus.store))
            && crate::view::json::ClusterDetail::find(&store, id)
                .ok()
                .flatten()
                .is_some()
        {
            return Ok(store);
        }
    }
    Err(LocateError::NoStoreHoldsClaim {
        id: id.to_owned(),
        folder,
    })
}

/// The report of what the store holds now, without reading the corpus: the
/// same shape as `audit --json`, with an empty run.
pub fn stored_report(store: &Store, registry: &Registry) -> Result<AuditReport, StoreError> {
    AuditReport::new(store, &IngestSummary::default(), registry)
}

/// What the desktop app opens with: the corpus, the last run, counts over
/// every document and the files that could not be stored — not the
/// documents themselves ([`documents_page`] reads them a page at a time) nor
/// the claims ([`claims_page`]), so a store of 100,000 documents opens at
/// once.
#[derive(Clone, Debug, Serialize)]
pub struct CorpusOverview {
    pub schema_version: u32,
    pub corpus: crate::view::json::CorpusEntry,
    /// The outlet registry the decisions were made with.
    pub registry_version: String,
    pub run: crate::view::json::RunEntry,
    pub totals: store::DocumentTotals,
    pub errors: Vec<crate::view::json::ErrorEntry>,
    pub warnings: Vec<crate::view::json::WarningEntry>,
}

impl CorpusOverview {
    /// The overview after `run` (the default: none, when the store is only
    /// reopened).
    pub fn new(
        store: &Store,
        run: &IngestSummary,
        registry: &Registry,
    ) -> Result<Self, StoreError> {
        let root = store.corpus_root()?.unwrap_or_default();
        Ok(CorpusOverview {
            schema_version: crate::view::json::SCHEMA_VERSION,
            corpus: crate::view::json::CorpusEntry {
                root: root.to_string_lossy().into_owned(),
                store: store.path().to_string_lossy().into_owned(),
            },
            registry_version: registry.version.clone(),
            run: crate::view::json::RunEntry::from(run),
            totals: store.document_totals()?,
            errors: run.errors.iter().map(Into::into).collect(),
            warnings: run.warnings.iter().map(Into::into).collect(),
        })
    }
}

/// The overview of a store as it stands, without reading the corpus.
pub fn stored_overview(store: &Store, registry: &Registry) -> Result<CorpusOverview, StoreError> {
    CorpusOverview::new(store, &IngestSummary::default(), registry)
}

/// A row of the Documents table: the document and its status in the latest
/// verification (`None`: not verified yet).
#[derive(Clone, Debug, Serialize)]
pub struct DocumentRow {
    #[serde(flatten)]
    pub document: DocumentEntry,
    pub status: Option<crate::verification::Status>,
}

/// One page of the Documents table.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentsPage {
    /// Documents matching the filters, in all, articles and others apart.
    pub total: u64,
    pub matching: store::KindCounts,
    pub offset: u64,
    pub documents: Vec<DocumentRow>,
}

/// `limit` documents from `offset` matching `query`, in its order, sorted
/// and filtered by the store.
pub fn documents_page(
    store: &Store,
    query: &store::DocumentQuery,
    offset: u64,
    limit: u64,
) -> Result<DocumentsPage, StoreError> {
    let (rows, matching) = store.document_page(query, offset, limit)?;
    let documents = rows
        .into_iter()
        .map(|(d, status)| {
            Ok(DocumentRow {
                document: DocumentEntry::read(store, &d)?,
                status,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(DocumentsPage {
        total: matching.articles + matching.others,
        matching,
        offset,
        documents,
    })
}

/// The counts above the claims list, and every conflict (a handful).
#[derive(Clone, Debug, Serialize)]
pub struct ClaimsOverview {
    pub totals: crate::store::ClusterTotals,
    /// The counts by corroboration class in words, echoes first (the line
    /// the CLI and the reports lead with).
    pub summary: String,
    pub conflicts: Vec<crate::view::json::ConflictEntry>,
}

pub fn claims_overview(store: &Store) -> Result<ClaimsOverview, StoreError> {
    let totals = store.cluster_totals()?;
    Ok(ClaimsOverview {
        summary: crate::view::json::ClaimCounts::from_totals(&totals).in_words(),
        totals,
        conflicts: crate::view::json::conflicts_section(store)?,
    })
}

/// A cluster in a list: its entry, the text and kind of its first claim and
/// how many claims it holds.
#[derive(Clone, Debug, Serialize)]
pub struct ClusterListItem {
    #[serde(flatten)]
    pub cluster: crate::view::json::ClusterEntry,
    pub text: String,
    pub kind: &'static str,
    pub claim_count: u64,
}

impl From<crate::store::ClusterRow> for ClusterListItem {
    fn from(r: crate::store::ClusterRow) -> Self {
        ClusterListItem {
            cluster: crate::view::json::ClusterEntry::from(&r.cluster),
            text: r.first_text,
            kind: r.first_kind.as_str(),
            claim_count: r.claim_count,
        }
    }
}

/// One page of the claims list.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimsPage {
    /// Clusters matching the filters, in all.
    pub total: u64,
    pub offset: u64,
    pub clusters: Vec<ClusterListItem>,
}

/// Which clusters a page holds, by the reviewer's verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewFilter {
    All,
    Unreviewed,
    Reviewed,
    Stale,
}

impl ReviewFilter {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "all" => ReviewFilter::All,
            "unreviewed" => ReviewFilter::Unreviewed,
            "reviewed" => ReviewFilter::Reviewed,
            "stale" => ReviewFilter::Stale,
            _ => return None,
        })
    }
}

/// `limit` clusters from `offset` carrying any of `flags` or of the
/// corroboration classes named there (all when empty) with the review
/// status asked for: echoes first, most documents first — the desktop's
/// main list. Reviewed and stale clusters are few, so they are
/// read by id; unreviewed ones are the list less those.
pub fn claims_page(
    store: &Store,
    flags: &[&str],
    review: ReviewFilter,
    offset: u64,
    limit: u64,
) -> Result<ClaimsPage, crate::review::ReviewError> {
    if review == ReviewFilter::All {
        let (rows, total) = store.cluster_page(flags, offset, limit)?;
        return Ok(ClaimsPage {
            total,
            offset,
            clusters: rows.into_iter().map(ClusterListItem::from).collect(),
        });
    }
    let state = crate::review::state(store)?;
    let status: std::collections::HashMap<&str, bool> = state
        .verdicts
        .values()
        .filter_map(|a| match &a.target {
            crate::review::Target::Cluster(id) => Some((id.as_str(), a.stale)),
            _ => None,
        })
        .collect();
    let wanted = |row: &crate::store::ClusterRow| {
        flags.is_empty()
            || flags.iter().any(|f| match *f {
                "single_source" => row.cluster.single_source,
                "single_primary" => row.cluster.single_primary,
                "single_alignment" => row.cluster.single_alignment,
                "conflicting" => row.cluster.conflicting,
                class => crate::claims::Corroboration::parse(class)
                    .is_some_and(|c| c == row.cluster.corroboration),
            })
    };
    if review == ReviewFilter::Unreviewed {
        let (_, flagged) = store.cluster_page(flags, 0, 0)?;
        let mut reviewed_here = 0;
        for id in status.keys() {
            if let Some(row) = store.cluster_row(id)?
                && wanted(&row)
            {
                reviewed_here += 1;
            }
        }
        // The reviewed ones in the first offset + limit + reviewed rows are
        // at most all of them: read that many and drop them.
        let (rows, _) = store.cluster_page(flags, 0, offset + limit + reviewed_here)?;
        let clusters = rows
            .into_iter()
            .filter(|r| !status.contains_key(r.cluster.key.as_str()))
            .skip(offset as usize)
            .take(limit as usize)
            .map(ClusterListItem::from)
            .collect();
        return Ok(ClaimsPage {
            total: flagged - reviewed_here,
            offset,
            clusters,
        });
    }
    let stale = review == ReviewFilter::Stale;
    let mut rows = Vec::new();
    for (id, is_stale) in &status {
        if *is_stale == stale
            && let Some(row) = store.cluster_row(id)?
            && wanted(&row)
        {
            rows.push(row);
        }
    }
    rows.sort_by(|a, b| {
        a.cluster
            .corroboration
            .cmp(&b.cluster.corroboration)
            .then(b.cluster.documents.len().cmp(&a.cluster.documents.len()))
            .then(a.cluster.key.cmp(&b.cluster.key))
    });
    Ok(ClaimsPage {
        total: rows.len() as u64,
        offset,
        clusters: rows
            .into_iter()
            .skip(offset as usize)
            .take(limit as usize)
            .map(ClusterListItem::from)
            .collect(),
    })
}

/// A document path from the app: the string, or when the name is not UTF-8
/// the exact bytes in hex (`path_bytes_hex` of the report).
pub fn rel_path(path: &str, path_bytes_hex: Option<&str>) -> RelPath {
    let bytes = path_bytes_hex.and_then(crate::review::unhex);
    RelPath::from_bytes(bytes.unwrap_or_else(|| path.as_bytes().to_vec()))
}

/// A run of a document's text, marked when it is evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    /// `publisher` or `origin` (the decision's evidence), or the role of
    /// another signal (`mention`, `photo_credit`…); `None` for plain text.
    pub mark: Option<String>,
    /// What the mark means, in words (rule, line, outlet).
    pub label: Option<String>,
}

/// One document ready to read.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentView {
    pub document: DocumentEntry,
    /// Its status in the latest verification; `None`: not verified yet.
    pub status: Option<crate::verification::Status>,
    pub title: Option<String>,
    /// The stored text, cut at the evidence; empty when it has no text.
    pub segments: Vec<Segment>,
    pub signals: Vec<SignalRecord>,
    /// Evidence that could not be found in the text shown (HTML metadata,
    /// text split by markup).
    pub unlocated: Vec<String>,
}

/// The document at `path` with its evidence marked, or `None` when the store
/// does not hold it.
pub fn document_view(store: &Store, path: &RelPath) -> Result<Option<DocumentView>, StoreError> {
    let Some(doc) = store.document_by_path(path)? else {
        return Ok(None);
    };
    let entry = DocumentEntry::read(store, &doc)?;
    let signals = store.outlet_signals(doc.id)?;
    let (title, text) = match store.document_text(doc.id)? {
        Some((title, text)) => (title, text),
        None => (None, String::new()),
    };
    let mut wanted: Vec<Evidence> = Vec::new();
    for (role, party) in [("publisher", &entry.publisher), ("origin", &entry.origin)] {
        if let Some(p) = party.as_ref().filter(|p| !p.manual) {
            wanted.push(Evidence {
                mark: role,
                text: p.evidence.text.clone(),
                start: p.evidence.start,
                label: format!(
                    "{role}: {} — {}, line {}",
                    p.name,
                    p.evidence.rule.replace('_', " "),
                    p.evidence
                        .line
                        .map(|l| l.to_string())
                        .unwrap_or_else(|| "?".into())
                ),
            });
        }
    }
    for s in &signals {
        wanted.push(Evidence {
            mark: match s.role.as_str() {
                "publisher" | "origin" => "signal",
                "mention" => "mention",
                _ => "photo_credit",
            },
            text: s.text.clone(),
            start: s.start,
            label: format!(
                "{}: {} — {}",
                s.role.replace('_', " "),
                s.name,
                s.rule.replace('_', " ")
            ),
        });
    }
    let encoding = doc.encoding.as_deref().unwrap_or("UTF-8");
    let is_plain = doc.kind.as_str() == "text";
    let (segments, unlocated) = mark_evidence(&text, &wanted, |at| {
        if is_plain {
            crate::text::offsets::text_to_original(encoding, &text, at).map(|v| v as u64)
        } else {
            None
        }
    });
    Ok(Some(DocumentView {
        status: store.latest_status(&doc.path)?,
        document: entry,
        title,
        segments,
        signals,
        unlocated,
    }))
}

struct Evidence {
    mark: &'static str,
    text: String,
    /// Byte offset in the original file, when known.
    start: Option<u64>,
    label: String,
}

/// Cuts `text` into segments with each piece of evidence marked once. Among
/// the places the evidence text occurs, the one whose offset in the original
/// file (`original(at)`) is the recorded one wins; else the first. Earlier
/// evidence wins an overlap (the decision's before the other signals).
fn mark_evidence(
    text: &str,
    wanted: &[Evidence],
    original: impl Fn(usize) -> Option<u64>,
) -> (Vec<Segment>, Vec<String>) {
    let mut ranges: Vec<(usize, usize, &Evidence)> = Vec::new();
    let mut unlocated = Vec::new();
    for ev in wanted {
        if ev.text.is_empty() {
            continue;
        }
        let hits: Vec<usize> = text.match_indices(&ev.text).map(|(i, _)| i).collect();
        let at = hits
            .iter()
            .copied()
            .find(|&i| ev.start.is_some() && original(i) == ev.start)
            .or_else(|| hits.first().copied());
        match at {
            Some(at) => {
                let end = at + ev.text.len();
                if !ranges.iter().any(|(s, e, _)| at < *e && *s < end) {
                    ranges.push((at, end, ev));
                }
            }
            None => {
                if ev.mark == "publisher" || ev.mark == "origin" {
                    unlocated.push(ev.label.clone());
                }
            }
        }
    }
    ranges.sort_by_key(|r| r.0);
    let mut segments = Vec::new();
    let mut pos = 0;
    for (start, end, ev) in ranges {
        if start > pos {
            segments.push(Segment {
                text: text[pos..start].to_owned(),
                mark: None,
                label: None,
            });
        }
        segments.push(Segment {
            text: text[start..end].to_owned(),
            mark: Some(ev.mark.to_owned()),
            label: Some(ev.label.clone()),
        });
        pos = end;
    }
    if pos < text.len() {
        segments.push(Segment {
            text: text[pos..].to_owned(),
            mark: None,
            label: None,
        });
    }
    (segments, unlocated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(mark: &'static str, text: &str, start: Option<u64>) -> Evidence {
        Evidence {
            mark,
            text: text.into(),
            start,
            label: mark.into(),
        }
    }

    #[test]
    fn evidence_is_marked_where_the_recorded_offset_says() {
        let text = "Iran Press TV\n\nHaftar rejects…\n\nIran Press TV\nbody";
        let second = text.rfind("Iran Press TV").unwrap();
        let (segments, unlocated) = mark_evidence(
            text,
            &[ev("origin", "Iran Press TV", Some(second as u64))],
            |i| Some(i as u64),
        );
        assert!(unlocated.is_empty());
        let marked: Vec<_> = segments.iter().filter(|s| s.mark.is_some()).collect();
        assert_eq!(marked.len(), 1);
        let before: usize = segments
            .iter()
            .take_while(|s| s.mark.is_none())
            .map(|s| s.text.len())
            .sum();
        assert_eq!(before, second);
        assert_eq!(
            segments.iter().map(|s| s.text.as_str()).collect::<String>(),
            text
        );
    }

    #[test]
    fn overlapping_evidence_keeps_the_decision_and_unfound_evidence_is_listed() {
        let text = "SOURCE: AL JAZEERA AND NEWS AGENCIES";
        let (segments, unlocated) = mark_evidence(
            text,
            &[
                ev("origin", "AL JAZEERA", None),
                ev("mention", "JAZEERA AND", None),
                ev("publisher", "not in the text", None),
            ],
            |_| None,
        );
        let marks: Vec<_> = segments.iter().filter_map(|s| s.mark.as_deref()).collect();
        assert_eq!(marks, ["origin"]);
        assert_eq!(unlocated, ["publisher"]);
    }

    #[test]
    fn a_path_comes_back_from_its_hex_bytes() {
        assert_eq!(
            rel_path("caf\u{fffd}.txt", Some("636166e92e747874")).as_bytes(),
            b"caf\xe9.txt"
        );
        assert_eq!(rel_path("a.txt", None).as_bytes(), b"a.txt");
    }
}

//! The JSON documents that `provaudit audit --json` and `verify --json`
//! print, and that the desktop app and the reports read. These shapes are the
//! contract described in `docs/json-schema.md`: fields are added, never
//! renamed or removed, without raising `schema_version`.

use crate::ingest::IngestSummary;
use crate::outlets::registry::Registry;
use crate::outlets::{Alignment, OutletRecord, Party, SignalRecord};
use crate::relpath::RelPath;
use crate::scan::FileProblem;
use crate::store::{IngestRunSummary, Store, StoreError, StoredDocument, VerificationSummary};
use crate::verification::{Counts, Status, Verification};
use chrono::{DateTime, SecondsFormat};
use serde::Serialize;

/// The version of the JSON documents below.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize)]
pub struct Program {
    pub name: &'static str,
    pub version: &'static str,
}

/// This program, as every JSON document names it.
pub const PROGRAM: Program = Program {
    name: "provaudit",
    version: crate::VERSION,
};

/// A path as JSON carries it: the string, and when the name is not valid
/// UTF-8 (so the string had to replace bytes) the exact bytes in hex.
fn path_bytes_hex(path: &RelPath) -> Option<String> {
    (!path.is_utf8()).then(|| crate::fingerprint::hex(path.as_bytes()))
}

/// `audit --json`.
#[derive(Clone, Debug, Serialize)]
pub struct AuditReport {
    pub schema_version: u32,
    pub program: Program,
    pub corpus: CorpusEntry,
    /// The outlet registry the decisions were made with.
    pub registry_version: String,
    pub run: RunEntry,
    pub documents: Vec<DocumentEntry>,
    /// Claims extracted from the documents.
    pub claims: Vec<ClaimEntry>,
    /// The same claim across documents, flagged clusters first.
    pub clusters: Vec<ClusterEntry>,
    /// Different figures for the same quantity.
    pub conflicts: Vec<ConflictEntry>,
    pub errors: Vec<ErrorEntry>,
    pub warnings: Vec<WarningEntry>,
    /// Text reuse imported from a job elsewhere (`import reuse`), when the
    /// claims stage takes its pairs instead of its own reuse step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reuse_import: Option<crate::store::ReuseImport>,
    /// How long each step took (`audit --timings`); not part of the JSON.
    #[serde(skip)]
    pub timings: crate::progress::Timings,
}

#[derive(Clone, Debug, Serialize)]
pub struct CorpusEntry {
    pub root: String,
    pub store: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct RunEntry {
    pub id: i64,
    pub files_seen: u64,
    pub bytes: u64,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    /// Of the unchanged files, those read again because their stored text
    /// came from an older version of the text extraction.
    pub reextracted: u64,
    pub errors: u64,
    pub cancelled: bool,
    /// Paths in the store that are no longer in the folder.
    pub gone: Vec<String>,
    pub complete: bool,
    pub elapsed_ms: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct DocumentEntry {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes_hex: Option<String>,
    pub sha256: String,
    pub text_sha256: Option<String>,
    pub bytes: u64,
    pub encoding: Option<String>,
    pub content_kind: &'static str,
    pub mtime: Option<String>,
    pub first_ingested_at: String,
    pub ingested_at: String,
    pub notes: Vec<String>,
    /// Whose site or outlet this copy comes from; `null` when unidentified.
    pub publisher: Option<PartyEntry>,
    /// Who produced the text; `null` when unidentified.
    pub origin: Option<PartyEntry>,
    /// `original`, `republished`, `syndicated_wire`, `unknown` or `digest`.
    pub relation: String,
    /// Documents with the same origin group share a producer.
    pub origin_group: Option<String>,
    /// Other producers the text credits beside its origin (`(AFP/APP)`):
    /// in a claim, the document counts as one origin with any of them.
    pub co_producers: Vec<crate::outlets::CoProducer>,
    /// Who stands behind the origin.
    pub alignment: Option<Alignment>,
    /// Outlets the text names that were not taken as publisher or origin.
    pub outlet_candidates: Vec<String>,
    pub outlet_explanation: Option<String>,
    /// Other documents sharing most of this one's passages.
    pub text_reuse: Vec<ReuseEntry>,
    /// The day the document reports from, as its text states it (dateline
    /// or date line), with the words and where; `null` when it says none.
    pub date: Option<crate::claims::DocumentDate>,
    /// Where and when the page was captured, as the capture states it
    /// (an MHTML file, a browser's saved page); `null` for other files.
    pub capture: Option<crate::text::Capture>,
    /// The page reports a day after the one it was captured on (allowing
    /// for every time zone): its date or the capture's time is wrong, in
    /// words; absent when they agree or either is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dated_after_capture: Option<String>,
}

/// A page published after it was captured cannot be: the day it reports
/// (`date`, from its dateline or metadata) against the instant the capture
/// states (`capture.at`, UTC). A page's own day may run up to one day ahead
/// of UTC (UTC+14), so only a day later than that is named.
pub fn dated_after_capture(
    date: &crate::claims::DocumentDate,
    capture: &crate::text::Capture,
) -> Option<String> {
    let reported = chrono::NaiveDate::from_ymd_opt(
        i32::from(date.year?),
        u32::from(date.month),
        u32::from(date.day),
    )?;
    let at = DateTime::parse_from_rfc3339(capture.at.as_deref()?).ok()?;
    let latest = at.naive_utc().date().succ_opt()?;
    (reported > latest).then(|| {
        format!(
            "reports {} (‘{}’) but was captured on {} UTC, before that day: the page's date or the capture's time is wrong — check both before relying on either",
            reported,
            date.text,
            at.naive_utc().format("%Y-%m-%d %H:%M"),
        )
    })
}

impl DocumentEntry {
    /// In a PDF (`page_lines`: where its pages start), the page of each
    /// piece of evidence and of the date line.
    fn on_pages(&mut self, page_lines: Option<&[u64]>) {
        let Some(pages) = page_lines else {
            return;
        };
        let page = |line: Option<u64>| line.map(|l| crate::text::page_of(pages, l));
        for party in [&mut self.publisher, &mut self.origin]
            .into_iter()
            .flatten()
        {
            if !party.manual {
                party.evidence.page = page(party.evidence.line);
            }
        }
        if let Some(date) = &mut self.date {
            date.page = page(date.line);
        }
    }

    /// Sets the document's day and capture, and what one says of the other.
    fn dated_and_captured(
        &mut self,
        date: Option<crate::claims::DocumentDate>,
        capture: Option<crate::text::Capture>,
    ) {
        self.dated_after_capture = date
            .as_ref()
            .zip(capture.as_ref())
            .and_then(|(d, c)| dated_after_capture(d, c));
        self.date = date;
        self.capture = capture;
    }
}

/// Text shared with another document.
impl From<&IngestSummary> for RunEntry {
    fn from(summary: &IngestSummary) -> Self {
        RunEntry {
            id: summary.run_id,
            files_seen: summary.totals.files_seen,
            bytes: summary.bytes,
            added: summary.totals.added,
            changed: summary.totals.changed,
            unchanged: summary.totals.unchanged,
            reextracted: summary.reextracted,
            errors: summary.totals.errors,
            cancelled: summary.totals.cancelled,
            gone: summary
                .gone
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect(),
            complete: summary.complete(),
            elapsed_ms: summary.elapsed.as_millis() as u64,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ReuseEntry {
    pub document: String,
    /// `copy_of`: this document's text is largely in `document`;
    /// `copied_in`: `document`'s text is largely in this one.
    pub relation: &'static str,
    /// Share of the smaller document's 5-word passages found in the larger.
    pub containment: f64,
}

/// One claim.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimEntry {
    pub id: String,
    pub document: String,
    pub text: String,
    /// Byte range and line in the original file.
    pub start: Option<u64>,
    pub end: Option<u64>,
    pub line: Option<u64>,
    pub kind: &'static str,
    pub speaker: Option<String>,
    pub attribution: Option<String>,
    pub quantities: Vec<crate::claims::extract::Quantity>,
    pub cluster: String,
    /// The page of a PDF the claim is on (`line` is then the line of the
    /// text read from it); absent for other documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
}

/// One claim across documents.
#[derive(Clone, Debug, Serialize)]
pub struct ClusterEntry {
    pub id: String,
    pub claims: Vec<String>,
    pub documents: Vec<String>,
    pub origin_groups: Vec<crate::claims::OriginGroup>,
    /// Origins whose producer is known; documents of unknown origin are
    /// counted in `unknown_origin_documents`, never here.
    pub independent_origins: usize,
    pub unknown_origin_documents: usize,
    /// `echo`, `unresolved`, `corroborated` or `single_document`.
    pub corroboration: crate::claims::Corroboration,
    /// One source at most is established: every class but corroborated.
    pub single_source: bool,
    pub primary_sources: Vec<String>,
    pub single_primary: bool,
    pub single_alignment: bool,
    pub conflicting: bool,
    /// A summary, then the flags in words.
    pub explanation: String,
    /// Every document: its producer and how that was established.
    pub evidence: Vec<std::sync::Arc<crate::claims::DocumentEvidence>>,
}

/// Different figures for one quantity.
#[derive(Clone, Debug, Serialize)]
pub struct ConflictEntry {
    pub clusters: Vec<String>,
    pub quantity: String,
    pub values: Vec<ConflictValueEntry>,
    /// A count of people whose reports are not all of one known day: the
    /// figures may be one toll rising over time rather than sources
    /// disagreeing (the values' `reported` days say which).
    pub may_be_a_timeline: bool,
}

/// One of the different figures, with the day its document reports from.
#[derive(Clone, Debug, Serialize)]
pub struct ConflictValueEntry {
    #[serde(flatten)]
    pub figure: crate::claims::ConflictValue,
    /// The day the document reports from (`2020-08-05`, `--08-05` without
    /// a year), when its text or page says.
    pub reported: Option<String>,
}

impl std::ops::Deref for ConflictValueEntry {
    type Target = crate::claims::ConflictValue;
    fn deref(&self) -> &Self::Target {
        &self.figure
    }
}

impl ClaimEntry {
    /// A stored claim of the document at `document`.
    pub fn new(c: crate::claims::Claim, document: String) -> Self {
        ClaimEntry {
            id: c.key,
            document,
            text: c.text,
            start: c.start,
            end: c.end,
            line: c.line,
            kind: c.kind.as_str(),
            speaker: c.speaker,
            attribution: c.attribution,
            quantities: c.quantities,
            cluster: c.cluster_key,
            page: c.page,
        }
    }
}

impl ClusterEntry {
    /// Carries a flag beside its class: a single primary source, a single
    /// alignment or conflicting figures (flagged clusters come first within
    /// a class).
    pub fn has_flag(&self) -> bool {
        self.single_primary || self.single_alignment || self.conflicting
    }

    /// How many origins stand behind the claim, in words, documents of
    /// unknown origin counted apart: "2 independent origins", "1
    /// independent origin and 2 documents of unknown origin", "no known
    /// origin: 3 documents of unknown origin". Every report and the CLI say
    /// it this way.
    pub fn origins_in_words(&self) -> String {
        let known = match self.independent_origins {
            1 => "1 independent origin".to_owned(),
            n => format!("{n} independent origins"),
        };
        match (self.independent_origins, self.unknown_origin_documents) {
            (_, 0) => known,
            (0, 1) => "no known origin: 1 document of unknown origin".to_owned(),
            (0, u) => format!("no known origin: {u} documents of unknown origin"),
            (_, 1) => format!("{known} and 1 document of unknown origin"),
            (_, u) => format!("{known} and {u} documents of unknown origin"),
        }
    }
}

impl From<&crate::claims::Cluster> for ClusterEntry {
    fn from(c: &crate::claims::Cluster) -> Self {
        ClusterEntry {
            id: c.key.clone(),
            claims: c.claims.clone(),
            documents: c.documents.clone(),
            origin_groups: c.origin_groups.clone(),
            independent_origins: c.independent_origins,
            unknown_origin_documents: c.unknown_origin_documents(),
            corroboration: c.corroboration,
            single_source: c.single_source,
            primary_sources: c.primary_sources.clone(),
            single_primary: c.single_primary,
            single_alignment: c.single_alignment,
            conflicting: c.conflicting,
            explanation: c.explanation.clone(),
            evidence: c.evidence.clone(),
        }
    }
}

/// The claims part of a report.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimsSection {
    pub claims: Vec<ClaimEntry>,
    pub clusters: Vec<ClusterEntry>,
    pub conflicts: Vec<ConflictEntry>,
}

/// Every document the store holds, with what the outlets stage found and the
/// text it shares with other documents.
pub fn documents_section(store: &Store) -> Result<Vec<DocumentEntry>, StoreError> {
    let outlets = store.outlet_records()?;
    let documents = store.documents()?;
    let path_of: std::collections::HashMap<i64, String> = documents
        .iter()
        .map(|d| (d.id, d.path.to_string_lossy().into_owned()))
        .collect();
    let mut reuse: std::collections::HashMap<i64, Vec<ReuseEntry>> =
        std::collections::HashMap::new();
    for r in store.reuse()? {
        reuse.entry(r.document_id).or_default().push(ReuseEntry {
            document: path_of[&r.source_document_id].clone(),
            relation: "copy_of",
            containment: r.containment,
        });
        reuse
            .entry(r.source_document_id)
            .or_default()
            .push(ReuseEntry {
                document: path_of[&r.document_id].clone(),
                relation: "copied_in",
                containment: r.containment,
            });
    }
    // Copies first, then by path, as `Store::reuse_of` lists them: the same
    // order on every run (rows are stored in document id order, and ids
    // follow the order files were ingested in).
    for entries in reuse.values_mut() {
        entries.sort_by(|a, b| {
            (a.relation != "copy_of", &a.document).cmp(&(b.relation != "copy_of", &b.document))
        });
    }
    let mut dates = store.document_dates()?;
    let mut captures = store.captures()?;
    let page_lines = store.page_lines()?;
    Ok(documents
        .iter()
        .map(|d| {
            let mut entry = DocumentEntry::with_outlets(d, outlets.get(&d.id));
            entry.text_reuse = reuse.remove(&d.id).unwrap_or_default();
            entry.dated_and_captured(dates.remove(&d.id), captures.remove(&d.id));
            entry.on_pages(page_lines.get(&d.id).map(Vec::as_slice));
            entry
        })
        .collect())
}

/// Conflicting figures, read from the store.
pub fn conflicts_section(store: &Store) -> Result<Vec<ConflictEntry>, StoreError> {
    let conflicts = store.conflicts()?;
    if conflicts.is_empty() {
        return Ok(Vec::new());
    }
    let mut dates = store.document_dates()?;
    let reported: std::collections::HashMap<String, String> = store
        .documents()?
        .into_iter()
        .filter_map(|d| {
            let date = dates.remove(&d.id)?;
            Some((d.path.to_string_lossy().into_owned(), date.date))
        })
        .collect();
    Ok(conflicts
        .into_iter()
        .map(|c| {
            let values: Vec<ConflictValueEntry> = c
                .values
                .into_iter()
                .map(|v| ConflictValueEntry {
                    reported: reported.get(&v.document).cloned(),
                    figure: v,
                })
                .collect();
            ConflictEntry {
                may_be_a_timeline: crate::claims::may_be_a_timeline(
                    &c.quantity,
                    values
                        .iter()
                        .map(|v| (v.document.as_str(), v.reported.as_deref(), v.value)),
                ),
                clusters: c.clusters,
                quantity: c.quantity,
                values,
            }
        })
        .collect())
}

/// The claims part of a report, read from the store.
pub fn claims_section(store: &Store) -> Result<ClaimsSection, StoreError> {
    let mut claims = Vec::new();
    store.each_claim_by_path(&mut |claim, path| {
        claims.push(ClaimEntry::new(claim, path));
        true
    })?;
    let clusters = store
        .clusters(false, None)?
        .iter()
        .map(ClusterEntry::from)
        .collect();
    let conflicts = conflicts_section(store)?;
    Ok(ClaimsSection {
        claims,
        clusters,
        conflicts,
    })
}

/// A publisher or origin with the evidence for it.
#[derive(Clone, Debug, Serialize)]
pub struct PartyEntry {
    pub name: String,
    pub outlet_id: Option<String>,
    pub evidence: EvidenceEntry,
    pub confidence: f64,
    /// Set by the reviewer rather than found in the text.
    pub manual: bool,
    pub basis: String,
}

/// Where the evidence is: byte range in the original file (`null` when it
/// cannot be located) and 1-based line.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceEntry {
    pub text: String,
    pub start: Option<u64>,
    pub end: Option<u64>,
    pub line: Option<u64>,
    pub rule: String,
    /// In a PDF: the page the evidence is on (`line` counts in the text
    /// read from it); absent for other documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
}

impl From<&Party> for PartyEntry {
    fn from(p: &Party) -> Self {
        PartyEntry {
            name: p.name.clone(),
            outlet_id: p.outlet_id.clone(),
            evidence: EvidenceEntry {
                text: p.text.clone(),
                start: p.start,
                end: p.end,
                line: p.line,
                rule: p.rule.clone(),
                page: None,
            },
            confidence: p.confidence,
            manual: p.manual,
            basis: p.basis.clone(),
        }
    }
}

impl DocumentEntry {
    /// A document with the outlets stage's findings, when it has run.
    /// One document as the store holds it, with what the analysis found
    /// (outlets, text reuse, date), read by its id: what `show`, the app's
    /// document view and the Documents table's rows build on.
    pub fn read(store: &Store, d: &StoredDocument) -> Result<Self, StoreError> {
        let mut entry = DocumentEntry::with_outlets(d, store.outlet_record(d.id)?.as_ref());
        entry.text_reuse = store
            .reuse_of(d.id)?
            .into_iter()
            .map(|(path, relation, containment)| ReuseEntry {
                document: path.to_string_lossy().into_owned(),
                relation,
                containment,
            })
            .collect();
        entry.dated_and_captured(store.document_date(d.id)?, store.capture_of(d.id)?);
        entry.on_pages(store.page_lines_of(d.id)?.as_deref());
        Ok(entry)
    }

    pub fn with_outlets(d: &StoredDocument, outlets: Option<&OutletRecord>) -> Self {
        let mut entry = DocumentEntry::from(d);
        if let Some(o) = outlets {
            entry.publisher = o.publisher.as_ref().map(PartyEntry::from);
            entry.origin = o.origin.as_ref().map(PartyEntry::from);
            entry.relation = o.relation.clone();
            entry.origin_group = Some(o.origin_group.clone());
            entry.co_producers = o.co_producers.clone();
            entry.alignment = Some(o.alignment.clone());
            entry.outlet_candidates = o.candidates.clone();
            entry.outlet_explanation = Some(o.explanation.clone());
        }
        entry
    }
}

impl From<&StoredDocument> for DocumentEntry {
    fn from(d: &StoredDocument) -> Self {
        DocumentEntry {
            path: d.path.to_string_lossy().into_owned(),
            path_bytes_hex: path_bytes_hex(&d.path),
            sha256: d.sha256.clone(),
            text_sha256: d.text_sha256.clone(),
            bytes: d.bytes,
            encoding: d.encoding.clone(),
            content_kind: d.kind.as_str(),
            mtime: d.mtime_ns.map(|ns| {
                DateTime::from_timestamp_nanos(ns).to_rfc3339_opts(SecondsFormat::Nanos, true)
            }),
            first_ingested_at: d.first_ingested_at.clone(),
            ingested_at: d.ingested_at.clone(),
            notes: d.notes.clone(),
            publisher: None,
            origin: None,
            relation: "unknown".into(),
            origin_group: None,
            co_producers: Vec::new(),
            alignment: None,
            outlet_candidates: Vec::new(),
            outlet_explanation: None,
            text_reuse: Vec::new(),
            date: None,
            capture: None,
            dated_after_capture: None,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ErrorEntry {
    pub path: String,
    pub error: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct WarningEntry {
    pub path: String,
    pub warning: String,
}

impl From<&FileProblem> for ErrorEntry {
    fn from(p: &FileProblem) -> Self {
        ErrorEntry {
            path: p.path.to_string_lossy().into_owned(),
            error: p.message.clone(),
        }
    }
}

impl From<&FileProblem> for WarningEntry {
    fn from(p: &FileProblem) -> Self {
        WarningEntry {
            path: p.path.to_string_lossy().into_owned(),
            warning: p.message.clone(),
        }
    }
}

impl AuditReport {
    /// [`AuditReport::new`] without `claims` and `clusters` (empty lists):
    /// what the desktop app opens with; its claims screens read pages.
    pub fn without_claims(
        store: &Store,
        summary: &IngestSummary,
        registry: &Registry,
    ) -> Result<Self, StoreError> {
        let mut report = Self::build(store, summary, registry, false)?;
        report.conflicts = conflicts_section(store)?;
        Ok(report)
    }

    /// The report of an audit: every document the store holds, with what the
    /// analysis stages found.
    pub fn new(
        store: &Store,
        summary: &IngestSummary,
        registry: &Registry,
    ) -> Result<Self, StoreError> {
        Self::build(store, summary, registry, true)
    }

    fn build(
        store: &Store,
        summary: &IngestSummary,
        registry: &Registry,
        with_claims: bool,
    ) -> Result<Self, StoreError> {
        let root = store.corpus_root()?.unwrap_or_default();
        let ClaimsSection {
            claims,
            clusters,
            conflicts,
        } = if with_claims {
            claims_section(store)?
        } else {
            ClaimsSection {
                claims: Vec::new(),
                clusters: Vec::new(),
                conflicts: Vec::new(),
            }
        };
        let documents = documents_section(store)?;
        Ok(AuditReport {
            schema_version: SCHEMA_VERSION,
            program: PROGRAM,
            corpus: CorpusEntry {
                root: root.to_string_lossy().into_owned(),
                store: store.path().to_string_lossy().into_owned(),
            },
            registry_version: registry.version.clone(),
            run: RunEntry::from(summary),
            documents,
            claims,
            clusters,
            conflicts,
            errors: summary.errors.iter().map(ErrorEntry::from).collect(),
            warnings: summary.warnings.iter().map(WarningEntry::from).collect(),
            reuse_import: store.reuse_import()?,
            timings: Default::default(),
        })
    }
}

/// `audit --json` written as it is read: the report's documents,
/// conflicts, errors and warnings as [`AuditReport::without_claims`] holds
/// them, and its claims and clusters read from the store one at a time while
/// they are written. The same JSON as [`AuditReport::new`] serialised, without
/// holding two million claims (at 100,000 documents the whole report held
/// 6.3 GB).
pub struct StreamedAuditReport<'r> {
    /// Built by [`AuditReport::without_claims`]: its `claims` and
    /// `clusters` are empty and are not written.
    pub report: &'r AuditReport,
    pub store: &'r Store,
}

impl Serialize for StreamedAuditReport<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let r = self.report;
        let mut out = serializer.serialize_struct("AuditReport", 12)?;
        out.serialize_field("schema_version", &r.schema_version)?;
        out.serialize_field("program", &r.program)?;
        out.serialize_field("corpus", &r.corpus)?;
        out.serialize_field("registry_version", &r.registry_version)?;
        out.serialize_field("run", &r.run)?;
        out.serialize_field("documents", &r.documents)?;
        out.serialize_field("claims", &ClaimsOf(self.store))?;
        out.serialize_field("clusters", &ClustersOf(self.store))?;
        out.serialize_field("conflicts", &r.conflicts)?;
        out.serialize_field("errors", &r.errors)?;
        out.serialize_field("warnings", &r.warnings)?;
        if r.reuse_import.is_some() {
            out.serialize_field("reuse_import", &r.reuse_import)?;
        } else {
            out.skip_field("reuse_import")?;
        }
        out.end()
    }
}

/// A list written while `read` hands its items over, one at a time.
fn serialize_streamed<S: serde::Serializer, T: Serialize>(
    serializer: S,
    read: impl FnOnce(&mut dyn FnMut(T) -> bool) -> Result<(), StoreError>,
) -> Result<S::Ok, S::Error> {
    use serde::ser::{Error, SerializeSeq};
    let mut seq = serializer.serialize_seq(None)?;
    let mut failed = None;
    read(&mut |item| match seq.serialize_element(&item) {
        Ok(()) => true,
        Err(e) => {
            failed = Some(e);
            false
        }
    })
    .map_err(S::Error::custom)?;
    match failed {
        Some(e) => Err(e),
        None => seq.end(),
    }
}

/// The store's claims as [`claims_section`] lists them, read while written.
struct ClaimsOf<'s>(&'s Store);

impl Serialize for ClaimsOf<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_streamed(serializer, |each| {
            self.0
                .each_claim_by_path(&mut |claim, path| each(ClaimEntry::new(claim, path)))
        })
    }
}

/// The store's clusters in review order, read while written.
struct ClustersOf<'s>(&'s Store);

impl Serialize for ClustersOf<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_streamed(serializer, |each| {
            self.0
                .each_cluster(&mut |cluster| each(ClusterEntry::from(&cluster)))
        })
    }
}

/// `verify --json`.
/// `verify --bag --json`: a received bag's check.
#[derive(Clone, Debug, Serialize)]
pub struct BagReport<'a> {
    pub schema_version: u32,
    pub program: Program,
    /// The bag folder as given.
    pub bag: String,
    #[serde(flatten)]
    pub check: &'a crate::bag::BagCheck,
}

impl<'a> BagReport<'a> {
    pub fn new(bag: &std::path::Path, check: &'a crate::bag::BagCheck) -> Self {
        BagReport {
            schema_version: SCHEMA_VERSION,
            program: PROGRAM,
            bag: bag.to_string_lossy().into_owned(),
            check,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct VerifyReport {
    pub schema_version: u32,
    pub program: Program,
    pub root: String,
    /// `store`, or `sha256sum:PATH` / `bagit:PATH`.
    pub against: String,
    /// The store's id for this verification, when it was recorded.
    pub verification_id: Option<i64>,
    pub started_at: String,
    pub finished_at: String,
    pub all_ok: bool,
    pub counts: Counts,
    pub files: Vec<FileEntry>,
    pub skipped: Vec<WarningEntry>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FileEntry {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes_hex: Option<String>,
    pub status: Status,
    pub expected_sha256: Option<String>,
    pub actual_sha256: Option<String>,
    pub other_path: Option<String>,
    pub message: Option<String>,
}

impl From<&Verification> for VerifyReport {
    fn from(v: &Verification) -> Self {
        VerifyReport {
            schema_version: SCHEMA_VERSION,
            program: PROGRAM,
            root: v.root.to_string_lossy().into_owned(),
            against: v.against.clone(),
            verification_id: v.id,
            started_at: v.started_at.clone(),
            finished_at: v.finished_at.clone(),
            all_ok: v.all_ok(),
            counts: v.counts(),
            files: v
                .checks
                .iter()
                .map(|c| FileEntry {
                    path: c.path.to_string_lossy().into_owned(),
                    path_bytes_hex: path_bytes_hex(&c.path),
                    status: c.status,
                    expected_sha256: c.expected_sha256.clone(),
                    actual_sha256: c.actual_sha256.clone(),
                    other_path: c
                        .other_path
                        .as_ref()
                        .map(|p| p.to_string_lossy().into_owned()),
                    message: c.message.clone(),
                })
                .collect(),
            skipped: v.skipped.iter().map(WarningEntry::from).collect(),
        }
    }
}

/// `history --json`.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryReport {
    pub schema_version: u32,
    pub store: String,
    pub root: Option<String>,
    pub ingest_runs: Vec<IngestRunSummary>,
    pub verifications: Vec<VerificationSummary>,
    /// Reports, manifests and bags written, oldest first (from the review log).
    pub exports: Vec<crate::review::ExportEntry>,
    /// The review log's hash chain: `intact` with its head, or `broken` at
    /// an entry (then `history` exits 1).
    pub review_log: crate::review::ChainCheck,
}

impl HistoryReport {
    pub fn new(store: &Store) -> Result<Self, StoreError> {
        let log = store.review_log()?;
        Ok(HistoryReport {
            schema_version: SCHEMA_VERSION,
            store: store.path().to_string_lossy().into_owned(),
            root: store
                .corpus_root()?
                .map(|r| r.to_string_lossy().into_owned()),
            ingest_runs: store.ingest_runs()?,
            verifications: store.verifications()?,
            exports: crate::review::exports_in(&log),
            review_log: crate::review::verify_chain(&log),
        })
    }
}

/// `verify-log --json`: the review log checked, against an export's anchor
/// when one is given.
#[derive(Clone, Debug, Serialize)]
pub struct LogCheckReport {
    pub schema_version: u32,
    pub store: String,
    pub chain: crate::review::ChainCheck,
    /// The export whose anchor was checked, and what it stated.
    pub anchor_file: Option<String>,
    pub anchor: Option<crate::review::AnchorCheck>,
    pub holds: bool,
    /// What was found, in words.
    pub message: String,
}

/// Why a log could not be checked against an anchor file.
#[derive(Debug, thiserror::Error)]
pub enum LogCheckError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path}: cannot be read")]
    Read {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}: {why}; give an HTML, Markdown or JSON report, a sha256sum manifest or a bag (or its bag-info.txt) exported by provaudit"
    )]
    NoAnchor {
        path: std::path::PathBuf,
        why: String,
    },
}

impl LogCheckReport {
    /// Checks the store's log; with `anchor_file` (an export, or a bag's
    /// folder or `bag-info.txt`), also against the head it states.
    pub fn new(
        store: &Store,
        anchor_file: Option<&std::path::Path>,
    ) -> Result<Self, LogCheckError> {
        let log = store.review_log()?;
        let chain = crate::review::verify_chain(&log);
        let anchor = match anchor_file {
            None => None,
            Some(path) => {
                let file = if path.is_dir() {
                    path.join("bag-info.txt")
                } else {
                    path.to_path_buf()
                };
                let bytes = crate::fingerprint::read_regular(&file, 4 << 30).map_err(|source| {
                    LogCheckError::Read {
                        path: file.clone(),
                        source,
                    }
                })?;
                let (entries, head) = crate::review::LogAnchor::find(&bytes).map_err(|why| {
                    LogCheckError::NoAnchor {
                        path: file.clone(),
                        why,
                    }
                })?;
                Some(crate::review::check_anchor(&log, entries, head.as_deref()))
            }
        };
        let (holds, message) = match (&chain, &anchor) {
            (_, Some(a)) => (a.holds(), a.describe()),
            (crate::review::ChainCheck::Intact { entries, head }, None) => (
                true,
                format!(
                    "the review log's hash chain is intact: {entries} entries, head {}; give --anchor EXPORT to check that it was not cut short or rewritten since that export",
                    head.as_deref().unwrap_or("(empty log)")
                ),
            ),
            (crate::review::ChainCheck::Broken { seq, reason }, None) => (
                false,
                format!("the review log's hash chain is broken at entry {seq}: {reason}"),
            ),
        };
        Ok(LogCheckReport {
            schema_version: SCHEMA_VERSION,
            store: store.path().to_string_lossy().into_owned(),
            chain,
            anchor_file: anchor_file.map(|p| p.to_string_lossy().into_owned()),
            anchor,
            holds,
            message,
        })
    }
}

/// `claims --json`: the clusters in review order (echoes first), with counts.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimsReport {
    pub schema_version: u32,
    pub counts: ClaimCounts,
    pub clusters: Vec<ClusterSummary>,
    pub conflicts: Vec<ConflictEntry>,
}

/// How many clusters are of each corroboration class and carry each flag.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ClaimCounts {
    pub documents: usize,
    pub claims: usize,
    pub clusters: usize,
    pub echo: usize,
    pub unresolved: usize,
    pub corroborated: usize,
    pub single_document: usize,
    /// The echo found in most documents.
    pub largest_echo: Option<LargestEcho>,
    pub single_source: usize,
    pub single_primary: usize,
    pub single_alignment: usize,
    pub conflicting: usize,
}

/// The echo found in most documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LargestEcho {
    pub cluster: String,
    pub documents: usize,
    pub origin: String,
}

impl ClaimCounts {
    /// The counts over `clusters`, given in review order (echoes first, the
    /// most documents first).
    pub fn of(documents: usize, claims: usize, clusters: &[ClusterEntry]) -> Self {
        use crate::claims::Corroboration;
        let of =
            |class: Corroboration| clusters.iter().filter(|c| c.corroboration == class).count();
        ClaimCounts {
            documents,
            claims,
            clusters: clusters.len(),
            echo: of(Corroboration::Echo),
            unresolved: of(Corroboration::Unresolved),
            corroborated: of(Corroboration::Corroborated),
            single_document: of(Corroboration::SingleDocument),
            largest_echo: clusters
                .iter()
                .filter(|c| c.corroboration == Corroboration::Echo)
                .max_by(|a, b| {
                    a.documents
                        .len()
                        .cmp(&b.documents.len())
                        .then(b.id.cmp(&a.id))
                })
                .map(|c| LargestEcho {
                    cluster: c.id.clone(),
                    documents: c.documents.len(),
                    origin: c
                        .origin_groups
                        .iter()
                        .find(|g| g.is_known())
                        .map(|g| g.name.clone())
                        .unwrap_or_default(),
                }),
            single_source: clusters.iter().filter(|c| c.single_source).count(),
            single_primary: clusters.iter().filter(|c| c.single_primary).count(),
            single_alignment: clusters.iter().filter(|c| c.single_alignment).count(),
            conflicting: clusters.iter().filter(|c| c.conflicting).count(),
        }
    }

    /// The summary line every surface leads with: echoes first. "12 claims
    /// look corroborated but rest on one source (largest: 43 documents,
    /// Associated Press); 372 claims appear in one document only; 30
    /// corroborated; 5 unresolved (they depend on documents of unknown origin)".
    pub fn in_words(&self) -> String {
        let claims = |n: usize| {
            if n == 1 {
                "1 claim".to_owned()
            } else {
                format!("{n} claims")
            }
        };
        let mut parts = Vec::new();
        match (self.echo, &self.largest_echo) {
            (0, _) => {
                parts.push("no claim looks corroborated while resting on one source".to_owned())
            }
            (n, Some(l)) => parts.push(format!(
                "{} {} corroborated but {} on one source (largest: {} documents, {})",
                claims(n),
                if n == 1 { "looks" } else { "look" },
                if n == 1 { "rests" } else { "rest" },
                l.documents,
                l.origin
            )),
            (n, None) => parts.push(format!(
                "{} look corroborated but rest on one source",
                claims(n)
            )),
        }
        parts.push(format!(
            "{} {} in one document only",
            claims(self.single_document),
            if self.single_document == 1 {
                "appears"
            } else {
                "appear"
            }
        ));
        parts.push(format!("{} corroborated", self.corroborated));
        parts.push(format!(
            "{} unresolved (corroboration depends on documents of unknown origin)",
            self.unresolved
        ));
        parts.join("; ")
    }

    /// The counts the store keeps over every cluster.
    pub fn from_totals(t: &crate::store::ClusterTotals) -> Self {
        ClaimCounts {
            documents: t.documents as usize,
            claims: t.claims as usize,
            clusters: t.clusters as usize,
            echo: t.echo as usize,
            unresolved: t.unresolved as usize,
            corroborated: t.corroborated as usize,
            single_document: t.single_document as usize,
            largest_echo: t.largest_echo.as_ref().map(|(n, origin)| LargestEcho {
                cluster: String::new(),
                documents: *n as usize,
                origin: origin.clone(),
            }),
            single_source: t.single_source as usize,
            single_primary: t.single_primary as usize,
            single_alignment: t.single_alignment as usize,
            conflicting: t.conflicting as usize,
        }
    }

    /// The flags, orthogonal to the classes, in words.
    pub fn flags_in_words(&self) -> String {
        format!(
            "{} on a single primary source, {} on a single state's media, {} with conflicting figures",
            self.single_primary, self.single_alignment, self.conflicting
        )
    }
}

/// A cluster with the text of its first claim, for lists.
#[derive(Clone, Debug, Serialize)]
pub struct ClusterSummary {
    #[serde(flatten)]
    pub cluster: ClusterEntry,
    pub text: String,
    pub kind: &'static str,
}

impl ClaimsReport {
    /// Every cluster, or only those resting on a single source, or of one
    /// class; in review order.
    pub fn new(store: &Store, only_single_source: bool) -> Result<Self, StoreError> {
        Self::filtered(store, only_single_source, None)
    }

    /// Every cluster, or only those resting on a single source, or only
    /// those of `class`; in review order.
    pub fn filtered(
        store: &Store,
        only_single_source: bool,
        class: Option<crate::claims::Corroboration>,
    ) -> Result<Self, StoreError> {
        let ClaimsSection {
            claims,
            clusters,
            conflicts,
        } = claims_section(store)?;
        let first: std::collections::HashMap<&str, &ClaimEntry> = claims
            .iter()
            .rev()
            .map(|c| (c.cluster.as_str(), c))
            .collect();
        let mut documents: Vec<&str> = claims.iter().map(|c| c.document.as_str()).collect();
        documents.sort();
        documents.dedup();
        let counts = ClaimCounts::of(documents.len(), claims.len(), &clusters);
        let first_claim = |c: &ClusterEntry| first.get(c.id.as_str()).copied();
        // Review order: by class, flagged first within it (single primary
        // source, single alignment, conflicting figures), then as stored
        // (most documents first).
        let mut clusters = clusters;
        clusters.sort_by(|a, b| {
            a.corroboration
                .cmp(&b.corroboration)
                .then(b.has_flag().cmp(&a.has_flag()))
        });
        let clusters = clusters
            .iter()
            .filter(|c| !only_single_source || c.single_source)
            .filter(|c| class.is_none_or(|k| c.corroboration == k))
            .map(|c| ClusterSummary {
                text: first_claim(c).map(|f| f.text.clone()).unwrap_or_default(),
                kind: first_claim(c).map(|f| f.kind).unwrap_or("assertion"),
                cluster: c.clone(),
            })
            .collect();
        Ok(ClaimsReport {
            schema_version: SCHEMA_VERSION,
            counts,
            clusters,
            conflicts,
        })
    }
}

/// `show CLAIM --json`: a cluster with its member claims side by side.
#[derive(Clone, Debug, Serialize)]
pub struct ClusterDetail {
    pub schema_version: u32,
    pub cluster: ClusterEntry,
    pub members: Vec<ClaimEntry>,
    /// Words every member shares (names as written in the first member).
    pub shared_words: Vec<String>,
    pub conflicts: Vec<ConflictEntry>,
    /// The documents its members are in, with their publishers, origins and
    /// alignment (what the provenance picture draws); in path order.
    pub documents: Vec<DocumentEntry>,
    /// The same documents in time order: by the day each reports from (its
    /// dateline or its page's published date), else the day it was
    /// captured (a bound: it was published by then); those with neither
    /// last, by path.
    pub timeline: Vec<TimelineEntry>,
}

/// When one document of a cluster was written or, failing that, captured.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct TimelineEntry {
    pub document: String,
    /// `YYYY-MM-DD` the document reports from, when its text or page says
    /// with a year.
    pub reported: Option<String>,
    /// When the page was captured (RFC 3339), when a capture says.
    pub captured: Option<String>,
}

impl TimelineEntry {
    /// What it sorts by: the day reported, else the capture's instant in
    /// UTC (a capture at 23:00 in New York is the next day's 04:00).
    fn key(&self) -> Option<String> {
        self.reported.clone().or_else(|| {
            let c = self.captured.as_deref()?;
            Some(match chrono::DateTime::parse_from_rfc3339(c) {
                Ok(t) => t
                    .with_timezone(&chrono::Utc)
                    .format("%Y-%m-%dT%H:%M:%S")
                    .to_string(),
                Err(_) => c.to_string(),
            })
        })
    }
}

/// The documents in time order (see [`ClusterDetail::timeline`]).
pub fn timeline(documents: &[DocumentEntry]) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = documents
        .iter()
        .map(|d| TimelineEntry {
            document: d.path.clone(),
            reported: d
                .date
                .as_ref()
                .filter(|date| date.year.is_some())
                .map(|date| date.date.clone()),
            captured: d.capture.as_ref().and_then(|c| c.at.clone()),
        })
        .collect();
    in_time_order(&mut out);
    out
}

/// Sorts by [`TimelineEntry::key`], the undated last, ties by path.
fn in_time_order(entries: &mut [TimelineEntry]) {
    entries.sort_by(|a, b| match (a.key(), b.key()) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.document.cmp(&b.document)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.document.cmp(&b.document),
    });
}

impl ClusterDetail {
    /// The cluster holding `id` (a cluster or claim id), if any, read from
    /// the store by its id (not the whole claims table).
    pub fn find(store: &Store, id: &str) -> Result<Option<Self>, StoreError> {
        let key = store.cluster_of_claim(id)?.unwrap_or_else(|| id.to_owned());
        let Some((cluster, claims)) = store.cluster_with_claims(&key)? else {
            return Ok(None);
        };
        let mut paths: Vec<RelPath> = claims.iter().map(|(_, p)| p.clone()).collect();
        paths.sort();
        paths.dedup();
        let members = claims
            .into_iter()
            .map(|(c, path)| ClaimEntry::new(c, path.to_string_lossy().into_owned()))
            .collect();
        let mut detail = ClusterDetail::new(
            ClusterEntry::from(&cluster),
            members,
            conflicts_section(store)?,
        );
        for path in &paths {
            if let Some(d) = store.document_by_path(path)? {
                detail.documents.push(DocumentEntry::read(store, &d)?);
            }
        }
        detail.timeline = timeline(&detail.documents);
        Ok(Some(detail))
    }

    /// A cluster with its members; `conflicts` may hold others' (they are
    /// filtered to this cluster's).
    pub fn new(
        cluster: ClusterEntry,
        members: Vec<ClaimEntry>,
        conflicts: Vec<ConflictEntry>,
    ) -> Self {
        let words = |t: &str| -> std::collections::BTreeSet<String> {
            t.split(|c: char| !(c.is_alphanumeric() || c == ',' || c == '-'))
                .map(|w| w.trim_matches(',').to_lowercase())
                .filter(|w| w.len() > 3 || w.chars().any(|c| c.is_ascii_digit()))
                .collect()
        };
        let mut shared = members.first().map(|m| words(&m.text)).unwrap_or_default();
        for m in &members[1.min(members.len())..] {
            shared = shared.intersection(&words(&m.text)).cloned().collect();
        }
        ClusterDetail {
            schema_version: SCHEMA_VERSION,
            conflicts: conflicts
                .into_iter()
                .filter(|c| c.clusters.contains(&cluster.id))
                .collect(),
            cluster,
            members,
            shared_words: shared.into_iter().collect(),
            documents: Vec::new(),
            timeline: Vec::new(),
        }
    }
}

/// `show FILE --json`: one document, its outlet evidence and its text's notes.
#[derive(Clone, Debug, Serialize)]
pub struct ShowReport {
    pub schema_version: u32,
    pub document: DocumentEntry,
    pub signals: Vec<SignalRecord>,
}

/// `outlets --json`: the registry, each field with its source.
#[derive(Clone, Debug, Serialize)]
pub struct OutletsReport<'a> {
    pub schema_version: u32,
    pub registry_version: &'a str,
    pub outlets: &'a [crate::outlets::registry::Outlet],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::ContentKind;

    /// Captures are ordered by the instant, not the local calendar day: a
    /// page captured at 23:00 in New York on 31 December came after one
    /// captured at 02:00 in Karachi on 1 January.
    #[test]
    fn the_timeline_orders_captures_by_their_instant() {
        let entry =
            |document: &str, reported: Option<&str>, captured: Option<&str>| TimelineEntry {
                document: document.into(),
                reported: reported.map(str::to_string),
                captured: captured.map(str::to_string),
            };
        let mut v = vec![
            entry("new-york", None, Some("2023-12-31T23:00:00-05:00")),
            entry("undated", None, None),
            entry("karachi", None, Some("2024-01-01T02:00:00+05:00")),
            entry("dateline", Some("2023-12-30"), None),
        ];
        in_time_order(&mut v);
        let order: Vec<&str> = v.iter().map(|t| t.document.as_str()).collect();
        assert_eq!(order, ["dateline", "karachi", "new-york", "undated"]);
    }

    /// The field names the desktop app, the reports and users' scripts read.
    #[test]
    fn document_entry_shape_is_pinned() {
        let doc = StoredDocument {
            id: 1,
            path: RelPath::from_bytes(b"a\xff.txt".to_vec()),
            bytes: 3,
            mtime_ns: Some(1_574_000_000_123_456_789),
            sha256: "ab".into(),
            text_sha256: None,
            encoding: Some("UTF-8".into()),
            kind: ContentKind::Text,
            notes: vec![],
            first_ingested_at: "t0".into(),
            ingested_at: "t1".into(),
            extracted_with: 1,
        };
        let json = serde_json::to_value(DocumentEntry::from(&doc)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "path": "a\u{fffd}.txt", "path_bytes_hex": "61ff2e747874", "sha256": "ab", "text_sha256": null,
                "bytes": 3, "encoding": "UTF-8", "content_kind": "text",
                "mtime": "2019-11-17T14:13:20.123456789Z", "first_ingested_at": "t0", "ingested_at": "t1", "notes": [],
                "publisher": null, "origin": null, "relation": "unknown", "origin_group": null, "co_producers": [], "alignment": null,
                "outlet_candidates": [], "outlet_explanation": null, "text_reuse": [], "date": null,
                "capture": null
            })
        );
    }
}

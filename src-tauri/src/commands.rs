//! The commands the window may call (each listed in `build.rs` and granted in
//! `capabilities/default.json`). Each is a few lines: open the store, call the
//! core, convert the error. Long runs go to a blocking thread with a progress
//! channel and a cancel flag, so the window never waits on them.

use crate::error::{CommandError, Result};
use crate::progress::{ChannelProgress, ProgressEvent};
use crate::{AppState, OpenCorpus};
use provaudit::export;
use provaudit::ingest;
use provaudit::pipeline::{self, AuditOptions};
use provaudit::progress::Control;
use provaudit::review::{self, Annotation, ReviewState, Session, Span, Target, Verdict};
use provaudit::scan::ScanOptions;
use provaudit::store::{AffiliationFilter, DocumentQuery, DocumentSort, StatusFilter, Store};
use provaudit::verify;
use provaudit::view::app::{self, CorpusOverview, DocumentView, RecentCorpus};
use provaudit::view::json::{ClusterDetail, HistoryReport, VerifyReport};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tauri::State;
use tauri::ipc::Channel;

/// What the window needs to start: the folder named on the command line (to
/// open at once), the store chosen with `PROVAUDIT_DB`, and recent corpora.
#[derive(Serialize)]
pub struct Startup {
    pub folder: Option<String>,
    pub db: Option<String>,
    pub recent: Vec<RecentCorpus>,
}

#[tauri::command(async)]
pub fn startup(state: State<'_, AppState>) -> Result<Startup> {
    Ok(Startup {
        folder: state
            .start_folder
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned()),
        db: state.db.as_ref().map(|p| p.to_string_lossy().into_owned()),
        recent: state.recent(),
    })
}

#[tauri::command(async)]
pub fn recent_corpora(state: State<'_, AppState>) -> Result<Vec<RecentCorpus>> {
    Ok(state.recent())
}

/// Opens (and ingests, incrementally) the corpus at `folder`, then runs the
/// analysis stages: the same call as `provaudit audit`. Returns the
/// overview; documents and claims come a page at a time.
#[tauri::command]
pub async fn open_corpus(
    state: State<'_, AppState>,
    folder: String,
    on_progress: Channel<ProgressEvent>,
) -> Result<CorpusOverview> {
    let job = state.begin_job()?;
    let (db, registry_file, cancel) = (state.db.clone(), state.registry_file.clone(), job.flag());
    let (overview, opened) = tauri::async_runtime::spawn_blocking(move || -> Result<_> {
        let root = PathBuf::from(folder);
        let mut store = ingest::open_store(db.as_deref(), &root)?;
        let progress = ChannelProgress::new(on_progress);
        let control = Control {
            progress: &progress,
            cancel: &cancel,
        };
        let registry = crate::load_registry(registry_file.as_deref());
        let run = pipeline::run(
            &mut store,
            &root,
            &registry,
            AuditOptions::default(),
            &control,
        )?;
        let overview = CorpusOverview::new(&store, &run.summary, &registry)?;
        let opened = OpenCorpus {
            root: store.corpus_root()?.unwrap_or(root),
            store: store.path().to_path_buf(),
        };
        Ok((overview, opened))
    })
    .await??;
    *state.corpus.lock().unwrap() = Some(opened);
    Ok(overview)
}

/// The open corpus as the store holds it, without reading the folder: the
/// counts over its documents (they come a page at a time,
/// [`documents_page`]; claims too, [`claims_page`]).
#[tauri::command(async)]
pub fn corpus_overview(state: State<'_, AppState>) -> Result<CorpusOverview> {
    let store = state.store()?;
    let registry = crate::load_registry(state.registry_file.as_deref());
    Ok(app::stored_overview(&store, &registry)?)
}

/// The filters and order of the Documents table, as the window sends them.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentsQuery {
    #[serde(default)]
    text: String,
    /// `` (any), `unverified`, or a verification status.
    #[serde(default)]
    status: String,
    /// `` (any), `state` (state-controlled), `any` (any state affiliation), `none`.
    #[serde(default)]
    affiliation: String,
    #[serde(default)]
    show_all: bool,
    /// `path`, `sha256`, `status`, `publisher`, `origin` or `alignment`.
    #[serde(default)]
    sort: String,
    /// `asc` or `desc`.
    #[serde(default)]
    dir: String,
}

impl DocumentsQuery {
    fn to_core(&self) -> Result<DocumentQuery> {
        let invalid = |what: &str, value: &str, choices: &str| {
            CommandError::new(
                "invalid",
                format!("unknown {what} `{value}`; choose {choices}"),
            )
        };
        Ok(DocumentQuery {
            text: self.text.clone(),
            status: match self.status.as_str() {
                "" => StatusFilter::Any,
                "unverified" => StatusFilter::Unverified,
                s => StatusFilter::Is(verify::Status::parse(s).ok_or_else(|| {
                    invalid(
                        "verification status",
                        s,
                        "ok, modified, missing or unverified",
                    )
                })?),
            },
            affiliation: match self.affiliation.as_str() {
                "" => AffiliationFilter::Any,
                "state" => AffiliationFilter::Controlled,
                "any" => AffiliationFilter::Affiliated,
                "none" => AffiliationFilter::Unaffiliated,
                a => return Err(invalid("affiliation filter", a, "state, any or none")),
            },
            all_kinds: self.show_all,
            sort: match self.sort.as_str() {
                "" => DocumentSort::Path,
                k => DocumentSort::parse(k).ok_or_else(|| {
                    invalid(
                        "sort key",
                        k,
                        "path, sha256, status, publisher, origin or alignment",
                    )
                })?,
            },
            descending: self.dir == "desc",
        })
    }
}

/// One page of the Documents table, sorted and filtered by the store; at
/// most 1,000 rows.
#[tauri::command(async)]
pub fn documents_page(
    state: State<'_, AppState>,
    query: DocumentsQuery,
    offset: u64,
    limit: u64,
) -> Result<app::DocumentsPage> {
    let query = query.to_core()?;
    Ok(app::documents_page(
        &state.store()?,
        &query,
        offset,
        limit.min(1000),
    )?)
}

/// The counts above the claims list, and the conflicting figures.
#[tauri::command(async)]
pub fn claims_overview(state: State<'_, AppState>) -> Result<app::ClaimsOverview> {
    Ok(app::claims_overview(&state.store()?)?)
}

/// One page of the claims list: clusters carrying any of `flags` (all when
/// empty) with the review status `review` (`all`, `unreviewed`, `reviewed`,
/// `stale`), flagged first, most documents first; at most 1,000.
#[tauri::command(async)]
pub fn claims_page(
    state: State<'_, AppState>,
    flags: Vec<String>,
    review: String,
    offset: u64,
    limit: u64,
) -> Result<app::ClaimsPage> {
    let review = app::ReviewFilter::parse(&review).ok_or_else(|| {
        CommandError::new(
            "invalid",
            format!("unknown review filter `{review}`; choose all, unreviewed, reviewed or stale"),
        )
    })?;
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    Ok(app::claims_page(
        &state.store()?,
        &flags,
        review,
        offset,
        limit.min(1000),
    )?)
}

/// Words and "quoted phrases" in every document's text (`scope`
/// `documents`) or every claim (`claims`), best first, a page at a time
/// (at most 200).
#[tauri::command(async)]
pub fn search(
    state: State<'_, AppState>,
    query: String,
    scope: String,
    offset: u64,
    limit: u64,
) -> Result<provaudit::search::SearchResults> {
    let scope = match scope.as_str() {
        "documents" => provaudit::search::Scope::Documents,
        "claims" => provaudit::search::Scope::Claims,
        "all" => provaudit::search::Scope::All,
        other => {
            return Err(CommandError::new(
                "invalid",
                format!("unknown search scope `{other}`; choose documents, claims or all"),
            ));
        }
    };
    Ok(provaudit::search::search(
        &state.store()?,
        &query,
        scope,
        offset,
        limit.clamp(1, 200),
    )?)
}

/// One cluster with its claims side by side and its conflicts.
#[tauri::command(async)]
pub fn cluster_detail(state: State<'_, AppState>, id: String) -> Result<ClusterDetail> {
    ClusterDetail::find(&state.store()?, &id)?.ok_or_else(|| {
        CommandError::new("not_found", format!("no claim cluster {id} in this store"))
    })
}

/// One document with its text, its outlet evidence marked.
#[tauri::command(async)]
pub fn document(
    state: State<'_, AppState>,
    path: String,
    path_hex: Option<String>,
) -> Result<DocumentView> {
    let store = state.store()?;
    let rel = app::rel_path(&path, path_hex.as_deref());
    app::document_view(&store, &rel)?.ok_or_else(|| {
        CommandError::new(
            "not_found",
            format!("{path}: not in the store; open its folder again to ingest it"),
        )
    })
}

/// A reviewer's correction of a document's publisher or origin (`value`
/// empty withdraws it), then the analysis is run again over the store.
#[tauri::command(async)]
pub fn set_outlet(
    state: State<'_, AppState>,
    path: String,
    path_hex: Option<String>,
    field: String,
    value: Option<String>,
    reviewer: String,
    note: Option<String>,
) -> Result<DocumentView> {
    let mut store = state.store()?;
    let rel = app::rel_path(&path, path_hex.as_deref());
    let registry = crate::load_registry(state.registry_file.as_deref());
    pipeline::correct_outlets(
        &mut store,
        &registry,
        &rel,
        &[(field.as_str(), value)],
        &reviewer,
        note.as_deref(),
    )?;
    Ok(app::document_view(&store, &rel)?.expect("the document is still in the store"))
}

/// Re-hashes `folder` (default: the corpus folder) against the store and
/// records the check.
#[tauri::command]
pub async fn verify(
    state: State<'_, AppState>,
    folder: Option<String>,
    on_progress: Channel<ProgressEvent>,
) -> Result<VerifyReport> {
    let job = state.begin_job()?;
    let opened = state.opened()?;
    let cancel = job.flag();
    tauri::async_runtime::spawn_blocking(move || -> Result<_> {
        let mut store = Store::open_existing(&opened.store)?;
        let root = folder.map(PathBuf::from).unwrap_or(opened.root);
        let progress = ChannelProgress::new(on_progress);
        let control = Control {
            progress: &progress,
            cancel: &cancel,
        };
        let v = verify::verify_store(&mut store, &root, ScanOptions::default(), &control)?;
        Ok(VerifyReport::from(&v))
    })
    .await?
}

#[tauri::command(async)]
pub fn history(state: State<'_, AppState>) -> Result<HistoryReport> {
    Ok(HistoryReport::new(&state.store()?)?)
}

/// What an export wrote.
#[derive(Serialize)]
pub struct Exported {
    pub format: String,
    /// The format in words: "HTML report", "BagIt bag"…
    pub what: String,
    pub out: String,
    /// Documents described.
    pub files: usize,
    /// Bytes of the corpus described.
    pub bytes: u64,
    /// Bytes of the file written (for a bag, of its tag manifest).
    pub size: u64,
    /// SHA-256 of the file written, or of the bag's `tagmanifest-sha256.txt`.
    pub sha256: String,
    /// The review log entry that records the export.
    pub log_seq: i64,
    /// The review log head the export states (`provaudit verify-log
    /// --anchor` checks a store against it later).
    pub log_anchor: String,
    /// Verdicts left out of a ClaimReview because their bytes changed.
    pub stale_left_out: usize,
}

/// Writes a report (`html`, `md`, `json`, `csv`, `claimreview`,
/// `annotations`) or the evidence (`sha256sum`, `bagit`) to `out`, and
/// records it in the review log (in `session_id`, when one is open).
#[tauri::command]
pub async fn export(
    state: State<'_, AppState>,
    format: String,
    out: String,
    session_id: Option<i64>,
    replace: Option<bool>,
    on_progress: Channel<ProgressEvent>,
) -> Result<Exported> {
    let Some(format) = export::Format::parse(&format) else {
        let known: Vec<&str> = export::Format::ALL.iter().map(|f| f.as_str()).collect();
        return Err(CommandError::new(
            "invalid",
            format!(
                "unknown export format `{format}`; choose one of {}",
                known.join(", ")
            ),
        ));
    };
    let job = state.begin_job()?;
    let opened = state.opened()?;
    let cancel = job.flag();
    tauri::async_runtime::spawn_blocking(move || -> Result<_> {
        let mut store = Store::open_existing(&opened.store)?;
        let out = PathBuf::from(out);
        let progress = ChannelProgress::new(on_progress);
        let control = Control {
            progress: &progress,
            cancel: &cancel,
        };
        let request = export::Request {
            format,
            corpus: None,
            out: &out,
            session: session_id,
            // Only a path the save dialog confirmed replacing is replaced.
            force: replace.unwrap_or(false),
            allow_broken_chain: false,
            only_flagged: false,
        };
        let w = export::run(&mut store, &request, &control)?;
        Ok(Exported {
            format: w.format.to_owned(),
            what: format.describe().to_owned(),
            out: w.out.to_string_lossy().into_owned(),
            files: w.files,
            bytes: w.corpus_bytes,
            size: w.size,
            sha256: w.sha256,
            log_seq: w.log_seq,
            log_anchor: w.log_anchor.line(),
            stale_left_out: w.stale_left_out,
        })
    })
    .await?
}

/// Asks the running task to stop after the file in hand; returns whether one
/// was running.
#[tauri::command(async)]
pub fn cancel_job(state: State<'_, AppState>) -> Result<bool> {
    Ok(state.cancel_job())
}

#[tauri::command(async)]
pub fn review_state(state: State<'_, AppState>) -> Result<ReviewState> {
    Ok(review::state(&state.store()?)?)
}

#[tauri::command(async)]
pub fn start_session(
    state: State<'_, AppState>,
    reviewer: String,
    title: String,
) -> Result<Session> {
    Ok(review::start_session(
        &mut state.store()?,
        &reviewer,
        &title,
    )?)
}

#[tauri::command(async)]
pub fn resume_session(state: State<'_, AppState>, id: i64) -> Result<Session> {
    Ok(review::resume_session(&mut state.store()?, id)?)
}

#[tauri::command(async)]
pub fn close_session(state: State<'_, AppState>, id: i64) -> Result<Session> {
    Ok(review::close_session(&mut state.store()?, id)?)
}

/// A span of a document as the window sends it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpanArg {
    pub path: String,
    pub path_hex: Option<String>,
    pub start: Option<u64>,
    pub end: Option<u64>,
}

/// Records a verdict and/or a note on a cluster or a document.
#[tauri::command(async)]
pub fn record_annotation(
    state: State<'_, AppState>,
    session_id: i64,
    target_kind: String,
    target_id: String,
    verdict: Option<String>,
    note: Option<String>,
    spans: Vec<SpanArg>,
) -> Result<Annotation> {
    let target = Target::parse(&target_kind, &target_id).ok_or_else(|| {
        CommandError::new(
            "invalid",
            format!("cannot review a `{target_kind}`: choose a cluster or a document"),
        )
    })?;
    let verdict = match verdict.as_deref() {
        None | Some("") => None,
        Some(v) => Some(Verdict::parse(v).ok_or_else(|| {
            CommandError::new(
                "invalid",
                format!("unknown verdict `{v}`; choose corroborated, single_source, disputed or unverifiable"),
            )
        })?),
    };
    let spans: Vec<Span> = spans
        .into_iter()
        .map(|s| Span {
            path: app::rel_path(&s.path, s.path_hex.as_deref()),
            start: s.start,
            end: s.end,
        })
        .collect();
    Ok(review::record(
        &mut state.store()?,
        session_id,
        target,
        verdict,
        note.as_deref(),
        &spans,
    )?)
}

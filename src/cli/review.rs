//! `provaudit review …`: review sessions from the command line, for scripts
//! and people without a display. The same core calls as the app
//! (`provaudit::review`), so the same hash-chained log: a verdict given here
//! shows in the app, and the ClaimReview and Web Annotation exports hold it.

use crate::cli::args::*;
use crate::cli::locate::*;
use crate::cli::print::*;
use anyhow::{Context, Result, anyhow, bail};
use clap::Subcommand;
use provaudit::review::{self, Annotation, ReviewError, Session, Span, Target, Verdict};
use provaudit::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum ReviewAction {
    /// Start a review session (or resume a closed one with --session)
    Start {
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        /// Who reviews (recorded with every verdict and note)
        #[arg(long, required_unless_present = "session")]
        reviewer: Option<String>,
        /// What the session is about
        #[arg(long, default_value = "")]
        title: String,
        /// Resume this closed session instead of starting one
        #[arg(long, conflicts_with_all = ["reviewer", "title"])]
        session: Option<i64>,
    },
    /// Give a verdict on a claim (a claim or cluster id from `claims`) or a
    /// file: corroborated, single-source, disputed or unverifiable
    Verdict {
        /// A claim id (k-…), cluster id (c-…) or a file in the corpus
        target: PathBuf,
        /// corroborated, single-source, disputed or unverifiable
        #[arg(value_parser = parse_verdict)]
        verdict: Verdict,
        /// Why, in the reviewer's words
        #[arg(long)]
        note: Option<String>,
        /// For a file: the byte range the verdict rests on [default: the whole file]
        #[arg(long, value_name = "START..END", value_parser = parse_span)]
        span: Option<(u64, u64)>,
        /// The session to record in [default: the one open session]
        #[arg(long)]
        session: Option<i64>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Add a note on a claim or a file, without a verdict
    Note {
        /// A claim id (k-…), cluster id (c-…) or a file in the corpus
        target: PathBuf,
        /// The note
        text: String,
        /// For a file: the byte range the note is about [default: the whole file]
        #[arg(long, value_name = "START..END", value_parser = parse_span)]
        span: Option<(u64, u64)>,
        /// The session to record in [default: the one open session]
        #[arg(long)]
        session: Option<i64>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// List the sessions and every verdict and note, stale ones marked
    List {
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        /// Print one JSON document instead of text
        #[arg(long)]
        json: bool,
    },
    /// Close a review session
    Close {
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        /// The session to close [default: the one open session]
        #[arg(long)]
        session: Option<i64>,
    },
}

/// Verdicts as a person types them: `single-source` or `single_source`.
fn parse_verdict(s: &str) -> std::result::Result<Verdict, String> {
    Verdict::parse(&s.trim().to_ascii_lowercase().replace('-', "_")).ok_or_else(|| {
        "expected one of: corroborated, single-source, disputed, unverifiable".to_owned()
    })
}

/// `START..END`, byte offsets into the file.
fn parse_span(s: &str) -> std::result::Result<(u64, u64), String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("`{s}`: expected START..END, byte offsets such as 120..245"))?;
    let a: u64 = a
        .trim()
        .parse()
        .map_err(|_| format!("`{s}`: START is not a byte offset"))?;
    let b: u64 = b
        .trim()
        .parse()
        .map_err(|_| format!("`{s}`: END is not a byte offset"))?;
    if b <= a {
        return Err(format!("`{s}`: END must be after START"));
    }
    Ok((a, b))
}

/// The core's review errors with the command that fixes them.
fn phrase(err: ReviewError) -> anyhow::Error {
    match err {
        ReviewError::NoOpenSession => anyhow!(
            "no review session is open in this store; start one with `provaudit review start --reviewer NAME`"
        ),
        ReviewError::SeveralOpen { ids } => anyhow!(
            "several review sessions are open ({}): pass --session with one of them",
            ids.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ReviewError::SessionClosed { id } => anyhow!(
            "review session {id} is closed; resume it with `provaudit review start --session {id}`"
        ),
        ReviewError::UnknownClaim { id } => {
            anyhow!("no claim or cluster {id} in this store: {ID_FORMAT}")
        }
        other => anyhow::Error::new(other),
    }
}

/// The store and the target a verdict or note is about, with the bytes it
/// rests on.
fn target_of(
    db: Option<&Path>,
    target: &Path,
    span: Option<(u64, u64)>,
) -> Result<(Store, Target, Vec<Span>)> {
    if looks_like_mistyped_id(target) {
        bail!(
            "no claim or cluster {}: {ID_FORMAT}",
            target.to_string_lossy()
        );
    }
    if is_claim_id(target) {
        if span.is_some() {
            bail!(
                "--span applies to a file; a verdict on a claim rests on the bytes of its claims in every document"
            );
        }
        let id = target.to_string_lossy().into_owned();
        let store = store_for_claim(db, &id)?;
        let (target, spans) = review::cluster_target(&store, &id).map_err(phrase)?;
        return Ok((store, target, spans));
    }
    let (store, rel) = store_for_file(db, target)?;
    if store.document_by_path(&rel)?.is_none() {
        bail!(
            "{}: not in the store; run `provaudit audit` on its folder, then review it",
            target.display()
        );
    }
    let spans = match span {
        Some((start, end)) => vec![Span {
            path: rel.clone(),
            start: Some(start),
            end: Some(end),
        }],
        None => vec![],
    };
    Ok((
        store,
        Target::Document(rel.to_string_lossy().into_owned()),
        spans,
    ))
}

fn recorded(a: &Annotation, session: &Session) -> Result<()> {
    let mut out = stdout_text();
    let what = match a.verdict {
        Some(v) => format!("verdict “{}”", v.describe()),
        None => "note".to_owned(),
    };
    let files: std::collections::BTreeSet<String> = a
        .anchors
        .iter()
        .map(|an| an.path.to_string_lossy().into_owned())
        .collect();
    writeln!(
        out,
        "recorded {what} on {} {} — session {} ({}), log entry {}; it rests on {} in {}",
        a.target.kind(),
        a.target.id(),
        session.id,
        session.reviewer,
        a.seq,
        provaudit::export::words::count(a.anchors.len(), "span"),
        provaudit::export::words::count(files.len(), "file")
    )?;
    if let Some(n) = &a.note {
        writeln!(out, "  note: {}", quote(n))?;
    }
    Ok(())
}

/// "session 3 — Dana, “Tripoli tolls” — started …, open".
fn session_line(s: &Session) -> String {
    format!(
        "session {} — {}{} — started {}, {}",
        s.id,
        s.reviewer,
        if s.title.is_empty() {
            String::new()
        } else {
            format!(", “{}”", s.title)
        },
        s.started_at,
        s.ended_at
            .as_ref()
            .map(|e| format!("closed {e}"))
            .unwrap_or_else(|| "open".into())
    )
}

fn print_session(verb: &str, s: &Session) -> Result<()> {
    writeln!(stdout_text(), "{verb} review {}", session_line(s))?;
    Ok(())
}

pub fn run(action: ReviewAction) -> Result<()> {
    match action {
        ReviewAction::Start {
            dir,
            store,
            reviewer,
            title,
            session,
        } => {
            let path = resolve_store(store.db.as_deref(), dir.as_deref())?;
            let mut store = Store::open_existing(&path)?;
            match session {
                Some(id) => {
                    let s = review::resume_session(&mut store, id).map_err(phrase)?;
                    print_session("resumed", &s)
                }
                None => {
                    let s = review::start_session(
                        &mut store,
                        reviewer.as_deref().unwrap_or_default(),
                        &title,
                    )
                    .map_err(phrase)?;
                    print_session("started", &s)?;
                    writeln!(
                        stdout_text(),
                        "give verdicts with `provaudit review verdict CLAIM-OR-FILE VERDICT [--note TEXT]`; close with `provaudit review close`"
                    )?;
                    Ok(())
                }
            }
        }
        ReviewAction::Verdict {
            target,
            verdict,
            note,
            span,
            session,
            store,
        } => {
            let (mut store, target, spans) = target_of(store.db.as_deref(), &target, span)?;
            let s = review::open_session(&store, session).map_err(phrase)?;
            let a = review::record(
                &mut store,
                s.id,
                target,
                Some(verdict),
                note.as_deref(),
                &spans,
            )
            .map_err(phrase)?;
            recorded(&a, &s)
        }
        ReviewAction::Note {
            target,
            text,
            span,
            session,
            store,
        } => {
            if text.trim().is_empty() {
                bail!("the note is empty: write what you want recorded");
            }
            let (mut store, target, spans) = target_of(store.db.as_deref(), &target, span)?;
            let s = review::open_session(&store, session).map_err(phrase)?;
            let a = review::record(&mut store, s.id, target, None, Some(&text), &spans)
                .map_err(phrase)?;
            recorded(&a, &s)
        }
        ReviewAction::List { dir, store, json } => {
            let path = resolve_store(store.db.as_deref(), dir.as_deref())?;
            let store = Store::open_existing(&path)?;
            let state = review::state(&store).context("reading the review log")?;
            if json {
                return print_json(&state);
            }
            let mut out = stdout_text();
            if state.sessions.is_empty() {
                writeln!(
                    out,
                    "no review session yet; start one with `provaudit review start --reviewer NAME`"
                )?;
                return Ok(());
            }
            for s in &state.sessions {
                writeln!(out, "{}", session_line(s))?;
                for a in state.annotations.iter().filter(|a| a.session_id == s.id) {
                    writeln!(
                        out,
                        "  #{} {} {} {}: {}{}",
                        a.seq,
                        a.at,
                        a.target.kind(),
                        a.target.id(),
                        a.verdict
                            .map(|v| v.describe().to_owned())
                            .unwrap_or_else(|| "note".into()),
                        a.note
                            .as_deref()
                            .map(|n| format!(" — {}", quote(n)))
                            .unwrap_or_default()
                    )?;
                    for why in &a.stale_reasons {
                        writeln!(out, "      STALE: {why}")?;
                    }
                }
            }
            writeln!(
                out,
                "review log: {}",
                match &state.chain {
                    review::ChainCheck::Intact { entries, .. } => format!(
                        "hash chain intact, {entries} {}",
                        if *entries == 1 { "entry" } else { "entries" }
                    ),
                    review::ChainCheck::Broken { seq, reason } =>
                        format!("hash chain BROKEN at entry {seq}: {reason}"),
                }
            )?;
            Ok(())
        }
        ReviewAction::Close {
            dir,
            store,
            session,
        } => {
            let path = resolve_store(store.db.as_deref(), dir.as_deref())?;
            let mut store = Store::open_existing(&path)?;
            let s = review::open_session(&store, session).map_err(phrase)?;
            let s = review::close_session(&mut store, s.id).map_err(phrase)?;
            print_session("closed", &s)
        }
    }
}

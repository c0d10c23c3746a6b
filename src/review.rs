//! Review sessions: a reviewer's verdicts and notes on claim clusters and
//! documents, each bound to the exact bytes it rests on, kept in an
//! append-only, hash-chained log.
//!
//! - A session has a reviewer, a start and an end; a closed session can be
//!   resumed. Opening, closing and resuming are entries in the log too.
//! - A verdict or a note names its target (a cluster id or a document path)
//!   and its anchors: for each document it rests on, the path, the SHA-256 the
//!   store held when the reviewer looked, and a byte span (`None` for the whole
//!   file). An annotation is *stale* when the store now holds other bytes for
//!   that path, or the latest verification found the file modified or missing.
//! - Each log entry's SHA-256 is taken over its canonical JSON form, which
//!   includes the previous entry's SHA-256, so editing, removing or reordering
//!   an entry in the database is detected by [`verify_chain`]; its head hash
//!   is what a report states.
//!
//! The SQL is in `store/review.rs`; this module holds the rules.

use crate::relpath::RelPath;
use crate::store::{Store, StoreError};
use crate::verification::Status;
use std::collections::HashMap;

pub use crate::model::review::{
    Action, Anchor, AnchorCheck, Annotation, ChainCheck, Entry, ExportEntry, ExportRecord,
    LogAnchor, NewEntry, ReviewState, Session, Span, Target, Verdict, anchors_from_json,
    anchors_to_json, check_anchor, seal, staleness, unhex, verify_chain,
};

/// Why a review action could not be recorded.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no review session {id} in this store; start a session first")]
    NoSession { id: i64 },
    #[error("review session {id} is closed; resume it or start a new one")]
    SessionClosed { id: i64 },
    #[error("review session {id} is already open")]
    SessionOpen { id: i64 },
    #[error("a reviewer name is needed to start a session")]
    NoReviewer,
    #[error("nothing to record: give a verdict or a note")]
    Empty,
    #[error("{path}: not in the store; audit its folder again, then review it")]
    UnknownDocument { path: String },
    #[error(
        "cluster {id}: a verdict must rest on at least one document span; select the cluster's claims"
    )]
    NoAnchor { id: String },
    #[error("no review session is open in this store; start one")]
    NoOpenSession,
    #[error("several review sessions are open ({}): say which", .ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", "))]
    SeveralOpen { ids: Vec<i64> },
    #[error("no claim or cluster {id} in this store")]
    UnknownClaim { id: String },
}

pub type Result<T, E = ReviewError> = std::result::Result<T, E>;

/// Starts a session for `reviewer`.
pub fn start_session(store: &mut Store, reviewer: &str, title: &str) -> Result<Session> {
    let reviewer = reviewer.trim();
    if reviewer.is_empty() {
        return Err(ReviewError::NoReviewer);
    }
    Ok(store.begin_review_session(reviewer, title.trim(), &crate::store::now())?)
}

/// Closes an open session.
pub fn close_session(store: &mut Store, id: i64) -> Result<Session> {
    let session = store
        .review_session(id)?
        .ok_or(ReviewError::NoSession { id })?;
    if session.ended_at.is_some() {
        return Err(ReviewError::SessionClosed { id });
    }
    Ok(store.set_review_session_end(id, true, &crate::store::now())?)
}

/// Re-opens a closed session, to go on where it stopped.
pub fn resume_session(store: &mut Store, id: i64) -> Result<Session> {
    let session = store
        .review_session(id)?
        .ok_or(ReviewError::NoSession { id })?;
    if session.ended_at.is_none() {
        return Err(ReviewError::SessionOpen { id });
    }
    Ok(store.set_review_session_end(id, false, &crate::store::now())?)
}

/// The session to record in: `wanted` when given (it must be open), else
/// the one open session of the store.
pub fn open_session(store: &Store, wanted: Option<i64>) -> Result<Session> {
    if let Some(id) = wanted {
        let session = store
            .review_session(id)?
            .ok_or(ReviewError::NoSession { id })?;
        if session.ended_at.is_some() {
            return Err(ReviewError::SessionClosed { id });
        }
        return Ok(session);
    }
    let mut open: Vec<Session> = store
        .review_sessions()?
        .into_iter()
        .filter(|s| s.ended_at.is_none())
        .collect();
    match open.len() {
        0 => Err(ReviewError::NoOpenSession),
        1 => Ok(open.remove(0)),
        _ => Err(ReviewError::SeveralOpen {
            ids: open.iter().map(|s| s.id).collect(),
        }),
    }
}

/// A claim or cluster id as a review target: the cluster holding it and
/// the bytes of every claim in it (what a verdict on it rests on, as in
/// the app).
pub fn cluster_target(store: &Store, id: &str) -> Result<(Target, Vec<Span>)> {
    let key = store.cluster_of_claim(id)?.unwrap_or_else(|| id.to_owned());
    let Some((cluster, claims)) = store.cluster_with_claims(&key)? else {
        return Err(ReviewError::UnknownClaim { id: id.to_owned() });
    };
    let spans = claims
        .into_iter()
        .map(|(c, path)| Span {
            path,
            start: c.start,
            end: c.end,
        })
        .collect();
    Ok((Target::Cluster(cluster.key), spans))
}

/// Records a verdict and/or a note on `target` in an open session. Each span
/// is bound to the SHA-256 the store holds for its document now; a document
/// target with no spans rests on the whole file.
pub fn record(
    store: &mut Store,
    session_id: i64,
    target: Target,
    verdict: Option<Verdict>,
    note: Option<&str>,
    spans: &[Span],
) -> Result<Annotation> {
    let session = store
        .review_session(session_id)?
        .ok_or(ReviewError::NoSession { id: session_id })?;
    if session.ended_at.is_some() {
        return Err(ReviewError::SessionClosed { id: session_id });
    }
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if verdict.is_none() && note.is_none() {
        return Err(ReviewError::Empty);
    }
    let documents: HashMap<RelPath, String> = store
        .documents()?
        .into_iter()
        .map(|d| (d.path, d.sha256))
        .collect();
    let mut spans = spans.to_vec();
    if spans.is_empty() {
        match &target {
            Target::Document(path) => spans.push(Span {
                path: RelPath::from_bytes(path.clone().into_bytes()),
                start: None,
                end: None,
            }),
            Target::Cluster(id) => return Err(ReviewError::NoAnchor { id: id.clone() }),
        }
    }
    let anchors = spans
        .into_iter()
        .map(|s| match documents.get(&s.path) {
            Some(sha) => Ok(Anchor {
                document_sha256: sha.clone(),
                path: s.path,
                start: s.start,
                end: s.end,
            }),
            None => Err(ReviewError::UnknownDocument {
                path: s.path.to_string_lossy().into_owned(),
            }),
        })
        .collect::<Result<Vec<_>>>()?;
    let entry = store.append_review_entry(NewEntry {
        session_id: Some(session_id),
        at: crate::store::now(),
        action: if verdict.is_some() {
            Action::Verdict
        } else {
            Action::Note
        },
        target: Some(target),
        verdict,
        note: note.map(str::to_owned),
        detail: None,
        anchors,
    })?;
    let statuses = store.latest_statuses()?;
    Ok(annotation(&entry, &session.reviewer, &documents, &statuses)
        .expect("a verdict or note entry has a target"))
}

fn annotation(
    e: &Entry,
    reviewer: &str,
    current: &HashMap<RelPath, String>,
    statuses: &HashMap<RelPath, Status>,
) -> Option<Annotation> {
    if !matches!(e.action, Action::Verdict | Action::Note) {
        return None;
    }
    let stale_reasons = staleness(&e.anchors, current, statuses);
    Some(Annotation {
        seq: e.seq,
        session_id: e.session_id?,
        reviewer: reviewer.to_owned(),
        at: e.at.clone(),
        target: e.target.clone()?,
        verdict: e.verdict,
        note: e.note.clone(),
        anchors: e.anchors.clone(),
        stale: !stale_reasons.is_empty(),
        stale_reasons,
    })
}

/// The exports a log records, oldest first.
pub fn exports_in(log: &[Entry]) -> Vec<ExportEntry> {
    log.iter()
        .filter(|e| e.action == Action::Export)
        .filter_map(|e| {
            let record = serde_json::from_str(e.detail.as_deref()?).ok()?;
            Some(ExportEntry {
                seq: e.seq,
                at: e.at.clone(),
                session_id: e.session_id,
                record,
            })
        })
        .collect()
}

/// Records in the log that an export was written. `session` is the review
/// session it was made in, if any (it must exist).
pub fn record_export(
    store: &mut Store,
    session: Option<i64>,
    record: &ExportRecord,
) -> Result<Entry> {
    if let Some(id) = session {
        store
            .review_session(id)?
            .ok_or(ReviewError::NoSession { id })?;
    }
    Ok(store.append_review_entry(NewEntry {
        session_id: session,
        at: crate::store::now(),
        action: Action::Export,
        target: None,
        verdict: None,
        note: None,
        detail: Some(serde_json::to_string(record).expect("plain data serialises")),
        anchors: Vec::new(),
    })?)
}

/// The sessions, every annotation with its staleness, the newest verdict per
/// target, and the state of the chain.
pub fn state(store: &Store) -> Result<ReviewState> {
    let sessions = store.review_sessions()?;
    let log = store.review_log()?;
    let current: HashMap<RelPath, String> = store
        .documents()?
        .into_iter()
        .map(|d| (d.path, d.sha256))
        .collect();
    let statuses = store.latest_statuses()?;
    let reviewers: HashMap<i64, &str> = sessions
        .iter()
        .map(|s| (s.id, s.reviewer.as_str()))
        .collect();
    let annotations: Vec<Annotation> = log
        .iter()
        .filter_map(|e| {
            let reviewer = e
                .session_id
                .and_then(|id| reviewers.get(&id).copied())
                .unwrap_or("unknown");
            annotation(e, reviewer, &current, &statuses)
        })
        .collect();
    let exports = exports_in(&log);
    let mut verdicts = HashMap::new();
    for a in annotations.iter().filter(|a| a.verdict.is_some()) {
        verdicts.insert(format!("{}:{}", a.target.kind(), a.target.id()), a.clone());
    }
    Ok(ReviewState {
        sessions,
        exports,
        annotations,
        verdicts,
        chain: verify_chain(&log),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(path: &str, sha: &str) -> Anchor {
        Anchor {
            path: RelPath::from_bytes(path.as_bytes().to_vec()),
            document_sha256: sha.into(),
            start: Some(10),
            end: Some(20),
        }
    }

    fn entry(seq: i64, prev: Option<String>, note: &str) -> Entry {
        seal(
            NewEntry {
                session_id: Some(1),
                at: format!("2026-01-01T00:00:0{seq}Z"),
                action: Action::Note,
                target: Some(Target::Document("a.txt".into())),
                verdict: None,
                note: Some(note.into()),
                detail: None,
                anchors: vec![anchor("a.txt", "aa")],
            },
            seq,
            prev,
        )
    }

    fn chain(n: i64) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for seq in 1..=n {
            let prev = out.last().map(|e| e.sha256.clone());
            out.push(entry(seq, prev, &format!("note {seq}")));
        }
        out
    }

    #[test]
    fn an_untouched_chain_is_intact_and_names_its_head() {
        let log = chain(3);
        assert_eq!(
            verify_chain(&log),
            ChainCheck::Intact {
                entries: 3,
                head: Some(log[2].sha256.clone())
            }
        );
        assert_eq!(
            verify_chain(&[]),
            ChainCheck::Intact {
                entries: 0,
                head: None
            }
        );
    }

    #[test]
    fn an_edited_note_breaks_the_chain_at_that_entry() {
        let mut log = chain(3);
        log[1].note = Some("a different note".into());
        assert!(matches!(
            verify_chain(&log),
            ChainCheck::Broken { seq: 2, .. }
        ));
    }

    #[test]
    fn a_removed_entry_breaks_the_chain_at_the_next_one() {
        let mut log = chain(3);
        log.remove(1);
        assert!(matches!(
            verify_chain(&log),
            ChainCheck::Broken { seq: 3, .. }
        ));
    }

    #[test]
    fn the_canonical_form_is_pinned() {
        let e = entry(1, None, "check the figure");
        assert_eq!(
            String::from_utf8(e.canonical_json()).unwrap(),
            r#"{"seq":1,"session_id":1,"at":"2026-01-01T00:00:01Z","action":"note","target_kind":"document","target_id":"a.txt","verdict":null,"note":"check the figure","detail":null,"anchors":[{"path":"a.txt","document_sha256":"aa","start":10,"end":20}],"prev_sha256":null}"#
        );
    }

    #[test]
    fn anchors_round_trip_through_json_even_with_names_that_are_not_utf8() {
        let anchors = vec![
            anchor("a.txt", "aa"),
            Anchor {
                path: RelPath::from_bytes(b"caf\xe9.txt".to_vec()),
                document_sha256: "bb".into(),
                start: None,
                end: None,
            },
        ];
        assert_eq!(
            anchors_from_json(&anchors_to_json(&anchors)).unwrap(),
            anchors
        );
    }

    #[test]
    fn staleness_names_the_changed_and_the_missing_file() {
        let anchors = vec![anchor("a.txt", "aa"), anchor("b.txt", "bb")];
        let p = |s: &str| RelPath::from_bytes(s.as_bytes().to_vec());
        let mut current = HashMap::from([(p("a.txt"), "aa".to_owned()), (p("b.txt"), "bb".into())]);
        assert!(staleness(&anchors, &current, &HashMap::new()).is_empty());
        current.insert(p("a.txt"), "cc".into());
        let statuses = HashMap::from([(p("b.txt"), Status::Missing)]);
        let reasons = staleness(&anchors, &current, &statuses);
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(reasons[0].starts_with("a.txt: changed since the review"));
        assert!(reasons[1].contains("b.txt: the latest verification found the file missing"));
    }

    #[test]
    fn verdicts_read_as_the_review_screen_shows_them() {
        assert_eq!(
            Verdict::SingleSource.describe(),
            "single source — needs a second source"
        );
        for v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.as_str()), Some(v));
            assert_eq!(
                serde_json::to_value(v).unwrap(),
                serde_json::json!(v.as_str())
            );
        }
    }

    /// A store holding one audited corpus of two files, in a temp folder.
    fn audited() -> (tempfile::TempDir, Store) {
        crate::store::ingested_for_tests(&[
            ("a.txt", "Reuters - At least 1,093 people were killed."),
            ("b.txt", "AFP - 510 people were killed."),
        ])
    }

    fn span(path: &str, start: u64, end: u64) -> Span {
        Span {
            path: RelPath::from_bytes(path.as_bytes().to_vec()),
            start: Some(start),
            end: Some(end),
        }
    }

    #[test]
    fn a_session_survives_reopening_the_store_and_can_be_resumed() {
        let (dir, mut store) = audited();
        let s = start_session(&mut store, "  Dana  ", "Libya casualties").unwrap();
        assert_eq!(s.reviewer, "Dana");
        record(
            &mut store,
            s.id,
            Target::Cluster("c1".into()),
            Some(Verdict::SingleSource),
            Some("only Reuters carries it"),
            &[span("a.txt", 0, 44)],
        )
        .unwrap();
        close_session(&mut store, s.id).unwrap();
        let err = record(
            &mut store,
            s.id,
            Target::Document("a.txt".into()),
            None,
            Some("x"),
            &[],
        );
        assert!(matches!(err, Err(ReviewError::SessionClosed { .. })));
        drop(store);

        let mut store = Store::open_existing(&dir.path().join("s.sqlite")).unwrap();
        let st = state(&store).unwrap();
        assert_eq!(st.sessions.len(), 1);
        assert!(st.sessions[0].ended_at.is_some());
        let v = &st.verdicts["cluster:c1"];
        assert_eq!(v.verdict, Some(Verdict::SingleSource));
        assert_eq!(v.note.as_deref(), Some("only Reuters carries it"));
        assert_eq!(v.reviewer, "Dana");
        assert_eq!(
            v.anchors[0].document_sha256,
            store.documents().unwrap()[0].sha256
        );
        assert!(!v.stale);
        let resumed = resume_session(&mut store, s.id).unwrap();
        assert!(resumed.ended_at.is_none());
        match state(&store).unwrap().chain {
            ChainCheck::Intact { entries, head } => {
                assert_eq!(entries, 4, "start, verdict, close, resume");
                assert!(head.is_some());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_note_on_a_document_goes_stale_when_its_file_changes() {
        let (dir, mut store) = audited();
        let s = start_session(&mut store, "Dana", "").unwrap();
        let note = record(
            &mut store,
            s.id,
            Target::Document("b.txt".into()),
            None,
            Some("check the 510 figure"),
            &[],
        )
        .unwrap();
        assert_eq!(note.anchors[0].start, None, "a whole-document anchor");
        assert!(!note.stale);
        let corpus = dir.path().join("corpus");
        std::fs::write(corpus.join("b.txt"), "AFP - 5100 people were killed.").unwrap();
        crate::verify::verify_store(
            &mut store,
            &corpus,
            Default::default(),
            &crate::progress::Control::none(),
        )
        .unwrap();
        let st = state(&store).unwrap();
        let a = &st.annotations[0];
        assert!(a.stale);
        assert_eq!(
            a.stale_reasons,
            ["b.txt: the latest verification found the file modified"]
        );
    }

    #[test]
    fn unknown_documents_and_empty_annotations_are_refused() {
        let (_dir, mut store) = audited();
        let s = start_session(&mut store, "Dana", "").unwrap();
        let t = Target::Cluster("c1".into());
        assert!(matches!(
            record(
                &mut store,
                s.id,
                t.clone(),
                Some(Verdict::Disputed),
                None,
                &[span("zzz.txt", 0, 1)]
            ),
            Err(ReviewError::UnknownDocument { .. })
        ));
        assert!(matches!(
            record(
                &mut store,
                s.id,
                t.clone(),
                None,
                Some("   "),
                &[span("a.txt", 0, 1)]
            ),
            Err(ReviewError::Empty)
        ));
        assert!(matches!(
            record(&mut store, s.id, t, Some(Verdict::Disputed), None, &[]),
            Err(ReviewError::NoAnchor { .. })
        ));
        assert!(matches!(
            start_session(&mut store, " ", ""),
            Err(ReviewError::NoReviewer)
        ));
    }

    #[test]
    fn editing_the_log_with_raw_sql_is_detected() {
        let (dir, mut store) = audited();
        let s = start_session(&mut store, "Dana", "").unwrap();
        for verdict in [Verdict::Corroborated, Verdict::Disputed] {
            record(
                &mut store,
                s.id,
                Target::Document("a.txt".into()),
                Some(verdict),
                None,
                &[],
            )
            .unwrap();
        }
        assert!(matches!(
            state(&store).unwrap().chain,
            ChainCheck::Intact { entries: 3, .. }
        ));
        drop(store);
        let db = dir.path().join("s.sqlite");
        let conn = rusqlite::Connection::open(&db).unwrap();
        // The log refuses edits; someone editing the file would drop the guard first.
        assert!(
            conn.execute(
                "UPDATE review_log SET verdict = 'corroborated' WHERE seq = 3",
                []
            )
            .is_err()
        );
        conn.execute_batch(
            "DROP TRIGGER review_log_append_only_update;
             UPDATE review_log SET verdict = 'corroborated' WHERE seq = 3;",
        )
        .unwrap();
        drop(conn);
        let store = Store::open_existing(&db).unwrap();
        let st = state(&store).unwrap();
        assert_eq!(
            st.chain,
            ChainCheck::Broken {
                seq: 3,
                reason: "entry 3 was changed after it was written (its content no longer matches its SHA-256)".into()
            }
        );
    }
}

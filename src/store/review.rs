//! SQL of review sessions and the review log. The log is only ever appended
//! to, in a transaction that reads its head first, so two writers cannot fork
//! the chain.

use super::{Result, Store, classify};
use crate::model::review::{self, Action, Entry, NewEntry, Session, Target, Verdict};
use rusqlite::{OptionalExtension, Row, Transaction, TransactionBehavior, params};

fn session_from(r: &Row) -> rusqlite::Result<Session> {
    Ok(Session {
        id: r.get(0)?,
        reviewer: r.get(1)?,
        title: r.get(2)?,
        started_at: r.get(3)?,
        ended_at: r.get(4)?,
    })
}

const SESSION_COLUMNS: &str = "id, reviewer, title, started_at, ended_at";

/// Appends `new` after the current head, inside `tx`.
pub(super) fn append(tx: &Transaction, new: NewEntry) -> rusqlite::Result<Entry> {
    let head: Option<(i64, String)> = tx
        .query_row(
            "SELECT seq, sha256 FROM review_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev) = match head {
        Some((seq, sha)) => (seq + 1, Some(sha)),
        None => (1, None),
    };
    let entry = review::seal(new, seq, prev);
    tx.execute(
        "INSERT INTO review_log (seq, session_id, at, action, target_kind, target_id, verdict, note, detail, anchors,
            prev_sha256, sha256)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            entry.seq,
            entry.session_id,
            entry.at,
            entry.action.as_str(),
            entry.target.as_ref().map(Target::kind),
            entry.target.as_ref().map(Target::id),
            entry.verdict.map(Verdict::as_str),
            entry.note,
            entry.detail,
            review::anchors_to_json(&entry.anchors),
            entry.prev_sha256,
            entry.sha256
        ],
    )?;
    Ok(entry)
}

impl Store {
    /// Creates a session and logs its start, in one transaction.
    pub fn begin_review_session(
        &mut self,
        reviewer: &str,
        title: &str,
        at: &str,
    ) -> Result<Session> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        tx.execute(
            "INSERT INTO review_session (reviewer, title, started_at) VALUES (?1, ?2, ?3)",
            params![reviewer, title, at],
        )
        .map_err(e)?;
        let id = tx.last_insert_rowid();
        append(
            &tx,
            NewEntry {
                session_id: Some(id),
                at: at.to_owned(),
                action: Action::SessionStarted,
                target: None,
                verdict: None,
                note: None,
                detail: Some(serde_json::json!({"reviewer": reviewer, "title": title}).to_string()),
                anchors: Vec::new(),
            },
        )
        .map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(Session {
            id,
            reviewer: reviewer.to_owned(),
            title: title.to_owned(),
            started_at: at.to_owned(),
            ended_at: None,
        })
    }

    /// Closes (`closed: true`) or re-opens a session and logs it.
    pub fn set_review_session_end(&mut self, id: i64, closed: bool, at: &str) -> Result<Session> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        tx.execute(
            "UPDATE review_session SET ended_at = ?2 WHERE id = ?1",
            params![id, closed.then_some(at)],
        )
        .map_err(e)?;
        append(
            &tx,
            NewEntry {
                session_id: Some(id),
                at: at.to_owned(),
                action: if closed {
                    Action::SessionClosed
                } else {
                    Action::SessionResumed
                },
                target: None,
                verdict: None,
                note: None,
                detail: None,
                anchors: Vec::new(),
            },
        )
        .map_err(e)?;
        let session = tx
            .query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM review_session WHERE id = ?1"),
                [id],
                session_from,
            )
            .map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(session)
    }

    /// Appends a verdict or note to the log.
    pub fn append_review_entry(&mut self, new: NewEntry) -> Result<Entry> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        let entry = append(&tx, new).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(entry)
    }

    /// One session.
    pub fn review_session(&self, id: i64) -> Result<Option<Session>> {
        self.conn
            .query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM review_session WHERE id = ?1"),
                [id],
                session_from,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Every session, newest first.
    pub fn review_sessions(&self) -> Result<Vec<Session>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM review_session ORDER BY id DESC"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], session_from).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The whole log, oldest entry first. A row whose fields cannot be read
    /// back (edited to an unknown action, say) is returned with what can be
    /// read, so the chain check reports it instead of the read failing.
    pub fn review_log(&self) -> Result<Vec<Entry>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, session_id, at, action, target_kind, target_id, verdict, note, detail, anchors,
                    prev_sha256, sha256
                 FROM review_log ORDER BY seq",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let action: String = r.get(3)?;
                let kind: Option<String> = r.get(4)?;
                let id: Option<String> = r.get(5)?;
                let verdict: Option<String> = r.get(6)?;
                let anchors: String = r.get(9)?;
                let mut malformed = Vec::new();
                let parsed_action = Action::parse(&action);
                if parsed_action.is_none() {
                    malformed.push(format!("action {action:?}"));
                }
                let target = match (&kind, &id) {
                    (Some(k), Some(i)) => {
                        let t = Target::parse(k, i);
                        if t.is_none() {
                            malformed.push(format!("target kind {k:?}"));
                        }
                        t
                    }
                    (None, None) => None,
                    _ => {
                        malformed
                            .push("a target kind without an id, or an id without a kind".into());
                        None
                    }
                };
                let parsed_verdict = verdict.as_deref().and_then(Verdict::parse);
                if let (Some(v), None) = (&verdict, parsed_verdict) {
                    malformed.push(format!("verdict {v:?}"));
                }
                let parsed_anchors = review::anchors_from_json(&anchors);
                if parsed_anchors.is_none() {
                    malformed.push("anchors that are not JSON".into());
                }
                Ok(Entry {
                    seq: r.get(0)?,
                    session_id: r.get(1)?,
                    at: r.get(2)?,
                    action: parsed_action.unwrap_or(Action::Note),
                    target,
                    verdict: parsed_verdict,
                    note: r.get(7)?,
                    detail: r.get(8)?,
                    anchors: parsed_anchors.unwrap_or_default(),
                    prev_sha256: r.get(10)?,
                    sha256: r.get(11)?,
                    malformed: (!malformed.is_empty()).then(|| malformed.join(", ")),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}

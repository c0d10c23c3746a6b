-- Review sessions and the review log: the reviewer's verdicts and notes,
-- each bound to the bytes it rests on, in an append-only hash chain.

CREATE TABLE review_session (
    id INTEGER PRIMARY KEY,
    reviewer TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,          -- RFC 3339, UTC
    ended_at TEXT                      -- NULL while the session is open
);

-- One row per event, never updated or deleted. Each row's sha256 is the
-- SHA-256 of its canonical JSON form (which includes prev_sha256), so editing,
-- removing or reordering a row breaks the chain (`review::verify_chain`).
CREATE TABLE review_log (
    seq INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES review_session(id),
    at TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('session_started', 'session_closed', 'session_resumed', 'verdict', 'note')),
    target_kind TEXT CHECK (target_kind IN ('cluster', 'document')),
    target_id TEXT,                    -- cluster id, or document path (lossy UTF-8)
    verdict TEXT CHECK (verdict IN ('corroborated', 'single_source', 'disputed', 'unverifiable')),
    note TEXT,
    detail TEXT,                       -- session events: reviewer and title
    anchors TEXT NOT NULL DEFAULT '[]',-- JSON: [{path, path_hex?, document_sha256, start, end}]
    prev_sha256 TEXT,                  -- NULL for the first entry
    sha256 TEXT NOT NULL UNIQUE
);
CREATE INDEX review_log_by_target ON review_log(target_kind, target_id);

CREATE TRIGGER review_log_append_only_update BEFORE UPDATE ON review_log
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;
CREATE TRIGGER review_log_append_only_delete BEFORE DELETE ON review_log
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;

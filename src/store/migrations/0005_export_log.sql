-- Exports enter the review log: what was written, when, and its SHA-256, in
-- the same hash chain as the verdicts. An export may happen outside a review
-- session, so session_id becomes optional. SQLite cannot change a CHECK
-- constraint in place: the table is rebuilt with every row copied as it is
-- (the chain's hashes do not depend on the table's layout). DROP TABLE does
-- not fire the append-only triggers; they are recreated on the new table.

CREATE TABLE review_log_v5 (
    seq INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES review_session(id), -- NULL for an export outside a session
    at TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('session_started', 'session_closed', 'session_resumed', 'verdict', 'note', 'export')),
    target_kind TEXT CHECK (target_kind IN ('cluster', 'document')),
    target_id TEXT,
    verdict TEXT CHECK (verdict IN ('corroborated', 'single_source', 'disputed', 'unverifiable')),
    note TEXT,
    detail TEXT,                       -- session events: reviewer and title; exports: JSON {format, path, sha256, bytes, files}
    anchors TEXT NOT NULL DEFAULT '[]',
    prev_sha256 TEXT,
    sha256 TEXT NOT NULL UNIQUE
);
INSERT INTO review_log_v5 (seq, session_id, at, action, target_kind, target_id, verdict, note, detail, anchors, prev_sha256, sha256)
    SELECT seq, session_id, at, action, target_kind, target_id, verdict, note, detail, anchors, prev_sha256, sha256
    FROM review_log ORDER BY seq;
DROP TABLE review_log;
ALTER TABLE review_log_v5 RENAME TO review_log;
CREATE INDEX review_log_by_target ON review_log(target_kind, target_id);

CREATE TRIGGER review_log_append_only_update BEFORE UPDATE ON review_log
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;
CREATE TRIGGER review_log_append_only_delete BEFORE DELETE ON review_log
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;

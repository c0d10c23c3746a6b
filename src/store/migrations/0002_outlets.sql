-- The outlets stage: the evidence found in each document, the decision about
-- its publisher and origin, and the reviewer's corrections.

CREATE TABLE outlet_signal (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('publisher', 'origin', 'mention', 'photo_credit')),
    name TEXT NOT NULL,
    outlet_id TEXT,                  -- registry id; NULL: named but not registered
    rule TEXT NOT NULL,
    text TEXT NOT NULL,              -- the exact text that fired the rule
    start INTEGER,                   -- byte range in the original file; NULL: not locatable
    end INTEGER,
    line INTEGER,
    confidence REAL NOT NULL
);
CREATE INDEX outlet_signal_by_document ON outlet_signal(document_id);

-- One row per document. A party (publisher, origin) is NULL when unidentified.
CREATE TABLE outlet_decision (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    publisher_name TEXT, publisher_outlet_id TEXT, publisher_rule TEXT, publisher_text TEXT,
    publisher_start INTEGER, publisher_end INTEGER, publisher_line INTEGER,
    publisher_confidence REAL, publisher_basis TEXT, publisher_manual INTEGER,
    origin_name TEXT, origin_outlet_id TEXT, origin_rule TEXT, origin_text TEXT,
    origin_start INTEGER, origin_end INTEGER, origin_line INTEGER,
    origin_confidence REAL, origin_basis TEXT, origin_manual INTEGER,
    relation TEXT NOT NULL CHECK (relation IN ('original', 'republished', 'syndicated_wire', 'unknown')),
    origin_group TEXT NOT NULL,
    origin_kind TEXT, origin_country TEXT, origin_owner TEXT, origin_state_affiliation TEXT,
    candidates TEXT NOT NULL DEFAULT '[]',   -- JSON array of names
    explanation TEXT NOT NULL,
    registry_version TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE INDEX outlet_decision_by_group ON outlet_decision(origin_group);

-- The reviewer's corrections, by path so they survive re-ingest; the newest
-- row per (path, field) is in force, and a NULL value withdraws a correction.
CREATE TABLE outlet_override (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL,
    path_text TEXT NOT NULL,
    field TEXT NOT NULL CHECK (field IN ('publisher', 'origin')),
    value TEXT,
    reviewer TEXT NOT NULL,
    note TEXT,
    document_sha256 TEXT NOT NULL,   -- the bytes the reviewer looked at
    created_at TEXT NOT NULL
);
CREATE INDEX outlet_override_by_path ON outlet_override(path, field);

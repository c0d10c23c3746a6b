-- The evidence store, version 1: the corpus, its documents and their
-- fingerprints, ingest runs, and verification runs.
-- Shipped migrations are never edited; later changes are new files.

CREATE TABLE corpus (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    root BLOB NOT NULL,              -- absolute path, raw bytes
    root_text TEXT NOT NULL,         -- the same, for display
    created_at TEXT NOT NULL,        -- RFC 3339, UTC
    program_version TEXT NOT NULL
);

CREATE TABLE ingest_run (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,                -- NULL: the run was interrupted
    root_text TEXT NOT NULL,
    files_seen INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    changed INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0,
    program_version TEXT NOT NULL
);

CREATE TABLE document (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,       -- relative to the corpus root, raw bytes
    path_text TEXT NOT NULL,         -- the same, lossy UTF-8, for display
    bytes INTEGER NOT NULL,
    mtime_ns INTEGER,                -- modification time, ns since the epoch
    sha256 TEXT NOT NULL,            -- of the raw bytes
    text_sha256 TEXT,                -- of the normalised text; NULL: no text
    encoding TEXT,
    content_kind TEXT NOT NULL CHECK (content_kind IN ('text', 'html', 'manifest', 'binary', 'empty', 'too_large')),
    notes TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    first_ingested_at TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    ingest_run_id INTEGER NOT NULL REFERENCES ingest_run(id)
);
CREATE INDEX document_sha256 ON document(sha256);
CREATE INDEX document_text_sha256 ON document(text_sha256);

-- The extracted text, so later stages never re-read the corpus.
CREATE TABLE document_text (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    title TEXT,
    text TEXT NOT NULL,
    site_name TEXT,                  -- HTML: og:site_name / application-name
    canonical_url TEXT,              -- HTML: <link rel=canonical> / og:url
    source TEXT                      -- HTML: the decoded page, to locate evidence in it
);

-- Earlier fingerprints of a path whose bytes changed between two audits.
CREATE TABLE document_revision (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    text_sha256 TEXT,
    ingested_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    replaced_by_run INTEGER NOT NULL REFERENCES ingest_run(id)
);

CREATE TABLE ingest_error (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES ingest_run(id) ON DELETE CASCADE,
    path BLOB NOT NULL,
    path_text TEXT NOT NULL,
    message TEXT NOT NULL
);

CREATE TABLE verification (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    root_text TEXT NOT NULL,
    against TEXT NOT NULL,           -- 'store', or the manifest checked
    ok INTEGER NOT NULL,
    modified INTEGER NOT NULL,
    missing INTEGER NOT NULL,
    new INTEGER NOT NULL,
    moved INTEGER NOT NULL,
    duplicate INTEGER NOT NULL,
    unreadable INTEGER NOT NULL,
    program_version TEXT NOT NULL
);

CREATE TABLE verification_result (
    id INTEGER PRIMARY KEY,
    verification_id INTEGER NOT NULL REFERENCES verification(id) ON DELETE CASCADE,
    path BLOB NOT NULL,
    path_text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'modified', 'missing', 'new', 'moved', 'duplicate', 'unreadable')),
    expected_sha256 TEXT,
    actual_sha256 TEXT,
    other_path_text TEXT,
    message TEXT
);
CREATE INDEX verification_result_by_run ON verification_result(verification_id);

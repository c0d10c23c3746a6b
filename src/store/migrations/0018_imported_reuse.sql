-- Text reuse found outside provaudit (scripts/spark/reuse.py on a Spark
-- cluster, from `export --format jsonl`) and loaded with `provaudit import
-- reuse`. The claims stage takes these pairs instead of running its own
-- reuse step for the documents the job read, as long as each still has the
-- bytes the job read; documents added or changed since are compared by the
-- native step. One import is in force at a time.

CREATE TABLE reuse_import (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    source TEXT NOT NULL,            -- the file or folder imported, as given
    sha256 TEXT NOT NULL,            -- of what was read (part files in name order)
    engine TEXT NOT NULL,            -- what the job said it was
    imported_at TEXT NOT NULL,       -- RFC 3339, UTC
    lines INTEGER NOT NULL,
    rejected INTEGER NOT NULL        -- lines naming documents the store lacks, or with other bytes
);

-- The documents the job read, with the SHA-256 of the bytes it read.
CREATE TABLE reuse_import_document (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL
);

CREATE TABLE reuse_import_pair (
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,        -- the copy
    source_document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE, -- holds most of its text
    containment REAL NOT NULL CHECK (containment >= 0 AND containment <= 1),
    shared_passages INTEGER NOT NULL CHECK (shared_passages >= 0),
    PRIMARY KEY (document_id, source_document_id)
);

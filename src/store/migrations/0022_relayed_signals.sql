-- A signal may name a newsroom whose report the lead relays ("…, Xinhua
-- news agency reported."): never the producer, but in a claim that
-- newsroom stands behind too, the document counts as one origin with it.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt
-- with the same rows.
CREATE TABLE outlet_signal_next (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('publisher', 'origin', 'mention', 'photo_credit', 'relayed')),
    name TEXT NOT NULL,
    outlet_id TEXT,                  -- registry id; NULL: named but not registered
    rule TEXT NOT NULL,
    text TEXT NOT NULL,              -- the exact text that fired the rule
    start INTEGER,                   -- byte range in the original file; NULL: not locatable
    end INTEGER,
    line INTEGER,
    confidence REAL NOT NULL
);
INSERT INTO outlet_signal_next (id, document_id, role, name, outlet_id, rule, text, start, end, line, confidence)
    SELECT id, document_id, role, name, outlet_id, rule, text, start, end, line, confidence FROM outlet_signal;
DROP TABLE outlet_signal;
ALTER TABLE outlet_signal_next RENAME TO outlet_signal;
CREATE INDEX outlet_signal_by_document ON outlet_signal(document_id);

-- Two things the outlets stage now says of a document:
-- * the other producers its text credits beside its origin ("(AFP/APP)"),
--   a JSON array of {name, outlet_id, group}: a text credited to several
--   producers is never an origin independent of theirs;
-- * the relation `digest`: a page of several producers' stories (an
--   aggregator's page), which has no one producer.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt,
-- every row and its index kept.

CREATE TABLE outlet_decision_0017 (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    publisher_name TEXT, publisher_outlet_id TEXT, publisher_rule TEXT, publisher_text TEXT,
    publisher_start INTEGER, publisher_end INTEGER, publisher_line INTEGER,
    publisher_confidence REAL, publisher_basis TEXT, publisher_manual INTEGER,
    origin_name TEXT, origin_outlet_id TEXT, origin_rule TEXT, origin_text TEXT,
    origin_start INTEGER, origin_end INTEGER, origin_line INTEGER,
    origin_confidence REAL, origin_basis TEXT, origin_manual INTEGER,
    relation TEXT NOT NULL
        CHECK (relation IN ('original', 'republished', 'syndicated_wire', 'unknown', 'digest')),
    origin_group TEXT NOT NULL,
    origin_kind TEXT, origin_country TEXT, origin_owner TEXT, origin_state_affiliation TEXT,
    candidates TEXT NOT NULL DEFAULT '[]',   -- JSON array of names
    explanation TEXT NOT NULL,
    registry_version TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    co_producers TEXT NOT NULL DEFAULT '[]'  -- JSON array of {name, outlet_id, group}
);

INSERT INTO outlet_decision_0017 (
    document_id,
    publisher_name, publisher_outlet_id, publisher_rule, publisher_text,
    publisher_start, publisher_end, publisher_line,
    publisher_confidence, publisher_basis, publisher_manual,
    origin_name, origin_outlet_id, origin_rule, origin_text,
    origin_start, origin_end, origin_line,
    origin_confidence, origin_basis, origin_manual,
    relation, origin_group, origin_kind, origin_country, origin_owner, origin_state_affiliation,
    candidates, explanation, registry_version, decided_at)
SELECT
    document_id,
    publisher_name, publisher_outlet_id, publisher_rule, publisher_text,
    publisher_start, publisher_end, publisher_line,
    publisher_confidence, publisher_basis, publisher_manual,
    origin_name, origin_outlet_id, origin_rule, origin_text,
    origin_start, origin_end, origin_line,
    origin_confidence, origin_basis, origin_manual,
    relation, origin_group, origin_kind, origin_country, origin_owner, origin_state_affiliation,
    candidates, explanation, registry_version, decided_at
FROM outlet_decision;

DROP TABLE outlet_decision;
ALTER TABLE outlet_decision_0017 RENAME TO outlet_decision;
CREATE INDEX outlet_decision_by_group ON outlet_decision(origin_group);

-- What the analysis stages last ran on, so an audit that finds nothing
-- changed keeps their results instead of computing them again.

CREATE TABLE analysis_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    inputs_sha256 TEXT NOT NULL,     -- of the documents' fingerprints, the registry, the options and the program
    analysed_at TEXT NOT NULL        -- RFC 3339, UTC
);

-- What the analysis stages found in each document on its own, kept so a
-- re-audit analyses again only the documents whose bytes, or the analysis,
-- changed. Derived data: deleting a row only costs its document's analysis
-- on the next run.

-- The claims stage: its claims with
-- their matching features, its passages for text reuse and its date,
-- encoded with postcard. A re-audit reads again, cleans and extracts only
-- the documents whose row is missing or was made from other inputs; the
-- rest is taken from here, and matching, reuse and independence run over
-- all of it as before. `inputs` is the SHA-256 of what the row was made
-- from: the program and its analysis version, the registry and entity
-- lists, and the document's path, bytes, text and extractor. A row is
-- written as soon as it is made, before the run stores its
-- results; `in_results` says the stored claims, article and date of the
-- document were written from it, so a later run may leave them standing.

CREATE TABLE document_analysis (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    inputs TEXT NOT NULL,
    data BLOB NOT NULL,
    in_results INTEGER NOT NULL DEFAULT 0 CHECK (in_results IN (0, 1))
);

-- The outlets stage: the document's outlet decision and the signals kept
-- as its evidence (postcard), made from the program, the registry, the
-- grouping, the reviewer's corrections of this document and the document.
-- Every decision is written to `outlet_decision` on each run (the claims
-- stage then writes inherited origins onto them), so no flag is needed.
CREATE TABLE document_outlet_analysis (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    inputs TEXT NOT NULL,
    data BLOB NOT NULL
);

-- What the claims stage found in each document on its own: its claims with
-- their matching features, its passages for text reuse and its date,
-- encoded with postcard. A re-audit reads again, cleans and extracts only
-- the documents whose row is missing or was made from other inputs; the
-- rest is taken from here, and matching, reuse and independence run over
-- all of it as before. `inputs` is the SHA-256 of what the row was made
-- from: the program and its analysis version, the registry and entity
-- lists, and the document's path, bytes, text and extractor. Derived data:
-- deleting a row only costs its document's extraction on the next run.
-- A row is written as soon as it is made, before the run stores its
-- results; `in_results` says the stored claims, article and date of the
-- document were written from it, so a later run may leave them standing.

CREATE TABLE document_analysis (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    inputs TEXT NOT NULL,
    data BLOB NOT NULL,
    in_results INTEGER NOT NULL DEFAULT 0 CHECK (in_results IN (0, 1))
);

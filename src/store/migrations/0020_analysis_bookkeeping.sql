-- Which documents' stored claims, article and date were written from their
-- kept claims analysis, so a later run may leave them standing (was the
-- flag `document_analysis.in_results`). A table of its own: setting a flag
-- beside the analysis's bytes made SQLite write every row's blob again
-- (6.7 s, and the commit of ~1.5 GB, at 100,000 documents). A row is
-- removed whenever its document's analysis is written anew.
CREATE TABLE document_analysis_in_results (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE
);
INSERT INTO document_analysis_in_results (document_id)
    SELECT document_id FROM document_analysis WHERE in_results = 1;
ALTER TABLE document_analysis DROP COLUMN in_results;

-- The article and date of each document the claims stage analysed in the
-- run under way, written with its kept analysis so the run does not hold
-- every cleaned text until it stores its results (~0.4 GB at 100,000
-- documents). Storing the results moves them to `document_article` and
-- `document_date` and empties these; a run stopped before that leaves
-- rows the next run writes again.
CREATE TABLE pending_article (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    removed TEXT NOT NULL
);
CREATE TABLE pending_date (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    year INTEGER,
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    text TEXT NOT NULL,
    start INTEGER, "end" INTEGER, line INTEGER
);

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

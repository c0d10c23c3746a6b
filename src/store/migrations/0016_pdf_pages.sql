-- A PDF's pages: the line of the stored text each page starts on (a JSON
-- array, 1-based; NULL for other documents), and the page a claim is on,
-- so evidence in a PDF is cited as a reviewer cites it: by page.

ALTER TABLE document_text ADD COLUMN page_lines TEXT;
ALTER TABLE claim ADD COLUMN page INTEGER;

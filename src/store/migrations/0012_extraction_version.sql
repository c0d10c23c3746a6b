-- Which version of the text extraction produced a document's stored text,
-- title and page metadata (`text::EXTRACTION_VERSION`). Rows stored before
-- the version was recorded hold 0; an ingest reads such a file again even
-- when its size and modification time are unchanged, so an improved
-- extraction reaches every stored document, not only new or changed files.

ALTER TABLE document ADD COLUMN extracted_with INTEGER NOT NULL DEFAULT 0;

-- Where and when a page was captured, as the capture states it: an MHTML
-- file's Snapshot-Content-Location and Date, a browser's "saved from url="
-- mark. The address is the strongest evidence of who published a page.

ALTER TABLE document_text ADD COLUMN capture_url TEXT;
ALTER TABLE document_text ADD COLUMN captured_at TEXT;
ALTER TABLE document_text ADD COLUMN capture_format TEXT;

-- The Documents screen reads a page at a time, sorted and filtered in the
-- store: each document's status in the latest verification is found by
-- (verification, path), and the documents copied from one are found by
-- source as well as by copy.

CREATE INDEX verification_result_by_path ON verification_result(verification_id, path);
CREATE INDEX document_reuse_by_source ON document_reuse(source_document_id);

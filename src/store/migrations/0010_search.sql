-- Full-text search over every document's stored text and every claim
-- (`provaudit search`, the app's search boxes). External-content FTS5
-- tables: the text is not stored twice. Triggers keep the documents' index
-- in step with ingest (an upsert fires the update trigger, a cascade the
-- delete trigger); the claims' index is rebuilt with the claims, which the
-- analysis replaces as a whole.

CREATE VIRTUAL TABLE document_search USING fts5(
    title, text,
    content = 'document_text', content_rowid = 'document_id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER document_search_insert AFTER INSERT ON document_text BEGIN
    INSERT INTO document_search (rowid, title, text) VALUES (new.document_id, new.title, new.text);
END;
CREATE TRIGGER document_search_delete AFTER DELETE ON document_text BEGIN
    INSERT INTO document_search (document_search, rowid, title, text)
        VALUES ('delete', old.document_id, old.title, old.text);
END;
CREATE TRIGGER document_search_update AFTER UPDATE ON document_text BEGIN
    INSERT INTO document_search (document_search, rowid, title, text)
        VALUES ('delete', old.document_id, old.title, old.text);
    INSERT INTO document_search (rowid, title, text) VALUES (new.document_id, new.title, new.text);
END;
INSERT INTO document_search (document_search) VALUES ('rebuild');

CREATE VIRTUAL TABLE claim_search USING fts5(
    text,
    content = 'claim', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO claim_search (claim_search) VALUES ('rebuild');

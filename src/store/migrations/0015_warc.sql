-- Web archives: a WARC file is kept as one document (the evidence file,
-- what verify re-hashes and what exports copy), and each page it holds is a
-- document of its own, named `<container>/@<offset>`, whose `container` is
-- the WARC file's path. Every record of the file, page or not (requests,
-- metadata, revisits, warcinfo), is listed in `warc_record` with its place,
-- its own SHA-256 and its declared digests as checked.

ALTER TABLE document ADD COLUMN container BLOB;
CREATE INDEX document_container ON document(container) WHERE container IS NOT NULL;

CREATE TABLE warc_record (
    id INTEGER PRIMARY KEY,
    container BLOB NOT NULL,            -- the WARC file's path, raw bytes
    offset INTEGER NOT NULL,            -- its gzip member, or itself, in the file
    inner INTEGER NOT NULL,             -- inside a shared gzip member; else 0
    stored_length INTEGER,              -- bytes in the file, when its own
    warc_type TEXT NOT NULL,
    record_id TEXT,
    target_uri TEXT,
    warc_date TEXT,
    sha256 TEXT NOT NULL,               -- of header and block, decompressed
    block_length INTEGER NOT NULL,
    block_digest TEXT,                  -- as declared
    block_check TEXT NOT NULL,          -- absent | matches | differs | unchecked
    payload_digest TEXT,
    payload_check TEXT NOT NULL,
    refers_to TEXT,                     -- a revisit: the record it repeats
    http_status INTEGER,
    media_type TEXT,
    software TEXT,                      -- from the file's warcinfo record
    document_id INTEGER REFERENCES document(id) ON DELETE SET NULL,
    UNIQUE (container, offset, inner)
);

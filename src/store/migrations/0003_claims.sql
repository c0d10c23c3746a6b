-- The claims stage: each article's cleaned text, its claims, the clusters of
-- the same claim across documents, conflicting figures, and text reuse
-- between documents.

CREATE TABLE document_article (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    text TEXT NOT NULL,              -- the cleaned article text claims point into
    removed TEXT NOT NULL            -- JSON: [{start, end, what}] byte ranges of the original file
);

CREATE TABLE claim (
    claim_key TEXT PRIMARY KEY,      -- stable while the document's bytes are unchanged
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    cluster_key TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER, end INTEGER, line INTEGER,   -- in the original file
    clean_start INTEGER NOT NULL, clean_end INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('figure', 'quote', 'attributed', 'assertion')),
    speaker TEXT,
    attribution TEXT,
    quantities TEXT NOT NULL DEFAULT '[]'      -- JSON
);
CREATE INDEX claim_by_cluster ON claim(cluster_key);
CREATE INDEX claim_by_document ON claim(document_id);

CREATE TABLE claim_cluster (
    cluster_key TEXT PRIMARY KEY,
    claim_count INTEGER NOT NULL,
    document_count INTEGER NOT NULL,
    independent_origins INTEGER NOT NULL,
    single_source INTEGER NOT NULL,
    single_primary INTEGER NOT NULL,
    single_alignment INTEGER NOT NULL,
    conflicting INTEGER NOT NULL,
    origin_groups TEXT NOT NULL,     -- JSON: [{group, name, documents}]
    primary_sources TEXT NOT NULL,   -- JSON: [name]
    explanation TEXT NOT NULL
);
-- The desktop app's main list: flagged clusters first, most documents first.
CREATE INDEX claim_cluster_by_flags ON claim_cluster(single_source DESC, document_count DESC);

CREATE TABLE claim_conflict (
    id INTEGER PRIMARY KEY,
    quantity TEXT NOT NULL,          -- what is measured: "people killed"
    clusters TEXT NOT NULL,          -- JSON: [cluster_key]
    "values" TEXT NOT NULL           -- JSON: [{cluster, claim, document, value, text}]
);

CREATE TABLE document_reuse (
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    source_document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    containment REAL NOT NULL,       -- share of the smaller document's passages found in the other
    shared_passages INTEGER NOT NULL,
    PRIMARY KEY (document_id, source_document_id)
);

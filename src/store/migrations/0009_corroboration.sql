-- How far each claim is corroborated once copies are collapsed (echo,
-- unresolved, corroborated, single_document), decided by the claims stage,
-- and the table of documents under its explanation. Rows written before
-- this migration say 'unresolved' (never more than is established) until
-- the next analysis, which the analysis version makes happen.
ALTER TABLE claim_cluster ADD COLUMN corroboration TEXT NOT NULL DEFAULT 'unresolved'
    CHECK (corroboration IN ('echo', 'unresolved', 'corroborated', 'single_document'));
ALTER TABLE claim_cluster ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]';  -- JSON: [{document, origin, how, evidence, line}]

-- The claims list in review order: echoes first, most documents first.
DROP INDEX IF EXISTS claim_cluster_by_flags;
CREATE INDEX claim_cluster_by_class ON claim_cluster(
    (CASE corroboration WHEN 'echo' THEN 0 WHEN 'unresolved' THEN 1 WHEN 'corroborated' THEN 2 ELSE 3 END),
    document_count DESC);

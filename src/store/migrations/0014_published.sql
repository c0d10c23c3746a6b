-- When a page says it was published, as its metadata writes it
-- (`article:published_time`, `datePublished`, `pubdate`): the day a
-- document reports from when its text gives no dateline.

ALTER TABLE document_text ADD COLUMN published TEXT;

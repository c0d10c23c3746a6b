-- The other producers a document's text credits beside its origin
-- ("(AFP/APP)"): a JSON array of {name, outlet_id, group}. A text
-- credited to several producers is never an origin independent of theirs.

ALTER TABLE outlet_decision ADD COLUMN co_producers TEXT NOT NULL DEFAULT '[]';

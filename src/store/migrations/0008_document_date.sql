-- The day each document reports from, as its text states it (a dateline or
-- a date line), with the words and where they are: shown on documents and
-- used to tell a rising toll from a conflict. Written by the claims stage.

CREATE TABLE document_date (
    document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    year INTEGER,                    -- NULL when the text gives only the day
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    text TEXT NOT NULL,              -- the date as written
    start INTEGER, "end" INTEGER, line INTEGER   -- in the original file
);

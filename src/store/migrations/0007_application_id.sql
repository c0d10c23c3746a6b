-- Marks the file as a provaudit store, so another application's SQLite file
-- is recognised and refused before anything writes to it. 0x50564144 is
-- "PVAD"; `PRAGMA application_id` lives in the database header.

PRAGMA application_id = 1347830084;

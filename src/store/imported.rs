//! SQL of imported text reuse (`provaudit import reuse`): pairs a job
//! elsewhere found, bound to the bytes of the documents it read.

use super::{Result, Store, classify, now};
use crate::model::claims::Reuse;
use rusqlite::{OptionalExtension, params};
use std::collections::HashMap;

/// What an import was: where it came from and what it held.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ReuseImport {
    /// The file or folder imported, as the user named it.
    pub source: String,
    /// SHA-256 of the bytes read (a folder's part files in name order).
    pub sha256: String,
    /// What the job said it was (`scripts/spark/reuse.py 1`), or `unnamed`.
    pub engine: String,
    pub imported_at: String,
    /// Lines read, and how many of them were left out (documents the store
    /// lacks, or holds with other bytes).
    pub lines: u64,
    pub rejected: u64,
    /// Documents the job read that the store held with the same bytes.
    pub documents: u64,
    pub pairs: u64,
}

/// The import in force: the documents it covers (id → the SHA-256 the job
/// read) and its pairs.
#[derive(Clone, Debug, Default)]
pub struct ImportedReuse {
    pub documents: HashMap<i64, String>,
    pub pairs: Vec<Reuse>,
}

impl Store {
    /// Replaces the import in force with `import`, covering `documents`
    /// (id, SHA-256 read) and holding `pairs` (each pair once), in one
    /// transaction.
    pub fn replace_reuse_import(
        &mut self,
        import: &ReuseImport,
        documents: &[(i64, String)],
        pairs: &[Reuse],
    ) -> Result<()> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        tx.execute_batch(
            "DELETE FROM reuse_import_pair; DELETE FROM reuse_import_document; DELETE FROM reuse_import;",
        )
        .map_err(e)?;
        tx.execute(
            "INSERT INTO reuse_import (id, source, sha256, engine, imported_at, lines, rejected)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                import.source,
                import.sha256,
                import.engine,
                now(),
                import.lines as i64,
                import.rejected as i64
            ],
        )
        .map_err(e)?;
        {
            let mut put = tx
                .prepare_cached(
                    "INSERT INTO reuse_import_document (document_id, sha256) VALUES (?1, ?2)",
                )
                .map_err(e)?;
            for (id, sha256) in documents {
                put.execute(params![id, sha256]).map_err(e)?;
            }
            super::claims::put_reuse(&tx, "reuse_import_pair", pairs).map_err(e)?;
        }
        tx.commit().map_err(e)
    }

    /// Withdraws the import in force; `false` when there was none.
    pub fn remove_reuse_import(&mut self) -> Result<bool> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        tx.execute_batch("DELETE FROM reuse_import_pair; DELETE FROM reuse_import_document;")
            .map_err(e)?;
        let removed = tx.execute("DELETE FROM reuse_import", []).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(removed > 0)
    }

    /// The import in force, with how many documents and pairs it holds.
    pub fn reuse_import(&self) -> Result<Option<ReuseImport>> {
        self.conn
            .query_row(
                "SELECT source, sha256, engine, imported_at, lines, rejected,
                    (SELECT count(*) FROM reuse_import_document), (SELECT count(*) FROM reuse_import_pair)
                 FROM reuse_import WHERE id = 1",
                [],
                |r| {
                    Ok(ReuseImport {
                        source: r.get(0)?,
                        sha256: r.get(1)?,
                        engine: r.get(2)?,
                        imported_at: r.get(3)?,
                        lines: r.get::<_, i64>(4)? as u64,
                        rejected: r.get::<_, i64>(5)? as u64,
                        documents: r.get::<_, i64>(6)? as u64,
                        pairs: r.get::<_, i64>(7)? as u64,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The documents and pairs of the import in force, if any.
    pub fn imported_reuse(&self) -> Result<Option<ImportedReuse>> {
        if self.reuse_import()?.is_none() {
            return Ok(None);
        }
        let mut out = ImportedReuse::default();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT document_id, sha256 FROM reuse_import_document")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (id, sha256) = row.map_err(|e| self.err(e))?;
            out.documents.insert(id, sha256);
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT document_id, source_document_id, containment, shared_passages
                 FROM reuse_import_pair ORDER BY document_id, source_document_id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], super::claims::reuse_row)
            .map_err(|e| self.err(e))?;
        out.pairs = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        Ok(Some(out))
    }
}

//! SQL of full-text search: the FTS5 indexes of migration 0010, best
//! matches first (`bm25`), a page at a time.

use super::{Result, Store};
use crate::model::claims::Claim;
use crate::relpath::RelPath;
use rusqlite::params;

/// A document found by a search, with what is needed to quote it.
#[derive(Clone, Debug)]
pub struct FoundDocument {
    pub id: i64,
    pub path: RelPath,
    pub encoding: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// The decoded HTML page, to locate a passage in the file's bytes.
    pub source: Option<String>,
}

/// Matches counted exactly up to this many; past it a search says "more
/// than" and lists matches in store order, not by relevance (ranking every
/// match of a common word is what makes a search slow).
pub const COUNT_CAP: u64 = 5_000;

/// How many rows match, up to [`COUNT_CAP`] + 1.
fn capped_count(store: &Store, table: &str, fts: &str) -> Result<u64> {
    store
        .conn
        .query_row(
            &format!(
                "SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ?1 LIMIT {})",
                COUNT_CAP + 1
            ),
            [fts],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n as u64)
        .map_err(|e| store.err(e))
}

impl Store {
    /// Documents matching an FTS5 query, best first (in store order past
    /// [`COUNT_CAP`] matches): `limit` of them from `offset`, and how many
    /// match (at most `COUNT_CAP` + 1: "more than").
    pub fn search_documents(
        &self,
        fts: &str,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<FoundDocument>, u64)> {
        let total = capped_count(self, "document_search", fts)?;
        let order = if total > COUNT_CAP {
            "s.rowid"
        } else {
            "s.rank, d.path"
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT d.id, d.path, d.encoding, t.title, t.text, t.source
                 FROM document_search s
                 JOIN document_text t ON t.document_id = s.rowid
                 JOIN document d ON d.id = s.rowid
                 WHERE document_search MATCH ?1
                 ORDER BY {order} LIMIT ?2 OFFSET ?3"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![fts, limit as i64, offset as i64], |r| {
                Ok(FoundDocument {
                    id: r.get(0)?,
                    path: RelPath::from_bytes(r.get(1)?),
                    encoding: r.get(2)?,
                    title: r.get(3)?,
                    text: r.get(4)?,
                    source: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        let found = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        Ok((found, total))
    }

    /// Claims matching an FTS5 query, best first (in store order past
    /// [`COUNT_CAP`] matches), with their documents' paths: `limit` of them
    /// from `offset`, and how many match (at most `COUNT_CAP` + 1).
    pub fn search_claims(
        &self,
        fts: &str,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<(Claim, RelPath)>, u64)> {
        let total = capped_count(self, "claim_search", fts)?;
        let order = if total > COUNT_CAP {
            "s.rowid"
        } else {
            "s.rank, d.path, c.clean_start"
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT c.claim_key, c.document_id, c.cluster_key, c.text, c.start, c.end, c.line, c.clean_start,
                    c.clean_end, c.kind, c.speaker, c.attribution, c.quantities, c.page, d.path
                 FROM claim_search s
                 JOIN claim c ON c.rowid = s.rowid
                 JOIN document d ON d.id = c.document_id
                 WHERE claim_search MATCH ?1
                 ORDER BY {order} LIMIT ?2 OFFSET ?3"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![fts, limit as i64, offset as i64], |r| {
                let path: Vec<u8> = r.get(14)?;
                Ok((
                    super::claims_page::claim_from(r)?,
                    RelPath::from_bytes(path),
                ))
            })
            .map_err(|e| self.err(e))?;
        let found = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        Ok((found, total))
    }
}

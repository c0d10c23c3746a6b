//! SQL of the desktop app's Documents screen: a page of documents at a
//! time, sorted and filtered in the store, and the counts above the table —
//! so a store of 100,000 documents opens without reading them all.

use super::{DOCUMENT_COLUMNS, Result, Store, StoredDocument, stored_document};
use crate::model::outlets::Typology;
use crate::relpath::RelPath;
use crate::verification::Status;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};
use std::collections::BTreeMap;

/// What the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocumentSort {
    /// The path's bytes (the order of every report and the CLI).
    #[default]
    Path,
    Sha256,
    /// The status in the latest verification.
    Status,
    Publisher,
    Origin,
    /// The origin's state affiliation, then its country, then its kind.
    Alignment,
}

impl DocumentSort {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "path" => DocumentSort::Path,
            "sha256" => DocumentSort::Sha256,
            "status" => DocumentSort::Status,
            "publisher" => DocumentSort::Publisher,
            "origin" => DocumentSort::Origin,
            "alignment" => DocumentSort::Alignment,
            _ => return None,
        })
    }
}

/// Which verification status the documents have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    Any,
    /// Not in the latest verification (or never verified).
    Unverified,
    Is(Status),
}

/// Who stands behind the documents' origin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AffiliationFilter {
    #[default]
    Any,
    /// An origin the state controls editorially (SC, CaPu, CaPr).
    Controlled,
    /// An origin with any state affiliation code.
    Affiliated,
    /// An origin with none, or no known origin.
    Unaffiliated,
}

/// The filters and order of one Documents table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentQuery {
    /// Words found (case-insensitively, ASCII) in the path, the SHA-256, the
    /// publisher, the origin or its kind, country or state affiliation.
    pub text: String,
    pub status: StatusFilter,
    pub affiliation: AffiliationFilter,
    /// Checksum manifests, binaries and empty files too, not only articles.
    pub all_kinds: bool,
    pub sort: DocumentSort,
    pub descending: bool,
}

/// Articles: the content kinds the analysis reads.
const ARTICLE: &str = "d.content_kind IN ('text', 'html')";

/// How many documents matched, articles and other files apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct KindCounts {
    pub articles: u64,
    pub others: u64,
}

/// Counts over every document of the store.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct DocumentTotals {
    pub articles: u64,
    pub others: u64,
    /// Bytes of every document.
    pub bytes: u64,
    /// Distinct publishers identified among the articles.
    pub publishers: u64,
    /// Distinct origin groups among the articles whose producer is known.
    pub origins: u64,
    /// Articles whose producer could not be established (never counted as
    /// an origin of their own).
    pub unknown_origin: u64,
    /// Files of each status in the latest verification against the store
    /// (`new` files included); empty before the first.
    pub statuses: BTreeMap<String, u64>,
}

/// A page's documents, each with its status in the latest verification.
pub type DocumentPageRows = Vec<(StoredDocument, Option<Status>)>;

impl Store {
    /// The latest verification against the store, if any.
    fn latest_verification(&self) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT max(id) FROM verification WHERE against = 'store'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// `limit` documents from `offset` matching `q`, in its order, each with
    /// its status in the latest verification, and how many match in all.
    pub fn document_page(
        &self,
        q: &DocumentQuery,
        offset: u64,
        limit: u64,
    ) -> Result<(DocumentPageRows, KindCounts)> {
        let latest = self.latest_verification()?;
        // Join only what the filters and the order read: the first page in
        // path order walks the path index and stops after `limit` rows.
        let outlets = !q.text.trim().is_empty()
            || q.affiliation != AffiliationFilter::Any
            || matches!(
                q.sort,
                DocumentSort::Publisher | DocumentSort::Origin | DocumentSort::Alignment
            );
        let statuses = q.status != StatusFilter::Any || q.sort == DocumentSort::Status;
        let mut from = String::from("FROM document d");
        if outlets {
            from.push_str(" LEFT JOIN outlet_decision o ON o.document_id = d.id");
        }
        let mut params: Vec<Value> = Vec::new();
        if statuses {
            // The status of each document in the latest verification: one
            // row per (verification, path), found by migration 0011's index.
            params.push(latest.map_or(Value::Null, Value::Integer));
            from.push_str(
                " LEFT JOIN verification_result v ON v.id = (
                    SELECT max(r.id) FROM verification_result r WHERE r.verification_id = ?1 AND r.path = d.path)",
            );
        }
        let mut filters: Vec<String> = Vec::new();
        if !q.all_kinds {
            filters.push(ARTICLE.into());
        }
        match q.status {
            StatusFilter::Any => {}
            StatusFilter::Unverified => filters.push("v.status IS NULL".into()),
            StatusFilter::Is(s) => {
                params.push(Value::Text(s.as_str().into()));
                filters.push(format!("v.status = ?{}", params.len()));
            }
        }
        match q.affiliation {
            AffiliationFilter::Any => {}
            AffiliationFilter::Controlled => {
                // The codes of outlets whose output a state controls, as
                // the independence analysis counts them.
                let mut codes = Vec::new();
                for t in Typology::ALL
                    .into_iter()
                    .filter(|t| t.editorially_controlled())
                {
                    params.push(Value::Text(t.as_str().into()));
                    codes.push(format!("?{}", params.len()));
                }
                filters.push(format!(
                    "o.origin_state_affiliation IN ({})",
                    codes.join(", ")
                ))
            }
            AffiliationFilter::Affiliated => {
                filters.push("coalesce(o.origin_state_affiliation, '') <> ''".into())
            }
            AffiliationFilter::Unaffiliated => {
                filters.push("coalesce(o.origin_state_affiliation, '') = ''".into())
            }
        }
        let text = q.text.trim();
        if !text.is_empty() {
            params.push(Value::Text(text.into()));
            let n = params.len();
            let found = |col: &str| format!("instr(lower({col}), lower(?{n})) > 0");
            filters.push(format!(
                "({})",
                [
                    "d.path_text",
                    "d.sha256",
                    "o.publisher_name",
                    "o.origin_name",
                    "replace(o.origin_kind, '_', ' ')",
                    "o.origin_country",
                    "o.origin_state_affiliation",
                ]
                .map(found)
                .join(" OR ")
            ));
        }
        let filter = if filters.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", filters.join(" AND "))
        };
        let counts = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*), coalesce(sum({ARTICLE}), 0) {from} {filter}"
            ))
            .and_then(|mut st| {
                st.query_row(params_from_iter(params.iter()), |r| {
                    let all: i64 = r.get(0)?;
                    let articles: i64 = r.get(1)?;
                    Ok(KindCounts {
                        articles: articles as u64,
                        others: (all - articles) as u64,
                    })
                })
            })
            .map_err(|e| self.err(e))?;
        let dir = if q.descending { "DESC" } else { "ASC" };
        // Missing values last either way; ties in path order.
        let order = match q.sort {
            DocumentSort::Path => format!("d.path {dir}"),
            DocumentSort::Sha256 => format!("d.sha256 {dir}, d.path"),
            DocumentSort::Status => format!("v.status {dir} NULLS LAST, d.path"),
            DocumentSort::Publisher => {
                format!("o.publisher_name COLLATE NOCASE {dir} NULLS LAST, d.path")
            }
            DocumentSort::Origin => {
                format!("o.origin_name COLLATE NOCASE {dir} NULLS LAST, d.path")
            }
            DocumentSort::Alignment => format!(
                "nullif(o.origin_state_affiliation, '') {dir} NULLS LAST, o.origin_country {dir} NULLS LAST,
                 nullif(o.origin_kind, 'unknown') {dir} NULLS LAST, d.path"
            ),
        };
        params.push(Value::Integer(limit.min(i64::MAX as u64) as i64));
        params.push(Value::Integer(offset.min(i64::MAX as u64) as i64));
        let (l, o) = (params.len() - 1, params.len());
        let cols = DOCUMENT_COLUMNS
            .split(',')
            .map(|c| format!("d.{}", c.trim()))
            .collect::<Vec<_>>()
            .join(", ");
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {cols} {from} {filter} ORDER BY {order} LIMIT ?{l} OFFSET ?{o}"
            ))
            .map_err(|e| self.err(e))?;
        let docs = st
            .query_map(params_from_iter(params.iter()), |r| stored_document(r, 0))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let mut rows = Vec::with_capacity(docs.len());
        for d in docs {
            let status = match latest {
                Some(v) => self.status_in(v, &d.path)?,
                None => None,
            };
            rows.push((d, status));
        }
        Ok((rows, counts))
    }

    /// Counts over every document, for the corpus summary and the app's
    /// navigation, without reading the documents.
    pub fn document_totals(&self) -> Result<DocumentTotals> {
        let mut totals = self
            .conn
            .query_row(
                &format!(
                    "SELECT count(*) FILTER (WHERE {ARTICLE}), count(*) FILTER (WHERE NOT {ARTICLE}),
                        coalesce(sum(d.bytes), 0),
                        count(DISTINCT o.publisher_name) FILTER (WHERE {ARTICLE}),
                        count(DISTINCT o.origin_group) FILTER (WHERE {ARTICLE} AND o.origin_name IS NOT NULL),
                        count(*) FILTER (WHERE {ARTICLE} AND o.origin_name IS NULL)
                     FROM document d LEFT JOIN outlet_decision o ON o.document_id = d.id"
                ),
                [],
                |r| {
                    let n = |i: usize| r.get::<_, i64>(i).map(|v| v as u64);
                    Ok(DocumentTotals {
                        articles: n(0)?,
                        others: n(1)?,
                        bytes: n(2)?,
                        publishers: n(3)?,
                        origins: n(4)?,
                        unknown_origin: n(5)?,
                        statuses: BTreeMap::new(),
                    })
                },
            )
            .map_err(|e| self.err(e))?;
        if let Some(latest) = self.latest_verification()? {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT status, count(*) FROM verification_result WHERE verification_id = ?1 GROUP BY status",
                )
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map([latest], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
                })
                .map_err(|e| self.err(e))?;
            totals.statuses = rows
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e))?;
        }
        Ok(totals)
    }

    /// The status of `path` in the latest verification against the store.
    pub fn latest_status(&self, path: &RelPath) -> Result<Option<Status>> {
        match self.latest_verification()? {
            Some(v) => self.status_in(v, path),
            None => Ok(None),
        }
    }

    fn status_in(&self, verification: i64, path: &RelPath) -> Result<Option<Status>> {
        let status: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT status FROM verification_result WHERE verification_id = ?1 AND path = ?2
                 ORDER BY id DESC LIMIT 1",
            )
            .and_then(|mut st| {
                st.query_row(rusqlite::params![verification, path.as_bytes()], |r| {
                    r.get(0)
                })
                .optional()
            })
            .map_err(|e| self.err(e))?;
        Ok(status.map(|s| Status::parse(&s).unwrap_or(Status::Unreadable)))
    }

    /// The documents sharing most of their passages with `document_id`:
    /// `(path, "copy_of" | "copied_in", containment)`, copies first.
    pub fn reuse_of(&self, document_id: i64) -> Result<Vec<(RelPath, &'static str, f64)>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT d.path, 0, r.containment FROM document_reuse r JOIN document d ON d.id = r.source_document_id
                     WHERE r.document_id = ?1
                 UNION ALL
                 SELECT d.path, 1, r.containment FROM document_reuse r JOIN document d ON d.id = r.document_id
                     WHERE r.source_document_id = ?1
                 ORDER BY 2, 1",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([document_id], |r| {
                let relation = if r.get::<_, i64>(1)? == 0 {
                    "copy_of"
                } else {
                    "copied_in"
                };
                Ok((RelPath::from_bytes(r.get(0)?), relation, r.get(2)?))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}

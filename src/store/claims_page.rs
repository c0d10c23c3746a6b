//! SQL of the desktop app's claims screens: a page of clusters at a time
//! (ordered by the `claim_cluster_by_flags` index), the counts above the
//! list, and one cluster with its member claims — so a store of 100,000
//! documents and two million claims opens without loading them all.

use super::{Result, Store};
use crate::model::claims::ClaimKind;
use crate::model::claims::{Claim, Cluster, Corroboration, OriginGroup};
use rusqlite::{Row, params_from_iter};

/// Counts over every cluster of the store.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ClusterTotals {
    pub claims: u64,
    pub clusters: u64,
    pub single_source: u64,
    pub single_primary: u64,
    pub single_alignment: u64,
    pub conflicting: u64,
    /// Claims in clusters resting on a single source.
    pub single_source_claims: u64,
    /// Documents with at least one claim.
    pub documents: u64,
    /// Clusters resting on two or more known independent origins.
    pub corroborated: u64,
    /// Clusters of each other corroboration class.
    pub echo: u64,
    pub unresolved: u64,
    pub single_document: u64,
    /// The echo found in most documents: how many, and its one origin.
    pub largest_echo: Option<(u64, String)>,
}

/// A cluster as a list shows it: its flags and first claim.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterRow {
    pub cluster: Cluster,
    pub claim_count: u64,
    pub first_text: String,
    pub first_kind: ClaimKind,
}

/// The flags a page can be filtered by (any of them).
pub const FLAG_COLUMNS: [&str; 4] = [
    "single_source",
    "single_primary",
    "single_alignment",
    "conflicting",
];

pub(super) const CLUSTER_COLUMNS: &str = "cluster_key, independent_origins, single_source, single_primary, single_alignment, conflicting,
    origin_groups, primary_sources, explanation, claim_count, corroboration, evidence";

/// The corroboration classes in review order, as the `claim_cluster_by_class`
/// index has them (the same expression, or SQLite sorts without it).
pub(super) const REVIEW_ORDER: &str = "(CASE corroboration WHEN 'echo' THEN 0 WHEN 'unresolved' THEN 1 WHEN 'corroborated' THEN 2 ELSE 3 END)";

pub(super) fn cluster_from(r: &Row) -> rusqlite::Result<(Cluster, u64)> {
    let groups: String = r.get(6)?;
    let primary: String = r.get(7)?;
    let origin_groups: Vec<OriginGroup> = serde_json::from_str(&groups).unwrap_or_default();
    let mut documents: Vec<String> = origin_groups
        .iter()
        .flat_map(|g| g.documents.clone())
        .collect();
    documents.sort();
    Ok((
        Cluster {
            key: r.get(0)?,
            claims: vec![],
            documents,
            origin_groups,
            independent_origins: r.get::<_, i64>(1)? as usize,
            single_source: r.get(2)?,
            single_primary: r.get(3)?,
            single_alignment: r.get(4)?,
            conflicting: r.get(5)?,
            primary_sources: serde_json::from_str(&primary).unwrap_or_default(),
            explanation: r.get(8)?,
            // Never more than is established when a value is not understood.
            corroboration: Corroboration::parse(&r.get::<_, String>(10)?)
                .unwrap_or(Corroboration::Unresolved),
            evidence: serde_json::from_str(&r.get::<_, String>(11)?).unwrap_or_default(),
        },
        r.get::<_, i64>(9)? as u64,
    ))
}

pub(super) fn claim_from(r: &Row) -> rusqlite::Result<Claim> {
    let u = |i: usize| r.get::<_, Option<i64>>(i).map(|v| v.map(|v| v as u64));
    let kind: String = r.get(9)?;
    let quantities: String = r.get(12)?;
    Ok(Claim {
        key: r.get(0)?,
        document_id: r.get(1)?,
        cluster_key: r.get(2)?,
        text: r.get(3)?,
        start: u(4)?,
        end: u(5)?,
        line: u(6)?,
        clean_start: r.get::<_, i64>(7)? as usize,
        clean_end: r.get::<_, i64>(8)? as usize,
        kind: ClaimKind::parse(&kind).unwrap_or(ClaimKind::Assertion),
        speaker: r.get(10)?,
        attribution: r.get(11)?,
        quantities: serde_json::from_str(&quantities).unwrap_or_default(),
        page: u(13)?,
    })
}

/// `WHERE` for "any of these flags or corroboration classes" (every
/// cluster when none).
fn flag_filter(flags: &[&str]) -> String {
    let wanted: Vec<String> = flags
        .iter()
        .filter_map(|f| {
            if FLAG_COLUMNS.contains(f) {
                Some(format!("{f} = 1"))
            } else {
                Corroboration::parse(f).map(|c| format!("corroboration = '{}'", c.as_str()))
            }
        })
        .collect();
    if wanted.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", wanted.join(" OR "))
    }
}

impl Store {
    /// Counts over every cluster.
    pub fn cluster_totals(&self) -> Result<ClusterTotals> {
        #[allow(clippy::type_complexity)]
        let (
            clusters,
            claims,
            ss,
            sp,
            sa,
            cf,
            ssc,
            corroborated,
            echo,
            unresolved,
            single_document,
        ): (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64) = self
            .conn
            .query_row(
                "SELECT count(*), coalesce(sum(claim_count), 0), coalesce(sum(single_source), 0),
                    coalesce(sum(single_primary), 0), coalesce(sum(single_alignment), 0),
                    coalesce(sum(conflicting), 0),
                    coalesce(sum(CASE WHEN single_source = 1 THEN claim_count ELSE 0 END), 0),
                    coalesce(sum(independent_origins >= 2), 0),
                    coalesce(sum(corroboration = 'echo'), 0),
                    coalesce(sum(corroboration = 'unresolved'), 0),
                    coalesce(sum(corroboration = 'single_document'), 0)
                 FROM claim_cluster",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                        r.get(10)?,
                    ))
                },
            )
            .map_err(|e| self.err(e))?;
        let documents: i64 = self
            .conn
            .query_row("SELECT count(*) FROM document_article", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        use rusqlite::OptionalExtension;
        let largest_echo = self
            .conn
            .query_row(
                &format!(
                    "SELECT document_count, origin_groups FROM claim_cluster
                     ORDER BY {REVIEW_ORDER}, document_count DESC, cluster_key LIMIT 1"
                ),
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?
            // The first cluster in review order is the largest echo, if any.
            .filter(|_| echo > 0)
            .map(|(n, groups)| {
                let groups: Vec<OriginGroup> = serde_json::from_str(&groups).unwrap_or_default();
                let name = groups
                    .iter()
                    .find(|g| g.is_known())
                    .map(|g| g.name.clone())
                    .unwrap_or_default();
                (n as u64, name)
            });
        Ok(ClusterTotals {
            claims: claims as u64,
            clusters: clusters as u64,
            single_source: ss as u64,
            single_primary: sp as u64,
            single_alignment: sa as u64,
            conflicting: cf as u64,
            single_source_claims: ssc as u64,
            documents: documents as u64,
            corroborated: corroborated as u64,
            echo: echo as u64,
            unresolved: unresolved as u64,
            single_document: single_document as u64,
            largest_echo,
        })
    }

    /// Clusters carrying any of `flags` (all when empty), flagged first, most
    /// documents first, `limit` of them from `offset`; and how many match.
    pub fn cluster_page(
        &self,
        flags: &[&str],
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<ClusterRow>, u64)> {
        let filter = flag_filter(flags);
        let total: i64 = self
            .conn
            .query_row(
                &format!("SELECT count(*) FROM claim_cluster {filter}"),
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CLUSTER_COLUMNS} FROM claim_cluster {filter}
                 ORDER BY {REVIEW_ORDER}, document_count DESC, cluster_key LIMIT ?1 OFFSET ?2"
            ))
            .map_err(|e| self.err(e))?;
        let clusters: Vec<(Cluster, u64)> = stmt
            .query_map(
                params_from_iter([limit as i64, offset as i64]),
                cluster_from,
            )
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        let mut first = self
            .conn
            .prepare_cached(
                "SELECT c.text, c.kind FROM claim c JOIN document d ON d.id = c.document_id
                 WHERE c.cluster_key = ?1 ORDER BY d.path, c.clean_start LIMIT 1",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = Vec::with_capacity(clusters.len());
        for (cluster, claim_count) in clusters {
            let (text, kind): (String, String) = first
                .query_row([&cluster.key], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(|e| self.err(e))?;
            rows.push(ClusterRow {
                cluster,
                claim_count,
                first_text: text,
                first_kind: ClaimKind::parse(&kind).unwrap_or(ClaimKind::Assertion),
            });
        }
        Ok((rows, total as u64))
    }

    /// One cluster and its claims with their documents' paths (by path,
    /// then position), or `None` when no cluster has that id.
    #[allow(clippy::type_complexity)]
    pub fn cluster_with_claims(
        &self,
        key: &str,
    ) -> Result<Option<(Cluster, Vec<(Claim, crate::relpath::RelPath)>)>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CLUSTER_COLUMNS} FROM claim_cluster WHERE cluster_key = ?1"
            ))
            .map_err(|e| self.err(e))?;
        let mut found = stmt
            .query_map([key], cluster_from)
            .map_err(|e| self.err(e))?;
        let Some(row) = found.next() else {
            return Ok(None);
        };
        let (mut cluster, _) = row.map_err(|e| self.err(e))?;
        let mut members = self
            .conn
            .prepare_cached(
                "SELECT c.claim_key, c.document_id, c.cluster_key, c.text, c.start, c.end, c.line, c.clean_start,
                    c.clean_end, c.kind, c.speaker, c.attribution, c.quantities, c.page, d.path
                 FROM claim c JOIN document d ON d.id = c.document_id
                 WHERE c.cluster_key = ?1 ORDER BY d.path, c.clean_start",
            )
            .map_err(|e| self.err(e))?;
        let claims: Vec<(Claim, crate::relpath::RelPath)> = members
            .query_map([key], |r| {
                let path: Vec<u8> = r.get(14)?;
                Ok((claim_from(r)?, crate::relpath::RelPath::from_bytes(path)))
            })
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        cluster.claims = claims.iter().map(|(c, _)| c.key.clone()).collect();
        Ok(Some((cluster, claims)))
    }

    /// One cluster as a list shows it, or `None`.
    pub fn cluster_row(&self, key: &str) -> Result<Option<ClusterRow>> {
        let Some((cluster, claims)) = self.cluster_with_claims(key)? else {
            return Ok(None);
        };
        let first = claims.first();
        Ok(Some(ClusterRow {
            claim_count: claims.len() as u64,
            first_text: first.map(|(c, _)| c.text.clone()).unwrap_or_default(),
            first_kind: first.map(|(c, _)| c.kind).unwrap_or(ClaimKind::Assertion),
            cluster: Cluster {
                claims: vec![],
                ..cluster
            },
        }))
    }

    /// The cluster holding claim `key`, if any.
    pub fn cluster_of_claim(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row(
                "SELECT cluster_key FROM claim WHERE claim_key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}

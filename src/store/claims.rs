//! SQL of the claims stage.

use super::claims_page::{CLUSTER_COLUMNS, REVIEW_ORDER};
use super::{Result, Store, classify};
use crate::model::claims::{
    Article, Claim, Cluster, Conflict, DocumentDate, KeptAnalysis, Reuse, StageOutput,
};
use crate::progress::{Laps, Timings};
use rusqlite::{OptionalExtension, params};
use std::collections::HashMap;

/// The claims tables' secondary indexes, exactly as migrations 0003 and
/// 0009 made them.
const SECONDARY_INDEXES: [(&str, &str); 3] = [
    ("claim_by_cluster", "claim(cluster_key)"),
    ("claim_by_document", "claim(document_id)"),
    (
        "claim_cluster_by_class",
        "claim_cluster((CASE corroboration WHEN 'echo' THEN 0 WHEN 'unresolved' THEN 1 WHEN 'corroborated' THEN 2 ELSE 3 END), document_count DESC)",
    ),
];

/// The index of text reuse by source, exactly as migration 0011 made it.
const REUSE_INDEX: (&str, &str) = (
    "document_reuse_by_source",
    "document_reuse(source_document_id)",
);

/// The page cache while the claims are replaced (negative: KiB).
const BULK_CACHE_KIB: i64 = -131_072;

impl Store {
    /// Replaces the claims stage's results, in one transaction, and says
    /// how long each of its steps took.
    pub fn save_claims(&mut self, out: &StageOutput) -> Result<Timings> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        // A bulk replace: a larger page cache for the inserts, and the
        // secondary indexes built once at the end (sorting the keys) instead
        // of updated row by row at random places.
        let cache: i64 = self
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .map_err(e)?;
        self.conn
            .pragma_update(None, "cache_size", BULK_CACHE_KIB)
            .map_err(e)?;
        // Each row names its document: checked once against the documents
        // the transaction holds (`documents_still_stored`), not looked up
        // row by row (at 100,000 documents, 2.3 million claims and 3.1
        // million pairs of text reuse: 8 s of a 14 s step).
        self.conn
            .pragma_update(None, "foreign_keys", "OFF")
            .map_err(e)?;
        // On again whatever happens, a fault too: the app's connection
        // outlives a run.
        let saved =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.replace_claims(out)));
        let restored = self
            .conn
            .pragma_update(None, "foreign_keys", "ON")
            .and_then(|()| self.conn.pragma_update(None, "cache_size", cache));
        let timings = saved.unwrap_or_else(|fault| std::panic::resume_unwind(fault))?;
        restored.map_err(e)?;
        Ok(timings)
    }

    /// Replaces the stage's results. When every document was analysed
    /// afresh, the tables are emptied and filled with their indexes built
    /// once at the end; when some documents' analyses were kept
    /// (`out.reused`), their claim, article and date rows stand, and only
    /// their claims' clusters are updated where they moved.
    fn replace_claims(&mut self, out: &StageOutput) -> Result<Timings> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let whole = out.reused.is_empty();
        let mut laps = Laps::start();
        let tx = self.conn.transaction().map_err(e)?;
        if whole {
            for (index, _) in SECONDARY_INDEXES {
                tx.execute(&format!("DROP INDEX IF EXISTS {index}"), [])
                    .map_err(e)?;
            }
            for table in ["claim", "document_article", "document_date"] {
                tx.execute(&format!("DELETE FROM {table}"), []).map_err(e)?;
            }
        } else {
            drop_all_but_kept(&tx, &out.reused).map_err(e)?;
        }
        // Text reuse is replaced as a whole on every run: its index on the
        // source is built once at the end too (3.1 million pairs at 100,000
        // documents).
        tx.execute(&format!("DROP INDEX IF EXISTS {}", REUSE_INDEX.0), [])
            .map_err(e)?;
        for table in ["claim_cluster", "claim_conflict", "document_reuse"] {
            tx.execute(&format!("DELETE FROM {table}"), []).map_err(e)?;
        }
        documents_still_stored(&tx, out).map_err(e)?;
        laps.lap("emptying the tables");
        // The articles and dates of the documents analysed in this run,
        // written while they were analysed.
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS analysed_document (id INTEGER PRIMARY KEY);
             DELETE FROM temp.analysed_document;",
        )
        .map_err(e)?;
        {
            let mut put = tx
                .prepare_cached("INSERT INTO temp.analysed_document (id) VALUES (?1)")
                .map_err(e)?;
            for id in &out.analysed {
                put.execute([id]).map_err(e)?;
            }
        }
        tx.execute_batch(
            r#"INSERT INTO document_article (document_id, text, removed)
               SELECT document_id, text, removed FROM pending_article
               WHERE document_id IN (SELECT id FROM temp.analysed_document);
               INSERT INTO document_date (document_id, year, month, day, text, start, "end", line)
               SELECT document_id, year, month, day, text, start, "end", line FROM pending_date
               WHERE document_id IN (SELECT id FROM temp.analysed_document);
               DELETE FROM pending_article;
               DELETE FROM pending_date;"#,
        )
        .map_err(e)?;
        {
            laps.lap("dates and articles");
            let mut put = tx
                .prepare_cached(
                    "INSERT INTO claim (claim_key, document_id, cluster_key, text, start, end, line, clean_start, clean_end,
                        kind, speaker, attribution, quantities, page)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )
                .map_err(e)?;
            let kept_cluster = if whole {
                HashMap::new()
            } else {
                kept_clusters(&tx).map_err(e)?
            };
            let mut moved = tx
                .prepare_cached("UPDATE claim SET cluster_key = ?2 WHERE claim_key = ?1")
                .map_err(e)?;
            for c in &out.claims {
                if let Some(stored) = kept_cluster.get(&c.key) {
                    if *stored != c.cluster_key {
                        moved.execute(params![c.key, c.cluster_key]).map_err(e)?;
                    }
                    continue;
                }
                put.execute(params![
                    c.key,
                    c.document_id,
                    c.cluster_key,
                    c.text,
                    c.start.map(|v| v as i64),
                    c.end.map(|v| v as i64),
                    c.line.map(|v| v as i64),
                    c.clean_start as i64,
                    c.clean_end as i64,
                    c.kind.as_str(),
                    c.speaker,
                    c.attribution,
                    serde_json::to_string(&c.quantities).expect("quantities serialise"),
                    c.page.map(|v| v as i64),
                ])
                .map_err(e)?;
            }
            laps.lap("claims");
            let mut put = tx
                .prepare_cached(
                    "INSERT INTO claim_cluster (cluster_key, claim_count, document_count, independent_origins, single_source,
                        single_primary, single_alignment, conflicting, origin_groups, primary_sources, explanation,
                        corroboration, evidence)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )
                .map_err(e)?;
            for c in &out.clusters {
                put.execute(params![
                    c.key,
                    c.claims.len() as i64,
                    c.documents.len() as i64,
                    c.independent_origins as i64,
                    c.single_source,
                    c.single_primary,
                    c.single_alignment,
                    c.conflicting,
                    serde_json::to_string(&c.origin_groups).expect("serialise"),
                    serde_json::to_string(&c.primary_sources).expect("serialise"),
                    c.explanation,
                    c.corroboration.as_str(),
                    serde_json::to_string(&c.evidence).expect("serialise"),
                ])
                .map_err(e)?;
            }
            laps.lap("clusters");
            let mut put = tx
                .prepare_cached(r#"INSERT INTO claim_conflict (quantity, clusters, "values") VALUES (?1, ?2, ?3)"#)
                .map_err(e)?;
            for c in &out.conflicts {
                put.execute(params![
                    c.quantity,
                    serde_json::to_string(&c.clusters).expect("serialise"),
                    serde_json::to_string(&c.values).expect("serialise"),
                ])
                .map_err(e)?;
            }
            laps.lap("conflicts");
            put_reuse(&tx, "document_reuse", &out.reuse).map_err(e)?;
            tx.execute(
                &format!("CREATE INDEX {} ON {}", REUSE_INDEX.0, REUSE_INDEX.1),
                [],
            )
            .map_err(e)?;
            laps.lap("text reuse");
            // Uncredited copies take their source's origin on the document
            // too, so the document list and the claims agree.
            let mut inherit = tx
                .prepare_cached(
                    "UPDATE outlet_decision SET origin_group = ?2, origin_kind = ?3, origin_country = ?4,
                        origin_owner = ?5, origin_state_affiliation = ?6,
                        origin_name = ?7, origin_outlet_id = ?8, origin_rule = ?9, origin_text = ?10,
                        origin_start = NULL, origin_end = NULL, origin_line = NULL,
                        origin_confidence = ?11, origin_basis = ?12, origin_manual = 0,
                        relation = CASE WHEN ?7 IS NULL THEN 'unknown'
                                        WHEN publisher_name IS NULL THEN relation
                                        WHEN (?8 IS NOT NULL AND publisher_outlet_id = ?8) OR publisher_name = ?7 THEN 'original'
                                        WHEN ?3 = 'wire_agency' THEN 'syndicated_wire'
                                        ELSE 'republished' END,
                        explanation = explanation || ' ' || ?13
                     WHERE document_id = ?1 AND (origin_name IS NULL OR ?7 IS NULL
                        -- taken as the publisher's own text only for want of a credit
                        OR (origin_manual = 0 AND origin_name = publisher_name AND origin_rule = publisher_rule
                            AND origin_text IS publisher_text AND origin_start IS publisher_start))",
                )
                .map_err(e)?;
            // A credited text that is another credited text: its credit, as
            // its text gives it, stands; it counts in the other's group.
            let mut regroup = tx
                .prepare(
                    "UPDATE outlet_decision SET origin_group = ?2, explanation = explanation || ' ' || ?3
                     WHERE document_id = ?1",
                )
                .map_err(e)?;
            for i in &out.inherited {
                if i.overrules_credit {
                    regroup
                        .execute(params![i.document_id, i.group, i.note])
                        .map_err(e)?;
                    continue;
                }
                let o = i.origin.as_ref();
                let a = &i.alignment;
                inherit
                    .execute(params![
                        i.document_id,
                        i.group,
                        a.kind,
                        a.country,
                        a.owner,
                        a.state_affiliation,
                        o.map(|o| &o.name),
                        o.and_then(|o| o.outlet_id.as_ref()),
                        o.map(|o| &o.rule),
                        o.map(|o| &o.text),
                        o.map(|o| o.confidence),
                        o.map(|o| &o.basis),
                        i.note,
                    ])
                    .map_err(e)?;
            }
            laps.lap("inherited origins");
        }
        // Every current document's rows are now those of its kept analysis:
        // a later run may leave them standing. A document whose rows are
        // gone (no longer current) has none to leave standing.
        tx.execute_batch(
            "INSERT OR IGNORE INTO document_analysis_in_results (document_id)
             SELECT document_id FROM document_analysis WHERE document_id IN (SELECT document_id FROM document_article);
             DELETE FROM document_analysis_in_results
             WHERE document_id NOT IN (SELECT document_id FROM document_article);",
        )
        .map_err(e)?;
        laps.lap("kept analyses marked");
        if whole {
            for (index, on) in SECONDARY_INDEXES {
                tx.execute(&format!("CREATE INDEX {index} ON {on}"), [])
                    .map_err(e)?;
            }
            laps.lap("indexes");
            // The claims were replaced as a whole: so is their search index.
            tx.execute(
                "INSERT INTO claim_search (claim_search) VALUES ('rebuild')",
                [],
            )
            .map_err(e)?;
        } else {
            // The claims written afresh join the search index.
            tx.execute(
                "INSERT INTO claim_search (rowid, text)
                 SELECT rowid, text FROM claim WHERE document_id NOT IN (SELECT id FROM temp.kept_document)",
                [],
            )
            .map_err(e)?;
        }
        laps.lap("search index");
        tx.commit().map_err(e)?;
        laps.lap("commit");
        Ok(laps.timings)
    }

    /// Keeps these documents' claims analyses for the next run, in one
    /// transaction. A kept analysis is valid for its inputs whatever the
    /// run does next, so it is written as soon as it is made: a run
    /// cancelled or stopped after this does not analyse them again.
    ///
    /// The articles of those documents (with their dates) are written
    /// beside them, pending until the run stores its results.
    pub fn keep_analyses(&mut self, kept: &[KeptAnalysis], articles: &[Article]) -> Result<()> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        super::put_kept(
            &tx,
            "INSERT OR REPLACE INTO document_analysis (document_id, inputs, data)
             VALUES (?1, ?2, ?3)",
            kept,
        )
        .map_err(e)?;
        {
            // Made anew: the stored rows are not yet written from them.
            let mut unmark = tx
                .prepare_cached("DELETE FROM document_analysis_in_results WHERE document_id = ?1")
                .map_err(e)?;
            for k in kept {
                unmark.execute([k.document_id]).map_err(e)?;
            }
        }
        put_pending_articles(&tx, articles).map_err(e)?;
        tx.commit().map_err(e)
    }

    /// What an earlier run kept of each of these documents' claims
    /// analysis, where the stored results were written from it: the
    /// SHA-256 of the inputs it was made from, and its bytes.
    pub fn kept_analyses(
        &self,
        documents: impl IntoIterator<Item = i64>,
    ) -> Result<HashMap<i64, (String, Vec<u8>)>> {
        self.kept_rows(
            "SELECT inputs, data FROM document_analysis
             WHERE document_id = ?1 AND document_id IN (SELECT document_id FROM document_analysis_in_results)",
            documents,
        )
    }

    /// Every claim, by document then position.
    pub fn claims(&self) -> Result<Vec<Claim>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT claim_key, document_id, cluster_key, text, start, end, line, clean_start, clean_end, kind, speaker,
                    attribution, quantities, page
                 FROM claim ORDER BY document_id, clean_start",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], super::claims_page::claim_from)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Every claim with its document's path, in the order reports list
    /// them (by path, then place in the document: the same corpus gives the
    /// same order however its files were numbered at ingest), one row at a time:
    /// `each` gets them until it returns `false`. Two million claims are
    /// never held at once.
    pub fn each_claim_by_path(&self, each: &mut dyn FnMut(Claim, String) -> bool) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.claim_key, c.document_id, c.cluster_key, c.text, c.start, c.end, c.line,
                    c.clean_start, c.clean_end, c.kind, c.speaker, c.attribution, c.quantities, c.page,
                    d.path_text
                 FROM claim c JOIN document d ON d.id = c.document_id
                 ORDER BY d.path_text, c.start, c.document_id, c.clean_start",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let claim = super::claims_page::claim_from(row).map_err(|e| self.err(e))?;
            let path: String = row.get(14).map_err(|e| self.err(e))?;
            if !each(claim, path) {
                break;
            }
        }
        Ok(())
    }

    /// [`Store::clusters`], every one, one at a time: `each` gets them in
    /// review order until it returns `false`.
    pub fn each_cluster(&self, each: &mut dyn FnMut(Cluster) -> bool) -> Result<()> {
        self.clusters_in_review_order(false, -1, each)
    }

    /// Clusters in review order (echoes first, most documents first).
    /// `only_single_source` limits them to clusters resting on one origin;
    /// `limit` caps the count.
    pub fn clusters(&self, only_single_source: bool, limit: Option<usize>) -> Result<Vec<Cluster>> {
        let mut clusters = Vec::new();
        let limit = limit.map(|l| l as i64).unwrap_or(-1);
        self.clusters_in_review_order(only_single_source, limit, &mut |c| {
            clusters.push(c);
            true
        })?;
        Ok(clusters)
    }

    /// Clusters in review order with their claims (by document path, then
    /// place), handed to `each` one at a time; at most `limit` (-1: all).
    fn clusters_in_review_order(
        &self,
        only_single_source: bool,
        limit: i64,
        each: &mut dyn FnMut(Cluster) -> bool,
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CLUSTER_COLUMNS}
                 FROM claim_cluster WHERE (?1 = 0 OR single_source = 1)
                 ORDER BY {REVIEW_ORDER}, document_count DESC, cluster_key LIMIT ?2"
            ))
            .map_err(|e| self.err(e))?;
        let mut members = self
            .conn
            .prepare_cached(
                "SELECT c.claim_key FROM claim c JOIN document d ON d.id = c.document_id
                 WHERE c.cluster_key = ?1 ORDER BY d.path, c.clean_start",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query(params![only_single_source, limit])
            .map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let (mut c, _) = super::claims_page::cluster_from(row).map_err(|e| self.err(e))?;
            c.claims = members
                .query_map([&c.key], |r| r.get(0))
                .map_err(|e| self.err(e))?
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e))?;
            c.documents.sort();
            if !each(c) {
                break;
            }
        }
        Ok(())
    }

    /// Conflicting figures.
    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                r#"SELECT quantity, clusters, "values" FROM claim_conflict ORDER BY id"#,
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let clusters: String = r.get(1)?;
                let values: String = r.get(2)?;
                Ok(Conflict {
                    quantity: r.get(0)?,
                    clusters: serde_json::from_str(&clusters).unwrap_or_default(),
                    values: serde_json::from_str(&values).unwrap_or_default(),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Text reuse between documents.
    pub fn reuse(&self) -> Result<Vec<Reuse>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT document_id, source_document_id, containment, shared_passages FROM document_reuse")
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], reuse_row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The day one document reports from.
    pub fn document_date(&self, document_id: i64) -> Result<Option<DocumentDate>> {
        Ok(self
            .dates_where("WHERE document_id = ?1", [document_id])?
            .remove(&document_id))
    }

    /// The day each document reports from, by document id.
    pub fn document_dates(&self) -> Result<std::collections::HashMap<i64, DocumentDate>> {
        self.dates_where("", [])
    }

    fn dates_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        params: P,
    ) -> Result<std::collections::HashMap<i64, DocumentDate>> {
        let mut st = self
            .conn
            .prepare(&format!(
                r#"SELECT document_id, year, month, day, text, start, "end", line FROM document_date {filter}"#
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params, |r| {
                let year: Option<u16> = r.get(1)?;
                let (month, day): (u8, u8) = (r.get(2)?, r.get(3)?);
                let at = |i: usize| r.get::<_, Option<i64>>(i).map(|v| v.map(|v| v as u64));
                Ok((
                    r.get::<_, i64>(0)?,
                    DocumentDate {
                        date: match year {
                            Some(y) => format!("{y:04}-{month:02}-{day:02}"),
                            None => format!("--{month:02}-{day:02}"),
                        },
                        year,
                        month,
                        day,
                        text: r.get(4)?,
                        start: at(5)?,
                        end: at(6)?,
                        line: at(7)?,
                        page: None,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// A document's cleaned article text, the text claims' `clean_start`/`clean_end` point into.
    pub fn article_text(&self, document_id: i64) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT text FROM document_article WHERE document_id = ?1",
                [document_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}

/// Removes the claim, article and date rows of every document but `kept`
/// (whose analyses were kept from the last run), with the removed claims'
/// search entries; `temp.kept_document` holds `kept` afterwards.
fn drop_all_but_kept(tx: &rusqlite::Transaction, kept: &[i64]) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS kept_document (id INTEGER PRIMARY KEY);
         DELETE FROM temp.kept_document;",
    )?;
    {
        let mut put = tx.prepare_cached("INSERT INTO temp.kept_document (id) VALUES (?1)")?;
        for id in kept {
            put.execute([id])?;
        }
    }
    tx.execute_batch(
        "INSERT INTO claim_search (claim_search, rowid, text)
             SELECT 'delete', rowid, text FROM claim WHERE document_id NOT IN (SELECT id FROM temp.kept_document);
         DELETE FROM claim WHERE document_id NOT IN (SELECT id FROM temp.kept_document);
         DELETE FROM document_article WHERE document_id NOT IN (SELECT id FROM temp.kept_document);
         DELETE FROM document_date WHERE document_id NOT IN (SELECT id FROM temp.kept_document);",
    )
}

/// Writes analysed articles and their dates as pending (see migration
/// 0020), replacing any an earlier, stopped run left.
fn put_pending_articles(tx: &rusqlite::Transaction, articles: &[Article]) -> rusqlite::Result<()> {
    let mut put_date = tx.prepare_cached(
        r#"INSERT OR REPLACE INTO pending_date (document_id, year, month, day, text, start, "end", line)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"#,
    )?;
    let mut no_date = tx.prepare_cached("DELETE FROM pending_date WHERE document_id = ?1")?;
    let mut put = tx.prepare_cached(
        "INSERT OR REPLACE INTO pending_article (document_id, text, removed) VALUES (?1, ?2, ?3)",
    )?;
    for a in articles {
        match &a.date {
            Some(d) => put_date.execute(params![
                a.document_id,
                d.year,
                d.month,
                d.day,
                d.text,
                d.start.map(|x| x as i64),
                d.end.map(|x| x as i64),
                d.line.map(|x| x as i64)
            ])?,
            None => no_date.execute([a.document_id])?,
        };
        let removed: Vec<serde_json::Value> = a
            .removed
            .iter()
            .map(|(s, en, w)| serde_json::json!({"start": s, "end": en, "what": w}))
            .collect();
        put.execute(params![
            a.document_id,
            a.text,
            serde_json::Value::from(removed).to_string()
        ])?;
    }
    Ok(())
}

/// The cluster of every stored claim (after [`drop_all_but_kept`]: the
/// kept documents' claims).
fn kept_clusters(tx: &rusqlite::Transaction) -> rusqlite::Result<HashMap<String, String>> {
    let mut stmt = tx.prepare_cached("SELECT claim_key, cluster_key FROM claim")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Whether every document the stage's rows name is still in the store:
/// what the foreign keys would check row by row, checked at once. Run
/// inside the transaction after its first write, so no other connection
/// can remove a document until it ends.
fn documents_still_stored(tx: &rusqlite::Transaction, out: &StageOutput) -> rusqlite::Result<()> {
    let stored: std::collections::HashSet<i64> = tx
        .prepare("SELECT id FROM document")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let named = out
        .claims
        .iter()
        .map(|c| c.document_id)
        .chain(
            out.reuse
                .iter()
                .flat_map(|r| [r.document_id, r.source_document_id]),
        )
        .chain(out.inherited.iter().map(|i| i.document_id));
    for id in named {
        if !stored.contains(&id) {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                Some(format!(
                    "the results name document {id}, which is no longer in the store (removed while the audit ran?): run the audit again"
                )),
            ));
        }
    }
    Ok(())
}

/// Writes `pairs` into `table` (`document_reuse`, `reuse_import_pair`),
/// whose columns are those [`reuse_row`] reads.
pub(super) fn put_reuse(
    tx: &rusqlite::Transaction,
    table: &str,
    pairs: &[Reuse],
) -> rusqlite::Result<()> {
    let mut put = tx.prepare_cached(&format!(
        "INSERT INTO {table} (document_id, source_document_id, containment, shared_passages)
         VALUES (?1, ?2, ?3, ?4)"
    ))?;
    for r in pairs {
        put.execute(params![
            r.document_id,
            r.source_document_id,
            r.containment,
            r.shared_passages as i64
        ])?;
    }
    Ok(())
}

/// A pair of text reuse from its columns (document_id,
/// source_document_id, containment, shared_passages), in that order.
pub(super) fn reuse_row(r: &rusqlite::Row) -> rusqlite::Result<Reuse> {
    Ok(Reuse {
        document_id: r.get(0)?,
        source_document_id: r.get(1)?,
        containment: r.get(2)?,
        shared_passages: r.get::<_, i64>(3)? as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claims::{Claim, ClaimKind};

    fn claim(key: &str, document_id: i64) -> Claim {
        Claim {
            key: key.into(),
            document_id,
            cluster_key: format!("c-{}", &key[2..]),
            text: "At least 1,093 people were killed.".into(),
            start: Some(0),
            end: Some(34),
            line: Some(1),
            clean_start: 0,
            clean_end: 34,
            kind: ClaimKind::Figure,
            speaker: None,
            attribution: None,
            quantities: Vec::new(),
            page: None,
        }
    }

    /// Results naming a document that is no longer in the store (removed by
    /// another run while this one analysed) are refused whole, saying what
    /// to do: the results stored before stand, and the store's foreign keys
    /// are on again for whatever writes next.
    #[test]
    fn results_naming_a_removed_document_are_refused_and_the_stored_ones_stand() {
        let (_dir, mut store) = crate::store::ingested_for_tests(&[(
            "a.txt",
            "Reuters - At least 1,093 people were killed.",
        )]);
        let id: i64 = store
            .conn
            .query_row("SELECT id FROM document", [], |r| r.get(0))
            .unwrap();
        let stored = StageOutput {
            claims: vec![claim("k-000000000001", id)],
            ..Default::default()
        };
        store.save_claims(&stored).unwrap();

        let removed = StageOutput {
            claims: vec![claim("k-000000000002", id), claim("k-000000000003", id + 1)],
            ..Default::default()
        };
        let err = store.save_claims(&removed).unwrap_err();
        let text = format!("{err:#}");
        assert!(
            text.contains(&format!("document {}", id + 1)) && text.contains("run the audit again"),
            "{text}"
        );
        let keys: Vec<String> = store
            .conn
            .prepare("SELECT claim_key FROM claim")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(keys, ["k-000000000001"]);
        let on: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(on, 1);
    }
}

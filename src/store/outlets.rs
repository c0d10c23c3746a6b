//! SQL of the outlets stage.

use super::{Result, Store, classify, now};
use crate::model::outlets::{Alignment, OutletRecord, Override, Party, SignalRecord};
use crate::relpath::RelPath;
use rusqlite::{Row, params};
use std::collections::HashMap;

fn party_from(r: &Row, at: usize) -> rusqlite::Result<Option<Party>> {
    let name: Option<String> = r.get(at)?;
    let Some(name) = name else { return Ok(None) };
    let u = |i: usize| r.get::<_, Option<i64>>(at + i).map(|v| v.map(|v| v as u64));
    Ok(Some(Party {
        name,
        outlet_id: r.get(at + 1)?,
        rule: r.get(at + 2)?,
        text: r.get(at + 3)?,
        start: u(4)?,
        end: u(5)?,
        line: u(6)?,
        confidence: r.get(at + 7)?,
        basis: r.get(at + 8)?,
        manual: r.get(at + 9)?,
    }))
}

const PARTY_COLUMNS: &str =
    "name, outlet_id, rule, text, start, end, line, confidence, basis, manual";

impl Store {
    /// Keeps these documents' outlet decisions for the next run, in one
    /// transaction (see [`Store::keep_analyses`]).
    pub fn keep_outlet_analyses(
        &mut self,
        kept: &[crate::model::claims::KeptAnalysis],
    ) -> Result<()> {
        let path = self.path.clone();
        let e = |err| super::classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        super::put_kept(
            &tx,
            "INSERT OR REPLACE INTO document_outlet_analysis (document_id, inputs, data) VALUES (?1, ?2, ?3)",
            kept,
        )
        .map_err(e)?;
        tx.commit().map_err(e)
    }

    /// What an earlier run kept of each of these documents' outlet
    /// decision: the SHA-256 of its inputs, and its bytes.
    pub fn kept_outlet_analyses(
        &self,
        documents: impl IntoIterator<Item = i64>,
    ) -> Result<std::collections::HashMap<i64, (String, Vec<u8>)>> {
        self.kept_rows(
            "SELECT inputs, data FROM document_outlet_analysis WHERE document_id = ?1",
            documents,
        )
    }

    /// Replaces the outlets stage's results for every document, in one transaction.
    pub fn save_outlets(&mut self, records: &[(OutletRecord, Vec<SignalRecord>)]) -> Result<()> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        tx.execute("DELETE FROM outlet_signal", []).map_err(e)?;
        tx.execute("DELETE FROM outlet_decision", []).map_err(e)?;
        {
            let party_cols = |p: &str| {
                PARTY_COLUMNS
                    .split(", ")
                    .map(|c| format!("{p}_{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut put = tx
                .prepare_cached(&format!(
                    "INSERT INTO outlet_decision (document_id, {}, {}, relation, origin_group, origin_kind, origin_country,
                        origin_owner, origin_state_affiliation, candidates, explanation, registry_version, decided_at,
                        co_producers)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
                        ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
                    party_cols("publisher"),
                    party_cols("origin")
                ))
                .map_err(e)?;
            let mut put_signal = tx
                .prepare_cached(
                    "INSERT INTO outlet_signal (document_id, role, name, outlet_id, rule, text, start, end, line, confidence)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .map_err(e)?;
            let decided_at = now();
            for (rec, signals) in records {
                let p = |x: &Option<Party>| -> [rusqlite::types::Value; 10] {
                    use rusqlite::types::Value::{Integer, Null, Real, Text};
                    match x {
                        None => std::array::from_fn(|_| Null),
                        Some(p) => [
                            Text(p.name.clone()),
                            p.outlet_id.clone().map(Text).unwrap_or(Null),
                            Text(p.rule.clone()),
                            Text(p.text.clone()),
                            p.start.map(|v| Integer(v as i64)).unwrap_or(Null),
                            p.end.map(|v| Integer(v as i64)).unwrap_or(Null),
                            p.line.map(|v| Integer(v as i64)).unwrap_or(Null),
                            Real(p.confidence),
                            Text(p.basis.clone()),
                            Integer(i64::from(p.manual)),
                        ],
                    }
                };
                let mut values: Vec<rusqlite::types::Value> = vec![rec.document_id.into()];
                values.extend(p(&rec.publisher));
                values.extend(p(&rec.origin));
                let a = &rec.alignment;
                values.extend([
                    rec.relation.clone().into(),
                    rec.origin_group.clone().into(),
                    a.kind.clone().into(),
                    a.country.clone().into(),
                    a.owner.clone().into(),
                    a.state_affiliation.clone().into(),
                    serde_json::to_string(&rec.candidates)
                        .expect("strings serialise")
                        .into(),
                    rec.explanation.clone().into(),
                    rec.registry_version.clone().into(),
                    decided_at.clone().into(),
                    serde_json::to_string(&rec.co_producers)
                        .expect("strings serialise")
                        .into(),
                ]);
                put.execute(rusqlite::params_from_iter(values)).map_err(e)?;
                for s in signals {
                    put_signal
                        .execute(params![
                            rec.document_id,
                            s.role,
                            s.name,
                            s.outlet_id,
                            s.rule,
                            s.text,
                            s.start.map(|v| v as i64),
                            s.end.map(|v| v as i64),
                            s.line.map(|v| v as i64),
                            s.confidence
                        ])
                        .map_err(e)?;
                }
            }
        }
        tx.commit().map_err(e)
    }

    /// The outlets stage's results, by document id.
    pub fn outlet_records(&self) -> Result<HashMap<i64, OutletRecord>> {
        self.outlet_records_where("", [])
    }

    /// The outlets stage's result for one document, if it ran on it.
    pub fn outlet_record(&self, document_id: i64) -> Result<Option<OutletRecord>> {
        Ok(self
            .outlet_records_where("WHERE document_id = ?1", [document_id])?
            .remove(&document_id))
    }

    fn outlet_records_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        params: P,
    ) -> Result<HashMap<i64, OutletRecord>> {
        let cols = |p: &str| {
            PARTY_COLUMNS
                .split(", ")
                .map(|c| format!("{p}_{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let sql = format!(
            "SELECT document_id, {}, {}, relation, origin_group, origin_kind, origin_country, origin_owner,
                origin_state_affiliation, candidates, explanation, registry_version, co_producers
             FROM outlet_decision {filter}",
            cols("publisher"),
            cols("origin")
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params, |r| {
                let candidates: String = r.get(27)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    OutletRecord {
                        document_id: r.get(0)?,
                        publisher: party_from(r, 1)?,
                        origin: party_from(r, 11)?,
                        relation: r.get(21)?,
                        origin_group: r.get(22)?,
                        alignment: Alignment {
                            kind: r.get(23)?,
                            country: r.get(24)?,
                            owner: r.get(25)?,
                            state_affiliation: r.get(26)?,
                        },
                        candidates: serde_json::from_str(&candidates).unwrap_or_default(),
                        explanation: r.get(28)?,
                        registry_version: r.get(29)?,
                        co_producers: serde_json::from_str(&r.get::<_, String>(30)?)
                            .unwrap_or_default(),
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The signals found in one document, in the order found.
    pub fn outlet_signals(&self, document_id: i64) -> Result<Vec<SignalRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT role, name, outlet_id, rule, text, start, end, line, confidence FROM outlet_signal
                 WHERE document_id = ?1 ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([document_id], |r| {
                let u = |i: usize| r.get::<_, Option<i64>>(i).map(|v| v.map(|v| v as u64));
                Ok(SignalRecord {
                    role: r.get(0)?,
                    name: r.get(1)?,
                    outlet_id: r.get(2)?,
                    rule: r.get(3)?,
                    text: r.get(4)?,
                    start: u(5)?,
                    end: u(6)?,
                    line: u(7)?,
                    confidence: r.get(8)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Records a reviewer's correction (or its withdrawal, with `value: None`).
    pub fn add_outlet_override(&mut self, o: &Override) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO outlet_override (path, path_text, field, value, reviewer, note, document_sha256, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    o.path.as_bytes(),
                    o.path.to_string_lossy(),
                    o.field,
                    o.value,
                    o.reviewer,
                    o.note,
                    o.document_sha256,
                    o.created_at
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// The corrections in force, by (path, field): the newest row of each,
    /// unless that row withdrew the correction.
    pub fn outlet_overrides(&self) -> Result<HashMap<(RelPath, String), Override>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT path, field, value, reviewer, note, document_sha256, created_at FROM outlet_override o
                 WHERE id = (SELECT max(id) FROM outlet_override WHERE path = o.path AND field = o.field)",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Override {
                    path: RelPath::from_bytes(r.get(0)?),
                    field: r.get(1)?,
                    value: r.get(2)?,
                    reviewer: r.get(3)?,
                    note: r.get(4)?,
                    document_sha256: r.get(5)?,
                    created_at: r.get(6)?,
                })
            })
            .map_err(|e| self.err(e))?;
        let mut out = HashMap::new();
        for o in rows {
            let o = o.map_err(|e| self.err(e))?;
            if o.value.is_some() {
                out.insert((o.path.clone(), o.field.clone()), o);
            }
        }
        Ok(out)
    }
}

//! `bench spark`: the PySpark text reuse job (`scripts/spark/reuse.py`)
//! against the native reuse step on the same generated corpus: the pairs
//! each finds, how many of the other's it finds (both ways), whether
//! containment agrees, and the claims after `import reuse` against the
//! claims the native step gave.

use super::{Article, Sample, generate, measure, measure_with_output};
use anyhow::{Context, Result, bail};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Pairs by (copy, source) path, with containment and shared passages.
type Pairs = HashMap<(String, String), (f64, u64)>;

fn native_pairs(db: &Path) -> Result<Pairs> {
    let conn = rusqlite::Connection::open(db)?;
    let mut stmt = conn.prepare(
        "SELECT d.path_text, s.path_text, r.containment, r.shared_passages
         FROM document_reuse r JOIN document d ON d.id = r.document_id
         JOIN document s ON s.id = r.source_document_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
            (r.get::<_, f64>(2)?, r.get::<_, i64>(3)? as u64),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every pair of the store's documents sharing an anchor, measured
/// (`reuse::find_every_pair`): what the native step would find without
/// its bound on large posting lists.
fn every_pair(db: &Path) -> Result<Pairs> {
    let store = provaudit::store::Store::open_existing(db)?;
    let documents = store.current_documents()?;
    let mut ids = Vec::new();
    let mut passages = Vec::new();
    let mut path_of = HashMap::new();
    for d in &documents {
        if let Some(text) = store.article_text(d.id)? {
            ids.push(d.id);
            passages.push(provaudit::claims::reuse::passages(&text));
            path_of.insert(d.id, d.path.to_string_lossy().into_owned());
        }
    }
    let refs: Vec<&[u64]> = passages.iter().map(Vec::as_slice).collect();
    Ok(provaudit::claims::reuse::find_every_pair(&ids, &refs)
        .into_iter()
        .map(|r| {
            (
                (
                    path_of[&r.document_id].clone(),
                    path_of[&r.source_document_id].clone(),
                ),
                (r.containment, r.shared_passages as u64),
            )
        })
        .collect())
}

fn job_pairs(out: &Path) -> Result<Pairs> {
    let mut pairs = Pairs::new();
    let mut parts: Vec<PathBuf> = std::fs::read_dir(out)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
        })
        .collect();
    parts.sort();
    for part in parts {
        for line in std::fs::read_to_string(&part)?.lines() {
            let v: serde_json::Value = serde_json::from_str(line)?;
            if let (Some(d), Some(s)) = (v["document"].as_str(), v["source"].as_str()) {
                pairs.insert(
                    (d.to_owned(), s.to_owned()),
                    (
                        v["containment"].as_f64().unwrap_or(f64::NAN),
                        v["shared_passages"].as_u64().unwrap_or(0),
                    ),
                );
            }
        }
    }
    Ok(pairs)
}

/// Clusters by corroboration class, and conflicts, as the store holds them.
fn claims_summary(db: &Path) -> Result<BTreeMap<String, i64>> {
    let conn = rusqlite::Connection::open(db)?;
    let mut stmt =
        conn.prepare("SELECT corroboration, count(*) FROM claim_cluster GROUP BY corroboration")?;
    let mut out: BTreeMap<String, i64> = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    out.insert(
        "conflicts".into(),
        conn.query_row("SELECT count(*) FROM claim_conflict", [], |r| r.get(0))?,
    );
    out.insert(
        "documents with an inherited origin".into(),
        conn.query_row(
            "SELECT count(*) FROM outlet_decision WHERE origin_rule = 'text_reuse'",
            [],
            |r| r.get(0),
        )?,
    );
    Ok(out)
}

fn unordered(p: &Pairs) -> HashSet<(String, String)> {
    p.keys()
        .map(|(a, b)| {
            if a <= b {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            }
        })
        .collect()
}

pub struct Options<'a> {
    pub articles: &'a [Article],
    pub docs: usize,
    pub seed: u64,
    pub hash_tables: usize,
    pub dir: &'a Path,
}

pub fn run(o: &Options) -> Result<()> {
    let python = std::env::var("PROVAUDIT_BENCH_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/spark/reuse.py");
    let provaudit = std::env::current_exe()?.with_file_name("provaudit");
    let corpus = o.dir.join(format!("corpus-{}", o.docs));
    let db = o.dir.join(format!("store-{}.sqlite", o.docs));
    let jsonl = o.dir.join(format!("corpus-{}.jsonl", o.docs));
    let out = o.dir.join(format!("reuse-{}", o.docs));
    for stale in [&db, &jsonl] {
        let _ = std::fs::remove_file(stale);
    }
    let _ = std::fs::remove_dir_all(&out);
    if !corpus.exists() {
        generate(o.articles, o.docs, o.seed, &corpus)?;
    }
    let mut stdout = std::io::stdout().lock();
    let audit = measure(
        Command::new(&provaudit)
            .arg("audit")
            .arg(&corpus)
            .arg("--db")
            .arg(&db),
    )?;
    let native = native_pairs(&db)?;
    let native_claims = claims_summary(&db)?;
    let every = every_pair(&db)?;
    let export = measure(
        Command::new(&provaudit)
            .args(["export", "--format", "jsonl", "--out"])
            .arg(&jsonl)
            .arg("--db")
            .arg(&db),
    )?;
    let log = o.dir.join(format!("spark-{}.log", o.docs));
    let job = measure_with_output(
        Command::new(&python)
            .arg(&script)
            .args(["--master", "local[2]", "--driver-memory", "6g"])
            .arg("--hash-tables")
            .arg(o.hash_tables.to_string())
            .arg(&jsonl)
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log)?),
    )
    .with_context(|| format!("the Spark job failed; its log: {}", log.display()))?;
    let found = job_pairs(&out)?;
    let import = measure(
        Command::new(&provaudit)
            .args(["import", "reuse"])
            .arg(&out)
            .arg("--db")
            .arg(&db),
    );
    // `import reuse` exits 1 when it left lines out: here none may be.
    let import: Sample = match import {
        Ok(s) => s,
        Err(e) => bail!("import reuse left lines out or failed: {e}"),
    };
    let imported_claims = claims_summary(&db)?;

    writeln!(
        stdout,
        "Text reuse on Spark (scripts/spark/reuse.py, pyspark local[2], {} MinHashLSH tables) against the native step, {} generated documents (seed {})",
        o.hash_tables, o.docs, o.seed
    )?;
    writeln!(stdout, "| step | wall s | peak RSS MiB |")?;
    writeln!(stdout, "|---|---:|---:|")?;
    for (step, s, sampled) in [
        ("provaudit audit (native reuse step inside)", &audit, true),
        ("provaudit export --format jsonl", &export, true),
        (
            "spark job, whole process (JVM started, pairs written)",
            &job,
            false,
        ),
        (
            "provaudit import reuse (checks, stores, analyses again)",
            &import,
            true,
        ),
    ] {
        let rss = if sampled {
            format!("{:.0}", s.peak_rss_kib as f64 / 1024.0)
        } else {
            "(JVM not sampled)".to_owned()
        };
        writeln!(stdout, "| {step} | {:.1} | {rss} |", s.wall.as_secs_f64())?;
    }
    writeln!(
        stdout,
        "| pairs | found | spark job | in both | share of these the job found | share of the job's found here | same containment and passages |"
    )?;
    writeln!(stdout, "|---|---:|---:|---:|---:|---:|---:|")?;
    for (name, pairs) in [
        ("native step (as shipped)", &native),
        ("every pair sharing an anchor, measured", &every),
    ] {
        let (n, f) = (unordered(pairs), unordered(&found));
        let both = n.intersection(&f).count();
        let same: Vec<&(String, String)> =
            pairs.keys().filter(|k| found.contains_key(*k)).collect();
        let exact = same
            .iter()
            .filter(|k| {
                let (a, b) = (pairs[**k], found[**k]);
                (a.0 - b.0).abs() < 0.0015 && a.1 == b.1
            })
            .count();
        writeln!(
            stdout,
            "| {name} | {} | {} | {both} | {:.4} | {:.4} | {exact} of {} |",
            n.len(),
            f.len(),
            both as f64 / n.len().max(1) as f64,
            both as f64 / f.len().max(1) as f64,
            same.len()
        )?;
    }
    writeln!(stdout, "| claims | native reuse | imported reuse |")?;
    writeln!(stdout, "|---|---:|---:|")?;
    let keys: std::collections::BTreeSet<&String> =
        native_claims.keys().chain(imported_claims.keys()).collect();
    for k in keys {
        writeln!(
            stdout,
            "| {k} | {} | {} |",
            native_claims.get(k).copied().unwrap_or(0),
            imported_claims.get(k).copied().unwrap_or(0)
        )?;
    }
    Ok(())
}

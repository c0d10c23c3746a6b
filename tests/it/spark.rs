//! Text reuse found elsewhere: `export --format jsonl`, the PySpark job
//! `scripts/spark/reuse.py` really run (Spark in `local[2]` mode, a real
//! JVM), and `import reuse`, whose pairs the claims stage then uses, bound
//! to the bytes of the documents the job read.

use crate::support::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn python() -> String {
    std::env::var("PROVAUDIT_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/spark/reuse.py");

/// The seeds plus two uncredited copies the native step finds: a repost
/// of the Press TV report (as GlobalSecurity.org reposted it) under another
/// site's header, its last paragraph
/// cut, and a page running the second half of the Reuters wire after a
/// paragraph of its own.
fn corpus_with_copies(ws: &Workspace) -> PathBuf {
    let corpus = ws.seed_corpus();
    let press_tv = std::fs::read_to_string(corpus.join("003_d3d53ad44076e59b.txt")).unwrap();
    let body = press_tv
        .split_once("11:32 AM")
        .map(|(_, b)| b)
        .expect("the seed's dateline");
    let cut = body.trim_end().rfind("\n\n").unwrap();
    std::fs::write(
        corpus.join("repost.txt"),
        format!("Tripoli Observer\n\nWorld news\n{}\n", &body[..cut]),
    )
    .unwrap();
    let reuters = std::fs::read_to_string(corpus.join("001_58bcf51014b2217e.txt")).unwrap();
    let half = reuters[reuters.len() / 2..]
        .split_once('\n')
        .map(|(_, rest)| rest)
        .unwrap();
    std::fs::write(
        corpus.join("excerpt.txt"),
        format!(
            "Our readers asked what the talks in Moscow would change for the city's families, many of whom have waited months for news of relatives.\n\n{half}"
        ),
    )
    .unwrap();
    corpus
}

/// Every document's text reuse as (path, relation, other document), sorted.
fn reuse_of(report: &Value) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            d["text_reuse"].as_array().unwrap().iter().map(move |r| {
                (
                    d["path"].as_str().unwrap().to_owned(),
                    r["relation"].as_str().unwrap().to_owned(),
                    r["document"].as_str().unwrap().to_owned(),
                )
            })
        })
        .collect();
    out.sort();
    out
}

/// What the analysis decided (documents without their ingest and
/// modification times, claims, clusters, conflicts).
fn analysis(report: &Value) -> Value {
    let mut documents = report["documents"].clone();
    for d in documents.as_array_mut().unwrap() {
        let d = d.as_object_mut().unwrap();
        d.remove("ingested_at");
        d.remove("mtime");
    }
    serde_json::json!({
        "documents": documents,
        "claims": report["claims"],
        "clusters": report["clusters"],
        "conflicts": report["conflicts"],
    })
}

fn audit(ws: &Workspace, corpus: &Path) -> Value {
    ws.run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json()
}

#[test]
fn the_spark_job_finds_the_native_pairs_and_the_claims_stand_as_they_were() {
    let ws = Workspace::new();
    let corpus = corpus_with_copies(&ws);
    let native = audit(&ws, &corpus);
    let pairs = reuse_of(&native);
    assert!(
        pairs.contains(&(
            "repost.txt".into(),
            "copy_of".into(),
            "003_d3d53ad44076e59b.txt".into()
        )) && pairs.contains(&(
            "excerpt.txt".into(),
            "copy_of".into(),
            "001_58bcf51014b2217e.txt".into()
        )),
        "the native step finds both copies: {pairs:?}"
    );
    let jsonl = ws.path("corpus.jsonl");
    ws.run_db(&[
        "export",
        corpus.to_str().unwrap(),
        "--format",
        "jsonl",
        "--out",
        jsonl.to_str().unwrap(),
    ])
    .expect_code(0);
    let out = ws.path("reuse-pairs");
    let job = run_with_deadline(
        {
            let mut cmd = std::process::Command::new(python());
            cmd.args([
                SCRIPT,
                "--master",
                "local[2]",
                jsonl.to_str().unwrap(),
                out.to_str().unwrap(),
            ]);
            cmd
        },
        std::time::Duration::from_secs(300),
    );
    assert_eq!(job.code, 0, "the Spark job failed:\n{}", job.stderr);

    let imported = ws
        .run_db(&["import", "reuse", out.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    // Seven texts read (the manifest SHA256SUMS has none), both copies found.
    assert_eq!(imported["documents"], 7, "{imported}");
    assert_eq!(imported["pairs"], 2, "{imported}");
    assert_eq!(imported["rejected"], 0, "{imported}");
    assert_eq!(imported["engine"], "scripts/spark/reuse.py 1");

    // The analysis ran again with the imported pairs: the same documents
    // are copies, with the same containment, and every claim and cluster
    // is as the native step made them.
    let after = audit(&ws, &corpus);
    assert_eq!(reuse_of(&after), pairs);
    assert_eq!(analysis(&after), analysis(&native));
}

/// The SHA-256 of each seed, by name.
fn sha(name: &str) -> String {
    seed_sums()
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| s)
        .unwrap()
}

fn doc_of<'a>(report: &'a Value, path: &str) -> &'a Value {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == path)
        .unwrap()
}

const REUTERS: &str = "001_58bcf51014b2217e.txt";
const UNKNOWN: &str = "004_f06e52af27d9ab42.txt";

/// A job's output saying the document of unknown origin is a copy of the
/// Reuters wire, with the read lines of every seed article.
fn pairs_file(ws: &Workspace, copy_sha: &str, extra: &str) -> PathBuf {
    let mut lines = vec![r#"{"engine": "a test"}"#.to_owned()];
    for (name, sha256) in seed_sums().iter().filter(|(n, _)| n.ends_with(".txt")) {
        lines.push(format!(r#"{{"read": "{name}", "sha256": "{sha256}"}}"#));
    }
    lines.push(format!(
        r#"{{"document": "{UNKNOWN}", "document_sha256": "{copy_sha}", "source": "{REUTERS}", "source_sha256": "{}", "containment": 0.9, "shared_passages": 40}}"#,
        sha(REUTERS)
    ));
    lines.push(extra.to_owned());
    let path = ws.path("pairs.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn an_imported_pair_acts_only_on_the_bytes_it_names() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let before = audit(&ws, &corpus);
    assert!(doc_of(&before, UNKNOWN)["origin"].is_null());

    // A pair naming bytes the store does not hold is left out, and said so
    // with its file and line; the rest is imported (exit 1).
    let stale = r#"{"document": "003_d3d53ad44076e59b.txt", "document_sha256": "00000000000000000000000000000000000000000000000000000000000000ff", "source": "002_2f99136e3ac0f3d2.txt", "source_sha256": "00", "containment": 0.8, "shared_passages": 30}"#;
    let file = pairs_file(&ws, &sha(UNKNOWN), stale);
    let run = ws
        .run_db(&["import", "reuse", file.to_str().unwrap()])
        .expect_code(1);
    assert!(
        run.stdout.contains(
            "documents read with the bytes this store holds: 5; pairs: 1; lines left out: 1 of 8"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("bytes changed since the job read it")
            && run.stdout.contains("pairs.jsonl, line 8"),
        "{}",
        run.stdout
    );

    // The copy takes its source's origin, with the pair as evidence, and
    // the report says where the pairs came from.
    let after = audit(&ws, &corpus);
    assert_eq!(after["reuse_import"]["engine"], "a test");
    assert_eq!(after["reuse_import"]["pairs"], 1);
    assert_eq!(after["reuse_import"]["rejected"], 1);
    let summary = ws
        .run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    assert!(
        summary.stdout.contains("text reuse: imported from")
            && summary.stdout.contains("pairs.jsonl (a test"),
        "{}",
        summary.stdout
    );
    let copy = doc_of(&after, UNKNOWN);
    assert_eq!(copy["origin"]["name"], "Reuters", "{copy}");
    assert!(
        copy["text_reuse"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["document"] == REUTERS && r["relation"] == "copy_of"),
        "{copy}"
    );

    // Once the copy's bytes change, the pair no longer speaks of them: the
    // native step compares the changed document, and finds no copy.
    let text = std::fs::read_to_string(corpus.join(UNKNOWN)).unwrap();
    std::fs::write(
        corpus.join(UNKNOWN),
        format!("{text}\nCorrection appended.\n"),
    )
    .unwrap();
    let changed = audit(&ws, &corpus);
    let copy = doc_of(&changed, UNKNOWN);
    assert!(copy["origin"].is_null(), "{copy}");
    assert!(copy["text_reuse"].as_array().unwrap().is_empty(), "{copy}");

    // Withdrawn: back to the native step.
    std::fs::write(corpus.join(UNKNOWN), text).unwrap();
    audit(&ws, &corpus);
    let run = ws.run_db(&["import", "reuse", "--remove"]).expect_code(0);
    assert!(run.stdout.contains("withdrawn"), "{}", run.stdout);
    let removed = audit(&ws, &corpus);
    assert!(removed.get("reuse_import").is_none());
    assert_eq!(analysis(&removed), analysis(&before));
}

#[test]
fn a_file_that_is_not_a_jobs_output_imports_nothing() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let before = audit(&ws, &corpus);
    // A line of another shape, midway: the whole file is refused.
    let file = pairs_file(
        &ws,
        &sha(UNKNOWN),
        r#"{"id": "x.txt", "text": "\u001b]0;pwned\u0007"}"#,
    );
    let run = ws
        .run_db(&["import", "reuse", file.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr.contains("pairs.jsonl, line 8") && run.stderr.contains("nothing was imported"),
        "{}",
        run.stderr
    );
    // Documents the store does not hold: nothing to import.
    let other = ws.path("other.jsonl");
    std::fs::write(
        &other,
        "{\"read\": \"elsewhere/\\u001b[2Ja.txt\", \"sha256\": \"ab\"}\n",
    )
    .unwrap();
    let run = ws
        .run_db(&["import", "reuse", other.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr
            .contains("none of the 1 documents the job read is in this store"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains('\u{1b}') && !run.stdout.contains('\u{1b}'));
    // A line without end: refused at its cap, memory bounded.
    let endless = ws.path("endless.jsonl");
    std::fs::write(&endless, "{\"read\": \"".to_owned() + &"a".repeat(1 << 20)).unwrap();
    let run = ws
        .run_db(&["import", "reuse", endless.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr
            .contains("endless.jsonl, line 1: longer than 64 KiB"),
        "{}",
        run.stderr
    );
    // A pipe is not read (it could block for ever).
    let fifo = ws.path("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let run = ws
        .run_db(&["import", "reuse", fifo.to_str().unwrap()])
        .expect_code(2);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    // A folder without part files.
    std::fs::create_dir(ws.path("empty")).unwrap();
    let run = ws
        .run_db(&["import", "reuse", ws.path("empty").to_str().unwrap()])
        .expect_code(2);
    assert!(run.stderr.contains("no part files"), "{}", run.stderr);
    // Nothing was put in force.
    let run = ws.run_db(&["import", "reuse", "--remove"]).expect_code(0);
    assert!(
        run.stdout.contains("no imported text reuse"),
        "{}",
        run.stdout
    );
    assert_eq!(analysis(&audit(&ws, &corpus)), analysis(&before));
}

//! The store refuses what it must not touch, and survives a crash.

use crate::support::*;
use rusqlite::Connection;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::create_dir_all(ws.db().parent().unwrap()).unwrap();
    let junk = "these are my notes, not a database\n".repeat(200);
    std::fs::write(ws.db(), &junk).unwrap();
    for args in [
        vec!["audit", corpus.to_str().unwrap()],
        vec!["verify", corpus.to_str().unwrap()],
        vec!["history"],
    ] {
        let run = ws.run_db(&args).expect_code(2);
        assert!(
            run.stderr.contains("is not a provaudit store")
                && run
                    .stderr
                    .contains("(give another with --db PATH or PROVAUDIT_DB)"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("store.sqlite"), "{}", run.stderr);
    }
    assert_eq!(std::fs::read_to_string(ws.db()).unwrap(), junk);
}

#[test]
fn a_store_from_a_newer_version_is_refused_and_left_untouched() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    {
        let conn = Connection::open(ws.db()).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(ws.db()).unwrap();
    let run = ws
        .run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr
            .contains("written by a newer provaudit (schema version 99"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(ws.db()).unwrap(), before);
}

#[test]
fn a_store_locked_by_another_process_is_reported_not_corrupted() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let holder = Connection::open(ws.db()).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE; INSERT INTO corpus SELECT 2, root, root_text, created_at, program_version FROM corpus WHERE 0;").unwrap();
    let run = ws
        .run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr.contains("is locked by another process"),
        "{}",
        run.stderr
    );
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    // Once released, the store works and lost nothing.
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(report["documents"].as_array().unwrap().len(), 5);
}

#[test]
fn the_store_must_not_be_inside_the_corpus() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let before = tree_state(&corpus);
    let inside = corpus.join("store.sqlite");
    let run = ws
        .run(&[
            "audit",
            corpus.to_str().unwrap(),
            "--db",
            inside.to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains("corpus folder is never written"),
        "{}",
        run.stderr
    );
    assert_eq!(tree_state(&corpus), before);
}

#[test]
fn a_store_belongs_to_one_corpus() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let other = ws.path("other");
    std::fs::create_dir(&other).unwrap();
    let run = ws
        .run_db(&["audit", other.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr.contains("is the store of the corpus"),
        "{}",
        run.stderr
    );
}

#[test]
fn killing_audit_mid_run_leaves_a_sound_store_that_the_next_run_completes() {
    let ws = Workspace::new();
    let corpus = ws.path("many");
    std::fs::create_dir(&corpus).unwrap();
    // Enough files for a dozen batches (so the kill lands mid-run), each a
    // text of its own words: nothing the analysis would spend time on (no
    // figure, no quote, no passage shared with another file), so the run
    // that completes the store proves what it should and ends quickly.
    const FILES: usize = 3_000;
    const WORDS: [&str; 16] = [
        "harbour", "winter", "market", "bridge", "council", "river", "garden", "station",
        "library", "orchard", "valley", "festival", "museum", "meadow", "ferry", "lantern",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..FILES {
        let mut body = String::new();
        for w in 0..240 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            body.push_str(WORDS[(seed >> 60) as usize]);
            body.push(if w % 12 == 11 { '.' } else { ' ' });
            if w % 12 == 11 {
                body.push('\n');
            }
        }
        std::fs::write(corpus.join(format!("{i:05}.txt")), body).unwrap();
    }
    let mut child = ws
        .cmd()
        .args([
            "audit",
            corpus.to_str().unwrap(),
            "--db",
            ws.db().to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the first committed batch, then kill -9.
    let started = Instant::now();
    let stored_at_kill = loop {
        let count = Connection::open(ws.db())
            .and_then(|c| {
                c.busy_timeout(Duration::from_millis(50))?;
                c.query_row("SELECT count(*) FROM document", [], |r| r.get::<_, i64>(0))
            })
            .unwrap_or(0);
        if count > 0 {
            child.kill().unwrap();
            break count;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no batch committed in 60 s"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    child.wait().unwrap();
    assert!(
        (stored_at_kill as usize) < FILES,
        "the run finished before it could be killed"
    );

    let conn = Connection::open(ws.db()).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM document", [], |r| r.get(0))
        .unwrap();
    assert!(kept >= stored_at_kill, "committed documents were lost");
    drop(conn);

    let history = ws.run_db(&["history", "--json"]).expect_code(0).json();
    assert_eq!(
        history["ingest_runs"][0]["finished_at"],
        serde_json::Value::Null
    );

    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(report["documents"].as_array().unwrap().len(), FILES);
    assert_eq!(report["run"]["unchanged"].as_u64().unwrap() as i64, kept);
    assert_eq!(
        report["run"]["added"].as_u64().unwrap() as i64,
        FILES as i64 - kept
    );
}

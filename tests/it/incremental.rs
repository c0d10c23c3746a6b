//! Re-audit: an audit that finds nothing changed keeps the stored analysis,
//! and after a change, an addition and a deletion the stored results are
//! exactly those of a full re-analysis of the same store from scratch,
//! though only the changed documents were analysed again (the others'
//! analyses are kept in `document_analysis`).

use crate::support::*;
use provaudit::outlets::Grouping;
use provaudit::outlets::registry::Registry;
use provaudit::store::Store;
use serde_json::Value;

/// What the analysis stages decided: every document's outlets and text
/// reuse, every claim, cluster and conflict (not the run's own figures).
fn analysis(report: &Value) -> Value {
    let mut documents = report["documents"].clone();
    for d in documents.as_array_mut().unwrap() {
        d.as_object_mut().unwrap().remove("ingested_at");
    }
    serde_json::json!({
        "documents": documents,
        "claims": report["claims"],
        "clusters": report["clusters"],
        "conflicts": report["conflicts"],
    })
}

fn audit(ws: &Workspace, corpus: &std::path::Path) -> Value {
    let run = ws.run_db(&["audit", corpus.to_str().unwrap(), "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

/// A full re-analysis of the store from scratch (no document's kept
/// analysis taken), as the report shows it.
fn reanalysed(ws: &Workspace) -> Value {
    reanalysed_store(&ws.db())
}

fn reanalysed_store(db: &std::path::Path) -> Value {
    rusqlite::Connection::open(db)
        .unwrap()
        .execute_batch("DELETE FROM document_analysis; DELETE FROM document_outlet_analysis;")
        .unwrap();
    let mut store = Store::open_existing(db).unwrap();
    let registry = Registry::bundled();
    provaudit::pipeline::reanalyse(&mut store, &registry, Grouping::ByOutlet).unwrap();
    serde_json::to_value(provaudit::view::app::stored_report(&store, &registry).unwrap()).unwrap()
}

/// Adds a paragraph with a new claim ("4,321 families") to the first file
/// of `corpus` by name; returns the files' names, sorted.
fn add_a_claim_to_the_first(corpus: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let changed = corpus.join(&names[0]);
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n\nThe ministry said on Tuesday that 4,321 families had been displaced.\n");
    std::fs::write(&changed, text).unwrap();
    names
}

#[test]
fn a_reaudit_after_a_change_an_addition_and_a_deletion_equals_a_full_reanalysis() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let first = audit(&ws, &corpus);
    assert!(!first["claims"].as_array().unwrap().is_empty());

    // Nothing changed: the stored analysis is kept, and it is the same.
    let again = audit(&ws, &corpus);
    assert_eq!(analysis(&again), analysis(&first));

    // A change: a new claim in one article.
    let names = add_a_claim_to_the_first(&corpus);
    // An addition: a repost of another article with a credit line.
    let mut repost = std::fs::read_to_string(corpus.join(&names[1])).unwrap();
    repost.push_str("\n\nSource: Agence France Presse\n");
    std::fs::write(corpus.join("zz-repost.txt"), repost).unwrap();
    // A deletion.
    std::fs::remove_file(corpus.join(&names[2])).unwrap();

    // Only the changed and the added article are analysed again.
    let timings = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--timings"])
        .expect_code(0)
        .stderr;
    assert!(
        timings.contains("extract claims (2 documents; 4 kept from the last run)"),
        "{timings}"
    );
    assert!(
        timings.contains("outlets (2 documents decided; 4 kept from the last run)"),
        "{timings}"
    );
    let after = audit(&ws, &corpus);
    let claims = after["claims"].as_array().unwrap();
    assert!(
        claims.iter().any(|c| c["document"] == names[0].as_str()
            && c["text"].as_str().unwrap().contains("4,321 families")),
        "the changed article's new claim is found"
    );
    assert!(claims.iter().any(|c| c["document"] == "zz-repost.txt"));
    assert_eq!(
        after["run"]["gone"],
        serde_json::json!([names[2]]),
        "the deleted file is reported gone (its record is kept as evidence)"
    );
    assert_eq!(analysis(&after), analysis(&reanalysed(&ws)));
    assert_ne!(analysis(&after), analysis(&first));
}

/// The store's tables and indexes as SQL (sorted, whitespace left out):
/// what the migrations made, whatever writes since dropped and built again.
fn schema(db: &std::path::Path) -> Vec<(String, String, Option<String>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .unwrap();
    stmt.query_map([], |r| {
        let sql: Option<String> = r.get(2)?;
        let sql = sql.map(|s| s.split_whitespace().collect());
        Ok((r.get(0)?, r.get(1)?, sql))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// Storing results drops the claims' and text reuse's indexes to write
/// their rows in bulk: after a full audit and after a re-audit that writes
/// only what changed, every index is back as the migrations made it (the
/// desktop's claims and documents pages and `show` read through them).
#[test]
fn the_store_has_every_index_after_a_full_and_a_partial_write() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let fresh = ws.path("fresh.sqlite");
    drop(Store::open(&fresh).unwrap());
    let migrated = schema(&fresh);
    assert!(
        migrated
            .iter()
            .any(|(kind, name, _)| kind == "index" && name == "document_reuse_by_source"),
        "{migrated:?}"
    );
    audit(&ws, &corpus);
    assert_eq!(schema(&ws.db()), migrated, "after a full audit");
    add_a_claim_to_the_first(&corpus);
    let timings = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--timings"])
        .expect_code(0)
        .stderr;
    assert!(
        timings.contains("1 documents; 4 kept from the last run"),
        "{timings}"
    );
    assert_eq!(schema(&ws.db()), migrated, "after a re-audit");
}

/// A store whose documents were extracted by an older version of the text
/// extraction (here: one that did not read the canonical address) is read
/// again on the next audit, though no file changed, and what the newer
/// extraction finds reaches the analysis.
#[test]
fn text_from_an_older_extraction_is_extracted_again() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(
        corpus.join("page.html"),
        "<html><head><title>Talks resume</title>\
         <link rel=\"canonical\" href=\"https://www.reuters.com/world/talks-resume-2024-01-02/\"></head>\
         <body><article><p>Negotiators met on Tuesday for a third round of talks, officials said.</p>\
         <p>The meeting lasted four hours and ended without a statement.</p></article></body></html>",
    )
    .unwrap();
    let publisher = |report: &Value| {
        report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == "page.html")
            .map(|d| d["publisher"]["name"].clone())
            .unwrap()
    };
    let first = audit(&ws, &corpus);
    assert_eq!(publisher(&first), "Reuters", "{:#}", first["documents"]);
    assert_eq!(first["run"]["reextracted"], 0);

    // What an older extraction left: no canonical address, version 0.
    let conn = rusqlite::Connection::open(ws.db()).unwrap();
    conn.execute_batch(
        "UPDATE document SET extracted_with = 0;
         UPDATE document_text SET canonical_url = NULL;",
    )
    .unwrap();
    drop(conn);

    let second = audit(&ws, &corpus);
    assert_eq!(second["run"]["reextracted"], 6, "{:#}", second["run"]);
    assert_eq!(second["run"]["unchanged"], 6);
    assert_eq!(publisher(&second), "Reuters", "the address was read again");
    let text = ws.run_db(&["audit", corpus.to_str().unwrap()]).stdout;
    assert!(!text.contains("read again"), "{text}");

    let third = audit(&ws, &corpus);
    assert_eq!(third["run"]["reextracted"], 0);
}

/// The kept analyses of a run stopped after it analysed the documents but
/// before it stored its results are not taken for results: the stored
/// claims are still those of the older bytes, so the next run analyses the
/// changed document again instead of leaving its old claims standing.
#[test]
fn analyses_of_a_run_stopped_before_its_results_do_not_stand_for_them() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    /// Stops the run once every document of the claims stage is analysed.
    struct StopWhenAnalysed<'a> {
        total: AtomicU64,
        done: AtomicU64,
        cancel: &'a AtomicBool,
    }
    impl provaudit::progress::Progress for StopWhenAnalysed<'_> {
        fn start(&self, _stage: &str, files: u64, _bytes: u64) {
            self.total.store(files, Ordering::SeqCst);
            self.done.store(0, Ordering::SeqCst);
        }
        fn advance(&self, _bytes: u64) {
            let done = self.done.fetch_add(1, Ordering::SeqCst) + 1;
            if done == self.total.load(Ordering::SeqCst) {
                self.cancel.store(true, Ordering::SeqCst);
            }
        }
    }
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    audit(&ws, &corpus);
    let names = add_a_claim_to_the_first(&corpus);
    {
        let mut store = Store::open_existing(&ws.db()).unwrap();
        provaudit::ingest::ingest(
            &mut store,
            &corpus,
            Default::default(),
            &provaudit::progress::Control::none(),
        )
        .unwrap();
        let cancel = AtomicBool::new(false);
        let progress = StopWhenAnalysed {
            total: AtomicU64::new(0),
            done: AtomicU64::new(0),
            cancel: &cancel,
        };
        let control = provaudit::progress::Control {
            progress: &progress,
            cancel: &cancel,
        };
        let stopped = provaudit::claims::run_with(
            &mut store,
            &Registry::bundled(),
            provaudit::outlets::Grouping::ByOutlet,
            &control,
        )
        .unwrap();
        assert!(stopped.is_none(), "the run was stopped");
    }
    // The stopped run left the stored article as it was, beside the claims
    // it goes with; the new one waits, pending.
    let article = |table: &str| -> Vec<String> {
        let conn = rusqlite::Connection::open(ws.db()).unwrap();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT a.text FROM {table} a JOIN document d ON d.id = a.document_id
                 WHERE d.path_text = ?1 AND d.id IN (SELECT document_id FROM document_text)"
            ))
            .unwrap();
        stmt.query_map([names[0].as_str()], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let stored = article("document_article");
    assert!(
        !stored.is_empty() && stored.iter().all(|t| !t.contains("4,321 families")),
        "{stored:?}"
    );
    assert!(
        article("pending_article")
            .iter()
            .any(|t| t.contains("4,321 families"))
    );
    let after = audit(&ws, &corpus);
    assert!(
        article("document_article")
            .iter()
            .any(|t| t.contains("4,321 families")),
        "the changed article's new text is stored"
    );
    assert!(
        article("pending_article").is_empty(),
        "nothing is left pending"
    );
    assert!(
        after["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["document"] == names[0].as_str()
                && c["text"].as_str().unwrap().contains("4,321 families")),
        "the changed article's new claim is found"
    );
    assert_eq!(analysis(&after), analysis(&reanalysed(&ws)));
}

/// On the 612 Helsinki articles (from ../shared/data, which CI has): after
/// one article changes and one is reposted, the re-audit analyses those
/// two again and its results equal a re-analysis from scratch.
#[test]
fn helsinki_after_one_change_equals_a_reanalysis_from_scratch() {
    let ws = Workspace::new();
    let Some((corpus, texts)) = helsinki_corpus(&ws) else {
        return;
    };
    audit(&ws, &corpus);
    // One article gains a paragraph; another is reposted whole.
    let mut changed = texts[17].clone();
    changed
        .push_str("\n\nThe Kremlin said on Monday that 1,250 journalists had been accredited.\n");
    std::fs::write(corpus.join("row_017.txt"), changed).unwrap();
    std::fs::write(corpus.join("zz-repost.txt"), &texts[42]).unwrap();
    let timings = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--timings"])
        .expect_code(0)
        .stderr;
    let kept = format!(
        "extract claims (2 documents; {} kept from the last run)",
        texts.len() - 1
    );
    assert!(timings.contains(&kept), "{timings}");
    let after = audit(&ws, &corpus);
    assert!(
        after["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["document"] == "row_017.txt"
                && c["text"].as_str().unwrap().contains("1,250 journalists")),
        "the changed article's new claim is found"
    );
    assert_eq!(analysis(&after), analysis(&reanalysed(&ws)));
}

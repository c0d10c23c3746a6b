//! Re-audit: an audit that finds nothing changed keeps the stored analysis,
//! and after a change, an addition and a deletion the stored results are
//! exactly those of a full re-analysis of the same store.

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

/// A full re-analysis of the store, as if from scratch, as the report shows it.
fn reanalysed(ws: &Workspace) -> Value {
    let mut store = Store::open_existing(&ws.db()).unwrap();
    let registry = Registry::bundled();
    provaudit::pipeline::reanalyse(&mut store, &registry, Grouping::ByOutlet).unwrap();
    serde_json::to_value(provaudit::view::app::stored_report(&store, &registry).unwrap()).unwrap()
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

    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    // A change: a new claim in one article.
    let changed = corpus.join(&names[0]);
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n\nThe ministry said on Tuesday that 4,321 families had been displaced.\n");
    std::fs::write(&changed, text).unwrap();
    // An addition: a repost of another article with a credit line.
    let mut repost = std::fs::read_to_string(corpus.join(&names[1])).unwrap();
    repost.push_str("\n\nSource: Agence France Presse\n");
    std::fs::write(corpus.join("zz-repost.txt"), repost).unwrap();
    // A deletion.
    std::fs::remove_file(corpus.join(&names[2])).unwrap();

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

//! `provaudit search`: words and phrases found in the documents' text and
//! the claims, with the file's byte range of the first hit; kept in step
//! when a file changes; any input is a query, never FTS syntax.

use crate::support::*;
use serde_json::Value;

fn segments(v: &Value) -> (String, Vec<String>) {
    let all = v.as_array().unwrap();
    let text = all.iter().map(|s| s["text"].as_str().unwrap()).collect();
    let hits = all
        .iter()
        .filter(|s| s["hit"] == true)
        .map(|s| s["text"].as_str().unwrap().to_owned())
        .collect();
    (text, hits)
}

#[test]
fn a_phrase_from_a_seed_is_found_at_its_bytes_and_follows_a_changed_file() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let found = ws
        .run_db(&["search", "\"AT LEAST 1,093\"", "--json"])
        .expect_code(0)
        .json();
    let docs = &found["documents"];
    assert_eq!(docs["total"], 2, "{found}");
    for d in docs["results"].as_array().unwrap() {
        let raw = std::fs::read(corpus.join(d["document"].as_str().unwrap())).unwrap();
        let (s, e) = (
            d["start"].as_u64().unwrap() as usize,
            d["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&raw[s..e], b"at least 1,093", "{d}");
        let line = raw[..s].iter().filter(|b| **b == b'\n').count() + 1;
        assert_eq!(d["line"].as_u64().unwrap() as usize, line);
        let (text, hits) = segments(&d["snippet"]);
        assert_eq!(hits, ["at least 1,093"]);
        assert!(text.contains("killed at least 1,093 people"), "{text}");
    }
    // The claims holding it, each with its own byte range.
    let claims = &found["claims"];
    assert_eq!(claims["total"], 2, "{found}");
    for c in claims["results"].as_array().unwrap() {
        let raw = std::fs::read(corpus.join(c["document"].as_str().unwrap())).unwrap();
        let claim =
            &raw[c["start"].as_u64().unwrap() as usize..c["end"].as_u64().unwrap() as usize];
        let (text, _) = segments(&c["text"]);
        assert_eq!(String::from_utf8_lossy(claim), text);
    }

    // The text shows the hits between « and ».
    let human = ws
        .run_db(&["search", "world health organization", "--claims"])
        .expect_code(0);
    assert!(
        human.stdout.contains("«World Health Organization»")
            && human
                .stdout
                .starts_with("2 claims match “world health organization”:"),
        "{}",
        human.stdout
    );

    // A file rewritten: the next audit's index has the new words, not the old.
    std::fs::write(
        corpus.join("004_f06e52af27d9ab42.txt"),
        "Harbour reopens\n\nThe port authority said the harbour of Zuwara reopened on Monday.\n",
    )
    .unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let new = ws
        .run_db(&["search", "Zuwara", "--documents", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(new["documents"]["total"], 1, "{new}");
    let old = ws
        .run_db(&["search", "maritime and security deal", "--json"])
        .expect_code(0)
        .json();
    assert_eq!(old["documents"]["total"], 0, "{old}");
    assert_eq!(old["claims"]["total"], 0, "{old}");
    // And the documents' index holds every stored text and nothing else
    // (FTS5 checks the index against the text table).
    let conn = rusqlite::Connection::open(ws.db()).unwrap();
    conn.execute(
        "INSERT INTO document_search (document_search, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .expect("the documents' search index matches their stored text");

    // FTS5 syntax is read as words; a query without words is refused.
    for q in [
        "NEAR(haftar",
        "title:haftar",
        "haftar*",
        "\"haftar",
        "-haftar OR",
    ] {
        ws.run_db(&["search", q, "--json"]).expect_code(0);
    }
    let empty = ws.run_db(&["search", " \"\" ; "]).expect_code(2);
    assert!(
        empty.stderr.contains("the query holds no word"),
        "{}",
        empty.stderr
    );
}

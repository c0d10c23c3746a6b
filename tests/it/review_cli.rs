//! Review from the command line: a session started, verdicts and notes given
//! on a claim and on a byte range of a file, listed, closed and resumed; then
//! the ClaimReview and Web Annotation exports hold what was reviewed, bound
//! to the exact bytes.

use crate::report::sha256sum;
use crate::support::*;
use serde_json::Value;

fn claim_with<'a>(report: &'a Value, file: &str, phrase: &str) -> &'a Value {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["document"] == file && c["text"].as_str().unwrap().contains(phrase))
        .unwrap_or_else(|| panic!("{file}: no claim holds {phrase:?}"))
}

#[test]
fn a_review_from_the_cli_round_trips_into_claimreview_and_web_annotations() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let who = claim_with(&report, "002_2f99136e3ac0f3d2.txt", "at least 1,093 people");
    let claim_id = who["id"].as_str().unwrap();
    let cluster_id = who["cluster"].as_str().unwrap();
    let wire = corpus.join("001_58bcf51014b2217e.txt");

    // Nothing is recorded without a session, and the error says how to start one.
    let none = ws
        .run_db(&["review", "verdict", claim_id, "disputed"])
        .expect_code(2);
    assert!(
        none.stderr
            .contains("start one with `provaudit review start --reviewer NAME`"),
        "{}",
        none.stderr
    );

    let started = ws
        .run_db(&[
            "review",
            "start",
            corpus.to_str().unwrap(),
            "--reviewer",
            "Rui Fact-Checker",
            "--title",
            "Tripoli tolls",
        ])
        .expect_code(0);
    assert!(
        started
            .stdout
            .starts_with("started review session 1 — Rui Fact-Checker, “Tripoli tolls”"),
        "{}",
        started.stdout
    );

    // A verdict on a claim id lands on its cluster, resting on the bytes of
    // every claim in it (two documents).
    let verdict = ws
        .run_db(&[
            "review",
            "verdict",
            claim_id,
            "single-source",
            "--note",
            "both outlets cite one WHO bulletin",
        ])
        .expect_code(0);
    assert!(
        verdict.stdout.contains(&format!(
            "recorded verdict “single source — needs a second source” on cluster {cluster_id}"
        )) && verdict.stdout.contains("rests on 2 spans in 2 files"),
        "{}",
        verdict.stdout
    );
    // A note on a byte range of a file.
    ws.run_db(&[
        "review",
        "note",
        wire.to_str().unwrap(),
        "the wire's 510 is from another day",
        "--span",
        "790..923",
    ])
    .expect_code(0);
    // Bad input is named, and nothing is recorded.
    let bad = ws
        .run_db(&["review", "verdict", claim_id, "true"])
        .expect_code(2);
    assert!(
        bad.stderr
            .contains("corroborated, single-source, disputed, unverifiable"),
        "{}",
        bad.stderr
    );
    let span_on_claim = ws
        .run_db(&["review", "verdict", claim_id, "disputed", "--span", "1..5"])
        .expect_code(2);
    assert!(
        span_on_claim.stderr.contains("--span applies to a file"),
        "{}",
        span_on_claim.stderr
    );

    let listed = ws
        .run_db(&["review", "list", "--json"])
        .expect_code(0)
        .json();
    let notes = listed["annotations"].as_array().unwrap();
    assert_eq!(notes.len(), 2, "{listed}");
    assert_eq!(listed["chain"]["status"], "intact");
    assert_eq!(notes[0]["target"]["id"], cluster_id);
    assert_eq!(notes[0]["verdict"], "single_source");
    assert_eq!(notes[1]["anchors"][0]["start"], 790);
    assert_eq!(
        notes[1]["anchors"][0]["document_sha256"],
        sha256sum(&wire),
        "the note is bound to the file's bytes as they are"
    );

    // Closed, nothing more is recorded; resumed, it goes on.
    ws.run_db(&["review", "close"]).expect_code(0);
    ws.run_db(&["review", "note", claim_id, "more"])
        .expect_code(2);
    let resumed = ws
        .run_db(&["review", "start", "--session", "1"])
        .expect_code(0);
    assert!(resumed.stdout.starts_with("resumed review session 1"));
    ws.run_db(&["review", "close"]).expect_code(0);

    // The exports hold the review.
    let cr_path = ws.path("review.claimreview.json");
    ws.run_db(&[
        "export",
        "--format",
        "claimreview",
        "--out",
        cr_path.to_str().unwrap(),
    ])
    .expect_code(0);
    let cr: Value = serde_json::from_slice(&std::fs::read(&cr_path).unwrap()).unwrap();
    let reviews = cr["@graph"].as_array().unwrap();
    assert_eq!(reviews.len(), 1, "{cr}");
    let r = &reviews[0];
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["identifier"], cluster_id);
    assert_eq!(r["author"]["name"], "Rui Fact-Checker");
    assert_eq!(r["reviewBody"], "both outlets cite one WHO bulletin");
    assert_eq!(
        r["reviewRating"]["alternateName"],
        "Single source — needs a second source"
    );

    // Read by a JSON-LD processor (pyld), offline: schema.org's context is
    // its vocabulary, given here as `@vocab` so nothing is fetched. The
    // expanded graph holds the review, its rating and the claim reviewed
    // as schema.org terms.
    let python = std::env::var("PROVAUDIT_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = r#"
import json, sys
from pyld import jsonld
def loader(url, options=None):
    if url.rstrip('/') in ('https://schema.org', 'http://schema.org'):
        return {'contentType': 'application/ld+json', 'contextUrl': None, 'documentUrl': url,
                'document': {'@context': {'@vocab': 'https://schema.org/'}}}
    raise Exception('no network: ' + url)
doc = json.load(open(sys.argv[1], encoding='utf-8'))
out = jsonld.expand(doc, {'documentLoader': loader})
S = 'https://schema.org/'
reviews = [n for n in out if S + 'ClaimReview' in n.get('@type', [])]
r = reviews[0]
print(json.dumps({
  'reviews': len(reviews),
  'identifier': r[S + 'identifier'][0]['@value'],
  'claim': r[S + 'claimReviewed'][0]['@value'],
  'rating': r[S + 'reviewRating'][0][S + 'alternateName'][0]['@value'],
  'author': r[S + 'author'][0][S + 'name'][0]['@value'],
}))
"#;
    let parsed = std::process::Command::new(&python)
        .args(["-c", script])
        .arg(&cr_path)
        .output()
        .unwrap();
    assert!(
        parsed.status.success(),
        "pyld could not read the ClaimReview export: {}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    let parsed: Value = serde_json::from_slice(&parsed.stdout).unwrap();
    assert_eq!(parsed["reviews"], 1);
    assert_eq!(parsed["identifier"], cluster_id);
    assert_eq!(parsed["author"], "Rui Fact-Checker");
    assert_eq!(parsed["rating"], "Single source — needs a second source");
    assert!(parsed["claim"].as_str().unwrap().contains("1,093"));

    let wa_path = ws.path("review.annotations.json");
    ws.run_db(&[
        "export",
        "--format",
        "annotations",
        "--out",
        wa_path.to_str().unwrap(),
    ])
    .expect_code(0);
    let wa: Value = serde_json::from_slice(&std::fs::read(&wa_path).unwrap()).unwrap();
    let items = wa["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{wa}");
    let note = items
        .iter()
        .find(|i| i["motivation"] == "commenting")
        .unwrap();
    assert_eq!(note["creator"]["name"], "Rui Fact-Checker");
    let target = &note["target"][0];
    assert_eq!(target["source"], format!("urn:sha256:{}", sha256sum(&wire)));
    let quote = target["selector"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "TextQuoteSelector")
        .unwrap();
    let raw = std::fs::read(&wire).unwrap();
    assert_eq!(
        quote["exact"].as_str().unwrap().as_bytes(),
        &raw[790..923],
        "the quote is the bytes the note names"
    );
}

//! Tampering with a verified corpus is caught with the right status per file.

use crate::support::*;

#[test]
fn an_untouched_corpus_verifies_ok_with_exit_0() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let out = ws
        .run_db(&["verify", corpus.to_str().unwrap()])
        .expect_code(0);
    assert!(
        out.stdout
            .contains("5 files checked against store: 5 ok — the folder matches"),
        "{}",
        out.stdout
    );
}

#[test]
fn modify_delete_rename_add_and_copy_are_each_caught() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let dir = corpus.to_str().unwrap();
    ws.run_db(&["audit", dir]).expect_code(0);

    std::fs::write(corpus.join("000_55ace46797fde52c.txt"), "tampered").unwrap();
    std::fs::remove_file(corpus.join("001_58bcf51014b2217e.txt")).unwrap();
    std::fs::rename(
        corpus.join("002_2f99136e3ac0f3d2.txt"),
        corpus.join("renamed.txt"),
    )
    .unwrap();
    std::fs::write(corpus.join("added.txt"), "a new article").unwrap();
    std::fs::copy(
        corpus.join("003_d3d53ad44076e59b.txt"),
        corpus.join("copy-of-003.txt"),
    )
    .unwrap();

    let run = ws.run_db(&["verify", dir, "--json"]).expect_code(1);
    let report = run.json();
    let got = statuses(&report);
    let want: Vec<(String, String)> = [
        ("000_55ace46797fde52c.txt", "modified"),
        ("001_58bcf51014b2217e.txt", "missing"),
        ("003_d3d53ad44076e59b.txt", "ok"),
        ("004_f06e52af27d9ab42.txt", "ok"),
        ("added.txt", "new"),
        ("copy-of-003.txt", "duplicate"),
        ("renamed.txt", "moved"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want);
    let files = report["files"].as_array().unwrap();
    let moved = files.iter().find(|f| f["path"] == "renamed.txt").unwrap();
    assert_eq!(moved["other_path"], "002_2f99136e3ac0f3d2.txt");
    let dup = files
        .iter()
        .find(|f| f["path"] == "copy-of-003.txt")
        .unwrap();
    assert_eq!(dup["other_path"], "003_d3d53ad44076e59b.txt");
    assert_eq!(report["all_ok"], false);
    assert_eq!(report["counts"]["modified"], 1);

    // The human report says the same, and the history keeps both checks.
    let human = ws.run_db(&["verify", dir]).expect_code(1);
    assert!(
        human
            .stdout
            .contains("moved      renamed.txt (was 002_2f99136e3ac0f3d2.txt)"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("the folder does NOT match"));
    let history = ws.run_db(&["history", "--json"]).expect_code(0).json();
    let checks = history["verifications"].as_array().unwrap();
    assert_eq!(checks.len(), 2);
    assert_eq!(checks[0]["modified"], 1);
    assert_eq!(checks[0]["moved"], 1);
}

#[test]
fn verify_rehashes_even_when_size_and_mtime_are_unchanged() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let dir = corpus.to_str().unwrap();
    ws.run_db(&["audit", dir]).expect_code(0);
    // Flip one byte, keep the length, put the modification time back.
    let path = corpus.join("004_f06e52af27d9ab42.txt");
    let meta = std::fs::metadata(&path).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[0] ^= 0x20;
    std::fs::write(&path, &bytes).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_times(std::fs::FileTimes::new().set_modified(meta.modified().unwrap()))
        .unwrap();
    drop(file);

    // Audit trusts size and mtime (the incremental path) and reads nothing...
    let audit = ws.run_db(&["audit", dir, "--json"]).expect_code(0).json();
    assert_eq!(audit["run"]["unchanged"], 5);
    // ...verify never does.
    let report = ws.run_db(&["verify", dir, "--json"]).expect_code(1).json();
    assert!(statuses(&report).contains(&("004_f06e52af27d9ab42.txt".into(), "modified".into())));
}

#[test]
fn a_copy_of_the_corpus_elsewhere_verifies_against_the_store() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let copy = ws.path("copy");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    let report = ws
        .run_db(&["verify", copy.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(report["counts"]["ok"], 5);
    assert!(report["root"].as_str().unwrap().ends_with("copy"));
}

#[test]
fn verify_without_a_store_says_how_to_make_one() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let out = ws
        .run_db(&["verify", corpus.to_str().unwrap()])
        .expect_code(2);
    assert!(out.stderr.contains("no store at"), "{}", out.stderr);
    assert!(out.stderr.contains("provaudit audit DIR"), "{}", out.stderr);
}

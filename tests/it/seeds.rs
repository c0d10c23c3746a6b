//! The README's main job: `provaudit audit seeds`.

use crate::support::*;
use std::path::Path;

#[test]
fn audit_lists_the_five_seeds_with_the_hashes_of_sha256sums() {
    let ws = Workspace::new();
    let before = tree_state(Path::new(SEEDS));
    let report = ws.run_db(&["audit", SEEDS, "--json"]).expect_code(0).json();
    assert_eq!(report["schema_version"], 1);
    let docs = report["documents"].as_array().unwrap();
    for (name, hash) in seed_sums() {
        let doc = docs
            .iter()
            .find(|d| d["path"] == name.as_str())
            .unwrap_or_else(|| panic!("{name} missing from {docs:#?}"));
        assert_eq!(doc["sha256"], hash.as_str(), "{name}");
        assert_eq!(doc["encoding"], "UTF-8");
        assert_eq!(doc["content_kind"], "text");
        assert_eq!(
            doc["bytes"],
            std::fs::metadata(Path::new(SEEDS).join(&name))
                .unwrap()
                .len()
        );
        assert_eq!(doc["text_sha256"].as_str().map(str::len), Some(64));
    }
    // The folder's own checksum list is evidence, not an article.
    let sums = docs.iter().find(|d| d["path"] == "SHA256SUMS").unwrap();
    assert_eq!(sums["content_kind"], "manifest");
    assert_eq!(sums["text_sha256"], serde_json::Value::Null);
    assert_eq!(report["errors"], serde_json::json!([]));
    // Every claim points at its bytes in the seed: the same text once the
    // WordPress shortcodes it spans are removed.
    let shortcode = regex::Regex::new(r"\[/?su_[a-z]+[^\]]*\]").unwrap();
    let claims = report["claims"].as_array().unwrap();
    assert!(claims.len() > 20, "{} claims", claims.len());
    for c in claims {
        let raw = std::fs::read(Path::new(SEEDS).join(c["document"].as_str().unwrap())).unwrap();
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        let original = std::str::from_utf8(&raw[s..e]).unwrap();
        assert_eq!(
            shortcode.replace_all(original, ""),
            c["text"].as_str().unwrap()
        );
    }
    // Nothing was written into the corpus folder.
    assert_eq!(tree_state(Path::new(SEEDS)), before);
}

#[test]
fn default_store_lives_in_the_data_folder_and_the_summary_says_where() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let before = tree_state(&corpus);
    let out = ws.run(&["audit", corpus.to_str().unwrap()]).expect_code(0);
    assert!(
        out.stdout
            .contains("5 new, 0 changed, 0 unchanged, 0 errors"),
        "{}",
        out.stdout
    );
    let store_line = out
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("store: "))
        .unwrap();
    let store = store_line.trim_start().trim_start_matches("store: ");
    assert!(
        store.starts_with(ws.path("data/provaudit/stores").to_str().unwrap()),
        "{store}"
    );
    assert!(Path::new(store).is_file());
    assert_eq!(tree_state(&corpus), before);
    // verify finds the same default store without being told.
    let verified = ws
        .run(&["verify", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(verified["counts"]["ok"], 5);
}

#[test]
fn re_audit_reads_only_what_changed_and_never_duplicates() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let dir = corpus.to_str().unwrap();
    ws.run_db(&["audit", dir]).expect_code(0);
    let again = ws.run_db(&["audit", dir, "--json"]).expect_code(0).json();
    assert_eq!(again["run"]["unchanged"], 5);
    assert_eq!(again["run"]["added"], 0);
    assert_eq!(again["documents"].as_array().unwrap().len(), 5);

    std::fs::write(corpus.join("000_55ace46797fde52c.txt"), "rewritten").unwrap();
    let changed = ws.run_db(&["audit", dir, "--json"]).expect_code(0).json();
    assert_eq!(changed["run"]["changed"], 1);
    assert_eq!(changed["run"]["unchanged"], 4);
    assert_eq!(changed["documents"].as_array().unwrap().len(), 5);
    let doc = &changed["documents"][0];
    assert_eq!(doc["path"], "000_55ace46797fde52c.txt");
    // SHA-256 of "rewritten", from GNU sha256sum.
    assert_eq!(doc["sha256"], sha256_of_rewritten().as_str());
}

/// SHA-256 of the bytes `rewritten`, computed by GNU sha256sum.
fn sha256_of_rewritten() -> String {
    let out = std::process::Command::new("sh")
        .args(["-c", "printf rewritten | sha256sum"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()[..64].to_owned()
}

/// `audit --timings` says, after each step, how much memory the process
/// held and the most it had held so far: what a reviewer sizing a machine
/// for a large corpus reads to see which step needs it.
#[test]
fn timings_give_the_memory_after_each_step_and_the_peak_so_far() {
    let ws = Workspace::new();
    let seeds = ws.seed_corpus();
    let stderr = ws
        .run_db(&["audit", seeds.to_str().unwrap(), "--timings"])
        .expect_code(0)
        .stderr;
    let mut peaks = Vec::new();
    for step in ["outlets", "claims: matching claims", "claims: store claims"] {
        let line = stderr
            .lines()
            .find(|l| l.starts_with("timing:") && l.contains(&format!(" s  {step}")))
            .unwrap_or_else(|| panic!("no timing for {step}: {stderr}"));
        let memory = line
            .split_once("(memory ")
            .unwrap_or_else(|| panic!("no memory after {step}: {line}"))
            .1;
        let mib: Vec<u64> = memory
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| !w.is_empty())
            .map(|w| w.parse().unwrap())
            .collect();
        let [resident, peak] = mib[..] else {
            panic!("{line}")
        };
        assert!(resident > 0 && peak >= resident, "{line}");
        peaks.push(peak);
    }
    assert!(
        peaks.windows(2).all(|w| w[0] <= w[1]),
        "{peaks:?}: {stderr}"
    );
}

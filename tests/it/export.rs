//! Exports checked by the real tools: GNU `sha256sum -c --strict` and the
//! `bagit` Python package's validator.

use crate::support::*;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command;

/// A corpus of the seeds plus names that need escaping.
fn awkward_corpus(ws: &Workspace) -> std::path::PathBuf {
    let corpus = ws.seed_corpus();
    std::fs::create_dir(corpus.join("sub dir")).unwrap();
    std::fs::write(corpus.join("sub dir/with space.txt"), "spaces").unwrap();
    std::fs::write(corpus.join("back\\slash.txt"), "backslash").unwrap();
    std::fs::write(corpus.join("new\nline.txt"), "newline").unwrap();
    std::fs::write(corpus.join("100% sure.txt"), "percent").unwrap();
    corpus
}

#[test]
fn sha256sum_manifest_passes_gnu_sha256sum_strict() {
    assert!(have("sha256sum"), "GNU sha256sum is needed (coreutils)");
    let ws = Workspace::new();
    let corpus = awkward_corpus(&ws);
    std::fs::write(
        corpus.join(OsStr::from_bytes(b"latin1-\xe9.txt")),
        "not utf-8 name",
    )
    .unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let manifest = ws.path("SHA256SUMS.out");
    let out = ws
        .run_db(&[
            "export",
            "--format",
            "sha256sum",
            "--out",
            manifest.to_str().unwrap(),
        ])
        .expect_code(0);
    let text = std::fs::read(&manifest).unwrap();
    // The summary states the manifest's own SHA-256, as GNU sha256sum sees it.
    let own = Command::new("sha256sum").arg(&manifest).output().unwrap();
    assert!(
        out.stdout
            .contains(&String::from_utf8_lossy(&own.stdout)[..64]),
        "{}",
        out.stdout
    );

    let check = Command::new("sha256sum")
        .args(["-c", "--strict"])
        .arg(&manifest)
        .current_dir(&corpus)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let said = String::from_utf8_lossy(&check.stdout);
    assert_eq!(said.matches(": OK").count(), 10, "{said}");
    // Ten files, after one comment line stating the review log's head,
    // which GNU sha256sum passes over.
    assert_eq!(text.iter().filter(|b| **b == b'\n').count(), 11);
    assert!(text.starts_with(b"# provaudit-review-log: entries="));

    // Tampering makes the same manifest fail under sha256sum.
    std::fs::write(corpus.join("new\nline.txt"), "changed").unwrap();
    let check = Command::new("sha256sum")
        .args(["-c", "--strict", "--quiet"])
        .arg(&manifest)
        .current_dir(&corpus)
        .output()
        .unwrap();
    assert!(!check.status.success());
    // And provaudit's own manifest check agrees.
    let report = ws
        .run(&[
            "verify",
            corpus.to_str().unwrap(),
            "--manifest",
            manifest.to_str().unwrap(),
            "--json",
        ])
        .expect_code(1)
        .json();
    assert!(statuses(&report).contains(&("new\nline.txt".into(), "modified".into())));
}

/// The Python that has the `bagit` package: scripts/test sets it.
fn python() -> String {
    std::env::var("PROVAUDIT_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn bagit_validate(bag: &Path) -> std::process::Output {
    Command::new(python())
        .args(["-m", "bagit", "--validate"])
        .arg(bag)
        .output()
        .expect("python3 runs")
}

#[test]
fn bagit_bag_passes_the_bagit_validator() {
    let ws = Workspace::new();
    let corpus = awkward_corpus(&ws);
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let bag = ws.path("bag");
    let out = ws
        .run_db(&[
            "export",
            "--format",
            "bagit",
            "--out",
            bag.to_str().unwrap(),
        ])
        .expect_code(0);
    assert!(out.stdout.contains("9 files"), "{}", out.stdout);

    let valid = bagit_validate(&bag);
    assert!(
        valid.status.success(),
        "python3 -m bagit --validate failed (is the bagit package installed? scripts/test installs it):\n{}",
        String::from_utf8_lossy(&valid.stderr)
    );
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    let payload: u64 = [
        "000_55ace46797fde52c.txt",
        "001_58bcf51014b2217e.txt",
        "002_2f99136e3ac0f3d2.txt",
        "003_d3d53ad44076e59b.txt",
        "004_f06e52af27d9ab42.txt",
    ]
    .iter()
    .map(|n| std::fs::metadata(corpus.join(n)).unwrap().len())
    .sum::<u64>()
        + ["spaces", "backslash", "newline", "percent"]
            .iter()
            .map(|s| s.len() as u64)
            .sum::<u64>();
    assert!(
        info.contains(&format!("Payload-Oxum: {payload}.9\n")),
        "{info}"
    );
    assert!(info.contains("Bagging-Date: "));
    assert_eq!(
        std::fs::read(bag.join("data/sub dir/with space.txt")).unwrap(),
        b"spaces"
    );

    // provaudit checks the bag's manifest too, and the validator catches tampering.
    ws.run(&[
        "verify",
        bag.to_str().unwrap(),
        "--manifest",
        bag.join("manifest-sha256.txt").to_str().unwrap(),
    ])
    .expect_code(0);
    std::fs::write(bag.join("data/100% sure.txt"), "changed").unwrap();
    assert!(!bagit_validate(&bag).status.success());
    let report = ws
        .run(&[
            "verify",
            bag.to_str().unwrap(),
            "--manifest",
            bag.join("manifest-sha256.txt").to_str().unwrap(),
            "--json",
        ])
        .expect_code(1)
        .json();
    assert!(statuses(&report).contains(&("data/100% sure.txt".into(), "modified".into())));
}

#[test]
fn a_file_deleted_since_the_audit_stops_the_bag_and_says_what_to_do() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    std::fs::remove_file(corpus.join("002_2f99136e3ac0f3d2.txt")).unwrap();
    let bag = ws.path("bag");
    let out = ws
        .run_db(&[
            "export",
            "--format",
            "bagit",
            "--out",
            bag.to_str().unwrap(),
        ])
        .expect_code(2);
    // Running the export again would fail the same way: the message says
    // how to record the deletion instead.
    assert!(
        out.stderr.contains("002_2f99136e3ac0f3d2.txt")
            && out.stderr.contains("provaudit verify")
            && out.stderr.contains("provaudit audit")
            && !out.stderr.contains("run again to pick up"),
        "{}",
        out.stderr
    );
    assert!(!bag.exists());
}

#[test]
fn a_file_changed_since_ingest_stops_the_bag_and_leaves_nothing() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    std::fs::write(
        corpus.join("002_2f99136e3ac0f3d2.txt"),
        "changed after ingest",
    )
    .unwrap();
    let bag = ws.path("bag");
    let out = ws
        .run_db(&[
            "export",
            "--format",
            "bagit",
            "--out",
            bag.to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(
        out.stderr
            .contains("002_2f99136e3ac0f3d2.txt: changed since it was ingested"),
        "{}",
        out.stderr
    );
    assert!(!bag.exists());
    let leftovers: Vec<_> = std::fs::read_dir(ws.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn exports_are_refused_inside_the_corpus_folder() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let before = tree_state(&corpus);
    for (format, out) in [("sha256sum", "SUMS"), ("bagit", "bag")] {
        let target = corpus.join(out);
        let run = ws
            .run_db(&[
                "export",
                "--format",
                format,
                "--out",
                target.to_str().unwrap(),
            ])
            .expect_code(2);
        assert!(
            run.stderr.contains("corpus folder is never written"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(tree_state(&corpus), before);
}

/// `export --format jsonl` writes each article once, in passim's input
/// shape: `id` the file, `series` who produced the text (a repost shares its
/// source's series, another producer has its own), `text` the text read,
/// with the file's SHA-256 for joining passim's output back. The file's own
/// SHA-256 is stated, as for every export.
#[test]
fn the_texts_export_in_passims_input_shape() {
    assert!(have("sha256sum"), "GNU sha256sum is needed (coreutils)");
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(corpus.join("empty.txt"), "").unwrap();
    // Characters a terminal acts on, in an article's text.
    std::fs::write(
        corpus.join("zz-hostile.txt"),
        "Officials said \u{9b}2J forty \u{202e}people were evacuated on Monday.\n",
    )
    .unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let out = ws.path("texts.jsonl");
    let run = ws
        .run_db(&[
            "export",
            "--format",
            "jsonl",
            "--out",
            out.to_str().unwrap(),
        ])
        .expect_code(0);
    let own = Command::new("sha256sum").arg(&out).output().unwrap();
    assert!(
        run.stdout
            .contains(&String::from_utf8_lossy(&own.stdout)[..64]),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    // Written as \u escapes: `cat` on the file acts on nothing, and the
    // text reads back as it was.
    assert!(
        !text.contains(['\u{9b}', '\u{202e}']),
        "raw controls in the export"
    );
    assert!(
        lines.iter().any(|l| l["text"]
            .as_str()
            .unwrap()
            .contains("\u{9b}2J forty \u{202e}people")),
        "the hostile text is not read back as it was"
    );
    let sums = seed_sums();
    // The five articles and the hostile one, not the empty file (no text)
    // nor the manifest.
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    let mut names: Vec<&str> = sums.iter().map(|(n, _)| n.as_str()).collect();
    names.push("zz-hostile.txt");
    names.sort();
    assert_eq!(ids, names);
    let line = |name: &str| lines.iter().find(|l| l["id"] == name).unwrap();
    for (name, sha) in &sums {
        let l = line(name);
        assert_eq!(l["sha256"], sha.as_str(), "{l}");
        // The text as read: the seed's headline line is in it.
        let seed = std::fs::read_to_string(corpus.join(name)).unwrap();
        let headline = seed.lines().find(|s| !s.trim().is_empty()).unwrap().trim();
        assert!(l["text"].as_str().unwrap().contains(headline), "{name}");
        if let Some(date) = l["date"].as_str() {
            assert!(
                chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                "{l}"
            );
        }
    }
    // GlobalSecurity.org reposts Press TV: one series; Al Jazeera its own.
    let (press_tv, repost, al_jazeera) = (
        line("000_55ace46797fde52c.txt"),
        line("003_d3d53ad44076e59b.txt"),
        line("002_2f99136e3ac0f3d2.txt"),
    );
    assert_eq!(press_tv["series"], repost["series"]);
    assert_ne!(press_tv["series"], al_jazeera["series"]);
    assert_eq!(repost["publisher"], "GlobalSecurity.org");
    assert_eq!(repost["origin"], "Press TV");
}

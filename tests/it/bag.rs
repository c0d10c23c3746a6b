//! `provaudit verify --bag`: bags received from elsewhere, checked against
//! the Library of Congress conformance suite with its own harness, against
//! bags written by the `bagit` Python package and by our own export, and
//! against bags made to lead the checker astray.

use crate::support::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_provaudit");

/// The suite's own `test-harness`, run as its README says, counted per
/// category: valid bags must pass, invalid (and linux-only) ones must fail,
/// warning ones must pass with something on standard error.
#[test]
fn the_library_of_congress_conformance_suite_is_passed_in_full() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let suite = root.join("../shared/data/bagit-conformance-suite");
    if !suite.join("test-harness").is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {}",
            suite.display()
        );
        eprintln!("skipped: {} is not here (it is in CI)", suite.display());
        return;
    }
    let out = Command::new("python3")
        .args(["test-harness", "-v", "--", BIN, "verify", "--bag"])
        .current_dir(&suite)
        .output()
        .expect("python3 runs the harness");
    let log =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    // "Expected valid test basic-bag: rc=0, stdout=235 bytes, stderr=0 bytes"
    let line = regex::Regex::new(
        r"Expected (\S+) test (\S+): rc=(\d+), stdout=\d+ bytes, stderr=(\d+) bytes",
    )
    .unwrap();
    let mut score: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    let mut failed = Vec::new();
    for c in line.captures_iter(&log) {
        let (category, bag) = (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str());
        let rc: i32 = c[3].parse().unwrap();
        let stderr: usize = c[4].parse().unwrap();
        let (category, passed) = match category {
            "valid" => ("valid", rc == 0),
            "invalid" | "linux-only" => ("invalid", rc != 0),
            "warning" => ("warning", rc == 0 && stderr > 0),
            other => panic!("unknown category {other}"),
        };
        let entry = score.entry(category).or_default();
        entry.1 += 1;
        if passed {
            entry.0 += 1;
        } else {
            failed.push(format!("{category} {bag}: rc={rc} stderr={stderr}"));
        }
    }
    // bagit-python 1.9.0 scores 27/27, 20/21, 0/6 on the same suite.
    assert_eq!(
        score,
        BTreeMap::from([
            ("invalid", (21, 21)),
            ("valid", (27, 27)),
            ("warning", (6, 6))
        ]),
        "failed: {failed:#?}\n{log}"
    );
}

fn verify_bag(ws: &Workspace, bag: &Path) -> Run {
    ws.run(&["verify", "--bag", bag.to_str().unwrap()])
}

fn findings(ws: &Workspace, bag: &Path) -> Vec<(String, String)> {
    let report = ws
        .run(&["verify", "--bag", bag.to_str().unwrap(), "--json"])
        .json();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_owned(),
                f["problem"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn python() -> String {
    std::env::var("PROVAUDIT_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

#[test]
fn bags_from_our_export_and_from_bagit_python_are_valid_and_tampering_is_named() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(corpus.join("new\nline.txt"), "newline").unwrap();
    std::fs::write(corpus.join("100% sure.txt"), "percent").unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let ours = ws.path("ours");
    ws.run_db(&[
        "export",
        "--format",
        "bagit",
        "--out",
        ours.to_str().unwrap(),
    ])
    .expect_code(0);
    // BagIt 1.0 percent-encodes the newline and the % in the manifest.
    let run = verify_bag(&ws, &ours).expect_code(0);
    assert!(
        run.stdout.contains("BagIt 1.0, tag files in UTF-8"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("7 files"), "{}", run.stdout);
    assert!(
        run.stdout.contains("valid: every payload file"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr, "",
        "our own bags carry sha256: nothing to warn about"
    );

    // A bag written by the reference implementation, MD5 only.
    let theirs = ws.path("theirs");
    std::fs::create_dir(&theirs).unwrap();
    for (name, _) in seed_sums() {
        std::fs::copy(corpus.join(&name), theirs.join(&name)).unwrap();
    }
    let made = Command::new(python())
        .args([
            "-c",
            "import bagit, sys; bagit.make_bag(sys.argv[1], checksums=['md5'])",
        ])
        .arg(&theirs)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let run = verify_bag(&ws, &theirs).expect_code(0);
    assert!(run.stdout.contains("manifests: md5"), "{}", run.stdout);
    assert!(
        run.stderr.contains("protected only by md5"),
        "{}",
        run.stderr
    );

    // Tampering, each named with its file.
    let seed = seed_sums()[0].0.clone();
    let target = theirs.join("data").join(&seed);
    let mut bytes = std::fs::read(&target).unwrap();
    bytes[100] ^= 1;
    std::fs::write(&target, bytes).unwrap();
    std::fs::write(theirs.join("data/added later.txt"), "x").unwrap();
    let run = verify_bag(&ws, &theirs).expect_code(1);
    assert!(
        run.stdout
            .contains(&format!("data/{seed}: its md5 checksum is"))
            && run.stdout.contains("the file changed after it was bagged"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("data/added later.txt is in the payload but not listed in manifest-md5.txt"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Payload-Oxum says"), "{}", run.stdout);
    assert!(run.stdout.contains("invalid: 3 errors"), "{}", run.stdout);

    // A file deleted from our bag, and a tag file edited.
    let listed = ours.join("data").join(&seed);
    std::fs::remove_file(&listed).unwrap();
    let info = std::fs::read_to_string(ours.join("bag-info.txt")).unwrap();
    std::fs::write(ours.join("bag-info.txt"), info + "Note: added\n").unwrap();
    let problems = findings(&ws, &ours);
    assert!(
        problems.contains(&("error".into(), "missing".into())),
        "{problems:?}"
    );
    assert!(
        problems.contains(&("error".into(), "mismatch".into())),
        "{problems:?}"
    );
}

/// A hand-made bag whose manifest, fetch list and links all point outside
/// it, and whose names carry terminal control sequences.
#[test]
fn a_bag_never_leads_the_checker_outside_it_or_onto_the_terminal() {
    let ws = Workspace::new();
    let secret = ws.path("secret.txt");
    std::fs::write(&secret, "outside the bag").unwrap();
    let sha = |b: &[u8]| {
        use sha2::Digest;
        format!("{:x}", sha2::Sha256::digest(b))
    };
    let bag = ws.path("bag");
    std::fs::create_dir_all(bag.join("data")).unwrap();
    std::fs::write(
        bag.join("bagit.txt"),
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
    )
    .unwrap();
    std::fs::write(bag.join("data/a.txt"), "a").unwrap();
    std::os::unix::fs::symlink(&secret, bag.join("data/link.txt")).unwrap();
    let escape_name = "data/\u{1b}]0;owned\u{7}.txt";
    std::fs::write(
        bag.join("manifest-sha256.txt"),
        format!(
            "{a}  data/a.txt\n{s}  data/../../secret.txt\n{s}  data/link.txt\n{a}  {escape_name}\n{s}  data/later.txt\n",
            a = sha(b"a"),
            s = sha(b"outside the bag"),
        ),
    )
    .unwrap();
    std::fs::write(
        bag.join("fetch.txt"),
        "http://127.0.0.1:9/x - ../secret.txt\nhttp://127.0.0.1:9/later - data/later.txt\n",
    )
    .unwrap();
    // A tag manifest reaching out through a linked folder.
    std::fs::create_dir(ws.path("elsewhere")).unwrap();
    std::fs::write(ws.path("elsewhere/secret.txt"), "outside the bag").unwrap();
    std::os::unix::fs::symlink(ws.path("elsewhere"), bag.join("linked")).unwrap();
    std::fs::write(
        bag.join("tagmanifest-sha256.txt"),
        format!("{}  linked/secret.txt\n", sha(b"outside the bag")),
    )
    .unwrap();
    let run = verify_bag(&ws, &bag).expect_code(1);
    let out = run.stdout.clone() + &run.stderr;
    assert!(
        out.contains("linked is a symbolic link, not a regular file"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(
        out.contains("\\u{1b}]0;owned\\u{7}"),
        "the name is shown escaped: {out}"
    );
    assert!(
        out.contains(
            "\"data/../../secret.txt\", which is not inside the bag's data/ folder; it was not read"
        ),
        "{out}"
    );
    assert!(
        out.contains("fetch.txt line 1 names \"../secret.txt\""),
        "{out}"
    );
    assert!(
        out.contains("data/link.txt is a symbolic link, not a regular file"),
        "{out}"
    );
    assert!(
        out.contains("data/later.txt is to be fetched from http://127.0.0.1:9/later (fetch.txt) and is not in the bag; provaudit downloads nothing"),
        "{out}"
    );
    // The link was never read: had it been, its checksum would have matched.
    let problems = findings(&ws, &bag);
    assert!(
        !problems.iter().any(|(_, p)| p == "mismatch"),
        "{problems:?}"
    );
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "outside the bag");
}

#[test]
fn a_folder_that_is_not_a_bag_is_said_so() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let run = verify_bag(&ws, &corpus).expect_code(1);
    assert!(
        run.stdout
            .contains("bagit.txt is missing: this folder is not a bag"),
        "{}",
        run.stdout
    );
    let run = verify_bag(&ws, &corpus.join(&seed_sums()[0].0)).expect_code(2);
    assert!(run.stderr.contains("is not a folder"), "{}", run.stderr);
    let _: Value = ws
        .run(&["verify", "--bag", corpus.to_str().unwrap(), "--json"])
        .json();
}

fn sha256_hex(b: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(b))
}

/// A valid BagIt 1.0 bag holding `data/a.txt` ("hello\n"), sha256 only.
fn small_bag(bag: &Path) {
    std::fs::create_dir_all(bag.join("data")).unwrap();
    std::fs::write(
        bag.join("bagit.txt"),
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
    )
    .unwrap();
    std::fs::write(bag.join("data/a.txt"), "hello\n").unwrap();
    std::fs::write(bag.join("bag-info.txt"), "Payload-Oxum: 6.1\n").unwrap();
    std::fs::write(
        bag.join("manifest-sha256.txt"),
        format!("{}  data/a.txt\n", sha256_hex(b"hello\n")),
    )
    .unwrap();
}

/// What a hostile sender tried (found by attacking the checker): a shadow
/// manifest, a missing file passed off as a system file, a fetch entry no
/// manifest covers, a line made to flood the terminal, a pipe to hang on.
#[test]
fn a_hostile_bag_cannot_pass_flood_or_hang() {
    let ws = Workspace::new();
    let bag = ws.path("bag");
    small_bag(&bag);
    verify_bag(&ws, &bag).expect_code(0);

    // The file changed, and a second manifest spelled in capitals agrees
    // with the change: it is never read in the real one's place.
    std::fs::write(bag.join("data/a.txt"), "HELLO\n").unwrap();
    std::fs::write(
        bag.join("manifest-SHA256.txt"),
        format!("{}  data/a.txt\n", sha256_hex(b"HELLO\n")),
    )
    .unwrap();
    let run = verify_bag(&ws, &bag).expect_code(1);
    assert!(
        run.stdout
            .contains("manifest-SHA256.txt is not a BagIt manifest name"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("data/a.txt: its sha256 checksum is"),
        "{}",
        run.stdout
    );

    // A listed file with content, missing, under a system file's name.
    let bag = ws.path("bag2");
    small_bag(&bag);
    let manifest = std::fs::read_to_string(bag.join("manifest-sha256.txt")).unwrap();
    std::fs::write(
        bag.join("manifest-sha256.txt"),
        manifest + &format!("{}  data/._report.pdf\n", sha256_hex(b"evidence")),
    )
    .unwrap();
    std::fs::write(bag.join("bag-info.txt"), "Payload-Oxum: 14.2\n").unwrap();
    let run = verify_bag(&ws, &bag).expect_code(1);
    assert!(
        run.stdout
            .contains("data/._report.pdf is listed in manifest-sha256.txt but is not in the bag"),
        "{}",
        run.stdout
    );

    // fetch.txt naming a file no manifest lists.
    let bag = ws.path("bag3");
    small_bag(&bag);
    std::fs::write(
        bag.join("fetch.txt"),
        "http://127.0.0.1:9/evil.exe 5 data/zzz.exe\n",
    )
    .unwrap();
    let run = verify_bag(&ws, &bag).expect_code(1);
    assert!(
        run.stdout
            .contains("fetch.txt lists data/zzz.exe, which manifest-sha256.txt does not list"),
        "{}",
        run.stdout
    );

    // A megabyte-long manifest line of escapes: reported in a few lines.
    let bag = ws.path("bag4");
    small_bag(&bag);
    let manifest = std::fs::read_to_string(bag.join("manifest-sha256.txt")).unwrap();
    std::fs::write(
        bag.join("manifest-sha256.txt"),
        manifest + &"\u{1b}".repeat(1 << 20),
    )
    .unwrap();
    let run = verify_bag(&ws, &bag).expect_code(1);
    assert!(
        run.stdout.len() + run.stderr.len() < 4096,
        "{} bytes",
        run.stdout.len()
    );

    // A named pipe in the payload: refused at once, never waited on.
    let bag = ws.path("bag5");
    small_bag(&bag);
    let pipe = std::ffi::CString::new(bag.join("data/pipe").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(pipe.as_ptr(), 0o644) }, 0);
    let mut cmd = ws.cmd();
    cmd.args(["verify", "--bag", bag.to_str().unwrap()]);
    let run = run_with_deadline(cmd, std::time::Duration::from_secs(20)).expect_code(1);
    assert!(
        run.stdout
            .contains("data/pipe is a named pipe, not a regular file"),
        "{}",
        run.stdout
    );
}

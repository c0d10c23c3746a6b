//! Bad input: each case gets a clear message naming the file, one bad file
//! never stops the run, and what was stored stays stored.

use crate::support::*;
use provaudit::ingest;
use provaudit::progress::Control;
use provaudit::scan::{self, ScanOptions};
use provaudit::store::Store;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

fn warning_for(report: &serde_json::Value, path: &str) -> String {
    report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["path"] == path)
        .map(|w| w["warning"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn empty_binary_and_legacy_encoded_files_are_kept_and_explained() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(corpus.join("empty.txt"), b"").unwrap();
    std::fs::write(
        corpus.join("scan.pdf"),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("photo.jpg"),
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    )
    .unwrap();
    // "Sarraj’s régime" in windows-1252: not valid UTF-8.
    std::fs::write(
        corpus.join("legacy.txt"),
        b"Sarraj\x92s r\xe9gime and the \x93truce\x94",
    )
    .unwrap();

    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(report["documents"].as_array().unwrap().len(), 9);

    let empty = doc(&report, "empty.txt");
    assert_eq!(empty["content_kind"], "empty");
    // SHA-256 of zero bytes (FIPS 180-2).
    assert_eq!(
        empty["sha256"],
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert!(warning_for(&report, "empty.txt").contains("empty file"));

    // A PDF cut off after its first object: its text cannot be read, and
    // the warning says it is a PDF; a photo is not text.
    for (binary, said) in [
        ("scan.pdf", "a PDF whose text cannot be read"),
        ("photo.jpg", "not text"),
    ] {
        assert_eq!(doc(&report, binary)["content_kind"], "binary");
        assert_eq!(doc(&report, binary)["text_sha256"], serde_json::Value::Null);
        assert!(
            warning_for(&report, binary).contains(said),
            "{binary}: {}",
            warning_for(&report, binary)
        );
    }

    let legacy = doc(&report, "legacy.txt");
    assert_eq!(legacy["encoding"], "windows-1252");
    assert!(
        warning_for(&report, "legacy.txt").contains("not valid UTF-8: decoded as windows-1252")
    );
    // The decoded text is what a reader would see.
    let store = Store::open_existing(&ws.db()).unwrap();
    let id = store
        .documents()
        .unwrap()
        .into_iter()
        .find(|d| d.path.as_bytes() == b"legacy.txt")
        .unwrap()
        .id;
    let (_, text) = store.document_text(id).unwrap().unwrap();
    assert_eq!(text, "Sarraj’s régime and the “truce”");

    // The human summary names each case too.
    let human = ws
        .run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    assert!(
        human.stdout.contains("scan.pdf  [binary]"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_two_megabyte_line_is_read_like_any_other_text() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let line = "Haftar ".repeat(300_000); // 2.1 MB, no newline
    std::fs::write(corpus.join("long-line.txt"), &line).unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let d = doc(&report, "long-line.txt");
    assert_eq!(d["content_kind"], "text");
    assert_eq!(d["bytes"], line.len());
    assert!(d["text_sha256"].is_string());
}

#[test]
fn names_that_are_not_utf8_or_hold_a_newline_are_kept_exactly() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(
        corpus.join(OsStr::from_bytes(b"caf\xe9.txt")),
        "latin-1 name",
    )
    .unwrap();
    std::fs::write(corpus.join("two\nlines.txt"), "newline name").unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let latin = doc(&report, "caf\u{fffd}.txt");
    assert_eq!(latin["path_bytes_hex"], "636166e92e747874");
    assert!(
        doc(&report, "two\nlines.txt")
            .get("path_bytes_hex")
            .is_none()
    );
    // The human summary keeps each path on one line.
    let human = ws
        .run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    assert!(human.stdout.contains("two\\nlines.txt"), "{}", human.stdout);
    // And verify finds both again, byte for byte.
    let verified = ws
        .run_db(&["verify", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(verified["counts"]["ok"], 7);
}

#[test]
fn a_symlink_loop_cannot_hang_the_walk() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::create_dir(corpus.join("sub")).unwrap();
    std::os::unix::fs::symlink(&corpus, corpus.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("000_55ace46797fde52c.txt", corpus.join("link.txt")).unwrap();

    let mut plain = ws.cmd();
    plain.args([
        "audit",
        corpus.to_str().unwrap(),
        "--json",
        "--db",
        ws.db().to_str().unwrap(),
    ]);
    let report = run_with_deadline(plain, Duration::from_secs(60))
        .expect_code(0)
        .json();
    assert_eq!(report["documents"].as_array().unwrap().len(), 5);
    assert!(warning_for(&report, "sub/loop").contains("symbolic link not followed"));

    let db2 = ws.path("stores/follow.sqlite");
    let mut follow = ws.cmd();
    follow.args([
        "audit",
        corpus.to_str().unwrap(),
        "--json",
        "--follow-symlinks",
        "--db",
        db2.to_str().unwrap(),
    ]);
    let report = run_with_deadline(follow, Duration::from_secs(60))
        .expect_code(0)
        .json();
    assert!(
        warning_for(&report, "sub/loop").contains("symbolic link loop"),
        "{report:#}"
    );
    // The followed file link is a document of its own.
    assert_eq!(
        doc(&report, "link.txt")["sha256"],
        doc(&report, "000_55ace46797fde52c.txt")["sha256"]
    );
}

#[test]
fn a_file_that_vanishes_after_listing_is_an_error_and_the_rest_is_stored() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let mut store = Store::open_for_corpus(Some(&ws.db()), &corpus).unwrap();
    let scan = scan::scan(&corpus, ScanOptions::default(), &[]).unwrap();
    assert_eq!(scan.candidates.len(), 5);
    std::fs::remove_file(corpus.join("002_2f99136e3ac0f3d2.txt")).unwrap();

    let summary = ingest::ingest_scanned(&mut store, &corpus, scan, &Control::none()).unwrap();
    assert!(!summary.complete());
    assert_eq!(summary.totals.added, 4);
    assert_eq!(summary.errors.len(), 1);
    assert_eq!(
        summary.errors[0].path.as_bytes(),
        b"002_2f99136e3ac0f3d2.txt"
    );
    assert!(
        summary.errors[0].message.contains("vanished"),
        "{}",
        summary.errors[0].message
    );
    assert_eq!(store.documents().unwrap().len(), 4);
}

#[test]
fn a_partial_run_says_so_in_its_exit_code() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    // A file that cannot be opened for reading even by root: a dangling
    // symbolic link, when links are followed.
    std::os::unix::fs::symlink("does-not-exist.txt", corpus.join("dangling.txt")).unwrap();
    let run = ws
        .run_db(&[
            "audit",
            corpus.to_str().unwrap(),
            "--follow-symlinks",
            "--json",
        ])
        .expect_code(1);
    let report = run.json();
    assert_eq!(report["run"]["complete"], false);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["path"], "dangling.txt");
    assert_eq!(report["documents"].as_array().unwrap().len(), 5);
    let human = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--follow-symlinks"])
        .expect_code(1);
    assert!(human.stderr.contains("dangling.txt"), "{}", human.stderr);
    assert!(human.stderr.contains("partial"), "{}", human.stderr);
}

#[test]
fn a_folder_that_does_not_exist_is_named() {
    let ws = Workspace::new();
    let missing = ws.path("no-such-folder");
    let run = ws
        .run_db(&["audit", missing.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr.contains("no-such-folder: no such folder"),
        "{}",
        run.stderr
    );
    let run = ws.run_db(&["audit", "/dev/null"]).expect_code(2);
    assert!(
        run.stderr
            .contains("/dev/null is neither a folder nor a regular file"),
        "{}",
        run.stderr
    );
    // A mistyped path creates no store.
    assert!(!ws.db().exists());
}

/// Runs `provaudit audit CORPUS --json` into `out`, returning the child's
/// own peak memory in MiB (`VmHWM`, sampled until it exits): `wait4`'s
/// `ru_maxrss` would carry in this test process's high-water mark, which
/// the tests running beside it raise.
fn audit_peak_mib(ws: &Workspace, corpus: &Path, db: &Path, out: &Path) -> i64 {
    let mut child = ws
        .cmd()
        .args([
            "audit",
            corpus.to_str().unwrap(),
            "--json",
            "--db",
            db.to_str().unwrap(),
        ])
        .stdout(std::fs::File::create(out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0i64;
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_path)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<i64>().ok())
        {
            peak_kib = peak_kib.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    assert!(status.success());
    peak_kib / 1024
}

/// A 1 GiB file beside the seeds costs the audit no more memory than a few
/// read buffers: it is hashed in a stream, never held.
#[test]
fn a_one_gigabyte_file_is_hashed_in_bounded_memory() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let baseline = audit_peak_mib(&ws, &corpus, &ws.path("base.sqlite"), &ws.path("base.json"));
    let big = std::fs::File::create(corpus.join("huge.bin")).unwrap();
    big.set_len(1 << 30).unwrap(); // sparse: 1 GiB of zeros without the disk
    drop(big);
    let peak_mib = audit_peak_mib(&ws, &corpus, &ws.db(), &ws.path("out.json"));
    assert!(
        peak_mib < baseline + 32,
        "peak memory {peak_mib} MiB with a 1 GiB file, {baseline} MiB without"
    );

    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(ws.path("out.json")).unwrap()).unwrap();
    let huge = doc(&report, "huge.bin");
    // `head -c 1073741824 /dev/zero | sha256sum`
    assert_eq!(
        huge["sha256"],
        "49bc20df15e412a64472421e13fe86ff1c5165e18b2afccf160d4dc19fe68a14"
    );
    assert_eq!(huge["bytes"], 1u64 << 30);
    assert_eq!(huge["content_kind"], "too_large");
}

/// An MHTML file with no page in it, and one whose saved address carries a
/// terminal escape: both stored, the first read as text and said so, the
/// second's address never reaching the terminal raw.
#[test]
fn a_broken_or_hostile_mhtml_file_is_kept_and_explained() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(
        corpus.join("nopage.mhtml"),
        "From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("hostile.mhtml"),
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/\u{1b}]0;owned\u{7}\r\n\
         Content-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n--b\r\n\
         Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
         <p>Officials said 12 people were hurt on Monday.</p>\r\n--b--\r\n",
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(doc(&report, "nopage.mhtml")["content_kind"], "text");
    assert!(
        warning_for(&report, "nopage.mhtml").contains("an MHTML file holding no HTML page"),
        "{}",
        warning_for(&report, "nopage.mhtml")
    );
    let hostile = doc(&report, "hostile.mhtml");
    assert_eq!(hostile["content_kind"], "html");
    assert_eq!(hostile["capture"]["format"], "mhtml");
    let shown = ws
        .run_db(&["show", corpus.join("hostile.mhtml").to_str().unwrap()])
        .expect_code(0);
    assert!(!shown.stdout.contains('\u{1b}') && !shown.stdout.contains('\u{7}'));
    assert!(shown.stdout.contains("\\u{1b}]0;owned"), "{}", shown.stdout);
}

/// A `.wacz` that is no zip, and a WARC whose address and software carry
/// terminal escapes: the first stored as evidence with an error naming it,
/// the second's page read, its bytes never reaching the terminal raw; the
/// seeds beside them stored as ever.
#[test]
fn a_broken_wacz_and_a_hostile_warc_are_kept_and_explained() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(corpus.join("broken.wacz"), "PK\u{3}\u{4} not really a zip").unwrap();
    let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Officials said 12 people were hurt on Monday.</p>";
    let info = "software: evil\u{1b}]0;owned\u{7}\r\n";
    let record = |kind: &str, uri: &str, ctype: &str, block: &str| {
        format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n\
             Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    };
    std::fs::write(
        corpus.join("hostile.warc"),
        record("warcinfo", "", "application/warc-fields", info)
            + &record(
                "response",
                "https://example.org/\u{1b}[2J\u{202e}a",
                "application/http; msgtype=response",
                page,
            ),
    )
    .unwrap();
    let run = ws.run_db(&["audit", corpus.to_str().unwrap(), "--json"]);
    let report = run.json();
    assert_eq!(report["documents"].as_array().unwrap().len(), 5 + 3);
    let errors = report["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["path"] == "broken.wacz"
            && e["error"]
                .as_str()
                .unwrap()
                .contains("a WACZ file that is not a readable zip")),
        "{errors:#?}"
    );
    assert_eq!(doc(&report, "broken.wacz")["content_kind"], "binary");
    let page = doc(&report, "hostile.warc/@174");
    assert_eq!(page["content_kind"], "html", "{page:#}");
    let text = ws.run_db(&["audit", corpus.to_str().unwrap()]);
    let shown = ws
        .run_db(&["show", corpus.join("hostile.warc/@174").to_str().unwrap()])
        .expect_code(0);
    for out in [&text.stdout, &text.stderr, &shown.stdout] {
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'),
            "{out}"
        );
    }
    assert!(
        shown.stdout.contains("\\u{1b}[2J\\u{202e}a")
            && shown.stdout.contains("written by evil\\u{1b}]0;owned"),
        "{}",
        shown.stdout
    );
}

/// A PDF nested deep enough to overflow any parser's stack (an abort no
/// `catch_unwind` stops) beside the seeds: the PDF is read in a process of
/// its own, whose death is a note on the file; the run goes on and stores
/// everything (it used to abort the whole audit, storing nothing, every
/// time).
#[test]
fn a_pdf_that_kills_its_reader_is_kept_and_the_run_goes_on() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let depth = 400_000;
    let catalog = format!(
        "<< /Type /Catalog /Pages 2 0 R /X {}{} >>",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let objects = [catalog.as_str(), "<< /Type /Pages /Kids [] /Count 0 >>"];
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    std::fs::write(corpus.join("deep.pdf"), pdf).unwrap();
    let run = ws.run_db(&["audit", corpus.to_str().unwrap(), "--json"]);
    let report = run.expect_code(0).json();
    assert_eq!(report["documents"].as_array().unwrap().len(), 6);
    let deep = doc(&report, "deep.pdf");
    assert_eq!(deep["content_kind"], "binary", "{deep:#}");
    assert!(
        deep["notes"]
            .to_string()
            .contains("the PDF reader failed on it (it ran out of memory or stack"),
        "{deep:#}"
    );
    assert_eq!(
        doc(&report, "002_2f99136e3ac0f3d2.txt")["origin"]["name"],
        "Al Jazeera"
    );
}

/// A fault in the analysis of one document (a bug in this program, as
/// the dash that once split a character did on a generated corpus) costs
/// that document its claims in this run, never the run: the others are
/// analysed, the file is named in the warnings with what to do, the
/// fault's message (which quotes the article) reaches the terminal
/// escaped, and the next run tries the document again.
#[test]
fn a_fault_in_one_documents_analysis_names_it_and_the_run_goes_on() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(
        corpus.join("fault.txt"),
        "Officials said \u{1b}[2J\u{1b}]0;pwned\u{7} the toll rose to 41 on Monday, the ministry said.\n",
    )
    .unwrap();
    let db = ws.db();
    let out = ws
        .cmd()
        .env("PROVAUDIT_FAULT_FOR_TESTS", "fault.txt")
        .args([
            "audit",
            corpus.to_str().unwrap(),
            "--json",
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let run = Run::of(out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("internal error"), "{}", run.stderr);
    assert!(
        !run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'),
        "{:?}",
        run.stderr
    );
    let report = run.json();
    let warning = warning_for(&report, "fault.txt");
    assert!(warning.contains("could not be analysed"), "{warning}");
    assert!(warning.contains("report it"), "{warning}");
    let claims = report["claims"].as_array().unwrap();
    assert!(claims.iter().all(|c| c["document"] != "fault.txt"));
    // The seeds' claims are all there.
    for (name, _) in seed_sums() {
        assert!(
            claims.iter().any(|c| c["document"] == name.as_str()),
            "{name}"
        );
    }
    // Next run, the fault gone: the document is analysed.
    let again = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(warning_for(&again, "fault.txt"), "");
    assert!(
        again["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["document"] == "fault.txt"),
        "{again:#}"
    );
}

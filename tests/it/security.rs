//! Reliability and security (docs/security.md): what a hostile article, file
//! name or store file, a reviewer who edits the database, a full disk or a
//! second process can do. Each test is one attack that once worked: it never
//! destroys a file, never hangs, never lets a byte act on a terminal or a
//! page, and never lets a forged record pass.

use crate::support::*;
use provaudit::relpath::RelPath;
use provaudit::review::{self, Span, Target, Verdict};
use provaudit::store::Store;
use rusqlite::Connection;
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn sha256_of(path: &Path) -> String {
    provaudit::fingerprint::hash_file(path).unwrap().0
}

fn audited_seeds() -> (Workspace, PathBuf) {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    (ws, corpus)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

// --- Data lost or altered ---------------------------------------------------

#[test]
fn export_never_replaces_what_is_at_its_path_unless_forced_and_never_a_special_file() {
    let (ws, _) = audited_seeds();
    let export = |out: &Path, extra: &[&str]| {
        let mut args = vec!["export", "--format", "html", "--out", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        ws.run_db(&args)
    };

    // An existing report stays as it is.
    let report = ws.path("report.html");
    std::fs::write(&report, "an earlier report").unwrap();
    let run = export(&report, &[]).expect_code(2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "an earlier report"
    );

    // A symbolic link is neither written through nor replaced, forced or not.
    let target = ws.path("precious.txt");
    std::fs::write(&target, "precious").unwrap();
    let link = ws.path("link.html");
    symlink(&target, &link).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let run = export(&link, extra).expect_code(2);
        assert!(run.stderr.contains("a symbolic link"), "{}", run.stderr);
    }
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");

    // A named pipe is refused at once (opening it for writing would block).
    let fifo = ws.path("pipe.html");
    mkfifo(&fifo);
    let run = export(&fifo, &["--force"]).expect_code(2);
    assert!(run.stderr.contains("a named pipe"), "{}", run.stderr);
    assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());

    // A device node (as root, a copy of /dev/null's) is never replaced.
    if is_root() {
        let dev = ws.path("null");
        let name = std::ffi::CString::new(dev.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string; makedev(1, 3) is the null device.
        let made =
            unsafe { libc::mknod(name.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
        assert_eq!(made, 0, "mknod");
        let run = export(&dev, &["--force"]).expect_code(2);
        assert!(run.stderr.contains("a device"), "{}", run.stderr);
        assert!(dev.symlink_metadata().unwrap().file_type().is_char_device());
    } else {
        eprintln!("not root: the device-node case is left to CI");
    }

    // A folder is refused for a report.
    let folder = ws.path("a-folder");
    std::fs::create_dir(&folder).unwrap();
    export(&folder, &["--force"]).expect_code(2);
    assert!(folder.is_dir());

    // --force replaces a regular file, and only then.
    let run = export(&report, &["--force"]).expect_code(0);
    assert!(run.stdout.contains(&sha256_of(&report)), "{}", run.stdout);
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    // Nothing half-written is left beside any of them.
    let leftovers: Vec<_> = std::fs::read_dir(ws.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Another program's SQLite file, as it was written.
fn foreign_database(path: &Path, user_version: i64) -> String {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);
         INSERT INTO contacts (name) VALUES ('Ada'), ('Grace');",
    )
    .unwrap();
    conn.pragma_update(None, "user_version", user_version)
        .unwrap();
    drop(conn);
    sha256_of(path)
}

#[test]
fn another_applications_sqlite_file_is_refused_before_a_single_write() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    for user_version in [0, 3] {
        let before = foreign_database(&ws.db(), user_version);
        for args in [
            &["audit", corpus.to_str().unwrap()][..],
            &["verify", corpus.to_str().unwrap()][..],
            &["history"][..],
        ] {
            let run = ws.run_db(args).expect_code(2);
            assert!(
                run.stderr
                    .contains("an SQLite database of another application")
                    && run.stderr.contains("left untouched"),
                "{args:?}: {}",
                run.stderr
            );
            assert_eq!(sha256_of(&ws.db()), before, "{args:?} changed the file");
        }
        std::fs::remove_file(ws.db()).unwrap();
    }

    // An empty file is a store waiting to be made; a new store is marked.
    std::fs::write(ws.db(), b"").unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let conn = Connection::open(ws.db()).unwrap();
    let id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, provaudit::store::APPLICATION_ID);
}

#[test]
fn a_store_written_before_the_marker_is_still_opened_and_marked() {
    let (ws, corpus) = audited_seeds();
    {
        // As a store of schema 6 was: no marker, and none of what later
        // migrations add (0008: document_date; 0009: the corroboration
        // class, the evidence table and the index of the review order;
        // 0010: the search indexes; 0011: the Documents page's indexes;
        // the columns of 0012-0017; 0018: imported text reuse; 0019: each
        // document's analysis kept for the next run; 0020: which of those
        // the stored results were written from, and articles pending; 0021
        // takes out the trigger 0010 made to index inserted texts).
        let conn = Connection::open(ws.db()).unwrap();
        conn.pragma_update(None, "application_id", 0).unwrap();
        conn.execute("DROP TABLE document_date", []).unwrap();
        conn.execute_batch(
            "DROP INDEX claim_cluster_by_class;
             ALTER TABLE claim_cluster DROP COLUMN corroboration;
             ALTER TABLE claim_cluster DROP COLUMN evidence;
             CREATE INDEX claim_cluster_by_flags ON claim_cluster(single_source DESC, document_count DESC);
             DROP TRIGGER document_search_delete;
             DROP TRIGGER document_search_update;
             DROP TABLE document_search;
             DROP TABLE claim_search;
             DROP INDEX verification_result_by_path;
             DROP INDEX document_reuse_by_source;
             ALTER TABLE document DROP COLUMN extracted_with;
             ALTER TABLE document_text DROP COLUMN capture_url;
             ALTER TABLE document_text DROP COLUMN captured_at;
             ALTER TABLE document_text DROP COLUMN capture_format;
             ALTER TABLE document_text DROP COLUMN published;
             DROP TABLE warc_record;
             DROP INDEX document_container;
             ALTER TABLE document DROP COLUMN container;
             ALTER TABLE document_text DROP COLUMN page_lines;
             ALTER TABLE claim DROP COLUMN page;
             ALTER TABLE outlet_decision DROP COLUMN co_producers;
             DROP TABLE reuse_import_pair;
             DROP TABLE reuse_import_document;
             DROP TABLE reuse_import;
             DROP TABLE document_analysis;
             DROP TABLE document_outlet_analysis;
             DROP TABLE document_analysis_in_results;
             DROP TABLE pending_article;
             DROP TABLE pending_date;",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 6).unwrap();
    }
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(report["documents"].as_array().unwrap().len(), 5);
    let conn = Connection::open(ws.db()).unwrap();
    let id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, provaudit::store::APPLICATION_ID);
}

#[test]
fn export_never_writes_inside_the_folder_it_was_given_and_never_ignores_it() {
    let (ws, _) = audited_seeds();
    let copy = ws.path("copy");
    std::fs::create_dir(&copy).unwrap();
    for (name, _) in seed_sums() {
        std::fs::copy(Path::new(SEEDS).join(&name), copy.join(&name)).unwrap();
    }
    let before = tree_state(&copy);
    let copy_arg = copy.to_str().unwrap();
    for format in ["html", "sha256sum", "bagit"] {
        let out = copy.join(format!("out-{format}"));
        let run = ws
            .run_db(&[
                "export",
                copy_arg,
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ])
            .expect_code(2);
        assert!(
            run.stderr.contains("inside the corpus folder"),
            "{format}: {}",
            run.stderr
        );
    }
    assert_eq!(tree_state(&copy), before, "the copy was written");

    // A report describes the store's corpus: a different folder is an error,
    // not silently ignored.
    let out = ws.path("r.html");
    let run = ws
        .run_db(&[
            "export",
            copy_arg,
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains("is not the corpus of the store"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());

    // A manifest of the copy is checked against the copy's own bytes.
    let out = ws.path("copy.sha256");
    ws.run_db(&[
        "export",
        copy_arg,
        "--format",
        "sha256sum",
        "--out",
        out.to_str().unwrap(),
    ])
    .expect_code(0);
    std::fs::write(copy.join("001_58bcf51014b2217e.txt"), "tampered").unwrap();
    let out2 = ws.path("copy2.sha256");
    let run = ws
        .run_db(&[
            "export",
            copy_arg,
            "--format",
            "sha256sum",
            "--out",
            out2.to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(
        run.stderr
            .contains("001_58bcf51014b2217e.txt: changed since it was ingested"),
        "{}",
        run.stderr
    );
    assert!(!out2.exists());
}

#[test]
fn a_followed_link_that_leaves_the_corpus_is_named_in_the_run_and_in_the_bag() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let outside = ws.path("private/secret.txt");
    std::fs::create_dir_all(outside.parent().unwrap()).unwrap();
    std::fs::write(&outside, "Not an article: a private note.\n").unwrap();
    symlink(&outside, corpus.join("zz-link.txt")).unwrap();
    let report = ws
        .run_db(&[
            "audit",
            corpus.to_str().unwrap(),
            "--follow-symlinks",
            "--json",
        ])
        .expect_code(0)
        .json();
    let warning = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["path"] == "zz-link.txt")
        .unwrap_or_else(|| panic!("no warning for the link: {}", report["warnings"]));
    let message = warning["warning"].as_str().unwrap();
    let canonical = std::fs::canonicalize(&outside).unwrap();
    assert!(message.contains("outside the corpus folder"), "{message}");
    assert!(message.contains(canonical.to_str().unwrap()), "{message}");

    let bag = ws.path("bag");
    ws.run_db(&[
        "export",
        "--format",
        "bagit",
        "--out",
        bag.to_str().unwrap(),
    ])
    .expect_code(0);
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    assert!(
        info.contains(&format!(
            "Provaudit-Link-Outside-Corpus: zz-link.txt -> {}",
            canonical.display()
        )),
        "{info}"
    );
}

// --- Hangs --------------------------------------------------------------------

#[test]
fn a_second_run_on_a_store_in_use_is_refused_at_once() {
    let (ws, corpus) = audited_seeds();
    // What a running audit holds: the run lock on the store file.
    let held = std::fs::File::open(ws.db()).unwrap();
    held.lock().unwrap();
    let mut cmd = ws.cmd();
    cmd.args([
        "audit",
        corpus.to_str().unwrap(),
        "--db",
        ws.db().to_str().unwrap(),
    ]);
    let run = run_with_deadline(cmd, Duration::from_secs(60)).expect_code(2);
    assert!(
        run.stderr
            .contains("another provaudit run holds this store"),
        "{}",
        run.stderr
    );
    drop(held);
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
}

#[test]
fn two_runs_creating_one_store_at_once_never_collide() {
    for round in 0..3 {
        let ws = Workspace::new();
        let corpus = ws.seed_corpus();
        let spawn = || {
            ws.cmd()
                .args([
                    "audit",
                    corpus.to_str().unwrap(),
                    "--db",
                    ws.db().to_str().unwrap(),
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let mut codes = Vec::new();
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            let code = out.status.code().unwrap();
            assert!(
                code == 0
                    || (code == 2 && stderr.contains("another provaudit run holds this store")),
                "round {round}: exit {code}: {stderr}"
            );
            codes.push(code);
        }
        assert!(
            codes.contains(&0),
            "round {round}: neither run stored anything"
        );
        let conn = Connection::open(ws.db()).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let docs: i64 = conn
            .query_row("SELECT count(*) FROM document", [], |r| r.get(0))
            .unwrap();
        assert_eq!(docs, 5, "round {round}");
    }
}

#[test]
fn a_store_held_by_another_sqlite_connection_ends_the_run_with_an_error() {
    let (ws, corpus) = audited_seeds();
    std::fs::write(corpus.join("new.txt"), "A new article arrived.\n").unwrap();
    let holder = Connection::open(ws.db()).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let mut cmd = ws.cmd();
    cmd.args([
        "audit",
        corpus.to_str().unwrap(),
        "--db",
        ws.db().to_str().unwrap(),
    ]);
    let run = run_with_deadline(cmd, Duration::from_secs(60)).expect_code(2);
    assert!(
        run.stderr.contains("is locked by another process"),
        "{}",
        run.stderr
    );
    holder.execute_batch("ROLLBACK").unwrap();
}

/// A disk that fills up during ingest: the run stops within seconds with an
/// error saying so, and the store keeps its last complete batch. Needs a
/// small tmpfs, so root (CI runs as root) in a private mount namespace.
#[test]
fn a_disk_filling_up_during_ingest_stops_the_run_with_a_clear_error() {
    if !is_root() || !have("unshare") {
        eprintln!("not root: the tmpfs case runs in CI");
        return;
    }
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // More files than the reading queue holds (512) are still unread when
    // the disk fills: the run used to wait on them for good.
    for i in 0..1500 {
        // Distinct text, so nothing compresses into the store's pages.
        let text: String = (0..2000)
            .map(|j| format!("{} ", (i * 7919 + j * 104_729) % 1_000_003))
            .collect();
        std::fs::write(corpus.join(format!("{i:04}.txt")), text).unwrap();
    }
    let mnt = ws.path("small-disk");
    std::fs::create_dir(&mnt).unwrap();
    let bin = env!("CARGO_BIN_EXE_provaudit");
    let script = format!(
        "mount -t tmpfs -o size=6m tmpfs '{m}' && '{bin}' audit '{c}' --db '{m}/s.sqlite'; echo \"exit=$?\"; '{bin}' history --db '{m}/s.sqlite' >/dev/null; echo \"history=$?\"",
        m = mnt.display(),
        c = corpus.display()
    );
    let mut cmd = Command::new("unshare");
    cmd.args(["--mount", "--propagation", "private", "sh", "-c", &script])
        .env("XDG_DATA_HOME", ws.path("data"));
    let run = run_with_deadline(cmd, Duration::from_secs(180));
    assert!(
        run.stdout.contains("exit=2"),
        "{}\n{}",
        run.stdout,
        run.stderr
    );
    assert!(run.stderr.contains("is full"), "{}", run.stderr);
    assert!(
        run.stdout.contains("history=0"),
        "the store no longer opens:\n{}\n{}",
        run.stdout,
        run.stderr
    );
}

// --- Unbounded time -----------------------------------------------------------

#[test]
fn hostile_articles_cost_a_bounded_time_and_say_what_was_left_out() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Outlet names, credit lines and datelines, five megabytes of them.
    let names = [
        "Reuters",
        "(AP) —",
        "Source: AFP",
        "Press TV",
        "TASS",
        "Xinhua",
        "By Reuters",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 5 << 20 {
        text.push_str(names[i % names.len()]);
        text.push(if i % 8 == 7 { '\n' } else { ' ' });
        i += 1;
    }
    std::fs::write(corpus.join("names.txt"), &text).unwrap();
    // A million nested elements.
    let deep = format!(
        "<html><body>{}deep text</body></html>",
        "<div>".repeat(1_000_000)
    );
    std::fs::write(corpus.join("deep.html"), deep).unwrap();
    let mut cmd = ws.cmd();
    cmd.args([
        "audit",
        corpus.to_str().unwrap(),
        "--db",
        ws.db().to_str().unwrap(),
        "--json",
    ]);
    // A hang guard, not a benchmark: the debug build before the fix took
    // far longer than this on either file.
    let run = run_with_deadline(cmd, Duration::from_secs(240)).expect_code(0);
    let report = run.json();
    let warning = |file: &str| {
        report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["path"] == file)
            .map(|w| w["warning"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(
        warning("names.txt").contains("only the first 1 MiB are analysed"),
        "{}",
        warning("names.txt")
    );
    assert!(
        warning("deep.html").contains("nested too deep to parse"),
        "{}",
        warning("deep.html")
    );
    let deep_doc = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "deep.html")
        .unwrap();
    assert_eq!(deep_doc["sha256"], sha256_of(&corpus.join("deep.html")));
}

// --- Injection ----------------------------------------------------------------

const OSC_CLIPBOARD: &str = "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}";
const OSC_TITLE: &str = "\u{1b}]0;pwned\u{7}";
const CSI_8BIT: &str = "\u{9b}2J";

/// Whether output holds a byte that can act on a terminal: C0 controls
/// other than newline and tab, DEL, and C1 controls (UTF-8 `C2 80`–`C2 9F`).
fn raw_controls(out: &str) -> Vec<char> {
    out.chars()
        .filter(|&c| (c < ' ' && c != '\n' && c != '\t') || ('\u{7f}'..='\u{9f}').contains(&c))
        .collect()
}

#[test]
fn nothing_from_an_article_or_a_user_reaches_the_terminal_raw() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let page = format!(
        "<html><head><title>Daily{OSC_TITLE} News</title><meta property=\"og:site_name\" content=\"Daily{OSC_CLIPBOARD}Wire{CSI_8BIT}\"></head>\
         <body><p>TRIPOLI (Reuters) - Officials{OSC_TITLE} said 12 people were killed on Monday.</p></body></html>"
    );
    std::fs::write(corpus.join("evil.html"), page).unwrap();
    let evil_name = "evil\u{1b}[31mred\u{202e}txt.txt";
    std::fs::write(
        corpus.join(evil_name),
        "Officials said 12 people were killed on Monday.\n",
    )
    .unwrap();
    let c = corpus.to_str().unwrap();
    let note = format!("checked{OSC_CLIPBOARD}by phone{CSI_8BIT}");
    let runs = [
        ws.run_db(&["audit", c]),
        ws.run_db(&["audit", c, "--json"]),
        ws.run_db(&["claims", c]),
        ws.run_db(&["claims", c, "--json"]),
        ws.run_db(&["show", &corpus.join("evil.html").to_string_lossy()]),
        ws.run_db(&[
            "outlet",
            "set",
            &corpus.join("evil.html").to_string_lossy(),
            "--publisher",
            &format!("Evil{OSC_TITLE}Corp"),
            "--reviewer",
            &format!("Mallory{OSC_CLIPBOARD}"),
            "--note",
            &note,
        ]),
        ws.run_db(&["show", &corpus.join("evil.html").to_string_lossy()]),
        ws.run_db(&[
            "show",
            &corpus.join("evil.html").to_string_lossy(),
            "--json",
        ]),
        ws.run_db(&["verify", c]),
        ws.run_db(&["history"]),
        ws.run(&["audit", &corpus.join(evil_name).to_string_lossy()]),
    ];
    for (i, run) in runs.iter().enumerate() {
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            let found = raw_controls(text);
            assert!(
                found.is_empty(),
                "run {i} {stream}: raw {found:?} in\n{text}"
            );
        }
    }
    // Escaped, not dropped: the reader still sees what the file holds.
    assert!(
        runs[6].stdout.contains("\\u{1b}]0;pwned\\u{7}"),
        "{}",
        runs[6].stdout
    );
    // The JSON still parses to the exact strings.
    let shown = runs[7].json();
    assert!(shown.to_string().contains("Mallory"), "{shown}");
    let audit = runs[1].json();
    let page = audit["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "evil.html")
        .unwrap()
        .to_string();
    assert!(page.contains("Daily\\u001b]52;c;"), "{page}");
}

#[test]
fn markdown_and_csv_reports_hold_no_raw_control_bytes() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(
        corpus.join("evil.txt"),
        format!("Officials{OSC_TITLE} said 12 people were killed{CSI_8BIT} on Monday.\n"),
    )
    .unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    for format in ["md", "csv"] {
        let out = ws.path(&format!("report.{format}"));
        ws.run_db(&["export", "--format", format, "--out", out.to_str().unwrap()])
            .expect_code(0);
        let text = std::fs::read_to_string(&out).unwrap();
        let found: Vec<char> = raw_controls(&text)
            .into_iter()
            .filter(|&c| c != '\r')
            .collect();
        assert!(found.is_empty(), "{format}: raw {found:?}");
        assert!(
            text.contains("Officials") && text.contains("pwned"),
            "{format}: the text is gone"
        );
    }
}

#[test]
fn json_ld_cannot_end_the_script_block_it_is_published_in() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let audit = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let claim = audit["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .contains("killed at least 1,093 people")
        })
        .unwrap()
        .clone();
    let cluster = claim["cluster"].as_str().unwrap().to_owned();
    let payload = "</script><script>document.title='pwned';document.body.insertAdjacentHTML('beforeend','<p id=pwned>pwned</p>')</script>";
    {
        let mut store = Store::open_existing(&ws.db()).unwrap();
        let session = review::start_session(&mut store, &format!("Dana{payload}"), "t").unwrap();
        review::record(
            &mut store,
            session.id,
            Target::Cluster(cluster),
            Some(Verdict::SingleSource),
            Some(&format!("note {payload} & more")),
            &[Span {
                path: RelPath::from_bytes(claim["document"].as_str().unwrap().as_bytes().to_vec()),
                start: claim["start"].as_u64(),
                end: claim["end"].as_u64(),
            }],
        )
        .unwrap();
    }
    for format in ["claimreview", "annotations"] {
        let out = ws.path(&format!("{format}.jsonld"));
        ws.run_db(&["export", "--format", format, "--out", out.to_str().unwrap()])
            .expect_code(0);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            !text.contains('<') && !text.contains('>'),
            "{format}: raw angle brackets"
        );
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(
            parsed.to_string().contains("pwned"),
            "{format}: the reviewer's words are gone"
        );
        // Published the way ClaimReview is: inside a script block of a page.
        let page = ws.path(&format!("{format}.html"));
        std::fs::write(
            &page,
            format!("<!DOCTYPE html><html><head><title>embed</title><script type=\"application/ld+json\">{text}</script></head><body><p>page</p></body></html>"),
        )
        .unwrap();
        let dom = chromium(&["--dump-dom", &format!("file://{}", page.display())]);
        let dom = String::from_utf8_lossy(&dom.stdout);
        assert!(dom.contains("<title>embed</title>"), "{format}: {dom}");
        assert!(
            !dom.contains("id=\"pwned\""),
            "{format}: the payload ran: {dom}"
        );
    }
}

// --- Formats our peers' checkers reject ---------------------------------------

#[test]
fn a_file_named_dash_is_checked_by_gnu_sha256sum_not_read_from_stdin() {
    let (ws, corpus) = audited_seeds();
    std::fs::write(corpus.join("-"), "A file named dash.\n").unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let out = ws.path("SHA256SUMS");
    ws.run_db(&[
        "export",
        "--format",
        "sha256sum",
        "--out",
        out.to_str().unwrap(),
    ])
    .expect_code(0);
    let check = Command::new("sha256sum")
        .args(["-c", "--strict"])
        .arg(&out)
        .current_dir(&corpus)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(said.contains("./-: OK"), "{said}");
    // And our own reader agrees.
    ws.run(&[
        "verify",
        corpus.to_str().unwrap(),
        "--manifest",
        out.to_str().unwrap(),
    ])
    .expect_code(0);
}

#[test]
fn a_name_bagit_readers_disagree_on_is_refused_before_the_bag_is_written() {
    let (ws, corpus) = audited_seeds();
    std::fs::write(corpus.join("%0A%25percent.txt"), "Percent signs.\n").unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let bag = ws.path("bag");
    let run = ws
        .run_db(&[
            "export",
            "--format",
            "bagit",
            "--out",
            bag.to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(run.stderr.contains("%0A%25percent.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("rename the file"), "{}", run.stderr);
    assert!(!bag.exists());
    // A plain percent sign is fine, and bagit-python agrees.
    let (ws, corpus) = audited_seeds();
    std::fs::write(corpus.join("50%off.txt"), "Percent signs.\n").unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let bag = ws.path("bag");
    ws.run_db(&[
        "export",
        "--format",
        "bagit",
        "--out",
        bag.to_str().unwrap(),
    ])
    .expect_code(0);
    let validate =
        Command::new(std::env::var("PROVAUDIT_TEST_PYTHON").unwrap_or_else(|_| "python3".into()))
            .args(["-m", "bagit", "--validate"])
            .arg(&bag)
            .output()
            .unwrap();
    assert!(
        validate.status.success(),
        "{}",
        String::from_utf8_lossy(&validate.stderr)
    );
}

// --- Tamper evidence ----------------------------------------------------------

/// A store whose review log has `n` export entries.
fn logged_store(n: usize) -> (Workspace, PathBuf) {
    let (ws, corpus) = audited_seeds();
    for i in 0..n {
        let out = ws.path(&format!("export-{i}.html"));
        ws.run_db(&["export", "--format", "html", "--out", out.to_str().unwrap()])
            .expect_code(0);
    }
    (ws, corpus)
}

/// What someone with `sqlite3` does: drop the append-only triggers, then edit.
fn tamper(db: &Path, sql: &str) {
    let conn = Connection::open(db).unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{t}\""))
            .unwrap();
    }
    conn.execute_batch(sql).unwrap();
}

fn expect_log_broken(ws: &Workspace, corpus: &Path, at: i64) {
    let c = corpus.to_str().unwrap();
    let run = ws.run_db(&["verify", c]).expect_code(1);
    assert!(
        run.stderr.contains(&format!("broken at entry {at}")),
        "verify: {}",
        run.stderr
    );
    let run = ws.run_db(&["history"]).expect_code(1);
    assert!(
        run.stdout
            .contains(&format!("HASH CHAIN BROKEN at entry {at}")),
        "history: {}",
        run.stdout
    );
    let run = ws.run_db(&["verify-log"]).expect_code(1);
    assert!(run.stdout.contains("broken"), "{}", run.stdout);
    let out = ws.path("after.html");
    let run = ws
        .run_db(&["export", "--format", "html", "--out", out.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr.contains("--allow-broken-chain"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
    let out = ws.path("anyway.html");
    ws.run_db(&[
        "export",
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
        "--allow-broken-chain",
    ])
    .expect_code(0);
    let html = std::fs::read_to_string(&out).unwrap();
    let banner = html
        .find("hash chain is broken at entry")
        .expect("the report says so");
    let summary = html.find("Corpus summary").unwrap_or(usize::MAX);
    assert!(banner < summary, "the warning must come first");
}

#[test]
fn an_edited_log_entry_is_reported_by_every_command_that_reads_the_log() {
    let (ws, corpus) = logged_store(3);
    tamper(
        &ws.db(),
        "UPDATE review_log SET detail = replace(detail, 'html', 'md') WHERE seq = 2",
    );
    expect_log_broken(&ws, &corpus, 2);
}

#[test]
fn a_deleted_middle_entry_is_reported() {
    let (ws, corpus) = logged_store(3);
    tamper(&ws.db(), "DELETE FROM review_log WHERE seq = 2");
    expect_log_broken(&ws, &corpus, 3);
}

#[test]
fn a_forged_export_hash_is_reported_and_history_never_shows_it_as_trusted() {
    let (ws, corpus) = logged_store(2);
    let forged = "0".repeat(64);
    tamper(
        &ws.db(),
        &format!(
            "UPDATE review_log SET detail = json_set(detail, '$.sha256', '{forged}') WHERE seq = 1"
        ),
    );
    let run = ws.run_db(&["history"]).expect_code(1);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains(&forged))
        .expect("the forged row is listed");
    assert!(line.contains("UNTRUSTED"), "{line}");
    expect_log_broken(&ws, &corpus, 1);
}

#[test]
fn a_log_cut_short_or_rewritten_is_caught_against_an_earlier_export() {
    let (ws, _) = logged_store(3);
    // The third export states the head as it was: two entries.
    let anchor = ws.path("export-2.html");
    let html = std::fs::read_to_string(&anchor).unwrap();
    assert!(
        html.contains("provaudit-review-log: entries=2 head="),
        "the report states its anchor"
    );
    let run = ws
        .run_db(&["verify-log", "--anchor", anchor.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("1 added since"), "{}", run.stdout);

    // Cut the tail: the chain that is left is intact, the anchor is not.
    tamper(&ws.db(), "DELETE FROM review_log WHERE seq >= 2");
    ws.run_db(&["verify-log"]).expect_code(0);
    let run = ws
        .run_db(&["verify-log", "--anchor", anchor.to_str().unwrap()])
        .expect_code(1);
    assert!(run.stdout.contains("cut short"), "{}", run.stdout);

    // Rewrite the whole chain with new hashes.
    let (ws, _) = logged_store(3);
    let anchor = ws.path("export-2.html");
    let log = Store::open_existing(&ws.db())
        .unwrap()
        .review_log()
        .unwrap();
    let mut prev = None;
    let mut sql = String::new();
    for (i, e) in log.into_iter().enumerate() {
        let mut new = review::NewEntry {
            session_id: e.session_id,
            at: e.at.clone(),
            action: e.action,
            target: e.target.clone(),
            verdict: e.verdict,
            note: e.note.clone(),
            detail: e.detail.clone(),
            anchors: e.anchors.clone(),
        };
        if i == 0 {
            new.detail = new.detail.map(|d| d.replace("html", "md"));
        }
        let sealed = review::seal(new, e.seq, prev.clone());
        sql.push_str(&format!(
            "UPDATE review_log SET detail = '{}', prev_sha256 = {}, sha256 = '{}' WHERE seq = {};",
            sealed
                .detail
                .clone()
                .unwrap_or_default()
                .replace('\'', "''"),
            sealed
                .prev_sha256
                .as_ref()
                .map_or("NULL".into(), |p| format!("'{p}'")),
            sealed.sha256,
            e.seq
        ));
        prev = Some(sealed.sha256);
    }
    tamper(&ws.db(), &sql);
    ws.run_db(&["verify-log"]).expect_code(0);
    let run = ws
        .run_db(&["verify-log", "--anchor", anchor.to_str().unwrap(), "--json"])
        .expect_code(1)
        .json();
    assert_eq!(run["anchor"]["status"], "rewritten", "{run}");

    // Manifests and bags carry the anchor too.
    let (ws, _) = logged_store(1);
    let manifest = ws.path("m.sha256");
    ws.run_db(&[
        "export",
        "--format",
        "sha256sum",
        "--out",
        manifest.to_str().unwrap(),
    ])
    .expect_code(0);
    let bag = ws.path("bag");
    ws.run_db(&[
        "export",
        "--format",
        "bagit",
        "--out",
        bag.to_str().unwrap(),
    ])
    .expect_code(0);
    for anchor in [&manifest, &bag] {
        ws.run_db(&["verify-log", "--anchor", anchor.to_str().unwrap()])
            .expect_code(0);
    }
    tamper(&ws.db(), "DELETE FROM review_log WHERE seq >= 1");
    for anchor in [&manifest, &bag] {
        ws.run_db(&["verify-log", "--anchor", anchor.to_str().unwrap()])
            .expect_code(1);
    }
}

#[test]
fn a_digest_edited_in_the_store_never_reaches_an_exported_manifest() {
    let (ws, _) = audited_seeds();
    let forged = "ab".repeat(32);
    tamper(
        &ws.db(),
        &format!(
            "UPDATE document SET sha256 = '{forged}' WHERE path = CAST('002_2f99136e3ac0f3d2.txt' AS BLOB)"
        ),
    );
    let out = ws.path("m.sha256");
    let run = ws
        .run_db(&[
            "export",
            "--format",
            "sha256sum",
            "--out",
            out.to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(
        run.stderr
            .contains("002_2f99136e3ac0f3d2.txt: changed since it was ingested"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
    tamper(
        &ws.db(),
        "UPDATE document SET sha256 = 'not-a-digest' WHERE path = CAST('002_2f99136e3ac0f3d2.txt' AS BLOB)",
    );
    let run = ws
        .run_db(&[
            "export",
            "--format",
            "sha256sum",
            "--out",
            out.to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains("not a SHA-256 digest"),
        "{}",
        run.stderr
    );
}

// --- Found by a hostile tester at the end of the work -------------------------

#[test]
fn an_export_never_replaces_the_store_itself() {
    let (ws, _) = audited_seeds();
    let before = sha256_of(&ws.db());
    let db = ws.db();
    let mut wal = db.clone().into_os_string();
    wal.push("-wal");
    for out in [db.clone(), PathBuf::from(wal)] {
        let run = ws
            .run_db(&[
                "export",
                "--format",
                "html",
                "--out",
                out.to_str().unwrap(),
                "--force",
            ])
            .expect_code(2);
        assert!(
            run.stderr.contains("the evidence store itself"),
            "{}",
            run.stderr
        );
    }
    // A link to the store is the store.
    let link = ws.path("store-link.sqlite");
    std::fs::hard_link(&db, &link).unwrap();
    ws.run_db(&[
        "export",
        "--format",
        "md",
        "--out",
        link.to_str().unwrap(),
        "--force",
    ])
    .expect_code(2);
    std::fs::remove_file(&link).unwrap();
    assert_eq!(sha256_of(&db), before);
    ws.run_db(&["history"]).expect_code(0);
}

#[test]
fn an_anchor_quoted_from_an_article_or_a_name_cannot_vouch_for_a_cut_log() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(
        corpus.join("provaudit-review-log: entries=0.txt"),
        "The council met on Monday and said 12 roads were closed, provaudit-review-log: entries=0 as officials put it.\n",
    )
    .unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    for i in 0..3 {
        let out = ws.path(&format!("warmup-{i}.html"));
        ws.run_db(&["export", "--format", "html", "--out", out.to_str().unwrap()])
            .expect_code(0);
    }
    let exports: Vec<PathBuf> = ["json", "html", "md", "sha256sum", "bagit"]
        .iter()
        .map(|f| {
            let out = ws.path(&format!("anchor.{f}"));
            ws.run_db(&["export", "--format", f, "--out", out.to_str().unwrap()])
                .expect_code(0);
            out
        })
        .collect();
    tamper(&ws.db(), "DELETE FROM review_log WHERE seq >= 2");
    for anchor in &exports {
        let run = ws.run_db(&["verify-log", "--anchor", anchor.to_str().unwrap()]);
        assert_ne!(
            run.code,
            0,
            "{}: a cut log passed\n{}",
            anchor.display(),
            run.stdout
        );
    }
}

#[test]
fn a_database_holding_only_a_view_or_dropped_tables_is_not_adopted() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::create_dir_all(ws.db().parent().unwrap()).unwrap();
    for sql in [
        "CREATE VIEW v AS SELECT 1;",
        "CREATE TABLE t (x); INSERT INTO t VALUES (zeroblob(10000)); DROP TABLE t;",
    ] {
        let _ = std::fs::remove_file(ws.db());
        Connection::open(ws.db())
            .unwrap()
            .execute_batch(sql)
            .unwrap();
        let before = sha256_of(&ws.db());
        let run = ws
            .run_db(&["audit", corpus.to_str().unwrap()])
            .expect_code(2);
        assert!(
            run.stderr.contains("another application"),
            "{sql}: {}",
            run.stderr
        );
        assert_eq!(sha256_of(&ws.db()), before, "{sql}");
    }
}

#[test]
fn a_log_row_with_values_the_program_never_writes_breaks_the_chain() {
    let (ws, corpus) = audited_seeds();
    {
        let mut store = Store::open_existing(&ws.db()).unwrap();
        let s = review::start_session(&mut store, "Dana", "t").unwrap();
        review::record(
            &mut store,
            s.id,
            Target::Document("001_58bcf51014b2217e.txt".into()),
            None,
            Some("checked"),
            &[Span {
                path: RelPath::from_bytes(b"001_58bcf51014b2217e.txt".to_vec()),
                start: None,
                end: None,
            }],
        )
        .unwrap();
    }
    ws.run_db(&["verify", corpus.to_str().unwrap()])
        .expect_code(0);
    // The target's kind blanked: the id would drop out of the hash.
    tamper(
        &ws.db(),
        "UPDATE review_log SET target_kind = NULL WHERE target_id IS NOT NULL",
    );
    let run = ws.run_db(&["history"]).expect_code(1);
    assert!(run.stdout.contains("never writes"), "{}", run.stdout);
    ws.run_db(&["verify", corpus.to_str().unwrap()])
        .expect_code(1);
}

#[test]
fn a_pipe_or_a_device_given_as_an_input_file_is_refused_not_read_forever() {
    let (ws, corpus) = audited_seeds();
    let fifo = ws.path("input.fifo");
    mkfifo(&fifo);
    let f = fifo.to_str().unwrap();
    let c = corpus.to_str().unwrap();
    let db = ws.db();
    let d = db.to_str().unwrap();
    for (args, code) in [
        (vec!["verify", c, "--manifest", f], 2),
        (vec!["verify", c, "--manifest", "/dev/zero"], 2),
        (vec!["verify-log", "--db", d, "--anchor", f], 2),
        (vec!["verify-log", "--db", d, "--anchor", "/dev/zero"], 2),
        // A registry that cannot be read is reported; the bundled one is used.
        (vec!["outlets", "Reuters", "--registry", f], 0),
    ] {
        let mut cmd = ws.cmd();
        cmd.args(&args);
        let run = run_with_deadline(cmd, Duration::from_secs(60));
        assert_eq!(run.code, code, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("not a regular file"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn usage_errors_quote_the_arguments_escaped() {
    let ws = Workspace::new();
    let run = ws.run(&[
        "audit",
        &format!("--bogus{OSC_TITLE}\r\u{7f}{CSI_8BIT}\u{202e}"),
    ]);
    assert_eq!(run.code, 2);
    let found = raw_controls(&run.stderr);
    assert!(found.is_empty(), "raw {found:?} in {}", run.stderr);
    assert!(!run.stderr.contains('\u{202e}'), "{}", run.stderr);
    assert!(run.stderr.contains("--bogus"), "{}", run.stderr);
}

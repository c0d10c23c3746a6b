//! Helpers: a private temporary workspace per test, and running the CLI.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");

/// A temporary folder holding a corpus, a store location and a data folder.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The store file used with `--db`.
    pub fn db(&self) -> PathBuf {
        self.path("stores/store.sqlite")
    }

    /// A corpus folder `corpus/` holding a copy of the five seed articles.
    pub fn seed_corpus(&self) -> PathBuf {
        let corpus = self.path("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        for (name, _) in seed_sums() {
            std::fs::copy(Path::new(SEEDS).join(&name), corpus.join(&name)).unwrap();
        }
        corpus
    }

    /// `provaudit` with a private data folder and no store from the environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_provaudit"));
        cmd.env_remove("PROVAUDIT_DB")
            .env("XDG_DATA_HOME", self.path("data"))
            .env("HOME", self.path("home"))
            .current_dir(self.dir.path());
        cmd
    }

    /// Runs `provaudit ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::of(self.cmd().args(args).output().expect("provaudit runs"))
    }

    /// Runs `provaudit ARGS --db <db>`.
    pub fn run_db(&self, args: &[&str]) -> Run {
        let db = self.db();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--db", db.to_str().unwrap()]);
        self.run(&all)
    }
}

/// The outcome of one CLI run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Panics with both streams unless the exit code is `code`.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code {} (wanted {code})\nstdout:\n{}\nstderr:\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }
}

/// `seeds/SHA256SUMS`, parsed here independently of the code under test.
pub fn seed_sums() -> Vec<(String, String)> {
    std::fs::read_to_string(Path::new(SEEDS).join("SHA256SUMS"))
        .unwrap()
        .lines()
        .map(|l| {
            let (hash, name) = l.split_once("  ").expect("sha256sum line");
            (name.to_owned(), hash.to_owned())
        })
        .collect()
}

/// `path -> status` of a `verify --json` report.
pub fn statuses(report: &Value) -> Vec<(String, String)> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Every file below `dir` with its length and modification time: what
/// "the corpus folder is never written" compares.
pub fn tree_state(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.path().symlink_metadata().unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            }
            out.push((entry.path(), meta.len(), meta.modified().unwrap()));
        }
    }
    out.sort();
    out
}

/// Whether a command-line tool is on PATH.
pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs a command, killing it if it outlives `limit`: a hang fails the test
/// instead of stalling the suite. Output goes to files, not pipes, so a
/// large report can never block the child while we wait.
pub fn run_with_deadline(mut cmd: Command, limit: Duration) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("stdout"), dir.path().join("stderr"));
    let mut child = cmd
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("provaudit did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: std::fs::read_to_string(&out).unwrap(),
        stderr: std::fs::read_to_string(&err).unwrap(),
    }
}

/// Headless Chromium (Debian's `chromium`, installed by scripts/test), run
/// with `args`.
pub fn chromium(args: &[&str]) -> std::process::Output {
    assert!(
        have("chromium"),
        "headless Chromium is needed to check the HTML report; scripts/test installs Debian's `chromium`"
    );
    Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .args(args)
        .output()
        .expect("chromium runs")
}

/// The entry of `path` among a report's `documents`.
pub fn doc<'a>(report: &'a Value, path: &str) -> &'a Value {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == path)
        .unwrap_or_else(|| panic!("{path} not in the report"))
}

/// The Helsinki articles' CSV (../shared/data), or `None` where it is not
/// here (it is in CI: there, its absence fails the test).
pub fn helsinki_articles() -> Option<PathBuf> {
    let articles =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/helsinki/helsinki_articles.csv");
    if !articles.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {}",
            articles.display()
        );
        eprintln!("skipped: {} is not here (it is in CI)", articles.display());
        return None;
    }
    Some(articles)
}

/// The 612 Helsinki articles written into a folder `helsinki` of `ws`, one
/// file a row (`row_NNN.txt`, paragraphs on lines of their own), with
/// their texts; `None` as [`helsinki_articles`].
pub fn helsinki_corpus(ws: &Workspace) -> Option<(PathBuf, Vec<String>)> {
    let articles = helsinki_articles()?;
    let corpus = ws.path("helsinki");
    std::fs::create_dir(&corpus).unwrap();
    let mut reader = csv::Reader::from_path(&articles).unwrap();
    let mut texts = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let text = record.unwrap()[3].replace(" ### ", "\n\n");
        std::fs::write(corpus.join(format!("row_{row:03}.txt")), &text).unwrap();
        texts.push(text);
    }
    Some((corpus, texts))
}

/// The rows of a tab-separated case file under `tests/data/` (its header
/// line and blank lines left out), each with at least `columns` fields.
pub fn case_rows(relative: &str, columns: usize) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<String> = l.split('\t').map(str::to_owned).collect();
            assert!(f.len() >= columns, "{relative}: {columns} columns: {l}");
            f
        })
        .collect()
}

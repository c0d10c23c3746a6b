//! Web archives written by the real tools: seed articles served as pages
//! under their outlets' host names (`tests/tools/sites.py`, reached as an
//! HTTP proxy), archived by `wget --warc-file` (one gzip member per record)
//! and by warcio's `capture_http` (plain WARC), then audited and verified.

use crate::capture::{page, print_to_pdf};
use crate::support::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

struct Sites {
    child: Child,
    port: u16,
}

impl Drop for Sites {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Serves `root/<host>/<path>` as `http://<host>/<path>` through a proxy
/// on a free port of 127.0.0.1.
fn sites(root: &Path) -> Sites {
    let mut child = Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/sites.py"))
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line.trim().parse().expect("sites.py prints its port");
    Sites { child, port }
}

fn python() -> String {
    std::env::var("PROVAUDIT_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// (seed, host, path, the outlet the host belongs to)
const PAGES: [(&str, &str, &str, &str); 3] = [
    (
        "002_2f99136e3ac0f3d2.txt",
        "www.aljazeera.com",
        "/news/2019/9/26/haftar.html",
        "Al Jazeera",
    ),
    (
        "003_d3d53ad44076e59b.txt",
        "www.globalsecurity.org",
        "/wmd/library/news/iran/2019/iran-190927-presstv01.htm",
        "GlobalSecurity.org",
    ),
    (
        "004_f06e52af27d9ab42.txt",
        "www.example-news.net",
        "/2019/09/27/libya.html",
        "example-news.net",
    ),
];

/// Writes the seed pages under `site/`, returning each page's bytes.
fn write_site(site: &Path) -> Vec<Vec<u8>> {
    PAGES
        .iter()
        .map(|(seed, host, path, _)| {
            let text = std::fs::read_to_string(Path::new(SEEDS).join(seed)).unwrap();
            let file = site.join(host).join(path.trim_start_matches('/'));
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, page(&text)).unwrap();
            std::fs::read(file).unwrap()
        })
        .collect()
}

fn wget(ws: &Workspace, port: u16, warc: &Path, urls: &[String]) {
    assert!(have("wget"), "scripts/test installs Debian's wget");
    let cwd = ws.path("wget-downloads");
    std::fs::create_dir_all(&cwd).unwrap();
    let out = Command::new("wget")
        .current_dir(&cwd)
        .env("http_proxy", format!("http://127.0.0.1:{port}/"))
        .args(["--no-verbose", "-e", "robots=off", "--tries=3"])
        .arg(format!("--warc-file={}", warc.display()))
        .args(urls)
        .output()
        .unwrap();
    // 8: a page answered 404, which is part of the test.
    assert!(
        matches!(out.status.code(), Some(0 | 8)),
        "wget exited with {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn warcio(port: u16, out: &Path, urls: &[String]) {
    let run = Command::new(python())
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/tools/warcio_capture.py"
        ))
        .arg(out)
        .arg(format!("http://127.0.0.1:{port}/"))
        .args(urls)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "warcio: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// `python -m wacz create -o OUT WARC`: py-wacz packages a WARC.
/// Packages `warc` with py-wacz; with `pages`, that pages list is copied in
/// as it is (`-p … -c`), as a crawler that writes its own list does.
fn wacz_create_with(out: &Path, warc: &Path, pages: Option<&Path>) {
    let mut cmd = Command::new(python());
    cmd.args(["-m", "wacz", "create", "-o"]).arg(out);
    if let Some(pages) = pages {
        cmd.arg("-p").arg(pages).arg("-c");
    }
    let run = cmd.arg(warc).output().unwrap();
    assert!(
        run.status.success(),
        "wacz: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn wacz_create(out: &Path, warc: &Path) {
    wacz_create_with(out, warc, None)
}

/// The cluster `claim` belongs to.
fn cluster_of<'a>(report: &'a Value, claim: &Value) -> &'a Value {
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == claim["cluster"])
        .unwrap()
}

fn url(i: usize) -> String {
    format!("http://{}{}", PAGES[i].1, PAGES[i].2)
}

/// The documents read from web archives, by their address.
fn archived(report: &Value) -> Vec<&Value> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["capture"]["format"] == "warc")
        .collect()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn pages_archived_by_wget_and_warcio_are_documents_with_address_time_digest_and_publisher() {
    let ws = Workspace::new();
    let served = write_site(&ws.path("site"));
    let server = sites(&ws.path("site"));
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let before = chrono::Utc::now() - chrono::Duration::seconds(2);
    let mut urls: Vec<String> = (0..3).map(url).collect();
    urls.push("http://www.globalsecurity.org/no-such-page.htm".into());
    wget(&ws, server.port, &corpus.join("crawl"), &urls);
    warcio(server.port, &corpus.join("session.warc"), &[url(0)]);
    let after = chrono::Utc::now() + chrono::Duration::seconds(2);

    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let pages = archived(&report);
    // Three pages from wget, one from warcio; the 404 page, wget's log and
    // the requests are records, not documents.
    assert_eq!(pages.len(), 4, "{pages:#?}");
    for d in &pages {
        let capture = &d["capture"];
        let address = capture["url"].as_str().unwrap();
        let i = (0..3).find(|&i| url(i) == address).expect(address);
        // The document is the page as served, byte for byte.
        assert_eq!(d["sha256"], sha256(&served[i]), "{address}");
        assert_eq!(d["content_kind"], "html");
        let at = chrono::DateTime::parse_from_rfc3339(capture["at"].as_str().unwrap()).unwrap();
        assert!(at >= before && at <= after, "{at}");
        let record = &capture["record"];
        assert_eq!(record["payload_digest"], "matches", "{d:#}");
        assert_eq!(record["http_status"], 200);
        let container = record["container"].as_str().unwrap();
        assert!(
            d["path"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{container}/@")),
            "{d:#}"
        );
        if container == "crawl.warc.gz" {
            assert!(
                record["software"].as_str().unwrap().starts_with("Wget/"),
                "{record:#}"
            );
        } else {
            assert_eq!(container, "session.warc");
        }
        assert_eq!(d["publisher"]["name"], PAGES[i].3, "{d:#}");
        assert_eq!(d["publisher"]["evidence"]["rule"], "capture_url");
    }
    // The text still says who produced it: GlobalSecurity.org reposting Press TV.
    let reposted = pages
        .iter()
        .find(|d| d["capture"]["url"] == url(1))
        .unwrap();
    assert_eq!(reposted["origin"]["name"], "Press TV", "{reposted:#}");
    // The archive files are documents too, fingerprinted as files.
    for name in ["crawl.warc.gz", "session.warc"] {
        let bytes = std::fs::read(corpus.join(name)).unwrap();
        assert_eq!(doc(&report, name)["sha256"], sha256(&bytes));
    }
    // The claims are read from the archived pages: the WHO figure.
    let claims = report["claims"].as_array().unwrap();
    let aljazeera: Vec<&str> = pages
        .iter()
        .filter(|d| d["capture"]["url"] == url(0))
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(aljazeera.len(), 2);
    for path in &aljazeera {
        assert!(
            claims.iter().any(|c| c["document"] == *path
                && c["text"]
                    .as_str()
                    .unwrap()
                    .contains("killed at least 1,093")),
            "no WHO figure among {path}'s claims"
        );
    }
    // Two captures of one page are one source, never corroboration.
    let who = claims
        .iter()
        .find(|c| {
            c["document"] == aljazeera[0]
                && c["text"]
                    .as_str()
                    .unwrap()
                    .contains("killed at least 1,093")
        })
        .unwrap();
    let cluster = cluster_of(&report, who);
    assert_eq!(cluster["independent_origins"], 1, "{cluster:#}");

    // `show` takes a record's name and says where it sits.
    let record_path = aljazeera
        .iter()
        .find(|p| p.starts_with("crawl.warc.gz/@"))
        .unwrap();
    let shown = ws
        .run_db(&["show", corpus.join(record_path).to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(
        shown.contains("captured     in a web archive (WARC) on ")
            && shown.contains(&url(0))
            && shown.contains("(written by Wget/")
            && shown.contains("its payload digest matches its bytes"),
        "{shown}"
    );

    // The bag carries the archive files, and a tag file saying where and
    // when each page was captured; bagit-python finds it valid.
    let bag = ws.path("bag");
    ws.run_db(&[
        "export",
        "--format",
        "bagit",
        "--out",
        bag.to_str().unwrap(),
    ])
    .expect_code(0);
    assert!(bag.join("data/crawl.warc.gz").is_file());
    let table = std::fs::read_to_string(bag.join("provaudit-captures.tsv")).unwrap();
    let row = table
        .lines()
        .find(|l| l.starts_with(&format!("{record_path}\t")))
        .unwrap_or_else(|| panic!("{table}"));
    let cells: Vec<&str> = row.split('\t').collect();
    assert_eq!(cells[1], url(0), "{row}");
    assert_eq!(
        (cells[3], cells[4], cells[6]),
        ("warc", "crawl.warc.gz", "matches"),
        "{row}"
    );
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    assert!(info.contains("Provaudit-Captures: 4 pages"), "{info}");
    let valid = Command::new(python())
        .args(["-m", "bagit", "--validate"])
        .arg(&bag)
        .output()
        .unwrap();
    assert!(
        valid.status.success(),
        "{}",
        String::from_utf8_lossy(&valid.stderr)
    );

    // Verify re-hashes the archives as files; a changed record is named by
    // its address.
    ws.run_db(&["verify", corpus.to_str().unwrap()])
        .expect_code(0);
    let crawl = corpus.join("crawl.warc.gz");
    std::fs::copy(&crawl, ws.path("crawl.orig")).unwrap();
    let changed = change_in_gzip_member(&std::fs::read(&crawl).unwrap(), b"Press TV", b"Press TW");
    std::fs::write(&crawl, changed).unwrap();
    let out = ws
        .run_db(&["verify", corpus.to_str().unwrap()])
        .expect_code(1)
        .stdout;
    let line = out
        .lines()
        .find(|l| l.contains("crawl.warc.gz"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.starts_with("modified"), "{line}");
    assert!(
        line.contains("1 of its") && line.contains(&format!("(response {})", url(1))),
        "{line}"
    );
    assert!(!line.contains(&format!("(response {})", url(0))), "{line}");

    // A record appended to the archive is named as added.
    let mut appended = std::fs::read(ws.path("crawl.orig")).unwrap_or_default();
    if appended.is_empty() {
        panic!("the original archive was not kept");
    }
    let extra = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://added.example/x\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{PAGE_TEXT}\r\n\r\n",
        PAGE_TEXT.len()
    );
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(extra.as_bytes()).unwrap();
    let at = appended.len();
    appended.extend(e.finish().unwrap());
    std::fs::write(&crawl, appended).unwrap();
    let out = ws
        .run_db(&["verify", corpus.to_str().unwrap()])
        .expect_code(1)
        .stdout;
    assert!(
        out.contains(&format!(
            "1 record was added: byte {at} (response http://added.example/x)"
        )),
        "{out}"
    );
}

const PAGE_TEXT: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Added later.</p>";

/// The gzip members of `bytes`, as (offset, length, decompressed).
fn members(bytes: &[u8]) -> Vec<(usize, usize, Vec<u8>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let mut decoder = flate2::bufread::GzDecoder::new(&bytes[at..]);
        let mut content = Vec::new();
        decoder.read_to_end(&mut content).unwrap();
        let rest = decoder.into_inner().len();
        let length = bytes.len() - at - rest;
        out.push((at, length, content));
        at += length;
    }
    out
}

/// `bytes` (one gzip member per record) with `from` replaced by `to` in the
/// first member holding it, that member compressed again.
fn change_in_gzip_member(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut done = false;
    for (at, length, content) in members(bytes) {
        let hit = content.windows(from.len()).position(|w| w == from);
        match hit {
            Some(i) if !done => {
                let mut changed = content.clone();
                changed[i..i + from.len()].copy_from_slice(to);
                let mut e =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                e.write_all(&changed).unwrap();
                out.extend(e.finish().unwrap());
                done = true;
            }
            _ => out.extend_from_slice(&bytes[at..at + length]),
        }
    }
    assert!(done, "nothing to change");
    out
}

#[test]
fn a_cut_short_gzip_member_is_an_error_naming_its_record_and_the_rest_is_read() {
    let ws = Workspace::new();
    write_site(&ws.path("site"));
    let server = sites(&ws.path("site"));
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let archive = corpus.join("session.warc.gz");
    warcio(server.port, &archive, &(0..3).map(url).collect::<Vec<_>>());
    // Cut the member of the second page's response short by 20 bytes.
    let bytes = std::fs::read(&archive).unwrap();
    let all = members(&bytes);
    let (at, length, _) = all
        .iter()
        .find(|(_, _, c)| {
            let head = String::from_utf8_lossy(&c[..c.len().min(600)]).into_owned();
            head.contains("WARC-Type: response") && head.contains(&url(1))
        })
        .cloned()
        .expect("the second page's response");
    let mut cut = bytes[..at + length - 20].to_vec();
    cut.extend_from_slice(&bytes[at + length..]);
    std::fs::write(&archive, cut).unwrap();

    let run = ws.run_db(&["audit", corpus.to_str().unwrap(), "--json"]);
    let report = run.json();
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["path"], "session.warc.gz");
    let message = errors[0]["error"].as_str().unwrap();
    assert!(
        message.contains(&format!("the record at byte {at} ({})", url(1))),
        "{message}"
    );
    let mut addresses: Vec<&str> = archived(&report)
        .iter()
        .map(|d| d["capture"]["url"].as_str().unwrap())
        .collect();
    addresses.sort();
    let mut expected = [url(0), url(2)];
    expected.sort();
    assert_eq!(addresses, expected, "the pages around it are read");
}

/// `python -m wacz create` (py-wacz, Webrecorder's packager) around a
/// `wget` archive: the pages are read in place from the zip, each file's
/// SHA-256 in `datapackage.json` is checked, and a WARC changed inside the
/// package is found twice — against the package's own hashes and, by
/// `verify`, as the changed record's address.
#[test]
fn a_wacz_packaged_by_py_wacz_is_read_in_place_and_its_hashes_checked() {
    let ws = Workspace::new();
    let served = write_site(&ws.path("site"));
    let server = sites(&ws.path("site"));
    let scratch = ws.path("scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    wget(
        &ws,
        server.port,
        &scratch.join("crawl"),
        &(0..3).map(url).collect::<Vec<_>>(),
    );
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let wacz = corpus.join("site.wacz");
    // The crawler's list of pages: the three captured, and one it reports
    // that the archive does not hold.
    let never = "http://www.aljazeera.com/news/never-captured.html";
    let mut list = String::from(
        "{\"format\": \"json-pages-1.0\", \"id\": \"pages\", \"title\": \"All Pages\"}\n",
    );
    for (i, address) in (0..3).map(url).chain([never.to_owned()]).enumerate() {
        list.push_str(&format!(
            "{{\"id\": \"p{i}\", \"url\": \"{address}\", \"ts\": \"2024-01-02T10:00:00Z\", \"title\": \"Page {i}\"}}\n"
        ));
    }
    std::fs::write(scratch.join("pages.jsonl"), list).unwrap();
    wacz_create_with(
        &wacz,
        &scratch.join("crawl.warc.gz"),
        Some(&scratch.join("pages.jsonl")),
    );

    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let pages = archived(&report);
    assert_eq!(pages.len(), 3, "{pages:#?}");
    for d in &pages {
        let address = d["capture"]["url"].as_str().unwrap();
        let i = (0..3).find(|&i| url(i) == address).expect(address);
        assert_eq!(d["sha256"], sha256(&served[i]));
        assert_eq!(
            d["capture"]["record"]["container"],
            "site.wacz/archive/crawl.warc.gz"
        );
        assert_eq!(d["publisher"]["name"], PAGES[i].3, "{d:#}");
    }
    // Every hash datapackage.json gives matches; the one page listed and
    // not held is named.
    let package = doc(&report, "site.wacz");
    assert_eq!(
        package["notes"],
        serde_json::json!([format!(
            "its pages list names 1 page the archive holds no record of: ‘{never}’"
        )]),
        "{package:#}"
    );
    // `show` takes a page inside the package by its name.
    let inside = pages[0]["path"].as_str().unwrap();
    let shown = ws
        .run_db(&["show", corpus.join(inside).to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(
        shown.contains("of site.wacz/archive/crawl.warc.gz (written by Wget/"),
        "{shown}"
    );

    // The WARC inside changed, the package's hashes left as they were.
    let python_rewrite = r#"
import sys, zipfile
src, changed = sys.argv[1], sys.argv[2]
entries = [(i, zipfile.ZipFile(src).read(i.filename)) for i in zipfile.ZipFile(src).infolist()]
with zipfile.ZipFile(src, "w") as out:
    for info, data in entries:
        if info.filename == "archive/crawl.warc.gz":
            data = open(changed, "rb").read()
        out.writestr(info, data)
"#;
    let warc = std::fs::read(scratch.join("crawl.warc.gz")).unwrap();
    std::fs::write(
        scratch.join("changed.warc.gz"),
        change_in_gzip_member(&warc, b"Press TV", b"Press TW"),
    )
    .unwrap();
    let rewrite = Command::new("python3")
        .args(["-c", python_rewrite])
        .arg(&wacz)
        .arg(scratch.join("changed.warc.gz"))
        .output()
        .unwrap();
    assert!(
        rewrite.status.success(),
        "{}",
        String::from_utf8_lossy(&rewrite.stderr)
    );

    let out = ws
        .run_db(&["verify", corpus.to_str().unwrap()])
        .expect_code(1)
        .stdout;
    assert!(
        out.contains(&format!("of archive/crawl.warc.gz (response {})", url(1)))
            && !out.contains(&format!("(response {})", url(0))),
        "{out}"
    );
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .json();
    let notes = doc(&report, "site.wacz")["notes"].to_string();
    assert!(
        notes.contains("datapackage.json gives archive/crawl.warc.gz the SHA-256")
            && notes.contains("the package is not what its creator wrote"),
        "{notes}"
    );
}

/// A reviewer points the auditor at one archive in a downloads folder: the
/// archive is the corpus (nothing beside it is read), its store is found
/// again from the archive's path, and verify re-checks it alone.
#[test]
fn one_archive_opened_on_its_own_is_its_own_corpus() {
    let ws = Workspace::new();
    write_site(&ws.path("site"));
    // A PDF on the site too (a page Chromium printed, crediting Reuters).
    let pdf_dir = ws.path("site/www.reuters.com/files");
    std::fs::create_dir_all(&pdf_dir).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/pdf/chromium-print.pdf"
        ),
        pdf_dir.join("statement.pdf"),
    )
    .unwrap();
    // And one cut short in transfer: kept, not readable.
    let whole = std::fs::read(pdf_dir.join("statement.pdf")).unwrap();
    std::fs::write(pdf_dir.join("cut.pdf"), &whole[..400]).unwrap();
    let pdf_url = "http://www.reuters.com/files/statement.pdf";
    let cut_url = "http://www.reuters.com/files/cut.pdf";
    let server = sites(&ws.path("site"));
    let downloads = ws.path("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    wget(
        &ws,
        server.port,
        &downloads.join("crawl"),
        &[url(0), url(1), pdf_url.to_owned(), cut_url.to_owned()],
    );
    std::fs::write(downloads.join("shopping.txt"), "Milk, eggs, bread.\n").unwrap();
    let archive = downloads.join("crawl.warc.gz");
    let archive_arg = archive.to_str().unwrap();

    // No --db: the archive's own default store.
    let report = ws
        .run(&["audit", archive_arg, "--json"])
        .expect_code(0)
        .json();
    let paths: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(
        paths[0] == "crawl.warc.gz"
            && paths.len() == 5
            && paths[1..].iter().all(|p| p.starts_with("crawl.warc.gz/@")),
        "{paths:?}"
    );
    for d in archived(&report) {
        if d["capture"]["url"] == cut_url {
            // Not readable, still evidence: where and when it was collected,
            // and who published it, are kept and shown.
            assert_eq!(d["content_kind"], "binary", "{d:#}");
            assert_eq!(d["publisher"]["name"], "Reuters", "{d:#}");
            let page = downloads.join(d["path"].as_str().unwrap());
            let shown = ws
                .run(&["show", page.to_str().unwrap()])
                .expect_code(0)
                .stdout;
            assert!(
                shown.contains(cut_url)
                    && shown.contains("note         a PDF whose text cannot be read"),
                "{shown}"
            );
            continue;
        }
        if d["capture"]["url"] == pdf_url {
            // The PDF served as application/pdf is read as a PDF: its text
            // layer, its credit, its claims cited by page.
            assert!(
                d["encoding"]
                    .as_str()
                    .unwrap()
                    .starts_with("PDF text layer"),
                "{d:#}"
            );
            assert_eq!(d["origin"]["name"], "Reuters", "{d:#}");
            let claims: Vec<&Value> = report["claims"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["document"] == d["path"])
                .collect();
            assert!(
                !claims.is_empty() && claims.iter().all(|c| c["page"] == 1),
                "{claims:#?}"
            );
            continue;
        }
        let i = (0..2).find(|&i| url(i) == d["capture"]["url"]).unwrap();
        assert_eq!(d["publisher"]["name"], PAGES[i].3, "{d:#}");
    }
    let first = archived(&report)
        .into_iter()
        .find(|d| d["capture"]["url"] == url(0).as_str())
        .unwrap();
    let page = downloads.join(first["path"].as_str().unwrap());
    let shown = ws
        .run(&["show", page.to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(shown.contains(&url(0)), "{shown}");

    let out = ws.run(&["verify", archive_arg]).expect_code(0).stdout;
    assert!(out.contains("1 files checked against store: 1 ok"), "{out}");
    // Through a link of another name: the same store and the same names,
    // never a second copy of every page.
    let elsewhere = ws.path("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let link = elsewhere.join("link.warc.gz");
    std::os::unix::fs::symlink(&archive, &link).unwrap();
    let again = ws
        .run(&["audit", link.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let paths_again: Vec<&str> = again["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths_again, paths, "{:#}", again["run"]);
    assert_eq!(again["run"]["gone"], serde_json::json!([]));
    ws.run(&["verify", link.to_str().unwrap()]).expect_code(0);
    let bytes = std::fs::read(&archive).unwrap();
    std::fs::write(
        &archive,
        change_in_gzip_member(&bytes, b"Press TV", b"Press TW"),
    )
    .unwrap();
    let out = ws.run(&["verify", archive_arg]).expect_code(1).stdout;
    assert!(out.contains(&format!("(response {})", url(1))), "{out}");
    assert!(!out.contains("shopping.txt"), "{out}");
}

/// An archive written again (pages re-captured in another order, one
/// dropped): the pages it held before stay in the store as evidence and are
/// reported gone, but claims are found only in what it holds now, so a
/// page that moved is not counted twice.
#[test]
fn pages_an_archive_no_longer_holds_are_kept_but_not_counted() {
    let ws = Workspace::new();
    write_site(&ws.path("site"));
    let server = sites(&ws.path("site"));
    let corpus = ws.path("corpus");
    let scratch = ws.path("scratch");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::create_dir_all(&scratch).unwrap();
    wget(
        &ws,
        server.port,
        &corpus.join("crawl"),
        &[url(0), url(1), url(2)],
    );
    let before = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .json();
    let old: Vec<String> = archived(&before)
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(old.len(), 3);

    std::fs::copy(corpus.join("crawl.warc.gz"), scratch.join("first.warc.gz")).unwrap();
    wget(&ws, server.port, &scratch.join("again"), &[url(2), url(1)]);
    std::fs::copy(scratch.join("again.warc.gz"), corpus.join("crawl.warc.gz")).unwrap();
    let after = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .json();
    let now: Vec<String> = archived(&after)
        .iter()
        .filter(|d| {
            !after["run"]["gone"]
                .as_array()
                .unwrap()
                .contains(&d["path"])
        })
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(now.len(), 2, "{:#}", after["run"]);
    // Every page read before is still in the store.
    for path in &old {
        assert!(
            archived(&after).iter().any(|d| d["path"] == path.as_str()),
            "{path}"
        );
    }
    let gone: Vec<&str> = after["run"]["gone"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    assert!(
        old.iter()
            .filter(|p| !now.contains(p))
            .all(|p| gone.contains(&p.as_str())),
        "{gone:?} {old:?} {now:?}"
    );
    // Claims come from the two pages the archive holds, nowhere else.
    let claimed: std::collections::BTreeSet<&str> = after["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["document"].as_str().unwrap())
        .collect();
    assert!(!claimed.is_empty());
    assert!(
        claimed.iter().all(|p| now.iter().any(|n| n == p)),
        "claims found in pages the archive no longer holds: {claimed:?} (now {now:?})"
    );
    // The page of url(0) is in the store and nowhere in the claims.
    let page0 = archived(&after)
        .into_iter()
        .find(|d| d["capture"]["url"] == url(0).as_str())
        .unwrap();
    assert!(!claimed.contains(page0["path"].as_str().unwrap()));

    // The archive as it first was: its pages count again, each with the
    // claims the first audit found in it. (Their analyses, kept since the
    // first audit, no longer stand for rows: the second audit removed them.)
    std::fs::copy(scratch.join("first.warc.gz"), corpus.join("crawl.warc.gz")).unwrap();
    let restored = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .json();
    let claims_of = |report: &serde_json::Value| -> std::collections::BTreeSet<(String, String)> {
        report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["document"].as_str().unwrap().to_owned(),
                    c["text"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert!(
        claims_of(&before)
            .iter()
            .any(|(d, _)| d == page0["path"].as_str().unwrap())
    );
    assert_eq!(
        claims_of(&restored),
        claims_of(&before),
        "{:#}",
        restored["run"]
    );
    // Its claims are searchable again, and its article (which claims'
    // places point into) is stored again.
    let page0_path = page0["path"].as_str().unwrap();
    let (_, text) = claims_of(&before)
        .into_iter()
        .find(|(d, _)| d == page0_path)
        .unwrap();
    let word = text
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|w| w.len())
        .unwrap()
        .to_owned();
    let found = ws
        .run_db(&["search", &word, "--claims", "--json"])
        .expect_code(0)
        .json();
    assert!(
        found["claims"]["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["document"] == page0_path),
        "{word}: {found:#}"
    );
    let conn = rusqlite::Connection::open(ws.db()).unwrap();
    let articles: i64 = conn
        .query_row(
            "SELECT count(*) FROM document_article a JOIN document d ON d.id = a.document_id
             WHERE d.path_text = ?1",
            [page0_path],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(articles, 1);
}

/// One page that credits no producer, captured from three sites (a
/// mirror, an AMP cache, a bare address): three copies of one text, of
/// unknown origin, never three independent sources. A page that credits
/// its producer keeps that producer on every copy: one origin.
#[test]
fn one_text_captured_from_several_sites_is_never_several_sources() {
    let ws = Workspace::new();
    let site = ws.path("site");
    let uncredited = "<!DOCTYPE html><html><head><title>Fire at the market</title></head><body><article>\
        <p>A fire at the central market injured 12 people on Monday, the city's fire chief said.</p>\
        <p>The blaze started before dawn and was put out by noon, officials said.</p>\
        <p>Traders said they had warned the council about faulty wiring for years.</p></article></body></html>";
    let hosts = [
        "news.example.com",
        "news-example-com.cdn.ampproject.org",
        "93.184.216.34",
    ];
    for host in hosts {
        let dir = site.join(host).join("city");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("fire.html"), uncredited).unwrap();
    }
    // The Al Jazeera seed (which credits Al Jazeera) on its site and a mirror.
    let aljazeera = page(&std::fs::read_to_string(Path::new(SEEDS).join(PAGES[0].0)).unwrap());
    for host in ["www.aljazeera.com", "mirror.example.org"] {
        let dir = site.join(host).join("news");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("haftar.html"), &aljazeera).unwrap();
    }
    let server = sites(&site);
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut urls: Vec<String> = hosts
        .iter()
        .map(|h| format!("http://{h}/city/fire.html"))
        .collect();
    urls.push("http://www.aljazeera.com/news/haftar.html".into());
    urls.push("http://mirror.example.org/news/haftar.html".into());
    warcio(server.port, &corpus.join("session.warc.gz"), &urls);

    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let pages = archived(&report);
    assert_eq!(pages.len(), 5);
    for d in pages
        .iter()
        .filter(|d| d["capture"]["url"].as_str().unwrap().ends_with("fire.html"))
    {
        assert!(d["origin"].is_null(), "{d:#}");
        assert_eq!(d["relation"], "unknown", "{d:#}");
    }
    let cluster_of = |needle: &str| {
        let claim = report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle}"));
        cluster_of(&report, claim).clone()
    };
    let fire = cluster_of("injured 12 people");
    assert_eq!(fire["documents"].as_array().unwrap().len(), 3, "{fire:#}");
    assert_eq!(fire["independent_origins"], 0, "{fire:#}");
    assert_eq!(fire["unknown_origin_documents"], 3, "{fire:#}");
    let who = cluster_of("killed at least 1,093");
    assert_eq!(who["documents"].as_array().unwrap().len(), 2, "{who:#}");
    assert_eq!(who["independent_origins"], 1, "{who:#}");
}

/// The five seeds as a reviewer collects them, each in another format and
/// each by a real writer: Press TV's page in a WACZ (wget, then py-wacz),
/// the SMA News page in a WARC (warcio), Al Jazeera's as MHTML (Chromium's
/// DevTools snapshot), GlobalSecurity.org's as a browser's saved HTML (its
/// `saved from url=` mark), and the small site's printed to PDF
/// (Chromium). The audit reads them as it reads the `.txt` seeds: the
/// publishers from the addresses, the origins from the texts, the WHO
/// figure from two independent origins, Press TV behind the repost.
#[test]
fn the_five_seeds_in_five_capture_formats_read_as_the_seeds_do() {
    let ws = Workspace::new();
    let site = ws.path("site");
    let seed = |i: usize| {
        let name = seed_sums()[i].0.clone();
        std::fs::read_to_string(Path::new(SEEDS).join(name)).unwrap()
    };
    // (seed, host, path)
    let pages = [
        (
            0,
            "www.presstv.ir",
            "/Detail/2019/09/26/607196/Libya-Sarraj",
        ),
        (1, "www.sma-news.example", "/2019/09/28/haftar-ceasefire/"),
        (2, "www.aljazeera.com", "/news/2019/9/26/haftar.html"),
        (
            3,
            "www.globalsecurity.org",
            "/wmd/library/news/iran/2019/iran-190927-presstv01.htm",
        ),
        (4, "www.small-site.example", "/2019/09/27/libya/"),
    ];
    let file_of = |host: &str, path: &str| {
        let file = site.join(host).join(path.trim_start_matches('/'));
        if path.ends_with('/') {
            file.join("index.html")
        } else {
            file
        }
    };
    for (i, host, path) in &pages {
        let file = file_of(host, path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, page(&seed(*i))).unwrap();
    }
    let server = sites(&site);
    let address = |i: usize| format!("http://{}{}", pages[i].1, pages[i].2);
    let corpus = ws.path("corpus");
    let scratch = ws.path("scratch");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::create_dir_all(&scratch).unwrap();
    // Press TV: wget, packaged by py-wacz.
    wget(&ws, server.port, &scratch.join("presstv"), &[address(0)]);
    wacz_create(
        &corpus.join("presstv.wacz"),
        &scratch.join("presstv.warc.gz"),
    );
    // SMA News: warcio.
    warcio(server.port, &corpus.join("sma.warc.gz"), &[address(1)]);
    // Al Jazeera: Chromium's MHTML snapshot, through the same proxy.
    let snap = Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/tools/cdp_snapshot.py"
        ))
        .arg(address(2))
        .arg(corpus.join("aljazeera.mhtml"))
        .arg(format!("--proxy-server=http://127.0.0.1:{}", server.port))
        .output()
        .unwrap();
    assert!(
        snap.status.success(),
        "{}",
        String::from_utf8_lossy(&snap.stderr)
    );
    // GlobalSecurity.org: a browser's "save page", its mark first.
    let saved = format!(
        "<!-- saved from url=({:04}){} -->\n{}",
        address(3).len(),
        address(3),
        page(&seed(3))
    );
    std::fs::write(corpus.join("globalsecurity.html"), saved).unwrap();
    // The small site: printed to PDF.
    let pdf = corpus.join("small-site.pdf");
    print_to_pdf(&file_of(pages[4].1, pages[4].2), &pdf);

    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let articles: Vec<&Value> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| matches!(d["content_kind"].as_str(), Some("text" | "html")))
        .collect();
    assert_eq!(articles.len(), 5, "{articles:#?}");
    let by_address = |i: usize| -> &Value {
        articles
            .iter()
            .find(|d| d["capture"]["url"].as_str() == Some(&address(i)))
            .unwrap_or_else(|| panic!("no document captured from {}: {articles:#?}", address(i)))
    };
    let name = |v: &Value, role: &str| v[role]["name"].as_str().map(str::to_owned);
    // Publisher from the address; origin from the text.
    for (i, publisher, origin) in [
        (0, Some("Press TV"), Some("Press TV")),
        (1, Some("sma-news.example"), Some("Reuters")),
        (2, Some("Al Jazeera"), Some("Al Jazeera")),
        (3, Some("GlobalSecurity.org"), Some("Press TV")),
    ] {
        let d = by_address(i);
        assert_eq!(name(d, "publisher").as_deref(), publisher, "{d:#}");
        assert_eq!(name(d, "origin").as_deref(), origin, "{d:#}");
        let at = d["capture"]["at"].as_str();
        assert!(i == 3 || at.is_some(), "no capture time: {d:#}");
    }
    let small = doc(&report, "small-site.pdf");
    assert!(
        small["publisher"].is_null() && small["origin"].is_null(),
        "{small:#}"
    );
    // py-wacz packaged it without a pages list: said so, and the pages
    // were read from the records all the same.
    assert!(
        doc(&report, "presstv.wacz")["notes"]
            .to_string()
            .contains("a WACZ without pages/pages.jsonl"),
        "{:#}",
        doc(&report, "presstv.wacz")
    );
    // Press TV's page and its repost are one origin group.
    assert_eq!(by_address(0)["origin_group"], by_address(3)["origin_group"]);
    // The WHO figure: Press TV and Al Jazeera, two independent origins.
    let claims = report["claims"].as_array().unwrap();
    let who = claims
        .iter()
        .find(|c| {
            c["document"] == by_address(2)["path"]
                && c["text"]
                    .as_str()
                    .unwrap()
                    .contains("killed at least 1,093")
        })
        .expect("the WHO figure in Al Jazeera's page");
    let cluster = cluster_of(&report, who);
    let documents: Vec<&str> = cluster["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(
        documents.contains(&by_address(0)["path"].as_str().unwrap()),
        "{cluster:#}"
    );
    assert_eq!(cluster["independent_origins"], 2, "{cluster:#}");
    assert_eq!(cluster["single_source"], false, "{cluster:#}");
}

/// A record whose WARC-Date is not a time (written by warcio as given): the
/// page is read, its capture time is not stated, and the note says why.
#[test]
fn a_warc_date_that_is_not_a_time_is_named_not_stated() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let script = r#"
import io, sys
from warcio.warcwriter import WARCWriter
from warcio.statusandheaders import StatusAndHeaders
with open(sys.argv[1], 'wb') as out:
    writer = WARCWriter(out, gzip=True)
    body = b'<html><body><p>GENEVA (Reuters) - Negotiators met for a third round of talks, officials said.</p></body></html>'
    headers = StatusAndHeaders('200 OK', [('Content-Type', 'text/html')], protocol='HTTP/1.1')
    record = writer.create_warc_record('https://www.reuters.com/a', 'response', payload=io.BytesIO(body),
                                       http_headers=headers, warc_headers_dict={'WARC-Date': 'not-a-date'})
    writer.write_record(record)
"#;
    let made = Command::new(python())
        .args(["-c", script])
        .arg(corpus.join("odd.warc.gz"))
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let pages = archived(&report);
    assert_eq!(pages.len(), 1, "{report:#}");
    let page = pages[0];
    assert_eq!(page["capture"]["at"], Value::Null, "{page:#}");
    assert_eq!(page["capture"]["url"], "https://www.reuters.com/a");
    assert!(
        page["notes"]
            .to_string()
            .contains("its WARC-Date ‘not-a-date’ is not a date and time"),
        "{page:#}"
    );
}

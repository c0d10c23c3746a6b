//! Pages as reviewers collect them, written by the real tools: seed
//! articles served as web pages from a local `http.server`, on the
//! addresses of the outlets that published them (Chromium's
//! `--host-resolver-rules` sends the names to 127.0.0.1), saved as MHTML by
//! headless Chromium's DevTools `Page.captureSnapshot` — what Chrome's "Save
//! as single file" and Hunchly write.

use crate::support::*;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A seed's text as a plain news page: its first line the headline, each
/// blank-line paragraph a `<p>`.
pub(crate) fn page(text: &str) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut paragraphs = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let title = paragraphs.next().unwrap_or_default();
    let body: String = paragraphs.map(|p| format!("<p>{}</p>\n", esc(p))).collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{t}</title></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>{t}</h1>\n{body}</article></body></html>",
        t = esc(title)
    )
}

/// Prints the page `html` to the PDF `out` with headless Chromium, as a
/// reviewer's "Save as PDF" does.
pub(crate) fn print_to_pdf(html: &Path, out: &Path) {
    let printed = chromium(&[
        &format!("--print-to-pdf={}", out.display()),
        "--no-pdf-header-footer",
        &format!("file://{}", html.display()),
    ]);
    assert!(
        out.is_file(),
        "{}",
        String::from_utf8_lossy(&printed.stderr)
    );
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `python3 -m http.server` on a free port of 127.0.0.1, serving `dir`.
fn serve(dir: &Path) -> (Server, u16) {
    let mut child = Command::new("python3")
        .args(["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "-d"])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    // "Serving HTTP on 127.0.0.1 port 43567 (http://127.0.0.1:43567/) ..."
    let port = line
        .split("port ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("http.server said {line:?}"));
    (Server(child), port)
}

#[test]
fn pages_saved_as_mhtml_by_chromium_carry_their_address_time_and_publisher() {
    assert!(have("chromium"), "scripts/test installs Debian's chromium");
    let ws = Workspace::new();
    let site = ws.path("site");
    std::fs::create_dir_all(&site).unwrap();
    // (seed, address it is served from, the outlet that address belongs to)
    let pages = [
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
    for (seed, _, path, _) in &pages {
        let text = std::fs::read_to_string(Path::new(SEEDS).join(seed)).unwrap();
        let file = site.join(path.trim_start_matches('/'));
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, page(&text)).unwrap();
    }
    let (_server, port) = serve(&site);
    let rules: Vec<String> = pages
        .iter()
        .map(|(_, host, _, _)| format!("MAP {host} 127.0.0.1:{port}"))
        .collect();
    let rules = format!("--host-resolver-rules={}", rules.join(", "));
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let before = chrono::Utc::now() - chrono::Duration::minutes(1);
    for (i, (_, host, path, _)) in pages.iter().enumerate() {
        let out = Command::new("python3")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/tools/cdp_snapshot.py"
            ))
            .arg(format!("http://{host}{path}"))
            .arg(corpus.join(format!("page{i}.mhtml")))
            .arg(&rules)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    for (i, (_, host, path, publisher)) in pages.iter().enumerate() {
        let d = doc(&report, &format!("page{i}.mhtml"));
        assert_eq!(d["content_kind"], "html", "{d:#}");
        assert_eq!(d["capture"]["format"], "mhtml");
        assert_eq!(d["capture"]["url"], format!("http://{host}{path}"));
        let at =
            chrono::DateTime::parse_from_rfc3339(d["capture"]["at"].as_str().unwrap()).unwrap();
        assert!(at >= before && at <= chrono::Utc::now(), "{at}");
        assert_eq!(d["publisher"]["name"], *publisher, "{d:#}");
        assert_eq!(d["publisher"]["evidence"]["rule"], "capture_url");
    }
    // The text still says who produced it: GlobalSecurity.org reposting Press TV.
    assert_eq!(doc(&report, "page1.mhtml")["origin"]["name"], "Press TV");
    // The claims are read from the page: the WHO figure of the Al Jazeera seed.
    let claims = report["claims"].as_array().unwrap();
    assert!(
        claims.iter().any(|c| c["document"] == "page0.mhtml"
            && c["text"]
                .as_str()
                .unwrap()
                .contains("killed at least 1,093")),
        "no WHO figure among the MHTML page's claims"
    );

    let shown = ws
        .run_db(&["show", corpus.join("page0.mhtml").to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(
        shown.contains("captured     as MHTML on ")
            && shown.contains("http://www.aljazeera.com/news/2019/9/26/haftar.html"),
        "{shown}"
    );
}

/// A page whose text gives no dateline reports from the day its metadata
/// says it was published; a dateline in the text still comes first.
#[test]
fn a_pages_published_time_dates_it_when_its_text_does_not() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let page = |body: &str| {
        format!(
            "<html><head><title>Talks resume</title>\
             <meta property=\"article:published_time\" content=\"2024-01-02T10:11:12+00:00\"></head>\
             <body><article><p>{body}</p><p>The meeting lasted four hours and ended without a statement.</p></article></body></html>"
        )
    };
    std::fs::write(
        corpus.join("undated.html"),
        page("Negotiators met for a third round of talks, officials said."),
    )
    .unwrap();
    std::fs::write(
        corpus.join("dated.html"),
        page("GENEVA, Dec 30 (Reuters) - Negotiators met for a third round of talks, officials said."),
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let undated = &doc(&report, "undated.html")["date"];
    assert_eq!(undated["date"], "2024-01-02", "{undated}");
    assert_eq!(undated["line"], Value::Null);
    assert!(
        undated["text"]
            .as_str()
            .unwrap()
            .contains("the page's metadata"),
        "{undated}"
    );
    let dated = &doc(&report, "dated.html")["date"];
    assert_eq!(dated["date"], "--12-30", "{dated}");
}

/// A page saved as MHTML on 2 January 2024, 10:11:12 UTC, its story
/// datelined `dateline`.
fn mhtml_captured_2_january(dateline: &str) -> String {
    format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.org/a\r\n\
         Date: Tue, 02 Jan 2024 10:11:12 -0000\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n--b\r\n\
         Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
         <html><body><p>Talks resume</p><p>{dateline} (Reuters) - Negotiators met for a third round of talks.</p>\
         <p>The meeting lasted four hours.</p></body></html>\r\n--b--\r\n"
    )
}

/// A dateline gives the day, not the year; a page captured on 2 January
/// 2024 and datelined 30 December was published in 2023.
#[test]
fn a_datelines_year_comes_from_the_capture_time() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("december.mhtml"),
        mhtml_captured_2_january("GENEVA, Dec 30"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("january.mhtml"),
        mhtml_captured_2_january("GENEVA, Jan 2"),
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let december = &doc(&report, "december.mhtml")["date"];
    assert_eq!(december["date"], "2023-12-30", "{december}");
    assert!(
        december["text"]
            .as_str()
            .unwrap()
            .contains("year from the capture time"),
        "{december}"
    );
    assert_eq!(doc(&report, "january.mhtml")["date"]["date"], "2024-01-02");
}

/// A page cannot be published after it was captured: a dateline a week
/// after the capture's `Date` is named (on the document, in `show` and in
/// the HTML report); one a day after is not, since the page's own day may
/// run ahead of UTC.
#[test]
fn a_page_dated_after_its_capture_is_named() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("later.mhtml"),
        mhtml_captured_2_january("GENEVA, Jan 9, 2024"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("next-day.mhtml"),
        mhtml_captured_2_january("AUCKLAND, Jan 3, 2024"),
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let later = doc(&report, "later.mhtml");
    assert_eq!(later["date"]["date"], "2024-01-09", "{later:#}");
    let warning = later["dated_after_capture"].as_str().unwrap_or_default();
    assert!(
        warning.contains("reports 2024-01-09")
            && warning.contains("captured on 2024-01-02 10:11 UTC"),
        "{later:#}"
    );
    let next_day = doc(&report, "next-day.mhtml");
    assert_eq!(next_day["date"]["date"], "2024-01-03", "{next_day:#}");
    assert_eq!(next_day.get("dated_after_capture"), None, "{next_day:#}");

    let shown = ws
        .run_db(&["show", corpus.join("later.mhtml").to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(shown.contains("DATE CHECK   reports 2024-01-09"), "{shown}");
    let html = ws.path("report.html");
    ws.run_db(&[
        "export",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ])
    .expect_code(0);
    let html = std::fs::read_to_string(html).unwrap();
    assert!(
        html.contains("<div class=\"where bad\">reports 2024-01-09"),
        "the HTML report names it"
    );
}

/// A page printed to PDF by Chromium (`--print-to-pdf`, what a reviewer's
/// "Save as PDF" writes): its text layer read, its claims and its credit
/// found as in the page; a PDF of an image alone (a scan) is kept as
/// evidence and said so.
#[test]
fn a_page_printed_to_pdf_by_chromium_is_read_and_a_scan_is_said_so() {
    assert!(have("chromium"), "scripts/test installs Debian's chromium");
    let ws = Workspace::new();
    let site = ws.path("site");
    std::fs::create_dir_all(&site).unwrap();
    let text = std::fs::read_to_string(Path::new(SEEDS).join("002_2f99136e3ac0f3d2.txt")).unwrap();
    // The WHO figure starts a new printed page.
    let html = page(&text).replacen(
        "<p>‘Foreign interference’",
        "<p style=\"break-before: page\">‘Foreign interference’",
        1,
    );
    assert!(html.contains("break-before"));
    std::fs::write(site.join("page.html"), html).unwrap();
    // An "image" page: nothing but a drawn box, no text at all.
    std::fs::write(
        site.join("scan.html"),
        "<!DOCTYPE html><html><body><svg width=\"400\" height=\"300\"><rect width=\"400\" height=\"300\" fill=\"#888\"/></svg></body></html>",
    )
    .unwrap();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for name in ["page", "scan"] {
        let out = corpus.join(format!("{name}.pdf"));
        print_to_pdf(&site.join(format!("{name}.html")), &out);
    }
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let pdf = doc(&report, "page.pdf");
    assert_eq!(pdf["content_kind"], "text", "{pdf:#}");
    assert!(
        pdf["encoding"]
            .as_str()
            .unwrap()
            .starts_with("PDF text layer"),
        "{pdf:#}"
    );
    // The page credits Al Jazeera in its closing source line.
    assert_eq!(pdf["origin"]["name"], "Al Jazeera", "{pdf:#}");
    let claims = report["claims"].as_array().unwrap();
    let in_pdf: Vec<&Value> = claims
        .iter()
        .filter(|c| c["document"] == "page.pdf")
        .collect();
    let who = in_pdf
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .contains("killed at least 1,093")
        })
        .expect("no WHO figure among the PDF's claims");
    // Evidence in a PDF is cited by page: the claims before the break are
    // on page 1, the WHO figure after it on a later one, pages in order.
    let page_of = |c: &Value| c["page"].as_u64().expect("a PDF's claim has its page");
    assert_eq!(page_of(in_pdf[0]), 1, "{:#}", in_pdf[0]);
    assert!(page_of(who) >= 2, "{who:#}");
    assert!(
        in_pdf.windows(2).all(|w| page_of(w[0]) <= page_of(w[1])),
        "{in_pdf:#?}"
    );
    let pages: u64 = pdf["encoding"].as_str().unwrap()["PDF text layer, ".len()..]
        .trim_end_matches(" pages")
        .parse()
        .unwrap();
    assert!(page_of(who) <= pages);
    // The closing credit is on the last page, and said so.
    assert_eq!(pdf["origin"]["evidence"]["page"], pages, "{pdf:#}");
    let shown = ws
        .run_db(&["show", corpus.join("page.pdf").to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(shown.contains(&format!(", page {pages}, line ")), "{shown}");
    let shown = ws
        .run_db(&["show", who["cluster"].as_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(
        shown.contains(&format!("page.pdf page {} (line ", page_of(who))),
        "{shown}"
    );
    // Claims in other files carry no page.
    assert!(
        claims
            .iter()
            .all(|c| c["document"] == "page.pdf" || c.get("page").is_none())
    );
    let scan = doc(&report, "scan.pdf");
    assert_eq!(scan["content_kind"], "binary");
    assert!(
        scan["notes"].to_string().contains("without a text layer"),
        "{scan:#}"
    );
}

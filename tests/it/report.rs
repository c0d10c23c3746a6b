//! Audit reports (`provaudit export --format html|md|json|csv|claimreview|
//! annotations`): snapshots of each format on the reviewed seeds, each read
//! back by a real reader (Python's csv module, JSON parsers, headless
//! Chromium for the HTML, GNU sha256sum for the hashes they state), and the
//! export recorded in the review log.

use crate::support::*;
use provaudit::relpath::RelPath;
use provaudit::review::{self, Span, Target, Verdict};
use provaudit::store::Store;
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const MARKUP_FILE: &str = "005_markup.txt";
const MARKUP: &str = "<img src=x onerror=alert(1)>";
const WHO_NOTE: &str = "Both outlets cite the WHO's count <script>alert('x')</script>; ask the WHO for its own bulletin.";
const WIRE_NOTE: &str = "=1093 elsewhere; the wire says \"at least 510\", check the date";
const DOC_NOTE: &str = "Producer unidentified: ask the sender where this came from.";

/// The seeds plus one article whose text holds markup, audited, reviewed
/// (two verdicts on clusters, a note on a document) and verified.
struct Reviewed {
    ws: Workspace,
    corpus: PathBuf,
    audit: Value,
    who: String,
    wire: String,
}

fn cluster_of(audit: &Value, file: &str, phrase: &str) -> String {
    audit["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["document"] == file && c["text"].as_str().unwrap().contains(phrase))
        .unwrap_or_else(|| panic!("{file}: no claim holds {phrase:?}"))["cluster"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn spans(audit: &Value, cluster: &str) -> Vec<Span> {
    audit["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["cluster"] == cluster)
        .map(|c| Span {
            path: RelPath::from_bytes(c["document"].as_str().unwrap().as_bytes().to_vec()),
            start: c["start"].as_u64(),
            end: c["end"].as_u64(),
        })
        .collect()
}

fn reviewed_seeds() -> Reviewed {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    std::fs::write(
        corpus.join(MARKUP_FILE),
        format!(
            "Bridge to reopen\n\nThe transport ministry said the {MARKUP} bridge over the Wadi Kaam will reopen on 3 March after repairs costing 4 million dinars.\n"
        ),
    )
    .unwrap();
    let corpus_arg = corpus.to_str().unwrap();
    let audit = ws
        .run_db(&["audit", corpus_arg, "--json"])
        .expect_code(0)
        .json();
    let who = cluster_of(
        &audit,
        "000_55ace46797fde52c.txt",
        "killed at least 1,093 people",
    );
    let wire = cluster_of(
        &audit,
        "001_58bcf51014b2217e.txt",
        "killed at least 510 people",
    );
    let mut store = Store::open_existing(&ws.db()).unwrap();
    let session =
        review::start_session(&mut store, "Dana Reviewer", "Libya casualty figures").unwrap();
    review::record(
        &mut store,
        session.id,
        Target::Cluster(who.clone()),
        Some(Verdict::SingleSource),
        Some(WHO_NOTE),
        &spans(&audit, &who),
    )
    .unwrap();
    review::record(
        &mut store,
        session.id,
        Target::Cluster(wire.clone()),
        Some(Verdict::Disputed),
        Some(WIRE_NOTE),
        &spans(&audit, &wire),
    )
    .unwrap();
    review::record(
        &mut store,
        session.id,
        Target::Document("004_f06e52af27d9ab42.txt".into()),
        None,
        Some(DOC_NOTE),
        &[Span {
            path: RelPath::from_bytes(b"004_f06e52af27d9ab42.txt".to_vec()),
            start: None,
            end: None,
        }],
    )
    .unwrap();
    review::close_session(&mut store, session.id).unwrap();
    drop(store);
    ws.run_db(&["verify", corpus_arg]).expect_code(0);
    Reviewed {
        ws,
        corpus,
        audit,
        who,
        wire,
    }
}

impl Reviewed {
    /// Exports `format` with the CLI; returns the file's bytes and the
    /// SHA-256 the CLI states.
    fn export(&self, format: &str) -> (PathBuf, Vec<u8>, String) {
        let out = self.ws.path(&format!("out/report.{format}"));
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        let run = self
            .ws
            .run_db(&["export", "--format", format, "--out", out.to_str().unwrap()])
            .expect_code(0);
        let sha = run
            .stdout
            .lines()
            .find_map(|l| l.trim().strip_prefix("SHA-256 of the file: "))
            .unwrap_or_else(|| panic!("no SHA-256 in:\n{}", run.stdout))
            .to_owned();
        (out.clone(), std::fs::read(&out).unwrap(), sha)
    }

    /// Replaces what changes from run to run (the temporary folder, times,
    /// hashes of log entries that hold times) so a snapshot can be compared.
    fn normalise(&self, text: &str) -> String {
        let stable: HashSet<String> = self.audit["documents"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| [d["sha256"].as_str(), d["text_sha256"].as_str()])
            .flatten()
            .map(str::to_owned)
            .collect();
        let root = self.ws.dir.path().to_str().unwrap();
        let text = text.replace(root, "[WS]");
        let hex = regex::Regex::new(r"\b[0-9a-f]{64}\b").unwrap();
        let text = hex.replace_all(&text, |c: &regex::Captures| {
            if stable.contains(&c[0]) {
                c[0].to_owned()
            } else {
                "[LOG-SHA]".to_owned()
            }
        });
        let times =
            regex::Regex::new(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z| \d{2}:\d{2} UTC)")
                .unwrap();
        let text = times.replace_all(&text, "[TIME]");
        let day = regex::Regex::new(r#""datePublished": "\d{4}-\d{2}-\d{2}""#).unwrap();
        day.replace_all(&text, r#""datePublished": "[DAY]""#)
            .into_owned()
    }
}

pub(crate) fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8(out.stdout).unwrap()[..64].to_owned()
}

fn python() -> String {
    std::env::var("PROVAUDIT_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

#[test]
fn each_format_matches_its_reviewed_snapshot_and_states_its_own_hash() {
    let r = reviewed_seeds();
    for (format, ext) in [
        ("html", "html"),
        ("md", "md"),
        ("json", "json"),
        ("csv", "csv"),
        ("claimreview", "jsonld"),
        ("annotations", "jsonld"),
    ] {
        let (path, bytes, sha) = r.export(format);
        // The hash the exporter states is the file's, by GNU sha256sum.
        assert_eq!(sha, sha256sum(&path), "{format}");
        // PROVAUDIT_REPORT_SAMPLES=DIR keeps the reports, to look at them.
        if let Some(dir) = std::env::var_os("PROVAUDIT_REPORT_SAMPLES") {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::copy(&path, Path::new(&dir).join(format!("seeds-{format}.{ext}"))).unwrap();
        }
        let text = String::from_utf8(bytes).unwrap().replace("\r\n", "\n");
        insta::assert_snapshot!(format!("seeds.{format}.{ext}"), r.normalise(&text));
    }
}

#[test]
fn every_export_is_recorded_in_the_review_log_with_its_hash() {
    let r = reviewed_seeds();
    let (html, _, html_sha) = r.export("html");
    let (csv, _, csv_sha) = r.export("csv");
    let store = Store::open_existing(&r.ws.db()).unwrap();
    let state = review::state(&store).unwrap();
    let recorded: Vec<(&str, &str, &str)> = state
        .exports
        .iter()
        .map(|e| {
            (
                e.record.format.as_str(),
                e.record.path.as_str(),
                e.record.sha256.as_str(),
            )
        })
        .collect();
    assert_eq!(
        recorded,
        [
            ("html", html.to_str().unwrap(), html_sha.as_str()),
            ("csv", csv.to_str().unwrap(), csv_sha.as_str()),
        ]
    );
    // The exports are in the chain, which still holds.
    assert!(matches!(state.chain, review::ChainCheck::Intact { entries, .. } if entries == 7));
    // `history` lists them.
    let history = r.ws.run_db(&["history", "--json"]).expect_code(0).json();
    let listed: Vec<&str> = history["exports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["sha256"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [html_sha.as_str(), csv_sha.as_str()]);
    // The next report names the exports made before it.
    let (_, md, _) = r.export("md");
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains(&html_sha) && md.contains(&csv_sha), "{md}");
}

#[test]
fn the_json_report_is_the_audit_json_plus_the_review() {
    let r = reviewed_seeds();
    let (_, bytes, _) = r.export("json");
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.starts_with("{\n  \"schema_version\": 1,"),
        "schema_version first: {}",
        &text[..80]
    );
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["kind"], "audit_report");
    // The same documents and claims, field for field, as `audit --json`.
    assert_eq!(report["documents"], r.audit["documents"]);
    assert_eq!(report["claims"], r.audit["claims"]);
    assert_eq!(
        report["clusters"].as_array().unwrap().len(),
        r.audit["clusters"].as_array().unwrap().len()
    );
    // In review order: one section per corroboration class, echoes first,
    // each cluster in the section of its class.
    let rank = |s: &str| {
        ["echo", "unresolved", "corroborated", "single_document"]
            .iter()
            .position(|x| *x == s)
            .unwrap_or_else(|| panic!("section {s}"))
    };
    let sections: Vec<usize> = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c["section"], c["corroboration"], "{c}");
            rank(c["section"].as_str().unwrap())
        })
        .collect();
    assert!(sections.windows(2).all(|w| w[0] <= w[1]), "{sections:?}");
    let who = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == r.who.as_str())
        .unwrap();
    assert_eq!(who["verdict"]["verdict"], "single_source");
    assert_eq!(who["verdict"]["reviewer"], "Dana Reviewer");
    assert_eq!(who["verdict"]["note"], WHO_NOTE);
    assert_eq!(report["corpus"]["last_verification"]["result"], "matched");
    assert_eq!(report["review"]["chain"]["status"], "intact");
    assert_eq!(report["review"]["sessions"][0]["reviewer"], "Dana Reviewer");
}

#[test]
fn the_csv_reads_back_in_pythons_csv_module_one_row_per_claim() {
    let r = reviewed_seeds();
    let (path, bytes, _) = r.export("csv");
    assert!(bytes.starts_with("\u{feff}cluster,claim,".as_bytes()));
    assert!(
        bytes.windows(2).any(|w| w == b"\r\n"),
        "RFC 4180 lines end in CRLF"
    );
    let out = Command::new(python())
        .args([
            "-c",
            "import csv, json, sys\n\
             with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    \
                 print(json.dumps(list(csv.DictReader(f))))",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let claims = r.audit["claims"].as_array().unwrap();
    assert_eq!(rows.len(), claims.len(), "one row per claim");
    for c in claims {
        let row = rows.iter().find(|row| row["claim"] == c["id"]).unwrap();
        // Text with commas and quotes survives; only a leading formula
        // character gains the documented guard.
        let text = c["text"].as_str().unwrap();
        let cell = row["text"].as_str().unwrap();
        assert!(
            cell == text || (cell == format!("'{text}") && text.starts_with(['=', '+', '-', '@']))
        );
        assert_eq!(row["document"], c["document"]);
        assert_eq!(row["cluster"], c["cluster"]);
    }
    let wire = rows
        .iter()
        .find(|row| row["cluster"] == r.wire.as_str())
        .unwrap();
    assert_eq!(wire["verdict"], "disputed");
    assert_eq!(wire["single_source"], "yes");
    // The note starts with `=`: a spreadsheet would run it as a formula.
    assert_eq!(wire["note"], format!("'{WIRE_NOTE}"));
    let sha = &r.audit["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "001_58bcf51014b2217e.txt")
        .unwrap()["sha256"];
    assert_eq!(&wire["sha256"], sha);
}

#[test]
fn claimreview_names_the_reviewed_claims_and_where_they_appeared() {
    let r = reviewed_seeds();
    let (_, bytes, _) = r.export("claimreview");
    let doc: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["@context"], "https://schema.org");
    let reviews = doc["@graph"].as_array().unwrap();
    assert_eq!(reviews.len(), 2, "two clusters carry a verdict");
    let who = reviews
        .iter()
        .find(|v| v["identifier"] == r.who.as_str())
        .unwrap();
    assert_eq!(who["@type"], "ClaimReview");
    assert!(who["claimReviewed"].as_str().unwrap().contains("1,093"));
    assert_eq!(
        who["reviewRating"]["alternateName"],
        "Single source — needs a second source"
    );
    assert_eq!(who["author"]["name"], "Dana Reviewer");
    assert_eq!(who["itemReviewed"]["@type"], "Claim");
    assert_eq!(
        who["itemReviewed"]["author"]["name"],
        "World Health Organization"
    );
    let appearances: Vec<&str> = who["itemReviewed"]["appearance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["@id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = ["000_55ace46797fde52c.txt", "002_2f99136e3ac0f3d2.txt"]
        .iter()
        .map(|f| format!("urn:sha256:{}", sha256sum(&r.corpus.join(f))))
        .collect();
    assert_eq!(appearances, expected);
    assert!(
        regex::Regex::new(r"^\d{4}-\d{2}-\d{2}$")
            .unwrap()
            .is_match(who["datePublished"].as_str().unwrap())
    );
}

#[test]
fn annotations_point_at_the_exact_bytes_by_hash_and_quote() {
    let r = reviewed_seeds();
    let (_, bytes, _) = r.export("annotations");
    let doc: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    let mut quotes = 0;
    for item in items {
        assert_eq!(item["type"], "Annotation");
        for t in item["target"].as_array().unwrap() {
            let source = t["source"].as_str().unwrap();
            // The source names a file of the corpus by its bytes.
            let file = [
                "000_55ace46797fde52c.txt",
                "001_58bcf51014b2217e.txt",
                "002_2f99136e3ac0f3d2.txt",
                "004_f06e52af27d9ab42.txt",
            ]
            .iter()
            .map(|f| r.corpus.join(f))
            .find(|f| source == format!("urn:sha256:{}", sha256sum(f)))
            .unwrap_or_else(|| panic!("{source} is no file of the corpus"));
            let raw = std::fs::read(&file).unwrap();
            let Some(selectors) = t["selector"].as_array() else {
                continue;
            };
            let bytes = selectors
                .iter()
                .find(|s| s["type"] == "DataPositionSelector")
                .unwrap();
            let (s, e) = (
                bytes["start"].as_u64().unwrap() as usize,
                bytes["end"].as_u64().unwrap() as usize,
            );
            let quote = selectors
                .iter()
                .find(|s| s["type"] == "TextQuoteSelector")
                .unwrap();
            // exact is the text of those bytes; prefix and suffix the text around them.
            let text = std::str::from_utf8(&raw).unwrap();
            assert_eq!(quote["exact"], &text[s..e]);
            assert!(text[..s].ends_with(quote["prefix"].as_str().unwrap()));
            assert!(text[e..].starts_with(quote["suffix"].as_str().unwrap()));
            assert!(!quote["prefix"].as_str().unwrap().is_empty());
            quotes += 1;
        }
    }
    // 000 and 002 for the WHO figures, 001 (the sentence twice) for the wire.
    assert!(quotes >= 3, "{quotes} quoted targets");
    let note = items
        .iter()
        .find(|i| i["motivation"] == "commenting")
        .unwrap();
    assert_eq!(note["body"][0]["value"], DOC_NOTE);
    assert!(
        note["target"][0].get("selector").is_none(),
        "the whole file"
    );
}

#[test]
fn the_html_report_renders_in_chromium_with_article_markup_as_text() {
    let r = reviewed_seeds();
    let (path, bytes, _) = r.export("html");
    let html = String::from_utf8(bytes).unwrap();
    // Self-contained: nothing fetched from anywhere.
    for needle in ["<script", "<link", "<img", "<iframe", "@import", "url("] {
        assert!(!html.contains(needle), "the report holds {needle:?}");
    }
    let src = regex::Regex::new(r"<[^>]*\ssrc=").unwrap();
    assert!(!src.is_match(&html), "an element loads something");
    // Every link stays in the page and lands on something.
    let ids: HashSet<&str> = regex::Regex::new(r#" id="([^"]*)""#)
        .unwrap()
        .captures_iter(&html)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let hrefs = regex::Regex::new(r#"href="([^"]*)""#).unwrap();
    for h in hrefs.captures_iter(&html) {
        let target = h[1]
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("a link out of the report: {}", &h[1]));
        assert!(ids.contains(target), "a link to nothing: #{target}");
    }
    let url = format!("file://{}", path.display());
    let dom = chromium(&["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("Provenance audit"),
        "Chromium rendered nothing:\n{dom}"
    );
    // The article's markup and the reviewer's note are text, not elements.
    assert!(dom.contains("&lt;img src=x onerror=alert(1)&gt;"), "{dom}");
    assert!(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    assert!(!dom.contains("<img") && !dom.contains("<script"));
    // A provenance picture for the claim two outlets carry.
    assert!(dom.contains("<svg class=\"prov\""));

    let png = r.ws.path("out/report.png");
    let shot = chromium(&[
        "--window-size=1280,1600",
        &format!("--screenshot={}", png.display()),
        &url,
    ]);
    assert!(png.is_file(), "{}", String::from_utf8_lossy(&shot.stderr));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let pixels = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let dark = pixels
        .chunks(channels)
        .filter(|p| p[..3].iter().map(|&v| v as u32).sum::<u32>() < 3 * 128)
        .count();
    // Text covers a real share of the page: not a blank or error page.
    let share = dark as f64 / (info.width * info.height) as f64;
    assert!(share > 0.01, "only {share:.4} of the screenshot is dark");

    // Printed to PDF, the report runs to several pages.
    let pdf = r.ws.path("out/report.pdf");
    chromium(&[
        "--no-pdf-header-footer",
        &format!("--print-to-pdf={}", pdf.display()),
        &url,
    ]);
    let pdf = std::fs::read(&pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let pages = regex::bytes::Regex::new(r"/Type\s*/Page\b")
        .unwrap()
        .find_iter(&pdf)
        .count();
    assert!(pages >= 3, "{pages} pages");
}

#[test]
fn a_verdict_on_changed_bytes_is_marked_stale_and_left_out_of_claimreview() {
    let r = reviewed_seeds();
    // The wire copy changes after the review.
    let f = r.corpus.join("001_58bcf51014b2217e.txt");
    let mut text = std::fs::read_to_string(&f).unwrap();
    text.push_str("\nCorrection appended later.\n");
    std::fs::write(&f, text).unwrap();
    r.ws.run_db(&["audit", r.corpus.to_str().unwrap()])
        .expect_code(0);
    let run =
        r.ws.run_db(&[
            "export",
            "--format",
            "claimreview",
            "--out",
            r.ws.path("cr.jsonld").to_str().unwrap(),
        ])
        .expect_code(0);
    assert!(
        run.stdout.contains("1 stale verdicts left out"),
        "{}",
        run.stdout
    );
    let doc: Value =
        serde_json::from_slice(&std::fs::read(r.ws.path("cr.jsonld")).unwrap()).unwrap();
    let ids: Vec<&str> = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["identifier"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [r.who.as_str()]);
    let (_, md, _) = r.export("md");
    let md = String::from_utf8(md).unwrap();
    // The verdict follows the claim (same bytes, new cluster id) and says
    // it is stale.
    let line = md
        .lines()
        .find(|l| l.starts_with("**Verdict: disputed"))
        .unwrap_or_else(|| panic!("no disputed verdict in:\n{md}"));
    assert!(line.contains(&format!("cluster `{}`", r.wire)), "{line}");
    assert!(
        line.contains("**STALE**")
            && line.contains(r"001\_58bcf51014b2217e.txt: changed since the review"),
        "{line}"
    );
}

#[test]
fn reports_are_refused_inside_the_corpus_and_leave_nothing() {
    let r = reviewed_seeds();
    let before = tree_state(&r.corpus);
    let inside = r.corpus.join("report.html");
    let run =
        r.ws.run_db(&[
            "export",
            "--format",
            "html",
            "--out",
            inside.to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains("inside the corpus folder"),
        "{}",
        run.stderr
    );
    assert_eq!(tree_state(&r.corpus), before);
    let store = Store::open_existing(&r.ws.db()).unwrap();
    assert!(
        review::state(&store).unwrap().exports.is_empty(),
        "a refused export is not recorded"
    );
}

/// `audit --json` writes the claims and clusters while it reads them from
/// the store, one at a time: they must be the very lists, in the same
/// order, that the report built whole in memory holds (what the desktop
/// app and the exports read).
fn assert_written_as_read_is_whole(ws: &Workspace, audit: &Value) {
    let store = Store::open_existing(&ws.db()).unwrap();
    let whole = serde_json::to_value(
        provaudit::view::json::AuditReport::new(
            &store,
            &provaudit::ingest::IngestSummary::default(),
            &provaudit::outlets::registry::Registry::bundled(),
        )
        .unwrap(),
    )
    .unwrap();
    for list in ["documents", "claims", "clusters", "conflicts"] {
        assert!(
            !whole[list].as_array().unwrap().is_empty(),
            "{list}: nothing to compare"
        );
        assert_eq!(
            audit[list].as_array().unwrap().len(),
            whole[list].as_array().unwrap().len(),
            "{list}"
        );
        assert!(audit[list] == whole[list], "{list} differ");
    }
}

#[test]
fn audit_json_written_as_read_is_the_report_built_whole() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let audit = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_written_as_read_is_whole(&ws, &audit);
}

/// The 612 Helsinki articles (../shared/data, which CI has): every format
/// comes out of the CLI and reads back.
#[test]
fn the_helsinki_corpus_reports_come_out_of_the_cli_and_read_back() {
    let ws = Workspace::new();
    let Some((corpus, _)) = helsinki_corpus(&ws) else {
        return;
    };
    let audit = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let claims = audit["claims"].as_array().unwrap().len();
    assert_written_as_read_is_whole(&ws, &audit);
    // The finding a fact-checker came for leads: the Associated Press story
    // run by dozens of sites is an echo, first in the list; a sentence in
    // one article is a single-document claim.
    let clusters = audit["clusters"].as_array().unwrap();
    let first = &clusters[0];
    assert_eq!(first["corroboration"], "echo", "{first}");
    assert!(
        first["documents"].as_array().unwrap().len() >= 10,
        "{first}"
    );
    let groups = first["origin_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{first}");
    assert_eq!(groups[0]["name"], "Associated Press", "{first}");
    assert!(
        first["explanation"]
            .as_str()
            .unwrap()
            .contains("one origin (Associated Press)"),
        "{first}"
    );
    for c in clusters {
        let one = c["documents"].as_array().unwrap().len() == 1;
        assert_eq!(c["corroboration"] == "single_document", one, "{c}");
    }
    let out = |f: &str| ws.path(&format!("helsinki.{f}"));
    for format in ["html", "md", "json", "csv", "claimreview", "annotations"] {
        let run = ws
            .run_db(&[
                "export",
                "--format",
                format,
                "--out",
                out(format).to_str().unwrap(),
            ])
            .expect_code(0);
        assert!(
            run.stdout.contains(&sha256sum(&out(format))),
            "{format}: {}",
            run.stdout
        );
    }
    let json: Value = serde_json::from_slice(&std::fs::read(out("json")).unwrap()).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 612);
    assert_eq!(json["claims"], audit["claims"]);
    let rows = Command::new(python())
        .args([
            "-c",
            "import csv, sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8-sig'))))",
        ])
        .arg(out("csv"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&rows.stdout).trim(),
        claims.to_string()
    );
    for f in ["claimreview", "annotations"] {
        let _: Value = serde_json::from_slice(&std::fs::read(out(f)).unwrap()).unwrap();
    }
    let md = std::fs::read_to_string(out("md")).unwrap();
    assert!(md.starts_with("# Provenance audit — helsinki\n"));
    let documents_part = md
        .split("\n## Documents\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap();
    assert_eq!(
        documents_part.matches("\n| `row_").count(),
        612,
        "one row per document in the documents table"
    );
    let dom = chromium(&["--dump-dom", &format!("file://{}", out("html").display())]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("Documents (612)"),
        "the contents name 612 documents"
    );
    assert_eq!(
        dom.matches("<tr id=\"d-").count(),
        612,
        "every document in the rendered table"
    );
}

/// `export --only flagged`: what an editor must look at, with the documents
/// it rests on; nothing unflagged and unreviewed; the counts still over the
/// whole corpus, and the report says what it left out.
#[test]
fn a_flagged_only_report_holds_the_flagged_and_reviewed_claims_and_says_what_it_left_out() {
    let r = reviewed_seeds();
    let (_, full, _) = r.export("json");
    let full: Value = serde_json::from_slice(&full).unwrap();
    let out = r.ws.path("out/flagged.json");
    r.ws.run_db(&[
        "export",
        "--format",
        "json",
        "--only",
        "flagged",
        "--out",
        out.to_str().unwrap(),
    ])
    .expect_code(0);
    let flagged: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let ids = |v: &Value| -> Vec<String> {
        v["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    // Exactly the clusters of the full report that carry a finding or a
    // reviewer's word, in the same order.
    let expected: Vec<String> = full["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            c["corroboration"] == "echo"
                || c["single_primary"] == true
                || (c["single_alignment"] == true && c["documents"].as_array().unwrap().len() > 1)
                || c["conflicting"] == true
                || !c["verdict"].is_null()
                || !c["notes"].as_array().unwrap().is_empty()
        })
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids(&flagged), expected);
    assert!(expected.contains(&r.who) && expected.contains(&r.wire));
    assert!(expected.len() < ids(&full).len());
    assert_eq!(
        flagged["counts"], full["counts"],
        "counts are over the corpus"
    );
    let left = &flagged["only_flagged"];
    assert_eq!(
        left["clusters"].as_u64().unwrap() as usize,
        ids(&full).len() - expected.len()
    );
    // Every claim kept belongs to a kept cluster; every document kept is one
    // they rest on.
    for c in flagged["claims"].as_array().unwrap() {
        assert!(expected.contains(&c["cluster"].as_str().unwrap().to_owned()));
    }
    assert!(full["only_flagged"].is_null());

    // The HTML says so first.
    let html = r.ws.path("out/flagged.html");
    r.ws.run_db(&[
        "export",
        "--format",
        "html",
        "--only",
        "flagged",
        "--out",
        html.to_str().unwrap(),
    ])
    .expect_code(0);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("<strong>Flagged claims only.</strong>"),
        "{page}"
    );
    assert!(page.contains(&format!("{} other claims", left["clusters"])));

    // A manifest or a bag is every file: --only does not apply.
    let refused =
        r.ws.run_db(&[
            "export",
            "--format",
            "sha256sum",
            "--only",
            "flagged",
            "--out",
            r.ws.path("out/sums").to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(
        refused
            .stderr
            .contains("only the reports (html, md, json, csv)"),
        "{}",
        refused.stderr
    );
    assert!(!r.ws.path("out/sums").exists());
}

/// A file copied in after the audit makes the folder differ from the store:
/// `verify` says so in its exit code, and the audit report's last
/// verification says so too, counting the duplicate (it once said
/// "matched" and left duplicates out of its counts).
#[test]
fn the_reports_last_verification_agrees_with_verify_about_a_duplicate() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    std::fs::copy(
        corpus.join("000_55ace46797fde52c.txt"),
        corpus.join("copy-of-000.txt"),
    )
    .unwrap();
    let verify = ws
        .run_db(&["verify", corpus.to_str().unwrap()])
        .expect_code(1);
    assert!(
        verify.stdout.contains("duplicate  copy-of-000.txt"),
        "{}",
        verify.stdout
    );
    let out = ws.path("report.json");
    ws.run_db(&["export", "--format", "json", "--out", out.to_str().unwrap()])
        .expect_code(0);
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let last = &report["corpus"]["last_verification"];
    assert_eq!(last["result"], "discrepancies", "{last:#}");
    assert_eq!(last["duplicate"], 1, "{last:#}");
    let md = ws.path("report.md");
    ws.run_db(&["export", "--format", "md", "--out", md.to_str().unwrap()])
        .expect_code(0);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("**discrepancies found** — 5 ok, 0 modified, 0 missing, 0 new, 0 moved, 1 duplicate, 0 unreadable"),
        "{text}"
    );
}

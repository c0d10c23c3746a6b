//! The commands as the window calls them: through IPC, on the mock runtime,
//! against a temporary store holding a copy of the seeds, with the real
//! capability file in force.

use crate::{AppState, app, context};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use tauri::WebviewWindow;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds");

struct Fixture {
    dir: tempfile::TempDir,
    window: WebviewWindow<MockRuntime>,
    _app: tauri::App<MockRuntime>,
}

impl Fixture {
    /// The app with its store in a temp folder and a copy of the seeds there.
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        for entry in std::fs::read_dir(SEEDS).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), corpus.join(entry.file_name())).unwrap();
        }
        let state = AppState {
            db: Some(dir.path().join("stores/seeds.sqlite")),
            stores_dir: Some(dir.path().join("stores")),
            ..Default::default()
        };
        let app = app(mock_builder(), state).build(context()).unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Fixture {
            dir,
            window,
            _app: app,
        }
    }

    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: self.window.url().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn open(&self) -> Value {
        self.ok(
            "open_corpus",
            json!({"folder": self.corpus(), "onProgress": "__CHANNEL__:1"}),
        )
    }
}

/// The rows of one Documents page for `query` (`showAll` etc.).
fn page(f: &Fixture, query: Value, offset: u64, limit: u64) -> Value {
    f.ok(
        "documents_page",
        json!({"query": query, "offset": offset, "limit": limit}),
    )
}

fn paths(page: &Value) -> Vec<&str> {
    page["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect()
}

fn doc(f: &Fixture, path: &str) -> Value {
    let found = page(f, json!({"text": path, "showAll": true}), 0, 10);
    found["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == path)
        .cloned()
        .unwrap_or_else(|| panic!("{path} not in the store"))
}

#[test]
fn opening_the_seeds_reports_every_document_with_its_publisher() {
    let f = Fixture::new();
    let overview = f.open();
    // Counts, not the documents: those come a page at a time.
    assert!(overview.get("documents").is_none());
    assert_eq!(overview["totals"]["articles"], 5);
    assert_eq!(overview["totals"]["others"], 1, "the SHA256SUMS manifest");
    assert_eq!(overview["run"]["added"], 6);
    let d = doc(&f, "003_d3d53ad44076e59b.txt");
    assert_eq!(d["publisher"]["name"], "GlobalSecurity.org");
    assert_eq!(d["origin"]["name"], "Press TV");
    assert_eq!(d["alignment"]["state_affiliation"], "SC");
    assert_eq!(d["status"], Value::Null, "not verified yet");
    // The same overview, later, without reading the folder.
    let stored = f.ok("corpus_overview", json!({}));
    assert_eq!(stored["totals"], overview["totals"]);
    // The corpus is in the recent list.
    let recent = f.ok("recent_corpora", json!({}));
    assert_eq!(recent[0]["documents"], 6);
    assert!(recent[0]["root"].as_str().unwrap().ends_with("/corpus"));
}

#[test]
fn the_documents_table_is_sorted_filtered_and_paged_by_the_store() {
    let f = Fixture::new();
    f.open();
    // Articles only by default, in path order, a page at a time.
    let first = page(&f, json!({}), 0, 2);
    assert_eq!(first["total"], 5);
    assert_eq!(first["matching"], json!({"articles": 5, "others": 0}));
    assert_eq!(
        paths(&first),
        ["000_55ace46797fde52c.txt", "001_58bcf51014b2217e.txt"]
    );
    let rest = page(&f, json!({}), 2, 10);
    assert_eq!(rest["documents"].as_array().unwrap().len(), 3);
    assert_eq!(rest["offset"], 2);
    // The manifest only when asked for.
    let all = page(&f, json!({"showAll": true}), 0, 10);
    assert_eq!(all["matching"], json!({"articles": 5, "others": 1}));
    assert!(paths(&all).contains(&"SHA256SUMS"));
    // State-controlled origins: Press TV's two texts and Al Jazeera's
    // (seeds-expected.json: state-affiliated, and 003 a Press TV repost).
    let state = page(&f, json!({"affiliation": "state"}), 0, 10);
    assert_eq!(
        paths(&state),
        [
            "000_55ace46797fde52c.txt",
            "002_2f99136e3ac0f3d2.txt",
            "003_d3d53ad44076e59b.txt"
        ]
    );
    // Words in the publisher, any case.
    let found = page(&f, json!({"text": "globalsecurity"}), 0, 10);
    assert_eq!(paths(&found), ["003_d3d53ad44076e59b.txt"]);
    // Sorted by publisher, Z to A, unidentified ones last.
    let sorted = page(&f, json!({"sort": "publisher", "dir": "desc"}), 0, 10);
    let publishers: Vec<Option<&str>> = sorted["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["publisher"]["name"].as_str())
        .collect();
    assert_eq!(
        publishers,
        [
            Some("SMA News"),
            Some("Press TV"),
            Some("GlobalSecurity.org"),
            Some("Al Jazeera"),
            None
        ]
    );
    let err = f
        .call(
            "documents_page",
            json!({"query": {"sort": "size"}, "offset": 0, "limit": 10}),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid");
    assert!(err["message"].as_str().unwrap().contains("choose path"));
}

#[test]
fn commands_before_a_corpus_is_open_say_so() {
    let f = Fixture::new();
    let err = f.call("corpus_overview", json!({})).unwrap_err();
    assert_eq!(
        err,
        json!({"kind": "no_corpus", "message": "no corpus is open; open a folder of saved articles first"})
    );
    let err = f
        .call(
            "open_corpus",
            json!({"folder": f.dir.path().join("nope"), "onProgress": "__CHANNEL__:1"}),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "folder");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .ends_with("nope: no such folder; check the path")
    );
}

#[test]
fn a_document_opens_with_its_evidence_marked_and_can_be_corrected_by_hand() {
    let f = Fixture::new();
    f.open();
    let view = f.ok("document", json!({"path": "003_d3d53ad44076e59b.txt"}));
    let marked: Vec<(&str, &str)> = view["segments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["mark"].is_null())
        .map(|s| (s["mark"].as_str().unwrap(), s["text"].as_str().unwrap()))
        .collect();
    assert!(marked.contains(&("origin", "Iran Press TV")), "{marked:?}");
    let text: String = view["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let original = std::fs::read_to_string(f.corpus().join("003_d3d53ad44076e59b.txt")).unwrap();
    assert_eq!(text, original, "the segments are the whole text");

    let corrected = f.ok(
        "set_outlet",
        json!({"path": "004_f06e52af27d9ab42.txt", "field": "publisher", "value": "Reuters",
               "reviewer": "Dana", "note": "masthead in the saved page"}),
    );
    assert_eq!(corrected["document"]["publisher"]["name"], "Reuters");
    assert_eq!(corrected["document"]["publisher"]["manual"], true);
    assert_eq!(
        doc(&f, "004_f06e52af27d9ab42.txt")["publisher"]["manual"],
        true
    );

    let err = f.call("document", json!({"path": "nope.txt"})).unwrap_err();
    assert_eq!(err["kind"], "not_found");
    // A correction names a stored document and a field that can be set.
    let err = f
        .call(
            "set_outlet",
            json!({"path": "nope.txt", "field": "origin", "value": "Reuters", "reviewer": "Dana"}),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "not_found");
    let err = f
        .call(
            "set_outlet",
            json!({"path": "004_f06e52af27d9ab42.txt", "field": "alignment", "value": "SC", "reviewer": "Dana"}),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("only publisher and origin")
    );
}

#[test]
fn a_review_session_records_a_verdict_that_goes_stale_when_the_file_changes() {
    let f = Fixture::new();
    f.open();
    let session = f.ok(
        "start_session",
        json!({"reviewer": "Dana", "title": "Libya"}),
    );
    let id = session["id"].as_i64().unwrap();
    let note = f.ok(
        "record_annotation",
        json!({"sessionId": id, "targetKind": "document", "targetId": "000_55ace46797fde52c.txt",
               "verdict": "single_source", "note": "only Press TV", "spans": []}),
    );
    assert_eq!(note["verdict"], "single_source");
    assert_eq!(note["stale"], false);

    let verified = f.ok("verify", json!({"onProgress": "__CHANNEL__:2"}));
    assert_eq!(verified["all_ok"], true);
    std::fs::write(f.corpus().join("000_55ace46797fde52c.txt"), "changed").unwrap();
    let verified = f.ok("verify", json!({"onProgress": "__CHANNEL__:3"}));
    assert_eq!(verified["counts"]["modified"], 1);
    let modified = page(&f, json!({"status": "modified"}), 0, 10);
    assert_eq!(paths(&modified), ["000_55ace46797fde52c.txt"]);
    assert_eq!(modified["documents"][0]["status"], "modified");
    let by_status = page(&f, json!({"sort": "status"}), 0, 10);
    let statuses: Vec<&str> = by_status["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["modified", "ok", "ok", "ok", "ok"]);
    assert_eq!(page(&f, json!({"status": "unverified"}), 0, 10)["total"], 0);
    let view = f.ok("document", json!({"path": "000_55ace46797fde52c.txt"}));
    assert_eq!(view["status"], "modified");
    let overview = f.ok("corpus_overview", json!({}));
    assert_eq!(overview["totals"]["statuses"]["modified"], 1);
    assert_eq!(overview["totals"]["statuses"]["ok"], 5);
    let history = f.ok("history", json!({}));
    assert_eq!(history["verifications"].as_array().unwrap().len(), 2);

    let state = f.ok("review_state", json!({}));
    let verdict = &state["verdicts"]["document:000_55ace46797fde52c.txt"];
    assert_eq!(verdict["stale"], true);
    assert_eq!(state["chain"]["status"], "intact");
    assert_eq!(state["chain"]["entries"], 2);

    f.ok("close_session", json!({"id": id}));
    let err = f
        .call(
            "record_annotation",
            json!({"sessionId": id, "targetKind": "document", "targetId": "000_55ace46797fde52c.txt",
                   "note": "late", "spans": []}),
        )
        .unwrap_err();
    assert_eq!(
        err,
        json!({"kind": "review", "message": format!("review session {id} is closed; resume it or start a new one")})
    );
    let err = f
        .call(
            "record_annotation",
            json!({"sessionId": id, "targetKind": "claim", "targetId": "x", "spans": []}),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid");
}

#[test]
fn export_writes_the_seeds_manifest_and_never_into_the_corpus() {
    let f = Fixture::new();
    f.open();
    let out = f.dir.path().join("seeds.sha256");
    let done = f.ok(
        "export",
        json!({"format": "sha256sum", "out": out, "onProgress": "__CHANNEL__:4"}),
    );
    assert_eq!(done["files"], 6);
    let manifest = std::fs::read_to_string(&out).unwrap();
    let seeds_sums = std::fs::read_to_string(Path::new(SEEDS).join("SHA256SUMS")).unwrap();
    for line in seeds_sums.lines() {
        let (sha, name) = line.split_once(char::is_whitespace).unwrap();
        let name = name.trim_start_matches([' ', '*']);
        assert!(
            manifest.contains(&format!("{sha}  {name}")),
            "{name} in the manifest"
        );
    }
    let err = f
        .call(
            "export",
            json!({"format": "sha256sum", "out": f.corpus().join("x.sha256"), "onProgress": "__CHANNEL__:5"}),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "export");
    assert!(err["message"].as_str().unwrap().contains("never written"));
}

/// The claims screens read pages, so a store of two million claims opens at
/// once: the opening report carries no claims; the overview counts them; a
/// page holds the clusters in list order; a detail holds one cluster's claims.
#[test]
fn claims_come_a_page_at_a_time_with_the_counts_and_one_cluster_in_full() {
    let f = Fixture::new();
    let opened = f.open();
    for key in ["claims", "clusters", "documents"] {
        assert!(opened.get(key).is_none(), "the overview carries no {key}");
    }
    // The same store read whole, as `audit --json` would print it.
    let store =
        provaudit::store::Store::open_existing(&f.dir.path().join("stores/seeds.sqlite")).unwrap();
    let full = provaudit::view::json::claims_section(&store).unwrap();
    drop(store);

    let overview = f.ok("claims_overview", json!({}));
    assert!(
        !overview["conflicts"].as_array().unwrap().is_empty(),
        "conflicts are few: they come with the counts"
    );
    let t = &overview["totals"];
    assert_eq!(t["claims"], full.claims.len());
    assert_eq!(t["clusters"], full.clusters.len());
    assert_eq!(
        t["single_source"],
        full.clusters.iter().filter(|c| c.single_source).count()
    );
    let single_claims: usize = full
        .clusters
        .iter()
        .filter(|c| c.single_source)
        .map(|c| c.claims.len())
        .sum();
    assert_eq!(t["single_source_claims"], single_claims);

    // Two pages of 10 are the first 20 of the list, in the list's order.
    let page = |flags: Value, review: &str, offset: u64, limit: u64| {
        f.ok(
            "claims_page",
            json!({"flags": flags, "review": review, "offset": offset, "limit": limit}),
        )
    };
    let first = page(json!([]), "all", 0, 10);
    let second = page(json!([]), "all", 10, 10);
    assert_eq!(first["total"], full.clusters.len());
    let ids: Vec<&str> = first["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second["clusters"].as_array().unwrap())
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = full
        .clusters
        .iter()
        .take(20)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, expected);
    // Each item names its first claim and how many claims it holds.
    let item = &first["clusters"][0];
    let cluster = full
        .clusters
        .iter()
        .find(|c| c.id == item["id"].as_str().unwrap())
        .unwrap();
    assert_eq!(item["claim_count"], cluster.claims.len());
    let first_claim = full
        .claims
        .iter()
        .find(|c| c.cluster == cluster.id)
        .unwrap();
    assert_eq!(item["text"], first_claim.text.as_str());

    // A flag filter: every single-source cluster, none other.
    let single = page(json!(["single_source"]), "all", 0, 1000);
    assert_eq!(single["total"], t["single_source"]);
    assert!(
        single["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["single_source"] == true)
    );

    // A review filter: a verdict moves its cluster from unreviewed to reviewed.
    let session = f.ok("start_session", json!({"reviewer": "Dana", "title": ""}));
    let detail = f.ok("cluster_detail", json!({"id": item["id"]}));
    assert_eq!(
        detail["members"].as_array().unwrap().len(),
        cluster.claims.len()
    );
    // With the documents its claims are in (the provenance picture draws
    // their publishers and origins), once each.
    let mut in_docs: Vec<&str> = detail["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["document"].as_str().unwrap())
        .collect();
    in_docs.sort();
    in_docs.dedup();
    let docs: Vec<&str> = detail["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(docs, in_docs);
    assert!(detail["documents"][0]["sha256"].as_str().unwrap().len() == 64);
    let spans: Vec<Value> = detail["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| json!({"path": m["document"], "start": m["start"], "end": m["end"]}))
        .collect();
    f.ok(
        "record_annotation",
        json!({"sessionId": session["id"], "targetKind": "cluster", "targetId": item["id"],
        "verdict": "single_source", "note": null, "spans": spans}),
    );
    let reviewed = page(json!([]), "reviewed", 0, 10);
    assert_eq!(reviewed["total"], 1);
    assert_eq!(reviewed["clusters"][0]["id"], item["id"]);
    let unreviewed = page(json!([]), "unreviewed", 0, 1000);
    assert_eq!(unreviewed["total"], full.clusters.len() - 1);
    assert!(
        unreviewed["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["id"] != item["id"])
    );
    assert_eq!(page(json!([]), "stale", 0, 10)["total"], 0);

    // A claim id finds its cluster; an unknown id is not found.
    let by_claim = f.ok("cluster_detail", json!({"id": first_claim.id}));
    assert_eq!(by_claim["cluster"]["id"], cluster.id.as_str());
    assert_eq!(
        f.call("cluster_detail", json!({"id": "c-nope"}))
            .unwrap_err()["kind"],
        "not_found"
    );
    assert_eq!(
        f.call(
            "claims_page",
            json!({"flags": [], "review": "maybe", "offset": 0, "limit": 1})
        )
        .unwrap_err()["kind"],
        "invalid"
    );
}

#[test]
fn a_report_export_names_its_hash_and_enters_the_session_and_the_log() {
    let f = Fixture::new();
    f.open();
    let session = f.ok("start_session", json!({"reviewer": "Dana", "title": ""}));
    let id = session["id"].as_i64().unwrap();
    let out = f.dir.path().join("seeds-report.html");
    let done = f.ok(
        "export",
        json!({"format": "html", "out": out, "sessionId": id, "onProgress": "__CHANNEL__:6"}),
    );
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(done["what"], "HTML report");
    assert_eq!(done["sha256"], provaudit::fingerprint::sha256_hex(&bytes));
    assert_eq!(done["size"], bytes.len() as u64);
    assert!(
        String::from_utf8(bytes)
            .unwrap()
            .contains("000_55ace46797fde52c.txt")
    );
    let state = f.ok("review_state", json!({}));
    let exports = state["exports"].as_array().unwrap();
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0]["format"], "html");
    assert_eq!(exports[0]["session_id"], id);
    assert_eq!(exports[0]["sha256"], done["sha256"]);
    assert_eq!(exports[0]["seq"], done["log_seq"]);
    let err = f
        .call(
            "export",
            json!({"format": "pdf", "out": out, "onProgress": "__CHANNEL__:7"}),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid");
    assert!(err["message"].as_str().unwrap().contains("claimreview"));
}

#[test]
fn only_one_long_task_runs_at_a_time_and_cancel_reaches_it() {
    let state = AppState::default();
    let job = state.begin_job().unwrap();
    assert_eq!(state.begin_job().err().unwrap().kind, "busy");
    assert!(state.cancel_job());
    assert!(job.flag().load(std::sync::atomic::Ordering::Relaxed));
    drop(job);
    assert!(!state.cancel_job());
    assert!(state.begin_job().is_ok());
}

/// The capability file grants exactly the commands `build.rs` declares, the
/// two dialogs and drag-and-drop events: no shell, no file system plugin.
#[test]
fn the_capability_lists_exactly_what_the_window_may_call() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cap: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("capabilities/default.json")).unwrap(),
    )
    .unwrap();
    let mut granted: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let build = std::fs::read_to_string(dir.join("build.rs")).unwrap();
    let list = build
        .split_once("const COMMANDS: &[&str] = &[")
        .unwrap()
        .1
        .split_once("];")
        .unwrap()
        .0;
    let mut expected: Vec<String> = list
        .split(',')
        .map(|s| s.trim().trim_matches('"'))
        .filter(|s| !s.is_empty())
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    expected.extend(
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "dialog:allow-open",
            "dialog:allow-save",
        ]
        .map(String::from),
    );
    granted.sort();
    expected.sort();
    assert_eq!(granted, expected);
    let conf: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("tauri.conf.json")).unwrap())
            .unwrap();
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["script-src"], "'self'", "no inline or remote script");
    assert_eq!(csp["default-src"], "'self'", "no remote content");
}

/// The search boxes: a phrase from a seed found in the documents' text and
/// in the claims, a page at a time; an unknown scope or a query without a
/// word is an error the window shows.
#[test]
fn the_search_command_finds_a_phrase_in_documents_and_claims() {
    let f = Fixture::new();
    f.open();
    let docs = f.ok(
        "search",
        json!({"query": "\"at least 1,093\"", "scope": "documents", "offset": 0, "limit": 1}),
    );
    assert_eq!(docs["claims"], Value::Null);
    assert_eq!(docs["documents"]["total"], 2, "{docs}");
    let first = &docs["documents"]["results"][0];
    assert_eq!(docs["documents"]["results"].as_array().unwrap().len(), 1);
    let raw = std::fs::read(f.corpus().join(first["document"].as_str().unwrap())).unwrap();
    let (s, e) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&raw[s..e], b"at least 1,093");
    let next = f.ok(
        "search",
        json!({"query": "\"at least 1,093\"", "scope": "documents", "offset": 1, "limit": 1}),
    );
    assert_ne!(
        next["documents"]["results"][0]["document"], first["document"],
        "the second page holds the other document"
    );
    let claims = f.ok(
        "search",
        json!({"query": "world health organization", "scope": "claims", "offset": 0, "limit": 50}),
    );
    assert_eq!(claims["claims"]["total"], 2, "{claims}");
    let bad = f
        .call(
            "search",
            json!({"query": "x", "scope": "everything", "offset": 0, "limit": 5}),
        )
        .unwrap_err();
    assert_eq!(bad["kind"], "invalid");
    let empty = f
        .call(
            "search",
            json!({"query": " \"\" ", "scope": "claims", "offset": 0, "limit": 5}),
        )
        .unwrap_err();
    assert!(
        empty["message"].as_str().unwrap().contains("holds no word"),
        "{empty}"
    );
}

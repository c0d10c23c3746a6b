//! Claims: what a careful reviewer concludes about the seeds
//! (tests/data/seeds-expected.json), the matching of reworded claims, and the
//! clustering figures on hand-labelled Helsinki cases.

use crate::support::*;
use serde_json::{Value, json};
use std::collections::HashSet;

#[path = "../../src/bin/bench/eval.rs"]
#[allow(dead_code)]
mod eval;

fn expected() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/seeds-expected.json"
        ))
        .unwrap(),
    )
    .unwrap()
}

/// The claim of `file` whose sentence holds `phrase`.
fn claim_with<'a>(report: &'a Value, file: &str, phrase: &str) -> &'a Value {
    let found: Vec<&Value> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["document"] == file && c["text"].as_str().unwrap().contains(phrase))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{file}: claims holding {phrase:?}: {found:#?}"
    );
    found[0]
}

fn cluster<'a>(report: &'a Value, id: &Value) -> &'a Value {
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| &c["id"] == id)
        .unwrap()
}

#[test]
fn seeds_claims_rest_on_the_sources_a_reviewer_expects() {
    let ws = Workspace::new();
    let report = ws.run_db(&["audit", SEEDS, "--json"]).expect_code(0).json();
    for want in expected()["claims"].as_array().unwrap() {
        let name = want["name"].as_str().unwrap();
        let phrases = want["phrases"].as_object().unwrap();
        let clusters: HashSet<String> = phrases
            .iter()
            .map(|(file, phrase)| {
                claim_with(&report, file, phrase.as_str().unwrap())["cluster"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        if want["same_cluster"] == true {
            assert_eq!(clusters.len(), 1, "{name}: split across {clusters:?}");
        }
        let c = cluster(
            &report,
            &Value::from(clusters.iter().next().unwrap().clone()),
        );
        if let Some(n) = want["independent_origins"].as_u64() {
            assert_eq!(c["independent_origins"], n, "{name}: {}", c["explanation"]);
        }
        for flag in ["single_source", "single_primary"] {
            if let Some(v) = want[flag].as_bool() {
                assert_eq!(c[flag], v, "{name}: {flag}: {}", c["explanation"]);
            }
        }
        if let Some(primary) = want["primary_source"].as_str() {
            assert_eq!(c["primary_sources"], serde_json::json!([primary]), "{name}");
            assert!(
                c["explanation"].as_str().unwrap().contains(primary),
                "{name}: {}",
                c["explanation"]
            );
        }
        if let Some(origin) = want["origin"].as_str() {
            let names: Vec<&str> = c["origin_groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g["name"].as_str().unwrap())
                .collect();
            assert_eq!(names, [origin], "{name}");
        }
    }
    // The 510 figure is one claim although 001 carries its body twice.
    let in_001 = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            c["document"] == "001_58bcf51014b2217e.txt"
                && c["text"].as_str().unwrap().contains("at least 510 people")
        })
        .count();
    assert_eq!(in_001, 1);
    // The explanation of a repost names the republisher and the evidence.
    let troops = claim_with(&report, "003_d3d53ad44076e59b.txt", "deployed 35 troops");
    let why = cluster(&report, &troops["cluster"])["explanation"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        why.contains("GlobalSecurity.org reposting Press TV (‘Iran Press TV’, line 5)"),
        "{why}"
    );
}

#[test]
fn conflicting_figures_are_shown_side_by_side() {
    let ws = Workspace::new();
    let report = ws.run_db(&["audit", SEEDS, "--json"]).expect_code(0).json();
    for want in expected()["conflicting_figures"].as_array().unwrap() {
        let values = want["values"].as_object().unwrap();
        let conflict = report["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| {
                values.iter().all(|(file, v)| {
                    c["values"].as_array().unwrap().iter().any(|x| {
                        x["document"] == file.as_str() && x["value"].as_f64() == v.as_f64()
                    })
                })
            })
            .unwrap_or_else(|| {
                panic!(
                    "no conflict holding {values:?} in {:#}",
                    report["conflicts"]
                )
            });
        assert_eq!(conflict["quantity"], "people killed");
        for id in conflict["clusters"].as_array().unwrap() {
            assert_eq!(cluster(&report, id)["conflicting"], true);
        }
    }
    let human = ws.run_db(&["claims"]).expect_code(0);
    assert!(
        human
            .stdout
            .contains("Conflicting figures for people killed:"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("‘at least 510 people’"),
        "{}",
        human.stdout
    );
}

#[test]
fn every_claim_is_in_exactly_one_cluster_and_ids_are_stable() {
    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    let dir = corpus.to_str().unwrap();
    let first = ws.run_db(&["audit", dir, "--json"]).expect_code(0).json();
    let claims = first["claims"].as_array().unwrap();
    let mut seen = HashSet::new();
    for c in first["clusters"].as_array().unwrap() {
        for k in c["claims"].as_array().unwrap() {
            assert!(
                seen.insert(k.as_str().unwrap().to_owned()),
                "{k} in two clusters"
            );
        }
    }
    assert_eq!(seen.len(), claims.len());
    // A new document leaves the ids of the others' claims and clusters alone.
    std::fs::write(
        corpus.join("new.txt"),
        "The UN envoy Ghassan Salame said on Monday that talks would resume in Geneva next week.\n",
    )
    .unwrap();
    let second = ws.run_db(&["audit", dir, "--json"]).expect_code(0).json();
    let ids = |r: &Value, key: &str| -> HashSet<String> {
        r[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(ids(&first, "claims").is_subset(&ids(&second, "claims")));
    assert!(ids(&first, "clusters").is_subset(&ids(&second, "clusters")));
}

#[test]
fn reworded_claims_meet_and_different_figures_do_not() {
    let ws = Workspace::new();
    let report = ws.run_db(&["audit", SEEDS, "--json"]).expect_code(0).json();
    // Hand-labelled in the seeds: the same background sentence in other words…
    let a = claim_with(
        &report,
        "000_55ace46797fde52c.txt",
        "wracked by chaos since the 2011 uprising",
    );
    let b = claim_with(
        &report,
        "002_2f99136e3ac0f3d2.txt",
        "mired in chaos and violence",
    );
    assert_eq!(a["cluster"], b["cluster"]);
    // …and two casualty counts that must stay apart.
    let who = claim_with(&report, "000_55ace46797fde52c.txt", "at least 1,093 people");
    let reuters = claim_with(&report, "001_58bcf51014b2217e.txt", "at least 510 people");
    let un = claim_with(
        &report,
        "003_d3d53ad44076e59b.txt",
        "More than 1,000 people",
    );
    assert_ne!(who["cluster"], reuters["cluster"]);
    assert_ne!(who["cluster"], un["cluster"]);
    // Quantities keep their qualifier, unit and event.
    let q = &who["quantities"][0];
    assert_eq!(
        (
            q["value"].as_f64(),
            q["qualifier"].as_str(),
            q["unit"].as_str(),
            q["event"].as_str()
        ),
        (
            Some(1093.0),
            Some("at least"),
            Some("people"),
            Some("killed")
        )
    );
    // The claim keeps the acronym its text gave the body; the cluster
    // names the body.
    assert_eq!(who["attribution"], "World Health Organization (WHO)");
    let quote = claim_with(
        &report,
        "003_d3d53ad44076e59b.txt",
        "our fight against terrorist organizations",
    );
    assert_eq!(
        (quote["kind"].as_str(), quote["speaker"].as_str()),
        (Some("quote"), Some("al-Mesmari"))
    );
}

#[test]
fn the_cli_lists_single_source_claims_and_shows_one_side_by_side() {
    let ws = Workspace::new();
    let report = ws.run_db(&["audit", SEEDS, "--json"]).expect_code(0).json();
    let listed = ws
        .run_db(&["claims", "--single-source", "--json"])
        .expect_code(0)
        .json();
    let total = report["clusters"].as_array().unwrap().len();
    let single: Vec<&Value> = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["single_source"] == true)
        .collect();
    assert_eq!(listed["counts"]["clusters"], total);
    assert_eq!(listed["counts"]["single_source"], single.len());
    assert_eq!(listed["clusters"].as_array().unwrap().len(), single.len());
    // The summary leads with echoes, then the other classes, each counted
    // from what the JSON says of the clusters' documents and origins.
    let clusters = report["clusters"].as_array().unwrap();
    let of = |class: &str| {
        clusters
            .iter()
            .filter(|c| c["corroboration"] == class)
            .count()
    };
    let summary = ws.run_db(&["audit", SEEDS]).expect_code(0);
    assert!(
        summary.stdout.contains(&format!(
            "{} claims in {total} clusters: no claim looks corroborated while resting on one source; {} claims appear in one document only; {} corroborated; {} unresolved (corroboration depends on documents of unknown origin)",
            report["claims"].as_array().unwrap().len(),
            of("single_document"),
            of("corroborated"),
            of("unresolved"),
        )),
        "{}",
        summary.stdout
    );
    // Without --all, 20 claims of a class and how to see the rest.
    let human = ws.run_db(&["claims", "--single-source"]).expect_code(0);
    let sd = of("single_document");
    assert!(sd > 20, "the seeds hold more than 20 one-document claims");
    assert!(
        human.stdout.contains(&format!(
            "== single document ({sd}): stated in one document only"
        )) && human.stdout.contains(&format!(
            "… and {} more single document: `provaudit claims --class single-document`",
            sd - 20
        )),
        "{}",
        human.stdout
    );
    assert_eq!(human.stdout.matches("  [single document").count(), 20);
    assert!(
        !human.stdout.contains("== corroborated"),
        "{}",
        human.stdout
    );
    let every = ws
        .run_db(&["claims", "--class", "single-document"])
        .expect_code(0);
    assert_eq!(every.stdout.matches("  [single document").count(), sd);
    assert!(!every.stdout.contains("more single document"));
    // --verbose lists every document of a corroborated claim with its evidence.
    let verbose = ws
        .run_db(&["claims", "--class", "corroborated", "--verbose"])
        .expect_code(0);
    assert!(
        verbose
            .stdout
            .contains("003_d3d53ad44076e59b.txt  Press TV — ")
            && verbose.stdout.contains("‘Iran Press TV’, line 5"),
        "{}",
        verbose.stdout
    );
    // A class the corpus has none of says so.
    let echoes = ws.run_db(&["claims", "--class", "echo"]).expect_code(0);
    assert!(
        echoes.stdout.contains(
            "No claim of this kind: none is echo (looks corroborated, is not: several documents, all from one origin)."
        ),
        "{}",
        echoes.stdout
    );
    let wrong = ws.run_db(&["claims", "--class", "echoes"]).expect_code(2);
    assert!(
        wrong
            .stderr
            .contains("echo, unresolved, corroborated, single-document"),
        "{}",
        wrong.stderr
    );

    let who = claim_with(&report, "002_2f99136e3ac0f3d2.txt", "at least 1,093 people");
    let shown = ws
        .run_db(&["show", who["id"].as_str().unwrap()])
        .expect_code(0);
    assert!(
        shown
            .stdout
            .contains("[corroborated, single primary source, conflicting figures]"),
        "{}",
        shown.stdout
    );
    assert!(
        shown.stdout.contains("000_55ace46797fde52c.txt line 22"),
        "{}",
        shown.stdout
    );
    assert!(
        shown.stdout.contains("002_2f99136e3ac0f3d2.txt line 18"),
        "{}",
        shown.stdout
    );
    assert!(
        shown.stdout.contains("in common: 1,093, 120,000, 5,752"),
        "{}",
        shown.stdout
    );

    // A mistyped id is named as an id, with what ids look like, never as
    // a missing file.
    let wrong = ws.run_db(&["show", "c-8a5db949"]).expect_code(2);
    assert!(
        wrong.stderr.contains("no claim or cluster c-8a5db949")
            && wrong.stderr.contains("12 hex digits")
            && !wrong.stderr.contains("no such file"),
        "{}",
        wrong.stderr
    );
    // Every --json says what it does.
    for command in ["claims", "show", "history"] {
        let help = ws.run(&[command, "--help"]).expect_code(0);
        assert!(
            help.stdout
                .contains("Print one JSON document instead of text"),
            "{command}: {}",
            help.stdout
        );
    }
}

/// The hand-labelled Helsinki cases (eval/helsinki-claim-groups.json) held to
/// a floor below the measured figures (docs/benchmarks.md). The articles are
/// read from ../shared/data, which CI has; elsewhere the test says so and stops.
#[test]
fn hand_labelled_helsinki_cases_cluster_with_high_precision() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(articles) = helsinki_articles() else {
        return;
    };
    let e = eval::claims(&articles, &root.join("eval/helsinki-claim-groups.json")).unwrap();
    // The first 25 negatives were labelled with the groups; 26-40, 41-55,
    // 56-57 and 58-63 are different claims the matcher had merged, found by
    // judging random clusters it called corroborated (stops 25-26, 28, 29
    // and 35). Since stop 29's coverage and setting rules, none of the
    // first 40 and 2 of the first 57 are joined; the 6 added at stop 35
    // were all still joined, which took precision from 0.97 to 0.90
    // (docs/benchmarks.md). Since stop 37's demonyms ("Russian" names
    // Russia) one of the 6 is apart (the Mastung bombing's place and its
    // claimant), and since its rule for sentences resting on an earlier
    // one ("a letter to that effect", "raise the issue") two more (the
    // letter, and Paul on "the issue" among the first 57), and since its
    // opening "As …," setting one more (the collusion probe "hovering over
    // Helsinki" and Cornyn's remark): 5 of 63, precision 0.94; and since
    // a statement and its denial are two claims, two more ("Trump has
    // never condemned Russia" with "Trump intends to raise the meddling";
    // "friend or enemy"): 3 of 63, precision 0.96 (71 of 200 found, 2
    // fewer). None more may be.
    assert!(e.precision() >= 0.95, "precision {:.2}", e.precision());
    assert!(e.recall() >= 0.3, "recall {:.2}", e.recall());
    let joined_before = |n: usize| e.joined_negatives.iter().filter(|k| **k < n).count();
    assert!(
        joined_before(25) == 0,
        "{} of the first 25 labelled negatives joined",
        joined_before(25)
    );
    assert!(
        joined_before(40) == 0,
        "{} of the first 40 labelled negatives joined",
        joined_before(40)
    );
    assert!(
        joined_before(57) <= 1,
        "{} of the first 57 labelled negatives joined",
        joined_before(57)
    );
    assert!(
        e.negatives_joined <= 3,
        "{} labelled negatives joined",
        e.negatives_joined
    );
}

/// Counts progress steps.
#[derive(Default)]
struct Steps(std::sync::atomic::AtomicU64, std::sync::Mutex<Vec<String>>);

impl provaudit::progress::Progress for Steps {
    fn start(&self, stage: &str, _files: u64, _bytes: u64) {
        self.1.lock().unwrap().push(stage.to_owned());
    }
    fn advance(&self, _bytes: u64) {
        self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

#[test]
fn a_cancelled_analysis_keeps_the_last_complete_one_and_progress_is_reported() {
    use provaudit::outlets::registry::Registry;
    use provaudit::pipeline;
    use provaudit::progress::Control;
    use provaudit::store::Store;
    use std::sync::atomic::AtomicBool;

    let ws = Workspace::new();
    let corpus = ws.seed_corpus();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let mut store = Store::open_existing(&ws.db()).unwrap();
    let before: Vec<String> = store.claims().unwrap().into_iter().map(|c| c.key).collect();

    // New text arrives, then its analysis is cancelled.
    std::fs::write(
        corpus.join("new.txt"),
        "The UN envoy said on Monday that talks would resume in Geneva next week.\n",
    )
    .unwrap();
    provaudit::ingest::ingest(&mut store, &corpus, Default::default(), &Control::none()).unwrap();
    let registry = Registry::bundled();
    let steps = Steps::default();
    let cancel = AtomicBool::new(true);
    let control = Control {
        progress: &steps,
        cancel: &cancel,
    };
    let result = pipeline::reanalyse_with(&mut store, &registry, Default::default(), &control);
    assert!(
        matches!(result, Err(provaudit::ingest::IngestError::Cancelled)),
        "{result:?}"
    );
    let after: Vec<String> = store.claims().unwrap().into_iter().map(|c| c.key).collect();
    assert_eq!(
        after, before,
        "a cancelled analysis must not change the stored claims"
    );

    // Not cancelled: the claims stage reports one step per document.
    let cancel = AtomicBool::new(false);
    let control = Control {
        progress: &steps,
        cancel: &cancel,
    };
    pipeline::reanalyse_with(&mut store, &registry, Default::default(), &control).unwrap();
    assert_eq!(
        steps.1.lock().unwrap().last().map(String::as_str),
        Some("finding claims")
    );
    assert_eq!(
        steps.0.load(std::sync::atomic::Ordering::Relaxed),
        store.documents().unwrap().len() as u64
    );
    assert!(store.claims().unwrap().len() > before.len());
}

/// A claim's documents in time order: by the day each reports from, the
/// undated last, in `show CLUSTER --json` and in words.
#[test]
fn a_claims_documents_are_shown_in_the_order_they_were_written() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let body = "At least 42 people were killed when the dam burst on Sunday, the regional governor said.\n\n\
                Rescue teams were searching the flooded valley for survivors, officials said.\n";
    for (file, head) in [
        ("a-later.txt", "KHARKIV, May 6, 2024 (Reuters) - "),
        ("b-undated.txt", ""),
        ("c-earlier.txt", "KHARKIV, May 5, 2024 (AFP) - "),
    ] {
        std::fs::write(corpus.join(file), format!("Dam burst\n\n{head}{body}")).unwrap();
    }
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let claim = claim_with(&report, "c-earlier.txt", "At least 42 people");
    let id = claim["cluster"].as_str().unwrap();
    let detail = ws.run_db(&["show", id, "--json"]).expect_code(0).json();
    let order: Vec<(&str, Option<&str>)> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["document"].as_str().unwrap(), t["reported"].as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("c-earlier.txt", Some("2024-05-05")),
            ("a-later.txt", Some("2024-05-06")),
            ("b-undated.txt", None)
        ],
        "{detail:#}"
    );
    let shown = ws.run_db(&["show", id]).expect_code(0).stdout;
    let earlier = shown
        .find("c-earlier.txt  reports from 2024-05-05")
        .unwrap_or_else(|| panic!("{shown}"));
    let later = shown.find("a-later.txt  reports from 2024-05-06").unwrap();
    let undated = shown.find("b-undated.txt  date unknown").unwrap();
    assert!(earlier < later && later < undated, "{shown}");
}

/// A figure stated without a source takes the one the next sentence names
/// when it is a toll or a measurement an authority gives; an indictment,
/// an arrest or a meeting's length is an event reported in its own right,
/// not the next speaker's claim (Helsinki: "12 Russian intelligence
/// officers were indicted" had been put down to Trump, a session "scheduled
/// to run 90 minutes" to "Russians", 35 such figures in all).
#[test]
fn a_figure_takes_the_next_sentences_source_only_when_it_is_theirs_to_give() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("quake.txt"),
        "RABAT, Sept 9 (AFP) - The death toll from the earthquake in the Atlas mountains has risen to 632, with 329 injured.\n\n\
         A televised statement by the Interior Ministry said that most deaths were in mountain villages.\n\n\
         The meeting comes days after 12 Russian intelligence officers were indicted on Friday in the election probe.\n\n\
         Trump said in an interview on Sunday that he would ask Putin about the case.\n\n\
         Their opening one-on-one session had been scheduled to run 90 minutes.\n\n\
         The Kremlin said the talks would cover Syria, Ukraine and arms control.\n",
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let toll = claim_with(&report, "quake.txt", "risen to 632");
    assert_eq!(toll["attribution"], "Interior Ministry", "{toll:#}");
    let indicted = claim_with(&report, "quake.txt", "were indicted");
    assert_eq!(indicted["attribution"], Value::Null, "{indicted:#}");
    let session = claim_with(&report, "quake.txt", "90 minutes");
    assert_eq!(session["attribution"], Value::Null, "{session:#}");
}

/// A figure with no source of its own goes on with the body the sentence
/// before named, as a wire names its source once for a run of figures
/// (Anadolu and Xinhua on the 2023 Türkiye quake: AFAD's magnitude, then
/// "The quake occurred at a depth of 7 km."); a person's words and a
/// sentence that starts on something else do not carry it. A body written
/// with its acronym is one source however the next outlet writes it.
#[test]
fn a_figure_goes_on_with_the_body_the_sentence_before_names() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("aa.txt"),
        "ISTANBUL (AA) - Türkiye’s Disaster and Emergency Management Authority (AFAD) said the 7.4 magnitude quake struck at 4.17 a.m. and was centered in the Pazarcik district.\n\n\
         The quake occurred at a depth of 7 km.\n\n\
         Turkish President Recep Tayyip Erdogan said rescue teams were dispatched at once.\n\n\
         The toll stood at 76 dead in the province, with 440 injured.\n\n\
         A third earthquake with a 6.5 magnitude also hit Gaziantep province later in the day.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("xinhua.txt"),
        "ANKARA, Feb. 6 (Xinhua) -- Two powerful earthquakes hit southern Türkiye early Monday, according to the country's Disaster and Emergency Management Authority (AFAD).\n\n\
         A magnitude-7.4 quake struck the Pazarcik district of Kahramanmaras province at 4:17am, said the AFAD. The focus of the quake was located at a depth of 7km.\n",
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let afad = "Türkiye’s Disaster and Emergency Management Authority (AFAD)";
    let depth = claim_with(&report, "aa.txt", "depth of 7 km");
    assert_eq!(depth["attribution"], afad, "{depth:#}");
    let third = claim_with(&report, "aa.txt", "A third earthquake");
    assert_eq!(third["attribution"], Value::Null, "{third:#}");
    let toll = claim_with(&report, "aa.txt", "stood at 76");
    assert_eq!(toll["attribution"], Value::Null, "{toll:#}");
    // "said the AFAD": the body the article spelled out, with its acronym.
    let named = "Disaster and Emergency Management Authority (AFAD)";
    let struck = claim_with(&report, "xinhua.txt", "struck the Pazarcik");
    assert_eq!(struck["attribution"], named, "{struck:#}");
    let focus = claim_with(&report, "xinhua.txt", "depth of 7km");
    assert_eq!(focus["attribution"], named, "{focus:#}");
    // Two outlets, one primary source behind the depth.
    let cluster = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == depth["cluster"])
        .unwrap();
    assert_eq!(cluster["independent_origins"], 2, "{cluster:#}");
    assert_eq!(cluster["single_primary"], true, "{cluster:#}");
    // Named without the acronym that joined its spellings.
    assert_eq!(
        cluster["primary_sources"],
        serde_json::json!(["Türkiye’s Disaster and Emergency Management Authority"]),
        "{cluster:#}"
    );
}

/// A sentence measuring two shocks ("a magnitude-7.4 quake struck …,
/// followed by another magnitude 6.4 quake") joins the reports of one of
/// them; the other's figure does not make that cluster conflict. The main
/// shock's 7.4 against 7.8 stays a conflict where it is the claim
/// (Türkiye, 2023: AFAD's 7.4, USGS's 7.8).
#[test]
fn a_second_shock_in_a_sentence_does_not_make_its_cluster_conflict() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in [
        (
            "xinhua.txt",
            "ANKARA, Feb. 6 (Xinhua) -- A magnitude-7.4 quake struck the Pazarcik district of southern Kahramanmaras province at 4:17am, followed by another magnitude 6.4 quake, which hit southern Gaziantep province at 4:26am, said the disaster agency.\n",
        ),
        (
            "aa.txt",
            "ANKARA (AA) - A strong earthquake jolted southern Türkiye early on Monday.\n\n\
             It was followed by a magnitude 6.4 quake that struck southeastern Gaziantep province.\n",
        ),
        (
            "kazinform.txt",
            "ASTANA (Kazinform) - A strong earthquake jolted Türkiye’s southern province of Kahramanmaras early Monday.\n\n\
             It was followed by a magnitude 6.4 quake that struck southeastern Gaziantep province.\n",
        ),
        (
            "usgs.txt",
            "ISTANBUL (Reuters) - A magnitude 7.8 earthquake struck near Pazarcik in Kahramanmaras province in southern Türkiye early on Monday, the U.S. Geological Survey said.\n",
        ),
        (
            "afad.txt",
            "ANKARA (AA) - Türkiye’s Disaster and Emergency Management Authority (AFAD) said the 7.4 magnitude quake struck at 4.17 a.m. and was centered in the Pazarcik district.\n",
        ),
    ] {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let cluster_of = |file: &str, phrase: &str| -> &Value {
        let claim = claim_with(&report, file, phrase);
        report["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == claim["cluster"])
            .unwrap()
    };
    let second = cluster_of("aa.txt", "magnitude 6.4");
    let both = claim_with(&report, "xinhua.txt", "magnitude-7.4");
    assert_eq!(both["cluster"], second["id"], "{report:#}");
    assert_eq!(second["conflicting"], false, "{second:#}");
    let main = cluster_of("afad.txt", "7.4 magnitude");
    assert_eq!(main["conflicting"], true, "{main:#}");
}

/// A lede's unnamed spokesperson is the one the next paragraph names with
/// that office, as agencies write a lede and its second paragraph (Xinhua
/// on the Hualien earthquake, dev set 60): the two sentences rest on one
/// primary source, not on "a spokesperson" and Zhu Fenglian. A speaker of
/// another office named next is nobody's name for the spokesman.
#[test]
fn a_ledes_unnamed_spokesperson_is_the_one_named_next_with_that_office() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("relief.txt"),
        "BEIJING, April 3 (Xinhua) -- The mainland is paying close attention to the 7.3-magnitude earthquake in the Taiwan region and the development of the disaster, and is willing to provide disaster relief assistance, a spokesperson said on Wednesday.\n\n\
         The mainland is highly concerned about the situation and extends sincere sympathy to the Taiwan compatriots affected by the disaster, said Zhu Fenglian, spokesperson for the Taiwan Affairs Office of the State Council.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("talks.txt"),
        "The ministry is ready to resume talks with the union next week, a spokesman said on Monday.\n\n\
         Labour Minister Anna Kowal said the offer on wages would not change.\n",
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let lede = claim_with(&report, "relief.txt", "disaster relief assistance");
    assert_eq!(lede["attribution"], "Zhu Fenglian", "{lede:#}");
    let other = claim_with(&report, "talks.txt", "resume talks");
    assert_eq!(other["attribution"], "a spokesman", "{other:#}");
}

/// A spokesperson's words cut short to the lede ("…, a spokesperson
/// said") are the same claim as a rewording that names her surname first
/// and then by surname alone ("according to Zhu"), when a fuller copy of
/// the lede names her: the three rest on Zhu Fenglian (Xinhua and Global
/// Times on the Hualien earthquake, dev set 57, 58 and 60).
#[test]
fn a_copy_cut_short_and_a_rewording_by_surname_meet_on_the_spokesperson() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let lede = "The mainland is paying close attention to the 7.3-magnitude earthquake in the Taiwan region and the development of the disaster, and is willing to provide disaster relief assistance, a spokesperson said on Wednesday.";
    std::fs::write(
        corpus.join("short.txt"),
        format!("BEIJING, April 3 (Xinhua) -- {lede}\n"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("full.txt"),
        format!(
            "BEIJING, April 3 (Xinhua) -- {lede}\n\n\
             The mainland is highly concerned about the situation and extends sincere sympathy to the Taiwan compatriots affected by the disaster, said Zhu Fenglian, spokesperson for the Taiwan Affairs Office of the State Council.\n"
        ),
    )
    .unwrap();
    std::fs::write(
        corpus.join("rewrite.txt"),
        "Following the earthquake, Zhu Fenglian, a spokesperson for the Taiwan Affairs Office of the State Council, said that relevant parties in the mainland are highly concerned and express their sincere condolences to the compatriots affected by the disaster. \
         We will pay close attention to the disaster and subsequent situations, and are willing to provide disaster relief assistance, according to Zhu.\n",
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let reworded = claim_with(&report, "rewrite.txt", "according to Zhu");
    assert_eq!(reworded["attribution"], "Zhu Fenglian", "{reworded:#}");
    let short = claim_with(&report, "short.txt", "disaster relief assistance");
    assert_eq!(
        short["cluster"], reworded["cluster"],
        "{short:#}\n{reworded:#}"
    );
    let joined = cluster(&report, &short["cluster"]);
    assert_eq!(
        joined["primary_sources"],
        json!(["Zhu Fenglian"]),
        "{joined:#}"
    );
}

/// A toll followed by a group's claim of the attack (Reuters' lede on the
/// Crocus City Hall attack, 2024, held out): "Islamic State … claimed
/// responsibility for the attack, the group's Telegram channel said"
/// speaks of who did it, and the toll before it is not the group's word.
/// A toll followed by an authority's statement still takes its source.
#[test]
fn a_claim_of_responsibility_is_no_source_of_the_toll_before_it() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("claimed.txt"),
        "Gunmen attack a concert hall\n\n\
         At least 60 people were killed and 145 wounded on Friday when gunmen fired on concertgoers near the capital.\n\
         Islamic State, the militant group, claimed responsibility for the attack, the group's Telegram channel said.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("stated.txt"),
        "Gunmen attack a concert hall\n\n\
         At least 60 people were killed and 145 wounded on Friday when gunmen fired on concertgoers near the capital.\n\
         The Investigative Committee said the toll was expected to rise.\n",
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let toll = claim_with(&report, "claimed.txt", "At least 60 people were killed");
    assert!(toll["attribution"].is_null(), "{toll:#}");
    let toll = claim_with(&report, "stated.txt", "At least 60 people were killed");
    assert_eq!(toll["attribution"], "Investigative Committee", "{toll:#}");
}

/// A source is lent to a neighbouring figure only for a figure it could
/// have given (Taipei Times' copy of AFP on the Derna floods, 2023, held
/// out): a toll followed by a count of the missing "said Tamer Ramadan"
/// is not Ramadan's toll, and a city's distance from another after a
/// ministry's figure is nobody's figure. The next sentence's source still
/// stands behind a toll it goes on about.
#[test]
fn a_neighbours_source_is_lent_only_for_a_figure_it_could_have_given() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("floods.txt"),
        "Floods sweep coastal city\n\n\
         By late Tuesday, the death toll in the coastal city was at least 2,300, although some figures were more than twice as high.\n\
         Another 10,000 people were still missing, said Tamer Ramadan, head of the aid group's delegation.\n\n\
         More than 5,200 people had died, the interior ministry said on Tuesday evening.\n\
         The city, a 300km drive east of the capital, is ringed by hills.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("toll.txt"),
        "Floods sweep coastal city\n\n\
         By late Tuesday, the death toll in the coastal city was at least 2,300, although some figures were more than twice as high.\n\
         The toll could rise sharply, said Tamer Ramadan, head of the aid group's delegation.\n",
    )
    .unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let toll = claim_with(&report, "floods.txt", "at least 2,300");
    assert!(toll["attribution"].is_null(), "{toll:#}");
    let missing = claim_with(&report, "floods.txt", "Another 10,000 people");
    assert_eq!(missing["attribution"], "Tamer Ramadan", "{missing:#}");
    let distance = claim_with(&report, "floods.txt", "300km drive");
    assert!(distance["attribution"].is_null(), "{distance:#}");
    let toll = claim_with(&report, "toll.txt", "at least 2,300");
    assert_eq!(toll["attribution"], "Tamer Ramadan", "{toll:#}");
}

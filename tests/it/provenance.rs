//! Independence as a fact-checker counts it: a document whose producer is
//! unknown is never corroboration, an uncredited copy or rewrite takes its
//! source's producer (on the document and in the claims alike), outlets
//! relaying one statement are not copies of each other, and one state's
//! media stand behind a claim only they carry.
//!
//! The articles are written for these tests (a story in no corpus here), in
//! the credit styles of real wires.

use crate::support::*;
use serde_json::Value;

const WIRE: &str = "Flood waters rise in river valley\n\n\
VALLETTA, March 3 (Reuters) - Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Rescue teams reached the village of Mgarr before dawn and moved 37 patients from the district clinic to hospitals in the capital, officials said.\n\n\
The department said a second pumping station would open on Wednesday, and that schools in the valley would stay closed until Friday.\n\n\
Forecasters expect another 80 millimetres of rain before the weekend.\n\n\
(Reporting by Joe Borg; Editing by Anna Grech)\n";

/// The same article, uncredited and lightly trimmed, on another site.
const COPY: &str = "Flood waters rise in river valley\n\n\
Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Rescue teams reached the village of Mgarr before dawn and moved 37 patients from the district clinic to hospitals in the capital, officials said.\n\n\
The department said a second pumping station would open on Wednesday, and that schools in the valley would stay closed until Friday.\n";

/// Two sites reporting the evacuation figure in their own words, crediting no one.
const OWN_A: &str = "Valley residents leave homes\n\n\
About 1,200 residents have left their homes in the Wied valley as the water kept rising, according to the civil protection department, which opened shelters in two schools.\n\n\
Local shopkeepers said the road to the coast was closed for most of the day.\n";
const OWN_B: &str = "Evacuations in the Wied valley\n\n\
The civil protection department said 1,200 residents were forced from their homes after the river burst its banks, and that shelters had opened in two schools.\n\n\
Farmers in the lower valley said their fields were under water.\n";

fn audit(files: &[(&str, &str)]) -> (Workspace, Value) {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for (name, text) in files {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    (ws, report)
}

fn document<'a>(report: &'a Value, path: &str) -> &'a Value {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == path)
        .unwrap_or_else(|| panic!("no document {path}"))
}

fn cluster_of<'a>(report: &'a Value, path: &str, phrase: &str) -> &'a Value {
    let claim = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["document"] == path && c["text"].as_str().unwrap().contains(phrase))
        .unwrap_or_else(|| panic!("{path}: no claim holds {phrase:?}"));
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == claim["cluster"])
        .unwrap()
}

/// The cluster holding `phrase` in documents `a` and `b`, which must be one.
fn one_cluster<'a>(report: &'a Value, a: &str, b: &str, phrase: &str) -> &'a Value {
    let k = cluster_of(report, a, phrase);
    assert_eq!(
        k["id"],
        cluster_of(report, b, phrase)["id"],
        "{a} and {b} state one claim: {k:#}"
    );
    k
}

/// The row of a cluster's evidence table for one document.
fn evidence_of<'a>(k: &'a Value, path: &str) -> &'a Value {
    k["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["document"] == path)
        .unwrap_or_else(|| panic!("no evidence row for {path}: {k:#}"))
}

/// The names of a cluster's origin groups, in order.
fn group_names(k: &Value) -> Vec<&str> {
    k["origin_groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect()
}

#[test]
fn documents_of_unknown_origin_are_never_counted_as_corroboration() {
    let (_ws, report) = audit(&[("a.txt", WIRE), ("b.txt", OWN_A), ("c.txt", OWN_B)]);
    assert_eq!(document(&report, "a.txt")["origin"]["name"], "Reuters");
    assert!(document(&report, "b.txt")["origin"].is_null());
    let k = cluster_of(&report, "a.txt", "1,200 residents");
    let docs: Vec<&str> = k["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(docs.len() >= 2, "the evacuation figure is one claim: {k}");
    // One known origin, the rest unknown: not corroborated.
    assert_eq!(k["independent_origins"], 1, "{k}");
    assert_eq!(
        k["unknown_origin_documents"].as_u64().unwrap() as usize,
        docs.len() - 1,
        "{k}"
    );
    assert_eq!(k["single_source"], true, "{k}");
    // Neither an echo (the unknown documents may be independent) nor
    // corroborated (they are not established to be): unresolved.
    assert_eq!(k["corroboration"], "unresolved", "{k}");
    let why = k["explanation"].as_str().unwrap();
    assert!(why.contains("of unknown origin"), "{why}");
    assert!(
        why.contains("do not count as corroboration")
            || why.contains("does not count as corroboration"),
        "{why}"
    );
}

/// The Reuters story run by a second site with its dateline kept.
const RUN: &str = "Valley flooded: 1,200 leave homes\n\n\
VALLETTA, March 3 (Reuters) - Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Forecasters expect another 80 millimetres of rain before the weekend.\n";

/// The figure reported by the AP, in its own words.
const AP: &str = "Malta valley evacuated\n\n\
MGARR, Malta (AP) — Some 1,200 residents were forced from their homes in the Wied valley as flood waters rose by two metres overnight, the civil protection department said Tuesday.\n\n\
Soldiers helped carry the elderly to buses bound for the capital.\n";

#[test]
fn a_claim_in_several_documents_of_one_origin_is_an_echo_and_says_how_they_came_to_it() {
    let (ws, report) = audit(&[("wire.txt", WIRE), ("run.txt", RUN), ("copy.txt", COPY)]);
    let k = cluster_of(&report, "wire.txt", "1,200 residents");
    assert_eq!(k["documents"].as_array().unwrap().len(), 3, "{k}");
    assert_eq!(k["corroboration"], "echo", "{k}");
    assert_eq!(k["single_source"], true, "{k}");
    // The summary before any list: how many credit the origin and how,
    // how many are uncredited copies.
    let why = k["explanation"].as_str().unwrap();
    assert!(
        why.starts_with("3 documents, one origin (Reuters): 2 credit Reuters (wire dateline), 1 is an uncredited copy of a file credited to Reuters."),
        "{why}"
    );
    // Then every document, one row each.
    let rows: Vec<(&str, &str)> = k["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["document"].as_str().unwrap(), e["how"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rows,
        [
            ("copy.txt", "uncredited copy"),
            ("run.txt", "wire dateline"),
            ("wire.txt", "wire dateline")
        ]
    );
    // The CLI leads with the echo.
    let listed = ws.run_db(&["claims"]).expect_code(0);
    let first_class = listed
        .stdout
        .lines()
        .find(|l| l.starts_with("== "))
        .unwrap_or_default()
        .to_owned();
    assert!(first_class.starts_with("== echo ("), "{}", listed.stdout);
    assert!(
        listed
            .stdout
            .lines()
            .next()
            .unwrap()
            .contains("look corroborated but rest on one source (largest: 3 documents, Reuters)")
            || listed.stdout.lines().next().unwrap().contains(
                "looks corroborated but rests on one source (largest: 3 documents, Reuters)"
            ),
        "{}",
        listed.stdout
    );
}

#[test]
fn a_claim_two_known_origins_carry_is_corroborated() {
    let (_ws, report) = audit(&[("wire.txt", WIRE), ("ap.txt", AP)]);
    assert_eq!(
        document(&report, "ap.txt")["origin"]["name"],
        "Associated Press"
    );
    let k = cluster_of(&report, "ap.txt", "1,200 residents");
    assert_eq!(
        k["id"],
        cluster_of(&report, "wire.txt", "1,200 residents")["id"],
        "{k}"
    );
    assert_eq!(k["corroboration"], "corroborated", "{k}");
    assert_eq!(k["single_source"], false, "{k}");
    let why = k["explanation"].as_str().unwrap();
    assert!(
        why.starts_with(
            "2 documents from 2 independent origins: Associated Press (1), Reuters (1)."
        ),
        "{why}"
    );
}

/// The AP's story as a paper runs it under a co-credit, as South Asian
/// papers credit wires they merge ("(AP/APP)"): the AP and the Associated
/// Press of Pakistan both credited, in one dateline.
const CO_CREDITED: &str = "Valley floods force evacuations\n\n\
VALLETTA, March 3 (AP/APP): Flood waters forced 1,200 residents from their homes in the Wied valley, the civil protection department said on Tuesday.\n\n\
Shelters opened in two schools, officials said.\n";

/// A text credited to two agencies together is no origin independent of
/// either: beside the AP's own copy it is the AP's text, not a second
/// origin, and its credit is named in the evidence. Before, the dateline's
/// last agency (APP) was taken as the producer, the first (AP) as the
/// publisher, and the claim was "corroborated" by the AP twice over. The
/// international wire is the producer, the national agency running it the
/// co-credit, whichever order the two are written in.
#[test]
fn a_text_credited_to_two_agencies_together_is_no_second_origin_beside_either() {
    let (ws, report) = audit(&[("ap.txt", AP), ("paper.txt", CO_CREDITED)]);
    let paper = document(&report, "paper.txt");
    assert_eq!(paper["origin"]["name"], "Associated Press");
    assert!(paper["publisher"].is_null(), "{paper}");
    assert_eq!(
        paper["co_producers"][0]["name"], "Associated Press of Pakistan",
        "{paper}"
    );
    assert_eq!(paper["co_producers"][0]["group"], "outlet:app-pakistan");
    let k = cluster_of(&report, "paper.txt", "1,200 residents");
    assert_eq!(
        k["id"],
        cluster_of(&report, "ap.txt", "1,200 residents")["id"],
        "{k}"
    );
    assert_eq!(k["independent_origins"], 1, "{k}");
    assert_eq!(k["corroboration"], "echo", "{k}");
    assert_eq!(k["single_source"], true, "{k}");
    let row = evidence_of(k, "paper.txt");
    assert_eq!(row["origin"], "Associated Press");
    assert_eq!(row["how"], "wire dateline");
    assert_eq!(row["evidence"], "VALLETTA, March 3 (AP/APP)", "{row}");
    // `show` says what else the credit names.
    let shown = ws
        .run_db(&["show", ws.path("corpus/paper.txt").to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(
        shown.contains(
            "also credits Associated Press of Pakistan (in a claim it counts as one origin"
        ),
        "{shown}"
    );
    // On its own, the co-credited text is one origin, not none and not two.
    let (_ws, alone) = audit(&[("paper.txt", CO_CREDITED), ("own.txt", OWN_A)]);
    let k = cluster_of(&alone, "paper.txt", "1,200 residents");
    assert!(k["independent_origins"].as_u64().unwrap() <= 1, "{k}");
}

/// Two national agencies credited together: neither is an international
/// wire, so the last is taken as the producer, and beside the first's own
/// copy the text counts with the first ("co-credited"), not as a second
/// origin.
#[test]
fn a_text_co_credited_to_two_national_agencies_counts_with_the_one_that_ran_it_too() {
    let co = CO_CREDITED.replace("(AP/APP)", "(TASS/BelTA)");
    let tass = "Malta valley evacuated\n\n\
MGARR, March 3. /TASS/. Some 1,200 residents were forced from their homes in the Wied valley as flood waters rose by two metres overnight, the civil protection department said Tuesday.\n\n\
Soldiers helped carry the elderly to buses bound for the capital.\n";
    let (_ws, report) = audit(&[("tass.txt", tass), ("paper.txt", &co)]);
    let paper = document(&report, "paper.txt");
    assert_eq!(paper["origin"]["name"], "Belarusian Telegraph Agency");
    assert_eq!(paper["co_producers"][0]["name"], "TASS", "{paper}");
    let k = cluster_of(&report, "paper.txt", "1,200 residents");
    assert_eq!(
        k["id"],
        cluster_of(&report, "tass.txt", "1,200 residents")["id"],
        "{k}"
    );
    assert_eq!(k["independent_origins"], 1, "{k}");
    assert_eq!(k["single_source"], true, "{k}");
    let row = evidence_of(k, "paper.txt");
    assert_eq!(row["origin"], "TASS");
    assert_eq!(row["how"], "co-credited");
    assert_eq!(
        row["evidence"],
        "its credit ‘VALLETTA, March 3 (TASS/BelTA)’ names TASS beside Belarusian Telegraph Agency: one origin with it"
    );
}

/// Two local sites running one story bylined by two newsrooms, and one of
/// those newsrooms' own copy.
const CNN_OWN: &str = "Valley floods force evacuations\n\n\
VALLETTA, Malta (CNN) — Flood waters forced 1,200 residents from their homes in the Wied valley, the civil protection department said on Tuesday.\n\n\
The army sent trucks to the lower valley.\n";
const CNN_AP_A: &str = "Malta floods\n\n\
By JEREMY DIAMOND, CNN, AP\n\n\
Flood waters forced 1,200 residents from their homes in the Wied valley, the civil protection department said on Tuesday.\n\n\
Schools stayed closed.\n";
const CNN_AP_B: &str = "Evacuations in Malta\n\n\
By JEREMY DIAMOND, CNN, AP\n\n\
Flood waters forced 1,200 residents from their homes in the Wied valley, the civil protection department said on Tuesday.\n\n\
Roads to the coast were shut.\n";

/// Seen on a hand-judged Helsinki sample: two pages bylined "CNN, AP" kept
/// each other in the AP's group, beside CNN's own copy: "2 independent
/// origins" for one CNN text. Documents all credited to both count with
/// the one another document stands for.
#[test]
fn pages_bylined_by_two_newsrooms_are_no_second_origin_beside_either() {
    let (_ws, report) = audit(&[
        ("cnn.txt", CNN_OWN),
        ("site-a.txt", CNN_AP_A),
        ("site-b.txt", CNN_AP_B),
    ]);
    assert_eq!(
        document(&report, "site-a.txt")["co_producers"][0]["name"],
        "CNN"
    );
    let k = cluster_of(&report, "cnn.txt", "1,200 residents");
    assert_eq!(k["documents"].as_array().unwrap().len(), 3, "{k}");
    assert_eq!(k["independent_origins"], 1, "{k}");
    assert_eq!(k["corroboration"], "echo", "{k}");
}

/// A news aggregator's page: two agencies' stories, each under its own
/// dateline, the first one the WIRE story above.
const DIGEST: &str = "Top coverage: Malta floods\n\n\
VALLETTA, March 3 (Reuters) - Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Rescue teams reached the village of Mgarr before dawn and moved 37 patients from the district clinic to hospitals in the capital, officials said.\n\n\
More coverage\n\n\
ROME (ANSA) - Italy offered to send two firefighting aircraft and a team of 40 rescuers to Malta, the foreign ministry in Rome said on Tuesday.\n";

/// Seen on the Helsinki articles: six news-aggregator pages, each taken
/// whole for Reuters' or Sputnik's text because of one wire dateline among
/// many, stood behind 152 of the 389 claims called corroborated. A page of
/// several producers' stories has no one producer: it is a `digest`, takes
/// no origin from the texts it shares, and each of its claims counts with
/// the document whose words it carries.
#[test]
fn a_page_of_several_agencies_stories_is_no_producer_of_its_own() {
    let (ws, report) = audit(&[("wire.txt", WIRE), ("page.txt", DIGEST)]);
    let page = document(&report, "page.txt");
    assert!(page["origin"].is_null(), "{page}");
    assert_eq!(page["relation"], "digest");
    assert_eq!(page["origin_group"], "document:page.txt");
    let why = page["outlet_explanation"].as_str().unwrap();
    assert!(
        why.contains("Datelines of 2 producers open passages of this page: Reuters (‘VALLETTA, March 3 (Reuters) -’, line 3); ANSA"),
        "{why}"
    );
    // The Reuters passage it carries word for word counts with Reuters: one
    // origin, not one and an unknown, and never two.
    let k = cluster_of(&report, "page.txt", "1,200 residents");
    assert_eq!(
        k["id"],
        cluster_of(&report, "wire.txt", "1,200 residents")["id"],
        "{k}"
    );
    assert_eq!(k["independent_origins"], 1, "{k}");
    assert_eq!(k["unknown_origin_documents"], 0, "{k}");
    assert_eq!(k["corroboration"], "echo", "{k}");
    let shown = ws
        .run_db(&["show", ws.path("corpus/page.txt").to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(shown.contains("relation     digest"), "{shown}");
}

#[test]
fn an_uncredited_copy_takes_its_sources_origin_on_the_document_too() {
    let (ws, report) = audit(&[("wire.txt", WIRE), ("copy.txt", COPY)]);
    let copy = document(&report, "copy.txt");
    let wire = document(&report, "wire.txt");
    assert_eq!(copy["origin"]["name"], "Reuters", "{copy}");
    assert_eq!(copy["origin"]["evidence"]["rule"], "text_reuse", "{copy}");
    assert_eq!(copy["origin_group"], wire["origin_group"]);
    let why = copy["outlet_explanation"].as_str().unwrap();
    assert!(why.contains("wire.txt"), "{why}");
    // The claims view says the same: one origin behind both.
    let k = cluster_of(&report, "copy.txt", "37 patients");
    assert_eq!(k["independent_origins"], 1, "{k}");
    assert_eq!(k["unknown_origin_documents"], 0, "{k}");
    // `show FILE` states it too, by its path or by its name as the store
    // lists it (from outside the corpus folder).
    let corpus = ws.path("corpus");
    let shown = ws
        .run_db(&["show", corpus.join("copy.txt").to_str().unwrap()])
        .expect_code(0);
    assert!(shown.stdout.contains("Reuters"), "{}", shown.stdout);
    let by_name = ws.run_db(&["show", "copy.txt"]).expect_code(0);
    assert_eq!(by_name.stdout, shown.stdout);
    // The audit's list says how it came to Reuters: an uncredited copy.
    let listed = ws
        .run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    let line = listed
        .stdout
        .lines()
        .find(|l| l.contains("copy.txt"))
        .unwrap_or_default();
    assert!(
        line.contains("← Reuters (uncredited copy)"),
        "{}",
        listed.stdout
    );
}

/// A wire's earlier version of its story, run without the credit: another
/// lead and toll, two of the credited version's sentences word for word
/// and two of its own. It is the wire's text (Reuters and PTI
/// write-throughs on held-out stories, 2026-12-08), so a claim only it and
/// another agency carry has two known origins, not one and an unknown.
const EARLIER: &str = "Residents flee rising river\n\n\
Rising water in the Wied valley forced about 800 residents from their homes on Monday night as the river burst its banks in two places.\n\n\
Rescue teams reached the village of Mgarr before dawn and moved 37 patients from the district clinic to hospitals in the capital, officials said.\n\n\
The department said a second pumping station would open on Wednesday, and that schools in the valley would stay closed until Friday.\n\n\
The defence ministry said 40 soldiers had been sent to help with the evacuation.\n\n\
Shopkeepers on the main square piled sandbags against their doors while the fire brigade pumped water from flooded cellars.\n";

/// Another agency's story, carrying the soldiers in a sentence of its own.
const OTHER_AGENCY: &str = "Army deployed to flooded valley\n\n\
VALLETTA, March 3 (AFP) - The army sent 40 soldiers to the valley, the defence ministry said, as the river kept rising.\n\n\
Engineers from the public works department inspected the old stone bridge at Ta' Qali and found cracks in two of its arches, the ministry said.\n\n\
Police closed the coast road at Ghajn Tuffieha after a landslide, and the airport said flights were running on time despite the storm.\n\n\
The prime minister cut short a visit to Brussels and was expected to tour the valley with the mayors of the three worst hit villages on Wednesday.\n\n\
Insurers said it was too early to put a figure on the damage, but farmers in the lower valley told reporters that the spring harvest was lost.\n";

#[test]
fn an_uncredited_earlier_version_of_a_wire_story_is_the_wires() {
    let (_ws, report) = audit(&[
        ("wire.txt", WIRE),
        ("earlier.txt", EARLIER),
        ("afp.txt", OTHER_AGENCY),
    ]);
    let earlier = document(&report, "earlier.txt");
    assert_eq!(earlier["origin"]["name"], "Reuters", "{earlier}");
    assert_eq!(
        earlier["origin_group"],
        document(&report, "wire.txt")["origin_group"]
    );
    let why = earlier["outlet_explanation"].as_str().unwrap();
    assert!(why.contains("wire.txt"), "{why}");
    let k = cluster_of(&report, "earlier.txt", "40 soldiers");
    assert_eq!(k["independent_origins"], 2, "{k}");
    assert_eq!(k["unknown_origin_documents"], 0, "{k}");

    // Two sites running that version: one unknown text, both the wire's,
    // and the wire's own page keeps its dateline as its evidence.
    let again = EARLIER.replace("on Monday night", "late on Monday");
    let (_ws, report) = audit(&[
        ("wire.txt", WIRE),
        ("earlier.txt", EARLIER),
        ("again.txt", again.as_str()),
    ]);
    for copy in ["earlier.txt", "again.txt"] {
        assert_eq!(
            document(&report, copy)["origin"]["name"],
            "Reuters",
            "{copy}"
        );
    }
    let wire = document(&report, "wire.txt");
    assert_eq!(
        wire["origin"]["evidence"]["rule"], "wire_dateline",
        "{wire}"
    );
    let k = cluster_of(&report, "wire.txt", "37 patients");
    let row = k["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["document"] == "wire.txt")
        .unwrap_or_else(|| panic!("{k}"));
    assert_eq!(row["how"], "wire dateline", "{k}");

    // A page built of both agencies' sentences word for word is a
    // compilation: whose text it is stays unknown.
    let compiled = "Residents flee rising river\n\n\
        Rising water in the Wied valley forced about 800 residents from their homes on Monday night as the river burst its banks in two places.\n\n\
        Rescue teams reached the village of Mgarr before dawn and moved 37 patients from the district clinic to hospitals in the capital, officials said.\n\n\
        The defence ministry said 40 soldiers had been sent to help with the evacuation.\n\n\
        Engineers from the public works department inspected the old stone bridge at Ta' Qali and found cracks in two of its arches, the ministry said.\n\n\
        Police closed the coast road at Ghajn Tuffieha after a landslide, and the airport said flights were running on time despite the storm.\n";
    let (_ws, report) = audit(&[
        ("wire.txt", WIRE),
        ("compiled.txt", compiled),
        ("afp.txt", OTHER_AGENCY),
    ]);
    let compiled = document(&report, "compiled.txt");
    assert!(
        compiled["origin_group"]
            .as_str()
            .unwrap()
            .starts_with("document:"),
        "{compiled}"
    );
}

#[test]
fn outlets_relaying_one_statement_are_not_copies_of_each_other() {
    // An agency and an uncredited site carry the same presidential message,
    // in their own translations. Sharing the message's sentences in its
    // order does not make the site the agency's copy: both relay one
    // primary source.
    let a = "President sends condolences\n\nVALLETTA, March 4 (Xinhua) -- President Carmelo Abela sent a message of condolence to the families of the victims.\n\n\
             \u{201c}We share the grief of every family in the valley and we will rebuild every home that was lost,\u{201d} President Abela said in the message.\n\n\
             \u{201c}The state will cover the cost of temporary housing for all 1,200 evacuated residents until the end of the year,\u{201d} he said.\n\n\
             \u{201c}No family will be left to face this disaster alone, and no village will be forgotten,\u{201d} the president added.\n";
    // Another translation of the same message: the same statements, other words.
    let b = "Abela writes to flood victims\n\nIn a letter to the bereaved families, President Carmelo Abela expressed his condolences.\n\n\
             \u{201c}Our sorrow is that of each household in the valley, and each destroyed house shall be built again,\u{201d} Abela wrote.\n\n\
             \u{201c}Temporary lodging for the 1,200 people evacuated will be paid for by the state until the year ends,\u{201d} the president wrote.\n\n\
             \u{201c}No household shall be abandoned to face this catastrophe alone, no village will be forgotten,\u{201d} he added.\n";
    let (_ws, report) = audit(&[("x.txt", a), ("site.txt", b)]);
    assert_eq!(
        document(&report, "x.txt")["origin"]["name"],
        "Xinhua News Agency"
    );
    let site = document(&report, "site.txt");
    assert!(site["origin"].is_null(), "{site}");
    assert_ne!(
        document(&report, "x.txt")["origin_group"],
        site["origin_group"]
    );
}

#[test]
fn a_claim_only_one_states_media_carry_rests_on_that_state() {
    let tass = "Valley evacuated\n\nVALLETTA, March 3. /TASS/. About 1,200 residents of the Wied valley were evacuated on Tuesday after the river burst its banks, the civil protection department told TASS.\n";
    let (_ws, report) = audit(&[("t.txt", tass)]);
    let k = cluster_of(&report, "t.txt", "1,200 residents");
    assert_eq!(k["single_alignment"], true, "{k}");
    assert!(
        k["explanation"]
            .as_str()
            .unwrap()
            .contains("state-controlled media of Russia"),
        "{k}"
    );
}

#[test]
fn a_document_of_unknown_origin_does_not_lift_the_state_media_warning() {
    // Xinhua carries the figure; an uncredited site says it in its own
    // words. Nothing says who the site is: it is no voice beside China's
    // state media, so the warning stands, and says the site is unknown.
    let xinhua = "Quake jolts coast\n\nVALLETTA, March 3 (Xinhua) -- About 1,200 residents of the Wied valley were evacuated on Tuesday after the river burst its banks, the civil protection department said.\n";
    let site = "Floods in the valley\n\nThe civil protection department said about 1,200 residents of the Wied valley had to be evacuated on Tuesday when the river burst its banks.\n";
    let (_ws, report) = audit(&[("x.txt", xinhua), ("s.txt", site)]);
    assert!(document(&report, "s.txt")["origin"].is_null());
    let k = cluster_of(&report, "x.txt", "1,200 residents");
    assert_eq!(
        cluster_of(&report, "s.txt", "1,200 residents")["id"],
        k["id"],
        "the reworded sentence is the same claim"
    );
    assert_eq!(k["unknown_origin_documents"], 1, "{k}");
    assert_eq!(k["single_alignment"], true, "{k}");
    let why = k["explanation"].as_str().unwrap();
    assert!(
        why.contains(
            "state-controlled media of China (the document of unknown origin may be anyone's)"
        ),
        "{why}"
    );
}

/// A toll worded apart by two wires ("At least 48 people have been killed"
/// / "the death toll … has risen to 48"), as the dev set's Beirut reports
/// from TASS and Anadolu are (written for this test: the dev set's texts
/// stay out of the product).
const TOLL_TASS: &str = "Port fire toll\n\n\
MOSCOW, October 12. /TASS/. At least 48 people have been killed in the fire at the port of Gdansk, Polish television said on Thursday citing the country's Interior Ministry.\n\n\
According to the broadcaster, the number of those injured rose to about 300. The fire at the port of Gdansk destroyed warehouses and damaged ships across the harbour.\n";
const TOLL_AA: &str = "Gdansk port fire death toll rises\n\n\
ISTANBUL - The death toll in Wednesday's fire that swept through the port of Gdansk has risen to 48, Poland's interior minister said on Thursday.\n\n\
Nearly 300 victims were injured and dozens of them are still missing, the minister said. The fire destroyed warehouses and ships across the harbour.\n\n\
by: Anadolu |\n";

#[test]
fn one_figure_worded_apart_is_one_claim_from_two_origins() {
    let (_ws, report) = audit(&[("t.txt", TOLL_TASS), ("a.txt", TOLL_AA)]);
    let killed = cluster_of(&report, "t.txt", "At least 48 people");
    assert_eq!(
        killed["id"],
        cluster_of(&report, "a.txt", "has risen to 48")["id"],
        "{killed}"
    );
    assert_eq!(killed["independent_origins"], 2, "{killed}");
    assert_eq!(killed["single_source"], false, "{killed}");
    // Both rest on one primary source, named two ways ("citing the
    // country's Interior Ministry", "Poland's interior minister said").
    assert_eq!(killed["single_primary"], true, "{killed}");
    assert_eq!(
        killed["primary_sources"].as_array().unwrap().len(),
        1,
        "{killed}"
    );
    // "about 300" and "nearly 300 victims": one injured count.
    let injured = cluster_of(&report, "t.txt", "about 300");
    assert_eq!(
        injured["id"],
        cluster_of(&report, "a.txt", "Nearly 300 victims")["id"],
        "{injured}"
    );
}

/// One toll of dead and injured worded three ways, as the first reports of
/// the Turkey–Syria quake of 6 February 2023 were (Anadolu's story, Xinhua's
/// rewrite, Sputnik's "a total of … deaths" with the agency's statement;
/// written for this test on an invented quake). Anadolu's toll had joined a
/// copy's sentence on the quake alone, so only half the document pairs
/// across the two groups matched: two counts agreeing, 58 dead and 310
/// injured, make half enough. One distance in two units is one figure, not
/// two (the dev set's "200 kilometers (124 miles)" stays apart).
#[test]
fn a_toll_of_dead_and_injured_agreeing_is_one_claim_across_rewordings() {
    let aa = "Quake in Albania\n\
\n\
At least 58 people were killed and 310 others injured after a strong earthquake jolted northern Albania on Tuesday morning, according to the country's civil protection agency.\n\
\n\
The quake occurred at a depth of 9 km. It was followed by a magnitude 5.1 quake that struck Lezhe district.\n\
\n\
by: Anadolu |\n";
    let copy = "Strong earthquake hits Albania\n\
\n\
A strong earthquake jolted Albania's northern district of Shkoder early Tuesday, according to the country's civil protection agency.\n\
\n\
The quake occurred at a depth of 9 kilometers (5.6 miles). It was followed by a magnitude 5.1 quake that struck Lezhe district.\n";
    let xinhua = "Albania quake kills 58\n\
\n\
At least 58 people were killed and 310 others injured in four districts after two powerful earthquakes hit northern Albania early Tuesday.\n\
\n\
At least 58 people were killed and 310 others injured in four districts after two powerful earthquakes hit northern Albania early Tuesday, according to the country's civil protection agency.\n\
\n\
Source: Xinhua\n";
    let sputnik = "TIRANA (Sputnik) - A total of 58 earthquake-related deaths have been reported across four districts in Albania, while another 310 people were injured, the civil protection agency says.\n\
\n\
\"As of 6:30 a.m., 58 people have died and 310 people were injured in four districts as a result of the 6.6-magnitude earthquake,\" the agency said in a Tuesday statement.\n";
    let (_ws, report) = audit(&[
        ("aa.txt", aa),
        ("copy.txt", copy),
        ("x.txt", xinhua),
        ("s.txt", sputnik),
    ]);
    let toll = cluster_of(&report, "aa.txt", "58 people were killed");
    for (path, phrase) in [
        ("x.txt", "58 people were killed"),
        ("s.txt", "A total of 58"),
        ("s.txt", "58 people have died"),
    ] {
        assert_eq!(
            cluster_of(&report, path, phrase)["id"],
            toll["id"],
            "{path}: {toll:#}"
        );
    }
}

/// A statement quoted whole by one paper, its first sentence alone by a
/// second and its last words by a third (Assad's cable to Aoun after the
/// Beirut blast, 2020, as Syria Times, Tishreen and Al-Masdar ran it;
/// written for this test on an invented cable). The second paper's
/// sentence is a word-for-word part of the first's: wherever one belongs,
/// so does the other, though it shares no word with the third's.
#[test]
fn a_quotation_copied_in_part_joins_the_claim_of_the_whole() {
    let whole = "Ramos cables Boric\n\
\n\
President Ramos sent a cable to his Chilean counterpart Gabriel Boric on Tuesday. President Ramos added \u{201c}we affirm our support to brotherly Chile and our solidarity with its resilient people, and we are confident that you are able to overcome the repercussions of this tragic fire and rebuild what has been damaged as soon as possible.\u{201d}\n";
    let first = "Peru stands by Chile\n\
\n\
\u{201c}We affirm our support to brotherly Chile and our solidarity with its resilient people,\u{201d} President Ramos added.\n";
    let last = "Lima offers help after Valparaiso fire\n\
\n\
The statement added that Peru was \u{201c}confident that you are able to overcome the repercussions of this tragic fire and rebuild what has been damaged as soon as possible.\u{201d}\n";
    let (_ws, report) = audit(&[("w.txt", whole), ("f.txt", first), ("l.txt", last)]);
    let cable = cluster_of(&report, "w.txt", "we affirm our support");
    for (path, phrase) in [
        ("f.txt", "We affirm our support"),
        ("l.txt", "confident that you"),
    ] {
        assert_eq!(
            cluster_of(&report, path, phrase)["id"],
            cable["id"],
            "{path}: {cable:#}"
        );
    }
}

/// A superlative set against a span of time is a claim of its own, inside
/// sentences that say other things: CNA's "The strongest earthquake to hit
/// Taiwan in nearly 25 years has resulted in nine deaths …" and AP's "…
/// when the strongest earthquake to hit Taiwan in 25 years sent rocks and
/// mud tumbling …" (Hualien, 2024; written for this test on an invented
/// storm). The two sentences' other claims stay apart.
#[test]
fn a_characterisation_inside_a_sentence_is_a_claim_of_its_own() {
    let agency = "Storm toll rises\n\n\
VALLETTA, March 3 (MNA) The strongest storm to hit Malta in nearly 40 years has left four people dead and 212 injured as of Wednesday evening, according to civil protection officials.\n";
    let wire = "Crews clear roads after storm\n\n\
Crews worked Thursday to clear fallen trees and reopen harbours after the strongest storm to hit Malta in 40 years tore roofs off houses along the coast, closing schools.\n";
    let (_ws, report) = audit(&[("m.txt", agency), ("w.txt", wire)]);
    let shortest = |path: &str| {
        report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| {
                c["document"] == path && c["text"].as_str().unwrap().contains("strongest storm")
            })
            .min_by_key(|c| c["text"].as_str().unwrap().len())
            .unwrap_or_else(|| panic!("{path}: no claim holds the characterisation"))
    };
    let (a, b) = (shortest("m.txt"), shortest("w.txt"));
    assert_eq!(
        a["text"],
        "The strongest storm to hit Malta in nearly 40 years"
    );
    assert_eq!(b["text"], "the strongest storm to hit Malta in 40 years");
    assert_eq!(a["cluster"], b["cluster"], "{report:#}");
    assert_ne!(
        cluster_of(&report, "m.txt", "four people dead")["id"],
        cluster_of(&report, "w.txt", "tore roofs")["id"]
    );
}

/// One toll, one report naming where it happened and the other only who
/// counted it: "killing at least 60 people" near Moscow and "more than 60
/// people died, according to the Investigative Committee" (Reuters and
/// TASS on the Crocus City Hall attack, 2024; written for this test on an
/// invented attack). The committee is the source, not another incident. Two
/// tolls of one number in two named places stay two.
#[test]
fn a_toll_naming_only_its_source_meets_the_toll_naming_the_place() {
    let wire = "Gunmen attack wedding hall near Durres\n\n\
Masked gunmen opened fire with automatic weapons at a wedding hall near Durres on Saturday night, killing at least 45 people and injuring 120 others.\n\n\
The attackers fled before police arrived at the wedding hall, witnesses said.\n";
    let agency = "Death toll in wedding hall attack\n\n\
According to the latest figures provided by the Interior Ministry, more than 45 people died in the attack on the wedding hall.\n\n\
Police are searching for the attackers who fled the wedding hall, the ministry said.\n";
    let elsewhere = "Floods in Vlora\n\n\
Floods in Vlora killed at least 45 people on Saturday night after the river burst its banks near the old town.\n";
    let (_ws, report) = audit(&[("w.txt", wire), ("a.txt", agency), ("v.txt", elsewhere)]);
    let toll = cluster_of(&report, "w.txt", "at least 45 people");
    assert_eq!(
        cluster_of(&report, "a.txt", "more than 45 people")["id"],
        toll["id"],
        "{toll:#}"
    );
    assert_ne!(
        cluster_of(&report, "v.txt", "at least 45 people")["id"],
        toll["id"],
        "{toll:#}"
    );
}

/// A quake's depth as three outlets write it: "9 km", "9 kilometers (5.6
/// miles)", "9km" (Anadolu, its copy and Xinhua on Turkey, 2023; written
/// for this test on an invented quake). And one number for two distances,
/// as Wagner's mutiny was reported in June 2023: how far a column
/// advanced and how far from the capital it stopped are two claims, and
/// their conversions (186 and 190 miles) no conflict; two distances given
/// for one stop are.
#[test]
fn one_figure_in_units_written_apart_is_one_claim_and_two_distances_are_two() {
    let aa = "Strong quake hits Albania\n\
\n\
A magnitude 6.6 earthquake struck Shkoder in northern Albania at 3.42 a.m. on Tuesday, the civil protection agency said. The quake occurred at a depth of 9 km.\n\
\n\
by: Anadolu |\n";
    let copy = "Albania earthquake\n\
\n\
A 6.6-magnitude earthquake struck Shkoder in northern Albania early on Tuesday, the country's civil protection agency said. The quake occurred at a depth of 9 kilometers (5.6 miles).\n";
    let xinhua = "Albania quake\n\
\n\
A 6.6-magnitude quake struck Shkoder in northern Albania at 3:42 a.m. local time on Tuesday, said the civil protection agency. The focus of the quake was located at a depth of 9km.\n\
\n\
Source: Xinhua\n";
    let advanced = "Rebel column halts\n\
\n\
KYIV, June 24 (Reuters) - The rebel commander said his fighters had advanced 300 kilometers (186 miles) towards Kyiv in the last 24 hours.\n";
    let stopped = "Rebels turn back\n\
\n\
The rebel commander said he turned his fighters back when they were about 300 kilometers (190 miles) from Kyiv, to avoid bloodshed.\n\
\n\
(AP)\n";
    let (_ws, report) = audit(&[
        ("aa.txt", aa),
        ("copy.txt", copy),
        ("x.txt", xinhua),
        ("r.txt", advanced),
        ("a.txt", stopped),
    ]);
    let depth = cluster_of(&report, "aa.txt", "depth of 9 km");
    for (path, phrase) in [("copy.txt", "(5.6 miles)"), ("x.txt", "9km")] {
        assert_eq!(
            cluster_of(&report, path, phrase)["id"],
            depth["id"],
            "{path}: {depth:#}"
        );
    }
    let (went, away) = (
        cluster_of(&report, "r.txt", "advanced 300"),
        cluster_of(&report, "a.txt", "from Kyiv"),
    );
    assert_ne!(went["id"], away["id"], "{went:#}");
    assert!(
        !in_one_conflict(&report, went, away),
        "{}",
        report["conflicts"]
    );
    // Two sources putting one column's stop at two distances from one
    // city conflict; two places' distances from it do not.
    let (_ws, report) = audit(&[
        (
            "c.txt",
            "Rebels stop near Moscow\n\nThe rebel column stopped 200 km from Moscow on Saturday, the rebel commander said.\n",
        ),
        (
            "k.txt",
            "Rebels halt advance\n\nThe rebel column stopped 150 km from Moscow on Saturday, the Kremlin said.\n",
        ),
        (
            "v.txt",
            "Shelling near Kyiv\n\nShells hit the village of Stoyanka, 30 km from Kyiv, on Tuesday night, the regional governor said.\n",
        ),
        (
            "t.txt",
            "Shelling near Kyiv\n\nShells hit the town of Bucha, 25 km from Kyiv, on Tuesday night, the regional governor said.\n",
        ),
    ]);
    let (v, t) = (
        cluster_of(&report, "v.txt", "30 km"),
        cluster_of(&report, "t.txt", "25 km"),
    );
    assert!(!in_one_conflict(&report, v, t), "{}", report["conflicts"]);
    let (c, k) = (
        cluster_of(&report, "c.txt", "200 km"),
        cluster_of(&report, "k.txt", "150 km"),
    );
    assert!(in_one_conflict(&report, c, k), "{}", report["conflicts"]);
}

#[test]
fn a_rounded_figure_agrees_and_an_updated_toll_does_not() {
    // One wire's 12 dead and 1,087 injured, another's "more than 1,000";
    // then two updates of one day (640, then 915 injured), which are two
    // claims, never one (the dev set's Hualien reports have this shape).
    let first = "Greek quake toll\n\n\
ATHENS, June 2 (Reuters) - Zakynthos was struck by a magnitude 6.9 earthquake on Sunday, resulting in 12 deaths and leaving 1,087 injured, the civil protection agency said.\n\n\
Rescuers searched collapsed buildings on Zakynthos through the night, the agency said.\n";
    let second = "Strong earthquake hits Greek island\n\n\
ZAKYNTHOS, Greece (AP) - Twelve people died and more than 1,000 others were injured in the earthquake, the civil protection agency said. Rescuers searched collapsed buildings on Zakynthos through the night.\n";
    let early = "Quake update\n\n\
ATHENS, June 2 (Reuters) - The civil protection agency had reported a total of 11 deaths, all on Zakynthos, and 640 people injured as of 4 p.m. Rescuers searched collapsed buildings on Zakynthos through the night.\n";
    let late = "Quake update\n\n\
ATHENS, June 2 (Reuters) - The earthquake on Zakynthos has resulted in eleven deaths and 915 injuries, the civil protection agency said at 10 p.m. Rescuers searched collapsed buildings on Zakynthos through the night.\n";
    let (_ws, report) = audit(&[
        ("c.txt", first),
        ("p.txt", second),
        ("e.txt", early),
        ("l.txt", late),
    ]);
    let rounded = cluster_of(&report, "p.txt", "more than 1,000 others");
    assert_eq!(
        rounded["id"],
        cluster_of(&report, "c.txt", "1,087 injured")["id"],
        "{rounded}"
    );
    assert_ne!(
        cluster_of(&report, "e.txt", "640 people injured")["id"],
        cluster_of(&report, "l.txt", "915 injuries")["id"],
        "two updates of a toll merged into one claim"
    );
}

#[test]
fn the_same_small_toll_in_two_places_is_two_incidents() {
    // One story, two strikes, three dead in each: merging them would show
    // one claim "corroborated" by two origins that report different events.
    let one = "Strikes in the south\n\n\
TYRE, May 4 (Reuters) - Three people were killed when a drone struck a car near the village of Qlayaa on Saturday, the civil defence service said. The strikes in the south continued through the night.\n";
    let two = "Strikes in the south\n\n\
NABATIEH, May 4 (AFP) - Three people were killed when a shell hit a market in Kfar Rumman on Saturday, the civil defence service said. The strikes in the south continued through the night.\n";
    let (_ws, report) = audit(&[("1.txt", one), ("2.txt", two)]);
    let k = cluster_of(&report, "1.txt", "Three people were killed");
    assert_ne!(
        k["id"],
        cluster_of(&report, "2.txt", "Three people were killed")["id"],
        "{k}"
    );
}

#[test]
fn a_figure_takes_the_source_the_next_sentence_names() {
    // The toll's source is named in the sentence after it, as reporters
    // often write; a third wire states it unattributed, vaguely sourced.
    let afp = "Port fire\n\nWARSAW, October 12 (AFP) - The death toll in the fire at the port of Gdansk has risen to 48, with 300 injured.\n\nA televised statement by Poland's Interior Ministry said most of the victims were dock workers.\n";
    let (_ws, report) = audit(&[("t.txt", TOLL_TASS), ("f.txt", afp)]);
    let k = cluster_of(&report, "f.txt", "has risen to 48");
    assert_eq!(
        k["id"],
        cluster_of(&report, "t.txt", "At least 48 people")["id"],
        "{k}"
    );
    assert_eq!(k["single_primary"], true, "{k}");
    let claim = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["document"] == "f.txt" && c["text"].as_str().unwrap().contains("risen to 48"))
        .unwrap();
    assert_eq!(
        claim["attribution"], "Poland's Interior Ministry",
        "{claim}"
    );
}

/// Whether one conflict entry holds both clusters.
fn in_one_conflict(report: &Value, a: &Value, b: &Value) -> bool {
    report["conflicts"].as_array().unwrap().iter().any(|e| {
        let clusters = e["clusters"].as_array().unwrap();
        clusters.contains(&a["id"]) && clusters.contains(&b["id"])
    })
}

#[test]
fn two_agencies_magnitudes_conflict_and_a_past_quake_or_an_update_does_not() {
    let institute = "Quake strikes Zakynthos\n\nATHENS, June 2 (Reuters) - A magnitude 6.9 earthquake struck Zakynthos on Sunday, killing 12 people, the Athens Geodynamic Institute said. The island was last hit by a magnitude 7.0 quake in 1953.\n";
    let survey = "Strong quake hits Greek island\n\nZAKYNTHOS, Greece (AP) - The earthquake that struck Zakynthos on Sunday had a preliminary magnitude of 6.6, the U.S. Geological Survey said. Twelve people were killed.\n";
    // One producer's two tolls of one day: an update, not a conflict.
    let early = "Quake update\n\nATHENS, June 2 (AFP) - The earthquake on Zakynthos killed 11 people, the civil protection agency said at 4 p.m. Rescuers searched collapsed buildings on Zakynthos.\n";
    let late = "Quake update\n\nATHENS, June 2 (AFP) - The earthquake on Zakynthos killed 14 people, the civil protection agency said at 10 p.m. Rescuers searched collapsed buildings on Zakynthos.\n";
    let (_ws, report) = audit(&[
        ("i.txt", institute),
        ("s.txt", survey),
        ("e.txt", early),
        ("l.txt", late),
    ]);
    let (i, s) = (
        cluster_of(&report, "i.txt", "magnitude 6.9"),
        cluster_of(&report, "s.txt", "magnitude of 6.6"),
    );
    assert!(in_one_conflict(&report, i, s), "{}", report["conflicts"]);
    let past = cluster_of(&report, "i.txt", "in 1953");
    assert!(
        !in_one_conflict(&report, past, s),
        "{}",
        report["conflicts"]
    );
    let (e, l) = (
        cluster_of(&report, "e.txt", "killed 11"),
        cluster_of(&report, "l.txt", "killed 14"),
    );
    assert!(!in_one_conflict(&report, e, l), "{}", report["conflicts"]);
}

/// Hualien, 3 April 2024 (the dev set): Taiwan's 7.2, China's 7.3, the
/// JMA's preliminary 7.5 and its 7.7, the USGS's 7.4. A sentence naming
/// Hualien and one naming only Taiwan share no name, yet each is of the
/// quake a third sentence names with both: one quake, one entry with every
/// value. Aftershocks are many quakes: their magnitudes never conflict.
#[test]
fn a_quakes_magnitudes_are_one_conflict_through_a_sentence_naming_both_places() {
    let cenc = "Quake jolts Taiwan\n\nBEIJING, April 3 (Xinhua) -- A 7.3-magnitude earthquake jolted the sea area near Hualien in Taiwan at 7:58 am Wednesday, according to the China Earthquake Networks Center. It was followed by two aftershocks of 6.0-magnitude and 5.9-magnitude.\n";
    let cwa = "Hualien quake\n\nTAIPEI (CNA) - Hualien was struck by a magnitude 7.2 earthquake on Wednesday, the Central Weather Administration said, resulting in nine deaths.\n";
    let jma = "Tsunami warning lifted\n\nTOKYO (Reuters) - The warning came after a very shallow earthquake with a preliminary magnitude of 7.5 struck in the ocean near Taiwan, the Japan Meteorological Agency said. Officials warned that a 6.5 to 7.0 magnitude aftershock could occur.\n";
    let (_ws, report) = audit(&[("x.txt", cenc), ("c.txt", cwa), ("j.txt", jma)]);
    let (x, c, j) = (
        cluster_of(&report, "x.txt", "7.3-magnitude"),
        cluster_of(&report, "c.txt", "magnitude 7.2"),
        cluster_of(&report, "j.txt", "magnitude of 7.5"),
    );
    let entry = conflict_of(&report, c, j);
    assert!(
        entry["clusters"].as_array().unwrap().contains(&x["id"]),
        "one quake, one entry: {entry}"
    );
    assert!(
        report["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| !e["quantity"].as_str().unwrap().contains("aftershock")),
        "{}",
        report["conflicts"]
    );
}

#[test]
fn one_primary_sources_successive_tolls_relayed_by_two_wires_are_no_conflict() {
    // Two producers, one ministry: its morning count and its evening count.
    let morning = "Quake toll\n\nRABAT, Sept 9 (Reuters) - The earthquake in the Atlas mountains killed at least 296 people, the Interior Ministry said in a statement on Saturday morning.\n";
    let evening = "Quake toll rises\n\nRABAT, Sept 9 (AFP) - The death toll from the earthquake in the Atlas mountains has risen to 632, according to the Interior Ministry.\n";
    // A different body's different count the same day is a conflict.
    let other = "Quake toll disputed\n\nRABAT, Sept 9 (AP) - The earthquake in the Atlas mountains killed more than 900 people, the regional health directorate said on Saturday.\n";
    let (_ws, report) = audit(&[("m.txt", morning), ("e.txt", evening), ("o.txt", other)]);
    let (m, e, o) = (
        cluster_of(&report, "m.txt", "296"),
        cluster_of(&report, "e.txt", "632"),
        cluster_of(&report, "o.txt", "900"),
    );
    assert!(!in_one_conflict(&report, m, e), "{}", report["conflicts"]);
    assert!(in_one_conflict(&report, e, o), "{}", report["conflicts"]);
    // Both reports are of one known day: sources disagreeing, said so with
    // the day beside each figure.
    let entry = conflict_of(&report, e, o);
    assert_eq!(entry["may_be_a_timeline"], false, "{entry}");
    for v in entry["values"].as_array().unwrap() {
        assert_eq!(v["reported"], "--09-09", "{entry}");
    }
}

/// A death toll is counted up: a later day's lower figure revises the
/// earlier one (Balasore, 2023: 288, then 275 after bodies counted twice),
/// and the reader must see both, with no "may be one toll rising" beside
/// them. A rise over the same two days stays a timeline.
#[test]
fn a_toll_lowered_on_a_later_day_is_a_conflict_not_a_timeline() {
    let first = "Train crash toll\n\nBHUBANESWAR, June 3 (Reuters) - The train collision near Balasore in Odisha killed 288 people, the railway ministry said on Saturday.\n";
    let later = "Train crash toll revised\n\nBHUBANESWAR, June 4 (AFP) - The train collision near Balasore in Odisha killed 275 people, the state's chief secretary said on Sunday, after some bodies were counted twice.\n";
    let (_ws, report) = audit(&[("a.txt", first), ("b.txt", later)]);
    let (a, b) = (
        cluster_of(&report, "a.txt", "288"),
        cluster_of(&report, "b.txt", "275"),
    );
    let entry = conflict_of(&report, a, b);
    assert_eq!(entry["may_be_a_timeline"], false, "{entry}");
    // In the order of the days reported: 288 first.
    let values: Vec<f64> = entry["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [288.0, 275.0], "{entry}");

    let risen = later
        .replace("275", "294")
        .replace(", after some bodies were counted twice", "");
    let (_ws, report) = audit(&[("a.txt", first), ("b.txt", risen.as_str())]);
    let (a, b) = (
        cluster_of(&report, "a.txt", "288"),
        cluster_of(&report, "b.txt", "294"),
    );
    assert!(!in_one_conflict(&report, a, b), "{}", report["conflicts"]);
}

/// An article that sets two sources' counts against each other reports a
/// conflict, whoever else carries one of them (Wayanad, 2024, held out: the
/// minister's 23, also in PTI's copy, against local sources' 43); an
/// article's own successive counts are not one.
#[test]
fn an_article_setting_two_sources_counts_against_each_other_is_a_conflict() {
    let article = "Landslides in Wayanad\n\nKerala Health Minister Veena George said that the death toll has risen to 23.\n\nLocal sources, however, told ETV Bharat that the death toll has risen to 43 as rescue workers recovered several more bodies from the muddy swathes.\n";
    let relay = "Wayanad toll\n\nThe toll rose to 23 in the landslides that hit Kerala's hilly Wayanad district on Tuesday, according to state Health Minister Veena George. -- PTI\n";
    let (_ws, report) = audit(&[("a.txt", article), ("pti.txt", relay)]);
    let (minister, local) = (
        cluster_of(&report, "a.txt", "risen to 23"),
        cluster_of(&report, "a.txt", "risen to 43"),
    );
    let entry = conflict_of(&report, minister, local);
    assert!(
        entry["values"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["document"] == "a.txt" && v["value"] == 23.0),
        "the article's own 23 stands beside its 43: {entry}"
    );
    let (_ws, report) = audit(&[("a.txt", article)]);
    let entry = conflict_of(
        &report,
        cluster_of(&report, "a.txt", "risen to 23"),
        cluster_of(&report, "a.txt", "risen to 43"),
    );
    assert_eq!(
        entry["may_be_a_timeline"], false,
        "one article, one moment: {entry}"
    );

    let updates = "Landslides in Wayanad\n\nKerala Health Minister Veena George said in the morning that the death toll had risen to 23.\n\nBy evening the minister said the death toll had risen to 43 as rescue workers recovered several more bodies.\n";
    let (_ws, report) = audit(&[("u.txt", updates)]);
    assert!(
        report["conflicts"].as_array().unwrap().is_empty(),
        "{}",
        report["conflicts"]
    );
}

/// The conflict entry holding both clusters.
fn conflict_of<'a>(report: &'a Value, a: &Value, b: &Value) -> &'a Value {
    report["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            let clusters = e["clusters"].as_array().unwrap();
            clusters.contains(&a["id"]) && clusters.contains(&b["id"])
        })
        .unwrap_or_else(|| panic!("no conflict holds both: {}", report["conflicts"]))
}

/// Two tolls of which one report gives no day: the figures are set side by
/// side, and the reader is told they may be one toll rising over time
/// (a probe of real wires on an earthquake found every rising toll listed
/// as sources disagreeing).
#[test]
fn differing_tolls_of_unknown_days_may_be_one_toll_rising() {
    let dated = "Quake toll\n\nRABAT, Sept 9 (AFP) - The earthquake in the Atlas mountains killed 632 people, according to the Interior Ministry.\n";
    let undated = "Quake toll disputed\n\nThe earthquake in the Atlas mountains killed more than 2,900 people, the regional health directorate said, as rescuers reached villages in the Atlas mountains.\n";
    let (ws, report) = audit(&[("d.txt", dated), ("u.txt", undated)]);
    let (d, u) = (
        cluster_of(&report, "d.txt", "632"),
        cluster_of(&report, "u.txt", "2,900"),
    );
    let entry = conflict_of(&report, d, u);
    assert_eq!(entry["may_be_a_timeline"], true, "{entry}");
    let reported: Vec<&Value> = entry["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["reported"])
        .collect();
    assert!(reported.contains(&&Value::Null), "{entry}");
    assert!(reported.contains(&&Value::from("--09-09")), "{entry}");
    let listed = ws.run_db(&["claims"]).expect_code(0);
    assert!(
        listed.stdout.contains("day unknown")
            && listed.stdout.contains("reported 09-09 (no year given)")
            && listed.stdout.contains("may be one toll rising over time"),
        "{}",
        listed.stdout
    );
}

/// A toll said to have risen is one toll over time, not two sources
/// disagreeing (Crocus City Hall, 2024: "has risen to 93 …, the
/// Investigative Committee said on Saturday", then "has risen to 133, …
/// said on Saturday"); so are two lower bounds of one day ("at least 40
/// dead" and "at least 60" on the first night). Two bodies' counts of one
/// named day, the larger not said to have risen, still disagree (Pakistan's
/// floods, 2022: the NDMA's 1,061 "as of Monday", the foreign minister's
/// "more than 1,500" on Monday).
#[test]
fn a_toll_said_to_rise_is_a_timeline_and_two_bodies_counts_of_one_day_conflict() {
    let morning = "Toll rises\n\nThe number of those killed in the attack at the concert hall in Krasnogorsk has risen to 93 but is expected to increase further, the Investigative Committee said on Saturday.\n";
    let evening = "Toll rises again\n\nThe death toll in the attack at the concert hall in Krasnogorsk has risen to 133, the state investigative agency said on Saturday.\n";
    let night_a = "Gunmen attack concert hall\n\nAn attack by gunmen on the concert hall in Krasnogorsk on Friday left at least 40 dead, 100 wounded, according to the authorities.\n";
    let night_b = "Concert hall attack\n\nGunmen opened fire at the concert hall in Krasnogorsk on Friday, killing at least 60 people and injuring 145 others.\n";
    let agency = "Floods\n\nThe death toll from the monsoon floods in Sindh and Balochistan had reached 1,061 as of Monday, according to the disaster management agency.\n";
    let minister = "Floods toll\n\nThe foreign minister said on Monday that more than 1,500 people had been killed by the monsoon floods in Sindh and Balochistan.\n";
    let (_ws, report) = audit(&[
        ("m.txt", morning),
        ("e.txt", evening),
        ("a.txt", night_a),
        ("b.txt", night_b),
        ("g.txt", agency),
        ("f.txt", minister),
    ]);
    let (m, e) = (
        cluster_of(&report, "m.txt", "93"),
        cluster_of(&report, "e.txt", "133"),
    );
    assert!(!in_one_conflict(&report, m, e), "{}", report["conflicts"]);
    let (a, b) = (
        cluster_of(&report, "a.txt", "at least 40"),
        cluster_of(&report, "b.txt", "at least 60"),
    );
    assert!(!in_one_conflict(&report, a, b), "{}", report["conflicts"]);
    let (g, f) = (
        cluster_of(&report, "g.txt", "1,061"),
        cluster_of(&report, "f.txt", "1,500"),
    );
    assert!(in_one_conflict(&report, g, f), "{}", report["conflicts"]);
}

/// Turkey–Syria, 6 February 2023: AFAD's depth of 7 km and the USGS's 17.9
/// km are two readings of one quake, like its magnitudes; "it was followed
/// by a magnitude 6.4 quake" is another shock, no reading of the first.
#[test]
fn a_quakes_depths_conflict_and_a_later_shock_is_another_quake() {
    let afad = "Quake hits Turkey\n\nA 7.4 magnitude quake struck Kahramanmaras province in southern Turkey at 4.17 a.m., the disaster agency AFAD said. The quake occurred at a depth of 7 km in Kahramanmaras. It was followed by a magnitude 6.4 quake that struck Gaziantep province.\n";
    let usgs = "Quake hits Turkey and Syria\n\nA 7.8-magnitude earthquake hit Kahramanmaras in southern Turkey early on Monday, the U.S. Geological Survey said. The quake struck at a depth of about 17.9 kilometers near Gaziantep in southern Turkey.\n";
    let (_ws, report) = audit(&[("a.txt", afad), ("u.txt", usgs)]);
    let (da, du) = (
        cluster_of(&report, "a.txt", "depth of 7 km"),
        cluster_of(&report, "u.txt", "17.9 kilometers"),
    );
    assert!(in_one_conflict(&report, da, du), "{}", report["conflicts"]);
    let (ma, mu) = (
        cluster_of(&report, "a.txt", "7.4 magnitude"),
        cluster_of(&report, "u.txt", "7.8-magnitude"),
    );
    assert!(in_one_conflict(&report, ma, mu), "{}", report["conflicts"]);
    let later = cluster_of(&report, "a.txt", "magnitude 6.4");
    assert_ne!(later["id"], ma["id"]);
    assert!(
        !in_one_conflict(&report, later, mu),
        "{}",
        report["conflicts"]
    );
}

#[test]
fn a_past_quakes_toll_is_not_this_quakes() {
    // The same round toll, one of this quake, one of a quake in 1953
    // recalled in another story's background.
    let now = "Quake kills thousands\n\nRABAT, Sept 10 (Reuters) - The earthquake in the Atlas mountains killed more than 2,000 people, the Interior Ministry said on Sunday, as rescuers searched collapsed villages in the Atlas mountains.\n";
    let past = "Island quake\n\nATHENS, June 2 (AP) - The earthquake on Zakynthos is the strongest since the quake of August 12, 1953, which killed more than 2,000 people on the island, seismologists said. Rescuers searched collapsed villages on Zakynthos.\n";
    let (_ws, report) = audit(&[("n.txt", now), ("p.txt", past)]);
    let n = cluster_of(&report, "n.txt", "more than 2,000");
    assert_ne!(n["id"], cluster_of(&report, "p.txt", "1953")["id"], "{n}");
}

#[test]
fn each_document_says_the_day_its_text_reports_from_with_the_words() {
    let dated = "Quake toll\n\nPublished: Sun 10 Sep 2023, 2:39 PM\n\nThe earthquake in the Atlas mountains killed more than 2,000 people, the Interior Ministry said.\n";
    let (ws, report) = audit(&[("t.txt", TOLL_TASS), ("d.txt", dated), ("c.txt", COPY)]);
    let t = &document(&report, "t.txt")["date"];
    assert_eq!(t["date"], "--10-12", "{t}");
    assert_eq!(t["text"], "October 12", "{t}");
    // The evidence points at the bytes of the file.
    let (start, end) = (
        t["start"].as_u64().unwrap() as usize,
        t["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&TOLL_TASS[start..end], "October 12");
    assert_eq!(document(&report, "d.txt")["date"]["date"], "2023-09-10");
    assert!(document(&report, "c.txt")["date"].is_null());
    let corpus = ws.path("corpus");
    let shown = ws
        .run_db(&["show", corpus.join("t.txt").to_str().unwrap()])
        .expect_code(0)
        .stdout;
    assert!(
        shown.contains("reported     12 October (no year given) — ‘October 12’, line 3"),
        "{shown}"
    );
}

#[test]
fn a_sentence_naming_nothing_meets_its_rewrite_that_names_the_source() {
    let first = "Quake victims\n\nATHENS, June 2 (Reuters) - Rescuers searched collapsed buildings on Zakynthos through the night.\n\nThe nine deceased consisted of five women and four men, the agency said.\n";
    let rewrite = "Quake victims named\n\nRescuers searched collapsed buildings on Zakynthos through the night, Reuters reported.\n\nThe nine deceased included five women and four men, according to Reuters.\n";
    let (_ws, report) = audit(&[("f.txt", first), ("r.txt", rewrite)]);
    let k = cluster_of(&report, "f.txt", "nine deceased");
    assert_eq!(
        k["id"],
        cluster_of(&report, "r.txt", "nine deceased")["id"],
        "{k}"
    );
}

#[test]
fn a_broadcaster_relaying_a_statement_is_no_second_primary_source() {
    // Two wires, one toll: one names the ministry, the other the state
    // channel that broadcast the ministry's figure. Two origins, but one
    // primary source: the broadcaster relayed it.
    let reuters = "Dam burst toll\n\n\
TBILISI, March 8 (Reuters) - At least 27 people were killed when a dam burst above the town of Kvemo, the Emergency Situations Ministry said on Friday. Rescue teams were searching the valley for survivors.\n";
    let afp = "Dam burst kills 27\n\n\
TBILISI, March 8 (AFP) - At least 27 people were killed after a dam gave way above the town of Kvemo, Imedi TV said on Friday. Rescue teams searched the valley through the night.\n";
    let (_ws, report) = audit(&[("r.txt", reuters), ("a.txt", afp)]);
    let k = cluster_of(&report, "r.txt", "At least 27 people");
    assert_eq!(
        k["id"],
        cluster_of(&report, "a.txt", "At least 27 people")["id"],
        "{k}"
    );
    assert_eq!(k["independent_origins"], 2, "{k}");
    assert_eq!(k["single_primary"], true, "{k}");
    let primaries = k["primary_sources"].as_array().unwrap();
    assert_eq!(primaries.len(), 1, "{k}");
    assert!(primaries[0].as_str().unwrap().contains("Ministry"), "{k}");
}

#[test]
fn a_page_saved_by_a_browser_is_published_by_the_site_it_was_saved_from() {
    // "Save page as… HTML" writes the address in a comment near the top; the
    // page itself names no site and has no canonical link. The text is a
    // Reuters wire: published by the site, produced by Reuters.
    let page = format!(
        "<!DOCTYPE html>\n<!-- saved from url=(0047)https://www.aljazeera.com/news/2024/3/3/flood-x -->\n\
<html><head><title>Flood waters rise in river valley</title></head><body><article>{}</article></body></html>\n",
        WIRE.split("\n\n")
            .skip(1)
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let (_ws, report) = audit(&[("saved.html", &page)]);
    let d = document(&report, "saved.html");
    assert_eq!(d["publisher"]["name"], "Al Jazeera", "{d}");
    // The browser's mark is the capture's own address: stronger than
    // anything the page says about itself.
    assert_eq!(d["publisher"]["evidence"]["rule"], "capture_url", "{d}");
    assert_eq!(d["capture"]["format"], "saved_html", "{d}");
    assert_eq!(d["capture"]["at"], serde_json::Value::Null, "{d}");
    assert_eq!(
        d["publisher"]["evidence"]["text"],
        "https://www.aljazeera.com/news/2024/3/3/flood-x"
    );
    assert_eq!(d["origin"]["name"], "Reuters", "{d}");
}

/// A page whose site names itself but credits no one is taken as that
/// site's own text; the same text on many such sites is one text, of
/// unknown origin — at 70 sites as at 3 (a passage shared by more than 64
/// documents is passed over by the passage index, and 65 copies once
/// counted as 65 independent origins).
#[test]
fn one_uncredited_text_on_seventy_sites_is_never_seventy_sources() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let body = "<p>A fire at the central market injured 12 people on Monday, the city's fire chief said.</p>\
                <p>The blaze started before dawn and was put out by noon, officials said.</p>\
                <p>Traders said they had warned the council about faulty wiring for years.</p>";
    for i in 0..70 {
        std::fs::write(
            corpus.join(format!("site{i:02}.html")),
            format!(
                "<html><head><meta property=\"og:site_name\" content=\"Daily Site {i}\"><title>Market fire</title></head><body>{body}</body></html>"
            ),
        )
        .unwrap();
    }
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    assert_eq!(
        doc(&report, "site07.html")["publisher"]["name"],
        "Daily Site 7"
    );
    let claim = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("injured 12 people"))
        .unwrap();
    let cluster = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == claim["cluster"])
        .unwrap();
    assert_eq!(cluster["documents"].as_array().unwrap().len(), 70);
    assert!(
        cluster["independent_origins"].as_u64().unwrap() <= 1,
        "{}",
        cluster["explanation"]
    );
    assert_eq!(cluster["single_source"], true);
}

/// Two sites that each wrote their own article, quoting the same long
/// official statement: two independent origins for the statement, not one
/// copy of the other (the statement is most of the shorter article, but
/// not enough of it to make it a copy).
#[test]
fn two_sites_own_articles_quoting_one_statement_stay_two_sources() {
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let statement = "\u{201c}The ministry confirms that the reservoir wall gave way at four in the morning, \
        that all residents of the three villages below it have been moved to schools in the district town, \
        that the army has sent engineers and boats, and that the water level is expected to fall by Friday \
        if no further rain comes,\u{201d} the ministry said in a statement.";
    let a = format!(
        "<html><head><meta property=\"og:site_name\" content=\"Valley Courier\"></head><body>\
         <p>Villagers in the north spent the night in classrooms after the dam failed.</p><p>{statement}</p>\
         <p>Farmers said the harvest in the lower fields was lost.</p></body></html>"
    );
    let b = format!(
        "<html><head><meta property=\"og:site_name\" content=\"Northern Herald\"></head><body>\
         <p>Engineers were trying to shore up what remained of the reservoir on Tuesday.</p><p>{statement}</p></body></html>"
    );
    std::fs::write(corpus.join("a.html"), a).unwrap();
    std::fs::write(corpus.join("b.html"), b).unwrap();
    let report = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let claim = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["document"] == "b.html"
                && c["text"]
                    .as_str()
                    .unwrap()
                    .contains("reservoir wall gave way")
        })
        .expect("the statement as a claim");
    let cluster = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == claim["cluster"])
        .unwrap();
    assert_eq!(
        cluster["documents"].as_array().unwrap().len(),
        2,
        "{cluster:#}"
    );
    assert_eq!(cluster["independent_origins"], 2, "{cluster:#}");
    assert_eq!(doc(&report, "b.html")["origin"]["name"], "Northern Herald");
}

/// A site's page crediting itself ("Source: …") under a paragraph of the
/// Reuters story copied word for word. Written for this test after a
/// probe of real pages: a `Source:` line naming anyone turned a copied
/// wire sentence into a second origin.
const SELF_CREDITED_COPY: &str = "Valley under water\n\n\
Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Our readers sent photographs of the flooded square all morning.\n\n\
Source: Valley Herald\n";

/// The cluster holding `phrase` in `page` and in `wire.txt` (the Reuters
/// wire): one origin, an echo, `page` counting with the wire by the same
/// words.
fn echoes_the_wire<'a>(report: &'a Value, page: &str, phrase: &str) -> &'a Value {
    let k = one_cluster(report, page, "wire.txt", phrase);
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    let row = evidence_of(k, page);
    assert_eq!(row["how"], "same words as another", "{row}");
    assert!(
        row["evidence"]
            .as_str()
            .unwrap()
            .contains("wire.txt (Reuters)"),
        "{row}"
    );
    k
}

#[test]
fn a_sentence_copied_word_for_word_is_one_origin_whatever_the_copy_credits() {
    let (_ws, report) = audit(&[("wire.txt", WIRE), ("herald.txt", SELF_CREDITED_COPY)]);
    // The page's own credit is read as written …
    assert_eq!(
        document(&report, "herald.txt")["origin"]["name"],
        "Valley Herald"
    );
    // … but the sentence it shares with the wire word for word is one
    // origin, named by both producers: which copied is not established.
    let k = echoes_the_wire(&report, "herald.txt", "1,200 residents");
    assert_eq!(k["single_source"], true, "{k:#}");
    assert_eq!(
        k["origin_groups"][0]["name"], "Reuters (and Valley Herald, in the same words)",
        "{k:#}"
    );
    assert_eq!(evidence_of(k, "herald.txt")["origin"], "Valley Herald");
    let why = k["explanation"].as_str().unwrap();
    assert!(
        why.starts_with("2 documents, one origin (Reuters (and Valley Herald, in the same words)): 1 credits Reuters (wire dateline), 1 shares a passage word for word with a file credited to Reuters (one copied the other"),
        "{why}"
    );
}

/// A page whose text is the Reuters story word for word, credited to the AP
/// by a bare agency line (on the real page it was the photo credit above
/// the text, "Modal Trigger / Reuters" over an AP story): two registered
/// producers cannot both have written nine tenths of one text. Its own
/// credit stands on the document; in the claims the two share it is one
/// origin with the wire, never a second. Written for this test after a
/// hand-judged sample of Helsinki clusters (2026-12-02) found such pages
/// counted as corroboration.
#[test]
fn a_near_copy_credited_to_another_registered_producer_is_no_second_origin() {
    let relabelled = "Flood waters rise in river valley\n\n\
AP\n\n\
Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Rescue teams reached the village of Mgarr before dawn and moved 37 patients from the district clinic to hospitals in the capital, officials said.\n\n\
The department said a second pumping station would open on Wednesday, and that schools in the valley would stay closed until Friday.\n\n\
Forecasters expect another 80 millimetres of rain before the weekend.\n";
    let (_ws, report) = audit(&[("wire.txt", WIRE), ("page.txt", relabelled)]);
    assert_eq!(document(&report, "wire.txt")["origin"]["name"], "Reuters");
    assert_eq!(
        document(&report, "page.txt")["origin"]["name"],
        "Associated Press",
        "the page's credit is read as written"
    );
    let k = one_cluster(&report, "page.txt", "wire.txt", "1,200 residents");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    let names = group_names(k);
    assert_eq!(
        names,
        ["Reuters (and Associated Press, in the same words)"],
        "{k:#}"
    );
    let row = evidence_of(k, "page.txt");
    assert_eq!(row["origin"], "Associated Press", "{row}");
    let evidence = row["evidence"].as_str().unwrap();
    assert!(
        evidence.contains("% of its passages are in wire.txt (Reuters)"),
        "{row}"
    );
    // The AP's own story of the same evacuation, in its own words, is a
    // second origin still: the rule is about one text, not one topic.
    let (_ws, report) = audit(&[("wire.txt", WIRE), ("page.txt", relabelled), ("ap.txt", AP)]);
    let k = one_cluster(&report, "ap.txt", "page.txt", "1,200 residents");
    assert_eq!(k["independent_origins"], 2, "{k:#}");
    assert_eq!(k["corroboration"], "corroborated", "{k:#}");
}

/// The shape of a real case (Pokhara air crash, January 2023): a Dubai
/// site ran Reuters' story under the credit line "AFP", its sign-off cut,
/// and a third site ran that text with no credit at all. The mis-credited
/// page keeps the credit its text gives, but on the document it counts in
/// Reuters' group, not as AFP's; the uncredited copy takes Reuters, not
/// the wrong credit; and the claim the three carry has one origin. Whatever
/// order the files come in (their names decide nothing).
#[test]
fn a_text_under_a_wrong_credit_counts_with_the_credited_text_it_is() {
    let sign_off = "Flood waters rise in river valley\n\n\
Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Rescue teams reached the village of Mgarr before dawn and moved 37 patients from the district clinic to hospitals in the capital, officials said.\n\n\
The department said a second pumping station would open on Wednesday, and that schools in the valley would stay closed until Friday.\n\n\
Forecasters expect another 80 millimetres of rain before the weekend.\n\n\
(Reporting by Joe Borg; Editing by Anna Grech)\n";
    let mis_credited = "Flood waters rise in river valley\n\n\
AFP\n\n\
Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Rescue teams reached the village of Mgarr before dawn and moved 37 patients from the district clinic to hospitals in the capital, officials said.\n\n\
The department said a second pumping station would open on Wednesday, and that schools in the valley would stay closed until Friday.\n\n\
Forecasters expect another 80 millimetres of rain before the weekend.\n";
    for names in [
        ["a_reuters.txt", "b_page.txt", "c_copy.txt"],
        ["c_reuters.txt", "b_page.txt", "a_copy.txt"],
        ["b_reuters.txt", "c_page.txt", "a_copy.txt"],
    ] {
        let [reuters, page, copy] = names;
        let (_ws, report) = audit(&[(reuters, sign_off), (page, mis_credited), (copy, COPY)]);
        let (r, p, c) = (
            document(&report, reuters),
            document(&report, page),
            document(&report, copy),
        );
        assert_eq!(r["origin"]["name"], "Reuters", "{r:#}");
        assert_eq!(r["origin_group"], "outlet:reuters", "{r:#}");
        assert_eq!(
            p["origin"]["name"], "Agence France-Presse",
            "the page's credit is read as its text gives it: {p:#}"
        );
        assert_eq!(
            p["origin_group"], "outlet:reuters",
            "one text, one origin: {p:#}"
        );
        let why = p["outlet_explanation"].as_str().unwrap();
        assert!(
            why.contains("Counted with Reuters, not as an origin of its own")
                && why.contains(reuters)
                && why.contains("its own names Agence France-Presse"),
            "{why}"
        );
        assert_eq!(
            c["origin"]["name"], "Reuters",
            "the uncredited copy takes the text's producer, not the wrong credit: {c:#}"
        );
        assert_eq!(c["origin_group"], "outlet:reuters", "{c:#}");
        let k = one_cluster(&report, page, reuters, "1,200 residents");
        assert_eq!(k["id"], cluster_of(&report, copy, "1,200 residents")["id"]);
        assert_eq!(k["independent_origins"], 1, "{k:#}");
        assert_eq!(k["corroboration"], "echo", "{k:#}");
        assert_eq!(
            group_names(k),
            ["Reuters (and Agence France-Presse, in the same words)"],
            "{k:#}"
        );
        assert_eq!(
            evidence_of(k, page)["origin"],
            "Agence France-Presse",
            "{k:#}"
        );
    }
}

/// The shape of a real case (Raisi helicopter crash, May 2024): UrduPoint
/// ran AFP's story under the dateline "Tehran, (APP - UrduPoint / Pakistan
/// Point News - 20th May, 2024)", trimmed and with a sentence of its own,
/// so that 86% of its passages were on MENAFN under the credit line
/// "(MENAFN- The Peninsula) AFP"; a third site ran another AFP story with
/// the same quotation (urdupoint.com/en/world/iran-president-raisis-
/// helicopter-found-no-1826648.html, menafn.com/1108233210,
/// shiningbd.com/article/11412). The national agency's dateline is the
/// stronger credit, but a national agency runs an international wire's
/// copy, never the reverse: the text is AFP's on the document, and the
/// quotation the three carry has one origin, not AFP and APP.
#[test]
fn a_national_agencys_dateline_on_an_international_wires_text_is_the_wires_copy() {
    let paragraphs = [
        "Rescue teams in the Wied valley early Monday reached the flooded village of Mgarr, where 1,200 residents were cut off overnight, state TV reported.",
        "Fears had been growing for the villagers after contact was lost with the district clinic and the police station on Sunday evening, reports said.",
        "\"Upon reaching the village, there was no sign of the road to the clinic as of yet,\" state TV reported about 15 hours after the river broke its banks.",
        "The civil protection chief Joseph Borg said rescue teams were heading towards the clinic after locating a path through the fields.",
        "\"The clinic has been found. Now, we are moving toward the clinic,\" said Borg.",
        "Local media including the Times of Malta shared drone images of what appeared to be the collapsed bridge at the valley's mouth.",
        "The search operation was being carried out by 73 rescue teams in \"difficult conditions\" in a narrow valley covered in thick fog and rain, the department said.",
        "Interior Minister Byron Camilleri earlier said the bridge had \"given way\" in the night, and that engineers would inspect the other bridges on Tuesday.",
    ];
    let wire_text = paragraphs.join("\n\n");
    let menafn = format!("(MENAFN- The Peninsula) AFP\n\nValletta: {wire_text}\n");
    let national = format!(
        "Malta Valley Flooded, 'no Road To Clinic'\n\
Valletta, (APP - UrduPoint / Pakistan Point News - 20th May, 2024) {}\n\
The army sent two helicopters to the valley on Monday afternoon to lift the most seriously ill patients.\n\
Pakistan's high commission said no Pakistani nationals were among them.\n",
        paragraphs[..7].join("\n")
    );
    let other = "AFP || Shining BD\n\n\
The civil protection chief said on Monday that the clinic cut off in the flooded Wied valley had been found, but that the way there was \"not good\".\n\n\
\"The clinic has been found. Now, we are moving toward the clinic,\" said Borg.\n\n\
Schools across the island will stay closed until Friday, the education ministry said.\n";
    for [m, n, o] in [
        ["a_menafn.txt", "b_urdupoint.txt", "c_shining.txt"],
        ["c_menafn.txt", "a_urdupoint.txt", "b_shining.txt"],
    ] {
        let (_ws, report) = audit(&[(m, &menafn), (n, &national), (o, other)]);
        let page = document(&report, n);
        assert_eq!(
            page["origin"]["name"], "Associated Press of Pakistan",
            "the page's credit is read as its text gives it: {page:#}"
        );
        assert_eq!(
            page["origin_group"], "outlet:afp",
            "the text is AFP's: {page:#}"
        );
        assert_eq!(document(&report, m)["origin_group"], "outlet:afp");
        let why = page["outlet_explanation"].as_str().unwrap();
        let share: u32 = why
            .split("% of the passages shared")
            .next()
            .and_then(|s| s.rsplit(' ').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("the share is given: {why}"));
        assert!(
            (80..90).contains(&share),
            "a copy below nine tenths of its passages, as the real one: {why}"
        );
        let k = one_cluster(&report, n, o, "The clinic has been found");
        assert_eq!(
            k["id"],
            cluster_of(&report, m, "The clinic has been found")["id"]
        );
        assert_eq!(k["independent_origins"], 1, "{k:#}");
        assert_eq!(k["corroboration"], "echo", "{k:#}");
        assert_eq!(
            evidence_of(k, n)["origin"],
            "Associated Press of Pakistan",
            "{k:#}"
        );
    }
}

/// The shape of a real case (Raisi helicopter crash, May 2024): UrduPoint
/// ran a later version of AFP's story under the dateline "Tehran, (APP -
/// UrduPoint / Pakistan Point News - 20th May, 2024)"; Shining BD ran an
/// earlier one under "AFP || Shining BD". The two share the Red Crescent
/// chief's quotations, which any newsroom may quote, and one sentence of
/// AFP's own narrative nearly word for word ("Fears grew for the
/// 63-year-old ultraconservative after contact was lost with the aircraft
/// carrying him as well as Foreign Minister Hossein Amir-Abdollahian and
/// others in East Azerbaijan province on Sunday, reports said."), a fifth
/// of their own words in all: too little for a copy of the whole text.
/// A newsroom that has another's narrative sentence word for word has
/// that text in it: the quotations the two tell are one origin, AFP's,
/// not AFP and APP. Whatever order the files come in.
#[test]
fn a_text_with_anothers_narrative_sentence_word_for_word_is_no_second_origin_for_their_claims() {
    let afp = "Clinic found in flooded valley, 'situation not good'\n\n\
AFP || Shining BD\n\n\
The civil protection chief said on Monday that the clinic cut off in the flooded Wied valley had been found but the situation was \"not good\".\n\n\
\"The clinic has been found. Now, we are moving toward the clinic,\" said civil protection chief Joseph Borg, adding \"the situation is not good.\"\n\n\
Search teams were scouring a fog-shrouded stretch of the northern coast on Monday after the river broke its banks in what state media described as the worst flood in decades.\n\n\
Fears grew for the 37 patients after contact was lost with the district clinic as well as the police station and the pumping station in the Wied valley on Sunday, reports said.\n\n\
After hours of searching, a coastguard drone spotted the clinic's roof above the water line and guided the boats towards it.\n";
    let app = "Valley Clinic Found, 'situation Not Good'\n\n\
Valletta, (APP - UrduPoint / Pakistan Point News - 20th May, 2024) Rescue teams in the north of Malta early Monday located the flooded clinic of the Wied valley, but there was no word yet of the patients, state TV reported.\n\n\
Fears had been growing for the 37 patients after contact was lost with the district clinic as well as the police station and the pumping station in the Wied valley on Sunday, reports said.\n\n\
\"The clinic has been found. Now, we are moving toward the clinic,\" said Borg.\n\n\
The army sent two helicopters to the valley on Monday afternoon to lift the most seriously ill patients to the capital's hospital.\n\n\
Pakistan's high commission in Valletta said no Pakistani nationals were among those cut off by the water.\n";
    for [a, b] in [["a.txt", "b.txt"], ["b.txt", "a.txt"]] {
        let (_ws, report) = audit(&[(a, afp), (b, app)]);
        assert_eq!(
            document(&report, a)["origin"]["name"],
            "Agence France-Presse"
        );
        let page = document(&report, b);
        assert_eq!(
            page["origin"]["name"], "Associated Press of Pakistan",
            "{page:#}"
        );
        assert_eq!(
            page["origin_group"], "outlet:app-pakistan",
            "a fifth of its words shared is no copy of the whole text: {page:#}"
        );
        // The narrative sentence itself is one origin (the words in common
        // decide that claim) …
        let k = one_cluster(&report, a, b, "after contact was lost");
        assert_eq!(k["independent_origins"], 1, "{k:#}");
        // … and so is the quotation, which no words around it tie.
        let k = one_cluster(&report, a, b, "moving toward the clinic");
        assert_eq!(k["independent_origins"], 1, "{k:#}");
        assert_eq!(k["corroboration"], "echo", "{k:#}");
        let [name] = group_names(k)[..] else {
            panic!("one group: {k:#}")
        };
        assert!(
            name.contains("Agence France-Presse") && name.contains("Associated Press of Pakistan"),
            "both producers are named: {k:#}"
        );
        let claim = cluster_of(&report, a, "after contact was lost")["id"]
            .as_str()
            .unwrap();
        let carrier = k["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["how"] == "same words as another")
            .unwrap_or_else(|| panic!("one counts with the other: {k:#}"));
        let evidence = carrier["evidence"].as_str().unwrap();
        assert!(
            evidence.contains(&format!("in claim {claim}, a passage word for word as in")),
            "the claim where the words are is named: {evidence}"
        );
    }
}

/// The other side: two wires each telling the same quotation and one short
/// sentence alike (twelve words, as two newsrooms may write a department's
/// figure) share no narrative beyond it. The sentence's claim is one origin
/// (its words decide it), but that is no ground to make the wires one text
/// in their other claims: the quotation stands on two origins. Helsinki
/// (2026-12-07): "He did not mention Russia's meddling in the U.S.
/// election." in a Reuters and an AP story, and a page crediting Reuters
/// and the AP under Trump's own words left unquoted, would otherwise have
/// counted the wires as one in 13 claims.
#[test]
fn one_short_sentence_alike_makes_two_wires_one_origin_only_for_that_claim() {
    let reuters = "Clinic found in flooded valley\n\n\
VALLETTA, March 3 (Reuters) - Rescuers reached the flooded clinic in Malta's Wied valley on Monday after a night of searching by boat.\n\n\
The civil protection department said 1,200 residents had left their homes in the valley.\n\n\
\"We will not leave anyone behind in this valley tonight,\" civil protection chief Joseph Borg told reporters.\n\n\
Insurers estimated the damage to farms and roads at several million euros, according to a trade association.\n";
    let ap = "Malta rescuers reach clinic\n\n\
MGARR, Malta (AP) — Boats carried soldiers to the roof of the district clinic at dawn, and the patients were lifted out one by one.\n\n\
The civil protection department said 1,200 residents had left their homes in the valley.\n\n\
\"We will not leave anyone behind in this valley tonight,\" Borg said at the village church.\n\n\
Farmers in the lower valley said the water had reached the first floor of their houses.\n";
    let (_ws, report) = audit(&[("r.txt", reuters), ("p.txt", ap)]);
    let k = one_cluster(&report, "r.txt", "p.txt", "1,200 residents");
    assert_eq!(
        k["independent_origins"], 1,
        "the sentence alike is one origin: {k:#}"
    );
    let k = one_cluster(&report, "r.txt", "p.txt", "leave anyone behind");
    assert_eq!(
        k["independent_origins"], 2,
        "two wires quoting one statement: {k:#}"
    );
    assert_eq!(k["corroboration"], "corroborated", "{k:#}");
}

/// The other side of the rule above: a text under a broadcaster's own
/// dateline, most of it also under AFP's credit, counts as AFP's on the
/// document; but in a claim the broadcaster's own other story carries (and
/// the AFP page does not), it stands as its dateline says, beside that
/// story: the two are one origin, not AFP and CNN.
#[test]
fn a_text_counted_as_the_wires_stands_with_its_own_producer_where_that_one_is() {
    let shared = "Rescue teams in the Wied valley early Monday reached the flooded village of Mgarr, where 1,200 residents were cut off overnight, state TV reported.\n\n\
Fears had been growing for the villagers after contact was lost with the district clinic and the police station on Sunday evening, reports said.\n\n\
The civil protection chief Joseph Borg said rescue teams were heading towards the clinic after locating a path through the fields.\n\n\
Local media including the Times of Malta shared drone images of what appeared to be the collapsed bridge at the valley's mouth.\n\n\
The search operation was being carried out by 73 rescue teams in \"difficult conditions\" in a narrow valley covered in thick fog and rain, the department said.\n\n";
    let quote = "\"We will not leave anyone behind in this valley tonight,\" Borg told reporters at the village church.\n\n";
    let broadcaster = format!("VALLETTA, Malta (CNN) - {shared}{quote}");
    let wire = format!("AFP\n\n{shared}");
    let own_other = format!(
        "MGARR, Malta (CNN) - The army flew two helicopters into the flooded Wied valley on Monday evening.\n\n{quote}Schools across the island will stay closed until Friday, the education ministry said.\n"
    );
    let (_ws, report) = audit(&[
        ("a.txt", &broadcaster),
        ("b.txt", &wire),
        ("c.txt", &own_other),
    ]);
    let page = document(&report, "a.txt");
    assert_eq!(page["origin"]["name"], "CNN");
    assert_eq!(
        page["origin_group"], "outlet:afp",
        "one text with the wire's: {page:#}"
    );
    let k = one_cluster(&report, "a.txt", "c.txt", "leave anyone behind");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(group_names(k), ["CNN"], "{k:#}");
}

/// A page bylined "By JEREMY DIAMOND, CNN, AP" carries CNN's story (the
/// Helsinki summit, July 2018: CNN's text under the AP's distribution),
/// and CNN's own page has the same text. An international wire's credit
/// does not take that text from CNN: the byline names CNN beside it. A
/// quotation the AP's own story reports too stands on two origins, CNN's
/// text and the AP's, never one.
#[test]
fn a_wire_credit_naming_the_texts_producer_beside_it_leaves_the_text_to_that_producer() {
    let story = "President Donald Trump and Russian President Vladimir Putin met for more than two hours in Helsinki on Monday, with only their interpreters in the room.\n\n\
The two leaders then held a joint news conference at the presidential palace, where Trump declined to say whether he believed US intelligence agencies.\n\n\
\"We had a direct, open, deeply productive dialogue,\" Trump said.\n\n\
Lawmakers from both parties criticized the President's remarks within minutes of the news conference ending.\n\n";
    let cnn = format!("HELSINKI, Finland (CNN) - {story}");
    let carried = format!("By JEREMY DIAMOND, CNN, AP\n\n{story}");
    let ap = "HELSINKI (AP) — Standing beside Vladimir Putin, President Donald Trump on Monday declined to side with his own intelligence agencies over Russia's denials.\n\n\
\"We had a direct, open, deeply productive dialogue,\" Trump said.\n\n\
The summit was the first formal meeting between the two leaders.\n";
    let (_ws, report) = audit(&[("a.txt", &cnn), ("b.txt", &carried), ("c.txt", ap)]);
    for page in ["a.txt", "b.txt"] {
        let d = document(&report, page);
        assert_eq!(d["origin_group"], "outlet:cnn", "CNN's text: {d:#}");
    }
    let k = one_cluster(&report, "a.txt", "c.txt", "deeply productive dialogue");
    assert_eq!(k["independent_origins"], 2, "{k:#}");
    assert_eq!(k["corroboration"], "corroborated", "{k:#}");
}

/// Three paragraphs of a flood story, and the wire's whole text holding
/// them: two more paragraphs and its Reuters sign-off.
fn body_and_wire() -> (&'static str, String) {
    let body = "Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Rescue teams reached the village of Mgarr before dawn and moved 37 patients from the district clinic to hospitals in the capital, officials said.\n\n\
The department said a second pumping station would open on Wednesday, and that schools in the valley would stay closed until Friday.\n\n";
    let wire = format!(
        "Flood waters rise in river valley\n\n{body}Forecasters expect another 80 millimetres of rain before the weekend.\n\n\
The army sent two helicopters to the valley on Tuesday evening.\n\n\
(Reporting by Joe Borg; Editing by Anna Grech)\n"
    );
    (body, wire)
}

/// One text under three credits, each as strong as the others (a bare
/// agency line, another, the wire's own sign-off): the three are one
/// origin on the document list, the group of the text the others are held
/// in (the fullest), whatever the files are called.
#[test]
fn one_text_under_three_credits_is_one_origin_group() {
    let (body, wire) = body_and_wire();
    let afp = format!(
        "Flood waters rise in river valley\n\nAFP\n\n{body}Forecasters expect another 80 millimetres of rain before the weekend.\n"
    );
    let ap = format!("Flood waters rise in river valley\n\nAP\n\n{body}");
    for [w, f, a] in [
        ["a.txt", "b.txt", "c.txt"],
        ["c.txt", "b.txt", "a.txt"],
        ["b.txt", "a.txt", "c.txt"],
    ] {
        let (_ws, report) = audit(&[(w, &wire), (f, &afp), (a, &ap)]);
        for (path, own) in [
            (w, "Reuters"),
            (f, "Agence France-Presse"),
            (a, "Associated Press"),
        ] {
            let d = document(&report, path);
            assert_eq!(d["origin"]["name"], own, "{d:#}");
            assert_eq!(d["origin_group"], "outlet:reuters", "{d:#}");
        }
        let k = one_cluster(&report, f, a, "1,200 residents");
        assert_eq!(k["independent_origins"], 1, "{k:#}");
    }
}

/// One text at two paths under one credit, and a shorter copy of it under
/// another: the copy's explanation names the text first in path order,
/// whichever of the two was ingested first (document ids follow ingestion;
/// a 10,000-document audit had named either on two runs of one folder).
#[test]
fn a_copy_of_a_text_at_two_paths_names_the_same_one_whatever_the_order_of_ingestion() {
    let (body, wire) = body_and_wire();
    let afp = format!("Flood waters rise in river valley\n\nAFP\n\n{body}");
    for (first, later) in [("a_wire.txt", "b_wire.txt"), ("b_wire.txt", "a_wire.txt")] {
        let ws = Workspace::new();
        let corpus = ws.path("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        std::fs::write(corpus.join(first), &wire).unwrap();
        std::fs::write(corpus.join("c_page.txt"), &afp).unwrap();
        ws.run_db(&["audit", corpus.to_str().unwrap()])
            .expect_code(0);
        std::fs::write(corpus.join(later), &wire).unwrap();
        let report = ws
            .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
            .expect_code(0)
            .json();
        let page = document(&report, "c_page.txt");
        assert_eq!(page["origin_group"], "outlet:reuters", "{page:#}");
        let why = page["outlet_explanation"].as_str().unwrap();
        assert!(
            why.contains("Counted with Reuters") && why.contains("a_wire.txt"),
            "ingested {first} first: {why}"
        );
    }
}

/// A paper's page that retells an AP story under its own writers' byline
/// and keeps one of its sentences word for word: for that claim it is the
/// AP's text, not a second origin, though both producers are registered.
/// Its other, own sentences stay its own. Written for this test after the
/// Helsinki sample (2026-12-02) found a Daily Mail page running the AP's
/// sentences counted as corroboration of them.
#[test]
fn a_paper_keeping_an_agency_sentence_word_for_word_is_no_second_origin_for_it() {
    let page = "Valley families wait for the water to fall\n\n\
Anton Troianovski and Philip Rucker, The Washington Post\n\n\
Families sheltering in a school gym in the capital said they had left everything behind when the alarm sounded.\n\n\
Some 1,200 residents were forced from their homes in the Wied valley as flood waters rose by two metres overnight, the civil protection department said Tuesday.\n\n\
The school's headmaster said 300 camp beds had been set up in the gym by noon.\n";
    let second_ap = "Malta valley evacuated\n\n\
MGARR, Malta (AP) — Some 1,200 residents were forced from their homes in the Wied valley as flood waters rose by two metres overnight, the civil protection department said Tuesday.\n\n\
Buses took families to schools in the capital.\n";
    let (_ws, report) = audit(&[("ap.txt", AP), ("ap2.txt", second_ap), ("page.txt", page)]);
    assert_eq!(
        document(&report, "page.txt")["origin"]["name"],
        "The Washington Post"
    );
    let k = one_cluster(&report, "page.txt", "ap.txt", "1,200 residents");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert_eq!(
        k["origin_groups"][0]["name"],
        "Associated Press (and The Washington Post, in the same words)",
        "{k:#}"
    );
}

/// A paper's story that gives a figure as another outlet's ("…, the
/// Associated Press reported") relays that outlet's reporting: beside the
/// outlet's own story it is no second origin for the figure. Written for
/// this test after the Helsinki sample (2026-12-03) found a Washington Post
/// story citing the AP for a crowd's size counted as corroboration of it.
#[test]
fn a_story_citing_an_outlet_for_a_claim_is_no_second_origin_beside_it() {
    let page = "Valley families wait for the water to fall\n\n\
Anton Troianovski and Philip Rucker, The Washington Post\n\n\
Families sheltering in a school gym in the capital said they had left everything behind when the alarm sounded.\n\n\
Some 1,200 residents have left their homes in the Wied valley as the flood waters rose, the Associated Press reported.\n\n\
The school's headmaster said 300 camp beds had been set up in the gym by noon.\n";
    let (_ws, report) = audit(&[("ap.txt", AP), ("page.txt", page)]);
    let k = one_cluster(&report, "page.txt", "ap.txt", "1,200 residents");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert_eq!(k["origin_groups"][0]["name"], "Associated Press", "{k:#}");
    let row = evidence_of(k, "page.txt");
    assert_eq!(row["origin"], "The Washington Post", "{row}");
    assert_eq!(row["how"], "cites another outlet", "{row}");
    let why = k["explanation"].as_str().unwrap();
    assert!(why.contains("1 cites Associated Press for it"), "{why}");
}

/// A digest page carrying one sentence from the Reuters story and one from
/// the AP's, word for word: it counts with one of them, and never makes
/// the two agencies, which each wrote their own, one origin.
#[test]
fn a_digest_of_two_wires_does_not_make_the_wires_one_origin() {
    let digest = "Morning digest\n\n\
Flood waters in the Wied valley rose by two metres overnight, forcing 1,200 residents from their homes, the civil protection department said on Tuesday.\n\n\
Some 1,200 residents were forced from their homes in the Wied valley as flood waters rose by two metres overnight, the civil protection department said Tuesday.\n\n\
Source: Morning Digest\n";
    let (_ws, report) = audit(&[("wire.txt", WIRE), ("ap.txt", AP), ("digest.txt", digest)]);
    let k = one_cluster(&report, "ap.txt", "wire.txt", "1,200 residents");
    assert_eq!(k["corroboration"], "corroborated", "{k:#}");
    assert_eq!(k["independent_origins"], 2, "{k:#}");
    let names = group_names(k);
    assert!(
        names.contains(&"Reuters") || names.contains(&"Associated Press"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Morning Digest"),
        "the digest is no origin of its own: {names:?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.ends_with("(and Morning Digest, in the same words)")),
        "{names:?}"
    );
}

/// A site that rewords an AFP story sentence by sentence under its own
/// name, crediting no one: its text is only presumed to be its own, and the
/// same claims told in the same order make it the wire's rewrite, not a
/// second origin (a probe of real pages found two such sites counted as
/// corroboration of an AFP story). Written for this test.
#[test]
fn a_site_rewording_a_wire_sentence_by_sentence_is_no_second_origin() {
    let wire = "Storm floods coastal towns\n\n\
GDANSK, Oct 12 (AFP) - Storm Mira flooded 14 coastal towns in northern Poland overnight, killing 6 people, the regional governor said on Saturday.\n\n\
Firefighters in Gdansk evacuated 2,300 residents from riverside districts as the Motlawa river rose by 1.8 metres, the fire service said.\n\n\
The Polish army sent 400 soldiers and 12 amphibious vehicles to the flooded towns, the defence ministry said.\n\n\
Power was cut to 48,000 homes in Pomerania, the grid operator Energa said.\n\n\
Forecasters expect 90 millimetres more rain in Pomerania by Monday.\n";
    let rewrite = "<html><head><meta property=\"og:site_name\" content=\"Island Daily\"></head><body>\
        <h1>Poland counts the cost of Storm Mira</h1>\
        <p>In northern Poland, Storm Mira left 14 coastal towns under water overnight and 6 people dead, according to the regional governor on Saturday.</p>\
        <p>In Gdansk, 2,300 residents of riverside districts were moved out by firefighters when the Motlawa river climbed 1.8 metres, according to the fire service.</p>\
        <p>The defence ministry said 400 Polish soldiers and 12 amphibious vehicles were deployed to the towns hit by the floods.</p>\
        <p>Energa, the grid operator, said 48,000 homes in Pomerania lost power.</p>\
        <p>A further 90 millimetres of rain is forecast for Pomerania before Monday.</p>\
        </body></html>";
    let (_ws, report) = audit(&[("wire.txt", wire), ("island.html", rewrite)]);
    let island = document(&report, "island.html");
    assert_eq!(island["publisher"]["name"], "Island Daily", "{island}");
    let k = one_cluster(&report, "island.html", "wire.txt", "2,300");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert_eq!(island["origin"]["name"], "Agence France-Presse", "{island}");
}

#[test]
fn tolls_of_two_unrelated_events_are_no_conflict() {
    // Two stories' tolls share only a toll's own words ("at least … people
    // died / killed"): no conflict, however those words are spelled.
    let crash = "Bus crash\n\nKOCHI (Reuters) - A bus plunged into a gorge in the hills of Idukki, killing at least 40 people on board, police officers said.\n";
    let floods = "Floods\n\nPAIPORTA (AFP) - In towns south of the city such as Paiporta at least 62 people died when the river burst its banks overnight.\n";
    let (_ws, report) = audit(&[("c.txt", crash), ("f.txt", floods)]);
    let (c, f) = (
        cluster_of(&report, "c.txt", "40"),
        cluster_of(&report, "f.txt", "62"),
    );
    assert!(!in_one_conflict(&report, c, f), "{}", report["conflicts"]);
}

/// The same files give the same report whatever order they were ingested
/// in. Document ids follow the ingest order (which threads decide on a
/// large folder); a page that is as much a copy of two identical texts as
/// of the wire they copy named one or the other by id, so two audits of
/// one folder explained it differently. Here one store reads the folder at
/// once and the other reads one copy first.
#[test]
fn the_report_does_not_depend_on_the_order_files_were_ingested_in() {
    let page = format!("{COPY}\nResidents were told to stay away from the river banks.\n");
    let files = [
        ("wire.txt", WIRE.to_owned()),
        ("copy_a.txt", COPY.to_owned()),
        ("copy_b.txt", COPY.to_owned()),
        ("page.txt", page),
    ];
    let decisions = |report: &Value| {
        let documents: Vec<Value> = report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                serde_json::json!([d["path"], d["origin"], d["origin_group"], d["text_reuse"]])
            })
            .collect();
        let clusters: Vec<Value> = report["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                serde_json::json!([k["id"], k["origin_groups"], k["explanation"], k["evidence"]])
            })
            .collect();
        (documents, clusters)
    };
    // All at once.
    let (_ws, at_once) = audit(
        &files
            .iter()
            .map(|(n, t)| (*n, t.as_str()))
            .collect::<Vec<_>>(),
    );
    // The last copy first, then the rest: it has the lowest id.
    let ws = Workspace::new();
    let corpus = ws.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("copy_b.txt"), COPY).unwrap();
    ws.run_db(&["audit", corpus.to_str().unwrap()])
        .expect_code(0);
    for (name, text) in &files {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let in_two = ws
        .run_db(&["audit", corpus.to_str().unwrap(), "--json"])
        .expect_code(0)
        .json();
    let page_evidence = document(&in_two, "page.txt").to_string();
    assert!(page_evidence.contains("copy_a.txt"), "{page_evidence}");
    assert_eq!(decisions(&at_once), decisions(&in_two));
}

/// A related-story teaser on a page credited to AFP, cut from a Reuters
/// sentence with ". .": the sentence is the wire's, whatever the page's
/// credit, and the quotation inside it leaves no twelve words in a row to
/// tell so. Written for this test after two hand-judged Helsinki samples
/// (2026-12-02) found a Newsmax teaser credited AFP counted as AFP's
/// corroboration of a Reuters sentence.
#[test]
fn a_teaser_cut_from_a_wire_sentence_is_the_wire_s() {
    let wire = "Mayor surveys flood damage\n\n\
VALLETTA, March 3 (Reuters) - The mayor called the flood \"the worst in living memory\" as rescue teams reached the village of Mgarr before dawn and moved 37 patients to hospitals in the capital.\n\n\
Forecasters expect another 80 millimetres of rain before the weekend.\n\n\
(Reporting by Joe Borg; Editing by Anna Grech)\n";
    let page = "Harbour reopens after storm\n\n\
The island's main harbour reopened to ferries on Thursday after engineers checked the breakwater for damage.\n\n\
Related stories\n\n\
The mayor called the flood \"the worst in living memory\" as rescue teams reached the village of Mgarr befo\u{a0}.\u{a0}.\n\n\
\u{a9} AFP 2024\n";
    let (_ws, report) = audit(&[("wire.txt", wire), ("page.txt", page)]);
    assert_eq!(
        document(&report, "page.txt")["origin"]["name"],
        "Agence France-Presse"
    );
    echoes_the_wire(&report, "page.txt", "worst in living memory");
}

/// Two wires report the same count; one names the official it came from,
/// the other names no source. A third page, of unknown origin, names the
/// same official. Nothing names a second source: the claim is flagged as
/// resting on one primary source, and says that one origin named none
/// (Ever Given, 2021: Sputnik and dpa credit the canal authority's
/// chairman with the 321 ships waiting, Xinhua gives the count alone).
/// Without the third page, one origin naming a source is not enough.
#[test]
fn a_count_only_one_official_is_named_for_rests_on_one_primary_source() {
    let reuters = "Canal still blocked\n\n\
ISMAILIA, March 27 (Reuters) - As attempts to free the stranded ship continued, 321 ships were waiting to pass through the canal, the head of the canal authority, Osama Rabie, said on Saturday. Tugs worked through the night.\n";
    let afp = "Ships queue at canal\n\n\
CAIRO, March 27 (AFP) - The blockage has halted navigation through the waterway, and 321 ships were waiting to pass through the canal on Saturday. Dredgers were brought in overnight.\n";
    let unknown = "Canal queue grows\n\n\
Some 321 ships were waiting to pass through the canal because of the blockage, according to Rabie.\n";
    let (_ws, report) = audit(&[("r.txt", reuters), ("a.txt", afp), ("u.txt", unknown)]);
    let k = cluster_of(&report, "r.txt", "321 ships");
    for (file, words) in [("a.txt", "321 ships"), ("u.txt", "Some 321 ships")] {
        assert_eq!(
            k["id"],
            cluster_of(&report, file, words)["id"],
            "{file}: {k}"
        );
    }
    assert_eq!(k["independent_origins"], 2, "{k}");
    assert_eq!(k["unknown_origin_documents"], 1, "{k}");
    assert_eq!(k["single_primary"], true, "{k}");
    assert_eq!(
        k["primary_sources"],
        serde_json::json!(["Osama Rabie"]),
        "{k}"
    );
    let why = k["explanation"].as_str().unwrap();
    assert!(why.contains("1 of 2 origins name none"), "{why}");

    let (_ws, report) = audit(&[("r.txt", reuters), ("a.txt", afp)]);
    let k = cluster_of(&report, "r.txt", "321 ships");
    assert_eq!(
        k["id"],
        cluster_of(&report, "a.txt", "321 ships")["id"],
        "{k}"
    );
    assert_eq!(
        k["single_primary"], false,
        "one origin naming a source: {k}"
    );
}

/// One known origin gives a figure without its source; two pages of
/// unknown origin give it as the USGS's. Two documents naming the one
/// source flag the claim as resting on it, as with several origins: the
/// known origin naming none does not clear the warning (Herat earthquakes,
/// 2023: Khaama Press, through MENAFN, gives the epicentre the USGS
/// reported without naming it). One document naming it is not enough.
#[test]
fn one_known_origin_naming_no_source_does_not_clear_a_source_two_documents_name() {
    let known = "Quake toll rises

(MENAFN- Valley Courier) The magnitude 6.3 earthquake struck on Saturday, with its epicentre located 40 kilometres north of the city of Mdina. Rescue teams reached the villages by the evening.
";
    let first = "Villages flattened

The United States Geological Survey said the epicentre was 40 kilometres north of the city of Mdina. Schools in the region were closed.
";
    let second = "Aid convoys set out

The US Geological Survey said the epicentre was 40 kilometres north of the city of Mdina. Two aid convoys left the capital at dawn.
";
    let (_ws, report) = audit(&[("k.txt", known), ("u1.txt", first), ("u2.txt", second)]);
    assert_eq!(
        document(&report, "k.txt")["origin"]["name"],
        "Valley Courier"
    );
    let k = cluster_of(&report, "u1.txt", "epicentre was 40");
    for (file, words) in [
        ("k.txt", "epicentre located"),
        ("u2.txt", "epicentre was 40"),
    ] {
        assert_eq!(
            k["id"],
            cluster_of(&report, file, words)["id"],
            "{file}: {k}"
        );
    }
    assert_eq!(k["independent_origins"], 1, "{k}");
    assert_eq!(k["unknown_origin_documents"], 2, "{k}");
    assert_eq!(k["single_primary"], true, "{k}");
    assert_eq!(
        k["primary_sources"],
        serde_json::json!(["United States Geological Survey"]),
        "{k}"
    );

    let (_ws, report) = audit(&[("k.txt", known), ("u1.txt", first)]);
    let k = cluster_of(&report, "u1.txt", "epicentre was 40");
    assert_eq!(
        k["id"],
        cluster_of(&report, "k.txt", "epicentre located")["id"]
    );
    assert_eq!(k["single_primary"], false, "one document naming it: {k}");
}

/// Two wires quote the same words; one says Putin said them, the other
/// "the Russian President". Where one of the documents names him as
/// "Russian President Vladimir Putin", the two are one primary source
/// and the claim is flagged as resting on it; where nothing says who holds
/// the office, the role stays a source of its own (Crimean bridge blast,
/// October 2022: Putin's words to the Investigative Committee's head, run
/// by every wire).
#[test]
fn a_role_and_the_person_a_document_names_in_it_are_one_primary_source() {
    let quote = "\"There is no doubt that this is a terrorist act aimed at destroying critically important civilian infrastructure of the Russian Federation,\"";
    let reuters = |named: bool| {
        let who = if named {
            "Russian President Vladimir Putin"
        } else {
            "The Kremlin"
        };
        format!(
            "Bridge blast was terrorism, Kremlin says\n\n\
MOSCOW, Oct 9 (Reuters) - {who} on Sunday met the head of the Investigative Committee, Alexander Bastrykin, about the blast on the bridge to Crimea.\n\n\
{quote} Putin said.\n"
        )
    };
    let afp = format!(
        "Moscow blames Kyiv for bridge blast\n\n\
MOSCOW, Oct 9 (AFP) - Moscow said Ukraine's special services planned the attack on the bridge.\n\n\
{quote} the Russian President said.\n"
    );
    for named in [true, false] {
        let (_ws, report) = audit(&[("r.txt", &reuters(named)), ("a.txt", &afp)]);
        let k = cluster_of(&report, "r.txt", "There is no doubt");
        assert_eq!(
            k["id"],
            cluster_of(&report, "a.txt", "There is no doubt")["id"],
            "{k}"
        );
        assert_eq!(k["independent_origins"], 2, "{k}");
        assert_eq!(k["single_primary"], named, "named: {named}: {k}");
        if named {
            assert_eq!(k["primary_sources"], serde_json::json!(["Putin"]), "{k}");
        }
    }
}

/// A content farm's word-for-word copy of a Xinhua item, its dateline cut
/// and its own boilerplate added, beside a state agency's rewording of the
/// same item (the same claims in the same order, no passage shared): the
/// copy is Xinhua's text, not the other agency's, and its explanation says
/// which words it shares. Words copied outweigh an order of claims kept,
/// which two rewordings of one source also keep (the Crocus City Hall
/// attack, 2024: a page copying Xinhua's report of Xi's condolences had
/// been given to the Associated Press of Pakistan).
#[test]
fn a_copy_takes_the_text_it_copies_not_a_rewording_of_the_same_source() {
    let body = "In his message, Xi said he was deeply saddened to learn that the forest fires in the Valparaiso region had killed 112 people and destroyed thousands of homes.\n\n\
Xi, on behalf of the Chinese government and the Chinese people, expressed deep condolences to the victims and sincere sympathy to the injured and the bereaved families.\n\n\
He said China stands ready to provide assistance to help Chile rebuild the towns hit by the fires as soon as possible.\n\n";
    let xinhua = format!(
        "Xi sends condolences to Chilean president over deadly forest fires\n\n\
BEIJING, Feb. 4 (Xinhua) -- Chinese President Xi Jinping on Sunday sent a message of condolence to Chilean President Gabriel Boric over the forest fires in central Chile.\n\n{body}"
    );
    let farm = format!(
        "Welcome to Green Valley news portal\n\n\
Xi sends condolences to Chilean president over deadly forest fires\n\n\
Time:2024-05-11 08:12:40 Source:travel Views(88)\n\n\
Chinese President Xi Jinping on Sunday sent a message of condolence to Chilean President Gabriel Boric over the forest fires in central Chile.\n\n{body}\
share to:\n"
    );
    let app = "President Xi Condoles With Chilean Counterpart Over Forest Fires\n\n\
BEIJING, (APP) Chinese President Xi Jinping has conveyed his condolences to Chilean President Gabriel Boric on Sunday over the forest fires that swept through central Chile.\n\n\
Xi said in the message that he was saddened to hear that the blazes around Valparaiso had left 112 people dead and thousands of homes in ruins.\n\n\
Speaking for the government and people of China, he offered his condolences over the deaths and his sympathy to the families of the dead and to those hurt.\n\n\
The Chinese leader added that China is ready to give help for Chile to rebuild the fire-hit towns as quickly as it can.\n";
    for names in [
        ["a_xinhua.txt", "b_farm.txt", "c_app.txt"],
        ["c_xinhua.txt", "b_farm.txt", "a_app.txt"],
        ["b_xinhua.txt", "a_farm.txt", "c_app.txt"],
    ] {
        let [x, f, a] = names;
        let (_ws, report) = audit(&[(x, &xinhua), (f, &farm), (a, app)]);
        assert_eq!(document(&report, x)["origin_group"], "outlet:xinhua");
        assert_eq!(
            document(&report, a)["origin"]["name"],
            "Associated Press of Pakistan"
        );
        let copy = document(&report, f);
        assert_eq!(copy["origin"]["name"], "Xinhua News Agency", "{copy:#}");
        assert_eq!(copy["origin_group"], "outlet:xinhua", "{copy:#}");
        let basis = copy["origin"]["basis"].as_str().unwrap();
        assert!(
            basis.contains("of the passages shared with") && basis.contains(x),
            "{basis}"
        );
        // The claim the three carry: Xinhua (with its copy) and APP, two
        // producers, never the copy as a third or as APP's.
        let k = one_cluster(&report, f, x, "112 people");
        assert_eq!(evidence_of(k, f)["origin"], "Xinhua News Agency", "{k:#}");
        assert!(k["independent_origins"].as_u64() <= Some(2), "{k:#}");
    }
}

/// An uncredited rewording of a credited item, sentence by sentence (no
/// passage shared): it takes the item's producer, and its evidence says it
/// retells the claims in their order, not that it shares passages.
#[test]
fn an_uncredited_rewording_takes_its_source_and_says_how() {
    let xinhua = "Xi sends condolences to Chilean president over deadly forest fires\n\n\
BEIJING, Feb. 4 (Xinhua) -- Chinese President Xi Jinping on Sunday sent a message of condolence to Chilean President Gabriel Boric over the forest fires in central Chile.\n\n\
In his message, Xi said he was deeply saddened to learn that the forest fires in the Valparaiso region had killed 112 people and destroyed thousands of homes.\n\n\
Xi, on behalf of the Chinese government and the Chinese people, expressed deep condolences to the victims and sincere sympathy to the injured and the bereaved families.\n\n\
He said China stands ready to provide assistance to help Chile rebuild the towns hit by the fires as soon as possible.\n";
    let reworded = "President Xi Condoles With Chilean Counterpart Over Forest Fires\n\n\
Chinese President Xi Jinping has conveyed his condolences to Chilean President Gabriel Boric on Sunday over the forest fires that swept through central Chile.\n\n\
Xi said in the message that he was saddened to hear that the blazes around Valparaiso had left 112 people dead and thousands of homes in ruins.\n\n\
Speaking for the government and people of China, he offered his condolences over the deaths and his sympathy to the families of the dead and to those hurt.\n\n\
The Chinese leader added that China is ready to give help for Chile to rebuild the fire-hit towns as quickly as it can.\n";
    let (_ws, report) = audit(&[("a.txt", reworded), ("b.txt", xinhua)]);
    let r = document(&report, "a.txt");
    assert_eq!(
        r["text_reuse"],
        serde_json::json!([]),
        "no passage shared: {r:#}"
    );
    assert_eq!(r["origin_group"], "outlet:xinhua", "{r:#}");
    let basis = r["origin"]["basis"].as_str().unwrap();
    assert!(
        basis.contains("the same claims in the same order as b.txt") && !basis.contains("passages"),
        "{basis}"
    );
}

/// A page saved from a site running a wire's story in its own words, with
/// the wire named only in the page's author metadata (as Business Standard
/// and the Financial Express mark a Reuters copy).
fn page_with_author(author: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Evacuations in the Wied valley</title>\n\
         <meta property=\"og:site_name\" content=\"Daily Sabah\">\n\
         <meta name=\"author\" content=\"{author}\">\n\
         </head><body><article><h1>Evacuations in the Wied valley</h1>\n\
         <p>Some 1,200 residents were forced from their homes in the Wied valley as flood waters rose by two metres overnight, the civil protection department said Tuesday.</p>\n\
         <p>Farmers in the lower valley said their fields were under water.</p>\n\
         </article></body></html>\n"
    )
}

#[test]
fn a_wire_named_only_in_the_pages_author_metadata_is_its_producer_not_a_second_source() {
    let (_ws, report) = audit(&[
        ("wire.txt", WIRE),
        ("sabah.html", &page_with_author("Reuters")),
    ]);
    let origin = &document(&report, "sabah.html")["origin"];
    assert_eq!(origin["name"], "Reuters", "{origin:#}");
    assert_eq!(origin["evidence"]["rule"], "html_author", "{origin:#}");
    assert!(
        origin["basis"]
            .as_str()
            .unwrap()
            .contains(r#"<meta name="author" content="Reuters">"#),
        "{origin:#}"
    );
    let k = one_cluster(&report, "wire.txt", "sabah.html", "1,200 residents");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["single_source"], true, "{k:#}");
    assert_eq!(group_names(k), ["Reuters"], "{k:#}");

    // The site's own name in the same field is no credit: the page is then
    // read as the site's own text, a second origin, as any page without a
    // credit is.
    let (_ws, report) = audit(&[
        ("wire.txt", WIRE),
        ("sabah.html", &page_with_author("Daily Sabah")),
    ]);
    assert_eq!(
        document(&report, "sabah.html")["origin"]["name"],
        "Daily Sabah"
    );
    let k = one_cluster(&report, "wire.txt", "sabah.html", "1,200 residents");
    assert_eq!(k["independent_origins"], 2, "{k:#}");
}

/// A national agency's story retelling a foreign agency's report says so
/// in its lead ("…, Xinhua news agency reported.", IANS on the Noto
/// earthquake, 2024) and signs with its own credit: in a claim the foreign
/// agency's own story carries too, the two are one origin, not two; beside
/// a third agency's own story, the claim has two.
#[test]
fn a_story_whose_lead_relays_an_agencys_report_is_no_second_origin_beside_it() {
    let relay = "Quake jolts northern Japan, tsunami advisory issued\n\n\
Tokyo: A strong earthquake measured at magnitude 6.8 struck the northern Japanese prefecture of Aomori on Monday evening, with a tsunami advisory issued for the Pacific coast, according to the Japan Meteorological Agency (JMA).\n\
The quake registered a lower 6 on the Japanese seismic intensity scale, with tremors felt across the Tohoku region, according to the weather agency, Xinhua news agency reported.\n\
The epicentre was located off the coast of Hachinohe at a depth of 50 km.\n\
East Japan Railway suspended bullet train services between Morioka and Shin-Aomori to check the tracks.\n\
(IANS)\n";
    let relayed = "Strong quake hits northern Japan, tsunami advisory issued\n\n\
TOKYO, Dec. 8 (Xinhua) -- A magnitude 6.8 earthquake struck the northern Japanese prefecture of Aomori on Monday evening, the Japan Meteorological Agency (JMA) said, issuing a tsunami advisory for the Pacific coast.\n\
The quake registered a lower 6 on the Japanese seismic intensity scale of 7 in the city of Hachinohe, the agency said.\n\
No tsunami was observed in the first hour, public broadcaster NHK said.\n";
    let third = "M6.8 quake off Aomori, tsunami advisory\n\n\
TOKYO, Dec. 8 Kyodo - An earthquake with a preliminary magnitude of 6.8 struck Aomori Prefecture in northern Japan on Monday evening, the Japan Meteorological Agency said, issuing a tsunami advisory for the Pacific coast.\n\
Nuclear regulators said no abnormalities were found at the Higashidori plant.\n\
Several people were slightly injured by falling objects in Hachinohe, the city said.\n";
    let (_ws, report) = audit(&[
        ("a_relay.txt", relay),
        ("b_relayed.txt", relayed),
        ("c_third.txt", third),
    ]);
    let page = document(&report, "a_relay.txt");
    assert_eq!(
        page["origin"]["name"], "Indo-Asian News Service",
        "the page's own credit stays its origin: {page:#}"
    );
    let relays: Vec<&Value> = page["co_producers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["relayed"].is_string())
        .collect();
    assert_eq!(relays.len(), 1, "{page:#}");
    assert_eq!(relays[0]["name"], "Xinhua News Agency");
    assert_eq!(relays[0]["relayed"], "Xinhua news agency reported");
    assert_eq!(
        document(&report, "c_third.txt")["origin"]["name"],
        "Kyodo News"
    );
    let k = cluster_of(&report, "a_relay.txt", "magnitude 6.8");
    for other in ["b_relayed.txt", "c_third.txt"] {
        assert!(
            k["documents"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d == other),
            "the magnitude is one claim in all three: {k:#}"
        );
    }
    assert_eq!(
        k["independent_origins"], 2,
        "Xinhua (with its relay) and Kyodo: {k:#}"
    );
    let row = evidence_of(k, "a_relay.txt");
    assert_eq!(row["origin"], "Xinhua News Agency", "{k:#}");
    assert!(
        row["evidence"]
            .as_str()
            .unwrap()
            .contains("Xinhua news agency reported"),
        "the relay's own words are the evidence: {row:#}"
    );
    assert!(
        group_names(k).contains(&"Xinhua News Agency (and Indo-Asian News Service, relaying it)"),
        "{k:#}"
    );
}

/// An uncredited page whose lead rests on a wire's report stays of unknown
/// origin, but where that wire's own story carries the claim it goes with
/// it; a wire cited further down the story is a source of one fact, not
/// the lead's.
#[test]
fn an_uncredited_page_relaying_a_wire_in_its_lead_goes_with_the_wires_story() {
    let page = "Investigators name all ten victims of the jet crash\n\n\
Genetic tests have confirmed who the ten people killed when a private jet crashed north of Moscow last Wednesday were, Russia's Investigative Committee said on Sunday, Reuters reported.\n\n\
According to the committee, what the laboratories found corresponds to the flight papers.\n\n\
The aircraft came down near the village of Kuzhenkino in the Tver region shortly after leaving Moscow.\n";
    let wire = "MOSCOW, Aug 27 (Reuters) - Russia's Investigative Committee said on Sunday that genetic tests had confirmed the identities of all ten people killed in last Wednesday's crash of a private jet north of Moscow.\n\n\
The committee said the results matched the list of passengers and crew given in the flight documents.\n\n\
(Reporting by Guy Faulconbridge; Editing by Alex Richardson)\n";
    let later = "Tver region mourns crash victims\n\n\
Residents of the Tver region laid flowers near the village of Kuzhenkino on Sunday, four days after a private jet came down in a field there, killing all ten people on board.\n\n\
Local officials said the recovery of the wreckage would take several more days, and that the road to the village would stay closed.\n\n\
The jet had been in the air for less than half an hour, Reuters reported.\n";
    let (_ws, report) = audit(&[
        ("a_page.txt", page),
        ("b_wire.txt", wire),
        ("c_later.txt", later),
    ]);
    let doc = document(&report, "a_page.txt");
    assert_eq!(doc["origin_group"], "document:a_page.txt", "{doc:#}");
    assert_eq!(doc["co_producers"][0]["name"], "Reuters", "{doc:#}");
    assert!(
        document(&report, "c_later.txt")["co_producers"]
            .as_array()
            .unwrap()
            .is_empty(),
        "a wire cited in the last paragraph is not the lead's"
    );
    let k = one_cluster(&report, "a_page.txt", "b_wire.txt", "ten people");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(
        k["unknown_origin_documents"], 0,
        "the relay goes with the wire's story: {k:#}"
    );
    assert_eq!(group_names(k), ["Reuters"], "{k:#}");
}

/// Two national agencies each retelling one foreign agency's report (IANS
/// and ANI on Xinhua's) carry one report: with none of Xinhua's own
/// stories in the folder, the claim still rests on one origin, Xinhua,
/// China's state agency, not on two Indian ones.
#[test]
fn two_stories_relaying_one_absent_agencys_report_are_one_origin() {
    let ians = "Quake jolts northern Japan\n\n\
Tokyo: A strong earthquake measured at magnitude 6.8 struck the northern Japanese prefecture of Aomori on Monday evening, with a tsunami advisory issued for the Pacific coast, according to the Japan Meteorological Agency (JMA), Xinhua news agency reported.\n\
Bullet train services between Morioka and Shin-Aomori were suspended to check the tracks.\n\
(IANS)\n";
    let ani = "Strong quake hits Japan\n\n\
Tokyo [Japan], December 8 (ANI): A magnitude 6.8 earthquake hit Aomori prefecture in northern Japan on Monday evening and a tsunami advisory was issued for the Pacific coast, the Japan Meteorological Agency said, Xinhua reported.\n\
Several people were slightly injured by falling objects in Hachinohe, the city said.\n";
    let (_ws, report) = audit(&[("a_ians.txt", ians), ("b_ani.txt", ani)]);
    assert_eq!(
        document(&report, "a_ians.txt")["origin"]["name"],
        "Indo-Asian News Service"
    );
    assert_eq!(
        document(&report, "b_ani.txt")["origin"]["name"],
        "Asian News International"
    );
    let k = one_cluster(&report, "a_ians.txt", "b_ani.txt", "6.8");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert_eq!(
        k["origin_groups"][0]["group"], "outlet:xinhua",
        "the report both carry: {k:#}"
    );
    assert_eq!(
        k["single_alignment"], true,
        "its one origin is China's state agency: {k:#}"
    );
    let why = k["explanation"].as_str().unwrap();
    assert!(
        why.contains("2 relay Xinhua News Agency's report in their lead"),
        "{why}"
    );
}

/// Two agencies' stories, both retelling what one local paper the registry
/// does not hold reported (the shape of Reuters' and AFP's Boko Haram
/// stories resting on Nigerian papers): the paper's report is the one
/// origin behind the toll, under the name the leads give it, with no
/// country or state claimed for it.
#[test]
fn two_stories_relaying_one_unregistered_papers_report_are_one_origin() {
    let reuters = "Gunmen kill villagers in northeast Nigeria\n\n\
MAIDUGURI, Nigeria (Reuters) - Gunmen killed at least 23 people in two villages in Borno state overnight, local newspaper Osun Defender reported on Sunday, citing residents.\n\
The army did not respond to requests for comment.\n\
(Reporting by Ope Adetayo; Editing by Jane Merriman)\n";
    let afp = "Nigeria: gunmen raid two villages\n\n\
Kano (AFP) - Gunmen killed at least 23 people in two villages in Nigeria's Borno state overnight, according to the local newspaper Osun Defender.\n\
Jihadist groups have waged an insurgency in the region since 2009.\n";
    let (_ws, report) = audit(&[("a_reuters.txt", reuters), ("b_afp.txt", afp)]);
    assert_eq!(
        document(&report, "a_reuters.txt")["origin"]["name"],
        "Reuters"
    );
    assert_eq!(
        document(&report, "b_afp.txt")["origin"]["name"],
        "Agence France-Presse"
    );
    let relayed = &document(&report, "b_afp.txt")["co_producers"][0];
    assert_eq!(relayed["name"], "Osun Defender", "{relayed:#}");
    assert!(relayed["outlet_id"].is_null(), "{relayed:#}");
    let k = one_cluster(&report, "a_reuters.txt", "b_afp.txt", "23");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert_eq!(
        k["single_alignment"], false,
        "no state is known behind an unregistered paper: {k:#}"
    );
}

/// Two wires retelling what a speaker told a third newsroom ("…, he told
/// CBS News in an interview", "in an interview with CBS News broadcast on
/// Sunday, …") carry that newsroom's interview: one origin, not two. Stop
/// 56's binary counted the AP and Reuters as two and called the claim
/// corroborated.
#[test]
fn wires_retelling_what_a_speaker_told_one_newsroom_are_one_origin() {
    let ap = "Trump says he did not think of asking for extraditions\n\n\
HELSINKI (AP) — President Donald Trump says he \"hadn't thought\" about asking Vladimir Putin to hand over the 12 Russian intelligence officers indicted on Friday, he told CBS News in an interview that aired on Sunday.\n\n\
The two leaders meet on Monday in the Finnish capital.\n";
    let reuters = "Trump has not considered asking Putin to extradite indicted Russians\n\n\
HELSINKI, July 15 (Reuters) - U.S. President Donald Trump, in an interview with CBS News broadcast on Sunday, said he had not thought of seeking the extradition of 12 Russian intelligence officers indicted on Friday.\n\n\
The summit begins on Monday morning.\n\n\
(Reporting by Jeff Mason; Editing by Mary Milliken)\n";
    let (_ws, report) = audit(&[("a_ap.txt", ap), ("b_reuters.txt", reuters)]);
    assert_eq!(
        document(&report, "a_ap.txt")["origin"]["name"],
        "Associated Press"
    );
    assert_eq!(
        document(&report, "b_reuters.txt")["origin"]["name"],
        "Reuters"
    );
    let k = one_cluster(&report, "a_ap.txt", "b_reuters.txt", "indicted on Friday");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert!(group_names(k)[0].starts_with("CBS News"), "{k:#}");
    let row = evidence_of(k, "b_reuters.txt");
    assert_eq!(row["origin"], "CBS News", "{row:#}");
    assert!(
        row["evidence"]
            .as_str()
            .unwrap()
            .contains("in an interview with CBS News"),
        "the words saying so: {row:#}"
    );
}

/// A figure two wires attribute to a third newsroom further down their
/// stories ("…, according to Reuters", "…, Reuters reported") rests on
/// that one, though none of its own stories is in the folder. Stop 56's
/// binary counted the AP and AFP as two origins.
#[test]
fn a_figure_two_wires_attribute_to_a_third_newsroom_rests_on_that_one() {
    let ap = "Floods force 200,000 from their homes in Assam\n\n\
GUWAHATI, India (AP) — Floods in India's northeastern state of Assam have forced more than 200,000 people from their homes this week, officials said on Monday.\n\n\
Rescue teams used boats to reach villages cut off by the Brahmaputra river, officials said. Schools in six districts were closed until further notice.\n\n\
The floods have killed 42 people in the state since Friday, according to Reuters.\n\n\
The army was called in to help evacuate residents from low-lying areas near the river.\n";
    let afp = "Monsoon rain submerges hundreds of villages in India's northeast\n\n\
GUWAHATI, India (AFP) - Heavy monsoon rain has submerged hundreds of villages in Assam in India's northeast, disrupting rail and road links, authorities said on Monday.\n\n\
Thousands of families have moved to relief camps set up in government buildings, local authorities said. Train services to the region were suspended on Sunday.\n\n\
The floods have killed 42 people in Assam since Friday, Reuters reported.\n\n\
Meteorologists forecast more heavy rain for the rest of the week.\n";
    let (_ws, report) = audit(&[("a_ap.txt", ap), ("b_afp.txt", afp)]);
    let k = one_cluster(&report, "a_ap.txt", "b_afp.txt", "42 people");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert!(group_names(k)[0].starts_with("Reuters"), "{k:#}");
    // The rest of each story is its wire's own.
    let own = cluster_of(&report, "a_ap.txt", "200,000");
    assert_eq!(group_names(own), ["Associated Press"], "{own:#}");
}

/// Two wires giving one figure as a local newspaper's report, a newsroom
/// the registry does not hold ("the Greek daily Kathimerini reported",
/// "according to local newspaper Kathimerini"), rest on that newspaper:
/// one origin, named as the sentences name it, not two.
#[test]
fn a_figure_two_wires_credit_to_an_unregistered_newspaper_rests_on_it() {
    let ap = "Wildfire forces evacuations near Athens\n\n\
ATHENS, Greece (AP) — A wildfire fanned by strong winds forced the evacuation of several villages north of Athens on Monday, officials said.\n\n\
Firefighters backed by water-dropping aircraft battled the flames through the night, officials said. Schools in the area were closed.\n\n\
At least 37 homes have been destroyed in the village of Varnavas, the Greek daily Kathimerini reported.\n\n\
Temperatures were forecast to stay above 40 degrees Celsius for the rest of the week.\n";
    let afp = "Greek firefighters battle blaze north of capital\n\n\
ATHENS (AFP) - Hundreds of firefighters fought a large wildfire north of the Greek capital on Monday as residents of several villages fled, authorities said.\n\n\
The fire service said 12 planes and helicopters were deployed. A major road was closed to traffic.\n\n\
At least 37 homes have been destroyed in Varnavas, according to local newspaper Kathimerini.\n\n\
Greece has suffered a series of wildfires this summer.\n";
    let (_ws, report) = audit(&[("a_ap.txt", ap), ("b_afp.txt", afp)]);
    let k = one_cluster(&report, "a_ap.txt", "b_afp.txt", "37 homes");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert!(group_names(k)[0].starts_with("Kathimerini"), "{k:#}");
    // The rest of each story is its wire's own.
    let own = cluster_of(&report, "a_ap.txt", "wildfire fanned");
    assert_eq!(group_names(own), ["Associated Press"], "{own:#}");
}

/// A wire retelling what an official told a paper the registry does not
/// hold, by its bare name ("…, a fire service official told Kathimerini"),
/// beside that paper's own story in the folder: the name alone would not
/// be read (it may be a person's), but the folder holds a producer of that
/// name saying the same, so the claim rests on it: one origin, not two.
#[test]
fn a_wire_quoting_what_a_paper_was_told_counts_with_that_papers_own_story() {
    let kathimerini = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
<title>Wildfire destroys homes in Varnavas | Kathimerini</title>\
<meta property=\"og:site_name\" content=\"Kathimerini\"></head><body><article>\
<h1>Wildfire destroys homes in Varnavas</h1>\
<p>At least 37 homes have been destroyed in the village of Varnavas, the fire service told Kathimerini on Monday.</p>\
<p>Residents said the flames reached the edge of the village within an hour.</p>\
</article></body></html>\n";
    let ap = "Wildfire forces evacuations near Athens\n\n\
ATHENS, Greece (AP) — A wildfire fanned by strong winds forced the evacuation of several villages north of Athens on Monday, officials said.\n\n\
The blaze destroyed at least 37 homes in Varnavas, a fire service official told Kathimerini.\n\n\
Temperatures were forecast to stay above 40 degrees Celsius for the rest of the week.\n";
    let (_ws, report) = audit(&[("a_kathimerini.html", kathimerini), ("b_ap.txt", ap)]);
    let k = one_cluster(&report, "a_kathimerini.html", "b_ap.txt", "37 homes");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert!(group_names(k)[0].starts_with("Kathimerini"), "{k:#}");
}

/// Two wires giving a figure as what an official told a newspaper the
/// registry does not hold, named bare ("…, the state fire chief told
/// Vanguard"), rest on that paper's report: one origin, Vanguard, not two.
/// No word calls Vanguard a newspaper and the folder holds no story of its;
/// a bare name after "told" that ends the clause is taken as the one told,
/// and a person so told would merge the two alike (one telling).
#[test]
fn a_figure_two_wires_got_from_a_paper_named_bare_rests_on_it() {
    let ap = "Tanker blast kills 23 in Lagos\n\n\
LAGOS, Nigeria (AP) — A fuel tanker exploded on a busy highway in Lagos on Sunday, setting dozens of vehicles ablaze.\n\n\
The explosion killed at least 23 people on the Otedola bridge, the state fire chief told Vanguard.\n\n\
Rescue workers were still searching the wreckage late on Sunday.\n";
    let reuters = "Fuel tanker explosion in Lagos\n\n\
LAGOS (Reuters) - A fuel tanker caught fire on a Lagos highway on Sunday and set cars alight, witnesses said.\n\n\
At least 23 people were killed in the explosion on the Otedola bridge, the state fire chief told Vanguard.\n\n\
Traffic into the city was diverted for several hours.\n";
    let (_ws, report) = audit(&[("a_ap.txt", ap), ("b_reuters.txt", reuters)]);
    let k = one_cluster(&report, "a_ap.txt", "b_reuters.txt", "23 people");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["corroboration"], "echo", "{k:#}");
    assert!(group_names(k)[0].starts_with("Vanguard"), "{k:#}");
    assert!(
        evidence_of(k, "a_ap.txt")["evidence"]
            .as_str()
            .unwrap()
            .contains("told Vanguard"),
        "{k:#}"
    );
}

/// What a regulator told a company is no newsroom's report: two wires
/// telling that "The FAA told Boeing on Friday that …" stand as two
/// origins. A bare name is read as the newsroom only in a telling that
/// closes the sentence, the claim before it ("…, the fire chief told
/// Vanguard.").
#[test]
fn a_telling_that_opens_the_claim_names_no_newsroom() {
    let ap = "FAA keeps Max 9 grounded\n\n\
WASHINGTON (AP) — Federal regulators extended the grounding of dozens of planes on Friday.\n\n\
The FAA told Boeing on Friday that the 171 grounded 737 Max 9 jets must stay on the ground until inspections end.\n\n\
Airlines have cancelled hundreds of flights.\n";
    let reuters = "US regulator extends Max 9 grounding\n\n\
WASHINGTON (Reuters) - The U.S. aviation regulator said on Friday the planes would stay grounded.\n\n\
The FAA told Boeing on Friday that all 171 of the grounded 737 Max 9 jets must remain on the ground until inspections are complete.\n\n\
Shares of the planemaker fell 2 percent.\n";
    let (_ws, report) = audit(&[("a_ap.txt", ap), ("b_reuters.txt", reuters)]);
    let k = one_cluster(&report, "a_ap.txt", "b_reuters.txt", "171");
    assert_eq!(k["independent_origins"], 2, "{k:#}");
    assert!(
        !group_names(k).iter().any(|n| n.contains("Boeing")),
        "{k:#}"
    );
}

/// A newsroom the registry does not hold, called one where a story first
/// names it ("the news portal Malaysiakini") and named bare after
/// ("according to Malaysiakini", "Malaysiakini reported"): two wires giving
/// a claim on its word rest on it, one origin, wherever in the folder it
/// was called a newsroom.
#[test]
fn a_newsroom_named_in_full_once_is_one_named_bare_after() {
    let ap = "Whistleblower threatened, portal says\n\n\
KUALA LUMPUR, Malaysia (AP) — A whistleblower in a police corruption case said he had received death threats, the news portal Malaysiakini reported on Tuesday.\n\n\
The regulator ordered the portal to remove an article and a video about the threats, according to Malaysiakini.\n\n\
The police said they were investigating.\n";
    let reuters = "Malaysia regulator tells portal to remove video\n\n\
KUALA LUMPUR (Reuters) - A news site in Malaysia was ordered on Monday to take down reporting on a police corruption case.\n\n\
Malaysia's communications regulator told the portal to remove its article and video on the death threats, Malaysiakini reported.\n\n\
The ministry did not respond to a request for comment.\n";
    let (_ws, report) = audit(&[("a_ap.txt", ap), ("b_reuters.txt", reuters)]);
    let k = one_cluster(&report, "a_ap.txt", "b_reuters.txt", "remove");
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert!(group_names(k)[0].starts_with("Malaysiakini"), "{k:#}");
}

/// A person a speaker told something, named bare, is not taken for a
/// newsroom where the folder names that person in an office: two wires
/// at a state visit telling what Bolsonaro told Erdogan stand as two
/// origins.
#[test]
fn a_head_of_state_told_a_claim_is_no_newsroom_the_claim_came_through() {
    let ap = "Bolsonaro in Ankara\n\n\
ANKARA, Turkey (AP) — Brazil's president visited Turkey on Friday.\n\n\
Turkish President Recep Tayyip Erdogan said trade between the two countries would reach $10 billion by 2026.\n\n\
Brazil will sell eight of its oil refineries by the end of next year, Bolsonaro told Erdogan.\n";
    let reuters = "Brazil and Turkey sign trade deals\n\n\
ANKARA (Reuters) - Brazilian President Jair Bolsonaro met his Turkish counterpart on Friday.\n\n\
Brazil plans to sell eight oil refineries by the end of next year, Bolsonaro told Erdogan.\n\n\
The two leaders signed agreements on defence and farming.\n";
    let (_ws, report) = audit(&[("a_ap.txt", ap), ("b_reuters.txt", reuters)]);
    let k = one_cluster(&report, "a_ap.txt", "b_reuters.txt", "refineries");
    assert_eq!(k["independent_origins"], 2, "{k:#}");
    assert!(
        !group_names(k).iter().any(|n| n.contains("Erdogan")),
        "{k:#}"
    );
}

/// Pages of unknown producer naming the newsroom a speaker told do not
/// make it a known origin beside a wire carrying the same claim without
/// naming it: the wire may rest on that interview too, so the claim stands
/// on one known origin and two documents of unknown origin, unresolved,
/// never corroborated.
#[test]
fn pages_of_unknown_origin_naming_a_newsroom_make_it_no_second_origin() {
    let page_a = "Trump on the indicted Russians\n\n\
President Donald Trump says he \"hadn't thought\" about asking Vladimir Putin to hand over the 12 Russian intelligence officers indicted on Friday, he told CBS News in an interview that aired on Sunday.\n\n\
Democrats called the summit a mistake.\n";
    let page_b = "What Trump said before Helsinki\n\n\
In an interview with CBS News broadcast on Sunday, Trump said he had not thought of seeking the extradition of 12 Russian intelligence officers indicted on Friday.\n\n\
The meeting is set for Monday.\n";
    let ap = "Trump heads to Helsinki\n\n\
HELSINKI (AP) — U.S. President Donald Trump said he had not considered asking Russia's Vladimir Putin to extradite the 12 Russian intelligence officers indicted on Friday.\n\n\
The two leaders meet on Monday in the Finnish capital.\n";
    let (_ws, report) = audit(&[
        ("a_page.txt", page_a),
        ("b_page.txt", page_b),
        ("c_ap.txt", ap),
    ]);
    let k = one_cluster(&report, "a_page.txt", "c_ap.txt", "indicted on Friday");
    assert_eq!(
        k["documents"].as_array().unwrap().len(),
        3,
        "the three tell one claim: {k:#}"
    );
    assert_eq!(k["independent_origins"], 1, "{k:#}");
    assert_eq!(k["unknown_origin_documents"], 2, "{k:#}");
    assert_eq!(k["corroboration"], "unresolved", "{k:#}");
}

/// A national agency's text that is a wire's story trimmed, and a page of
/// unknown origin copying the agency's text with the wire's closing
/// paragraphs word for word. The page takes the agency's credit by its
/// copy, then counts with the wire in the claims it tells as the wire does:
/// the agency's page, whose sentence the copy carries word for word, goes
/// with it. Left behind, the toll both carry stood on two origins, the
/// agency and the wire, for one text (held out, stop 64: United News of
/// India's "Tehran, (UNI)" item, Xinhua's story trimmed, and an uncredited
/// page holding both, on the Kerman bombing of January 2024).
#[test]
fn an_agency_page_whose_copy_counts_with_a_wire_counts_with_it_too() {
    let wire = "Valdoria says blasts near general's grave kill 84\n\n\
VELSA, Jan. 4 (Xinhua) -- Valdoria's Interior Minister Petar Kovan on Thursday revised from 95 to 84 the death toll from two explosions near the grave of the slain general Aram Voss in the southern city of Kestrel, according to the state news agency.\n\n\
The blasts occurred as thousands of people gathered at the cemetery in Kestrel to mark the fourth anniversary of Voss's death.\n\n\
The first blast was about 700 meters from the tomb and the second was a kilometer away, the state news agency said.\n\n\
Lena Dorsic, a spokeswoman for the National Emergency Service, told state television that some of the injured were in critical condition.\n\n\
Voss, one of the most powerful military commanders in Valdoria, was killed on Jan. 3, 2020, near Marren's international airport in a drone strike ordered by the neighbouring government.\n\n\
He was buried in his hometown of Kestrel after a funeral that drew millions of mourners across Valdoria. Valdoria denounced the killing as \"state terrorism\" and vowed revenge.\n";
    // The same story on a second site, the credit closing it.
    let rerun = wire
        .replace("VELSA, Jan. 4 (Xinhua) -- ", "")
        .replace("and vowed revenge.\n", "and vowed revenge. (Xinhua)\n");
    let agency = "Red Dawn claims Kestrel blasts\n\n\
Velsa, (UNI) The Red Dawn militant group on Thursday claimed responsibility for twin blasts in the southern Valdorian city of Kestrel, the state news agency reported.\n\n\
The group released a statement saying two of its suicide bombers had used explosive belts in the attack, according to the report.\n\n\
At least 84 people were killed and 284 others injured in the twin bombing near the tomb of top Valdorian general Aram Voss in Kestrel.\n";
    let page = "The Red Dawn militant group on Thursday claimed responsibility for two deadly bomb blasts in the southern Valdorian city of Kestrel.\n\n\
The group released a statement saying two of its suicide bombers had used explosive belts in two \"operations,\" according to the state news agency.\n\n\
At least 84 people were killed and 284 others injured on Wednesday in the twin bombing near the tomb of top Valdorian general Aram Voss in Kestrel while there was a crowded gathering to mark the fourth anniversary of Voss's death.\n\n\
President Ilse Marr vowed on Wednesday in a statement that a \"harsh response\" would be given to those who perpetrated and ordered the deadly \"act of terror.\"\n\n\
Voss, one of the most powerful military commanders in Valdoria, was killed on Jan. 3, 2020, near Marren's international airport in a drone strike ordered by the neighbouring government.\n\n\
He was buried in his hometown of Kestrel after a funeral that drew millions of mourners across Valdoria. Valdoria denounced the killing as \"state terrorism\" and vowed revenge.\n";
    let (_ws, report) = audit(&[
        ("p.txt", page),
        ("u.txt", agency),
        ("v.txt", &rerun),
        ("w.txt", wire),
    ]);
    assert_eq!(
        document(&report, "u.txt")["origin"]["name"],
        "United News of India"
    );
    assert_eq!(
        document(&report, "w.txt")["origin"]["name"],
        "Xinhua News Agency"
    );
    assert_eq!(
        document(&report, "p.txt")["origin_group"],
        "outlet:uni",
        "the page takes the agency's credit by copying its text"
    );
    let k = cluster_of(&report, "u.txt", "284 others injured");
    let documents: Vec<&str> = k["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert!(
        ["p.txt", "u.txt", "w.txt"]
            .iter()
            .all(|d| documents.contains(d)),
        "the toll is one claim in the three: {k:#}"
    );
    assert_eq!(
        k["independent_origins"], 1,
        "one text under two credits is one origin: {k:#}"
    );
    let [name] = group_names(k)[..] else {
        panic!("one group: {k:#}")
    };
    assert!(
        name.contains("Xinhua News Agency") && name.contains("United News of India"),
        "both producers are named: {k:#}"
    );
    let agency_row = k["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["document"] == "u.txt")
        .unwrap_or_else(|| panic!("the agency's page has its row: {k:#}"));
    assert_eq!(agency_row["how"], "same words as another", "{k:#}");
    let evidence = agency_row["evidence"].as_str().unwrap();
    assert!(
        evidence.contains("p.txt (United News of India; it counts with Xinhua News Agency here)"),
        "the row says whose text the copy counts with: {evidence}"
    );
    // An international wire writes its own copy: under Reuters' dateline
    // the same page stays Reuters', and the toll stands on two origins.
    let wire_page = agency.replace("Velsa, (UNI) ", "VELSA, Jan 4 (Reuters) - ");
    let (_ws, report) = audit(&[
        ("p.txt", page),
        ("u.txt", &wire_page),
        ("v.txt", &rerun),
        ("w.txt", wire),
    ]);
    assert_eq!(document(&report, "u.txt")["origin"]["name"], "Reuters");
    let k = cluster_of(&report, "u.txt", "284 others injured");
    assert_eq!(
        k["independent_origins"], 2,
        "Reuters' own page is no copy of Xinhua's: {k:#}"
    );
}

/// A meeting's length is compared in minutes, whatever unit each outlet
/// gives it: "two hours" and "120 minutes" agree, "90 minutes" does not.
/// The time between two events ("15 minutes later"), a delay ("40 minutes
/// behind schedule") and a point in time ("20 minutes into the meeting")
/// measure no one thing and conflict with nothing (Helsinki: 60 conflicts
/// between durations, 24 after; the Kerman bombing and the Myanmar
/// earthquake, held out: "the second took place 15 minutes later" against
/// "an aftershock 12 minutes later").
#[test]
fn durations_conflict_in_minutes_and_intervals_and_delays_never() {
    let hours = "Leaders meet in Valletta\n\nVALLETTA, May 2 (Reuters) - Weber and Borg met one-on-one in Valletta for two hours on Monday, officials said, far longer than planned.\n";
    let minutes = "Valletta summit\n\nVALLETTA, Malta (AP) — Weber's talks with Borg at the Grandmaster's Palace in Valletta lasted 120 minutes, according to an aide who attended the summit.\n";
    let ninety = "Summit talks\n\nVALLETTA, May 2 (AFP) - The closed-door session between Weber and Borg in Valletta ran for 90 minutes, a government spokesman told reporters after the summit.\n";
    let late = "Summit delayed\n\nVALLETTA, May 2 (Xinhua) -- Weber arrived for the summit with Borg in Valletta 40 minutes behind schedule on Monday, and the talks began 15 minutes later.\n";
    let (_ws, report) = audit(&[
        ("h.txt", hours),
        ("m.txt", minutes),
        ("n.txt", ninety),
        ("l.txt", late),
    ]);
    let (h, m, n) = (
        cluster_of(&report, "h.txt", "two hours"),
        cluster_of(&report, "m.txt", "120 minutes"),
        cluster_of(&report, "n.txt", "90 minutes"),
    );
    let entry = conflict_of(&report, h, n);
    assert_eq!(entry["quantity"], "duration in minutes", "{entry}");
    let values = entry["values"].as_array().unwrap();
    assert!(
        values
            .iter()
            .any(|v| v["value"] == 120.0 && v["text"] == "two hours"),
        "each value in minutes, as the text gave it: {entry}"
    );
    assert!(
        h["id"] == m["id"]
            || !report["conflicts"].as_array().unwrap().iter().any(|e| {
                let c = e["clusters"].as_array().unwrap();
                c.contains(&h["id"]) && c.contains(&m["id"]) && !c.contains(&n["id"])
            }),
        "two hours and 120 minutes agree: {}",
        report["conflicts"]
    );
    let l = cluster_of(&report, "l.txt", "behind schedule");
    assert!(
        report["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| !e["clusters"].as_array().unwrap().contains(&l["id"])),
        "a delay and an interval conflict with nothing: {}",
        report["conflicts"]
    );
}

/// A figure counting another set than the story's own disagrees with none
/// of its counts: others besides them ("13 other Russians"), a part of them
/// ("Eleven of the officers"), a running total ("That brings to 25 the
/// number"). Two outlets' counts of the one indictment still conflict
/// (Helsinki: 108 conflicts set the 12 officers indicted against the 13, 25
/// and 31 of other indictments and totals; 79 after).
#[test]
fn counts_of_other_sets_conflict_with_nothing_and_two_counts_of_one_set_do() {
    let reuters = "Officers charged\n\nWASHINGTON, July 13 (Reuters) - A federal grand jury indicted 12 Russian intelligence officers on Friday for hacking the computers of Democratic Party officials in the Valletta election.\n";
    let ap = "Russians charged\n\nWASHINGTON (AP) — Prosecutors in the Valletta election inquiry indicted 14 Russian intelligence officers on Friday for hacking Democratic Party computers, officials said.\n\n\
In February, prosecutors indicted 13 other Russians over a social media campaign around the Valletta election.\n\n\
That brings to 25 the number of Russians charged in the Valletta election inquiry.\n\n\
Eleven of the Russian officers are charged with identity theft in the Valletta election case.\n";
    let (_ws, report) = audit(&[("r.txt", reuters), ("a.txt", ap)]);
    let twelve = cluster_of(&report, "r.txt", "indicted 12");
    let fourteen = cluster_of(&report, "a.txt", "indicted 14");
    assert!(
        in_one_conflict(&report, twelve, fourteen),
        "two counts of one indictment disagree: {}",
        report["conflicts"]
    );
    for phrase in ["13 other Russians", "brings to 25", "Eleven of the"] {
        let other = cluster_of(&report, "a.txt", phrase);
        assert!(
            !in_one_conflict(&report, twelve, other),
            "{phrase}: another set, no conflict: {}",
            report["conflicts"]
        );
    }
}

/// A distance is measured from a place: two distances from different
/// places are two facts ("7 kilometers southeast of Hualien" and "190
/// kilometres southeast of Marrakesh" in one folder; "over 1,000 km away
/// in Bangkok" and "20 kilometers northeast of Mandalay"), while two
/// agencies placing one epicentre at different distances from the same
/// city disagree (the dev set: 60 → 57 conflicts, none of them lost).
#[test]
fn distances_from_different_places_are_no_conflict() {
    let usgs = "Quake strikes Myanmar\n\nYANGON, March 28 (Reuters) - The earthquake struck about 20 kilometers northeast of Mandalay, the U.S. Geological Survey said.\n";
    let cenc = "Strong quake in Myanmar\n\nBEIJING, March 28 (Xinhua) -- The earthquake struck 33 km southwest of Mandalay, the China Earthquake Networks Center said.\n";
    let far = "Tremors felt in Bangkok\n\nBANGKOK (AP) — The Mandalay earthquake was felt over 1,000 km away in Bangkok, where a tower under construction collapsed.\n";
    let (_ws, report) = audit(&[("u.txt", usgs), ("c.txt", cenc), ("f.txt", far)]);
    let (u, c, f) = (
        cluster_of(&report, "u.txt", "20 kilometers"),
        cluster_of(&report, "c.txt", "33 km"),
        cluster_of(&report, "f.txt", "1,000 km"),
    );
    assert!(
        in_one_conflict(&report, u, c),
        "one epicentre, two distances from Mandalay: {}",
        report["conflicts"]
    );
    assert!(
        !in_one_conflict(&report, u, f) && !in_one_conflict(&report, c, f),
        "a distance from Bangkok is another fact: {}",
        report["conflicts"]
    );
}

/// A distance in miles is compared in kilometres: UPI's "380 miles north of
/// Athens" is not the 380 km AP gives (Tempi train crash, held out,
/// 2026-12-08), while AP's own "(236 miles)" beside its kilometres is the
/// same distance converted.
#[test]
fn a_distance_in_miles_is_compared_in_kilometres() {
    let ap = "Greek train crash\n\nTHESSALONIKI, Greece (AP) — The collision between a freight and passenger train occurred near Tempe, some 380 kilometers (236 miles) north of Athens, and resulted in the derailment of several train cars, police said.\n";
    let upi = "Greek minister resigns\n\nMarch 1 (UPI) -- The crash occurred shortly before midnight near the Tempe Valley, located about 380 miles north of Athens, the Greek Fire Service said.\n";
    let (_ws, report) = audit(&[("ap.txt", ap), ("upi.txt", upi)]);
    let (a, u) = (
        cluster_of(&report, "ap.txt", "380 kilometers"),
        cluster_of(&report, "upi.txt", "380 miles"),
    );
    let entry = conflict_of(&report, a, u);
    let values: Vec<(f64, &str)> = entry["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["value"].as_f64().unwrap(), v["text"].as_str().unwrap()))
        .collect();
    // 380 miles is 611.6 km; the words stay as the text gives them.
    assert!(values.contains(&(611.6, "about 380 miles")), "{entry}");
    assert!(values.contains(&(380.0, "some 380 kilometers")), "{entry}");
    assert_eq!(
        values.len(),
        2,
        "the converted 236 miles is no third figure: {entry}"
    );
}

/// Two stories in one folder: their tolls share the words every toll is
/// framed in ("at least", "people", "according to officials"), never a
/// story. A train crash in India and a stadium crush in Guinea (held out,
/// stop 65) are no conflict; two tolls of the crush are.
#[test]
fn tolls_of_two_stories_framed_alike_are_no_conflict() {
    let train = "Train crash toll rises\n\nBHUBANESWAR, India (AP) — At least 280 people were killed and more than 900 injured in a train collision in eastern India, according to officials and local media.\n";
    let crush = "Guinea stadium crush\n\nCONAKRY (Reuters) - At least 135 people died in the crush at the stadium in Nzerekore, Guinea, according to the Collective of Human Rights Organizations.\n";
    let government = "Guinea mourns\n\nCONAKRY (AFP) - Fifty-six people have been killed in a stampede at a football stadium in Nzerekore, the government of Guinea said.\n";
    let (_ws, report) = audit(&[("t.txt", train), ("c.txt", crush), ("g.txt", government)]);
    let (t, c, g) = (
        cluster_of(&report, "t.txt", "280 people"),
        cluster_of(&report, "c.txt", "At least 135"),
        cluster_of(&report, "g.txt", "Fifty-six people"),
    );
    assert!(
        !in_one_conflict(&report, t, c) && !in_one_conflict(&report, t, g),
        "a train crash's toll is no other story's: {}",
        report["conflicts"]
    );
    assert!(
        in_one_conflict(&report, c, g),
        "the crush's 135 and 56, one story: {}",
        report["conflicts"]
    );
}

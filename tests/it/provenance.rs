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
    let why = k["explanation"].as_str().unwrap();
    assert!(why.contains("of unknown origin"), "{why}");
    assert!(
        why.contains("do not count as corroboration")
            || why.contains("does not count as corroboration"),
        "{why}"
    );
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
    // `show FILE` states it too.
    let corpus = ws.path("corpus");
    let shown = ws
        .run_db(&["show", corpus.join("copy.txt").to_str().unwrap()])
        .expect_code(0);
    assert!(shown.stdout.contains("Reuters"), "{}", shown.stdout);
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

//! Who says so, as reporters write it, on sentences collected from stored
//! public pages on stories the rules were not written for
//! (`tests/data/attribution/cases.tsv`: the primary source a fact-checker
//! names, or `NONE`; the sentence exactly as published; where it was
//! found). Elections, courts, earnings, sport, crime, weather, health and
//! science, from 71 sites in many countries, wires and state media among
//! them.
//!
//! What matters most is never naming a wrong source: a place, a day, the
//! agency that relayed the words, or someone else in the sentence taken for
//! the speaker would make two accounts of one speaker look like two
//! sources, or one speaker's claim look like another's. Wrong sources are
//! held to a ceiling and right ones to a floor, each only to move the
//! right way as rules improve.

use provaudit::claims::entities::Entities;
use provaudit::claims::extract::{Context, extract};
use provaudit::claims::segment::Sentence;
use provaudit::outlets::registry::Registry;

struct Case {
    expected: Option<String>,
    sentence: String,
    url: String,
}

fn cases() -> Vec<Case> {
    crate::support::case_rows("attribution/cases.tsv", 3)
        .into_iter()
        .map(|f| {
            assert_eq!(f.len(), 3, "three columns: {f:?}");
            Case {
                expected: (f[0] != "NONE").then(|| f[0].clone()),
                sentence: f[1].clone(),
                url: f[2].clone(),
            }
        })
        .collect()
}

/// A name as compared: lower case, without a leading article, possessive
/// or closing punctuation.
fn norm(name: &str) -> String {
    let lower = name.trim().to_lowercase().replace('’', "'");
    let lower = lower.trim_end_matches(['.', ',', ':', ';']);
    let lower = lower.trim_end_matches("'s");
    lower
        .strip_prefix("the ")
        .unwrap_or(lower)
        .trim()
        .to_owned()
}

/// Whether the source found names the expected one: the same name, or one
/// holding the other whole-word ("Health Minister Harsh Vardhan" for
/// "Harsh Vardhan", "Shareef" for "Ahmed Shareef").
fn names(found: &str, expected: &str) -> bool {
    let (f, e) = (norm(found), norm(expected));
    let holds = |a: &str, b: &str| {
        let words_a: Vec<&str> = a
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .collect();
        let words_b: Vec<&str> = b
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .collect();
        !words_b.is_empty()
            && words_a
                .windows(words_b.len())
                .any(|w| w == words_b.as_slice())
    };
    f == e || holds(&f, &e) || holds(&e, &f)
}

/// The source the extractor gives a sentence read as an article of its own.
fn source_of(entities: &Entities, sentence: &str) -> Option<String> {
    let mut ctx = Context::new(entities, sentence);
    let s = Sentence {
        start: 0,
        end: sentence.len(),
        text: sentence,
    };
    // A pronoun left unresolved ("he said" with nobody named before) is
    // kept by the extractor but names no one: the analysis counts it as no
    // source, and so does this test.
    extract(&s, &mut ctx)
        .and_then(|c| c.attribution)
        .filter(|a| !matches!(a.to_lowercase().as_str(), "he" | "she" | "they" | "it"))
}

#[test]
fn real_sentences_name_their_speaker_and_seldom_a_wrong_one() {
    let registry = Registry::bundled();
    let entities = Entities::new(&registry);
    let all = cases();
    let (mut right, mut missed, mut wrong, mut invented) = (0, Vec::new(), Vec::new(), Vec::new());
    for case in &all {
        let found = source_of(&entities, &case.sentence);
        match (&case.expected, found) {
            (Some(e), Some(f)) if names(&f, e) => right += 1,
            (Some(e), Some(f)) => {
                wrong.push(format!("{e} → {f} ({}): {}", case.url, case.sentence))
            }
            (Some(e), None) => missed.push(format!("{e} ({}): {}", case.url, case.sentence)),
            (None, Some(f)) => invented.push(format!("{f} ({}): {}", case.url, case.sentence)),
            (None, None) => right += 1,
        }
    }
    let report = format!(
        "{right} of {} right; wrong source {}:\n  {}\nsource where none is named {}:\n  {}\nmissed {}:\n  {}",
        all.len(),
        wrong.len(),
        wrong.join("\n  "),
        invented.len(),
        invented.join("\n  "),
        missed.len(),
        missed.join("\n  "),
    );
    println!("{report}");
    assert!(all.len() >= 150, "{report}");
    // Held where they stand (stop 49: 154 right, 3 wrong, none named
    // where the sentence names no one; 117, 6 and 1 before the rules these
    // cases brought). The three wrong are relays taken for the speaker
    // ("CNN reported, citing sources", "…, Interfax reported") and a body
    // by its description ("the space agency" for NASA).
    assert!(wrong.len() <= 3, "{report}");
    assert!(invented.is_empty(), "{report}");
    assert!(right >= 154, "{report}");
}

//! Credit lines as newsrooms write them, collected from stored public pages
//! on stories the rules were not written for (`tests/data/credits/cases.tsv`:
//! the line exactly as published, the producer it establishes or `-` for a
//! trap — a photo credit, an agency merely quoted — and where it was found).
//!
//! Each line is audited as the start of an article. What matters most is
//! never naming a wrong producer: a trap that yields a producer, or a credit
//! read as another outlet's, would let a copy pass for corroboration. Those
//! must be zero. How many credits are recognised is held to a floor that
//! only rises as rules improve.

use provaudit::outlets::identify::{self, PageMeta};
use provaudit::outlets::registry::{Registry, name_key};

struct Case {
    expected: Option<String>,
    kind: String,
    line: String,
    url: String,
}

fn cases() -> Vec<Case> {
    crate::support::case_rows("credits/cases.tsv", 4)
        .into_iter()
        .map(|f| Case {
            expected: (f[0] != "-").then(|| f[0].clone()),
            kind: f[1].clone(),
            line: f[2].clone(),
            url: f[3].clone(),
        })
        .collect()
}

/// Whether the decision names the expected producer: the same registered
/// outlet, or the same name.
fn same(registry: &Registry, expected: &str, name: &str, id: Option<&str>) -> bool {
    match (registry.find_name(expected), id) {
        (Some(o), Some(id)) => o.id == id,
        // An unregistered outlet, named as written; page furniture after
        // the name ("Source: The Hindu Go to") is tolerated.
        _ => {
            let (e, n) = (name_key(expected), name_key(name));
            n == e || n.starts_with(&format!("{e} "))
        }
    }
}

#[test]
fn real_credit_lines_never_name_a_wrong_producer_and_most_name_the_right_one() {
    let registry = Registry::bundled();
    let (mut right, mut missed, mut wrong, mut trap_named) =
        (0, Vec::new(), Vec::new(), Vec::new());
    let all = cases();
    let credited = all.iter().filter(|c| c.expected.is_some()).count();
    for case in &all {
        // The line where a saved page has it: under the headline, before
        // the body; closing credits, sign-offs and copyright lines after it.
        const HEADLINE: &str = "Ministers meet as talks resume";
        const BODY: &str = "Officials met on Monday.\n\nTalks will go on this week.";
        let text = match case.kind.as_str() {
            "closing_credit" | "signoff" | "copyright" => {
                format!("{HEADLINE}\n\n{BODY}\n\n{}\n", case.line)
            }
            _ => format!("{HEADLINE}\n\n{}\n\n{BODY}\n", case.line),
        };
        let found = identify::identify(&registry, &text, &PageMeta::default(), &|_| 1);
        let origin = found.origin.as_ref();
        match (&case.expected, origin) {
            (Some(e), Some(o)) if same(&registry, e, &o.name, o.outlet_id.as_deref()) => right += 1,
            (Some(e), Some(o)) => {
                wrong.push(format!("{} → {} ({}): {}", e, o.name, case.url, case.line))
            }
            (Some(e), None) => missed.push(format!("{e} [{}]: {}", case.kind, case.line)),
            (None, Some(o)) => trap_named.push(format!(
                "{} [{}] ({}): {}",
                o.name, case.kind, case.url, case.line
            )),
            (None, None) => {}
        }
    }
    eprintln!(
        "credit lines: {right} of {credited} credits recognised; {} missed; traps {} of {}",
        missed.len(),
        trap_named.len(),
        all.len() - credited
    );
    for m in &missed {
        eprintln!("  missed: {m}");
    }
    for m in wrong.iter().chain(&trap_named) {
        eprintln!("  WRONG: {m}");
    }
    assert!(
        wrong.is_empty(),
        "a credit read as another producer:\n{}",
        wrong.join("\n")
    );
    assert!(
        trap_named.is_empty(),
        "a photo credit or a quoted agency taken for the producer:\n{}",
        trap_named.join("\n")
    );
    // 128 of 180 at stop 63 (Newser's "Raisi was 63, the AP reports."
    // inside its first paragraph; from a fifth held-out set, "por Lusa",
    // "AP’s earlier story follows below." and "the incident that TASS has
    // put together"). 124 of 176 at stop 62 (ten lines, all recognised: from four
    // held-out sets, "Reporting by … for Sharecast.com", "TAIPEI,
    // KOMPAS.com –", "From CNN's …", "08:38, March 25, 2024 By Ren Qi (
    // China Daily", "Reuters | Updated: …" without a bureau; Chinese
    // datelines of Xinhua, China News Service and Sputnik; and a trap, the
    // People's Daily's own "本报…电"; "(MENAFN- Nam News Network) TEHRAN,
    // May 20 (NNN-XINHUA) –", read as NNN's before). 114 of 166 at stop 61 (three held-out lines from the Herat
    // earthquakes, 2023: "(MENAFN- Pajhwok Afghan News)" and "(MENAFN-
    // Khaama Press)", sources the registry does not hold, and "(dpa/GNA)",
    // read as GNA's before; "TAIPEI (Taiwan News) —", 2024). 105 of 159 at stop 39 (a Cyrillic dateline, "МОСКВА, 12 декабря.
    // /ТАСС/.", read last; 74 new lines from pages on other stories, 44
    // credits and 30 traps; 24 of the credits recognised by the rules as
    // they stood and 6 more by its new ones: an agency's "could not verify",
    // "has found", "learned", "…, Kazinform cites Akorda.", a closing
    // "― Bernama" with a horizontal bar, "Source: Xinhua| …|Editor:"; one
    // read as a wrong producer before, "© 2013 Radio France Internationale"
    // as Radio France's, now RFI's). 73 of 111 at stop 33 (its seven new lines: five credits it
    // recognises, a trap, and APA News, which it cannot settle but no longer
    // reads as Austria's APA; then "TOKYO, April 13 Kyodo"; 67 of 104
    // before; 60 at stop 20; 38 before the credit rules of stop 17): raise
    // it as rules improve, never lower it.
    assert!(
        right >= 128,
        "only {right} of {credited} credits recognised"
    );
}

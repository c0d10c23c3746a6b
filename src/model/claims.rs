//! What the claims stage finds, as the store keeps it: claims, clusters
//! and what stands behind them, conflicts, text reuse, each document's
//! cleaned article and date. Plain data, read by the store and the read
//! models; the stage (`crate::claims`) computes it.

use super::outlets::{Alignment, Party};
use serde::{Deserialize, Serialize};

/// What a claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A quantity: "at least 1,093 people killed".
    Figure,
    /// Words in quotation marks, with a speaker.
    Quote,
    /// A statement attributed to someone: "according to the WHO", "X said".
    Attributed,
    /// Any other checkable statement naming someone or something.
    Assertion,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Figure => "figure",
            ClaimKind::Quote => "quote",
            ClaimKind::Attributed => "attributed",
            ClaimKind::Assertion => "assertion",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "figure" => ClaimKind::Figure,
            "quote" => ClaimKind::Quote,
            "attributed" => ClaimKind::Attributed,
            "assertion" => ClaimKind::Assertion,
            _ => return None,
        })
    }
}

/// A quantity as stated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    /// The words as written: "at least 1,093 people".
    pub text: String,
    /// "at least", "more than", "some"…
    pub qualifier: Option<String>,
    /// What is counted: "people", "troops"…
    pub unit: Option<String>,
    /// What happened to them: "killed", "wounded", "displaced"…
    pub event: Option<String>,
}

impl Quantity {
    /// "Dozens", "hundreds", "thousands": an order of size, no figure to
    /// compare (it neither agrees nor conflicts with "more than 90").
    pub fn vague(&self) -> bool {
        let lower = self.text.to_lowercase();
        let number = match &self.qualifier {
            Some(q) => lower
                .strip_prefix(q.as_str())
                .unwrap_or(&lower)
                .trim_start(),
            None => lower.as_str(),
        };
        ["dozens", "hundreds", "thousands"]
            .iter()
            .any(|w| number.starts_with(w))
    }

    /// What the quantity measures, for comparing figures across claims:
    /// "people killed".
    pub fn measure(&self) -> Option<String> {
        if self.vague() {
            return None;
        }
        match (&self.unit, &self.event) {
            (Some(u), Some(e)) => Some(format!("{u} {e}")),
            (None, Some(e)) => Some(format!("people {e}")),
            _ => None,
        }
    }

    /// What the figure counts or measures, for matching claims that state
    /// it: [`Quantity::measure`], or a unit of measurement on its own
    /// ("2,750 tonnes", "30 cm").
    pub fn figure_key(&self) -> Option<String> {
        // A duration ("30 minutes", "two hours") or a vote is said of many
        // things in one story: no fact on its own.
        if matches!(self.event.as_deref(), Some("lasted" | "voted")) || self.vague() {
            return None;
        }
        self.measure().or_else(|| {
            let unit = self.unit.as_deref()?;
            measurement_unit(unit).map(str::to_owned).or_else(|| {
                // "321 ships", "1,079 evacuees": a count of things, exact
                // enough from ten up to say what the sentence reports.
                (self.value >= 10.0
                    && unit.len() >= 4
                    && unit.ends_with('s')
                    && unit.chars().all(|c| c.is_ascii_lowercase())
                    // Spans of time are said of many things in one story
                    // ("Putin's 18 years in power"), and people without
                    // what happened to them are any crowd.
                    && !TIME_UNITS.contains(&unit)
                    && !matches!(
                        unit,
                        "decades" | "centuries" | "times" | "people" | "persons" | "others"
                            | "points" | "members" | "votes"
                    ))
                .then(|| format!("count {unit}"))
            })
        })
    }
}

/// A claim as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable while the document's path and bytes are unchanged: `k-` + 12 hex digits.
    pub key: String,
    pub document_id: i64,
    pub cluster_key: String,
    pub text: String,
    /// Byte range and line in the original file.
    pub start: Option<u64>,
    pub end: Option<u64>,
    pub line: Option<u64>,
    /// Byte range in the document's cleaned article text.
    pub clean_start: usize,
    pub clean_end: usize,
    pub kind: ClaimKind,
    pub speaker: Option<String>,
    pub attribution: Option<String>,
    pub quantities: Vec<Quantity>,
    /// The page of a PDF the claim is on (`line` is then the line of the
    /// text read from it); `None` for other documents.
    pub page: Option<u64>,
}

/// Documents of one producer behind a cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginGroup {
    /// `outlet:press-tv`, `name:…`, `owner:…`, `document:<path>`.
    pub group: String,
    /// The producer's name, or "unidentified".
    pub name: String,
    pub documents: Vec<String>,
}

impl OriginGroup {
    /// Whether the group's producer was established. A `document:` group
    /// holds documents whose producer could not be (alone, or joined by
    /// shared text): they are never counted as independent origins.
    pub fn is_known(&self) -> bool {
        !self.group.starts_with("document:")
    }
}

/// How far a claim is corroborated once copies and syndication are
/// collapsed: the first thing a reviewer is told about it. Decided here, in
/// the core; the CLI, the reports and the app only word it. The variants
/// are in review order: what looks corroborated but is not comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Corroboration {
    /// Several documents, one known origin and nothing else: looks
    /// corroborated, is not (a wire story run by ten sites).
    Echo,
    /// Whether it is corroborated depends on documents whose producer is
    /// unknown: at most one known origin beside them. Never counted as
    /// corroboration: still a single source as far as is established.
    Unresolved,
    /// Two or more known independent origins.
    Corroborated,
    /// Stated in one document only.
    SingleDocument,
}

impl Corroboration {
    pub const ALL: [Corroboration; 4] = [
        Corroboration::Echo,
        Corroboration::Unresolved,
        Corroboration::Corroborated,
        Corroboration::SingleDocument,
    ];

    /// The class of a claim found in `documents` documents, `known` of its
    /// origin groups established and `unknown_documents` documents whose
    /// producer is not.
    pub fn of(documents: usize, known: usize, unknown_documents: usize) -> Self {
        if documents <= 1 {
            Corroboration::SingleDocument
        } else if known >= 2 {
            Corroboration::Corroborated
        } else if known == 1 && unknown_documents == 0 {
            Corroboration::Echo
        } else {
            Corroboration::Unresolved
        }
    }

    /// The stored and serialised name (`single_document`).
    pub fn as_str(self) -> &'static str {
        match self {
            Corroboration::Echo => "echo",
            Corroboration::Unresolved => "unresolved",
            Corroboration::Corroborated => "corroborated",
            Corroboration::SingleDocument => "single_document",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Its name in words (`single document`).
    pub fn label(self) -> &'static str {
        match self {
            Corroboration::Echo => "echo",
            Corroboration::Unresolved => "unresolved",
            Corroboration::Corroborated => "corroborated",
            Corroboration::SingleDocument => "single document",
        }
    }

    /// What the class means, in one line.
    pub fn meaning(self) -> &'static str {
        match self {
            Corroboration::Echo => {
                "looks corroborated, is not: several documents, all from one origin"
            }
            Corroboration::Unresolved => {
                "depends on documents whose producer is unknown: not counted as corroboration"
            }
            Corroboration::Corroborated => "two or more known independent origins",
            Corroboration::SingleDocument => "stated in one document only",
        }
    }

    /// Whether one source, at most, is established behind the claim: every
    /// class but corroborated. An unresolved claim is one too: a document
    /// whose producer is unknown is never counted as a second source.
    pub fn is_single_source(self) -> bool {
        self != Corroboration::Corroborated
    }
}

/// One document behind a cluster and how its producer was established: a
/// row of the evidence table under a cluster's explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentEvidence {
    pub document: String,
    /// The producer, or "unidentified".
    pub origin: String,
    /// How: a rule in words ("wire dateline"), "uncredited copy", "set by
    /// the reviewer", or "not established".
    pub how: String,
    /// The words that show it, as written (a credit line; for a copy, what
    /// share of its passages are found where).
    pub evidence: Option<String>,
    pub line: Option<u64>,
}

/// The same claim across documents, and what stands behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    /// `c-` + 12 hex digits: the key of its first claim (by document path,
    /// then position), so it stays put as documents are added.
    pub key: String,
    pub claims: Vec<String>,
    pub documents: Vec<String>,
    pub origin_groups: Vec<OriginGroup>,
    /// Origin groups whose producer is known: a document of unknown origin
    /// is never counted as corroboration.
    pub independent_origins: usize,
    pub corroboration: Corroboration,
    /// One source at most is established behind the claim: every class but
    /// corroborated (`Corroboration::is_single_source`).
    pub single_source: bool,
    pub primary_sources: Vec<String>,
    pub single_primary: bool,
    pub single_alignment: bool,
    pub conflicting: bool,
    /// A summary first ("12 documents, one origin (Reuters): 9 credit
    /// Reuters (wire dateline 7, …), 3 are uncredited copies …"), then the
    /// flags; the documents one by one are in `evidence`.
    pub explanation: String,
    /// One row a document, shared with the other clusters it is in.
    pub evidence: Vec<std::sync::Arc<DocumentEvidence>>,
}

impl Cluster {
    /// Documents whose producer could not be established.
    pub fn unknown_origin_documents(&self) -> usize {
        self.origin_groups
            .iter()
            .filter(|g| !g.is_known())
            .map(|g| g.documents.len())
            .sum()
    }
}

/// One value in a conflict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictValue {
    pub cluster: String,
    pub claim: String,
    pub document: String,
    pub value: f64,
    pub text: String,
}

/// Different figures for the same quantity in different clusters.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    pub quantity: String,
    pub clusters: Vec<String>,
    pub values: Vec<ConflictValue>,
}

/// Whether a death toll given as `later` on a later day than `earlier`
/// revises it: lower, by as much as a recount corrects (275 after 288),
/// not a part of the count (a day's 57 deaths after a toll of 1,000, a
/// town's 32 of 48).
pub fn revised_down(earlier: f64, later: f64) -> bool {
    later < earlier && later >= 0.75 * earlier
}

/// Whether conflicting figures may be one count rising over time: a count
/// of people ("people killed", "people missing") whose reports are not all
/// of one known day, given as (the document, the day reported, `2023-09-09`
/// or `--09-09`; the value). A magnitude or a distance is measured once;
/// counts one article sets against each other are of one moment, whatever
/// day it reports from; and a death toll that a later day gives lower (275
/// after 288) was revised, not updated ([`revised_down`]).
pub fn may_be_a_timeline<'a>(
    quantity: &str,
    reported: impl Iterator<Item = (&'a str, Option<&'a str>, f64)>,
) -> bool {
    if !quantity.starts_with("people ") {
        return false;
    }
    let reports: Vec<(&str, Option<&str>, f64)> = reported.collect();
    if reports.windows(2).all(|w| w[0].0 == w[1].0) {
        return false;
    }
    let days: Vec<Option<&str>> = reports.iter().map(|r| r.1).collect();
    if days.iter().all(Option::is_some) && days.windows(2).all(|w| w[0] == w[1]) {
        return false;
    }
    // Month and day only: a date without its year reads `--MM-DD`.
    let month_day = |d: &str| d.get(d.len().saturating_sub(5)..).map(str::to_owned);
    let dated: Vec<(String, f64)> = reports
        .iter()
        .filter_map(|&(_, d, v)| Some((month_day(d?)?, v)))
        .collect();
    let revised = quantity == "people killed"
        && dated.iter().any(|(da, va)| {
            dated
                .iter()
                .any(|(db, vb)| da < db && revised_down(*va, *vb))
        });
    !revised
}

/// One document's text found in another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reuse {
    pub document_id: i64,
    pub source_document_id: i64,
    pub containment: f64,
    pub shared_passages: usize,
}

/// A document's cleaned article text and what cleaning removed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    pub document_id: i64,
    pub text: String,
    /// Byte ranges of the original file and why they were removed.
    pub removed: Vec<(u64, u64, String)>,
    /// The day the document reports from, with where the text says it.
    pub date: Option<DocumentDate>,
}

/// The day a document reports from, as its text states it (a dateline or a
/// date line), located in the original file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentDate {
    /// `2020-08-05`, or `--08-05` when the text gives no year.
    pub date: String,
    pub year: Option<u16>,
    pub month: u8,
    pub day: u8,
    /// The date as written.
    pub text: String,
    /// Byte offsets and line in the original file.
    pub start: Option<u64>,
    pub end: Option<u64>,
    pub line: Option<u64>,
    /// In a PDF, the page of the date line (set where documents are read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
}

impl DocumentDate {
    /// The day in words: `2020-01-10`, or `5 August (no year given)`.
    pub fn human(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match self.year {
            Some(_) => self.date.clone(),
            None => format!(
                "{} {} (no year given)",
                self.day,
                MONTHS[usize::from(self.month.clamp(1, 12)) - 1]
            ),
        }
    }
}

/// A document's origin as text reuse sets it.
#[derive(Clone, Debug, PartialEq)]
pub struct InheritedOrigin {
    pub document_id: i64,
    pub group: String,
    pub alignment: Alignment,
    /// `None` when the documents sharing text are all of unknown origin.
    pub origin: Option<Party>,
    /// Appended to the document's outlet explanation.
    pub note: String,
    /// Set when the document's own text credits a producer and most of it
    /// is another credited text (one text, two credits): its credit stands
    /// as its text gives it, only its origin group moves.
    pub overrules_credit: bool,
}

/// Everything the stage writes.
#[derive(Clone, Debug, Default)]
pub struct StageOutput {
    /// The documents analysed afresh in this run: their articles and
    /// dates were written pending as they were analysed. A document whose
    /// analysis was kept keeps its stored article.
    pub analysed: Vec<i64>,
    /// Every current document's claims, kept or found afresh.
    pub claims: Vec<Claim>,
    pub clusters: Vec<Cluster>,
    pub conflicts: Vec<Conflict>,
    pub reuse: Vec<Reuse>,
    /// Documents whose origin text reuse sets (uncredited copies of a
    /// credited document): written onto their outlet decisions.
    pub inherited: Vec<InheritedOrigin>,
    /// Candidate claim pairs scored: grows near-linearly with the corpus.
    pub candidates_scored: usize,
    /// The documents whose analysis was taken from an earlier run's: their
    /// claims, article and date rows stand, only their clusters may move.
    pub reused: Vec<i64>,
    /// Wall time of each step, for the benchmark.
    pub timings: crate::progress::Timings,
    /// Documents whose analysis failed, each with what happened: named in
    /// the run's warnings.
    pub problems: Vec<crate::scan::FileProblem>,
}

/// One document's analysis as the store keeps it for the next run: the
/// SHA-256 of the inputs it was made from, and the encoded analysis.
#[derive(Clone, Debug, Default)]
pub struct KeptAnalysis {
    pub document_id: i64,
    pub inputs: String,
    pub data: Vec<u8>,
}

/// Units of measurement written several ways, to one spelling.
pub(crate) fn measurement_unit(u: &str) -> Option<&'static str> {
    Some(match u {
        "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => "km",
        "cm" | "centimeters" | "centimetres" | "centimeter" | "centimetre" => "cm",
        "m" | "meters" | "metres" | "meter" | "metre" => "m",
        "miles" | "mile" => "miles",
        "tonnes" | "tons" | "tonne" | "ton" => "tonnes",
        "kg" | "kilograms" | "kilogrammes" => "kg",
        "hectares" | "hectare" => "hectares",
        "acres" | "acre" => "acres",
        "houses" | "homes" => "homes",
        "districts" => "districts",
        "villages" => "villages",
        "buildings" => "buildings",
        // Money, by its currency (see `extract::currency`).
        _ => return CURRENCIES.iter().copied().find(|c| *c == u),
    })
}

/// Units a span of time is counted in.
pub(crate) const TIME_UNITS: [&str; 7] = [
    "seconds", "minutes", "hours", "days", "weeks", "months", "years",
];

/// The currency codes an amount of money takes as its unit.
pub(crate) const CURRENCIES: [&str; 6] = ["usd", "eur", "gbp", "jpy/cny", "inr", "rub"];

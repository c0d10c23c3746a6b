//! Finding the same claim across documents without comparing all pairs.
//!
//! Every claim is reduced to features: normalised words (entities replaced by
//! their keys, so `Sarraj` and `al-Serraj` are one word; "killed", "dead",
//! "deaths" one word, as "injured" and "wounded"), word 3-gram shingles, and
//! the values of its figures. Candidate pairs come from an inverted index
//! over four kinds of key — each figure's value, the first two digits of the
//! values a figure allows ("nearly 1,100" meets 1,099), each entity (news
//! outlets included), and the claim's rarest words — skipping keys so common
//! that their posting lists would make the work quadratic. A news outlet
//! finds candidates but is never the shared name a paraphrase needs: a
//! wire's name is in every sentence of its story. Each candidate pair is
//! then scored:
//! - passage reuse: shingle containment (shared / smaller set) ≥ 0.7, which
//!   finds a copy that was trimmed or spliced into other text (a Jaccard
//!   threshold misses those: real reprints share ~30% of 3-grams);
//! - paraphrase: IDF-weighted word containment ≥ 0.35 of the shorter claim
//!   and ≥ 0.3 of the longer, at least one shared entity, figures that
//!   agree (a shared value and no figure of the same measure with another
//!   value) — so "510 killed" never joins "1,093 killed".
//!
//! Matching pairs are merged strongest first, average-linkage style: two
//! groups merge only when most pairs across them match too, so one bridging
//! sentence cannot chain unrelated claims into one cluster.

use super::extract::Extracted;
use super::hash::{self, FxHashMap, disjoint_sorted};
use crate::model::claims::measurement_unit;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What matching needs of one claim, as hashes: compact (a few hundred
/// bytes a claim, so millions fit in memory) and fast to compare.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Features {
    /// Normalised words in order, entity keys in place of names, as
    /// [`word_id`]s.
    pub words: Vec<u64>,
    /// Hashed word 3-grams, sorted and unique.
    pub shingles: Vec<u64>,
    /// Figure values, sorted and unique.
    pub values: Vec<u64>,
    /// Figures with a measure ("people killed", "tonnes"), sorted and
    /// unique.
    pub measures: Vec<Figure>,
    /// What its counts of people count ("people killed", "people
    /// missing"), hashed, sorted and unique.
    pub counts: Vec<u64>,
    /// Entity keys, hashed, sorted and unique; news outlets left out (see
    /// `outlets`).
    pub entities: Vec<u64>,
    /// The entity keys (and their countries) of the names in its source
    /// ("according to the Investigative Committee"), hashed, sorted and
    /// unique: who reported it, not where or to whom it happened.
    pub sources: Vec<u64>,
    /// The news outlets it names, hashed, sorted and unique: keys that
    /// find candidates ("told CBS News"), never the shared name a match
    /// needs, since a wire's name is in every sentence of its story.
    pub outlets: Vec<u64>,
    /// The words of each quotation of three words or more, in order (at
    /// most four, of at most twelve words): a quote run by two outlets is
    /// one claim however the sentences around it differ.
    pub quotes: Vec<Vec<u64>>,
    /// The sentence names a year ("the 1999 quake, which killed more than
    /// 2,000"): its figure may be another event's, so it meets a figure
    /// only in a sentence that names a year too.
    pub other_event: bool,
    /// What it says rests on an earlier sentence (see [`refers_back`]):
    /// it meets another claim only in the same words, never reworded.
    pub refers_back: bool,
    /// It says something did not happen or is not so (see [`negated`]).
    pub negated: bool,
    /// It denies or rejects what it reports (see [`denies`]).
    #[serde(default)]
    pub denies: bool,
    /// It says who claimed an attack (see [`claims_responsibility`]).
    #[serde(default)]
    pub responsibility: bool,
    /// It states a count of people ("at least 76 people were killed"), not
    /// only names one already known ("the 12 Russian officers indicted").
    pub states_count: bool,
    /// Words found only in the sentence's setting (see [`setting_spans`]),
    /// sorted and unique: shared, they weigh little.
    pub setting: Vec<u64>,
}

/// Every claim's features, each distinct one held once: a wire sentence
/// run by hundreds of sites has the same features on each, and at 100,000
/// documents the features are most of what the stage holds.
#[derive(Default)]
pub struct FeatureTable {
    distinct: Vec<Features>,
    /// Each claim's features, as an index into `distinct`.
    of: Vec<u32>,
    /// Distinct features by their hash (a collision only costs a second copy).
    index: FxHashMap<u64, u32>,
}

impl FeatureTable {
    /// Adds the next claim's features.
    pub fn push(&mut self, f: Features) {
        use std::hash::BuildHasher;
        let hash = hash::FxBuild::default().hash_one(&f);
        let at = match self.index.get(&hash) {
            Some(&at) if self.distinct[at as usize] == f => at,
            found => {
                let at = u32::try_from(self.distinct.len()).expect("under 2^32 distinct claims");
                self.distinct.push(f);
                if found.is_none() {
                    self.index.insert(hash, at);
                }
                at
            }
        };
        self.of.push(at);
    }

    /// Claims.
    pub fn len(&self) -> usize {
        self.of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.of.is_empty()
    }

    /// Which distinct features claim `i` has: claims with the same are
    /// alike in every respect matching looks at.
    pub fn distinct_of(&self, i: usize) -> usize {
        self.of[i] as usize
    }

    /// Distinct features.
    pub fn distinct(&self) -> &[Features] {
        &self.distinct
    }

    /// Each claim's features, in claim order.
    pub fn iter(&self) -> impl Iterator<Item = &Features> + '_ {
        self.of.iter().map(|&at| &self.distinct[at as usize])
    }

    /// Sheds the lookup by hash once every claim is in.
    pub fn seal(&mut self) {
        self.index = FxHashMap::default();
        self.distinct.shrink_to_fit();
        self.of.shrink_to_fit();
    }
}

impl std::ops::Index<usize> for FeatureTable {
    type Output = Features;
    fn index(&self, i: usize) -> &Features {
        &self.distinct[self.of[i] as usize]
    }
}

impl From<Vec<Features>> for FeatureTable {
    fn from(features: Vec<Features>) -> FeatureTable {
        let mut table = FeatureTable::default();
        for f in features {
            table.push(f);
        }
        table
    }
}

const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "that", "this",
    "it", "its", "he", "she", "they", "his", "her", "their", "which", "who", "will", "would",
    "said", "says", "also", "not", "no", "into", "than", "after", "over", "about", "there",
    "other", "others", "while", "since", "what", "we", "our", "us", "do",
];

/// A word's id: its hash, with two flags in the low bits.
pub fn word_id(w: &str) -> u64 {
    (hash::text(w) << 2) | u64::from(is_entity_key(w)) | (u64::from(has_digit(w)) << 1)
}

fn is_entity_key(w: &str) -> bool {
    w.contains(':')
}

fn has_digit(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
}

/// Whether a word id stands for an entity key (`e:putin`).
pub fn is_entity_word(id: u64) -> bool {
    id & 1 == 1
}

/// Whether a word id stands for a word holding a digit.
pub fn is_figure_word(id: u64) -> bool {
    id & 2 == 2
}

/// The word's English stem (Snowball's Porter2): "killed" and "killing",
/// "paying" and "pay", "situations" and "situation" meet.
fn stem(w: &str) -> String {
    static ENGLISH: LazyLock<rust_stemmers::Stemmer> =
        LazyLock::new(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    ENGLISH.stem(w).into_owned()
}

pub(crate) fn value_key(v: f64) -> u64 {
    (v * 100.0).round() as u64
}

/// The normalised words of a claim: entities replaced by their keys,
/// stopwords dropped, stemmed (what [`Features::words`] hashes).
pub fn words(claim: &Extracted) -> Vec<String> {
    words_of(&claim.text, claim)
}

/// The normalised words of a piece of a claim's text.
fn words_of(text: &str, claim: &Extracted) -> Vec<String> {
    let mut text = text.to_owned();
    for m in &claim.mentions {
        // One token whatever the name holds ("china's", "al-assad").
        let token: String = m
            .key
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == ':' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        text = text.replacen(&m.surface, &format!(" {token} "), 1);
    }
    // "7 kilometers (4.3 miles)": the conversion in brackets restates the
    // figure before it, in words one outlet adds and another leaves out.
    static CONVERSION: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(
            r"\(\s*(?:about|around|some|nearly|roughly|approximately|or)?\s*\d[\d.,]*\s*([a-z]+)\s*\)",
        )
    });
    let text = CONVERSION.replace_all(&text, |c: &regex::Captures| {
        if measurement_unit(&c[1]).is_some() {
            " ".to_owned()
        } else {
            c[0].to_owned()
        }
    });
    // "12%", "12 percent" and "12 per cent" are one word however a house
    // style writes it.
    let text = text
        .replace('%', " percent ")
        .replace("per cent", "percent")
        .replace("Per cent", "percent");
    // "Sixty-eight bodies" and "68 bodies": one figure.
    static TENS_AND_UNITS: LazyLock<Regex> =
        LazyLock::new(|| crate::pattern::re(&format!(r"(?i)\b{}", super::extract::TENS_AND_UNITS)));
    let text = TENS_AND_UNITS.replace_all(&text, |c: &regex::Captures| {
        super::extract::word_value(&c[0]).map_or_else(|| c[0].to_owned(), |v| format!(" {v} "))
    });
    let mut out = Vec::new();
    // A story repeats its words claim after claim: each thread keeps what
    // it made of each word as written (emptied past a bound, so a long run
    // stays small).
    thread_local! {
        static NORMALISED: std::cell::RefCell<FxHashMap<Box<str>, Box<[String]>>> =
            std::cell::RefCell::new(FxHashMap::default());
    }
    NORMALISED.with_borrow_mut(|normalised| {
        for raw in text
            .split(|c: char| !(c.is_alphanumeric() || c == ':' || c == '_' || c == '.' || c == ','))
        {
            let raw = raw.trim_matches(['.', ',']);
            if raw.is_empty() {
                continue;
            }
            if let Some(words) = normalised.get(raw) {
                out.extend_from_slice(words);
                continue;
            }
            if normalised.len() >= 1 << 16 {
                normalised.clear();
            }
            let words = normalise_word(&raw.to_lowercase());
            out.extend_from_slice(&words);
            normalised.insert(raw.into(), words.into_boxed_slice());
        }
    });
    out
}

/// What one word of a claim becomes among its normalised words (see
/// [`words_of`]): nothing for a stop word, a number and its unit for a
/// number with its unit glued on, else one word.
fn normalise_word(w: &str) -> Vec<String> {
    if w.is_empty() || STOPWORDS.contains(&w) {
        return Vec::new();
    }
    // "Ten people died" and "10 deaths" share the number.
    let w = if is_entity_key(w) {
        w.to_owned()
    } else if let Some(class) = casualty_word(w) {
        class.to_owned()
    } else if let Some((number, unit)) = glued_unit(w) {
        // "7km" and "7 km", "10mm" and "10 mm" are one figure.
        return vec![
            number.replace(',', ""),
            measurement_unit(unit).unwrap_or(unit).to_owned(),
        ];
    } else if let Some(unit) = measurement_unit(w) {
        // "kilometres", "kilometers" and "km" are one unit.
        unit.to_owned()
    } else if has_digit(w) {
        w.replace(',', "")
    } else if let Some(v) =
        super::extract::word_value(w).filter(|v| *v <= 20.0 || super::extract::TENS.contains(&w))
    {
        format!("{v}")
    } else {
        stem(w)
    };
    vec![w]
}

/// A number with its unit glued on ("7km", "6.5mm", "120kg"): the number
/// and the unit. Ordinals ("6th", "21st") and decades ("1990s") stay one
/// word.
fn glued_unit(w: &str) -> Option<(&str, &str)> {
    let split = w.find(|c: char| c.is_alphabetic())?;
    let (number, unit) = w.split_at(split);
    let is_number = number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    let is_unit = unit.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(unit, "st" | "nd" | "rd" | "th" | "s");
    (is_number && is_unit).then(|| (number.trim_end_matches(['.', ',']), unit))
}

/// What a word says happened to people, as one word for all its wordings
/// (the extraction's own event words): "deaths and injuries" and "victims
/// and wounded", "killed" and "dead" are how reporters and translators
/// vary one toll.
fn casualty_word(w: &str) -> Option<&'static str> {
    let event = super::extract::event_of_word(w)?;
    let i = CASUALTIES.iter().position(|e| *e == event)?;
    Some(CASUALTY_TOKENS[i])
}

/// The events [`casualty_word`] folds, and the word each becomes.
const CASUALTIES: [&str; 3] = ["killed", "wounded", "missing"];
const CASUALTY_TOKENS: [&str; 3] = ["casualty_killed", "casualty_injured", "casualty_missing"];

/// Whether a word id is one of [`casualty_word`]'s: what a toll counts,
/// which says nothing of which event it is a toll of.
pub fn is_casualty_word(id: u64) -> bool {
    static IDS: std::sync::LazyLock<[u64; 3]> =
        std::sync::LazyLock::new(|| CASUALTY_TOKENS.map(word_id));
    IDS.contains(&id)
}

fn sorted_unique<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v.shrink_to_fit();
    v
}

/// Which of a claim's quantities convert the one before into another unit,
/// in brackets: "200 km (124 miles)", "2,750 tonnes (about 3,000 tons)".
/// Outlets convert and round apart, so such a figure agrees within 5%.
fn conversions(claim: &Extracted) -> Vec<bool> {
    converted_figures(&claim.text, &claim.quantities)
}

/// [`conversions`] of a sentence's text and its quantities (the conflicts
/// leave converted figures out).
pub(super) fn converted_figures(text: &str, quantities: &[super::extract::Quantity]) -> Vec<bool> {
    let mut out = vec![false; quantities.len()];
    let mut from = 0;
    let mut previous: Option<(usize, &super::extract::Quantity)> = None;
    for (i, q) in quantities.iter().enumerate() {
        let Some(at) = text[from..].find(&q.text).map(|k| k + from) else {
            previous = None;
            continue;
        };
        if let Some((end, before)) = previous {
            let between = text[end..at].trim().to_lowercase();
            let between = between.strip_prefix('(').map(str::trim);
            let units_differ = matches!((&before.unit, &q.unit), (Some(a), Some(b)) if a != b);
            out[i] = units_differ
                && between.is_some_and(|b| {
                    matches!(
                        b,
                        "" | "about"
                            | "around"
                            | "some"
                            | "nearly"
                            | "roughly"
                            | "approximately"
                            | "or"
                    )
                });
        }
        from = at + q.text.len();
        previous = Some((from, q));
    }
    out
}

/// The features of a claim.
pub fn features(claim: &Extracted) -> Features {
    let words: Vec<u64> = words(claim).iter().map(|w| word_id(w)).collect();
    let mut shingles: Vec<u64> = words
        .windows(3)
        .map(|w| hash::mix(hash::mix(w[0], w[1]), w[2]))
        .collect();
    if words.len() < 3 && !words.is_empty() {
        shingles.push(words.iter().fold(0, |h, w| hash::mix(h, *w)));
    }
    let mut values = Vec::new();
    let mut measures = Vec::new();
    let mut counts = Vec::new();
    let mut states_count = false;
    let converted = conversions(claim);
    let setting = setting_spans(&claim.text);
    // A figure stated only in the setting ("days after 12 officers were
    // indicted") is the background's, not the claim's measure.
    let in_setting = |q: &super::extract::Quantity| {
        everywhere(&claim.text, &q.text, |i| {
            setting.iter().any(|(a, b)| (*a..*b).contains(&i))
        })
    };
    for (q, converted) in claim
        .quantities
        .iter()
        .zip(converted)
        .filter(|(q, _)| !q.vague())
    {
        let v = value_key(q.value);
        values.push(v);
        if let Some(m) = q.figure_key().filter(|_| !in_setting(q)) {
            if m.starts_with("people ") {
                counts.push(hash::text(&m));
                states_count |= !definite(&claim.text, &q.text);
            }
            let presupposed = presupposed(&claim.text, &q.text);
            measures.push(Figure {
                measure: hash::text(&m),
                value: v,
                bound: if converted {
                    Bound::Converted
                } else {
                    Bound::of(q.qualifier.as_deref())
                },
                counted: q.event.is_some(),
                unit: hash::text(m.split(' ').next().unwrap_or_default()),
                presupposed,
            });
        }
    }
    let only_in_setting = setting_words(claim, &words, &setting);
    Features {
        words,
        shingles: sorted_unique(shingles),
        values: sorted_unique(values),
        measures: sorted_unique(measures),
        counts: sorted_unique(counts),
        states_count,
        entities: sorted_unique(
            claim
                .mentions
                .iter()
                .filter(|m| !m.outlet)
                .flat_map(|m| std::iter::once(&m.key).chain(&m.countries))
                .map(|k| hash::text(k))
                .collect(),
        ),
        sources: sorted_unique(
            claim
                .mentions
                .iter()
                .filter(|m| {
                    !m.outlet
                        && claim
                            .attribution
                            .as_deref()
                            .is_some_and(|a| a.contains(m.surface.as_str()))
                })
                .flat_map(|m| std::iter::once(&m.key).chain(&m.countries))
                .map(|k| hash::text(k))
                .collect(),
        ),
        outlets: sorted_unique(
            claim
                .mentions
                .iter()
                .filter(|m| m.outlet)
                .map(|m| hash::text(&m.key))
                .collect(),
        ),
        quotes: super::extract::quotations(&claim.text)
            .map(|q| {
                words_of(q, claim)
                    .iter()
                    .take(12)
                    .map(|w| word_id(w))
                    .collect::<Vec<u64>>()
            })
            .filter(|q| q.len() >= 3)
            .take(4)
            .collect(),
        other_event: super::extract::names_a_year(&claim.text),
        refers_back: refers_back(&claim.text),
        negated: negated(&claim.text),
        denies: denies(&claim.text),
        responsibility: claims_responsibility(&claim.text),
        setting: only_in_setting,
    }
}

/// Whether a sentence says something did not happen or is not so:
/// "Trump has never condemned Russia over its meddling", "Russia denied
/// interfering". The stop words drop "not" and "never", so without this
/// a statement and its denial read alike.
pub fn negated(text: &str) -> bool {
    static NOT: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)n['’]t\b|\b(?:not|never|no|cannot|neither|nor|deny|denies|denied|denying|refused|refuses)\b",
        )
    });
    // The main clause says it: what follows "but", "because", "although"
    // or a semicolon qualifies it ("highly unlikely …, but would not rule
    // it out").
    static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(r"(?i)[,;]?\s+\b(?:but|because|although|though|while|as)\b|;|\s[—–-]\s")
    });
    // Words of negation that deny nothing: "not only", "not just", "a
    // good thing, not a bad thing", "no doubt".
    static NO_DENIAL: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(r"(?i)\b(?:not\ (?:only|just|least|a\ bad\ thing)|no\ doubt)\b")
    });
    // Most sentences deny nothing anywhere: one search says so.
    if !NOT.is_match(text) {
        return false;
    }
    let main = QUALIFIER.find(text).map_or(text, |m| &text[..m.start()]);
    NOT.is_match(&NO_DENIAL.replace_all(main, ""))
}

/// Whether a sentence denies or rejects what it reports in its main clause
/// ("Libyan Red Crescent denies 11,300 death toll cited by UN", "… voiced
/// astonishment at the numbers and rejected them"): a figure it names is
/// not one it states.
pub fn denies(text: &str) -> bool {
    static DENIAL: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing))\b",
        )
    });
    DENIAL.is_match(text)
}

/// Whether a sentence's subject matter is named only in an earlier
/// sentence: "sent Trump a letter to that effect", "suggesting he would
/// raise the issue with Putin", "the move drew criticism". Reworded, such a
/// sentence matches whatever shares its verbs and names ("sent a letter
/// urging him not to meet Putin alone", "would raise the issue of election
/// interference"), which is another claim as often as the same one; its
/// copies still meet it word for word. A noun followed by what it is about
/// ("the issue of extradition", "the decision to withdraw") is no
/// reference back.
pub fn refers_back(text: &str) -> bool {
    static BACK: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)\b(?:to\ (?:that|this)\ effect|(?:the|this|that)\ (?:issue|matter|subject|topic|idea|request|demand|proposal|move|decision|step|plan|allegation|claim|accusation|remark|comment))\b",
        )
    });
    BACK.find_iter(text).any(|m| {
        if m.as_str().to_lowercase().ends_with("effect") {
            return true;
        }
        let next = text[m.end()..]
            .trim_start_matches([' ', '\u{a0}'])
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let rest = text[m.end()..].trim_start();
        // "The plan is for Trump and Putin to meet alone": what follows says it.
        let lower = rest.to_lowercase();
        let announces = [
            "is for ",
            "is to ",
            "was for ",
            "was to ",
            "is that ",
            "was that ",
        ]
        .iter()
        .any(|p| lower.starts_with(p));
        !(announces
            || rest.starts_with([':', '(', '\u{201c}', '"'])
            || matches!(
                next.as_str(),
                "of" | "that"
                    | "about"
                    | "over"
                    | "on"
                    | "to"
                    | "whether"
                    | "regarding"
                    | "concerning"
                    | "which"
                    | "for"
                    | "by"
                    | "in"
            ))
    })
}

/// A clause that sets a claim in time or circumstance rather than stating
/// it: "…, just days after the Justice Department indicted 12 Russian
/// officers", "… ahead of his high-stakes meeting with Putin in Helsinki",
/// "After talks in Minsk, …". Connectives that rarely open what is claimed
/// ("ahead of", "amid", "on the eve of", "in the wake of", "days after")
/// start one anywhere; plain "after", "before", "following" only after a
/// comma or at the sentence's start (in "said after the meeting that …" the
/// claim follows; "as" opens claims too often to be one: ", as Trump said
/// …", "as per available data"). It runs to the next comma, semicolon or dash, or to
/// the sentence's end.
static SETTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:
            \b(?:ahead\ of|amid(?:st)?|on\ the\ eve\ of|in\ the\ wake\ of
              |(?:just\ |only\ )?(?:hours|days|weeks|months|a\ day|a\ week)\ (?:after|before))\b
          | (?:^|[,;]\s*)(?:(?:just|only|shortly|especially|even|soon)\s+)?(?:after|before|following)\b
        )
        [^,;—–]*",
    )
    .unwrap()
});

/// The byte ranges of a sentence's setting clauses.
pub fn setting_spans(text: &str) -> Vec<(usize, usize)> {
    // Most sentences hold no connective: a literal search says so fast.
    static CONNECTIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)after|before|ahead|amid|eve of|wake of|following").unwrap()
    });
    let mut spans: Vec<(usize, usize)> = opening_as_clause(text).into_iter().collect();
    if CONNECTIVE.is_match(text) {
        spans.extend(SETTING.find_iter(text).map(|m| (m.start(), m.end())));
    }
    spans
        .into_iter()
        // A clause that is the whole sentence sets nothing apart.
        .filter(|(a, b)| b - a < text.len() * 3 / 4)
        .collect()
}

/// A sentence opening "As <clause>," sets what it claims against what
/// else goes on: "As President Trump continues to slam Mueller's probe, …
/// Cornyn says …", "As rescuers dug through the rubble, the toll rose".
/// "As of Monday", "As many as 300", "As a result", "As for", "As well as",
/// "As per" open the claim itself (a date, a figure, a consequence, a topic),
/// and so does a clause with no comma after it.
fn opening_as_clause(text: &str) -> Option<(usize, usize)> {
    let start = text.len() - text.trim_start_matches(['"', '\u{201c}', ' ']).len();
    let rest = text[start..].strip_prefix("As ")?;
    let next = rest.split(' ').next().unwrap_or("").to_lowercase();
    if matches!(
        next.as_str(),
        "of" | "many"
            | "much"
            | "few"
            | "a"
            | "for"
            | "well"
            | "per"
            | "such"
            | "to"
            | "far"
            | "long"
            | "soon"
            | "it"
            | "if"
    ) {
        return None;
    }
    let comma = rest.find(',')?;
    Some((start, start + 3 + comma))
}

/// The words of a claim that appear only in its setting clauses (`spans`),
/// hashed: a word said as often inside them as in the whole sentence
/// (`words`).
fn setting_words(claim: &Extracted, words: &[u64], spans: &[(usize, usize)]) -> Vec<u64> {
    if spans.is_empty() {
        return Vec::new();
    }
    let inside: Vec<u64> = spans
        .iter()
        .flat_map(|(a, b)| words_of(&claim.text[*a..*b], claim))
        .map(|w| word_id(&w))
        .collect();
    let count = |ws: &[u64], w: u64| ws.iter().filter(|x| **x == w).count();
    sorted_unique(
        inside
            .iter()
            .copied()
            .filter(|w| count(&inside, *w) >= count(words, *w))
            .collect(),
    )
}

/// Whether `quote` appears in `words` in order, at most one word inserted
/// between two of its words ("security guarantees for Wagner's fighters"
/// in "security guarantees for Wagner PMC's fighters").
fn quoted_in(quote: &[u64], words: &[u64]) -> bool {
    (0..words.len()).any(|start| {
        if words[start] != quote[0] {
            return false;
        }
        let mut at = start;
        quote[1..].iter().all(
            |q| match words[at + 1..].iter().take(2).position(|w| w == q) {
                Some(k) => {
                    at += k + 1;
                    true
                }
                None => false,
            },
        )
    })
}

/// Whether one claim quotes words the other states: the same quotation.
fn shares_quote(a: &Features, b: &Features) -> bool {
    a.quotes.iter().any(|q| quoted_in(q, &b.words))
        || b.quotes.iter().any(|q| quoted_in(q, &a.words))
}

/// How a figure is bounded by its qualifier.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Bound {
    /// "1,061 people"
    Exact,
    /// "at least 2,000", "more than 1,000", "over 33 million"
    AtLeast,
    /// "nearly 1,100", "almost 5,000", "up to 30 cm"
    AtMost,
    /// "about 5,000", "around 1,265", "some 120"
    About,
    /// A conversion in brackets after a figure in another unit: "200 km
    /// (124 miles)", which another outlet converts as "(120 miles)".
    Converted,
}

impl Bound {
    pub fn of(qualifier: Option<&str>) -> Bound {
        match qualifier {
            None => Bound::Exact,
            Some("at least" | "more than" | "over") => Bound::AtLeast,
            Some(
                "nearly" | "almost" | "up to" | "fewer than" | "less than" | "close to"
                | "as many as",
            ) => Bound::AtMost,
            Some(_) => Bound::About,
        }
    }
}

/// A figure as matching compares it: what it measures (hashed), its value
/// (×100, as [`Features::values`]) and its qualifier.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Figure {
    pub measure: u64,
    pub value: u64,
    pub bound: Bound,
    /// A count of what happened to people ("killed", "injured"), not an
    /// amount in a unit ("2,750 tonnes").
    pub counted: bool,
    /// What the figure is in (hashed): "km", "magnitude", "people".
    pub unit: u64,
    /// Named as already known wherever the sentence gives it ("is paying
    /// close attention to the 7.3-magnitude earthquake"): the sentence
    /// takes the figure for granted and claims something else about it.
    pub presupposed: bool,
}

/// How many zeros a whole number ends with, in decimal.
fn decimal_trailing_zeros(mut n: u64) -> u32 {
    let mut zeros = 0;
    while n != 0 && n.is_multiple_of(10) {
        n /= 10;
        zeros += 1;
    }
    zeros
}

/// Whether a value (×100) is a round figure as reporters round them: a
/// whole number whose digits after the first two are zeros (120, 1,100,
/// 2,000, 33 million), the kind "more than" and "nearly" qualify.
fn is_round(value: u64) -> bool {
    if !value.is_multiple_of(100) || value < 1000 {
        return false;
    }
    let whole = value / 100;
    let digits = whole.ilog10() + 1;
    digits >= 2 && whole.is_multiple_of(10u64.pow(digits - 2))
}

impl Figure {
    /// The values this figure allows: a round figure with a qualifier spans
    /// what the qualifier says ("more than 1,000": up to 15% more); a
    /// precise figure allows only the slips of an updated copy (2,122 and
    /// 2,120), so "around 1,265" never allows 1,427.
    fn allows(&self, value: u64) -> bool {
        let (low, high) = self.range();
        (low..=high).contains(&(value as f64))
    }

    /// The lowest and highest values (×100) this figure allows. "Nearly"
    /// rounds up to the figure's last significant digit, no further:
    /// "nearly 1,100" is 1,050 to 1,100 (1,099 is, 1,011 is not).
    fn range(&self) -> (f64, f64) {
        let v = self.value as f64;
        if self.bound == Bound::Converted {
            return (v * 0.95, v * 1.05);
        }
        if !is_round(self.value) {
            return if self.value >= 50_000 {
                (v * 0.998, v * 1.002)
            } else {
                (v, v)
            };
        }
        match self.bound {
            Bound::Exact => (v, v),
            Bound::AtLeast => (v, v * 1.15),
            Bound::AtMost => {
                let whole = self.value / 100;
                let step = 10u64.pow(decimal_trailing_zeros(whole)) as f64 * 100.0;
                ((v * 0.9).max(v - step / 2.0), v)
            }
            Bound::About | Bound::Converted => (v * 0.9, v * 1.1),
        }
    }

    /// Index keys for the values this figure allows, by their first two
    /// digits (1,099 and "nearly 1,100" share 1,000..1,099's key; "more
    /// than 2,700" and 2,750 share 2,700's), so a figure rounded or
    /// qualified meets its exact report without every pair compared. At
    /// most six keys; none for figures under 100.
    fn bucket_keys(&self) -> Vec<u64> {
        let (low, high) = self.range();
        if low < 10_000.0 {
            return Vec::new();
        }
        let floor2 = |x: f64| -> u64 {
            let x = x.ceil() as u64;
            let p = 10u64.pow(x.ilog10().saturating_sub(1));
            x / p * p
        };
        let (mut b, last) = (floor2(low), floor2(high));
        let mut keys = Vec::new();
        while b <= last && keys.len() < 6 {
            keys.push(hash::mix(self.measure, b));
            b += 10u64.pow(b.ilog10().saturating_sub(1));
        }
        keys
    }

    /// Whether two figures of one measure can be the same report.
    pub fn agrees(&self, other: &Figure) -> bool {
        self.value == other.value || self.allows(other.value) || other.allows(self.value)
    }
}

/// Whether two claims state different values for the same measure (no
/// value of one agrees with any of the other's).
pub fn figures_disagree(a: &Features, b: &Features) -> bool {
    if a.measures.is_empty() || b.measures.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < a.measures.len() {
        let m = a.measures[i].measure;
        let ours = &a.measures[i..i + a.measures[i..]
            .iter()
            .take_while(|x| x.measure == m)
            .count()];
        let mut theirs = b.measures.iter().filter(|x| x.measure == m).peekable();
        if theirs.peek().is_some() && theirs.all(|t| ours.iter().all(|o| !o.agrees(t))) {
            return true;
        }
        i += ours.len();
    }
    // Two claims each giving a quake's magnitude, none the same: two shocks
    // ("followed by a magnitude 6.4 quake" and "a 7.4-magnitude earthquake
    // occurred") or two readings of one, never one fact. (A sentence giving
    // both shocks shares one with each, and may join either.)
    static SHOCKS: LazyLock<[u64; 3]> = LazyLock::new(|| {
        [
            "magnitude earthquake",
            "magnitude later shock",
            "magnitude aftershock",
        ]
        .map(hash::text)
    });
    // (No allocation: this runs for every pair the linkage check samples.)
    fn shocks(f: &Features) -> impl Iterator<Item = u64> + '_ {
        f.measures
            .iter()
            .filter(|x| SHOCKS.contains(&x.measure))
            .map(|x| x.value)
    }
    shocks(a).next().is_some()
        && shocks(b).next().is_some()
        && shocks(a).all(|v| !shocks(b).any(|w| w == v))
}

/// Whether two claims each count people, but never the same thing: "1,002
/// people have died … with 2,376 injured" and "at least 139 people were
/// still missing", both "after Friday's 7.7-magnitude quake" in a junta
/// statement, are two facts however much of their frame they share.
///
/// So are two tallies that share few of their figures: "Of the 72 deaths,
/// 39 were in Wajima, 22 in Suzu, five in Nanao …" and "Of the deaths, 81
/// had been confirmed in Wajima City, 71 in Suzu City …" (Noto, 2024, a
/// week apart; held out) name the same towns and share only the small
/// numbers, never the count.
pub fn counts_apart(a: &Features, b: &Features) -> bool {
    let tallies = a.values.len() >= 3
        && b.values.len() >= 3
        && 2 * super::hash::shared_sorted(&a.values, &b.values)
            < a.values.len().min(b.values.len());
    tallies
        || (!a.counts.is_empty() && !b.counts.is_empty() && disjoint_sorted(&a.counts, &b.counts))
}

/// Whether two claims give one number in one unit for two different
/// things, and agree on nothing: "had advanced 200 kilometers towards
/// Moscow" and "were 200 kilometers from Moscow", "76 killed" and "76
/// injured", a magnitude 6.4 main shock and a later 6.4 shock. The number
/// is a coincidence, not the claim they share.
pub fn measures_apart(a: &Features, b: &Features) -> bool {
    let eventful = |x: &Figure| x.measure != x.unit;
    let apart = a.measures.iter().filter(|x| eventful(x)).any(|x| {
        b.measures.iter().any(|y| {
            eventful(y) && x.unit == y.unit && x.value == y.value && x.measure != y.measure
        })
    });
    apart && agreeing_measures(a, b) == 0
}

/// Whether two claims state an agreeing figure for the same measure (and
/// none that disagrees): the same fact, however worded.
pub fn figures_agree(a: &Features, b: &Features) -> bool {
    !figures_disagree(a, b)
        && a.measures.iter().any(|x| {
            b.measures
                .iter()
                .any(|y| x.measure == y.measure && x.agrees(y))
        })
}

/// How many measures two claims state agreeing figures for.
fn agreeing_measures(a: &Features, b: &Features) -> usize {
    agreeing_where(a, b, |_| true)
}

/// How many counts of people (killed, injured, missing…) two claims give
/// alike: amounts in units are left out, since "200 kilometers (124
/// miles)" is one distance stated twice.
fn agreeing_counts(a: &Features, b: &Features) -> usize {
    agreeing_where(a, b, |x| a.counts.binary_search(&x.measure).is_ok())
}

/// How many of `a`'s measures that `which` keeps `b` gives an agreeing
/// figure for.
fn agreeing_where(a: &Features, b: &Features, which: impl Fn(&Figure) -> bool) -> usize {
    let mut agreeing: Vec<u64> = a
        .measures
        .iter()
        .filter(|x| {
            which(x)
                && b.measures
                    .iter()
                    .any(|y| x.measure == y.measure && x.agrees(y))
        })
        .map(|x| x.measure)
        .collect();
    agreeing.sort_unstable();
    agreeing.dedup();
    agreeing.len()
}

/// Why two claims were matched.
#[derive(Clone, Debug, PartialEq)]
pub enum Link {
    /// They share this fraction of the smaller one's 3-word passages.
    Reuse(f64),
    /// Reworded: this IDF-weighted word overlap, figures and names agreeing.
    Paraphrase(f64),
    /// The same figure for the same measure (and none disagreeing), in
    /// documents on the same story: "At least 135 people have been killed"
    /// and "the death toll has risen to 135". The number is the IDF-weighted
    /// word overlap times the measures agreeing (at most 1), for ordering.
    Figure(f64),
    /// One quotes at least three words the other states, in order: the
    /// same quotation (the number is the word overlap, for ordering).
    Quote(f64),
}

/// Thresholds, chosen on the hand-labelled Helsinki cases (docs/benchmarks.md
/// has the sweep): lower ones found more reworded pairs but joined claims
/// that differ once the linkage guard was loosened with them.
///
/// Same words (`REUSE_MIN`) means most of the shorter sentence's 3-grams:
/// at 0.5, a short sentence sharing its setting with a longer one ("at the
/// start of the one-on-one meeting with Putin", "touched down in Helsinki
/// … later than planned") was "the same words" whatever else each said.
/// Below 0.7 a pair must pass as a paraphrase, coverage included.
pub const REUSE_MIN: f64 = 0.7;
pub const PARAPHRASE_MIN: f64 = 0.35;
/// The shared words' weight against the *longer* claim's (the paraphrase
/// score is against the shorter's): a short sentence whose few words all
/// recur in a long one about something else ("He said Trump was not well
/// enough prepared for the meeting" in a sentence about Trump's tweets)
/// covers little of it. Measured with `REUSE_MIN` 0.7 on the labelled
/// Helsinki pairs: labelled negatives joined 18 -> 4 of 55, pairs found 68
/// -> 65 of 200 (precision 0.78 -> 0.94); dev set same-claim pairs 72 ->
/// 69 of 92, hard negatives 36 -> 35 of 38 (2026-12-02).
pub const PARAPHRASE_COVERAGE: f64 = 0.3;
pub const PARAPHRASE_MIN_NO_FIGURE: f64 = 0.45;
/// The word overlap a paraphrase needs when one of the two sentences
/// names nothing (no shared name can vouch for it), with a phrase shared
/// (see [`shares_phrase`]). 0.5 found 2 more labelled Helsinki pairs (72 ->
/// 74 of 200) but joined 34 more clusters there, most of them wrong by
/// hand ("These talks are a big deal" with Obama "did NOTHING … no big
/// deal"); dev set unchanged (2026-12-03).
pub const PARAPHRASE_UNNAMED: f64 = 0.6;
/// A key whose posting list is longer than this is too common to propose
/// candidates (it would make matching quadratic).
pub const MAX_POSTING: usize = 128;
/// How many of a claim's rarest words, and rarest adjacent word pairs,
/// become index keys (pairs keep short sentences of common words findable:
/// "a very good start").
const RARE_KEYS: usize = 4;
const RARE_PAIRS: usize = 3;
/// Two groups merge when more than this share of the document pairs across
/// them hold a matching claim. More than half, not half: with half, a
/// sentence matching one of two claims that matched each other joined
/// them, and chains of such steps merged different claims (a shared
/// background clause, a shared quoted term, a neighbouring sentence).
/// Helsinki: wrong joins 12 -> 4 of 80 found pairs, labelled negatives
/// joined 11 -> 3 of 40, recall unchanged (68 of 200); the dev set lost 3
/// of 75 same-claim pairs (2026-12-02). Half is enough when the merging
/// link gives two counts of people alike ("76 killed and 440 injured"):
/// held-out set same-claim pairs 33 -> 35 of 53; dev set and Helsinki
/// unchanged (2026-12-04). Half is enough, too, when the merging link
/// copies one claim into the other ([`verbatim`]).
const LINKAGE: f64 = 0.5;
/// Two claims linked by a shared run of words or quotation, the shorter's
/// words at least this share of them in the other, are one sentence copied
/// (see [`verbatim`]). Tried on reworded links too (their score from 0.6):
/// Helsinki lost two found pairs and joined one more labelled negative, the
/// held-out set lost two same-claim pairs. With copies: dev set same-claim
/// pairs 73 -> 74 of 92, Helsinki and the held-out set unchanged
/// (2026-12-04).
const VERBATIM: f64 = 0.95;

/// Whether `link` copies one claim into the other: a shared run of words or
/// quotation, and all but [`VERBATIM`] of the shorter's words in the other
/// ("“We affirm our support to brotherly Chile …,” President Ramos added"
/// in "President Ramos added “we affirm our support to brotherly Chile …,
/// and we are confident …”"). Wherever one belongs, so does the other: half
/// the pairs across two groups is enough to join them (a president's cable
/// quoted whole by one paper, its first sentence by a second, its last
/// words by a third: the second shares no word with the third).
fn verbatim(link: &Link, a: &Features, b: &Features) -> bool {
    if !matches!(link, Link::Reuse(_) | Link::Quote(_)) {
        return false;
    }
    let (a, b) = (
        sorted_unique(a.words.clone()),
        sorted_unique(b.words.clone()),
    );
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let inside = short
        .iter()
        .filter(|w| long.binary_search(w).is_ok())
        .count();
    !short.is_empty() && inside as f64 >= VERBATIM * short.len() as f64
}

/// A claim prepared for fast scoring: sorted ids and weights, computed once.
struct Prepared {
    /// Sorted unique word ids.
    words: Vec<u32>,
    /// Sorted unique ids of the words only in its setting.
    setting: Vec<u32>,
    /// Sum of the IDF weights of `words`, its setting's at [`SETTING_WEIGHT`].
    weight: f64,
}

impl Prepared {
    /// Whether one of its words is only in its setting.
    fn in_setting(&self, w: &u32) -> bool {
        self.setting.binary_search(w).is_ok()
    }
}

/// What a word two claims share weighs: its IDF weight, at
/// [`SETTING_WEIGHT`] when it is only in the setting of either.
fn shared_weight(pa: &Prepared, pb: &Prepared, w: &u32, weights: &[f64]) -> f64 {
    let setting = pa.in_setting(w) || pb.in_setting(w);
    weights[*w as usize] * if setting { SETTING_WEIGHT } else { 1.0 }
}

/// Calls `each` on every element two sorted, deduplicated slices share
/// (see [`hash::shared_sorted`] for why it does not branch on the order).
fn shared_sorted<T: Ord>(a: &[T], b: &[T], mut each: impl FnMut(&T)) {
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        if x == y {
            each(x);
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
}

/// The fewest shingles of `smaller` a pair must share for its containment
/// (`shared / smaller`, as computed) to reach [`REUSE_MIN`].
fn least_reaching(smaller: usize) -> usize {
    let reaches = |k: usize| k as f64 / smaller as f64 >= REUSE_MIN;
    let mut k = (REUSE_MIN * smaller as f64).ceil() as usize;
    while k > 0 && reaches(k - 1) {
        k -= 1;
    }
    while !reaches(k) {
        k += 1;
    }
    k
}

/// The scoring rule on prepared claims (see the module documentation).
fn score_prepared(
    a: &Features,
    b: &Features,
    pa: &Prepared,
    pb: &Prepared,
    vocab: &Vocab,
    same_story: &dyn Fn() -> bool,
) -> Option<Link> {
    let weights = &vocab.weights;
    if figures_disagree(a, b) || counts_apart(a, b) || measures_apart(a, b) {
        return None;
    }
    let smaller = a.shingles.len().min(b.shingles.len()).max(1);
    if smaller >= 3 {
        // Most candidates share a few words, not most of their shingles:
        // counting stops once the rest could not reach `REUSE_MIN`.
        let shared = hash::shared_at_least(&a.shingles, &b.shingles, least_reaching(smaller));
        if let Some(shared) = shared {
            return Some(Link::Reuse(shared as f64 / smaller as f64));
        }
    }
    let mut overlap = 0.0;
    shared_sorted(&pa.words, &pb.words, |w| {
        overlap += shared_weight(pa, pb, w, weights)
    });
    let similarity = overlap / pa.weight.min(pb.weight).max(1e-9);
    let entities_disjoint = disjoint_sorted(&a.entities, &b.entities);
    if similarity >= QUOTE_WORDS && shares_quote(a, b) && (!entities_disjoint || same_story()) {
        return Some(Link::Quote(similarity.min(1.0)));
    }
    // A count of people ("76 killed and 440 injured after a strong quake
    // jolted …") is what its sentence claims: a sentence stating no count
    // ("A strong quake jolted …", "A 7.6 quake struck central Japan …")
    // shares only its circumstances, whatever other figure they share
    // (Xinhua's "The death toll reached 202 … after a series of
    // earthquakes of up to 7.6 magnitude struck" met Reuters' magnitude
    // and looked corroborated: held out, stop 62).
    // (The other naming the count's value is telling it in words the
    // extraction reads as no count: "the detention of 11 people".)
    let names_count = |x: &Features, y: &Features| {
        x.measures.iter().any(|m| {
            x.counts.binary_search(&m.measure).is_ok() && y.values.binary_search(&m.value).is_ok()
        })
    };
    let counts_unstated =
        |x: &Features, y: &Features| x.states_count && y.counts.is_empty() && !names_count(x, y);
    let count_apart =
        (counts_unstated(a, b) || counts_unstated(b, a)) && similarity < INFORMATIVE_EXEMPT;
    // A figure denied is not the figure stated: "Libyan Red Crescent
    // denies 11,300 death toll cited by UN" and "Death toll soars to
    // 11,300 …, Libyan Red Crescent says" (AFP and Al Jazeera on the Derna
    // floods, 2023) share the figure, the body and the toll's words.
    if similarity >= FIGURE_WORDS
        && !count_apart
        && a.denies == b.denies
        && figure_fact(a, b, entities_disjoint)
        && (!entities_disjoint || same_story())
    {
        // Several figures agreeing ("nine dead, 143 trapped, more than
        // 1,000 injured") say more than one: such a pair merges first.
        let agreeing = agreeing_measures(a, b) as f64;
        return Some(Link::Figure((similarity * agreeing).min(1.0)));
    }
    let values_disjoint = disjoint_sorted(&a.values, &b.values);
    if !a.values.is_empty() && !b.values.is_empty() && values_disjoint {
        return None;
    }
    if (reworded_apart(a, b) && similarity < INFORMATIVE_EXEMPT) || count_apart {
        return None;
    }
    // Who claimed an act is a claim of its own, however close the words.
    if a.responsibility != b.responsibility {
        return None;
    }
    if entities_disjoint {
        // A sentence naming nothing ("the nine deceased included five
        // women and four men") can still be the same claim as one naming
        // its source: only when nearly all its words are shared, on one
        // story.
        let one_names_nothing = a.entities.is_empty() || b.entities.is_empty();
        return (one_names_nothing
            && similarity >= PARAPHRASE_UNNAMED
            && shares_phrase(a, b)
            && !too_little_in_common(pa, pb, vocab, similarity)
            && same_story())
        .then_some(Link::Paraphrase(similarity));
    }
    let needed = if values_disjoint {
        PARAPHRASE_MIN_NO_FIGURE
    } else {
        PARAPHRASE_MIN
    };
    let coverage = overlap / pa.weight.max(pb.weight).max(1e-9);
    (similarity >= needed
        && coverage >= PARAPHRASE_COVERAGE
        && !too_little_in_common(pa, pb, vocab, similarity))
    .then_some(Link::Paraphrase(similarity))
}

/// Whether two claims can be one only in nearly the same words, never
/// reworded: one rests on an earlier sentence ("a letter to that effect"),
/// or one denies what the other states ("has never condemned" / "intends
/// to raise").
fn reworded_apart(a: &Features, b: &Features) -> bool {
    a.refers_back || b.refers_back || a.negated != b.negated
}

/// Whether a sentence says who claimed or admitted an act ("Islamic State
/// claimed responsibility for Friday night's suicide bombing at a rally"):
/// that is its claim, which a sentence about the same act that names no
/// claimant ("Friday's suicide bombing in Mastung took place as … was
/// holding a rally") does not make, whatever words they share.
pub fn claims_responsibility(text: &str) -> bool {
    static CLAIMED: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(
            r"(?i)\b(?:claim(?:s|ed|ing)?|t(?:ook|akes?|aking)|accept(?:s|ed|ing)?|admit(?:s|ted|ting)?|assum(?:e|es|ed|ing))\s+(?:full\s+|the\s+)?(?:responsibility|credit)\b",
        )
    });
    CLAIMED.is_match(text)
}

/// Whether two claims share two words in a row (stop words aside): a
/// quotation's fragment ("He may deny it", "a lot of foes") keeps its
/// phrase in the sentence that quotes it whole, where two sentences
/// sharing only common words in another order ("They should be able to
/// talk" / "… was not able to accomplish") are about different things.
fn shares_phrase(a: &Features, b: &Features) -> bool {
    let pairs = |f: &Features| -> HashSet<(u64, u64)> {
        f.words.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let short = pairs(short);
    long.words.windows(2).any(|w| short.contains(&(w[0], w[1])))
}

/// A word in fewer than this share of the corpus's claims (IDF ≥ 3.0,
/// about 1 in 18) tells one claim from another: a story-wide name
/// (Trump, Helsinki, "summit") does not.
const INFORMATIVE_IDF: f64 = 3.0;
/// What a word found only in a claim's setting clause weighs (times its
/// IDF), in the claim and in what it shares: nothing. Two sentences that
/// share only "…, just days after the Justice Department indicted 12
/// Russian intelligence officers" or "… ahead of his high-stakes meeting
/// with Putin in Helsinki" state different things against one background.
/// Helsinki: labelled negatives joined 6 -> 3 of 57, pairs found 65 -> 67
/// of 200 (precision 0.92 -> 0.96); dev set unchanged (2026-12-02).
const SETTING_WEIGHT: f64 = 0.0;
/// Word overlap at which two claims are the same words whatever they share.
const INFORMATIVE_EXEMPT: f64 = 0.9;

/// Whether two claims share too few telling words to be one claim
/// reworded: fewer than two informative words that are not names, unless
/// one is and three more informative words (names included) are shared
/// too. Measured on the Helsinki articles (a hand-judged sample of the
/// clusters called corroborated): a short claim contained in a longer one
/// by a story-wide name and a common word, two statements of one speaker
/// sharing only his names, photo captions of two days, were a quarter of
/// the "corroborated" clusters; 15 of 20 links this removes were wrong,
/// and no hand-labelled pair is lost (dev set or Helsinki).
fn too_little_in_common(pa: &Prepared, pb: &Prepared, vocab: &Vocab, similarity: f64) -> bool {
    if similarity >= INFORMATIVE_EXEMPT {
        return false;
    }
    let (mut informative, mut content) = (0, 0);
    shared_sorted(&pa.words, &pb.words, |w| {
        if pa.in_setting(w) || pb.in_setting(w) {
            return;
        }
        let w = *w as usize;
        if vocab.weights[w] >= vocab.informative_idf {
            informative += 1;
            content += usize::from(vocab.content[w]);
        }
    });
    content < 2 && (informative < 4 || content < 1)
}

/// The word overlap a quote link needs besides the quotation: a sentence
/// about a quote ("the ministry retweeted Trump's “U.S. foolishness and
/// stupidity” tweet and said …") is not the quote.
const QUOTE_WORDS: f64 = 0.45;
/// The word overlap (as [`PARAPHRASE_MIN`]) a figure link needs besides the
/// figure: a sentence mentioning "12 indicted" in passing is not the
/// sentence reporting the indictment.
const FIGURE_WORDS: f64 = 0.15;
/// Smallest figure (×100) that matches claims naming no shared place,
/// person or body: "10 killed" is specific to a story, "two killed" may be
/// any incident of it.
const FIGURE_ALONE: u64 = 1000;
/// Smallest figure (×100) that matches claims naming places, people or
/// bodies none of which is shared ("20 killed in Rafah", "20 killed in
/// Jabalia" are two incidents; "1,061 dead" stays one toll however the
/// sentences around it name things). A claim naming only its source names
/// no incident (see `figure_fact`): held-out set same-claim pairs 38 -> 40
/// of 53, hard negatives 18 of 18 kept apart, dev set and Helsinki
/// unchanged (2026-12-04).
const FIGURE_DESPITE_NAMES: u64 = 10_000;

/// Whether two claims state the same fact as a figure: an agreeing value
/// for the same measure, none disagreeing, and a figure specific enough for
/// what the claims name (see [`FIGURE_ALONE`]). The caller adds the story
/// check when they share no name.
fn figure_fact(a: &Features, b: &Features, names_disjoint: bool) -> bool {
    // A toll in a sentence naming a year may be another event's (the 1999
    // quake's 2,000 dead): it meets only a sentence naming a year too.
    let counts_only = a.other_event != b.other_event;
    // A name in its source only ("more than 60 died, according to the
    // Investigative Committee") says who counted, not which event: it sets
    // no incident apart from one named elsewhere ("60 killed near Moscow").
    let names_event = |f: &Features| {
        f.entities
            .iter()
            .any(|e| f.sources.binary_search(e).is_err())
    };
    let both_name = names_event(a) && names_event(b);
    let least = match (names_disjoint, both_name) {
        (false, _) => 0,
        (true, false) => FIGURE_ALONE,
        (true, true) => FIGURE_DESPITE_NAMES,
    };
    // A figure one sentence takes for granted ("attention to the
    // 7.3-magnitude earthquake") is no fact it states: it meets only a
    // figure both state.
    figures_agree(a, b)
        && a.measures.iter().any(|x| {
            x.value >= least
                && !x.presupposed
                && !(counts_only && x.counted)
                && b.measures
                    .iter()
                    .any(|y| x.measure == y.measure && !y.presupposed && x.agrees(y))
        })
}

/// Whether a figure is named as already known wherever the sentence
/// gives it: "the 12 Russian officers", "those 76 victims".
fn definite(text: &str, figure: &str) -> bool {
    everywhere(text, figure, |i| {
        let before = text[..i].trim_end().to_lowercase();
        ["the", "those", "these", "its", "their"].iter().any(|d| {
            before.ends_with(d)
                && !before[..before.len() - d.len()].ends_with(|c: char| c.is_alphanumeric())
        })
    })
}

/// Whether a figure is taken for granted wherever the sentence gives it:
/// named as already known inside the sentence ("is paying close attention
/// to the 7.3-magnitude earthquake", "the indictment of the 12 Russian
/// officers"). A sentence opening on it ("The 7.3-magnitude quake struck
/// …") states it, as a lede does.
fn presupposed(text: &str, figure: &str) -> bool {
    definite(text, figure)
        && everywhere(text, figure, |i| {
            let before = text[..i].trim_end();
            // Where the determiner starts: after the last character that is
            // not a letter or digit, however many bytes it takes ("—the").
            let determiner = before
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(0, |(j, c)| j + c.len_utf8());
            before[..determiner].contains(char::is_alphanumeric)
        })
}

/// Whether `figure` is in `text` and `at` holds wherever it is (at each
/// byte offset it starts at).
fn everywhere(text: &str, figure: &str, at: impl Fn(usize) -> bool) -> bool {
    let mut found = text.match_indices(figure).map(|(i, _)| i).peekable();
    found.peek().is_some() && found.all(at)
}

/// The interned words of a corpus's claims: each one's IDF weight, whether
/// it is a content word (neither a name nor a casualty word), and the
/// weight from which a word tells claims apart.
struct Vocab {
    weights: Vec<f64>,
    content: Vec<bool>,
    informative_idf: f64,
}

/// Interns every claim's words and prepares it for scoring, once for each
/// distinct features (index by [`FeatureTable::distinct_of`]). Words are
/// numbered in claim order. A word whose IDF is at least
/// `informative_idf` is informative.
fn prepare(
    features: &FeatureTable,
    idf: &FxHashMap<u64, f64>,
    informative_idf: f64,
) -> (Vec<Prepared>, Vocab) {
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut vocab = Vocab {
        weights: Vec::new(),
        content: Vec::new(),
        informative_idf,
    };
    for f in features.iter() {
        for w in &f.words {
            ids.entry(*w).or_insert_with(|| {
                vocab.weights.push(idf.get(w).copied().unwrap_or(1.0));
                vocab
                    .content
                    .push(!is_entity_word(*w) && !is_casualty_word(*w));
                (vocab.weights.len() - 1) as u32
            });
        }
    }
    let prepared = features
        .distinct()
        .iter()
        .map(|f| {
            let mut words: Vec<u32> = f.words.iter().map(|w| ids[w]).collect();
            words.sort_unstable();
            words.dedup();
            let mut setting: Vec<u32> = f
                .setting
                .iter()
                .filter_map(|w| ids.get(w).copied())
                .collect();
            setting.sort_unstable();
            let mut p = Prepared {
                words,
                setting,
                weight: 0.0,
            };
            // A claim shares each of its words with itself at its own weight.
            p.weight = p
                .words
                .iter()
                .map(|w| shared_weight(&p, &p, w, &vocab.weights))
                .sum();
            p
        })
        .collect();
    (prepared, vocab)
}

/// Scores one pair of claims on their own (uniform weights unless `idf`,
/// keyed by [`word_id`], says otherwise); `cluster` scores its candidates
/// the same way.
pub fn score(a: &Features, b: &Features, idf: &HashMap<u64, f64>) -> Option<Link> {
    score_in(a, b, idf, false)
}

/// [`score`], for two claims of one story (as `cluster` finds two
/// documents sharing enough words) when `same_story`.
pub fn score_in(
    a: &Features,
    b: &Features,
    idf: &HashMap<u64, f64>,
    same_story: bool,
) -> Option<Link> {
    let idf: FxHashMap<u64, f64> = idf.iter().map(|(k, v)| (*k, *v)).collect();
    // Without corpus weights every word tells.
    let informative = if idf.is_empty() { 0.0 } else { INFORMATIVE_IDF };
    let table = FeatureTable::from(vec![a.clone(), b.clone()]);
    let (p, vocab) = prepare(&table, &idf, informative);
    let (pa, pb) = (&p[table.distinct_of(0)], &p[table.distinct_of(1)]);
    score_prepared(a, b, pa, pb, &vocab, &|| same_story)
}

/// The plain statement of the scoring rule, kept to check the fast one.
#[cfg(test)]
fn score_slow(a: &Features, b: &Features, idf: &HashMap<u64, f64>) -> Option<Link> {
    use std::collections::HashSet;
    if figures_disagree(a, b) || counts_apart(a, b) || measures_apart(a, b) {
        return None;
    }
    let sa: HashSet<u64> = a.shingles.iter().copied().collect();
    let sb: HashSet<u64> = b.shingles.iter().copied().collect();
    let shared = sa.intersection(&sb).count();
    let smaller = sa.len().min(sb.len()).max(1);
    let containment = shared as f64 / smaller as f64;
    if containment >= REUSE_MIN && smaller >= 3 {
        return Some(Link::Reuse(containment));
    }
    let ea: HashSet<u64> = a.entities.iter().copied().collect();
    let eb: HashSet<u64> = b.entities.iter().copied().collect();
    if ea.is_disjoint(&eb) {
        return None;
    }
    let va: HashSet<u64> = a.values.iter().copied().collect();
    let vb: HashSet<u64> = b.values.iter().copied().collect();
    if !va.is_empty() && !vb.is_empty() && va.is_disjoint(&vb) {
        return None;
    }
    let set_a: HashSet<u64> = a.words.iter().copied().collect();
    let set_b: HashSet<u64> = b.words.iter().copied().collect();
    let weight = |w: &u64| idf.get(w).copied().unwrap_or(1.0);
    let in_setting = |w: &u64| a.setting.contains(w) || b.setting.contains(w);
    let shared_weight = |w: &u64| weight(w) * if in_setting(w) { SETTING_WEIGHT } else { 1.0 };
    let own_weight = |f: &Features, w: &u64| {
        weight(w)
            * if f.setting.contains(w) {
                SETTING_WEIGHT
            } else {
                1.0
            }
    };
    let overlap: f64 = set_a.intersection(&set_b).map(shared_weight).sum();
    let total_a: f64 = set_a.iter().map(|w| own_weight(a, w)).sum();
    let total_b: f64 = set_b.iter().map(|w| own_weight(b, w)).sum();
    let similarity = overlap / total_a.min(total_b).max(1e-9);
    let coverage = overlap / total_a.max(total_b).max(1e-9);
    if reworded_apart(a, b) && similarity < INFORMATIVE_EXEMPT {
        return None;
    }
    if a.responsibility != b.responsibility {
        return None;
    }
    let needed = if va.is_disjoint(&vb) {
        PARAPHRASE_MIN_NO_FIGURE
    } else {
        PARAPHRASE_MIN
    };
    // Shared informative words: content words (no name, no casualty word)
    // and any.
    let floor = if idf.is_empty() { 0.0 } else { INFORMATIVE_IDF };
    let telling: Vec<&u64> = set_a
        .intersection(&set_b)
        .filter(|w| weight(w) >= floor && !in_setting(w))
        .collect();
    let content = telling
        .iter()
        .filter(|w| !is_entity_word(***w) && !is_casualty_word(***w))
        .count();
    let too_little =
        similarity < INFORMATIVE_EXEMPT && content < 2 && (telling.len() < 4 || content < 1);
    (similarity >= needed && coverage >= PARAPHRASE_COVERAGE && !too_little)
        .then_some(Link::Paraphrase(similarity))
}

/// How many min-hashes of its passages a claim gets to find near-copies.
const NEAR_HASHES: u64 = 4;
/// Two claims with the same figures sharing at least this share of all
/// their passages (Jaccard) are near-copies: one word changed in a
/// 20-word sentence leaves 0.71, two leave 0.5.
const NEAR_COPY: f64 = 0.6;

/// Collapses near-copies onto one representative, as identical claims are:
/// a wire sentence with a word changed, run by hundreds of sites, becomes
/// one claim before any pair is scored, so a family of copies costs a
/// hash per copy instead of a comparison between every two copies (and
/// never fills the index's posting lists). Claims sharing a min-hash meet
/// in a bucket; each is compared with the bucket's first claim only.
/// `representative[i] <= i` holds before and after.
fn near_copies(features: &FeatureTable, representative: &mut [usize]) {
    let mut entries: Vec<(u64, u32)> = Vec::new();
    for (i, f) in features.iter().enumerate() {
        if representative[i] != i || f.shingles.len() < 3 {
            continue;
        }
        for seed in 0..NEAR_HASHES {
            let min = f
                .shingles
                .iter()
                .map(|s| hash::mix(seed + 1, *s))
                .min()
                .unwrap_or_default();
            entries.push((hash::mix(min, seed), i as u32));
        }
    }
    entries.sort_unstable();
    let root = |representative: &[usize], mut i: usize| {
        while representative[i] != i {
            i = representative[i];
        }
        i
    };
    for bucket in entries.chunk_by(|a, b| a.0 == b.0) {
        let first = root(representative, bucket[0].1 as usize);
        let a = &features[first];
        for &(_, m) in &bucket[1..] {
            let m = m as usize;
            if representative[m] != m || m == first {
                continue;
            }
            let b = &features[m];
            if a.values != b.values || figures_disagree(a, b) {
                continue;
            }
            let shared = hash::shared_sorted(&a.shingles, &b.shingles);
            let union = a.shingles.len() + b.shingles.len() - shared;
            if shared as f64 >= NEAR_COPY * union as f64 {
                representative[m] = first.min(m);
                representative[first] = first.min(m);
            }
        }
    }
    for i in 0..representative.len() {
        representative[i] = root(representative, representative[i]);
    }
}

/// The features of each representative of near-copies whose copies name
/// more than it does, with the names of all of them: one copy of a
/// spokesperson's words may name her ("said Zhu Fenglian") where the
/// other, cut short, says "a spokesperson said". The family is one claim,
/// and a rewording that names her is the same claim as both.
fn family_entities(
    features: &FeatureTable,
    representative: &[usize],
) -> FxHashMap<usize, Features> {
    let mut widened: FxHashMap<usize, Features> = FxHashMap::default();
    for (i, &rep) in representative.iter().enumerate() {
        if rep == i {
            continue;
        }
        let own = &features[i].entities;
        let current = widened
            .get(&rep)
            .map_or(&features[rep].entities, |f| &f.entities);
        if own.iter().all(|e| current.binary_search(e).is_ok()) {
            continue;
        }
        let f = widened.entry(rep).or_insert_with(|| features[rep].clone());
        f.entities.extend(own);
        f.entities.sort_unstable();
        f.entities.dedup();
    }
    widened
}

/// How many members of a group the average-linkage check looks at: at most
/// this many, so checking a merge of two groups costs at most its square
/// however large the groups grow (a family of copies run by thousands of
/// sites). Groups up to this size are checked in full, as before.
const LINKAGE_SAMPLE: usize = 48;

/// The members of a group the linkage check uses: all of them up to
/// [`LINKAGE_SAMPLE`], else that many spread evenly over the group (the
/// same every run: members are kept in merge order, which is deterministic).
fn linkage_sample(members: &[usize]) -> Box<dyn Iterator<Item = &usize> + '_> {
    if members.len() <= LINKAGE_SAMPLE {
        Box::new(members.iter())
    } else {
        let n = members.len();
        Box::new((0..LINKAGE_SAMPLE).map(move |k| &members[k * n / LINKAGE_SAMPLE]))
    }
}

/// The matched pairs as sorted neighbour lists, one slice a claim: the
/// linkage check looks up a sampled member's neighbours in one contiguous
/// slice, where a hash set of millions of pairs cost a cache miss a pair.
struct Adjacency {
    start: Vec<usize>,
    neighbours: Vec<u32>,
}

impl Adjacency {
    fn new(n: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> Self {
        let mut start = vec![0usize; n + 1];
        for (a, b) in pairs.clone() {
            start[a + 1] += 1;
            start[b + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut neighbours = vec![0u32; start[n]];
        for (a, b) in pairs {
            neighbours[fill[a]] = b as u32;
            fill[a] += 1;
            neighbours[fill[b]] = a as u32;
            fill[b] += 1;
        }
        for i in 0..n {
            neighbours[start[i]..start[i + 1]].sort_unstable();
        }
        Adjacency { start, neighbours }
    }

    fn of(&self, x: usize) -> &[u32] {
        &self.neighbours[self.start[x]..self.start[x + 1]]
    }
}

/// How alike two documents' words must be (cosine of IDF-weighted word
/// sets) to be one story. On the dev set's five stories, 0.06 keeps 8% of
/// pairs of documents on different stories and three quarters of pairs on
/// one; a shared figure for the same measure must come on top.
const STORY_SIMILARITY: f64 = 0.04;

/// The claims of each document, to tell whether two documents report the
/// same story. A document's words (and their weight) are made from its
/// claims' prepared words the first time a pair asks, and kept: only the
/// documents of claims that name nothing in common are asked about.
struct Stories {
    claims: FxHashMap<usize, DocumentClaims>,
}

/// A document's claims (their distinct features), and once asked for, its
/// words with the sum of their squared weights.
type DocumentClaims = (Vec<u32>, std::sync::OnceLock<(Vec<u32>, f64)>);

impl Stories {
    /// Each document's claims, as their distinct features.
    fn new(document_of: &[usize], features: &FeatureTable) -> Self {
        let mut claims: FxHashMap<usize, DocumentClaims> = FxHashMap::default();
        for (i, d) in document_of.iter().enumerate() {
            claims
                .entry(*d)
                .or_default()
                .0
                .push(features.distinct_of(i) as u32);
        }
        Stories { claims }
    }

    /// A document's words, sorted, and the sum of their squared weights.
    fn words(&self, document: usize, prepared: &[Prepared], weights: &[f64]) -> (&[u32], f64) {
        let Some((claims, words)) = self.claims.get(&document) else {
            return (&[], 0.0);
        };
        let (words, norm) = words.get_or_init(|| {
            let mut words: Vec<u32> = claims
                .iter()
                .flat_map(|c| prepared[*c as usize].words.iter().copied())
                .collect();
            words.sort_unstable();
            words.dedup();
            words.shrink_to_fit();
            let norm = words.iter().map(|x| weights[*x as usize].powi(2)).sum();
            (words, norm)
        });
        (words, *norm)
    }

    /// Whether two documents' words are alike enough to be one story.
    fn same(&self, a: usize, b: usize, prepared: &[Prepared], weights: &[f64]) -> bool {
        let ((wa, na), (wb, nb)) = (
            self.words(a, prepared, weights),
            self.words(b, prepared, weights),
        );
        let mut shared = 0.0;
        shared_sorted(wa, wb, |x| shared += weights[*x as usize].powi(2));
        shared / (na * nb).sqrt().max(1e-9) >= STORY_SIMILARITY
    }
}

/// Union-find over claim indexes.
pub(super) struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    pub(super) fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
        }
    }

    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// The result of matching: a cluster number per claim.
pub struct Matching {
    pub cluster_of: Vec<usize>,
    /// Candidate pairs scored (for the benchmark: it must grow near-linearly).
    pub candidates_scored: usize,
    /// Wall time of each step, for the benchmark.
    pub timings: crate::progress::Timings,
}

impl Link {
    fn strength(&self) -> f64 {
        match self {
            Link::Reuse(c) => 1.0 + c,
            Link::Paraphrase(c) => *c,
            // Weaker than any paraphrase: worded apart, merged last.
            Link::Figure(c) => c * 0.1,
            Link::Quote(c) => 0.5 + c * 0.1,
        }
    }
}

/// How many first claims of candidate pairs are scored together (see
/// `cluster`): their features fit in a core's cache.
const SCORING_BLOCK: u32 = 4096;

/// How many candidate pairs are scored at once (see `cluster`).
const SCORING_SLICE: usize = 1 << 20;

/// Clusters claims. `document_of[i]` is claim i's document: claims of one
/// document are never compared (a document says a thing once; repeats are
/// removed when cleaning).
pub fn cluster(features: &FeatureTable, document_of: &[usize]) -> Matching {
    let mut laps = crate::progress::Laps::start();
    let n = features.len();
    // Claims that read the same once normalised (a wire sentence run by many
    // sites) are one claim: only the first of each such group enters the
    // index, so copies cost a hash each, not a comparison with every other copy.
    let mut representative: Vec<usize> = (0..n).collect();
    {
        let mut first: FxHashMap<&[u64], usize> = FxHashMap::default();
        for (i, f) in features.iter().enumerate() {
            if f.words.len() >= 4 {
                representative[i] = *first.entry(f.words.as_slice()).or_insert(i);
            }
        }
    }
    near_copies(features, &mut representative);
    let is_rep = |i: usize| representative[i] == i;
    let widened = family_entities(features, &representative);
    let features_of = |i: usize| widened.get(&i).unwrap_or(&features[i]);
    // Document frequency of words and adjacent word pairs, counted per claim.
    let pair_key = |p: &[u64]| hash::mix(p[0], p[1]);
    let mut df: FxHashMap<u64, usize> = FxHashMap::default();
    let mut pair_df: FxHashMap<u64, usize> = FxHashMap::default();
    let mut unique: Vec<u64> = Vec::new();
    // Claims of the same features count once each, counted together.
    let mut claims_with = vec![0usize; features.distinct().len()];
    for i in 0..n {
        claims_with[features.distinct_of(i)] += 1;
    }
    for (f, &count) in features.distinct().iter().zip(&claims_with) {
        unique.clear();
        unique.extend_from_slice(&f.words);
        unique.sort_unstable();
        unique.dedup();
        for w in &unique {
            *df.entry(*w).or_default() += count;
        }
        unique.clear();
        unique.extend(f.words.windows(2).map(pair_key));
        unique.sort_unstable();
        unique.dedup();
        for p in &unique {
            *pair_df.entry(*p).or_default() += count;
        }
    }
    let idf: FxHashMap<u64, f64> = df
        .iter()
        .map(|(w, d)| (*w, ((n as f64 + 1.0) / (*d as f64)).ln() + 0.1))
        .collect();
    // Index keys per claim, each kind of key hashed with its own tag.
    const VALUE: u64 = 1;
    const ENTITY: u64 = 2;
    const WORD: u64 = 3;
    const PAIR: u64 = 4;
    const BUCKET: u64 = 5;
    // The index as (key, claim) pairs, sorted: a posting list is a run of
    // one key. (A hash map of lists cost a list a key, and most keys are
    // one claim's.)
    let mut postings: Vec<(u64, u32)> = Vec::new();
    for i in (0..n).filter(|i| is_rep(*i)) {
        let f = features_of(i);
        let mut keys: Vec<u64> = f
            .values
            .iter()
            .filter(|v| **v >= 1100)
            .map(|v| hash::mix(VALUE, *v))
            .collect();
        keys.extend(
            f.entities
                .iter()
                .chain(&f.outlets)
                .map(|e| hash::mix(ENTITY, *e)),
        );
        keys.extend(
            f.measures
                .iter()
                .flat_map(Figure::bucket_keys)
                .map(|k| hash::mix(BUCKET, k)),
        );
        let mut rare: Vec<u64> = f
            .words
            .iter()
            .copied()
            .filter(|w| !is_entity_word(*w))
            .collect();
        rare.sort_by(|a, b| df[a].cmp(&df[b]).then(a.cmp(b)));
        rare.dedup();
        keys.extend(
            rare.into_iter()
                .filter(|w| df[w] > 1)
                .take(RARE_KEYS)
                .map(|w| hash::mix(WORD, w)),
        );
        let mut pairs: Vec<u64> = f.words.windows(2).map(pair_key).collect();
        pairs.sort_by(|a, b| pair_df[a].cmp(&pair_df[b]).then(a.cmp(b)));
        pairs.dedup();
        keys.extend(
            pairs
                .into_iter()
                .filter(|p| pair_df[p] > 1)
                .take(RARE_PAIRS)
                .map(|p| hash::mix(PAIR, p)),
        );
        keys.sort_unstable();
        keys.dedup();
        postings.extend(keys.into_iter().map(|k| (k, i as u32)));
    }
    laps.lap("index");
    // Candidates: pairs sharing a usable key (sorted and deduplicated: far
    // cheaper than a hash set at a million pairs).
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    postings.sort_unstable();
    for list in postings.chunk_by(|x, y| x.0 == y.0) {
        if list.len() < 2 || list.len() > MAX_POSTING {
            continue;
        }
        for (x, &(_, a)) in list.iter().enumerate() {
            for &(_, b) in &list[x + 1..] {
                if document_of[a as usize] != document_of[b as usize] {
                    candidates.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    // The index is done with: free it before scoring allocates its own.
    drop(postings);
    drop(pair_df);
    drop(df);
    // Scored in blocks of a few thousand first claims, each block's pairs
    // in the order of their second claim: what scoring reads of the
    // claims is then swept in memory order, not fetched at random (which
    // had it waiting on memory most of its time). Links are put in their
    // own order below, whatever this one.
    candidates.sort_unstable_by_key(|&(a, b)| (a / SCORING_BLOCK, b, a));
    candidates.dedup();
    let candidates_scored = candidates.len();
    laps.lap("candidates");
    laps.timings.add(
        &format!(
            "candidate pairs ({candidates_scored} pairs among {} of {n} claims; the rest are copies)",
            (0..n).filter(|i| is_rep(*i)).count()
        ),
        std::time::Duration::ZERO,
    );
    let stories = Stories::new(document_of, features);
    // In a corpus of fewer than ~36 claims, a word in two or three of them
    // still tells.
    let informative = INFORMATIVE_IDF.min(((n as f64 + 1.0) / 3.0).ln() + 0.1);
    let (prepared, vocab) = prepare(features, &idf, informative);
    use rayon::prelude::*;
    // Claims as u32, as in the candidates: at 100,000 documents there are
    // 16 million links, and a link of usizes held 130 MB more. Scored a
    // slice of candidates at a time: collecting them all at once held
    // every link twice for a while (one list a thread, then the whole).
    // The slices are taken from the end, and each one scored is handed
    // back: the candidates shrink as the links grow (at 100,000
    // documents, 200 MB of candidates and 380 MB of links).
    let mut links: Vec<(u32, u32, Link)> = Vec::new();
    while !candidates.is_empty() {
        let start = candidates.len().saturating_sub(SCORING_SLICE);
        let scored: Vec<(u32, u32, Link)> = candidates[start..]
            .par_iter()
            .filter_map(|&(a, b)| {
                let (i, j) = (a as usize, b as usize);
                score_prepared(
                    features_of(i),
                    features_of(j),
                    &prepared[features.distinct_of(i)],
                    &prepared[features.distinct_of(j)],
                    &vocab,
                    &|| stories.same(document_of[i], document_of[j], &prepared, &vocab.weights),
                )
                .map(|l| (a, b, l))
            })
            .collect();
        links.extend(scored);
        candidates.truncate(start);
        candidates.shrink_to_fit();
    }
    drop((candidates, stories));
    drop((prepared, vocab, idf));
    links.sort_by(|x, y| {
        y.2.strength()
            .total_cmp(&x.2.strength())
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    laps.lap("scoring");
    let matched = Adjacency::new(n, links.iter().map(|(a, b, _)| (*a as usize, *b as usize)));
    // Strongest first; merge two groups when most pairs across them match.
    let mut sets = Sets::new(n);
    // The members of groups of two or more; a group not in it is its root alone.
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    // A rejected merge stays rejected until either group changes: without
    // this, every link between two large groups would recount all pairs.
    let mut version: FxHashMap<usize, u32> = FxHashMap::default();
    let mut rejected: FxHashMap<(usize, usize), (u32, u32)> = FxHashMap::default();
    for (a, b, link) in links {
        let (a, b) = (a as usize, b as usize);
        let (ra, rb) = (sets.find(a), sets.find(b));
        if ra == rb {
            continue;
        }
        let key = (ra.min(rb), ra.max(rb));
        let versions = (
            version.get(&key.0).copied().unwrap_or(0),
            version.get(&key.1).copied().unwrap_or(0),
        );
        if rejected.get(&key) == Some(&versions) {
            continue;
        }
        let (alone_a, alone_b) = ([ra], [rb]);
        let ma = members.get(&ra).map_or(&alone_a[..], Vec::as_slice);
        let mb = members.get(&rb).map_or(&alone_b[..], Vec::as_slice);
        // Pairs of documents across the two groups, and those of them in
        // which some claim of one matches some claim of the other: a
        // document's second sentence on the subject does not count
        // against the first's match.
        let mut pairs: Vec<(usize, usize, bool)> = Vec::new();
        // A group never holds two claims giving different figures for one
        // measure: successive tolls are two claims (and maybe a conflict).
        let mut disagree = false;
        'pairs: for &x in linkage_sample(ma) {
            let neighbours = matched.of(x);
            for &y in linkage_sample(mb) {
                if figures_disagree(&features[x], &features[y]) {
                    disagree = true;
                    break 'pairs;
                }
                if document_of[x] != document_of[y] {
                    let hit = neighbours.binary_search(&(y as u32)).is_ok();
                    pairs.push((document_of[x], document_of[y], hit));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup_by(|next, kept| {
            let same = (next.0, next.1) == (kept.0, kept.1);
            if same {
                kept.2 |= next.2;
            }
            same
        });
        let total = pairs.len();
        let across = pairs.iter().filter(|p| p.2).count();
        let share = across as f64 / total.max(1) as f64;
        let enough = share > LINKAGE
            || (share >= LINKAGE
                && ((matches!(link, Link::Figure(_))
                    && agreeing_counts(&features[a], &features[b]) >= 2)
                    || verbatim(&link, &features[a], &features[b])));
        if !disagree && (total == 0 || enough) {
            sets.union(a, b);
            let root = sets.find(a);
            let (mut merged, mut other) = (
                members.remove(&ra).unwrap_or_else(|| vec![ra]),
                members.remove(&rb).unwrap_or_else(|| vec![rb]),
            );
            // The smaller group moves into the larger: merging stays linear.
            if merged.len() < other.len() {
                std::mem::swap(&mut merged, &mut other);
            }
            merged.extend(other);
            members.insert(root, merged);
            *version.entry(root).or_default() += 1;
        } else {
            rejected.insert(key, versions);
        }
    }
    let cluster_of: Vec<usize> = (0..n).map(|i| sets.find(representative[i])).collect();
    Matching {
        cluster_of,
        candidates_scored,
        timings: laps.timings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shingle count a candidate pair must reach is exactly the least
    /// whose containment, as computed, reaches `REUSE_MIN`: one more would
    /// miss copies, one fewer would call a rewording a copy.
    #[test]
    fn the_least_shingles_shared_for_a_copy_is_exactly_the_threshold() {
        for smaller in 3..500 {
            let k = least_reaching(smaller);
            assert!(k as f64 / smaller as f64 >= REUSE_MIN, "{smaller}: {k}");
            assert!(
                ((k - 1) as f64 / smaller as f64) < REUSE_MIN,
                "{smaller}: {k}"
            );
        }
    }

    /// The features of one sentence, read as the claims stage reads it.
    fn sentence_features() -> impl Fn(&str) -> Features {
        use crate::claims::entities::Entities;
        use crate::claims::extract::{Context, extract};
        use crate::claims::segment::Sentence;
        let entities = Entities::new(&crate::outlets::registry::Registry::bundled());
        move |text: &str| {
            let mut ctx = Context::new(&entities, text);
            let s = Sentence {
                start: 0,
                end: text.len(),
                text,
            };
            features(&extract(&s, &mut ctx).expect("a claim"))
        }
    }

    /// A figure denied is not the figure stated, though the two share the
    /// figure, the body and the toll's words (AFP and Al Jazeera on the
    /// Derna floods, 2023); two reports of the denial are one claim, and a
    /// "not" that denies nothing keeps a toll with its rewording.
    #[test]
    fn a_figure_denied_is_not_the_figure_stated() {
        let f = sentence_features();
        let idf = HashMap::new();
        let denial = f("Libyan Red Crescent denies 11,300 death toll cited by UN.");
        let stated = f(
            "Death toll soars to 11,300 in flooding in Libya's coastal city of Derna, Libyan Red Crescent says.",
        );
        assert!(denies(
            "Libyan Red Crescent denies 11,300 death toll cited by UN."
        ));
        assert_eq!(score(&denial, &stated, &idf), None);
        let again = f("The Libyan Red Crescent denied the 11,300 death toll cited by the UN.");
        assert!(score(&denial, &again, &idf).is_some());
        let not = f(
            "The death toll has soared to 11,300, the Libyan Red Crescent said, and it could not rule out more deaths.",
        );
        assert!(!denies(
            "The death toll has soared to 11,300, the Libyan Red Crescent said, and it could not rule out more deaths."
        ));
        assert!(score(&not, &stated, &idf).is_some());
    }

    fn features_of(words: &[&str], values: &[u64]) -> Features {
        let words: Vec<u64> = words.iter().map(|w| word_id(w)).collect();
        Features {
            shingles: sorted_unique(
                words
                    .windows(3)
                    .map(|w| hash::mix(hash::mix(w[0], w[1]), w[2]))
                    .collect(),
            ),
            words,
            values: values.to_vec(),
            entities: vec![hash::text("e:x")],
            ..Default::default()
        }
    }

    #[test]
    fn the_fast_scorer_agrees_with_the_plain_one() {
        let idf: HashMap<u64, f64> = [("killed", 2.0), ("tripoli", 3.0), ("people", 0.5)]
            .into_iter()
            .map(|(w, v)| (word_id(w), v))
            .collect();
        let cases = [
            (
                vec!["fighting", "killed", "people", "tripoli"],
                vec!["people", "killed", "tripoli", "clashes"],
            ),
            (vec!["a", "b", "c", "d", "e"], vec!["a", "b", "c", "d", "f"]),
            (vec!["a", "b"], vec!["c", "d"]),
        ];
        for (x, y) in cases {
            let (a, b) = (features_of(&x, &[100]), features_of(&y, &[100]));
            assert_eq!(score(&a, &b, &idf), score_slow(&a, &b, &idf), "{x:?} {y:?}");
        }
    }

    #[test]
    fn a_quotation_is_found_in_the_words_that_state_it() {
        let ids = |ws: &[&str]| ws.iter().map(|w| word_id(w)).collect::<Vec<u64>>();
        let quote = ids(&["security", "guarante", "e:wagner", "fighter"]);
        // One word inserted ("Wagner PMC's fighters") still quotes it.
        assert!(quoted_in(
            &quote,
            &ids(&["with", "security", "guarante", "e:wagner", "pmc", "fighter"])
        ));
        assert!(!quoted_in(
            &quote,
            &ids(&["security", "e:wagner", "guarante", "fighter"])
        ));
        assert!(!quoted_in(
            &quote,
            &ids(&["security", "of", "the", "guarante", "e:wagner", "fighter"])
        ));
    }

    /// A quotation's first sentence, whose closing mark comes a sentence
    /// later, is still a quotation, and meets the translation that runs
    /// it on (Assad's cable to Lebanon, 2020: Syria Times, Tishreen).
    #[test]
    fn a_quotation_left_open_quotes_to_the_end_of_its_sentence() {
        let f = sentence_features();
        let opened = f("“We affirm our support to Lebanon and our solidarity with its people.");
        assert_eq!(opened.quotes.len(), 1, "{opened:?}");
        let whole = f(
            "President al-Assad added “we affirm our support to brotherly Lebanon and our solidarity with its resistant people, and we are confident that you are able to overcome the repercussions,” the presidency said.",
        );
        assert!(matches!(
            score(&opened, &whole, &HashMap::new()),
            Some(Link::Quote(_))
        ));
        // A sentence quoting nothing opens no quotation.
        assert!(
            f("We affirm our support to Lebanon and our solidarity with its people, he said.")
                .quotes
                .is_empty()
        );
    }

    #[test]
    fn rounded_and_updated_figures_agree_as_reporters_round_them() {
        let f = |value: f64, qualifier: Option<&str>| Figure {
            measure: 1,
            value: value_key(value),
            bound: Bound::of(qualifier),
            counted: true,
            unit: 0,
            presupposed: false,
        };
        // (figure, figure, same report?) — each from a real pair of reports.
        for (a, b, same) in [
            (f(1099.0, None), f(1000.0, Some("more than")), true),
            (f(1099.0, None), f(1100.0, Some("nearly")), true),
            (
                f(2122.0, Some("at least")),
                f(2120.0, Some("at least")),
                true,
            ),
            (f(2421.0, None), f(2400.0, Some("more than")), true),
            (f(5000.0, Some("about")), f(5000.0, Some("nearly")), true),
            (f(1265.0, Some("around")), f(1427.0, Some("around")), false),
            (f(821.0, None), f(1011.0, None), false),
            (f(2500.0, None), f(2000.0, Some("more than")), false),
            (f(135.0, None), f(134.0, None), false),
            (f(632.0, None), f(632.0, None), true),
            // "Nearly" rounds up to the last significant digit, no further.
            (f(1011.0, None), f(1100.0, Some("nearly")), false),
            (f(4600.0, None), f(5000.0, Some("almost")), true),
        ] {
            assert_eq!(a.agrees(&b), same, "{a:?} {b:?}");
            assert_eq!(b.agrees(&a), same, "{b:?} {a:?}");
        }
        // A rounded or qualified figure meets its exact report through the
        // index: they share a key by their first two digits.
        let shares_key = |a: &Figure, b: &Figure| {
            let theirs = b.bucket_keys();
            a.bucket_keys().iter().any(|k| theirs.contains(k))
        };
        assert!(shares_key(&f(1099.0, None), &f(1100.0, Some("nearly"))));
        assert!(shares_key(&f(2750.0, None), &f(2700.0, Some("more than"))));
        assert!(!shares_key(&f(1500.0, None), &f(1100.0, Some("nearly"))));
        assert!(f(99.0, None).bucket_keys().is_empty());
    }

    #[test]
    fn a_different_figure_for_the_same_measure_disagrees() {
        let killed = hash::text("people killed");
        let wounded = hash::text("people wounded");
        let fig = |measure, value| Figure {
            measure,
            value,
            bound: Bound::Exact,
            counted: true,
            unit: 0,
            presupposed: false,
        };
        let a = Features {
            measures: vec![fig(killed, 51000), fig(wounded, 300)],
            ..Default::default()
        };
        let same = Features {
            measures: vec![fig(killed, 51000)],
            ..Default::default()
        };
        let other = Features {
            measures: vec![fig(killed, 109300)],
            ..Default::default()
        };
        let unrelated = Features {
            measures: vec![fig(hash::text("troops deployed"), 109300)],
            ..Default::default()
        };
        assert!(!figures_disagree(&a, &same));
        assert!(figures_disagree(&a, &other));
        assert!(!figures_disagree(&a, &unrelated));
    }

    /// Two tallies of the dead by town a week apart share the towns and the
    /// small numbers, never the counts: two facts (Noto, 2024, held out);
    /// one tally worded apart is one.
    #[test]
    fn tallies_sharing_few_figures_are_two_facts() {
        let f = sentence_features();
        let first = f(
            "Of the 72 deaths, 39 were in Wajima, 22 in Suzu, five in Nanao, two each in Anamizu and Noto, and one each in Hakui and Shika.",
        );
        let later = f(
            "Of the deaths, 81 had been confirmed in Wajima City, 71 in Suzu City, 18 in Anamizu Town, five in Nanao City, two each in the towns of Noto and Shika, and one in Hakui City, public broadcaster NHK said.",
        );
        let reworded = f(
            "Wajima accounted for 39 of the 72 dead and Suzu for 22, with five in Nanao and two each in Anamizu and Noto.",
        );
        assert!(counts_apart(&first, &later));
        assert!(score(&first, &later, &HashMap::new()).is_none());
        assert!(!counts_apart(&first, &reworded));
    }

    /// Outlets convert a distance apart ("200 km (124 miles)", "200km (120
    /// miles)"): one figure; a conversion of another distance is not.
    /// (Written for this test.)
    #[test]
    fn a_figure_converted_apart_still_agrees() {
        let f = sentence_features();
        let one = f("The convoy advanced to within 200 km (124 miles) of Moscow, Prigozhin said.");
        let other = f("Prigozhin said the convoy had come within 200km (120 miles) of Moscow.");
        let elsewhere = f("The convoy was stopped 200 km (180 miles) from Moscow, Prigozhin said.");
        assert!(!figures_disagree(&one, &other));
        assert!(score(&one, &other, &HashMap::new()).is_some());
        assert!(figures_disagree(&one, &elsewhere));
    }

    /// Reports and translations word one toll apart ("dead and wounded",
    /// "deaths and injuries"): one claim. (Written for this test; without
    /// the casualty words the pair shares too few words to match.)
    #[test]
    fn tolls_worded_apart_are_one_claim() {
        let f = sentence_features();
        let one = f("The fire in Karimabad left dead and wounded.");
        let other = f("The fire in Karimabad caused deaths and injuries.");
        assert!(
            matches!(
                score(&one, &other, &HashMap::new()),
                Some(Link::Paraphrase(_))
            ),
            "{:?}",
            score(&one, &other, &HashMap::new())
        );
    }

    /// A body named after its country speaks for it: "China issued a red
    /// alert" and "the Tsunami Warning Center of China's Ministry of
    /// Natural Resources issued a red warning" name one place, so the
    /// reworded pair can match (the dev set's Hualien reports; sentences
    /// written for this test). A body of another country's does not.
    #[test]
    fn a_country_named_in_a_bodys_name_is_named() {
        let f = sentence_features();
        let short = f("Greece issued a red alert for floods after the storm.");
        let long = f(
            "The Flood Warning Office of Greece's Ministry of Civil Protection issued a flood red warning following the storm.",
        );
        let other = f(
            "The Flood Warning Office of Italy's Ministry of Civil Protection issued a flood red warning following the storm.",
        );
        assert!(score(&short, &long, &HashMap::new()).is_some());
        assert!(score(&short, &other, &HashMap::new()).is_none());
        // The body's name stays one word however it is punctuated.
        assert!(
            long.words
                .iter()
                .all(|w| is_entity_word(*w) || *w != word_id("s_ministry_of_civil_protection")),
        );
    }

    /// An opening "As …," clause is the claim's setting; "As of", "As many
    /// as", "As a result" open the claim itself.
    #[test]
    fn an_opening_as_clause_is_the_setting() {
        let s = "As the governor continues to attack the inquiry, Senator Ruiz says he conflates two questions.";
        let spans = setting_spans(s);
        assert_eq!(spans.len(), 1);
        assert_eq!(
            &s[spans[0].0..spans[0].1],
            "As the governor continues to attack the inquiry"
        );
        for not in [
            "As of Monday, 300 people had been evacuated.",
            "As many as 300 people were evacuated, officials said.",
            "As a result, the port was closed.",
            "As rescuers dug through the rubble the toll rose.",
        ] {
            assert!(setting_spans(not).is_empty(), "{not}");
        }
    }

    /// A statement and its denial are two claims however alike their
    /// words; what qualifies the main clause after "but" does not make it a
    /// denial, nor does "not only" (the Helsinki cases, reworded for this
    /// test).
    #[test]
    fn a_statement_and_its_denial_are_two_claims() {
        for denial in [
            "The governor has never condemned the company over its spill in the bay.",
            "The ministry denied that the company spilled oil in the bay.",
            "He hadn't thought of asking for the records.",
        ] {
            assert!(negated(denial), "{denial}");
        }
        for not in [
            "It was highly unlikely the governor would sign the bill, but he would not rule it out.",
            "Working with the company is a good thing, not a bad thing.",
            "The spill hit not only the bay but the river.",
        ] {
            assert!(!negated(not), "{not}");
        }
        let f = sentence_features();
        let never = f("Governor Walsh has never condemned Harbor Oil over its spill in the bay.");
        let will =
            f("Governor Walsh said he intends to condemn Harbor Oil over its spill in the bay.");
        let again = f(
            "Governor Walsh has not condemned Harbor Oil over its spill in the bay, the paper said.",
        );
        assert!(score(&never, &will, &HashMap::new()).is_none());
        assert!(score(&never, &again, &HashMap::new()).is_some());
    }

    /// Who claimed an act is a claim of its own: "Islamic State claimed
    /// responsibility for Friday night's suicide bombing at a rally for the
    /// Baluchistan Awami Party" and "Friday's suicide bombing in Mastung
    /// took place as the Baluchistan Awami Party's candidate was holding a
    /// rally" (Reuters and AP, 2018: a labelled Helsinki negative) share the
    /// act's words and names, not the claim; two claims of it still meet.
    #[test]
    fn a_claim_of_responsibility_meets_only_another() {
        for claimed in [
            "Islamic State claimed responsibility for the bombing.",
            "The group took responsibility for the attack on Sunday.",
            "No group has yet claimed credit for the blast.",
            "The Pakistani Taliban accepted full responsibility.",
        ] {
            assert!(claims_responsibility(claimed), "{claimed}");
        }
        for not in [
            "The bombing was the deadliest of the campaign.",
            "The government bears responsibility for security at rallies.",
        ] {
            assert!(!claims_responsibility(not), "{not}");
        }
        let f = sentence_features();
        let claim = f(
            "Islamic State claimed responsibility for Friday night's suicide bombing at a rally for the Baluchistan Awami Party in Mastung.",
        );
        let place = f(
            "Friday's suicide bombing in Mastung took place as the Baluchistan Awami Party's candidate was holding a rally.",
        );
        let again = f(
            "The Islamic State group claimed responsibility for the suicide bombing at the Baluchistan Awami Party rally in Mastung on Friday night.",
        );
        assert!(score(&claim, &place, &HashMap::new()).is_none());
        assert!(score(&claim, &again, &HashMap::new()).is_some());
    }

    /// A sentence whose subject is named only before it ("sent a letter to
    /// that effect", "would raise the issue with Putin") meets another
    /// only in nearly its own words; a noun followed by what it is about
    /// is no reference back. (The Helsinki cases, reworded for this test.)
    #[test]
    fn a_sentence_resting_on_an_earlier_one_meets_only_its_own_words() {
        for back in [
            "He and other Democrats sent the governor a letter to that effect this weekend.",
            "Paul suggested he would raise the issue with the governor at the meeting.",
            "The minister had pressed the governor on the matter.",
            "The move drew criticism from the opposition.",
        ] {
            assert!(refers_back(back), "{back}");
        }
        for not_back in [
            "He would raise the issue of flood relief with the governor.",
            "The decision to close the port was taken on Monday.",
            "The plan is for the two leaders to meet alone.",
            "He said the issue: \u{201c}flood relief\u{201d} came first.",
            "The matter that divides them is money.",
        ] {
            assert!(!refers_back(not_back), "{not_back}");
        }
        let f = sentence_features();
        let back = f(
            "He and other Senate Democrats sent Governor Walsh a letter to that effect this weekend.",
        );
        let other = f(
            "Senior Senate Democrats sent a letter Saturday to Governor Walsh urging him not to meet the developers alone.",
        );
        assert!(score(&back, &other, &HashMap::new()).is_none());
        // Its copy in another outlet still meets it.
        let copy = f(
            "He and other Senate Democrats sent Governor Walsh a letter to that effect this weekend, the paper said.",
        );
        assert!(score(&back, &copy, &HashMap::new()).is_some());
        // Without the reference back, the same reworded pair would meet.
        let named = f(
            "He and other Senate Democrats sent Governor Walsh a letter urging him not to meet the developers this weekend.",
        );
        assert!(score(&named, &other, &HashMap::new()).is_some());
    }

    /// A chain is no cluster: a sentence that matches one of two claims
    /// which matched each other, and not the other, stays apart. On the
    /// Helsinki articles such steps joined "Trump called the EU a foe
    /// ahead of his summit" to "Trump is on his way to the summit" through a
    /// sentence holding both. The sentences are written for this test.
    #[test]
    fn a_claim_matching_one_member_of_a_pair_does_not_join_it() {
        let f = sentence_features();
        let features = [
            f(
                "Trump called the European Union a foe of America in an interview with CBS anchor Jeff Glor on Saturday.",
            ),
            f(
                "Trump called the European Union a foe of America in the CBS interview on Saturday, on his way to a summit with Putin in Helsinki.",
            ),
            f(
                "Trump is on his way to a summit with Putin in Helsinki on Saturday, after saying America has foes.",
            ),
        ];
        let idf = HashMap::new();
        // The middle sentence matches both others; they do not match each
        // other.
        assert!(score(&features[0], &features[1], &idf).is_some());
        assert!(score(&features[1], &features[2], &idf).is_some());
        assert!(score(&features[0], &features[2], &idf).is_none());
        let m = cluster(&FeatureTable::from(features.to_vec()), &[0, 1, 2]);
        assert_ne!(m.cluster_of[0], m.cluster_of[2], "{:?}", m.cluster_of);
        // The middle one is still one claim with one of them.
        assert!(
            m.cluster_of[1] == m.cluster_of[0] || m.cluster_of[1] == m.cluster_of[2],
            "{:?}",
            m.cluster_of
        );
    }

    #[test]
    fn a_percentage_is_one_word_in_every_house_style() {
        let f = sentence_features();
        let sign = f("About 12% of global trade passes through the Suez Canal.");
        let word = f("About 12 percent of global trade passes through the Suez Canal.");
        let words = f("About 12 per cent of global trade passes through the Suez Canal.");
        assert_eq!(sign.words, word.words);
        assert_eq!(word.words, words.words);
    }

    /// "Sixty-eight bodies" (Reuters, Pokhara 2023) and "68 bodies": one
    /// figure, one word.
    #[test]
    fn a_number_in_words_is_the_number() {
        let f = sentence_features();
        let words = f("Sixty-eight bodies have been recovered from the gorge, officials said.");
        let digits = f("68 bodies have been recovered from the gorge, officials said.");
        assert_eq!(words.words, digits.words);
        let words = f("Forty people were hurt in the blast, officials said.");
        let digits = f("40 people were hurt in the blast, officials said.");
        assert_eq!(words.words, digits.words);
    }

    /// Turkey–Syria, 2023: Anadolu's "at a depth of 7 km", its English
    /// copy's "7 kilometers (4.3 miles)" and Xinhua's "7km" are one figure
    /// in one unit; the conversion in brackets is no word of the claim.
    #[test]
    fn a_unit_is_one_word_however_written_and_a_conversion_none() {
        let f = sentence_features();
        let spaced = f("The quake occurred at a depth of 7 km.");
        let glued = f("The quake occurred at a depth of 7km.");
        let spelled = f("The quake occurred at a depth of 7 kilometres.");
        let converted = f("The quake occurred at a depth of 7 kilometers (4.3 miles).");
        assert_eq!(spaced.words, glued.words);
        assert_eq!(spaced.words, spelled.words);
        assert_eq!(spaced.words, converted.words);
        // An ordinal stays a word: "the 6th" is no 6 of anything.
        let ordinal = f("The 6th quake to hit the province this year killed 12 people.");
        assert!(ordinal.words.contains(&word_id("6th")));
        let decade = f("The 1990s saw 12 quakes of that size in the province.");
        assert!(decade.words.contains(&word_id("1990s")));
    }

    /// A short sentence whose words all recur in a long one about
    /// something else is not that claim: it shares the setting, not the
    /// assertion. A sentence told with another attribution still is.
    /// (Labelled Helsinki negatives 46 and 37; the dev set's Pakistan
    /// pair, articles 16 and 17.)
    /// A count of people is what its sentence claims: a sentence with no
    /// figure sharing its circumstances is another claim (Turkey–Syria
    /// earthquake, 2023: Anadolu's toll and Kazinform's report of the
    /// quake). A count named as already known ("the 12 Russian officers")
    /// is no count stated: the sentence is about something else.
    #[test]
    fn a_count_is_not_the_circumstances_it_is_stated_in() {
        let f = sentence_features();
        let none = HashMap::new();
        let toll = f(
            "At least 76 people were killed and 440 others injured after a strong earthquake \
             jolted southern Türkiye on Monday morning, according to the country's disaster agency.",
        );
        let quake = f(
            "A strong earthquake jolted Türkiye’s southern province of Kahramanmaras early Monday, \
             according to the country's disaster agency.",
        );
        assert!(toll.states_count);
        assert_eq!(score_in(&toll, &quake, &none, true), None);
        let extradite = f(
            "Trump said he had not thought of asking Putin to extradite the 12 Russian officers \
             indicted by the Justice Department.",
        );
        let no_figure = f(
            "Trump said he had not thought about asking Putin to extradite the Russian officers \
             indicted by the Justice Department.",
        );
        assert!(!extradite.states_count);
        assert!(score_in(&extradite, &no_figure, &none, true).is_some());
        // Nor does another figure the two share make the count the other's
        // claim: a toll stated beside the quake's magnitude is no report of
        // the magnitude alone (Xinhua's toll of the Noto quakes beside
        // Reuters' magnitude, 2024: held out, stop 62).
        let quake = f(
            "A massive earthquake with a preliminary magnitude of 7.6 struck Ishikawa prefecture \
             in central Japan on Monday, triggering a tsunami warning.",
        );
        let toll = f(
            "The death toll reached 202 in Ishikawa prefecture as of Tuesday after a series of \
             earthquakes of up to 7.6 magnitude struck the prefecture and its vicinity.",
        );
        assert!(toll.states_count);
        assert_eq!(score_in(&toll, &quake, &none, true), None);
        let magnitude = f(
            "A series of earthquakes of up to 7.6 magnitude struck Ishikawa prefecture and its \
             vicinity on Monday, the weather agency said.",
        );
        assert!(score_in(&magnitude, &quake, &none, true).is_some());
        // A count told in words read as no count still meets its count.
        let detained = f(
            "The security service told President Putin that 11 people had been detained after \
             the attack on the concert hall, the Kremlin said.",
        );
        let detention = f(
            "The security service chief reported to President Putin on the detention of 11 \
             people after the attack on the concert hall, the Kremlin said.",
        );
        assert!(detained.states_count && detention.counts.is_empty());
        assert!(score_in(&detained, &detention, &none, true).is_some());
    }

    /// Xinhua's lede on the Hualien quake (dev set 58, 60) and the agency's
    /// own magnitude report: the spokesperson takes the 7.3 for granted,
    /// so the two meet on no figure; a lede opening on the figure states it.
    #[test]
    fn a_figure_taken_for_granted_is_no_shared_fact() {
        let f = sentence_features();
        let relief = f(
            "The mainland is paying close attention to the 7.3-magnitude earthquake in Taiwan and the development of the disaster, and is willing to provide disaster relief assistance, a spokesperson said on Wednesday.",
        );
        let jolted = f(
            "A 7.3-magnitude earthquake jolted the sea area near Hualien of Taiwan at 7:58 a.m. Wednesday (Beijing Time), followed by multiple aftershocks, according to the China Earthquake Networks Center.",
        );
        assert!(relief.measures.iter().all(|m| m.presupposed), "{relief:?}");
        assert_eq!(score(&relief, &jolted, &HashMap::new()), None);
        let lede = f(
            "The 7.3-magnitude earthquake jolted the sea area near Hualien of Taiwan at 7:58 a.m. Wednesday, the China Earthquake Networks Center said.",
        );
        assert!(lede.measures.iter().all(|m| !m.presupposed), "{lede:?}");
        // A determiner glued to a dash (a generated corpus's "corruption—the
        // 12 …" had panicked, the dash being three bytes).
        assert!(presupposed(
            "asked about the corruption—the 12 officers charged",
            "12"
        ));
        assert!(!presupposed("—the 12 officers were charged", "12"));
        assert!(score(&lede, &jolted, &HashMap::new()).is_some());
    }

    #[test]
    fn a_shared_setting_is_not_the_same_claim() {
        let f = sentence_features();
        let none = HashMap::new();
        let prepared = f("He said Trump was not well enough prepared for the meeting.");
        let tweeted = f(
            "On the way to meet with a leader who has cracked down on the press in his country, \
             Trump tweeted that the U.S. news media is the \"enemy of the people\" and complained \
             that \"No matter how well I do at the Summit\" he'll face \"criticism that it wasn't \
             good enough.\"",
        );
        assert_eq!(score(&prepared, &tweeted, &none), None);
        let photo_op = f("Also a photo op at the start of the one-on-one meeting with Putin.");
        let speaking = f(
            "Speaking at the start of a one-on-one meeting with Vladimir Putin, which is expected \
             to last about 90 minutes, President Trump said the two leaders would have a good \
             relationship.",
        );
        assert_eq!(score(&photo_op, &speaking, &none), None);
        let has_said = f(
            "A third of Pakistan is under water as a result of flooding caused by record monsoon \
             rains, the South Asian country\u{2019}s climate change minister, Sherry Rehman, has said.",
        );
        let said_monday = f(
            "A third of Pakistan is under water as a result of flooding caused by record monsoon \
             rains, Climate Change Minister Sherry Rehman said Monday, calling it a \"crisis of \
             unimaginable proportions\".",
        );
        let link = score(&has_said, &said_monday, &none);
        assert!(matches!(link, Some(Link::Paraphrase(_))), "{link:?}");
    }

    /// A clause setting a claim in time or circumstance is found where
    /// reporters put one; "said after the meeting that …" keeps its claim.
    #[test]
    fn setting_clauses_are_found_where_reporters_put_them() {
        let clauses = |text: &str| -> Vec<String> {
            setting_spans(text)
                .into_iter()
                .map(|(a, b)| text[a..b].trim().to_owned())
                .collect()
        };
        assert_eq!(
            clauses(
                "Trump is facing immense pressure to confront Putin, especially after the Justice \
                 Department indicted 12 Russian intelligence officials last Friday."
            ),
            [
                ", especially after the Justice Department indicted 12 Russian intelligence officials last Friday."
            ]
        );
        assert_eq!(
            clauses(
                "Trump called the EU a foe ahead of his meeting with Putin in Helsinki, Finland."
            ),
            ["ahead of his meeting with Putin in Helsinki"]
        );
        assert_eq!(
            clauses("After talks in Minsk, the two sides agreed to a ceasefire."),
            ["After talks in Minsk"]
        );
        assert!(clauses("Trump said after the meeting that talks went well.").is_empty());
        assert!(
            clauses("The two men shook hands, as Trump said the world wants peace.").is_empty()
        );
    }

    /// Two claims that share only their background are two claims; two
    /// that share what they assert are one, whatever their backgrounds.
    /// (Helsinki negative 56, articles 7 and 79.)
    #[test]
    fn a_shared_background_clause_is_not_the_same_claim() {
        let f = sentence_features();
        let none = HashMap::new();
        let awkward = f(
            "President Trump will hold one-on-one talks with Mr. Putin at an exceptionally awkward \
             time, just days after the Justice Department indicted 12 Russian intelligence agents \
             on charges of hacking the Democratic National Committee.",
        );
        let pressure = f(
            "Trump is facing immense pressure to aggressively confront Putin over Russia's election \
             interference, especially after the Justice Department indicted 12 Russian \
             intelligence officials last Friday and charged them with hacking Democratic emails.",
        );
        assert_eq!(score(&awkward, &pressure, &none), None);
        let predicted = f(
            "Trump predicted the two countries will end up having an extraordinary relationship, \
             days after the Justice Department indicted 12 Russian intelligence officers.",
        );
        let said = f(
            "Trump said the United States and Russia would end up having an extraordinary \
             relationship.",
        );
        let link = score(&predicted, &said, &none);
        assert!(link.is_some(), "{link:?}");
    }

    /// A wire's name is in every sentence of its story ("a spokesman told
    /// Reuters"): it finds candidates but never vouches that two sentences
    /// are one claim. (Written for this test.)
    #[test]
    fn a_news_outlet_is_no_shared_name() {
        let f = sentence_features();
        let cuts = f(
            "The carmaker will cut 500 jobs at its largest plant in the north, a spokesman told Reuters.",
        );
        let builds = f(
            "The carmaker will build a second plant to make batteries for electric cars, a spokesman told Reuters.",
        );
        let reuters = hash::text("e:reuters");
        assert_eq!(cuts.outlets, [reuters]);
        assert!(!cuts.entities.contains(&reuters), "{:?}", cuts.entities);
        assert_eq!(score(&cuts, &builds, &HashMap::new()), None);
    }

    /// Two sentences of one statement that count different things are two
    /// claims, however much of the statement's frame they share; the same
    /// count reworded is one. (Written for this test in the shape of a
    /// junta's statement a probe of real wires found merged.)
    #[test]
    fn counts_of_different_things_are_different_claims() {
        let f = sentence_features();
        let died = f(
            "A statement from the military council said 1,002 people had died in Friday's shallow 7.7-magnitude quake in central Myanmar, with 2,376 injured.",
        );
        let missing = f(
            "A statement from the military council said that at least 139 people were still missing after Friday's shallow 7.7-magnitude quake in central Myanmar.",
        );
        let reworded = f(
            "The military council said on Saturday that the shallow 7.7-magnitude quake in central Myanmar had killed 1,002 people.",
        );
        let none = HashMap::new();
        assert!(counts_apart(&died, &missing));
        assert_eq!(score(&died, &missing, &none), None);
        assert!(!counts_apart(&died, &reworded));
        assert!(score(&died, &reworded, &none).is_some());
    }

    /// A wire sentence run by several sites is held once: the table gives
    /// each claim its own features back, in claim order, and claims alike
    /// in every feature share one entry; matching over the table clusters
    /// the copies with the sentence they copy.
    #[test]
    fn identical_features_are_held_once_and_given_back_per_claim() {
        let f = sentence_features();
        let wire =
            "The earthquake killed at least 2,000 people in the Atlas mountains, officials said.";
        let other = "Rescue teams from Spain and Qatar arrived in Marrakech on Sunday morning.";
        let table = FeatureTable::from(vec![f(wire), f(other), f(wire), f(wire)]);
        assert_eq!(table.len(), 4);
        assert_eq!(table.distinct().len(), 2);
        assert_eq!(table.distinct_of(0), table.distinct_of(2));
        assert_ne!(table.distinct_of(0), table.distinct_of(1));
        assert_eq!(table[3], f(wire));
        assert_eq!(table[1], f(other));
        let kept: Vec<&Features> = table.iter().collect();
        assert_eq!(kept, vec![&table[0], &table[1], &table[2], &table[3]]);
        let m = cluster(&table, &[0, 1, 2, 3]);
        assert_eq!(m.cluster_of[0], m.cluster_of[2]);
        assert_eq!(m.cluster_of[0], m.cluster_of[3]);
        assert_ne!(m.cluster_of[0], m.cluster_of[1]);
    }

    /// A toll quoted in a sentence naming no one meets the same toll
    /// reported with its source, on one story (held-out, Crocus City Hall
    /// 2024: "“Currently the number of deaths amounts to 93 people." had
    /// "Currently" for a name, and a figure under 100 is not matched
    /// across sentences whose names differ).
    #[test]
    fn a_toll_quoted_without_a_name_meets_the_toll_with_its_source() {
        let f = sentence_features();
        let texts = [
            (
                6,
                "The number of people killed in the attack on a Moscow concert hall has risen to 93, Russia's Investigative Committee which probes major crimes said Saturday.",
            ),
            (
                7,
                "Death toll from shooting at the Crocus City concert hall in Moscow region has risen to 93, the Russian Investigative Committee said on Saturday.",
            ),
            (
                8,
                "Russia’s Investigative Committee has claimed that the number of deaths following Friday evening’s massacre at the Crocus City concert hall near Moscow has risen to 93.",
            ),
            (9, "“Currently the number of deaths amounts to 93 people."),
            (
                1,
                "The Islamic State group has claimed responsibility for Friday's attack on the concert hall.",
            ),
        ];
        let features: Vec<Features> = texts.iter().map(|t| f(t.1)).collect();
        assert!(features[3].entities.is_empty(), "no name in the quote");
        let documents: Vec<usize> = texts.iter().map(|t| t.0).collect();
        let m = cluster(&FeatureTable::from(features), &documents);
        let of = &m.cluster_of;
        assert!(
            of[..4].iter().all(|c| *c == of[0]),
            "the four tolls are one claim: {of:?}"
        );
        assert_ne!(of[4], of[0], "the claim of responsibility is another");
    }

    /// Helsinki, 2018: a sentence naming nothing joins a claim only by a
    /// phrase they share, not by common words in another order. "They
    /// said that the summit will go on as planned" had joined "one other
    /// planned summit between Obama and Putin in September 2013"; of 18
    /// such links on the Helsinki articles, 15 were wrong (hand-judged,
    /// 2026-12-03), and no labelled pair was lost.
    #[test]
    fn a_sentence_naming_nothing_needs_a_shared_phrase() {
        let f = sentence_features();
        let texts = [
            (
                1,
                "The two leaders are scheduled to hold a joint press conference following the bilateral meeting.",
            ),
            (
                2,
                "President Donald Trump and Russia's Vladimir Putin are scheduled to hold a joint press conference Monday following their one-on-one meeting in Helsinki.",
            ),
            (3, "They said that the summit will go on as planned."),
            (
                4,
                "I was supposed to go to one other planned summit between Obama and Putin in September 2013 in Moscow.",
            ),
            (5, "He also said the indictments were not surprising."),
            (
                6,
                "In some ways, special counsel Robert Mueller’s indictment of 12 Russian intelligence officers for their hacking and attack on the 2016 presidential election is Mueller’s least surprising move yet—but it might also be his single most important.",
            ),
        ];
        let features: Vec<Features> = texts.iter().map(|t| f(t.1)).collect();
        assert!(
            shares_phrase(&features[0], &features[1]),
            "“joint press conference”"
        );
        assert!(
            !shares_phrase(&features[2], &features[3]),
            "“planned summit” / “summit … planned”"
        );
        let documents: Vec<usize> = texts.iter().map(|t| t.0).collect();
        let m = cluster(&FeatureTable::from(features), &documents);
        let of = &m.cluster_of;
        assert_eq!(of[0], of[1], "one schedule, worded twice: {of:?}");
        assert_ne!(of[2], of[3], "this summit and another: {of:?}");
        assert_ne!(of[4], of[5], "a remark and a columnist's judgement: {of:?}");
    }
}

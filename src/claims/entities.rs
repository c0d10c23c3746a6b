//! Who and what a sentence names, in a form that lets the same entity meet
//! across outlets: `United Arab Emirates` and `UAE`; `Fayez al-Serraj`,
//! `Sarraj` and `Faiez Serraj`; `WHO` and `World Health Organization`.

use super::hash::{FxHashMap, FxHashSet};
use crate::outlets::registry::{Registry, name_key};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The bundled entity list (read by the analysis: part of its inputs).
pub const ENTITIES: &str = include_str!("../../registry/entities.toml");

#[derive(Deserialize)]
struct EntityFile {
    #[serde(default)]
    entity: Vec<EntityEntry>,
}

#[derive(Deserialize)]
struct EntityEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Known names: the bundled entity list and every outlet of the registry
/// (so "the WHO" and "Reuters" are entities too).
#[derive(Clone, Debug, Default)]
pub struct Entities {
    /// Acronyms, exact case → canonical name.
    acronyms: FxHashMap<String, String>,
    /// Other names by `name_key` → canonical name.
    names: FxHashMap<String, String>,
    /// The countries the registry names (by `name_key`): places, never a
    /// person "he" may be.
    countries: FxHashSet<String>,
    /// The curated news outlets' canonical names (by `name_key`).
    outlets: FxHashSet<String>,
    /// The registry ids of the international wires (Reuters, AP, AFP):
    /// whose copy others run under their own names.
    international: FxHashSet<String>,
    /// What a country's people and things are called, lower case →
    /// the country ("pakistanis" → Pakistan, "chinese" → China).
    demonyms: FxHashMap<String, String>,
    /// Which list this is, for the cache of keys ([`Entities::key`]): 0 for
    /// none made by [`Entities::new`].
    id: u64,
    /// Each registered outlet as a newsroom a claim's sentence may relay,
    /// by its name ([`Entities::with_newsrooms`]).
    newsrooms: HashMap<String, crate::outlets::CoProducer>,
}

/// Names already keyed by this thread, for one list of entities: a story
/// names the same people and bodies in sentence after sentence and article
/// after article. A name's key depends on the acronyms its article defined
/// too, so names are held by those acronyms' fingerprint
/// ([`local_fingerprint`]; 0 for none). Emptied when it holds more than
/// [`KEYS_HELD`] names.
struct KeyCache {
    entities: u64,
    held: usize,
    keys: FxHashMap<u64, FxHashMap<String, Mention>>,
}
thread_local! {
    static KEYS: std::cell::RefCell<KeyCache> = std::cell::RefCell::new(KeyCache {
        entities: 0,
        held: 0,
        keys: FxHashMap::default(),
    });
}
const KEYS_HELD: usize = 1 << 16;

/// One number for the acronyms an article defined, whatever their order:
/// 0 for none.
fn local_fingerprint(local: &HashMap<String, String>) -> u64 {
    if local.is_empty() {
        return 0;
    }
    let sum = local.iter().fold(0u64, |sum, (short, long)| {
        sum.wrapping_add(super::hash::mix(
            super::hash::text(short),
            super::hash::text(long),
        ))
    });
    super::hash::mix(sum, local.len() as u64) | 1
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2 && letters.len() <= 6 && letters.iter().all(|c| c.is_ascii_uppercase())
}

impl Entities {
    pub fn new(registry: &Registry) -> Self {
        static LISTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let mut e = Entities {
            id: LISTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..Entities::default()
        };
        let file: EntityFile =
            toml::from_str(ENTITIES).expect("registry/entities.toml is valid (tested)");
        for entry in file.entity {
            e.add(&entry.name, &entry.name);
            for alias in &entry.aliases {
                e.add(alias, &entry.name);
            }
        }
        for outlet in registry.outlets() {
            // State-media rows are many and their names often ordinary words;
            // curated outlets are the ones articles cite.
            if outlet
                .layers
                .iter()
                .all(|l| *l == crate::outlets::registry::Layer::StateMediaMonitor)
            {
                continue;
            }
            e.add(&outlet.name, &outlet.name);
            for alias in &outlet.aliases {
                e.add(alias, &outlet.name);
            }
            e.outlets.insert(name_key(&outlet.name));
            if outlet.international {
                e.international.insert(outlet.id.clone());
            }
        }
        let mut names: Vec<&str> = registry
            .outlets()
            .iter()
            .filter_map(|o| o.country.as_deref())
            .collect();
        names.sort_unstable();
        names.dedup();
        e.countries = names.iter().map(|c| name_key(c)).collect();
        e.demonyms = demonyms(&names);
        e
    }

    /// The list with the registered newsrooms a claim's sentence may relay
    /// (`outlets::newsrooms`: grouped as the outlets stage groups origins).
    pub fn with_newsrooms(self, newsrooms: HashMap<String, crate::outlets::CoProducer>) -> Self {
        Entities { newsrooms, ..self }
    }

    /// The registered newsroom of this name ([`Entities::outlet_named`]'s
    /// answer), as a co-producer.
    pub fn newsroom(&self, name: &str) -> Option<&crate::outlets::CoProducer> {
        self.newsrooms.get(name)
    }

    /// Whether a word names a country's people or things ("Lebanese",
    /// "Russian", "Pakistanis").
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains_key(&name_key(word))
    }

    /// Whether a name is a country the registry names ("Lebanon").
    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(&name_key(name))
    }

    /// The country a people's word names ("Turkish": Turkey).
    pub fn country_of(&self, demonym: &str) -> Option<&str> {
        self.demonyms.get(&name_key(demonym)).map(String::as_str)
    }

    /// Whether a name is one a person may go by: not a country the
    /// registry names ("South Korea"), not a body or a company ("Jeju
    /// Air"), not shouted ("FILE PHOTO").
    pub fn may_be_a_person(&self, name: &str) -> bool {
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        let shouted = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
        // "To Paiporta", opening a quote: a sentence's words, no name.
        let opens_with_a_word = name.split_whitespace().next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "to" | "from"
                    | "for"
                    | "with"
                    | "as"
                    | "by"
                    | "of"
                    | "if"
                    | "so"
                    | "then"
                    | "now"
                    | "even"
                    | "when"
                    | "after"
                    | "before"
                    | "while"
                    | "yes"
                    | "no"
            )
        });
        !shouted
            && !opens_with_a_word
            && !self.countries.contains(&name_key(name))
            && !self.demonyms.contains_key(&name_key(name))
            && !name.split_whitespace().any(|w| {
                let w = w.trim_end_matches(['.', ',']).to_lowercase();
                NOT_PERSON_SUFFIXES.contains(&w.as_str())
                    || COMPANY_WORDS.contains(&w.as_str())
                    || is_calendar(&w)
                    || w == "i"
            })
    }

    fn add(&mut self, alias: &str, canonical: &str) {
        if is_acronym(alias) {
            self.acronyms
                .entry(alias.replace('.', ""))
                .or_insert_with(|| canonical.to_owned());
        } else {
            self.names
                .entry(name_key(alias))
                .or_insert_with(|| canonical.to_owned());
        }
    }

    /// The canonical name of a known entity.
    /// The curated news outlet a name is, in its canonical form: "the
    /// Associated Press" → `Associated Press`.
    pub fn outlet_named(&self, surface: &str) -> Option<&str> {
        self.canonical(surface)
            .filter(|c| self.outlets.contains(&name_key(c)))
    }

    /// Whether the registered outlet of this id is an international wire.
    pub fn is_international_wire(&self, outlet_id: &str) -> bool {
        self.international.contains(outlet_id)
    }

    pub fn canonical(&self, surface: &str) -> Option<&str> {
        let surface = surface.trim();
        if is_acronym(surface) {
            return self
                .acronyms
                .get(&surface.replace('.', ""))
                .map(String::as_str);
        }
        self.names.get(&name_key(surface)).map(String::as_str)
    }
}

/// Titles dropped from people's names.
const TITLES: [&str; 41] = [
    "acting",
    "governor",
    "gov",
    "mayor",
    "chairman",
    "chairwoman",
    "ceo",
    "ambassador",
    "king",
    "queen",
    "prince",
    "sheikh",
    "judge",
    "deputy",
    "chief",
    "director",
    "spokesperson",
    "president",
    "prime",
    "minister",
    "pm",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "marshal",
    "field",
    "commander",
    "spokesman",
    "spokeswoman",
    "rep",
    "sen",
    "senator",
    "secretary",
    "speaker",
    "dr",
    "mr",
    "mrs",
    "ms",
    "envoy",
];

/// Whether a capitalised run is only a title ("Deputy Commander", "Prime
/// Minister"): a role as a house style capitalises it, which any number of
/// people hold, not a name two sentences can share.
fn only_titles(lower: &str) -> bool {
    lower.split_whitespace().all(|w| {
        let w = w.trim_end_matches('.');
        TITLES.contains(&w) || matches!(w, "of" | "the" | "and" | "vice" | "foreign")
    })
}

/// Whether a name is given with a title ("Gov. Kazuo Ueda", "President
/// Yoon"): a person's, whatever else the article says.
/// A name's words in lower case, without the punctuation around them
/// ("Lebanese authorities," → ["lebanese", "authorities"]).
pub fn plain_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

/// Whether a word is a title or office held before a name ("Minister",
/// "President", "Gov.").
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// A titled name without its titles: "Fahmi Fadzil" of "Communications
/// and Digital Minister Fahmi Fadzil" (the whole name when no title
/// precedes it).
pub fn after_titles(name: &str) -> &str {
    let mut rest = name;
    let mut from = name;
    while let Some((word, after)) = from.split_once(' ') {
        if is_title(word.rsplit('-').next().unwrap_or(word)) {
            rest = after;
            // "Secretary of State Kim Wyman", "Ambassador to Russia Jon
            // Huntsman": what the office is of is no part of the name.
            if let Some((_, name)) = after
                .strip_prefix("of ")
                .or_else(|| after.strip_prefix("to "))
                .and_then(|a| a.split_once(' '))
            {
                rest = name;
            }
        }
        from = after;
    }
    rest
}

pub fn titled(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    words.len() >= 2
        && words[..words.len() - 1]
            .iter()
            .any(|w| TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
}

/// Words that end a place's name and may be left out ("Yonaguni Island" is
/// "Yonaguni").
const PLACE_SUFFIXES: [&str; 11] = [
    "island",
    "islands",
    "county",
    "province",
    "prefecture",
    "city",
    "region",
    "district",
    "governorate",
    "oblast",
    "municipality",
];

/// Words that make a name a body or a thing, never a person.
const NOT_PERSON_SUFFIXES: [&str; 24] = [
    "ministry",
    "agency",
    "office",
    "council",
    "center",
    "centre",
    "department",
    "service",
    "university",
    "hospital",
    "airport",
    "port",
    "station",
    "bay",
    "sea",
    "ocean",
    "river",
    "highway",
    "party",
    "army",
    "forces",
    "company",
    "bank",
    "network",
];

/// Words that make a name a company's or a publication's: not a person
/// "he" may be ("Jeju Air", "Nikkei Asia Times").
const COMPANY_WORDS: [&str; 39] = [
    "air",
    "ngo",
    "airlines",
    "airways",
    "group",
    "news",
    "times",
    "post",
    "media",
    "inc",
    "corp",
    "ltd",
    "motors",
    "club",
    "market",
    "index",
    "exchange",
    "committee",
    "association",
    "campaign",
    "cooperation",
    "cup",
    "relations",
    "organization",
    "organisation",
    "union",
    "league",
    "federation",
    "foundation",
    "institute",
    "commission",
    "court",
    "senate",
    "house",
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
];

/// Fractions, written alone or in a compound ("one-third", "two-thirds").
const FRACTIONS: &[&str] = &[
    "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth",
    "fifths", "tenth", "tenths",
];

/// Capitalised words that start sentences without naming anything.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    // Abbreviations of common nouns, not of anyone's name ("ID cards",
    // "state TV"): two reports of one fact, one saying "ID cards" and the
    // other "identification cards", name no different body (Itaewon,
    // 2022, held out).
    "id",
    "tv",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "however",
    "also",
    "his",
    "her",
    "its",
    "their",
    "our",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "since",
    "there",
    "what",
    "some",
    "all",
    "each",
    "every",
    "another",
    "none",
    "both",
    "more",
    "last", // Numbers starting a sentence ("Three people were killed").
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozens",
    "hundreds",
    "thousands",
    "several",
    "many",
    "most",
    "about",
    "nearly",
    "at least",
    "over",
    // Sentence adverbs opening a sentence or a quotation ("“Currently the
    // number of deaths amounts to 93 people": no name in it).
    "currently",
    "unfortunately",
    "fortunately",
    "previously",
    "initially",
    "reportedly",
    "meanwhile",
    "earlier",
    "later",
    "separately",
    "recently",
    "finally",
    "additionally",
    "moreover",
    "furthermore",
    "apparently",
    "officially",
    "now",
    "yesterday",
    "according",
    // People by role, opening a sentence ("Officials say at least 33
    // million people …", "Local authorities put the death toll at 48"):
    // nobody's name.
    "local",
    "officials",
    "authorities",
    "rescuers",
    "residents",
    "witnesses",
    "experts",
    "analysts",
    "critics",
    "sources",
    "doctors",
    "soldiers",
    "troops",
    "protesters",
    "lawmakers",
    "survivors",
    "investigators",
    "firefighters",
    "victims",
    "medics",
    "diplomats",
    "researchers",
    "scientists",
];

/// Whether a lower-case word is a day of the week, a month (but "May", a
/// name too) or "today": capitalised, never an entity of a claim.
fn is_calendar(w: &str) -> bool {
    use crate::pattern::{MONTHS, WEEKDAYS};
    WEEKDAYS.contains(&w) || MONTHS.contains(&w) || w == "today"
}

fn is_roman(s: &str) -> bool {
    s.len() <= 4 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Words an article writes in lower case somewhere.
pub fn lower_case_words(text: &str) -> FxHashSet<String> {
    let mut words = FxHashSet::default();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        if !words.contains(w) {
            words.insert(w.to_owned());
        }
    }
    words
}

/// The consonant skeleton of a word: transliteration variants of one name
/// share it (serraj, sarraj → srj; haftar, hifter → hftr), and so do its
/// spellings with and without their letters' marks (Yılmaz and Yilmaz,
/// Kurtulmuş and Kurtulmus, Erdoğan and Erdogan).
fn skeleton(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let lower: String = word
        .to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'ı' => 'i',
            'ł' => 'l',
            'ø' => 'o',
            'đ' | 'ð' => 'd',
            _ => c,
        })
        .collect();
    let mut out = String::new();
    for (i, c) in lower.chars().filter(|c| c.is_alphabetic()).enumerate() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if (i == 0 || !vowel) && !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// A name found in a sentence, and the key it is matched by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub surface: String,
    pub key: String,
    /// Whether it looks like a person (matched by surname).
    pub person: bool,
    /// Whether it names a news outlet the registry curates: an outlet is
    /// named in credits and "told Reuters" asides across a whole story, so
    /// it never vouches that two sentences speak of the same thing.
    pub outlet: bool,
    /// The keys of the countries its name holds ("China" in "China's
    /// Ministry of Natural Resources"): matching counts them as named.
    pub countries: Vec<String>,
}

/// A name with its number written one way: "Provincial Highway No. 8",
/// "No-8" and "No.8" are one road, and "Reactor No. 3" is not "Reactor
/// No. 4".
fn numbered(surface: &str) -> std::borrow::Cow<'_, str> {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| crate::pattern::re(r"\bNo\.?[\s-]*(\d+)\b"));
    NUMBER.replace_all(surface, "No $1")
}

static CAPITALISED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::re(
        r"(?:(?:al|el)-)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|and|de|al|bin|el)\s+)?(?:No\.?[\s-]*\d+\b|(?:(?:al|el)-)?[A-Z][\w'’.-]*))*",
    )
});

impl Entities {
    /// The key an entity is matched by. It depends on the name and the
    /// acronyms the article defined (`local`) alone, and is kept.
    pub fn key(&self, surface: &str, local: &HashMap<String, String>) -> Mention {
        if self.id == 0 {
            return self.key_of(surface, local);
        }
        let fingerprint = local_fingerprint(local);
        let kept = KEYS.with(|keys| {
            let keys = keys.borrow();
            (keys.entities == self.id)
                .then(|| keys.keys.get(&fingerprint)?.get(surface).cloned())
                .flatten()
        });
        if let Some(m) = kept {
            return m;
        }
        // Made outside the cache's borrow: keying a name keys its parts.
        let m = self.key_of(surface, local);
        KEYS.with(|keys| {
            let mut keys = keys.borrow_mut();
            if keys.entities != self.id || keys.held >= KEYS_HELD {
                keys.keys.clear();
                keys.held = 0;
                keys.entities = self.id;
            }
            keys.held += 1;
            keys.keys
                .entry(fingerprint)
                .or_default()
                .insert(surface.to_owned(), m.clone());
        });
        m
    }

    fn key_of(&self, surface: &str, local: &HashMap<String, String>) -> Mention {
        let surface = surface
            .trim()
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches(['.', ',']);
        // An acronym the article defined is keyed as its long form is in
        // any article: "ICR" here, and "the Investigative Committee of
        // Russia" in an article that defines no acronym, are one name.
        let defined = local.get(surface).map(String::as_str).or_else(|| {
            let wanted = name_key(surface);
            local
                .values()
                .map(String::as_str)
                .find(|long| name_key(long) == wanted)
        });
        if let Some(long) = defined {
            let mut m = self.key(long, &HashMap::new());
            m.surface = surface.to_owned();
            return m;
        }
        let canonical = self.canonical(surface).or_else(|| {
            // "the WHO", "UAE’s" and "U.N.-led" reach their entity too.
            let s = surface
                .trim_start_matches("the ")
                .split('-')
                .next()
                .unwrap_or(surface);
            self.canonical(s)
        });
        if let Some(c) = canonical {
            return Mention {
                surface: surface.to_owned(),
                key: format!("e:{}", name_key(c)),
                person: false,
                outlet: self.outlets.contains(&name_key(c)),
                countries: Vec::new(),
            };
        }
        // "Pakistanis", "Chinese": the country, as "Pakistan" and "China" are.
        if let Some(country) = self.demonyms.get(&name_key(surface)) {
            let mut m = self.key(country, local);
            m.surface = surface.to_owned();
            m.person = false;
            return m;
        }
        if is_acronym(surface) {
            return Mention {
                surface: surface.to_owned(),
                key: format!("a:{}", surface.replace('.', "").to_lowercase()),
                person: false,
                outlet: false,
                countries: Vec::new(),
            };
        }
        // "Secretary of State Kim Wyman", "Communications and Digital
        // Minister Fahmi Fadzil": the person after the office, when the
        // office's own "of", "to" or "and" would make the whole a body.
        // Never two people joined ("President Donald Trump and Russian
        // President Vladimir Putin", "German Chancellor Angela Merkel and
        // US President Donald Trump"): an "and" only after the office's
        // first word ("Communications and Digital Minister").
        let person = after_titles(surface);
        let office = &surface[..surface.len() - person.len()];
        let joined = office.split_whitespace().skip(2).any(|w| w == "and");
        if !office.is_empty()
            && !joined
            && office
                .split_whitespace()
                .any(|w| matches!(w, "of" | "to" | "and"))
            && (2..=4).contains(&person.split_whitespace().count())
            && person
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            let mut m = self.key(person, local);
            if m.person {
                m.surface = surface.to_owned();
                return m;
            }
        }
        let words: Vec<&str> = surface
            .split_whitespace()
            .filter(|w| !TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
            .collect();
        // "Yonaguni Island", "Hualien County": the place, as "Yonaguni"
        // and "Hualien" are (and never a person called "Island").
        if words.len() >= 2
            && let Some(last) = words.last()
            && PLACE_SUFFIXES.contains(&last.to_lowercase().as_str())
        {
            let place = words[..words.len() - 1].join(" ");
            let mut m = self.key(&place, local);
            m.surface = surface.to_owned();
            m.person = false;
            return m;
        }
        // "Reactor No. 4", "Highway No-8": a numbered thing, never a person.
        let looks_like_person = !words.is_empty()
            && words.len() <= 4
            && !surface.contains(|c: char| c.is_ascii_digit())
            && !words.iter().any(|w| {
                let w = w.to_lowercase();
                matches!(w.as_str(), "of" | "for" | "and" | "the")
                    || NOT_PERSON_SUFFIXES.contains(&w.as_str())
            })
            // "Yeti Airlines", "Gulf Times": a company or a paper.
            && !words
                .last()
                .is_some_and(|w| words.len() >= 2 && COMPANY_WORDS.contains(&w.to_lowercase().as_str()));
        match words.last() {
            Some(last) if looks_like_person => {
                let surname = last.trim_start_matches("al-").trim_start_matches("el-");
                Mention {
                    surface: surface.to_owned(),
                    key: format!("p:{}", skeleton(surname)),
                    person: true,
                    outlet: false,
                    countries: Vec::new(),
                }
            }
            _ => Mention {
                surface: surface.to_owned(),
                key: format!("n:{}", name_key(&office_form(&numbered(surface)))),
                person: false,
                outlet: false,
                countries: Vec::new(),
            },
        }
    }

    /// The last two of a list of names as two names: "…, Azilal, Chichaoua
    /// and Taroudant" (the Interior Ministry's provinces, dev set 36 and
    /// 37). Only after a list's comma and one word each side; a country so
    /// named ("…, Bosnia and Herzegovina") stays one, as does "Putin and
    /// Zelensky" outside a list.
    fn listed_apart(&self, sentence: &str, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
        let piece = &sentence[start..end];
        let listed = sentence[..start].trim_end().ends_with(',');
        if let Some((a, b)) = piece.split_once(" and ")
            && listed
            && !a.contains(' ')
            && !b.trim_end_matches(['.', ',']).contains(' ')
            && !self
                .countries
                .contains(&name_key(piece.trim_end_matches(['.', ','])))
        {
            let b_start = start + a.len() + " and ".len();
            return vec![(start, start + a.len()), (b_start, end)];
        }
        vec![(start, end)]
    }

    /// A country after a preposition and a name after it, run together by
    /// their capitals, as two names: "The Indian envoy in South Korea Amit
    /// Kumar said" names South Korea and Amit Kumar (Jeju Air crash, 2024),
    /// not a person "South Korea Amit Kumar".
    fn place_apart(&self, sentence: &str, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
        let piece = sentence[start..end].trim_end_matches(['.', ',']);
        match self.person_after_country(&sentence[..start], piece) {
            Some(person) => {
                let at = start + (piece.len() - person.len());
                let place = sentence[start..at].trim_end();
                vec![(start, start + place.len()), (at, end)]
            }
            None => vec![(start, end)],
        }
    }

    /// The person's name in `name` when it is a registered country (one to
    /// three words) run together with two or more capitalised words that
    /// may be a person's, after "in", "to", "from", "of" or "at" (`before`
    /// is the text before the name): "in South Korea Amit Kumar".
    pub fn person_after_country<'n>(&self, before: &str, name: &'n str) -> Option<&'n str> {
        let after_preposition = before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w, "in" | "to" | "from" | "of" | "at"));
        if !after_preposition {
            return None;
        }
        let starts: Vec<usize> = name.match_indices(' ').map(|(i, _)| i + 1).collect();
        // The place is the first one to three words; two words at least
        // are left for the person.
        let places = 3.min((starts.len() + 1).saturating_sub(2));
        starts.iter().take(places).find_map(|&at| {
            let rest = &name[at..];
            (self.countries.contains(&name_key(name[..at].trim_end()))
                && rest
                    .split(' ')
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()))
                && self.may_be_a_person(rest))
            .then_some(rest)
        })
    }

    /// The names in a sentence. `local` holds acronyms the article defined;
    /// `common` the words the article also writes in lower case (so a
    /// capitalised "Very" opening a quote is not a name).
    pub fn mentions(
        &self,
        sentence: &str,
        local: &HashMap<String, String>,
        common: &FxHashSet<String>,
    ) -> Vec<Mention> {
        let mut out = Vec::new();
        for (start, end) in CAPITALISED
            .find_iter(sentence)
            .flat_map(|m| name_pieces(sentence, m.start(), m.end()))
            .flat_map(|piece| self.listed_apart(sentence, piece))
            .flat_map(|piece| self.place_apart(sentence, piece))
        {
            let mut surface = sentence[start..end].trim_end_matches(['.', ',', '’', '\'']);
            // Drop a leading sentence word ("The", "But") from the run.
            // A share ("One-third of Pakistan", "Half of the city", "Most
            // of Gaza") is what it is a share of.
            while let Some((first, rest)) = surface.split_once(' ') {
                let first = first.to_lowercase();
                let number = |w: &str| super::extract::word_value(w).is_some();
                let share = first
                    .split('-')
                    .all(|p| NOT_NAMES.contains(&p) || FRACTIONS.contains(&p) || number(p));
                if NOT_NAMES.contains(&first.as_str()) || share || number(&first) {
                    surface = rest.strip_prefix("of ").unwrap_or(rest);
                } else {
                    break;
                }
            }
            // "Moscow-based", "Iran-backed", "U.S.-led": the name is what
            // the compound is based on, backed or led by. Opening a
            // sentence ("Camouflage-clad gunmen"), a word that names no
            // country is only capitalised there.
            if !surface.contains(' ')
                && let Some((name, what)) = surface.rsplit_once('-')
                && !what.is_empty()
                && what.chars().all(|c| c.is_lowercase())
            {
                let opens = sentence[..start].chars().all(|c| !c.is_alphanumeric());
                if opens && !self.countries.contains(&name_key(name)) && !self.is_demonym(name) {
                    continue;
                }
                surface = name;
            }
            let lower = surface.to_lowercase();
            let single = !surface.contains(' ');
            // "Friday's attack": a day, whatever it owns.
            let lower = lower
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_owned();
            // "May 4" is a date; "May said" is a person.
            let date = lower == "may"
                && sentence[end..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
            // "Forty people were hurt": a number opening a sentence.
            if NOT_NAMES.contains(&lower.as_str())
                || super::extract::word_value(&lower).is_some()
                || date
                || surface.len() < 2
                || (single
                    && (common.contains(&lower)
                        || is_calendar(&lower)
                        || is_roman(surface)
                        || FRACTIONS.contains(&lower.as_str())))
                || only_titles(&lower)
            {
                continue;
            }
            // "Lebanese President, Michel Aoun", "the Turkish Foreign
            // Minister": a country's office, no one's name. It names the
            // country, as "Lebanese" alone does.
            if let Some((first, rest)) = lower.split_once(' ')
                && only_titles(rest)
                && let Some(country) = self.country_of(first)
            {
                out.push(Mention {
                    surface: surface.to_owned(),
                    person: false,
                    ..self.key(country, local)
                });
                continue;
            }
            // A dateline's city in capitals ("WAJIMA, Japan (Reuters) -",
            // "SUZU (AP) —") is the place, as "Wajima" is, not an acronym.
            let dateline_city = single
                && surface.chars().count() >= 4
                && surface.chars().all(|c| c.is_uppercase())
                && sentence[..start].chars().all(|c| !c.is_alphanumeric())
                && DATELINE_AFTER.is_match(&sentence[end..]);
            let mut m = if dateline_city {
                let mut m = self.key(&title_cased(surface), local);
                m.surface = surface.to_owned();
                m
            } else {
                self.key(surface, local)
            };
            if !single {
                m.countries = inner_countries(surface)
                    .filter(|c| self.countries.contains(&name_key(c)))
                    .chain(
                        // "Chinese Foreign Ministry", "Pakistani Army".
                        surface
                            .split_whitespace()
                            .next()
                            .and_then(|w| self.demonyms.get(&name_key(w)))
                            .map(String::as_str),
                    )
                    .map(|c| self.key(c, local).key)
                    .collect();
            }
            out.push(m);
        }
        out
    }
}

/// What follows a dateline's city: its country, state or day after commas,
/// then the credit in brackets and a dash ("…, Japan (Reuters) -",
/// "…, India, July 30 (Reuters) –", " (AP) —").
static DATELINE_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:\s*,\s*\p{Lu}[\p{L}.]*(?:\s+[\p{L}.\d]+){0,3})*\s*\([^()\n]{1,40}\)\s*[-–—]",
    )
    .expect("valid pattern")
});

/// "WAJIMA" as "Wajima".
fn title_cased(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// Irregular demonyms (the regular ones are derived from the country's
/// name by [`demonyms`]): what newsrooms call a country's people and
/// things.
const IRREGULAR_DEMONYMS: &[(&str, &str)] = &[
    ("american", "United States of America"),
    ("americans", "United States of America"),
    ("british", "United Kingdom"),
    ("briton", "United Kingdom"),
    ("britons", "United Kingdom"),
    ("french", "France"),
    ("german", "Germany"),
    ("germans", "Germany"),
    ("greek", "Greece"),
    ("greeks", "Greece"),
    ("spanish", "Spain"),
    ("dutch", "Netherlands"),
    ("swiss", "Switzerland"),
    ("afghan", "Afghanistan"),
    ("afghans", "Afghanistan"),
    ("filipino", "Philippines"),
    ("filipinos", "Philippines"),
    ("saudi", "Saudi Arabia"),
    ("saudis", "Saudi Arabia"),
    ("emirati", "UAE"),
    ("emiratis", "UAE"),
    ("thai", "Thailand"),
    ("polish", "Poland"),
    ("swedish", "Sweden"),
    ("danish", "Denmark"),
    ("finnish", "Finland"),
    ("czech", "Czechia"),
    ("norwegian", "Norway"),
    ("norwegians", "Norway"),
    ("peruvian", "Peru"),
    ("peruvians", "Peru"),
    ("portuguese", "Portugal"),
    ("palestinian", "Palestine territories"),
    ("palestinians", "Palestine territories"),
    ("israeli", "Israel"),
    ("israelis", "Israel"),
    ("uzbek", "Uzbekistan"),
    ("kazakh", "Kazakhstan"),
    ("turkmen", "Turkmenistan"),
    ("turkish", "Turkey"),
    ("turks", "Turkey"),
    ("lebanese", "Lebanon"),
    ("argentine", "Argentina"),
    ("argentines", "Argentina"),
    ("irish", "Ireland"),
    ("belgian", "Belgium"),
    ("belgians", "Belgium"),
    ("somali", "Somalia"),
    ("somalis", "Somalia"),
    ("ghanaian", "Ghana"),
    ("ghanaians", "Ghana"),
    ("mozambican", "Mozambique"),
    ("mozambicans", "Mozambique"),
    ("slovak", "Slovakia"),
    ("slovaks", "Slovakia"),
    ("icelandic", "Iceland"),
    ("burmese", "Myanmar"),
];

/// What each country's people and things are called, lower case: the
/// regular forms derived from its name ("pakistani(s)", "syrian(s)",
/// "moroccan(s)", "chinese", "iranian(s)", "ukrainian(s)") and
/// [`IRREGULAR_DEMONYMS`] for the countries named. A form two countries
/// would share goes to the longer name ("nigerian": Nigeria, not Niger).
fn demonyms(countries: &[&str]) -> FxHashMap<String, String> {
    let mut out: FxHashMap<String, String> = FxHashMap::default();
    let mut put = |form: String, country: &str| {
        let keep = out
            .get(&form)
            .is_some_and(|c: &String| c.len() >= country.len());
        if !keep && form != country.to_lowercase() {
            out.insert(form, country.to_owned());
        }
    };
    for &country in countries {
        let lower = country.to_lowercase();
        if lower.contains(' ') || lower.len() < 4 {
            continue;
        }
        let mut forms = vec![
            format!("{lower}n"),
            format!("{lower}i"),
            format!("{lower}ian"),
            format!("{lower}ese"),
        ];
        // "Chilean", "Zimbabwean", "Singaporean".
        if lower.ends_with('e') {
            forms.push(format!("{lower}an"));
        }
        if let Some(stem) = lower.strip_suffix(['a', 'e', 'o', 'y']) {
            forms.extend([
                format!("{stem}an"),
                format!("{stem}ian"),
                format!("{stem}ese"),
            ]);
        }
        for form in forms {
            if !form.ends_with("ese") {
                put(format!("{form}s"), country);
            }
            put(form, country);
        }
    }
    for (form, country) in IRREGULAR_DEMONYMS {
        if countries.contains(country) {
            put((*form).to_owned(), country);
        }
    }
    out
}

/// The countries a body's name holds: "China" in "Tsunami Warning Center
/// of China's Ministry of Natural Resources", "Pakistan" in "Government of
/// Pakistan". The body speaks for its country: "China issued a red alert"
/// and "China's Ministry … issued a red warning" name one place. (The
/// caller keeps those the registry knows as countries.)
fn inner_countries(surface: &str) -> impl Iterator<Item = &str> {
    let possessed = surface
        .match_indices(['’', '\''])
        .filter(|(i, _)| surface[*i..].chars().nth(1) == Some('s'))
        .map(|(i, _)| &surface[..i]);
    possessed
        .chain(std::iter::once(surface))
        .map(|prefix| prefix.rsplit_once(" of ").map_or(prefix, |(_, c)| c))
        .filter(move |c| *c != surface)
        .map(str::trim)
}

/// A body's name in one form however an outlet words it: "Ministry of
/// Interior" and "Interior Ministry", "Tsunami Warning Centre" and "…
/// Center" are one name.
fn office_form(surface: &str) -> String {
    let words: Vec<String> = surface
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let spelled = match lower.as_str() {
                "centre" => "center",
                "organisation" => "organization",
                "defence" => "defense",
                "programme" => "program",
                "labour" => "labor",
                _ => return w.to_owned(),
            };
            spelled.to_owned()
        })
        .collect();
    const BODIES: &[&str] = &[
        "ministry",
        "department",
        "office",
        "council",
        "agency",
        "commission",
        "committee",
    ];
    if let [body, link, rest @ ..] = words.as_slice()
        && BODIES.contains(&body.to_lowercase().as_str())
        && matches!(link.to_lowercase().as_str(), "of" | "for")
    {
        let rest: Vec<&String> = rest
            .iter()
            .skip_while(|w| w.eq_ignore_ascii_case("the"))
            .collect();
        if !rest.is_empty() {
            let mut out: Vec<&str> = rest.iter().map(|w| w.as_str()).collect();
            out.push(body);
            return out.join(" ");
        }
    }
    words.join(" ")
}

/// A run of capitalised words as the names it holds, by byte range: cut
/// after a word ending a sentence ("Moscow. In") unless it is an initial
/// or an abbreviation ("U.S.", "Gen."), and an acronym ending a longer run
/// is a name of its own ("Wagner PMC's": Wagner, and PMC).
fn name_pieces(sentence: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "gov", "sen", "rep", "st", "no",
    ];
    let mut pieces = Vec::new();
    let mut piece_start = start;
    let mut words: Vec<(usize, usize)> = Vec::new();
    let run = &sentence[start..end];
    let mut at = 0;
    for word in run.split_whitespace() {
        let offset = run[at..].find(word).map_or(at, |k| k + at);
        words.push((start + offset, start + offset + word.len()));
        at = offset + word.len();
    }
    let mut flush = |from: usize, to: usize, words: &[(usize, usize)]| {
        // An acronym ending a run of words is its own name.
        let in_piece: Vec<&(usize, usize)> = words
            .iter()
            .filter(|(a, b)| *a >= from && *b <= to)
            .collect();
        if let [.., before, last] = in_piece.as_slice() {
            let word = |r: &(usize, usize)| {
                sentence[r.0..r.1]
                    .trim_end_matches("’s")
                    .trim_end_matches("'s")
                    .trim_end_matches(['.', ','])
                    .to_owned()
            };
            if is_acronym(&word(last)) && !is_acronym(&word(before)) {
                pieces.push((from, before.1));
                pieces.push((last.0, to));
                return;
            }
        }
        pieces.push((from, to));
    };
    for (i, &(a, b)) in words.iter().enumerate() {
        let word = &sentence[a..b];
        let bare = word.trim_end_matches('.');
        let ends_sentence = word.ends_with('.')
            && bare.chars().count() > 1
            && !bare.contains('.')
            && !ABBREVIATIONS.contains(&bare.to_lowercase().as_str());
        if ends_sentence && i + 1 < words.len() {
            flush(piece_start, b, &words);
            piece_start = words[i + 1].0;
        }
    }
    flush(piece_start, end, &words);
    pieces
}

/// Acronyms an article defines: "World Health Organization (WHO)".
pub fn local_acronyms(text: &str) -> HashMap<String, String> {
    static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|the|and)\s+)?){1,6})\(([A-Z]{2,6})\)")
    });
    DEFINED
        .captures_iter(text)
        .filter_map(|c| {
            let words: Vec<&str> = c[1].split_whitespace().collect();
            // The shortest tail of the words the letters stand for: "the
            // head of the World Health Organization (WHO)" defines WHO as
            // the organisation; a dateline's "HUALIEN, Taiwan (AP)" defines
            // nothing (AP is no initial of "Taiwan").
            (0..words.len())
                .rev()
                .map(|k| &words[k..])
                .find(|tail| stands_for(&c[2], tail))
                .map(|tail| (c[2].to_owned(), tail.join(" ")))
        })
        .collect()
}

/// Surnames that come first in the names English-language news writes
/// in their own order (Chinese, Korean): "Zhu Fenglian" is "Zhu" further
/// on, where "Dmitry Peskov" is "Peskov". Words that are also common
/// English words at a sentence's start ("He", "Do", "Oh") are left out.
const SURNAMES_FIRST: &[&str] = &[
    "Bai", "Cai", "Cao", "Chang", "Chen", "Cheng", "Chiang", "Chou", "Cui", "Deng", "Ding", "Dong",
    "Du", "Duan", "Fan", "Feng", "Fu", "Gao", "Gu", "Guo", "Han", "Hao", "Hou", "Hsieh", "Hsu",
    "Hu", "Huang", "Jiang", "Jin", "Kong", "Kuo", "Lai", "Lei", "Li", "Liang", "Liao", "Lin",
    "Liu", "Lu", "Luo", "Mao", "Meng", "Pan", "Peng", "Qian", "Qin", "Qiu", "Ren", "Shen", "Shi",
    "Su", "Sun", "Tan", "Tang", "Tian", "Tsai", "Wang", "Wei", "Wen", "Wu", "Xi", "Xiao", "Xie",
    "Xing", "Xu", "Yang", "Yao", "Ye", "Yu", "Yuan", "Zeng", "Zhang", "Zhao", "Zheng", "Zhong",
    "Zhou", "Zhu", "Ahn", "Bae", "Baek", "Choi", "Chung", "Jang", "Jeon", "Jeong", "Jung", "Kang",
    "Kim", "Kwon", "Lee", "Moon", "Park", "Ryu", "Seo", "Shin", "Yoo", "Yoon",
];

/// A surname written alone, where the article named its holder in full
/// surname first ("Zhu Fenglian, a spokesperson for …" and, below,
/// "according to Zhu"), as the short form of that full name: the key of
/// a person is their surname, and a full name's last word is taken for
/// it. Only when the article names one such person with that surname.
pub fn surnames_first(text: &str) -> HashMap<String, String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::re(
            r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:\s+[A-Z][a-z]{1,3}\b)?)",
        )
    });
    let mut found: HashMap<String, Option<String>> = HashMap::new();
    for c in NAME.captures_iter(text) {
        let (surname, given) = (&c[1], &c[2]);
        if !SURNAMES_FIRST.contains(&surname)
            || given
                .split_whitespace()
                .any(|w| TITLES.contains(&w.to_lowercase().as_str()))
        {
            continue;
        }
        let full = format!("{surname} {given}");
        found
            .entry(surname.to_owned())
            .and_modify(|f| {
                if f.as_deref() != Some(full.as_str()) {
                    *f = None;
                }
            })
            .or_insert(Some(full));
    }
    found
        .into_iter()
        .filter_map(|(surname, full)| full.map(|f| (surname, f)))
        .collect()
}

/// Whether an acronym stands for these words: their initials (function
/// words skipped), or its letters found in order in them, beginning with
/// the first initial and nearly one word a letter ("Agence France-Presse
/// (AFP)").
fn stands_for(acronym: &str, words: &[&str]) -> bool {
    let initials: String = words
        .iter()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "of" | "for" | "the" | "and"))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect();
    if initials.is_empty() || !words[0].starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    if initials == acronym {
        return true;
    }
    let mut letters = words
        .join(" ")
        .to_ascii_uppercase()
        .into_bytes()
        .into_iter();
    acronym.as_bytes().first() == initials.as_bytes().first()
        && initials.len() + 1 >= acronym.len()
        && acronym.bytes().all(|a| letters.any(|l| l == a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(e: &Entities, s: &str) -> String {
        e.key(s, &HashMap::new()).key
    }

    /// The names a sentence mentions, with no acronym defined and no word
    /// known in lower case.
    fn mentioned(e: &Entities, s: &str) -> Vec<Mention> {
        e.mentions(s, &HashMap::new(), &Default::default())
    }

    fn surfaces(e: &Entities, s: &str) -> Vec<String> {
        mentioned(e, s).into_iter().map(|m| m.surface).collect()
    }

    fn mentioned_keys(e: &Entities, s: &str) -> Vec<String> {
        mentioned(e, s).into_iter().map(|m| m.key).collect()
    }

    /// A dateline's city in capitals is that place, as it is written in
    /// the story's sentences (Reuters on the Noto quake, 2024: "WAJIMA,
    /// Japan (Reuters) -" had been an acronym, so the toll under it shared
    /// no place with "half of them in Wajima"); an acronym opening a
    /// sentence stays one.
    #[test]
    fn a_datelines_city_in_capitals_is_the_place() {
        let e = Entities::new(&Registry::bundled());
        let wajima = key(&e, "Wajima");
        for dateline in [
            "WAJIMA, Japan (Reuters) -At least 48 people were killed after a powerful earthquake.",
            "WAJIMA, Japan, Jan 2 (Reuters) - At least 48 people were killed.",
            "WAJIMA (AP) — At least 48 people were killed.",
        ] {
            assert!(mentioned_keys(&e, dateline).contains(&wajima), "{dateline}");
        }
        let unicef = key(&e, "UNICEF");
        assert!(
            mentioned_keys(&e, "UNICEF, UNHCR and WHO said aid would arrive.").contains(&unicef)
        );
        assert!(mentioned_keys(&e, "UNICEF (the children's fund) said so.").contains(&unicef));
    }

    /// "All" opening a sentence names no one, and an airline or a paper
    /// is no person ("All 72 people on board the Yeti Airlines plane …").
    #[test]
    fn an_opening_all_and_a_companys_name_are_no_people() {
        let e = Entities::new(&Registry::bundled());
        let found = mentioned(&e, "All 72 people on board the Yeti Airlines plane died.");
        let surfaces: Vec<&str> = found.iter().map(|m| m.surface.as_str()).collect();
        assert_eq!(surfaces, ["Yeti Airlines"]);
        assert!(!found[0].person, "{found:?}");
        assert!(!e.key("Gulf Times", &HashMap::new()).person);
        assert!(e.key("Pemba Sherpa", &HashMap::new()).person);
    }

    /// A Chinese or Korean name is written surname first, and the surname
    /// alone further on is its holder (Global Times, 2024: "Zhu Fenglian,
    /// a spokesperson for the Taiwan Affairs Office … according to Zhu");
    /// two holders of one surname leave it alone, and a name in Western
    /// order is untouched.
    #[test]
    fn a_surname_written_first_is_its_holder_further_on() {
        let e = Entities::new(&Registry::bundled());
        let text = "Zhu Fenglian, a spokesperson for the Taiwan Affairs Office, said \
                    the mainland is concerned. It will provide relief, according to Zhu.";
        let local = surnames_first(text);
        assert_eq!(local.get("Zhu").map(String::as_str), Some("Zhu Fenglian"));
        let keys: Vec<String> = e
            .mentions(
                "It will provide relief, according to Zhu.",
                &local,
                &Default::default(),
            )
            .into_iter()
            .map(|m| m.key)
            .collect();
        assert_eq!(keys, [key(&e, "Zhu Fenglian")]);
        assert!(surnames_first("Li Qiang met Li Keqiang's widow. Li said so.").is_empty());
        assert!(surnames_first("Kazuo Ueda said so. Ueda added.").is_empty());
        assert_eq!(
            surnames_first("North Korean leader Kim Jong Un watched. Kim said.")
                .get("Kim")
                .map(String::as_str),
            Some("Kim Jong Un")
        );
    }

    /// "Moscow-based", "Iran-backed", "Hamas-led" name Moscow, Iran and
    /// Hamas; "Camouflage-clad" opening a sentence names nothing (Reuters
    /// on the Crocus City Hall attack, 2024: "Camouflage-clad gunmen opened
    /// fire" had been a name, so the sentence seemed to name a place the
    /// other reports of its toll did not).
    #[test]
    fn a_compound_names_what_it_is_based_on_and_nothing_else() {
        let e = Entities::new(&Registry::bundled());
        let keys = |s: &str| mentioned_keys(&e, s);
        assert_eq!(
            keys("Camouflage-clad gunmen opened fire at the hall."),
            Vec::<String>::new()
        );
        assert_eq!(
            keys("The talks, the Moscow-based outlet said, went well."),
            [key(&e, "Moscow")]
        );
        assert_eq!(
            keys("The fighters of Iran-backed militias and Hamas-led units left."),
            [key(&e, "Iran"), key(&e, "Hamas")]
        );
        assert_eq!(
            keys("Iran-backed militias left the town."),
            [key(&e, "Iran")]
        );
    }

    /// The last two of a list are two names: the Interior Ministry's
    /// provinces as Reuters and a wire copy list them (dev set 36, 37) meet
    /// on Chichaoua and Taroudant alike. A country named with "and" and two
    /// people outside a list stay as they were.
    #[test]
    fn the_last_two_of_a_list_are_two_names() {
        let e = Entities::new(&Registry::bundled());
        let keys = |s: &str| mentioned_keys(&e, s);
        let listed = keys(
            "The quake had hit the provinces of Al Haouz, Ouarzazate, Marrakech, Azilal, Chichaoua and Taroudant.",
        );
        assert!(listed.contains(&key(&e, "Chichaoua")), "{listed:?}");
        assert!(listed.contains(&key(&e, "Taroudant")), "{listed:?}");
        let country = keys("Aid came from Serbia, Croatia, Bosnia and Herzegovina.");
        assert!(
            country.contains(&key(&e, "Bosnia and Herzegovina")),
            "{country:?}"
        );
        assert_eq!(
            keys("Putin and Zelensky did not meet."),
            [key(&e, "Putin and Zelensky")]
        );
    }

    /// A share of a place is the place: "One-third of Pakistan" names
    /// Pakistan, as "a third of Pakistan" does (Insider and AFP quoting
    /// Sherry Rehman, 2022); "Half" opening a sentence names nothing.
    #[test]
    fn a_share_of_a_place_names_the_place() {
        let e = Entities::new(&Registry::bundled());
        let keys = |s: &str| mentioned_keys(&e, s);
        let pakistan = key(&e, "Pakistan");
        assert_eq!(
            keys("\"One-third of Pakistan is under water,\" she wrote."),
            std::slice::from_ref(&pakistan)
        );
        assert_eq!(
            keys("She said a third of Pakistan was under water."),
            [pakistan]
        );
        assert_eq!(
            keys("Two-thirds of Gaza is without power."),
            [key(&e, "Gaza")]
        );
        assert_eq!(
            keys("Half of the city of Derna was destroyed."),
            [key(&e, "Derna")]
        );
    }

    /// "Lebanese President, Michel Aoun" names Lebanon and its office, as
    /// "his Lebanese counterpart Michel Aoun" does: no person called
    /// "Lebanese President" (Syrian state media on Assad's cable, 2020).
    #[test]
    fn a_countrys_office_names_the_country() {
        let e = Entities::new(&Registry::bundled());
        let lebanon = key(&e, "Lebanon");
        let office = mentioned(&e, "He sent a cable to Lebanese President, Michel Aoun.");
        let counterpart = mentioned(
            &e,
            "He sent a cable to his Lebanese counterpart Michel Aoun.",
        );
        for m in [&office, &counterpart] {
            assert_eq!(m[0].key, lebanon, "{m:?}");
            assert!(!m[0].person, "{m:?}");
        }
        assert_eq!(office[0].surface, "Lebanese President");
        let minister = mentioned(
            &e,
            "The talks were led by Turkish Foreign Minister on Monday.",
        );
        assert_eq!(minister[0].key, key(&e, "Turkey"), "{minister:?}");
        // With a name, the name is the person's.
        let named = mentioned(&e, "Turkish Foreign Minister Hakan Fidan spoke.");
        assert!(
            named
                .iter()
                .all(|m| m.key != key(&e, "Turkey") || m.surface == "Turkish"),
            "{named:?}"
        );
    }

    #[test]
    fn variants_of_one_name_meet() {
        let e = Entities::new(&Registry::bundled());
        let serraj = key(&e, "Fayez al-Serraj");
        for v in [
            "Serraj",
            "Sarraj",
            "al-Sarraj",
            "Faiez Serraj",
            "Prime Minister Fayez al-Serraj",
        ] {
            assert_eq!(key(&e, v), serraj, "{v}");
        }
        // A name with and without its letters' marks (Anadolu and the
        // Daily Sabah on the Turkish vice president, 2023; Polish ł).
        assert_eq!(key(&e, "Cevdet Yılmaz"), key(&e, "Cevdet Yilmaz"));
        assert_eq!(key(&e, "Numan Kurtulmuş"), key(&e, "Numan Kurtulmus"));
        assert_eq!(key(&e, "Przemysław Czarnek"), key(&e, "Przemyslaw Czarnek"));
        assert_ne!(key(&e, "Cevdet Yılmaz"), key(&e, "Numan Kurtulmuş"));
        assert_eq!(key(&e, "UAE"), key(&e, "United Arab Emirates"));
        assert_eq!(key(&e, "U.N."), key(&e, "United Nations"));
        assert_eq!(key(&e, "UN"), key(&e, "the United Nations"));
        assert_eq!(key(&e, "WHO"), key(&e, "World Health Organization"));
        assert_ne!(key(&e, "Haftar"), serraj);
        assert_ne!(key(&e, "Putin"), key(&e, "Trump"));
        // A place with or without its kind; two islands are two places.
        assert_eq!(key(&e, "Yonaguni Island"), key(&e, "Yonaguni"));
        assert_eq!(key(&e, "Hualien County"), key(&e, "Hualien"));
        assert_ne!(key(&e, "Yonaguni Island"), key(&e, "Ishigaki Island"));
        assert_ne!(key(&e, "Interior Ministry"), key(&e, "Health Ministry"));
        // A person named with a whole title, of a place or an office, is
        // the person named without it.
        for (titled, bare) in [
            ("Climate Change Minister Sherry Rehman", "Sherry Rehman"),
            ("Washington Secretary of State Kim Wyman", "Kim Wyman"),
            ("US Secretary of State Mike Pompeo", "Pompeo"),
            ("Ambassador to Russia Jon Huntsman", "Huntsman"),
            ("Texas Republican Sen. John Cornyn", "Cornyn"),
            (
                "Communications and Digital Minister Fahmi Fadzil",
                "Fahmi Fadzil",
            ),
        ] {
            assert_eq!(key(&e, titled), key(&e, bare), "{titled}");
        }
    }

    /// Focus Taiwan writes "Provincial Highway No. 8", Taiwan News Live
    /// "Provincial Highway No-8" (Hualien earthquake, 2024): one road. A
    /// name cut before its number would make reactor No. 3 and reactor
    /// No. 4 one thing.
    #[test]
    fn a_numbered_name_keeps_its_number_however_it_is_written() {
        let e = Entities::new(&Registry::bundled());
        let keys = |s: &str| mentioned_keys(&e, s);
        let dotted = keys("He said rescue efforts focus on Provincial Highway No. 8 now.");
        assert_eq!(dotted, ["n:provincial highway no 8"]);
        assert_eq!(
            keys("He said rescue efforts focus on Provincial Highway No-8."),
            dotted
        );
        assert_eq!(
            keys("He said rescue efforts focus on Provincial Highway No.8."),
            dotted
        );
        assert_ne!(
            keys("He said water leaked at Reactor No. 3 overnight."),
            keys("He said water leaked at Reactor No. 4 overnight.")
        );
        assert!(
            mentioned(&e, "He inspected Reactor No. 4.")
                .iter()
                .all(|m| !m.person),
            "a numbered thing is no person"
        );
    }

    /// Taiwan News Live capitalises the roles Focus Taiwan writes in lower
    /// case ("Deputy Commander of the Central Emergency Operation Centre
    /// (CEOC) and Deputy Minister of Economic Affairs", Hualien earthquake,
    /// 2024): a role alone is no name, with a name it is a title.
    #[test]
    fn a_role_alone_is_no_name() {
        let e = Entities::new(&Registry::bundled());
        let surfaces =
            |s: &str| -> Vec<String> { mentioned(&e, s).into_iter().map(|m| m.surface).collect() };
        assert_eq!(
            surfaces("Chen Cheng-chi, Deputy Commander of the centre and Deputy Minister, spoke."),
            ["Chen Cheng-chi"]
        );
        assert!(surfaces("He met the Prime Minister and the Foreign Minister.").is_empty());
        assert_eq!(
            surfaces("He met Prime Minister Fumio Kishida."),
            ["Prime Minister Fumio Kishida"]
        );
    }

    #[test]
    fn a_run_of_capitals_is_cut_where_a_sentence_ends_and_before_an_acronym() {
        let e = Entities::new(&Registry::bundled());
        let keys =
            |s: &str| -> Vec<String> { mentioned(&e, s).into_iter().map(|m| m.surface).collect() };
        // A sentence's end inside a quote: two names, not "Moscow. In".
        assert_eq!(
            keys(
                "“We got to within 200 km of Moscow. In 24 hours we turned back,” Prigozhin said."
            ),
            ["Moscow", "Prigozhin"]
        );
        assert_eq!(
            keys("He gave guarantees to Wagner PMC’s fighters."),
            ["Wagner", "PMC"]
        );
        // Initials and abbreviations do not end a name.
        assert_eq!(
            keys("He met U.S. President Joe Biden."),
            ["U.S. President Joe Biden"]
        );
        assert_eq!(
            keys("It was ordered by Gen. Tom Smith."),
            ["Gen. Tom Smith"]
        );
        // A sentence adverb opening a sentence or a quotation is no name,
        // alone or before one.
        assert!(keys("“Currently the number of deaths amounts to 93 people.").is_empty());
        assert_eq!(
            keys("Unfortunately, the toll may rise, Peskov said."),
            ["Peskov"]
        );
        assert_eq!(
            keys("Reportedly Prigozhin left for Belarus."),
            ["Prigozhin", "Belarus"]
        );
    }

    #[test]
    fn a_bodys_name_names_its_country() {
        let e = Entities::new(&Registry::bundled());
        let keys = |s: &str| -> Vec<String> {
            mentioned(&e, s)
                .into_iter()
                .flat_map(|m| std::iter::once(m.key).chain(m.countries))
                .collect()
        };
        let china = key(&e, "China");
        for s in [
            "The Tsunami Warning Center of China's Ministry of Natural Resources issued a warning.",
            "The Tsunami Warning Center of China\u{2019}s Ministry of Natural Resources issued a warning.",
            "The Government of China said so.",
        ] {
            assert!(keys(s).contains(&china), "{s}: {:?}", keys(s));
        }
        // A country the registry does not know as one, or none at all.
        assert_eq!(keys("The Bank of Wonderland said so.").len(), 1);
        assert!(!keys("The Ministry of Natural Resources said so.").contains(&china));
    }

    #[test]
    fn people_by_role_opening_a_sentence_are_no_name() {
        let e = Entities::new(&Registry::bundled());
        for s in [
            "Officials say at least 33 million people have been affected.",
            "Rescuers pulled 12 survivors from the rubble.",
            "Authorities said the road was closed.",
        ] {
            assert!(mentioned(&e, s).is_empty(), "{s}: {:?}", mentioned(&e, s));
        }
        // A name after them is still a name.
        let m = mentioned(&e, "Officials in Karachi said the toll rose.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].key, key(&e, "Karachi"));
    }

    #[test]
    fn a_countrys_people_name_the_country() {
        let e = Entities::new(&Registry::bundled());
        for (people, country) in [
            ("Pakistanis", "Pakistan"),
            ("Pakistani", "Pakistan"),
            ("Chinese", "China"),
            ("Moroccans", "Morocco"),
            ("Lebanese", "Lebanon"),
            ("Iranian", "Iran"),
            ("Ukrainians", "Ukraine"),
            ("Syrians", "Syria"),
            ("Turkish", "Turkey"),
            ("French", "France"),
            ("Nigerians", "Nigeria"),
            ("Chilean", "Chile"),
            ("Zimbabweans", "Zimbabwe"),
            ("Argentine", "Argentina"),
            ("Belgian", "Belgium"),
        ] {
            assert_eq!(key(&e, people), key(&e, country), "{people}");
            assert!(!e.may_be_a_person(people), "{people}");
        }
        // A body named by its people's word names the country too.
        let m = &mentioned(&e, "The Chinese Foreign Ministry said so.")[0];
        assert_eq!(m.countries, [key(&e, "China")]);
        // A name that merely begins like a country is no demonym.
        assert_ne!(key(&e, "Chinatown"), key(&e, "China"));
    }

    #[test]
    fn a_body_is_one_name_however_worded() {
        let e = Entities::new(&Registry::bundled());
        assert_eq!(
            key(&e, "Ministry of Interior"),
            key(&e, "Interior Ministry")
        );
        assert_eq!(
            key(&e, "Department for the Environment"),
            key(&e, "Environment Department")
        );
        assert_eq!(
            key(&e, "Pacific Tsunami Warning Centre"),
            key(&e, "Pacific Tsunami Warning Center")
        );
        assert_ne!(
            key(&e, "Ministry of Interior"),
            key(&e, "Ministry of Health")
        );
    }

    #[test]
    fn article_defined_acronyms_are_learnt() {
        let local = local_acronyms(
            "the Government of National Accord (GNA) and the Libyan Red Crescent (LRC) said",
        );
        assert_eq!(
            local.get("LRC").map(String::as_str),
            Some("Libyan Red Crescent")
        );
        let e = Entities::new(&Registry::bundled());
        assert_eq!(
            e.key("LRC", &local).key,
            e.key("Libyan Red Crescent", &local).key
        );
        // An article that defines the acronym and one that does not name
        // the body alike (Crocus City Hall, 2024: Xinhua's "Investigative
        // Committee of Russia (ICR)" and another outlet's plain name).
        let xinhua = local_acronyms("according to the Investigative Committee of Russia (ICR).");
        let plain = HashMap::new();
        let body = e.key("Investigative Committee of Russia", &plain).key;
        assert_eq!(e.key("ICR", &xinhua).key, body);
        assert_eq!(
            e.key("Investigative Committee of Russia", &xinhua).key,
            body
        );
        // Only words the letters stand for: a dateline's place before a
        // wire's credit is no definition of the wire.
        let local = local_acronyms(
            "HUALIEN, Taiwan (AP) — The head of the World Health Organization (WHO) and Agence France-Presse (AFP) said",
        );
        assert_eq!(local.get("AP"), None);
        assert_eq!(
            local.get("WHO").map(String::as_str),
            Some("World Health Organization")
        );
        assert_eq!(
            local.get("AFP").map(String::as_str),
            Some("Agence France-Presse")
        );
    }

    #[test]
    fn sentence_words_are_not_names() {
        let e = Entities::new(&Registry::bundled());
        let m: Vec<String> = e
            .mentions(
                "The fighting around Tripoli has killed at least 1,093 people, the UN said. \"Very good start,\" he said on Sunday.",
                &HashMap::new(),
                &lower_case_words("a very good day"),
            )
            .into_iter()
            .map(|m| m.surface)
            .collect();
        assert_eq!(m, ["Tripoli", "UN"]);
        let m = surfaces(
            &e,
            "TYRE, May 4 (Reuters) - Three people were killed near Qlayaa, Theresa May said.",
        );
        assert_eq!(m, ["TYRE", "Reuters", "Qlayaa", "Theresa May"]);
        let m = surfaces(
            &e,
            "Local authorities put the death toll at 48, half of them in Wajima.",
        );
        assert_eq!(m, ["Wajima"]);
        let m = surfaces(
            &e,
            "At least 90% of the victims had been identified by noon, the interior ministry said, with delays affecting some foreigners and teenagers who do not yet have ID cards, state TV said.",
        );
        assert!(m.is_empty(), "{m:?}");
    }
}

//! Finding the same claim across documents without comparing all pairs.
//!
//! Every claim is reduced to features: normalised words (entities replaced by
//! their keys, so `Sarraj` and `al-Serraj` are one word), word 3-gram
//! shingles, and the values of its figures. Candidate pairs come from an
//! inverted index over three kinds of key — each figure's value, each
//! entity, and the claim's rarest words — skipping keys so common that their
//! posting lists would make the work quadratic. Each candidate pair is then
//! scored:
//! - passage reuse: shingle containment (shared / smaller set) ≥ 0.5, which
//!   finds a copy that was trimmed or spliced into other text (a Jaccard
//!   threshold misses those: real reprints share ~30% of 3-grams);
//! - paraphrase: IDF-weighted word containment ≥ 0.5, at least one shared
//!   entity, figures that agree (a shared value and no figure of the same
//!   measure with another value) — so "510 killed" never joins "1,093 killed".
//!
//! Matching pairs are joined with union-find into clusters.

use super::extract::Extracted;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// What matching needs of one claim.
#[derive(Clone, Debug, Default)]
pub struct Features {
    /// Normalised words, entity keys in place of names.
    pub words: Vec<String>,
    pub shingles: HashSet<u64>,
    /// Figure values, and per measure ("people killed") the values stated.
    pub values: HashSet<u64>,
    pub measures: HashMap<String, HashSet<u64>>,
    pub entities: HashSet<String>,
}

const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "that", "this",
    "it", "its", "he", "she", "they", "his", "her", "their", "which", "who", "will", "would",
    "said", "says", "also", "not", "no", "into", "than", "after", "over", "about", "there",
    "other", "others", "while", "since", "what", "we", "our", "us", "do",
];

fn hash64<T: Hash>(t: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

/// A crude English stem: enough for "killed"/"killing", "talks"/"talk".
fn stem(w: &str) -> String {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.len() >= 4
        {
            return base.to_owned();
        }
    }
    w.to_owned()
}

fn value_key(v: f64) -> u64 {
    (v * 100.0).round() as u64
}

/// The features of a claim.
pub fn features(claim: &Extracted) -> Features {
    let mut f = Features::default();
    // Replace each entity's words by its key.
    let mut text = claim.text.clone();
    for m in &claim.mentions {
        f.entities.insert(m.key.clone());
        text = text.replacen(&m.surface, &format!(" {} ", m.key.replace(' ', "_")), 1);
    }
    for raw in
        text.split(|c: char| !(c.is_alphanumeric() || c == ':' || c == '_' || c == '.' || c == ','))
    {
        let w = raw.trim_matches(['.', ',']).to_lowercase();
        if w.is_empty() || STOPWORDS.contains(&w.as_str()) {
            continue;
        }
        let w = if w.contains(':') {
            w
        } else if w.chars().any(|c| c.is_ascii_digit()) {
            w.replace(',', "")
        } else {
            stem(&w)
        };
        f.words.push(w);
    }
    for window in f.words.windows(3) {
        f.shingles.insert(hash64(&window));
    }
    if f.words.len() < 3 && !f.words.is_empty() {
        f.shingles.insert(hash64(&f.words));
    }
    for q in &claim.quantities {
        let v = value_key(q.value);
        f.values.insert(v);
        if let Some(m) = q.measure() {
            f.measures.entry(m).or_default().insert(v);
        }
    }
    f
}

/// Whether two claims state different values for the same measure.
pub fn figures_disagree(a: &Features, b: &Features) -> bool {
    a.measures
        .iter()
        .any(|(m, va)| b.measures.get(m).is_some_and(|vb| va.is_disjoint(vb)))
}

/// Why two claims were matched.
#[derive(Clone, Debug, PartialEq)]
pub enum Link {
    /// They share this fraction of the smaller one's 3-word passages.
    Reuse(f64),
    /// Reworded: this IDF-weighted word overlap, figures and names agreeing.
    Paraphrase(f64),
}

/// Thresholds, measured on hand-labelled cases (docs/benchmarks.md).
pub const REUSE_MIN: f64 = 0.5;
pub const PARAPHRASE_MIN: f64 = 0.5;
/// A key whose posting list is longer than this is too common to propose
/// candidates (it would make matching quadratic).
pub const MAX_POSTING: usize = 400;
/// How many of a claim's rarest words become index keys.
const RARE_KEYS: usize = 4;

/// Scores one candidate pair.
pub fn score(a: &Features, b: &Features, idf: &HashMap<&str, f64>) -> Option<Link> {
    if figures_disagree(a, b) {
        return None;
    }
    let shared = a.shingles.intersection(&b.shingles).count();
    let smaller = a.shingles.len().min(b.shingles.len()).max(1);
    let containment = shared as f64 / smaller as f64;
    if containment >= REUSE_MIN && smaller >= 3 {
        return Some(Link::Reuse(containment));
    }
    if a.entities.is_disjoint(&b.entities) {
        return None;
    }
    if !a.values.is_empty() && !b.values.is_empty() && a.values.is_disjoint(&b.values) {
        return None;
    }
    let set_a: HashSet<&str> = a.words.iter().map(String::as_str).collect();
    let set_b: HashSet<&str> = b.words.iter().map(String::as_str).collect();
    let weight = |w: &&str| idf.get(w).copied().unwrap_or(1.0);
    let overlap: f64 = set_a.intersection(&set_b).map(weight).sum();
    let total_a: f64 = set_a.iter().map(weight).sum();
    let total_b: f64 = set_b.iter().map(weight).sum();
    let similarity = overlap / total_a.min(total_b).max(1e-9);
    let shared_value = !a.values.is_disjoint(&b.values);
    let needed = if shared_value {
        PARAPHRASE_MIN
    } else {
        PARAPHRASE_MIN + 0.15
    };
    (similarity >= needed).then_some(Link::Paraphrase(similarity))
}

/// Union-find over claim indexes.
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// The result of matching: a cluster number per claim, and the links found.
pub struct Matching {
    pub cluster_of: Vec<usize>,
    pub links: Vec<(usize, usize, Link)>,
    /// Candidate pairs scored (for the benchmark: it must grow near-linearly).
    pub candidates_scored: usize,
}

/// Clusters claims. `document_of[i]` is claim i's document: claims of one
/// document are never compared (a document says a thing once; repeats are
/// removed when cleaning).
pub fn cluster(features: &[Features], document_of: &[usize]) -> Matching {
    let n = features.len();
    // Document frequency of words, counted per claim.
    let mut df: HashMap<&str, usize> = HashMap::new();
    for f in features {
        let unique: HashSet<&str> = f.words.iter().map(String::as_str).collect();
        for w in unique {
            *df.entry(w).or_default() += 1;
        }
    }
    let idf: HashMap<&str, f64> = df
        .iter()
        .map(|(w, d)| (*w, ((n as f64 + 1.0) / (*d as f64)).ln() + 0.1))
        .collect();
    // Index keys per claim.
    let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        let mut keys: Vec<String> = f
            .values
            .iter()
            .filter(|v| **v >= 1100)
            .map(|v| format!("#{v}"))
            .collect();
        keys.extend(f.entities.iter().map(|e| format!("@{e}")));
        let mut rare: Vec<&str> = f
            .words
            .iter()
            .map(String::as_str)
            .filter(|w| !w.contains(':'))
            .collect();
        rare.sort_by(|a, b| df[a].cmp(&df[b]).then(a.cmp(b)));
        rare.dedup();
        keys.extend(
            rare.into_iter()
                .filter(|w| df[w] > 1)
                .take(RARE_KEYS)
                .map(|w| format!("w{w}")),
        );
        for k in keys {
            postings.entry(k).or_default().push(i);
        }
    }
    // Candidates: pairs sharing a usable key.
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    for list in postings.values() {
        if list.len() < 2 || list.len() > MAX_POSTING {
            continue;
        }
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if document_of[a] != document_of[b] {
                    candidates.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    let mut sets = Sets::new(n);
    let mut links = Vec::new();
    let mut sorted: Vec<(usize, usize)> = candidates.into_iter().collect();
    sorted.sort_unstable();
    let candidates_scored = sorted.len();
    for (a, b) in sorted {
        if let Some(link) = score(&features[a], &features[b], &idf) {
            sets.union(a, b);
            links.push((a, b, link));
        }
    }
    let cluster_of = (0..n).map(|i| sets.find(i)).collect();
    Matching {
        cluster_of,
        links,
        candidates_scored,
    }
}

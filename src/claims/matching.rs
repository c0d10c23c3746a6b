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
//! Matching pairs are merged strongest first, average-linkage style: two
//! groups merge only when most pairs across them match too, so one bridging
//! sentence cannot chain unrelated claims into one cluster.

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

/// Thresholds, chosen on the hand-labelled Helsinki cases (docs/benchmarks.md
/// has the sweep): lower ones found more reworded pairs but joined claims
/// that differ once the linkage guard was loosened with them.
pub const REUSE_MIN: f64 = 0.5;
pub const PARAPHRASE_MIN: f64 = 0.35;
pub const PARAPHRASE_MIN_NO_FIGURE: f64 = 0.45;
/// A key whose posting list is longer than this is too common to propose
/// candidates (it would make matching quadratic).
pub const MAX_POSTING: usize = 128;
/// How many of a claim's rarest words, and rarest adjacent word pairs,
/// become index keys (pairs keep short sentences of common words findable:
/// "a very good start").
const RARE_KEYS: usize = 4;
const RARE_PAIRS: usize = 3;
/// Two groups merge when at least this share of the pairs across them match.
const LINKAGE: f64 = 0.5;

/// A claim prepared for fast scoring: sorted ids and weights, computed once.
struct Prepared {
    /// Sorted unique word ids.
    words: Vec<u32>,
    /// Sum of the IDF weights of `words`.
    weight: f64,
    /// Sorted unique shingles.
    shingles: Vec<u64>,
}

fn shared_sorted<T: Ord>(a: &[T], b: &[T], mut each: impl FnMut(&T)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                each(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// The scoring rule on prepared claims (see the module documentation).
fn score_prepared(
    a: &Features,
    b: &Features,
    pa: &Prepared,
    pb: &Prepared,
    weights: &[f64],
) -> Option<Link> {
    if figures_disagree(a, b) {
        return None;
    }
    let mut shared = 0usize;
    shared_sorted(&pa.shingles, &pb.shingles, |_| shared += 1);
    let smaller = pa.shingles.len().min(pb.shingles.len()).max(1);
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
    let mut overlap = 0.0;
    shared_sorted(&pa.words, &pb.words, |w| overlap += weights[*w as usize]);
    let similarity = overlap / pa.weight.min(pb.weight).max(1e-9);
    let needed = if a.values.is_disjoint(&b.values) {
        PARAPHRASE_MIN_NO_FIGURE
    } else {
        PARAPHRASE_MIN
    };
    (similarity >= needed).then_some(Link::Paraphrase(similarity))
}

/// Interns every claim's words and prepares it for scoring.
fn prepare(features: &[Features], idf: &HashMap<&str, f64>) -> (Vec<Prepared>, Vec<f64>) {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut weights = Vec::new();
    let prepared = features
        .iter()
        .map(|f| {
            let mut words: Vec<u32> = f
                .words
                .iter()
                .map(|w| {
                    *ids.entry(w.as_str()).or_insert_with(|| {
                        weights.push(idf.get(w.as_str()).copied().unwrap_or(1.0));
                        (weights.len() - 1) as u32
                    })
                })
                .collect();
            words.sort_unstable();
            words.dedup();
            let weight = words.iter().map(|w| weights[*w as usize]).sum();
            let mut shingles: Vec<u64> = f.shingles.iter().copied().collect();
            shingles.sort_unstable();
            Prepared {
                words,
                weight,
                shingles,
            }
        })
        .collect();
    (prepared, weights)
}

/// Scores one pair of claims on their own (uniform weights unless `idf`
/// says otherwise); `cluster` scores its candidates the same way.
pub fn score(a: &Features, b: &Features, idf: &HashMap<&str, f64>) -> Option<Link> {
    let (p, w) = prepare(&[a.clone(), b.clone()], idf);
    score_prepared(a, b, &p[0], &p[1], &w)
}

/// The former pair scorer, kept for reference in tests.
#[cfg(test)]
fn score_slow(a: &Features, b: &Features, idf: &HashMap<&str, f64>) -> Option<Link> {
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
        PARAPHRASE_MIN_NO_FIGURE
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

impl Link {
    fn strength(&self) -> f64 {
        match self {
            Link::Reuse(c) => 1.0 + c,
            Link::Paraphrase(c) => *c,
        }
    }
}

/// Clusters claims. `document_of[i]` is claim i's document: claims of one
/// document are never compared (a document says a thing once; repeats are
/// removed when cleaning).
pub fn cluster(features: &[Features], document_of: &[usize]) -> Matching {
    let n = features.len();
    // Claims that read the same once normalised (a wire sentence run by many
    // sites) are one claim: only the first of each such group enters the
    // index, so copies cost a hash each, not a comparison with every other copy.
    let mut representative: Vec<usize> = (0..n).collect();
    {
        let mut first: HashMap<&[String], usize> = HashMap::new();
        for (i, f) in features.iter().enumerate() {
            if f.words.len() >= 4 {
                representative[i] = *first.entry(f.words.as_slice()).or_insert(i);
            }
        }
    }
    let is_rep = |i: usize| representative[i] == i;
    // Document frequency of words and adjacent word pairs, counted per claim.
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut pair_df: HashMap<(&str, &str), usize> = HashMap::new();
    for f in features {
        let unique: HashSet<&str> = f.words.iter().map(String::as_str).collect();
        for w in unique {
            *df.entry(w).or_default() += 1;
        }
        let pairs: HashSet<(&str, &str)> = f
            .words
            .windows(2)
            .map(|p| (p[0].as_str(), p[1].as_str()))
            .collect();
        for p in pairs {
            *pair_df.entry(p).or_default() += 1;
        }
    }
    let idf: HashMap<&str, f64> = df
        .iter()
        .map(|(w, d)| (*w, ((n as f64 + 1.0) / (*d as f64)).ln() + 0.1))
        .collect();
    // Index keys per claim.
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, f) in features.iter().enumerate().filter(|(i, _)| is_rep(*i)) {
        let mut keys: Vec<u64> = f
            .values
            .iter()
            .filter(|v| **v >= 1100)
            .map(|v| hash64(&("#", v)))
            .collect();
        keys.extend(f.entities.iter().map(|e| hash64(&("@", e))));
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
                .map(|w| hash64(&("w", w))),
        );
        let mut pairs: Vec<(&str, &str)> = f
            .words
            .windows(2)
            .map(|p| (p[0].as_str(), p[1].as_str()))
            .collect();
        pairs.sort_by(|a, b| pair_df[a].cmp(&pair_df[b]).then(a.cmp(b)));
        pairs.dedup();
        keys.extend(
            pairs
                .into_iter()
                .filter(|p| pair_df[p] > 1)
                .take(RARE_PAIRS)
                .map(|p| hash64(&("p", p))),
        );
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            postings.entry(k).or_default().push(i);
        }
    }
    // Candidates: pairs sharing a usable key (sorted and deduplicated: far
    // cheaper than a hash set at a million pairs).
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for list in postings.values() {
        if list.len() < 2 || list.len() > MAX_POSTING {
            continue;
        }
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if document_of[a] != document_of[b] {
                    candidates.push((a.min(b) as u32, a.max(b) as u32));
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let candidates_scored = candidates.len();
    let (prepared, weights) = prepare(features, &idf);
    use rayon::prelude::*;
    let mut links: Vec<(usize, usize, Link)> = candidates
        .par_iter()
        .filter_map(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            score_prepared(
                &features[a],
                &features[b],
                &prepared[a],
                &prepared[b],
                &weights,
            )
            .map(|l| (a, b, l))
        })
        .collect();
    links.sort_by(|x, y| {
        y.2.strength()
            .total_cmp(&x.2.strength())
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    let matched: HashSet<(usize, usize)> = links.iter().map(|(a, b, _)| (*a, *b)).collect();
    // Strongest first; merge two groups when most pairs across them match.
    let mut sets = Sets::new(n);
    let mut members: HashMap<usize, Vec<usize>> = (0..n)
        .filter(|&i| is_rep(i))
        .map(|i| (i, vec![i]))
        .collect();
    let mut kept = Vec::new();
    // A rejected merge stays rejected until either group changes: without
    // this, every link between two large groups would recount all pairs.
    let mut version: HashMap<usize, u32> = HashMap::new();
    let mut rejected: HashMap<(usize, usize), (u32, u32)> = HashMap::new();
    for (a, b, link) in links {
        let (ra, rb) = (sets.find(a), sets.find(b));
        if ra == rb {
            kept.push((a, b, link));
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
        let (ma, mb) = (&members[&ra], &members[&rb]);
        let mut across = 0usize;
        let mut total = 0usize;
        for &x in ma {
            for &y in mb {
                if document_of[x] != document_of[y] {
                    total += 1;
                    across += usize::from(matched.contains(&(x.min(y), x.max(y))));
                }
            }
        }
        if total == 0 || across as f64 / total as f64 >= LINKAGE {
            sets.union(a, b);
            let root = sets.find(a);
            let mut merged = members.remove(&ra).unwrap_or_default();
            merged.extend(members.remove(&rb).unwrap_or_default());
            members.insert(root, merged);
            *version.entry(root).or_default() += 1;
            kept.push((a, b, link));
        } else {
            rejected.insert(key, versions);
        }
    }
    let cluster_of = (0..n).map(|i| sets.find(representative[i])).collect();
    Matching {
        cluster_of,
        links: kept,
        candidates_scored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features_of(words: &[&str], values: &[u64]) -> Features {
        let mut f = Features {
            words: words.iter().map(|w| w.to_string()).collect(),
            values: values.iter().copied().collect(),
            entities: ["e:x".to_owned()].into_iter().collect(),
            ..Default::default()
        };
        for w in f.words.windows(3) {
            f.shingles.insert(hash64(&w));
        }
        f
    }

    #[test]
    fn the_fast_scorer_agrees_with_the_plain_one() {
        let idf: HashMap<&str, f64> = [("killed", 2.0), ("tripoli", 3.0), ("people", 0.5)]
            .into_iter()
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
}

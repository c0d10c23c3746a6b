//! Text reuse between documents: an uncredited copy of a wire story shares
//! most of its passages with a credited copy. Passages are hashed word
//! 5-grams; documents meet through an inverted index whose overly common
//! passages (boilerplate in more than `MAX_POSTING` documents) are skipped,
//! so the cost grows with the corpus, not with its square.

use super::Reuse;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// A document shares at least this share of its passages with another to
/// count as a copy of it.
pub const MIN_CONTAINMENT: f64 = 0.5;
const MIN_SHARED: usize = 8;
const MAX_POSTING: usize = 64;

/// The hashed word 5-grams of a text (lower case, punctuation dropped).
pub fn passages(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out: Vec<u64> = words
        .windows(5)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Pairs of documents where one's passages are largely found in the other:
/// `document_id` is the smaller (the copy), `source_document_id` the larger.
pub fn find(ids: &[i64], passages: &[&[u64]]) -> Vec<Reuse> {
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (doc, list) in passages.iter().enumerate() {
        for p in *list {
            postings.entry(*p).or_default().push(doc as u32);
        }
    }
    let mut shared: HashMap<(u32, u32), usize> = HashMap::new();
    for docs in postings.values() {
        if docs.len() < 2 || docs.len() > MAX_POSTING {
            continue;
        }
        for (x, &a) in docs.iter().enumerate() {
            for &b in &docs[x + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut out = Vec::new();
    for ((a, b), n) in shared {
        let (la, lb) = (passages[a as usize].len(), passages[b as usize].len());
        let containment = n as f64 / la.min(lb).max(1) as f64;
        if n >= MIN_SHARED && containment >= MIN_CONTAINMENT {
            let (copy, source) = if la <= lb { (a, b) } else { (b, a) };
            out.push(Reuse {
                document_id: ids[copy as usize],
                source_document_id: ids[source as usize],
                containment: (containment * 1000.0).round() / 1000.0,
                shared_passages: n,
            });
        }
    }
    out.sort_by_key(|r| (r.document_id, r.source_document_id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trimmed_copy_is_found_and_unrelated_text_is_not() {
        let wire = "HELSINKI (AP) — President Donald Trump and Russian President Vladimir Putin met for more than two hours on Monday in the Finnish capital, their first formal summit, as questions about election interference loomed over the talks and allies watched closely.";
        let copy = format!("Local news. {}", &wire[17..180]);
        let other = "The city council approved a new budget for road repairs and school buildings after a long debate on Tuesday evening in the town hall.";
        let p: Vec<Vec<u64>> = [wire, copy.as_str(), other]
            .iter()
            .map(|t| passages(t))
            .collect();
        let refs: Vec<&[u64]> = p.iter().map(Vec::as_slice).collect();
        let found = find(&[1, 2, 3], &refs);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].document_id, found[0].source_document_id), (2, 1));
        assert!(found[0].containment > 0.8, "{found:?}");
    }
}

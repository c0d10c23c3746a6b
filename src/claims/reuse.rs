//! Text reuse between documents: an uncredited copy of a wire story shares
//! most of its passages with a credited copy. Passages are hashed word
//! 5-grams. Documents meet through an inverted index of their *anchors*,
//! the passages whose hash is a multiple of `ANCHOR_EVERY` (the same
//! passages in every document, so two copies share the same anchors);
//! anchors so common that they are boilerplate (in more than `MAX_POSTING`
//! documents) are skipped, so the cost grows with the corpus, not with its
//! square. Each pair that shares an anchor is then measured exactly on all
//! its passages.

use super::Reuse;
use super::hash;
use rayon::prelude::*;

/// A document shares at least this share of its passages with another to
/// count as a copy of it.
pub const MIN_CONTAINMENT: f64 = 0.5;
const MIN_SHARED: usize = 8;
const MAX_POSTING: usize = 64;
/// One passage in this many is an anchor: a copy sharing the 8 passages
/// `MIN_SHARED` asks for is found with probability 1 - (7/8)^8 = 0.66, one
/// sharing 40 with 0.995; real copies share hundreds.
const ANCHOR_EVERY: u64 = 8;

/// The hashed word 5-grams of a text (lower case, punctuation dropped).
pub fn passages(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| hash::text(&w.to_lowercase()))
        .collect();
    let mut out: Vec<u64> = words
        .windows(5)
        .map(|w| w.iter().fold(5, |h, x| hash::mix(h, *x)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Pairs of documents where one's passages are largely found in the other:
/// `document_id` is the smaller (the copy), `source_document_id` the larger.
pub fn find(ids: &[i64], passages: &[&[u64]]) -> Vec<Reuse> {
    let mut anchors: Vec<(u64, u32)> = passages
        .iter()
        .enumerate()
        .flat_map(|(doc, list)| {
            list.iter()
                .filter(|p| *p % ANCHOR_EVERY == 0)
                .map(move |p| (*p, doc as u32))
        })
        .collect();
    anchors.sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for docs in anchors.chunk_by(|a, b| a.0 == b.0) {
        if docs.len() < 2 || docs.len() > MAX_POSTING {
            continue;
        }
        for (x, a) in docs.iter().enumerate() {
            for b in &docs[x + 1..] {
                pairs.push((a.1, b.1));
            }
        }
    }
    drop(anchors);
    pairs.par_sort_unstable();
    // How many anchors each pair shares; a pair whose share of anchors is
    // far below the threshold is not measured (with 40 anchors or more, a
    // true copy falls below 0.3 with probability under 1%).
    let anchor_count = |list: &[u64]| list.iter().filter(|p| *p % ANCHOR_EVERY == 0).count();
    let anchor_counts: Vec<usize> = passages.iter().map(|l| anchor_count(l)).collect();
    let pairs: Vec<(u32, u32)> = pairs
        .chunk_by(|a, b| a == b)
        .filter(|run| {
            let (a, b) = run[0];
            let fewer = anchor_counts[a as usize].min(anchor_counts[b as usize]);
            fewer < 40 || run.len() as f64 >= 0.3 * fewer as f64
        })
        .map(|run| run[0])
        .collect();
    let mut out: Vec<Reuse> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let (pa, pb) = (passages[a as usize], passages[b as usize]);
            let n = hash::shared_sorted(pa, pb);
            let containment = n as f64 / pa.len().min(pb.len()).max(1) as f64;
            if n < MIN_SHARED || containment < MIN_CONTAINMENT {
                return None;
            }
            let (copy, source) = if pa.len() <= pb.len() { (a, b) } else { (b, a) };
            Some(Reuse {
                document_id: ids[copy as usize],
                source_document_id: ids[source as usize],
                containment: (containment * 1000.0).round() / 1000.0,
                shared_passages: n,
            })
        })
        .collect();
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

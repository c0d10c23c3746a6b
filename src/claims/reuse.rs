//! Text reuse between documents: an uncredited copy of a wire story shares
//! most of its passages with a credited copy. Passages are hashed word
//! 5-grams. Documents meet through an inverted index of their *anchors*,
//! the passages whose hash is a multiple of `ANCHOR_EVERY` (the same
//! passages in every document, so two copies share the same anchors).
//! An anchor held by more than `MAX_POSTING` documents (a wire story on
//! hundreds of sites, or boilerplate) pairs each of them only with its
//! `WINDOW` nearest in size, so the cost grows with the corpus, not with
//! its square, while every copy still meets copies of its own length.
//! Each pair that shares an anchor is then measured exactly on all its
//! passages.

use super::Reuse;
use super::hash;
use rayon::prelude::*;

/// A document shares at least this share of its passages with another to
/// count as a copy of it.
pub const MIN_CONTAINMENT: f64 = 0.5;
const MIN_SHARED: usize = 8;
const MAX_POSTING: usize = 64;
/// In a larger posting list, how many of the next documents by size each
/// one is paired with.
const WINDOW: usize = 32;
/// One passage in this many is an anchor: a copy sharing the 8 passages
/// `MIN_SHARED` asks for is found with probability 1 - (7/8)^8 = 0.66, one
/// sharing 40 with 0.995; real copies share hundreds.
const ANCHOR_EVERY: u64 = 8;

/// The signature line under an embedded social-media post: a dash, the
/// author, the handle in parentheses, the day.
static POST_SIGNATURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*[—–-]\s*[^\n(]{1,80}\(@\w{1,30}\)\s*\p{L}{3,9}\.? \d{1,2}, \d{4}\s*$")
        .expect("valid")
});

/// The parts of a text that are its own words, each within one paragraph:
/// quotations and embedded posts left out. Two pages quoting the same
/// tweets or the same statement have not copied each other (seen on
/// Helsinki: a short page of two quoted Trump tweets took CNN's origin from
/// a CNN story quoting them, and 13 pages quoting the same tweets took it
/// from that page). An embedded post is a quotation too: the lines before
/// its signature (`— Donald J. Trump (@realDonaldTrump) July 16, 2018`).
pub fn own_parts(text: &str) -> Vec<&str> {
    let paragraphs: Vec<&str> = text.split('\n').filter(|p| !p.trim().is_empty()).collect();
    let mut embedded = vec![false; paragraphs.len()];
    for (i, p) in paragraphs.iter().enumerate() {
        if POST_SIGNATURE.is_match(p) {
            embedded[i] = true;
            if i > 0 {
                embedded[i - 1] = true;
            }
        }
    }
    paragraphs
        .iter()
        .zip(&embedded)
        .filter(|(_, e)| !**e)
        .flat_map(|(paragraph, _)| super::independence::outside_quotations(paragraph))
        .filter(|part| !part.trim().is_empty())
        .collect()
}

/// What a reuse engine elsewhere reads of a text (`export --format jsonl`'s
/// `reuse_text`, which `scripts/spark/reuse.py` reads): its own parts, one
/// a line. Passages are the 5-word runs within a line.
pub fn own_text(text: &str) -> String {
    own_parts(text).join("\n")
}

/// The hashed word 5-grams of a text's own words ([`own_parts`]; lower
/// case, punctuation dropped). A passage never spans a quotation.
pub fn passages(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    let mut words: Vec<u64> = Vec::new();
    for part in own_parts(text) {
        words.clear();
        words.extend(
            part.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| hash::text(&w.to_lowercase())),
        );
        out.extend(
            words
                .windows(5)
                .map(|w| w.iter().fold(5, |h, x| hash::mix(h, *x))),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Pairs of documents where one's passages are largely found in the other:
/// `document_id` is the smaller (the copy), `source_document_id` the larger.
pub fn find(ids: &[i64], passages: &[&[u64]]) -> Vec<Reuse> {
    find_in(ids, passages, MAX_POSTING).0
}

/// [`find`], and the pairs measured that share fewer passages than a copy
/// but at least [`PART_MIN_SHARED`]: (one document, the other, the passages
/// they share), the smaller id first.
pub fn find_with_parts(ids: &[i64], passages: &[&[u64]]) -> (Vec<Reuse>, Vec<(i64, i64, usize)>) {
    find_in(ids, passages, MAX_POSTING)
}

/// Passages of their own words two documents share at least, outside
/// quotations, for a sentence one tells word for word as the other to
/// make them one text in part (`independence::judge`): a passage is five
/// words, so sixteen are a run of twenty words at the least.
pub const PART_MIN_SHARED: usize = 16;

/// [`find`] measuring every pair that shares an anchor, however many
/// documents hold it: the reference the benchmarks hold [`find`] and the
/// Spark job against (its cost grows with the square of a posting list).
pub fn find_every_pair(ids: &[i64], passages: &[&[u64]]) -> Vec<Reuse> {
    find_in(ids, passages, usize::MAX).0
}

fn find_in(
    ids: &[i64],
    passages: &[&[u64]],
    max_posting: usize,
) -> (Vec<Reuse>, Vec<(i64, i64, usize)>) {
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
    let mut pairs = PairCounts::default();
    let mut by_size: Vec<u32> = Vec::new();
    for docs in anchors.chunk_by(|a, b| a.0 == b.0) {
        if docs.len() < 2 {
            continue;
        }
        if docs.len() <= max_posting {
            for (x, a) in docs.iter().enumerate() {
                for b in &docs[x + 1..] {
                    pairs.push((a.1, b.1));
                }
            }
            continue;
        }
        // A copy and its source differ in length by what was trimmed or
        // added: neighbours by size (ties by order) are the likely pairs.
        // Every window of the same posting list is the same, so boilerplate
        // anchors shared by the same documents add no new pairs.
        by_size.clear();
        by_size.extend(docs.iter().map(|d| d.1));
        by_size.sort_unstable_by_key(|&d| (passages[d as usize].len(), d));
        for (x, &a) in by_size.iter().enumerate() {
            for &b in by_size[x + 1..].iter().take(WINDOW) {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    drop(anchors);
    // How many anchors each pair shares; a pair whose share of anchors is
    // far below the threshold is not measured (with 40 anchors or more, a
    // true copy falls below 0.3 with probability under 1%).
    let anchor_count = |list: &[u64]| list.iter().filter(|p| *p % ANCHOR_EVERY == 0).count();
    let anchor_counts: Vec<usize> = passages.iter().map(|l| anchor_count(l)).collect();
    let pairs: Vec<(u32, u32)> = pairs
        .finish()
        .into_iter()
        .filter(|&(a, b, shared)| {
            let fewer = anchor_counts[a as usize].min(anchor_counts[b as usize]);
            fewer < 40 || shared as f64 >= 0.3 * fewer as f64
        })
        .map(|(a, b, _)| (a, b))
        .collect();
    use rayon::iter::Either;
    let (mut out, mut parts): (Vec<Reuse>, Vec<(i64, i64, usize)>) = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let (pa, pb) = (passages[a as usize], passages[b as usize]);
            let n = hash::shared_sorted(pa, pb);
            let containment = n as f64 / pa.len().min(pb.len()).max(1) as f64;
            if n < MIN_SHARED || containment < MIN_CONTAINMENT {
                let (x, y) = (ids[a as usize], ids[b as usize]);
                return (n >= PART_MIN_SHARED).then_some(Either::Right((x.min(y), x.max(y), n)));
            }
            let (copy, source) = if pa.len() <= pb.len() { (a, b) } else { (b, a) };
            Some(Either::Left(Reuse {
                document_id: ids[copy as usize],
                source_document_id: ids[source as usize],
                containment: (containment * 1000.0).round() / 1000.0,
                shared_passages: n,
            }))
        })
        .partition_map(|x| x);
    out.sort_by_key(|r| (r.document_id, r.source_document_id));
    parts.sort_unstable();
    (out, parts)
}

/// Pairs of documents met through shared anchors, with how many anchors
/// each pair shares. A pair is met once an anchor it shares, so the pairs
/// are counted a bounded batch at a time, not held one entry an anchor
/// until the end (at 100,000 generated documents that list took 1.2 GiB
/// for 3.1 million pairs).
struct PairCounts {
    /// Distinct pairs so far, sorted, with their counts.
    counted: Vec<(u32, u32, u32)>,
    /// Pairs met since, one entry a shared anchor.
    batch: Vec<(u32, u32)>,
    /// How many the batch holds before it is counted.
    limit: usize,
}

impl Default for PairCounts {
    fn default() -> Self {
        PairCounts {
            counted: Vec::new(),
            batch: Vec::new(),
            limit: PAIR_BATCH,
        }
    }
}

/// How many pairs [`PairCounts`] holds before counting them (128 MiB).
const PAIR_BATCH: usize = 1 << 24;

impl PairCounts {
    fn push(&mut self, pair: (u32, u32)) {
        self.batch.push(pair);
        if self.batch.len() >= self.limit {
            self.fold();
        }
    }

    /// Counts the batch into the pairs so far.
    fn fold(&mut self) {
        self.batch.par_sort_unstable();
        let runs = self
            .batch
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0].0, run[0].1, run.len() as u32));
        let before = std::mem::take(&mut self.counted);
        let mut merged = Vec::with_capacity(before.len());
        let mut before = before.into_iter().peekable();
        for (a, b, n) in runs {
            while let Some(x) = before.next_if(|x| (x.0, x.1) < (a, b)) {
                merged.push(x);
            }
            match before.next_if(|x| (x.0, x.1) == (a, b)) {
                Some(x) => merged.push((a, b, x.2 + n)),
                None => merged.push((a, b, n)),
            }
        }
        merged.extend(before);
        self.counted = merged;
        self.batch.clear();
    }

    /// Every pair met, sorted, with the anchors it shares.
    fn finish(mut self) -> Vec<(u32, u32, u32)> {
        self.fold();
        self.counted
    }
}

/// The fewest claims two documents must share, in the same order, for one to
/// be taken as a rewrite of the other.
const REWRITE_MIN_SHARED: usize = 3;
/// The share of the smaller document's claims that must be in the other.
const REWRITE_MIN_SHARE: f64 = 0.5;
/// Claims shared by more documents than this say little about any pair.
const REWRITE_MAX_DOCUMENTS: usize = 64;

/// Documents telling the same claims in the same order as another: a
/// rewrite, a trimmed copy or a machine translation back into English, which
/// share too few word sequences for [`find`]. Found through the claim
/// clusters: `claims` is (document, place in its text, cluster) for every
/// claim. Pairs already in `known` are left out. Only pairs sharing a
/// cluster are compared, and clusters held by many documents are skipped,
/// so the cost stays near-linear. Of two documents telling as many claims,
/// the one `before` puts first is taken for the source (the caller orders
/// by path: ids follow the ingest order, which threads decide).
pub fn rewrites(
    claims: &[(i64, usize, usize)],
    known: &[Reuse],
    before: impl Fn(i64, i64) -> bool + Sync,
) -> Vec<Reuse> {
    use std::collections::{BTreeMap, HashMap, HashSet};
    let mut by_doc: BTreeMap<i64, Vec<(usize, usize)>> = BTreeMap::new();
    for &(doc, at, cluster) in claims {
        by_doc.entry(doc).or_default().push((at, cluster));
    }
    // Each document's clusters in text order, each once.
    let order: HashMap<i64, Vec<usize>> = by_doc
        .into_iter()
        .map(|(doc, mut v)| {
            v.sort_unstable();
            let mut seen = HashSet::new();
            (
                doc,
                v.into_iter()
                    .map(|(_, c)| c)
                    .filter(|c| seen.insert(*c))
                    .collect(),
            )
        })
        .collect();
    let mut docs_of: HashMap<usize, Vec<i64>> = HashMap::new();
    for (&doc, clusters) in &order {
        for &c in clusters {
            docs_of.entry(c).or_default().push(doc);
        }
    }
    let mut shared: HashMap<(i64, i64), usize> = HashMap::new();
    for docs in docs_of.values_mut() {
        if docs.len() < 2 || docs.len() > REWRITE_MAX_DOCUMENTS {
            continue;
        }
        docs.sort_unstable();
        for (i, &a) in docs.iter().enumerate() {
            for &b in &docs[i + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let linked: HashSet<(i64, i64)> = known
        .iter()
        .map(|r| {
            let (a, b) = (r.document_id, r.source_document_id);
            (a.min(b), a.max(b))
        })
        .collect();
    let mut out: Vec<Reuse> = shared
        .into_iter()
        .filter(|&(pair, n)| n >= REWRITE_MIN_SHARED && !linked.contains(&pair))
        .filter_map(|((a, b), n)| {
            let (oa, ob) = (&order[&a], &order[&b]);
            let a_is_copy = match oa.len().cmp(&ob.len()) {
                std::cmp::Ordering::Less => true,
                std::cmp::Ordering::Greater => false,
                std::cmp::Ordering::Equal => before(b, a),
            };
            let (copy, source, small, large) = if a_is_copy {
                (a, b, oa, ob)
            } else {
                (b, a, ob, oa)
            };
            let share = n as f64 / small.len() as f64;
            if share < REWRITE_MIN_SHARE {
                return None;
            }
            // The same facts in the same order: most shared claims keep
            // their sequence (a longest common subsequence of the two).
            let in_large: HashSet<usize> = large.iter().copied().collect();
            let in_small: HashSet<usize> = small.iter().copied().collect();
            let xs: Vec<usize> = small
                .iter()
                .copied()
                .filter(|c| in_large.contains(c))
                .collect();
            let ys: Vec<usize> = large
                .iter()
                .copied()
                .filter(|c| in_small.contains(c))
                .collect();
            if xs.len() > 400 {
                return None;
            }
            let mut row = vec![0usize; ys.len() + 1];
            for x in &xs {
                let mut diag = 0;
                for (j, y) in ys.iter().enumerate() {
                    let up = row[j + 1];
                    row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
                    diag = up;
                }
            }
            let in_order = row[ys.len()];
            (in_order * 5 >= n * 4).then_some(Reuse {
                document_id: copy,
                source_document_id: source,
                containment: share,
                shared_passages: n,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.document_id, a.source_document_id).cmp(&(b.document_id, b.source_document_id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // Which pairs are measured depends on these counts: a pair miscounted
        // across two batches is a copy missed or a pair measured for nothing.
        #[test]
        fn pairs_counted_in_batches_are_counted_as_at_once(
            met in proptest::collection::vec((0u32..12, 0u32..12), 0..200),
            limit in 1usize..50,
        ) {
            let mut counts = PairCounts { limit, ..PairCounts::default() };
            let mut plain = std::collections::BTreeMap::new();
            for &pair in &met {
                counts.push(pair);
                *plain.entry(pair).or_insert(0u32) += 1;
            }
            let plain: Vec<(u32, u32, u32)> =
                plain.into_iter().map(|((a, b), n)| (a, b, n)).collect();
            proptest::prop_assert_eq!(counts.finish(), plain);
        }
    }

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

    /// A wire story on more sites than one anchor's posting list holds:
    /// every copy still meets others (before, anchors held by more than 64
    /// documents were skipped, and 59% of the copy pairs of a generated
    /// 10,000-document corpus were lost, found by the Spark job), and the
    /// pairs measured stay near-linear in the number of copies.
    #[test]
    fn a_story_on_a_hundred_sites_links_every_copy_in_linear_pairs() {
        let wire = "HELSINKI (AP) — President Donald Trump and Russian President Vladimir Putin met for more than two hours on Monday in the Finnish capital, their first formal summit, as questions about election interference loomed over the talks and allies watched closely. Both leaders said the talks had been useful and that they would meet again, while critics at home said the president had been too soft on Moscow over the hacking of the election.";
        let copies: Vec<String> = (0..100)
            .map(|i| {
                let masthead = "Local news and weather for the valley. ".repeat(i % 7);
                format!("{masthead}Site {i}.\n\n{wire}")
            })
            .collect();
        let mut p: Vec<Vec<u64>> = copies.iter().map(|t| passages(t)).collect();
        p.push(passages(
            "The city council approved a new budget for road repairs and school buildings after a long debate on Tuesday evening in the town hall.",
        ));
        let refs: Vec<&[u64]> = p.iter().map(Vec::as_slice).collect();
        let ids: Vec<i64> = (1..=101).collect();
        let found = find(&ids, &refs);
        let linked: std::collections::HashSet<i64> = found
            .iter()
            .flat_map(|r| [r.document_id, r.source_document_id])
            .collect();
        assert_eq!(linked.len(), 100, "every copy, and not the unrelated page");
        assert!(!linked.contains(&101));
        assert!(found.len() <= 100 * WINDOW, "{}", found.len());
        assert!(found.iter().all(|r| r.containment > 0.6));
    }

    /// Seen on Helsinki: pages quoting the same posts had "copied" one
    /// another. Quoted words and embedded posts are no passage of the page.
    #[test]
    fn pages_quoting_the_same_posts_have_not_copied_each_other() {
        let post = "Our relationship with Russia has NEVER been worse thanks to many years of U.S. foolishness and stupidity and now, the Rigged Witch Hunt!";
        let quoting = format!(
            "The president took to Twitter early on Monday. \u{201c}{post}\u{201d} Trump tweeted, hours before the summit began."
        );
        let embedding = format!(
            "Critics answered within minutes.\n\n{post}\n\n\u{2014} Donald J. Trump (@realDonaldTrump) July 16, 2018\n\nThe White House did not comment."
        );
        let words = passages(post);
        assert!(!words.is_empty());
        for page in [&quoting, &embedding] {
            let own = passages(page);
            assert!(!own.is_empty(), "{page}");
            assert!(own.iter().all(|x| !words.contains(x)), "{page}");
        }
        let p: Vec<Vec<u64>> = [quoting.as_str(), embedding.as_str()]
            .iter()
            .map(|t| passages(t))
            .collect();
        assert!(p[1].iter().all(|x| !p[0].contains(x)), "nothing shared");
        let refs: Vec<&[u64]> = p.iter().map(Vec::as_slice).collect();
        assert!(find(&[1, 2], &refs).is_empty());
    }

    /// (document, place, cluster) for claims in that order.
    fn placed(docs: &[(i64, &[usize])]) -> Vec<(i64, usize, usize)> {
        docs.iter()
            .flat_map(|(d, clusters)| {
                clusters
                    .iter()
                    .enumerate()
                    .map(move |(i, c)| (*d, i * 100, *c))
            })
            .collect()
    }

    #[test]
    fn a_rewrite_tells_the_same_claims_in_the_same_order() {
        // 2 holds four of 1's six claims, in order, plus one of its own.
        let found = rewrites(
            &placed(&[(1, &[10, 11, 12, 13, 14, 15]), (2, &[10, 12, 99, 13, 15])]),
            &[],
            |a, b| a < b,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].document_id, found[0].source_document_id), (2, 1));
        assert_eq!(found[0].shared_passages, 4);
        assert!((found[0].containment - 0.8).abs() < 1e-9);
    }

    /// Two documents telling the same claims, as many each: which is the
    /// source is the caller's order (by path), never the ids, which follow
    /// the order files were ingested in.
    #[test]
    fn of_two_rewrites_as_long_the_first_in_the_callers_order_is_the_source() {
        let docs = placed(&[(1, &[10, 11, 12, 13]), (2, &[10, 11, 12, 13])]);
        for (first, copy) in [(1, 2), (2, 1)] {
            let found = rewrites(&docs, &[], |a, b| (a != first, a) < (b != first, b));
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(
                (found[0].document_id, found[0].source_document_id),
                (copy, first)
            );
        }
    }

    #[test]
    fn shared_claims_out_of_order_or_too_few_are_no_rewrite() {
        // The same four facts, told in another order: an independent report.
        let shuffled = rewrites(
            &placed(&[(1, &[10, 11, 12, 13]), (2, &[13, 11, 10, 12])]),
            &[],
            |a, b| a < b,
        );
        assert!(shuffled.is_empty(), "{shuffled:?}");
        // Two shared claims are not enough.
        let few = rewrites(&placed(&[(1, &[10, 11]), (2, &[10, 11])]), &[], |a, b| {
            a < b
        });
        assert!(few.is_empty(), "{few:?}");
        // A pair text reuse already linked is not linked twice.
        let known = [Reuse {
            document_id: 2,
            source_document_id: 1,
            containment: 0.9,
            shared_passages: 9,
        }];
        let again = rewrites(
            &placed(&[(1, &[10, 11, 12]), (2, &[10, 11, 12])]),
            &known,
            |a, b| a < b,
        );
        assert!(again.is_empty(), "{again:?}");
    }
}

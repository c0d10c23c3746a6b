//! Fast, deterministic hashing for the claims stage: word and passage keys
//! that are the same on every run and every machine, and a hasher for maps
//! keyed by them. SipHash (the standard library's) is built to resist
//! adversarial keys, which these are not, and was a third of the matching
//! time at 10,000 documents.

use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Mixes two 64-bit values into one well-spread value.
pub fn mix(a: u64, b: u64) -> u64 {
    // The finaliser of SplitMix64 over a combination of both.
    let mut z = a.rotate_left(23) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A 64-bit hash of a string (FNV-1a, then mixed).
pub fn text(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    mix(h, s.len() as u64)
}

/// The FxHash mixing step (as in rustc): fast for keys that are already
/// hashes or small integers.
#[derive(Clone, Copy, Default)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(SEED);
    }

    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<Fx>;
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
pub type FxHashSet<K> = std::collections::HashSet<K, FxBuild>;

/// Whether two sorted slices share no element.
pub fn disjoint_sorted<T: Ord>(a: &[T], b: &[T]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return false,
        }
    }
    true
}

/// How many elements two sorted, deduplicated slices share.
///
/// Written without a branch on the comparison: which list moves on is as
/// good as random, and a mispredicted branch per element was most of the
/// time matching and text reuse spent here.
pub fn shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    // Needing none, the early stop is never taken (and compiled away).
    shared_at_least(a, b, 0).unwrap_or_default()
}

/// [`shared_sorted`] when it is at least `needed`, else `None`: decided
/// as soon as even every element left in the shorter list would not make
/// the count.
pub fn shared_at_least<T: Ord>(a: &[T], b: &[T], needed: usize) -> Option<usize> {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        if n + (a.len() - i).min(b.len() - j) < needed {
            return None;
        }
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    (n >= needed).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_across_runs() {
        // Stored fingerprints and cached analyses depend on these values.
        assert_eq!(text("putin"), text("putin"));
        assert_ne!(text("putin"), text("trump"));
        assert_eq!(mix(1, 2), mix(1, 2));
        assert_ne!(mix(1, 2), mix(2, 1));
    }

    /// The count two sorted lists share, the plain way.
    fn shared_by_set(a: &[u64], b: &[u64]) -> usize {
        let b: std::collections::HashSet<_> = b.iter().collect();
        a.iter().filter(|x| b.contains(x)).count()
    }

    proptest::proptest! {
        // Text reuse and claim matching decide on these counts: a wrong
        // count joins or splits copies.
        #[test]
        fn shared_elements_are_counted_as_a_set_would(
            a in proptest::collection::btree_set(0u64..60, 0..40),
            b in proptest::collection::btree_set(0u64..60, 0..40),
            needed in 0usize..45,
        ) {
            let (a, b): (Vec<u64>, Vec<u64>) = (a.into_iter().collect(), b.into_iter().collect());
            let n = shared_by_set(&a, &b);
            proptest::prop_assert_eq!(shared_sorted(&a, &b), n);
            proptest::prop_assert_eq!(shared_sorted(&b, &a), n);
            proptest::prop_assert_eq!(shared_at_least(&a, &b, needed), (n >= needed).then_some(n));
        }
    }
}

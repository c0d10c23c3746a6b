#!/usr/bin/env python3
"""The peer for `bench peer`: near-duplicate document clustering of a corpus
folder with datasketch's MinHash LSH, as a user would run it instead.

Each document is the set of its lower-cased word 5-grams (the passages
provaudit's text reuse uses); documents whose estimated Jaccard similarity
passes --threshold meet in the LSH index, and connected components of those
pairs are the clusters. Prints one JSON object: the clusters (file names)
and the time spent in MinHash and LSH, separate from reading the files.

    python3 scripts/peer_minhash.py CORPUS [--threshold 0.3] [--perm 128]

Needs `pip install datasketch` (scripts/bench makes a venv for it).
"""
import argparse
import json
import os
import re
import sys
import time

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"[^\W_]+")


def shingles(text):
    words = [w.lower() for w in WORD.findall(text)]
    return {" ".join(words[i:i + 5]).encode() for i in range(len(words) - 4)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--perm", type=int, default=128)
    args = ap.parse_args()

    started = time.perf_counter()
    names = sorted(n for n in os.listdir(args.corpus) if not n.startswith("."))
    sets = []
    for name in names:
        with open(os.path.join(args.corpus, name), encoding="utf-8", errors="replace") as f:
            sets.append(shingles(f.read()))
    read_s = time.perf_counter() - started

    started = time.perf_counter()
    signatures = []
    for s in sets:
        m = MinHash(num_perm=args.perm, seed=1)
        m.update_batch(list(s))
        signatures.append(m)
    minhash_s = time.perf_counter() - started

    started = time.perf_counter()
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.perm)
    for i, m in enumerate(signatures):
        lsh.insert(i, m)
    parent = list(range(len(names)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = 0
    for i, m in enumerate(signatures):
        for j in lsh.query(m):
            if j != i and m.jaccard(signatures[j]) >= args.threshold:
                pairs += 1
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups = {}
    for i in range(len(names)):
        groups.setdefault(find(i), []).append(names[i])
    lsh_s = time.perf_counter() - started

    json.dump(
        {
            "documents": len(names),
            "threshold": args.threshold,
            "num_perm": args.perm,
            "pairs": pairs // 2,
            "clusters": [g for g in groups.values() if len(g) > 1],
            "read_s": read_s,
            "minhash_s": minhash_s,
            "lsh_s": lsh_s,
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

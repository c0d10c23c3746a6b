#!/usr/bin/env python3
"""Claims that overstate independence, judged by a labelled set.

    scripts/overcount.py AUDIT.json LABELS.json

AUDIT.json is `provaudit audit --json` of a copy of the set whose files are
named NN_doc.txt (NN: the first two characters of each labelled file name);
LABELS.json is the set's labels, each document with its `source_group`: who
produced its text, as the labeller established it. A claim overstates
independence when two of its known origins hold documents of one labelled
producer: one text counted as two sources. Prints each such claim and their
number; exits 0 either way (a measure, not a test).
"""
import json
import sys


def main(audit_path, labels_path):
    with open(audit_path, encoding="utf-8") as fh:
        audit = json.load(fh)
    with open(labels_path, encoding="utf-8") as fh:
        labels = json.load(fh)
    producer = {
        d["file"][:2] + "_doc.txt": d.get("source_group") for d in labels["documents"]
    }
    over = 0
    for cluster in audit["clusters"]:
        if cluster["independent_origins"] < 2:
            continue
        groups_of = {}
        for group in cluster["origin_groups"]:
            if group["group"].startswith("document:"):
                continue
            for p in {producer.get(path) for path in group["documents"]}:
                if p:
                    groups_of.setdefault(p, []).append(group["name"])
        for p, names in sorted(groups_of.items()):
            if len(names) > 1:
                over += 1
                print(f"  - {cluster['id']}: {p}'s text counted as {len(names)} origins ({'; '.join(names)})")
    print(f"claims counting one producer's text as several origins: {over}")


if __name__ == "__main__":
    main(*sys.argv[1:3])

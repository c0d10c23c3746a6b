#!/usr/bin/env python3
"""Document-level text reuse on a Spark cluster, for `provaudit import reuse`.

Reads what `provaudit export --format jsonl` wrote (passim's input shape:
`id`, `series`, `date`, `text`, plus provaudit's `sha256` and `reuse_text`)
and finds the pairs of documents where one's passages are largely in the
other, as provaudit's own reuse step does:

  * passages are the word 5-grams of each line of `reuse_text` (the cleaned
    article's own words: quotations and embedded posts left out), lower
    case, punctuation dropped; `text` is read when `reuse_text` is absent;
  * candidates come from Spark MLlib's MinHashLSH over the sets of passages:
    pairs that share a min-hash in any of --hash-tables tables (a bucket of
    more than --max-bucket documents, boilerplate, is left out);
  * each candidate is measured exactly: it is a pair when the documents
    share at least 8 passages and at least half of the smaller one's.

The smaller document of a pair is the copy (`document`), the larger its
`source`. The output is JSON Lines in a folder of part files: one line
naming the engine, one `{"read", "sha256"}` line per document read (so the
import knows which documents the job covered, and with which bytes), and
one line per pair. `provaudit import reuse OUTPUT_FOLDER CORPUS` loads it.

On a cluster:

    spark-submit --master spark://HOST:7077 scripts/spark/reuse.py \\
        hdfs:///corpus.jsonl hdfs:///reuse-pairs

On one machine: `python3 scripts/spark/reuse.py --master 'local[2]' IN OUT`
(pyspark from PyPI and a Java runtime).
"""

import argparse
import os
import sys

ENGINE = "scripts/spark/reuse.py 1"
# The native step's thresholds (src/claims/reuse.rs).
MIN_SHARED = 8
MIN_CONTAINMENT = 0.5


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="provaudit export --format jsonl output (file, folder or glob)")
    parser.add_argument("output", help="folder to write the pairs to (must not exist)")
    parser.add_argument("--master", help="Spark master (default: as spark-submit sets it)")
    parser.add_argument(
        "--hash-tables",
        type=int,
        default=40,
        help="MinHashLSH tables: more find copies of a few passages in long documents more surely, at more cost (default 40)",
    )
    parser.add_argument("--seed", type=int, default=1, help="MinHashLSH seed (default 1)")
    parser.add_argument(
        "--max-bucket",
        type=int,
        default=1000,
        help="leave out min-hash buckets of more documents than this: boilerplate, whose pairs would grow with the square of the corpus (default 1000)",
    )
    parser.add_argument(
        "--driver-memory",
        help="the driver's heap when this script starts Spark itself (python3 reuse.py); spark-submit takes --driver-memory",
    )
    parser.add_argument("--partitions", type=int, default=0, help="repartition the documents (default: as read)")
    args = parser.parse_args(argv)

    from pyspark.ml.feature import HashingTF, MinHashLSH
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    # Joins shuffle rather than broadcast: the sides of the similarity join
    # (every document's passages) are as large as the corpus.
    builder = (
        SparkSession.builder.appName("provaudit-reuse")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.autoBroadcastJoinThreshold", "-1")
    )
    if args.driver_memory:
        builder = builder.config("spark.driver.memory", args.driver_memory)
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # One machine: the workers run this Python (its pyspark and
            # numpy), and the driver fetches task results from itself, over
            # loopback whatever the host name resolves to.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")

    docs = spark.read.json(args.input)
    missing = [c for c in ("id", "sha256") if c not in docs.columns]
    if missing:
        sys.exit(f"{args.input}: no {', '.join(missing)} field: not the output of `provaudit export --format jsonl`")
    text = "reuse_text" if "reuse_text" in docs.columns else "text"
    # In the JVM, no Python worker: each line's words (runs of letters and
    # numbers, Unicode's Alphabetic and N: Rust's char::is_alphanumeric),
    # lower case, their 5-word runs, each hashed to 64 bits (xxhash64),
    # each once: the native step's passages, 8 bytes each.
    hashed_passages = F.expr(
        rf"""array_distinct(flatten(transform(
            transform(split(coalesce({text}, ''), '\\n'), l -> regexp_extract_all(lower(l), '[\\p{{IsAlphabetic}}\\p{{N}}]+', 0)),
            w -> IF(size(w) >= 5,
                    transform(sequence(0, size(w) - 5), i -> xxhash64(concat_ws(' ', slice(w, i + 1, 5)))),
                    array()))))"""
    )
    docs = docs.select(F.col("id"), F.col("sha256"), hashed_passages.alias("passages"))
    if args.partitions:
        docs = docs.repartition(args.partitions)
    docs = docs.withColumn("n", F.size("passages")).cache()

    # Documents of too few passages can share MIN_SHARED with nothing.
    usable = docs.filter(F.col("n") >= MIN_SHARED)
    hashed = HashingTF(inputCol="passages", outputCol="features", numFeatures=1 << 24, binary=True).transform(
        usable.select("id", "passages")
    )
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=args.hash_tables, seed=args.seed).fit(
        hashed
    )
    # Candidates: documents sharing a min-hash in any table. The buckets are
    # joined on (table, min-hash) with nothing but the ids, so the shuffle
    # stays small (approxSimilarityJoin would carry every document's
    # passages once per table); a bucket of more than --max-bucket
    # documents (a min-hash of boilerplate) is left out.
    min_hashes = F.udf(lambda hashes: [float(h[0]) for h in hashes], T.ArrayType(T.DoubleType()))
    buckets = model.transform(hashed).select(
        "id", F.posexplode(min_hashes(F.col("hashes"))).alias("table", "hash")
    )
    sizes = buckets.groupBy("table", "hash").count().filter(F.col("count") <= args.max_bucket)
    buckets = buckets.join(sizes.select("table", "hash"), ["table", "hash"])
    left = buckets.select(F.col("table"), F.col("hash"), F.col("id").alias("a"))
    right = buckets.select(F.col("table"), F.col("hash"), F.col("id").alias("b"))
    pairs_ids = left.join(right, ["table", "hash"]).filter(F.col("a") < F.col("b")).select("a", "b").distinct()

    def side(name):
        """Every document as one side of a pair: `a`, `a_sha256`, `a_passages`, `a_n`."""
        return docs.select(
            F.col("id").alias(name),
            *(F.col(c).alias(f"{name}_{c}") for c in ("sha256", "passages", "n")),
        )

    candidates = pairs_ids.join(side("a"), "a").join(side("b"), "b")
    # Measured exactly on the passages, not on their hashed features.
    shared = F.size(F.array_intersect("a_passages", "b_passages"))
    measured = (
        candidates.withColumn("shared", shared)
        .withColumn("containment", F.col("shared") / F.least("a_n", "b_n"))
        .filter((F.col("shared") >= MIN_SHARED) & (F.col("containment") >= MIN_CONTAINMENT))
    )
    # The copy is the document of fewer passages; of two alike, the first by id.
    a_is_copy = F.col("a_n") <= F.col("b_n")
    pairs = measured.select(
        F.to_json(
            F.struct(
                F.when(a_is_copy, F.col("a")).otherwise(F.col("b")).alias("document"),
                F.when(a_is_copy, F.col("a_sha256")).otherwise(F.col("b_sha256")).alias("document_sha256"),
                F.when(a_is_copy, F.col("b")).otherwise(F.col("a")).alias("source"),
                F.when(a_is_copy, F.col("b_sha256")).otherwise(F.col("a_sha256")).alias("source_sha256"),
                F.round(F.col("containment"), 3).alias("containment"),
                F.col("shared").alias("shared_passages"),
            )
        ).alias("value")
    )
    read = docs.select(F.to_json(F.struct(F.col("id").alias("read"), F.col("sha256"))).alias("value"))
    engine = spark.createDataFrame(
        [
            (
                f'{{"engine": "{ENGINE}", "hash_tables": {args.hash_tables}, "seed": {args.seed}, '
                f'"max_bucket": {args.max_bucket}}}',
            )
        ],
        ["value"],
    )
    engine.unionByName(read).unionByName(pairs).write.mode("errorifexists").text(args.output)
    spark.stop()


if __name__ == "__main__":
    main()

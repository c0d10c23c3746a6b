//! `bench`: prints figures, never asserts them. Run it through
//! `scripts/bench`, which builds the release binaries first.
//!
//! `bench hash`: whole-process wall time and peak memory of
//! `provaudit verify --manifest` against GNU `sha256sum -c` on the same
//! files, plus the in-process SHA-256 rate of one core.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use provaudit::fingerprint;

#[path = "bench/all.rs"]
mod all;
#[path = "bench/eval.rs"]
mod eval;
#[path = "bench/report.rs"]
mod report;
#[path = "bench/spark.rs"]
mod spark;
#[path = "bench/stages.rs"]
mod stages;
#[path = "bench/warc.rs"]
mod warc;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(about = "Provenance Auditor benchmarks: print figures for docs/benchmarks.md")]
struct Cli {
    #[command(subcommand)]
    command: Bench,
}

#[derive(Subcommand)]
enum Bench {
    /// Hashing throughput: provaudit verify against sha256sum -c, same files.
    Hash {
        /// Total size of the generated files, in MiB
        #[arg(long, default_value_t = 1024)]
        mib: u64,
        /// Number of files the size is spread over
        #[arg(long, default_value_t = 64)]
        files: u64,
        /// Runs per tool; the median is printed
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Where to generate the files [default: a temporary folder]
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Claim clustering on the 612 Helsinki articles against hand-labelled
    /// groups and negatives (eval/helsinki-claim-groups.json).
    Claims {
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/helsinki/helsinki_articles.csv"))]
        articles: PathBuf,
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/eval/helsinki-claim-groups.json"))]
        labels: PathBuf,
        /// Print every missed pair and every wrong join
        #[arg(long)]
        verbose: bool,
    },
    /// Growth with corpus size: generated corpora of N documents made from
    /// the Helsinki articles, audited whole-process and in process.
    Scale {
        /// Corpus sizes, comma-separated
        #[arg(long, default_value = "1000,10000", value_delimiter = ',')]
        docs: Vec<usize>,
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/helsinki/helsinki_articles.csv"))]
        articles: PathBuf,
        /// Seed of the generator
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Keep the generated corpora here instead of a temporary folder
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Every figure of docs/benchmarks.md in one table: hashing against
    /// sha256sum, audit growth with per-stage times and store size,
    /// re-audit after no change and after one change, the desktop's claims
    /// query, and near-duplicate clustering against datasketch MinHash LSH.
    All(all::Options),
    /// Text reuse on Spark (scripts/spark/reuse.py in local[2] mode) against
    /// the native step on a generated corpus: pairs found both ways,
    /// containment, and the claims after `import reuse`. Needs pyspark and
    /// a Java runtime (scripts/bench makes a venv with pyspark).
    Spark {
        #[arg(long, default_value_t = 10000)]
        docs: usize,
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/helsinki/helsinki_articles.csv"))]
        articles: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// MinHashLSH tables of the job
        #[arg(long, default_value_t = 40)]
        hash_tables: usize,
        /// Keep the corpus, store and job output here [default: a temporary folder]
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// What one document costs, step by step, in process on one core:
    /// cleaning, segmentation (and sentencex alone), extraction, features,
    /// passages, outlets, against SHA-256.
    Stages {
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/helsinki/helsinki_articles.csv"))]
        articles: PathBuf,
        /// Runs per step; the best is printed
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
    /// Diagnose matching: the features of two sentences and their score.
    Pair { a: String, b: String },
    /// The audit reports of the 612 Helsinki articles: each format's export,
    /// and the HTML report rendered and printed by headless Chromium.
    Report {
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/helsinki/helsinki_articles.csv"))]
        articles: PathBuf,
        /// Runs per measurement; the median is printed
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Keep the corpus, store and reports here instead of a temporary folder
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// What the desktop app asks a store (claims list page, counts, a
    /// cluster, the opening report), timed in process.
    AppQueries {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
    /// Writes a generated corpus of N documents into DIR (which must not
    /// exist yet), the same one `scale` audits for that size and seed.
    Generate {
        /// Number of documents
        #[arg(long)]
        docs: usize,
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/helsinki/helsinki_articles.csv"))]
        articles: PathBuf,
        /// Seed of the generator
        #[arg(long, default_value_t = 1)]
        seed: u64,
        dir: PathBuf,
    },
    /// Outlet identification on the 612 Helsinki articles: wire copies against
    /// hand labels (eval/helsinki-origin-labels.csv), publishers against the
    /// dataset's publisher column.
    /// WARC reading throughput against `warcio index` on the same archive.
    Warc {
        #[arg(long, default_value_t = 5000)]
        pages: usize,
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/helsinki/helsinki_articles.csv"))]
        articles: PathBuf,
        #[arg(long, default_value_t = 3)]
        runs: usize,
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    Outlets {
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/helsinki/helsinki_articles.csv"))]
        articles: PathBuf,
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/eval/helsinki-origin-labels.csv"))]
        labels: PathBuf,
        /// Print every disagreement with the labels
        #[arg(long)]
        verbose: bool,
    },
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Bench::Hash {
            mib,
            files,
            runs,
            dir,
        } => bench_hash(mib, files, runs, dir).map(drop),
        Bench::Claims {
            articles,
            labels,
            verbose,
        } => {
            let eval = eval::claims(&articles, &labels)?;
            eval.print(verbose)
        }
        Bench::Pair { a, b } => eval::pair(&a, &b),
        Bench::Report {
            articles,
            runs,
            dir,
        } => report::run(&articles, runs, dir),
        Bench::AppQueries { db, runs } => report::app_queries(&db, runs),
        Bench::Stages { articles, runs } => stages::run(&read_articles(&articles)?, runs),
        Bench::Spark {
            docs,
            articles,
            seed,
            hash_tables,
            dir,
        } => {
            let temp;
            let dir = match dir {
                Some(d) => {
                    std::fs::create_dir_all(&d)?;
                    d
                }
                None => {
                    temp = tempfile::tempdir()?;
                    temp.path().to_path_buf()
                }
            };
            spark::run(&spark::Options {
                articles: &read_articles(&articles)?,
                docs,
                seed,
                hash_tables,
                dir: &dir,
            })
        }
        Bench::All(options) => all::run(&options),
        Bench::Generate {
            docs,
            articles,
            seed,
            dir,
        } => {
            if dir.exists() {
                bail!("{}: already exists; give a new folder", dir.display());
            }
            let (bytes, _) = generate(&read_articles(&articles)?, docs, seed, &dir)?;
            println!(
                "{docs} documents, {:.1} MiB in {}",
                bytes as f64 / (1u64 << 20) as f64,
                dir.display()
            );
            Ok(())
        }
        Bench::Scale {
            docs,
            articles,
            seed,
            dir,
        } => bench_scale(&docs, &articles, seed, dir),
        Bench::Outlets {
            articles,
            labels,
            verbose,
        } => eval_outlets(&articles, &labels, verbose),
        Bench::Warc {
            pages,
            articles,
            runs,
            dir,
        } => warc::run(&read_articles(&articles)?, pages, runs, dir),
    }
}

/// A measured run of a whole process.
struct Sample {
    wall: Duration,
    peak_rss_kib: i64,
}

/// Runs `cmd` to completion and measures its wall time and peak memory.
///
/// Peak memory is the child's own `VmHWM`, sampled from `/proc` every 2 ms
/// until it exits: `wait4`'s `ru_maxrss` would also count the parent's
/// high-water mark, which Linux carries into the child across fork and exec.
fn measure(cmd: &mut Command) -> Result<Sample> {
    measure_with_output(cmd.stdout(Stdio::null()).stderr(Stdio::null()))
}

/// [`measure`], with the command's standard output and error going where
/// the caller set them.
fn measure_with_output(cmd: &mut Command) -> Result<Sample> {
    let started = Instant::now();
    let mut child = cmd.spawn().context("starting a benchmarked command")?;
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_rss_kib = 0;
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_path)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<i64>().ok())
        {
            peak_rss_kib = peak_rss_kib.max(kib);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let wall = started.elapsed();
    if !status.success() {
        bail!("benchmarked command failed: {cmd:?}");
    }
    Ok(Sample { wall, peak_rss_kib })
}

fn median(samples: &mut [Sample]) -> &Sample {
    samples.sort_by_key(|s| s.wall);
    &samples[samples.len() / 2]
}

/// Deterministic bytes that no compressor or deduplicator can shortcut.
fn fill(buf: &mut [u8], seed: u64) {
    let mut x = seed | 1;
    for chunk in buf.chunks_mut(8) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
    }
}

/// Prints the comparison and returns how many times faster `verify` was.
fn bench_hash(mib: u64, files: u64, runs: usize, dir: Option<PathBuf>) -> Result<f64> {
    let temp;
    let dir = match dir {
        Some(d) => d,
        None => {
            temp = tempfile::tempdir()?;
            temp.path().to_path_buf()
        }
    };
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus)?;
    let per_file = (mib << 20) / files;
    let total = per_file * files;
    let mut manifest = Vec::new();
    let mut buf = vec![0u8; per_file as usize];
    for i in 0..files {
        let name = format!("file-{i:04}.bin");
        fill(&mut buf, 0x9E37_79B9_7F4A_7C15 ^ i);
        std::fs::write(corpus.join(&name), &buf)?;
        manifest
            .extend_from_slice(format!("{}  {name}\n", fingerprint::sha256_hex(&buf)).as_bytes());
    }
    drop(buf);
    let manifest_path = dir.join("SHA256SUMS");
    std::fs::write(&manifest_path, &manifest)?;

    let provaudit = std::env::current_exe()?.with_file_name("provaudit");
    if !provaudit.is_file() {
        bail!(
            "{} not found; run scripts/bench, which builds it",
            provaudit.display()
        );
    }
    let sha256sum_version = Command::new("sha256sum")
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.lines().next().map(str::to_owned))
        .context("GNU sha256sum is needed for the comparison")?;

    // One warm-up run each, so both read from the page cache.
    let ours = || {
        let mut c = Command::new(&provaudit);
        c.arg("verify")
            .arg(&corpus)
            .arg("--manifest")
            .arg(&manifest_path);
        c
    };
    let theirs = || {
        let mut c = Command::new("sha256sum");
        c.args(["-c", "--strict", "--quiet"])
            .arg(&manifest_path)
            .current_dir(&corpus);
        c
    };
    measure(&mut ours())?;
    measure(&mut theirs())?;
    let mut a: Vec<Sample> = (0..runs)
        .map(|_| measure(&mut ours()))
        .collect::<Result<_>>()?;
    let mut b: Vec<Sample> = (0..runs)
        .map(|_| measure(&mut theirs()))
        .collect::<Result<_>>()?;
    let (a, b) = (median(&mut a), median(&mut b));

    // In-process, one core, one file: the raw SHA-256 rate.
    let one = corpus.join("file-0000.bin");
    let started = Instant::now();
    let mut hashed = 0u64;
    while started.elapsed() < Duration::from_secs(1) {
        hashed += fingerprint::hash_file(&one)?.1;
    }
    let core_rate = hashed as f64 / started.elapsed().as_secs_f64();

    let gb = total as f64 / 1e9;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Hashing: {:.2} GiB in {files} files, page cache warm, median of {runs} runs, {} cores",
        total as f64 / (1u64 << 30) as f64,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    )?;
    writeln!(
        out,
        "| command | wall s | GB/s | peak RSS MiB | speed vs sha256sum |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|")?;
    for (name, s) in [
        ("provaudit verify --manifest", a),
        (&*format!("sha256sum -c --strict ({sha256sum_version})"), b),
    ] {
        writeln!(
            out,
            "| {name} | {:.3} | {:.2} | {:.1} | {:.1}x |",
            s.wall.as_secs_f64(),
            gb / s.wall.as_secs_f64(),
            s.peak_rss_kib as f64 / 1024.0,
            b.wall.as_secs_f64() / s.wall.as_secs_f64()
        )?;
    }
    writeln!(
        out,
        "SHA-256 in process, one core: {:.2} GB/s",
        core_rate / 1e9
    )?;
    Ok(b.wall.as_secs_f64() / a.wall.as_secs_f64())
}

/// One Helsinki article: the site it was scraped from, its text with
/// paragraphs on lines of their own.
struct Article {
    publisher: String,
    text: String,
}

fn read_articles(path: &std::path::Path) -> Result<Vec<Article>> {
    let mut reader = csv::Reader::from_path(path).with_context(|| {
        format!(
            "{}: cannot read the Helsinki articles (see ../shared/data/README.md)",
            path.display()
        )
    })?;
    let mut out = Vec::new();
    for record in reader.records() {
        let r = record?;
        out.push(Article {
            publisher: r[1].to_owned(),
            text: r[3].replace(" ### ", "\n\n"),
        });
    }
    Ok(out)
}

/// The short label an origin gets in the hand labels.
fn wire_label(origin: Option<&provaudit::outlets::identify::Decision>) -> Option<&'static str> {
    wire_label_of(origin?.outlet_id.as_deref()?)
}

fn wire_label_of(outlet_id: &str) -> Option<&'static str> {
    match outlet_id {
        "associated-press" => Some("AP"),
        "reuters" => Some("Reuters"),
        "afp" => Some("AFP"),
        "bloomberg" => Some("Bloomberg"),
        _ => None,
    }
}

fn eval_outlets(articles: &std::path::Path, labels: &std::path::Path, verbose: bool) -> Result<()> {
    use provaudit::outlets::identify::{self, PageMeta};
    use provaudit::outlets::registry::Registry;
    use std::collections::HashMap;
    let registry = Registry::bundled();
    let articles_path = articles;
    let articles = read_articles(articles)?;
    let started = Instant::now();
    let found: Vec<identify::Identification> = articles
        .iter()
        .map(|a| {
            let cleaned = provaudit::clean::clean(&a.text);
            identify::identify(&registry, &cleaned.text, &PageMeta::default(), &|_| 0)
        })
        .collect();
    let elapsed = started.elapsed();

    // Wire copies against the hand labels.
    let mut reader = csv::Reader::from_path(labels)
        .with_context(|| format!("{}: cannot read the labels", labels.display()))?;
    let (mut tp, mut fp, mut fn_, mut labelled, mut wire_labelled) = (0, 0, 0, 0, 0);
    let mut disagreements = Vec::new();
    let mut row_labels: Vec<(usize, String)> = Vec::new();
    let mut unclear = 0;
    for record in reader.records() {
        let r = record?;
        let row: usize = r[0].parse()?;
        let label = r[3].to_owned();
        // "unclear": the labeller could not tell who wrote it, so neither
        // an agency nor none is wrong there.
        if label == "unclear" {
            unclear += 1;
            continue;
        }
        row_labels.push((row, label.clone()));
        labelled += 1;
        let truth = ["AP", "Reuters", "AFP", "Bloomberg"]
            .contains(&label.as_str())
            .then_some(label.as_str());
        wire_labelled += usize::from(truth.is_some());
        let predicted = wire_label(found[row].origin.as_ref());
        match (truth, predicted) {
            (Some(t), Some(p)) if t == p => tp += 1,
            (None, None) => {}
            (t, p) => {
                if p.is_some() {
                    fp += 1;
                }
                if t.is_some() {
                    fn_ += 1;
                }
                disagreements.push(format!(
                    "row {row} ({}): labelled {label} ({}), found {} — {}",
                    articles[row].publisher,
                    &r[4],
                    p.unwrap_or("no wire"),
                    found[row].explanation.chars().take(160).collect::<String>()
                ));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;

    // The same labels against the audit's document origin: the text's own
    // credit, or for an uncredited copy the origin it inherits from the
    // credited text it copies (what `show`, the JSON and the app say).
    let audit = eval::audit_helsinki(articles_path)?;
    let origin_of: HashMap<&str, Option<&'static str>> = audit
        .report
        .documents
        .iter()
        .map(|d| {
            let wire = d
                .origin
                .as_ref()
                .and_then(|o| o.outlet_id.as_deref())
                .and_then(wire_label_of);
            (d.path.as_str(), wire)
        })
        .collect();
    let (mut atp, mut afp, mut afn) = (0, 0, 0);
    let mut audit_disagreements = Vec::new();
    for (row, label) in &row_labels {
        let truth = ["AP", "Reuters", "AFP", "Bloomberg"]
            .contains(&label.as_str())
            .then_some(label.as_str());
        let predicted = origin_of
            .get(format!("row_{row:03}.txt").as_str())
            .copied()
            .flatten();
        match (truth, predicted) {
            (Some(t), Some(p)) if t == p => atp += 1,
            (None, None) => {}
            (t, p) => {
                afp += usize::from(p.is_some());
                afn += usize::from(t.is_some());
                audit_disagreements.push(format!(
                    "row {row} ({}): labelled {label}, the audit's document origin is {}",
                    articles[*row].publisher,
                    p.unwrap_or("no wire")
                ));
            }
        }
    }
    let aprecision = atp as f64 / (atp + afp).max(1) as f64;
    let arecall = atp as f64 / (atp + afn).max(1) as f64;

    // Every article: wire copies found, by agency.
    let mut by_agency: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for f in &found {
        if let Some(w) = wire_label(f.origin.as_ref()) {
            *by_agency.entry(w).or_default() += 1;
        }
    }
    // Publishers against the publisher column.
    let (mut right, mut wrong, mut none) = (0, 0, 0);
    let mut publisher_misses = Vec::new();
    for (a, f) in articles.iter().zip(&found) {
        let truth = registry.find_domain(&a.publisher).map(|o| o.id.clone());
        match f.publisher.as_ref().and_then(|p| p.outlet_id.clone()) {
            None => none += 1,
            Some(id) if Some(&id) == truth.as_ref() => right += 1,
            Some(id) => {
                wrong += 1;
                if verbose {
                    let p = f.publisher.as_ref().unwrap();
                    publisher_misses.push(format!(
                        "{} → {id} by {} {:?}",
                        a.publisher, p.evidence.rule, p.evidence.text
                    ));
                }
            }
        }
    }

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Outlet identification, Helsinki corpus ({} articles, {:.0} ms in process)",
        articles.len(),
        elapsed.as_secs_f64() * 1e3
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "Wire copies against {labelled} hand-labelled articles ({wire_labelled} labelled AP/Reuters/AFP/Bloomberg; {unclear} more labelled unclear, not scored):"
    )?;
    writeln!(
        out,
        "| judged by | found the right agency | found a wire that is not the label | missed | precision | recall |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|")?;
    writeln!(
        out,
        "| text's own credit | {tp} | {fp} | {fn_} | {precision:.2} | {recall:.2} |"
    )?;
    writeln!(
        out,
        "| document origin (credit, or inherited by an uncredited copy) | {atp} | {afp} | {afn} | {aprecision:.2} | {arecall:.2} |"
    )?;
    writeln!(out)?;
    let total: usize = by_agency.values().sum();
    writeln!(
        out,
        "Wire copies identified in all {} articles: {total} ({})",
        articles.len(),
        by_agency
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    writeln!(
        out,
        "Publisher from text alone vs the publisher column: {right} right, {wrong} wrong, {none} unidentified"
    )?;
    if verbose {
        writeln!(out)?;
        for d in disagreements
            .iter()
            .chain(&audit_disagreements)
            .chain(&publisher_misses)
        {
            writeln!(out, "{d}")?;
        }
    }
    Ok(())
}

/// A small deterministic generator (xorshift64*), so corpora are the same on
/// every run for a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Writes a corpus of `n` documents made from the real articles: every
/// tenth an exact repost of an earlier one with a credit line added, the
/// rest a real article with ~5% of its words replaced and a paragraph
/// spliced in from another.
///
/// Returns the bytes written and, per document, its family: the Helsinki
/// article it was made from (a repost belongs to the family of what it
/// reposts), the truth near-duplicate clustering is scored against.
fn generate(
    articles: &[Article],
    n: usize,
    seed: u64,
    out: &std::path::Path,
) -> Result<(u64, Vec<usize>)> {
    std::fs::create_dir_all(out)?;
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let vocabulary: Vec<&str> = articles
        .iter()
        .flat_map(|a| a.text.split_whitespace())
        .step_by(97)
        .collect();
    let mut bytes = 0u64;
    let mut made: Vec<String> = Vec::with_capacity(n);
    let mut families: Vec<usize> = Vec::with_capacity(n);
    for i in 0..n {
        let text = if i % 10 == 9 && !made.is_empty() {
            let j = rng.below(made.len());
            families.push(families[j]);
            format!("{}\n\nSource: Agence France Presse\n", made[j])
        } else {
            let family = rng.below(articles.len());
            families.push(family);
            let base = &articles[family].text;
            let mut paragraphs: Vec<String> = base
                .split("\n\n")
                .map(|p| {
                    p.split(' ')
                        .map(|w| {
                            if rng.below(20) == 0 {
                                vocabulary[rng.below(vocabulary.len())]
                            } else {
                                w
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let donor = &articles[rng.below(articles.len())].text;
            let donor_paragraphs: Vec<&str> = donor.split("\n\n").collect();
            let at = rng.below(paragraphs.len() + 1);
            paragraphs.insert(
                at,
                donor_paragraphs[rng.below(donor_paragraphs.len())].to_owned(),
            );
            paragraphs.join("\n\n")
        };
        bytes += text.len() as u64;
        std::fs::write(out.join(format!("doc_{i:06}.txt")), &text)?;
        made.push(text);
    }
    Ok((bytes, families))
}

fn bench_scale(
    sizes: &[usize],
    articles: &std::path::Path,
    seed: u64,
    dir: Option<PathBuf>,
) -> Result<()> {
    use provaudit::outlets::registry::Registry;
    let articles = read_articles(articles)?;
    let temp;
    let dir = match dir {
        Some(d) => d,
        None => {
            temp = tempfile::tempdir()?;
            temp.path().to_path_buf()
        }
    };
    let provaudit = std::env::current_exe()?.with_file_name("provaudit");
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Audit growth on corpora generated from the Helsinki articles (seed {seed})"
    )?;
    writeln!(
        out,
        "| documents | MiB | whole process s | peak RSS MiB | claims | candidate pairs scored | matching s | per document ms |"
    )?;
    writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|---:|")?;
    let mut previous: Option<(usize, f64, usize)> = None;
    for &n in sizes {
        let corpus = dir.join(format!("corpus-{n}"));
        let (bytes, _) = generate(&articles, n, seed, &corpus)?;
        // Whole process: the CLI, a fresh store.
        let db = dir.join(format!("store-{n}.sqlite"));
        let _ = std::fs::remove_file(&db);
        let sample = measure(
            Command::new(&provaudit)
                .arg("audit")
                .arg(&corpus)
                .arg("--db")
                .arg(&db),
        )?;
        // In process, on that store, for the matching figures.
        let mut store = provaudit::store::Store::open_existing(&db)?;
        let stage = provaudit::claims::run(&mut store, &Registry::bundled())?;
        let matching = stage
            .timings
            .of("matching claims")
            .map_or(0.0, |d| d.as_secs_f64());
        let wall = sample.wall.as_secs_f64();
        writeln!(
            out,
            "| {n} | {:.1} | {wall:.2} | {:.0} | {} | {} | {matching:.2} | {:.2} |",
            bytes as f64 / (1u64 << 20) as f64,
            sample.peak_rss_kib as f64 / 1024.0,
            stage.claims.len(),
            stage.candidates_scored,
            wall * 1000.0 / n as f64
        )?;
        if let Some((pn, pwall, pcand)) = previous {
            writeln!(
                out,
                "|  growth ×{:.0} | | ×{:.1} | | | ×{:.1} | | |",
                n as f64 / pn as f64,
                wall / pwall,
                stage.candidates_scored as f64 / pcand.max(1) as f64
            )?;
        }
        previous = Some((n, wall, stage.candidates_scored));
        std::fs::remove_dir_all(&corpus)?;
    }
    Ok(())
}

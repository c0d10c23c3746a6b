//! `bench all`: every figure of docs/benchmarks.md in one run, each target
//! printed as met or MISSED with its figure.

use super::{Sample, bench_hash, generate, measure_with_output, read_articles};
use anyhow::{Context, Result, bail};
use provaudit::outlets::registry::Registry;
use provaudit::store::Store;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Options {
    /// Corpus sizes, comma-separated
    #[arg(long, default_value = "1000,10000,100000", value_delimiter = ',')]
    docs: Vec<usize>,
    /// Whole-process runs per measurement; the median is printed
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Runs for corpora of 50,000 documents or more
    #[arg(long, default_value_t = 1)]
    large_runs: usize,
    /// Runs of the desktop's claims query; the median is printed
    #[arg(long, default_value_t = 50)]
    query_runs: usize,
    /// A Python that has datasketch, for the peer (scripts/bench makes a venv)
    #[arg(long, env = "PROVAUDIT_BENCH_PYTHON", default_value = "python3")]
    python: PathBuf,
    /// Largest corpus the peer is run on
    #[arg(long, default_value_t = 10000)]
    peer_max: usize,
    /// Leave out the hashing comparison (1 GiB against sha256sum)
    #[arg(long)]
    skip_hash: bool,
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/helsinki/helsinki_articles.csv"))]
    articles: PathBuf,
    /// Seed of the corpus generator
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Scratch folder for corpora and stores [default: a temporary folder]
    #[arg(long)]
    dir: Option<PathBuf>,
}

/// One step of an audit as `--timings` printed it: its name, its seconds,
/// and the MiB the process held after it and at most so far, where given.
struct StepFigure {
    name: String,
    secs: f64,
    memory: Option<(u64, u64)>,
}

/// One measured audit: the median run's wall time and step times, the
/// median peak memory, and what the run printed.
struct Audit {
    wall: Duration,
    peak_rss_kib: i64,
    steps: Vec<StepFigure>,
    stdout: String,
    runs: usize,
}

fn audit(
    provaudit: &Path,
    corpus: &Path,
    db: &Path,
    runs: usize,
    fresh: bool,
    scratch: &Path,
) -> Result<Audit> {
    let mut samples: Vec<(Sample, String, String)> = Vec::new();
    for run in 0..runs {
        if fresh {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
        }
        let (out, err) = (
            scratch.join(format!("run-{run}.out")),
            scratch.join(format!("run-{run}.err")),
        );
        let sample = measure_with_output(
            Command::new(provaudit)
                .arg("audit")
                .arg(corpus)
                .arg("--db")
                .arg(db)
                .arg("--timings")
                .stdout(std::fs::File::create(&out)?)
                .stderr(std::fs::File::create(&err)?),
        )
        .with_context(|| format!("auditing {} (see {})", corpus.display(), err.display()))?;
        samples.push((
            sample,
            std::fs::read_to_string(&out)?,
            std::fs::read_to_string(&err)?,
        ));
    }
    let mut rss: Vec<i64> = samples.iter().map(|s| s.0.peak_rss_kib).collect();
    rss.sort();
    samples.sort_by_key(|s| s.0.wall);
    let (sample, stdout, stderr) = samples.swap_remove(samples.len() / 2);
    let steps = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("timing:"))
        .filter_map(|l| {
            let (secs, rest) = l.trim().split_once(" s  ")?;
            // "name  (memory 812 MiB, peak so far 1003 MiB)"
            let (name, memory) = match rest.split_once("  (memory ") {
                Some((name, memory)) => {
                    let mib: Vec<u64> = memory
                        .split(|c: char| !c.is_ascii_digit())
                        .filter_map(|w| w.parse().ok())
                        .collect();
                    (name, mib.get(..2).map(|m| (m[0], m[1])))
                }
                None => (rest, None),
            };
            Some(StepFigure {
                name: name.trim().to_owned(),
                secs: secs.trim().parse().ok()?,
                memory,
            })
        })
        .collect();
    Ok(Audit {
        wall: sample.wall,
        peak_rss_kib: rss[rss.len() / 2],
        steps,
        stdout,
        runs,
    })
}

/// A table of one figure per step (rows, named as the largest corpus's
/// audit names them, where `cell` gives a figure) and corpus size (columns).
/// Steps match across sizes by their name before any bracket, which holds
/// counts.
fn step_table(
    out: &mut impl Write,
    title: &str,
    columns: &[(usize, &[StepFigure])],
    cell: impl Fn(&StepFigure) -> Option<String>,
) -> std::io::Result<()> {
    writeln!(out, "{title}")?;
    write!(out, "| step |")?;
    for (n, _) in columns {
        write!(out, " {n} |")?;
    }
    writeln!(out)?;
    write!(out, "|---|")?;
    for _ in columns {
        write!(out, "---:|")?;
    }
    writeln!(out)?;
    let key = |s: &str| s.split(" (").next().unwrap_or(s).trim_end().to_owned();
    let names: Vec<&str> = columns
        .last()
        .map(|(_, steps)| {
            steps
                .iter()
                .filter(|s| cell(s).is_some())
                .map(|s| s.name.as_str())
                .collect()
        })
        .unwrap_or_default();
    for name in names {
        write!(out, "| {} |", name.replace('|', "/"))?;
        for (_, steps) in columns {
            match steps
                .iter()
                .find(|s| key(&s.name) == key(name))
                .and_then(&cell)
            {
                Some(figure) => write!(out, " {figure} |")?,
                None => write!(out, " |")?,
            }
        }
        writeln!(out)?;
    }
    writeln!(out)
}

fn store_bytes(db: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", db.display())).ok())
        .map(|m| m.len())
        .sum()
}

/// Pairwise agreement of two clusterings of the same items (a cluster id
/// per item): of the pairs `found` puts together, the share `truth` puts
/// together too (precision), the reverse (recall), and the adjusted Rand index.
fn agreement(truth: &[usize], found: &[usize]) -> (f64, f64, f64) {
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut both: HashMap<(usize, usize), u64> = HashMap::new();
    let (mut t, mut f): (HashMap<usize, u64>, HashMap<usize, u64>) = Default::default();
    for (a, b) in truth.iter().zip(found) {
        *both.entry((*a, *b)).or_default() += 1;
        *t.entry(*a).or_default() += 1;
        *f.entry(*b).or_default() += 1;
    }
    let together: u64 = both.values().map(|n| pairs(*n)).sum();
    let pt: u64 = t.values().map(|n| pairs(*n)).sum();
    let pf: u64 = f.values().map(|n| pairs(*n)).sum();
    let all = pairs(truth.len() as u64) as f64;
    let expected = pt as f64 * pf as f64 / all;
    let ari = (together as f64 - expected) / (0.5 * (pt + pf) as f64 - expected);
    (
        together as f64 / pf.max(1) as f64,
        together as f64 / pt.max(1) as f64,
        ari,
    )
}

/// Our near-duplicate clustering: documents joined by text reuse, as
/// connected components, a cluster id per document of the corpus.
fn reuse_clusters(db: &Path, names: &[String]) -> Result<Vec<usize>> {
    let store = Store::open_existing(db)?;
    let id_to_index: HashMap<i64, usize> = store
        .documents()?
        .iter()
        .filter_map(|d| {
            let name = d.path.to_string_lossy().into_owned();
            names.iter().position(|n| *n == name).map(|i| (d.id, i))
        })
        .collect();
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for r in store.reuse()? {
        if let (Some(&a), Some(&b)) = (
            id_to_index.get(&r.document_id),
            id_to_index.get(&r.source_document_id),
        ) {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    Ok((0..names.len()).map(|i| find(&mut parent, i)).collect())
}

struct Peer {
    wall: Duration,
    peak_rss_kib: i64,
    minhash_lsh_s: f64,
    clusters: Vec<usize>,
}

fn peer(python: &Path, corpus: &Path, names: &[String], scratch: &Path) -> Result<Peer> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/peer_minhash.py");
    let out = scratch.join("peer.json");
    let sample = measure_with_output(
        Command::new(python)
            .arg(&script)
            .arg(corpus)
            .stdout(std::fs::File::create(&out)?)
            .stderr(std::fs::File::create(scratch.join("peer.err"))?),
    )
    .with_context(|| {
        format!(
            "running {} with {} (it needs datasketch: {} -m pip install datasketch)",
            script.display(),
            python.display(),
            python.display()
        )
    })?;
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out)?)?;
    let index: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let mut clusters: Vec<usize> = (0..names.len()).collect();
    for group in json["clusters"]
        .as_array()
        .context("peer printed no clusters")?
    {
        let members: Vec<usize> = group
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| index.get(n.as_str()?).copied())
            .collect();
        let first = members.iter().copied().min().unwrap_or(0);
        for m in members {
            clusters[m] = first;
        }
    }
    Ok(Peer {
        wall: sample.wall,
        peak_rss_kib: sample.peak_rss_kib,
        minhash_lsh_s: json["minhash_s"].as_f64().unwrap_or(0.0)
            + json["lsh_s"].as_f64().unwrap_or(0.0),
        clusters,
    })
}

fn median_of<T: Copy + PartialOrd>(mut v: Vec<T>) -> T {
    v.sort_by(|a, b| a.partial_cmp(b).expect("comparable"));
    v[v.len() / 2]
}

fn verdict(met: bool, figure: String) -> String {
    if met {
        format!("met ({figure})")
    } else {
        format!("MISSED ({figure})")
    }
}

pub fn run(o: &Options) -> Result<()> {
    let articles = read_articles(&o.articles)?;
    let temp;
    let dir = match &o.dir {
        Some(d) => d.clone(),
        None => {
            temp = tempfile::tempdir()?;
            temp.path().to_path_buf()
        }
    };
    std::fs::create_dir_all(&dir)?;
    let provaudit = std::env::current_exe()?.with_file_name("provaudit");
    if !provaudit.is_file() {
        bail!(
            "{} not found; run scripts/bench, which builds it",
            provaudit.display()
        );
    }
    let mib = |b: u64| b as f64 / (1u64 << 20) as f64;
    let mut targets: Vec<(String, String)> = Vec::new();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "provaudit benchmarks: {} cores; whole processes; figures are medians of {} runs ({} for corpora of 50,000 documents or more)\n",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        o.runs,
        o.large_runs
    )?;

    if !o.skip_hash {
        let ratio = bench_hash(1024, 64, o.runs, None)?;
        targets.push((
            "verify at least 4x faster than sha256sum -c".into(),
            verdict(ratio >= 4.0, format!("{ratio:.1}x")),
        ));
        writeln!(out)?;
    }

    // The 612 real articles, one file each.
    let helsinki = dir.join("helsinki");
    std::fs::create_dir_all(&helsinki)?;
    for (i, a) in articles.iter().enumerate() {
        std::fs::write(helsinki.join(format!("article_{i:03}.txt")), &a.text)?;
    }
    let h = audit(
        &provaudit,
        &helsinki,
        &dir.join("store-helsinki.sqlite"),
        o.runs,
        true,
        &dir,
    )?;
    writeln!(
        out,
        "The {} Helsinki articles: audited in {:.2} s, peak RSS {:.0} MiB\n",
        articles.len(),
        h.wall.as_secs_f64(),
        h.peak_rss_kib as f64 / 1024.0
    )?;
    targets.push((
        "the Helsinki articles audited in under 2 s".into(),
        verdict(
            h.wall.as_secs_f64() < 2.0,
            format!("{:.2} s", h.wall.as_secs_f64()),
        ),
    ));

    struct Row {
        n: usize,
        bytes: u64,
        audit: Audit,
        store: u64,
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut incremental: Option<(usize, Audit, Audit)> = None;
    // (documents, the peer's run, its clustering, ours, our reuse step's seconds)
    type PeerRun = (usize, Peer, Vec<usize>, Vec<usize>, f64);
    let mut peers: Vec<PeerRun> = Vec::new();
    let mut query: Option<(usize, Duration, Duration, usize)> = None;
    let mut app_extra: Option<(Duration, Duration)> = None;
    for (k, &n) in o.docs.iter().enumerate() {
        let corpus = dir.join(format!("corpus-{n}"));
        let _ = std::fs::remove_dir_all(&corpus);
        let (bytes, families) = generate(&articles, n, o.seed, &corpus)?;
        let db = dir.join(format!("store-{n}.sqlite"));
        let runs = if n >= 50_000 { o.large_runs } else { o.runs }.max(1);
        let a = audit(&provaudit, &corpus, &db, runs, true, &dir)?;
        let store = store_bytes(&db);
        eprintln!(
            "bench: {n} documents audited in {:.1} s",
            a.wall.as_secs_f64()
        );
        if n == 10_000 {
            let unchanged = audit(&provaudit, &corpus, &db, runs, false, &dir)?;
            // One file changed per run: a sentence added to a different document.
            let mut changed = Vec::new();
            for r in 0..runs {
                let path = corpus.join(format!("doc_{:06}.txt", 500 + r));
                let mut text = std::fs::read_to_string(&path)?;
                text.push_str(
                    "\n\nOfficials said on Tuesday that 1,234 people had signed the petition.\n",
                );
                std::fs::write(&path, text)?;
                changed.push(audit(&provaudit, &corpus, &db, 1, false, &dir)?);
            }
            changed.sort_by_key(|a| a.wall);
            let one = changed.swap_remove(changed.len() / 2);
            incremental = Some((n, unchanged, one));
        }
        if n <= o.peer_max {
            let names: Vec<String> = (0..n).map(|i| format!("doc_{i:06}.txt")).collect();
            let ours = reuse_clusters(&db, &names)?;
            let theirs = peer(&o.python, &corpus, &names, &dir)?;
            let reuse_s = a
                .steps
                .iter()
                .find(|s| s.name.starts_with("claims: text reuse"))
                .map(|s| s.secs)
                .unwrap_or(0.0);
            peers.push((n, theirs, ours, families, reuse_s));
        }
        if k + 1 == o.docs.len() {
            let store = Store::open_existing(&db)?;
            // What the desktop app runs: the first page of its claims list,
            // the counts above it, one cluster opened, and the report it
            // opens with (documents and conflicts, no claims).
            let mut page = Vec::new();
            let mut counts = Vec::new();
            let mut detail = Vec::new();
            let mut shown = 0;
            for _ in 0..o.query_runs.max(1) {
                let started = Instant::now();
                let first = provaudit::view::app::claims_page(
                    &store,
                    &[],
                    provaudit::view::app::ReviewFilter::All,
                    0,
                    100,
                )?;
                page.push(started.elapsed());
                shown = first.clusters.len();
                let started = Instant::now();
                provaudit::view::app::claims_overview(&store)?;
                counts.push(started.elapsed());
                if let Some(c) = first.clusters.first() {
                    let started = Instant::now();
                    provaudit::view::json::ClusterDetail::find(&store, &c.cluster.id)?;
                    detail.push(started.elapsed());
                }
            }
            let registry = Registry::bundled();
            let mut whole = Vec::new();
            for _ in 0..runs {
                let started = Instant::now();
                provaudit::view::app::stored_overview(&store, &registry)?;
                whole.push(started.elapsed());
            }
            app_extra = Some((median_of(counts), median_of(detail)));
            query = Some((n, median_of(page), median_of(whole), shown));
        }
        std::fs::remove_dir_all(&corpus)?;
        rows.push(Row {
            n,
            bytes,
            audit: a,
            store,
        });
    }

    writeln!(
        out,
        "Audit of generated corpora (seed {}): whole process, fresh store",
        o.seed
    )?;
    writeln!(
        out,
        "| documents | MiB | runs | wall s | growth | peak RSS MiB | store MiB | store KiB per document | claims and clusters |"
    )?;
    writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|---:|---|")?;
    for (i, r) in rows.iter().enumerate() {
        let growth = if i > 0 {
            let p = &rows[i - 1];
            let g = r.audit.wall.as_secs_f64() / p.audit.wall.as_secs_f64();
            if r.n == p.n * 10 {
                targets.push((
                    format!("growth {}→{} documents no worse than 11x", p.n, r.n),
                    verdict(g <= 11.0, format!("{g:.1}x")),
                ));
            }
            format!("×{g:.1} for ×{:.0}", r.n as f64 / p.n as f64)
        } else {
            String::new()
        };
        let claims = r
            .audit
            .stdout
            .lines()
            .find(|l| l.contains(" claims in "))
            .map(|l| l.trim().split(':').next().unwrap_or("").to_owned())
            .unwrap_or_default();
        writeln!(
            out,
            "| {} | {:.1} | {} | {:.2} | {growth} | {:.0} | {:.1} | {:.1} | {claims} |",
            r.n,
            mib(r.bytes),
            r.audit.runs,
            r.audit.wall.as_secs_f64(),
            r.audit.peak_rss_kib as f64 / 1024.0,
            mib(r.store),
            r.store as f64 / 1024.0 / r.n as f64,
        )?;
        if r.n == 10_000 {
            targets.push((
                "10,000 documents audited in under 15 s".into(),
                verdict(
                    r.audit.wall.as_secs_f64() < 15.0,
                    format!("{:.1} s", r.audit.wall.as_secs_f64()),
                ),
            ));
        }
        if r.n == 100_000 {
            let gib = r.audit.peak_rss_kib as f64 / (1 << 20) as f64;
            targets.push((
                "peak memory under 2 GB at 100,000 documents".into(),
                verdict(gib * 1.073_741_824 < 2.0, format!("{gib:.2} GiB")),
            ));
        }
    }
    writeln!(out)?;
    let columns: Vec<(usize, &[StepFigure])> = rows
        .iter()
        .map(|r| (r.n, r.audit.steps.as_slice()))
        .collect();
    step_table(
        &mut out,
        "Time per step (s) in the median run; steps marked (summed over threads) are CPU time on all cores, the rest wall time",
        &columns,
        |s| Some(format!("{:.2}", s.secs)),
    )?;
    step_table(
        &mut out,
        "Memory held after each step (MiB) in the median run, and the most held so far",
        &columns,
        |s| s.memory.map(|(held, peak)| format!("{held} (peak {peak})")),
    )?;

    if let Some((n, unchanged, one)) = &incremental {
        writeln!(out, "Re-audit of the {n}-document corpus (store kept)")?;
        writeln!(out, "| change | wall s | peak RSS MiB |")?;
        writeln!(out, "|---|---:|---:|")?;
        writeln!(
            out,
            "| none | {:.2} | {:.0} |",
            unchanged.wall.as_secs_f64(),
            unchanged.peak_rss_kib as f64 / 1024.0
        )?;
        writeln!(
            out,
            "| one file changed | {:.2} | {:.0} |",
            one.wall.as_secs_f64(),
            one.peak_rss_kib as f64 / 1024.0
        )?;
        writeln!(out)?;
        targets.push((
            "re-audit after one change at 10,000 documents under 2 s".into(),
            verdict(
                one.wall.as_secs_f64() < 2.0,
                format!("{:.2} s", one.wall.as_secs_f64()),
            ),
        ));
    }

    if !peers.is_empty() {
        writeln!(
            out,
            "Near-duplicate documents: provaudit's text reuse against datasketch MinHash LSH (word 5-grams, 128 permutations, Jaccard ≥ 0.3), both scored against the generator's families (documents made from the same Helsinki article)"
        )?;
        writeln!(
            out,
            "| documents | tool | time s | peak RSS MiB | pairwise precision | pairwise recall | ARI vs families | ARI between the two |"
        )?;
        writeln!(out, "|---:|---|---:|---:|---:|---:|---:|---:|")?;
        for (n, p, ours, families, reuse_s) in &peers {
            let (op, or, oa) = agreement(families, ours);
            let (pp, pr, pa) = agreement(families, &p.clusters);
            let (_, _, between) = agreement(ours, &p.clusters);
            writeln!(
                out,
                "| {n} | provaudit text reuse step (in the audit) | {reuse_s:.2} | | {op:.2} | {or:.2} | {oa:.2} | {between:.2} |"
            )?;
            writeln!(
                out,
                "| {n} | datasketch MinHash LSH: whole process (MinHash + LSH alone {:.2} s) | {:.2} | {:.0} | {pp:.2} | {pr:.2} | {pa:.2} | |",
                p.minhash_lsh_s,
                p.wall.as_secs_f64(),
                p.peak_rss_kib as f64 / 1024.0
            )?;
        }
        writeln!(out)?;
    }

    if let Some((n, page, whole, shown)) = query {
        writeln!(
            out,
            "The desktop's claims list at {n} documents (in process, the real store file)"
        )?;
        writeln!(out, "| query | median ms |")?;
        writeln!(out, "|---|---:|")?;
        writeln!(
            out,
            "| the main list's first page as the app asks it (view::app::claims_page, {shown} clusters), median of {} | {:.1} |",
            o.query_runs,
            page.as_secs_f64() * 1e3
        )?;
        if let Some((counts, detail)) = app_extra {
            writeln!(
                out,
                "| the counts above the list (view::app::claims_overview) | {:.1} |",
                counts.as_secs_f64() * 1e3
            )?;
            writeln!(
                out,
                "| the first cluster opened with its claims (ClusterDetail::find) | {:.1} |",
                detail.as_secs_f64() * 1e3
            )?;
        }
        writeln!(
            out,
            "| the overview the app opens with: counts over every document (view::app::stored_overview) | {:.1} |",
            whole.as_secs_f64() * 1e3
        )?;
        writeln!(out)?;
        if n == 100_000 {
            targets.push((
                "main claims query under 50 ms at 100,000 documents (the app's first page)".into(),
                verdict(
                    page.as_secs_f64() < 0.05,
                    format!("{:.1} ms", page.as_secs_f64() * 1e3),
                ),
            ));
        }
    }

    writeln!(out, "Targets")?;
    for (what, v) in &targets {
        writeln!(out, "- {what}: {v}")?;
    }
    Ok(())
}

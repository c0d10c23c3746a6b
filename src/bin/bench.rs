//! `bench`: prints figures, never asserts them. Run it through
//! `scripts/bench`, which builds the release binaries first.
//!
//! `bench hash`: whole-process wall time and peak memory of
//! `provaudit verify --manifest` against GNU `sha256sum -c` on the same
//! files, plus the in-process SHA-256 rate of one core.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use provaudit::fingerprint;
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
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Bench::Hash {
            mib,
            files,
            runs,
            dir,
        } => bench_hash(mib, files, runs, dir),
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
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("starting a benchmarked command")?;
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

fn bench_hash(mib: u64, files: u64, runs: usize, dir: Option<PathBuf>) -> Result<()> {
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
    Ok(())
}

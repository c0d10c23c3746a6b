//! `bench stages`: what one document costs, step by step, in process on
//! one core, over the Helsinki articles: SHA-256, cleaning, sentence
//! segmentation (our wrapper and `sentencex` alone on the same lines),
//! claim extraction, matching features, reuse passages and outlet
//! identification. The bound of each step is the library or the CPU it
//! runs on; the table says how close the step is to it.

use super::Article;
use anyhow::Result;
use provaudit::claims::{entities::Entities, extract, matching, reuse, segment};
use provaudit::outlets::identify::{self, PageMeta};
use provaudit::outlets::registry::Registry;
use std::io::Write;
use std::time::{Duration, Instant};

pub fn run(articles: &[Article], runs: usize) -> Result<()> {
    let registry = Registry::bundled();
    let entities = Entities::new(&registry);
    let markers: Vec<&str> = registry
        .outlets()
        .iter()
        .flat_map(|o| o.publisher_markers.iter().map(String::as_str))
        .collect();
    let raw_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut steps: Vec<(&str, Duration)> = Vec::new();
    let mut time = |name: &'static str, f: &mut dyn FnMut() -> usize| {
        let mut best = Duration::MAX;
        let mut sink = 0;
        for _ in 0..runs.max(1) {
            let started = Instant::now();
            sink += f();
            best = best.min(started.elapsed());
        }
        std::hint::black_box(sink);
        steps.push((name, best));
    };
    time(
        "SHA-256 of the text (the CPU's SHA extensions)",
        &mut || {
            articles
                .iter()
                .map(|a| provaudit::fingerprint::sha256_hex(a.text.as_bytes()).len())
                .sum()
        },
    );
    let cleaned: Vec<String> = articles
        .iter()
        .map(|a| provaudit::clean::article(&a.text, &markers).text)
        .collect();
    let clean_bytes: usize = cleaned.iter().map(String::len).sum();
    time("cleaning (clean::article)", &mut || {
        articles
            .iter()
            .map(|a| provaudit::clean::article(&a.text, &markers).text.len())
            .sum()
    });
    time(
        "sentencex alone, line by line, on the cleaned text",
        &mut || {
            cleaned
                .iter()
                .flat_map(|t| t.lines())
                .filter(|l| !l.trim().is_empty())
                .map(|l| sentencex::get_sentence_boundaries("en", l).len())
                .sum()
        },
    );
    time(
        "segmentation (segment::sentences: sentencex and offsets)",
        &mut || cleaned.iter().map(|t| segment::sentences(t).len()).sum(),
    );
    let claims_of = |t: &str| -> Vec<extract::Extracted> {
        let mut ctx = extract::Context::new(&entities, t);
        segment::sentences(t)
            .iter()
            .filter_map(|s| extract::extract(s, &mut ctx))
            .collect()
    };
    time(
        "claim extraction (extract::extract on every sentence)",
        &mut || cleaned.iter().map(|t| claims_of(t).len()).sum(),
    );
    let found: Vec<extract::Extracted> = cleaned.iter().flat_map(|t| claims_of(t)).collect();
    time("matching features of the claims found", &mut || {
        found
            .iter()
            .map(|f| matching::features(f).words.len())
            .sum()
    });
    time("reuse passages (reuse::passages)", &mut || {
        cleaned.iter().map(|t| reuse::passages(t).len()).sum()
    });
    time("outlet identification (identify::identify)", &mut || {
        cleaned
            .iter()
            .map(|t| {
                identify::identify(&registry, t, &PageMeta::default(), &|_| 0)
                    .signals
                    .len()
            })
            .sum()
    });
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Per-document cost, in process, one core, best of {runs} runs: the {} Helsinki articles ({:.1} MB of text, {:.1} MB cleaned, {} sentences with a claim)",
        articles.len(),
        raw_bytes as f64 / 1e6,
        clean_bytes as f64 / 1e6,
        found.len()
    )?;
    writeln!(out, "| step | s | MB/s of cleaned text | ms per document |")?;
    writeln!(out, "|---|---:|---:|---:|")?;
    for (name, took) in &steps {
        let s = took.as_secs_f64();
        writeln!(
            out,
            "| {name} | {s:.3} | {:.1} | {:.3} |",
            clean_bytes as f64 / 1e6 / s,
            s * 1000.0 / articles.len() as f64
        )?;
    }
    Ok(())
}

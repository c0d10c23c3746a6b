//! `bench report`: the audit reports of the 612 Helsinki articles — each
//! format's export as a whole process (wall time, peak memory, size), and the
//! HTML report rendered by headless Chromium (screenshot and PDF), against the
//! same Chromium rendering a one-line page so its start-up is not counted.

use super::{Sample, measure, median};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

const FORMATS: [&str; 6] = ["html", "md", "json", "csv", "claimreview", "annotations"];

fn chromium() -> Command {
    let mut cmd = Command::new("chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--hide-scrollbars",
        "--window-size=1280,1600",
    ]);
    cmd
}

fn secs(s: &Sample) -> f64 {
    s.wall.as_secs_f64()
}

pub fn run(articles: &Path, runs: usize, keep: Option<PathBuf>) -> Result<()> {
    let runs = runs.max(1);
    let scratch = tempfile::tempdir()?;
    let dir = keep.unwrap_or_else(|| scratch.path().to_path_buf());
    let corpus = dir.join("helsinki");
    std::fs::create_dir_all(&corpus)?;
    let mut reader = csv::Reader::from_path(articles).with_context(|| {
        format!(
            "{}: cannot read the Helsinki articles (see ../shared/data/README.md)",
            articles.display()
        )
    })?;
    let mut count = 0;
    for (row, record) in reader.records().enumerate() {
        std::fs::write(
            corpus.join(format!("row_{row:03}.txt")),
            record?[3].replace(" ### ", "\n\n"),
        )?;
        count += 1;
    }
    let provaudit = std::env::current_exe()?.with_file_name("provaudit");
    let db = dir.join("store.sqlite");
    let _ = std::fs::remove_file(&db);
    let audit = measure(
        Command::new(&provaudit)
            .arg("audit")
            .arg(&corpus)
            .arg("--db")
            .arg(&db),
    )?;
    println!(
        "Audit reports of the {count} Helsinki articles (median of {runs} runs; whole processes)\n"
    );
    println!(
        "audit first: {:.2} s, peak {} MiB\n",
        secs(&audit),
        audit.peak_rss_kib / 1024
    );
    println!("| format | export wall s | peak RSS MiB | size MiB |");
    println!("|---|---:|---:|---:|");
    let out_dir = dir.join("reports");
    std::fs::create_dir_all(&out_dir)?;
    for format in FORMATS {
        let out = out_dir.join(format!("helsinki.{format}"));
        let mut samples = Vec::new();
        for _ in 0..runs {
            samples.push(measure(
                Command::new(&provaudit)
                    .args(["export", "--format", format, "--db"])
                    .arg(&db)
                    .arg("--out")
                    .arg(&out),
            )?);
        }
        let m = median(&mut samples);
        println!(
            "| {format} | {:.2} | {} | {:.1} |",
            secs(m),
            m.peak_rss_kib / 1024,
            std::fs::metadata(&out)?.len() as f64 / (1 << 20) as f64
        );
    }

    let which = Command::new("sh")
        .args(["-c", "command -v chromium"])
        .output()?;
    if !which.status.success() {
        bail!("headless Chromium (Debian's `chromium`) is needed for the rendering figures");
    }
    let blank = out_dir.join("one-line.html");
    std::fs::write(
        &blank,
        "<!DOCTYPE html><meta charset=utf-8><title>x</title><p>One line.",
    )?;
    let html = out_dir.join("helsinki.html");
    let shot = out_dir.join("shot.png");
    let (mut base, mut full) = (Vec::new(), Vec::new());
    // Alternate, so a disturbance hits both sides alike.
    for _ in 0..runs.max(3) {
        for (page, into) in [(&blank, &mut base), (&html, &mut full)] {
            into.push(measure(
                chromium()
                    .arg(format!("--screenshot={}", shot.display()))
                    .arg(format!("file://{}", page.display())),
            )?);
        }
    }
    let (b, f) = (secs(median(&mut base)), secs(median(&mut full)));
    let pdf = out_dir.join("helsinki.pdf");
    let print = measure(
        chromium()
            .arg("--no-pdf-header-footer")
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display())),
    )?;
    let bytes = std::fs::read(&pdf)?;
    let pages = regex::bytes::Regex::new(r"/Type\s*/Page\b")?
        .find_iter(&bytes)
        .count();
    println!(
        "\nHeadless Chromium, {} runs each, alternating (window 1280x1600):",
        base.len()
    );
    println!("| page | screenshot wall s |");
    println!("|---|---:|");
    println!("| one-line page (Chromium start-up) | {b:.2} |");
    println!(
        "| Helsinki HTML report ({:.1} MiB) | {f:.2} |",
        std::fs::metadata(&html)?.len() as f64 / (1 << 20) as f64
    );
    let render = f - b;
    println!(
        "\nThe report's own load and render: {render:.2} s (target < 2 s: {})",
        if render < 2.0 { "met" } else { "MISSED" }
    );
    println!(
        "Printed to PDF: {:.2} s, {pages} pages, {:.1} MiB",
        secs(&print),
        bytes.len() as f64 / (1 << 20) as f64
    );
    Ok(())
}

/// `bench app-queries --db STORE`: what the desktop app asks a store, timed
/// in process against that store (median of `runs`).
pub fn app_queries(db: &Path, runs: usize) -> Result<()> {
    use provaudit::view::app;
    let store = provaudit::store::Store::open_existing(db)?;
    let registry = provaudit::outlets::registry::Registry::bundled();
    let time = |f: &mut dyn FnMut() -> Result<()>| -> Result<f64> {
        let mut all = Vec::new();
        for _ in 0..runs.max(1) {
            let started = std::time::Instant::now();
            f()?;
            all.push(started.elapsed().as_secs_f64() * 1e3);
        }
        all.sort_by(f64::total_cmp);
        Ok(all[all.len() / 2])
    };
    let totals = store.cluster_totals()?;
    println!(
        "{}: {} claims in {} clusters (median of {runs} runs, in process)\n",
        db.display(),
        totals.claims,
        totals.clusters
    );
    println!("| what the app asks | ms |\n|---|---:|");
    let mut first = None;
    let page = time(&mut || {
        let p = app::claims_page(&store, &[], app::ReviewFilter::All, 0, 100)?;
        first = p.clusters.first().map(|c| c.cluster.id.clone());
        Ok(())
    })?;
    println!("| the main list's first page (claims_page, 100 clusters) | {page:.1} |");
    let single = time(&mut || {
        app::claims_page(&store, &["single_source"], app::ReviewFilter::All, 0, 100)?;
        Ok(())
    })?;
    println!("| the single-source filter's first page | {single:.1} |");
    let echoes = time(&mut || {
        app::claims_page(&store, &["echo"], app::ReviewFilter::All, 0, 100)?;
        Ok(())
    })?;
    println!("| the echo chip's first page | {echoes:.1} |");
    // Search: a common word, a rare one and a phrase, 50 results each, as
    // the app's search boxes ask.
    for (what, query) in [
        ("a common word", "said"),
        ("a rare word", "quarantine"),
        ("a phrase", "\"the ministry said\""),
    ] {
        for scope in [
            provaudit::search::Scope::Documents,
            provaudit::search::Scope::Claims,
        ] {
            let mut total = String::new();
            let took = time(&mut || {
                let r = provaudit::search::search(&store, query, scope, 0, 50)?;
                let counted = match scope {
                    provaudit::search::Scope::Documents => {
                        r.documents.map(|p| (p.total, p.more_than))
                    }
                    _ => r.claims.map(|p| (p.total, p.more_than)),
                };
                total = match counted {
                    Some((n, true)) => format!("more than {n}"),
                    Some((n, false)) => n.to_string(),
                    None => String::new(),
                };
                Ok(())
            })?;
            let target = if took <= 50.0 {
                ""
            } else {
                " MISSED (target 50 ms)"
            };
            println!(
                "| search {what} ({query}) in the {}: first 50 of {total} | {took:.1}{target} |",
                if scope == provaudit::search::Scope::Documents {
                    "documents"
                } else {
                    "claims"
                }
            );
        }
    }
    let deep = time(&mut || {
        app::claims_page(&store, &[], app::ReviewFilter::All, 10_000, 100)?;
        Ok(())
    })?;
    println!("| a page 10,000 clusters down | {deep:.1} |");
    let counts = time(&mut || {
        app::claims_overview(&store)?;
        Ok(())
    })?;
    println!("| the counts above the list (claims_overview) | {counts:.1} |");
    if let Some(id) = first {
        let detail = time(&mut || {
            provaudit::view::json::ClusterDetail::find(&store, &id)?;
            Ok(())
        })?;
        println!("| the first cluster with its claims (ClusterDetail::find) | {detail:.1} |");
    }
    let open = time(&mut || {
        app::stored_overview(&store, &registry)?;
        Ok(())
    })?;
    println!(
        "| the overview the app opens with: counts over every document (stored_overview) | {open:.1} |"
    );
    // The Documents table, a page of 200 as the app asks: the first page,
    // then sorted and filtered by the store.
    // Targets: the app opens (overview and first page) within 100 ms; a
    // sorted or filtered page answers typing within 250 ms.
    use provaudit::store::{AffiliationFilter, DocumentQuery, DocumentSort};
    let mut first_page = 0.0;
    for (what, query, offset) in [
        ("the first page (path order)", DocumentQuery::default(), 0),
        ("a page 10,000 rows down", DocumentQuery::default(), 10_000),
        (
            "sorted by publisher, Z to A",
            DocumentQuery {
                sort: DocumentSort::Publisher,
                descending: true,
                ..Default::default()
            },
            0,
        ),
        (
            "sorted by alignment",
            DocumentQuery {
                sort: DocumentSort::Alignment,
                ..Default::default()
            },
            0,
        ),
        (
            "filtered by words (\"reuters\")",
            DocumentQuery {
                text: "reuters".into(),
                ..Default::default()
            },
            0,
        ),
        (
            "state-controlled origins only",
            DocumentQuery {
                affiliation: AffiliationFilter::Controlled,
                ..Default::default()
            },
            0,
        ),
    ] {
        let mut total = 0;
        let took = time(&mut || {
            total = app::documents_page(&store, &query, offset, 200)?.total;
            Ok(())
        })?;
        if offset == 0 && query == DocumentQuery::default() {
            first_page = took;
        }
        let target = if took <= 250.0 {
            ""
        } else {
            " MISSED (target 250 ms)"
        };
        println!("| Documents table, {what}: 200 of {total} | {took:.1}{target} |");
    }
    let opening = open + first_page;
    let target = if opening <= 100.0 {
        ""
    } else {
        " MISSED (target 100 ms)"
    };
    println!(
        "| the app opens: overview and the Documents table's first page | {opening:.1}{target} |"
    );
    Ok(())
}

//! `bench warc`: how fast a WARC file is read, against `warcio index` on
//! the same archive.
//!
//! The archive is generated from the Helsinki articles as `wget
//! --warc-file` writes one: a gzip member per record, a request and a
//! response record per page, SHA-1 block and payload digests in base32.
//! Three figures: the record reader alone in process (decompression,
//! headers, every declared digest re-computed); a whole `provaudit audit`
//! of a folder holding the archive (every page extracted, analysed and
//! stored); and `warcio index` (decompression and headers, no digest), the
//! reference tool of the web archiving field.

use super::{Article, Sample, measure, median};
use anyhow::{Context, Result};
use sha1::Digest;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn base32_sha1(bytes: &[u8]) -> String {
    data_encoding::BASE32.encode(&sha1::Sha1::digest(bytes))
}

/// Writes an archive of `pages` pages; returns its size in bytes.
fn generate(articles: &[Article], pages: usize, out: &Path) -> Result<u64> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut member = |record: Vec<u8>| -> Result<()> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(&record)?;
        file.write_all(&e.finish()?)?;
        Ok(())
    };
    let head = |kind: &str, uri: &str, ctype: &str, block: &[u8], payload: Option<&[u8]>| {
        let mut h = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n\
             WARC-Record-ID: <urn:uuid:{:032x}>\r\nContent-Type: {ctype}\r\nWARC-Block-Digest: sha1:{}\r\n",
            uri.len() ^ block.len(),
            base32_sha1(block)
        );
        if let Some(p) = payload {
            h.push_str(&format!("WARC-Payload-Digest: sha1:{}\r\n", base32_sha1(p)));
        }
        h.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
        let mut r = h.into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    };
    let info = b"software: provaudit bench\r\nformat: WARC File Format 1.0\r\n";
    member(head("warcinfo", "", "application/warc-fields", info, None))?;
    for i in 0..pages {
        let a = &articles[i % articles.len()];
        let host: String = a
            .publisher
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        let uri = format!("http://{host}/article/{i}.html");
        let mut body = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page {i}</title></head><body><article>"
        );
        for p in a.text.split("\n\n") {
            body.push_str("<p>");
            body.push_str(&p.replace('&', "&amp;").replace('<', "&lt;"));
            body.push_str("</p>\n");
        }
        body.push_str(&format!("<p>Page {i}.</p></article></body></html>"));
        let request = format!("GET /article/{i}.html HTTP/1.1\r\nHost: {host}\r\n\r\n");
        member(head(
            "request",
            &uri,
            "application/http; msgtype=request",
            request.as_bytes(),
            None,
        ))?;
        let mut block = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        block.extend_from_slice(body.as_bytes());
        member(head(
            "response",
            &uri,
            "application/http; msgtype=response",
            &block,
            Some(body.as_bytes()),
        ))?;
    }
    file.flush()?;
    Ok(std::fs::metadata(out)?.len())
}

fn python() -> PathBuf {
    std::env::var_os("PROVAUDIT_BENCH_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv/bin/python");
            if venv.exists() {
                venv
            } else {
                "python3".into()
            }
        })
}

pub fn run(articles: &[Article], pages: usize, runs: usize, dir: Option<PathBuf>) -> Result<()> {
    let scratch = tempfile::tempdir()?;
    let root = dir.unwrap_or_else(|| scratch.path().to_path_buf());
    let corpus = root.join("warc-corpus");
    std::fs::create_dir_all(&corpus)?;
    let archive = corpus.join("bench.warc.gz");
    let bytes = generate(articles, pages, &archive)?;
    let mb = bytes as f64 / 1e6;
    println!(
        "WARC of {pages} pages ({} records, one gzip member each): {mb:.1} MB",
        2 * pages + 1
    );

    // The reader alone, in process.
    let mut reads = Vec::new();
    let mut records = 0;
    for _ in 0..runs {
        let started = Instant::now();
        records = 0;
        let problems = provaudit::warc::read(&archive, &|_| false, &mut |_| records += 1)?;
        anyhow::ensure!(
            problems.is_empty(),
            "the generated archive reads with problems"
        );
        reads.push(started.elapsed());
    }
    reads.sort();
    let read = reads[reads.len() / 2].as_secs_f64();
    println!(
        "  provaudit::warc::read (records, digests re-computed): {read:.2} s, {:.1} MB/s, {:.0} records/s",
        mb / read,
        records as f64 / read
    );

    // A whole audit: every page extracted, analysed and stored.
    let provaudit = std::env::current_exe()?.with_file_name("provaudit");
    let mut samples: Vec<Sample> = Vec::new();
    for i in 0..runs {
        let db = root.join(format!("warc-{i}.sqlite"));
        let _ = std::fs::remove_file(&db);
        samples.push(measure(
            Command::new(&provaudit)
                .arg("audit")
                .arg(&corpus)
                .arg("--db")
                .arg(&db),
        )?);
        let _ = std::fs::remove_file(&db);
    }
    let s = median(&mut samples);
    println!(
        "  provaudit audit (whole process, every page analysed): {:.2} s, {:.1} MB/s, {:.0} pages/s, peak {:.0} MiB",
        s.wall.as_secs_f64(),
        mb / s.wall.as_secs_f64(),
        pages as f64 / s.wall.as_secs_f64(),
        s.peak_rss_kib as f64 / 1024.0
    );

    // warcio index, the field's reference reader.
    let python = python();
    let has_warcio = Command::new(&python)
        .args(["-c", "import warcio"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_warcio {
        println!(
            "  warcio index: not measured ({} has no warcio; pip install warcio==1.7.5 or set PROVAUDIT_BENCH_PYTHON)",
            python.display()
        );
        return Ok(());
    }
    let mut samples: Vec<Sample> = Vec::new();
    for _ in 0..runs {
        samples.push(
            measure(
                Command::new(&python)
                    .args([
                        "-c",
                        "import sys; from warcio.cli import main; main(sys.argv[1:])",
                    ])
                    .arg("index")
                    .arg(&archive),
            )
            .context("warcio index")?,
        );
    }
    let w = median(&mut samples);
    println!(
        "  warcio index (whole process, headers only, no digest): {:.2} s, {:.1} MB/s, peak {:.0} MiB; the reader is {:.1}x its rate",
        w.wall.as_secs_f64(),
        mb / w.wall.as_secs_f64(),
        w.peak_rss_kib as f64 / 1024.0,
        w.wall.as_secs_f64() / read
    );
    Ok(())
}

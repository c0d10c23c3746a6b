//! `export --format jsonl`: the corpus's articles one JSON object a line, in
//! the input shape of passim (the text-reuse detector for Apache Spark,
//! <https://github.com/dasmiq/passim>), so a team with a cluster runs it on
//! what this tool read, as it is: `id`, `series`, `date`, `text`.
//!
//! `series` is the document's origin group (who produced the text:
//! `outlet:reuters`, `document:a.txt` when unknown), so passim's "only
//! align documents of different series" compares producers, not
//! publishers; our own fields ride along (`sha256`, `text_sha256`,
//! `publisher`, `origin`, `url`, `captured_at`) for joining the results
//! back. Texts are read from the store a slice at a time and written as they
//! are read: the export's memory does not grow with the corpus.

use super::{ExportError, Result};
use crate::progress::Control;
use crate::store::Store;
use crate::view::json::DocumentEntry;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// One line of the export.
#[derive(Debug, Serialize)]
struct Line<'a> {
    id: &'a str,
    series: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reuse_text: Option<String>,
    sha256: &'a str,
    text_sha256: Option<&'a str>,
    publisher: Option<&'a str>,
    origin: Option<&'a str>,
    url: Option<&'a str>,
    captured_at: Option<&'a str>,
}

/// Documents' texts read from the store at once.
const TEXTS_AT_ONCE: usize = 1024;

/// The day a document is from, as passim orders them: the day its text or
/// metadata reports when it names the year, else the day it was captured.
fn day(entry: &DocumentEntry) -> Option<String> {
    entry
        .date
        .as_ref()
        .filter(|d| d.year.is_some())
        .map(|d| d.date.clone())
        .or_else(|| {
            let at = entry.capture.as_ref()?.at.as_deref()?;
            chrono::DateTime::parse_from_rfc3339(at)
                .ok()
                .map(|t| t.naive_utc().date().to_string())
        })
}

/// Writes every document that has text to `out` (the file at `path`), one
/// JSON object a line; returns how many, or `None` when cancelled.
/// `documents` are the store's documents as the reports describe them
/// (`report::documents_section`).
pub fn write(
    store: &Store,
    documents: &[DocumentEntry],
    out: &mut dyn Write,
    path: &Path,
    control: &Control,
) -> Result<Option<usize>> {
    let io = |error| ExportError::Write {
        path: path.to_path_buf(),
        error,
    };
    let stored = store.documents()?;
    let by_path: std::collections::HashMap<&str, &DocumentEntry> =
        documents.iter().map(|d| (d.path.as_str(), d)).collect();
    let with_text: Vec<_> = stored
        .into_iter()
        .filter(|d| d.text_sha256.is_some())
        .collect();
    control.progress.start(
        "writing texts",
        with_text.len() as u64,
        with_text.iter().map(|d| d.bytes).sum(),
    );
    let mut written = 0;
    for slice in with_text.chunks(TEXTS_AT_ONCE) {
        if control.cancelled() {
            return Ok(None);
        }
        for (doc, text) in store.texts_of(slice.to_vec())? {
            control.progress.advance(doc.bytes);
            let Some(text) = text else { continue };
            let path = doc.path.to_string_lossy();
            let Some(entry) = by_path.get(path.as_ref()) else {
                continue;
            };
            let line = Line {
                id: &entry.path,
                series: entry
                    .origin_group
                    .clone()
                    .unwrap_or_else(|| format!("document:{}", entry.path)),
                date: day(entry),
                text: &text.text,
                reuse_text: store
                    .article_text(doc.id)?
                    .map(|article| crate::claims::reuse::own_text(&article)),
                sha256: &entry.sha256,
                text_sha256: entry.text_sha256.as_deref(),
                publisher: entry.publisher.as_ref().map(|p| p.name.as_str()),
                origin: entry.origin.as_ref().map(|p| p.name.as_str()),
                url: entry.capture.as_ref().and_then(|c| c.url.as_deref()),
                captured_at: entry.capture.as_ref().and_then(|c| c.at.as_deref()),
            };
            // As `audit --json` prints: C1 controls and bidi overrides as
            // `\uXXXX`, so `cat` or `head` on the file runs nothing.
            let json = serde_json::to_string(&line).map_err(|e| io(e.into()))?;
            out.write_all(crate::escape::json(&json).as_bytes())
                .map_err(io)?;
            out.write_all(b"\n").map_err(io)?;
            written += 1;
        }
    }
    control.progress.finish();
    Ok(Some(written))
}

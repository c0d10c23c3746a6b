//! Full-text search over every document's stored text and every claim: the
//! words a reviewer types, found through the store's FTS5 indexes (kept in
//! step by ingest and the analysis), each hit with a highlighted snippet and
//! where it is in the file (line, byte range).
//!
//! A query is words and "quoted phrases", all of which must occur. It is
//! never handed to FTS5 as written: every word is quoted, so no input is
//! read as FTS5 syntax (`NEAR`, `*`, `:`, a stray `"`).

use crate::store::{Store, StoreError};
use crate::text::offsets::Locator;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What to search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    Documents,
    Claims,
}

/// A query: phrases (one word or several in order), all of which must occur.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    phrases: Vec<Vec<String>>,
}

/// A word as the index sees it: lower case, without diacritics.
fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` with their byte ranges: runs of letters and digits.
fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((fold(&text[s..i]), s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((fold(&text[s..]), s, text.len()));
    }
    out
}

impl Query {
    /// The query a person typed, or `None` when it holds no word.
    pub fn parse(input: &str) -> Option<Query> {
        let mut phrases = Vec::new();
        for (i, part) in input.split('"').enumerate() {
            let ws: Vec<String> = words(part).into_iter().map(|(w, _, _)| w).collect();
            if i % 2 == 1 {
                // Inside quotes: one phrase.
                if !ws.is_empty() {
                    phrases.push(ws);
                }
            } else {
                phrases.extend(ws.into_iter().map(|w| vec![w]));
            }
        }
        (!phrases.is_empty()).then_some(Query { phrases })
    }

    /// The FTS5 expression: every phrase quoted, all required.
    pub fn fts(&self) -> String {
        self.phrases
            .iter()
            .map(|p| format!("\"{}\"", p.join(" ").replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Byte ranges in `text` where a phrase occurs, in order.
    pub fn hits(&self, text: &str) -> Vec<(usize, usize)> {
        let ws = words(text);
        let mut out = Vec::new();
        for i in 0..ws.len() {
            for p in &self.phrases {
                if i + p.len() <= ws.len() && p.iter().zip(&ws[i..]).all(|(q, w)| *q == w.0) {
                    out.push((ws[i].1, ws[i + p.len() - 1].2));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        // Hits next to each other ("World Health Organization" typed as
        // three words) are one.
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
        for (s, e) in out {
            match merged.last_mut() {
                Some(last) if s <= last.1 || text[last.1..s].chars().all(char::is_whitespace) => {
                    last.1 = last.1.max(e);
                }
                _ => merged.push((s, e)),
            }
        }
        merged
    }
}

/// A piece of a snippet: text, and whether it is a hit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Text around the first hit (or the start), hits marked, whitespace runs
/// squeezed, cut at word boundaries with "…".
pub fn snippet(text: &str, hits: &[(usize, usize)], before: usize, after: usize) -> Vec<Segment> {
    let (first_start, first_end) = hits.first().copied().unwrap_or((0, 0));
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut from = floor(first_start.saturating_sub(before));
    if from > 0 {
        // Start at a word.
        from = text[from..first_start]
            .find(char::is_whitespace)
            .map(|i| from + i + 1)
            .unwrap_or(from);
    }
    let mut to = floor((first_end + after).min(text.len()));
    if to < text.len() {
        to = text[first_end..to]
            .rfind(char::is_whitespace)
            .map(|i| first_end + i)
            .unwrap_or(to);
    }
    let mut out: Vec<Segment> = Vec::new();
    // Whitespace runs as one space, across segment boundaries too.
    let mut push = |s: &str, hit: bool| {
        let mut t = String::with_capacity(s.len());
        let ends_in_space = out.last().is_some_and(|g: &Segment| g.text.ends_with(' '));
        let mut space = ends_in_space || (out.is_empty() && !hit);
        for c in s.chars() {
            if c.is_whitespace() {
                if !space {
                    t.push(' ');
                    space = true;
                }
            } else {
                t.push(c);
                space = false;
            }
        }
        match out.last_mut() {
            _ if t.is_empty() => {}
            Some(last) if !last.hit && !hit => last.text.push_str(&t),
            _ => out.push(Segment { text: t, hit }),
        }
    };
    if from > 0 {
        push("…\u{20}", false);
    }
    let mut at = from;
    for &(s, e) in hits.iter().filter(|(s, e)| *s >= from && *e <= to) {
        if s < at {
            continue;
        }
        push(&text[at..s], false);
        push(&text[s..e], true);
        at = e;
    }
    push(&text[at..to], false);
    if to < text.len() {
        push(" …", false);
    }
    if let Some(last) = out.last_mut()
        && !last.hit
    {
        last.text.truncate(last.text.trim_end().len());
    }
    out.retain(|g| !g.text.is_empty());
    out
}

/// A document found, with its first hit.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentResult {
    pub document: String,
    pub title: Option<String>,
    /// Where the first hit is in the file: line, byte range.
    pub line: Option<u64>,
    pub start: Option<u64>,
    pub end: Option<u64>,
    /// How many times the query occurs in the document's text.
    pub hits: usize,
    pub snippet: Vec<Segment>,
}

/// A claim found.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimResult {
    pub claim: String,
    pub cluster: String,
    pub document: String,
    pub line: Option<u64>,
    pub start: Option<u64>,
    pub end: Option<u64>,
    pub kind: &'static str,
    /// The claim's text, hits marked.
    pub text: Vec<Segment>,
}

/// One page of results of one kind, and how many there are in all.
#[derive(Clone, Debug, Serialize)]
pub struct Page<T> {
    /// How many match; when `more_than` is set, at least this many (a
    /// common word is not counted to the end, and its matches come in the
    /// store's order, not by relevance).
    pub total: u64,
    pub more_than: bool,
    pub offset: u64,
    pub results: Vec<T>,
}

fn page<T>(total: u64, offset: u64, results: Vec<T>) -> Page<T> {
    let cap = crate::store::SEARCH_COUNT_CAP;
    Page {
        total: total.min(cap),
        more_than: total > cap,
        offset,
        results,
    }
}

/// `provaudit search --json`, and what the app shows.
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    pub schema_version: u32,
    pub query: String,
    pub documents: Option<Page<DocumentResult>>,
    pub claims: Option<Page<ClaimResult>>,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("nothing to search for: the query holds no word")]
    Empty,
}

/// Searches the store: `limit` results of each kind `scope` asks for, from
/// `offset`, best first.
pub fn search(
    store: &Store,
    input: &str,
    scope: Scope,
    offset: u64,
    limit: u64,
) -> Result<SearchResults, SearchError> {
    let query = Query::parse(input).ok_or(SearchError::Empty)?;
    let fts = query.fts();
    let documents = if scope == Scope::Claims {
        None
    } else {
        let (found, total) = store.search_documents(&fts, offset, limit)?;
        let results = found
            .into_iter()
            .map(|d| {
                let hits = query.hits(&d.text);
                let encoding = d.encoding.as_deref().unwrap_or("UTF-8");
                let located = hits.first().map(|&(s, e)| {
                    Locator::new(encoding, &d.text, d.source.as_deref()).locate(s, e)
                });
                DocumentResult {
                    document: d.path.to_string_lossy().into_owned(),
                    title: d.title,
                    line: located.as_ref().and_then(|l| l.line),
                    start: located.as_ref().and_then(|l| l.start),
                    end: located.as_ref().and_then(|l| l.end),
                    hits: hits.len(),
                    snippet: snippet(&d.text, &hits, 70, 110),
                }
            })
            .collect();
        Some(page(total, offset, results))
    };
    let claims = if scope == Scope::Documents {
        None
    } else {
        let (found, total) = store.search_claims(&fts, offset, limit)?;
        let results = found
            .into_iter()
            .map(|(c, path)| {
                let hits = query.hits(&c.text);
                ClaimResult {
                    text: snippet(&c.text, &hits, usize::MAX / 4, usize::MAX / 4),
                    claim: c.key,
                    cluster: c.cluster_key,
                    document: path.to_string_lossy().into_owned(),
                    line: c.line,
                    start: c.start,
                    end: c.end,
                    kind: c.kind.as_str(),
                }
            })
            .collect();
        Some(page(total, offset, results))
    };
    Ok(SearchResults {
        schema_version: crate::view::json::SCHEMA_VERSION,
        query: input.to_owned(),
        documents,
        claims,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_words_and_phrases_never_fts_syntax() {
        let q = Query::parse(r#"Red Cross "at least 1,093" NEAR(a b) x* "#).unwrap();
        assert_eq!(
            q.fts(),
            r#""red" "cross" "at least 1 093" "near" "a" "b" "x""#
        );
        assert_eq!(Query::parse("  \"\" ,.; "), None);
        // An unclosed quote is a phrase to the end.
        assert_eq!(
            Query::parse("\"Gdańsk port").unwrap().fts(),
            "\"gdansk port\""
        );
    }

    #[test]
    fn hits_are_whole_words_and_phrases_in_order_whatever_the_case_and_accents() {
        let q = Query::parse("\"port of Gdansk\" fire").unwrap();
        let text = "The FIRE at the port of Gdańsk; fires spread. Port of Gdansk again.";
        let hits: Vec<&str> = q.hits(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(hits, ["FIRE", "port of Gdańsk", "Port of Gdansk"]);
        // Words typed apart but written together are one hit.
        let q = Query::parse("health world organization").unwrap();
        let text = "the World  Health Organization said";
        let hits: Vec<&str> = q.hits(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(hits, ["World  Health Organization"]);
    }

    #[test]
    fn a_snippet_marks_hits_and_squeezes_whitespace() {
        let text = "First line.\n\nThe   Red Cross said at least 100\tpeople died in the blast on Tuesday evening.";
        let q = Query::parse("red cross").unwrap();
        let hits = q.hits(text);
        let s = snippet(text, &hits, 10, 20);
        let shown: String = s
            .iter()
            .map(|g| {
                if g.hit {
                    format!("[{}]", g.text)
                } else {
                    g.text.clone()
                }
            })
            .collect();
        assert_eq!(shown, "… The [Red Cross] said at least 100 …");
    }
}

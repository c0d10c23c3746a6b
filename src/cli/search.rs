//! `provaudit search QUERY`: documents and claims holding words or
//! "phrases", with highlighted snippets, file, line and byte range.

use crate::cli::args::*;
use crate::cli::locate::*;
use crate::cli::print::*;
use anyhow::Result;
use provaudit::search::{self, Page, Scope, Segment};
use provaudit::store::Store;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words and "quoted phrases", all of which must occur (case and accents
    /// do not matter)
    query: String,
    /// The corpus folder, to find its store (not needed with --db)
    dir: Option<PathBuf>,
    #[command(flatten)]
    store: StoreArg,
    /// Only claims
    #[arg(long, conflicts_with = "documents")]
    claims: bool,
    /// Only documents
    #[arg(long)]
    documents: bool,
    /// How many results of each kind
    #[arg(long, default_value_t = 20)]
    limit: u64,
    /// Skip this many results of each kind (the next page)
    #[arg(long, default_value_t = 0)]
    offset: u64,
    /// Print one JSON document instead of text
    #[arg(long)]
    json: bool,
}

/// Hits between « and », whatever the terminal.
fn marked(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            if s.hit {
                format!("«{}»", s.text)
            } else {
                s.text.clone()
            }
        })
        .collect()
}

fn range(line: Option<u64>, start: Option<u64>, end: Option<u64>) -> String {
    match (line, start, end) {
        (Some(l), Some(s), Some(e)) => format!("line {l}, bytes {s}–{e}"),
        (Some(l), _, _) => format!("line {l}"),
        _ => "position not located in the file".into(),
    }
}

fn heading<T>(page: &Page<T>, what: &str, query: &str) -> String {
    let shown = page.results.len() as u64;
    if page.more_than {
        return format!(
            "more than {} {what}s match “{query}” (showing {}–{} in the store's order, not by relevance; a rarer word or a \"phrase\" narrows it; --offset {} for more):",
            page.total,
            page.offset + 1,
            page.offset + shown,
            page.offset + shown
        );
    }
    let (noun, verb) = if page.total == 1 {
        (what.to_owned(), "matches")
    } else {
        (format!("{what}s"), "match")
    };
    if shown == 0 {
        format!("no {what} matches “{query}”")
    } else if shown == page.total && page.offset == 0 {
        format!("{} {noun} {verb} “{query}”:", page.total)
    } else {
        format!(
            "{} {noun} {verb} “{query}” (showing {}–{}; --offset {} for more):",
            page.total,
            page.offset + 1,
            page.offset + shown,
            page.offset + shown
        )
    }
}

pub fn run(args: SearchArgs) -> Result<()> {
    let path = resolve_store(args.store.db.as_deref(), args.dir.as_deref())?;
    let store = Store::open_existing(&path)?;
    let scope = match (args.claims, args.documents) {
        (true, _) => Scope::Claims,
        (_, true) => Scope::Documents,
        _ => Scope::All,
    };
    let found = search::search(&store, &args.query, scope, args.offset, args.limit.max(1))?;
    if args.json {
        return print_json(&found);
    }
    let mut out = stdout_text();
    if let Some(docs) = &found.documents {
        writeln!(out, "{}", heading(docs, "document", &args.query))?;
        for d in &docs.results {
            writeln!(
                out,
                "  {}  {} ({} {})",
                d.document.escape_debug(),
                range(d.line, d.start, d.end),
                d.hits,
                if d.hits == 1 { "hit" } else { "hits" }
            )?;
            writeln!(out, "    {}", marked(&d.snippet))?;
        }
    }
    if let Some(claims) = &found.claims {
        if found.documents.is_some() {
            writeln!(out)?;
        }
        writeln!(out, "{}", heading(claims, "claim", &args.query))?;
        for c in &claims.results {
            writeln!(
                out,
                "  {} (cluster {})  {}  {}, {}",
                c.claim,
                c.cluster,
                c.document.escape_debug(),
                range(c.line, c.start, c.end),
                c.kind
            )?;
            writeln!(out, "    {}", marked(&c.text))?;
        }
        if !claims.results.is_empty() {
            writeln!(
                out,
                "`provaudit show ID` shows a claim side by side across documents."
            )?;
        }
    }
    Ok(())
}

//! Printing one document, the registry, JSON: every string through
//! `escape`, so nothing from an article acts on the terminal.

use anyhow::{Context, Result};
use provaudit::escape;
use provaudit::export;
use provaudit::outlets::registry::{self, Registry};
use provaudit::view::json::DocumentEntry;
use serde::Serialize;
use std::io::{self, Write};

/// A quotation cut at 80 characters, control characters as spaces and
/// whitespace runs squeezed (a credit padded with tabs reads as one line).
pub(crate) fn quote(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if s.chars().count() > 80 {
        format!("‘{}…’", s.chars().take(78).collect::<String>())
    } else {
        format!("‘{s}’")
    }
}

/// One line about who stands behind an origin: kind, country, affiliation.
pub(crate) fn alignment_badge(entry: &DocumentEntry) -> String {
    let parts = export::words::alignment_parts(entry, false);
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [{}]", parts.join(", "))
    }
}

pub(crate) fn party_line(p: Option<&provaudit::view::json::PartyEntry>) -> String {
    match p {
        None => "unidentified".into(),
        Some(p) => format!("{}{}", p.name, if p.manual { " (manual)" } else { "" }),
    }
}

pub(crate) fn print_document(entry: &DocumentEntry) -> Result<()> {
    let mut out = stdout_text();
    writeln!(out, "{}", entry.path.escape_debug())?;
    writeln!(out, "  sha256       {}", entry.sha256)?;
    writeln!(
        out,
        "  text sha256  {}",
        entry.text_sha256.as_deref().unwrap_or("-")
    )?;
    writeln!(
        out,
        "  {} bytes, {}, {}",
        entry.bytes,
        entry.encoding.as_deref().unwrap_or("not decoded"),
        entry.content_kind
    )?;
    for note in &entry.notes {
        writeln!(out, "  note         {}", provaudit::escape::visible(note))?;
    }
    if let Some(capture) = &entry.capture {
        writeln!(
            out,
            "  captured     {} {}",
            export::words::capture(capture),
            quote(capture.url.as_deref().unwrap_or("(no address)"))
        )?;
        if let Some(record) = &capture.record {
            writeln!(
                out,
                "  record       {}",
                provaudit::escape::visible(&export::words::record_place(record))
            )?;
        }
    }
    for (label, party) in [("publisher", &entry.publisher), ("origin", &entry.origin)] {
        match party {
            // A reviewer's correction has no place in the file to point at.
            Some(p) if p.manual => {
                writeln!(out, "  {label:<12} {}  — {}", party_line(Some(p)), p.basis)?
            }
            Some(p) => {
                let place = export::words::place(
                    p.evidence.line,
                    p.evidence.start,
                    p.evidence.end,
                    p.evidence.page,
                );
                writeln!(
                    out,
                    "  {label:<12} {}  — {} {}{}{}, confidence {:.2}",
                    party_line(Some(p)),
                    p.evidence.rule,
                    quote(&p.evidence.text),
                    if place.is_empty() { "" } else { ", " },
                    place,
                    p.confidence
                )?
            }
            None => writeln!(out, "  {label:<12} unidentified")?,
        }
    }
    writeln!(
        out,
        "  relation     {}{}",
        entry.relation.replace('_', " "),
        alignment_badge(entry)
    )?;
    if let Some(g) = &entry.origin_group {
        writeln!(out, "  origin group {g}")?;
    }
    let credited: Vec<&str> = entry
        .co_producers
        .iter()
        .filter(|c| c.relayed.is_none())
        .map(|c| c.name.as_str())
        .collect();
    if !credited.is_empty() {
        writeln!(
            out,
            "  also credits {} (in a claim it counts as one origin with any of them)",
            credited.join(", ")
        )?;
    }
    for c in &entry.co_producers {
        if let Some(words) = &c.relayed {
            writeln!(
                out,
                "  relays       {} in its lead, {} (in a claim it stands behind too, one origin with it)",
                c.name,
                quote(words)
            )?;
        }
    }
    if let Some(e) = &entry.outlet_explanation {
        writeln!(out, "  why          {e}")?;
    }
    match &entry.date {
        Some(d) => {
            let place = export::words::place(d.line, None, None, d.page);
            writeln!(
                out,
                "  reported     {} — {}{}{}",
                d.human(),
                quote(&d.text),
                if place.is_empty() { "" } else { ", " },
                place
            )?
        }
        None => writeln!(out, "  reported     no date in the text")?,
    }
    if let Some(warning) = &entry.dated_after_capture {
        writeln!(
            out,
            "  DATE CHECK   {}",
            provaudit::escape::visible(warning)
        )?;
    }
    Ok(())
}

pub(crate) fn print_outlets(registry: &Registry, outlets: &[registry::Outlet]) -> Result<()> {
    let mut out = stdout_text();
    writeln!(
        out,
        "Outlet registry {} — {} outlets",
        registry.version,
        outlets.len()
    )?;
    for o in outlets {
        let layers: Vec<&str> = o
            .layers
            .iter()
            .map(|l| match l {
                registry::Layer::StateMediaMonitor => "state-media",
                registry::Layer::Bundled => "bundled",
                registry::Layer::User => "USER",
            })
            .collect();
        writeln!(out, "{}  ({}) [{}]", o.name, o.id, layers.join("+"))?;
        let field = |name: &str, value: String| -> String {
            let source = o
                .sources
                .get(name)
                .map(|s| format!("   ← {s}"))
                .unwrap_or_default();
            format!("    {name:<18} {value}{source}")
        };
        writeln!(out, "{}", field("kind", o.kind.as_str().into()))?;
        if let Some(c) = &o.country {
            writeln!(out, "{}", field("country", c.clone()))?;
        }
        if let Some(w) = &o.owner {
            writeln!(out, "{}", field("owner", w.clone()))?;
        }
        if o.international {
            writeln!(
                out,
                "{}",
                field(
                    "international",
                    "yes: its copy runs under others' names".into()
                )
            )?;
        }
        writeln!(
            out,
            "{}",
            field(
                "state_affiliation",
                o.state_affiliation
                    .map(|t| format!("{} ({})", t.as_str(), t.describe()))
                    .unwrap_or_else(|| "none".into())
            )
        )?;
        if !o.aliases.is_empty() {
            writeln!(out, "{}", field("aliases", o.aliases.join(", ")))?;
        }
        if !o.domains.is_empty() {
            writeln!(out, "{}", field("domains", o.domains.join(", ")))?;
        }
    }
    Ok(())
}

/// Standard output for text: every control character an article, a file
/// name or a user put in a printed string is written as a visible escape.
pub(crate) fn stdout_text() -> escape::Escaping<io::StdoutLock<'static>> {
    escape::Escaping::new(io::stdout().lock(), escape::Mode::Text)
}

pub(crate) fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let mut out = escape::Escaping::new(io::stdout().lock(), escape::Mode::Json);
    serde_json::to_writer_pretty(&mut out, value).context("writing JSON")?;
    writeln!(out)?;
    Ok(())
}

//! The read models: what each reader of a store is shown, built on the
//! store's rows and each on the one before it, never on SQL of its own.
//!
//! - `json` — the JSON shapes (`audit --json`, `show`, `claims`,
//!   `history`, `verify`), pinned by tests: the contract for scripts, and
//!   the entries (`DocumentEntry`, `ClusterEntry`…) every other reader
//!   shows. A new fact about a document, claim or cluster goes here first.
//! - `app` — what the desktop app asks a page at a time (the overview, the
//!   Documents and Claims pages, a document's text in evidence segments);
//!   its rows carry `json`'s entries, flattened.
//! - `report` — the audit report's data (HTML, Markdown, JSON, CSV,
//!   JSON-LD), `json`'s entries plus the review; `export` renders it.

pub mod app;
pub mod json;
pub mod report;

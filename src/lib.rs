//! Provenance Auditor core: the evidence store, ingest and fingerprints,
//! verification and evidence exports.
//!
//! The core never depends on a window or a wire format of its own: the CLI
//! (`src/main.rs`) and the desktop app (`src-tauri/`) are adapters over it.
//! See `ARCHITECTURE.md` for the code map and the invariants.

pub mod bag;
pub mod claims;
pub mod clean;
pub mod escape;
pub mod export;
pub mod fingerprint;
pub mod import;
pub mod ingest;
pub mod manifest;
pub mod model;
pub mod outlets;
pub mod pattern;
pub mod pipeline;
pub mod progress;
pub mod relpath;
pub mod review;
pub mod scan;
pub mod search;
pub mod store;
pub mod text;
pub mod verification;
pub mod verify;
pub mod view;
pub mod warc;
pub mod warc_pages;

/// The program's version, as recorded in stores, bags and reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

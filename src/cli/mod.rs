//! The `provaudit` command-line adapter, one file per concern: `args` (the
//! command line), `run` (dispatch to the core), `locate` (which store),
//! `print` and `summaries` (what is printed), `progress` (the bar), and one
//! file per command family (`claims`, `review`, `search`). `main.rs` holds
//! `main` and the mapping of errors to advice and exit codes.

pub mod args;
pub mod claims;
pub mod locate;
pub mod print;
pub mod progress;
pub mod review;
pub mod run;
pub mod search;
pub mod summaries;

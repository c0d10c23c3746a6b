//! Parts of the `provaudit` command-line adapter, one file per command
//! family (the rest still lives in `main.rs`).

pub mod claims;
pub mod review;
pub mod search;

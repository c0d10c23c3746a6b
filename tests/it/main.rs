//! Integration tests of the core and the `provaudit` CLI: one test binary,
//! each test in its own temporary folder with its own data folder, so no test
//! touches the user's stores.

mod attribution;
mod bad_input;
mod bag;
mod capture;
mod claims;
mod credits;
mod export;
mod fuzz;
mod house;
mod incremental;
mod outlets;
mod provenance;
mod relays;
mod report;
mod review_cli;
mod search;
mod security;
mod seeds;
mod spark;
mod store;
mod support;
mod told;
mod verify;
mod warc;

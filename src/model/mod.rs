//! What the stages decide, in the shape the store keeps it: plain data
//! (and the review log's own sealing and checking rules), below the store
//! and below every stage. The store reads and writes these types; the
//! stages (`outlets`, `claims`, `review`) compute them and re-export them
//! under their own names (`claims::Cluster` is `model::claims::Cluster`),
//! so neither the store nor a stage imports the other's side: the store
//! never depends on how a decision is made.

pub mod claims;
pub mod outlets;
pub mod review;

/// Bump when a change to the analysis code changes what it stores for the
/// same inputs, so stores analysed by the older code are analysed again
/// (each document's kept analysis too: `claims::analysis_key`).
pub const ANALYSIS_VERSION: u32 = 136;

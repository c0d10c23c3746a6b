//! How long-running work reports progress and learns it was cancelled,
//! without the core knowing whether a terminal or a window is watching.

use std::sync::atomic::{AtomicBool, Ordering};

/// Receives progress of a run. Implementations must be cheap: `advance` is
/// called once per file from the worker threads.
pub trait Progress: Sync {
    /// A stage begins with `total_files` files and `total_bytes` bytes to do.
    fn start(&self, _stage: &str, _total_files: u64, _total_bytes: u64) {}
    /// One more file of `bytes` bytes is done.
    fn advance(&self, _bytes: u64) {}
    /// The stage is over.
    fn finish(&self) {}
}

/// Reports nothing.
#[derive(Debug, Default)]
pub struct Silent;

impl Progress for Silent {}

/// What a caller hands to a long run: where progress goes and a flag that,
/// once set, makes the run stop after the file in hand. Work already stored
/// stays stored.
pub struct Control<'a> {
    pub progress: &'a dyn Progress,
    pub cancel: &'a AtomicBool,
}

static NEVER_CANCELLED: AtomicBool = AtomicBool::new(false);

impl Control<'static> {
    /// No progress, no cancellation.
    pub fn none() -> Self {
        Control {
            progress: &Silent,
            cancel: &NEVER_CANCELLED,
        }
    }
}

impl Control<'_> {
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// How long each step of a run took, in order: what `audit --timings` and
/// the benchmark print. Steps that run on several threads at once (reading
/// and decoding files) are summed over the threads and say so in their name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timings(pub Vec<(String, std::time::Duration)>);

impl Timings {
    pub fn add(&mut self, step: &str, took: std::time::Duration) {
        self.0.push((step.to_owned(), took));
    }

    /// Runs `f` and records its wall time under `step`.
    pub fn time<T>(&mut self, step: &str, f: impl FnOnce() -> T) -> T {
        let started = std::time::Instant::now();
        let out = f();
        self.add(step, started.elapsed());
        out
    }

    pub fn extend(&mut self, other: Timings) {
        self.0.extend(other.0);
    }
}

/// Times steps that follow one another: each lap is the wall time since
/// the one before, or since the start.
pub struct Laps {
    pub timings: Timings,
    since: std::time::Instant,
}

impl Laps {
    pub fn start() -> Laps {
        Laps {
            timings: Timings::default(),
            since: std::time::Instant::now(),
        }
    }

    /// Records the time since the last lap under `step`.
    pub fn lap(&mut self, step: &str) {
        self.timings.add(step, self.since.elapsed());
        self.since = std::time::Instant::now();
    }
}

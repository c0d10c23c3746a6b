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

/// How long each step of a run took, in order, and the memory the process
/// held when it ended: what `audit --timings` and the benchmark print.
/// Steps that run on several threads at once (reading and decoding files)
/// are summed over the threads and say so in their name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timings(pub Vec<Step>);

/// One step of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub name: String,
    pub took: std::time::Duration,
    /// The process's memory when the step ended (where the system says).
    pub memory: Option<Memory>,
}

/// Resident memory of this process, in KiB: now, and the most it has held
/// since it started (the kernel's `VmRSS` and `VmHWM`). A step that raised
/// `peak` is the one that needed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Memory {
    pub resident_kib: u64,
    pub peak_kib: u64,
}

impl Memory {
    /// This process's memory now; `None` where `/proc` does not say.
    pub fn now() -> Option<Memory> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let field = |name: &str| -> Option<u64> {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))?
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse()
                .ok()
        };
        Some(Memory {
            resident_kib: field("VmRSS:")?,
            peak_kib: field("VmHWM:")?,
        })
    }
}

/// Hands the memory freed by a step back to the system. glibc's malloc
/// keeps what the threads free in their arenas, much of it in pieces the
/// next step's allocations do not reuse: at 100,000 generated documents the
/// process held 4.35 GiB after matching, 3.64 GiB with this after each
/// step (peak 5.06 → 4.92 GiB). A no-op where malloc is not glibc's.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases free memory; it takes no pointer.
    unsafe {
        libc::malloc_trim(0);
    }
}

impl Timings {
    /// Records `step` as taking `took`, ending now.
    pub fn add(&mut self, step: &str, took: std::time::Duration) {
        self.0.push(Step {
            name: step.to_owned(),
            took,
            memory: Memory::now(),
        });
    }

    /// Records a part of a step, measured along the way and recorded after
    /// it: the memory when that part ended is not known.
    pub fn add_part(&mut self, step: &str, took: std::time::Duration) {
        self.0.push(Step {
            name: step.to_owned(),
            took,
            memory: None,
        });
    }

    /// The steps of `inner`, their names prefixed with `prefix`.
    pub fn extend_prefixed(&mut self, prefix: &str, inner: Timings) {
        self.0.extend(inner.0.into_iter().map(|s| Step {
            name: format!("{prefix}{}", s.name),
            ..s
        }));
    }

    /// How long the step named `name` took, if it ran.
    pub fn of(&self, name: &str) -> Option<std::time::Duration> {
        self.0.iter().find(|s| s.name == name).map(|s| s.took)
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

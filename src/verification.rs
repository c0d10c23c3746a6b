//! What a verification found: each path's status, the counts, the run.
//! Data only: `verify` finds it, the store records it, reports show it.

use crate::relpath::RelPath;
use crate::scan::FileProblem;
use serde::Serialize;
use std::path::PathBuf;

/// What became of one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Same path, same bytes.
    Ok,
    /// Same path, other bytes.
    Modified,
    /// Recorded, no longer there (and not found elsewhere).
    Missing,
    /// There, never recorded.
    New,
    /// Recorded bytes found at a new path, the old path gone.
    Moved,
    /// Not recorded at this path, but the same bytes as another file.
    Duplicate,
    /// There, but could not be read.
    Unreadable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Modified => "modified",
            Status::Missing => "missing",
            Status::New => "new",
            Status::Moved => "moved",
            Status::Duplicate => "duplicate",
            Status::Unreadable => "unreadable",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "ok" => Status::Ok,
            "modified" => Status::Modified,
            "missing" => Status::Missing,
            "new" => Status::New,
            "moved" => Status::Moved,
            "duplicate" => Status::Duplicate,
            "unreadable" => Status::Unreadable,
            _ => return None,
        })
    }
}

/// The result for one path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub path: RelPath,
    pub status: Status,
    pub expected_sha256: Option<String>,
    pub actual_sha256: Option<String>,
    /// For `moved`, the old path; for `duplicate`, the file with the same bytes.
    pub other_path: Option<RelPath>,
    pub message: Option<String>,
}

/// Counts per status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub ok: u64,
    pub modified: u64,
    pub missing: u64,
    pub new: u64,
    pub moved: u64,
    pub duplicate: u64,
    pub unreadable: u64,
}

/// One verification run.
#[derive(Clone, Debug)]
pub struct Verification {
    pub root: PathBuf,
    /// `store`, or `sha256sum:PATH` / `bagit:PATH` for a manifest.
    pub against: String,
    pub started_at: String,
    pub finished_at: String,
    /// One entry per path, sorted by path.
    pub checks: Vec<Check>,
    /// Paths passed over on purpose (symbolic links not followed…).
    pub skipped: Vec<FileProblem>,
    /// The store's id for this run, when it was recorded.
    pub id: Option<i64>,
}

impl Counts {
    /// Whether the folder matched: every file `ok` (a new, moved or
    /// duplicate file is a difference too).
    pub fn matched(&self) -> bool {
        self.modified + self.missing + self.new + self.moved + self.duplicate + self.unreadable == 0
    }
}

impl Verification {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for check in &self.checks {
            *match check.status {
                Status::Ok => &mut c.ok,
                Status::Modified => &mut c.modified,
                Status::Missing => &mut c.missing,
                Status::New => &mut c.new,
                Status::Moved => &mut c.moved,
                Status::Duplicate => &mut c.duplicate,
                Status::Unreadable => &mut c.unreadable,
            } += 1;
        }
        c
    }

    /// Whether every file is `ok`.
    pub fn all_ok(&self) -> bool {
        self.checks.iter().all(|c| c.status == Status::Ok)
    }
}

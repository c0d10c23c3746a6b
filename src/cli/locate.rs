//! Finding the store a command means: by `--db`, by the corpus folder, by a
//! file inside a corpus, by a claim id; and the registry in force.

use anyhow::{Result, bail};
use provaudit::claims::{ClaimId, IdError};
use provaudit::escape;
use provaudit::outlets::registry::{self, Registry};
use provaudit::relpath::RelPath;
use provaudit::store::{self, Store};
use provaudit::view::app::{self, LocateError};
use std::path::{Path, PathBuf};

/// How claim and cluster ids look, for a message about one that is not.
pub(crate) const ID_FORMAT: &str = "claim ids look like k-08a36ac9e4e9 and cluster ids like \
    c-08a36ac9e4e9 (12 hex digits); `provaudit claims` lists them";

/// An argument that is no file and reads as a claim or cluster id of the
/// wrong length ("c-8a5db949"): saying "no such file" would mislead.
pub(crate) fn looks_like_mistyped_id(target: &Path) -> bool {
    ClaimId::parse(&target.to_string_lossy()) == Err(IdError::WrongLength) && !target.exists()
}

/// An argument that is a claim or cluster id, not a file.
pub(crate) fn is_claim_id(target: &Path) -> bool {
    ClaimId::parse(&target.to_string_lossy()).is_ok() && !target.exists()
}

/// The store holding a claim: `--db`, or the one default store that has it.
pub(crate) fn store_for_claim(db: Option<&Path>, id: &str) -> Result<Store> {
    app::store_for_claim(db, id).map_err(phrase)
}

/// The bundled registry plus the user's; a user file that cannot be used is
/// reported and the bundled registry is used alone.
pub(crate) fn load_registry(user_file: Option<&Path>) -> Registry {
    let (registry, error) = registry::load(user_file);
    if let Some(e) = error {
        eprintln_safe!("provaudit: {e}");
    }
    registry
}

/// The store holding `file`, and its path relative to the store's corpus:
/// `--db`, or the default store of the nearest folder above `file` that has one.
pub(crate) fn store_for_file(db: Option<&Path>, file: &Path) -> Result<(Store, RelPath)> {
    app::store_for_file(db, file).map_err(phrase)
}

/// A store that could not be found, with the command that finds or makes it.
fn phrase(e: LocateError) -> anyhow::Error {
    match e {
        LocateError::NoStoreHolds { .. } => {
            anyhow::anyhow!("{e}; run `provaudit audit` on its folder first, or pass --db")
        }
        LocateError::NoStoreHoldsClaim { .. } => anyhow::anyhow!("{e}; pass --db"),
        LocateError::Store(e) => e.into(),
        e => e.into(),
    }
}

/// The store named by `--db`/`PROVAUDIT_DB`, or the default one of `dir`.
pub(crate) fn resolve_store(db: Option<&Path>, dir: Option<&Path>) -> Result<PathBuf> {
    match (db, dir) {
        (Some(db), _) => Ok(db.to_path_buf()),
        (None, Some(dir)) => {
            // A folder, or a web archive opened on its own.
            if !dir.is_dir() && !dir.is_file() {
                bail!("{}: no such folder; check the path", dir.display());
            }
            Ok(store::default_path(dir)?)
        }
        (None, None) => {
            bail!("which store? name the corpus folder or pass --db PATH (or set PROVAUDIT_DB)")
        }
    }
}

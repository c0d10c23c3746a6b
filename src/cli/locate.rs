//! Finding the store a command means: by `--db`, by the corpus folder, by a
//! file inside a corpus, by a claim id; and the registry in force.

use anyhow::{Context, Result, bail};
use provaudit::claims::{ClaimId, IdError};
use provaudit::escape;
use provaudit::outlets::registry::{self, Registry};
use provaudit::relpath::RelPath;
use provaudit::report::ClusterDetail;
use provaudit::store::{self, Store};
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
    if let Some(db) = db {
        return Ok(Store::open_existing(db)?);
    }
    let folder = provaudit::workspace::stores_dir()?;
    for corpus in provaudit::workspace::recent_corpora(&folder, None) {
        if let Ok(store) = Store::open_existing(Path::new(&corpus.store))
            && ClusterDetail::find(&store, id).ok().flatten().is_some()
        {
            return Ok(store);
        }
    }
    bail!(
        "{id}: no store in {} holds this claim; pass --db",
        folder.display()
    )
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
    let abs =
        std::fs::canonicalize(file).with_context(|| format!("{}: no such file", file.display()))?;
    let store = match db {
        Some(db) => Store::open_existing(db)?,
        None => {
            let found = abs
                .ancestors()
                .skip(1)
                .find_map(|dir| store::default_path(dir).ok().filter(|p| p.is_file()));
            match found {
                Some(path) => Store::open_existing(&path)?,
                None => bail!(
                    "{}: no store holds this file; run `provaudit audit` on its folder first, or pass --db",
                    file.display()
                ),
            }
        }
    };
    let root = store
        .corpus_root()?
        .with_context(|| format!("the store {} holds no corpus yet", store.path().display()))?;
    let rel = RelPath::below(&root, &abs).with_context(|| {
        format!(
            "{} is not inside the corpus {} of this store",
            file.display(),
            root.display()
        )
    })?;
    Ok((store, rel))
}

/// The store named by `--db`/`PROVAUDIT_DB`, or the default one of `dir`.
pub(crate) fn resolve_store(db: Option<&Path>, dir: Option<&Path>) -> Result<PathBuf> {
    match (db, dir) {
        (Some(db), _) => Ok(db.to_path_buf()),
        (None, Some(dir)) => {
            if !dir.is_dir() {
                bail!("{}: no such folder; check the path", dir.display());
            }
            Ok(store::default_path(dir)?)
        }
        (None, None) => {
            bail!("which store? name the corpus folder or pass --db PATH (or set PROVAUDIT_DB)")
        }
    }
}

//! Provenance Auditor's desktop app: a window over the `provaudit` core.
//!
//! This crate is an adapter. It holds no SQL and no analysis: each command
//! opens the store, calls the core and converts its error to `{kind,
//! message}`. The window (`ui/`) is plain HTML, CSS and ES modules.

pub mod commands;
pub mod error;
pub mod progress;

use error::{CommandError, Result};
use provaudit::outlets::registry::{self, Registry};
use provaudit::store::Store;
use provaudit::view::app::{self, RecentCorpus};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tauri::{Builder, Runtime};

/// The corpus the window has open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenCorpus {
    pub root: PathBuf,
    pub store: PathBuf,
}

/// The app's state, registered with `.manage`.
#[derive(Debug, Default)]
pub struct AppState {
    /// The store chosen with `PROVAUDIT_DB`, as in the CLI.
    pub db: Option<PathBuf>,
    /// A user registry (`PROVAUDIT_REGISTRY`).
    pub registry_file: Option<PathBuf>,
    /// Where the default stores are: the recent corpora.
    pub stores_dir: Option<PathBuf>,
    /// The folder named on the command line, opened at start.
    pub start_folder: Option<PathBuf>,
    pub corpus: Mutex<Option<OpenCorpus>>,
    /// The cancel flag of the long task running, if any.
    job: Mutex<Option<Arc<AtomicBool>>>,
}

/// A running long task; dropping it frees the slot.
pub struct Job<'a> {
    state: &'a AppState,
    flag: Arc<AtomicBool>,
}

impl Job<'_> {
    pub fn flag(&self) -> Arc<AtomicBool> {
        self.flag.clone()
    }
}

impl Drop for Job<'_> {
    fn drop(&mut self) {
        *self.state.job.lock().unwrap() = None;
    }
}

impl AppState {
    /// The state of a real run: environment and command line as the CLI reads them.
    pub fn from_env() -> Self {
        let non_empty = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        AppState {
            db: non_empty("PROVAUDIT_DB"),
            registry_file: non_empty("PROVAUDIT_REGISTRY"),
            stores_dir: app::stores_dir().ok(),
            start_folder: std::env::args_os()
                .skip(1)
                .find(|a| !a.to_string_lossy().starts_with('-'))
                .map(PathBuf::from),
            ..Default::default()
        }
    }

    /// Takes the one slot for a long task.
    pub fn begin_job(&self) -> Result<Job<'_>> {
        let mut job = self.job.lock().unwrap();
        if job.is_some() {
            return Err(CommandError::busy());
        }
        let flag = Arc::new(AtomicBool::new(false));
        *job = Some(flag.clone());
        Ok(Job { state: self, flag })
    }

    /// Asks the running task to stop; whether one was running.
    pub fn cancel_job(&self) -> bool {
        match &*self.job.lock().unwrap() {
            Some(flag) => {
                flag.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }

    pub fn opened(&self) -> Result<OpenCorpus> {
        self.corpus
            .lock()
            .unwrap()
            .clone()
            .ok_or_else(CommandError::no_corpus)
    }

    /// The open corpus's store.
    pub fn store(&self) -> Result<Store> {
        Ok(Store::open_existing(&self.opened()?.store)?)
    }

    pub fn recent(&self) -> Vec<RecentCorpus> {
        match &self.stores_dir {
            Some(dir) => app::recent_corpora(dir, self.db.as_deref()),
            None => Vec::new(),
        }
    }
}

/// The bundled registry plus the user's; a user file that cannot be used is
/// reported on stderr and the bundled registry is used alone.
pub fn load_registry(user_file: Option<&Path>) -> Registry {
    let (registry, error) = registry::load(user_file);
    if let Some(e) = error {
        eprintln!("provaudit-desktop: {e}");
    }
    registry
}

/// The app on any runtime: the real one, or `tauri::test::mock_builder()`.
pub fn app<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::startup,
            commands::recent_corpora,
            commands::open_corpus,
            commands::corpus_overview,
            commands::claims_overview,
            commands::claims_page,
            commands::cluster_detail,
            commands::search,
            commands::documents_page,
            commands::document,
            commands::set_outlet,
            commands::verify,
            commands::history,
            commands::export,
            commands::cancel_job,
            commands::review_state,
            commands::start_session,
            commands::resume_session,
            commands::close_session,
            commands::record_annotation,
        ])
}

/// The app's configuration, capabilities and embedded `ui/`.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Runs the desktop app.
pub fn run() {
    app(tauri::Builder::default(), AppState::from_env())
        .run(context())
        .expect("the window could not be started");
}

#[cfg(test)]
mod tests;

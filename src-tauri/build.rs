//! Commands are opt-in: only those listed here get a permission, and the
//! capability file (`capabilities/default.json`) names which the window has.

const COMMANDS: &[&str] = &[
    "startup",
    "recent_corpora",
    "open_corpus",
    "corpus_overview",
    "claims_overview",
    "claims_page",
    "cluster_detail",
    "search",
    "documents_page",
    "document",
    "set_outlet",
    "verify",
    "history",
    "export",
    "cancel_job",
    "review_state",
    "start_session",
    "resume_session",
    "close_session",
    "record_annotation",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build: the app manifest, capabilities and tauri.conf.json must be valid");
}

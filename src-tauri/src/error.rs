//! The one error every command returns. The window reads `{kind, message}`:
//! `kind` picks how it is shown (and whether to offer a retry), `message` is
//! the core's own text, which names the file and says what to do.

use provaudit::export::ExportError;
use provaudit::ingest::IngestError;
use provaudit::review::ReviewError;
use provaudit::store::StoreError;
use provaudit::verify::VerifyError;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommandError {
    /// `no_corpus`, `not_found`, `invalid`, `busy`, `cancelled`, `locked`,
    /// `store`, `folder`, `verify`, `export`, `review` or `internal`.
    pub kind: &'static str,
    pub message: String,
}

pub type Result<T, E = CommandError> = std::result::Result<T, E>;

impl CommandError {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        CommandError {
            kind,
            message: message.into(),
        }
    }

    pub fn no_corpus() -> Self {
        Self::new(
            "no_corpus",
            "no corpus is open; open a folder of saved articles first",
        )
    }

    pub fn busy() -> Self {
        Self::new(
            "busy",
            "another task (ingest, verify or export) is still running; wait for it or cancel it",
        )
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        let kind = match e {
            StoreError::Locked { .. } => "locked",
            _ => "store",
        };
        Self::new(kind, e.to_string())
    }
}

impl From<IngestError> for CommandError {
    fn from(e: IngestError) -> Self {
        match e {
            IngestError::Store(e) => e.into(),
            IngestError::Cancelled => Self::new("cancelled", e.to_string()),
            e => Self::new("folder", e.to_string()),
        }
    }
}

impl From<provaudit::pipeline::CorrectionError> for CommandError {
    fn from(e: provaudit::pipeline::CorrectionError) -> Self {
        use provaudit::pipeline::CorrectionError as E;
        match e {
            E::Store(e) => e.into(),
            E::Analysis(e) => e.into(),
            E::NotInStore { .. } => Self::new("not_found", e.to_string()),
            E::Field { .. } => Self::new("invalid", e.to_string()),
        }
    }
}

impl From<VerifyError> for CommandError {
    fn from(e: VerifyError) -> Self {
        match e {
            VerifyError::Store(e) => e.into(),
            VerifyError::Folder(e) => Self::new("folder", e.to_string()),
            e => Self::new("verify", e.to_string()),
        }
    }
}

impl From<ExportError> for CommandError {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::Store(e) => e.into(),
            ExportError::Cancelled { .. } => Self::new("cancelled", e.to_string()),
            e => Self::new("export", e.to_string()),
        }
    }
}

impl From<ReviewError> for CommandError {
    fn from(e: ReviewError) -> Self {
        match e {
            ReviewError::Store(e) => e.into(),
            e => Self::new("review", e.to_string()),
        }
    }
}

impl From<provaudit::search::SearchError> for CommandError {
    fn from(e: provaudit::search::SearchError) -> Self {
        match e {
            provaudit::search::SearchError::Store(e) => e.into(),
            e => Self::new("invalid", e.to_string()),
        }
    }
}

impl From<tauri::Error> for CommandError {
    fn from(e: tauri::Error) -> Self {
        Self::new("internal", e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// The shape `ui/ipc.js` reads; changing it breaks every error the window shows.
    #[test]
    fn the_error_json_is_pinned() {
        let e = CommandError::from(StoreError::Missing {
            path: PathBuf::from("/data/seeds.sqlite"),
        });
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({
                "kind": "store",
                "message": "no store at /data/seeds.sqlite; audit its corpus folder first, or choose the right store file"
            })
        );
        let locked = CommandError::from(IngestError::Store(StoreError::Locked {
            path: PathBuf::from("/s.sqlite"),
        }));
        assert_eq!(locked.kind, "locked");
        let cancelled = CommandError::from(ExportError::Cancelled {
            out: PathBuf::from("/tmp/bag"),
        });
        assert_eq!(cancelled.kind, "cancelled");
        assert_eq!(
            serde_json::to_value(CommandError::from(ReviewError::SessionClosed { id: 3 })).unwrap(),
            serde_json::json!({"kind": "review", "message": "review session 3 is closed; resume it or start a new one"})
        );
    }
}

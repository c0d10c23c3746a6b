//! The evidence store: one SQLite file per corpus, outside the corpus folder.
//!
//! This is the only module that writes SQL. Every write happens in a
//! transaction, so a crash mid-run leaves the store as it was after the last
//! committed batch; SQLite's write-ahead log keeps the file itself intact.

mod claims;
mod claims_page;
mod documents_page;
mod imported;
mod outlets;
mod review;
mod search;
pub use claims_page::{ClusterRow, ClusterTotals};
pub use documents_page::{
    AffiliationFilter, DocumentQuery, DocumentSort, DocumentTotals, KindCounts, StatusFilter,
};
pub use imported::{ImportedReuse, ReuseImport};
pub use search::{COUNT_CAP as SEARCH_COUNT_CAP, FoundDocument};

use crate::relpath::RelPath;
use crate::text::ContentKind;
use crate::verification::{Status, Verification};
use chrono::{SecondsFormat, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};
use rusqlite_migration::{M, Migrations};
use std::collections::HashMap;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema, as a list that only ever grows (never edit a shipped entry).
const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_evidence.sql")),
    M::up(include_str!("migrations/0002_outlets.sql")),
    M::up(include_str!("migrations/0003_claims.sql")),
    M::up(include_str!("migrations/0004_review.sql")),
    M::up(include_str!("migrations/0005_export_log.sql")),
    M::up(include_str!("migrations/0006_analysis_state.sql")),
    M::up(include_str!("migrations/0007_application_id.sql")),
    M::up(include_str!("migrations/0008_document_date.sql")),
    M::up(include_str!("migrations/0009_corroboration.sql")),
    M::up(include_str!("migrations/0010_search.sql")),
    M::up(include_str!("migrations/0011_document_page.sql")),
    M::up(include_str!("migrations/0012_extraction_version.sql")),
    M::up(include_str!("migrations/0013_capture.sql")),
    M::up(include_str!("migrations/0014_published.sql")),
    M::up(include_str!("migrations/0015_warc.sql")),
    M::up(include_str!("migrations/0016_pdf_pages.sql")),
    M::up(include_str!("migrations/0017_co_producers_and_digests.sql")),
    M::up(include_str!("migrations/0018_imported_reuse.sql")),
    M::up(include_str!("migrations/0019_document_analysis.sql")),
    M::up(include_str!("migrations/0020_analysis_bookkeeping.sql")),
    M::up(include_str!("migrations/0021_document_search_insert.sql")),
    M::up(include_str!("migrations/0022_relayed_signals.sql")),
];

/// `PRAGMA application_id` of a provaudit store ("PVAD"), set by migration
/// 0007. A file without it is opened only when it is empty or is a store of
/// the schema versions written before the marker existed.
pub const APPLICATION_ID: i64 = 0x5056_4144;

/// The tables every store has had since version 1: how a store written
/// before [`APPLICATION_ID`] existed is told from another program's file.
const LEGACY_TABLES: [&str; 3] = ["corpus", "document", "ingest_run"];

/// The migrations, for `rusqlite_migration`.
pub static MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this program writes.
const MIGRATIONS_COUNT: i64 = MIGRATION_LIST.len() as i64;

/// How long a write waits for another process holding the store.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Why the store could not be used. Each message names the store file and
/// says what to do, in words any adapter can show; the CLI adds its flags
/// (`--db`), the app its dialogs.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} is not a provaudit store (it is not an SQLite database); choose another store file — this one was left untouched"
    )]
    NotADatabase { path: PathBuf },
    #[error(
        "{path} is an SQLite database of another application ({what}), not a provaudit store; choose another store file — this one was left untouched"
    )]
    NotAStore { path: PathBuf, what: String },
    #[error(
        "{path} was written by a newer provaudit (schema version {found}; this program knows up to {known}); upgrade provaudit to open it — the store was left untouched"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path} is locked by another process (another provaudit run holds this store, or the desktop app is writing to it); wait for it to finish, then run again"
    )]
    Locked { path: PathBuf },
    #[error(
        "the disk holding the store {path} is full; the store keeps everything up to its last complete batch — free some space, then run again"
    )]
    DiskFull { path: PathBuf },
    #[error("no store at {path}; audit its corpus folder first, or choose the right store file")]
    Missing { path: PathBuf },
    #[error(
        "{path} is the store of the corpus {stored}, not of {requested}; give {requested} its own store, or verify {requested} against this store to check a copy"
    )]
    OtherCorpus {
        path: PathBuf,
        stored: PathBuf,
        requested: PathBuf,
    },
    #[error(
        "the store {store} would be inside the corpus folder {root}, and the corpus folder is never written; choose a store path outside it"
    )]
    InsideCorpus { store: PathBuf, root: PathBuf },
    #[error("cannot find a folder for application data to keep the store in; choose a store file")]
    NoDataDir,
    #[error("creating {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("store {path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("store {path}: schema migration failed: {source}")]
    Migration {
        path: PathBuf,
        source: rusqlite_migration::Error,
    },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A document as the store holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDocument {
    pub id: i64,
    pub path: RelPath,
    pub bytes: u64,
    pub mtime_ns: Option<i64>,
    pub sha256: String,
    pub text_sha256: Option<String>,
    pub encoding: Option<String>,
    pub kind: ContentKind,
    pub notes: Vec<String>,
    pub first_ingested_at: String,
    pub ingested_at: String,
    /// The `text::EXTRACTION_VERSION` its text was extracted with (0: before
    /// versions were recorded).
    pub extracted_with: u32,
}

impl StoredDocument {
    /// The SHA-256 of what a stage's analysis of this document is made
    /// from: `stage` (the SHA-256 of the program, its analysis version and
    /// whatever else the stage reads) and the document's id, path, bytes,
    /// text and how its text was read. Equal inputs, equal analysis.
    pub fn analysis_inputs(&self, stage: &str) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(stage.as_bytes());
        h.update(self.id.to_le_bytes());
        h.update(self.path.as_bytes());
        h.update(format!(
            "\0{} {:?} {:?} {} {} {:?}",
            self.sha256,
            self.text_sha256,
            self.encoding,
            self.kind.as_str(),
            self.extracted_with,
            self.notes
        ));
        crate::fingerprint::hex(&h.finalize())
    }
}

/// A slice of documents as [`Store::kept_or_texts`] gives it.
pub struct KeptOrTexts<T> {
    /// Each document's kept analysis, where it stands.
    pub restored: Vec<Option<T>>,
    /// The stored text of every document without one (`None`: it has none).
    pub texts: std::collections::HashMap<i64, Option<StoredText>>,
}

/// The columns [`stored_document`] reads, in its order.
pub(crate) const DOCUMENT_COLUMNS: &str =
    "id, path, bytes, mtime_ns, sha256, text_sha256, encoding, content_kind, notes,
    first_ingested_at, ingested_at, extracted_with";

/// A document from [`DOCUMENT_COLUMNS`] read from column `at` on.
pub(crate) fn stored_document(r: &rusqlite::Row, at: usize) -> rusqlite::Result<StoredDocument> {
    let kind: String = r.get(at + 7)?;
    let notes: String = r.get(at + 8)?;
    Ok(StoredDocument {
        id: r.get(at)?,
        path: RelPath::from_bytes(r.get(at + 1)?),
        bytes: r.get::<_, i64>(at + 2)? as u64,
        mtime_ns: r.get(at + 3)?,
        sha256: r.get(at + 4)?,
        text_sha256: r.get(at + 5)?,
        encoding: r.get(at + 6)?,
        kind: ContentKind::parse(&kind).unwrap_or(ContentKind::Binary),
        notes: serde_json::from_str(&notes).unwrap_or_default(),
        first_ingested_at: r.get(at + 9)?,
        ingested_at: r.get(at + 10)?,
        extracted_with: r.get(at + 11)?,
    })
}

/// What ingest compares to decide whether a file must be read again: its
/// size and modification time as stored, and the extraction that produced
/// its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub bytes: u64,
    pub mtime_ns: Option<i64>,
    pub extracted_with: u32,
}

/// A freshly read document, ready to be stored.
#[derive(Clone, Debug)]
pub struct NewDocument {
    pub path: RelPath,
    pub bytes: u64,
    pub mtime_ns: Option<i64>,
    pub sha256: String,
    pub text_sha256: Option<String>,
    pub encoding: Option<String>,
    pub kind: ContentKind,
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    /// HTML only: the decoded page.
    pub source: Option<String>,
    pub text: Option<String>,
    pub notes: Vec<String>,
    /// The `text::EXTRACTION_VERSION` that produced the text and metadata.
    pub extracted_with: u32,
    pub capture: Option<crate::text::Capture>,
    pub published: Option<String>,
    /// A PDF's pages: the line of `text` each starts on.
    pub page_lines: Option<Vec<u64>>,
    /// A page read from a WARC record: the WARC file holding it.
    pub container: Option<RelPath>,
    /// A WARC file: every record it holds, replacing those stored for it.
    pub warc_records: Option<Vec<WarcRecordRow>>,
}

/// One record of a WARC file as stored (migration 0015).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct WarcRecordRow {
    /// The WARC holding the record: a corpus file, or a WARC inside a WACZ
    /// file (`site.wacz/archive/data.warc.gz`).
    #[serde(skip)]
    pub container: RelPath,
    pub offset: u64,
    pub inner: u64,
    pub stored_length: Option<u64>,
    pub warc_type: String,
    pub record_id: Option<String>,
    pub target_uri: Option<String>,
    pub warc_date: Option<String>,
    /// SHA-256 of the record's header and block, decompressed.
    pub sha256: String,
    pub block_length: u64,
    pub block_digest: Option<String>,
    /// `absent`, `matches`, `differs`, `unchecked`.
    pub block_check: String,
    pub payload_digest: Option<String>,
    pub payload_check: String,
    pub refers_to: Option<String>,
    pub http_status: Option<u16>,
    pub media_type: Option<String>,
    pub software: Option<String>,
    /// The document made of this record's page, if it is one.
    #[serde(skip)]
    pub document: Option<RelPath>,
}

/// A document's stored text and page metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredText {
    pub title: Option<String>,
    pub text: String,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    pub source: Option<String>,
    pub capture: Option<crate::text::Capture>,
    /// When the page says it was published, as its metadata writes it.
    pub published: Option<String>,
    /// A PDF's pages: the line of `text` each starts on.
    pub page_lines: Option<Vec<u64>>,
}

/// What storing a document did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    /// A path the store did not know.
    Added,
    /// A known path whose bytes changed; the old fingerprint is kept as a revision.
    Changed,
    /// A known path re-read (its mtime moved) with the same bytes.
    Same,
}

/// Totals of an ingest run, as recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunTotals {
    pub files_seen: u64,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    pub errors: u64,
    pub cancelled: bool,
}

/// One past verification, as listed in the history.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct VerificationSummary {
    pub id: i64,
    pub started_at: String,
    pub finished_at: String,
    pub root: String,
    pub against: String,
    /// How many files had each status.
    #[serde(flatten)]
    pub counts: crate::verification::Counts,
}

/// One past ingest run, as listed in the history.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct IngestRunSummary {
    pub id: i64,
    pub started_at: String,
    /// `None` when the run was interrupted before it finished.
    pub finished_at: Option<String>,
    pub root: String,
    pub files_seen: u64,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    pub errors: u64,
    pub cancelled: bool,
}

/// Now, UTC, RFC 3339 with milliseconds.
pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Where the store of the corpus at `root` lives by default: in the user's
/// data folder, named after the folder and a hash of its absolute path, so two
/// corpora never share a store and the corpus folder is never written.
pub fn default_path(root: &Path) -> Result<PathBuf> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let data = dirs::data_dir().ok_or(StoreError::NoDataDir)?;
    let name: String = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "root".into())
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let hash = crate::fingerprint::sha256_hex(root.as_os_str().as_bytes());
    Ok(data
        .join("provaudit")
        .join("stores")
        .join(format!("{name}-{}.sqlite", &hash[..12])))
}

/// The absolute form of a path whose file may not exist yet.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (std::fs::canonicalize(parent), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Whether `path` is at or below the folder `root`.
pub fn is_inside(path: &Path, root: &Path) -> bool {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    absolute(path).starts_with(root)
}

/// An open evidence store.
pub struct Store {
    // Declared first so it is dropped first: the connection closes before the
    // file handle holding the run lock (closing a descriptor of the database
    // file would drop SQLite's own POSIX locks while the connection is open).
    conn: Connection,
    path: PathBuf,
    /// The database file, locked (`flock`, exclusive) while this process runs
    /// ingest or analysis on it: one such run per store at a time.
    run_lock: Option<std::fs::File>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Takes the run lock of the store file at `path` without waiting: a second
/// run is refused at once instead of queueing behind the first.
fn take_run_lock(path: &Path, create: bool) -> Result<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(create)
        .truncate(false)
        .open(path)
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => StoreError::Missing {
                path: path.to_path_buf(),
            },
            _ => StoreError::Io {
                path: path.to_path_buf(),
                source,
            },
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            path: path.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

impl Store {
    /// Opens the store at `path` for a run that writes (ingest, analysis),
    /// creating it (and its folder) when missing, and brings its schema up to
    /// date. The run lock is held until the store is dropped, so a second run
    /// on the same store is refused, and creating a store is atomic.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        if path.is_dir() {
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        let lock = take_run_lock(path, true)?;
        let mut store = Self::open_with(path, OpenFlags::default())?;
        store.run_lock = Some(lock);
        Ok(store)
    }

    /// Opens a store that must already exist (for verify and export).
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        Self::open_with(path, OpenFlags::default() & !OpenFlags::SQLITE_OPEN_CREATE)
    }

    /// Takes the run lock (see [`Store::open`]) if this store does not hold
    /// it yet: for a long write on a store opened with
    /// [`Store::open_existing`], such as a re-analysis.
    pub fn lock_for_run(&mut self) -> Result<()> {
        if self.run_lock.is_none() {
            self.run_lock = Some(take_run_lock(&self.path, false)?);
        }
        Ok(())
    }

    /// Opens the store for the corpus at `root`: `db` or the default path,
    /// refused inside the corpus folder, bound to `root` on first use and
    /// refused for any other corpus afterwards.
    pub fn open_for_corpus(db: Option<&Path>, root: &Path) -> Result<Store> {
        let path = match db {
            Some(p) => p.to_path_buf(),
            None => default_path(root)?,
        };
        if is_inside(&path, root) {
            return Err(StoreError::InsideCorpus {
                store: path,
                root: root.to_path_buf(),
            });
        }
        let mut store = Store::open(&path)?;
        store.bind_corpus(root)?;
        Ok(store)
    }

    fn open_with(path: &Path, flags: OpenFlags) -> Result<Store> {
        let sqlite = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let mut conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        // Read before anything writes: a file that is not SQLite, another
        // program's database, or a store from a newer program must be left
        // exactly as it is.
        let found = recognise(&conn, path)?;
        let known = MIGRATIONS_COUNT;
        if found > known {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found,
                known,
            });
        }
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sqlite)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| classify(path, e))?;
        debug_assert!(mode.eq_ignore_ascii_case("wal") || mode.eq_ignore_ascii_case("memory"));
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "cache_size", -65536)
            .map_err(sqlite)?;
        if found < known {
            MIGRATIONS
                .to_latest(&mut conn)
                .map_err(|source| match source {
                    rusqlite_migration::Error::RusqliteError { err, .. } => classify(path, err),
                    source => StoreError::Migration {
                        path: path.to_path_buf(),
                        source,
                    },
                })?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            run_lock: None,
        })
    }

    /// Caps the database at `pages` pages, so a test can fill it up the way
    /// a full disk does (SQLite answers `SQLITE_FULL` either way).
    #[cfg(test)]
    pub(crate) fn limit_pages(&self, pages: i64) {
        self.conn
            .pragma_update(None, "max_page_count", pages)
            .unwrap();
    }

    /// The store file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        classify(&self.path, e)
    }

    /// The corpus folder this store belongs to, once bound.
    pub fn corpus_root(&self) -> Result<Option<PathBuf>> {
        self.conn
            .query_row("SELECT root FROM corpus WHERE id = 1", [], |r| {
                r.get::<_, Vec<u8>>(0)
            })
            .optional()
            .map(|o| o.map(|b| PathBuf::from(std::ffi::OsStr::from_bytes(&b))))
            .map_err(|e| self.err(e))
    }

    /// Binds the store to the corpus at `root` (absolute), or checks that it is
    /// bound to it already.
    pub fn bind_corpus(&mut self, root: &Path) -> Result<()> {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        match self.corpus_root()? {
            Some(stored) if stored == root => Ok(()),
            Some(stored) => Err(StoreError::OtherCorpus {
                path: self.path.clone(),
                stored,
                requested: root,
            }),
            None => {
                self.conn
                    .execute(
                        "INSERT INTO corpus (id, root, root_text, created_at, program_version) VALUES (1, ?1, ?2, ?3, ?4)",
                        params![root.as_os_str().as_bytes(), root.to_string_lossy(), now(), crate::VERSION],
                    )
                    .map_err(|e| self.err(e))?;
                Ok(())
            }
        }
    }

    /// All documents, ordered by path.
    pub fn documents(&self) -> Result<Vec<StoredDocument>> {
        self.documents_where("")
    }

    /// The documents that are files in the corpus (not pages read from a
    /// WARC record inside one), ordered by path: what verify re-hashes and
    /// what exports list.
    pub fn files(&self) -> Result<Vec<StoredDocument>> {
        self.documents_where("WHERE container IS NULL")
    }

    /// The documents the claims are found in: all but the pages an archive
    /// read again no longer holds where it held them (they stay in the
    /// store as evidence once collected, like files gone from the folder,
    /// but a record that moved inside a rewritten archive is not counted
    /// twice, and one the archive lost is no longer its content).
    pub fn current_documents(&self) -> Result<Vec<StoredDocument>> {
        self.documents_where(
            "WHERE container IS NULL OR NOT EXISTS (
                 SELECT 1 FROM document c
                 WHERE c.path = document.container AND c.ingest_run_id != document.ingest_run_id)",
        )
    }

    fn documents_where(&self, filter: &str) -> Result<Vec<StoredDocument>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {DOCUMENT_COLUMNS} FROM document {filter} ORDER BY path"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| stored_document(r, 0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The document stored at `path`, if any.
    pub fn document_by_path(&self, path: &RelPath) -> Result<Option<StoredDocument>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {DOCUMENT_COLUMNS} FROM document WHERE path = ?1"
            ))
            .and_then(|mut st| {
                st.query_row([path.as_bytes()], |r| stored_document(r, 0))
                    .optional()
            })
            .map_err(|e| self.err(e))
    }

    /// Size and modification time of every stored path: what incremental
    /// ingest compares against.
    pub fn stamps(&self) -> Result<HashMap<RelPath, Stamp>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT path, bytes, mtime_ns, extracted_with FROM document WHERE container IS NULL",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    RelPath::from_bytes(r.get(0)?),
                    Stamp {
                        bytes: r.get::<_, i64>(1)? as u64,
                        mtime_ns: r.get(2)?,
                        extracted_with: r.get(3)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Where and when each captured page was fetched, by document id.
    pub fn captures(&self) -> Result<HashMap<i64, crate::text::Capture>> {
        self.captures_where("", [])
    }

    /// Where each page of each PDF starts in its stored text, by document
    /// id (other documents have none).
    pub fn page_lines(&self) -> Result<HashMap<i64, Vec<u64>>> {
        self.page_lines_where("", [])
    }

    /// Where each page of one PDF starts in its stored text.
    pub fn page_lines_of(&self, document_id: i64) -> Result<Option<Vec<u64>>> {
        Ok(self
            .page_lines_where("AND document_id = ?1", [document_id])?
            .remove(&document_id))
    }

    fn page_lines_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        params: P,
    ) -> Result<HashMap<i64, Vec<u64>>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT document_id, page_lines FROM document_text
                 WHERE page_lines IS NOT NULL {filter}"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params, |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, json) = row.map_err(|e| self.err(e))?;
            if let Ok(lines) = serde_json::from_str(&json) {
                out.insert(id, lines);
            }
        }
        Ok(out)
    }

    /// Where and when one document's page was captured, if it says.
    pub fn capture_of(&self, document_id: i64) -> Result<Option<crate::text::Capture>> {
        Ok(self
            .captures_where("AND t.document_id = ?1", [document_id])?
            .remove(&document_id))
    }

    fn captures_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        params: P,
    ) -> Result<HashMap<i64, crate::text::Capture>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT t.document_id, t.capture_url, t.captured_at, t.capture_format,
                    r.container, r.offset, r.inner, r.record_id, r.payload_check, r.block_check,
                    r.software, r.http_status
                 FROM document_text t LEFT JOIN warc_record r ON r.document_id = t.document_id
                 WHERE t.capture_format IS NOT NULL {filter}"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params, |r| {
                Ok((
                    r.get(0)?,
                    crate::text::Capture {
                        url: r.get(1)?,
                        at: r.get(2)?,
                        format: r.get(3)?,
                        record: r
                            .get::<_, Option<Vec<u8>>>(4)?
                            .map(|container| {
                                Ok::<_, rusqlite::Error>(crate::text::RecordPlace {
                                    container: String::from_utf8_lossy(&container).into_owned(),
                                    offset: r.get::<_, i64>(5)? as u64,
                                    inner: r.get::<_, i64>(6)? as u64,
                                    record_id: r.get(7)?,
                                    payload_digest: r.get(8)?,
                                    block_digest: r.get(9)?,
                                    software: r.get(10)?,
                                    http_status: r.get(11)?,
                                })
                            })
                            .transpose()?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Everything the analysis stages read about a document's text.
    pub fn document_texts(&self) -> Result<Vec<(StoredDocument, Option<StoredText>)>> {
        self.texts_of(self.documents()?)
    }

    /// [`Store::document_texts`] for these documents only (a stage reads a
    /// large corpus a slice at a time, so its texts are never all in memory).
    pub fn texts_of(
        &self,
        documents: Vec<StoredDocument>,
    ) -> Result<Vec<(StoredDocument, Option<StoredText>)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT title, text, site_name, canonical_url, source, capture_url, captured_at, capture_format,
                    published, page_lines
                 FROM document_text WHERE document_id = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(documents.len());
        for doc in documents {
            let text = stmt
                .query_row([doc.id], |r| {
                    Ok(StoredText {
                        title: r.get(0)?,
                        text: r.get(1)?,
                        site_name: r.get(2)?,
                        canonical_url: r.get(3)?,
                        source: r.get(4)?,
                        capture: r
                            .get::<_, Option<String>>(7)?
                            .map(|format| {
                                Ok::<_, rusqlite::Error>(crate::text::Capture {
                                    url: r.get(5)?,
                                    at: r.get(6)?,
                                    format,
                                    record: None,
                                })
                            })
                            .transpose()?,
                        published: r.get(8)?,
                        page_lines: r
                            .get::<_, Option<String>>(9)?
                            .and_then(|j| serde_json::from_str(&j).ok()),
                    })
                })
                .optional()
                .map_err(|e| self.err(e))?;
            out.push((doc, text));
        }
        Ok(out)
    }

    /// The fingerprint of the inputs the stored analysis results were
    /// computed from, when they are complete.
    pub fn analysis_inputs(&self) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT inputs_sha256 FROM analysis_state WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Records the inputs the analysis results were computed from, or, with
    /// `None`, that the results are being replaced and may be incomplete.
    pub fn set_analysis_inputs(&mut self, inputs_sha256: Option<&str>) -> Result<()> {
        let done = match inputs_sha256 {
            Some(fp) => self.conn.execute(
                "INSERT INTO analysis_state (id, inputs_sha256, analysed_at) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET inputs_sha256 = ?1, analysed_at = ?2",
                params![fp, now()],
            ),
            None => self.conn.execute("DELETE FROM analysis_state", []),
        };
        done.map(drop).map_err(|e| self.err(e))
    }

    /// One slice of a stage's documents, as a stage reads it: for each
    /// document, what an earlier run kept of its analysis if that was made
    /// from `inputs` (same order as `slice`) and `decode` reads it, on
    /// every core; and the stored texts of the others, to analyse again.
    pub fn kept_or_texts<T: Send>(
        &self,
        kept: std::collections::HashMap<i64, (String, Vec<u8>)>,
        slice: &[StoredDocument],
        inputs: &[String],
        decode: impl Fn(&[u8]) -> Option<T> + Sync,
    ) -> Result<KeptOrTexts<T>> {
        use rayon::prelude::*;
        let restored: Vec<Option<T>> = slice
            .par_iter()
            .zip(inputs)
            .map(|(doc, inputs)| {
                kept.get(&doc.id)
                    .filter(|(made_from, _)| made_from == inputs)
                    .and_then(|(_, data)| decode(data))
            })
            .collect();
        drop(kept);
        let stale: Vec<StoredDocument> = slice
            .iter()
            .zip(&restored)
            .filter(|(_, r)| r.is_none())
            .map(|(d, _)| d.clone())
            .collect();
        let texts = self
            .texts_of(stale)?
            .into_iter()
            .map(|(d, t)| (d.id, t))
            .collect();
        Ok(KeptOrTexts { restored, texts })
    }

    /// One stage's kept analyses of these documents, read with `sql`
    /// (taking a document, giving its inputs and data).
    fn kept_rows(
        &self,
        sql: &str,
        documents: impl IntoIterator<Item = i64>,
    ) -> Result<std::collections::HashMap<i64, (String, Vec<u8>)>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let mut out = std::collections::HashMap::new();
        for id in documents {
            let row = stmt
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(|e| self.err(e))?;
            if let Some(row) = row {
                out.insert(id, row);
            }
        }
        Ok(out)
    }

    /// The stored text of a document, if it has any.
    pub fn document_text(&self, document_id: i64) -> Result<Option<(Option<String>, String)>> {
        self.conn
            .query_row(
                "SELECT title, text FROM document_text WHERE document_id = ?1",
                [document_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Starts an ingest run. Takes the write lock at once, so a store held by
    /// another process is reported before any file is read.
    pub fn begin_run(&mut self, root: &Path) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| classify(&self.path, e))?;
        tx.execute(
            "INSERT INTO ingest_run (started_at, root_text, program_version) VALUES (?1, ?2, ?3)",
            params![now(), root.to_string_lossy(), crate::VERSION],
        )
        .map_err(|e| classify(&self.path, e))?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(|e| classify(&self.path, e))?;
        Ok(id)
    }

    /// Stores a batch of documents and per-file errors in one transaction.
    pub fn store_batch(
        &mut self,
        run_id: i64,
        documents: &[NewDocument],
        errors: &[(RelPath, String)],
    ) -> Result<Vec<Stored>> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        let mut outcomes = Vec::with_capacity(documents.len());
        {
            let now = now();
            let mut find = tx
                .prepare_cached("SELECT id, sha256, bytes, text_sha256, ingested_at FROM document WHERE path = ?1")
                .map_err(e)?;
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO document (path, path_text, bytes, mtime_ns, sha256, text_sha256, encoding,
                        content_kind, notes, first_ingested_at, ingested_at, ingest_run_id, extracted_with, container)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13)",
                )
                .map_err(e)?;
            let mut update = tx
                .prepare_cached(
                    "UPDATE document SET bytes = ?2, mtime_ns = ?3, sha256 = ?4, text_sha256 = ?5, encoding = ?6,
                        content_kind = ?7, notes = ?8, ingested_at = ?9, ingest_run_id = ?10, extracted_with = ?11,
                        container = ?12
                     WHERE id = ?1",
                )
                .map_err(e)?;
            let mut revise = tx
                .prepare_cached(
                    "INSERT INTO document_revision (document_id, bytes, sha256, text_sha256, ingested_at, replaced_at, replaced_by_run)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(e)?;
            let mut put_text = tx
                .prepare_cached(
                    "INSERT INTO document_text (document_id, title, text, site_name, canonical_url, source,
                        capture_url, captured_at, capture_format, published, page_lines)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )
                .map_err(e)?;
            let mut drop_text = tx
                .prepare_cached("DELETE FROM document_text WHERE document_id = ?1")
                .map_err(e)?;
            // Beside each text inserted (see migration 0021); the delete
            // trigger takes a replaced text out.
            let mut index_text = tx
                .prepare_cached(
                    "INSERT INTO document_search (rowid, title, text) VALUES (?1, ?2, ?3)",
                )
                .map_err(e)?;
            for doc in documents {
                let notes = serde_json::to_string(&doc.notes).expect("strings serialise");
                let existing = find
                    .query_row([doc.path.as_bytes()], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, i64>(2)?,
                            r.get::<_, Option<String>>(3)?,
                            r.get::<_, String>(4)?,
                        ))
                    })
                    .optional()
                    .map_err(e)?;
                let (id, outcome) = match existing {
                    None => {
                        insert
                            .execute(params![
                                doc.path.as_bytes(),
                                doc.path.to_string_lossy(),
                                doc.bytes as i64,
                                doc.mtime_ns,
                                doc.sha256,
                                doc.text_sha256,
                                doc.encoding,
                                doc.kind.as_str(),
                                notes,
                                now,
                                run_id,
                                doc.extracted_with,
                                doc.container.as_ref().map(RelPath::as_bytes)
                            ])
                            .map_err(e)?;
                        (tx.last_insert_rowid(), Stored::Added)
                    }
                    Some((id, old_sha, old_bytes, old_text_sha, old_at)) => {
                        let outcome = if old_sha == doc.sha256 {
                            Stored::Same
                        } else {
                            revise
                                .execute(params![
                                    id,
                                    old_bytes,
                                    old_sha,
                                    old_text_sha,
                                    old_at,
                                    now,
                                    run_id
                                ])
                                .map_err(e)?;
                            Stored::Changed
                        };
                        update
                            .execute(params![
                                id,
                                doc.bytes as i64,
                                doc.mtime_ns,
                                doc.sha256,
                                doc.text_sha256,
                                doc.encoding,
                                doc.kind.as_str(),
                                notes,
                                now,
                                run_id,
                                doc.extracted_with,
                                doc.container.as_ref().map(RelPath::as_bytes)
                            ])
                            .map_err(e)?;
                        (id, outcome)
                    }
                };
                // A page kept but not read (a scan, a PDF too damaged to
                // read) keeps its capture: where and when it was collected
                // is evidence whether or not its text can be read.
                let no_text = String::new();
                let text = doc
                    .text
                    .as_ref()
                    .or(doc.capture.is_some().then_some(&no_text));
                // A stored document's text is replaced whole: taken out
                // (and out of the index), then written and indexed anew.
                if outcome != Stored::Added {
                    drop_text.execute([id]).map_err(e)?;
                }
                if let Some(text) = text {
                    put_text
                        .execute(params![
                            id,
                            doc.title,
                            text,
                            doc.site_name,
                            doc.canonical_url,
                            doc.source,
                            doc.capture.as_ref().and_then(|c| c.url.as_deref()),
                            doc.capture.as_ref().and_then(|c| c.at.as_deref()),
                            doc.capture.as_ref().map(|c| c.format.as_str()),
                            doc.published,
                            doc.page_lines
                                .as_ref()
                                .map(|p| serde_json::to_string(p).expect("numbers serialise"))
                        ])
                        .map_err(e)?;
                    index_text
                        .execute(params![id, doc.title, text])
                        .map_err(e)?;
                }
                if let Some(records) = &doc.warc_records {
                    put_warc_records(&tx, &doc.path, records).map_err(e)?;
                }
                outcomes.push(outcome);
            }
            let mut put_error = tx
                .prepare_cached("INSERT INTO ingest_error (run_id, path, path_text, message) VALUES (?1, ?2, ?3, ?4)")
                .map_err(e)?;
            for (p, message) in errors {
                put_error
                    .execute(params![run_id, p.as_bytes(), p.to_string_lossy(), message])
                    .map_err(e)?;
            }
        }
        tx.commit().map_err(e)?;
        Ok(outcomes)
    }

    /// The records stored for the archive file at `file` (a WARC, or the
    /// WARCs inside a WACZ), in file order.
    pub fn warc_records(&self, file: &RelPath) -> Result<Vec<WarcRecordRow>> {
        let mut under = file.as_bytes().to_vec();
        under.push(b'/');
        self.warc_records_where(
            "container = ?1 OR substr(r.container, 1, length(?2)) = ?2",
            params![file.as_bytes(), under],
        )
    }

    /// Pages of archives read again in run `run_id` that the archive no
    /// longer holds where it held them: like files gone from the folder,
    /// they stay in the store and are reported.
    pub fn records_left_behind(&self, run_id: i64) -> Result<Vec<RelPath>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT d.path FROM document d JOIN document c ON c.path = d.container
                 WHERE c.ingest_run_id = ?1 AND d.ingest_run_id != ?1 ORDER BY d.path",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([run_id], |r| Ok(RelPath::from_bytes(r.get(0)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    fn warc_records_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        params: P,
    ) -> Result<Vec<WarcRecordRow>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT r.container, r.offset, r.inner, r.stored_length, r.warc_type, r.record_id, r.target_uri,
                    r.warc_date, r.sha256, r.block_length, r.block_digest, r.block_check,
                    r.payload_digest, r.payload_check, r.refers_to, r.http_status, r.media_type,
                    r.software, d.path
                 FROM warc_record r LEFT JOIN document d ON d.id = r.document_id
                 WHERE r.{filter} ORDER BY r.container, r.offset, r.inner"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params, |r| {
                Ok(WarcRecordRow {
                    container: RelPath::from_bytes(r.get(0)?),
                    offset: r.get::<_, i64>(1)? as u64,
                    inner: r.get::<_, i64>(2)? as u64,
                    stored_length: r.get::<_, Option<i64>>(3)?.map(|n| n as u64),
                    warc_type: r.get(4)?,
                    record_id: r.get(5)?,
                    target_uri: r.get(6)?,
                    warc_date: r.get(7)?,
                    sha256: r.get(8)?,
                    block_length: r.get::<_, i64>(9)? as u64,
                    block_digest: r.get(10)?,
                    block_check: r.get(11)?,
                    payload_digest: r.get(12)?,
                    payload_check: r.get(13)?,
                    refers_to: r.get(14)?,
                    http_status: r.get(15)?,
                    media_type: r.get(16)?,
                    software: r.get(17)?,
                    document: r.get::<_, Option<Vec<u8>>>(18)?.map(RelPath::from_bytes),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Records the end of an ingest run and its totals.
    pub fn finish_run(&mut self, run_id: i64, totals: &RunTotals) -> Result<()> {
        self.conn
            .execute(
                "UPDATE ingest_run SET finished_at = ?2, files_seen = ?3, added = ?4, changed = ?5, unchanged = ?6,
                    errors = ?7, cancelled = ?8 WHERE id = ?1",
                params![
                    run_id,
                    now(),
                    totals.files_seen as i64,
                    totals.added as i64,
                    totals.changed as i64,
                    totals.unchanged as i64,
                    totals.errors as i64,
                    totals.cancelled
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Past ingest runs, newest first.
    pub fn ingest_runs(&self) -> Result<Vec<IngestRunSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, started_at, finished_at, root_text, files_seen, added, changed, unchanged, errors, cancelled
                 FROM ingest_run ORDER BY id DESC",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(IngestRunSummary {
                    id: r.get(0)?,
                    started_at: r.get(1)?,
                    finished_at: r.get(2)?,
                    root: r.get(3)?,
                    files_seen: r.get::<_, i64>(4)? as u64,
                    added: r.get::<_, i64>(5)? as u64,
                    changed: r.get::<_, i64>(6)? as u64,
                    unchanged: r.get::<_, i64>(7)? as u64,
                    errors: r.get::<_, i64>(8)? as u64,
                    cancelled: r.get(9)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Records a verification run and its per-file results.
    pub fn record_verification(&mut self, v: &Verification) -> Result<i64> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(e)?;
        let c = v.counts();
        tx.execute(
            "INSERT INTO verification (started_at, finished_at, root_text, against, ok, modified, missing, new, moved,
                duplicate, unreadable, program_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                v.started_at,
                v.finished_at,
                v.root.to_string_lossy(),
                v.against,
                c.ok as i64,
                c.modified as i64,
                c.missing as i64,
                c.new as i64,
                c.moved as i64,
                c.duplicate as i64,
                c.unreadable as i64,
                crate::VERSION
            ],
        )
        .map_err(e)?;
        let id = tx.last_insert_rowid();
        {
            let mut put = tx
                .prepare_cached(
                    "INSERT INTO verification_result (verification_id, path, path_text, status, expected_sha256,
                        actual_sha256, other_path_text, message)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(e)?;
            for check in &v.checks {
                put.execute(params![
                    id,
                    check.path.as_bytes(),
                    check.path.to_string_lossy(),
                    check.status.as_str(),
                    check.expected_sha256,
                    check.actual_sha256,
                    check
                        .other_path
                        .as_ref()
                        .map(|p| p.to_string_lossy().into_owned()),
                    check.message
                ])
                .map_err(e)?;
            }
        }
        tx.commit().map_err(e)?;
        Ok(id)
    }

    /// Past verifications, newest first.
    pub fn verifications(&self) -> Result<Vec<VerificationSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, started_at, finished_at, root_text, against, ok, modified, missing, new, moved, duplicate,
                    unreadable
                 FROM verification ORDER BY id DESC",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let n = |i| r.get::<_, i64>(i).map(|v| v as u64);
                Ok(VerificationSummary {
                    id: r.get(0)?,
                    started_at: r.get(1)?,
                    finished_at: r.get(2)?,
                    root: r.get(3)?,
                    against: r.get(4)?,
                    counts: crate::verification::Counts {
                        ok: n(5)?,
                        modified: n(6)?,
                        missing: n(7)?,
                        new: n(8)?,
                        moved: n(9)?,
                        duplicate: n(10)?,
                        unreadable: n(11)?,
                    },
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The latest status of each path in the newest verification against the store.
    pub fn latest_statuses(&self) -> Result<HashMap<RelPath, Status>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT path, status FROM verification_result
                 WHERE verification_id = (SELECT max(id) FROM verification WHERE against = 'store')",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let status: String = r.get(1)?;
                Ok((
                    RelPath::from_bytes(r.get(0)?),
                    Status::parse(&status).unwrap_or(Status::Unreadable),
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}

/// Turns SQLite's codes into errors a user can act on.
/// The schema version of the store behind `conn`, after checking that it is
/// one: a provaudit store (its [`APPLICATION_ID`]), a store written before
/// the marker existed (schema 1–6 with the tables every store has), or an
/// empty database. Anything else is refused without a write.
fn recognise(conn: &Connection, path: &Path) -> Result<i64> {
    let read = |sql: &str| -> Result<i64> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| classify(path, e))
    };
    let version = read("PRAGMA user_version")?;
    let application = read("PRAGMA application_id")?;
    if application == APPLICATION_ID {
        return Ok(version);
    }
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .map_err(|e| classify(path, e))?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| classify(path, e))?;
    let what = || {
        let shown: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
        format!(
            "application_id {application}, schema version {version}, {} table(s){}{}",
            tables.len(),
            if shown.is_empty() { "" } else { ": " },
            shown.join(", ")
        )
    };
    let refuse = || StoreError::NotAStore {
        path: path.to_path_buf(),
        what: what(),
    };
    if application != 0 {
        return Err(refuse());
    }
    // A new store only where the file is empty (no page at all): a database
    // holding only a view, or whose tables were dropped, is someone's.
    let pages = read("PRAGMA page_count")?;
    if pages == 0 && version == 0 {
        return Ok(0);
    }
    let legacy = (1..=6).contains(&version)
        && LEGACY_TABLES
            .iter()
            .all(|t| tables.iter().any(|have| have == t));
    if legacy { Ok(version) } else { Err(refuse()) }
}

/// Writes one stage's kept analyses with `sql` (taking the document, the
/// inputs and the data).
fn put_kept(
    tx: &rusqlite::Transaction,
    sql: &str,
    kept: &[crate::model::claims::KeptAnalysis],
) -> rusqlite::Result<()> {
    let mut put = tx.prepare_cached(sql)?;
    for k in kept {
        put.execute(params![k.document_id, k.inputs, k.data])?;
    }
    Ok(())
}

fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Locked { path }
        }
        Some(ErrorCode::CannotOpen) if !path.exists() => StoreError::Missing { path },
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
        _ => StoreError::Sqlite { path, source: e },
    }
}

/// Replaces the records stored for the WARC file at `container`.
fn put_warc_records(
    tx: &rusqlite::Transaction,
    container: &RelPath,
    records: &[WarcRecordRow],
) -> rusqlite::Result<()> {
    let mut under = container.as_bytes().to_vec();
    under.push(b'/');
    tx.execute(
        "DELETE FROM warc_record WHERE container = ?1
            OR substr(container, 1, length(?2)) = ?2",
        params![container.as_bytes(), under],
    )?;
    let mut put = tx.prepare_cached(
        "INSERT OR REPLACE INTO warc_record (container, offset, inner, stored_length, warc_type, record_id,
            target_uri, warc_date, sha256, block_length, block_digest, block_check, payload_digest,
            payload_check, refers_to, http_status, media_type, software, document_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            (SELECT id FROM document WHERE path = ?19))",
    )?;
    for r in records {
        put.execute(params![
            r.container.as_bytes(),
            r.offset as i64,
            r.inner as i64,
            r.stored_length.map(|n| n as i64),
            r.warc_type,
            r.record_id,
            r.target_uri,
            r.warc_date,
            r.sha256,
            r.block_length as i64,
            r.block_digest,
            r.block_check,
            r.payload_digest,
            r.payload_check,
            r.refers_to,
            r.http_status,
            r.media_type,
            r.software,
            r.document.as_ref().map(RelPath::as_bytes)
        ])?;
    }
    Ok(())
}

/// A store of its own, in a temp folder, holding these files (name, text)
/// ingested: for the unit tests of the stages that read a store.
#[cfg(test)]
pub(crate) fn ingested_for_tests(files: &[(&str, &str)]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in files {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let mut store = Store::open_for_corpus(Some(&dir.path().join("s.sqlite")), &corpus).unwrap();
    crate::ingest::ingest(
        &mut store,
        &corpus,
        Default::default(),
        &crate::progress::Control::none(),
    )
    .unwrap();
    (dir, store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        MIGRATIONS.validate().unwrap();
    }

    /// Every shipped migration, pinned by its SHA-256: stores in the field
    /// ran these bytes, so editing one would leave them with a schema no
    /// code expects. A changed migration fails here; add a new one instead.
    /// The core says what is wrong and what to do in words any adapter can
    /// show; flags and commands are the CLI's to add (the app shows these
    /// messages in its dialogs).
    #[test]
    fn store_errors_phrase_no_command_line_advice() {
        let p = || PathBuf::from("/s/store.sqlite");
        let all = [
            StoreError::NotADatabase { path: p() },
            StoreError::NotAStore {
                path: p(),
                what: "application_id 1".into(),
            },
            StoreError::Missing { path: p() },
            StoreError::OtherCorpus {
                path: p(),
                stored: "/a".into(),
                requested: "/b".into(),
            },
            StoreError::InsideCorpus {
                store: p(),
                root: "/s".into(),
            },
            StoreError::NoDataDir,
        ];
        for e in all {
            let text = e.to_string();
            assert!(
                !text.contains("--") && !text.contains("PROVAUDIT_") && !text.contains('`'),
                "{text}"
            );
        }
    }

    #[test]
    fn shipped_migrations_never_change() {
        const SHIPPED: [(&str, &str, &str); 22] = [
            (
                "0001_evidence.sql",
                include_str!("migrations/0001_evidence.sql"),
                "139c64a5505da9cf51702877d7a7ed69419200a323fc5607b4580ea9a0aa00f7",
            ),
            (
                "0002_outlets.sql",
                include_str!("migrations/0002_outlets.sql"),
                "e3a714607a5cc864451824ceed439c835e19c26a0b98be43546ebb7cd301eb35",
            ),
            (
                "0003_claims.sql",
                include_str!("migrations/0003_claims.sql"),
                "115fbfa6ff5f46c23c397547c559f04d8151c5581ebc62c43147ba92a774fe22",
            ),
            (
                "0004_review.sql",
                include_str!("migrations/0004_review.sql"),
                "f48cdd9a00dabdfeb592af85bba227b67dca1bc0dbf51bcf21ed7bdb042f12e3",
            ),
            (
                "0005_export_log.sql",
                include_str!("migrations/0005_export_log.sql"),
                "1de0cc95e712d78c9107dfc3465371ca28ae8e2a959cd308914ce56f769d5771",
            ),
            (
                "0006_analysis_state.sql",
                include_str!("migrations/0006_analysis_state.sql"),
                "e3c97d4bdc55787097ed8e63d716a170d4d357d4f7528d752312438645ae238b",
            ),
            (
                "0007_application_id.sql",
                include_str!("migrations/0007_application_id.sql"),
                "19ee3c9e443c85404e8de7107041e2665ec2b979b4961cb7c5941094882dacda",
            ),
            (
                "0008_document_date.sql",
                include_str!("migrations/0008_document_date.sql"),
                "0f7335d12761b3c755de8af3ba7e25bc78a45badb2c75090c06df2640be025d8",
            ),
            (
                "0009_corroboration.sql",
                include_str!("migrations/0009_corroboration.sql"),
                "bf48e89dde887ebe38d5455b569cd5f6394d6b1d8abf495f981ebfcef86782b6",
            ),
            (
                "0010_search.sql",
                include_str!("migrations/0010_search.sql"),
                "28f7958654ed8b36564cd3d1f71e498af2122b02e3944b3ab8737fef01355f92",
            ),
            (
                "0011_document_page.sql",
                include_str!("migrations/0011_document_page.sql"),
                "9ea8b15e19e161d4d08613ba36390bac7b45cae972485413a493d667861b9b18",
            ),
            (
                "0012_extraction_version.sql",
                include_str!("migrations/0012_extraction_version.sql"),
                "b2fdbdb1c20c173a953a46f5db675d50b9961596d44ec0619c2e5c5be2e76d2c",
            ),
            (
                "0013_capture.sql",
                include_str!("migrations/0013_capture.sql"),
                "43c10cb5853c30cbbbf82a4039fc2c234f94579e7b39175e86672c62afdced75",
            ),
            (
                "0014_published.sql",
                include_str!("migrations/0014_published.sql"),
                "23fddb38afadba7de96bedd0b7cd0657cc76bb5f60b167ff862cf4254ce37305",
            ),
            (
                "0015_warc.sql",
                include_str!("migrations/0015_warc.sql"),
                "85c699069c71e599de3dfc877fb45ca72b2d7b9aa173936d4980e51406986a36",
            ),
            (
                "0016_pdf_pages.sql",
                include_str!("migrations/0016_pdf_pages.sql"),
                "8d3f0f4d25ffbccc918abde49c01f459209e1232c3d661f40c619d6a6ae526ab",
            ),
            (
                "0017_co_producers_and_digests.sql",
                include_str!("migrations/0017_co_producers_and_digests.sql"),
                "912d0210b3ad490a2a99d58293ad7ccdd572d8a83c5ebfbb460591ad38f9dbae",
            ),
            (
                "0018_imported_reuse.sql",
                include_str!("migrations/0018_imported_reuse.sql"),
                "0f320878bdf8be0a198f5c16858ebf59d229f22335de8b498c9237215d2fa4ec",
            ),
            (
                "0019_document_analysis.sql",
                include_str!("migrations/0019_document_analysis.sql"),
                "e0f2565e9685baf5c4cf421b19187a990043244a28e3aec0ca4bda1695d775a1",
            ),
            (
                "0020_analysis_bookkeeping.sql",
                include_str!("migrations/0020_analysis_bookkeeping.sql"),
                "660b73e9623b3f30db2e729754e369169c1d4eb1c0b80ec824cc4a31f78837cb",
            ),
            (
                "0021_document_search_insert.sql",
                include_str!("migrations/0021_document_search_insert.sql"),
                "c28e80a446ebff3585166150eb85d2be5b1c92f72c1885fbd3b1c75262cb1a12",
            ),
            (
                "0022_relayed_signals.sql",
                include_str!("migrations/0022_relayed_signals.sql"),
                "d6c5ba75b9798da8f4faccf2dbd7e43577451737b26d865c077940cc3ec30624",
            ),
        ];
        assert_eq!(
            SHIPPED.len() as i64,
            MIGRATIONS_COUNT,
            "a new migration: pin its SHA-256 here when it ships"
        );
        for (name, sql, pinned) in SHIPPED {
            use sha2::{Digest, Sha256};
            let found = crate::fingerprint::hex(&Sha256::digest(sql.as_bytes()));
            assert_eq!(
                found, pinned,
                "migration {name} changed after it shipped: stores already ran the old one; \
                 put it back and add a new migration for the change"
            );
        }
    }

    #[test]
    fn migrations_count_matches_the_list() {
        let mut conn = Connection::open_in_memory().unwrap();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS_COUNT);
    }

    /// A store written before exports entered the log (schema 4) keeps its
    /// review log, hash for hash, and its append-only guard.
    #[test]
    fn the_export_log_migration_keeps_a_schema_4_chain_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        {
            let mut conn = Connection::open(&path).unwrap();
            MIGRATIONS.to_version(&mut conn, 4).unwrap();
            conn.execute(
                "INSERT INTO review_session (id, reviewer, title, started_at) VALUES (1, 'R', '', 't0')",
                [],
            )
            .unwrap();
            let tx = conn.transaction().unwrap();
            for _ in 0..2 {
                review::append(
                    &tx,
                    crate::review::NewEntry {
                        session_id: Some(1),
                        at: "t1".into(),
                        action: crate::review::Action::Note,
                        target: Some(crate::review::Target::Document("a.txt".into())),
                        verdict: None,
                        note: Some("n".into()),
                        detail: None,
                        anchors: vec![],
                    },
                )
                .unwrap();
            }
            tx.commit().unwrap();
        }
        let mut store = Store::open_existing(&path).unwrap();
        let before = store.review_log().unwrap();
        assert_eq!(before.len(), 2);
        assert!(matches!(
            crate::review::verify_chain(&before),
            crate::review::ChainCheck::Intact { entries: 2, .. }
        ));
        // An export outside any session can now be appended to the chain.
        let record = crate::review::ExportRecord {
            format: "html".into(),
            path: "/tmp/r.html".into(),
            sha256: "ab".repeat(32),
            bytes: 10,
        };
        crate::review::record_export(&mut store, None, &record).unwrap();
        let after = store.review_log().unwrap();
        assert_eq!(&after[..2], &before[..]);
        assert!(matches!(
            crate::review::verify_chain(&after),
            crate::review::ChainCheck::Intact { entries: 3, .. }
        ));
        let err = store
            .conn
            .execute("UPDATE review_log SET note = 'x' WHERE seq = 1", [])
            .unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
    }
}

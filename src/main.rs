//! `provaudit`: the command-line adapter over the core library. Parses
//! arguments, wires progress to the terminal, prints, and maps outcomes to
//! exit codes; all the work is the library's.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use provaudit::escape;
use provaudit::export;
use provaudit::ingest;
use provaudit::manifest::ManifestFormat;
use provaudit::outlets::registry::{self, Registry};
use provaudit::outlets::{Grouping, Override};
use provaudit::pipeline::{self, AuditOptions};
use provaudit::progress::{Control, Progress};
use provaudit::relpath::RelPath;
use provaudit::report::{
    AuditReport, ClaimsReport, ClusterDetail, DocumentEntry, HistoryReport, LogCheckReport,
    OutletsReport, ShowReport, VerifyReport,
};
use provaudit::scan::ScanOptions;
use provaudit::store::{self, Store};
use provaudit::verify::{self, Status, Verification};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

mod cli;

/// Exit codes, as documented in the README.
const EXIT_OK: u8 = 0;
const EXIT_DISCREPANCY: u8 = 1;
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "provaudit",
    version,
    about = "Fingerprint a folder of saved news articles and trace where their claims come from"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct StoreArg {
    /// The store file [default: one per corpus in the user's data folder]
    #[arg(long, env = "PROVAUDIT_DB", value_name = "PATH")]
    db: Option<PathBuf>,
}

#[derive(clap::Args)]
struct RegistryArg {
    /// A user registry file (TOML, same format as registry/outlets.toml) whose
    /// entries add to and win over the bundled ones [default: ~/.config/provaudit/outlets.toml if present]
    #[arg(long, env = "PROVAUDIT_REGISTRY", value_name = "FILE")]
    registry: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest a folder: fingerprint every file and keep it in the store.
    ///
    /// Exit status: 0 when every file was stored, 1 when some could not be
    /// read (the rest were), 2 on usage or store errors.
    Audit {
        /// The corpus folder (only ever read)
        dir: PathBuf,
        #[command(flatten)]
        store: StoreArg,
        /// Print one JSON document (docs/json-schema.md) instead of a summary
        #[arg(long)]
        json: bool,
        /// Follow symbolic links (loops are detected)
        #[arg(long)]
        follow_symlinks: bool,
        #[command(flatten)]
        registry: RegistryArg,
        /// Count outlets with the same owner as one origin (strict independence)
        #[arg(long)]
        group_by_owner: bool,
        /// Print how long each step took, on standard error
        #[arg(long)]
        timings: bool,
    },
    /// Hash a folder again and compare it with the store, or with a manifest.
    ///
    /// Each file is reported as ok, modified, missing, new, moved, duplicate or
    /// unreadable. Exit status: 0 when all are ok, 1 on any discrepancy, 2 on
    /// usage or store errors.
    Verify {
        /// The folder to check: the corpus, or a copy of it (or a bag, with --manifest)
        dir: PathBuf,
        #[command(flatten)]
        store: StoreArg,
        /// Check against this manifest instead of a store (`sha256sum` output
        /// or a BagIt `manifest-sha256.txt`)
        #[arg(long, value_name = "FILE")]
        manifest: Option<PathBuf>,
        /// The manifest's format [default: bagit for manifest-*.txt, else sha256sum]
        #[arg(long, value_enum, requires = "manifest")]
        manifest_format: Option<ManifestArg>,
        /// Print one JSON document instead of a report
        #[arg(long)]
        json: bool,
        /// Follow symbolic links (loops are detected)
        #[arg(long)]
        follow_symlinks: bool,
    },
    /// Write a report (html, md, json, csv, claimreview, annotations) or the
    /// evidence (a sha256sum manifest, a BagIt bag); each export is recorded
    /// with its SHA-256 in the review log.
    Export {
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        #[arg(long, value_enum)]
        format: ExportArg,
        /// The file (report, manifest) or new folder (bag) to write; never inside the corpus
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Record the export in this review session [default: none]
        #[arg(long, value_name = "ID")]
        session: Option<i64>,
        /// Replace PATH if it is an existing regular file (never a link,
        /// device, pipe or folder)
        #[arg(long)]
        force: bool,
        /// Export even when the review log's hash chain is broken; the report
        /// then says so first
        #[arg(long)]
        allow_broken_chain: bool,
        /// `flagged`: a report (html, md, json, csv) with only echoes, single
        /// primary sources, single alignments, conflicting figures and what a
        /// reviewer gave a verdict or note on, and the documents they rest on
        #[arg(long, value_enum, value_name = "WHAT")]
        only: Option<OnlyArg>,
    },
    /// Check the review log's hash chain, and with --anchor that it still
    /// holds what an earlier export stated (a log cut short or rewritten).
    ///
    /// Exit status: 0 when the log holds, 1 when it does not, 2 on usage or
    /// store errors.
    VerifyLog {
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        /// An earlier export (an HTML, Markdown or JSON report, a sha256sum
        /// manifest, a bag or its bag-info.txt) whose stated log head the
        /// store must still hold
        #[arg(long, value_name = "FILE")]
        anchor: Option<PathBuf>,
        /// Print one JSON document instead of a sentence
        #[arg(long)]
        json: bool,
    },
    /// List the outlet registry, with where each field came from.
    Outlets {
        #[command(flatten)]
        registry: RegistryArg,
        /// Only outlets whose name, alias, id or domain contains this text
        filter: Option<String>,
        /// Print one JSON document instead of text
        #[arg(long)]
        json: bool,
    },
    /// Correct who published a file or who produced its text.
    Outlet {
        #[command(subcommand)]
        action: OutletAction,
    },
    /// The claims, grouped across documents, by corroboration class: echoes
    /// (several documents, one origin: they look corroborated and are not)
    /// first, then unresolved, corroborated, and claims in one document only;
    /// the 20 widest of each class unless --all or --class.
    Claims {
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        /// Only the claims that rest on a single source (echoes and claims
        /// in one document)
        #[arg(long)]
        single_source: bool,
        /// Only one class: echo, unresolved, corroborated, single-document
        #[arg(long, value_parser = cli::claims::parse_class)]
        class: Option<provaudit::claims::Corroboration>,
        /// Every claim of each class, not the first 20
        #[arg(long)]
        all: bool,
        /// Every document's evidence under each claim (producer, how it was
        /// established, the words that show it)
        #[arg(long)]
        verbose: bool,
        /// Print one JSON document instead of text
        #[arg(long)]
        json: bool,
    },
    /// Show one document (a path inside the corpus) with its outlet evidence,
    /// or one claim or cluster (an id from `claims`) side by side across documents.
    Show {
        /// A file in the corpus, or a claim id (k-…) or cluster id (c-…)
        file: PathBuf,
        #[command(flatten)]
        store: StoreArg,
        /// Print one JSON document instead of text
        #[arg(long)]
        json: bool,
    },
    /// Review sessions from the command line: start, give verdicts and
    /// notes bound to the exact bytes, list, close. The same hash-chained log
    /// as the desktop app.
    Review {
        #[command(subcommand)]
        action: cli::review::ReviewAction,
    },
    /// Search every document's text and every claim for words and "quoted
    /// phrases": highlighted snippets with file, line and byte range.
    Search(cli::search::SearchArgs),
    /// List past ingest runs and verifications of a store.
    History {
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        /// Print one JSON document instead of text
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum OutletAction {
    /// Set the publisher and/or origin of FILE by hand; kept across re-ingest,
    /// shown as a manual decision. `--publisher auto` withdraws a correction.
    Set {
        /// The file (a path inside the corpus)
        file: PathBuf,
        #[command(flatten)]
        store: StoreArg,
        #[arg(long, value_name = "OUTLET")]
        publisher: Option<String>,
        #[arg(long, value_name = "OUTLET")]
        origin: Option<String>,
        /// Who made the correction [default: $USER]
        #[arg(long)]
        reviewer: Option<String>,
        /// Why
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        registry: RegistryArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OnlyArg {
    /// Only what an editor must look at
    Flagged,
}

#[derive(Clone, Copy, ValueEnum)]
enum ManifestArg {
    Sha256sum,
    Bagit,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportArg {
    /// The audit report as one self-contained HTML file (printable to PDF)
    Html,
    /// The audit report as Markdown
    Md,
    /// The audit report's full data as JSON (docs/json-schema.md)
    Json,
    /// One row per claim, RFC 4180
    Csv,
    /// schema.org ClaimReview JSON-LD for each reviewed claim
    Claimreview,
    /// The reviewer's verdicts and notes as W3C Web Annotations (JSON-LD)
    Annotations,
    /// A manifest that `sha256sum -c --strict` checks in the corpus folder
    Sha256sum,
    /// A BagIt 1.0 bag (RFC 8493) holding a copy of the corpus
    Bagit,
}

impl ExportArg {
    fn format(self) -> export::Format {
        match self {
            ExportArg::Html => export::Format::Html,
            ExportArg::Md => export::Format::Markdown,
            ExportArg::Json => export::Format::Json,
            ExportArg::Csv => export::Format::Csv,
            ExportArg::Claimreview => export::Format::ClaimReview,
            ExportArg::Annotations => export::Format::Annotations,
            ExportArg::Sha256sum => export::Format::Sha256sum,
            ExportArg::Bagit => export::Format::Bagit,
        }
    }
}

/// `eprintln!` with control characters escaped (see [`escape`]).
macro_rules! eprintln_safe {
    ($($arg:tt)*) => {
        eprintln!("{}", escape::visible_text(&format!($($arg)*)))
    };
}

fn main() -> ExitCode {
    // Usage errors quote the arguments given, which may hold control
    // characters: they are printed escaped like everything else.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let text = err.render().to_string();
            let safe = escape::visible_text(&text);
            if err.use_stderr() {
                eprint!("{safe}");
            } else {
                print!("{safe}");
            }
            return ExitCode::from(err.exit_code().clamp(0, 255) as u8);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                // A closed stdout pipe (`| head`) is not a failure.
                return ExitCode::from(EXIT_OK);
            }
            match store_error_of(&err).and_then(cli_advice) {
                Some(advice) => eprintln_safe!("provaudit: {err:#} ({advice})"),
                None => eprintln_safe!("provaudit: {err:#}"),
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The store error behind `err`, however the core wrapped it.
fn store_error_of(err: &anyhow::Error) -> Option<&store::StoreError> {
    err.chain().find_map(|e| {
        e.downcast_ref::<store::StoreError>()
            .or_else(|| match e.downcast_ref::<ingest::IngestError>() {
                Some(ingest::IngestError::Store(s)) => Some(s),
                _ => None,
            })
            .or_else(
                || match e.downcast_ref::<provaudit::review::ReviewError>() {
                    Some(provaudit::review::ReviewError::Store(s)) => Some(s),
                    _ => None,
                },
            )
            .or_else(|| match e.downcast_ref::<export::ExportError>() {
                Some(export::ExportError::Store(s)) => Some(s),
                _ => None,
            })
            .or_else(|| match e.downcast_ref::<verify::VerifyError>() {
                Some(verify::VerifyError::Store(s)) => Some(s),
                _ => None,
            })
            .or_else(
                || match e.downcast_ref::<provaudit::search::SearchError>() {
                    Some(provaudit::search::SearchError::Store(s)) => Some(s),
                    _ => None,
                },
            )
            .or_else(
                || match e.downcast_ref::<provaudit::report::LogCheckError>() {
                    Some(provaudit::report::LogCheckError::Store(s)) => Some(s),
                    _ => None,
                },
            )
    })
}

/// What to type about a store error: the core says what is wrong, the CLI
/// which flag or command fixes it.
fn cli_advice(e: &store::StoreError) -> Option<String> {
    use store::StoreError as E;
    Some(match e {
        E::NotADatabase { .. } | E::NotAStore { .. } => {
            "give another with --db PATH or PROVAUDIT_DB".to_owned()
        }
        E::Missing { .. } => "run `provaudit audit DIR` first, or pass the right --db".to_owned(),
        E::OtherCorpus {
            path, requested, ..
        } => format!(
            "a new store: --db PATH; a copy checked against this one: `provaudit verify {} --db {}`",
            requested.display(),
            path.display()
        ),
        E::InsideCorpus { .. } => "pass --db PATH outside the corpus folder".to_owned(),
        E::NoDataDir => "pass --db PATH or set PROVAUDIT_DB".to_owned(),
        _ => return None,
    })
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().map(io::Error::kind) == Some(io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<u8> {
    let progress = TermProgress::default();
    let cancel = AtomicBool::new(false);
    let control = Control {
        progress: &progress,
        cancel: &cancel,
    };
    match cli.command {
        Command::Audit {
            dir,
            store,
            json,
            follow_symlinks,
            registry,
            group_by_owner,
            timings,
        } => {
            let started = std::time::Instant::now();
            let mut store = ingest::open_store(store.db.as_deref(), &dir)?;
            let registry = load_registry(registry.registry.as_deref());
            let options = AuditOptions {
                scan: ScanOptions {
                    follow_symlinks,
                    include_hidden: false,
                },
                grouping: if group_by_owner {
                    Grouping::ByOwner
                } else {
                    Grouping::ByOutlet
                },
            };
            // The text summary needs the claims' counts, not two million
            // claims read back: only --json builds the whole report.
            let report = if json {
                pipeline::audit(&mut store, &dir, &registry, options, &control)?
            } else {
                pipeline::audit_overview(&mut store, &dir, &registry, options, &control)?
            };
            let printing = std::time::Instant::now();
            if json {
                print_json(&report)?;
            } else {
                print_audit(&dir, &report, &store.cluster_totals()?)?;
            }
            if timings {
                for (step, took) in &report.timings.0 {
                    eprintln_safe!("timing: {:>9.3} s  {step}", took.as_secs_f64());
                }
                eprintln_safe!("timing: {:>9.3} s  print", printing.elapsed().as_secs_f64());
                eprintln_safe!("timing: {:>9.3} s  total", started.elapsed().as_secs_f64());
            }
            Ok(if report.run.complete {
                EXIT_OK
            } else {
                EXIT_DISCREPANCY
            })
        }
        Command::Verify {
            dir,
            store,
            manifest,
            manifest_format,
            json,
            follow_symlinks,
        } => {
            let options = ScanOptions {
                follow_symlinks,
                include_hidden: false,
            };
            let mut log_broken = false;
            let verification = match manifest {
                Some(manifest) => {
                    let format = match manifest_format {
                        Some(ManifestArg::Sha256sum) => ManifestFormat::Sha256sum,
                        Some(ManifestArg::Bagit) => ManifestFormat::Bagit,
                        None => ManifestFormat::detect(&manifest),
                    };
                    verify::verify_manifest(&manifest, format, &dir, options, &control)?
                }
                None => {
                    let path = resolve_store(store.db.as_deref(), Some(&dir))?;
                    let mut store = Store::open_existing(&path)?;
                    let verification = verify::verify_store(&mut store, &dir, options, &control)?;
                    // The files are half of what a store vouches for; the
                    // review record is the other.
                    if let provaudit::review::ChainCheck::Broken { seq, reason } =
                        provaudit::review::verify_chain(&store.review_log()?)
                    {
                        log_broken = true;
                        eprintln_safe!(
                            "provaudit: the review log's hash chain is broken at entry {seq}: {reason}; run `provaudit verify-log` and `provaudit history` to see it"
                        );
                    }
                    verification
                }
            };
            if json {
                print_json(&VerifyReport::from(&verification))?;
            } else {
                print_verification(&verification)?;
            }
            Ok(if verification.all_ok() && !log_broken {
                EXIT_OK
            } else {
                EXIT_DISCREPANCY
            })
        }
        Command::Export {
            dir,
            store,
            format,
            out,
            session,
            force,
            allow_broken_chain,
            only,
        } => {
            let path = resolve_store(store.db.as_deref(), dir.as_deref())?;
            let mut store = Store::open_existing(&path)?;
            let request = export::Request {
                format: format.format(),
                corpus: dir.as_deref(),
                out: &out,
                session,
                force,
                allow_broken_chain,
                only_flagged: matches!(only, Some(OnlyArg::Flagged)),
            };
            let written = export::run(&mut store, &request, &control)?;
            print_export(&written)?;
            Ok(EXIT_OK)
        }
        Command::VerifyLog {
            dir,
            store,
            anchor,
            json,
        } => {
            let path = resolve_store(store.db.as_deref(), dir.as_deref())?;
            let store = Store::open_existing(&path)?;
            let report = LogCheckReport::new(&store, anchor.as_deref())?;
            if json {
                print_json(&report)?;
            } else {
                writeln!(stdout_text(), "{}", report.message)?;
            }
            Ok(if report.holds {
                EXIT_OK
            } else {
                EXIT_DISCREPANCY
            })
        }
        Command::Outlets {
            registry,
            filter,
            json,
        } => {
            let registry = load_registry(registry.registry.as_deref());
            let needle = filter.as_deref().map(str::to_lowercase);
            let matching: Vec<registry::Outlet> = registry
                .outlets()
                .iter()
                .filter(|o| match &needle {
                    None => true,
                    Some(n) => std::iter::once(&o.name)
                        .chain(&o.aliases)
                        .chain(&o.domains)
                        .chain(std::iter::once(&o.id))
                        .any(|s| s.to_lowercase().contains(n)),
                })
                .cloned()
                .collect();
            if json {
                print_json(&OutletsReport {
                    schema_version: provaudit::report::SCHEMA_VERSION,
                    registry_version: &registry.version,
                    outlets: &matching,
                })?;
            } else {
                print_outlets(&registry, &matching)?;
            }
            Ok(EXIT_OK)
        }
        Command::Outlet {
            action:
                OutletAction::Set {
                    file,
                    store,
                    publisher,
                    origin,
                    reviewer,
                    note,
                    registry,
                },
        } => {
            if publisher.is_none() && origin.is_none() {
                bail!(
                    "nothing to set: pass --publisher OUTLET and/or --origin OUTLET (or `auto` to withdraw a correction)"
                );
            }
            let (mut store, rel) = store_for_file(store.db.as_deref(), &file)?;
            let doc = store.document_by_path(&rel)?.with_context(|| {
                format!(
                    "{}: not in the store; run `provaudit audit` on its folder first",
                    file.display()
                )
            })?;
            let reviewer = reviewer
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "reviewer".into());
            for (field, value) in [("publisher", publisher), ("origin", origin)] {
                if let Some(value) = value {
                    store.add_outlet_override(&Override {
                        path: rel.clone(),
                        field: field.into(),
                        value: (value != "auto").then_some(value),
                        reviewer: reviewer.clone(),
                        note: note.clone(),
                        document_sha256: doc.sha256.clone(),
                        created_at: store::now(),
                    })?;
                }
            }
            let registry = load_registry(registry.registry.as_deref());
            pipeline::reanalyse(&mut store, &registry, Grouping::ByOutlet)?;
            let entry = DocumentEntry::read(&store, &doc)?;
            print_document(&entry)?;
            Ok(EXIT_OK)
        }
        Command::Search(args) => {
            cli::search::run(args)?;
            Ok(EXIT_OK)
        }
        Command::Review { action } => {
            cli::review::run(action)?;
            Ok(EXIT_OK)
        }
        Command::Claims {
            dir,
            store,
            single_source,
            class,
            all,
            verbose,
            json,
        } => {
            let path = resolve_store(store.db.as_deref(), dir.as_deref())?;
            let store = Store::open_existing(&path)?;
            let report = ClaimsReport::filtered(&store, single_source, class)?;
            if json {
                print_json(&report)?;
            } else {
                let limit = (!all && class.is_none()).then_some(cli::claims::CLAIMS_PER_CLASS);
                cli::claims::print_claims(&report, class, limit, verbose)?;
            }
            Ok(EXIT_OK)
        }
        Command::Show { file, .. } if looks_like_mistyped_id(&file) => {
            bail!(
                "no claim or cluster {}: {ID_FORMAT}",
                file.to_string_lossy()
            )
        }
        Command::Show { file, store, json } if is_claim_id(&file) => {
            let id = file.to_string_lossy().into_owned();
            let store = store_for_claim(store.db.as_deref(), &id)?;
            let detail = ClusterDetail::find(&store, &id)?.with_context(|| {
                format!(
                    "no claim or cluster {id} in {}: {ID_FORMAT}",
                    store.path().display()
                )
            })?;
            if json {
                print_json(&detail)?;
            } else {
                cli::claims::print_cluster(&detail)?;
            }
            Ok(EXIT_OK)
        }
        Command::Show { file, store, json } => {
            let (store, rel) = store_for_file(store.db.as_deref(), &file)?;
            let doc = store.document_by_path(&rel)?.with_context(|| {
                format!(
                    "{}: not in the store; run `provaudit audit` on its folder first",
                    file.display()
                )
            })?;
            let entry = DocumentEntry::read(&store, &doc)?;
            let signals = store.outlet_signals(doc.id)?;
            if json {
                print_json(&ShowReport {
                    schema_version: provaudit::report::SCHEMA_VERSION,
                    document: entry,
                    signals,
                })?;
            } else {
                print_document(&entry)?;
                let mut out = stdout_text();
                if !signals.is_empty() {
                    writeln!(out, "  evidence found:")?;
                }
                for s in &signals {
                    writeln!(
                        out,
                        "    {:<12} {:<22} {:<18} line {:<4} {}",
                        s.role,
                        s.name,
                        s.rule,
                        s.line.map(|l| l.to_string()).unwrap_or_else(|| "-".into()),
                        quote(&s.text)
                    )?;
                }
            }
            Ok(EXIT_OK)
        }
        Command::History { dir, store, json } => {
            let path = resolve_store(store.db.as_deref(), dir.as_deref())?;
            let store = Store::open_existing(&path)?;
            let report = HistoryReport::new(&store)?;
            if json {
                print_json(&report)?;
            } else {
                print_history(&report)?;
            }
            Ok(match report.review_log {
                provaudit::review::ChainCheck::Intact { .. } => EXIT_OK,
                provaudit::review::ChainCheck::Broken { .. } => EXIT_DISCREPANCY,
            })
        }
    }
}

/// How claim and cluster ids look, for a message about one that is not.
const ID_FORMAT: &str = "claim ids look like k-08a36ac9e4e9 and cluster ids like \
    c-08a36ac9e4e9 (12 hex digits); `provaudit claims` lists them";

/// An argument that is no file and reads as a claim or cluster id of the
/// wrong length ("c-8a5db949"): saying "no such file" would mislead.
fn looks_like_mistyped_id(target: &Path) -> bool {
    let s = target.to_string_lossy();
    (s.starts_with("k-") || s.starts_with("c-"))
        && s.len() != 14
        && s.len() > 2
        && s[2..].chars().all(|c| c.is_ascii_hexdigit())
        && !target.exists()
}

fn is_claim_id(target: &Path) -> bool {
    let s = target.to_string_lossy();
    (s.starts_with("k-") || s.starts_with("c-"))
        && s.len() == 14
        && s[2..].chars().all(|c| c.is_ascii_hexdigit())
        && !target.exists()
}

/// The store holding a claim: `--db`, or the one default store that has it.
fn store_for_claim(db: Option<&Path>, id: &str) -> Result<Store> {
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
fn load_registry(user_file: Option<&Path>) -> Registry {
    let (registry, error) = registry::load(user_file);
    if let Some(e) = error {
        eprintln_safe!("provaudit: {e}");
    }
    registry
}

/// The store holding `file`, and its path relative to the store's corpus:
/// `--db`, or the default store of the nearest folder above `file` that has one.
fn store_for_file(db: Option<&Path>, file: &Path) -> Result<(Store, RelPath)> {
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

/// A quotation cut at 80 characters, control characters as spaces and
/// whitespace runs squeezed (a credit padded with tabs reads as one line).
fn quote(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if s.chars().count() > 80 {
        format!("‘{}…’", s.chars().take(78).collect::<String>())
    } else {
        format!("‘{s}’")
    }
}

/// One line about who stands behind an origin: kind, country, affiliation.
fn alignment_badge(entry: &DocumentEntry) -> String {
    let parts = export::words::alignment_parts(entry, false);
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [{}]", parts.join(", "))
    }
}

fn party_line(p: Option<&provaudit::report::PartyEntry>) -> String {
    match p {
        None => "unidentified".into(),
        Some(p) => format!("{}{}", p.name, if p.manual { " (manual)" } else { "" }),
    }
}

fn print_document(entry: &DocumentEntry) -> Result<()> {
    let mut out = stdout_text();
    writeln!(out, "{}", entry.path.escape_debug())?;
    writeln!(out, "  sha256       {}", entry.sha256)?;
    writeln!(
        out,
        "  text sha256  {}",
        entry.text_sha256.as_deref().unwrap_or("-")
    )?;
    writeln!(
        out,
        "  {} bytes, {}, {}",
        entry.bytes,
        entry.encoding.as_deref().unwrap_or("not decoded"),
        entry.content_kind
    )?;
    for (label, party) in [("publisher", &entry.publisher), ("origin", &entry.origin)] {
        match party {
            // A reviewer's correction has no place in the file to point at.
            Some(p) if p.manual => {
                writeln!(out, "  {label:<12} {}  — {}", party_line(Some(p)), p.basis)?
            }
            Some(p) => writeln!(
                out,
                "  {label:<12} {}  — {} {}, line {}, bytes {}..{}, confidence {:.2}",
                party_line(Some(p)),
                p.evidence.rule,
                quote(&p.evidence.text),
                p.evidence
                    .line
                    .map(|l| l.to_string())
                    .unwrap_or_else(|| "-".into()),
                p.evidence
                    .start
                    .map(|l| l.to_string())
                    .unwrap_or_else(|| "?".into()),
                p.evidence
                    .end
                    .map(|l| l.to_string())
                    .unwrap_or_else(|| "?".into()),
                p.confidence
            )?,
            None => writeln!(out, "  {label:<12} unidentified")?,
        }
    }
    writeln!(
        out,
        "  relation     {}{}",
        entry.relation.replace('_', " "),
        alignment_badge(entry)
    )?;
    if let Some(g) = &entry.origin_group {
        writeln!(out, "  origin group {g}")?;
    }
    if let Some(e) = &entry.outlet_explanation {
        writeln!(out, "  why          {e}")?;
    }
    match &entry.date {
        Some(d) => writeln!(
            out,
            "  reported     {} — {}, line {}",
            d.human(),
            quote(&d.text),
            d.line.map(|l| l.to_string()).unwrap_or_else(|| "-".into())
        )?,
        None => writeln!(out, "  reported     no date in the text")?,
    }
    Ok(())
}

fn print_outlets(registry: &Registry, outlets: &[registry::Outlet]) -> Result<()> {
    let mut out = stdout_text();
    writeln!(
        out,
        "Outlet registry {} — {} outlets",
        registry.version,
        outlets.len()
    )?;
    for o in outlets {
        let layers: Vec<&str> = o
            .layers
            .iter()
            .map(|l| match l {
                registry::Layer::StateMediaMonitor => "state-media",
                registry::Layer::Bundled => "bundled",
                registry::Layer::User => "USER",
            })
            .collect();
        writeln!(out, "{}  ({}) [{}]", o.name, o.id, layers.join("+"))?;
        let field = |name: &str, value: String| -> String {
            let source = o
                .sources
                .get(name)
                .map(|s| format!("   ← {s}"))
                .unwrap_or_default();
            format!("    {name:<18} {value}{source}")
        };
        writeln!(out, "{}", field("kind", o.kind.as_str().into()))?;
        if let Some(c) = &o.country {
            writeln!(out, "{}", field("country", c.clone()))?;
        }
        if let Some(w) = &o.owner {
            writeln!(out, "{}", field("owner", w.clone()))?;
        }
        writeln!(
            out,
            "{}",
            field(
                "state_affiliation",
                o.state_affiliation
                    .map(|t| format!("{} ({})", t.as_str(), t.describe()))
                    .unwrap_or_else(|| "none".into())
            )
        )?;
        if !o.aliases.is_empty() {
            writeln!(out, "{}", field("aliases", o.aliases.join(", ")))?;
        }
        if !o.domains.is_empty() {
            writeln!(out, "{}", field("domains", o.domains.join(", ")))?;
        }
    }
    Ok(())
}

/// The store named by `--db`/`PROVAUDIT_DB`, or the default one of `dir`.
fn resolve_store(db: Option<&Path>, dir: Option<&Path>) -> Result<PathBuf> {
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

/// Standard output for text: every control character an article, a file
/// name or a user put in a printed string is written as a visible escape.
fn stdout_text() -> escape::Escaping<io::StdoutLock<'static>> {
    escape::Escaping::new(io::stdout().lock(), escape::Mode::Text)
}

fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let mut out = escape::Escaping::new(io::stdout().lock(), escape::Mode::Json);
    serde_json::to_writer_pretty(&mut out, value).context("writing JSON")?;
    writeln!(out)?;
    Ok(())
}

fn print_audit(dir: &Path, report: &AuditReport, totals: &store::ClusterTotals) -> Result<()> {
    let mut out = stdout_text();
    let run = &report.run;
    // "5 articles and 1 checksum manifest", not "6 files": what a file is
    // matters to the reader (files not stored are counted as errors below).
    let kinds = |pred: &dyn Fn(&str) -> bool| {
        report
            .documents
            .iter()
            .filter(|d| pred(d.content_kind))
            .count()
    };
    let articles = kinds(&|k| matches!(k, "text" | "html"));
    let manifests = kinds(&|k| k == "manifest");
    let others = report.documents.len() - articles - manifests;
    let mut what = vec![match articles {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    }];
    if manifests > 0 {
        what.push(match manifests {
            1 => "1 checksum manifest".to_owned(),
            n => format!("{n} checksum manifests"),
        });
    }
    if others > 0 {
        what.push(match others {
            1 => "1 other file (not read as text)".to_owned(),
            n => format!("{n} other files (not read as text)"),
        });
    }
    let what = match what.len() {
        1 => what.remove(0),
        _ => {
            let last = what.pop().unwrap_or_default();
            format!("{} and {last}", what.join(", "))
        }
    };
    writeln!(
        out,
        "Audited {}: {what}, {} in {:.2} s",
        dir.display(),
        export::words::human_bytes(run.bytes),
        run.elapsed_ms as f64 / 1000.0
    )?;
    writeln!(
        out,
        "  {} new, {} changed, {} unchanged, {} errors{}",
        run.added,
        run.changed,
        run.unchanged,
        run.errors,
        if run.cancelled { " (cancelled)" } else { "" }
    )?;
    for doc in &report.documents {
        let what = match doc.content_kind {
            "text" | "html" => {
                let publisher = party_line(doc.publisher.as_ref());
                let origin = party_line(doc.origin.as_ref());
                if publisher == origin {
                    format!("  {publisher}{}", alignment_badge(doc))
                } else {
                    format!(
                        "  {publisher} ← {origin} ({}){}",
                        doc.relation.replace('_', " "),
                        alignment_badge(doc)
                    )
                }
            }
            other => format!("  [{other}]"),
        };
        writeln!(
            out,
            "  {}  {}{what}",
            &doc.sha256[..16],
            doc.path.escape_debug()
        )?;
    }
    for gone in &run.gone {
        writeln!(
            out,
            "  gone: {} is in the store but no longer in the folder; run `provaudit verify`",
            gone.escape_debug()
        )?;
    }
    for w in &report.warnings {
        writeln!(out, "  warning: {}: {}", w.path.escape_debug(), w.warning)?;
    }
    if totals.clusters > 0 {
        let counts = provaudit::report::ClaimCounts::from_totals(totals);
        writeln!(
            out,
            "  {} claims in {} clusters: {}; {} with conflicting figures — see `provaudit claims`",
            totals.claims,
            totals.clusters,
            counts.in_words(),
            totals.conflicting
        )?;
    }
    writeln!(out, "  store: {}", report.corpus.store)?;
    drop(out);
    for e in &report.errors {
        eprintln_safe!("provaudit: {}: {}", e.path.escape_debug(), e.error);
    }
    if !run.complete {
        eprintln_safe!(
            "provaudit: the run was partial: {} file(s) could not be stored; everything else was",
            run.errors
        );
    }
    Ok(())
}

fn print_verification(v: &Verification) -> Result<()> {
    let mut out = stdout_text();
    for check in &v.checks {
        let extra = match (check.status, &check.other_path, &check.message) {
            (Status::Moved, Some(old), _) => format!(" (was {old})"),
            (Status::Duplicate, Some(twin), _) => format!(" (same bytes as {twin})"),
            (_, _, Some(message)) => format!(" ({message})"),
            _ => String::new(),
        };
        writeln!(out, "{:<10} {}{extra}", check.status.as_str(), check.path)?;
    }
    for s in &v.skipped {
        writeln!(out, "{:<10} {} ({})", "skipped", s.path, s.message)?;
    }
    let c = v.counts();
    let parts: Vec<String> = [
        (c.ok, "ok"),
        (c.modified, "modified"),
        (c.missing, "missing"),
        (c.new, "new"),
        (c.moved, "moved"),
        (c.duplicate, "duplicate"),
        (c.unreadable, "unreadable"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, s)| format!("{n} {s}"))
    .collect();
    let verdict = if v.all_ok() {
        "the folder matches"
    } else {
        "the folder does NOT match"
    };
    writeln!(
        out,
        "{} files checked against {}: {} — {verdict}",
        v.checks.len(),
        v.against,
        if parts.is_empty() {
            "nothing to check".to_owned()
        } else {
            parts.join(", ")
        }
    )?;
    Ok(())
}

fn print_export(w: &export::Written) -> Result<()> {
    let format = export::Format::parse(w.format).expect("a format run wrote");
    let mut out = stdout_text();
    writeln!(
        out,
        "Wrote the {} {}: {} files described ({})",
        format.describe(),
        w.out.display(),
        w.files,
        export::words::human_bytes(w.corpus_bytes)
    )?;
    let of = match format {
        export::Format::Bagit => "its tagmanifest-sha256.txt",
        _ => "the file",
    };
    writeln!(out, "  SHA-256 of {of}: {}", w.sha256)?;
    writeln!(out, "  recorded in the review log as entry {}", w.log_seq)?;
    if w.stale_left_out > 0 {
        writeln!(
            out,
            "  {} stale verdicts left out: the files they rest on changed; review them again",
            w.stale_left_out
        )?;
    }
    Ok(())
}

fn print_history(report: &HistoryReport) -> Result<()> {
    let mut out = stdout_text();
    writeln!(
        out,
        "Store {} (corpus {})",
        report.store,
        report.root.as_deref().unwrap_or("none yet")
    )?;
    let broken_at = match &report.review_log {
        provaudit::review::ChainCheck::Intact { entries, head } => {
            writeln!(
                out,
                "Review log: hash chain intact, {entries} entries; head {}",
                head.as_deref().unwrap_or("(empty log)")
            )?;
            None
        }
        provaudit::review::ChainCheck::Broken { seq, reason } => {
            writeln!(
                out,
                "Review log: HASH CHAIN BROKEN at entry {seq}: {reason}. Entries from there on cannot be trusted."
            )?;
            Some(*seq)
        }
    };
    writeln!(out, "Ingest runs:")?;
    for r in &report.ingest_runs {
        writeln!(
            out,
            "  #{:<4} {}  {} files: {} new, {} changed, {} unchanged, {} errors{}",
            r.id,
            r.started_at,
            r.files_seen,
            r.added,
            r.changed,
            r.unchanged,
            r.errors,
            match (&r.finished_at, r.cancelled) {
                (None, _) => " — interrupted",
                (_, true) => " — cancelled",
                _ => "",
            }
        )?;
    }
    writeln!(out, "Verifications:")?;
    if report.verifications.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for v in &report.verifications {
        let bad = v.modified + v.missing + v.new + v.moved + v.duplicate + v.unreadable;
        writeln!(
            out,
            "  #{:<4} {}  {} against {}: {} ok, {} modified, {} missing, {} new, {} moved, {} duplicate, {} unreadable — {}",
            v.id,
            v.started_at,
            v.root,
            v.against,
            v.ok,
            v.modified,
            v.missing,
            v.new,
            v.moved,
            v.duplicate,
            v.unreadable,
            if bad == 0 { "matched" } else { "DID NOT MATCH" }
        )?;
    }
    writeln!(out, "Exports:")?;
    if report.exports.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for e in &report.exports {
        writeln!(
            out,
            "  {}  {:<11} {}  SHA-256 {}{}",
            e.at,
            e.record.format,
            e.record.path,
            e.record.sha256,
            match broken_at {
                Some(seq) if e.seq >= seq => "  (UNTRUSTED: at or after the break)",
                _ => "",
            }
        )?;
    }
    Ok(())
}

/// A progress bar on stderr, shown only on a terminal and only once a stage
/// has run for a moment (short runs print nothing).
#[derive(Default)]
struct TermProgress {
    bar: Mutex<Option<(ProgressBar, Instant, bool)>>,
}

const SHOW_AFTER: Duration = Duration::from_millis(400);

impl Progress for TermProgress {
    fn start(&self, stage: &str, total_files: u64, _total_bytes: u64) {
        let bar = ProgressBar::with_draw_target(Some(total_files), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template(
                "{msg:>16} [{bar:30}] {pos}/{len} files, {elapsed} ({eta} left)",
            )
            .expect("valid template")
            .progress_chars("=> "),
        );
        bar.set_message(stage.to_owned());
        *self.bar.lock().unwrap() = Some((bar, Instant::now(), false));
    }

    fn advance(&self, _bytes: u64) {
        let mut guard = self.bar.lock().unwrap();
        if let Some((bar, started, shown)) = guard.as_mut() {
            bar.inc(1);
            if !*shown && started.elapsed() > SHOW_AFTER && io::stderr().is_terminal() {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                *shown = true;
            }
        }
    }

    fn finish(&self) {
        if let Some((bar, _, _)) = self.bar.lock().unwrap().take() {
            bar.finish_and_clear();
        }
    }
}

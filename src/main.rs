//! `provaudit`: the command-line adapter over the core library. Parses
//! arguments, wires progress to the terminal, prints, and maps outcomes to
//! exit codes; all the work is the library's.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use provaudit::export::{self, ExportSummary};
use provaudit::ingest::{self, ScanOptions};
use provaudit::manifest::ManifestFormat;
use provaudit::progress::{Control, Progress};
use provaudit::report::{AuditReport, HistoryReport, VerifyReport};
use provaudit::store::{self, Store};
use provaudit::verify::{self, Status, Verification};
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

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
    /// Write the evidence out: a sha256sum manifest or a BagIt bag.
    Export {
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        #[arg(long, value_enum)]
        format: ExportArg,
        /// The file (manifest) or new folder (bag) to write; never inside the corpus
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// List past ingest runs and verifications of a store.
    History {
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ManifestArg {
    Sha256sum,
    Bagit,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportArg {
    /// A manifest that `sha256sum -c --strict` checks in the corpus folder
    Sha256sum,
    /// A BagIt 1.0 bag (RFC 8493) holding a copy of the corpus
    Bagit,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                // A closed stdout pipe (`| head`) is not a failure.
                return ExitCode::from(EXIT_OK);
            }
            eprintln!("provaudit: {err:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
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
        } => {
            let mut store = ingest::open_store(store.db.as_deref(), &dir)?;
            let options = ScanOptions {
                follow_symlinks,
                include_hidden: false,
            };
            let summary = ingest::ingest(&mut store, &dir, options, &control)?;
            let report = AuditReport::new(&store, &summary)?;
            if json {
                print_json(&report)?;
            } else {
                print_audit(&dir, &report)?;
            }
            Ok(if summary.complete() {
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
                    verify::verify_store(&mut store, &dir, options, &control)?
                }
            };
            if json {
                print_json(&VerifyReport::from(&verification))?;
            } else {
                print_verification(&verification)?;
            }
            Ok(if verification.all_ok() {
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
        } => {
            let path = resolve_store(store.db.as_deref(), dir.as_deref())?;
            let store = Store::open_existing(&path)?;
            let summary = match format {
                ExportArg::Sha256sum => export::sha256sum(&store, &out)?,
                ExportArg::Bagit => export::bagit(&store, dir.as_deref(), &out, &control)?,
            };
            print_export(&summary, format)?;
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
            Ok(EXIT_OK)
        }
    }
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

fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).context("writing JSON")?;
    writeln!(out)?;
    Ok(())
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

fn print_audit(dir: &Path, report: &AuditReport) -> Result<()> {
    let mut out = io::stdout().lock();
    let run = &report.run;
    writeln!(
        out,
        "Audited {}: {} files, {} in {:.2} s",
        dir.display(),
        run.files_seen,
        human_bytes(run.bytes),
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
        let kind = match doc.content_kind {
            "text" | "html" => String::new(),
            other => format!("  [{other}]"),
        };
        writeln!(
            out,
            "  {}  {}{kind}",
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
    writeln!(out, "  store: {}", report.corpus.store)?;
    drop(out);
    for e in &report.errors {
        eprintln!("provaudit: {}: {}", e.path.escape_debug(), e.error);
    }
    if !run.complete {
        eprintln!(
            "provaudit: the run was partial: {} file(s) could not be stored; everything else was",
            run.errors
        );
    }
    Ok(())
}

fn print_verification(v: &Verification) -> Result<()> {
    let mut out = io::stdout().lock();
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

fn print_export(summary: &ExportSummary, format: ExportArg) -> Result<()> {
    let what = match format {
        ExportArg::Sha256sum => "sha256sum manifest",
        ExportArg::Bagit => "BagIt bag",
    };
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "Wrote {what} {}: {} files, {}",
        summary.out.display(),
        summary.files,
        human_bytes(summary.bytes)
    )?;
    let of = match format {
        ExportArg::Sha256sum => "the manifest",
        ExportArg::Bagit => "tagmanifest-sha256.txt",
    };
    writeln!(out, "  SHA-256 of {of}: {}", summary.sha256)?;
    Ok(())
}

fn print_history(report: &HistoryReport) -> Result<()> {
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "Store {} (corpus {})",
        report.store,
        report.root.as_deref().unwrap_or("none yet")
    )?;
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

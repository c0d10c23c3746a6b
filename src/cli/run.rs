//! Runs one command: the dispatch from the parsed command line to the
//! core, and the exit code.

use crate::cli::args::*;
use crate::cli::locate::*;
use crate::cli::print::*;
use crate::cli::progress::*;
use crate::cli::summaries::*;
use crate::{EXIT_DISCREPANCY, EXIT_OK};
use anyhow::{Context, Result, bail};
use provaudit::escape;
use provaudit::export;
use provaudit::ingest;
use provaudit::manifest::ManifestFormat;
use provaudit::outlets::Grouping;
use provaudit::outlets::registry;
use provaudit::pipeline::{self, AuditOptions};
use provaudit::progress::Control;
use provaudit::scan::ScanOptions;
use provaudit::store::Store;
use provaudit::verify;
use provaudit::view::json::{
    ClaimsReport, ClusterDetail, DocumentEntry, HistoryReport, LogCheckReport, OutletsReport,
    ShowReport, VerifyReport,
};
use std::io::Write;
use std::sync::atomic::AtomicBool;

pub(crate) fn run(cli: Cli) -> Result<u8> {
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
                grouping: grouping(group_by_owner),
            };
            // Neither output holds the claims: the text summary needs only
            // their counts, and --json writes them as it reads them.
            let report = pipeline::audit_overview(&mut store, &dir, &registry, options, &control)?;
            let printing = std::time::Instant::now();
            if json {
                print_json(&provaudit::view::json::StreamedAuditReport {
                    report: &report,
                    store: &store,
                })?;
            } else {
                print_audit(&dir, &report, &store.cluster_totals()?)?;
            }
            if timings {
                for step in &report.timings.0 {
                    let memory = step.memory.map_or_else(String::new, |m| {
                        format!(
                            "  (memory {} MiB, peak so far {} MiB)",
                            m.resident_kib / 1024,
                            m.peak_kib / 1024
                        )
                    });
                    eprintln_safe!(
                        "timing: {:>9.3} s  {}{memory}",
                        step.took.as_secs_f64(),
                        step.name
                    );
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
            bag: true,
            json,
            ..
        } => {
            let check = provaudit::bag::check(&dir)?;
            if json {
                print_json(&provaudit::view::json::BagReport::new(&dir, &check))?;
            } else {
                print_bag_check(&dir, &check)?;
            }
            Ok(if check.valid {
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
            bag: false,
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
            let matching: Vec<registry::Outlet> = registry
                .search(filter.as_deref().unwrap_or(""))
                .into_iter()
                .cloned()
                .collect();
            if json {
                print_json(&OutletsReport {
                    schema_version: provaudit::view::json::SCHEMA_VERSION,
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
            let reviewer = reviewer
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "reviewer".into());
            // `auto` withdraws a correction.
            let changes: Vec<(&str, Option<String>)> =
                [("publisher", publisher), ("origin", origin)]
                    .into_iter()
                    .filter_map(|(field, value)| value.map(|v| (field, (v != "auto").then_some(v))))
                    .collect();
            let registry = load_registry(registry.registry.as_deref());
            let doc = match pipeline::correct_outlets(
                &mut store,
                &registry,
                &rel,
                &changes,
                &reviewer,
                note.as_deref(),
            ) {
                Err(pipeline::CorrectionError::NotInStore { .. }) => bail!(
                    "{}: not in the store; run `provaudit audit` on its folder first",
                    file.display()
                ),
                other => other?,
            };
            let entry = DocumentEntry::read(&store, &doc)?;
            print_document(&entry)?;
            Ok(EXIT_OK)
        }
        Command::Search(args) => {
            crate::cli::search::run(args)?;
            Ok(EXIT_OK)
        }
        Command::Review { action } => {
            crate::cli::review::run(action)?;
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
                let limit =
                    (!all && class.is_none()).then_some(crate::cli::claims::CLAIMS_PER_CLASS);
                crate::cli::claims::print_claims(&report, class, limit, verbose)?;
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
                crate::cli::claims::print_cluster(&detail)?;
            }
            Ok(EXIT_OK)
        }
        Command::Show { file, store, json } => {
            let (store, rel) = store_for_file(store.db.as_deref(), &file)?;
            let doc = store.document_by_path(&rel)?.with_context(|| {
                if provaudit::view::app::names_a_record(&file) {
                    format!(
                        "{}: the archive holds no page at that place; `provaudit audit` lists its pages (`ARCHIVE/@OFFSET`)",
                        file.display()
                    )
                } else {
                    format!(
                        "{}: not in the store; run `provaudit audit` on its folder first",
                        file.display()
                    )
                }
            })?;
            let entry = DocumentEntry::read(&store, &doc)?;
            let signals = store.outlet_signals(doc.id)?;
            if json {
                print_json(&ShowReport {
                    schema_version: provaudit::view::json::SCHEMA_VERSION,
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
        Command::Import {
            what:
                ImportWhat::Reuse {
                    pairs,
                    dir,
                    store,
                    remove,
                    registry,
                    group_by_owner,
                    json,
                },
        } => {
            let path = resolve_store(store.db.as_deref(), dir.as_deref())?;
            let mut store = Store::open_existing(&path)?;
            store.lock_for_run()?;
            let grouping = grouping(group_by_owner);
            let registry = load_registry(registry.registry.as_deref());
            let Some(pairs) = pairs.filter(|_| !remove) else {
                let removed = store.remove_reuse_import()?;
                if removed {
                    pipeline::reanalyse(&mut store, &registry, grouping)?;
                }
                crate::cli::summaries::print_reuse_removed(removed)?;
                return Ok(EXIT_OK);
            };
            let imported = provaudit::import::reuse(&mut store, &pairs)?;
            pipeline::reanalyse(&mut store, &registry, grouping)?;
            if json {
                print_json(&imported)?;
            } else {
                crate::cli::summaries::print_reuse_import(&imported)?;
            }
            Ok(if imported.import.rejected == 0 {
                EXIT_OK
            } else {
                EXIT_DISCREPANCY
            })
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

/// The grouping `--group-by-owner` asks for.
fn grouping(group_by_owner: bool) -> Grouping {
    if group_by_owner {
        Grouping::ByOwner
    } else {
        Grouping::ByOutlet
    }
}

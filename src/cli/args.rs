//! The command line: every command, argument and help text (clap).

use clap::{Parser, Subcommand, ValueEnum};
use provaudit::export;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "provaudit",
    version,
    about = "Fingerprint a folder of saved news articles and trace where their claims come from"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(clap::Args)]
pub(crate) struct StoreArg {
    /// The store file [default: one per corpus in the user's data folder]
    #[arg(long, env = "PROVAUDIT_DB", value_name = "PATH")]
    pub(crate) db: Option<PathBuf>,
}

#[derive(clap::Args)]
pub(crate) struct RegistryArg {
    /// A user registry file (TOML, same format as registry/outlets.toml) whose
    /// entries add to and win over the bundled ones [default: ~/.config/provaudit/outlets.toml if present]
    #[arg(long, env = "PROVAUDIT_REGISTRY", value_name = "FILE")]
    pub(crate) registry: Option<PathBuf>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
        /// Print how long each step took and the memory held after it (and
        /// the most held so far), on standard error
        #[arg(long)]
        timings: bool,
    },
    /// Hash a folder again and compare it with the store, or with a manifest;
    /// or check a BagIt bag received from elsewhere (--bag).
    ///
    /// Each file is reported as ok, modified, missing, new, moved, duplicate or
    /// unreadable. Exit status: 0 when all are ok (a valid bag), 1 on any
    /// discrepancy (an invalid bag), 2 on usage or store errors. A bag's
    /// warnings go to standard error.
    Verify {
        /// The folder to check: the corpus, or a copy of it (or a bag, with
        /// --manifest or --bag)
        dir: PathBuf,
        #[command(flatten)]
        store: StoreArg,
        /// Validate DIR as a BagIt bag (0.93–1.0, RFC 8493): declaration,
        /// every manifest and tag manifest, Payload-Oxum, fetch.txt (never
        /// downloaded); no store is involved
        #[arg(long, conflicts_with_all = ["manifest", "follow_symlinks"])]
        bag: bool,
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
        #[arg(long, value_parser = crate::cli::claims::parse_class)]
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
        action: crate::cli::review::ReviewAction,
    },
    /// Search every document's text and every claim for words and "quoted
    /// phrases": highlighted snippets with file, line and byte range.
    Search(crate::cli::search::SearchArgs),
    /// Load what a job elsewhere computed into the store as evidence: text
    /// reuse from scripts/spark/reuse.py (run on `export --format jsonl`),
    /// which the claims stage then uses instead of its own reuse step.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
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
pub(crate) enum ImportWhat {
    /// Text reuse pairs (JSON Lines: a file, or the folder of part files a
    /// Spark job wrote), checked against the bytes of every document they
    /// name; the analysis then runs again with them. Documents the job did
    /// not read (added or changed since) are compared by the native step.
    ///
    /// Exit status: 0 when every line was taken, 1 when some were left out
    /// (the rest were imported), 2 when nothing was imported.
    Reuse {
        /// The job's output [required unless --remove]
        #[arg(required_unless_present = "remove")]
        pairs: Option<PathBuf>,
        /// The corpus folder, to find its store (not needed with --db)
        dir: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        /// Withdraw the import in force: the native reuse step runs again
        #[arg(long, conflicts_with = "pairs")]
        remove: bool,
        #[command(flatten)]
        registry: RegistryArg,
        /// Count outlets with the same owner as one origin, as `audit
        /// --group-by-owner` (the analysis runs again)
        #[arg(long)]
        group_by_owner: bool,
        /// Print one JSON document instead of a summary
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum OutletAction {
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
pub(crate) enum OnlyArg {
    /// Only what an editor must look at
    Flagged,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ManifestArg {
    Sha256sum,
    Bagit,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExportArg {
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
    /// Every article's text, one JSON object a line, in passim's input shape
    /// (`id`, `series` = origin group, `date`, `text`) for text reuse on Spark
    Jsonl,
}

impl ExportArg {
    pub(crate) fn format(self) -> export::Format {
        match self {
            ExportArg::Html => export::Format::Html,
            ExportArg::Md => export::Format::Markdown,
            ExportArg::Json => export::Format::Json,
            ExportArg::Csv => export::Format::Csv,
            ExportArg::Claimreview => export::Format::ClaimReview,
            ExportArg::Annotations => export::Format::Annotations,
            ExportArg::Sha256sum => export::Format::Sha256sum,
            ExportArg::Bagit => export::Format::Bagit,
            ExportArg::Jsonl => export::Format::Jsonl,
        }
    }
}

//! `provaudit`: the command-line adapter over the core library. Parses
//! arguments, wires progress to the terminal, prints, and maps outcomes to
//! exit codes; all the work is the library's.

use clap::Parser;
use provaudit::escape;
use provaudit::export;
use provaudit::ingest;
use provaudit::store::{self};
use provaudit::verify::{self};
use std::io::{self};
use std::process::ExitCode;

/// `eprintln!` with control characters escaped (see [`escape`]).
macro_rules! eprintln_safe {
    ($($arg:tt)*) => {
        eprintln!("{}", escape::visible_text(&format!($($arg)*)))
    };
}

mod cli;

use cli::args::Cli;
use cli::run::run;

/// Exit codes, as documented in the README.
const EXIT_OK: u8 = 0;
const EXIT_DISCREPANCY: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    // A fault's message may quote an article's text ("byte index 113 is
    // not a char boundary … of `…`"): printed escaped like everything else,
    // so no byte of an article acts on the terminal.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "provaudit: internal error: {}",
            escape::visible_text(&info.to_string())
        );
    }));
    // The PDF reader runs in a process of its own: this program, so asked.
    if let Some(code) = provaudit::text::pdf::serve_or_register() {
        return ExitCode::from(code as u8);
    }
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
                || match e.downcast_ref::<provaudit::view::json::LogCheckError>() {
                    Some(provaudit::view::json::LogCheckError::Store(s)) => Some(s),
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

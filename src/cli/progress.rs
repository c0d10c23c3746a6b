//! The terminal progress bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use provaudit::progress::Progress;
use std::io::{self, IsTerminal};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A progress bar on stderr, shown only on a terminal and only once a stage
/// has run for a moment (short runs print nothing).
#[derive(Default)]
pub(crate) struct TermProgress {
    pub(crate) bar: Mutex<Option<(ProgressBar, Instant, bool)>>,
}

pub(crate) const SHOW_AFTER: Duration = Duration::from_millis(400);

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

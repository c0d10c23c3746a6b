//! Progress of a long run, sent to the window over an IPC channel.

use provaudit::progress::Progress;
use serde::Serialize;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::ipc::Channel;

/// One progress message, as `ui/progress.js` reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ProgressEvent {
    pub stage: String,
    pub done: u64,
    pub total: u64,
    pub bytes_done: u64,
    pub total_bytes: u64,
    /// The stage is over.
    pub finished: bool,
}

/// Sends at most one message per [`EVERY`] while a stage runs, plus its
/// start and end, so a corpus of 100,000 files does not flood the window.
pub struct ChannelProgress {
    channel: Channel<ProgressEvent>,
    state: Mutex<(ProgressEvent, Instant)>,
}

const EVERY: Duration = Duration::from_millis(80);

impl ChannelProgress {
    pub fn new(channel: Channel<ProgressEvent>) -> Self {
        ChannelProgress {
            channel,
            state: Mutex::new((ProgressEvent::default(), Instant::now())),
        }
    }

    fn send(&self, event: ProgressEvent) {
        // A window that went away is not the run's problem.
        let _ = self.channel.send(event);
    }
}

impl Progress for ChannelProgress {
    fn start(&self, stage: &str, total_files: u64, total_bytes: u64) {
        let event = ProgressEvent {
            stage: stage.to_owned(),
            total: total_files,
            total_bytes,
            ..Default::default()
        };
        *self.state.lock().unwrap() = (event.clone(), Instant::now());
        self.send(event);
    }

    fn advance(&self, bytes: u64) {
        let due = {
            let mut state = self.state.lock().unwrap();
            state.0.done += 1;
            state.0.bytes_done += bytes;
            if state.1.elapsed() >= EVERY || state.0.done == state.0.total {
                state.1 = Instant::now();
                Some(state.0.clone())
            } else {
                None
            }
        };
        if let Some(event) = due {
            self.send(event);
        }
    }

    fn finish(&self) {
        let mut event = self.state.lock().unwrap().0.clone();
        event.finished = true;
        self.send(event);
    }
}

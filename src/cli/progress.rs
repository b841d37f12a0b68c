//! The progress indicator of long `plimsoll check` runs: a spinner on standard error with the
//! number of files linted so far (the total is unknown while the walk goes on).
//!
//! It is drawn only when standard error is a terminal (never into a pipe or a file), `CI` is
//! unset, `TERM` is not `dumb` and `--quiet` is off, and only once the run has taken
//! [`DELAY`]: short runs never show it. It is cleared before anything else is printed.
//! `PLIMSOLL_PROGRESS_DELAY_MS` changes the delay (the tests set it to 0).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a run goes before the spinner appears.
pub const DELAY: Duration = Duration::from_millis(300);

/// How often the spinner is redrawn.
const REFRESH: Duration = Duration::from_millis(100);

/// Counts linted files; a thread of its own draws the spinner once [`DELAY`] has passed.
/// Counting is one atomic add: the linting threads never touch the terminal.
pub struct Progress {
    count: Arc<AtomicU64>,
    /// Dropping it tells the drawing thread to clear the spinner and stop.
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    /// A progress indicator for a run; it draws nothing unless [`wanted`] said yes.
    pub fn start(enabled: bool) -> Progress {
        let count = Arc::new(AtomicU64::new(0));
        if !enabled {
            return Progress {
                count,
                stop: None,
                thread: None,
            };
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let delay = std::env::var("PLIMSOLL_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(DELAY, Duration::from_millis);
        let counted = count.clone();
        let thread = std::thread::spawn(move || {
            if stopped.recv_timeout(delay) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} linting: {pos} files ({elapsed})")
                    .expect("a valid template"),
            );
            loop {
                // Also advances the spinner.
                bar.set_position(counted.load(Ordering::Relaxed));
                if stopped.recv_timeout(REFRESH) != Err(RecvTimeoutError::Timeout) {
                    break;
                }
            }
            bar.finish_and_clear();
        });
        Progress {
            count,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// One more file read.
    pub fn file_done(&self) {
        self.count.fetch_add(1, Ordering::Relaxed);
    }

    /// Clears the spinner, if it was drawn, and returns once it is gone from the terminal.
    pub fn finish(&mut self) {
        self.stop.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// Whether a run may show progress: standard error is a terminal that can redraw a line,
/// not in CI, not `--quiet`.
pub fn wanted(quiet: bool) -> bool {
    !quiet
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none()
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

//! The progress indicator of long `plimsoll check` runs: a spinner on standard error with the
//! number of files linted so far (the total is unknown while the walk goes on).
//!
//! It is drawn only when standard error is a terminal (never into a pipe or a file), `CI` is
//! unset, `TERM` is not `dumb` and `--quiet` is off, and only once the run has taken
//! [`DELAY`]: short runs never show it. It is cleared before anything else is printed: at
//! the end of the run, or for good as soon as output streams to the same terminal
//! ([`Progress::stopping_before`]).
//! `PLIMSOLL_PROGRESS_DELAY_MS` changes the delay (the tests set it to 0).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
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
    spinner: Arc<Mutex<Spinner>>,
    /// Dropping it wakes the drawing thread to stop.
    wake: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// The spinner's state, shared with the drawing thread; whoever stops it clears it.
enum Spinner {
    NotYet,
    Drawn(ProgressBar),
    Stopped,
}

impl Spinner {
    fn stop(&mut self) {
        if let Spinner::Drawn(bar) = std::mem::replace(self, Spinner::Stopped) {
            bar.finish_and_clear();
        }
    }
}

impl Progress {
    /// A progress indicator for a run; it draws nothing unless [`wanted`] said yes.
    pub fn start(enabled: bool) -> Progress {
        let count = Arc::new(AtomicU64::new(0));
        let spinner = Arc::new(Mutex::new(Spinner::NotYet));
        if !enabled {
            return Progress {
                count,
                spinner,
                wake: None,
                thread: None,
            };
        }
        let (wake, woken) = mpsc::channel::<()>();
        let delay = std::env::var("PLIMSOLL_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(DELAY, Duration::from_millis);
        let counted = count.clone();
        let shared = spinner.clone();
        let thread = std::thread::spawn(move || {
            let mut wait = delay;
            while woken.recv_timeout(wait) == Err(RecvTimeoutError::Timeout) {
                wait = REFRESH;
                let mut spinner = shared.lock().expect("spinner");
                if let Spinner::NotYet = *spinner {
                    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                    bar.set_style(
                        ProgressStyle::with_template("{spinner} linting: {pos} files ({elapsed})")
                            .expect("a valid template"),
                    );
                    *spinner = Spinner::Drawn(bar);
                }
                match &*spinner {
                    // Also advances the spinner.
                    Spinner::Drawn(bar) => bar.set_position(counted.load(Ordering::Relaxed)),
                    _ => return,
                }
            }
            shared.lock().expect("spinner").stop();
        });
        Progress {
            count,
            spinner,
            wake: Some(wake),
            thread: Some(thread),
        }
    }

    /// One more file read.
    pub fn file_done(&self) {
        self.count.fetch_add(1, Ordering::Relaxed);
    }

    /// `terminal`, output to the terminal the spinner is drawn on, as a writer that clears
    /// the spinner for good before its first byte: output that streams shows progress
    /// itself, and a spinner redrawn between its lines would only garble it.
    pub fn stopping_before<W: Write>(&self, terminal: W) -> StopsSpinner<'_, W> {
        StopsSpinner {
            spinner: &self.spinner,
            terminal,
            stopped: false,
        }
    }

    /// Clears the spinner, if it was drawn, and returns once it is gone from the terminal.
    pub fn finish(&self) {
        self.spinner.lock().expect("spinner").stop();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
        self.wake.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// See [`Progress::stopping_before`].
pub struct StopsSpinner<'a, W> {
    spinner: &'a Mutex<Spinner>,
    terminal: W,
    stopped: bool,
}

impl<W: Write> Write for StopsSpinner<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.stopped && !buf.is_empty() {
            self.spinner.lock().expect("spinner").stop();
            self.stopped = true;
        }
        self.terminal.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.terminal.flush()
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

//! Runs jobs on a rayon scope and hands their results back in the order the jobs were
//! started, with a bounded number in flight: output streams in a fixed order while the
//! pool works ahead, and memory holds at most the window's results.

use rayon::Scope;
use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver};

/// Jobs in flight, oldest first.
pub struct Ordered<'a, 'scope, T> {
    scope: &'a Scope<'scope>,
    pending: VecDeque<Receiver<T>>,
    window: usize,
}

impl<'a, 'scope, T: Send + 'scope> Ordered<'a, 'scope, T> {
    /// At most `window` (at least one) jobs run or wait for their turn at once.
    pub fn new(scope: &'a Scope<'scope>, window: usize) -> Self {
        Self {
            scope,
            pending: VecDeque::new(),
            window: window.max(1),
        }
    }

    /// Starts `job`. Hands to `done`, in order, the results of the earlier jobs that are
    /// finished; while the window is full, waits for the oldest.
    pub fn push<E>(
        &mut self,
        job: impl FnOnce() -> T + Send + 'scope,
        done: &mut impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let (sender, receiver) = mpsc::sync_channel(1);
        self.scope.spawn(move |_| {
            // The receiver is gone only when the run stopped on an error.
            let _ = sender.send(job());
        });
        self.pending.push_back(receiver);
        while self.pending.len() >= self.window {
            self.wait_oldest(done)?;
        }
        while let Some(result) = self.pending.front().and_then(|r| r.try_recv().ok()) {
            self.pending.pop_front();
            done(result)?;
        }
        Ok(())
    }

    /// Waits for every job, handing their results to `done` in order.
    pub fn finish<E>(mut self, done: &mut impl FnMut(T) -> Result<(), E>) -> Result<(), E> {
        while !self.pending.is_empty() {
            self.wait_oldest(done)?;
        }
        Ok(())
    }

    fn wait_oldest<E>(&mut self, done: &mut impl FnMut(T) -> Result<(), E>) -> Result<(), E> {
        let oldest = self.pending.pop_front().expect("a job in flight");
        // A job that panicked sends nothing; the scope raises its panic when it ends.
        match oldest.recv() {
            Ok(result) => done(result),
            Err(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Ordered;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn results_come_in_start_order_with_a_bounded_window() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut seen = Vec::new();
        pool.in_place_scope(|scope| {
            let mut jobs = Ordered::new(scope, 3);
            let mut done = |n: u64| -> Result<(), ()> {
                seen.push(n);
                Ok(())
            };
            for n in 0..40u64 {
                let (running, most) = (&running, &most);
                let job = move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    // Later jobs finish first.
                    std::thread::sleep(Duration::from_millis(40 - n));
                    running.fetch_sub(1, Ordering::SeqCst);
                    n
                };
                jobs.push(job, &mut done).unwrap();
            }
            jobs.finish(&mut done).unwrap();
        });
        assert_eq!(seen, (0..40).collect::<Vec<_>>());
        assert!(most.load(Ordering::SeqCst) <= 3, "at most the window runs");
    }
}

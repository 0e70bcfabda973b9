//! Cancelling a run from the browser's main thread, which may never block.

use crate::clock::Clock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// The longest a sleeping thread goes without looking at the flag.
///
/// [`CancelToken::cancel`] wakes sleepers without taking the lock (the main
/// thread must not wait on one), so a wake-up can slip in between a sleeper's
/// check and its wait; short waits bound how late it notices.
const RECHECK: Duration = Duration::from_millis(20);

/// A flag that tasks check between slices, and that wakes simulated waits.
#[derive(Debug, Default)]
pub struct CancelToken {
    cancelled: AtomicBool,
    lock: Mutex<()>,
    wake: Condvar,
}

impl CancelToken {
    /// Asks every thread of the run to stop. Never blocks.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Release);
        self.wake.notify_all();
    }

    /// Whether the run was cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Acquire)
    }

    /// Blocks the calling (worker) thread for `ms`, or less if cancelled.
    /// Returns `false` when cancelled.
    pub fn sleep(&self, ms: f64, clock: &dyn Clock) -> bool {
        let deadline = clock.now_ms() + ms;
        let mut guard = self
            .lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        loop {
            if self.is_cancelled() {
                return false;
            }
            let left = deadline - clock.now_ms();
            if left <= 0.0 {
                return true;
            }
            let wait = Duration::from_secs_f64(left / 1000.0).min(RECHECK);
            guard = match self.wake.wait_timeout(guard, wait) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SystemClock;
    use std::sync::Arc;

    #[test]
    fn sleep_lasts_its_time_when_not_cancelled() {
        let clock = SystemClock::default();
        let token = CancelToken::default();
        let start = clock.now_ms();
        assert!(token.sleep(30.0, &clock));
        assert!(clock.now_ms() - start >= 30.0);
    }

    #[test]
    fn cancel_cuts_a_long_sleep_short() {
        let clock = Arc::new(SystemClock::default());
        let token = Arc::new(CancelToken::default());
        let sleeper = {
            let (clock, token) = (clock.clone(), token.clone());
            std::thread::spawn(move || token.sleep(10_000.0, clock.as_ref()))
        };
        std::thread::sleep(Duration::from_millis(20));
        let start = clock.now_ms();
        token.cancel();
        assert!(!sleeper.join().expect("sleeper thread"));
        assert!(clock.now_ms() - start < 200.0);
    }
}

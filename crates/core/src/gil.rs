//! A model of CPython's global interpreter lock: a real lock that threads
//! really contend on.
//!
//! A thread must hold the GIL to compute. It drops it around every blocking
//! I/O call, and, when another thread has asked for it, at the first check
//! after the switch interval (CPython's `sys.getswitchinterval()`, 5 ms by
//! default). A thread that drops it on request does not take it back until
//! another thread has had it, as CPython's forced switching guarantees.

use crate::clock::Clock;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// CPython's default switch interval, in milliseconds.
pub const DEFAULT_SWITCH_INTERVAL_MS: f64 = 5.0;

#[derive(Debug, Default)]
struct Holder {
    lane: Option<u16>,
    /// How many times the GIL changed hands, for forced switching.
    handoffs: u64,
}

/// The global interpreter lock of one run.
#[derive(Debug)]
pub struct Gil {
    holder: Mutex<Holder>,
    turn: Condvar,
    /// Threads waiting for the GIL; read without the lock at every check.
    waiting: AtomicUsize,
    /// When the current holder took it (f64 bits, shared-clock ms).
    taken_at: AtomicU64,
    /// When the last holder let go, on its own clock (f64 bits, ms).
    released_at: AtomicU64,
    switch_interval_ms: f64,
}

impl Gil {
    /// An unheld GIL with the given switch interval.
    pub fn new(switch_interval_ms: f64) -> Self {
        Self {
            holder: Mutex::new(Holder::default()),
            turn: Condvar::new(),
            waiting: AtomicUsize::new(0),
            taken_at: AtomicU64::new(0),
            released_at: AtomicU64::new(0),
            switch_interval_ms,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Holder> {
        self.holder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, Holder>) -> MutexGuard<'a, Holder> {
        self.turn
            .wait(guard)
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes the GIL for `lane`, blocking while another lane holds it.
    /// `on_contended` runs once, before blocking, if the GIL is held (and
    /// returns when it marked the wait, which does not matter here).
    ///
    /// Returns when the previous holder let go, on that holder's clock:
    /// workers' clocks can differ by more than a handoff takes, so the new
    /// holder times its first mark no earlier than this.
    pub fn acquire(&self, lane: u16, clock: &dyn Clock, on_contended: impl FnOnce() -> f64) -> f64 {
        let guard = self.lock();
        self.take(lane, guard, clock, on_contended)
    }

    fn take(
        &self,
        lane: u16,
        mut guard: MutexGuard<'_, Holder>,
        clock: &dyn Clock,
        on_contended: impl FnOnce() -> f64,
    ) -> f64 {
        if guard.lane.is_some() {
            on_contended();
            self.waiting.fetch_add(1, Ordering::AcqRel);
            while guard.lane.is_some() {
                guard = self.wait(guard);
            }
            self.waiting.fetch_sub(1, Ordering::AcqRel);
        }
        guard.lane = Some(lane);
        guard.handoffs += 1;
        self.taken_at
            .store(clock.now_ms().to_bits(), Ordering::Release);
        // Wake a thread that dropped the GIL on request and waits for a handoff.
        self.turn.notify_all();
        f64::from_bits(self.released_at.load(Ordering::Acquire))
    }

    /// Gives the GIL up (before blocking I/O, or at the end of a task).
    /// `marked_ms` is when the holder marked what it does next: the next
    /// holder starts no earlier than that, or than now.
    pub fn release(&self, lane: u16, clock: &dyn Clock, marked_ms: f64) {
        let mut guard = self.lock();
        debug_assert_eq!(guard.lane, Some(lane), "only the holder releases the GIL");
        guard.lane = None;
        self.released_at
            .store(clock.now_ms().max(marked_ms).to_bits(), Ordering::Release);
        self.turn.notify_all();
    }

    /// Whether the holder should drop the GIL now: another thread asked for
    /// it and the holder has had it for a switch interval. Lock-free, so it is
    /// cheap enough to call between every slice of work.
    pub fn switch_due(&self, clock: &dyn Clock) -> bool {
        self.waiting.load(Ordering::Acquire) > 0
            && clock.now_ms() - f64::from_bits(self.taken_at.load(Ordering::Acquire))
                >= self.switch_interval_ms
    }

    /// Drops the GIL so a waiting thread can run, then takes it back once
    /// another thread has held it. `on_contended` marks that `lane` starts
    /// waiting, before the GIL changes hands, and returns the time it
    /// recorded. Returns like [`Gil::acquire`].
    pub fn switch(&self, lane: u16, clock: &dyn Clock, on_contended: impl FnOnce() -> f64) -> f64 {
        let mut guard = self.lock();
        debug_assert_eq!(guard.lane, Some(lane), "only the holder switches");
        let handoffs = guard.handoffs;
        let marked_ms = on_contended();
        guard.lane = None;
        self.released_at
            .store(clock.now_ms().max(marked_ms).to_bits(), Ordering::Release);
        self.turn.notify_all();
        while guard.handoffs == handoffs && self.waiting.load(Ordering::Acquire) > 0 {
            guard = self.wait(guard);
        }
        self.take(lane, guard, clock, || marked_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SystemClock;
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn a_lone_thread_never_waits_or_switches() {
        let clock = SystemClock::default();
        let gil = Gil::new(0.0);
        let mut contended = false;
        gil.acquire(0, &clock, || {
            contended = true;
            0.0
        });
        assert!(!contended);
        assert!(!gil.switch_due(&clock), "nobody asked for it");
        gil.release(0, &clock, 0.0);
    }

    #[test]
    fn the_holder_hands_over_after_the_interval_and_only_then() {
        let clock = Arc::new(SystemClock::default());
        let gil = Arc::new(Gil::new(20.0));
        gil.acquire(0, clock.as_ref(), || 0.0);
        let got_it = Arc::new(AtomicBool::new(false));
        let waiter = {
            let (gil, clock, got_it) = (gil.clone(), clock.clone(), got_it.clone());
            std::thread::spawn(move || {
                gil.acquire(1, clock.as_ref(), || 0.0);
                got_it.store(true, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(5));
                gil.release(1, clock.as_ref(), 0.0);
            })
        };
        while gil.waiting.load(Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
        let asked = clock.now_ms();
        while !gil.switch_due(clock.as_ref()) {
            std::thread::yield_now();
        }
        assert!(
            !got_it.load(Ordering::SeqCst),
            "a waiter never runs before the switch"
        );
        let mut waited = false;
        gil.switch(0, clock.as_ref(), || {
            waited = true;
            0.0
        });
        assert!(
            waited && got_it.load(Ordering::SeqCst),
            "the waiter ran during the switch"
        );
        assert!(clock.now_ms() - asked >= 0.0);
        gil.release(0, clock.as_ref(), 0.0);
        waiter.join().expect("waiter thread");
    }
}

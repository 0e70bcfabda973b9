//! CPython's global interpreter lock: a real lock that threads really
//! contend on, with CPython's own switching rules (`Python/ceval_gil.c`).
//!
//! A thread must hold the GIL to compute. A thread that wants it waits for
//! up to the switch interval (`sys.getswitchinterval()`, 5 ms by default);
//! if the wait times out and the GIL has not changed hands meanwhile, it
//! sets a drop request and waits again. The holder looks at the request
//! only at its checks (between slices of work here, at backward jumps and
//! calls in CPython's eval loop), and only then lets go; having let go on
//! request, it does not take the GIL back until another thread has held it
//! (forced switching). Blocking I/O lets go of the GIL without a request.
//!
//! [`GilState`] makes every decision; [`Gil`] adds the mutex, the two
//! condition variables and the clock. Every hand-over and drop request is
//! recorded through the [`Marker`], so the timeline's GIL track shows what
//! the lock did, not what the threads' intervals suggest.

mod state;

pub use state::{GilState, Taken, WaitRound};

use crate::record::{GilEvent, Marker};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// CPython's default switch interval, in milliseconds.
pub const DEFAULT_SWITCH_INTERVAL_MS: f64 = 5.0;

/// The shortest real wait a waiter makes: clocks read in whole
/// microseconds at best, and a zero timeout would spin.
const MIN_WAIT: Duration = Duration::from_micros(20);

/// The GIL was given up for good: its run failed or was cancelled, and a
/// thread that waits for it must stop instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Abandoned;

/// Told which lane holds the GIL when a waiter asks it to let go: an
/// interpreter sets that thread's eval-breaker bit, so that its check stays
/// one load of its own word.
pub type RequestHook = Box<dyn Fn(u16) + Send + Sync>;

/// The global interpreter lock of one run.
pub struct Gil {
    state: Mutex<GilState>,
    /// Signalled when the GIL is released (CPython's `gil->cond`).
    released: Condvar,
    /// Signalled when the GIL changes hands (CPython's `switch_cond`).
    switched: Condvar,
    /// A copy of the drop request, read without the lock at every check.
    drop_request: AtomicBool,
    abandoned: AtomicBool,
    on_request: Option<RequestHook>,
}

impl std::fmt::Debug for Gil {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gil")
            .field("state", &self.state)
            .field("abandoned", &self.abandoned)
            .finish_non_exhaustive()
    }
}

impl Gil {
    /// A free GIL with the given switch interval.
    pub fn new(switch_interval_ms: f64) -> Self {
        Self {
            state: Mutex::new(GilState::new(switch_interval_ms)),
            released: Condvar::new(),
            switched: Condvar::new(),
            drop_request: AtomicBool::new(false),
            abandoned: AtomicBool::new(false),
            on_request: None,
        }
    }

    /// A free GIL whose drop requests also call `hook` with the holder's
    /// lane.
    pub fn with_request_hook(switch_interval_ms: f64, hook: RequestHook) -> Self {
        Self {
            on_request: Some(hook),
            ..Self::new(switch_interval_ms)
        }
    }

    /// The switch interval, ms (`sys.getswitchinterval()` × 1000).
    pub fn switch_interval_ms(&self) -> f64 {
        self.lock().interval_ms()
    }

    /// Sets the switch interval (`sys.setswitchinterval`); waits that begin
    /// from now on use it.
    pub fn set_switch_interval(&self, interval_ms: f64) {
        self.lock().set_interval(interval_ms);
    }

    /// The lane that holds the GIL now.
    pub fn holder(&self) -> Option<u16> {
        self.lock().holder()
    }

    fn lock(&self) -> MutexGuard<'_, GilState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The holder's check: whether a waiter asked for the GIL. One atomic
    /// load, cheap enough for every slice of work.
    pub fn drop_requested(&self) -> bool {
        self.drop_request.load(Ordering::Relaxed)
    }

    /// Gives the GIL up for good: every thread waiting for it, or for a
    /// switch, returns [`Abandoned`] at once. For a run that failed (a holder
    /// that crashed would otherwise keep it forever) or was cancelled.
    pub fn abandon(&self) {
        self.abandoned.store(true, Ordering::Release);
        let _guard = self.lock();
        self.released.notify_all();
        self.switched.notify_all();
    }

    fn check_abandoned(&self) -> Result<(), Abandoned> {
        if self.abandoned.load(Ordering::Acquire) {
            Err(Abandoned)
        } else {
            Ok(())
        }
    }

    /// Takes the GIL for `lane`, waiting as CPython's `take_gil` does.
    /// `on_wait` runs once, before the first wait, if the GIL is held, and
    /// returns the time it marked.
    ///
    /// Returns the time the lane holds it from: never before the previous
    /// holder let go, on that holder's clock (workers' clocks can differ by
    /// more than a hand-over takes).
    pub fn take<M: Marker + ?Sized>(
        &self,
        lane: u16,
        marker: &M,
        on_wait: impl FnOnce() -> f64,
    ) -> Result<f64, Abandoned> {
        let clock = marker.clock();
        let mut state = self.lock();
        let mut on_wait = Some(on_wait);
        let mut floor = f64::MIN;
        loop {
            self.check_abandoned()?;
            if let Some(taken) = state.try_take(lane) {
                self.drop_request.store(false, Ordering::Relaxed);
                let at_ms = clock.now_ms().max(floor).max(state.released_at_ms());
                if taken.switched {
                    self.switched.notify_all();
                }
                // Recorded under the lock, so hand-overs keep their order.
                marker.gil(at_ms, lane, GilEvent::Took);
                return Ok(at_ms);
            }
            if let Some(on_wait) = on_wait.take() {
                floor = on_wait();
            }
            state = self.wait_one_round(state, lane, marker)?;
        }
    }

    /// One timed wait for the GIL; sets a drop request if it timed out and
    /// the GIL did not change hands meanwhile.
    fn wait_one_round<'a, M: Marker + ?Sized>(
        &'a self,
        mut state: MutexGuard<'a, GilState>,
        lane: u16,
        marker: &M,
    ) -> Result<MutexGuard<'a, GilState>, Abandoned> {
        let clock = marker.clock();
        let round = state.begin_wait(clock.now_ms());
        let deadline = state.deadline(round);
        loop {
            let left_ms = deadline - clock.now_ms();
            let wait = Duration::from_secs_f64(left_ms.max(0.0) / 1000.0).max(MIN_WAIT);
            let (guard, timeout) = self
                .released
                .wait_timeout(state, wait)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            state = guard;
            self.check_abandoned()?;
            // Woken before the deadline: like CPython, start a new round.
            if !timeout.timed_out() || state.holder().is_none() {
                return Ok(state);
            }
            // The clock decides, not the OS timer: an injected clock may run
            // slower than real time.
            let now = clock.now_ms();
            if now >= deadline {
                if state.wait_timed_out(round, now) {
                    self.drop_request.store(true, Ordering::Relaxed);
                    if let (Some(hook), Some(holder)) = (&self.on_request, state.holder()) {
                        hook(holder);
                    }
                    marker.gil(now, lane, GilEvent::Requested);
                }
                return Ok(state);
            }
        }
    }

    /// `lane` lets go of the GIL (before blocking I/O, at the end of its
    /// work, or on request). `marked_ms` is when the lane marked what it does
    /// next: the hand-over is recorded then, and the next holder starts no
    /// earlier. If a drop request is pending, waits until another thread has
    /// taken the GIL, as CPython's `drop_gil` does.
    pub fn release<M: Marker + ?Sized>(
        &self,
        lane: u16,
        marker: &M,
        marked_ms: f64,
    ) -> Result<(), Abandoned> {
        let at_ms = marker.clock().now_ms().max(marked_ms);
        let mut state = self.lock();
        let forced = state.release(lane, at_ms);
        self.drop_request.store(false, Ordering::Relaxed);
        marker.gil(at_ms, lane, GilEvent::Dropped);
        self.released.notify_one();
        if forced {
            while !state.switched_away_from(lane) {
                self.check_abandoned()?;
                state = self
                    .switched
                    .wait(state)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        }
        Ok(())
    }

    /// The holder's answer to a drop request: marks its wait with `on_wait`,
    /// lets go, waits for another thread to have held the GIL, and takes it
    /// back. Returns like [`Gil::take`].
    pub fn yield_on_request<M: Marker + ?Sized>(
        &self,
        lane: u16,
        marker: &M,
        on_wait: impl FnOnce() -> f64,
    ) -> Result<f64, Abandoned> {
        let marked_ms = on_wait();
        self.release(lane, marker, marked_ms)?;
        Ok(self.take(lane, marker, || marked_ms)?.max(marked_ms))
    }
}

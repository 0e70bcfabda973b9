//! The GIL's bookkeeping, as CPython keeps it in `Python/ceval_gil.c`, with
//! no lock, no thread and no clock of its own: every decision the GIL makes
//! is a method here, given the time. The blocking [`super::Gil`] wraps it in a
//! mutex and condition variables; tests drive it directly, step by step.

/// Who holds the GIL, who held it last, and whether a waiter asked for it.
#[derive(Clone, Debug, PartialEq)]
pub struct GilState {
    holder: Option<u16>,
    last_holder: Option<u16>,
    /// How many times the GIL went to a thread other than its last holder.
    switch_number: u64,
    drop_request: bool,
    interval_ms: f64,
    /// When the last holder let go, on its clock.
    released_at_ms: f64,
}

/// One timed wait of a thread that wants the GIL (CPython waits on
/// `gil->cond` for at most the switch interval, then looks again).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WaitRound {
    /// When the wait began.
    pub started_ms: f64,
    /// The switch count then: a switch since means the GIL changed hands.
    pub switch_number: u64,
}

/// What taking the GIL changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Taken {
    /// The GIL went to another thread than its last holder.
    pub switched: bool,
}

impl GilState {
    /// A free GIL; waiters ask for it after `interval_ms`.
    pub fn new(interval_ms: f64) -> Self {
        Self {
            holder: None,
            last_holder: None,
            switch_number: 0,
            drop_request: false,
            interval_ms: interval_ms.max(0.001),
            released_at_ms: f64::MIN,
        }
    }

    /// The switch interval, ms.
    pub fn interval_ms(&self) -> f64 {
        self.interval_ms
    }

    /// Sets the switch interval, ms; waits that begin from now on use it.
    /// CPython refuses intervals of zero or less; callers check that first.
    pub fn set_interval(&mut self, interval_ms: f64) {
        self.interval_ms = interval_ms.max(0.001);
    }

    /// The thread that holds it.
    pub fn holder(&self) -> Option<u16> {
        self.holder
    }

    /// Whether a waiter has asked the holder to let go.
    pub fn drop_requested(&self) -> bool {
        self.drop_request
    }

    /// Takes the GIL for `lane` if nobody holds it. A drop request left by
    /// the waiter that now holds it is cleared, as it has been served.
    pub fn try_take(&mut self, lane: u16) -> Option<Taken> {
        if self.holder.is_some() {
            return None;
        }
        self.holder = Some(lane);
        let switched = self.last_holder != Some(lane);
        if switched {
            self.last_holder = Some(lane);
            self.switch_number += 1;
        }
        self.drop_request = false;
        Some(Taken { switched })
    }

    /// A waiter starts a timed wait at `now_ms`.
    pub fn begin_wait(&self, now_ms: f64) -> WaitRound {
        WaitRound {
            started_ms: now_ms,
            switch_number: self.switch_number,
        }
    }

    /// When `round` times out.
    pub fn deadline(&self, round: WaitRound) -> f64 {
        round.started_ms + self.interval_ms
    }

    /// The timed wait `round` ran out at `now_ms` without the waiter being
    /// woken. If the GIL is still held and has not changed hands in the
    /// meantime, the waiter asks the holder to drop it. Returns whether this
    /// call made the request (it may already have been made).
    pub fn wait_timed_out(&mut self, round: WaitRound, now_ms: f64) -> bool {
        let due = now_ms >= self.deadline(round);
        let unchanged = self.switch_number == round.switch_number;
        if due && unchanged && self.holder.is_some() && !self.drop_request {
            self.drop_request = true;
            return true;
        }
        false
    }

    /// `lane` lets go of the GIL at `at_ms`. Returns whether it must now
    /// wait for another thread to take it before it may take it back
    /// (CPython's forced switching, when it let go because it was asked to).
    pub fn release(&mut self, lane: u16, at_ms: f64) -> bool {
        debug_assert_eq!(self.holder, Some(lane), "only the holder releases");
        self.holder = None;
        self.released_at_ms = at_ms;
        self.last_holder = Some(lane);
        std::mem::take(&mut self.drop_request)
    }

    /// When the GIL was last let go, on the clock of the thread that let go:
    /// the next holder's time with it starts no earlier.
    pub fn released_at_ms(&self) -> f64 {
        self.released_at_ms
    }

    /// Whether a thread that dropped the GIL on request may go on: another
    /// thread has held it since.
    pub fn switched_away_from(&self, lane: u16) -> bool {
        self.last_holder != Some(lane)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_gil_is_taken_at_once_and_counts_a_switch() {
        let mut gil = GilState::new(5.0);
        assert_eq!(gil.try_take(1), Some(Taken { switched: true }));
        assert_eq!(gil.try_take(2), None, "held by 1");
        assert!(!gil.release(1, 0.0), "nobody asked");
        assert_eq!(gil.try_take(1), Some(Taken { switched: false }));
    }

    #[test]
    fn the_request_comes_at_the_deadline_and_not_before() {
        let mut gil = GilState::new(5.0);
        gil.try_take(0);
        let round = gil.begin_wait(10.0);
        assert!(!gil.wait_timed_out(round, 14.999));
        assert!(!gil.drop_requested());
        assert!(gil.wait_timed_out(round, 15.0));
        assert!(gil.drop_requested());
    }

    #[test]
    fn no_request_when_the_gil_changed_hands_during_the_wait() {
        let mut gil = GilState::new(5.0);
        gil.try_take(0);
        let round = gil.begin_wait(0.0);
        gil.release(0, 0.0);
        gil.try_take(2);
        assert!(!gil.wait_timed_out(round, 6.0), "a switch happened");
        assert!(!gil.drop_requested());
    }

    #[test]
    fn dropping_on_request_forces_a_switch() {
        let mut gil = GilState::new(5.0);
        gil.try_take(0);
        let round = gil.begin_wait(0.0);
        gil.wait_timed_out(round, 5.0);
        assert!(gil.release(0, 0.0), "asked to drop: must wait for a switch");
        assert!(!gil.drop_requested(), "the request is served");
        assert!(!gil.switched_away_from(0));
        gil.try_take(1);
        assert!(gil.switched_away_from(0));
    }
}

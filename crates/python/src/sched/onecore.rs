//! The `one-core` build: every Python thread on the one host thread that
//! drives the run, switched at the eval breaker's points (a slice of
//! [`SLICE_TICKS`] ends at one) by the GIL's own rules: the core's
//! [`GilState`] on the host clock decides when a waiter asks for the GIL and
//! when the holder must let go, and a seeded generator picks which waiter
//! gets it (CPython leaves that to the OS's wake-up order). With the same
//! seed and the same clock readings, the interleaving repeats exactly.
//!
//! A thread that blocks at the top of its dispatch loop leaves it
//! (`RunStatus::Blocked`) and waits here as a state. A thread that blocks
//! inside a builtin that called back into Python (its Rust frames are on
//! this host thread's stack) runs this same loop nested, until its wait
//! completes and the GIL comes back to it; threads suspended lower on the
//! stack cannot run meanwhile (a "stall" if the program needs them to).

use super::deadlock;
use super::wait::WaitSpec;
use super::{Sched, lock};
use crate::objects::Value;
use crate::objects::exception::Halt;
use crate::vm::{RunStatus, Vm};
use threadline_core::gil::{GilState, WaitRound};
use threadline_core::record::{GilEvent, Marker};

/// Ticks (backward jumps and calls) a thread runs before the scheduler
/// looks at the clock again: a drop request is served at most this late.
pub(crate) const SLICE_TICKS: u64 = 1000;

/// How one thread stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SlotState {
    /// It wants the GIL (or holds it and runs).
    Ready,
    /// It waits on its `WaitSpec`.
    Blocked,
}

/// One Python thread of the build.
pub(crate) struct Slot {
    /// Its thread; `None` while its Rust frames run it (the thread being run
    /// now, or one waiting in place lower on the stack).
    pub(crate) vm: Option<Vm>,
    pub(crate) state: SlotState,
    /// Its current timed wait for the GIL, while it wants it.
    pub(crate) round: Option<WaitRound>,
    /// What its wait returned, given back when it runs again.
    pub(crate) resume: Option<Value>,
    /// Its wait and the line it waits on, while blocked.
    pub(crate) wait: Option<(WaitSpec, u32)>,
    /// It waits in place (nested), not at the top of its loop.
    pub(crate) nested: bool,
}

/// The build's state: the threads, the GIL, the seeded choice.
pub(crate) struct OneCore {
    pub(crate) slots: Vec<Option<Slot>>,
    pub(crate) gil: GilState,
    pub(crate) rng: u64,
    pub(crate) forced_out: Option<u16>,
}

/// What the loop does next.
pub(crate) enum Pick {
    /// Run this thread's next slice.
    Run(u16, Box<Vm>),
    /// The nested wait's own thread got the GIL back, with its wait's value.
    Target(Value),
    /// Nothing can run before this time (`None`: nothing will).
    Idle(Option<f64>),
    /// A ready thread is suspended lower on the stack, and nothing else can
    /// go on.
    Stall,
}

/// Why the loop returned to its caller.
pub(crate) enum Exit {
    /// The budget was spent.
    Budget,
    /// Every thread waits until this time.
    Idle(f64),
    /// Every thread waits, some for the world outside.
    Outside,
    /// The nested wait completed with this value; its thread holds the GIL.
    Resume(Value),
    /// Every thread ended.
    Empty,
    /// The run stops (or the main thread ended, and the rest with it).
    Halted(Halt),
}

impl OneCore {
    /// No threads yet; `seed` fixes every choice.
    pub(crate) fn new(seed: u64, interval_ms: f64) -> OneCore {
        OneCore {
            slots: Vec::new(),
            gil: GilState::new(interval_ms),
            rng: seed ^ 0x9E37_79B9_7F4A_7C15,
            forced_out: None,
        }
    }

    pub(crate) fn set_interval(&mut self, interval_ms: f64) {
        self.gil.set_interval(interval_ms);
    }

    /// A thread that wants the GIL from `now_ms` on.
    pub(crate) fn add(&mut self, lane: u16, vm: Vm, now_ms: f64) {
        let index = usize::from(lane);
        if self.slots.len() <= index {
            self.slots.resize_with(index + 1, || None);
        }
        self.slots[index] = Some(Slot {
            vm: Some(vm),
            state: SlotState::Ready,
            round: Some(self.gil.begin_wait(now_ms)),
            resume: None,
            wait: None,
            nested: false,
        });
    }

    /// A splitmix64 step: the seeded choice among waiters.
    pub(crate) fn next_random(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn slot_mut(&mut self, lane: u16) -> Option<&mut Slot> {
        self.slots.get_mut(usize::from(lane))?.as_mut()
    }

    pub(crate) fn lanes(&self) -> Vec<u16> {
        (0..self.slots.len())
            .filter(|&i| self.slots[i].is_some())
            .filter_map(|i| u16::try_from(i).ok())
            .collect()
    }

    /// The threads that want the GIL, and those of them that can take it
    /// now: not suspended lower on the host stack (unless it is `target`,
    /// the thread whose nested wait runs this loop), and not the thread
    /// forced out by a drop request before another has held the GIL.
    pub(crate) fn candidates(&mut self, target: Option<u16>) -> (Vec<u16>, Vec<u16>) {
        let ready: Vec<u16> = self
            .lanes()
            .into_iter()
            .filter(|&lane| {
                self.slots[usize::from(lane)]
                    .as_ref()
                    .is_some_and(|slot| slot.state == SlotState::Ready)
            })
            .collect();
        let mut candidates: Vec<u16> = ready
            .iter()
            .copied()
            .filter(|&lane| {
                Some(lane) == target
                    || self.slots[usize::from(lane)]
                        .as_ref()
                        .is_some_and(|slot| slot.vm.is_some())
            })
            .collect();
        if let Some(forced) = self.forced_out {
            if self.gil.switched_away_from(forced) {
                self.forced_out = None;
            } else if candidates.len() > 1 {
                candidates.retain(|&lane| lane != forced);
            }
        }
        (ready, candidates)
    }

    /// The earliest deadline of a blocked thread.
    pub(crate) fn earliest_deadline(&self) -> Option<f64> {
        self.slots
            .iter()
            .flatten()
            .filter(|slot| slot.state == SlotState::Blocked)
            .filter_map(|slot| slot.wait.as_ref()?.0.deadline)
            .reduce(f64::min)
    }

    /// Whether any blocked thread waits for the world outside.
    fn waits_outside(&self) -> bool {
        self.slots.iter().flatten().any(|slot| {
            slot.wait
                .as_ref()
                .is_some_and(|(spec, _)| spec.is_outside())
        })
    }
}

impl Sched {
    /// Whether a `one-core` thread waits for the world outside (a driver
    /// that sleeps must then look again soon: news from outside raises a
    /// signal but cannot cut its sleep short).
    pub(crate) fn one_core_waits_outside(&self) -> bool {
        self.one_core().waits_outside()
    }

    pub(crate) fn one_core(&self) -> std::sync::MutexGuard<'_, OneCore> {
        lock(&self.one_core)
    }

    /// Adds a thread to the build, wanting the GIL.
    pub(crate) fn one_core_add(&self, lane: u16, vm: Vm) {
        let now = self.now();
        self.one_core().add(lane, vm, now);
    }

    /// Drops every thread the build still holds (the run ended).
    pub(crate) fn clear_one_core(&self) {
        let slots = std::mem::take(&mut self.one_core().slots);
        drop(slots);
    }

    /// Whether a thread of `one-core` waits for the world outside (a network
    /// answer): a driver told `Step::Idle` must then look again before the
    /// deadline, as the answer may come first.
    pub fn waits_outside(&self) -> bool {
        self.one_core().waits_outside()
    }

    /// Runs threads for `budget` ticks, from the driver's top level.
    pub(crate) fn one_core_step(&self, budget: u64) -> Exit {
        self.one_core_loop(None, budget)
    }

    /// The loop: wakes due waits, serves drop requests, picks the holder,
    /// runs it a slice at a time.
    pub(crate) fn one_core_loop(&self, target: Option<u16>, budget: u64) -> Exit {
        let mut left = budget;
        loop {
            if let Some(halt) = self.stop_reason() {
                return Exit::Halted(halt);
            }
            let now = self.now();
            if self.past_deadline(now) {
                self.stop(Halt::TimeLimit);
                continue;
            }
            match self.one_core_pick(now, target) {
                Pick::Target(value) => return Exit::Resume(value),
                Pick::Run(lane, vm) => {
                    if let Some(exit) = self.one_core_slice(lane, *vm, &mut left) {
                        return exit;
                    }
                    if left == 0 {
                        return Exit::Budget;
                    }
                }
                Pick::Idle(Some(until)) => {
                    // The driver comes back by the run's time limit at the latest.
                    let limit = self.deadline_ms.unwrap_or(f64::INFINITY);
                    return Exit::Idle(until.min(limit));
                }
                Pick::Idle(None) => {
                    if let Some(exit) = self.one_core_idle_forever(target) {
                        return exit;
                    }
                }
                Pick::Stall => {
                    let message = "Deadlock (one-core): a thread waiting inside a builtin that called back into Python holds up another thread suspended below it on the stack; nothing else can go on, so the run was stopped. The gil build runs this program.\n".to_string();
                    self.declare_deadlock(target.unwrap_or(0), 0, message);
                }
            }
        }
    }

    /// Nothing can run and nothing has a deadline: the outside, or nobody
    /// left, or a deadlock.
    fn one_core_idle_forever(&self, target: Option<u16>) -> Option<Exit> {
        let (outside, empty) = {
            let one_core = self.one_core();
            (one_core.waits_outside(), one_core.lanes().is_empty())
        };
        if outside {
            return Some(Exit::Outside);
        }
        if empty {
            return Some(Exit::Empty);
        }
        let message = deadlock::every_thread_stuck(&self.table(), &self.modules).unwrap_or_else(|| {
            "Deadlock: every thread is blocked and none can wake another. No thread can go on, so the run was stopped.\n".into()
        });
        self.declare_deadlock(target.unwrap_or(0), 0, message);
        None
    }

    /// Runs one slice of the thread on `lane`; `Some` when the loop must
    /// return.
    fn one_core_slice(&self, lane: u16, mut vm: Vm, left: &mut u64) -> Option<Exit> {
        let slice = SLICE_TICKS.min(*left);
        let status = vm.run(slice);
        *left = left.saturating_sub(slice);
        match status {
            RunStatus::BudgetSpent => {
                if let Some(slot) = self.one_core().slot_mut(lane) {
                    slot.vm = Some(vm);
                }
                None
            }
            RunStatus::Blocked(spec) => {
                let line = vm.line();
                let _ = self.one_core_block(lane, Some(vm), *spec, line, false);
                None
            }
            RunStatus::Finished(result) => {
                let at = self.now();
                {
                    let mut one_core = self.one_core();
                    if one_core.gil.holder() == Some(lane) {
                        one_core.gil.release(lane, at);
                        self.recorder.gil(at, lane, GilEvent::Dropped);
                    }
                    if let Some(slot) = one_core.slots.get_mut(usize::from(lane)) {
                        *slot = None;
                    }
                }
                if lane == 0 {
                    if self.main_finished(&mut vm, result) {
                        self.one_core_resume_main(vm);
                    } else {
                        self.main_done(&mut vm);
                    }
                    return None;
                }
                self.thread_ends(&mut vm, result);
                drop(vm);
                None
            }
        }
    }

    /// Puts the main thread back (to run `threading._shutdown`), holding
    /// the GIL.
    pub(crate) fn one_core_resume_main(&self, vm: Vm) {
        let now = self.now();
        let mut one_core = self.one_core();
        one_core.add(0, vm, now);
        if one_core.gil.try_take(0).is_some() {
            self.recorder.gil(now, 0, GilEvent::Took);
            if let Some(slot) = one_core.slot_mut(0) {
                slot.round = None;
            }
        }
    }
}

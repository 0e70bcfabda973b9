//! Waits in the `one-core` build: a thread that blocks at the top of its
//! dispatch loop goes back to its slot as a blocked state; one that blocks
//! inside a builtin that called back into Python (its Rust frames are on the
//! host stack) runs the other threads from there until its wait completes.

use super::Sched;
use super::deadlock;
use super::onecore::{Exit, SlotState};
use super::wait::WaitSpec;
use crate::objects::{PyErr, PyResult, Value};
use crate::vm::Vm;
use threadline_core::record::{GilEvent, Marker};

/// Why such a wait cannot be waited.
const NESTED_OUTSIDE_WAIT: &str = "one-core in the browser cannot wait for another \
process or the network inside a builtin's own loop that called back into Python (a key= \
function, __eq__, __hash__ and the like): wait in a plain loop, or run on a cross-origin \
isolated page with the gil build";

impl Sched {
    /// A wait in place: runs the other threads until `vm`'s wait completes
    /// and its thread holds the GIL again.
    pub(crate) fn wait_nested(&self, vm: &mut Vm, spec: WaitSpec) -> PyResult {
        let lane = vm.lane();
        let line = vm.line();
        if let Some(value) = self.one_core_block(lane, None, spec, line, true) {
            return Ok(value);
        }
        loop {
            let exit = self.one_core_loop(Some(lane), u64::MAX);
            if matches!(exit, Exit::Idle(_) | Exit::Outside)
                && self.one_core_waits_outside()
                && !self.host.news_reaches_nested_waits()
            {
                return Err(PyErr::system_error(NESTED_OUTSIDE_WAIT));
            }
            match exit {
                Exit::Resume(value) => return Ok(value),
                Exit::Halted(halt) => return Err(PyErr::Halt(halt)),
                Exit::Idle(until) if self.one_core_waits_outside() => {
                    // News from outside (another process) ends the sleep early.
                    self.wait_outside_news((until - self.now()).min(50.0));
                }
                Exit::Idle(until) => {
                    // An answer from outside may come before the deadline.
                    let until = if self.waits_outside() {
                        until.min(self.now() + 5.0)
                    } else {
                        until
                    };
                    let cancel = crate::host::CancelFlag::new();
                    self.host
                        .wait(&crate::host::Wait::Sleep { until_ms: until }, &cancel);
                }
                Exit::Outside => self.wait_outside_news(50.0),
                Exit::Budget | Exit::Empty => {
                    return Err(PyErr::system_error(
                        "one-core: a nested wait lost its thread",
                    ));
                }
            }
        }
    }

    /// The thread on `lane` blocks on `spec` (its `vm` goes back to its
    /// slot, or stays on the stack if `nested`), letting go of the GIL,
    /// unless the wait completes at once: then it keeps the GIL, and the
    /// wait's value is returned (and handed to its `vm`). Trying again
    /// under the table's lock marks a lock contended, so that its release
    /// wakes this thread.
    pub(crate) fn one_core_block(
        &self,
        lane: u16,
        mut vm: Option<Vm>,
        spec: WaitSpec,
        line: u32,
        nested: bool,
    ) -> Option<Value> {
        let now = self.now();
        let forever = spec.deadline.is_none() && !spec.is_outside();
        let (completed, deadlock) = {
            let mut one_core = self.one_core();
            let mut table = self.table();
            match spec.try_complete(lane, true) {
                Some(value) => {
                    if let (Some(slot), Some(mut vm)) = (one_core.slot_mut(lane), vm.take()) {
                        vm.resume_with(value.clone());
                        slot.vm = Some(vm);
                    }
                    (Some(value), None)
                }
                None => {
                    table.block(lane, &spec);
                    if one_core.gil.holder() == Some(lane) {
                        one_core.gil.release(lane, now);
                        self.recorder.gil(now, lane, GilEvent::Dropped);
                    }
                    if let Some(slot) = one_core.slot_mut(lane) {
                        slot.state = SlotState::Blocked;
                        slot.round = None;
                        slot.wait = Some((spec.clone(), line));
                        slot.nested = nested;
                        if vm.is_some() {
                            slot.vm = vm;
                        }
                    }
                    let found = forever.then(|| deadlock::detect(&table, lane, &self.modules));
                    (None, found.flatten())
                }
            }
        };
        if let Some(value) = completed {
            self.wait_completed(&self.modules, &spec, lane, line);
            return Some(value);
        }
        let note = self.wait_note(&self.modules, &spec);
        let at = self.mark_at(now, lane, spec.activity(), note, line);
        if let Some(thread) = self.thread(lane) {
            thread.cpu_stops(at);
        }
        if let Some(message) = deadlock {
            self.declare_deadlock(lane, line, message);
        }
        None
    }
}

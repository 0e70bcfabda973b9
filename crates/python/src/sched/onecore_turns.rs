//! The `one-core` build's turns: which thread holds the GIL next. Waits
//! that are due or woken complete; waiters whose timed wait ran out ask the
//! holder to let go, as CPython's do; the holder lets go on request and may
//! not take the GIL back before another thread has held it; a seeded
//! generator picks among the waiters that can run.

use super::Sched;
use super::onecore::{OneCore, Pick, SlotState};
use crate::objects::Value;
use crate::vm::Vm;
use threadline_core::record::{Activity, GilEvent, Marker};

impl Sched {
    /// Wakes the waits that are due, serves drop requests, and picks what
    /// runs next.
    pub(crate) fn one_core_pick(&self, now: f64, target: Option<u16>) -> Pick {
        let mut one_core = self.one_core();
        self.one_core_wake(&mut one_core, now);
        self.one_core_requests(&mut one_core, now);
        if let Some(holder) = one_core.gil.holder() {
            if Some(holder) == target {
                let value = one_core
                    .slot_mut(holder)
                    .and_then(|slot| slot.resume.take())
                    .unwrap_or(Value::None);
                return Pick::Target(value);
            }
            return match one_core.slot_mut(holder).and_then(|slot| slot.vm.take()) {
                Some(vm) => Pick::Run(holder, Box::new(vm)),
                // The holder is suspended lower on the stack.
                None => Pick::Stall,
            };
        }
        self.one_core_choose(&mut one_core, now, target)
    }

    /// Gives the free GIL to a waiter that can run at this level, chosen by
    /// the seeded generator.
    fn one_core_choose(&self, one_core: &mut OneCore, now: f64, target: Option<u16>) -> Pick {
        let (ready, candidates) = one_core.candidates(target);
        if candidates.is_empty() {
            let deadline = one_core.earliest_deadline();
            if !ready.is_empty() && deadline.is_none() {
                return Pick::Stall;
            }
            return Pick::Idle(deadline);
        }
        let index = (one_core.next_random() % candidates.len() as u64) as usize;
        let chosen = candidates[index];
        one_core.gil.try_take(chosen);
        self.recorder.gil(now, chosen, GilEvent::Took);
        for lane in ready {
            let round = one_core.gil.begin_wait(now);
            if let Some(slot) = one_core.slot_mut(lane)
                && lane != chosen
                && slot.round.is_none()
            {
                slot.round = Some(round);
            }
        }
        let line = self.one_core_took(one_core, chosen, now);
        let at = self.mark_at(now, chosen, Activity::Cpu, 0, line);
        if let Some(thread) = self.thread(chosen) {
            thread.cpu_starts(at);
        }
        if Some(chosen) == target {
            let value = one_core
                .slot_mut(chosen)
                .and_then(|slot| slot.resume.take())
                .unwrap_or(Value::None);
            return Pick::Target(value);
        }
        match one_core.slot_mut(chosen).and_then(|slot| slot.vm.take()) {
            Some(vm) => Pick::Run(chosen, Box::new(vm)),
            None => Pick::Idle(Some(now)),
        }
    }

    /// The chosen thread takes the GIL: its round ends, its wait's value is
    /// handed to its `Vm`. Returns the line it stands on.
    fn one_core_took(&self, one_core: &mut OneCore, lane: u16, _now: f64) -> u32 {
        let Some(slot) = one_core.slot_mut(lane) else {
            return 0;
        };
        slot.round = None;
        let line = slot.vm.as_ref().map_or(0, Vm::line);
        if let (Some(vm), false) = (slot.vm.as_mut(), slot.nested)
            && let Some(value) = slot.resume.take()
        {
            vm.resume_with(value);
        }
        line
    }

    /// Completes the waits that can: a deadline passed, or a wake-up and a
    /// successful retry. Completed threads want the GIL from now.
    fn one_core_wake(&self, one_core: &mut OneCore, now: f64) {
        let mut table = self.table();
        for lane in one_core.lanes() {
            let Some(slot) = one_core.slot_mut(lane) else {
                continue;
            };
            if slot.state != SlotState::Blocked {
                continue;
            }
            let Some((spec, line)) = slot.wait.clone() else {
                continue;
            };
            let woken = table
                .entry(lane)
                .and_then(|entry| entry.waiting.as_ref())
                .is_some_and(|waiting| waiting.woken);
            let due = spec.deadline.is_some_and(|deadline| now >= deadline);
            if !woken && !due {
                continue;
            }
            let value = match spec.try_complete(lane, true) {
                Some(value) => {
                    self.wait_completed(&self.modules, &spec, lane, line);
                    value
                }
                None if due => spec.timeout_value(),
                None => {
                    table.block(lane, &spec);
                    continue;
                }
            };
            table.unblock(lane);
            let round = one_core.gil.begin_wait(now);
            if let Some(slot) = one_core.slot_mut(lane) {
                slot.state = SlotState::Ready;
                slot.wait = None;
                slot.resume = Some(value);
                slot.round = Some(round);
            }
            self.mark_at(now, lane, Activity::WaitGil, 0, line);
        }
    }

    /// The waiters' timed waits: one that timed out with no switch asks for
    /// the GIL; the holder then lets go at this eval-breaker point.
    fn one_core_requests(&self, one_core: &mut OneCore, now: f64) {
        let Some(holder) = one_core.gil.holder() else {
            return;
        };
        for lane in one_core.lanes() {
            if lane == holder {
                continue;
            }
            let Some(mut round) = one_core.slot_mut(lane).and_then(|slot| slot.round) else {
                continue;
            };
            loop {
                let deadline = one_core.gil.deadline(round);
                if now < deadline {
                    break;
                }
                if one_core.gil.wait_timed_out(round, now) {
                    self.recorder.gil(deadline, lane, GilEvent::Requested);
                    round = one_core.gil.begin_wait(deadline);
                    break;
                }
                round = one_core.gil.begin_wait(deadline);
            }
            if let Some(slot) = one_core.slot_mut(lane) {
                slot.round = Some(round);
            }
        }
        if one_core.gil.drop_requested() {
            self.one_core_drop(one_core, holder, now);
        }
    }

    /// The holder lets go on request, and may not take the GIL back before
    /// another thread has held it.
    fn one_core_drop(&self, one_core: &mut OneCore, holder: u16, now: f64) {
        let forced = one_core.gil.release(holder, now);
        self.recorder.gil(now, holder, GilEvent::Dropped);
        if forced {
            one_core.forced_out = Some(holder);
        }
        // As in CPython, its timed wait for the GIL begins only once
        // another thread has taken it (see `one_core_choose`).
        let line = match one_core.slot_mut(holder) {
            Some(slot) => {
                slot.round = None;
                slot.vm.as_ref().map_or(0, Vm::line)
            }
            None => 0,
        };
        let at = self.mark_at(now, holder, Activity::WaitGil, 0, line);
        if let Some(thread) = self.thread(holder) {
            thread.cpu_stops(at);
        }
    }
}

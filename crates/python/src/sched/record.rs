//! What the scheduler records (PYTHON.md section 6), into the run's one
//! core [`threadline_core::record::Recorder`]: each lane's states with the
//! line it stands on and what it waits for, events (prints, lock acquire and
//! release, thread start and join as flows), and the GIL's hand-overs (the
//! core `Gil` records those itself). With recording off every helper
//! returns at its first test, so the cost of recording is measurable.

use super::lock::{LockCore, LockKind};
use super::thread::{PyThread, Spot};
use super::wait::{WaitOn, WaitSpec};
use super::{Sched, names};
use crate::host::Host;
use crate::objects::ObjRef;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use threadline_core::record::{Activity, EventKind, Flow, LaneInfo, LaneKind};

/// The host's clock as the core's [`threadline_core::clock::Clock`].
pub struct HostClock(pub Arc<dyn Host>);

impl threadline_core::clock::Clock for HostClock {
    fn now_ms(&self) -> f64 {
        self.0.now_ms()
    }
}

impl Sched {
    /// Marks that `lane` does `activity` from `at_ms`, on `line`, for the
    /// reason note `note` names; returns the time recorded.
    pub fn mark_at(&self, at_ms: f64, lane: u16, activity: Activity, note: u32, line: u32) -> f64 {
        if !self.recording {
            return at_ms;
        }
        self.recorder.state_at(at_ms, lane, activity, note, line)
    }

    /// Marks that `lane` does `activity` from now.
    pub fn mark(&self, lane: u16, activity: Activity, note: u32, line: u32) -> f64 {
        self.mark_at(self.now(), lane, activity, note, line)
    }

    /// Records an event on `lane` at `at_ms`.
    pub fn event_at(
        &self,
        at_ms: f64,
        lane: u16,
        kind: EventKind,
        line: u32,
        text: Option<String>,
        flow: Option<Flow>,
    ) {
        if self.recording {
            self.recorder.event_at(at_ms, lane, kind, line, text, flow);
        }
    }

    /// Records a flow: its start at `from` (an event of kind `out`) and its
    /// end on `lane` now (an event of kind `inward`).
    pub fn flow(&self, from: Spot, out: EventKind, lane: u16, inward: EventKind, line: u32) {
        if !self.recording {
            return;
        }
        let id = self.recorder.new_flow();
        let now = self.now().max(from.at_ms);
        self.recorder.event_at(
            from.at_ms,
            from.lane,
            out,
            from.line,
            None,
            Some(Flow { id, arrives: false }),
        );
        self.recorder.event_at(
            now,
            lane,
            inward,
            line,
            None,
            Some(Flow { id, arrives: true }),
        );
    }

    /// The number of a note (0 when not recording).
    pub fn note(&self, text: &str) -> u32 {
        if self.recording {
            self.recorder.note(text)
        } else {
            0
        }
    }

    /// Says who `thread` is on the timeline.
    pub(crate) fn name_lane(&self, thread: &PyThread) {
        if self.recording {
            self.recorder.name_lane(LaneInfo {
                lane: thread.lane,
                name: thread.name().to_string(),
                process: 0,
                kind: LaneKind::Thread,
            });
        }
    }

    /// The program renamed `thread`: so is its lane.
    pub fn rename_lane(&self, thread: &PyThread) {
        self.name_lane(thread);
    }

    /// A lock's name and note, worked out once.
    pub(crate) fn lock_label(&self, modules: &ObjRef, core: &Arc<LockCore>) -> (String, u32) {
        core.label
            .get_or_init(|| {
                let name = names::lock_name(modules, core);
                let note = self.note(&name);
                (name, note)
            })
            .clone()
    }

    /// What a wait is noted as on the timeline (0: nothing to add to its
    /// activity, as for a sleep).
    pub(crate) fn wait_note(&self, modules: &ObjRef, spec: &WaitSpec) -> u32 {
        if !self.recording {
            return 0;
        }
        match &spec.on {
            WaitOn::Sleep => 0,
            WaitOn::Lock(core) => match &core.kind {
                LockKind::Waiter { what } => match names::owner_name(modules, core) {
                    Some(owner) => self.note(&format!("{what} {owner}")),
                    None => self.note(what),
                },
                _ => self.lock_label(modules, core).1,
            },
            WaitOn::Join(thread) => self.note(&format!("join {}", thread.name())),
            WaitOn::Signal(signal) => self.note(&signal.label),
        }
    }

    /// Records a lock's acquisition (`waited`: after a wait) or release by
    /// `lane`; not for the locks bundled modules use inside queues and
    /// conditions, and past [`super::lock::LOCK_EVENTS_RECORDED`] only the
    /// acquisitions that waited and their releases.
    pub(crate) fn lock_event(
        &self,
        modules: &ObjRef,
        core: &Arc<LockCore>,
        lane: u16,
        kind: EventKind,
        line: u32,
        waited: bool,
    ) {
        if !self.recording || core.internal {
            return;
        }
        let recorded = if kind == EventKind::Release {
            core.recorded_holds
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                .is_ok()
        } else {
            let wanted = waited
                || core.recorded.fetch_add(1, Ordering::Relaxed)
                    < super::lock::LOCK_EVENTS_RECORDED;
            if wanted {
                core.recorded_holds.fetch_add(1, Ordering::Relaxed);
            }
            wanted
        };
        if recorded {
            let (name, _) = self.lock_label(modules, core);
            self.event_at(self.now(), lane, kind, line, Some(name), None);
        }
    }

    /// Records what completing `spec` means beyond the state change: a lock
    /// acquired, a join that returned (with the flow from the thread's end,
    /// the first time).
    pub(crate) fn wait_completed(&self, modules: &ObjRef, spec: &WaitSpec, lane: u16, line: u32) {
        if !self.recording {
            return;
        }
        match &spec.on {
            WaitOn::Lock(core) => {
                self.lock_event(modules, core, lane, EventKind::Acquire, line, true);
            }
            WaitOn::Join(thread) => match thread.ended_at.lock().take() {
                Some(end) => self.flow(end, EventKind::Finish, lane, EventKind::Join, line),
                None => self.event_at(self.now(), lane, EventKind::Join, line, None, None),
            },
            _ => {}
        }
    }

    /// Marks the end of every lane that has not marked one, and the end of
    /// threads nobody joined: called when the run ends.
    pub(crate) fn close_lanes(&self) {
        if !self.recording {
            return;
        }
        for thread in self.threads.read().iter().flatten() {
            if let Some(end) = thread.ended_at.lock().take() {
                self.event_at(end.at_ms, end.lane, EventKind::Finish, end.line, None, None);
            }
        }
    }
}

//! Blocking as a state: what a thread waits for ([`WaitSpec`]), and the wait
//! table that keeps who waits for what. The table is the one place wake-ups
//! go through (a lock released, a thread ended, a signal raised), the source
//! of the timeline's blocked notes and of deadlock detection.

use super::lock::{LockCore, LockKind, Signal};
use super::thread::PyThread;
use crate::objects::Value;
use std::sync::Arc;
use threadline_core::record::Activity;

/// What a blocked thread waits for.
#[derive(Clone, Debug)]
pub enum WaitOn {
    /// `time.sleep`: only its deadline ends it.
    Sleep,
    /// A lock (`Lock`, `RLock`, a `Condition`'s waiter) to be taken.
    Lock(Arc<LockCore>),
    /// A thread to end (`join`).
    Join(Arc<PyThread>),
    /// A signal to be raised (asyncio's selector, a process's message).
    Signal(Arc<Signal>),
}

/// A wait a builtin asks for: what, and until when.
#[derive(Clone, Debug)]
pub struct WaitSpec {
    /// What ends it.
    pub on: WaitOn,
    /// When it gives up, on the host clock (`None`: never).
    pub deadline: Option<f64>,
}

impl WaitSpec {
    /// A wait on `on` until `deadline`.
    pub fn new(on: WaitOn, deadline: Option<f64>) -> WaitSpec {
        WaitSpec { on, deadline }
    }

    /// Tries to end the wait now for the thread on `lane`: the value the
    /// blocking call returns. `parking` marks a lock as contended first (the
    /// thread is about to sleep on it). Called under the wait table's lock.
    pub(crate) fn try_complete(&self, lane: u16, parking: bool) -> Option<Value> {
        let done = match &self.on {
            WaitOn::Sleep => false,
            WaitOn::Lock(core) => core.try_acquire(lane, parking),
            WaitOn::Join(thread) => thread.is_done(),
            WaitOn::Signal(signal) => signal.take(),
        };
        done.then_some(Value::Bool(true))
    }

    /// What the blocking call returns when the deadline passes.
    pub(crate) fn timeout_value(&self) -> Value {
        match self.on {
            WaitOn::Sleep => Value::None,
            _ => Value::Bool(false),
        }
    }

    /// How the timeline draws the wait.
    pub fn activity(&self) -> Activity {
        match &self.on {
            WaitOn::Sleep => Activity::Sleep,
            WaitOn::Lock(core) if !matches!(core.kind, LockKind::Waiter { .. }) => {
                Activity::WaitLock
            }
            WaitOn::Signal(signal) if signal.outside && !signal.waits_for_program() => Activity::Io,
            _ => Activity::Wait,
        }
    }

    /// Whether only the world outside the program can end it (a deadlock
    /// is never declared while a thread waits on it).
    pub fn is_outside(&self) -> bool {
        matches!(&self.on, WaitOn::Signal(signal) if signal.outside)
    }
}

/// Where a thread is in its life, as the table sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum State {
    /// Started, not yet running.
    New,
    /// Running bytecode or able to (waiting for the GIL counts here).
    Running,
    /// Blocked on its wait.
    Blocked,
    /// Ended.
    Done,
}

/// A thread's current wait.
#[derive(Clone, Debug)]
pub(crate) struct Waiting {
    pub(crate) spec: WaitSpec,
    /// Something it waits for happened: it should try again.
    pub(crate) woken: bool,
}

/// One thread's row.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) thread: Arc<PyThread>,
    pub(crate) state: State,
    pub(crate) waiting: Option<Waiting>,
}

/// Who waits for what, by lane.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub(crate) entries: Vec<Option<Entry>>,
    /// Threads started and not ended (the main thread included).
    pub(crate) live: usize,
    /// Threads started in all.
    pub(crate) started: usize,
}

impl Table {
    /// The row of `lane`.
    pub(crate) fn entry(&self, lane: u16) -> Option<&Entry> {
        self.entries.get(usize::from(lane))?.as_ref()
    }

    /// The row of `lane`, to change.
    pub(crate) fn entry_mut(&mut self, lane: u16) -> Option<&mut Entry> {
        self.entries.get_mut(usize::from(lane))?.as_mut()
    }

    /// Adds a thread's row.
    pub(crate) fn insert(&mut self, thread: Arc<PyThread>, state: State) {
        let index = usize::from(thread.lane);
        if self.entries.len() <= index {
            self.entries.resize_with(index + 1, || None);
        }
        self.entries[index] = Some(Entry {
            thread,
            state,
            waiting: None,
        });
        self.live += 1;
        self.started += 1;
    }

    /// The thread on `lane` blocks on `spec`.
    pub(crate) fn block(&mut self, lane: u16, spec: &WaitSpec) {
        if let Some(entry) = self.entry_mut(lane) {
            entry.state = State::Blocked;
            entry.waiting = Some(Waiting {
                spec: spec.clone(),
                woken: false,
            });
        }
    }

    /// The thread on `lane` no longer waits.
    pub(crate) fn unblock(&mut self, lane: u16) {
        if let Some(entry) = self.entry_mut(lane) {
            entry.state = State::Running;
            entry.waiting = None;
        }
    }

    /// The thread on `lane` ended.
    pub(crate) fn end(&mut self, lane: u16) {
        if let Some(entry) = self.entry_mut(lane)
            && entry.state != State::Done
        {
            entry.state = State::Done;
            entry.waiting = None;
            self.live = self.live.saturating_sub(1);
        }
    }

    /// Marks as woken the threads whose wait `matches` (the first one only,
    /// unless `all`), and returns their lanes.
    pub(crate) fn wake(&mut self, all: bool, matches: impl Fn(&WaitOn) -> bool) -> Vec<u16> {
        let mut woken = Vec::new();
        for entry in self.entries.iter_mut().flatten() {
            let Some(waiting) = entry.waiting.as_mut() else {
                continue;
            };
            if waiting.woken || !matches(&waiting.spec.on) {
                continue;
            }
            waiting.woken = true;
            woken.push(entry.thread.lane);
            if !all {
                break;
            }
        }
        woken
    }

    /// The rows of threads alive now.
    pub(crate) fn alive(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .flatten()
            .filter(|entry| entry.state != State::Done)
    }
}

//! Recording what every lane does, as it happens.
//!
//! Each lane (a thread, a process, an async task) marks every change of
//! activity with a timestamp. Marks go into a lock-free append-only vector, so
//! workers never wait to record and the main thread can read what has been
//! recorded so far on every animation frame without taking a lock.

mod story;

pub use story::{Event, EventKind, Flow, LaneInfo, LaneKind, ProcessInfo};

use crate::clock::Clock;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use story::Story;

/// Lanes a recorder keeps in time order: async runs have one per task (at
/// most 256), programs one per thread, process and task they start (a run's
/// limits keep them under this).
pub const MAX_LANES: usize = 4096;

/// What a lane is doing from one mark until its next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Activity {
    /// Starting up (a process being spawned).
    Spawn,
    /// Alive, with nothing to do.
    Idle,
    /// Computing.
    Cpu,
    /// Waiting on the network.
    Io,
    /// Waiting for the global interpreter lock.
    WaitGil,
    /// Waiting for an ordinary lock.
    WaitLock,
    /// Sleeping (`time.sleep`, `asyncio.sleep`).
    Sleep,
    /// Waiting for another thread, process or task: a join, an event, a
    /// queue, a condition, a future's result (the mark's note names it).
    Wait,
    /// Sending or receiving a serialised message.
    Message,
    /// Finished all its work.
    Done,
    /// Stopped by a cancel.
    Cancelled,
}

/// A lane's place in the thread lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lifecycle {
    /// Created, not yet able to run.
    New,
    /// Able to run, waiting for work or a turn.
    Ready,
    /// Running on a core.
    Running,
    /// Waiting on I/O, a lock or a message.
    Blocked,
    /// Ended.
    Terminated,
}

impl Activity {
    /// The trace category (`cat`) of an interval of this activity; `None`
    /// for the marks that end a lane.
    pub fn category(self) -> Option<&'static str> {
        Some(match self {
            Activity::Spawn => "spawn",
            Activity::Idle => "idle",
            Activity::Cpu => "cpu",
            Activity::Io => "io",
            Activity::WaitGil => "wait-gil",
            Activity::WaitLock => "wait-lock",
            Activity::Sleep => "sleep",
            Activity::Wait => "wait",
            Activity::Message => "message",
            Activity::Done | Activity::Cancelled => return None,
        })
    }

    /// Where in the thread lifecycle this activity puts a lane.
    pub fn lifecycle(self) -> Lifecycle {
        match self {
            Activity::Spawn => Lifecycle::New,
            // Waiting for the GIL is ready to run, as CPython's docs and
            // PYTHON.md call it: nothing but the turn is missing.
            Activity::Idle | Activity::WaitGil => Lifecycle::Ready,
            Activity::Cpu => Lifecycle::Running,
            Activity::Io
            | Activity::WaitLock
            | Activity::Sleep
            | Activity::Wait
            | Activity::Message => Lifecycle::Blocked,
            Activity::Done | Activity::Cancelled => Lifecycle::Terminated,
        }
    }
}

/// What happened to the GIL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GilEvent {
    /// The lane took the GIL.
    Took,
    /// The lane let go of it.
    Dropped,
    /// The lane, waiting, asked the holder to drop it.
    Requested,
}

/// One GIL event, as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GilMark {
    /// The lane it concerns.
    pub lane: u16,
    /// Microseconds since the run's start.
    pub at_us: f64,
    /// What happened.
    pub event: GilEvent,
}

/// One change of activity on one lane.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// The lane, 0-based within its mode.
    pub lane: u16,
    /// Microseconds since the run's start.
    pub at_us: f64,
    /// What the lane does from now on.
    pub activity: Activity,
    /// The task it does it for, if any.
    pub task: Option<u32>,
    /// What it waits for or works on, as a note of the recorder (0: none).
    #[serde(default)]
    pub note: u32,
    /// The source line the lane stands on (0: not a program's lane).
    #[serde(default)]
    pub line: u32,
}

impl Mark {
    /// A mark with no note and no line.
    pub fn plain(lane: u16, at_us: f64, activity: Activity, task: Option<u32>) -> Self {
        Self {
            lane,
            at_us,
            activity,
            task,
            note: 0,
            line: 0,
        }
    }
}

/// Where a lane's changes of activity go.
///
/// The shared [`Recorder`] keeps them in memory; a worker process, which
/// has its own memory, posts them to the page instead.
pub trait Marker {
    /// The clock marks are timed with.
    fn clock(&self) -> &dyn Clock;

    /// Marks that `lane` starts `activity` at `at_ms` on the shared clock;
    /// returns the time recorded (a lane's marks never go back in time).
    fn mark_at(&self, at_ms: f64, lane: u16, activity: Activity, task: Option<u32>) -> f64;

    /// Marks that `lane` starts `activity` now; returns the time recorded.
    fn mark(&self, lane: u16, activity: Activity, task: Option<u32>) -> f64 {
        self.mark_at(self.clock().now_ms(), lane, activity, task)
    }

    /// Marks that `lane` starts `activity` now, but never before `floor_ms`:
    /// for a change caused by another thread's (a lock handed over), whose
    /// clock may run a little ahead of this one's.
    fn mark_after(&self, floor_ms: f64, lane: u16, activity: Activity, task: Option<u32>) -> f64 {
        self.mark_at(self.clock().now_ms().max(floor_ms), lane, activity, task)
    }

    /// Records what `lane` did with the GIL at `at_ms` on the shared clock.
    /// Markers of runs without a GIL ignore it.
    fn gil(&self, at_ms: f64, lane: u16, event: GilEvent) {
        let _ = (at_ms, lane, event);
    }

    /// Notes that a slice of work was done: the heartbeat a watchdog reads
    /// to tell a slow run from one that stopped making progress.
    fn beat(&self) {}
}

/// The marks of one run of one mode.
///
/// Marks of one lane never go back in time: each lane's clock is the
/// worker's own, and a mark timed by another clock (a process's, or a lock
/// holder's) is moved up to the lane's latest mark if it would fall before
/// it. Each lane has one writer, so this costs no contention.
pub struct Recorder {
    clock: Arc<dyn Clock>,
    origin_ms: f64,
    enabled: bool,
    marks: boxcar::Vec<Mark>,
    gil_marks: boxcar::Vec<GilMark>,
    story: Story,
    beats: AtomicU64,
    latest_ms: Box<[AtomicU64]>,
}

impl std::fmt::Debug for Recorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recorder")
            .field("origin_ms", &self.origin_ms)
            .field("enabled", &self.enabled)
            .field("marks", &self.marks.count())
            .finish()
    }
}

impl Recorder {
    /// A recorder whose time zero is now. With `enabled` false, marks are
    /// dropped (used to measure what recording costs).
    pub fn start(clock: Arc<dyn Clock>, enabled: bool) -> Self {
        let origin_ms = clock.now_ms();
        Self {
            clock,
            origin_ms,
            enabled,
            marks: boxcar::Vec::new(),
            gil_marks: boxcar::Vec::new(),
            story: Story::default(),
            beats: AtomicU64::new(0),
            latest_ms: (0..MAX_LANES)
                .map(|_| AtomicU64::new(f64::MIN.to_bits()))
                .collect(),
        }
    }

    /// The run's time zero on the shared clock, in milliseconds.
    pub fn origin_ms(&self) -> f64 {
        self.origin_ms
    }

    /// Milliseconds since the run's start.
    pub fn elapsed_ms(&self) -> f64 {
        self.clock.now_ms() - self.origin_ms
    }

    /// Marks a change that happened at `at_ms` on the shared clock (for
    /// changes timed elsewhere, such as inside a worker process).
    pub fn mark_at_ms(&self, at_ms: f64, lane: u16, activity: Activity, task: Option<u32>) -> f64 {
        self.push_mark(at_ms, Mark::plain(lane, 0.0, activity, task))
    }

    /// Records `mark` at `at_ms` on the shared clock, moved up to its lane's
    /// latest mark if it would fall before it; returns the time recorded.
    fn push_mark(&self, at_ms: f64, mark: Mark) -> f64 {
        if !self.enabled {
            return at_ms;
        }
        let at_ms = match self.latest_ms.get(usize::from(mark.lane)) {
            Some(latest) => {
                let at_ms = at_ms.max(f64::from_bits(latest.load(Ordering::Relaxed)));
                latest.store(at_ms.to_bits(), Ordering::Relaxed);
                at_ms
            }
            None => at_ms,
        };
        self.marks.push(Mark {
            at_us: self.us_since_start(at_ms),
            ..mark
        });
        at_ms
    }

    /// Microseconds from the run's start to `at_ms` on the shared clock.
    fn us_since_start(&self, at_ms: f64) -> f64 {
        (at_ms - self.origin_ms) * 1000.0
    }

    /// Appends to `out` every mark recorded since `*cursor`, and advances the
    /// cursor. Lock-free: a mark still being written stops the read there and
    /// is picked up next time.
    pub fn read_new(&self, cursor: &mut usize, out: &mut Vec<Mark>) {
        while let Some(mark) = self.marks.get(*cursor) {
            out.push(*mark);
            *cursor += 1;
        }
    }

    /// Every mark recorded so far.
    pub fn marks(&self) -> Vec<Mark> {
        let mut out = Vec::with_capacity(self.marks.count());
        self.read_new(&mut 0, &mut out);
        out
    }

    /// Everything that shows the run moving: marks, GIL events, program
    /// events and beats so far. A watchdog compares it over time.
    pub fn progress(&self) -> u64 {
        (self.marks.count() + self.gil_marks.count() + self.story.events.count()) as u64
            + self.beats.load(Ordering::Relaxed)
    }

    /// Every GIL event recorded so far, in the order they happened (each is
    /// recorded under the GIL's own lock).
    pub fn gil_marks(&self) -> Vec<GilMark> {
        let mut out = Vec::with_capacity(self.gil_marks.count());
        let mut index = 0;
        while let Some(mark) = self.gil_marks.get(index) {
            out.push(*mark);
            index += 1;
        }
        out
    }
}

impl Marker for Recorder {
    fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    fn mark_at(&self, at_ms: f64, lane: u16, activity: Activity, task: Option<u32>) -> f64 {
        self.mark_at_ms(at_ms, lane, activity, task)
    }

    fn beat(&self) {
        self.beats.fetch_add(1, Ordering::Relaxed);
    }

    fn gil(&self, at_ms: f64, lane: u16, event: GilEvent) {
        if self.enabled {
            self.gil_marks.push(GilMark {
                lane,
                at_us: self.us_since_start(at_ms),
                event,
            });
        }
    }
}

#[cfg(test)]
mod tests;

//! What a program's run records beyond its lanes' activities: who each lane
//! is (a Python thread, an asyncio task, in which process), the notes that
//! name what a lane waits for, and the events between lanes (a thread
//! started, a join returned, a message crossed, a line printed).
//!
//! The compare view's runs record none of it; the interpreter records all
//! of it into the same [`Recorder`], so both views share one timeline and
//! one trace format.

use super::{Activity, Mark, Recorder};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// What kind of lane a program's lane is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum LaneKind {
    /// A thread of a process (its main thread included).
    Thread,
    /// An asyncio task, run by the event loop of the thread on `event_loop`.
    Task {
        /// The lane of the thread whose event loop runs the task.
        event_loop: u16,
    },
}

/// Who a lane is, as the program names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LaneInfo {
    /// The lane.
    pub lane: u16,
    /// Its name (`MainThread`, `Thread-1 (work)`, `Task-2`).
    pub name: String,
    /// The process it belongs to (0: the program's own).
    pub process: u16,
    /// Thread or task.
    #[serde(flatten)]
    pub kind: LaneKind,
}

/// A process of a program's run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessInfo {
    /// Its index (0: the program's own process).
    pub process: u16,
    /// Its name (`MainProcess`, `SpawnProcess-1`).
    pub name: String,
    /// Its pid, as `os.getpid()` reports it.
    pub pid: u32,
}

/// What happened at an instant on a lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// The lane printed (the event's text).
    Print,
    /// The lane started another thread, process or task (flow out).
    Start,
    /// The lane began to run (flow in, from its starter).
    Begin,
    /// The lane ended (flow out, to whoever joins it).
    Finish,
    /// A join or await of another lane returned (flow in).
    Join,
    /// The lane handed work to a pool (flow out).
    Submit,
    /// A result or a message left the lane (flow out).
    Send,
    /// A result or a message reached the lane (flow in).
    Receive,
    /// The lane acquired a lock (the event's text names it).
    Acquire,
    /// The lane released a lock.
    Release,
    /// A task was cancelled.
    Cancel,
    /// The run found a deadlock (the event's text says who waits for whom).
    Deadlock,
}

impl EventKind {
    /// The event's name in a trace.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Print => "print",
            EventKind::Start => "start",
            EventKind::Begin => "begin",
            EventKind::Finish => "finish",
            EventKind::Join => "join",
            EventKind::Submit => "submit",
            EventKind::Send => "send",
            EventKind::Receive => "receive",
            EventKind::Acquire => "acquire",
            EventKind::Release => "release",
            EventKind::Cancel => "cancel",
            EventKind::Deadlock => "deadlock",
        }
    }
}

/// One end of an arrow between two lanes: a flow's id, and whether this is
/// where it arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    /// Shared by both ends.
    pub id: u64,
    /// This end is where the arrow points.
    pub arrives: bool,
}

/// One event, as recorded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The lane it happened on.
    pub lane: u16,
    /// Microseconds since the run's start.
    pub at_us: f64,
    /// What happened.
    pub kind: EventKind,
    /// The source line the lane stood on (0: none).
    pub line: u32,
    /// What was printed, what was acquired, what was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The arrow it is an end of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<Flow>,
}

/// The notes of a run: each text once, numbered from 1 (0 is "no note").
#[derive(Debug, Default)]
struct Notes {
    texts: Vec<String>,
    numbers: HashMap<String, u32>,
}

/// A run's program story: kept by the [`Recorder`].
#[derive(Debug, Default)]
pub(super) struct Story {
    lanes: Mutex<Vec<LaneInfo>>,
    processes: Mutex<Vec<ProcessInfo>>,
    notes: Mutex<Notes>,
    pub(super) events: boxcar::Vec<Event>,
    flows: AtomicU64,
}

fn locked<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Recorder {
    /// Says who `info.lane` is; a later call for the same lane replaces it
    /// (a thread renamed by the program).
    pub fn name_lane(&self, info: LaneInfo) {
        let mut lanes = locked(&self.story.lanes);
        match lanes.iter_mut().find(|known| known.lane == info.lane) {
            Some(known) => *known = info,
            None => lanes.push(info),
        }
    }

    /// Says which process `info.process` is.
    pub fn name_process(&self, info: ProcessInfo) {
        let mut processes = locked(&self.story.processes);
        match processes.iter_mut().find(|p| p.process == info.process) {
            Some(known) => *known = info,
            None => processes.push(info),
        }
    }

    /// The number of `text` among the run's notes, added if new.
    pub fn note(&self, text: &str) -> u32 {
        let mut notes = locked(&self.story.notes);
        if let Some(&number) = notes.numbers.get(text) {
            return number;
        }
        notes.texts.push(text.to_string());
        let number = notes.texts.len() as u32;
        notes.numbers.insert(text.to_string(), number);
        number
    }

    /// A new flow id, unique within the recorder.
    pub fn new_flow(&self) -> u64 {
        self.story.flows.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Marks that `lane` starts `activity` at `at_ms` on the shared clock,
    /// standing on source `line`, for the reason `note` names (0: none);
    /// returns the time recorded.
    pub fn state_at(&self, at_ms: f64, lane: u16, activity: Activity, note: u32, line: u32) -> f64 {
        self.push_mark(
            at_ms,
            Mark {
                note,
                line,
                ..Mark::plain(lane, 0.0, activity, None)
            },
        )
    }

    /// Records an event on `lane` at `at_ms` on the shared clock.
    pub fn event_at(
        &self,
        at_ms: f64,
        lane: u16,
        kind: EventKind,
        line: u32,
        text: Option<String>,
        flow: Option<Flow>,
    ) {
        if self.enabled {
            self.story.events.push(Event {
                lane,
                at_us: self.us_since_start(at_ms),
                kind,
                line,
                text,
                flow,
            });
        }
    }

    /// Every lane named so far, by lane.
    pub fn lanes(&self) -> Vec<LaneInfo> {
        let mut lanes = locked(&self.story.lanes).clone();
        lanes.sort_by_key(|info| info.lane);
        lanes
    }

    /// Every process named so far, by index.
    pub fn processes(&self) -> Vec<ProcessInfo> {
        let mut processes = locked(&self.story.processes).clone();
        processes.sort_by_key(|info| info.process);
        processes
    }

    /// The notes so far; note `n` is at index `n - 1`.
    pub fn notes(&self) -> Vec<String> {
        locked(&self.story.notes).texts.clone()
    }

    /// Every event so far, in the order recorded.
    pub fn events(&self) -> Vec<Event> {
        let mut out = Vec::with_capacity(self.story.events.count());
        let mut index = 0;
        while let Some(event) = self.story.events.get(index) {
            out.push(event.clone());
            index += 1;
        }
        out
    }
}

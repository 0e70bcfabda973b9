//! Everything kept about one program's run in Threadline Python: who its
//! lanes are, what each did when, what happened between them, and the GIL's
//! hand-overs. The input of the lab's timeline and of the program's trace.

mod arrows;
mod groups;
mod instants;
mod standing;
mod trace;

pub use arrows::{Arrow, arrow_opacity};
pub use groups::{ProgramGroup, program_groups};
pub use instants::{Instant, InstantKind};
pub use standing::Standing;
pub use trace::program_trace;

use crate::record::{Event, GilMark, LaneInfo, LaneKind, Mark, ProcessInfo, Recorder};
use crate::spans::{Span, spans_from_marks};
use serde::{Deserialize, Serialize};

/// One program's finished (or stopped) run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgramRecord {
    /// The interpreter build it ran on (`gil`, `free-threaded`, `one-core`).
    pub build: String,
    /// Wall-clock time of the run, ms.
    pub wall_ms: f64,
    /// Its threads and tasks.
    pub lanes: Vec<LaneInfo>,
    /// Its processes.
    pub processes: Vec<ProcessInfo>,
    /// Every change of activity.
    pub marks: Vec<Mark>,
    /// Every GIL hand-over and drop request, of every process's GIL.
    pub gil_marks: Vec<GilMark>,
    /// Every event, in the order recorded.
    pub events: Vec<Event>,
    /// The notes marks and spans refer to: note `n` is at index `n - 1`.
    pub notes: Vec<String>,
}

impl ProgramRecord {
    /// What `recorder` holds, for a run on `build` that took `wall_ms`.
    pub fn of(recorder: &Recorder, build: &str, wall_ms: f64) -> Self {
        Self {
            build: build.to_string(),
            wall_ms,
            lanes: recorder.lanes(),
            processes: recorder.processes(),
            marks: recorder.marks(),
            gil_marks: recorder.gil_marks(),
            events: recorder.events(),
            notes: recorder.notes(),
        }
    }

    /// The lanes' intervals; a lane that never marked its end is closed at
    /// the run's end, and its last span says so.
    pub fn spans(&self) -> Vec<Span> {
        spans_from_marks(&self.marks, Some(self.wall_ms * 1000.0))
    }

    /// The text of note `number` (0 and unknown numbers have none).
    pub fn note(&self, number: u32) -> Option<&str> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.notes.get(index).map(String::as_str)
    }

    /// Who `lane` is.
    pub fn lane(&self, lane: u16) -> Option<&LaneInfo> {
        self.lanes.iter().find(|info| info.lane == lane)
    }

    /// The process `lane` belongs to (the program's own, if unknown).
    pub fn process_of(&self, lane: u16) -> u16 {
        self.lane(lane).map_or(0, |info| info.process)
    }

    /// Whether `lane` is an asyncio task.
    pub fn is_task(&self, lane: u16) -> bool {
        matches!(self.lane(lane), Some(info) if matches!(info.kind, LaneKind::Task { .. }))
    }
}

#[cfg(test)]
mod tests;

//! The instants a program's timeline marks on its lanes: each `print`, and
//! on the GIL track each drop request (a waiter asking the holder to let
//! go after the switch interval).

use super::ProgramRecord;
use crate::record::{EventKind, GilEvent};
use crate::spans::GIL_TRACK;

/// What happened at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstantKind {
    /// The lane printed.
    Print,
    /// A waiting thread asked the GIL's holder to drop it.
    DropRequest,
}

/// One instant on one row of a process's group.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Instant {
    /// The process whose group shows it.
    pub process: u16,
    /// Its row: a lane, or [`GIL_TRACK`].
    pub lane: u16,
    /// When, µs since the run's start.
    pub at_us: f64,
    /// What happened.
    pub kind: InstantKind,
}

impl ProgramRecord {
    /// Every print and every GIL drop request, in time order.
    pub fn instants(&self) -> Vec<Instant> {
        let prints = self
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Print)
            .map(|e| Instant {
                process: self.process_of(e.lane),
                lane: e.lane,
                at_us: e.at_us,
                kind: InstantKind::Print,
            });
        let requests = self
            .gil_marks
            .iter()
            .filter(|m| m.event == GilEvent::Requested)
            .map(|m| Instant {
                process: self.process_of(m.lane),
                lane: GIL_TRACK,
                at_us: m.at_us,
                kind: InstantKind::DropRequest,
            });
        let mut all: Vec<Instant> = prints.chain(requests).collect();
        all.sort_by(|a, b| a.at_us.total_cmp(&b.at_us));
        all
    }
}

//! A program's run as timeline groups: one group per process, its threads
//! in the order they started, each thread's asyncio tasks right under it,
//! and under the GIL the process's own GIL-holder track.

use super::ProgramRecord;
use crate::record::{GilMark, LaneKind};
use crate::spans::{GIL_TRACK, Span, gil_holder_spans, spans_from_marks};
use crate::timeline::GroupInput;

/// One process's lanes and intervals.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramGroup {
    /// Its title and named lanes.
    pub input: GroupInput,
    /// Its lanes' intervals (and its GIL track's, under the GIL).
    pub spans: Vec<Span>,
    /// Its pid, as `os.getpid()` reports it.
    pub pid: u32,
    /// Its index among the run's processes (0: the program's own).
    pub process: u16,
}

/// The groups of `record` up to `now_us` (its end, or the present moment of
/// a run in progress).
pub fn program_groups(record: &ProgramRecord, now_us: f64) -> Vec<ProgramGroup> {
    let spans = spans_from_marks(&record.marks, Some(now_us));
    let mut processes = record.processes.clone();
    // A lane may name a process whose own record has not arrived yet.
    for info in &record.lanes {
        if !processes.iter().any(|p| p.process == info.process) {
            processes.push(crate::record::ProcessInfo {
                process: info.process,
                name: format!("process {}", info.process),
                pid: 0,
            });
        }
    }
    processes.sort_by_key(|p| p.process);
    processes
        .iter()
        .map(|process| {
            let lanes = ordered_lanes(record, process.process);
            let mut own: Vec<Span> = spans
                .iter()
                .filter(|s| lanes.iter().any(|(lane, _)| *lane == s.lane))
                .copied()
                .collect();
            let mut shown = lanes;
            if record.build == "gil" {
                let marks: Vec<GilMark> = record
                    .gil_marks
                    .iter()
                    .filter(|m| record.process_of(m.lane) == process.process)
                    .copied()
                    .collect();
                if !marks.is_empty() {
                    own.extend(gil_holder_spans(&marks, now_us));
                    shown.push((GIL_TRACK, "GIL holder".to_string()));
                }
            }
            ProgramGroup {
                input: GroupInput {
                    title: process.name.clone(),
                    lanes: shown,
                    extent_us: now_us,
                },
                spans: own,
                pid: process.pid,
                process: process.process,
            }
        })
        .collect()
}

/// A process's lanes: threads by lane number, each followed by its tasks.
fn ordered_lanes(record: &ProgramRecord, process: u16) -> Vec<(u16, String)> {
    let mut threads: Vec<_> = record
        .lanes
        .iter()
        .filter(|l| l.process == process && l.kind == LaneKind::Thread)
        .collect();
    threads.sort_by_key(|l| l.lane);
    let mut ordered = Vec::new();
    for thread in threads {
        ordered.push((thread.lane, thread.name.clone()));
        let mut tasks: Vec<_> = record
            .lanes
            .iter()
            .filter(|l| {
                l.kind
                    == (LaneKind::Task {
                        event_loop: thread.lane,
                    })
            })
            .collect();
        tasks.sort_by_key(|l| l.lane);
        ordered.extend(tasks.iter().map(|t| (t.lane, t.name.clone())));
    }
    ordered
}

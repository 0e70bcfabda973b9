//! What the timeline shows: the finished modes' spans and the running
//! mode's spans so far.

use crate::engine::Current;
use std::sync::Arc;
use threadline_core::mode::Mode;
use threadline_core::model::Run;
use threadline_core::record::Mark;
use threadline_core::record_set::ModeRecord;
use threadline_core::spans::{Span, spans_from_marks};
use threadline_core::timeline::GroupInput;

/// One mode's lanes and intervals, finished or in progress.
pub struct Group {
    /// Lanes, extent.
    pub input: GroupInput,
    /// The intervals.
    pub spans: std::rc::Rc<Vec<Span>>,
    /// Still running.
    pub live: bool,
    /// Not started yet.
    pub waiting: bool,
    /// Could not run.
    pub unavailable: Option<String>,
}

/// The lanes a mode shows: async shows its event loop and one lane per task.
pub fn lanes_of(mode: Mode, lanes: u16) -> Vec<u16> {
    match mode {
        Mode::Async => (0..=lanes).collect(),
        _ => (0..lanes.max(1)).collect(),
    }
}

/// The running mode's marks read so far (read incrementally, lock-free).
#[derive(Default)]
pub struct LiveMarks {
    run: Option<Arc<Run>>,
    cursor: usize,
    marks: Vec<Mark>,
    /// The earliest time among the marks read by the last call.
    pub earliest_new_us: Option<f64>,
}

impl LiveMarks {
    /// Catches up with `current`'s recorder and returns its spans up to now.
    pub fn spans(&mut self, current: &Current) -> (Vec<Span>, f64) {
        if !self
            .run
            .as_ref()
            .is_some_and(|run| Arc::ptr_eq(run, &current.run))
        {
            *self = LiveMarks {
                run: Some(current.run.clone()),
                ..LiveMarks::default()
            };
        }
        let before = self.marks.len();
        current
            .run
            .recorder
            .read_new(&mut self.cursor, &mut self.marks);
        // A mark timed by a process arrives a little after its time.
        self.earliest_new_us = self.marks[before..]
            .iter()
            .map(|m| m.at_us)
            .reduce(f64::min);
        let now_us = current
            .run
            .wall_ms()
            .unwrap_or_else(|| current.run.recorder.elapsed_ms())
            * 1000.0;
        (spans_from_marks(&self.marks, Some(now_us)), now_us)
    }
}

/// The finished modes' spans, computed once per comparison.
#[derive(Default)]
pub struct FinishedSpans {
    generation: u32,
    spans: Vec<std::rc::Rc<Vec<Span>>>,
}

impl FinishedSpans {
    fn of(
        &mut self,
        generation: u32,
        records: &[ModeRecord],
        index: usize,
    ) -> std::rc::Rc<Vec<Span>> {
        if self.generation != generation {
            *self = FinishedSpans {
                generation,
                spans: Vec::new(),
            };
        }
        while self.spans.len() < records.len() {
            let record = &records[self.spans.len()];
            self.spans.push(std::rc::Rc::new(record.spans()));
        }
        self.spans[index].clone()
    }
}

/// The groups to draw, in the comparison's order.
pub fn groups(
    planned: &[Mode],
    (generation, records): (u32, &[ModeRecord]),
    current: Option<&Current>,
    (live, finished): (&mut LiveMarks, &mut FinishedSpans),
    planned_lanes: impl Fn(Mode) -> u16,
) -> Vec<Group> {
    planned
        .iter()
        .map(|&mode| {
            if let Some(index) = records.iter().position(|r| r.mode == mode) {
                let record = &records[index];
                let lanes = if record.mode == Mode::Async {
                    record.lanes
                } else {
                    record.lanes.max(1)
                };
                return Group {
                    input: GroupInput {
                        mode,
                        lanes: lanes_of(mode, lanes),
                        extent_us: record.wall_ms * 1000.0,
                    },
                    spans: finished.of(generation, records, index),
                    live: false,
                    waiting: false,
                    unavailable: record.unavailable.clone(),
                };
            }
            if let Some(current) = current.filter(|c| c.mode == mode) {
                let (spans, now_us) = live.spans(current);
                let lanes = if mode == Mode::Async {
                    current.lanes.saturating_sub(1)
                } else {
                    current.lanes
                };
                return Group {
                    input: GroupInput {
                        mode,
                        lanes: lanes_of(mode, lanes),
                        extent_us: now_us,
                    },
                    spans: std::rc::Rc::new(spans),
                    live: true,
                    waiting: false,
                    unavailable: None,
                };
            }
            Group {
                input: GroupInput {
                    mode,
                    lanes: lanes_of(mode, planned_lanes(mode)),
                    extent_us: 0.0,
                },
                spans: std::rc::Rc::default(),
                live: false,
                waiting: true,
                unavailable: None,
            }
        })
        .collect()
}

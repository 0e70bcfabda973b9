//! What the timeline shows: the finished modes' intervals and the running
//! mode's intervals so far.

use crate::engine::Current;
use std::rc::Rc;
use std::sync::Arc;
use threadline_core::mode::Mode;
use threadline_core::model::Run;
use threadline_core::record::Mark;
use threadline_core::record_set::ModeRecord;
use threadline_core::spans::{GIL_TRACK, Span, gil_holder_spans, spans_from_marks};
use threadline_core::timeline::GroupInput;

/// One mode's lanes and intervals, finished or in progress.
pub struct Group {
    /// Lanes, extent.
    pub input: GroupInput,
    /// The intervals (with the GIL-holder track's, in `gil`).
    pub spans: Rc<Vec<Span>>,
    /// Still running.
    pub live: bool,
    /// Not started yet.
    pub waiting: bool,
    /// Could not run.
    pub unavailable: Option<String>,
    /// Each task's finish time, µs (finished groups).
    pub finish_times: Rc<Vec<Option<f64>>>,
    /// Tasks finished so far (live groups).
    pub live_done: usize,
    /// Tasks asked for.
    pub tasks: u32,
}

impl Group {
    /// Tasks done by `at_us` (everything when `None`).
    pub fn done_by(&self, at_us: Option<f64>) -> usize {
        if self.live {
            return self.live_done;
        }
        let times = self.finish_times.iter().flatten();
        match at_us {
            Some(at) => times.filter(|&&end| end <= at).count(),
            None => times.count(),
        }
    }
}

/// The lanes a mode shows: async shows its event loop and one lane per
/// task; gil adds a track of who holds the GIL.
pub fn lanes_of(mode: Mode, lanes: u16) -> Vec<u16> {
    match mode {
        Mode::Async => (0..=lanes).collect(),
        Mode::Gil => std::iter::once(GIL_TRACK).chain(0..lanes.max(1)).collect(),
        _ => (0..lanes.max(1)).collect(),
    }
}

/// The spans plus, in `gil`, the GIL-holder track.
pub fn with_gil_track(mode: Mode, mut spans: Vec<Span>) -> Vec<Span> {
    if mode == Mode::Gil {
        let held = gil_holder_spans(&spans);
        spans.extend(held);
    }
    spans
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
    fn spans(&mut self, current: &Current) -> (Vec<Span>, f64) {
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

/// A finished mode's intervals and its tasks' finish times.
type Finished = (Rc<Vec<Span>>, Rc<Vec<Option<f64>>>);

/// The finished modes' intervals, computed once per comparison.
#[derive(Default)]
pub struct FinishedSpans {
    generation: u32,
    spans: Vec<Finished>,
}

impl FinishedSpans {
    fn of(
        &mut self,
        generation: u32,
        records: &[ModeRecord],
        index: usize,
    ) -> (Rc<Vec<Span>>, Rc<Vec<Option<f64>>>) {
        if self.generation != generation {
            *self = FinishedSpans {
                generation,
                spans: Vec::new(),
            };
        }
        while self.spans.len() < records.len() {
            let record = &records[self.spans.len()];
            let spans = with_gil_track(record.mode, record.spans());
            self.spans
                .push((Rc::new(spans), Rc::new(record.finish_times())));
        }
        self.spans[index].clone()
    }
}

/// Where the groups come from.
pub struct Sources<'a> {
    /// The modes of the comparison, in order.
    pub planned: &'a [Mode],
    /// Which comparison.
    pub generation: u32,
    /// Its finished modes.
    pub records: &'a [ModeRecord],
    /// The mode running now.
    pub current: Option<&'a Current>,
    /// Lanes a mode will have, before it runs.
    pub planned_lanes: &'a dyn Fn(Mode) -> u16,
    /// Tasks of the comparison.
    pub tasks: u32,
}

/// The groups to draw, in the comparison's order.
pub fn groups(
    sources: &Sources<'_>,
    live: &mut LiveMarks,
    finished: &mut FinishedSpans,
) -> Vec<Group> {
    sources
        .planned
        .iter()
        .map(|&mode| {
            if let Some(index) = sources.records.iter().position(|r| r.mode == mode) {
                let record = &sources.records[index];
                let lanes = if mode == Mode::Async {
                    record.lanes
                } else {
                    record.lanes.max(1)
                };
                let (spans, finish_times) = finished.of(sources.generation, sources.records, index);
                return Group {
                    input: GroupInput {
                        mode,
                        lanes: lanes_of(mode, lanes),
                        extent_us: record.wall_ms * 1000.0,
                    },
                    spans,
                    live: false,
                    waiting: false,
                    unavailable: record.unavailable.clone(),
                    finish_times,
                    live_done: 0,
                    tasks: record.tasks,
                };
            }
            if let Some(current) = sources.current.filter(|c| c.mode == mode) {
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
                    spans: Rc::new(with_gil_track(mode, spans)),
                    live: true,
                    waiting: false,
                    unavailable: None,
                    finish_times: Rc::default(),
                    live_done: current.run.results.count(),
                    tasks: sources.tasks,
                };
            }
            Group {
                input: GroupInput {
                    mode,
                    lanes: lanes_of(mode, (sources.planned_lanes)(mode)),
                    extent_us: 0.0,
                },
                spans: Rc::default(),
                live: false,
                waiting: true,
                unavailable: None,
                finish_times: Rc::default(),
                live_done: 0,
                tasks: sources.tasks,
            }
        })
        .collect()
}

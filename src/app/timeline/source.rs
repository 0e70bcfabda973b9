//! What the timeline shows: the finished modes' intervals, the mode in
//! progress's intervals so far, and the modes still to run.

use crate::compare::ModeInProgress;
use std::rc::Rc;
use std::sync::Arc;
use threadline_core::lab::View;
use threadline_core::lab::run::LabRun;
use threadline_core::lanes::shown_lanes;
use threadline_core::mode::Mode;
use threadline_core::mode_record::ModeRecord;
use threadline_core::page::PageState;
use threadline_core::program::program_groups;
use threadline_core::program::{Arrow, Instant};
use threadline_core::record::{GilMark, Mark};
use threadline_core::run::Run;
use threadline_core::spans::{Span, gil_holder_spans, spans_from_marks};
use threadline_core::timeline::GroupInput;

/// One group's lanes and intervals, finished, in progress or waiting.
#[derive(Clone)]
pub struct Group {
    /// Lanes, extent.
    pub input: GroupInput,
    /// The intervals (with the GIL-holder track's, in `gil`).
    pub spans: Rc<Vec<Span>>,
    /// Still running.
    pub in_progress: bool,
    /// Not started yet.
    pub waiting: bool,
    /// Could not run.
    pub unavailable: Option<String>,
    /// Each task's finish time, µs (finished groups).
    pub finish_times: Rc<Vec<Option<f64>>>,
    /// Tasks finished so far (groups in progress).
    pub done_so_far: usize,
    /// Tasks asked for (a comparison's groups).
    pub tasks: Option<u32>,
    /// What the title row says beside the title.
    pub note: String,
    /// A Python program's process: its lanes carry their own colours
    /// (the editor's markers and the output's lines use them too).
    pub program: bool,
    /// A program's arrows that leave this group's lanes.
    pub arrows: Rc<Vec<Arrow>>,
    /// A program's prints and GIL drop requests in this group.
    pub instants: Rc<Vec<Instant>>,
}

impl Group {
    /// Tasks done by `at_us` (everything when `None`).
    pub fn done_by(&self, at_us: Option<f64>) -> usize {
        if self.in_progress {
            return self.done_so_far;
        }
        let times = self.finish_times.iter().flatten();
        match at_us {
            Some(at) => times.filter(|&&end| end <= at).count(),
            None => times.count(),
        }
    }
}

/// A run's lane intervals and, in `gil`, who held the GIL, up to `end_us`.
pub fn spans_with_gil_track(
    mode: Mode,
    marks: &[Mark],
    gil_marks: &[GilMark],
    end_us: f64,
) -> Vec<Span> {
    let mut spans = spans_from_marks(marks, Some(end_us));
    if mode == Mode::Gil {
        spans.extend(gil_holder_spans(gil_marks, end_us));
    }
    spans
}

/// The mode in progress's marks, read incrementally and lock-free.
#[derive(Default)]
pub struct MarkReader {
    run: Option<Arc<Run>>,
    cursor: usize,
    marks: Vec<Mark>,
    /// The earliest time among the marks read by the last call.
    pub earliest_new_us: Option<f64>,
}

impl MarkReader {
    /// Catches up with the run's recorder; returns its spans up to now.
    fn spans(&mut self, in_progress: &ModeInProgress) -> (Vec<Span>, f64) {
        let run = &in_progress.run;
        if !self.run.as_ref().is_some_and(|r| Arc::ptr_eq(r, run)) {
            *self = MarkReader {
                run: Some(run.clone()),
                ..MarkReader::default()
            };
        }
        let before = self.marks.len();
        run.recorder.read_new(&mut self.cursor, &mut self.marks);
        // A mark timed by a process arrives a little after its time.
        self.earliest_new_us = self.marks[before..]
            .iter()
            .map(|m| m.at_us)
            .reduce(f64::min);
        let now_us = run.wall_ms().unwrap_or_else(|| run.recorder.elapsed_ms()) * 1000.0;
        let gil_marks = run.recorder.gil_marks();
        let spans = spans_with_gil_track(in_progress.mode, &self.marks, &gil_marks, now_us);
        (spans, now_us)
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
    fn of(&mut self, generation: u32, records: &[ModeRecord], index: usize) -> Finished {
        if self.generation != generation {
            *self = FinishedSpans {
                generation,
                spans: Vec::new(),
            };
        }
        while self.spans.len() < records.len() {
            let record = &records[self.spans.len()];
            let spans = spans_with_gil_track(
                record.mode,
                &record.marks,
                &record.gil_marks,
                record.wall_ms * 1000.0,
            );
            self.spans
                .push((Rc::new(spans), Rc::new(record.finish_times())));
        }
        self.spans[index].clone()
    }
}

fn finished(record: &ModeRecord, (spans, finish_times): Finished) -> Group {
    Group {
        input: GroupInput::of_mode(
            record.mode,
            shown_lanes(record.mode, record.lanes),
            record.wall_ms * 1000.0,
        ),
        spans,
        in_progress: false,
        waiting: false,
        unavailable: record.unavailable.clone(),
        finish_times,
        done_so_far: 0,
        tasks: Some(record.tasks),
        note: record.mode.python().to_string(),
        program: false,
        arrows: Rc::default(),
        instants: Rc::default(),
    }
}

/// The groups to draw, in the comparison's order.
pub fn groups(
    state: &PageState,
    in_progress: Option<&ModeInProgress>,
    reader: &mut MarkReader,
    cache: &mut FinishedSpans,
) -> Vec<Group> {
    let records = &state.records;
    let tasks = state.shown.tasks;
    state
        .shown
        .modes
        .iter()
        .map(|&mode| {
            if let Some(index) = records.iter().position(|r| r.mode == mode) {
                return finished(&records[index], cache.of(state.generation, records, index));
            }
            let waiting_lanes = shown_lanes(mode, state.planned_lanes(mode));
            let (lanes, spans, extent_us, done_so_far) =
                match in_progress.filter(|p| p.mode == mode) {
                    Some(current) => {
                        let (spans, now_us) = reader.spans(current);
                        let done = current.run.results.count();
                        (
                            shown_lanes(mode, current.lanes),
                            Rc::new(spans),
                            now_us,
                            done,
                        )
                    }
                    None => (waiting_lanes, Rc::default(), 0.0, 0),
                };
            let running = extent_us > 0.0 || in_progress.is_some_and(|p| p.mode == mode);
            Group {
                input: GroupInput::of_mode(mode, lanes, extent_us),
                spans,
                in_progress: running,
                waiting: !running,
                unavailable: None,
                finish_times: Rc::default(),
                done_so_far,
                tasks: Some(tasks),
                note: mode.python().to_string(),
                program: false,
                arrows: Rc::default(),
                instants: Rc::default(),
            }
        })
        .collect()
}

/// The lab's last run as groups (one per process), computed once per run,
/// with the notes its intervals refer to.
#[derive(Default)]
pub struct LabGroups {
    run: Option<Rc<LabRun>>,
    groups: Vec<Group>,
    notes: Rc<Vec<String>>,
}

impl LabGroups {
    /// The groups and notes of the run the lab shows.
    fn of(&mut self, run: Option<&Rc<LabRun>>) -> (Vec<Group>, Rc<Vec<String>>) {
        let same = match (&self.run, run) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.run = run.cloned();
            let record = run.and_then(|r| r.record.as_ref());
            self.notes = Rc::new(record.map(|r| r.notes.clone()).unwrap_or_default());
            self.groups = record.map_or_else(Vec::new, |record| {
                let arrows = record.arrows();
                let instants = record.instants();
                program_groups(record, record.wall_ms * 1000.0)
                    .into_iter()
                    .map(|group| Group {
                        instants: Rc::new(
                            instants
                                .iter()
                                .filter(|i| i.process == group.process)
                                .copied()
                                .collect(),
                        ),
                        arrows: Rc::new(
                            arrows
                                .iter()
                                .filter(|a| group.input.lanes.iter().any(|(l, _)| *l == a.from.0))
                                .copied()
                                .collect(),
                        ),
                        note: format!("pid {} · {}", group.pid, record.build),
                        input: group.input,
                        spans: Rc::new(group.spans),
                        in_progress: false,
                        waiting: false,
                        unavailable: None,
                        finish_times: Rc::default(),
                        done_so_far: 0,
                        tasks: None,
                        program: true,
                    })
                    .collect()
            });
        }
        (self.groups.clone(), self.notes.clone())
    }
}

/// The lab's run the timeline shows: the last one, if it recorded lanes.
pub fn shown_lab_run(state: &PageState) -> Option<&Rc<LabRun>> {
    state
        .lab_run
        .as_ref()
        .filter(|run| run.record.as_ref().is_some_and(|r| !r.lanes.is_empty()))
}

/// What the timeline draws for `state`: the comparison's modes, or in the
/// lab its program's processes; and the notes of a program's intervals.
pub fn shown_groups(
    state: &PageState,
    in_progress: Option<&ModeInProgress>,
    reader: &mut MarkReader,
    cache: &mut FinishedSpans,
    lab: &mut LabGroups,
) -> (Vec<Group>, Rc<Vec<String>>) {
    if state.params.view == View::Lab {
        lab.of(shown_lab_run(state))
    } else {
        (groups(state, in_progress, reader, cache), Rc::default())
    }
}

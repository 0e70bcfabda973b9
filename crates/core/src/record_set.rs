//! Everything kept about one mode's run: the input to summaries, the trace
//! and the timeline.

use crate::digest::{Digest, to_hex};
use crate::mode::Mode;
use crate::model::TaskResult;
use crate::record::{Activity, Mark};
use crate::spans::{Span, spans_from_marks};
use crate::workload::Workload;
use serde::{Deserialize, Serialize};

/// One mode's finished (or cancelled, or impossible) run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModeRecord {
    /// The mode.
    pub mode: Mode,
    /// What each task did.
    pub workload: Workload,
    /// How many tasks were asked for.
    pub tasks: u32,
    /// How many lanes the mode had (threads, processes, async tasks).
    pub lanes: u16,
    /// Why the mode could not run here, if it could not.
    pub unavailable: Option<String>,
    /// Whether the run was cancelled.
    pub cancelled: bool,
    /// Whether I/O waited on timers because no service worker answered.
    pub simulated_io: bool,
    /// When the mode started, ms after the comparison started.
    pub offset_ms: f64,
    /// Wall-clock time of the run, ms.
    pub wall_ms: f64,
    /// Every change of activity.
    pub marks: Vec<Mark>,
    /// Every task that ended, in completion order.
    pub results: Vec<TaskResult>,
}

impl ModeRecord {
    /// A mode that could not run here.
    pub fn unavailable(mode: Mode, workload: Workload, tasks: u32, reason: String) -> Self {
        Self {
            mode,
            workload,
            tasks,
            lanes: 0,
            unavailable: Some(reason),
            cancelled: false,
            simulated_io: false,
            offset_ms: 0.0,
            wall_ms: 0.0,
            marks: Vec::new(),
            results: Vec::new(),
        }
    }

    /// The lanes' intervals.
    pub fn spans(&self) -> Vec<Span> {
        spans_from_marks(&self.marks, Some(self.wall_ms * 1000.0))
    }

    /// Whether `lane` runs tasks (in `async`, lane 0 is the event loop
    /// itself, whose work is its tasks' work).
    pub fn is_task_lane(&self, lane: u16) -> bool {
        !(self.mode == Mode::Async && lane == 0)
    }

    /// The checksum of the results: task index and digest of every task
    /// that finished, in index order, so that it does not depend on the order
    /// tasks completed in.
    pub fn checksum(&self) -> String {
        let mut done: Vec<(u32, u64)> = self
            .results
            .iter()
            .filter_map(|r| r.outcome.as_ref().ok().map(|o| (r.index, o.digest)))
            .collect();
        done.sort_unstable();
        let mut digest = Digest::default();
        for (index, value) in done {
            digest.write_u64(u64::from(index));
            digest.write_u64(value);
        }
        to_hex(digest.finish())
    }

    /// Tasks in the order they finished, as `as_completed` yields them.
    pub fn completion_order(&self) -> Vec<u32> {
        self.results.iter().map(|r| r.index).collect()
    }

    /// When each finished task's last interval ended (its result was in
    /// hand), µs, by task index: what a replay uses to show results as the
    /// playhead passes them.
    pub fn finish_times(&self) -> Vec<Option<f64>> {
        let mut times = vec![None; self.tasks as usize];
        let finished: std::collections::HashSet<u32> =
            self.results.iter().map(|r| r.index).collect();
        for span in self.spans() {
            if let Some(task) = span.task.filter(|t| finished.contains(t))
                && let Some(slot) = times.get_mut(task as usize)
            {
                *slot = Some(slot.map_or(span.end_us, |end: f64| end.max(span.end_us)));
            }
        }
        times
    }

    /// Tasks finished by `at_us`.
    pub fn done_by(&self, at_us: f64) -> usize {
        self.finish_times()
            .iter()
            .flatten()
            .filter(|&&end| end <= at_us)
            .count()
    }

    /// Whether any lane did this activity.
    pub fn has(&self, activity: Activity) -> bool {
        self.marks.iter().any(|m| m.activity == activity)
    }
}

//! Everything kept about one mode's run: the input to summaries, the trace
//! and the timeline.

use crate::digest::{Digest, to_hex};
use crate::mode::Mode;
use crate::record::{GilMark, Mark};
use crate::run::{Run, TaskResult};
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
    /// Why the mode failed as a whole (a crashed worker, a run that stopped
    /// making progress), if it did.
    #[serde(default)]
    pub failure: Option<String>,
    /// Whether I/O waited on timers because no service worker answered.
    pub simulated_io: bool,
    /// When the mode started, ms after the comparison started.
    pub offset_ms: f64,
    /// Wall-clock time of the run, ms.
    pub wall_ms: f64,
    /// Every change of activity.
    pub marks: Vec<Mark>,
    /// Every GIL hand-over and drop request (`gil` mode).
    #[serde(default)]
    pub gil_marks: Vec<GilMark>,
    /// Every task that ended, in completion order.
    pub results: Vec<TaskResult>,
}

impl ModeRecord {
    /// The record of `run`, over or cancelled: its marks, GIL events and
    /// results as recorded, its wall time from the end of its last lane (or
    /// now, if a lane never ended). `simulated` says whether its I/O waited
    /// on timers; the record says so only if the workload did I/O.
    pub fn of_run(mode: Mode, run: &Run, lanes: u16, simulated: bool) -> Self {
        let job = run.job;
        Self {
            mode,
            workload: job.workload,
            tasks: job.tasks,
            lanes,
            unavailable: None,
            cancelled: run.cancel.is_cancelled(),
            failure: None,
            simulated_io: simulated && job.workload.does_io(),
            offset_ms: 0.0,
            wall_ms: run.wall_ms().unwrap_or_else(|| run.recorder.elapsed_ms()),
            marks: run.recorder.marks(),
            gil_marks: run.recorder.gil_marks(),
            results: run.results_so_far(),
        }
    }

    /// A mode that could not run here, with the `lanes` it would have had.
    pub fn unavailable(
        mode: Mode,
        workload: Workload,
        tasks: u32,
        lanes: u16,
        reason: String,
    ) -> Self {
        Self {
            mode,
            workload,
            tasks,
            lanes,
            unavailable: Some(reason),
            cancelled: false,
            failure: None,
            simulated_io: false,
            offset_ms: 0.0,
            wall_ms: 0.0,
            marks: Vec::new(),
            gil_marks: Vec::new(),
            results: Vec::new(),
        }
    }

    /// The lanes' intervals; a lane that never marked its end is closed at
    /// the run's end, and its last span says so.
    pub fn spans(&self) -> Vec<Span> {
        spans_from_marks(&self.marks, Some(self.wall_ms * 1000.0))
    }

    /// Whether `lane` runs tasks (in `async`, lane 0 is the event loop).
    pub fn is_task_lane(&self, lane: u16) -> bool {
        crate::lanes::is_task_lane(self.mode, lane)
    }

    /// The checksum of the results: task index and digest of every task
    /// that finished, in index order, so that it does not depend on the order
    /// tasks completed in.
    pub fn checksum(&self) -> String {
        checksum(&self.results)
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

    /// Whether task `index` had finished by `until_us` (`None`: by the end),
    /// given the run's [`ModeRecord::finish_times`].
    pub fn finished_by(finish_times: &[Option<f64>], index: u32, until_us: Option<f64>) -> bool {
        let end = finish_times.get(index as usize).copied().flatten();
        match (end, until_us) {
            (Some(end), Some(until)) => end <= until,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Tasks finished by `at_us`.
    pub fn done_by(&self, at_us: f64) -> usize {
        self.finish_times()
            .iter()
            .flatten()
            .filter(|&&end| end <= at_us)
            .count()
    }
}

/// The checksum of finished tasks: task index and digest of every task that
/// finished, in index order, so that it does not depend on the order tasks
/// completed in.
pub fn checksum(results: &[TaskResult]) -> String {
    let mut done: Vec<(u32, u64)> = results
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::TaskOutput;

    fn done(index: u32, digest: u64) -> TaskResult {
        TaskResult {
            index,
            lane: 0,
            outcome: Ok(TaskOutput {
                index,
                digest,
                summary: String::new(),
                artifact: crate::task::Artifact::None,
            }),
        }
    }

    #[test]
    fn the_checksum_ignores_completion_order_and_failures_but_not_which_task_gave_what() {
        let a = checksum(&[done(0, 7), done(1, 9)]);
        assert_eq!(a, checksum(&[done(1, 9), done(0, 7)]));
        let failed = TaskResult {
            index: 2,
            lane: 0,
            outcome: Err("HTTP 503".into()),
        };
        assert_eq!(a, checksum(&[done(1, 9), failed, done(0, 7)]));
        assert_ne!(a, checksum(&[done(0, 9), done(1, 7)]));
        assert_eq!(a.len(), 16);
    }
}

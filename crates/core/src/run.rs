//! One run of one mode: the job, the queue of its tasks, the recorder, the
//! cancel flag, the GIL if there is one, and the results, shared by every
//! lane of the run.

use crate::cancel::CancelToken;
use crate::clock::Clock;
use crate::faults::Faults;
use crate::gil::Gil;
use crate::record::{Activity, Marker, Recorder};
use crate::task::{TaskOutput, TaskSpec};
use crate::workload::Workload;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};

/// What a run of one mode does: the same for every mode of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// What each task does.
    pub workload: Workload,
    /// How many tasks.
    pub tasks: u32,
    /// CPU size of one task.
    pub work: u32,
    /// Faults injected on purpose (none, unless a test asks).
    pub faults: Faults,
}

impl Job {
    /// `tasks` tasks of `workload`, each of CPU size `work`.
    pub fn new(workload: Workload, tasks: u32, work: u32) -> Self {
        Self {
            workload,
            tasks,
            work,
            faults: Faults::default(),
        }
    }

    /// The spec of task `index`.
    pub fn task(&self, index: u32) -> TaskSpec {
        TaskSpec {
            workload: self.workload,
            index,
            tasks: self.tasks,
            work: self.work,
            fault: self.faults.of(index),
        }
    }
}

/// How one task ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskResult {
    /// The task's index.
    pub index: u32,
    /// The lane that ran it.
    pub lane: u16,
    /// Its output, or why it failed.
    pub outcome: Result<TaskOutput, String>,
}

/// Everything the lanes of one run share.
#[derive(Debug)]
pub struct Run {
    /// What to do.
    pub job: Job,
    /// Where marks go.
    pub recorder: Recorder,
    /// Set to stop the run.
    pub cancel: CancelToken,
    /// The GIL, in the `gil` model.
    pub gil: Option<Gil>,
    /// Finished tasks, in completion order.
    pub results: boxcar::Vec<TaskResult>,
    next_task: AtomicU32,
    lanes: usize,
    lanes_ended: AtomicUsize,
    /// When the last lane ended (f64 bits, ms since the run's start).
    ended_at: AtomicU64,
}

impl Run {
    /// A run of `job` on `lanes` lanes, its clock starting now.
    pub fn new(
        job: Job,
        lanes: usize,
        clock: Arc<dyn Clock>,
        record: bool,
        gil: Option<Gil>,
    ) -> Self {
        Self {
            job,
            recorder: Recorder::start(clock, record),
            cancel: CancelToken::default(),
            gil,
            results: boxcar::Vec::new(),
            next_task: AtomicU32::new(0),
            lanes,
            lanes_ended: AtomicUsize::new(0),
            ended_at: AtomicU64::new(f64::NAN.to_bits()),
        }
    }

    /// The next task to run, like a worker taking from an executor's queue.
    pub fn take_task(&self) -> Option<u32> {
        if self.cancel.is_cancelled() {
            return None;
        }
        let index = self.next_task.fetch_add(1, Ordering::AcqRel);
        (index < self.job.tasks).then_some(index)
    }

    /// Records a finished task.
    pub fn finish_task(&self, lane: u16, index: u32, outcome: Result<TaskOutput, String>) {
        self.results.push(TaskResult {
            index,
            lane,
            outcome,
        });
    }

    /// Ends `lane`; returns `true` for the last lane to end, whose end is the
    /// run's end.
    pub fn end_lane(&self, lane: u16) -> bool {
        let end = if self.cancel.is_cancelled() {
            Activity::Cancelled
        } else {
            Activity::Done
        };
        self.recorder.mark(lane, end, None);
        let last = self.lanes_ended.fetch_add(1, Ordering::AcqRel) + 1 == self.lanes;
        if last {
            self.ended_at
                .store(self.recorder.elapsed_ms().to_bits(), Ordering::Release);
        }
        last
    }

    /// Whether every lane has ended.
    pub fn is_over(&self) -> bool {
        self.lanes_ended.load(Ordering::Acquire) == self.lanes
    }

    /// Milliseconds from the start to the end of the last lane, once over.
    pub fn wall_ms(&self) -> Option<f64> {
        let ms = f64::from_bits(self.ended_at.load(Ordering::Acquire));
        (!ms.is_nan()).then_some(ms)
    }

    /// Every result so far, lock-free.
    pub fn results_so_far(&self) -> Vec<TaskResult> {
        let mut out = Vec::with_capacity(self.results.count());
        let mut index = 0;
        while let Some(result) = self.results.get(index) {
            out.push(result.clone());
            index += 1;
        }
        out
    }
}

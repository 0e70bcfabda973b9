//! The machinery every execution model shares: a queue of tasks, lanes that
//! take tasks from it, and the code that drives one task's CPU slices while
//! recording what the lane does.
//!
//! Threads, threads under the GIL, and the native sequential model run
//! [`run_lane`] on each of their threads with blocking I/O. The browser's
//! sequential, async and process models drive tasks with [`drive_cpu`] and do
//! their I/O their own way.

use crate::cancel::CancelToken;
use crate::clock::Clock;
use crate::gil::Gil;
use crate::record::{Activity, Marker, Recorder};
use crate::task::{Advance, Task, TaskOutput, TaskSpec};
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
}

impl Job {
    /// The spec of task `index`.
    pub fn task(&self, index: u32) -> TaskSpec {
        TaskSpec {
            workload: self.workload,
            index,
            tasks: self.tasks,
            work: self.work,
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

/// I/O that blocks the calling thread, as `requests.get` blocks a Python
/// thread.
pub trait BlockingIo: Sync {
    /// The bytes of resource `index`, or why they could not be had. Returns
    /// early (with an error) once `cancel` fires.
    fn fetch(&self, index: u32, cancel: &CancelToken) -> Result<Vec<u8>, String>;
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

/// Where a task's CPU stretch stopped.
#[derive(Debug)]
pub enum Driven {
    /// It needs resource `index`.
    NeedsResource(u32),
    /// It finished.
    Finished(TaskOutput),
    /// It failed.
    Failed(String),
    /// The run was cancelled between slices.
    Cancelled,
}

/// Runs `task`'s CPU slices on `lane` until it finishes or needs I/O,
/// holding the GIL throughout if there is one (and switching when asked).
///
/// Marks `Cpu` (and `WaitGil`) as it goes, and marks what follows before it
/// lets go of the GIL: `Io` when the task needs a resource, `then` when it
/// finished, failed or was cancelled. Marking after the release would let
/// the next holder's `Cpu` mark come first, and the trace would show two
/// threads computing at once under the GIL.
pub fn drive_cpu(
    task: &mut Task,
    lane: u16,
    marker: &impl Marker,
    cancel: &CancelToken,
    gil: Option<&Gil>,
    then: Activity,
) -> Driven {
    let index = task.spec().index;
    let clock = marker.clock();
    let wait_gil = || marker.mark(lane, Activity::WaitGil, Some(index));
    let floor = gil.map_or(f64::MIN, |gil| gil.acquire(lane, clock, wait_gil));
    marker.mark_after(floor, lane, Activity::Cpu, Some(index));
    let driven = loop {
        if cancel.is_cancelled() {
            break Driven::Cancelled;
        }
        match task.advance() {
            Advance::Working => {
                if let Some(gil) = gil.filter(|gil| gil.switch_due(clock)) {
                    let floor = gil.switch(lane, clock, wait_gil);
                    marker.mark_after(floor, lane, Activity::Cpu, Some(index));
                }
            }
            Advance::NeedsResource(resource) => break Driven::NeedsResource(resource),
            Advance::Finished(output) => break Driven::Finished(output),
            Advance::Failed(why) => break Driven::Failed(why),
        }
    };
    let marked_ms = match driven {
        Driven::NeedsResource(_) => marker.mark(lane, Activity::Io, Some(index)),
        _ => marker.mark(lane, then, None),
    };
    if let Some(gil) = gil {
        gil.release(lane, clock, marked_ms);
    }
    driven
}

/// Runs one task to its end on `lane` with blocking I/O. `None` if cancelled.
fn run_task_blocking(
    run: &Run,
    lane: u16,
    index: u32,
    io: &dyn BlockingIo,
) -> Option<Result<TaskOutput, String>> {
    let mut task = Task::new(run.job.task(index));
    loop {
        let driven = drive_cpu(
            &mut task,
            lane,
            &run.recorder,
            &run.cancel,
            run.gil.as_ref(),
            Activity::Idle,
        );
        match driven {
            Driven::NeedsResource(resource) => {
                let fetched = io.fetch(resource, &run.cancel);
                if run.cancel.is_cancelled() {
                    return None;
                }
                task.deliver(fetched);
            }
            Driven::Finished(output) => return Some(Ok(output)),
            Driven::Failed(why) => return Some(Err(why)),
            Driven::Cancelled => return None,
        }
    }
}

/// One worker thread of a pool: takes tasks until the queue is empty or the
/// run is cancelled, then ends its lane. Returns `true` on the last lane to
/// end.
pub fn run_lane(run: &Run, lane: u16, io: &dyn BlockingIo) -> bool {
    run.recorder.mark(lane, Activity::Idle, None);
    while let Some(index) = run.take_task() {
        let Some(outcome) = run_task_blocking(run, lane, index, io) else {
            break;
        };
        run.finish_task(lane, index, outcome);
    }
    run.end_lane(lane)
}

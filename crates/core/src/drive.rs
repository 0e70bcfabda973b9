//! Driving tasks on lanes: the one loop every execution model runs.
//!
//! [`drive_cpu`] runs a task's CPU slices on a lane, under the GIL if there
//! is one, marking what the lane does. [`drive_task`] runs a whole task,
//! doing its I/O through a [`TaskIo`]: awaited on an event loop (`seq`,
//! `async`, a process) or blocking a thread ([`run_lane`], for `threads`
//! and `gil`).

use crate::cancel::CancelToken;
use crate::gil::Gil;
use crate::record::{Activity, Marker};
use crate::run::Run;
use crate::task::{Advance, Task, TaskOutput, TaskSpec};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Where a task's CPU stretch stopped.
#[derive(Debug)]
pub enum Driven {
    /// It needs resource `index`.
    NeedsResource(u32),
    /// It finished.
    Finished(TaskOutput),
    /// It failed.
    Failed(String),
    /// The run was cancelled (or its GIL abandoned) between slices.
    Cancelled,
}

/// Where a lane is and what it may use: everything [`drive_cpu`] needs
/// besides the task.
pub struct Lane<'a, M: Marker + ?Sized> {
    /// The lane's number in its mode.
    pub lane: u16,
    /// Where its marks go.
    pub marker: &'a M,
    /// The run's cancel flag.
    pub cancel: &'a CancelToken,
    /// The GIL, in the `gil` model.
    pub gil: Option<&'a Gil>,
}

/// Runs `task`'s CPU slices on the lane until it finishes or needs I/O,
/// holding the GIL throughout if there is one and dropping it when a waiter
/// asks, at the check between slices.
///
/// Marks `Cpu` (and `WaitGil`) as it goes, and marks what follows before it
/// lets go of the GIL: `Io` when the task needs a resource, `then` when it
/// finished, failed or was cancelled. Marking after the release would let
/// the next holder's `Cpu` mark come first, and the trace would show two
/// threads computing at once under the GIL.
pub fn drive_cpu<M: Marker + ?Sized>(task: &mut Task, at: &Lane<'_, M>, then: Activity) -> Driven {
    let (lane, marker) = (at.lane, at.marker);
    let index = task.spec().index;
    let wait_gil = || marker.mark(lane, Activity::WaitGil, Some(index));
    let floor = match at.gil.map(|gil| gil.take(lane, marker, wait_gil)) {
        Some(Err(_)) => return Driven::Cancelled,
        Some(Ok(floor)) => floor,
        None => f64::MIN,
    };
    marker.mark_after(floor, lane, Activity::Cpu, Some(index));
    let driven = loop {
        if at.cancel.is_cancelled() {
            break Driven::Cancelled;
        }
        marker.beat();
        match task.advance() {
            Advance::Working => {
                let Some(gil) = at.gil.filter(|gil| gil.drop_requested()) else {
                    continue;
                };
                match gil.yield_on_request(lane, marker, wait_gil) {
                    Ok(floor) => marker.mark_after(floor, lane, Activity::Cpu, Some(index)),
                    Err(_) => return Driven::Cancelled,
                };
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
    if let Some(gil) = at.gil {
        // Abandoned while handing over: the lane stops anyway.
        let _ = gil.release(lane, marker, marked_ms);
    }
    driven
}

/// How a driver does a task's I/O, and when the task may compute.
pub trait TaskIo {
    /// Held while the task computes a stretch; dropped when it stops.
    type Turn;

    /// The bytes of resource `index`, or why they could not be had.
    fn fetch(&mut self, index: u32) -> impl Future<Output = Result<Vec<u8>, String>>;

    /// Waits for the task's turn to compute: an event loop hands out one
    /// turn at a time, as asyncio's loop runs one ready callback after
    /// another, and lets the browser run between turns.
    fn turn(&mut self) -> impl Future<Output = Self::Turn>;
}

/// Runs task `spec` to its end on the lane, fetching through `io`. `then`
/// is what the lane does once the task is over. `None` if cancelled.
pub async fn drive_task<M: Marker + ?Sized>(
    spec: TaskSpec,
    at: &Lane<'_, M>,
    then: Activity,
    io: &mut impl TaskIo,
) -> Option<Result<TaskOutput, String>> {
    let mut task = Task::new(spec);
    loop {
        let turn = io.turn().await;
        if at.cancel.is_cancelled() {
            return None;
        }
        let driven = drive_cpu(&mut task, at, then);
        drop(turn);
        match driven {
            Driven::NeedsResource(resource) => {
                let fetched = io.fetch(resource).await;
                if at.cancel.is_cancelled() {
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

/// I/O that blocks the calling thread, as `requests.get` blocks a Python
/// thread.
pub trait BlockingIo: Sync {
    /// The bytes of resource `index`, or why they could not be had. Returns
    /// early (with an error) once `cancel` fires.
    fn fetch(&self, index: u32, cancel: &CancelToken) -> Result<Vec<u8>, String>;
}

/// Blocking I/O seen as a [`TaskIo`] whose futures are ready at once.
struct Blocking<'a> {
    io: &'a dyn BlockingIo,
    cancel: &'a CancelToken,
}

impl TaskIo for Blocking<'_> {
    /// A thread computes whenever it can.
    type Turn = ();

    fn fetch(&mut self, index: u32) -> impl Future<Output = Result<Vec<u8>, String>> {
        std::future::ready(self.io.fetch(index, self.cancel))
    }

    fn turn(&mut self) -> impl Future<Output = ()> {
        std::future::ready(())
    }
}

/// Runs a future that never waits (all its I/O blocks instead) to its end.
fn run_ready<F: Future>(future: F) -> Option<F::Output> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// One worker thread of a pool: takes tasks until the queue is empty or the
/// run is cancelled, then ends its lane. Returns `true` on the last lane to
/// end.
pub fn run_lane(run: &Run, lane: u16, io: &dyn BlockingIo) -> bool {
    let at = Lane {
        lane,
        marker: &run.recorder,
        cancel: &run.cancel,
        gil: run.gil.as_ref(),
    };
    let mut blocking = Blocking {
        io,
        cancel: &run.cancel,
    };
    run.recorder.mark(lane, Activity::Idle, None);
    while let Some(index) = run.take_task() {
        let driven = drive_task(run.job.task(index), &at, Activity::Idle, &mut blocking);
        let Some(Some(outcome)) = run_ready(driven) else {
            break;
        };
        run.finish_task(lane, index, outcome);
    }
    run.end_lane(lane)
}

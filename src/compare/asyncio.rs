//! `async`: every task is a future on the main thread's event loop, all
//! started at once and awaited together (`asyncio.gather`). Downloads
//! overlap; CPU work runs on the one thread and blocks the loop meanwhile,
//! one task's stretch at a time with the browser's turn in between, as
//! asyncio's loop runs one ready callback after another.

use super::ModeRun;
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use std::rc::Rc;
use threadline_core::clock::Clock;
use threadline_core::drive::{Lane, drive_task};
use threadline_core::record::{Activity, GilEvent, Marker, Recorder};
use threadline_web::net::AwaitedIo;
use threadline_web::turns::Turns;

/// The event loop's own lane; task `i` is lane `i + 1`.
const LOOP: u16 = 0;

/// Marks on a task's lane and mirrors them on the loop's: while a task's
/// coroutine computes, the loop is busy with it; otherwise the loop is idle.
struct OnTheLoop<'a>(&'a Recorder);

impl Marker for OnTheLoop<'_> {
    fn clock(&self) -> &dyn Clock {
        self.0.clock()
    }

    fn mark_at(&self, at_ms: f64, lane: u16, activity: Activity, task: Option<u32>) -> f64 {
        let at = self.0.mark_at(at_ms, lane, activity, task);
        let (busy, with) = match activity {
            Activity::Cpu => (Activity::Cpu, task),
            _ => (Activity::Idle, None),
        };
        self.0.mark_at(at, LOOP, busy, with)
    }

    fn gil(&self, at_ms: f64, lane: u16, event: GilEvent) {
        self.0.gil(at_ms, lane, event);
    }

    fn beat(&self) {
        self.0.beat();
    }
}

/// Starts every task's future and drives them to completion on this thread.
pub async fn run(mode_run: &ModeRun<'_>) -> Result<(), String> {
    let run = &mode_run.run;
    let abort = mode_run.abort_on_cancel()?;
    let marker = OnTheLoop(&run.recorder);
    let turns = Rc::new(Turns::default());
    run.recorder.mark(LOOP, Activity::Idle, None);
    let tasks = (0..run.job.tasks).map(|index| {
        let lane = index as u16 + 1;
        run.recorder.mark(lane, Activity::Idle, Some(index));
        let mut io = AwaitedIo {
            plan: mode_run.plan.clone(),
            abort: Some(abort.clone()),
            turns: Some(turns.clone()),
        };
        let marker = &marker;
        async move {
            let at = Lane {
                lane,
                marker,
                cancel: &run.cancel,
                gil: None,
            };
            match drive_task(run.job.task(index), &at, Activity::Done, &mut io).await {
                Some(outcome) => run.finish_task(lane, index, outcome),
                None => {
                    run.recorder.mark(lane, Activity::Cancelled, None);
                }
            }
        }
    });
    let mut pending: FuturesUnordered<_> = tasks.collect();
    // Completion order is recorded as each future finishes (as_completed).
    while pending.next().await.is_some() {}
    run.recorder.mark(LOOP, Activity::Idle, None);
    run.end_lane(LOOP);
    Ok(())
}

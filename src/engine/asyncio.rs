//! `async`: every task is a future on the main thread's event loop, all
//! started at once and awaited together (`asyncio.gather`). Downloads
//! overlap; CPU work runs on the one thread and blocks the loop meanwhile.

use super::{ModeContext, io};
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use std::sync::Arc;
use threadline_core::model::{Driven, Run, drive_cpu};
use threadline_core::record::{Activity, Marker};
use threadline_core::record_set::ModeRecord;
use threadline_core::task::Task;

/// The event loop's own lane; task `i` is lane `i + 1`.
const LOOP: u16 = 0;

async fn task_future(
    run: Arc<Run>,
    context_plan: threadline_core::io::IoPlan,
    index: u32,
    signal: web_sys::AbortSignal,
) {
    let lane = index as u16 + 1;
    let mut task = Task::new(run.job.task(index));
    let outcome = loop {
        // The coroutine runs on the loop: the loop's lane is busy with it.
        run.recorder.mark(LOOP, Activity::Cpu, Some(index));
        let driven = drive_cpu(
            &mut task,
            lane,
            &run.recorder,
            &run.cancel,
            None,
            Activity::Done,
        );
        run.recorder.mark(LOOP, Activity::Idle, None);
        match driven {
            Driven::NeedsResource(resource) => {
                task.deliver(io::fetch(&context_plan, resource, &signal).await)
            }
            Driven::Finished(output) => break Some(Ok(output)),
            Driven::Failed(why) => break Some(Err(why)),
            Driven::Cancelled => break None,
        }
        if run.cancel.is_cancelled() {
            break None;
        }
    };
    match outcome {
        Some(outcome) => run.finish_task(lane, index, outcome),
        None => {
            run.recorder.mark(lane, Activity::Cancelled, None);
        }
    }
}

/// Starts every task's future and drives them to completion on this thread.
pub async fn run(context: &ModeContext<'_>) -> ModeRecord {
    let tasks = context.job.tasks;
    let lanes = tasks as u16 + 1;
    // Only the loop's lane counts for the end: tasks end inside their futures.
    let run = context.start_run(lanes, 1, None);
    let Ok(abort) = web_sys::AbortController::new() else {
        run.end_lane(LOOP);
        return context.finish(&run, lanes);
    };
    {
        let abort = abort.clone();
        context.live.on_cancel(move || abort.abort());
    }
    run.recorder.mark(LOOP, Activity::Idle, None);
    let mut pending: FuturesUnordered<_> = (0..tasks)
        .map(|index| {
            run.recorder
                .mark(index as u16 + 1, Activity::Idle, Some(index));
            task_future(run.clone(), context.plan.clone(), index, abort.signal())
        })
        .collect();
    // Completion order is recorded as each future finishes (as_completed).
    while pending.next().await.is_some() {}
    run.end_lane(LOOP);
    context.finish(&run, tasks as u16)
}

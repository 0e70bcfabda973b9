//! `seq`: the main thread runs one task after another, as a plain `for`
//! loop does, awaiting each download in turn.

use super::{ModeContext, io};
use crate::runtime::pace::yield_to_browser;
use threadline_core::model::{Driven, drive_cpu};
use threadline_core::record::{Activity, Marker};
use threadline_core::record_set::ModeRecord;
use threadline_core::task::Task;

/// Runs the tasks on the main thread. CPU work blocks the page while it
/// runs (that is the lesson); between tasks the browser gets a turn to draw.
pub async fn run(context: &ModeContext<'_>) -> ModeRecord {
    let run = context.start_run(1, 1, None);
    let abort = web_sys::AbortController::new().ok();
    if let Some(abort) = abort.clone() {
        context.live.on_cancel(move || abort.abort());
    }
    let signal = abort.map(|a| a.signal());
    run.recorder.mark(0, Activity::Idle, None);
    while let Some(index) = run.take_task() {
        let mut task = Task::new(context.job.task(index));
        let outcome = loop {
            match drive_cpu(
                &mut task,
                0,
                &run.recorder,
                &run.cancel,
                None,
                Activity::Idle,
            ) {
                Driven::NeedsResource(resource) => {
                    let fetched = match &signal {
                        Some(signal) => io::fetch(&context.plan, resource, signal).await,
                        None => Err("this browser cannot abort requests".into()),
                    };
                    task.deliver(fetched);
                }
                Driven::Finished(output) => break Some(Ok(output)),
                Driven::Failed(why) => break Some(Err(why)),
                Driven::Cancelled => break None,
            }
            if run.cancel.is_cancelled() {
                break None;
            }
        };
        let Some(outcome) = outcome else { break };
        run.finish_task(0, index, outcome);
        yield_to_browser().await;
    }
    run.end_lane(0);
    context.finish(&run, 1)
}

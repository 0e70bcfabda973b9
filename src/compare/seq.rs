//! `seq`: the main thread runs one task after another, as a plain `for`
//! loop does, awaiting each download in turn.

use super::ModeRun;
use threadline_core::drive::{Lane, drive_task};
use threadline_core::record::{Activity, Marker};
use threadline_web::net::AwaitedIo;
use threadline_web::timer::yield_to_browser;

/// Runs the tasks on the main thread. CPU work blocks the page while it
/// runs (that is the lesson); between tasks the browser gets a turn.
pub async fn run(mode_run: &ModeRun<'_>) -> Result<(), String> {
    let run = &mode_run.run;
    let abort = mode_run.abort_on_cancel()?;
    let mut io = AwaitedIo {
        plan: mode_run.plan.clone(),
        abort: Some(abort),
        turns: None,
    };
    let at = Lane {
        lane: 0,
        marker: &run.recorder,
        cancel: &run.cancel,
        gil: None,
    };
    run.recorder.mark(0, Activity::Idle, None);
    while let Some(index) = run.take_task() {
        let Some(outcome) = drive_task(run.job.task(index), &at, Activity::Idle, &mut io).await
        else {
            break;
        };
        run.finish_task(0, index, outcome);
        yield_to_browser().await;
    }
    run.end_lane(0);
    Ok(())
}

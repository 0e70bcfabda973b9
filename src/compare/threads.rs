//! `threads` and `gil`: Web Workers sharing the app's memory, as
//! `ThreadPoolExecutor` runs OS threads; in `gil`, under CPython's GIL.

use super::ModeRun;
use super::watchdog::settle;
use std::sync::Arc;
use threadline_core::drive::{BlockingIo, run_lane};
use threadline_web::net::BlockingFetch;
use threadline_web::threads::{discard_pool, pool_with};

/// Runs one lane per pool thread, each taking tasks from the shared queue;
/// downloads block their thread. The pool is started before the run's
/// clock: an OS thread starts in microseconds, a Web Worker does not, and
/// that cost is the browser's, not the lesson's.
pub async fn run(mode_run: &ModeRun<'_>) -> Result<(), String> {
    let lanes = usize::from(mode_run.lanes);
    let pool = pool_with(lanes).await?;
    // A worker that never returns can only be ended with its pool.
    mode_run.comparison.on_stall(discard_pool);
    let io: Arc<dyn BlockingIo + Send + Sync> = Arc::new(BlockingFetch {
        plan: mode_run.plan.clone(),
    });
    let run = mode_run.run.clone();
    let outcome = pool
        .run(lanes, move |lane| run_lane(&run, lane as u16, io.as_ref()))
        .await;
    let Err(crash) = outcome else {
        return Ok(());
    };
    // The others stop at their next check; a holder of the GIL that died
    // would otherwise keep it from them forever.
    mode_run.comparison.stop(false);
    settle(&mode_run.run).await;
    let who = crash.thread.map_or_else(
        || "a worker thread".to_string(),
        |lane| mode_run.mode.lane_name(lane as u16),
    );
    Err(format!("{who} crashed: {}", crash.reason))
}

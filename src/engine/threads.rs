//! `threads` and `gil`: a pool of Web Workers sharing the app's memory, as
//! `ThreadPoolExecutor` runs OS threads; optionally under a modelled GIL.

use super::ModeContext;
use super::io::BlockingFetch;
use crate::runtime::pool::{broadcast, pool_of};
use std::sync::Arc;
use threadline_core::gil::{DEFAULT_SWITCH_INTERVAL_MS, Gil};
use threadline_core::io::SimulatedIo;
use threadline_core::model::{BlockingIo, run_lane};
use threadline_core::record_set::ModeRecord;
use threadline_web::clock::BrowserClock;

/// Runs one lane per pool thread, each taking tasks from the shared queue;
/// downloads block their thread. The pool is started before the clock
/// starts: an OS thread starts in microseconds, a Web Worker does not, and
/// that cost belongs to the browser, not to the lesson.
pub async fn run(context: &ModeContext<'_>, with_gil: bool) -> ModeRecord {
    let lanes = context.workers;
    let pool = match pool_of(usize::from(lanes)).await {
        Ok(pool) => pool,
        Err(why) => {
            let job = context.job;
            return ModeRecord::unavailable(context.mode, job.workload, job.tasks, why);
        }
    };
    let gil = with_gil.then(|| Gil::new(DEFAULT_SWITCH_INTERVAL_MS));
    let run = context.start_run(lanes, usize::from(lanes), gil);
    let io: Arc<dyn BlockingIo + Send + Sync> = if context.plan.simulated {
        Arc::new(SimulatedIo {
            plan: context.plan.clone(),
            clock: Arc::new(BrowserClock),
        })
    } else {
        Arc::new(BlockingFetch {
            plan: context.plan.clone(),
        })
    };
    let shared = run.clone();
    broadcast(&pool, move |lane| {
        run_lane(&shared, lane as u16, io.as_ref()).then_some(())
    })
    .await;
    context.finish(&run, lanes)
}

//! A mode that stops making progress (a hung worker, a process that never
//! answers, a request that never ends) fails with the reason instead of
//! holding the page in `running` forever.

use super::ModeRun;
use futures_util::future::{Either, select};
use std::future::Future;
use std::pin::pin;
use threadline_core::clock::Clock;
use threadline_core::run::Run;
use threadline_web::clock::BrowserClock;
use threadline_web::timer::sleep;

/// How long the other lanes get to end once a mode is stopped, ms.
const SETTLE_MS: f64 = 2_000.0;

/// Resolves once `run` has shown no progress for `bound_ms`, with the
/// reason.
async fn stalled(run: &Run, bound_ms: f64) -> String {
    let look_every = (bound_ms / 4.0).clamp(50.0, 500.0);
    let mut last = run.recorder.progress();
    let mut since = BrowserClock.now_ms();
    loop {
        sleep(look_every, None).await;
        let now = BrowserClock.now_ms();
        let progress = run.recorder.progress();
        if progress != last {
            (last, since) = (progress, now);
        } else if now - since >= bound_ms {
            return format!(
                "no progress for {:.0} s: a worker stopped responding, and the mode was stopped",
                bound_ms / 1000.0
            );
        }
    }
}

/// Waits (without blocking) until every lane of `run` has ended, or a
/// moment has passed: a lane that crashed never ends.
pub async fn settle(run: &Run) {
    let deadline = BrowserClock.now_ms() + SETTLE_MS;
    while !run.is_over() && BrowserClock.now_ms() < deadline {
        sleep(25.0, None).await;
    }
}

/// Runs `driver`, failing the mode if it stalls for `bound_ms`. Returns
/// why the mode failed as a whole, if it did.
pub async fn guard(
    mode_run: &ModeRun<'_>,
    bound_ms: f64,
    driver: impl Future<Output = Result<(), String>>,
) -> Option<String> {
    let driver = pin!(driver);
    let stalled = pin!(stalled(&mode_run.run, bound_ms));
    match select(driver, stalled).await {
        Either::Left((Ok(()), _)) => None,
        Either::Left((Err(why), _)) => Some(why),
        Either::Right((why, _)) => {
            mode_run.comparison.stop(true);
            settle(&mode_run.run).await;
            Some(why)
        }
    }
}

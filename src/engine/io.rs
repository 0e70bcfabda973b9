//! Downloads as each model does them: awaited on an event loop, or blocking
//! a worker thread.

use crate::runtime::service_worker::Network;
use std::cell::Cell;
use threadline_core::clock::Clock;
use threadline_core::io::IoPlan;
use threadline_core::mode::Mode;
use threadline_core::params::Params;
use threadline_web::clock::BrowserClock;
use threadline_web::{net, timer};

thread_local! {
    static RUNS: Cell<u32> = const { Cell::new(0) };
}

/// The app's directory as an absolute URL (workers started from blob: URLs
/// cannot resolve relative ones).
fn app_base_url() -> String {
    let document_url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base("./", &document_url)
        .map(|url| url.href())
        .unwrap_or(document_url)
}

/// The I/O plan of one mode's run.
pub fn plan(params: &Params, network: &Network, mode: Mode) -> IoPlan {
    let run = RUNS.with(|runs| {
        runs.set(runs.get() + 1);
        runs.get()
    });
    IoPlan {
        base_url: app_base_url(),
        latency_ms: params.latency_ms,
        // Unique across reloads too, so a stale cancel never hits a new run.
        run_id: format!("{mode}-{run}-{:x}", (js_sys::Math::random() * 1e9) as u64),
        fail: params.fail.clone(),
        simulated: matches!(network, Network::Simulated { .. }),
    }
}

/// Fetches resource `index` without blocking: an awaited `fetch()`, or a
/// timer when no service worker can answer.
pub async fn fetch(
    plan: &IoPlan,
    index: u32,
    abort: &web_sys::AbortSignal,
) -> Result<Vec<u8>, String> {
    if plan.simulated {
        if !timer::sleep(f64::from(plan.latency_ms), Some(abort)).await {
            return Err("cancelled".into());
        }
        return plan.simulated_response(index);
    }
    net::fetch_bytes(&plan.url(index, BrowserClock.now_ms()), Some(abort)).await
}

/// A synchronous request from a worker thread, as `requests.get` blocks a
/// Python thread. Cancelling the run makes the service worker end it early.
#[cfg(feature = "threads")]
pub struct BlockingFetch {
    /// The run's I/O plan.
    pub plan: IoPlan,
}

#[cfg(feature = "threads")]
impl threadline_core::model::BlockingIo for BlockingFetch {
    fn fetch(
        &self,
        index: u32,
        _cancel: &threadline_core::cancel::CancelToken,
    ) -> Result<Vec<u8>, String> {
        let url = self.plan.url(index, BrowserClock.now_ms());
        net::fetch_bytes_blocking(&url, self.plan.timeout_ms())
    }
}

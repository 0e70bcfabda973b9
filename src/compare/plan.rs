//! The I/O plan of each mode's run: where its downloads go and how they are
//! told apart.

use std::cell::Cell;
use threadline_core::io::IoPlan;
use threadline_core::mode::Mode;
use threadline_core::page::Network;
use threadline_core::params::Params;

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

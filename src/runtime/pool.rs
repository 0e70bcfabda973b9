//! The shared-memory thread pool: rayon on Web Workers.

use futures_channel::oneshot;
use std::sync::{Arc, Mutex};
use threadline_core::model::{BlockingIo, Run, run_lane};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Starts the global rayon pool with `threads` workers (wasm-bindgen-rayon).
pub async fn start_global_pool(threads: usize) -> Result<(), String> {
    JsFuture::from(wasm_bindgen_rayon::init_thread_pool(threads))
        .await
        .map(|_| ())
        .map_err(|e: JsValue| format!("the thread pool did not start: {e:?}"))
}

/// Runs `run` with one lane per pool thread and resolves when the last lane
/// ends. The main thread only hands the job over and awaits: it never waits
/// on the pool.
pub async fn run_on_pool(run: Arc<Run>, io: Arc<dyn BlockingIo + Send>) {
    let (done_tx, done_rx) = oneshot::channel::<()>();
    // Taken once, by the last lane to end; no other thread touches it.
    let done = Arc::new(Mutex::new(Some(done_tx)));
    rayon::spawn_broadcast(move |ctx| {
        let last = run_lane(&run, ctx.index() as u16, io.as_ref());
        if last {
            if let Some(tx) = done.lock().ok().and_then(|mut slot| slot.take()) {
                let _ = tx.send(());
            }
        }
    });
    let _ = done_rx.await;
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::runtime::clock::BrowserClock;
    use threadline_core::io::SimulatedIo;
    use threadline_core::model::Job;
    use threadline_core::record::Activity;
    use threadline_core::workload::Workload;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn the_pool_starts_and_runs_a_lane_per_thread() {
        start_global_pool(2).await.expect("pool starts");
        assert_eq!(rayon::current_num_threads(), 2);
        let job = Job {
            workload: Workload::Download,
            tasks: 4,
            work: 1,
        };
        let run = Arc::new(Run::new(job, 2, Arc::new(BrowserClock), true, None));
        let io = Arc::new(SimulatedIo {
            latency_ms: 30.0,
            fail: vec![],
            clock: Arc::new(BrowserClock),
        });
        run_on_pool(run.clone(), io).await;
        assert!(run.is_over());
        assert_eq!(run.results_so_far().len(), 4);
        let lanes: std::collections::HashSet<u16> = run
            .recorder
            .marks()
            .iter()
            .filter(|m| m.activity == Activity::Io)
            .map(|m| m.lane)
            .collect();
        assert_eq!(lanes.len(), 2, "both workers waited on I/O");
        let wall = run.wall_ms().expect("over");
        assert!(
            wall < 4.0 * 30.0,
            "two threads overlapped their waits: {wall} ms"
        );
    }

    #[wasm_bindgen_test]
    async fn a_worker_can_block_on_a_request() {
        start_global_pool(2).await.ok();
        // Pool workers run from blob: URLs, so they need absolute URLs.
        let origin = web_sys::window()
            .expect("a window")
            .location()
            .origin()
            .expect("origin");
        let (tx, rx) = oneshot::channel();
        rayon::spawn(move || {
            let _ = tx.send(crate::runtime::net::fetch_bytes_blocking(
                &format!("{origin}/"),
                5_000,
            ));
        });
        let page = rx
            .await
            .expect("the worker answers")
            .expect("the runner serves /");
        assert!(!page.is_empty());
    }
}

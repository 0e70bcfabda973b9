//! The pools on real Web Workers, in headless Chromium (threaded build).

use super::pool_with;
use crate::clock::BrowserClock;
use crate::net::fetch_bytes_blocking;
use std::rc::Rc;
use std::sync::Arc;
use threadline_core::drive::run_lane;
use threadline_core::io::{IoPlan, SimulatedIo};
use threadline_core::record::Activity;
use threadline_core::run::{Job, Run};
use threadline_core::workload::Workload;
use wasm_bindgen_test::wasm_bindgen_test;

fn simulated_io(latency_ms: u32) -> Arc<SimulatedIo> {
    Arc::new(SimulatedIo {
        plan: IoPlan {
            base_url: String::new(),
            latency_ms,
            run_id: "test".into(),
            fail: vec![],
            simulated: true,
        },
        clock: Arc::new(BrowserClock),
    })
}

async fn downloads_on(threads: usize, lanes: usize, tasks: u32) -> Arc<Run> {
    let pool = pool_with(threads).await.expect("the pool starts");
    let job = Job::new(Workload::Download, tasks, 1);
    let run = Arc::new(Run::new(job, lanes, Arc::new(BrowserClock), true, None));
    let (shared, io) = (run.clone(), simulated_io(30));
    pool.run(lanes, move |lane| {
        run_lane(&shared, lane as u16, io.as_ref())
    })
    .await
    .expect("no worker crashed");
    run
}

fn lanes_that_waited(run: &Run) -> usize {
    let lanes: std::collections::HashSet<u16> = run
        .recorder
        .marks()
        .iter()
        .filter(|m| m.activity == Activity::Io)
        .map(|m| m.lane)
        .collect();
    lanes.len()
}

#[wasm_bindgen_test]
async fn each_lane_runs_on_its_own_thread_and_waits_overlap() {
    let run = downloads_on(2, 2, 4).await;
    assert!(run.is_over());
    assert_eq!(run.results_so_far().len(), 4);
    assert_eq!(lanes_that_waited(&run), 2);
    // Their waits overlapped on the run's clock: a bound on the wall time
    // would hold only on an idle machine (workers start slowly on a busy one).
    let spans = threadline_core::spans::spans_from_marks(&run.recorder.marks(), None);
    let waits: Vec<_> = spans
        .iter()
        .filter(|s| s.activity == Activity::Io)
        .collect();
    let overlapped = waits.iter().any(|a| {
        waits
            .iter()
            .any(|b| a.lane != b.lane && a.start_us < b.end_us && b.start_us < a.end_us)
    });
    assert!(overlapped, "two threads overlapped their waits: {waits:?}");
}

#[wasm_bindgen_test]
async fn a_pool_grows_for_a_bigger_run_and_is_kept_for_smaller_ones() {
    let run = downloads_on(6, 6, 6).await;
    assert_eq!(lanes_that_waited(&run), 6, "six threads waited at once");
    let big = pool_with(6).await.expect("kept");
    assert!(big.size() >= 6);
    let small = pool_with(2).await.expect("kept");
    assert!(Rc::ptr_eq(&big, &small), "a smaller run reuses the pool");
    let run = downloads_on(2, 2, 2).await;
    assert_eq!(lanes_that_waited(&run), 2, "two of its threads ran lanes");
}

#[wasm_bindgen_test]
async fn a_worker_can_block_on_a_request() {
    let pool = pool_with(2).await.expect("the pool starts");
    // Pool workers run from blob: URLs, so they need absolute URLs.
    let origin = web_sys::window()
        .expect("a window")
        .location()
        .origin()
        .expect("origin");
    let got = Arc::new(std::sync::Mutex::new(None));
    let slot = got.clone();
    pool.run(1, move |_| {
        let page = fetch_bytes_blocking(&format!("{origin}/"), 5_000);
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(page);
        }
        true
    })
    .await
    .expect("no worker crashed");
    let page = got.lock().expect("lock").take().expect("the lane ran");
    assert!(!page.expect("the runner serves /").is_empty());
}

/// A trap, as running out of memory or a panic (which aborts) ends in. Not a
/// panic itself: the test harness's panic hook would fail the test.
fn trap() {
    core::arch::wasm32::unreachable();
}

#[wasm_bindgen_test]
async fn a_crashed_worker_is_reported_and_the_next_pool_is_new() {
    let pool = pool_with(2).await.expect("the pool starts");
    let crash = pool
        .run(2, |lane| {
            if lane == 1 {
                trap();
            }
            false
        })
        .await
        .expect_err("a worker died");
    assert!(crash.reason.contains("unreachable"), "{}", crash.reason);
    assert_eq!(crash.thread, Some(1));
    assert!(pool.crash().is_some(), "the pool knows it is broken");
    let fresh = pool_with(2).await.expect("a new pool starts");
    assert!(!Rc::ptr_eq(&pool, &fresh));
    let run = downloads_on(2, 2, 2).await;
    assert_eq!(run.results_so_far().len(), 2, "the new pool runs");
}

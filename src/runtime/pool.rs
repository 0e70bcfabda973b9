//! Shared-memory thread pools: rayon on Web Workers.
//!
//! The global pool (one thread per core) is wasm-bindgen-rayon's, started at
//! load. `ThreadPoolExecutor(max_workers=15)` runs 15 threads on 2 cores,
//! though, and wasm-bindgen-rayon only builds the global pool, so pools of
//! other sizes are built here the same way and kept for the page's lifetime
//! (a Web Worker takes far longer to start than an OS thread).

use crossbeam_channel::{Receiver, bounded};
use futures_channel::oneshot;
use rayon::{ThreadBuilder, ThreadPool, ThreadPoolBuilder};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/runtime/pool_worker.js")]
extern "C" {
    #[wasm_bindgen(js_name = startPoolWorker)]
    fn start_pool_worker(
        module: JsValue,
        memory: JsValue,
        main_js: &str,
        receiver: u32,
        name: &str,
    ) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    // The URL of the app's own JS module, for workers to import it.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MAIN_JS: String;
}

thread_local! {
    static GLOBAL_SIZE: Cell<usize> = const { Cell::new(0) };
    static SIZED: RefCell<HashMap<usize, Arc<ThreadPool>>> = RefCell::new(HashMap::new());
}

/// A started pool.
#[derive(Clone)]
pub enum Pool {
    /// wasm-bindgen-rayon's global pool.
    Global,
    /// A pool of another size.
    Sized(Arc<ThreadPool>),
}

impl Pool {
    /// Runs `op` once on every thread of the pool, without waiting.
    pub fn spawn_broadcast(&self, op: impl Fn(usize) + Send + Sync + 'static) {
        match self {
            Pool::Global => rayon::spawn_broadcast(move |ctx| op(ctx.index())),
            Pool::Sized(pool) => pool.spawn_broadcast(move |ctx| op(ctx.index())),
        }
    }
}

/// Starts the global pool with `threads` workers (wasm-bindgen-rayon).
pub async fn start_global_pool(threads: usize) -> Result<(), String> {
    JsFuture::from(wasm_bindgen_rayon::init_thread_pool(threads))
        .await
        .map_err(|e| format!("the thread pool did not start: {e:?}"))?;
    GLOBAL_SIZE.with(|size| size.set(threads));
    Ok(())
}

/// A pool of exactly `size` threads, started on first use.
pub async fn pool_of(size: usize) -> Result<Pool, String> {
    if GLOBAL_SIZE.with(Cell::get) == size {
        return Ok(Pool::Global);
    }
    if let Some(pool) = SIZED.with(|pools| pools.borrow().get(&size).cloned()) {
        return Ok(Pool::Sized(pool));
    }
    let pool = Arc::new(build_sized(size).await?);
    SIZED.with(|pools| pools.borrow_mut().insert(size, pool.clone()));
    Ok(Pool::Sized(pool))
}

async fn build_sized(size: usize) -> Result<ThreadPool, String> {
    let (sender, receiver) = bounded::<ThreadBuilder>(size);
    // Lives as long as the pool's workers, which is as long as the page.
    let receiver: &'static Receiver<ThreadBuilder> = Box::leak(Box::new(receiver));
    let address = receiver as *const Receiver<ThreadBuilder> as u32;
    let main_js = MAIN_JS.with(Clone::clone);
    let starting: Vec<js_sys::Promise> = (0..size)
        .map(|i| {
            let name = format!("threadline pool of {size}, thread {}", i + 1);
            start_pool_worker(
                wasm_bindgen::module(),
                wasm_bindgen::memory(),
                &main_js,
                address,
                &name,
            )
        })
        .collect();
    // Every worker waits on the channel before the pool hands out threads.
    for started in starting {
        JsFuture::from(started)
            .await
            .map_err(|e| format!("a pool worker did not start: {e:?}"))?;
    }
    ThreadPoolBuilder::new()
        .num_threads(size)
        .spawn_handler(move |thread| {
            sender
                .send(thread)
                .map_err(|_| std::io::Error::other("pool workers are gone"))
        })
        .build()
        .map_err(|e| format!("the pool of {size} did not build: {e}"))
}

/// Entry point of a sized pool's worker: waits for its rayon thread and
/// runs it.
#[wasm_bindgen]
pub fn threadline_pool_worker(receiver: u32) {
    // SAFETY: `receiver` is the address of the `Receiver` that
    // `build_sized` leaked, so it is valid for the rest of the page's life;
    // crossbeam receivers may be shared between threads.
    let receiver = unsafe { &*(receiver as *const Receiver<ThreadBuilder>) };
    if let Ok(thread) = receiver.recv() {
        thread.run();
    }
}

/// Runs `lane(index)` on every thread of `pool` and resolves, with the
/// value the last lane to finish returned, once all have. The main thread
/// only hands the job over and awaits: it never waits on the pool.
pub async fn broadcast<T: Send + 'static>(
    pool: &Pool,
    lane: impl Fn(usize) -> Option<T> + Send + Sync + 'static,
) -> Option<T> {
    let (done_tx, done_rx) = oneshot::channel::<T>();
    // Taken once, by the lane that reports the end; no other thread touches it.
    let done = Mutex::new(Some(done_tx));
    pool.spawn_broadcast(move |index| {
        if let Some(value) = lane(index)
            && let Some(tx) = done.lock().ok().and_then(|mut slot| slot.take())
        {
            let _ = tx.send(value);
        }
    });
    done_rx.await.ok()
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use threadline_core::io::{IoPlan, SimulatedIo};
    use threadline_core::model::{Job, Run, run_lane};
    use threadline_core::record::Activity;
    use threadline_core::workload::Workload;
    use threadline_web::clock::BrowserClock;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn plan() -> IoPlan {
        IoPlan {
            base_url: String::new(),
            latency_ms: 30,
            run_id: "test".into(),
            fail: vec![],
            simulated: true,
        }
    }

    async fn run_on(pool: &Pool, lanes: usize, tasks: u32) -> Arc<Run> {
        let job = Job {
            workload: Workload::Download,
            tasks,
            work: 1,
        };
        let run = Arc::new(Run::new(job, lanes, Arc::new(BrowserClock), true, None));
        let io = Arc::new(SimulatedIo {
            plan: plan(),
            clock: Arc::new(BrowserClock),
        });
        let shared = run.clone();
        broadcast(pool, move |lane| {
            run_lane(&shared, lane as u16, io.as_ref()).then_some(())
        })
        .await;
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
    async fn the_global_pool_runs_a_lane_per_thread() {
        start_global_pool(2).await.expect("pool starts");
        let pool = pool_of(2).await.expect("global");
        assert!(matches!(pool, Pool::Global));
        let run = run_on(&pool, 2, 4).await;
        assert!(run.is_over());
        assert_eq!(run.results_so_far().len(), 4);
        assert_eq!(lanes_that_waited(&run), 2);
        let wall = run.wall_ms().expect("over");
        assert!(
            wall < 4.0 * 30.0,
            "two threads overlapped their waits: {wall} ms"
        );
    }

    #[wasm_bindgen_test]
    async fn a_pool_larger_than_the_cores_runs_every_thread() {
        start_global_pool(2).await.ok();
        let pool = pool_of(6).await.expect("a pool of 6 starts");
        let run = run_on(&pool, 6, 6).await;
        assert_eq!(lanes_that_waited(&run), 6, "six threads waited at once");
        let wall = run.wall_ms().expect("over");
        assert!(wall < 3.0 * 30.0, "six waits overlapped: {wall} ms");
        assert!(
            matches!(pool_of(6).await, Ok(Pool::Sized(_))),
            "kept for reuse"
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
            let url = format!("{origin}/");
            let _ = tx.send(threadline_web::net::fetch_bytes_blocking(&url, 5_000));
        });
        let page = rx
            .await
            .expect("the worker answers")
            .expect("the runner serves /");
        assert!(!page.is_empty());
    }
}

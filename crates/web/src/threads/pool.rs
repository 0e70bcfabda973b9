//! The pool itself: starting its workers, running a run's lanes on it, and
//! hearing when one of its workers dies.

use super::thread_of_slot;
use crossbeam_channel::{Receiver, bounded};
use futures_channel::oneshot;
use futures_util::future::{Either, select};
use gloo_events::EventListener;
use rayon::{ThreadBuilder, ThreadPool, ThreadPoolBuilder};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Mutex;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/threads/worker.js")]
extern "C" {
    #[wasm_bindgen(js_name = startPoolWorker)]
    fn start_pool_worker(
        module: JsValue,
        memory: JsValue,
        main_js: &str,
        receiver: u32,
        slot: u32,
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
    static POOL: RefCell<Option<Rc<WorkerPool>>> = const { RefCell::new(None) };
    static NEXT_SLOT: Cell<u32> = const { Cell::new(0) };
}

/// A worker of the pool died.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crash {
    /// The pool thread it ran, if known: the lane that died.
    pub thread: Option<usize>,
    /// What happened, in words: the panic's message if there was one.
    pub reason: String,
}

/// A started pool of Web Workers sharing the app's memory.
pub struct WorkerPool {
    pool: ThreadPool,
    workers: Vec<web_sys::Worker>,
    _watching: Vec<EventListener>,
    crash: Rc<RefCell<Option<Crash>>>,
    /// Told of a crash during a run.
    on_crash: Rc<RefCell<Option<oneshot::Sender<Crash>>>>,
}

impl WorkerPool {
    /// How many threads it has.
    pub fn size(&self) -> usize {
        self.workers.len()
    }

    /// Why it is broken, if one of its workers died.
    pub fn crash(&self) -> Option<Crash> {
        self.crash.borrow().clone()
    }

    /// Runs `lane(i)` for lanes `0..lanes` on as many of the pool's threads
    /// and resolves once every lane has ended (the lane that returns `true`
    /// reports the end) or a worker died. The main thread only hands the job
    /// over and awaits: it never waits on the pool.
    pub async fn run(
        &self,
        lanes: usize,
        lane: impl Fn(usize) -> bool + Send + Sync + 'static,
    ) -> Result<(), Crash> {
        if let Some(crash) = self.crash() {
            return Err(crash);
        }
        let (crash_tx, crash_rx) = oneshot::channel();
        *self.on_crash.borrow_mut() = Some(crash_tx);
        let (done_tx, done_rx) = oneshot::channel::<()>();
        // Taken once, by the lane that reports the end.
        let done = Mutex::new(Some(done_tx));
        self.pool.spawn_broadcast(move |context| {
            let index = context.index();
            if index < lanes
                && lane(index)
                && let Some(tx) = done.lock().ok().and_then(|mut slot| slot.take())
            {
                let _ = tx.send(());
            }
        });
        let outcome = match select(done_rx, crash_rx).await {
            Either::Left(_) => Ok(()),
            Either::Right((Ok(crash), _)) => Err(crash),
            Either::Right((Err(_), _)) => Ok(()),
        };
        self.on_crash.borrow_mut().take();
        outcome
    }

    /// Ends every worker at once.
    fn terminate(&self) {
        for worker in &self.workers {
            worker.terminate();
        }
    }
}

/// A healthy pool with at least `threads` threads: the current one, or a new
/// one (replacing a smaller or broken one) of `threads` threads.
pub async fn pool_with(threads: usize) -> Result<Rc<WorkerPool>, String> {
    let threads = threads.max(1);
    if let Some(pool) = POOL.with(|p| p.borrow().clone())
        && pool.crash().is_none()
        && pool.size() >= threads
    {
        return Ok(pool);
    }
    if let Some(old) = POOL.with(|p| p.borrow_mut().take()) {
        // A healthy old pool's threads end on their own when it is dropped;
        // a broken one's may never: end its workers.
        if old.crash().is_some() {
            old.terminate();
        }
    }
    let pool = Rc::new(build(threads).await?);
    POOL.with(|p| *p.borrow_mut() = Some(pool.clone()));
    Ok(pool)
}

/// Ends the current pool's workers at once and forgets the pool: for a pool
/// with a thread that will never return (the next run starts a new one).
pub fn discard_pool() {
    if let Some(pool) = POOL.with(|p| p.borrow_mut().take()) {
        pool.terminate();
    }
}

/// Starts `size` workers and a rayon pool whose threads they run.
async fn build(size: usize) -> Result<WorkerPool, String> {
    let (sender, receiver) = bounded::<ThreadBuilder>(size);
    // Read by the pool's workers for as long as they live, which the page
    // does not track: leaked, a few words per pool.
    let receiver: &'static Receiver<ThreadBuilder> = Box::leak(Box::new(receiver));
    let address = receiver as *const Receiver<ThreadBuilder> as u32;
    let main_js = MAIN_JS.with(Clone::clone);
    let first_slot = NEXT_SLOT.with(|n| n.replace(n.get() + size as u32));
    // The pool first: its threads' builders wait in the channel, so that no
    // worker is blocked in `recv` while this (the page's) thread sends. A
    // send that finds a receiver registering would wait on crossbeam's lock,
    // and the page's thread may not wait (`Atomics.wait` traps there).
    let pool = ThreadPoolBuilder::new()
        .num_threads(size)
        .spawn_handler(move |thread| {
            sender
                .send(thread)
                .map_err(|_| std::io::Error::other("pool workers are gone"))
        })
        .build()
        .map_err(|e| format!("the pool of {size} did not build: {e}"))?;
    let starting: Vec<js_sys::Promise> = (0..size)
        .map(|i| {
            let name = format!("threadline thread {} of {size}", i + 1);
            start_pool_worker(
                wasm_bindgen::module(),
                wasm_bindgen::memory(),
                &main_js,
                address,
                first_slot + i as u32,
                &name,
            )
        })
        .collect();
    let mut workers = Vec::with_capacity(size);
    for started in starting {
        let worker = JsFuture::from(started)
            .await
            .map_err(|e| format!("a pool worker did not start: {e:?}"))?;
        workers.push(worker.unchecked_into::<web_sys::Worker>());
    }
    let crash = Rc::new(RefCell::new(None));
    let on_crash = Rc::new(RefCell::new(None));
    let watching = workers
        .iter()
        .enumerate()
        .map(|(i, worker)| watch(worker, first_slot + i as u32, &crash, &on_crash))
        .collect();
    Ok(WorkerPool {
        pool,
        workers,
        _watching: watching,
        crash,
        on_crash,
    })
}

/// Listens for `worker` dying: an uncaught error is a trap in its thread.
fn watch(
    worker: &web_sys::Worker,
    slot: u32,
    crash: &Rc<RefCell<Option<Crash>>>,
    on_crash: &Rc<RefCell<Option<oneshot::Sender<Crash>>>>,
) -> EventListener {
    let (crash, on_crash) = (crash.clone(), on_crash.clone());
    EventListener::new(worker, "error", move |event| {
        let event: &web_sys::ErrorEvent = event.unchecked_ref();
        event.prevent_default();
        let trap = event.message();
        let reason = match crate::panic::take_last() {
            Some(panic) => format!("{panic} ({trap})"),
            None => trap,
        };
        let happened = Crash {
            thread: thread_of_slot(slot),
            reason,
        };
        crash.borrow_mut().get_or_insert(happened.clone());
        if let Some(tx) = on_crash.borrow_mut().take() {
            let _ = tx.send(happened);
        }
    })
}

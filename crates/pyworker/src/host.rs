//! The interpreter's host in a worker: the browser's clock, output posted
//! to the page as it is written, and waits.

use threadline_core::clock::Clock;
use threadline_python::host::{CancelFlag, Host, Stream, Wait, WaitOutcome};
use threadline_web::clock::BrowserClock;
use threadline_web::python::FromPython;
use wasm_bindgen::prelude::*;

/// Posts a message to the page.
pub fn post(message: &FromPython) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let text = serde_json::to_string(message).unwrap_or_default();
    // The page only loses this message if it already ended the worker.
    let _ = scope.post_message(&JsValue::from_str(&text));
}

/// The browser as the interpreter's outside world.
#[derive(Debug, Default)]
pub struct WorkerHost {
    /// Everything written so far (stdout, stderr), in the order written by
    /// all threads: sent whole at the end, since the live messages of
    /// several threads' workers may reach the page in another order.
    written: parking_lot::Mutex<(String, String)>,
    /// Network requests waiting for this worker's event loop to start them.
    pub pending: crate::net::Pending,
    /// Requests for the run's process broker, and this instance's inbox.
    pub procs: crate::procs::ProcessLink,
    /// The memory all the run's processes share (`Value`, `Array`).
    pub shared: crate::shared::SharedMemory,
    /// A request of this instance is in flight (its driver says).
    pub network_busy: std::sync::atomic::AtomicBool,
}

impl WorkerHost {
    /// The host of a spawned child's instance: its requests go to its
    /// parent's worker; its shared memory is the words its parent handed it.
    pub fn child(shared: Option<crate::shared::Handoff>, mailbox: bool) -> WorkerHost {
        WorkerHost {
            procs: crate::procs::ProcessLink::for_child(mailbox),
            shared: crate::shared::SharedMemory::for_child(shared),
            ..Default::default()
        }
    }

    /// Takes everything written so far.
    pub fn take_written(&self) -> (String, String) {
        std::mem::take(&mut *self.written.lock())
    }
}

impl Host for WorkerHost {
    /// Queued, or posted to the parent (see `procs`).
    fn process_post(&self, request: Vec<u8>) -> Result<(), String> {
        self.procs.post(request);
        Ok(())
    }

    fn process_attach(&self, _pid: u32, inbox: std::sync::Arc<threadline_python::procs::Inbox>) {
        self.procs.attach(inbox);
    }

    /// A child with a mailbox reads its parent's notices in place; the
    /// network's answers still come only to its event loop.
    fn news_reaches_nested_waits(&self) -> bool {
        self.procs.has_mailbox()
            && self.pending.is_empty()
            && !self.network_busy.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn receive_news(&self, for_ms: f64) -> bool {
        if !self.procs.has_mailbox() {
            return false;
        }
        crate::mailbox::wait_and_take(for_ms, &mut |notice| self.procs.deliver(notice));
        true
    }

    fn shared_create(&self, block: u64, words: usize) -> Result<(), String> {
        let arena = self
            .shared
            .arena()
            .ok_or("this page has no shared memory")?;
        arena.create(block, words)
    }

    fn shared_load(&self, block: u64, index: usize) -> Option<u64> {
        self.shared.arena()?.load(block, index)
    }

    fn shared_store(&self, block: u64, index: usize, value: u64) -> bool {
        self.shared
            .arena()
            .is_some_and(|arena| arena.store(block, index, value))
    }

    /// Queued: only a free event loop can `fetch()` (see `net`).
    fn fetch(
        &self,
        request: threadline_python::net::FetchRequest,
        done: threadline_python::net::FetchCompletion,
    ) {
        self.pending.push(request, done);
    }

    fn now_ms(&self) -> f64 {
        BrowserClock.now_ms()
    }

    fn unix_time_s(&self) -> f64 {
        js_sys::Date::now() / 1000.0
    }

    fn write(&self, stream: Stream, text: &str) {
        {
            let mut written = self.written.lock();
            let buffer = if stream == Stream::Stderr {
                &mut written.1
            } else {
                &mut written.0
            };
            buffer.push_str(text);
        }
        post(&FromPython::Output {
            err: stream == Stream::Stderr,
            text: text.to_string(),
        });
    }

    /// A wait the interpreter hands its host: on the threaded build the
    /// worker sleeps on an atomic (allowed off the page's thread), a slice
    /// at a time to see a cancel; on the plain build, whose memory is not
    /// shared and cannot be slept on, it stays busy until the deadline
    /// (`one-core` waits at the top level leave the VM and are timers
    /// instead: see `run`).
    fn wait(&self, wait: &Wait, cancel: &CancelFlag) -> WaitOutcome {
        match wait {
            Wait::Sleep { until_ms } => loop {
                if cancel.is_cancelled() {
                    return WaitOutcome::Cancelled;
                }
                let left = until_ms - BrowserClock.now_ms();
                if left <= 0.0 {
                    return WaitOutcome::Done;
                }
                #[cfg(feature = "threads")]
                std::thread::sleep(std::time::Duration::from_secs_f64(left.min(10.0) / 1000.0));
            },
        }
    }

    #[cfg(feature = "threads")]
    fn spawn_thread(&self, name: &str, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        crate::threads::spawn_thread(name, body)
    }

    fn cpu_count(&self) -> usize {
        web_sys::window()
            .map(|w| w.navigator().hardware_concurrency() as usize)
            .or_else(|| {
                let navigator =
                    js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
                js_sys::Reflect::get(&navigator, &"hardwareConcurrency".into())
                    .ok()?
                    .as_f64()
                    .map(|n| n as usize)
            })
            .filter(|&n| n > 0)
            .unwrap_or(1)
    }
}

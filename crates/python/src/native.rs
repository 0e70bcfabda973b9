//! The native host: the OS clock, real sleeps, the process's stdout and
//! stderr. Used by the command line and by native tests; never built for
//! the browser.

use crate::host::{CancelFlag, Host, Stream, Wait, WaitOutcome};
use crate::procs::native::NativeProcesses;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Sleeps are cut into slices this long so that a cancel is seen quickly.
const SLEEP_SLICE: Duration = Duration::from_millis(10);
/// The stack of a host thread that runs a Python thread: the default
/// `Limits::thread_stack_bytes` for nested dispatch loops, plus a margin.
const THREAD_STACK_BYTES: usize = 16 << 20;

/// A host on the operating system.
#[derive(Debug)]
pub struct NativeHost {
    origin: std::time::Instant,
    stdout: Mutex<std::io::BufWriter<std::io::Stdout>>,
    /// The run's processes: the broker and the children's threads.
    processes: Arc<NativeProcesses>,
}

impl Default for NativeHost {
    fn default() -> Self {
        NativeHost::new()
    }
}

impl NativeHost {
    /// A host whose clock starts now.
    #[allow(
        clippy::disallowed_methods,
        reason = "the native host is where the OS clock is read"
    )]
    pub fn new() -> NativeHost {
        NativeHost {
            origin: std::time::Instant::now(),
            stdout: Mutex::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            processes: Arc::default(),
        }
    }

    /// A host that can also run processes (`multiprocessing`): children
    /// are interpreters on threads of this OS process, talking to this
    /// host.
    pub fn shared() -> Arc<NativeHost> {
        let host = Arc::new(NativeHost::new());
        let weak: std::sync::Weak<NativeHost> = Arc::downgrade(&host);
        host.processes.set_host(weak);
        host
    }

    /// The run's processes (to give children the run's options, and to stop
    /// them when the run ends).
    pub fn processes(&self) -> &Arc<NativeProcesses> {
        &self.processes
    }
}

impl Host for NativeHost {
    #[allow(
        clippy::disallowed_methods,
        reason = "the native host is where the OS clock is read"
    )]
    fn now_ms(&self) -> f64 {
        std::time::Instant::now()
            .duration_since(self.origin)
            .as_secs_f64()
            * 1000.0
    }

    fn unix_time_s(&self) -> f64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64())
    }

    fn write(&self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => {
                if let Ok(mut out) = self.stdout.lock() {
                    let _ = out.write_all(text.as_bytes());
                }
            }
            Stream::Stderr => {
                self.flush();
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
        }
    }

    fn flush(&self) {
        if let Ok(mut out) = self.stdout.lock() {
            let _ = out.flush();
        }
    }

    fn wait(&self, wait: &Wait, cancel: &CancelFlag) -> WaitOutcome {
        match wait {
            Wait::Sleep { until_ms } => loop {
                if cancel.is_cancelled() {
                    return WaitOutcome::Cancelled;
                }
                let left = until_ms - self.now_ms();
                if left <= 0.0 {
                    return WaitOutcome::Done;
                }
                self.flush();
                let slice = Duration::from_secs_f64(left / 1000.0).min(SLEEP_SLICE);
                std::thread::sleep(slice);
            },
        }
    }

    fn cpu_count(&self) -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }

    /// The lab's server, here: a thread per request waits out its latency
    /// (from when it was sent) and answers with the service worker's bytes.
    #[allow(
        clippy::disallowed_methods,
        reason = "the native host is where the OS clock is read"
    )]
    fn fetch(&self, request: crate::net::FetchRequest, done: crate::net::FetchCompletion) {
        let due = self.origin
            + Duration::from_secs_f64((request.sent_ms + request.latency_ms).max(0.0) / 1000.0);
        let done = std::sync::Arc::new(parking_lot::Mutex::new(Some(done)));
        let answer = done.clone();
        let spawned = std::thread::Builder::new()
            .name("lab server".into())
            .spawn(move || {
                std::thread::sleep(due.saturating_duration_since(std::time::Instant::now()));
                if let Some(done) = answer.lock().take() {
                    done.complete(Ok(crate::net::lab_reply(&request)));
                }
            });
        if let Err(err) = spawned
            && let Some(done) = done.lock().take()
        {
            done.complete(Err(crate::net::FetchError::Failed(err.to_string())));
        }
    }

    fn spawn_thread(&self, name: &str, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        std::thread::Builder::new()
            .name(name.replace('\0', " "))
            .stack_size(THREAD_STACK_BYTES)
            .spawn(body)
            .map(|_| ())
            .map_err(|err| err.to_string())
    }

    fn process_post(&self, request: Vec<u8>) -> Result<(), String> {
        self.processes.post(&request)
    }

    fn process_attach(&self, pid: u32, inbox: Arc<crate::procs::Inbox>) {
        self.processes.attach(pid, inbox);
    }

    fn shared_create(&self, block: u64, words: usize) -> Result<(), String> {
        self.processes.shared_create(block, words)
    }

    fn shared_load(&self, block: u64, index: usize) -> Option<u64> {
        self.processes.shared_load(block, index)
    }

    fn shared_store(&self, block: u64, index: usize, value: u64) -> bool {
        self.processes.shared_store(block, index, value)
    }
}

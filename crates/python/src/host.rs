//! What the interpreter needs from the world around it, as traits, so that the
//! same interpreter runs natively (tests, the command line) and in the browser.
//!
//! - [`Host`]: the clock, output, letting time pass ([`Host::wait`]), the
//!   number of cores, starting host threads ([`Host::spawn_thread`]) and
//!   fetching the lab's resources ([`Host::fetch`], answers delivered later
//!   through a [`crate::net::FetchCompletion`]).
//!
//! # The contract with a host, by build
//!
//! - `gil` and `free-threaded` run every Python thread on a host thread of
//!   its own, started with [`Host::spawn_thread`]; the main thread runs on
//!   the host thread that calls [`crate::sched::Program::step`] (and lets go
//!   of the GIL between two steps). A blocked Python thread parks its host
//!   thread on a `std::sync::Condvar` with a timeout computed from
//!   [`Host::now_ms`] (so the host's clock must follow real time; a clock
//!   that does not is moved on with [`Host::wait`] after each real timeout),
//!   and the GIL is `threadline_core::gil::Gil` (std `Mutex`/`Condvar`). So
//!   every host thread of these builds, the driver's included, must be one
//!   that may block (a Web Worker of the threaded build, not the page). No
//!   `std::time::Instant` is read anywhere: every deadline is on the host's
//!   clock.
//! - `one-core` never calls `spawn_thread` and never parks on a condition
//!   variable: every Python thread runs on the host thread that calls
//!   [`crate::sched::Program::step`], which returns to its caller when every
//!   thread waits (`Step::Idle` with the earliest deadline, or
//!   `Step::WaitingOutside`), so the host may wait on its own event loop.
//!   Only a wait reached inside a builtin that called back into Python
//!   (`map()` pulling a generator that blocks; `list()` and the like run
//!   theirs as frames, see `vm::consume`) cannot return: it runs the
//!   other threads from there, and when they all wait too, calls
//!   [`Host::wait`] in place.
//!
//! Nothing else in the crate reads a clock, sleeps or spawns: the native
//! implementation is [`crate::native::NativeHost`] (not built for wasm).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Where text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// `sys.stdout`.
    Stdout,
    /// `sys.stderr`.
    Stderr,
}

/// What a blocked Python thread waits for.
#[derive(Clone, Debug, PartialEq)]
pub enum Wait {
    /// `time.sleep`: until the host clock reads this many milliseconds.
    Sleep {
        /// The deadline, in the clock's milliseconds.
        until_ms: f64,
    },
}

/// How a wait ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WaitOutcome {
    /// It completed.
    Done,
    /// The run was cancelled while waiting.
    Cancelled,
}

/// A flag raised to stop a run. The interpreter checks it at the eval breaker
/// (raising the cancel bit of every registered thread's breaker word, so the
/// check stays a single load), inside long builtins and inside waits.
#[derive(Debug, Default, Clone)]
pub struct CancelFlag(Arc<CancelState>);

#[derive(Default)]
struct CancelState {
    raised: AtomicBool,
    breakers: parking_lot::Mutex<Vec<std::sync::Weak<AtomicU32>>>,
    wakers: parking_lot::Mutex<Vec<std::sync::Weak<dyn Fn() + Send + Sync>>>,
}

impl std::fmt::Debug for CancelState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CancelState")
            .field("raised", &self.raised)
            .finish_non_exhaustive()
    }
}

/// The eval-breaker bit meaning "cancel requested".
pub const BREAK_CANCEL: u32 = 1;

impl CancelFlag {
    /// A lowered flag.
    pub fn new() -> CancelFlag {
        CancelFlag::default()
    }

    /// Asks the run to stop.
    pub fn cancel(&self) {
        self.0.raised.store(true, Ordering::SeqCst);
        for breaker in self.0.breakers.lock().iter() {
            if let Some(breaker) = breaker.upgrade() {
                breaker.fetch_or(BREAK_CANCEL, Ordering::SeqCst);
            }
        }
        let wakers: Vec<_> = self
            .0
            .wakers
            .lock()
            .iter()
            .filter_map(|w| w.upgrade())
            .collect();
        for wake in wakers {
            wake();
        }
    }

    /// Calls `wake` when the flag is raised (at once if it already is): the
    /// scheduler wakes its parked threads with it. Held weakly, so a run that
    /// ended drops its waker.
    pub fn on_cancel(&self, wake: &Arc<dyn Fn() + Send + Sync>) {
        let mut wakers = self.0.wakers.lock();
        wakers.retain(|w| w.strong_count() > 0);
        wakers.push(Arc::downgrade(wake));
        drop(wakers);
        if self.is_cancelled() {
            wake();
        }
    }

    /// Whether the run was asked to stop.
    #[inline]
    pub fn is_cancelled(&self) -> bool {
        self.0.raised.load(Ordering::Relaxed)
    }

    /// Registers a thread's eval-breaker word, so that cancelling reaches it.
    pub fn register(&self, breaker: &Arc<AtomicU32>) {
        let mut breakers = self.0.breakers.lock();
        breakers.retain(|b| b.strong_count() > 0);
        breakers.push(Arc::downgrade(breaker));
        if self.is_cancelled() {
            breaker.fetch_or(BREAK_CANCEL, Ordering::SeqCst);
        }
    }
}

/// The services a host gives the interpreter.
pub trait Host: Send + Sync {
    /// A monotonic clock in milliseconds from an origin shared by all threads.
    fn now_ms(&self) -> f64;
    /// Wall-clock time in seconds since the Unix epoch (`time.time()`).
    fn unix_time_s(&self) -> f64;
    /// Writes program output.
    fn write(&self, stream: Stream, text: &str);
    /// Flushes buffered output.
    fn flush(&self) {}
    /// Blocks the calling host thread until `wait` completes or `cancel` is
    /// raised. Hosts wake at least every few tens of milliseconds to look at
    /// the flag.
    fn wait(&self, wait: &Wait, cancel: &CancelFlag) -> WaitOutcome;
    /// The number of cores (`os.cpu_count()`).
    fn cpu_count(&self) -> usize {
        1
    }

    /// Starts a host thread that runs `body` once, for a Python thread of
    /// the `gil` and `free-threaded` builds (named `name` as Python names
    /// it). The thread needs a stack of at least
    /// [`crate::limits::Limits::thread_stack_bytes`] plus a margin.
    ///
    /// The interpreter never assumes that `body` has begun when this
    /// returns, and never waits for it on anything but its own condition
    /// variables: a browser host may post `body` to the page, which starts
    /// (or reuses) a worker on the same memory. An `Err` (with a reason) is
    /// raised to the program as CPython's `RuntimeError: can't start new
    /// thread`. Hosts without threads keep this default.
    fn spawn_thread(&self, name: &str, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        let _ = (name, body);
        Err("this host runs no threads of its own (use the one-core build)".into())
    }

    /// Fetches one of the lab's resources (`requests.get`, `urlopen`,
    /// `aiohttp`); the URL was checked ([`crate::net::parse_lab_url`]).
    /// Returns at once: the outcome goes to `done` later, from any thread
    /// (natively a timer thread; in the browser the driver, between two
    /// [`crate::sched::Program::step`] calls, once `fetch()` answers), after
    /// `request.latency_ms` counted from `request.sent_ms`. Delivering wakes
    /// the waiting thread or event loop; a `one-core` driver that was told
    /// `Step::Idle` or `Step::WaitingOutside` then calls `step` again.
    /// Hosts without a network keep this default, which refuses.
    fn fetch(&self, request: crate::net::FetchRequest, done: crate::net::FetchCompletion) {
        let _ = request;
        done.complete(Err(crate::net::FetchError::Refused(
            "this host has no network".into(),
        )));
    }

    /// Sends a process's request (the bytes of a
    /// [`crate::procs::wire::Request`]) to the run's
    /// [`crate::procs::Broker`], and carries out the actions it returns (see
    /// [`crate::procs`] for the whole contract). Must not block on the
    /// caller's run: a `Get` is answered later, through the inbox. An `Err`
    /// is raised to the program as an `OSError`. Hosts without processes
    /// keep this default.
    fn process_post(&self, request: Vec<u8>) -> Result<(), String> {
        let _ = request;
        Err("this host runs no processes (multiprocessing needs a host that starts interpreter instances)".into())
    }

    /// Called once by every interpreter when it is made: the inbox the
    /// broker's notices for process `pid` go to.
    fn process_attach(&self, pid: u32, inbox: Arc<crate::procs::Inbox>) {
        let _ = (pid, inbox);
    }

    /// Whether news from outside (another process's notice, a network
    /// answer) reaches a thread that waits in place, inside a call that
    /// called back into Python, in `one-core`: natively it arrives from
    /// other host threads; a browser worker gets it only from its event
    /// loop, which such a wait cannot return to, unless the host receives
    /// it itself ([`Host::receive_news`]).
    fn news_reaches_nested_waits(&self) -> bool {
        !cfg!(target_arch = "wasm32")
    }

    /// Waits in place up to `for_ms` for news that comes only when the host
    /// looks for it (a browser child's shared mailbox), handing what comes
    /// to the process's inbox; `false` if this host has no such news (the
    /// caller then waits for news that arrives by itself).
    fn receive_news(&self, for_ms: f64) -> bool {
        let _ = for_ms;
        false
    }

    /// Makes block `block` of shared memory: `words` 64-bit words, zeroed,
    /// that every process of the run reads and writes by the same number
    /// (`multiprocessing.Value` and `Array`). A browser host backs it with
    /// a `SharedArrayBuffer` (`BigUint64Array` and `Atomics`). An `Err`
    /// means the host has no shared memory: the values then live in the
    /// broker and are reached by messages.
    fn shared_create(&self, block: u64, words: usize) -> Result<(), String> {
        let _ = (block, words);
        Err("this host has no memory shared between processes".into())
    }

    /// Reads word `index` of shared block `block` (sequentially consistent);
    /// `None` if there is no such word.
    fn shared_load(&self, block: u64, index: usize) -> Option<u64> {
        let _ = (block, index);
        None
    }

    /// Writes word `index` of shared block `block`; `false` if there is no
    /// such word.
    fn shared_store(&self, block: u64, index: usize, value: u64) -> bool {
        let _ = (block, index, value);
        false
    }
}

/// A host that records output in memory and never sleeps for real: its clock
/// jumps to each deadline. For tests and for embedders that only want text.
#[derive(Debug, Default)]
pub struct MemoryHost {
    clock_ms: parking_lot::Mutex<f64>,
    /// Milliseconds the clock moves at every reading (0: it moves only at
    /// waits and `advance`): an injected clock for the scheduler's tests.
    step_ms: f64,
    output: parking_lot::Mutex<Vec<(Stream, String)>>,
}

impl MemoryHost {
    /// A host at time zero with no output.
    pub fn new() -> Arc<MemoryHost> {
        Arc::new(MemoryHost::default())
    }

    /// Everything written to `stream`, concatenated.
    pub fn text(&self, stream: Stream) -> String {
        self.output
            .lock()
            .iter()
            .filter(|(s, _)| *s == stream)
            .map(|(_, text)| text.as_str())
            .collect()
    }

    /// A host whose clock moves `step_ms` at every reading: time passes
    /// with the work done, the same way in every run.
    pub fn ticking(step_ms: f64) -> Arc<MemoryHost> {
        Arc::new(MemoryHost {
            step_ms,
            ..MemoryHost::default()
        })
    }

    /// Advances the clock.
    pub fn advance(&self, ms: f64) {
        *self.clock_ms.lock() += ms;
    }
}

impl Host for MemoryHost {
    fn now_ms(&self) -> f64 {
        let mut clock = self.clock_ms.lock();
        *clock += self.step_ms;
        *clock
    }

    fn unix_time_s(&self) -> f64 {
        1_700_000_000.0 + self.now_ms() / 1000.0
    }

    fn write(&self, stream: Stream, text: &str) {
        self.output.lock().push((stream, text.to_string()));
    }

    fn wait(&self, wait: &Wait, cancel: &CancelFlag) -> WaitOutcome {
        if cancel.is_cancelled() {
            return WaitOutcome::Cancelled;
        }
        match wait {
            Wait::Sleep { until_ms } => {
                let mut clock = self.clock_ms.lock();
                if *clock < *until_ms {
                    *clock = *until_ms;
                }
            }
        }
        WaitOutcome::Done
    }
}

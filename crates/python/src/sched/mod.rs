//! Who runs when: Python threads in the three builds (PYTHON.md section 3),
//! blocking and waking, deadlock detection, and everything recorded about it.
//!
//! - `gil`: every Python thread on a host thread of its own; it must hold
//!   the core's [`Gil`] to run bytecode. A waiter's drop request sets
//!   [`BREAK_GIL`] in the holder's eval-breaker word (through the GIL's
//!   request hook), so the holder's check stays one load; the holder then
//!   drops the GIL and asks for it again (`park.rs`). Every blocking call
//!   releases it and takes it back.
//! - `free-threaded`: the same threads, no GIL.
//! - `one-core`: every Python thread on the host thread that drives the
//!   run, switched by `onecore.rs` at the same points and interval, with the
//!   GIL's decisions made by the core's `GilState` on the host clock, and a
//!   seeded choice of which waiter gets it.
//!
//! Blocking is a state ([`WaitSpec`], `wait.rs`): a builtin that must wait
//! says what for; the wait table records it (the timeline's notes, deadlock
//! detection in `deadlock.rs`), and the build decides how the host thread
//! waits. [`Program`] (`program.rs`) drives a whole run for either kind of
//! host.
//!
//! For the parts that come next:
//! - Blocking on "any of these" (asyncio's selector, a process's pipe): make
//!   one [`Signal`] (`outside: true` when only the world outside the program
//!   can raise it, which keeps deadlock detection away and makes `one-core`
//!   answer [`Step::WaitingOutside`]), have every source call
//!   [`Sched::raise_signal`] (from any host thread), and wait with
//!   `vm.block(WaitSpec::new(WaitOn::Signal(signal), deadline))`: the wait
//!   returns `True` when raised, `False` at its deadline, and is recorded
//!   (`Io` when outside, else `Wait`, noted with the signal's label).
//! - Lanes: [`Sched::allocate_lane`] hands out the run's lanes (asyncio
//!   tasks, processes' threads); name them with
//!   `sched.recorder().name_lane(LaneInfo { .. })` and mark their states
//!   with [`Sched::mark_at`] and their events with [`Sched::event_at`] and
//!   [`Sched::flow`].
//! - [`Sched::recorder`] is the run's one recorder; `Program::record` turns
//!   it into the `ProgramRecord` the trace is written from.

mod deadlock;
mod lock;
mod names;
mod onecore;
mod onecore_turns;
mod onecore_wait;
mod park;
mod program;
mod record;
mod spawn;
mod thread;
mod wait;

pub use lock::{LockCore, LockKind, Signal};
pub use program::{Program, Step};
pub use record::HostClock;
pub use spawn::ThreadStart;
pub use thread::{PyThread, Spot, ident_of, lane_of_ident, native_id_of};
pub use wait::{WaitOn, WaitSpec};

use crate::Outcome;
use crate::host::Host;
use crate::objects::ObjRef;
use crate::objects::exception::Halt;
use crate::vm::Build;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use threadline_core::gil::Gil;
use threadline_core::record::{MAX_LANES, Recorder};

/// Eval-breaker bit: another thread asked for the GIL (`gil` build).
pub const BREAK_GIL: u32 = 4;

/// How a run is scheduled, from [`crate::Options`].
#[derive(Clone, Debug)]
pub struct SchedOptions {
    /// The build.
    pub build: Build,
    /// Whether to record the timeline.
    pub record: bool,
    /// The seed of `one-core`'s choices.
    pub seed: u64,
    /// The switch interval, ms (`sys.setswitchinterval` × 1000).
    pub switch_interval_ms: f64,
}

impl Default for SchedOptions {
    fn default() -> Self {
        SchedOptions {
            build: Build::Gil,
            record: false,
            seed: 0,
            switch_interval_ms: threadline_core::gil::DEFAULT_SWITCH_INTERVAL_MS,
        }
    }
}

/// Why the run is stopping, once it is.
#[derive(Debug, Default)]
struct Stop {
    /// A limit, a cancel or a deadlock (`None` when the run simply ends).
    halt: Option<Halt>,
    /// The paragraph a deadlock prints.
    message: String,
}

/// The scheduler of one run.
pub struct Sched {
    /// The build.
    pub build: Build,
    host: Arc<dyn Host>,
    recorder: Recorder,
    recording: bool,
    gil: Option<Gil>,
    /// Every thread ever started, by lane (wake-ups and the GIL's hook read
    /// it without the table's lock).
    threads: Arc<parking_lot::RwLock<Vec<Option<Arc<PyThread>>>>>,
    table: Mutex<Table>,
    one_core: Mutex<onecore::OneCore>,
    next_lane: AtomicU32,
    switch_interval_ms: AtomicU64,
    stopping: AtomicBool,
    stop: parking_lot::Mutex<Stop>,
    /// Host threads still running a Python thread (`gil`, `free-threaded`).
    host_threads: (Mutex<usize>, std::sync::Condvar),
    /// The limit on threads alive at once, and the run's deadline.
    max_threads: usize,
    deadline_ms: Option<f64>,
    /// The code a new thread's bottom frame runs.
    bootstrap: std::sync::OnceLock<Arc<crate::compile::Code>>,
    /// Registered with the run's cancel flag: wakes every parked thread.
    waker: parking_lot::Mutex<Option<Arc<dyn Fn() + Send + Sync>>>,
    /// `sys.modules`, where the names of locks and queues are looked up.
    modules: ObjRef,
    /// The main thread is done: the run ends, daemon threads stop quietly.
    ending: AtomicBool,
    /// The main thread's code ended; `threading._shutdown()` runs or ran.
    shutting_down: AtomicBool,
    /// How the main thread ended.
    outcome: parking_lot::Mutex<Option<Outcome>>,
    /// Raised with every signal: a native `one-core` driver waiting for
    /// the outside sleeps on it (`Program::run_to_end`).
    outside_news: (Mutex<bool>, std::sync::Condvar),
}

use wait::Table;

impl std::fmt::Debug for Sched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sched")
            .field("build", &self.build)
            .finish_non_exhaustive()
    }
}

impl Sched {
    /// The scheduler of a run on `host` that starts now; `modules` is the
    /// interpreter's `sys.modules`.
    pub fn new(
        host: Arc<dyn Host>,
        options: &SchedOptions,
        limits: &crate::limits::Limits,
        modules: ObjRef,
    ) -> Sched {
        let clock: Arc<dyn threadline_core::clock::Clock> = Arc::new(HostClock(host.clone()));
        let recorder = Recorder::start(clock, options.record);
        let threads: Arc<parking_lot::RwLock<Vec<Option<Arc<PyThread>>>>> = Arc::default();
        let gil = (options.build == Build::Gil).then(|| {
            let threads = threads.clone();
            Gil::with_request_hook(
                options.switch_interval_ms,
                Box::new(move |holder| {
                    if let Some(Some(thread)) = threads.read().get(usize::from(holder)) {
                        thread.breaker.fetch_or(BREAK_GIL, Ordering::SeqCst);
                    }
                }),
            )
        });
        let one_core = Mutex::new(onecore::OneCore::new(
            options.seed,
            options.switch_interval_ms,
        ));
        Sched {
            build: options.build,
            deadline_ms: limits.time_ms.map(|limit| host.now_ms() + limit),
            host,
            recorder,
            recording: options.record,
            gil,
            threads,
            table: Mutex::new(Table::default()),
            one_core,
            next_lane: AtomicU32::new(0),
            switch_interval_ms: AtomicU64::new(options.switch_interval_ms.to_bits()),
            stopping: AtomicBool::new(false),
            stop: parking_lot::Mutex::new(Stop::default()),
            host_threads: (Mutex::new(0), std::sync::Condvar::new()),
            max_threads: limits.max_threads.max(1),
            bootstrap: std::sync::OnceLock::new(),
            waker: parking_lot::Mutex::new(None),
            modules,
            ending: AtomicBool::new(false),
            shutting_down: AtomicBool::new(false),
            outcome: parking_lot::Mutex::new(None),
            outside_news: (Mutex::new(false), std::sync::Condvar::new()),
        }
    }

    /// The run's recorder: every lane, state, event and GIL hand-over.
    pub fn recorder(&self) -> &Recorder {
        &self.recorder
    }

    /// Whether the run records its timeline.
    pub fn is_recording(&self) -> bool {
        self.recording
    }

    /// The host clock, ms.
    pub fn now(&self) -> f64 {
        self.host.now_ms()
    }

    /// A new lane of the timeline (for a thread, an asyncio task, a
    /// process): `None` once the run has used them all.
    pub fn allocate_lane(&self) -> Option<u16> {
        let lane = self.next_lane.fetch_add(1, Ordering::Relaxed);
        (lane < MAX_LANES as u32)
            .then(|| u16::try_from(lane).ok())
            .flatten()
    }

    /// The switch interval, ms.
    pub fn switch_interval_ms(&self) -> f64 {
        f64::from_bits(self.switch_interval_ms.load(Ordering::Relaxed))
    }

    /// `sys.setswitchinterval`: waits for the GIL that begin from now on use
    /// it.
    pub fn set_switch_interval_ms(&self, interval_ms: f64) {
        self.switch_interval_ms
            .store(interval_ms.to_bits(), Ordering::Relaxed);
        if let Some(gil) = &self.gil {
            gil.set_switch_interval(interval_ms);
        }
        lock(&self.one_core).set_interval(interval_ms);
    }

    /// The thread on `lane`.
    pub fn thread(&self, lane: u16) -> Option<Arc<PyThread>> {
        self.threads
            .read()
            .get(usize::from(lane))
            .cloned()
            .flatten()
    }

    /// Every thread started and not ended.
    pub fn live_threads(&self) -> Vec<Arc<PyThread>> {
        let table = self.table();
        table.alive().map(|entry| entry.thread.clone()).collect()
    }

    fn table(&self) -> MutexGuard<'_, Table> {
        lock(&self.table)
    }

    /// Stops the run for `halt` (the first reason given wins): every thread
    /// leaves at its next check or wake-up, and nobody waits for the GIL. A
    /// run that is already ending keeps its outcome.
    pub fn stop(&self, halt: Halt) {
        {
            let mut stop = self.stop.lock();
            if stop.halt.is_none() && !self.is_ending() {
                stop.halt = Some(halt);
            }
        }
        self.stopping.store(true, Ordering::SeqCst);
        self.wake_everyone();
    }

    /// The run ends (its main thread is done, or it halted): the threads
    /// still alive stop where they stand, quietly.
    pub(crate) fn end_run(&self) {
        self.ending.store(true, Ordering::SeqCst);
        self.stopping.store(true, Ordering::SeqCst);
        self.wake_everyone();
    }

    /// Whether the run is ending.
    pub(crate) fn is_ending(&self) -> bool {
        self.ending.load(Ordering::SeqCst)
    }

    /// Why threads must leave, once the run is stopping or ending.
    pub fn stop_reason(&self) -> Option<Halt> {
        if !self.stopping.load(Ordering::Relaxed) {
            return None;
        }
        Some(self.stop.lock().halt.clone().unwrap_or(Halt::Cancelled))
    }

    /// The limit, cancel or deadlock that stopped the run, if one did.
    pub fn halt(&self) -> Option<Halt> {
        self.stop.lock().halt.clone()
    }

    /// The paragraph a deadlock printed (empty otherwise).
    pub fn stop_message(&self) -> String {
        self.stop.lock().message.clone()
    }

    /// Raises every thread's cancel bit, wakes every parked thread and
    /// gives the GIL up.
    fn wake_everyone(&self) {
        for thread in self.threads.read().iter().flatten() {
            thread
                .breaker
                .fetch_or(crate::host::BREAK_CANCEL, Ordering::SeqCst);
            thread.parker.notify_all();
        }
        if let Some(gil) = &self.gil {
            gil.abandon();
        }
    }

    /// Registers the wake-up of parked threads with the run's cancel flag.
    pub(crate) fn watch_cancel(self: &Arc<Self>, cancel: &crate::host::CancelFlag) {
        let weak = Arc::downgrade(self);
        let waker: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
            if let Some(sched) = weak.upgrade() {
                sched.stop(Halt::Cancelled);
            }
        });
        cancel.on_cancel(&waker);
        *self.waker.lock() = Some(waker);
    }

    /// Raises `signal` and wakes the thread waiting for it: callable from any
    /// host thread (a network reply, a process's message).
    pub fn raise_signal(&self, signal: &Arc<Signal>) {
        signal.set();
        self.wake_where(
            true,
            |on| matches!(on, WaitOn::Signal(s) if Arc::ptr_eq(s, signal)),
        );
        // After the waiter is marked woken: a driver that wakes on this
        // news must find it so.
        let (news, arrived) = &self.outside_news;
        *lock(news) = true;
        arrived.notify_all();
    }

    /// Wakes one thread waiting to take `core` (its release found it
    /// contended).
    pub fn wake_lock(&self, core: &Arc<LockCore>) {
        self.wake_where(
            false,
            |on| matches!(on, WaitOn::Lock(c) if Arc::ptr_eq(c, core)),
        );
    }

    /// Wakes the threads whose wait `matches` (one, unless `all`).
    pub(crate) fn wake_where(&self, all: bool, matches: impl Fn(&WaitOn) -> bool) {
        let woken = self.table().wake(all, matches);
        if self.build != Build::OneCore {
            let threads = self.threads.read();
            for lane in woken {
                if let Some(Some(thread)) = threads.get(usize::from(lane)) {
                    thread.parker.notify_all();
                }
            }
        }
    }

    /// Sleeps (on this host thread) until a signal is raised or `for_ms`
    /// pass: a native driver's wait for news from outside, and a nested
    /// `one-core` wait's (through the host when it receives news itself).
    pub(crate) fn wait_outside_news(&self, for_ms: f64) {
        let (news, arrived) = &self.outside_news;
        if self.host.receive_news(for_ms) {
            *lock(news) = false;
            return;
        }
        let guard = lock(news);
        let timeout = std::time::Duration::from_secs_f64(for_ms.clamp(0.0, 1000.0) / 1000.0);
        // One wait, not `wait_timeout_while`: that one reads the system
        // clock, which WebAssembly does not have. Waking early is harmless:
        // the driver looks again.
        let mut guard = if *guard {
            guard
        } else {
            arrived
                .wait_timeout(guard, timeout)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0
        };
        *guard = false;
    }

    /// Whether the run's time limit has passed at `now_ms`.
    pub(crate) fn past_deadline(&self, now_ms: f64) -> bool {
        self.deadline_ms.is_some_and(|deadline| now_ms >= deadline)
    }
}

/// Locks a std mutex, going on past a poisoned one (a panicking thread
/// leaves the table consistent: every change is one assignment).
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

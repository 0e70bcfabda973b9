//! Processes on the operating system's threads: the native host's broker
//! and children. Each child is an [`Interpreter`] of its own on an OS thread
//! of its own (its threads start more), inside the same OS process; nothing
//! passes between instances but the broker's bytes.

use super::{Action, Broker, Identity, Inbox, MAIN_PID, MAX_LIVE_PROCESSES, ProcessSpec};
use crate::host::{CancelFlag, Host};
use crate::vm::Build;
use crate::{Interpreter, Options, Program};
use parking_lot::Mutex;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, OnceLock, Weak};
use std::time::Duration;

/// A child's interpreter runs on a thread with a big stack, as the main
/// one does (builtins that call back into Python nest Rust calls).
const CHILD_STACK_BYTES: usize = 256 << 20;
/// The exit code of a child whose interpreter panicked (`-SIGABRT`).
pub const ABORTED: i32 = -6;

/// The broker and the children of one native run.
pub struct NativeProcesses {
    broker: Mutex<Broker>,
    inboxes: Mutex<HashMap<u32, Arc<Inbox>>>,
    running: Mutex<HashMap<u32, CancelFlag>>,
    stopped: Arc<Mutex<HashSet<u32>>>,
    host: OnceLock<Weak<dyn Host>>,
    options: Mutex<Options>,
    live: (std::sync::Mutex<usize>, Condvar),
    /// Shared memory: every instance maps the same words.
    blocks: Mutex<HashMap<u64, Arc<[AtomicU64]>>>,
}

impl std::fmt::Debug for NativeProcesses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeProcesses").finish_non_exhaustive()
    }
}

impl Default for NativeProcesses {
    fn default() -> Self {
        NativeProcesses {
            broker: Mutex::new(Broker::new(MAIN_PID + 1, MAX_LIVE_PROCESSES)),
            inboxes: Mutex::new(HashMap::new()),
            running: Mutex::new(HashMap::new()),
            stopped: Arc::default(),
            host: OnceLock::new(),
            options: Mutex::new(Options::default()),
            live: (std::sync::Mutex::new(0), Condvar::new()),
            blocks: Mutex::new(HashMap::new()),
        }
    }
}

fn build_named(name: &str) -> Build {
    match name {
        "free-threaded" => Build::FreeThreaded,
        "one-core" => Build::OneCore,
        _ => Build::Gil,
    }
}

impl NativeProcesses {
    /// The host children's interpreters talk to (held weakly: the host
    /// owns this).
    pub fn set_host(&self, host: Weak<dyn Host>) {
        let _ = self.host.set(host);
    }

    /// The options children run with (limits, seed); their build and
    /// identity come from their spec.
    pub fn set_options(&self, options: &Options) {
        *self.options.lock() = options.clone();
    }

    /// Keeps an interpreter's inbox for the broker's notices.
    pub fn attach(&self, pid: u32, inbox: Arc<Inbox>) {
        self.inboxes.lock().insert(pid, inbox);
    }

    /// Hands a request to the broker and carries out what it says.
    pub fn post(self: &Arc<Self>, request: &[u8]) -> Result<(), String> {
        let actions = self.broker.lock().handle(request);
        self.carry_out(actions);
        Ok(())
    }

    fn carry_out(self: &Arc<Self>, actions: Vec<Action>) {
        for action in actions {
            match action {
                Action::Deliver { to, notice } => {
                    let inbox = self.inboxes.lock().get(&to).cloned();
                    if let Some(inbox) = inbox {
                        inbox.deliver(&notice);
                    }
                }
                Action::Start(spec) => self.start(spec),
                Action::Stop { pid } => {
                    self.stopped.lock().insert(pid);
                    if let Some(flag) = self.running.lock().get(&pid) {
                        flag.cancel();
                    }
                }
            }
        }
    }

    fn start(self: &Arc<Self>, spec: ProcessSpec) {
        let pid = spec.pid;
        let Some(host) = self.host.get().and_then(Weak::upgrade) else {
            self.ended(pid, 1);
            return;
        };
        let mut options = self.options.lock().clone();
        options.build = build_named(&spec.build);
        options.process = Identity::child(&spec);
        options.limits.stack_bytes = CHILD_STACK_BYTES / 2;
        *crate::sched::lock(&self.live.0) += 1;
        let procs = self.clone();
        let spawned = std::thread::Builder::new()
            .name(spec.name.replace('\0', " "))
            .stack_size(CHILD_STACK_BYTES)
            .spawn(move || {
                // A panic (a bug of the interpreter) ends the child, never
                // its parent's wait: the child ends as an abort would. Where
                // panics abort (release builds), the whole OS process does.
                let run = std::panic::AssertUnwindSafe(|| procs.run_child(host, options, pid));
                let code = std::panic::catch_unwind(run).unwrap_or(ABORTED);
                procs.ended(pid, code);
            });
        if spawned.is_err() {
            self.ended(pid, 1);
        }
    }

    fn run_child(&self, host: Arc<dyn Host>, options: Options, pid: u32) -> i32 {
        let host = Arc::new(ChildHost {
            inner: host,
            pid,
            stopped: self.stopped.clone(),
        });
        let interpreter = Interpreter::new(host, options);
        let flag = interpreter.cancel_flag();
        self.running.lock().insert(pid, flag.clone());
        if self.stopped.lock().contains(&pid) {
            flag.cancel();
        }
        let outcome = match Program::start_child(&interpreter) {
            Ok(mut program) => program.run_to_end(),
            Err(outcome) => outcome,
        };
        self.running.lock().remove(&pid);
        super::exit_code(&outcome, self.stopped.lock().contains(&pid))
    }

    /// A child ended: the broker tells its parent and joiners.
    fn ended(self: &Arc<Self>, pid: u32, code: i32) {
        self.inboxes.lock().remove(&pid);
        let actions = self.broker.lock().exited(pid, code);
        self.carry_out(actions);
        let (count, ended) = &self.live;
        let mut live = crate::sched::lock(count);
        *live = live.saturating_sub(1);
        ended.notify_all();
    }

    /// Makes a block of shared memory (at most 1 Mi words).
    pub fn shared_create(&self, block: u64, words: usize) -> Result<(), String> {
        if words > 1 << 20 {
            return Err(format!(
                "shared memory of {words} items is more than a run may have"
            ));
        }
        let made: Arc<[AtomicU64]> = (0..words).map(|_| AtomicU64::new(0)).collect();
        self.blocks.lock().entry(block).or_insert(made);
        Ok(())
    }

    fn word<T>(&self, block: u64, index: usize, use_it: impl FnOnce(&AtomicU64) -> T) -> Option<T> {
        let block = self.blocks.lock().get(&block).cloned()?;
        block.get(index).map(use_it)
    }

    /// Reads a shared word.
    pub fn shared_load(&self, block: u64, index: usize) -> Option<u64> {
        self.word(block, index, |word| word.load(Ordering::SeqCst))
    }

    /// Writes a shared word.
    pub fn shared_store(&self, block: u64, index: usize, value: u64) -> bool {
        self.word(block, index, |word| word.store(value, Ordering::SeqCst))
            .is_some()
    }

    /// Stops every child still running and waits (at most `grace_ms`) for
    /// their threads to end: the run is over.
    pub fn stop_all(&self, grace_ms: u64) {
        for (pid, flag) in self.running.lock().iter() {
            self.stopped.lock().insert(*pid);
            flag.cancel();
        }
        let (count, ended) = &self.live;
        let live = crate::sched::lock(count);
        let _ = ended.wait_timeout_while(live, Duration::from_millis(grace_ms), |live| *live > 0);
    }
}

/// The host a child's interpreter talks to: the run's own, except that a
/// child stopped by `terminate` writes nothing more (CPython's child dies
/// of its signal without a word).
struct ChildHost {
    inner: Arc<dyn Host>,
    pid: u32,
    stopped: Arc<Mutex<HashSet<u32>>>,
}

impl Host for ChildHost {
    fn now_ms(&self) -> f64 {
        self.inner.now_ms()
    }

    fn unix_time_s(&self) -> f64 {
        self.inner.unix_time_s()
    }

    fn write(&self, stream: crate::host::Stream, text: &str) {
        if !self.stopped.lock().contains(&self.pid) {
            self.inner.write(stream, text);
        }
    }

    fn flush(&self) {
        self.inner.flush();
    }

    fn wait(&self, wait: &crate::host::Wait, cancel: &CancelFlag) -> crate::host::WaitOutcome {
        self.inner.wait(wait, cancel)
    }

    fn cpu_count(&self) -> usize {
        self.inner.cpu_count()
    }

    fn spawn_thread(&self, name: &str, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        self.inner.spawn_thread(name, body)
    }

    fn process_post(&self, request: Vec<u8>) -> Result<(), String> {
        self.inner.process_post(request)
    }

    fn process_attach(&self, pid: u32, inbox: Arc<Inbox>) {
        self.inner.process_attach(pid, inbox);
    }

    fn shared_create(&self, block: u64, words: usize) -> Result<(), String> {
        self.inner.shared_create(block, words)
    }

    fn shared_load(&self, block: u64, index: usize) -> Option<u64> {
        self.inner.shared_load(block, index)
    }

    fn shared_store(&self, block: u64, index: usize, value: u64) -> bool {
        self.inner.shared_store(block, index, value)
    }
}

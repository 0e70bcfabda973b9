//! The virtual machine: Python threads running bytecode on explicit frames.
//!
//! - [`Interp`] is what all threads of one interpreter share: the host, the
//!   heap, the builtins, `sys.modules`, the limits.
//! - [`Vm`] is one Python thread: its frame stack (`Vec<Frame>`), its eval
//!   breaker word, and the entry points builtins use to call back into
//!   Python (`call`, `repr`, `hash`, `eq`…).
//! - `dispatch.rs` is the loop. Python-to-Python calls push a frame in the
//!   same loop; returns pop it. [`Vm::run`] runs until a budget of ticks
//!   (counted at backward jumps and calls) is spent, the thread blocks, or its
//!   bottom frame returns, and says which ([`RunStatus`]).
//! - A builtin that calls Python (`sorted(key=)`, `__repr__` from `print`)
//!   runs a nested dispatch loop until that call returns: the only place
//!   where Rust recursion happens. Such loops are capped by the limits.
//!
//! Files: `call.rs` (calling anything, binding arguments), `unwind.rs`
//! (raising, handlers, tracebacks), `attr.rs` (attribute protocol), `ops.rs`
//! (operators), `protocol.rs` (repr/str/hash/eq/len/truth), `iterate.rs`,
//! `generator.rs`, `class.rs` (class bodies and instances), `containers.rs`
//! (dict and set operations that may run `__eq__`), `import.rs`.

pub mod attr;
pub mod bind;
pub mod call;
pub mod class;
pub mod compare;
pub(crate) mod consume;
pub mod containers;
pub mod dispatch;
mod dispatch_more;
mod dispatch_rest;
mod fast_ops;
mod flow;
pub mod format;
pub mod frame;
pub mod generator;
mod globals;
pub mod import;
pub mod iterate;
pub mod lookup;
pub mod ops;
pub mod protocol;
pub mod repr;
pub mod sets;
pub mod special_attrs;
pub mod subscript;
pub mod unwind;

use crate::heap::Heap;
use crate::host::{CancelFlag, Host, Stream, WaitOutcome};
use crate::limits::Limits;
use crate::objects::exception::Halt;
use crate::objects::{ObjRef, PyErr, PyResult, Value};
use crate::sched::{PyThread, Sched, WaitSpec};
use frame::Frame;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use threadline_core::record::EventKind;

/// Which interpreter build runs the program (PYTHON.md section 3). With one
/// Python thread the three behave alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Build {
    /// CPython with the GIL.
    #[default]
    Gil,
    /// Free-threaded CPython.
    FreeThreaded,
    /// All Python threads on one host thread.
    OneCore,
}

/// What all threads of one interpreter share.
pub struct Interp {
    /// The outside world.
    pub host: Arc<dyn Host>,
    /// The heap's meter and registry.
    pub heap: Arc<Heap>,
    /// The limits.
    pub limits: Limits,
    /// Raised to stop the run.
    pub cancel: CancelFlag,
    /// The build.
    pub build: Build,
    /// Runs Python code that may wait as frames of the dispatch loop (see
    /// `consume`): `one-core` on a host whose waits inside a builtin that
    /// called back into Python hear nothing from outside.
    pub waits_in_frames: bool,
    /// The `builtins` module's namespace.
    pub builtins: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    /// Source text by file name, for tracebacks.
    pub sources: Mutex<HashMap<Arc<str>, Arc<str>>>,
    /// Bytes written to stdout and stderr.
    pub output_used: AtomicUsize,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: AtomicU32,
    /// Who runs when: threads, the GIL, waits, the recorder.
    pub sched: Arc<Sched>,
    /// The clock when the run started.
    pub start_ms: f64,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// This process: who it is, and its end of the process machinery.
    pub process: Arc<crate::procs::Inbox>,
}

impl std::fmt::Debug for Interp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interp")
            .field("build", &self.build)
            .finish()
    }
}

/// How a call to [`Vm::run`] ended.
#[derive(Debug)]
pub enum RunStatus {
    /// The budget was spent; call `run` again to go on.
    BudgetSpent,
    /// The thread waits (`one-core` only: the other builds wait in place);
    /// the scheduler completes the wait, then calls [`Vm::resume_with`].
    Blocked(Box<WaitSpec>),
    /// The bottom frame returned (or raised, or the run halted).
    Finished(Result<Value, PyErr>),
}

/// Eval-breaker bit: the budget or time slice is over (set by a scheduler).
pub const BREAK_SLICE: u32 = 2;

/// One Python thread.
pub struct Vm {
    /// What the threads share.
    pub interp: Arc<Interp>,
    /// The frame stack, innermost last.
    pub frames: Vec<Frame>,
    /// The eval-breaker word (see `host::BREAK_CANCEL`, [`BREAK_SLICE`]).
    pub breaker: Arc<AtomicU32>,
    /// The thread's name (`MainThread`).
    pub name: String,
    /// Nested dispatch loops running now.
    pub(crate) nested: u32,
    /// Slot vectors of finished frames, reused by new ones.
    pub(crate) slot_pool: Vec<Vec<Value>>,
    /// A reusable buffer for the arguments of native calls.
    pub(crate) arg_buffer: Vec<Value>,
    /// Objects whose `repr` is being computed (to print `[...]`).
    pub(crate) repr_active: Vec<usize>,
    /// Ticks left before the slow checks (time limit) run.
    pub(crate) ticks: u32,
    /// Where global names were last found (see `globals.rs`).
    pub(crate) global_cache: Box<[globals::GlobalEntry]>,
    /// Class attribute lookups (see `lookup.rs`).
    pub(crate) lookup_cache: Box<[lookup::LookupEntry]>,
    /// `sys.getrecursionlimit()` as this thread last read it (refreshed at
    /// every slow eval-breaker check).
    pub(crate) recursion_limit: usize,
    /// Where the host thread's stack stood when `run` was entered.
    pub(crate) stack_base: usize,
    /// Set while the thread is blocked at the top level: the value of the
    /// wait goes on the top frame's stack when it resumes.
    pub(crate) awaiting_wait: bool,
    /// What the wait returned (`None` when it ended without a value).
    pub(crate) wait_value: Option<Value>,
    /// The Python thread this `Vm` runs, once the scheduler knows it.
    pub thread: Option<Arc<PyThread>>,
    /// Bytes of host stack its nested dispatch loops may use.
    pub(crate) stack_limit: usize,
}

impl std::fmt::Debug for Vm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vm")
            .field("name", &self.name)
            .field("frames", &self.frames.len())
            .finish()
    }
}

/// The address of a local: where the host thread's stack stands.
#[inline(always)]
pub(crate) fn stack_address(marker: &u8) -> usize {
    marker as *const u8 as usize
}

/// Ticks between the slow checks of the eval breaker.
pub(crate) const TICKS_PER_CHECK: u32 = 4096;

impl Vm {
    /// A new thread of `interp` with no frame.
    pub fn new(interp: Arc<Interp>, name: &str) -> Vm {
        let breaker = Arc::new(AtomicU32::new(0));
        interp.cancel.register(&breaker);
        Vm {
            interp,
            frames: Vec::new(),
            breaker,
            name: name.to_string(),
            nested: 0,
            slot_pool: Vec::new(),
            arg_buffer: Vec::new(),
            repr_active: Vec::new(),
            ticks: TICKS_PER_CHECK,
            stack_base: 0,
            recursion_limit: 1000,
            global_cache: vec![globals::GlobalEntry::default(); globals::CACHE_SIZE]
                .into_boxed_slice(),
            lookup_cache: vec![lookup::LookupEntry::default(); lookup::LOOKUP_CACHE_SIZE]
                .into_boxed_slice(),
            awaiting_wait: false,
            wait_value: None,
            thread: None,
            stack_limit: 0,
        }
    }

    /// Runs until `budget` ticks are spent, the thread blocks, or its bottom
    /// frame finishes.
    pub fn run(&mut self, budget: u64) -> RunStatus {
        let _heap = crate::heap::enter(&self.interp.heap);
        let marker = 0u8;
        self.stack_base = stack_address(&marker);
        self.recursion_limit = self.interp.recursion_limit.load(Ordering::Relaxed) as usize;
        if self.awaiting_wait {
            self.awaiting_wait = false;
            if self.breaker.load(Ordering::Relaxed) & crate::host::BREAK_CANCEL != 0 {
                self.frames.clear();
                return RunStatus::Finished(Err(PyErr::Halt(Halt::Cancelled)));
            }
            let value = self.wait_value.take().unwrap_or(Value::None);
            self.push_result(value);
        }
        if self.frames.is_empty() {
            return RunStatus::Finished(Ok(Value::None));
        }
        match self.run_frames(0, budget) {
            Ok(dispatch::Exit::Returned(value) | dispatch::Exit::Yielded(value)) => {
                RunStatus::Finished(Ok(value))
            }
            Ok(dispatch::Exit::Budget) => RunStatus::BudgetSpent,
            Err(PyErr::Block(wait)) => {
                self.awaiting_wait = true;
                RunStatus::Blocked(wait)
            }
            Err(err) => {
                self.frames.clear();
                RunStatus::Finished(Err(err))
            }
        }
    }

    /// Tells the thread its wait ended; the next `run` goes on after it.
    pub fn resume(&mut self, outcome: WaitOutcome) {
        if outcome == WaitOutcome::Cancelled {
            self.breaker
                .fetch_or(crate::host::BREAK_CANCEL, Ordering::SeqCst);
        }
    }

    /// Tells the thread its wait ended with `value` (what the blocking call
    /// returns); the next `run` goes on after it.
    pub fn resume_with(&mut self, value: Value) {
        self.wait_value = Some(value);
    }

    fn push_result(&mut self, value: Value) {
        if let Some(frame) = self.frames.last_mut() {
            frame.slots.push(value);
        }
    }

    /// Writes program output, counting it against the output limit.
    pub fn write(&mut self, stream: Stream, text: &str) -> PyResult<()> {
        let used = self
            .interp
            .output_used
            .fetch_add(text.len(), Ordering::Relaxed)
            + text.len();
        if used > self.interp.limits.output_bytes {
            return Err(PyErr::Halt(Halt::OutputLimit));
        }
        let sched = &self.interp.sched;
        if sched.is_recording() {
            let line = self.line();
            sched.event_at(
                sched.now(),
                self.lane(),
                EventKind::Print,
                line,
                Some(text.to_string()),
                None,
            );
        }
        self.interp.host.write(stream, text);
        Ok(())
    }

    /// Raises the cancel halt if the run was cancelled: long builtins call
    /// this every few thousand steps.
    #[inline]
    pub fn check_cancel(&self) -> PyResult<()> {
        if self.breaker.load(Ordering::Relaxed) & crate::host::BREAK_CANCEL != 0 {
            return Err(PyErr::Halt(self.interp.sched.halt_now()));
        }
        if self.interp.cancel.is_cancelled() {
            return Err(PyErr::Halt(Halt::Cancelled));
        }
        Ok(())
    }

    /// Refuses a nested dispatch loop past the depth or stack limits.
    pub(crate) fn check_native_depth(&self) -> PyResult<()> {
        let marker = 0u8;
        let here = stack_address(&marker);
        let used = if self.stack_base == 0 {
            0
        } else {
            self.stack_base.saturating_sub(here)
        };
        let limit = match self.stack_limit {
            0 => self.interp.limits.stack_bytes,
            limit => limit,
        };
        if self.nested >= self.interp.limits.native_depth || used > limit {
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        Ok(())
    }

    /// A value from the builtins, by name.
    pub fn builtin(&self, name: &str) -> Option<Value> {
        crate::objects::types::dict_get_str(&self.interp.builtins, &Value::str(name))
    }

    /// A slot vector for a new frame, from the pool if possible.
    #[inline(always)]
    pub(crate) fn take_slots(&mut self, capacity: usize) -> Vec<Value> {
        match self.slot_pool.pop() {
            Some(mut slots) => {
                if slots.capacity() < capacity {
                    slots.reserve(capacity);
                }
                slots
            }
            None => Vec::with_capacity(capacity.max(16)),
        }
    }

    /// Returns a finished frame's slot vector to the pool.
    #[inline(always)]
    pub(crate) fn recycle_slots(&mut self, mut slots: Vec<Value>) {
        slots.clear();
        if self.slot_pool.len() < 64 && slots.capacity() <= 1024 {
            self.slot_pool.push(slots);
        }
    }
}

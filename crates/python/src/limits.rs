//! The limits of a run, each with a clear message when reached.
//!
//! - Recursion: Python frames deeper than `recursion_limit` raise
//!   `RecursionError: maximum recursion depth exceeded` (CPython's words).
//!   Builtins that call back into Python (nested dispatch loops) are also
//!   capped, by depth and by the stack they use, so that Rust's own stack
//!   never overflows (they raise `RecursionError: maximum recursion depth
//!   exceeded while calling a Python object`, as CPython words it).
//! - Memory: the heap counts what it allocates (see `heap`); past
//!   `memory_bytes` an allocation raises `MemoryError`, and a single
//!   allocation too big for what is left is refused before it is made.
//! - Output: past `output_bytes` of stdout and stderr together the program
//!   stops with [`OUTPUT_LIMIT_MESSAGE`].
//! - Threads: at most `max_threads` Python threads alive at once (CPython's
//!   `RuntimeError: can't start new thread`, with [`THREAD_LIMIT_MESSAGE`]),
//!   and at most [`MAX_THREADS_STARTED`] started in one run (each is a lane
//!   of the timeline).
//! - Deadlock: when no thread can go on, the run stops with a paragraph
//!   naming who holds what and who waits for what (exit status 1).
//! - Cancel: the host's [`crate::host::CancelFlag`] stops the run at the next
//!   eval-breaker check (backward jumps and calls), inside long builtins and
//!   inside waits; the program stops with [`CANCEL_MESSAGE`].

/// Printed to stderr when a run is cancelled (the exit status is 130, as for
/// Ctrl-C in a shell).
pub const CANCEL_MESSAGE: &str = "KeyboardInterrupt: the run was cancelled";
/// Printed to stderr when the output limit is reached.
pub const OUTPUT_LIMIT_MESSAGE: &str =
    "OutputLimitError: the program printed more than the output limit; it was stopped";
/// Printed when the time limit is reached.
pub const TIME_LIMIT_MESSAGE: &str =
    "TimeoutError: the program ran longer than its time limit; it was stopped";

/// Added to `RuntimeError: can't start new thread` at the thread limit.
pub const THREAD_LIMIT_MESSAGE: &str = "this run allows at most";
/// Threads one run may start in all (each is a lane of the timeline).
pub const MAX_THREADS_STARTED: usize = 4000;

/// The limits of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Limits {
    /// Python frames deep (`sys.getrecursionlimit()`).
    pub recursion_limit: u32,
    /// Nested dispatch loops deep (builtins calling Python calling builtins…).
    pub native_depth: u32,
    /// Bytes of the host thread's stack that nested dispatch loops may use
    /// (measured, so that the guard holds whatever each level costs).
    pub stack_bytes: usize,
    /// Heap bytes.
    pub memory_bytes: usize,
    /// Bytes of stdout and stderr together.
    pub output_bytes: usize,
    /// Milliseconds of run time (host clock), if limited.
    pub time_ms: Option<f64>,
    /// Python threads alive at once (the main thread included).
    pub max_threads: usize,
    /// Bytes of stack that nested dispatch loops may use on a thread the
    /// program starts (its host thread gets this plus a margin).
    pub thread_stack_bytes: usize,
}

impl Limits {
    /// Native defaults: 256 MB of heap, 1 MB of output.
    pub fn native() -> Limits {
        Limits {
            recursion_limit: 1000,
            native_depth: 200,
            stack_bytes: 512 << 10,
            memory_bytes: 256 << 20,
            output_bytes: 1 << 20,
            time_ms: None,
            max_threads: 256,
            thread_stack_bytes: 8 << 20,
        }
    }

    /// Browser defaults: a smaller heap.
    pub fn browser() -> Limits {
        Limits {
            memory_bytes: 96 << 20,
            ..Limits::native()
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::native()
    }
}

//! What the interpreter needs from the world around it, as traits, so that the
//! same interpreter runs natively (tests, the command line) and in the browser.
//!
//! - [`Host`]: the clock, output, waiting (sleep; later locks, queues, joins
//!   and the network), the number of cores.
//! - Spawning threads and processes, the network and recording arrive in the
//!   next issue as further methods and types here; [`Wait`] is where blocking
//!   operations say what they wait for.
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

#[derive(Debug, Default)]
struct CancelState {
    raised: AtomicBool,
    breakers: parking_lot::Mutex<Vec<std::sync::Weak<AtomicU32>>>,
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
}

/// A host that records output in memory and never sleeps for real: its clock
/// jumps to each deadline. For tests and for embedders that only want text.
#[derive(Debug, Default)]
pub struct MemoryHost {
    clock_ms: parking_lot::Mutex<f64>,
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

    /// Advances the clock.
    pub fn advance(&self, ms: f64) {
        *self.clock_ms.lock() += ms;
    }
}

impl Host for MemoryHost {
    fn now_ms(&self) -> f64 {
        *self.clock_ms.lock()
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

//! One Python thread as the scheduler knows it: its lane, its names, its
//! eval-breaker word, whether it has ended, and the running time that
//! `time.thread_time()` reports.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Where and when something happened on a lane: one end of a flow recorded
/// once the other end is known (a join that returned, a result read).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot {
    /// The lane.
    pub lane: u16,
    /// Host milliseconds.
    pub at_ms: f64,
    /// The source line the lane stood on.
    pub line: u32,
}

/// What `time.thread_time()` counts: the time the thread spent running
/// bytecode (holding the GIL under `gil`, scheduled under `one-core`).
#[derive(Debug, Default, Clone, Copy)]
struct CpuTime {
    total_ms: f64,
    running_since: Option<f64>,
}

/// A Python thread, shared by its own host thread, the scheduler and every
/// `Thread` object that names it.
#[derive(Debug)]
pub struct PyThread {
    /// Its lane of the timeline (0: the main thread).
    pub lane: u16,
    /// `threading.get_ident()`.
    pub ident: i64,
    /// `threading.get_native_id()`.
    pub native_id: i64,
    /// Daemon threads do not keep the program alive.
    pub daemon: bool,
    /// Its eval-breaker word (the same `Arc` as its `Vm`'s).
    pub breaker: Arc<AtomicU32>,
    name: parking_lot::Mutex<Arc<str>>,
    done: AtomicBool,
    /// Parks its host thread (`gil`, `free-threaded`) on the wait table's
    /// mutex.
    pub(crate) parker: std::sync::Condvar,
    cpu: parking_lot::Mutex<CpuTime>,
    /// Where it was started from, until it begins (the start flow).
    pub(crate) started_from: parking_lot::Mutex<Option<(Spot, u64)>>,
    /// Where it ended, until a join records the flow from there.
    pub(crate) ended_at: parking_lot::Mutex<Option<Spot>>,
}

impl PyThread {
    /// A thread on `lane`, not yet ended.
    pub fn new(lane: u16, name: &str, daemon: bool, breaker: Arc<AtomicU32>) -> PyThread {
        PyThread {
            lane,
            ident: ident_of(lane),
            native_id: native_id_of(lane),
            daemon,
            breaker,
            name: parking_lot::Mutex::new(name.into()),
            done: AtomicBool::new(false),
            parker: std::sync::Condvar::new(),
            cpu: parking_lot::Mutex::new(CpuTime::default()),
            started_from: parking_lot::Mutex::new(None),
            ended_at: parking_lot::Mutex::new(None),
        }
    }

    /// Its name now (a program may rename a thread).
    pub fn name(&self) -> Arc<str> {
        self.name.lock().clone()
    }

    /// Renames it.
    pub fn set_name(&self, name: &str) {
        *self.name.lock() = name.into();
    }

    /// Whether its last frame has returned.
    pub fn is_done(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }

    /// Marks it ended (under the wait table's lock, so that joiners see it
    /// together with their wake-up).
    pub(crate) fn set_done(&self) {
        self.done.store(true, Ordering::Release);
    }

    /// It starts running bytecode at `now_ms`.
    pub(crate) fn cpu_starts(&self, now_ms: f64) {
        let mut cpu = self.cpu.lock();
        if cpu.running_since.is_none() {
            cpu.running_since = Some(now_ms);
        }
    }

    /// It stops running bytecode at `now_ms`.
    pub(crate) fn cpu_stops(&self, now_ms: f64) {
        let mut cpu = self.cpu.lock();
        if let Some(since) = cpu.running_since.take() {
            cpu.total_ms += (now_ms - since).max(0.0);
        }
    }

    /// Milliseconds it has spent running, as of `now_ms`.
    pub fn cpu_ms(&self, now_ms: f64) -> f64 {
        let cpu = *self.cpu.lock();
        cpu.total_ms
            + cpu
                .running_since
                .map_or(0.0, |since| (now_ms - since).max(0.0))
    }
}

/// `get_ident()` of the thread on `lane`: large and distinct, like the
/// addresses CPython reports.
pub fn ident_of(lane: u16) -> i64 {
    0x7f3a_0000_0000 + i64::from(lane) * 0x0080_1000
}

/// `get_native_id()` of the thread on `lane`, like an OS thread id.
pub fn native_id_of(lane: u16) -> i64 {
    4242 + i64::from(lane)
}

/// The lane of the thread whose ident is `ident`, if it is one.
pub fn lane_of_ident(ident: i64) -> Option<u16> {
    let offset = ident.checked_sub(ident_of(0))?;
    if offset % 0x0080_1000 != 0 {
        return None;
    }
    u16::try_from(offset / 0x0080_1000).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idents_map_back_to_lanes() {
        for lane in [0u16, 1, 7, 4095] {
            assert_eq!(lane_of_ident(ident_of(lane)), Some(lane));
        }
        assert_eq!(lane_of_ident(12), None);
        assert_eq!(lane_of_ident(ident_of(3) + 1), None);
    }

    #[test]
    fn running_time_adds_up_intervals() {
        let thread = PyThread::new(1, "t", false, Arc::new(AtomicU32::new(0)));
        thread.cpu_starts(10.0);
        thread.cpu_stops(15.0);
        thread.cpu_starts(20.0);
        assert_eq!(thread.cpu_ms(22.0), 7.0);
        thread.cpu_stops(25.0);
        assert_eq!(thread.cpu_ms(100.0), 10.0);
    }
}

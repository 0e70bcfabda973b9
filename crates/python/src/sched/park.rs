//! Blocking in the `gil` and `free-threaded` builds, where each Python
//! thread has a host thread of its own: a wait records its state, releases
//! the GIL, parks the host thread on its condition variable (woken by the
//! wait table, by its deadline, by a stop), and takes the GIL back; and the
//! holder's answer to a drop request at the eval breaker. `one-core` waits go
//! to `onecore.rs` instead.

use super::deadlock;
use super::thread::PyThread;
use super::wait::WaitSpec;
use super::{BREAK_GIL, Sched};
use crate::host::BREAK_CANCEL;
use crate::objects::exception::Halt;
use crate::objects::{ObjRef, PyErr, PyResult, Value};
use crate::vm::{Build, Vm};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use threadline_core::record::{Activity, EventKind};

/// A thread that waits with no timeout looks at the table this often anyway
/// (a deadlock that formed while it looked away is found then).
const RECHECK_MS: f64 = 200.0;
/// The shortest park: a zero timeout would spin.
const MIN_PARK: Duration = Duration::from_micros(50);

/// How a park ended.
enum Parked {
    /// The wait completed with this value.
    Completed(Value),
    /// Its deadline passed; the call returns this value.
    TimedOut(Value),
}

impl Vm {
    /// The line of the program this thread stands on: its innermost frame
    /// in the program's own code (the bundled modules' frames, such as
    /// `threading`'s inside `Event.wait`, are looked through). The
    /// program's own file may itself be named in brackets (`<lab>`).
    pub fn line(&self) -> u32 {
        let program_frame = self
            .frames
            .iter()
            .rev()
            .find(|frame| !frame.code().filename.starts_with("<threadline "));
        match program_frame.or(self.frames.last()) {
            Some(frame) => frame.line(),
            None => 0,
        }
    }

    /// The lane of this thread (0 for a `Vm` the scheduler does not know).
    pub fn lane(&self) -> u16 {
        self.thread.as_ref().map_or(0, |thread| thread.lane)
    }

    /// Waits for `spec` as the build does: a parked host thread (`gil`,
    /// `free-threaded`), or, under `one-core`, a `PyErr::Block` that leaves
    /// the dispatch loop (or waits in place, from a nested loop). Builtins
    /// try the fast way first (a free lock, an ended thread) and call this
    /// only when they must wait.
    pub fn block(&mut self, spec: WaitSpec) -> PyResult {
        if self.interp.build == Build::OneCore && self.thread.is_some() {
            return Err(PyErr::Block(Box::new(spec)));
        }
        self.wait_in_place(spec)
    }

    /// Waits for `spec` without leaving the dispatch loop.
    pub fn wait_in_place(&mut self, spec: WaitSpec) -> PyResult {
        let sched = self.interp.sched.clone();
        match self.interp.build {
            Build::OneCore if self.thread.is_some() => sched.wait_nested(self, spec),
            _ => sched.park(self, spec),
        }
    }

    /// Runs `work` without the GIL, as CPython runs long native work
    /// (`hashlib` on 2048 bytes or more); the timeline notes it as `what`.
    pub fn without_gil<T>(&mut self, what: &str, work: impl FnOnce() -> T) -> PyResult<T> {
        let sched = self.interp.sched.clone();
        let (Some(gil), Some(thread)) = (&sched.gil, self.thread.clone()) else {
            return Ok(work());
        };
        let line = self.line();
        let note = sched.note(&format!("{what} without the GIL"));
        let marked = sched.mark(thread.lane, Activity::Cpu, note, line);
        if gil.release(thread.lane, &sched.recorder, marked).is_err() {
            return Err(PyErr::Halt(sched.halt_now()));
        }
        let result = work();
        sched.take_gil(&thread, line)?;
        Ok(result)
    }
}

impl Sched {
    /// The reason a thread that finds the run stopping leaves with.
    pub(crate) fn halt_now(&self) -> Halt {
        self.stop_reason().unwrap_or(Halt::Cancelled)
    }

    /// Takes the GIL for `thread` (`gil` build), marking the wait for it
    /// and the running that follows.
    pub(crate) fn take_gil(&self, thread: &PyThread, line: u32) -> PyResult<()> {
        let lane = thread.lane;
        let at = match &self.gil {
            Some(gil) => gil
                .take(lane, &self.recorder, || {
                    self.mark(lane, Activity::WaitGil, 0, line)
                })
                .map_err(|_| PyErr::Halt(self.halt_now()))?,
            None => self.now(),
        };
        let at = self.mark_at(at, lane, Activity::Cpu, 0, line);
        thread.cpu_starts(at);
        Ok(())
    }

    /// `thread` lets go of the GIL at `marked_ms` (the time of the state it
    /// marked), if it holds it.
    pub(crate) fn drop_gil(&self, thread: &PyThread, marked_ms: f64) {
        thread.cpu_stops(marked_ms);
        if let Some(gil) = &self.gil
            && gil.holder() == Some(thread.lane)
        {
            // Abandoned only when the run stops; the wait then sees it.
            let _ = gil.release(thread.lane, &self.recorder, marked_ms);
        }
    }

    /// A wait of the `gil` and `free-threaded` builds.
    fn park(&self, vm: &mut Vm, spec: WaitSpec) -> PyResult {
        let Some(thread) = vm.thread.clone() else {
            return self.wait_unscheduled(&spec, &vm.interp.cancel);
        };
        let modules = vm.interp.modules.clone();
        let line = vm.line();
        let note = self.wait_note(&modules, &spec);
        let marked = self.mark(thread.lane, spec.activity(), note, line);
        self.drop_gil(&thread, marked);
        let parked = self.park_loop(&thread, &spec, line, &modules);
        let retaken = self.take_gil(&thread, line);
        let parked = parked?;
        retaken?;
        Ok(match parked {
            Parked::Completed(value) => {
                self.wait_completed(&modules, &spec, thread.lane, line);
                value
            }
            Parked::TimedOut(value) => value,
        })
    }

    /// A sleep of a `Vm` no thread of the run owns (a bare interpreter
    /// driven by hand): the host lets the time pass.
    fn wait_unscheduled(&self, spec: &WaitSpec, cancel: &crate::host::CancelFlag) -> PyResult {
        if let Some(value) = spec.try_complete(0, false) {
            return Ok(value);
        }
        let Some(until_ms) = spec.deadline else {
            return Err(PyErr::runtime_error(
                "this wait needs a thread of a program started with Program::start",
            ));
        };
        let sleep = crate::host::Wait::Sleep { until_ms };
        match self.host.wait(&sleep, cancel) {
            crate::host::WaitOutcome::Done => Ok(spec.timeout_value()),
            crate::host::WaitOutcome::Cancelled => Err(PyErr::Halt(Halt::Cancelled)),
        }
    }

    /// Parks until the wait completes, its deadline passes or the run stops.
    fn park_loop(
        &self,
        thread: &Arc<PyThread>,
        spec: &WaitSpec,
        line: u32,
        modules: &ObjRef,
    ) -> PyResult<Parked> {
        let lane = thread.lane;
        let mut table = self.table();
        let result = loop {
            if let Some(halt) = self.stop_reason() {
                break Err(PyErr::Halt(halt));
            }
            if let Some(value) = spec.try_complete(lane, true) {
                break Ok(Parked::Completed(value));
            }
            let now = self.now();
            if spec.deadline.is_some_and(|deadline| now >= deadline) {
                break Ok(Parked::TimedOut(spec.timeout_value()));
            }
            if self.past_deadline(now) {
                drop(table);
                self.stop(Halt::TimeLimit);
                table = self.table();
                continue;
            }
            table.block(lane, spec);
            if spec.deadline.is_none()
                && !spec.is_outside()
                && let Some(message) = deadlock::detect(&table, lane, modules)
            {
                drop(table);
                self.declare_deadlock(lane, line, message);
                table = self.table();
                continue;
            }
            let until = [spec.deadline, self.deadline_ms]
                .into_iter()
                .flatten()
                .fold(now + RECHECK_MS, f64::min);
            let wait = Duration::from_secs_f64((until - now).max(0.0) / 1000.0).max(MIN_PARK);
            let (guard, timeout) = thread
                .parker
                .wait_timeout(table, wait)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            table = guard;
            if timeout.timed_out() && self.now() < until {
                // A host clock that does not follow real time (a test's
                // in-memory clock) is moved on by the host's own wait.
                drop(table);
                let sleep = crate::host::Wait::Sleep { until_ms: until };
                self.host.wait(&sleep, &crate::host::CancelFlag::new());
                table = self.table();
            }
        };
        table.unblock(lane);
        result
    }

    /// Stops the run for a deadlock found by the thread on `lane`.
    pub(crate) fn declare_deadlock(&self, lane: u16, line: u32, message: String) {
        if self.is_ending() {
            return;
        }
        self.event_at(
            self.now(),
            lane,
            EventKind::Deadlock,
            line,
            Some(message.trim_end().to_string()),
            None,
        );
        {
            let mut stop = self.stop.lock();
            if stop.halt.is_none() {
                stop.message = message;
            }
        }
        self.stop(Halt::Deadlock);
    }

    /// The eval breaker's slow path for the scheduler's bits: a stop (the
    /// run's reason), a drop request for the GIL (let go, wait for another
    /// thread to have held it, take it back).
    pub(crate) fn serve_breaker(&self, vm: &mut Vm, bits: u32) -> PyResult<()> {
        if bits & BREAK_CANCEL != 0 {
            return Err(PyErr::Halt(self.halt_now()));
        }
        if bits & BREAK_GIL == 0 {
            return Ok(());
        }
        vm.breaker.fetch_and(!BREAK_GIL, Ordering::SeqCst);
        let (Some(gil), Some(thread)) = (&self.gil, vm.thread.clone()) else {
            return Ok(());
        };
        let lane = thread.lane;
        if !gil.drop_requested() || gil.holder() != Some(lane) {
            return Ok(());
        }
        let line = vm.line();
        let at = gil
            .yield_on_request(lane, &self.recorder, || {
                let at = self.mark(lane, Activity::WaitGil, 0, line);
                thread.cpu_stops(at);
                at
            })
            .map_err(|_| PyErr::Halt(self.halt_now()))?;
        let at = self.mark_at(at, lane, Activity::Cpu, 0, line);
        thread.cpu_starts(at);
        Ok(())
    }
}

//! A whole run, driven from outside: [`Program::step`] for drivers that must
//! get control back (the browser's one-core worker returns to JavaScript's
//! event loop whenever every thread waits), and [`Program::run_to_end`] for
//! the native host, which simply sleeps until the next deadline.
//!
//! The end of a run follows CPython's: when the main thread's code ends (or
//! raises, whose traceback is printed then), `threading._shutdown()` runs on
//! it to join the threads that are not daemons; then daemon threads are
//! stopped where they stand, every host thread is waited for, the lanes are
//! closed and the heap is freed.

use super::Sched;
use super::onecore::Exit;
use crate::host::{Stream, Wait};
use crate::objects::exception::Halt;
use crate::objects::names::intern;
use crate::objects::{Object, PyErr, PyResult, Value};
use crate::vm::frame::{Frame, FrameKind, FrameSource};
use crate::vm::{Build, Interp, RunStatus, Vm};
use crate::{Interpreter, Outcome, limits};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use threadline_core::program::ProgramRecord;
use threadline_core::record::Activity;

/// How long the end of a run waits for host threads to leave their Python
/// threads (they are told to stop at once; this only bounds a stuck one).
const HOST_THREAD_GRACE_MS: f64 = 2000.0;
/// How long a driver that waits for the world outside sleeps between looks
/// when it has nothing better to wait on.
const OUTSIDE_POLL_MS: f64 = 5.0;

/// What a spawned child runs first (CPython's child runs `spawn_main`
/// from a `-c` string too).
const CHILD_BOOT: &str = "import multiprocessing; multiprocessing._spawn_main()\n";

/// What [`Program::step`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The budget was spent: call `step` again.
    Running,
    /// `one-core` only: every thread waits, the earliest until `until_ms` on
    /// the host clock. Call `step` again at that time, or earlier (a call
    /// before it finds nothing to do and says `Idle` again).
    Idle {
        /// The earliest deadline of a waiting thread.
        until_ms: f64,
    },
    /// `one-core` only: every thread waits, some for the world outside (a
    /// network reply): call `step` again once the host has delivered it (it
    /// raises the thread's [`super::Signal`] through
    /// [`Sched::raise_signal`]).
    WaitingOutside,
    /// The run is over; its output and any traceback have been written.
    Finished(Outcome),
}

/// A program's run in progress.
pub struct Program {
    interp: Arc<Interp>,
    /// The main thread's `Vm` in `gil` and `free-threaded` (it runs on the
    /// driver's host thread); `one-core` keeps it with the other threads.
    main: Option<Vm>,
    finished: Option<Outcome>,
}

impl std::fmt::Debug for Program {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Program")
            .field("build", &self.interp.build)
            .field("finished", &self.finished)
            .finish_non_exhaustive()
    }
}

impl Program {
    /// Compiles `source` and makes its main thread ready (nothing runs yet).
    /// A syntax error is printed and returned.
    pub fn start(
        interpreter: &Interpreter,
        source: &str,
        filename: &str,
    ) -> Result<Program, Outcome> {
        let mut vm = interpreter.start_main(source, filename)?;
        let interp = interpreter.interp().clone();
        let sched = interp.sched.clone();
        sched.watch_cancel(&interp.cancel);
        let registered = {
            let _heap = crate::heap::enter(&interp.heap);
            sched.register_main(&mut vm)
        };
        let mut program = Program {
            interp,
            main: None,
            finished: None,
        };
        match (registered, sched.build) {
            (Err(PyErr::Halt(halt)), _) => {
                sched.stop(halt);
                program.main = Some(vm);
                program.finish();
            }
            (Err(err), _) => {
                let _heap = crate::heap::enter(&program.interp.heap);
                let outcome = interpreter.report(&mut vm, err);
                sched.store_outcome(outcome);
                program.main = Some(vm);
                program.finish();
            }
            (Ok(()), Build::OneCore) => sched.one_core_add(0, vm),
            (Ok(()), _) => program.main = Some(vm),
        }
        Ok(program)
    }

    /// Makes a spawned child's run ready: the interpreter was made with
    /// `Options::process` from [`crate::procs::Identity::child`]. The child
    /// runs the program again as `__mp_main__`, then what its parent sent.
    pub fn start_child(interpreter: &Interpreter) -> Result<Program, Outcome> {
        let process = interpreter.interp().process.clone();
        let Some(spec) = process.identity.start.clone() else {
            return Err(Outcome::Exception {
                name: "RuntimeError".into(),
                message: "RuntimeError: not a spawned child".into(),
            });
        };
        process.set_main_source(&spec.filename, &spec.source);
        Program::start(interpreter, CHILD_BOOT, "<string>")
    }

    /// Hands the run a notice from the process broker (the bytes of a
    /// [`crate::procs::wire::Notice`]): a browser driver calls it between
    /// two steps; the thread waiting for it becomes ready.
    pub fn deliver(&self, notice: &[u8]) {
        self.interp.process.deliver(notice);
    }

    /// Runs for about `budget` ticks (backward jumps and calls, over all
    /// threads in `one-core`; of the main thread in the other builds, whose
    /// waits park the calling host thread in place).
    pub fn step(&mut self, budget: u64) -> Step {
        if let Some(outcome) = &self.finished {
            return Step::Finished(outcome.clone());
        }
        let sched = self.interp.sched.clone();
        match self.main.as_mut() {
            Some(vm) => {
                if run_main_thread(&sched, vm, budget) {
                    return Step::Running;
                }
            }
            None => match sched.one_core_step(budget) {
                Exit::Budget | Exit::Resume(_) => return Step::Running,
                Exit::Idle(until_ms) => return Step::Idle { until_ms },
                Exit::Outside => return Step::WaitingOutside,
                Exit::Empty | Exit::Halted(_) => {}
            },
        }
        Step::Finished(self.finish())
    }

    /// Runs to the end on this host thread, sleeping (through the host)
    /// whenever every thread waits.
    pub fn run_to_end(&mut self) -> Outcome {
        loop {
            let until_ms = match self.step(u64::MAX) {
                Step::Running => continue,
                // Idle while a thread also waits outside: look again soon,
                // through the host's wait, which a virtual clock jumps.
                Step::Idle { until_ms } if self.interp.sched.one_core_waits_outside() => {
                    until_ms.min(self.interp.host.now_ms() + OUTSIDE_POLL_MS)
                }
                Step::Idle { until_ms } => until_ms,
                Step::WaitingOutside => {
                    self.wait_outside(self.interp.host.now_ms() + OUTSIDE_POLL_MS * 10.0);
                    continue;
                }
                Step::Finished(outcome) => return outcome,
            };
            let _ = self
                .interp
                .host
                .wait(&Wait::Sleep { until_ms }, &self.interp.cancel);
        }
    }

    /// Waits for news from outside (a signal raised from another host
    /// thread) or `until_ms`, whichever comes first; a cancel is seen
    /// within [`OUTSIDE_POLL_MS`] × 10.
    fn wait_outside(&self, until_ms: f64) {
        let left = until_ms - self.interp.host.now_ms();
        if left > 0.0 && !self.interp.cancel.is_cancelled() {
            self.interp
                .sched
                .wait_outside_news(left.min(OUTSIDE_POLL_MS * 10.0));
        }
    }

    /// The scheduler of the run (to raise signals from outside, to read the
    /// recorder as it fills).
    pub fn sched(&self) -> &Arc<Sched> {
        &self.interp.sched
    }

    /// Everything recorded so far: lanes, states, events, GIL hand-overs.
    pub fn record(&self) -> ProgramRecord {
        let sched = &self.interp.sched;
        let recorder = sched.recorder();
        let build = match self.interp.build {
            Build::Gil => "gil",
            Build::FreeThreaded => "free-threaded",
            Build::OneCore => "one-core",
        };
        ProgramRecord::of(recorder, build, recorder.elapsed_ms())
    }

    /// A spawned child's record goes to its parent's timeline.
    fn send_record_to_parent(&self) {
        let process = &self.interp.process;
        if !self.interp.sched.is_recording() || process.identity.start.is_none() {
            return;
        }
        let origin_ms = self.interp.sched.recorder().origin_ms();
        let record = crate::procs::merge::encode(origin_ms, &self.record());
        let _ = process.post(&crate::procs::wire::Request::Record { record });
    }

    /// Ends the run: stops what still runs, waits for host threads, closes
    /// the lanes, prints why it halted (if it did) and frees the heap.
    fn finish(&mut self) -> Outcome {
        let sched = self.interp.sched.clone();
        sched.end_run();
        let _heap = crate::heap::enter(&self.interp.heap);
        sched.wait_host_threads(HOST_THREAD_GRACE_MS);
        sched.clear_one_core();
        sched.close_lanes();
        self.send_record_to_parent();
        let outcome = match (sched.halt(), sched.take_outcome()) {
            // `os._exit(n)`: the process ends at once, without a word.
            _ if self.interp.process.forced_exit().is_some() => {
                Outcome::Exit(self.interp.process.forced_exit().unwrap_or(0))
            }
            (Some(halt), _) => {
                self.interp
                    .host
                    .write(Stream::Stderr, &format!("{}\n", sched.halt_message(&halt)));
                Outcome::Halted(halt)
            }
            (None, Some(outcome)) => outcome,
            (None, None) => Outcome::Finished,
        };
        self.interp.host.flush();
        if let Some(mut vm) = self.main.take() {
            vm.frames.clear();
        }
        self.interp.heap.clear_all();
        self.finished = Some(outcome.clone());
        outcome
    }
}

impl Drop for Program {
    fn drop(&mut self) {
        if self.finished.is_none() {
            self.interp.sched.stop(Halt::Cancelled);
            self.finish();
        }
    }
}

/// Runs the main thread of `gil` or `free-threaded` for `budget`; `true`
/// while it has more to do. Between two steps the main thread lets go of the
/// GIL (it is ready, not running), so that other threads run while the
/// driver does something else; it takes it back when the next step begins.
fn run_main_thread(sched: &Sched, vm: &mut Vm, budget: u64) -> bool {
    let mut resumed = sched.resume_main(vm);
    loop {
        let result = match resumed.take() {
            Some(err) => Err(err),
            None => match vm.run(budget) {
                RunStatus::BudgetSpent => {
                    sched.pause_main(vm);
                    return true;
                }
                RunStatus::Blocked(spec) => match vm.wait_in_place(*spec) {
                    Ok(value) => {
                        vm.resume_with(value);
                        continue;
                    }
                    Err(err) => Err(err),
                },
                RunStatus::Finished(result) => result,
            },
        };
        if !sched.main_finished(vm, result) {
            sched.main_done(vm);
            return false;
        }
    }
}

/// What a frame that calls `threading._shutdown()` runs.
const SHUTDOWN: &str = "_shutdown()\n";

impl Sched {
    /// The main thread's code ended with `result`: prints its traceback (if
    /// it raised) and keeps its outcome; returns `true` if `threading` was
    /// imported and the main thread must now run `threading._shutdown()`.
    pub(crate) fn main_finished(&self, vm: &mut Vm, result: PyResult) -> bool {
        let _heap = crate::heap::enter(&vm.interp.heap);
        let first_end = !self.shutting_down.swap(true, Ordering::SeqCst);
        match result {
            Ok(_) => {}
            Err(PyErr::Halt(halt)) => {
                self.stop(halt);
                return false;
            }
            Err(err) => {
                let outcome = crate::traceback::report(vm, err);
                self.store_outcome(outcome);
            }
        }
        first_end && self.push_shutdown(vm)
    }

    /// Pushes the call of `threading._shutdown()` on the main thread, if
    /// the program imported `threading`.
    fn push_shutdown(&self, vm: &mut Vm) -> bool {
        let module = crate::objects::types::dict_get_str(&self.modules, &intern("threading"));
        let Some(Value::Obj(module)) = module else {
            return false;
        };
        let Object::Module(module) = &*module else {
            return false;
        };
        let Ok(code) = crate::compile_source(SHUTDOWN, "<shutdown>") else {
            return false;
        };
        let globals = module.dict.clone();
        vm.frames.clear();
        vm.frames.push(Frame {
            source: FrameSource::Code(code.clone(), globals.clone()),
            ip: 0,
            slots: Vec::with_capacity(code.slot_count() + code.max_stack as usize),
            namespace: Some(globals),
            blocks: Vec::new(),
            handled: Value::Null,
            kind: FrameKind::Native,
        });
        true
    }

    /// The main thread is done for good: its lane ends, and so does the run
    /// (daemon threads stop where they stand).
    pub(crate) fn main_done(&self, vm: &mut Vm) {
        // Ending first: a daemon thread that blocks meanwhile is not stuck
        // in a deadlock, it is left behind.
        self.ending.store(true, Ordering::SeqCst);
        if let Some(thread) = vm.thread.clone() {
            let line = vm.line();
            self.close_thread(&thread, line);
            let at = self.now();
            self.drop_gil(&thread, at);
        }
        self.end_run();
    }

    /// The main thread's step ended with its budget: it lets go of the GIL
    /// until the next step if another thread asked for it. Unasked, it keeps
    /// it, as a running thread does: a driver that steps in small budgets
    /// (the browser's, so that the engine's optimised code is picked up
    /// soon) must not hand the GIL over, and record it, at every step.
    fn pause_main(&self, vm: &Vm) {
        let (Some(gil), Some(thread)) = (&self.gil, &vm.thread) else {
            return;
        };
        if !gil.drop_requested() {
            return;
        }
        let at = self.mark(thread.lane, Activity::WaitGil, 0, vm.line());
        self.drop_gil(thread, at);
    }

    /// A step of the main thread begins: it takes the GIL back if it let go
    /// of it. An error (the run stopped meanwhile) ends the main thread.
    fn resume_main(&self, vm: &Vm) -> Option<PyErr> {
        let (Some(gil), Some(thread)) = (&self.gil, &vm.thread) else {
            return None;
        };
        if gil.holder() == Some(thread.lane) {
            return None;
        }
        self.take_gil(thread, vm.line()).err()
    }

    /// Keeps how the main thread ended (the first time it is told).
    pub(crate) fn store_outcome(&self, outcome: Outcome) {
        let mut stored = self.outcome.lock();
        if stored.is_none() {
            *stored = Some(outcome);
        }
    }

    fn take_outcome(&self) -> Option<Outcome> {
        self.outcome.lock().take()
    }

    /// What a halted run prints last.
    pub(crate) fn halt_message(&self, halt: &Halt) -> String {
        match halt {
            Halt::Cancelled => limits::CANCEL_MESSAGE.to_string(),
            Halt::OutputLimit => limits::OUTPUT_LIMIT_MESSAGE.to_string(),
            Halt::TimeLimit => limits::TIME_LIMIT_MESSAGE.to_string(),
            Halt::Deadlock => self.stop_message().trim_end().to_string(),
        }
    }
}

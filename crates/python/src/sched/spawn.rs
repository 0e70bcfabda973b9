//! Starting and ending Python threads: the main thread's registration, a new
//! thread's `Vm` with its bootstrap frame (which calls the target from its
//! own dispatch loop, so that even its first call can block at the top),
//! its host thread (`gil`, `free-threaded`) or its slot (`one-core`), and
//! its end: joiners woken, its lane closed, an uncaught error printed.

use super::thread::{PyThread, Spot};
use super::wait::{State, WaitOn};
use super::{Sched, lock};
use crate::host::Stream;
use crate::limits::MAX_THREADS_STARTED;
use crate::objects::names::{intern, names};
use crate::objects::{PyErr, PyResult, Value, types};
use crate::vm::frame::{Frame, FrameKind, FrameSource};
use crate::vm::{Build, Vm};
use std::sync::Arc;
use threadline_core::record::{Activity, EventKind, ProcessInfo};

/// What a new thread's bottom frame runs, with its target, arguments and
/// keyword arguments in its own globals.
const BOOTSTRAP: &str = "__target(*__args, **__kwargs)\n";

/// What a program asks a new thread to run.
pub struct ThreadStart {
    /// The callable.
    pub target: Value,
    /// Its positional arguments (a tuple).
    pub args: Value,
    /// Its keyword arguments (a dict).
    pub kwargs: Value,
    /// The thread's name.
    pub name: String,
    /// Whether it is a daemon.
    pub daemon: bool,
}

impl Sched {
    /// Registers `vm` as the main thread: lane 0, named `MainThread`,
    /// holding the GIL.
    pub(crate) fn register_main(&self, vm: &mut Vm) -> PyResult<()> {
        let lane = self.allocate_lane().unwrap_or(0);
        let thread = Arc::new(PyThread::new(lane, "MainThread", false, vm.breaker.clone()));
        self.add_thread(&thread, State::Running);
        vm.thread = Some(thread.clone());
        if self.recording {
            self.recorder.name_process(ProcessInfo {
                process: 0,
                name: "MainProcess".into(),
                pid: crate::modules::os::PID,
            });
        }
        self.name_lane(&thread);
        match self.build {
            Build::OneCore => Ok(()),
            _ => self.take_gil(&thread, 0),
        }
    }

    fn add_thread(&self, thread: &Arc<PyThread>, state: State) {
        {
            let mut threads = self.threads.write();
            let index = usize::from(thread.lane);
            if threads.len() <= index {
                threads.resize(index + 1, None);
            }
            threads[index] = Some(thread.clone());
        }
        self.table().insert(thread.clone(), state);
    }

    /// Refuses a thread past the run's limits.
    fn check_thread_limits(&self) -> PyResult<()> {
        let table = self.table();
        if table.live >= self.max_threads {
            return Err(PyErr::runtime_error(format!(
                "can't start new thread: {} {} threads alive at once",
                crate::limits::THREAD_LIMIT_MESSAGE,
                self.max_threads
            )));
        }
        if table.started >= MAX_THREADS_STARTED {
            return Err(PyErr::runtime_error(format!(
                "can't start new thread: {} {MAX_THREADS_STARTED} threads started in one run",
                crate::limits::THREAD_LIMIT_MESSAGE
            )));
        }
        Ok(())
    }

    /// Starts a Python thread that calls `start.target`.
    pub fn start_thread(&self, vm: &mut Vm, start: ThreadStart) -> PyResult<Arc<PyThread>> {
        if vm.thread.is_none() {
            return Err(PyErr::runtime_error(
                "can't start new thread: threads need a program started with Program::start",
            ));
        }
        self.check_thread_limits()?;
        let lane = self.allocate_lane().ok_or_else(|| {
            PyErr::runtime_error("can't start new thread: the run has no lane left")
        })?;
        let mut child = Vm::new(vm.interp.clone(), &start.name);
        // A one-core thread runs on the driver's own stack.
        child.stack_limit = match self.build {
            Build::OneCore => vm.interp.limits.stack_bytes,
            _ => vm.interp.limits.thread_stack_bytes,
        };
        self.push_bootstrap(&mut child, &start)?;
        let thread = Arc::new(PyThread::new(
            lane,
            &start.name,
            start.daemon,
            child.breaker.clone(),
        ));
        child.thread = Some(thread.clone());
        self.add_thread(&thread, State::New);
        self.name_lane(&thread);
        let at = self.mark(lane, Activity::Spawn, 0, 0);
        let from = Spot {
            lane: vm.lane(),
            at_ms: at,
            line: vm.line(),
        };
        *thread.started_from.lock() = Some((from, 0));
        match self.build {
            Build::OneCore => self.one_core_add(lane, child),
            _ => self.spawn_host_thread(&thread, &start.name, child)?,
        }
        Ok(thread)
    }

    fn spawn_host_thread(&self, thread: &Arc<PyThread>, name: &str, child: Vm) -> PyResult<()> {
        *lock(&self.host_threads.0) += 1;
        let spawned = self
            .host
            .spawn_thread(name, Box::new(move || run_host_thread(child)));
        if let Err(why) = spawned {
            self.host_thread_exited();
            self.table().end(thread.lane);
            thread.set_done();
            return Err(PyErr::runtime_error(format!(
                "can't start new thread: {why}"
            )));
        }
        Ok(())
    }

    /// Pushes the frame that calls the target.
    fn push_bootstrap(&self, child: &mut Vm, start: &ThreadStart) -> PyResult<()> {
        let code = match self.bootstrap.get() {
            Some(code) => code.clone(),
            None => {
                let code = crate::compile_source(BOOTSTRAP, "<thread>")
                    .map_err(|_| PyErr::system_error("the thread bootstrap does not compile"))?;
                self.bootstrap.get_or_init(|| code).clone()
            }
        };
        let globals = Value::new_dict_obj();
        let builtins =
            crate::objects::types::dict_get_str(&child.interp.modules, &intern("builtins"))
                .unwrap_or(Value::None);
        let kwargs = match &start.kwargs {
            Value::None | Value::Null => Value::dict(Default::default())?,
            other => other.clone(),
        };
        for (name, value) in [
            ("__target", start.target.clone()),
            ("__args", start.args.clone()),
            ("__kwargs", kwargs),
            ("__name__", Value::str("__thread__")),
        ] {
            child.dict_set(&globals, intern(name), value)?;
        }
        child.dict_set(&globals, names().__builtins__.clone(), builtins)?;
        let slots = Vec::with_capacity(code.slot_count() + code.max_stack as usize);
        child.frames.push(Frame {
            source: FrameSource::Code(code, globals.clone()),
            ip: 0,
            slots,
            namespace: Some(globals),
            blocks: Vec::new(),
            handled: Value::Null,
            kind: FrameKind::Native,
        });
        Ok(())
    }

    /// The thread begins to run: the flow from where it was started.
    pub(crate) fn thread_begins(&self, thread: &PyThread) {
        if let Some((from, _)) = thread.started_from.lock().take() {
            self.flow(from, EventKind::Start, thread.lane, EventKind::Begin, 0);
        }
    }

    /// The thread's bottom frame returned (or raised): prints an error that
    /// escaped it, closes its lane, wakes its joiners. A limit reached in it
    /// stops the whole run.
    pub(crate) fn thread_ends(&self, vm: &mut Vm, result: PyResult) {
        let Some(thread) = vm.thread.clone() else {
            return;
        };
        match result {
            Err(PyErr::Halt(halt)) => {
                if self.stop_reason().is_none() && !self.is_ending() {
                    self.stop(halt);
                }
            }
            Err(PyErr::Exception(exc))
                if !crate::objects::types::is_instance(
                    &Value::Obj(exc.clone()),
                    &types().system_exit,
                ) =>
            {
                let text = crate::traceback::format_error(vm, &PyErr::Exception(exc));
                let header = format!("Exception in thread {}:\n", thread.name());
                let _ = vm.write(Stream::Stderr, &(header + &text));
            }
            _ => {}
        }
        self.close_thread(&thread, 0);
    }

    /// Marks `thread` ended at `line` and wakes whoever joins it.
    pub(crate) fn close_thread(&self, thread: &Arc<PyThread>, line: u32) {
        if let Some((from, _)) = thread.started_from.lock().take() {
            // Stopped before it began: its start flow still gets both ends.
            self.flow(from, EventKind::Start, thread.lane, EventKind::Begin, 0);
        }
        let at = self.mark(thread.lane, Activity::Done, 0, line);
        thread.cpu_stops(at);
        *thread.ended_at.lock() = Some(Spot {
            lane: thread.lane,
            at_ms: at,
            line,
        });
        {
            let mut table = self.table();
            table.end(thread.lane);
            thread.set_done();
        }
        self.wake_where(
            true,
            |on| matches!(on, WaitOn::Join(t) if Arc::ptr_eq(t, thread)),
        );
    }

    /// One fewer host thread runs a Python thread.
    fn host_thread_exited(&self) {
        let (count, changed) = &self.host_threads;
        let mut count = lock(count);
        *count = count.saturating_sub(1);
        changed.notify_all();
    }

    /// Waits (at most `limit_ms` of the host clock) for every host thread
    /// to have left its Python thread; returns whether they all did.
    pub(crate) fn wait_host_threads(&self, limit_ms: f64) -> bool {
        let deadline = self.now() + limit_ms;
        let (count, changed) = &self.host_threads;
        let mut count = lock(count);
        while *count > 0 {
            let left = deadline - self.now();
            if left <= 0.0 {
                return false;
            }
            let slice = std::time::Duration::from_secs_f64(left.min(20.0) / 1000.0);
            count = changed
                .wait_timeout(count, slice)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0;
        }
        true
    }
}

/// The body of a Python thread's host thread (`gil`, `free-threaded`).
fn run_host_thread(mut vm: Vm) {
    let interp = vm.interp.clone();
    let _heap = crate::heap::enter(&interp.heap);
    let sched = interp.sched.clone();
    let Some(thread) = vm.thread.clone() else {
        sched.host_thread_exited();
        return;
    };
    let result = match sched.take_gil(&thread, 0) {
        Ok(()) => {
            sched.thread_begins(&thread);
            vm.run_to_end()
        }
        Err(err) => Err(err),
    };
    sched.thread_ends(&mut vm, result);
    let at = sched.now();
    sched.drop_gil(&thread, at);
    vm.frames.clear();
    drop(vm);
    sched.host_thread_exited();
}

//! Spawn semantics and what a process run records, on the native host's processes (children
//! are interpreters on threads of this test's OS process), in every build.

use std::sync::Arc;
use threadline_core::program::ProgramRecord;
use threadline_core::record::{Activity, EventKind};
use threadline_python::host::{CancelFlag, Host, Stream, Wait, WaitOutcome};
use threadline_python::native::NativeHost;
use threadline_python::vm::Build;
use threadline_python::{Interpreter, Options, Outcome, Program};

const BUILDS: [Build; 3] = [Build::Gil, Build::FreeThreaded, Build::OneCore];

/// Checks spawn semantics with asserts: a failed one ends the run with an exception.
const SEMANTICS: &str = r#"import multiprocessing
import os

counter = 0
seen_as = __name__

def report(queue):
    global counter
    counter += 1
    queue.put((seen_as, __name__, counter, os.getpid(), os.getppid()))

if __name__ == "__main__":
    counter = 10
    queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=report, args=(queue,))
    child.start()
    module_name, name, child_counter, pid, ppid = queue.get(timeout=10)
    child.join()
    assert module_name == "__mp_main__", module_name
    assert name == "__mp_main__", name
    assert child_counter == 1, child_counter
    assert counter == 10, counter
    assert pid == child.pid and pid != os.getpid(), (pid, child.pid)
    assert ppid == os.getpid(), ppid
    assert child.exitcode == 0, child.exitcode
"#;

fn run(source: &str, build: Build, trace: bool) -> (Outcome, ProgramRecord) {
    let host = NativeHost::shared();
    let options = Options {
        build,
        trace,
        ..Options::default()
    };
    host.processes().set_options(&options);
    let interpreter = Interpreter::new(host.clone(), options);
    let Ok(mut program) = Program::start(&interpreter, source, "spawn.py") else {
        panic!("the program did not compile");
    };
    let outcome = program.run_to_end();
    host.processes().stop_all(2000);
    (outcome, program.record())
}

#[test]
fn a_child_runs_the_module_again_as_mp_main_and_shares_no_globals() {
    for build in BUILDS {
        let (outcome, _) = run(SEMANTICS, build, false);
        assert_eq!(outcome, Outcome::Finished, "{build:?}");
    }
}

#[test]
fn a_child_is_a_process_with_a_lane_that_spawns_then_runs_then_ends() {
    for build in BUILDS {
        let (outcome, record) = run(SEMANTICS, build, true);
        assert_eq!(outcome, Outcome::Finished, "{build:?}");
        let child = record
            .processes
            .iter()
            .find(|p| p.name == "Process-1")
            .unwrap_or_else(|| panic!("{build:?}: no child process in {:?}", record.processes));
        assert_eq!(child.pid, 4243);
        let lane = record
            .lanes
            .iter()
            .find(|l| l.process == child.process && child.process != 0)
            .unwrap_or_else(|| panic!("{build:?}: no lane for the child"))
            .lane;
        let activities: Vec<Activity> = record
            .marks
            .iter()
            .filter(|m| m.lane == lane)
            .map(|m| m.activity)
            .collect();
        assert_eq!(activities.first(), Some(&Activity::Spawn), "{build:?}");
        let waited = record.marks.iter().any(|m| {
            m.lane == 0
                && m.activity == Activity::Wait
                && m.note > 0
                && record.notes[m.note as usize - 1].contains("another process")
        });
        assert!(
            waited,
            "{build:?}: the main thread's wait for the queue is not a noted Wait"
        );
        assert!(
            activities.contains(&Activity::Cpu),
            "{build:?}: {activities:?}"
        );
        assert_eq!(activities.last(), Some(&Activity::Done), "{build:?}");
        let start = record
            .events
            .iter()
            .find(|e| e.kind == EventKind::Start && e.lane == 0)
            .and_then(|e| e.flow)
            .unwrap_or_else(|| panic!("{build:?}: no spawn flow out of the main thread"));
        let begin = record
            .events
            .iter()
            .find(|e| e.lane == lane && e.flow.is_some_and(|f| f.id == start.id && f.arrives));
        assert!(
            begin.is_some(),
            "{build:?}: the spawn flow has no end on the child"
        );
        let sent = record
            .events
            .iter()
            .find(|e| e.kind == EventKind::Send && e.lane == 0)
            .and_then(|e| e.text.clone());
        assert!(
            sent.is_some_and(|text| text.ends_with(" bytes")),
            "{build:?}"
        );
        let received = record
            .events
            .iter()
            .find(|e| e.kind == EventKind::Receive && e.lane == 0)
            .and_then(|e| e.flow)
            .unwrap_or_else(|| panic!("{build:?}: the queue item's arrival is not a flow"));
        let sender = record
            .events
            .iter()
            .find(|e| e.flow.is_some_and(|f| f.id == received.id && !f.arrives));
        assert!(
            sender.is_some_and(|e| e.lane == lane && e.kind == EventKind::Send),
            "{build:?}: the queue item's flow does not start on the child's lane"
        );
    }
}

#[test]
fn too_many_live_processes_is_an_os_error() {
    let source = r#"import multiprocessing, time
def wait():
    time.sleep(5)
if __name__ == "__main__":
    started = []
    try:
        for _ in range(40):
            p = multiprocessing.Process(target=wait, daemon=True)
            p.start()
            started.append(p)
    except OSError as err:
        assert "at most 32 processes" in str(err), err
        assert len(started) == 32, len(started)
    else:
        raise AssertionError("40 processes started")
    for p in started:
        p.terminate()
"#;
    let (outcome, _) = run(source, Build::Gil, false);
    assert_eq!(outcome, Outcome::Finished);
}

/// The native host without shared memory (a browser page that is not cross-origin
/// isolated): `Value` and `Array` live in the broker.
struct NoSharedMemory(Arc<NativeHost>);

impl Host for NoSharedMemory {
    fn now_ms(&self) -> f64 {
        self.0.now_ms()
    }
    fn unix_time_s(&self) -> f64 {
        self.0.unix_time_s()
    }
    fn write(&self, stream: Stream, text: &str) {
        self.0.write(stream, text);
    }
    fn wait(&self, wait: &Wait, cancel: &CancelFlag) -> WaitOutcome {
        self.0.wait(wait, cancel)
    }
    fn spawn_thread(&self, name: &str, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        self.0.spawn_thread(name, body)
    }
    fn process_post(&self, request: Vec<u8>) -> Result<(), String> {
        self.0.process_post(request)
    }
    fn process_attach(&self, pid: u32, inbox: Arc<threadline_python::procs::Inbox>) {
        self.0.process_attach(pid, inbox);
    }
}

#[test]
fn without_shared_memory_values_and_arrays_live_in_the_broker() {
    let source = r#"import multiprocessing
def bump(total, array, times):
    for _ in range(times):
        with total.get_lock():
            total.value += 1
    array[1] = 2.5
if __name__ == "__main__":
    total = multiprocessing.Value("i", 0)
    array = multiprocessing.Array("d", 3)
    assert total._obj._items._block is None
    procs = [multiprocessing.Process(target=bump, args=(total, array, 50)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    assert total.value == 100, total.value
    assert array[:] == [0.0, 2.5, 0.0], array[:]
    total.value = 2 ** 31
    assert total.value == -2 ** 31, total.value
"#;
    for build in BUILDS {
        let native = NativeHost::shared();
        let options = Options {
            build,
            ..Options::default()
        };
        native.processes().set_options(&options);
        let host = Arc::new(NoSharedMemory(native.clone()));
        let interpreter = Interpreter::new(host, options);
        let outcome = match Program::start(&interpreter, source, "fallback.py") {
            Ok(mut program) => program.run_to_end(),
            Err(outcome) => outcome,
        };
        native.processes().stop_all(2000);
        assert_eq!(outcome, Outcome::Finished, "{build:?}");
    }
}

#[test]
fn an_interpreter_pool_runs_calls_in_other_interpreters_of_this_process() {
    let source = r#"import os
from concurrent.futures import InterpreterPoolExecutor
from concurrent.futures.interpreter import BrokenInterpreterPool, ExecutionFailed

counter = 0

def work(n):
    global counter
    counter += n
    return (n * n, os.getpid(), __name__)

def fail(n):
    raise KeyError(n)

if __name__ == "__main__":
    with InterpreterPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(work, range(4)))
        assert [r[0] for r in results] == [0, 1, 4, 9], results
        assert all(r[1] == os.getpid() for r in results), "an interpreter is not a process"
        assert {r[2] for r in results} == {"__mp_main__"}, results
        assert counter == 0, "globals are not shared"
        error = pool.submit(fail, "k").exception()
        assert type(error) is KeyError and isinstance(error.__cause__, ExecutionFailed), error
        try:
            pool.submit(lambda: 1)
        except Exception as err:
            assert type(err).__name__ == "PicklingError", err
        else:
            raise AssertionError("a lambda was sent to another interpreter")
    assert issubclass(BrokenInterpreterPool, RuntimeError)
"#;
    for build in BUILDS {
        let (outcome, _) = run(source, build, false);
        assert_eq!(outcome, Outcome::Finished, "{build:?}");
    }
}

#[test]
fn a_child_that_never_ends_is_stopped_by_the_time_limit() {
    let source = r#"import multiprocessing
def spin():
    while True:
        pass
if __name__ == "__main__":
    p = multiprocessing.Process(target=spin)
    p.start()
    p.join()
    print("never")
"#;
    for build in BUILDS {
        let host = NativeHost::shared();
        let mut options = Options {
            build,
            ..Options::default()
        };
        options.limits.time_ms = Some(500.0);
        host.processes().set_options(&options);
        let interpreter = Interpreter::new(host.clone(), options);
        let outcome = match Program::start(&interpreter, source, "spin.py") {
            Ok(mut program) => program.run_to_end(),
            Err(outcome) => outcome,
        };
        host.processes().stop_all(2000);
        assert_eq!(
            outcome,
            Outcome::Halted(threadline_python::objects::exception::Halt::TimeLimit),
            "{build:?}"
        );
    }
}

#[test]
fn a_childs_threads_and_prints_join_the_parents_timeline() {
    let source = r#"import multiprocessing
import threading

def helper():
    print("from a thread of the child")

def work(inbox):
    assert inbox.get(timeout=10) == "hello"
    t = threading.Thread(target=helper)
    t.start()
    t.join()

if __name__ == "__main__":
    inbox = multiprocessing.Queue()
    p = multiprocessing.Process(target=work, args=(inbox,))
    p.start()
    inbox.put("hello")
    p.join()
"#;
    for build in BUILDS {
        let (outcome, record) = run(source, build, true);
        assert_eq!(outcome, Outcome::Finished, "{build:?}");
        let child = record
            .processes
            .iter()
            .find(|p| p.name == "Process-1")
            .unwrap_or_else(|| panic!("{build:?}: no child process"));
        let thread = record
            .lanes
            .iter()
            .find(|l| l.process == child.process && l.name == "Thread-1 (helper)")
            .unwrap_or_else(|| {
                panic!(
                    "{build:?}: the child's thread has no lane: {:?}",
                    record.lanes
                )
            });
        let printed = record.events.iter().find(|e| {
            e.lane == thread.lane
                && e.kind == EventKind::Print
                && e.text
                    .as_deref()
                    .is_some_and(|t| t.contains("from a thread"))
        });
        assert!(
            printed.is_some(),
            "{build:?}: the child's print is not on its thread's lane"
        );
        let main_lane = record
            .lanes
            .iter()
            .find(|l| l.process == child.process && l.name == "MainThread")
            .unwrap_or_else(|| panic!("{build:?}: no main lane for the child"))
            .lane;
        let arrival = record
            .events
            .iter()
            .find(|e| e.lane == main_lane && e.kind == EventKind::Receive && e.line > 0)
            .and_then(|e| e.flow)
            .unwrap_or_else(|| panic!("{build:?}: the queue item's arrival in the child"));
        let departure = record
            .events
            .iter()
            .find(|e| e.flow.is_some_and(|f| f.id == arrival.id && !f.arrives));
        assert!(
            departure.is_some_and(|e| e.lane == 0 && e.kind == EventKind::Send),
            "{build:?}: the parent's put is not the flow's start"
        );
        if build == Build::Gil {
            assert!(
                record.gil_marks.iter().any(|g| g.lane == thread.lane),
                "{build:?}: the child's GIL hand-overs are not on its lanes"
            );
        }
        let origin = record
            .marks
            .iter()
            .map(|m| m.at_us)
            .fold(f64::MAX, f64::min);
        assert!(
            record
                .marks
                .iter()
                .filter(|m| m.lane == thread.lane)
                .all(|m| m.at_us >= origin && m.at_us <= record.wall_ms * 1000.0 + 1.0),
            "{build:?}: the child's marks are not on the parent's clock"
        );
    }
}

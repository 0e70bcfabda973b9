//! Python threads in every build, where CPython cannot be the judge: deadlocks (CPython hangs;
//! we stop with a paragraph naming the cycle), limits, cancel, and runs repeated in one
//! process.

mod support;

use std::sync::Arc;
use support::{BUILDS, CaptureHost, run_build, run_on_os};
use threadline_core::record::EventKind;
use threadline_python::host::Stream;
use threadline_python::limits::Limits;
use threadline_python::objects::exception::Halt;
use threadline_python::{Interpreter, Options, Outcome, Program};

const TWO_LOCKS: &str = "import threading\nimport time\n\
lock_a = threading.Lock()\nlock_b = threading.Lock()\n\
def transfer(first, second):\n    with first:\n        time.sleep(0.05)\n        with second:\n            print('never')\n\
t1 = threading.Thread(target=transfer, args=(lock_a, lock_b))\n\
t2 = threading.Thread(target=transfer, args=(lock_b, lock_a))\n\
t1.start()\nt2.start()\nt1.join()\nt2.join()\nprint('not reached')\n";

#[test]
fn two_locks_taken_in_opposite_orders_stop_the_run_with_the_cycle_named() {
    for (name, build) in BUILDS {
        let run = run_build(TWO_LOCKS, build);
        assert_eq!(run.outcome, Outcome::Halted(Halt::Deadlock), "{name}");
        assert_eq!(run.outcome.exit_code(), 1);
        assert_eq!(run.stdout, "", "{name}");
        assert_eq!(
            run.stderr,
            "Deadlock: Thread-1 (transfer) holds lock_a and waits for lock_b, held by \
             Thread-2 (transfer), which waits for lock_a. MainThread waits for Thread-1 \
             (transfer) to finish (join). No thread can go on, so the run was stopped.\n",
            "{name}"
        );
    }
}

#[test]
fn a_deadlock_is_recorded_as_an_event() {
    let host = CaptureHost::new();
    let options = Options {
        trace: true,
        ..Options::default()
    };
    let interpreter = Interpreter::new(host.clone(), options);
    let Ok(mut program) = Program::start(&interpreter, TWO_LOCKS, "deadlock.py") else {
        panic!("the program did not compile");
    };
    program.run_to_end();
    let record = program.record();
    let found: Vec<_> = record
        .events
        .iter()
        .filter(|event| event.kind == EventKind::Deadlock)
        .collect();
    assert_eq!(found.len(), 1);
    let text = found[0].text.clone().unwrap_or_default();
    assert!(
        text.starts_with("Deadlock: Thread-1 (transfer) holds lock_a"),
        "{text}"
    );
}

#[test]
fn a_join_cycle_and_a_queue_nobody_feeds_are_deadlocks() {
    let join_cycle = "import threading\nthreads = {}\nboth = threading.Barrier(2)\n\
def wait_for(other):\n    both.wait()\n    threads[other].join()\n\
threads['a'] = threading.Thread(target=wait_for, args=('b',), name='A')\n\
threads['b'] = threading.Thread(target=wait_for, args=('a',), name='B')\n\
threads['a'].start()\nthreads['b'].start()\nprint('started')\n";
    let starved = "import queue\nimport threading\ntasks = queue.Queue()\n\
def worker():\n    print('got', tasks.get())\n\
t = threading.Thread(target=worker)\nt.start()\nt.join()\n";
    for (name, build) in BUILDS {
        let run = run_build(join_cycle, build);
        // The cycle is certain as soon as it closes, which may be before
        // the main thread prints.
        assert!(["", "started\n"].contains(&run.stdout.as_str()), "{name}");
        // A join cycle is certain as soon as it closes: the main thread may
        // or may not be waiting yet when it is found.
        assert!(
            run.stderr.starts_with(
                "Deadlock: A waits for B to finish (join), which waits for A to finish (join). "
            ),
            "{name}: {}",
            run.stderr
        );
        assert!(
            run.stderr
                .ends_with("No thread can go on, so the run was stopped.\n"),
            "{name}"
        );
        assert_eq!(run.outcome, Outcome::Halted(Halt::Deadlock), "{name}");
        let run = run_build(starved, build);
        assert_eq!(run.outcome, Outcome::Halted(Halt::Deadlock), "{name}");
        assert_eq!(
            run.stderr,
            "Deadlock: every thread is blocked and none can wake another. MainThread waits \
             for Thread-1 (worker) to finish (join); Thread-1 (worker) waits in queue.get on \
             tasks. No thread can go on, so the run was stopped.\n",
            "{name}"
        );
    }
}

#[test]
fn a_thread_taking_its_own_lock_again_is_told_so() {
    let source = "import threading\nlock = threading.Lock()\nwith lock:\n    lock.acquire()\n";
    for (name, build) in BUILDS {
        let run = run_build(source, build);
        assert_eq!(
            run.stderr,
            "Deadlock: MainThread holds lock and waits for it again (a Lock is not \
             re-entrant; an RLock is). No thread can go on, so the run was stopped.\n",
            "{name}"
        );
    }
}

#[test]
fn waits_with_a_timeout_or_a_live_thread_are_not_deadlocks() {
    let source = "import threading\nimport time\nlock = threading.Lock()\nlock.acquire()\n\
def holder():\n    time.sleep(0.05)\n    lock.release()\n\
t = threading.Thread(target=holder)\nt.start()\n\
print(lock.acquire(timeout=0.01))\nprint(lock.acquire())\nt.join()\n";
    for (name, build) in BUILDS {
        let run = run_build(source, build);
        assert_eq!(run.outcome, Outcome::Finished, "{name}: {}", run.stderr);
        assert_eq!(run.stdout, "False\nTrue\n", "{name}");
    }
}

#[test]
fn an_uncaught_exception_ends_only_its_thread() {
    let source = "import threading\ndef fail():\n    raise ValueError('bad input')\n\
t = threading.Thread(target=fail)\nt.start()\nt.join()\nprint('main goes on')\n";
    for (name, build) in BUILDS {
        let run = run_build(source, build);
        assert_eq!(run.outcome, Outcome::Finished, "{name}");
        assert_eq!(run.stdout, "main goes on\n", "{name}");
        assert!(
            run.stderr.starts_with(
                "Exception in thread Thread-1 (fail):\nTraceback (most recent call last):\n"
            ),
            "{name}: {}",
            run.stderr
        );
        assert!(run.stderr.ends_with("ValueError: bad input\n"), "{name}");
    }
}

#[test]
fn the_thread_limit_raises_cpython_s_error_with_the_run_s_limit() {
    let source = "import threading\nstop = threading.Event()\nstarted = 0\n\
try:\n    for _ in range(20):\n        threading.Thread(target=stop.wait).start()\n        started += 1\n\
except RuntimeError as err:\n    print(err)\nprint(started)\nstop.set()\n";
    for (name, build) in BUILDS {
        let options = Options {
            build,
            limits: Limits {
                max_threads: 8,
                ..Limits::default()
            },
            ..Options::default()
        };
        let run = run_on_os(source, options);
        assert_eq!(
            run.stdout,
            "can't start new thread: this run allows at most 8 threads alive at once\n7\n",
            "{name}: {}",
            run.stderr
        );
        assert_eq!(run.outcome, Outcome::Finished, "{name}");
    }
}

#[test]
#[allow(
    clippy::disallowed_methods,
    reason = "the test measures how fast a cancel lands, in real time"
)]
fn cancel_stops_running_and_blocked_threads_quickly() {
    let source = "import threading\nimport time\nlock = threading.Lock()\nlock.acquire()\n\
def spin():\n    while True:\n        pass\n\
def blocked():\n    lock.acquire()\n\
def sleeper():\n    time.sleep(60)\n\
for target in (spin, blocked, sleeper, spin):\n    threading.Thread(target=target).start()\n\
threading.Event().wait()\n";
    for (name, build) in BUILDS {
        let host = CaptureHost::new();
        let options = Options {
            build,
            ..Options::default()
        };
        let interpreter = Arc::new(Interpreter::new(host.clone(), options));
        let flag = interpreter.cancel_flag();
        let canceller = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(150));
            let at = std::time::Instant::now();
            flag.cancel();
            at
        });
        let outcome = interpreter.run_main(source, "cancel.py");
        let stopped = std::time::Instant::now();
        let cancelled = canceller
            .join()
            .unwrap_or_else(|_| panic!("canceller failed"));
        let latency = stopped.saturating_duration_since(cancelled);
        assert_eq!(outcome, Outcome::Halted(Halt::Cancelled), "{name}");
        assert!(latency.as_millis() < 300, "{name}: took {latency:?}");
        assert_eq!(
            host.text(Stream::Stderr),
            "KeyboardInterrupt: the run was cancelled\n",
            "{name}"
        );
    }
}

#[test]
fn a_time_limit_stops_every_thread() {
    let source = "import threading\ndef spin():\n    while True:\n        pass\n\
threading.Thread(target=spin).start()\nthreading.Thread(target=spin, daemon=True).start()\n";
    for (name, build) in BUILDS {
        let options = Options {
            build,
            limits: Limits {
                time_ms: Some(200.0),
                ..Limits::default()
            },
            ..Options::default()
        };
        let run = run_on_os(source, options);
        assert_eq!(run.outcome, Outcome::Halted(Halt::TimeLimit), "{name}");
    }
}

/// How many threads this process has (Linux).
fn os_threads() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_hundred_runs_in_one_process_leave_no_thread_and_no_object_behind() {
    let source = "import threading\nimport queue\nfrom concurrent.futures import ThreadPoolExecutor\n\
results = queue.Queue()\nlock = threading.Lock()\n\
def work(n):\n    with lock:\n        results.put(n * n)\n    return [n] * 3\n\
threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]\n\
for t in threads:\n    t.start()\nfor t in threads:\n    t.join()\n\
with ThreadPoolExecutor(max_workers=3) as pool:\n    total = sum(len(x) for x in pool.map(work, range(6)))\n\
threading.Thread(target=threading.Event().wait, daemon=True).start()\n\
print(results.qsize(), total)\n";
    let before = os_threads();
    for round in 0..100 {
        let build = BUILDS[round % 3].1;
        let host = CaptureHost::new();
        let options = Options {
            build,
            ..Options::default()
        };
        let interpreter = Interpreter::new(host.clone(), options);
        let outcome = interpreter.run_main(source, "repeat.py");
        assert_eq!(
            outcome,
            Outcome::Finished,
            "round {round}: {}",
            host.text(Stream::Stderr)
        );
        assert_eq!(host.text(Stream::Stdout), "10 18\n");
        assert_eq!(interpreter.live_containers(), 0, "round {round}");
    }
    std::thread::sleep(std::time::Duration::from_millis(50));
    assert!(
        os_threads() <= before,
        "{} host threads before, {} after",
        before,
        os_threads()
    );
}

#[test]
fn a_driver_stepping_in_small_budgets_runs_every_thread_to_the_end() {
    let source = "import threading\nimport queue\nq = queue.Queue()\n\
def produce():\n    for i in range(200):\n        q.put(i)\n    q.put(None)\n\
t = threading.Thread(target=produce)\nt.start()\ntotal = 0\n\
while (item := q.get()) is not None:\n    total += item\nt.join()\nprint(total)\n";
    for (name, build) in BUILDS {
        let host = CaptureHost::new();
        let options = Options {
            build,
            ..Options::default()
        };
        let interpreter = Interpreter::new(host.clone(), options);
        let Ok(mut program) = Program::start(&interpreter, source, "steps.py") else {
            panic!("the program did not compile");
        };
        let mut steps = 0;
        let outcome = loop {
            steps += 1;
            match program.step(200) {
                threadline_python::Step::Finished(outcome) => break outcome,
                threadline_python::Step::Idle { .. } | threadline_python::Step::Running => {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                threadline_python::Step::WaitingOutside => panic!("nothing waits outside"),
            }
        };
        assert_eq!(
            outcome,
            Outcome::Finished,
            "{name}: {}",
            host.text(Stream::Stderr)
        );
        assert_eq!(host.text(Stream::Stdout), "19900\n", "{name}");
        assert!(steps > 5, "{name}: {steps} steps");
    }
}

//! The limits of a run: recursion, memory, output, cancel (each with its
//! message), and an infinite loop that cancel stops.

mod support;

use std::sync::Arc;
use std::time::Duration;
use support::{last_error_line, run, run_with};
use threadline_python::host::Stream;
use threadline_python::limits::{self, Limits};
use threadline_python::native::NativeHost;
use threadline_python::objects::exception::Halt;
use threadline_python::{Interpreter, Options, Outcome};

#[test]
fn deep_recursion_raises_recursion_error() {
    let result = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    assert_eq!(
        last_error_line(&result),
        "RecursionError: maximum recursion depth exceeded"
    );
    assert!(result.stderr.contains("[Previous line repeated"));
    let result = run(
        "import sys\nsys.setrecursionlimit(50)\ndef f(n):\n    return 0 if n == 0 else f(n - 1)\nprint(f(40))\nf(100)\n",
    );
    assert_eq!(result.stdout, "0\n");
    assert_eq!(
        last_error_line(&result),
        "RecursionError: maximum recursion depth exceeded"
    );
}

#[test]
fn recursion_through_builtins_is_bounded_too() {
    let result = run("class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n");
    assert_eq!(
        last_error_line(&result),
        "RecursionError: maximum recursion depth exceeded while calling a Python object"
    );
    let result = run("def f(n):\n    return sorted([1, 2], key=lambda x: f(n + 1))\nf(0)\n");
    assert!(
        last_error_line(&result).starts_with("RecursionError: maximum recursion depth exceeded")
    );
}

fn small_heap() -> Limits {
    Limits {
        memory_bytes: 32 << 20,
        ..Limits::default()
    }
}

#[test]
fn huge_allocations_raise_memory_error() {
    for source in [
        "x = 'x' * 10**9\n",
        "x = list(range(10**8))\n",
        "x = [0] * 10**9\n",
        "x = b'ab' * 10**9\n",
        "x = 2 ** (10**10)\n",
    ] {
        let result = run_with(source, small_heap());
        assert_eq!(last_error_line(&result), "MemoryError", "for {source:?}");
    }
}

#[test]
fn growing_without_end_raises_memory_error() {
    let result = run_with(
        "items = []\nwhile True:\n    items.append([0] * 100)\n",
        small_heap(),
    );
    assert_eq!(last_error_line(&result), "MemoryError");
    let result = run_with(
        "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1\n",
        small_heap(),
    );
    assert_eq!(last_error_line(&result), "MemoryError");
}

#[test]
fn output_past_the_limit_stops_the_program() {
    let limits = Limits {
        output_bytes: 10_000,
        ..Limits::default()
    };
    let result = run_with("while True:\n    print('spam spam spam')\n", limits);
    assert_eq!(result.outcome, Outcome::Halted(Halt::OutputLimit));
    assert!(result.stdout.len() <= 10_000);
    assert_eq!(last_error_line(&result), limits::OUTPUT_LIMIT_MESSAGE);
}

/// Runs `source` on the OS host, cancels it after `after`, and says how long
/// the cancel took to stop it.
#[allow(
    clippy::disallowed_methods,
    reason = "the test measures real time on the native host"
)]
fn cancel_after(source: &str, after: Duration) -> (Outcome, Duration) {
    let interpreter = Arc::new(Interpreter::new(
        Arc::new(NativeHost::new()),
        Options::default(),
    ));
    let flag = interpreter.cancel_flag();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(after);
        let cancelled_at = std::time::Instant::now();
        flag.cancel();
        cancelled_at
    });
    let outcome = interpreter.run_main(source, "cancel.py");
    let stopped_at = std::time::Instant::now();
    let cancelled_at = canceller
        .join()
        .unwrap_or_else(|_| panic!("the canceller failed"));
    (outcome, stopped_at.saturating_duration_since(cancelled_at))
}

#[test]
fn cancel_stops_an_infinite_loop_quickly() {
    let (outcome, latency) = cancel_after("while True:\n    pass\n", Duration::from_millis(100));
    assert_eq!(outcome, Outcome::Halted(Halt::Cancelled));
    assert!(latency < Duration::from_millis(200), "took {latency:?}");
}

#[test]
fn cancel_stops_a_sleep_and_a_long_builtin() {
    let (outcome, latency) =
        cancel_after("import time\ntime.sleep(30)\n", Duration::from_millis(100));
    assert_eq!(outcome, Outcome::Halted(Halt::Cancelled));
    assert!(latency < Duration::from_millis(200), "took {latency:?}");
    let (outcome, latency) =
        cancel_after("print(sum(range(10**12)))\n", Duration::from_millis(100));
    assert_eq!(outcome, Outcome::Halted(Halt::Cancelled));
    assert!(latency < Duration::from_millis(200), "took {latency:?}");
}

#[test]
fn cancel_is_not_an_exception_a_program_can_catch() {
    let source = "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        print('caught')\n    finally:\n        print('finally')\n";
    let (outcome, _) = cancel_after(source, Duration::from_millis(50));
    assert_eq!(outcome, Outcome::Halted(Halt::Cancelled));
}

#[test]
fn a_cancelled_run_says_so() {
    let host = threadline_python::host::MemoryHost::new();
    let interpreter = Interpreter::new(host.clone(), Options::default());
    interpreter.cancel_flag().cancel();
    let outcome = interpreter.run_main("while True:\n    pass\n", "cancel.py");
    assert_eq!(outcome, Outcome::Halted(Halt::Cancelled));
    assert_eq!(outcome.exit_code(), 130);
    assert_eq!(
        host.text(Stream::Stderr),
        format!("{}\n", limits::CANCEL_MESSAGE)
    );
}

//! The interpreter run through its embedding API: behaviour a corpus program
//! would see only coarsely (reference counts, blocking and resuming, the
//! heap being freed, generators, exceptions).

mod support;

use support::{last_error_line, run};
use threadline_python::host::{MemoryHost, Stream};
use threadline_python::vm::{Build, RunStatus};
use threadline_python::{Interpreter, Options, Outcome, Program, Step};

#[test]
fn refcounts_are_cpython_s_for_the_usual_cases() {
    // Expected values printed by CPython 3.11 for the same program.
    let result = run("import sys\n\
         a = []\n\
         print(sys.getrefcount(a))\n\
         b = []\n\
         b.append(a)\n\
         print(sys.getrefcount(a))\n\
         def f(x):\n    return sys.getrefcount(x)\n\
         print(f([]))\n\
         print(f(a))\n\
         c = {'k': a}\n\
         print(sys.getrefcount(a))\n\
         del b\n\
         print(sys.getrefcount(a))\n\
         def g():\n    local = [1, 2]\n    other = local\n    return sys.getrefcount(local)\n\
         print(g())\n\
         class C:\n    pass\n\
         obj = C()\n\
         print(sys.getrefcount(obj))\n");
    assert_eq!(result.stdout, "2\n3\n2\n4\n4\n3\n3\n2\n");
}

#[test]
fn cycles_are_freed_when_a_program_ends() {
    let source = "class Node:\n    def __init__(self):\n        self.me = self\n        self.items = [self]\n\
                  def make():\n    def inner():\n        return inner\n    return inner\n\
                  nodes = [Node() for _ in range(50)]\n\
                  fs = [make() for _ in range(20)]\n\
                  d = {}\n\
                  d['self'] = d\n\
                  def gen():\n    yield 1\n\
                  g = gen()\n\
                  next(g)\n\
                  print(len(nodes))\n";
    for _ in 0..100 {
        let host = MemoryHost::new();
        let interpreter = Interpreter::new(host.clone(), Options::default());
        assert!(matches!(
            interpreter.run_main(source, "cycles.py"),
            Outcome::Finished
        ));
        assert_eq!(host.text(Stream::Stdout), "50\n");
        assert_eq!(
            interpreter.live_containers(),
            0,
            "a container outlived its program"
        );
        assert!(
            interpreter.interp().heap.bytes() < 64 * 1024,
            "heap bytes kept: {}",
            interpreter.interp().heap.bytes()
        );
    }
}

#[test]
fn a_one_core_sleep_hands_control_back_to_the_driver() {
    let host = MemoryHost::new();
    let options = Options {
        build: Build::OneCore,
        ..Options::default()
    };
    let interpreter = Interpreter::new(host.clone(), options);
    let source = "import time\nprint('a')\ntime.sleep(1.5)\nprint('b')\n";
    let Ok(mut program) = Program::start(&interpreter, source, "sleep.py") else {
        panic!("the program did not compile");
    };
    let step = program.step(u64::MAX);
    let Step::Idle { until_ms } = step else {
        panic!("expected every thread to wait, got {step:?}");
    };
    assert_eq!(host.text(Stream::Stdout), "a\n");
    assert!((until_ms - 1500.0).abs() < 1e-6);
    assert!(
        matches!(program.step(u64::MAX), Step::Idle { .. }),
        "a step before the deadline finds nothing to do"
    );
    host.advance(1500.0);
    assert_eq!(program.step(u64::MAX), Step::Finished(Outcome::Finished));
    assert_eq!(host.text(Stream::Stdout), "a\nb\n");
}

#[test]
fn sleep_inside_a_nested_call_waits_in_place() {
    let result =
        run("import time\nlist(map(time.sleep, [0.25, 0.25]))\nprint(time.perf_counter())\n");
    assert_eq!(result.stdout, "0.5\n");
}

#[test]
fn a_budget_splits_a_run_into_slices() {
    let (interpreter, host) = support::interpreter();
    let Ok(mut vm) = interpreter.start_main(
        "t = 0\nfor i in range(10000):\n    t += i\nprint(t)\n",
        "budget.py",
    ) else {
        panic!("the program did not compile");
    };
    let mut slices = 0;
    loop {
        match vm.run(100) {
            RunStatus::BudgetSpent => slices += 1,
            RunStatus::Finished(result) => {
                assert!(result.is_ok());
                break;
            }
            RunStatus::Blocked(wait) => panic!("unexpected wait {wait:?}"),
        }
    }
    assert!(slices >= 90, "only {slices} slices");
    assert_eq!(host.text(Stream::Stdout), "49995000\n");
}

#[test]
fn generators_send_throw_and_close() {
    let result = run(
        "def gen():\n    try:\n        x = yield 1\n        while True:\n            x = yield x * 2\n    except ValueError as e:\n        yield f'caught {e}'\n    finally:\n        print('closing')\n\
         g = gen()\n\
         print(next(g), g.send(5), g.send(7))\n\
         print(g.throw(ValueError('boom')))\n\
         g.close()\n\
         def inner():\n    try:\n        yield 'a'\n    except KeyError:\n        yield 'inner caught'\n    return 'done'\n\
         def outer():\n    result = yield from inner()\n    yield result\n\
         o = outer()\n\
         print(next(o), o.throw(KeyError('k')), next(o))\n\
         def bad():\n    raise StopIteration\n    yield\n\
         try:\n    next(bad())\nexcept RuntimeError as e:\n    print(type(e).__name__, e, type(e.__cause__).__name__)\n",
    );
    assert_eq!(
        result.stdout,
        "1 10 14\ncaught boom\nclosing\na inner caught done\nRuntimeError generator raised StopIteration StopIteration\n"
    );
}

#[test]
fn coroutines_run_by_hand() {
    let result = run(
        "class Ready:\n    def __await__(self):\n        value = yield 'suspended'\n        return value\n\
         async def work():\n    got = await Ready()\n    return got + 1\n\
         c = work()\n\
         print(c.send(None))\n\
         try:\n    c.send(41)\nexcept StopIteration as stop:\n    print(stop.value)\n",
    );
    assert_eq!(result.stdout, "suspended\n42\n");
}

#[test]
fn finally_and_with_run_on_every_exit() {
    let result = run(
        "class M:\n    def __enter__(self):\n        print('enter')\n        return self\n    def __exit__(self, *exc):\n        print('exit', exc[0].__name__ if exc[0] else None)\n        return True\n\
         def f():\n    for i in range(3):\n        try:\n            with M():\n                if i == 1:\n                    continue\n                if i == 2:\n                    return 'returned'\n                raise KeyError(i)\n        finally:\n            print('finally', i)\n\
         print(f())\n\
         def g():\n    try:\n        return 'try'\n    finally:\n        return 'finally wins'\n\
         print(g())\n",
    );
    assert_eq!(
        result.stdout,
        "enter\nexit KeyError\nfinally 0\nenter\nexit None\nfinally 1\nenter\nexit None\nfinally 2\nreturned\nfinally wins\n"
    );
}

#[test]
fn exceptions_chain_context_and_cause() {
    let result =
        run("try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('bad') from e\n");
    assert!(
        result
            .stderr
            .contains("The above exception was the direct cause of the following exception:")
    );
    assert_eq!(last_error_line(&result), "ValueError: bad");
    let result = run("try:\n    1/0\nexcept ZeroDivisionError:\n    undefined\n");
    assert!(
        result
            .stderr
            .contains("During handling of the above exception, another exception occurred:")
    );
    assert_eq!(
        last_error_line(&result),
        "NameError: name 'undefined' is not defined"
    );
}

#[test]
fn unknown_modules_and_files_say_what_is_offered() {
    let result = run("import numpy\n");
    assert_eq!(
        last_error_line(&result),
        "ModuleNotFoundError: No module named 'numpy'"
    );
    assert!(
        result
            .stderr
            .contains("Threadline Python offers these modules:")
    );
    let result = run("open('data.txt')\n");
    assert!(last_error_line(&result).starts_with("NotImplementedError: open() is not available"));
    let result = run("print(repr(input('name? ')))\n");
    assert_eq!(result.stdout, "name? ''\n");
}

#[test]
fn random_repeats_cpython_s_sequence() {
    // Printed by CPython 3.11 after random.seed(1).
    let result = run(
        "import random\nrandom.seed(1)\nprint(random.random(), random.randint(1, 100), random.choice('abc'))\n",
    );
    assert_eq!(result.stdout, "0.13436424411240122 98 a\n");
}

//! The GIL's mechanism, tested in `one-core` with an injected clock (the host's clock moves a
//! fixed step at every reading), so every run of a program takes the same decisions at the same
//! times: drop requests at the switch interval and never before, forced switching, release on
//! blocking, and seeds that fix (or vary) the interleaving.

use threadline_core::program::ProgramRecord;
use threadline_core::record::{Activity, GilEvent, GilMark};
use threadline_python::host::{MemoryHost, Stream};
use threadline_python::vm::Build;
use threadline_python::{Interpreter, Options, Outcome, Program};

/// Milliseconds the injected clock moves at each reading.
const TICK_MS: f64 = 0.02;
/// The default switch interval, ms.
const INTERVAL_MS: f64 = 5.0;
/// Floating-point slack on times recorded in microseconds.
const EPSILON_MS: f64 = 1e-6;

/// Two threads that only compute, and the main thread joining them.
const TWO_SPINNERS: &str = "import threading\n\
def spin(n):\n    while n > 0:\n        n -= 1\n\
ts = [threading.Thread(target=spin, args=(1500000,)) for _ in range(2)]\n\
for t in ts:\n    t.start()\nfor t in ts:\n    t.join()\nprint('done')\n";

/// Runs `source` in one-core on the injected clock; its record and stdout.
fn run(source: &str, seed: u64, switch_interval_ms: Option<f64>) -> (ProgramRecord, String) {
    let host = MemoryHost::ticking(TICK_MS);
    let options = Options {
        build: Build::OneCore,
        trace: true,
        seed,
        switch_interval_ms,
        ..Options::default()
    };
    let interpreter = Interpreter::new(host.clone(), options);
    let Ok(mut program) = Program::start(&interpreter, source, "gil.py") else {
        panic!("the program did not compile");
    };
    let outcome = program.run_to_end();
    assert_eq!(outcome, Outcome::Finished, "{}", host.text(Stream::Stderr));
    (program.record(), host.text(Stream::Stdout))
}

fn ms(mark: &GilMark) -> f64 {
    mark.at_us / 1000.0
}

/// The times the GIL went to another thread than its last holder.
fn switches(record: &ProgramRecord) -> Vec<f64> {
    let mut last = None;
    let mut times = Vec::new();
    for mark in &record.gil_marks {
        if mark.event == GilEvent::Took {
            if last.is_some_and(|lane| lane != mark.lane) {
                times.push(ms(mark));
            }
            last = Some(mark.lane);
        }
    }
    times
}

/// When `lane` last began to wait for the GIL, at or before `at_ms`.
fn wait_began(record: &ProgramRecord, lane: u16, at_ms: f64) -> f64 {
    record
        .marks
        .iter()
        .filter(|m| m.lane == lane && m.activity == Activity::WaitGil && m.at_us / 1000.0 <= at_ms)
        .map(|m| m.at_us / 1000.0)
        .fold(f64::MIN, f64::max)
}

/// Checks every drop request of `record` against CPython's rule for `interval`: a waiter asks
/// once it has waited a whole interval with no switch meanwhile, so a request comes at least one
/// interval after both its wait began and the last switch, and at most two after the later of
/// them (the round a switch interrupted, then one whole round). Returns how many there were.
fn check_requests(record: &ProgramRecord, interval: f64) -> usize {
    let switches = switches(record);
    let requests: Vec<&GilMark> = record
        .gil_marks
        .iter()
        .filter(|m| m.event == GilEvent::Requested)
        .collect();
    for request in &requests {
        let at = ms(request);
        let last_switch = switches
            .iter()
            .copied()
            .filter(|&s| s <= at)
            .fold(f64::MIN, f64::max);
        let since = at - wait_began(record, request.lane, at).max(last_switch);
        assert!(
            since >= interval - EPSILON_MS,
            "a request {since} ms after the wait or switch"
        );
        assert!(
            since <= 2.0 * interval + EPSILON_MS,
            "a request {since} ms after the wait or switch"
        );
    }
    requests.len()
}

#[test]
fn drop_requests_come_at_the_switch_interval_and_never_before() {
    let (record, stdout) = run(TWO_SPINNERS, 1, None);
    assert_eq!(stdout, "done\n");
    let requests = check_requests(&record, INTERVAL_MS);
    assert!(requests >= 5, "only {requests} drop requests");
}

#[test]
fn the_holder_drops_at_its_next_check_and_another_thread_takes_it() {
    let (record, _) = run(TWO_SPINNERS, 1, None);
    let marks = &record.gil_marks;
    let mut forced = 0;
    for (i, request) in marks.iter().enumerate() {
        if request.event != GilEvent::Requested {
            continue;
        }
        let Some(drop) = marks[i..].iter().find(|m| m.event == GilEvent::Dropped) else {
            panic!("a request nobody answered");
        };
        assert!(
            ms(drop) - ms(request) < 0.5,
            "dropped {} ms late",
            ms(drop) - ms(request)
        );
        let Some(next) = marks[i..]
            .iter()
            .skip_while(|m| m != &drop)
            .find(|m| m.event == GilEvent::Took)
        else {
            continue;
        };
        assert_ne!(
            next.lane, drop.lane,
            "forced switching: another thread must take it"
        );
        forced += 1;
    }
    assert!(forced >= 5, "only {forced} forced switches");
}

#[test]
fn a_shorter_switch_interval_gives_shorter_turns() {
    let source = format!("import sys\nsys.setswitchinterval(0.001)\n{TWO_SPINNERS}");
    let (record, _) = run(&source, 1, None);
    let requests = check_requests(&record, 1.0);
    assert!(requests >= 20, "only {requests} drop requests at 1 ms");
    let (record, _) = run(TWO_SPINNERS, 1, Some(2.0));
    let requests = check_requests(&record, 2.0);
    assert!(requests >= 10, "only {requests} drop requests at 2 ms");
}

#[test]
fn a_blocking_call_lets_go_of_the_gil_without_being_asked() {
    let source = "import threading\nimport time\n\
def spin(n):\n    while n > 0:\n        n -= 1\n\
def nap():\n    for _ in range(20):\n        time.sleep(0.001)\n\
a = threading.Thread(target=spin, args=(3000000,))\nb = threading.Thread(target=nap)\n\
a.start()\nb.start()\nb.join()\na.join()\n";
    let (record, _) = run(source, 1, None);
    let sleeper = 2;
    let sleeps: Vec<f64> = record
        .marks
        .iter()
        .filter(|m| m.lane == sleeper && m.activity == Activity::Sleep)
        .map(|m| m.at_us / 1000.0)
        .collect();
    assert_eq!(sleeps.len(), 20);
    for at in sleeps {
        let dropped = record.gil_marks.iter().any(|m| {
            m.lane == sleeper && m.event == GilEvent::Dropped && (ms(m) - at).abs() < EPSILON_MS
        });
        assert!(dropped, "the sleep at {at} ms kept the GIL");
        let took = record
            .gil_marks
            .iter()
            .filter(|m| m.lane == sleeper && m.event == GilEvent::Took && ms(m) <= at)
            .map(ms)
            .fold(f64::MIN, f64::max);
        let asked = record.gil_marks.iter().any(|m| {
            m.event == GilEvent::Requested && m.lane != sleeper && ms(m) >= took && ms(m) <= at
        });
        assert!(!asked, "the sleep at {at} ms answered a drop request");
    }
}

/// Three threads whose turns show in what they append.
const INTERLEAVED: &str = "import threading\norder = []\n\
def work(name):\n    for _ in range(60):\n        n = 2000\n        while n > 0:\n            n -= 1\n        order.append(name)\n\
ts = [threading.Thread(target=work, args=(c,)) for c in 'abc']\n\
for t in ts:\n    t.start()\nfor t in ts:\n    t.join()\n\
runs = []\nfor name in order:\n    if not runs or runs[-1][0] != name:\n        runs.append([name, 0])\n    runs[-1][1] += 1\n\
print(' '.join(f'{n}{k}' for n, k in runs))\n";

#[test]
fn the_same_seed_repeats_the_interleaving_and_others_may_not() {
    let lanes =
        |record: &ProgramRecord| -> Vec<u16> { record.gil_marks.iter().map(|m| m.lane).collect() };
    let (first, first_out) = run(INTERLEAVED, 7, Some(1.0));
    let (again, again_out) = run(INTERLEAVED, 7, Some(1.0));
    assert_eq!(first_out, again_out);
    assert_eq!(lanes(&first), lanes(&again));
    assert!(
        first_out.split(' ').count() > 6,
        "too few turns: {first_out}"
    );
    let outputs: std::collections::HashSet<String> = (1..=6)
        .map(|seed| run(INTERLEAVED, seed, Some(1.0)).1)
        .collect();
    assert!(outputs.len() > 1, "every seed gave {outputs:?}");
}

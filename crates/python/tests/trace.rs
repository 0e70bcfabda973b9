//! What a run records (PYTHON.md section 6), checked on the record itself in every build: lanes
//! named as Python names threads, no two threads computing at once under the GIL, every wait
//! with what it waits for, prints with their text and line, flows with both ends.

mod support;

use std::collections::HashMap;
use support::{BUILDS, CaptureHost};
use threadline_core::program::ProgramRecord;
use threadline_core::record::{Activity, EventKind};
use threadline_python::host::Stream;
use threadline_python::vm::Build;
use threadline_python::{Interpreter, Options, Outcome, Program};

const PROGRAM: &str = r#"import threading
import queue
import time
from concurrent.futures import ThreadPoolExecutor

lock_a = threading.Lock()
results = queue.Queue()
ready = threading.Event()

def work(n):
    ready.wait()
    total = 0
    for i in range(20000):
        total += i
    with lock_a:
        results.put(total + n)
    time.sleep(0.002)
    return n

threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
print("started")
ready.set()
for t in threads:
    t.join()
with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(work, n) for n in range(4)]
    print(sum(f.result() for f in futures))
print(results.qsize())
"#;

/// The lines of [`PROGRAM`] where its threads wait on the event and the
/// main thread joins.
const WAIT_LINE: u32 = 11;
const JOIN_LINE: u32 = 26;

fn record_of(build: Build) -> ProgramRecord {
    record_of_file(build, "trace.py")
}

/// The record of a run of [`PROGRAM`] under `filename` (the lab names its
/// program `<lab>`).
fn record_of_file(build: Build, filename: &str) -> ProgramRecord {
    let host = CaptureHost::new();
    let options = Options {
        build,
        trace: true,
        ..Options::default()
    };
    let interpreter = Interpreter::new(host.clone(), options);
    let Ok(mut program) = Program::start(&interpreter, PROGRAM, filename) else {
        panic!("the program did not compile");
    };
    let outcome = program.run_to_end();
    assert_eq!(outcome, Outcome::Finished, "{}", host.text(Stream::Stderr));
    assert_eq!(host.text(Stream::Stdout), "started\n6\n7\n");
    program.record()
}

#[test]
fn lanes_are_named_as_python_names_the_threads() {
    for (name, build) in BUILDS {
        let record = record_of(build);
        let names: Vec<&str> = record.lanes.iter().map(|lane| lane.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "MainThread",
                "Thread-1 (work)",
                "Thread-2 (work)",
                "Thread-3 (work)",
                "ThreadPoolExecutor-0_0",
                "ThreadPoolExecutor-0_1"
            ],
            "{name}"
        );
        assert_eq!(record.processes.len(), 1);
        assert_eq!(record.build, name);
    }
}

#[test]
fn under_the_gil_no_two_threads_run_bytecode_at_once() {
    for build in [Build::Gil, Build::OneCore] {
        let record = record_of(build);
        let running: Vec<_> = record
            .spans()
            .into_iter()
            .filter(|span| span.activity == Activity::Cpu && span.note == 0)
            .collect();
        assert!(running.len() > 10);
        for (i, a) in running.iter().enumerate() {
            for b in &running[i + 1..] {
                assert!(
                    a.lane == b.lane || !a.overlaps(b),
                    "{build:?}: lanes {} and {} both ran at {}-{} and {}-{} µs",
                    a.lane,
                    b.lane,
                    a.start_us,
                    a.end_us,
                    b.start_us,
                    b.end_us
                );
            }
        }
    }
}

#[test]
fn a_wait_is_recorded_at_the_programs_line_whatever_its_file_is_called() {
    for filename in ["trace.py", "<lab>"] {
        let record = record_of_file(Build::Gil, filename);
        let lines = |note: &str| -> Vec<u32> {
            let mut lines: Vec<u32> = record
                .spans()
                .into_iter()
                .filter(|span| record.note(span.note) == Some(note))
                .map(|span| span.line)
                .collect();
            lines.dedup();
            lines
        };
        // `t.join()` and `ready.wait()`, not the lines inside `threading`.
        assert_eq!(lines("join Thread-1 (work)"), [JOIN_LINE], "{filename}");
        assert_eq!(lines("Event.wait ready"), [WAIT_LINE], "{filename}");
    }
}

#[test]
fn every_wait_says_what_it_waits_for() {
    for (name, build) in BUILDS {
        let record = record_of(build);
        let waits: Vec<_> = record
            .spans()
            .into_iter()
            .filter(|span| matches!(span.activity, Activity::Wait | Activity::WaitLock))
            .collect();
        assert!(!waits.is_empty(), "{name}");
        for span in &waits {
            let note = record.note(span.note).unwrap_or("");
            assert!(!note.is_empty(), "{name}: a wait with no note: {span:?}");
            assert!(span.line > 0, "{name}: a wait with no line: {span:?}");
        }
        let notes: Vec<&str> = waits
            .iter()
            .filter_map(|span| record.note(span.note))
            .collect();
        assert!(notes.contains(&"join Thread-1 (work)"), "{name}: {notes:?}");
        assert!(notes.contains(&"Event.wait ready"), "{name}: {notes:?}");
        assert!(
            notes.iter().any(|n| n.starts_with("Future.result")),
            "{name}: {notes:?}"
        );
        let sleeps = record
            .spans()
            .into_iter()
            .filter(|span| span.activity == Activity::Sleep)
            .count();
        assert_eq!(sleeps, 7, "{name}");
    }
}

#[test]
fn prints_carry_their_text_and_line() {
    for (name, build) in BUILDS {
        let record = record_of(build);
        let prints: Vec<(String, u32)> = record
            .events
            .iter()
            .filter(|event| event.kind == EventKind::Print)
            .map(|event| (event.text.clone().unwrap_or_default(), event.line))
            .collect();
        assert_eq!(
            prints,
            [
                ("started\n".to_string(), 23),
                ("6\n".to_string(), 29),
                ("7\n".to_string(), 30)
            ],
            "{name}"
        );
    }
}

#[test]
fn flows_have_both_ends_and_locks_their_names() {
    for (name, build) in BUILDS {
        let record = record_of(build);
        let mut ends: HashMap<u64, (usize, usize)> = HashMap::new();
        let mut kinds: HashMap<EventKind, usize> = HashMap::new();
        for event in &record.events {
            *kinds.entry(event.kind).or_default() += 1;
            if let Some(flow) = event.flow {
                let entry = ends.entry(flow.id).or_default();
                if flow.arrives {
                    entry.1 += 1;
                } else {
                    entry.0 += 1;
                }
            }
        }
        for (id, (out, inward)) in &ends {
            assert_eq!((out, inward), (&1, &1), "{name}: flow {id}");
        }
        let count = |kind| kinds.get(&kind).copied().unwrap_or(0);
        assert_eq!(count(EventKind::Start), 5, "{name}: thread starts");
        assert_eq!(count(EventKind::Begin), 5, "{name}");
        assert!(count(EventKind::Join) >= 3, "{name}: joins");
        assert_eq!(count(EventKind::Submit), 4, "{name}: submits");
        assert_eq!(count(EventKind::Acquire), 7, "{name}: lock_a taken");
        assert_eq!(count(EventKind::Release), 7, "{name}");
        let acquired: Vec<&str> = record
            .events
            .iter()
            .filter(|event| event.kind == EventKind::Acquire)
            .filter_map(|event| event.text.as_deref())
            .collect();
        assert!(
            acquired.iter().all(|text| *text == "lock_a"),
            "{name}: {acquired:?}"
        );
    }
}

#[test]
fn gil_hand_overs_are_recorded_under_the_gil_only() {
    let record = record_of(Build::Gil);
    assert!(record.gil_marks.len() > 10);
    let record = record_of(Build::FreeThreaded);
    assert!(record.gil_marks.is_empty());
}

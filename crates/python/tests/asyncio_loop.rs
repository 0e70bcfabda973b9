//! The event loop's mechanism: timers in deadline order, concurrent sleeps that overlap
//! (checked on the one-core build's virtual clock, so the bound is exact), a task that
//! computes holding up the whole loop, and what a run records about its tasks: a lane per
//! task named as Python names it, its states with what it waits for, flows from creator to
//! task and from task to awaiter, and no two tasks of a loop running at once.

mod support;

use std::collections::HashMap;
use support::{BUILDS, CaptureHost};
use threadline_core::program::ProgramRecord;
use threadline_core::record::{Activity, EventKind, LaneKind};
use threadline_python::host::{MemoryHost, Stream};
use threadline_python::vm::Build;
use threadline_python::{Interpreter, Options, Outcome, Program};

/// Runs `source` in `one-core` on a host whose clock jumps to each deadline.
fn run_on_virtual_clock(source: &str) -> String {
    let host = MemoryHost::new();
    let options = Options {
        build: Build::OneCore,
        ..Options::default()
    };
    let interpreter = Interpreter::new(host.clone(), options);
    let outcome = interpreter.run_main(source, "loop.py");
    assert_eq!(outcome, Outcome::Finished, "{}", host.text(Stream::Stderr));
    host.text(Stream::Stdout)
}

#[test]
fn timers_fire_in_deadline_order() {
    let source = r#"import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fired = []
    for delay in (0.3, 0.1, 0.5, 0.2, 0.1, 0.0, 0.4):
        loop.call_later(delay, fired.append, delay)
    loop.call_soon(fired.append, "soon")
    await asyncio.sleep(0.6)
    print(fired)
asyncio.run(main())
"#;
    assert_eq!(
        run_on_virtual_clock(source),
        "['soon', 0.0, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5]\n"
    );
}

/// CPython's selector waits whole milliseconds, so timers due within the same
/// millisecond run in one turn, before anything the first of them schedules.
#[test]
fn timers_due_in_the_same_millisecond_run_in_one_turn() {
    let source = r#"import asyncio
async def main():
    loop = asyncio.get_running_loop()
    order = []
    def first():
        order.append("first")
        loop.call_soon(order.append, "soon after first")
    loop.call_later(0.0095, first)
    loop.call_later(0.0099, order.append, "second")
    await asyncio.sleep(0.02)
    print(order)
asyncio.run(main())
"#;
    assert_eq!(
        run_on_virtual_clock(source),
        "['first', 'second', 'soon after first']\n"
    );
}

#[test]
fn a_hundred_sleeps_gathered_take_one_sleep() {
    let source = r#"import asyncio, time
async def nap(i):
    await asyncio.sleep(0.2)
    return i
async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*(nap(i) for i in range(100)))
    elapsed = time.perf_counter() - start
    print(sum(results), 0.2 <= elapsed < 0.21, round(elapsed, 3))
asyncio.run(main())
"#;
    assert_eq!(run_on_virtual_clock(source), "4950 True 0.2\n");
}

#[test]
fn a_task_that_blocks_holds_up_every_timer() {
    let source = r#"import asyncio, time
async def ticker(log, start):
    await asyncio.sleep(0.1)
    log.append(round(time.perf_counter() - start, 1))
async def blocker():
    time.sleep(2)
async def main():
    log = []
    start = time.perf_counter()
    await asyncio.gather(ticker(log, start), blocker())
    print(log)
asyncio.run(main())
"#;
    assert_eq!(run_on_virtual_clock(source), "[2.0]\n");
}

#[test]
fn an_uncaught_error_in_main_ends_the_run_with_its_traceback() {
    let source = r#"import asyncio
async def main():
    await asyncio.sleep(0.01)
    raise KeyError("lost")
asyncio.run(main())
"#;
    let host = MemoryHost::new();
    let interpreter = Interpreter::new(host.clone(), Options::default());
    let outcome = interpreter.run_main(source, "loop.py");
    assert!(
        matches!(&outcome, Outcome::Exception { name, .. } if name == "KeyError"),
        "{outcome:?}"
    );
    assert!(host.text(Stream::Stderr).ends_with("KeyError: 'lost'\n"));
}

const TRACED: &str = r#"import asyncio

async def child(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    first = asyncio.create_task(child(0.02))
    second = asyncio.create_task(child(0.01), name="named")
    print(await first + await second)
    lock = asyncio.Lock()
    async with lock:
        await asyncio.gather(child(0.01), child(0.01))

asyncio.run(main())
"#;

fn traced(build: Build) -> ProgramRecord {
    let host = CaptureHost::new();
    let options = Options {
        build,
        trace: true,
        ..Options::default()
    };
    let interpreter = Interpreter::new(host.clone(), options);
    let Ok(mut program) = Program::start(&interpreter, TRACED, "tasks.py") else {
        panic!("the program did not compile");
    };
    let outcome = program.run_to_end();
    assert_eq!(outcome, Outcome::Finished, "{}", host.text(Stream::Stderr));
    assert_eq!(host.text(Stream::Stdout), "0.03\n");
    program.record()
}

#[test]
fn every_task_is_a_lane_named_as_python_names_it() {
    for (name, build) in BUILDS {
        let record = traced(build);
        let tasks: Vec<(&str, &LaneKind)> = record
            .lanes
            .iter()
            .filter(|lane| matches!(lane.kind, LaneKind::Task { .. }))
            .map(|lane| (lane.name.as_str(), &lane.kind))
            .collect();
        let names: Vec<&str> = tasks.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "Task-1", "Task-2", "named", "Task-4", "Task-5", "Task-6", "Task-7"
            ],
            "{name}"
        );
        for (_, kind) in tasks {
            assert_eq!(*kind, LaneKind::Task { event_loop: 0 }, "{name}");
        }
    }
}

#[test]
fn task_states_say_what_each_task_waits_for() {
    for (name, build) in BUILDS {
        let record = traced(build);
        let lane_of = |wanted: &str| {
            record
                .lanes
                .iter()
                .find(|lane| lane.name == wanted)
                .map(|lane| lane.lane)
        };
        let spans = record.spans();
        let of_lane = |lane: Option<u16>, activity: Activity| {
            spans
                .iter()
                .filter(|span| Some(span.lane) == lane && span.activity == activity)
                .map(|span| record.note(span.note).unwrap_or("").to_string())
                .collect::<Vec<String>>()
        };
        let main_waits = of_lane(lane_of("Task-1"), Activity::Wait);
        assert!(
            main_waits.contains(&"await Task-2".to_string()),
            "{name}: {main_waits:?}"
        );
        assert!(
            main_waits.contains(&"gather".to_string()),
            "{name}: {main_waits:?}"
        );
        assert_eq!(
            of_lane(lane_of("Task-2"), Activity::Sleep).len(),
            1,
            "{name}"
        );
        let sleep_lines: Vec<u32> = spans
            .iter()
            .filter(|span| Some(span.lane) == lane_of("Task-2") && span.activity == Activity::Sleep)
            .map(|span| span.line)
            .collect();
        assert_eq!(
            sleep_lines,
            [4],
            "{name}: the line of `await asyncio.sleep`"
        );
        assert!(
            !of_lane(lane_of("named"), Activity::Cpu).is_empty(),
            "{name}"
        );
        let ends: Vec<Activity> = record
            .marks
            .iter()
            .filter(|mark| Some(mark.lane) == lane_of("Task-4"))
            .map(|mark| mark.activity)
            .collect();
        assert_eq!(ends.last(), Some(&Activity::Done), "{name}: {ends:?}");
    }
}

#[test]
fn no_two_tasks_of_a_loop_run_at_once() {
    for (name, build) in BUILDS {
        let record = traced(build);
        let tasks: Vec<u16> = record
            .lanes
            .iter()
            .filter(|lane| matches!(lane.kind, LaneKind::Task { .. }))
            .map(|lane| lane.lane)
            .collect();
        let running: Vec<_> = record
            .spans()
            .into_iter()
            .filter(|span| span.activity == Activity::Cpu && tasks.contains(&span.lane))
            .collect();
        assert!(running.len() >= 7, "{name}");
        for (i, a) in running.iter().enumerate() {
            for b in &running[i + 1..] {
                assert!(
                    a.lane == b.lane || !a.overlaps(b),
                    "{name}: tasks on lanes {} and {} ran at once",
                    a.lane,
                    b.lane
                );
            }
        }
    }
}

#[test]
fn task_flows_go_from_creator_to_task_and_from_task_to_awaiter() {
    for (name, build) in BUILDS {
        let record = traced(build);
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
        assert_eq!(count(EventKind::Begin), 7, "{name}: every task begins");
        assert_eq!(count(EventKind::Join), 3, "{name}: awaited tasks");
    }
}

#[test]
fn an_uncaught_exception_group_is_drawn_as_cpython_draws_it() {
    let source = r#"try:
    raise ValueError("inner")
except ValueError as e:
    import asyncio
    g = ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("nested", [TypeError("t")])])
    raise g
"#;
    let expected = r#"Traceback (most recent call last):
  File "loop.py", line 2, in <module>
    raise ValueError("inner")
ValueError: inner

During handling of the above exception, another exception occurred:

  + Exception Group Traceback (most recent call last):
  |   File "loop.py", line 6, in <module>
  |     raise g
  | ExceptionGroup: outer (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | KeyError: 'k'
    +---------------- 2 ----------------
    | ExceptionGroup: nested (1 sub-exception)
    +-+---------------- 1 ----------------
      | TypeError: t
      +------------------------------------
"#;
    let host = MemoryHost::new();
    let interpreter = Interpreter::new(host.clone(), Options::default());
    let outcome = interpreter.run_main(source, "loop.py");
    assert!(matches!(outcome, Outcome::Exception { .. }), "{outcome:?}");
    assert_eq!(host.text(Stream::Stderr), expected);
}

#[test]
fn thousands_of_recorded_tasks_leave_lanes_for_threads() {
    let source = r#"import asyncio, threading
async def nothing(i):
    return i
async def main():
    print(sum(await asyncio.gather(*(nothing(i) for i in range(1500)))))
asyncio.run(main())
worker = threading.Thread(target=print, args=("thread ran",))
worker.start()
worker.join()
"#;
    let host = CaptureHost::new();
    let options = Options {
        trace: true,
        ..Options::default()
    };
    let interpreter = Interpreter::new(host.clone(), options);
    let Ok(mut program) = Program::start(&interpreter, source, "many.py") else {
        panic!("the program did not compile");
    };
    assert_eq!(program.run_to_end(), Outcome::Finished);
    assert_eq!(host.text(Stream::Stdout), "1124250\nthread ran\n");
    let tasks = program
        .record()
        .lanes
        .iter()
        .filter(|lane| matches!(lane.kind, LaneKind::Task { .. }))
        .count();
    assert_eq!(tasks, 1024);
}

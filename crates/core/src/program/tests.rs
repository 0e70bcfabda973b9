use super::*;
use crate::clock::Clock;
use crate::record::{Activity, EventKind, Flow, GilEvent, Marker};
use crate::spans::GIL_TRACK;
use serde_json::Value;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A clock the test sets.
#[derive(Default)]
struct SetClock(AtomicU64);

impl SetClock {
    fn set(&self, ms: f64) {
        self.0.store(ms.to_bits(), Ordering::SeqCst);
    }
}

impl Clock for SetClock {
    fn now_ms(&self) -> f64 {
        f64::from_bits(self.0.load(Ordering::SeqCst))
    }
}

fn thread(lane: u16, name: &str, process: u16) -> LaneInfo {
    LaneInfo {
        lane,
        name: name.into(),
        process,
        kind: LaneKind::Thread,
    }
}

/// MainThread starts Thread-1 and waits for it on a join; Thread-1 runs,
/// prints and ends; a child process's main thread runs a task.
fn story() -> ProgramRecord {
    let clock = Arc::new(SetClock::default());
    let recorder = Recorder::start(clock.clone(), true);
    recorder.name_process(ProcessInfo {
        process: 0,
        name: "MainProcess".into(),
        pid: 40,
    });
    recorder.name_process(ProcessInfo {
        process: 1,
        name: "SpawnProcess-1".into(),
        pid: 41,
    });
    recorder.name_lane(thread(0, "MainThread", 0));
    recorder.name_lane(thread(1, "Thread-1 (work)", 0));
    recorder.name_lane(thread(2, "MainThread", 1));
    recorder.name_lane(LaneInfo {
        lane: 3,
        name: "Task-1".into(),
        process: 1,
        kind: LaneKind::Task { event_loop: 2 },
    });
    let join = recorder.note("join Thread-1 (work)");
    let start = recorder.new_flow();
    recorder.state_at(0.0, 0, Activity::Cpu, 0, 3);
    recorder.gil(0.0, 0, GilEvent::Took);
    let out = Some(Flow {
        id: start,
        arrives: false,
    });
    recorder.event_at(
        1.0,
        0,
        EventKind::Start,
        7,
        Some("Thread-1 (work)".into()),
        out,
    );
    recorder.state_at(2.0, 0, Activity::Wait, join, 8);
    recorder.gil(2.0, 0, GilEvent::Dropped);
    recorder.gil(2.5, 1, GilEvent::Took);
    let arrive = Some(Flow {
        id: start,
        arrives: true,
    });
    recorder.event_at(2.5, 1, EventKind::Begin, 4, None, arrive);
    recorder.state_at(2.5, 1, Activity::Cpu, 0, 4);
    recorder.event_at(3.0, 1, EventKind::Print, 5, Some("hello".into()), None);
    recorder.state_at(4.0, 1, Activity::Done, 0, 5);
    recorder.gil(4.0, 1, GilEvent::Dropped);
    recorder.state_at(4.5, 0, Activity::Cpu, 0, 9);
    recorder.state_at(1.0, 2, Activity::Cpu, 0, 1);
    recorder.state_at(
        1.5,
        3,
        Activity::Sleep,
        recorder.note("asyncio.sleep(0.002)"),
        2,
    );
    recorder.state_at(3.5, 3, Activity::Done, 0, 2);
    clock.set(6.0);
    recorder.mark(2, Activity::Done, None);
    ProgramRecord::of(&recorder, "gil", 6.0)
}

fn events_where<'a>(trace: &'a Value, keep: impl Fn(&Value) -> bool + 'a) -> Vec<&'a Value> {
    trace["traceEvents"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| keep(e))
        .collect()
}

#[test]
fn the_record_keeps_who_each_lane_is_and_what_its_waits_were_for() {
    let record = story();
    assert_eq!(record.lanes.len(), 4);
    assert_eq!(record.process_of(3), 1);
    assert!(record.is_task(3) && !record.is_task(2));
    let waits: Vec<_> = record
        .spans()
        .into_iter()
        .filter(|s| s.activity == Activity::Wait)
        .map(|s| (s.lane, record.note(s.note), s.line, s.start_us, s.end_us))
        .collect();
    assert_eq!(
        waits,
        [(0, Some("join Thread-1 (work)"), 8, 2000.0, 4500.0)]
    );
    assert_eq!(record.note(0), None);
    assert_eq!(record.note(99), None);
}

#[test]
fn the_trace_places_threads_processes_and_tasks_as_python_names_them() {
    let trace = program_trace(&story());
    let thread_names: Vec<(u64, u64, &str)> = events_where(&trace, |e| e["name"] == "thread_name")
        .iter()
        .map(|e| {
            let pid = e["pid"].as_u64().expect("pid");
            (
                pid,
                e["tid"].as_u64().expect("tid"),
                e["args"]["name"].as_str().expect("name"),
            )
        })
        .collect();
    assert_eq!(
        thread_names,
        [
            (40, 1, "MainThread"),
            (40, 2, "Thread-1 (work)"),
            (41, 3, "MainThread")
        ],
        "a task is no thread"
    );
    let task: Vec<_> = events_where(&trace, |e| e["ph"] == "b" || e["ph"] == "e");
    assert_eq!(task.len(), 2, "one sleep of the task, begun and ended");
    assert!(
        task.iter().all(|e| e["pid"] == 41 && e["tid"] == 3),
        "on its loop's thread"
    );
    assert_eq!(task[0]["args"]["waits_for"], "asyncio.sleep(0.002)");
    let waits = events_where(&trace, |e| e["ph"] == "X" && e["cat"] == "wait");
    assert_eq!(waits.len(), 1);
    assert_eq!(waits[0]["args"]["line"], 8);
    assert_eq!(waits[0]["args"]["waits_for"], "join Thread-1 (work)");
    assert_eq!(trace["otherData"]["build"], "gil");
}

#[test]
fn every_flow_has_both_ends_and_every_event_an_instant_with_its_line() {
    let trace = program_trace(&story());
    let starts = events_where(&trace, |e| e["ph"] == "s");
    let ends = events_where(&trace, |e| e["ph"] == "f");
    assert_eq!((starts.len(), ends.len()), (1, 1));
    assert_eq!(starts[0]["id"], ends[0]["id"]);
    assert_eq!(
        (starts[0]["tid"].as_u64(), ends[0]["tid"].as_u64()),
        (Some(1), Some(2))
    );
    let prints = events_where(&trace, |e| e["ph"] == "i" && e["name"] == "print");
    assert_eq!(prints.len(), 1);
    assert_eq!(prints[0]["args"]["text"], "hello");
    assert_eq!(prints[0]["args"]["line"], 5);
    assert_eq!(prints[0]["args"]["lane"], "Thread-1 (work)");
}

#[test]
fn the_gil_counter_names_the_holding_thread_and_no_two_threads_compute_at_once() {
    let trace = program_trace(&story());
    let holders: Vec<_> = events_where(&trace, |e| e["ph"] == "C")
        .iter()
        .map(|e| {
            (
                e["ts"].as_f64().expect("ts"),
                e["args"]["thread"].as_u64().expect("tid"),
            )
        })
        .collect();
    assert_eq!(holders, [(0.0, 1), (2000.0, 0), (2500.0, 2), (4000.0, 0)]);
    let mut cpu: Vec<(f64, f64)> = events_where(&trace, |e| e["cat"] == "cpu" && e["pid"] == 40)
        .iter()
        .map(|e| {
            let ts = e["ts"].as_f64().expect("ts");
            (ts, ts + e["dur"].as_f64().expect("dur"))
        })
        .collect();
    cpu.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(cpu.windows(2).all(|w| w[0].1 <= w[1].0), "{cpu:?}");
}

#[test]
fn the_timeline_has_a_group_per_process_with_tasks_under_their_loop_and_a_gil_track() {
    let record = story();
    let groups = program_groups(&record, 6000.0);
    let lanes = |g: &ProgramGroup| -> Vec<String> {
        g.input.lanes.iter().map(|(_, name)| name.clone()).collect()
    };
    assert_eq!(groups.len(), 2);
    assert_eq!(
        (groups[0].input.title.as_str(), groups[0].pid),
        ("MainProcess", 40)
    );
    assert_eq!(
        lanes(&groups[0]),
        ["MainThread", "Thread-1 (work)", "GIL holder"]
    );
    assert_eq!(
        lanes(&groups[1]),
        ["MainThread", "Task-1"],
        "no GIL marks there"
    );
    let holders: Vec<Option<u32>> = groups[0]
        .spans
        .iter()
        .filter(|s| s.lane == GIL_TRACK)
        .map(|s| s.task)
        .collect();
    assert_eq!(holders, [Some(0), Some(1)]);
    assert!(
        groups[1].spans.iter().all(|s| s.lane >= 2),
        "a process shows only its own lanes"
    );
}

#[test]
fn at_each_moment_every_live_lane_stands_on_its_last_recorded_line() {
    let record = story();
    let at = |ms: f64| -> Vec<(u16, u32)> {
        record
            .standing_at(ms * 1000.0)
            .iter()
            .map(|s| (s.lane, s.line))
            .collect()
    };
    assert_eq!(at(0.5), [(0, 3)], "only MainThread has started");
    assert_eq!(
        at(1.0),
        [(0, 7), (2, 1)],
        "MainThread's start event, line 7"
    );
    assert_eq!(
        at(3.0),
        [(0, 8), (1, 5), (2, 1), (3, 2)],
        "the print moved Thread-1 to line 5"
    );
    assert_eq!(at(4.2), [(0, 8), (2, 1)], "Thread-1 and Task-1 have ended");
    assert_eq!(at(6.0), [(0, 9)]);
    assert_eq!(record.standing_at(3000.0)[1].name, "Thread-1 (work)");
}

#[test]
fn flows_recorded_at_both_ends_are_arrows_and_half_flows_are_not() {
    let mut record = story();
    let end = |lane, at_us, kind, id, arrives| Event {
        lane,
        at_us,
        kind,
        line: 1,
        text: None,
        flow: Some(Flow { id, arrives }),
    };
    // Thread-1's end reaches MainThread's join; a start nobody began.
    record
        .events
        .push(end(0, 4500.0, EventKind::Join, 90, true));
    record
        .events
        .push(end(1, 4000.0, EventKind::Finish, 90, false));
    record
        .events
        .push(end(0, 5000.0, EventKind::Start, 91, false));
    let arrow = |kind, from, to| Arrow { kind, from, to };
    assert_eq!(
        record.arrows(),
        [
            arrow(EventKind::Start, (0, 1000.0), (1, 2500.0)),
            arrow(EventKind::Finish, (1, 4000.0), (0, 4500.0)),
        ]
    );
}

#[test]
fn prints_and_drop_requests_are_instants_of_their_process() {
    let mut record = story();
    record.gil_marks.push(GilMark {
        lane: 2,
        at_us: 1200.0,
        event: GilEvent::Requested,
    });
    let instant = |process, lane, at_us, kind| Instant {
        process,
        lane,
        at_us,
        kind,
    };
    assert_eq!(
        record.instants(),
        [
            instant(1, GIL_TRACK, 1200.0, InstantKind::DropRequest),
            instant(0, 1, 3000.0, InstantKind::Print),
        ],
        "the child's request on its GIL track; Thread-1's print"
    );
}

#[test]
fn arrows_fade_only_when_there_are_many() {
    use super::arrow_opacity;
    assert_eq!(arrow_opacity(0), 1.0);
    assert_eq!(arrow_opacity(24), 1.0);
    assert!((arrow_opacity(96) - 0.5).abs() < 1e-9);
    assert!(arrow_opacity(50) < 1.0 && arrow_opacity(50) > arrow_opacity(200));
    assert_eq!(arrow_opacity(10_000), 0.25);
}

//! The Chrome Trace Event export: what Perfetto and chrome://tracing open,
//! and what the page's timeline is drawn from.

use crate::mode::Mode;
use crate::mode_record::ModeRecord;
use crate::record::Activity;
use crate::record::{GilEvent, GilMark};
use crate::spans::Span;
use crate::summary::Summary;
use serde_json::{Value, json};

/// The pid of the `index`th mode of a comparison; a process of `procs`
/// mode gets `mode_pid + 1 + lane`.
pub fn mode_pid(index: usize) -> u32 {
    (index as u32 + 1) * 100
}

/// The tid of the thread that runs the async event loop, and of every
/// single-threaded lane.
const MAIN_TID: u32 = 1;

fn process_label(record: &ModeRecord) -> String {
    let n = record.lanes;
    let size = match record.mode {
        Mode::Seq => "main thread".to_string(),
        Mode::Threads => format!("{n} workers"),
        Mode::Gil => format!("{n} workers, one GIL"),
        Mode::Procs => format!("{n} processes"),
        Mode::Async => format!("{} tasks, one event loop", record.tasks),
    };
    match &record.unavailable {
        Some(reason) => format!("{} (unavailable: {reason})", record.mode),
        None => format!("{} ({size})", record.mode),
    }
}

fn metadata(name: &str, pid: u32, tid: Option<u32>, args: Value) -> Value {
    let mut event = json!({ "name": name, "ph": "M", "pid": pid, "args": args });
    if let Some(tid) = tid {
        event["tid"] = json!(tid);
    }
    event
}

fn span_args(span: &Span, simulated: bool) -> Value {
    let mut args = json!({});
    if let Some(task) = span.task {
        args["task"] = json!(task);
    }
    if simulated && span.activity == Activity::Io {
        args["simulated"] = json!(true);
    }
    if span.closed_at_end {
        args["closed_at_end"] = json!(true);
    }
    args
}

fn span_name(span: &Span) -> String {
    let category = span.activity.category().unwrap_or("end");
    match span.task {
        Some(task) => format!("{category} · task {task}"),
        None => category.to_string(),
    }
}

fn complete(span: &Span, pid: u32, tid: u32, simulated: bool) -> Value {
    json!({
        "name": span_name(span),
        "cat": span.activity.category(),
        "ph": "X",
        "pid": pid,
        "tid": tid,
        "ts": span.start_us,
        "dur": span.duration_us(),
        "args": span_args(span, simulated),
    })
}

/// Where a lane's events go: its pid and tid.
fn place(record: &ModeRecord, pid: u32, lane: u16) -> (u32, u32) {
    match record.mode {
        Mode::Procs => (pid + 1 + u32::from(lane), MAIN_TID),
        Mode::Async | Mode::Seq => (pid, MAIN_TID),
        Mode::Threads | Mode::Gil => (pid, u32::from(lane) + 1),
    }
}

fn lane_events(record: &ModeRecord, pid: u32, events: &mut Vec<Value>) {
    let spans = record.spans();
    let mut lanes: Vec<u16> = spans.iter().map(|s| s.lane).collect();
    lanes.extend(record.marks.iter().map(|m| m.lane));
    lanes.sort_unstable();
    lanes.dedup();
    for &lane in &lanes {
        let (lane_pid, tid) = place(record, pid, lane);
        match record.mode {
            Mode::Procs => {
                events.push(metadata(
                    "process_name",
                    lane_pid,
                    None,
                    json!({ "name": record.mode.lane_name(lane) }),
                ));
                events.push(metadata(
                    "process_sort_index",
                    lane_pid,
                    None,
                    json!({ "sort_index": lane_pid }),
                ));
                events.push(metadata(
                    "thread_name",
                    lane_pid,
                    Some(tid),
                    json!({ "name": "main" }),
                ));
            }
            Mode::Async if lane > 0 => {}
            _ => {
                let name = if record.mode == Mode::Async {
                    "main (event loop)".to_string()
                } else {
                    record.mode.lane_name(lane)
                };
                events.push(metadata(
                    "thread_name",
                    lane_pid,
                    Some(tid),
                    json!({ "name": name }),
                ));
            }
        }
    }
    for span in &spans {
        let (lane_pid, tid) = place(record, pid, span.lane);
        if record.is_task_lane(span.lane) && record.mode == Mode::Async {
            async_phase(span, lane_pid, tid, record.simulated_io, events);
        } else {
            events.push(complete(span, lane_pid, tid, record.simulated_io));
        }
    }
    if record.mode == Mode::Async {
        async_task_bounds(&spans, pid, events);
    }
    if record.mode == Mode::Gil {
        gil_events(&record.gil_marks, pid, events);
    }
}

/// An async task's phase (waiting on the network, running on the loop), as
/// a nested `b`/`e` pair on the event loop's thread.
fn async_phase(span: &Span, pid: u32, tid: u32, simulated: bool, events: &mut Vec<Value>) {
    let id = span.lane - 1;
    for (ph, ts) in [("b", span.start_us), ("e", span.end_us)] {
        events.push(json!({
            "name": span.activity.category(),
            "cat": span.activity.category(),
            "ph": ph, "id": id, "pid": pid, "tid": tid, "ts": ts,
            "args": span_args(span, simulated),
        }));
    }
}

/// Each async task's whole life as one `b`/`e` pair, `id` = task index.
fn async_task_bounds(spans: &[Span], pid: u32, events: &mut Vec<Value>) {
    let mut lanes: Vec<u16> = spans.iter().map(|s| s.lane).filter(|&l| l > 0).collect();
    lanes.sort_unstable();
    lanes.dedup();
    for lane in lanes {
        let own = spans.iter().filter(|s| s.lane == lane);
        let start = own
            .clone()
            .map(|s| s.start_us)
            .fold(f64::INFINITY, f64::min);
        let end = own.map(|s| s.end_us).fold(0.0, f64::max);
        let task = lane - 1;
        for (ph, ts) in [("b", start), ("e", end)] {
            events.push(json!({
                "name": format!("task {task}"), "cat": "task", "ph": ph, "id": task,
                "pid": pid, "tid": MAIN_TID, "ts": ts, "args": { "task": task },
            }));
        }
    }
}

/// The GIL as it was handed over: a counter of who holds it (the worker
/// number, 0 for nobody) that changes at every recorded take and drop, and
/// an instant event for each drop request, on the requesting thread.
fn gil_events(gil_marks: &[GilMark], pid: u32, events: &mut Vec<Value>) {
    for mark in gil_marks {
        let worker = u32::from(mark.lane) + 1;
        let event = match mark.event {
            GilEvent::Took => counter(pid, mark.at_us, worker),
            GilEvent::Dropped => counter(pid, mark.at_us, 0),
            GilEvent::Requested => json!({
                "name": "drop request", "cat": "gil", "ph": "i", "s": "t",
                "pid": pid, "tid": worker, "ts": mark.at_us,
                "args": { "by": format!("worker-{worker}") },
            }),
        };
        events.push(event);
    }
}

fn counter(pid: u32, ts: f64, worker: u32) -> Value {
    json!({ "name": "GIL holder", "ph": "C", "pid": pid, "ts": ts, "args": { "worker": worker } })
}

/// The comparison as a Chrome Trace Event JSON object. Each mode's times
/// count from that mode's own start, so modes line up for comparison.
pub fn trace(records: &[ModeRecord], summaries: &[Summary], query: &str) -> Value {
    let mut events = Vec::new();
    let mut modes = Vec::new();
    for (index, record) in records.iter().enumerate() {
        let pid = mode_pid(index);
        events.push(metadata(
            "process_name",
            pid,
            None,
            json!({ "name": process_label(record) }),
        ));
        events.push(metadata(
            "process_sort_index",
            pid,
            None,
            json!({ "sort_index": pid }),
        ));
        lane_events(record, pid, &mut events);
        let summary = summaries.get(index);
        modes.push(json!({
            "mode": record.mode,
            "pid": pid,
            "wallMs": record.wall_ms,
            "offsetMs": record.offset_ms,
            "status": summary.map(|s| s.status),
            "checksum": summary.map(|s| s.checksum.clone()),
            "simulatedIo": record.simulated_io,
        }));
    }
    json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": { "app": "threadline", "query": query, "modes": modes },
    })
}

//! A program's run as a Chrome Trace Event JSON object, in the format of
//! the comparison's export: one `pid` per Python process, one `tid` per
//! thread, `X` intervals with `args.line` (the source line the thread stood
//! on) and `args.waits_for` (what it was blocked on), asyncio tasks as
//! `b`/`e` pairs on their event loop's thread, every event as an instant
//! `i`, arrows between lanes as flows `s`/`f`, and each process's GIL holder
//! as a counter `C`.

use super::ProgramRecord;
use crate::record::{Event, GilEvent, LaneKind};
use crate::spans::Span;
use serde_json::{Value, json};

/// The tid of `lane`.
fn tid(lane: u16) -> u32 {
    u32::from(lane) + 1
}

/// Where `lane`'s events go: its process's pid, and its thread's tid (an
/// asyncio task's are its event loop's).
fn place(record: &ProgramRecord, lane: u16) -> (u32, u32) {
    let thread = match record.lane(lane).map(|info| info.kind) {
        Some(LaneKind::Task { event_loop }) => event_loop,
        _ => lane,
    };
    (pid_of(record, record.process_of(lane)), tid(thread))
}

fn pid_of(record: &ProgramRecord, process: u16) -> u32 {
    record
        .processes
        .iter()
        .find(|p| p.process == process)
        .map_or(u32::from(process) + 1, |p| p.pid)
}

fn metadata(name: &str, pid: u32, tid: Option<u32>, args: Value) -> Value {
    let mut event = json!({ "name": name, "ph": "M", "pid": pid, "args": args });
    if let Some(tid) = tid {
        event["tid"] = json!(tid);
    }
    event
}

fn span_args(record: &ProgramRecord, span: &Span) -> Value {
    let mut args = json!({});
    if span.line > 0 {
        args["line"] = json!(span.line);
    }
    if let Some(note) = record.note(span.note) {
        args["waits_for"] = json!(note);
    }
    if span.closed_at_end {
        args["closed_at_end"] = json!(true);
    }
    args
}

fn names(record: &ProgramRecord, events: &mut Vec<Value>) {
    for process in &record.processes {
        events.push(metadata(
            "process_name",
            process.pid,
            None,
            json!({ "name": format!("{} (pid {})", process.name, process.pid) }),
        ));
        events.push(metadata(
            "process_sort_index",
            process.pid,
            None,
            json!({ "sort_index": process.process }),
        ));
    }
    for info in &record.lanes {
        if info.kind == LaneKind::Thread {
            let (pid, tid) = place(record, info.lane);
            events.push(metadata(
                "thread_name",
                pid,
                Some(tid),
                json!({ "name": info.name }),
            ));
        }
    }
}

fn intervals(record: &ProgramRecord, events: &mut Vec<Value>) {
    for span in record.spans() {
        let (pid, tid) = place(record, span.lane);
        let category = span.activity.category();
        if record.is_task(span.lane) {
            let task = record.lane(span.lane).map_or("task", |info| &info.name);
            for (ph, ts) in [("b", span.start_us), ("e", span.end_us)] {
                events.push(json!({
                    "name": format!("{task} · {}", category.unwrap_or("end")),
                    "cat": category, "ph": ph, "id": span.lane, "pid": pid, "tid": tid,
                    "ts": ts, "args": span_args(record, &span),
                }));
            }
        } else {
            events.push(json!({
                "name": category.unwrap_or("end"), "cat": category, "ph": "X",
                "pid": pid, "tid": tid, "ts": span.start_us, "dur": span.duration_us(),
                "args": span_args(record, &span),
            }));
        }
    }
}

fn instant(record: &ProgramRecord, event: &Event) -> Value {
    let (pid, tid) = place(record, event.lane);
    let mut args = json!({});
    if event.line > 0 {
        args["line"] = json!(event.line);
    }
    if let Some(text) = &event.text {
        args["text"] = json!(text);
    }
    if let Some(lane) = record.lane(event.lane) {
        args["lane"] = json!(lane.name);
    }
    json!({
        "name": event.kind.name(), "cat": "event", "ph": "i", "s": "t",
        "pid": pid, "tid": tid, "ts": event.at_us, "args": args,
    })
}

fn flow(record: &ProgramRecord, event: &Event) -> Option<Value> {
    let flow = event.flow?;
    let (pid, tid) = place(record, event.lane);
    let mut value = json!({
        "name": event.kind.name(), "cat": "flow", "id": flow.id,
        "ph": if flow.arrives { "f" } else { "s" },
        "pid": pid, "tid": tid, "ts": event.at_us,
    });
    if flow.arrives {
        value["bp"] = json!("e");
    }
    Some(value)
}

/// Each process's GIL as it was handed over: a counter of the tid holding
/// it (0: nobody), and an instant for each drop request.
fn gil(record: &ProgramRecord, events: &mut Vec<Value>) {
    for mark in &record.gil_marks {
        let (pid, tid) = place(record, mark.lane);
        events.push(match mark.event {
            GilEvent::Took | GilEvent::Dropped => {
                let holder = if mark.event == GilEvent::Took { tid } else { 0 };
                json!({ "name": "GIL holder", "ph": "C", "pid": pid, "ts": mark.at_us,
                        "args": { "thread": holder } })
            }
            GilEvent::Requested => json!({
                "name": "drop request", "cat": "gil", "ph": "i", "s": "t",
                "pid": pid, "tid": tid, "ts": mark.at_us, "args": {},
            }),
        });
    }
}

/// The run as a Chrome Trace Event JSON object.
pub fn program_trace(record: &ProgramRecord) -> Value {
    let mut events = Vec::new();
    names(record, &mut events);
    intervals(record, &mut events);
    for event in &record.events {
        events.push(instant(record, event));
        events.extend(flow(record, event));
    }
    gil(record, &mut events);
    let lanes: Vec<Value> = record
        .lanes
        .iter()
        .map(|info| {
            let (pid, tid) = place(record, info.lane);
            json!({ "lane": info.lane, "name": info.name, "pid": pid, "tid": tid,
                    "task": matches!(info.kind, LaneKind::Task { .. }) })
        })
        .collect();
    json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": {
            "app": "threadline", "view": "lab", "build": record.build,
            "wallMs": record.wall_ms, "lanes": lanes,
        },
    })
}

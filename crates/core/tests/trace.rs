//! The trace of real runs on OS threads keeps the promises the contract
//! makes about it.

use serde_json::Value;
use std::collections::HashSet;
use std::sync::Arc;
use threadline_core::clock::{Clock, SystemClock};
use threadline_core::gil::{DEFAULT_SWITCH_INTERVAL_MS, Gil};
use threadline_core::io::SimulatedIo;
use threadline_core::mode::Mode;
use threadline_core::mode_record::ModeRecord;
use threadline_core::native::{run_lanes, simulated_plan};
use threadline_core::run::{Job, Run};
use threadline_core::summary::Summary;
use threadline_core::trace::trace;
use threadline_core::workload::Workload;

fn record(mode: Mode, lanes: u16) -> ModeRecord {
    record_of(Job::new(Workload::Pipeline, 6, 1), mode, lanes)
}

fn record_of(job: Job, mode: Mode, lanes: u16) -> ModeRecord {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock::default());
    let gil = (mode == Mode::Gil).then(|| Gil::new(DEFAULT_SWITCH_INTERVAL_MS));
    let run = Run::new(job, usize::from(lanes), clock.clone(), true, gil);
    let io = SimulatedIo {
        plan: simulated_plan(5, vec![]),
        clock,
    };
    run_lanes(&run, lanes, &io, |_| {});
    ModeRecord::of_run(mode, &run, lanes, true)
}

fn events(trace: &Value) -> &Vec<Value> {
    trace["traceEvents"]
        .as_array()
        .expect("traceEvents is an array")
}

#[test]
fn every_interval_has_a_named_process_and_thread_and_ends_by_the_wall_time() {
    let records = [
        record(Mode::Seq, 1),
        record(Mode::Threads, 3),
        record(Mode::Gil, 3),
    ];
    let summaries: Vec<Summary> = records.iter().map(|r| Summary::of(r, None)).collect();
    let trace = trace(&records, &summaries, "scenario=test");
    assert_eq!(trace["displayTimeUnit"], "ms");
    let mut named_processes = HashSet::new();
    let mut named_threads = HashSet::new();
    let mut lanes: HashSet<(u64, u64)> = HashSet::new();
    for event in events(&trace) {
        let pid = event["pid"].as_u64().expect("pid");
        match event["ph"].as_str().expect("ph") {
            "M" if event["name"] == "process_name" => {
                named_processes.insert(pid);
            }
            "M" if event["name"] == "thread_name" => {
                named_threads.insert((pid, event["tid"].as_u64().expect("tid")));
            }
            "X" => {
                let tid = event["tid"].as_u64().expect("tid");
                assert!(event["dur"].as_f64().expect("dur") > 0.0);
                assert!(event["cat"].is_string());
                lanes.insert((pid, tid));
            }
            _ => {}
        }
    }
    for (pid, tid) in lanes {
        assert!(named_processes.contains(&pid), "pid {pid} has a name");
        assert!(
            named_threads.contains(&(pid, tid)),
            "tid {tid} of {pid} has a name"
        );
    }
    for (index, record) in records.iter().enumerate() {
        let pid = (index as u64 + 1) * 100;
        let end = events(&trace)
            .iter()
            .filter(|e| e["ph"] == "X" && e["pid"] == pid)
            .map(|e| e["ts"].as_f64().unwrap_or(0.0) + e["dur"].as_f64().unwrap_or(0.0))
            .fold(0.0, f64::max);
        assert!(
            (end / 1000.0 - record.wall_ms).abs() < 1.0,
            "{}: trace ends at {end} µs, wall {} ms",
            record.mode,
            record.wall_ms
        );
    }
}

/// The counter's value over time: (from, to, worker) for every stretch in
/// which one worker held the GIL.
fn holder_periods(events: &[Value], end_us: f64) -> Vec<(f64, f64, u64)> {
    let mut counters: Vec<(f64, u64)> = events
        .iter()
        .filter(|e| e["ph"] == "C" && e["name"] == "GIL holder")
        .map(|e| {
            (
                e["ts"].as_f64().expect("ts"),
                e["args"]["worker"].as_u64().expect("worker"),
            )
        })
        .collect();
    counters.push((end_us, 0));
    counters
        .windows(2)
        .filter(|w| w[0].1 != 0)
        .map(|w| (w[0].0, w[1].0, w[0].1))
        .collect()
}

#[test]
fn in_the_gil_trace_every_cpu_interval_lies_in_a_stretch_where_its_thread_held_the_gil() {
    // Tasks of several switch intervals each, so that the GIL changes hands
    // on request and not only between tasks.
    let record = record_of(Job::new(Workload::Primes, 4, 6), Mode::Gil, 2);
    let trace = trace(std::slice::from_ref(&record), &[], "");
    let periods = holder_periods(events(&trace), record.wall_ms * 1000.0);
    assert!(periods.len() >= 2, "the GIL changed hands");
    let cpu: Vec<&Value> = events(&trace)
        .iter()
        .filter(|e| e["ph"] == "X" && e["cat"] == "cpu")
        .collect();
    assert!(!cpu.is_empty());
    for interval in cpu {
        let (tid, ts) = (
            interval["tid"].as_u64().expect("tid"),
            interval["ts"].as_f64().expect("ts"),
        );
        let end = ts + interval["dur"].as_f64().expect("dur");
        let held = periods
            .iter()
            .any(|&(from, to, worker)| worker == tid && from <= ts + 1e-6 && end <= to + 1e-6);
        assert!(
            held,
            "worker {tid} computed from {ts} to {end} µs without holding the GIL"
        );
    }
    let requests = events(&trace)
        .iter()
        .filter(|e| e["ph"] == "i" && e["name"] == "drop request")
        .count();
    assert!(requests >= 1, "the switches were asked for");
}

#[test]
fn only_io_that_waited_on_timers_is_flagged_simulated() {
    let downloads = record_of(Job::new(Workload::Download, 6, 1), Mode::Threads, 2);
    let primes = record_of(Job::new(Workload::Primes, 6, 1), Mode::Threads, 2);
    assert!(
        downloads.simulated_io && !primes.simulated_io,
        "no I/O, nothing simulated"
    );
    let trace = trace(&[downloads, primes], &[], "");
    let io: Vec<&Value> = events(&trace).iter().filter(|e| e["cat"] == "io").collect();
    assert!(!io.is_empty());
    assert!(io.iter().all(|e| e["args"]["simulated"] == true));
    let modes = trace["otherData"]["modes"].as_array().expect("modes");
    let flags: Vec<bool> = modes.iter().map(|m| m["simulatedIo"] == true).collect();
    assert_eq!(flags, [true, false]);
}

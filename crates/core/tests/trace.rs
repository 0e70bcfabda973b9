//! The trace of real runs on OS threads keeps the promises the contract
//! makes about it.

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use threadline_core::clock::{Clock, SystemClock};
use threadline_core::gil::{DEFAULT_SWITCH_INTERVAL_MS, Gil};
use threadline_core::io::SimulatedIo;
use threadline_core::mode::Mode;
use threadline_core::model::{Job, Run};
use threadline_core::native::{run_lanes, simulated_plan};
use threadline_core::record_set::ModeRecord;
use threadline_core::summary::Summary;
use threadline_core::trace::trace;
use threadline_core::workload::Workload;

fn record(mode: Mode, lanes: u16) -> ModeRecord {
    let job = Job {
        workload: Workload::Pipeline,
        tasks: 6,
        work: 1,
    };
    let clock: Arc<dyn Clock> = Arc::new(SystemClock::default());
    let gil = (mode == Mode::Gil).then(|| Gil::new(DEFAULT_SWITCH_INTERVAL_MS));
    let run = Run::new(job, usize::from(lanes), clock.clone(), true, gil);
    let io = SimulatedIo {
        plan: simulated_plan(5, vec![]),
        clock,
    };
    run_lanes(&run, lanes, &io, |_| {});
    ModeRecord {
        mode,
        workload: job.workload,
        tasks: job.tasks,
        lanes,
        unavailable: None,
        cancelled: false,
        simulated_io: true,
        offset_ms: 0.0,
        wall_ms: run.wall_ms().expect("over"),
        marks: run.recorder.marks(),
        results: run.results_so_far(),
    }
}

fn events(trace: &Value) -> &Vec<Value> {
    trace["traceEvents"]
        .as_array()
        .expect("traceEvents is an array")
}

#[test]
fn every_interval_has_a_named_process_and_thread_and_lanes_never_overlap() {
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
    let mut lanes: HashMap<(u64, u64), Vec<(f64, f64)>> = HashMap::new();
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
                let ts = event["ts"].as_f64().expect("ts");
                let dur = event["dur"].as_f64().expect("dur");
                assert!(dur > 0.0);
                assert!(event["cat"].is_string());
                lanes.entry((pid, tid)).or_default().push((ts, ts + dur));
            }
            _ => {}
        }
    }
    for ((pid, tid), mut intervals) in lanes {
        assert!(named_processes.contains(&pid), "pid {pid} has a name");
        assert!(
            named_threads.contains(&(pid, tid)),
            "tid {tid} of {pid} has a name"
        );
        intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in intervals.windows(2) {
            assert!(
                pair[0].1 <= pair[1].0 + 1e-6,
                "overlap on {pid}/{tid}: {pair:?}"
            );
        }
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

#[test]
fn the_gil_holder_counter_follows_the_cpu_intervals() {
    let record = record(Mode::Gil, 2);
    let trace = trace(std::slice::from_ref(&record), &[], "");
    let counters: Vec<&Value> = events(&trace).iter().filter(|e| e["ph"] == "C").collect();
    assert!(!counters.is_empty());
    assert!(counters.iter().all(|c| c["name"] == "GIL holder"));
    let cpu = events(&trace)
        .iter()
        .filter(|e| e["ph"] == "X" && e["cat"] == "cpu")
        .count();
    assert_eq!(counters.len(), 2 * cpu);
}

#[test]
fn simulated_io_is_flagged() {
    let record = record(Mode::Threads, 2);
    let trace = trace(std::slice::from_ref(&record), &[], "");
    let io: Vec<&Value> = events(&trace).iter().filter(|e| e["cat"] == "io").collect();
    assert!(!io.is_empty());
    assert!(io.iter().all(|e| e["args"]["simulated"] == true));
}

//! The execution models on real OS threads: same answers, and the timing
//! claims each model makes about itself.

use std::sync::Arc;
use threadline_core::clock::{Clock, SystemClock};
use threadline_core::gil::{DEFAULT_SWITCH_INTERVAL_MS, Gil};
use threadline_core::io::SimulatedIo;
use threadline_core::mode_record::checksum;
use threadline_core::native::{run_lanes, simulated_plan};
use threadline_core::record::Activity;
use threadline_core::run::{Job, Run};
use threadline_core::spans::{Span, spans_from_marks};
use threadline_core::workload::Workload;

/// Runs `job` on `lanes` OS threads, with or without a GIL.
fn run_on_threads(job: Job, lanes: u16, gil: bool, latency_ms: u32, fail: Vec<u32>) -> Run {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock::default());
    let gil = gil.then(|| Gil::new(DEFAULT_SWITCH_INTERVAL_MS));
    let run = Run::new(job, usize::from(lanes), clock.clone(), true, gil);
    let io = SimulatedIo {
        plan: simulated_plan(latency_ms, fail),
        clock,
    };
    run_lanes(&run, lanes, &io, |_| {});
    assert!(run.is_over());
    run
}

fn checksum_of(run: &Run) -> String {
    let results = run.results_so_far();
    assert!(
        results.iter().all(|r| r.outcome.is_ok()),
        "every task succeeded"
    );
    checksum(&results)
}

fn spans_of(run: &Run, activity: Activity) -> Vec<Span> {
    spans_from_marks(&run.recorder.marks(), None)
        .into_iter()
        .filter(|s| s.activity == activity)
        .collect()
}

fn cross_lane_overlaps(spans: &[Span]) -> usize {
    let mut count = 0;
    for (i, a) in spans.iter().enumerate() {
        count += spans[i + 1..]
            .iter()
            .filter(|b| b.lane != a.lane && a.overlaps(b))
            .count();
    }
    count
}

fn job(workload: Workload, tasks: u32) -> Job {
    Job::new(workload, tasks, 2)
}

#[test]
fn seq_threads_and_gil_agree_on_every_workload() {
    for workload in Workload::ALL {
        let seq = run_on_threads(job(workload, 6), 1, false, 1, vec![]);
        let threads = run_on_threads(job(workload, 6), 3, false, 1, vec![]);
        let gil = run_on_threads(job(workload, 6), 3, true, 1, vec![]);
        assert_eq!(seq.results_so_far().len(), 6, "{workload}");
        assert_eq!(
            checksum_of(&seq),
            checksum_of(&threads),
            "{workload}: threads"
        );
        assert_eq!(checksum_of(&seq), checksum_of(&gil), "{workload}: gil");
    }
}

#[test]
fn threads_compute_at_the_same_time() {
    let run = run_on_threads(job(Workload::Primes, 8), 2, false, 0, vec![]);
    assert!(cross_lane_overlaps(&spans_of(&run, Activity::Cpu)) > 0);
}

#[test]
fn under_the_gil_no_two_threads_compute_at_once() {
    let run = run_on_threads(job(Workload::Primes, 8), 3, true, 0, vec![]);
    let cpu = spans_of(&run, Activity::Cpu);
    let lanes: std::collections::HashSet<u16> = cpu.iter().map(|s| s.lane).collect();
    assert_eq!(lanes.len(), 3, "every thread got turns");
    assert_eq!(cross_lane_overlaps(&cpu), 0);
    assert!(
        !spans_of(&run, Activity::WaitGil).is_empty(),
        "threads waited for the GIL"
    );
}

#[test]
fn under_the_gil_io_still_overlaps() {
    let run = run_on_threads(job(Workload::Download, 6), 6, true, 40, vec![]);
    let io = spans_of(&run, Activity::Io);
    assert_eq!(io.len(), 6);
    assert!(cross_lane_overlaps(&io) >= 5, "downloads waited together");
    let wall = run.wall_ms().expect("run is over");
    assert!(
        wall < 6.0 * 40.0 * 0.6,
        "six 40 ms downloads took {wall} ms"
    );
}

#[test]
fn a_failed_task_keeps_the_others() {
    let run = run_on_threads(job(Workload::Download, 5), 2, false, 1, vec![3]);
    let results = run.results_so_far();
    assert_eq!(results.len(), 5);
    let failed: Vec<u32> = results
        .iter()
        .filter(|r| r.outcome.is_err())
        .map(|r| r.index)
        .collect();
    assert_eq!(failed, [3]);
}

#[test]
fn cancel_ends_every_lane_promptly() {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock::default());
    let run = Run::new(job(Workload::Download, 50), 4, clock.clone(), true, None);
    let io = SimulatedIo {
        plan: simulated_plan(5_000, vec![]),
        clock: clock.clone(),
    };
    std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(std::time::Duration::from_millis(30));
            run.cancel.cancel();
        });
        run_lanes(&run, 4, &io, |_| {});
    });
    let wall = run.wall_ms().expect("run is over");
    assert!(wall < 500.0, "cancel took {wall} ms");
    assert!(run.results_so_far().is_empty());
    let ends: Vec<Activity> = run
        .recorder
        .marks()
        .iter()
        .filter(|m| m.activity == Activity::Cancelled)
        .map(|m| m.activity)
        .collect();
    assert_eq!(ends.len(), 4);
}

/// Like the browser, where each worker reads its own `performance` clock:
/// every thread's clock is off by its own skew.
struct SkewedClock(SystemClock);

thread_local! {
    static SKEW_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

impl Clock for SkewedClock {
    fn now_ms(&self) -> f64 {
        self.0.now_ms() + SKEW_MS.with(std::cell::Cell::get)
    }
}

#[test]
fn under_the_gil_skewed_thread_clocks_still_never_overlap() {
    let job = job(Workload::Primes, 6);
    let clock: Arc<dyn Clock> = Arc::new(SkewedClock(SystemClock::default()));
    let run = Run::new(
        job,
        3,
        clock.clone(),
        true,
        Some(Gil::new(DEFAULT_SWITCH_INTERVAL_MS)),
    );
    let io = SimulatedIo {
        plan: simulated_plan(0, vec![]),
        clock,
    };
    let skews = [0.0, -0.4, 0.3];
    run_lanes(&run, 3, &io, |lane| {
        SKEW_MS.with(|s| s.set(skews[usize::from(lane)]))
    });
    let cpu = spans_of(&run, Activity::Cpu);
    assert!(cpu.len() >= 3);
    assert_eq!(cross_lane_overlaps(&cpu), 0);
}

//! The GIL on real threads running real work, judged from what the
//! recorder saw.

use std::sync::Arc;
use threadline_core::clock::{Clock, SystemClock};
use threadline_core::gil::Gil;
use threadline_core::io::SimulatedIo;
use threadline_core::native::{run_lanes, simulated_plan};
use threadline_core::record::{Activity, GilEvent, GilMark};
use threadline_core::run::{Job, Run};
use threadline_core::workload::Workload;

/// Runs `job` on `lanes` OS threads under a GIL with a short interval.
fn run_under_the_gil(job: Job, lanes: u16, interval_ms: f64) -> Run {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock::default());
    let run = Run::new(
        job,
        usize::from(lanes),
        clock.clone(),
        true,
        Some(Gil::new(interval_ms)),
    );
    let io = SimulatedIo {
        plan: simulated_plan(2, vec![]),
        clock,
    };
    run_lanes(&run, lanes, &io, |_| {});
    run
}

#[test]
fn on_real_threads_every_drop_mid_task_answers_a_request_and_forces_a_switch() {
    let job = Job::new(Workload::Primes, 2, 3);
    let run = run_under_the_gil(job, 2, 2.0);
    let marks = run.recorder.gil_marks();
    let activity = run.recorder.marks();
    // What the lane had marked when it let go: `WaitGil` means it let go to
    // wait for the GIL again, mid-task; anything else ended its stretch.
    let marked_before = |drop: &GilMark| {
        activity
            .iter()
            .filter(|m| m.lane == drop.lane && m.at_us <= drop.at_us)
            .max_by(|a, b| a.at_us.total_cmp(&b.at_us))
            .map(|m| m.activity)
    };
    let mut asked = false;
    let mut forced_drops = 0;
    for (i, mark) in marks.iter().enumerate() {
        match mark.event {
            GilEvent::Requested => asked = true,
            GilEvent::Took => asked = false,
            GilEvent::Dropped if marked_before(mark) == Some(Activity::WaitGil) => {
                assert!(asked, "a drop without a request at {} µs", mark.at_us);
                forced_drops += 1;
                let next = marks[i + 1..].iter().find(|m| m.event == GilEvent::Took);
                if let Some(next) = next {
                    assert_ne!(
                        next.lane, mark.lane,
                        "took it back before another thread had it"
                    );
                }
            }
            GilEvent::Dropped => {}
        }
    }
    assert!(
        forced_drops >= 3,
        "the threads switched on request {forced_drops} times"
    );
}

#[test]
fn on_real_threads_a_thread_computes_only_while_the_gil_track_says_it_holds_it() {
    let job = Job::new(Workload::Pipeline, 6, 1);
    let run = run_under_the_gil(job, 3, 1.0);
    let end_us = run.wall_ms().expect("over") * 1000.0;
    let holds = threadline_core::spans::gil_holder_spans(&run.recorder.gil_marks(), end_us);
    let cpu: Vec<_> = threadline_core::spans::spans_from_marks(&run.recorder.marks(), None)
        .into_iter()
        .filter(|s| s.activity == Activity::Cpu)
        .collect();
    assert!(cpu.len() >= 6);
    for span in &cpu {
        let covered = holds.iter().any(|h| {
            h.task == Some(u32::from(span.lane))
                && h.start_us <= span.start_us + 1e-6
                && span.end_us <= h.end_us + 1e-6
        });
        assert!(
            covered,
            "lane {} computed outside its hold: {span:?}",
            span.lane
        );
    }
}

//! The figures and verdicts of made-up records.

use super::*;
use crate::record::Mark;
use crate::run::TaskResult;
use crate::task::{Artifact, TaskOutput};
use crate::workload::Workload;

/// A record from `(lane, start ms, end ms, activity)` intervals.
fn record(
    mode: Mode,
    workload: Workload,
    lanes: u16,
    intervals: &[(u16, f64, f64, Activity)],
) -> ModeRecord {
    let mut marks = Vec::new();
    for (i, &(lane, start, end, activity)) in intervals.iter().enumerate() {
        let task = Some(i as u32);
        marks.push(Mark::plain(lane, start * 1000.0, activity, task));
        marks.push(Mark::plain(lane, end * 1000.0, Activity::Idle, None));
    }
    let wall_ms = intervals.iter().map(|i| i.2).fold(0.0, f64::max);
    let results = (0..intervals.len() as u32)
        .map(|index| TaskResult {
            index,
            lane: 0,
            outcome: Ok(TaskOutput {
                index,
                digest: u64::from(index) * 7,
                summary: String::new(),
                artifact: Artifact::None,
            }),
        })
        .collect();
    ModeRecord {
        mode,
        workload,
        tasks: intervals.len() as u32,
        lanes,
        unavailable: None,
        cancelled: false,
        failure: None,
        simulated_io: false,
        offset_ms: 0.0,
        wall_ms,
        marks,
        gil_marks: Vec::new(),
        results,
    }
}

#[test]
fn peak_overlap_counts_only_true_overlap() {
    let r = record(
        Mode::Threads,
        Workload::Primes,
        2,
        &[
            (0, 0.0, 10.0, Activity::Cpu),
            (1, 10.0, 20.0, Activity::Cpu),
        ],
    );
    assert_eq!(peak_overlap(&r.spans(), Activity::Cpu), 1);
    let r = record(
        Mode::Threads,
        Workload::Primes,
        2,
        &[(0, 0.0, 10.0, Activity::Cpu), (1, 5.0, 20.0, Activity::Cpu)],
    );
    assert_eq!(peak_overlap(&r.spans(), Activity::Cpu), 2);
}

#[test]
fn threads_that_overlap_get_a_parallel_verdict() {
    let r = record(
        Mode::Threads,
        Workload::Primes,
        2,
        &[
            (0, 0.0, 100.0, Activity::Cpu),
            (1, 0.0, 100.0, Activity::Cpu),
        ],
    );
    let s = Summary::of(&r, Some(200.0));
    assert_eq!(s.speedup, Some(2.0));
    assert_eq!((s.lanes, s.peak_cpu), (2, 2));
    assert!((s.utilisation - 1.0).abs() < 1e-9);
    assert_eq!(
        s.verdict,
        "2 threads: 2.0× on CPU work — up to 2 computed at once."
    );
}

#[test]
fn threads_taking_turns_are_called_out() {
    let r = record(
        Mode::Gil,
        Workload::Primes,
        2,
        &[
            (0, 0.0, 5.0, Activity::Cpu),
            (1, 5.0, 10.0, Activity::Cpu),
            (0, 10.0, 15.0, Activity::Cpu),
        ],
    );
    let s = Summary::of(&r, Some(15.0));
    assert_eq!(s.peak_cpu, 1);
    assert!(
        s.verdict.contains("1.0× on CPU work — they took turns"),
        "{}",
        s.verdict
    );
    assert!(
        s.verdict.starts_with("2 threads under the GIL"),
        "{}",
        s.verdict
    );
}

#[test]
fn overlapping_downloads_are_credited_to_the_network() {
    let r = record(
        Mode::Async,
        Workload::Download,
        3,
        &[
            (1, 0.0, 300.0, Activity::Io),
            (2, 0.0, 300.0, Activity::Io),
            (3, 1.0, 301.0, Activity::Io),
        ],
    );
    let s = Summary::of(&r, Some(900.0));
    assert_eq!(s.lanes, 3);
    assert!(
        s.verdict
            .contains("on I/O work — up to 3 waited on the network at once"),
        "{}",
        s.verdict
    );
}

#[test]
fn a_long_main_thread_stretch_reads_as_a_frozen_page() {
    let r = record(
        Mode::Seq,
        Workload::Primes,
        1,
        &[
            (0, 0.0, 150.0, Activity::Cpu),
            (0, 150.5, 300.0, Activity::Cpu),
        ],
    );
    let s = Summary::of(&r, Some(300.0));
    assert!((s.main_blocked_ms.expect("seq runs on the main thread") - 300.0).abs() < 1e-9);
    assert!(
        s.verdict.contains("the page froze for up to 300 ms"),
        "{}",
        s.verdict
    );
}

#[test]
fn failures_and_unavailability_are_explained() {
    let mut r = record(
        Mode::Procs,
        Workload::Download,
        2,
        &[(0, 0.0, 10.0, Activity::Io), (1, 0.0, 10.0, Activity::Io)],
    );
    r.results[1].outcome = Err("HTTP 503".into());
    let s = Summary::of(&r, None);
    assert_eq!(
        (s.status, s.tasks_done, s.tasks_failed),
        (Status::Failed, 1, 1)
    );
    assert_eq!(s.reason.as_deref(), Some("task 1: HTTP 503"));
    let u = Summary::of(
        &ModeRecord::unavailable(Mode::Gil, Workload::Primes, 8, 2, "no shared memory".into()),
        Some(1.0),
    );
    assert_eq!((u.status, u.speedup), (Status::Unavailable, None));
    assert_eq!(u.verdict, "Could not run here: no shared memory.");
}

#[test]
fn speedups_are_against_a_completed_seq() {
    let seq = record(
        Mode::Seq,
        Workload::Primes,
        1,
        &[(0, 0.0, 100.0, Activity::Cpu)],
    );
    let threads = record(
        Mode::Threads,
        Workload::Primes,
        2,
        &[(0, 0.0, 50.0, Activity::Cpu)],
    );
    let summaries = summarize(&[seq.clone(), threads.clone()]);
    assert_eq!(summaries[1].speedup, Some(2.0));
    assert_eq!(summaries[0].speedup, Some(1.0));
    let cancelled = ModeRecord {
        cancelled: true,
        ..seq
    };
    assert_eq!(summarize(&[cancelled, threads])[1].speedup, None);
}

#[test]
fn a_mode_that_failed_as_a_whole_says_why_and_keeps_its_finished_tasks() {
    let crashed = ModeRecord {
        failure: Some("worker-2 crashed: out of memory".into()),
        cancelled: true,
        ..record(
            Mode::Threads,
            Workload::Primes,
            2,
            &[(0, 0.0, 10.0, Activity::Cpu)],
        )
    };
    let summary = Summary::of(&crashed, Some(20.0));
    assert_eq!(summary.status, Status::Failed);
    assert_eq!(summary.tasks_done, 1);
    assert_eq!(
        summary.reason.as_deref(),
        Some("worker-2 crashed: out of memory")
    );
}

#[test]
fn a_replay_sees_each_result_when_its_task_ends() {
    let r = record(
        Mode::Threads,
        Workload::Primes,
        2,
        &[(0, 0.0, 10.0, Activity::Cpu), (1, 2.0, 30.0, Activity::Cpu)],
    );
    assert_eq!(r.finish_times(), [Some(10_000.0), Some(30_000.0)]);
    assert_eq!(
        (r.done_by(9_000.0), r.done_by(10_000.0), r.done_by(99_000.0)),
        (0, 1, 2)
    );
}

#[test]
fn the_checksum_ignores_completion_order() {
    let a = record(
        Mode::Threads,
        Workload::Primes,
        2,
        &[(0, 0.0, 1.0, Activity::Cpu), (1, 0.0, 2.0, Activity::Cpu)],
    );
    let mut b = a.clone();
    b.results.reverse();
    assert_eq!(a.checksum(), b.checksum());
    assert_ne!(a.completion_order(), b.completion_order());
}

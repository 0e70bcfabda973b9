//! The numbers a reader compares, and a verdict in plain words computed
//! from them.

use crate::mode::Mode;
use crate::mode_record::ModeRecord;
use crate::record::Activity;
use crate::spans::Span;
use serde::{Deserialize, Serialize};

mod verdict;

/// How a mode's run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Every task finished.
    Ok,
    /// Some tasks failed; the others' results are kept.
    Failed,
    /// Stopped by a cancel.
    Cancelled,
    /// The mode cannot run on this page.
    Unavailable,
}

impl Status {
    /// The id used in `data-status`.
    pub fn id(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Failed => "failed",
            Status::Cancelled => "cancelled",
            Status::Unavailable => "unavailable",
        }
    }
}

/// One mode's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The mode.
    pub mode: Mode,
    /// How it ended.
    pub status: Status,
    /// Why it could not run, or what failed.
    pub reason: Option<String>,
    /// Wall-clock time of the run, ms.
    pub wall_ms: f64,
    /// Tasks asked for.
    pub tasks: u32,
    /// Tasks that finished.
    pub tasks_done: u32,
    /// Tasks that failed.
    pub tasks_failed: u32,
    /// Distinct lanes that did work.
    pub lanes: u32,
    /// Checksum of the results.
    pub checksum: String,
    /// `seq`'s wall time over this one's, when `seq` ran.
    pub speedup: Option<f64>,
    /// Lane time spent computing, ms.
    pub cpu_ms: f64,
    /// Lane time spent waiting on the network, ms.
    pub io_ms: f64,
    /// Computing plus waiting on the network: the tasks' own time, ms.
    pub busy_ms: f64,
    /// `busy / (wall × lanes)`.
    pub utilisation: f64,
    /// `busy / wall`: how many lanes were busy on average.
    pub concurrency: f64,
    /// Most lanes computing at the same instant.
    pub peak_cpu: u32,
    /// Most lanes waiting on the network at the same instant.
    pub peak_io: u32,
    /// Time spent starting processes, ms.
    pub spawn_ms: f64,
    /// Time spent passing messages, ms.
    pub message_ms: f64,
    /// Time threads spent waiting for the GIL, ms.
    pub wait_gil_ms: f64,
    /// Longest time the page's main thread computed without a break, ms
    /// (modes that run on the main thread).
    pub main_blocked_ms: Option<f64>,
    /// Whether I/O was simulated with timers.
    pub simulated_io: bool,
    /// Task indices in completion order.
    pub completion_order: Vec<u32>,
    /// One line saying what happened.
    pub verdict: String,
}

/// Total length of spans of `activity`, ms.
fn total_ms(spans: &[Span], activity: Activity) -> f64 {
    spans
        .iter()
        .filter(|s| s.activity == activity)
        .map(Span::duration_us)
        .sum::<f64>()
        / 1000.0
}

/// Most spans of `activity` open at one instant (a sweep over their ends).
pub fn peak_overlap(spans: &[Span], activity: Activity) -> u32 {
    let mut edges: Vec<(f64, i32)> = spans
        .iter()
        .filter(|s| s.activity == activity)
        .flat_map(|s| [(s.start_us, 1), (s.end_us, -1)])
        .collect();
    // Ends sort before starts at the same instant: touching is not overlap.
    edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut open, mut peak) = (0i32, 0i32);
    for (_, delta) in edges {
        open += delta;
        peak = peak.max(open);
    }
    peak as u32
}

/// Longest run of back-to-back `cpu` spans on `lane` (gaps under 1 ms do
/// not give the browser a useful turn), ms.
fn longest_cpu_stretch(spans: &[Span], lane: u16) -> f64 {
    let mut cpu: Vec<&Span> = spans
        .iter()
        .filter(|s| s.lane == lane && s.activity == Activity::Cpu)
        .collect();
    cpu.sort_by(|a, b| a.start_us.total_cmp(&b.start_us));
    let (mut longest, mut start, mut end) = (0.0f64, f64::NAN, f64::NAN);
    for span in cpu {
        if span.start_us - end > 1000.0 || end.is_nan() {
            start = span.start_us;
        }
        end = span.end_us;
        longest = longest.max(end - start);
    }
    longest / 1000.0
}

impl Summary {
    /// The figures of one mode's run; `seq_wall_ms` gives the speedup.
    pub fn of(record: &ModeRecord, seq_wall_ms: Option<f64>) -> Self {
        let spans: Vec<Span> = record
            .spans()
            .into_iter()
            .filter(|s| record.is_task_lane(s.lane))
            .collect();
        let tasks_failed = record.results.iter().filter(|r| r.outcome.is_err()).count() as u32;
        let tasks_done = record.results.len() as u32 - tasks_failed;
        let status = if record.unavailable.is_some() {
            Status::Unavailable
        } else if record.failure.is_some() {
            Status::Failed
        } else if record.cancelled {
            Status::Cancelled
        } else if tasks_failed > 0 {
            Status::Failed
        } else {
            Status::Ok
        };
        let reason = record.unavailable.clone().or_else(|| {
            let failures: Vec<String> = record
                .failure
                .iter()
                .cloned()
                .chain(record.results.iter().filter_map(|r| {
                    r.outcome
                        .as_ref()
                        .err()
                        .map(|why| format!("task {}: {why}", r.index))
                }))
                .collect();
            (!failures.is_empty()).then(|| failures.join("; "))
        });
        let mut lanes: Vec<u16> = spans
            .iter()
            .filter(|s| matches!(s.activity, Activity::Cpu | Activity::Io))
            .map(|s| s.lane)
            .collect();
        lanes.sort_unstable();
        lanes.dedup();
        let lanes = lanes.len() as u32;
        let (cpu_ms, io_ms) = (
            total_ms(&spans, Activity::Cpu),
            total_ms(&spans, Activity::Io),
        );
        let busy_ms = cpu_ms + io_ms;
        let wall_ms = record.wall_ms;
        let per_wall = |value: f64| if wall_ms > 0.0 { value / wall_ms } else { 0.0 };
        let main_blocked_ms = matches!(record.mode, Mode::Seq | Mode::Async)
            .then(|| longest_cpu_stretch(&record.spans(), 0));
        let runnable = !matches!(status, Status::Unavailable | Status::Cancelled);
        let speedup = seq_wall_ms
            .filter(|&seq| runnable && seq > 0.0 && wall_ms > 0.0)
            .map(|seq| seq / wall_ms);
        let mut summary = Summary {
            mode: record.mode,
            status,
            reason,
            wall_ms,
            tasks: record.tasks,
            tasks_done,
            tasks_failed,
            lanes,
            checksum: record.checksum(),
            speedup,
            cpu_ms,
            io_ms,
            busy_ms,
            utilisation: per_wall(busy_ms)
                / f64::from(crate::lanes::task_lane_count(record.mode, record.lanes).max(1)),
            concurrency: per_wall(busy_ms),
            peak_cpu: peak_overlap(&spans, Activity::Cpu),
            peak_io: peak_overlap(&spans, Activity::Io),
            spawn_ms: total_ms(&spans, Activity::Spawn),
            message_ms: total_ms(&spans, Activity::Message),
            wait_gil_ms: total_ms(&spans, Activity::WaitGil),
            main_blocked_ms,
            simulated_io: record.simulated_io,
            completion_order: record.completion_order(),
            verdict: String::new(),
        };
        let kind = match (record.workload.does_cpu(), record.workload.does_io()) {
            (true, true) => "mixed",
            (false, true) => "I/O",
            _ => "CPU",
        };
        summary.verdict = verdict::verdict(&summary, kind);
        summary
    }
}

/// The figures of every mode of a comparison; speedups are against `seq`'s
/// wall time when `seq` ran to the end.
pub fn summarize(records: &[ModeRecord]) -> Vec<Summary> {
    let seq_wall_ms = records
        .iter()
        .find(|r| r.mode == Mode::Seq && r.unavailable.is_none() && !r.cancelled)
        .map(|r| r.wall_ms);
    records
        .iter()
        .map(|r| Summary::of(r, seq_wall_ms))
        .collect()
}

#[cfg(test)]
mod tests {
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
            marks.push(Mark {
                lane,
                at_us: start * 1000.0,
                activity,
                task,
            });
            marks.push(Mark {
                lane,
                at_us: end * 1000.0,
                activity: Activity::Idle,
                task: None,
            });
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
}

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

/// How a mode's run ended, and why if it did not end well.
fn outcome(record: &ModeRecord) -> (Status, Option<String>) {
    let tasks_failed = record.results.iter().any(|r| r.outcome.is_err());
    let status = if record.unavailable.is_some() {
        Status::Unavailable
    } else if record.failure.is_some() {
        Status::Failed
    } else if record.cancelled {
        Status::Cancelled
    } else if tasks_failed {
        Status::Failed
    } else {
        Status::Ok
    };
    let reason = record.unavailable.clone().or_else(|| {
        let task_failures = record.results.iter().filter_map(|r| {
            let why = r.outcome.as_ref().err()?;
            Some(format!("task {}: {why}", r.index))
        });
        let failures: Vec<String> = record
            .failure
            .iter()
            .cloned()
            .chain(task_failures)
            .collect();
        (!failures.is_empty()).then(|| failures.join("; "))
    });
    (status, reason)
}

/// How many lanes computed or waited on the network.
fn working_lanes(spans: &[Span]) -> u32 {
    let mut lanes: Vec<u16> = spans
        .iter()
        .filter(|s| matches!(s.activity, Activity::Cpu | Activity::Io))
        .map(|s| s.lane)
        .collect();
    lanes.sort_unstable();
    lanes.dedup();
    lanes.len() as u32
}

/// What kind of work a workload is, as the verdict says it.
fn work_kind(record: &ModeRecord) -> &'static str {
    match (record.workload.does_cpu(), record.workload.does_io()) {
        (true, true) => "mixed",
        (false, true) => "I/O",
        _ => "CPU",
    }
}

impl Summary {
    /// The figures of one mode's run; `seq_wall_ms` gives the speedup.
    pub fn of(record: &ModeRecord, seq_wall_ms: Option<f64>) -> Self {
        let spans: Vec<Span> = record
            .spans()
            .into_iter()
            .filter(|s| record.is_task_lane(s.lane))
            .collect();
        let (status, reason) = outcome(record);
        let tasks_failed = record.results.iter().filter(|r| r.outcome.is_err()).count() as u32;
        let (cpu_ms, io_ms) = (
            total_ms(&spans, Activity::Cpu),
            total_ms(&spans, Activity::Io),
        );
        let (busy_ms, wall_ms) = (cpu_ms + io_ms, record.wall_ms);
        let per_wall = |value: f64| if wall_ms > 0.0 { value / wall_ms } else { 0.0 };
        let runnable = !matches!(status, Status::Unavailable | Status::Cancelled);
        let task_lanes = crate::lanes::task_lane_count(record.mode, record.lanes).max(1);
        let mut summary = Summary {
            mode: record.mode,
            status,
            reason,
            wall_ms,
            tasks: record.tasks,
            tasks_done: record.results.len() as u32 - tasks_failed,
            tasks_failed,
            lanes: working_lanes(&spans),
            checksum: record.checksum(),
            speedup: seq_wall_ms
                .filter(|&seq| runnable && seq > 0.0 && wall_ms > 0.0)
                .map(|seq| seq / wall_ms),
            cpu_ms,
            io_ms,
            busy_ms,
            utilisation: per_wall(busy_ms) / f64::from(task_lanes),
            concurrency: per_wall(busy_ms),
            peak_cpu: peak_overlap(&spans, Activity::Cpu),
            peak_io: peak_overlap(&spans, Activity::Io),
            spawn_ms: total_ms(&spans, Activity::Spawn),
            message_ms: total_ms(&spans, Activity::Message),
            wait_gil_ms: total_ms(&spans, Activity::WaitGil),
            main_blocked_ms: matches!(record.mode, Mode::Seq | Mode::Async)
                .then(|| longest_cpu_stretch(&record.spans(), 0)),
            simulated_io: record.simulated_io,
            completion_order: record.completion_order(),
            verdict: String::new(),
        };
        summary.verdict = verdict::verdict(&summary, work_kind(record));
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
mod tests;

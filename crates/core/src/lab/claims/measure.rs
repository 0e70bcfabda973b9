//! What the claims measure a run by: its lanes (who they are), their
//! lifetimes and intervals, their prints, and the time during which several
//! lanes did something at once.

use crate::program::ProgramRecord;
use crate::record::{Activity, Event, EventKind, LaneKind};
use crate::spans::Span;

/// One stretch of time on one lane, µs since the run's start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Interval {
    /// The lane.
    pub lane: u16,
    /// Start.
    pub start: f64,
    /// End.
    pub end: f64,
}

impl Interval {
    /// Its length, µs.
    pub fn len(&self) -> f64 {
        (self.end - self.start).max(0.0)
    }

    /// The time it shares with `other`, µs.
    pub fn shared(&self, other: &Interval) -> f64 {
        (self.end.min(other.end) - self.start.max(other.start)).max(0.0)
    }

    fn from_span(span: &Span) -> Self {
        Self {
            lane: span.lane,
            start: span.start_us,
            end: span.end_us,
        }
    }
}

/// A run's record with its intervals worked out once.
pub(super) struct View<'a> {
    /// The record.
    pub record: &'a ProgramRecord,
    /// Its intervals, by lane then start.
    pub spans: Vec<Span>,
}

impl<'a> View<'a> {
    /// The view of `record`.
    pub fn of(record: &'a ProgramRecord) -> Self {
        Self {
            record,
            spans: record.spans(),
        }
    }

    /// What `lane` is called (`lane 3` if it was never named).
    pub fn name(&self, lane: u16) -> String {
        self.record
            .lane(lane)
            .map_or_else(|| format!("lane {lane}"), |info| info.name.clone())
    }

    /// Every asyncio task's lane.
    pub fn tasks(&self) -> Vec<u16> {
        self.lanes_where(|info| matches!(info.kind, LaneKind::Task { .. }))
    }

    /// The lanes of processes other than the program's own.
    pub fn child_lanes(&self) -> Vec<u16> {
        self.lanes_where(|info| info.process != 0)
    }

    /// The named lanes `keep` accepts, by lane.
    pub fn lanes_where(&self, keep: impl Fn(&crate::record::LaneInfo) -> bool) -> Vec<u16> {
        let mut lanes: Vec<u16> = self
            .record
            .lanes
            .iter()
            .filter(|info| keep(info))
            .map(|info| info.lane)
            .collect();
        lanes.sort_unstable();
        lanes
    }

    /// The program's main thread: `MainThread` of its own process, or its
    /// first thread if none is called so.
    pub fn main_lane(&self) -> Option<u16> {
        let own = self.lanes_where(|i| i.process == 0 && i.kind == LaneKind::Thread);
        own.iter()
            .copied()
            .find(|&lane| self.name(lane) == "MainThread")
            .or_else(|| own.first().copied())
    }

    /// The threads the program's own process started: its threads but the
    /// main one.
    pub fn workers(&self) -> Vec<u16> {
        let main = self.main_lane();
        self.lanes_where(|i| i.process == 0 && i.kind == LaneKind::Thread)
            .into_iter()
            .filter(|&lane| Some(lane) != main)
            .collect()
    }

    /// The intervals of `lanes` whose span `keep` accepts.
    pub fn intervals(&self, lanes: &[u16], keep: impl Fn(&Span) -> bool) -> Vec<Interval> {
        self.spans
            .iter()
            .filter(|s| lanes.contains(&s.lane) && keep(s))
            .map(Interval::from_span)
            .collect()
    }

    /// The intervals of `lanes` spent in `activity`.
    pub fn doing(&self, lanes: &[u16], activity: Activity) -> Vec<Interval> {
        self.intervals(lanes, |s| s.activity == activity)
    }

    /// The intervals of `lanes` spent blocked (sleeping, on I/O, on a lock,
    /// waiting for another lane).
    pub fn blocked(&self, lanes: &[u16]) -> Vec<Interval> {
        self.intervals(lanes, |s| {
            matches!(
                s.activity,
                Activity::Sleep | Activity::Io | Activity::WaitLock | Activity::Wait
            )
        })
    }

    /// The time `lane` spent in `activity` between `from` and `to`, µs.
    pub fn time_doing_between(&self, lane: u16, activity: Activity, from: f64, to: f64) -> f64 {
        self.doing(&[lane], activity)
            .iter()
            .map(|i| (i.end.min(to) - i.start.max(from)).max(0.0))
            .sum()
    }

    /// The main thread's computing before the first thread it started
    /// began: the part a program does alone, from its first print (where it
    /// says what it will do) on, µs.
    pub fn main_cpu_before(&self, main: u16, workers: &[Interval]) -> f64 {
        let from = self.prints(main).first().map_or(0.0, |e| e.at_us);
        let to = extent(workers).map_or(f64::INFINITY, |(start, _)| start);
        self.time_doing_between(main, Activity::Cpu, from, to)
    }

    /// From `lane`'s first mark to the end of its last interval: the mark
    /// that ended it, or the run's end for a lane that never marked one.
    pub fn lifetime(&self, lane: u16) -> Option<Interval> {
        let start = self
            .record
            .marks
            .iter()
            .filter(|m| m.lane == lane)
            .map(|m| m.at_us)
            .min_by(f64::total_cmp)?;
        let end = self
            .spans
            .iter()
            .filter(|s| s.lane == lane)
            .map(|s| s.end_us)
            .max_by(f64::total_cmp)
            .unwrap_or(start);
        Some(Interval { lane, start, end })
    }

    /// The lifetimes of `lanes` that have one.
    pub fn lifetimes(&self, lanes: &[u16]) -> Vec<Interval> {
        lanes.iter().filter_map(|&l| self.lifetime(l)).collect()
    }

    /// Whether `lane` marked its end.
    pub fn ended(&self, lane: u16) -> bool {
        self.record
            .marks
            .iter()
            .any(|m| m.lane == lane && m.activity == Activity::Done)
    }

    /// The prints of `lane` that show something, in time order.
    pub fn prints(&self, lane: u16) -> Vec<&'a Event> {
        self.prints_where(|event| event.lane == lane)
    }

    /// The prints `keep` accepts that show something, in time order.
    pub fn prints_where(&self, keep: impl Fn(&Event) -> bool) -> Vec<&'a Event> {
        let mut prints: Vec<&Event> = self
            .record
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Print && keep(e))
            .filter(|e| e.text.as_deref().is_some_and(|t| !t.trim().is_empty()))
            .collect();
        prints.sort_by(|a, b| a.at_us.total_cmp(&b.at_us));
        prints
    }

    /// Every event of `kind`, in time order.
    pub fn events(&self, kind: EventKind) -> Vec<&'a Event> {
        let mut events: Vec<&Event> = self
            .record
            .events
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        events.sort_by(|a, b| a.at_us.total_cmp(&b.at_us));
        events
    }

    /// The time between the `from`-th and the `to`-th print of `lane` (0
    /// is its first): a phase the program marks by printing, µs.
    pub fn between_prints(&self, lane: u16, from: usize, to: usize) -> Option<f64> {
        let prints = self.prints(lane);
        Some(prints.get(to)?.at_us - prints.get(from)?.at_us)
    }
}

/// Total length of `intervals`, µs.
pub(super) fn total(intervals: &[Interval]) -> f64 {
    intervals.iter().map(Interval::len).sum()
}

/// From the first start to the last end of `intervals`.
pub(super) fn extent(intervals: &[Interval]) -> Option<(f64, f64)> {
    let start = intervals.iter().map(|i| i.start).min_by(f64::total_cmp)?;
    let end = intervals.iter().map(|i| i.end).max_by(f64::total_cmp)?;
    Some((start, end))
}

/// The length of [`extent`], µs (0 for no intervals).
pub(super) fn extent_len(intervals: &[Interval]) -> f64 {
    extent(intervals).map_or(0.0, |(start, end)| (end - start).max(0.0))
}

/// The most intervals that were under way at one instant, and for how
/// long at least `least` were (touching ends do not overlap).
pub(super) fn concurrency(intervals: &[Interval], least: usize) -> (usize, f64) {
    let mut edges: Vec<(f64, i32)> = intervals
        .iter()
        .filter(|i| i.len() > 0.0)
        .flat_map(|i| [(i.start, 1), (i.end, -1)])
        .collect();
    // At one instant, ends before starts.
    edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut now, mut peak, mut time, mut since) = (0i32, 0usize, 0.0, 0.0);
    for (at, step) in edges {
        if now as usize >= least.max(1) {
            time += at - since;
        }
        now += step;
        since = at;
        peak = peak.max(now.max(0) as usize);
    }
    (peak, time)
}

/// The longest time two intervals of different lanes shared, and whose.
pub(super) fn longest_shared(intervals: &[Interval]) -> (f64, Option<(u16, u16)>) {
    let mut best = (0.0, None);
    for (i, a) in intervals.iter().enumerate() {
        for b in &intervals[i + 1..] {
            let shared = a.shared(b);
            if a.lane != b.lane && shared > best.0 {
                best = (shared, Some((a.lane, b.lane)));
            }
        }
    }
    best
}

/// The median of `values` (0 for none).
pub(super) fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

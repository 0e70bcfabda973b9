//! A mode's lanes: how many it runs with, which of them a timeline shows,
//! and what state each is in at a given moment.
//!
//! A lane is a thread, a process or an async task. Every mode records its
//! lanes from 0: `seq` has the main thread, the pool modes one lane per
//! worker, `async` the event loop (lane 0) and then one lane per task.

use crate::mode::Mode;
use crate::record::{Activity, Lifecycle};
use crate::spans::{GIL_TRACK, Span};

/// How many lanes `mode` runs with, for `workers` pool workers and `tasks`
/// tasks.
pub fn lane_count(mode: Mode, workers: u16, tasks: u32) -> u16 {
    match mode {
        Mode::Seq => 1,
        Mode::Threads | Mode::Gil | Mode::Procs => workers.max(1),
        Mode::Async => u16::try_from(tasks).unwrap_or(u16::MAX - 1) + 1,
    }
}

/// The rows a timeline shows for a mode of `lanes` lanes, top to bottom:
/// every lane, and in `gil` first the track of who holds the GIL.
pub fn shown_lanes(mode: Mode, lanes: u16) -> Vec<u16> {
    let gil = (mode == Mode::Gil).then_some(GIL_TRACK);
    gil.into_iter().chain(0..lanes).collect()
}

/// Whether `lane` runs tasks (in `async`, lane 0 is the event loop itself,
/// whose work is its tasks' work).
pub fn is_task_lane(mode: Mode, lane: u16) -> bool {
    !(mode == Mode::Async && lane == 0)
}

/// How many of a mode's `lanes` run tasks.
pub fn task_lane_count(mode: Mode, lanes: u16) -> u16 {
    (0..lanes).filter(|&lane| is_task_lane(mode, lane)).count() as u16
}

impl Lifecycle {
    /// The word a lane's label shows.
    pub fn word(self) -> &'static str {
        match self {
            Lifecycle::New => "new",
            Lifecycle::Ready => "ready",
            Lifecycle::Running => "running",
            Lifecycle::Blocked => "blocked",
            Lifecycle::Terminated => "done",
        }
    }
}

/// A lane's lifecycle state at `at_us`: that of its interval covering that
/// moment; after its last interval, terminated (or ready, while its run is
/// still in progress); before its first, new.
pub fn lane_state(spans: &[Span], lane: u16, at_us: f64, in_progress: bool) -> Option<Lifecycle> {
    let mut last_end = None;
    for span in spans.iter().filter(|s| s.lane == lane) {
        if span.start_us <= at_us && at_us < span.end_us {
            return Some(span.activity.lifecycle());
        }
        last_end = Some(last_end.map_or(span.end_us, |end: f64| end.max(span.end_us)));
    }
    match last_end? {
        end if at_us >= end && in_progress => Some(Activity::Idle.lifecycle()),
        end if at_us >= end => Some(Lifecycle::Terminated),
        _ => Some(Lifecycle::New),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_counts_its_lanes_the_same_way_before_and_after_it_runs() {
        assert_eq!(lane_count(Mode::Seq, 4, 8), 1);
        assert_eq!(lane_count(Mode::Procs, 4, 8), 4);
        assert_eq!(lane_count(Mode::Threads, 0, 8), 1, "at least one worker");
        assert_eq!(lane_count(Mode::Async, 4, 8), 9, "the loop and eight tasks");
        assert_eq!(shown_lanes(Mode::Async, 3), [0, 1, 2]);
        assert_eq!(shown_lanes(Mode::Gil, 2), [GIL_TRACK, 0, 1]);
        assert_eq!(task_lane_count(Mode::Async, 9), 8);
        assert_eq!(task_lane_count(Mode::Threads, 2), 2);
    }

    fn span(lane: u16, start_us: f64, end_us: f64, activity: Activity) -> Span {
        Span {
            lane,
            start_us,
            end_us,
            activity,
            task: None,
            closed_at_end: false,
            note: 0,
            line: 0,
        }
    }

    #[test]
    fn a_lanes_state_follows_its_intervals() {
        let spans = [
            span(0, 10.0, 20.0, Activity::Cpu),
            span(0, 20.0, 30.0, Activity::Io),
        ];
        assert_eq!(lane_state(&spans, 0, 5.0, false), Some(Lifecycle::New));
        assert_eq!(lane_state(&spans, 0, 15.0, false), Some(Lifecycle::Running));
        assert_eq!(lane_state(&spans, 0, 25.0, false), Some(Lifecycle::Blocked));
        assert_eq!(
            lane_state(&spans, 0, 35.0, false),
            Some(Lifecycle::Terminated)
        );
        assert_eq!(lane_state(&spans, 0, 35.0, true), Some(Lifecycle::Ready));
        assert_eq!(lane_state(&spans, 1, 15.0, false), None, "no such lane");
    }
}

//! From marks to intervals: a lane's activity between consecutive marks.

use crate::record::{Activity, Mark};
use serde::{Deserialize, Serialize};

/// One interval of one lane's activity.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// The lane.
    pub lane: u16,
    /// Start, µs since the run's start.
    pub start_us: f64,
    /// End, µs since the run's start.
    pub end_us: f64,
    /// What the lane did.
    pub activity: Activity,
    /// For which task.
    pub task: Option<u32>,
}

impl Span {
    /// Length in µs.
    pub fn duration_us(&self) -> f64 {
        self.end_us - self.start_us
    }

    /// Whether two spans share some time (touching ends do not count).
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start_us < other.end_us && other.start_us < self.end_us
    }
}

/// The pseudo-lane of the GIL-holder track in the `gil` timeline.
pub const GIL_TRACK: u16 = u16::MAX;

/// Who held the GIL when, as spans on [`GIL_TRACK`] whose `task` is the
/// holding lane: the same intervals as the holders' `cpu` spans, since under
/// the GIL a thread computes only while it holds it.
pub fn gil_holder_spans(spans: &[Span]) -> Vec<Span> {
    let mut held: Vec<Span> = spans
        .iter()
        .filter(|s| s.activity == Activity::Cpu && s.lane != GIL_TRACK)
        .map(|s| Span {
            lane: GIL_TRACK,
            task: Some(u32::from(s.lane)),
            ..*s
        })
        .collect();
    held.sort_by(|a, b| a.start_us.total_cmp(&b.start_us));
    held
}

/// Builds a run's spans from its marks, lane by lane in time order.
///
/// A lane's last activity, if it has not ended, is closed at `now_us` (a run
/// in progress) or dropped when `now_us` is `None`. Zero-length spans are
/// dropped.
pub fn spans_from_marks(marks: &[Mark], now_us: Option<f64>) -> Vec<Span> {
    let mut sorted: Vec<&Mark> = marks.iter().collect();
    // Stable: marks of one lane at the same instant keep their recorded order.
    sorted.sort_by(|a, b| a.lane.cmp(&b.lane).then(a.at_us.total_cmp(&b.at_us)));
    let mut spans = Vec::with_capacity(sorted.len());
    for pair in sorted.windows(2) {
        let (mark, next) = (pair[0], pair[1]);
        if mark.lane == next.lane {
            push_span(&mut spans, mark, next.at_us);
        }
    }
    if let (Some(now), Some(_)) = (now_us, sorted.last()) {
        for (i, mark) in sorted.iter().enumerate() {
            let last_of_lane = sorted.get(i + 1).is_none_or(|next| next.lane != mark.lane);
            if last_of_lane {
                push_span(&mut spans, mark, now.max(mark.at_us));
            }
        }
        spans.sort_by(|a, b| a.lane.cmp(&b.lane).then(a.start_us.total_cmp(&b.start_us)));
    }
    spans
}

fn push_span(spans: &mut Vec<Span>, mark: &Mark, end_us: f64) {
    let ended = matches!(mark.activity, Activity::Done | Activity::Cancelled);
    if !ended && end_us > mark.at_us {
        spans.push(Span {
            lane: mark.lane,
            start_us: mark.at_us,
            end_us,
            activity: mark.activity,
            task: mark.task,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(lane: u16, at_us: f64, activity: Activity) -> Mark {
        Mark {
            lane,
            at_us,
            activity,
            task: Some(1),
        }
    }

    #[test]
    fn consecutive_marks_make_spans_per_lane() {
        let marks = [
            mark(0, 0.0, Activity::Cpu),
            mark(1, 5.0, Activity::Io),
            mark(0, 10.0, Activity::Done),
            mark(1, 20.0, Activity::Done),
        ];
        let spans = spans_from_marks(&marks, None);
        assert_eq!(spans.len(), 2);
        assert_eq!(
            (spans[0].lane, spans[0].start_us, spans[0].end_us),
            (0, 0.0, 10.0)
        );
        assert_eq!((spans[1].lane, spans[1].activity), (1, Activity::Io));
    }

    #[test]
    fn an_open_lane_reaches_now_or_is_left_out() {
        let marks = [mark(0, 0.0, Activity::Cpu)];
        assert!(spans_from_marks(&marks, None).is_empty());
        assert_eq!(spans_from_marks(&marks, Some(7.0))[0].end_us, 7.0);
    }

    #[test]
    fn the_gil_track_follows_the_cpu_spans() {
        let marks = [
            mark(0, 0.0, Activity::Cpu),
            mark(1, 0.0, Activity::WaitGil),
            mark(0, 5.0, Activity::WaitGil),
            mark(1, 5.0, Activity::Cpu),
            mark(0, 9.0, Activity::Done),
            mark(1, 9.0, Activity::Done),
        ];
        let held = gil_holder_spans(&spans_from_marks(&marks, None));
        assert_eq!(
            held.iter()
                .map(|s| (s.task, s.start_us))
                .collect::<Vec<_>>(),
            [(Some(0), 0.0), (Some(1), 5.0)]
        );
        assert!(held.iter().all(|s| s.lane == GIL_TRACK));
    }

    #[test]
    fn overlap_excludes_touching() {
        let a = Span {
            lane: 0,
            start_us: 0.0,
            end_us: 5.0,
            activity: Activity::Cpu,
            task: None,
        };
        let b = Span {
            start_us: 5.0,
            end_us: 9.0,
            ..a
        };
        let c = Span { start_us: 4.0, ..b };
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&c));
    }
}

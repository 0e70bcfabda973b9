//! From marks to intervals: a lane's activity between consecutive marks.

use crate::record::{Activity, GilEvent, GilMark, Mark};
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
    /// The lane never marked the end of this activity: the span was closed
    /// at the run's end (or at "now", for a run in progress).
    pub closed_at_end: bool,
    /// What it waited for or worked on, as a note of its recorder (0: none).
    #[serde(default)]
    pub note: u32,
    /// The source line its lane stood on (0: none).
    #[serde(default)]
    pub line: u32,
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

/// Who held the GIL when, from the recorded hand-overs: spans on
/// [`GIL_TRACK`] whose `task` is the holding lane. A hold with no recorded
/// end closes at `end_us`.
pub fn gil_holder_spans(gil_marks: &[GilMark], end_us: f64) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut held: Option<(u16, f64)> = None;
    let mut close = |holder: u16, start_us: f64, end: f64, closed_at_end: bool| {
        if end > start_us {
            spans.push(Span {
                lane: GIL_TRACK,
                start_us,
                end_us: end,
                activity: Activity::Cpu,
                task: Some(u32::from(holder)),
                closed_at_end,
                note: 0,
                line: 0,
            });
        }
    };
    for mark in gil_marks {
        match mark.event {
            GilEvent::Took => held = Some((mark.lane, mark.at_us)),
            GilEvent::Dropped => {
                if let Some((holder, start_us)) = held.take() {
                    close(holder, start_us, mark.at_us, false);
                }
            }
            GilEvent::Requested => {}
        }
    }
    if let Some((holder, start_us)) = held {
        close(holder, start_us, end_us.max(start_us), true);
    }
    spans
}

/// Builds a run's spans from its marks, lane by lane in time order.
///
/// A lane's last activity, if it has not ended, is closed at `now_us` (a run
/// in progress, or the run's end) and says so, or dropped when `now_us` is
/// `None`. Zero-length spans are dropped.
pub fn spans_from_marks(marks: &[Mark], now_us: Option<f64>) -> Vec<Span> {
    let mut sorted: Vec<&Mark> = marks.iter().collect();
    // Stable: marks of one lane at the same instant keep their recorded order.
    sorted.sort_by(|a, b| a.lane.cmp(&b.lane).then(a.at_us.total_cmp(&b.at_us)));
    let mut spans = Vec::with_capacity(sorted.len());
    for pair in sorted.windows(2) {
        let (mark, next) = (pair[0], pair[1]);
        if mark.lane == next.lane {
            push_span(&mut spans, mark, next.at_us, false);
        }
    }
    if let (Some(now), Some(_)) = (now_us, sorted.last()) {
        for (i, mark) in sorted.iter().enumerate() {
            let last_of_lane = sorted.get(i + 1).is_none_or(|next| next.lane != mark.lane);
            if last_of_lane {
                push_span(&mut spans, mark, now.max(mark.at_us), true);
            }
        }
        spans.sort_by(|a, b| a.lane.cmp(&b.lane).then(a.start_us.total_cmp(&b.start_us)));
    }
    spans
}

fn push_span(spans: &mut Vec<Span>, mark: &Mark, end_us: f64, closed_at_end: bool) {
    let ended = matches!(mark.activity, Activity::Done | Activity::Cancelled);
    if !ended && end_us > mark.at_us {
        spans.push(Span {
            lane: mark.lane,
            start_us: mark.at_us,
            end_us,
            activity: mark.activity,
            task: mark.task,
            closed_at_end,
            note: mark.note,
            line: mark.line,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(lane: u16, at_us: f64, activity: Activity) -> Mark {
        Mark::plain(lane, at_us, activity, Some(1))
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

    fn gil(lane: u16, at_us: f64, event: GilEvent) -> GilMark {
        GilMark { lane, at_us, event }
    }

    #[test]
    fn the_gil_track_follows_the_hand_overs() {
        let marks = [
            gil(0, 0.0, GilEvent::Took),
            gil(1, 5000.0, GilEvent::Requested),
            gil(0, 5100.0, GilEvent::Dropped),
            gil(1, 5150.0, GilEvent::Took),
        ];
        let held = gil_holder_spans(&marks, 9000.0);
        let summary: Vec<_> = held
            .iter()
            .map(|s| (s.task, s.start_us, s.end_us, s.closed_at_end))
            .collect();
        assert_eq!(
            summary,
            [
                (Some(0), 0.0, 5100.0, false),
                (Some(1), 5150.0, 9000.0, true)
            ]
        );
        assert!(held.iter().all(|s| s.lane == GIL_TRACK));
    }

    #[test]
    fn a_span_closed_at_the_end_says_so() {
        let marks = [
            mark(0, 0.0, Activity::Cpu),
            mark(1, 0.0, Activity::Io),
            mark(1, 3.0, Activity::Done),
        ];
        let spans = spans_from_marks(&marks, Some(7.0));
        let flags: Vec<_> = spans.iter().map(|s| (s.lane, s.closed_at_end)).collect();
        assert_eq!(flags, [(0, true), (1, false)]);
    }

    #[test]
    fn overlap_excludes_touching() {
        let a = Span {
            lane: 0,
            start_us: 0.0,
            end_us: 5.0,
            activity: Activity::Cpu,
            task: None,
            closed_at_end: false,
            note: 0,
            line: 0,
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

//! Which interval is under the pointer, and keyboard moves from interval to
//! interval, on a laid-out timeline.

use super::Layout;
use crate::spans::{GIL_TRACK, Span};

/// An interval picked by pointer or keyboard.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pick {
    /// Its group.
    pub group: usize,
    /// The interval.
    pub span: Span,
}

/// Identifies a picked interval across frames: (group, lane, start µs).
pub type PickKey = (usize, u16, f64);

impl Pick {
    /// Identifies the interval across frames.
    pub fn key(&self) -> PickKey {
        (self.group, self.span.lane, self.span.start_us)
    }

    /// The task to highlight (the GIL track's "task" is its holder).
    pub fn task(&self) -> Option<u32> {
        self.span.task.filter(|_| self.span.lane != GIL_TRACK)
    }

    /// A sentence describing it; `notes` are what a program's lanes waited
    /// for (note `n` at index `n - 1`; a comparison has none).
    pub fn describe(&self, layout: &Layout, notes: &[String]) -> String {
        let Some(group) = layout.groups.get(self.group) else {
            return String::new();
        };
        let span = &self.span;
        let what = if span.lane == GIL_TRACK {
            let holder = span.task.and_then(|t| u16::try_from(t).ok()).unwrap_or(0);
            format!("held by {}", group.lane_name(holder))
        } else {
            let kind = span.activity.category().unwrap_or("ended");
            let note = (span.note as usize)
                .checked_sub(1)
                .and_then(|i| notes.get(i))
                .map_or_else(String::new, |note| format!(" on {note}"));
            let line = if span.line > 0 {
                format!(", line {}", span.line)
            } else {
                String::new()
            };
            match span.task {
                Some(task) => format!("{kind}{note}, task {task}{line}"),
                None => format!("{kind}{note}{line}"),
            }
        };
        format!(
            "{} · {} · {what} · from {:.1} ms for {:.1} ms",
            group.title,
            group.lane_name(span.lane),
            span.start_us / 1000.0,
            span.duration_us() / 1000.0
        )
    }
}

/// How far a pointer may miss a thin interval and still pick it, px.
const SLACK_PX: f64 = 3.0;

/// The interval at (x, y), if any: `spans[g]` are group `g`'s intervals,
/// and nothing left of `label_width` is an interval.
pub fn pick_at(
    layout: &Layout,
    spans: &[&[Span]],
    label_width: f64,
    x: f64,
    y: f64,
) -> Option<Pick> {
    if x < label_width {
        return None;
    }
    let (group, laid) = layout
        .groups
        .iter()
        .enumerate()
        .find(|(_, g)| g.row_at(y).is_some())?;
    let row = laid.row_at(y)?;
    let t = laid.scale.us(x);
    let slack = laid.scale.us(x + SLACK_PX) - t;
    let span = spans
        .get(group)?
        .iter()
        .filter(|s| s.lane == row.lane && s.start_us - slack <= t && t < s.end_us + slack)
        .min_by(|a, b| distance(a, t).total_cmp(&distance(b, t)))?;
    Some(Pick { group, span: *span })
}

fn distance(span: &Span, t: f64) -> f64 {
    if t < span.start_us {
        span.start_us - t
    } else if t > span.end_us {
        t - span.end_us
    } else {
        0.0
    }
}

/// Every interval in reading order: group, lane, time.
fn ordered(layout: &Layout, spans: &[&[Span]]) -> Vec<Pick> {
    let mut picks = Vec::new();
    for (group, laid) in layout.groups.iter().enumerate() {
        let Some(own) = spans.get(group) else {
            continue;
        };
        for row in &laid.rows {
            let mut lane: Vec<Span> = own.iter().filter(|s| s.lane == row.lane).copied().collect();
            lane.sort_by(|a, b| a.start_us.total_cmp(&b.start_us));
            picks.extend(lane.into_iter().map(|span| Pick { group, span }));
        }
    }
    picks
}

/// The keyboard moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Next interval in the lane.
    Later,
    /// Previous interval in the lane.
    Earlier,
    /// The interval at the same time in the lane below.
    Down,
    /// The interval at the same time in the lane above.
    Up,
}

impl Move {
    /// The move an arrow key makes (`ArrowRight` …).
    pub fn of_key(key: &str) -> Option<Self> {
        Some(match key {
            "ArrowRight" => Move::Later,
            "ArrowLeft" => Move::Earlier,
            "ArrowDown" => Move::Down,
            "ArrowUp" => Move::Up,
            _ => return None,
        })
    }
}

/// Where a keyboard move from `from` lands: the first interval if nothing
/// is picked yet, and `from` itself where there is nowhere to go.
pub fn step(layout: &Layout, spans: &[&[Span]], from: Option<Pick>, by: Move) -> Option<Pick> {
    let picks = ordered(layout, spans);
    let Some(from) = from else {
        return picks.first().copied();
    };
    let here = picks.iter().position(|p| p.key() == from.key())?;
    let same_lane = |p: &Pick| p.group == from.group && p.span.lane == from.span.lane;
    let landed = match by {
        Move::Later => picks.get(here + 1).copied().filter(same_lane),
        Move::Earlier => here
            .checked_sub(1)
            .and_then(|i| picks.get(i))
            .copied()
            .filter(same_lane),
        Move::Down | Move::Up => {
            let rows: Vec<(usize, u16)> = layout
                .groups
                .iter()
                .enumerate()
                .flat_map(|(g, laid)| laid.rows.iter().map(move |r| (g, r.lane)))
                .collect();
            let at = rows
                .iter()
                .position(|&r| r == (from.group, from.span.lane))?;
            let target = if by == Move::Down {
                rows.get(at + 1)
            } else {
                at.checked_sub(1).and_then(|i| rows.get(i))
            };
            let mid = (from.span.start_us + from.span.end_us) / 2.0;
            target.and_then(|target| {
                picks
                    .iter()
                    .filter(|p| (p.group, p.span.lane) == *target)
                    .min_by(|a, b| distance(&a.span, mid).total_cmp(&distance(&b.span, mid)))
                    .copied()
            })
        }
    };
    landed.or(Some(from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mode::Mode;
    use crate::record::Activity;
    use crate::timeline::{Fit, GroupInput, Metrics, layout};

    const METRICS: Metrics = Metrics {
        width: 1100.0,
        label_width: 100.0,
        header_height: 20.0,
        lane_height: 20.0,
        min_lane_height: 2.0,
        max_group_height: 200.0,
        group_gap: 10.0,
        axis_height: 20.0,
        right_pad: 0.0,
    };

    fn span(lane: u16, start_ms: f64, end_ms: f64) -> Span {
        Span {
            lane,
            start_us: start_ms * 1000.0,
            end_us: end_ms * 1000.0,
            activity: Activity::Cpu,
            task: Some(u32::from(lane)),
            closed_at_end: false,
            note: 0,
            line: 0,
        }
    }

    fn scene() -> (Layout, Vec<Vec<Span>>) {
        let input = GroupInput::of_mode(Mode::Threads, vec![0, 1], 1_000_000.0);
        let laid = layout(&[input], &METRICS, Fit::Shared, None);
        let spans = vec![vec![
            span(0, 0.0, 400.0),
            span(0, 500.0, 1000.0),
            span(1, 100.0, 900.0),
        ]];
        (laid, spans)
    }

    #[test]
    fn the_pointer_picks_the_interval_under_it_with_a_little_slack() {
        let (laid, spans) = scene();
        let spans: Vec<&[Span]> = spans.iter().map(Vec::as_slice).collect();
        // One ms is one px here; lane 0 is the row from y = 20 to 40.
        let hit = pick_at(&laid, &spans, 100.0, 100.0 + 450.0, 30.0);
        assert_eq!(hit, None, "a 100 ms gap is not an interval");
        let near = pick_at(&laid, &spans, 100.0, 100.0 + 402.0, 30.0).expect("within slack");
        assert_eq!(near.span.end_us, 400_000.0);
        let below = pick_at(&laid, &spans, 100.0, 100.0 + 450.0, 50.0).expect("lane 1");
        assert_eq!((below.span.lane, below.task()), (1, Some(1)));
        assert_eq!(
            pick_at(&laid, &spans, 100.0, 50.0, 30.0),
            None,
            "the label column"
        );
        assert!(
            near.describe(&laid, &[])
                .starts_with("Threads · worker-1 · cpu, task 0")
        );
    }

    #[test]
    fn arrow_keys_walk_a_lane_and_jump_between_lanes_at_the_same_time() {
        let (laid, spans) = scene();
        let spans: Vec<&[Span]> = spans.iter().map(Vec::as_slice).collect();
        let first = step(&laid, &spans, None, Move::Later).expect("an interval");
        assert_eq!(first.span.start_us, 0.0);
        let next = step(&laid, &spans, Some(first), Move::Later).expect("moves");
        assert_eq!(next.span.start_us, 500_000.0);
        let stay = step(&laid, &spans, Some(next), Move::Later).expect("stays");
        assert_eq!(stay.key(), next.key(), "the lane's last interval");
        let down = step(&laid, &spans, Some(next), Move::Down).expect("moves");
        assert_eq!((down.span.lane, down.span.start_us), (1, 100_000.0));
        let up = step(&laid, &spans, Some(down), Move::Up).expect("moves");
        assert_eq!(up.span.lane, 0);
        assert_eq!(Move::of_key("ArrowUp"), Some(Move::Up));
        assert_eq!(Move::of_key("x"), None);
    }
}

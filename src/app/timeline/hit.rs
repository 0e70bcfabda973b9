//! Which interval is under the pointer, and keyboard moves between
//! intervals.

use super::painter::Scene;
use threadline_core::spans::{GIL_TRACK, Span};

/// An interval picked by pointer or keyboard.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pick {
    /// Its group.
    pub group: usize,
    /// The interval.
    pub span: Span,
}

impl Pick {
    /// Identifies the interval for drawing its focus ring.
    pub fn key(&self) -> (usize, u16, f64) {
        (self.group, self.span.lane, self.span.start_us)
    }

    /// The task to highlight (the GIL track's "task" is its holder).
    pub fn task(&self) -> Option<u32> {
        self.span.task.filter(|_| self.span.lane != GIL_TRACK)
    }

    /// A sentence describing it.
    pub fn describe(&self, scene: &Scene) -> String {
        let mode = scene.layout.groups[self.group].mode;
        let span = &self.span;
        let what = if span.lane == GIL_TRACK {
            format!("held by worker-{}", span.task.unwrap_or(0) + 1)
        } else {
            let kind = span.activity.category().unwrap_or("ended");
            match span.task {
                Some(task) => format!("{kind}, task {task}"),
                None => kind.to_string(),
            }
        };
        format!(
            "{} · {} · {what} · from {:.1} ms for {:.1} ms",
            mode.title(),
            mode.lane_name(span.lane),
            span.start_us / 1000.0,
            span.duration_us() / 1000.0
        )
    }
}

/// The interval at canvas coordinates (x, y), if any.
pub fn at(scene: &Scene, x: f64, y: f64) -> Option<Pick> {
    let (group, laid) = scene
        .layout
        .groups
        .iter()
        .enumerate()
        .find(|(_, g)| g.row_at(y).is_some())?;
    let row = laid.row_at(y)?;
    if x < scene.metrics.label_width {
        return None;
    }
    let t = laid.scale.us(x);
    // A thin interval is hard to hit: accept the nearest within 3 px.
    let slack = laid.scale.us(x + 3.0) - t;
    let span = scene.groups[group]
        .spans
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

/// Every interval of the scene in reading order: group, lane, time.
fn ordered(scene: &Scene) -> Vec<Pick> {
    let mut picks = Vec::new();
    for (group, laid) in scene.layout.groups.iter().enumerate() {
        for row in &laid.rows {
            let mut spans: Vec<Span> = scene.groups[group]
                .spans
                .iter()
                .filter(|s| s.lane == row.lane)
                .copied()
                .collect();
            spans.sort_by(|a, b| a.start_us.total_cmp(&b.start_us));
            picks.extend(spans.into_iter().map(|span| Pick { group, span }));
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

/// Where a keyboard move from `from` lands (the first interval if none).
pub fn step(scene: &Scene, from: Option<Pick>, by: Move) -> Option<Pick> {
    let picks = ordered(scene);
    let Some(from) = from else {
        return picks.first().copied();
    };
    let here = picks.iter().position(|p| p.key() == from.key())?;
    match by {
        Move::Later => picks
            .get(here + 1)
            .copied()
            .filter(|p| p.group == from.group && p.span.lane == from.span.lane),
        Move::Earlier => here
            .checked_sub(1)
            .and_then(|i| picks.get(i))
            .copied()
            .filter(|p| p.group == from.group && p.span.lane == from.span.lane),
        Move::Down | Move::Up => {
            let lanes: Vec<(usize, u16)> = scene
                .layout
                .groups
                .iter()
                .enumerate()
                .flat_map(|(g, laid)| laid.rows.iter().map(move |r| (g, r.lane)))
                .collect();
            let at = lanes
                .iter()
                .position(|&l| l == (from.group, from.span.lane))?;
            let target = if by == Move::Down {
                lanes.get(at + 1)
            } else {
                at.checked_sub(1).and_then(|i| lanes.get(i))
            }?;
            let mid = (from.span.start_us + from.span.end_us) / 2.0;
            picks
                .iter()
                .filter(|p| (p.group, p.span.lane) == *target)
                .min_by(|a, b| distance(&a.span, mid).total_cmp(&distance(&b.span, mid)))
                .copied()
        }
    }
    .or(Some(from))
}

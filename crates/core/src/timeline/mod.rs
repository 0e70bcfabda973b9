//! The timeline's geometry: where each lane's row sits and where a moment
//! falls on screen, and which interval is under a point. Drawing (canvas,
//! SVG) only follows this layout.

pub mod hit;

use crate::mode::Mode;

/// A linear map from run time (µs) to pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Time at the left edge, µs.
    pub start_us: f64,
    /// Time at the right edge, µs.
    pub end_us: f64,
    /// Left edge, px.
    pub x0: f64,
    /// Right edge, px.
    pub x1: f64,
}

impl Scale {
    /// The x of a time.
    pub fn x(&self, us: f64) -> f64 {
        let span = (self.end_us - self.start_us).max(1.0);
        self.x0 + (us - self.start_us) / span * (self.x1 - self.x0)
    }

    /// The time at an x.
    pub fn us(&self, x: f64) -> f64 {
        let width = (self.x1 - self.x0).max(1.0);
        self.start_us + (x - self.x0) / width * (self.end_us - self.start_us)
    }
}

/// Round tick times from 0 to `end_us`: steps of 1, 2 or 5 × 10ⁿ µs, at
/// most `max_ticks` of them (and at least two).
pub fn ticks(end_us: f64, max_ticks: usize) -> Vec<f64> {
    let step = tick_step(end_us, max_ticks);
    let count = (end_us / step).floor() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

/// The step [`ticks`] uses.
pub fn tick_step(end_us: f64, max_ticks: usize) -> f64 {
    let end = end_us.max(1.0);
    let rough = end / max_ticks.max(2) as f64;
    let magnitude = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| end / step <= max_ticks.max(2) as f64)
        .unwrap_or(10.0 * magnitude)
}

/// A tick's label, in units that suit the step.
pub fn tick_label(us: f64, step_us: f64) -> String {
    if us == 0.0 {
        return "0".into();
    }
    if step_us >= 1_000_000.0 || us >= 10_000_000.0 {
        let s = us / 1_000_000.0;
        if step_us >= 1_000_000.0 {
            format!("{s:.0} s")
        } else {
            format!("{s:.1} s")
        }
    } else if step_us >= 1000.0 {
        format!("{:.0} ms", us / 1000.0)
    } else {
        format!("{:.1} ms", us / 1000.0)
    }
}

/// One group of lanes (a mode of the comparison, a process of a program),
/// as the layout needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupInput {
    /// Its title (`threads`, `MainProcess`).
    pub title: String,
    /// The lanes to show, top to bottom, each with its name.
    pub lanes: Vec<(u16, String)>,
    /// How long the group ran (or has run so far), µs.
    pub extent_us: f64,
}

impl GroupInput {
    /// A mode's group: its lanes named as the mode names them.
    pub fn of_mode(mode: Mode, lanes: Vec<u16>, extent_us: f64) -> Self {
        Self {
            title: mode.title().to_string(),
            lanes: lanes
                .into_iter()
                .map(|lane| (lane, mode.lane_name(lane)))
                .collect(),
            extent_us,
        }
    }
}

/// Sizes the layout works with, in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// Total width.
    pub width: f64,
    /// Width of the lane-name column.
    pub label_width: f64,
    /// Height of a group's title row.
    pub header_height: f64,
    /// Preferred lane height.
    pub lane_height: f64,
    /// Smallest lane height, for groups with many lanes.
    pub min_lane_height: f64,
    /// Most height one group's lanes take before lanes get thinner.
    pub max_group_height: f64,
    /// Space between groups.
    pub group_gap: f64,
    /// Height of the time axis at the bottom.
    pub axis_height: f64,
    /// Space to the right of the bars.
    pub right_pad: f64,
}

/// The lane-name column for a canvas `width` px wide whose widest name is
/// `widest_name` px and whose labels take `chrome` px besides the name (a
/// margin, a dot, the state word): 84 px on a narrow canvas; else 150 px,
/// or more for a longer name (`Thread-1 (_handle_results)`), up to 30 % of
/// the canvas.
pub fn label_width(width: f64, widest_name: f64, chrome: f64) -> f64 {
    if width < 520.0 {
        return 84.0;
    }
    (widest_name + chrome).clamp(150.0, (width * 0.3).max(150.0))
}

/// Whether all groups share one time axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Fit {
    /// One axis for all: bar lengths compare across modes.
    #[default]
    Shared,
    /// Each group fills the width with its own run.
    PerMode,
}

/// One lane's row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The lane.
    pub lane: u16,
    /// Its name.
    pub name: String,
    /// Top edge, px.
    pub y: f64,
    /// Height, px.
    pub height: f64,
}

/// One group, laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLayout {
    /// Its title.
    pub title: String,
    /// Top of the title row, px.
    pub top: f64,
    /// The lanes' rows.
    pub rows: Vec<Row>,
    /// Where the group's times go.
    pub scale: Scale,
}

impl GroupLayout {
    /// Bottom edge of the last row, px.
    pub fn bottom(&self, metrics: &Metrics) -> f64 {
        self.rows
            .last()
            .map_or(self.top + metrics.header_height, |r| r.y + r.height)
    }

    /// The row under a y, if any.
    pub fn row_at(&self, y: f64) -> Option<&Row> {
        self.rows.iter().find(|r| y >= r.y && y < r.y + r.height)
    }

    /// The name of `lane` in this group (its number if it has no row).
    pub fn lane_name(&self, lane: u16) -> String {
        self.rows
            .iter()
            .find(|r| r.lane == lane)
            .map_or_else(|| format!("lane {lane}"), |r| r.name.clone())
    }
}

/// The whole timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The groups, top to bottom.
    pub groups: Vec<GroupLayout>,
    /// Total height, px.
    pub height: f64,
    /// The shared axis (the longest run's, with `Fit::Shared`).
    pub axis: Scale,
}

/// The end of the shared axis while a run grows to `live_us`: extended in
/// round steps, with room to grow, rather than every frame, so that the
/// finished groups need not be redrawn as the live one grows.
pub fn growing_axis_end(finished_us: f64, live_us: f64) -> f64 {
    if live_us <= finished_us {
        return finished_us.max(1.0);
    }
    let step = tick_step(live_us * 1.25, 4);
    ((live_us * 1.25) / step).ceil() * step
}

/// Lays out the groups top to bottom. The shared axis ends at `axis_end_us`
/// if given, else at the longest group's extent.
pub fn layout(
    groups: &[GroupInput],
    metrics: &Metrics,
    fit: Fit,
    axis_end_us: Option<f64>,
) -> Layout {
    let x0 = metrics.label_width;
    let x1 = (metrics.width - metrics.right_pad).max(x0 + 1.0);
    let longest =
        axis_end_us.unwrap_or_else(|| groups.iter().map(|g| g.extent_us).fold(1.0, f64::max));
    let axis = Scale {
        start_us: 0.0,
        end_us: longest,
        x0,
        x1,
    };
    let mut top = 0.0;
    let mut laid = Vec::with_capacity(groups.len());
    for group in groups {
        let lanes = group.lanes.len().max(1) as f64;
        let lane_height = (metrics.max_group_height / lanes)
            .min(metrics.lane_height)
            .max(metrics.min_lane_height);
        let first = top + metrics.header_height;
        let rows = group
            .lanes
            .iter()
            .enumerate()
            .map(|(i, (lane, name))| Row {
                lane: *lane,
                name: name.clone(),
                y: first + i as f64 * lane_height,
                height: lane_height,
            })
            .collect();
        let scale = match fit {
            Fit::Shared => axis,
            Fit::PerMode => Scale {
                end_us: group.extent_us.max(1.0),
                ..axis
            },
        };
        let group = GroupLayout {
            title: group.title.clone(),
            top,
            rows,
            scale,
        };
        top = group.bottom(metrics) + metrics.group_gap;
        laid.push(group);
    }
    Layout {
        groups: laid,
        height: top - metrics.group_gap.min(top) + metrics.axis_height,
        axis,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_names_get_their_room_up_to_a_share_of_the_canvas() {
        assert_eq!(label_width(400.0, 300.0, 72.0), 84.0, "narrow: fixed");
        assert_eq!(
            label_width(800.0, 40.0, 72.0),
            150.0,
            "short names: the least"
        );
        assert_eq!(
            label_width(800.0, 150.0, 72.0),
            222.0,
            "a long name: all of it"
        );
        assert_eq!(label_width(800.0, 400.0, 72.0), 240.0, "never past 30 %");
    }

    const METRICS: Metrics = Metrics {
        width: 800.0,
        label_width: 100.0,
        header_height: 24.0,
        lane_height: 18.0,
        min_lane_height: 3.0,
        max_group_height: 180.0,
        group_gap: 12.0,
        axis_height: 20.0,
        right_pad: 10.0,
    };

    fn group(mode: Mode, lanes: u16, extent_ms: f64) -> GroupInput {
        GroupInput::of_mode(mode, (0..lanes).collect(), extent_ms * 1000.0)
    }

    #[test]
    fn scales_map_both_ways() {
        let scale = Scale {
            start_us: 0.0,
            end_us: 1000.0,
            x0: 100.0,
            x1: 600.0,
        };
        assert_eq!(scale.x(500.0), 350.0);
        assert_eq!(scale.us(350.0), 500.0);
    }

    #[test]
    fn ticks_are_round_and_few() {
        assert_eq!(
            ticks(1_000_000.0, 5),
            [0.0, 200_000.0, 400_000.0, 600_000.0, 800_000.0, 1_000_000.0]
        );
        assert_eq!(tick_step(4_700_000.0, 6), 1_000_000.0);
        for end in [1.0, 37.0, 1234.0, 98_765.0, 4_321_000.0, 60_000_000.0] {
            let t = ticks(end, 8);
            assert!(t.len() >= 2 && t.len() <= 9, "{end}: {t:?}");
            assert!(*t.last().unwrap_or(&0.0) <= end);
        }
    }

    #[test]
    fn tick_labels_pick_units() {
        assert_eq!(tick_label(0.0, 500.0), "0");
        assert_eq!(tick_label(500.0, 500.0), "0.5 ms");
        assert_eq!(tick_label(250_000.0, 50_000.0), "250 ms");
        assert_eq!(tick_label(3_000_000.0, 1_000_000.0), "3 s");
        assert_eq!(tick_label(1_500_000.0, 500_000.0), "1500 ms");
    }

    #[test]
    fn a_shared_axis_keeps_bars_comparable() {
        let laid = layout(
            &[group(Mode::Seq, 1, 2000.0), group(Mode::Threads, 2, 1000.0)],
            &METRICS,
            Fit::Shared,
            None,
        );
        let (seq, threads) = (&laid.groups[0], &laid.groups[1]);
        assert_eq!(seq.scale, threads.scale);
        assert_eq!(threads.scale.x(1_000_000.0), 100.0 + 345.0);
        let own = layout(
            &[group(Mode::Seq, 1, 2000.0), group(Mode::Threads, 2, 1000.0)],
            &METRICS,
            Fit::PerMode,
            None,
        );
        assert_eq!(
            own.groups[1].scale.x(1_000_000.0),
            790.0,
            "its own run fills the width"
        );
    }

    #[test]
    fn a_growing_axis_steps_ahead_of_the_live_run() {
        assert_eq!(growing_axis_end(2_000_000.0, 500_000.0), 2_000_000.0);
        let end = growing_axis_end(0.0, 730_000.0);
        assert!(end >= 730_000.0 * 1.25);
        assert_eq!(
            growing_axis_end(0.0, 740_000.0),
            end,
            "no change frame to frame"
        );
    }

    #[test]
    fn groups_stack_without_overlap_and_crowded_groups_get_thin_lanes() {
        let laid = layout(
            &[group(Mode::Threads, 2, 1.0), group(Mode::Async, 101, 1.0)],
            &METRICS,
            Fit::Shared,
            None,
        );
        let first_bottom = laid.groups[0].bottom(&METRICS);
        assert_eq!(first_bottom, 24.0 + 2.0 * 18.0);
        assert_eq!(laid.groups[1].top, first_bottom + 12.0);
        let crowded = &laid.groups[1].rows;
        assert!(crowded[0].height < 18.0 && crowded[0].height >= 3.0);
        assert!(laid.height >= laid.groups[1].bottom(&METRICS));
        let row = &crowded[50];
        assert_eq!(laid.groups[1].row_at(row.y + 0.1).map(|r| r.lane), Some(50));
    }
}

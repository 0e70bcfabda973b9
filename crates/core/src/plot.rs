//! The speedup-versus-workers plot: measured speedups against the ideal
//! line, laid out for drawing.

use crate::mode::Mode;
use crate::summary::{Status, Summary};
use crate::timeline::tick_step;
use serde::{Deserialize, Serialize};

/// The largest pool a sweep tries: twice the cores, from 2 to 16.
pub fn sweep_limit(cores: u32) -> u32 {
    (2 * cores).clamp(2, 16)
}

/// The pool modes a sweep runs: those that can run here.
pub fn sweep_modes(threads_available: bool) -> Vec<Mode> {
    [Mode::Threads, Mode::Gil, Mode::Procs]
        .into_iter()
        .filter(|m| threads_available || !m.needs_shared_memory())
        .collect()
}

/// The points one configuration of a sweep measured: each mode that ran to
/// its end (failed tasks included), against `seq`'s wall time.
pub fn sweep_points(seq_ms: f64, workers: u32, summaries: &[Summary]) -> Vec<SweepPoint> {
    summaries
        .iter()
        .filter(|s| matches!(s.status, Status::Ok | Status::Failed) && s.wall_ms > 0.0)
        .map(|s| SweepPoint {
            mode: s.mode,
            workers,
            speedup: seq_ms / s.wall_ms,
        })
        .collect()
}

/// One measured point of a workers sweep.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    /// The mode.
    pub mode: Mode,
    /// Pool size.
    pub workers: u32,
    /// `seq` wall time over this run's.
    pub speedup: f64,
}

/// A linear map from data to pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    /// Data at `px0`.
    pub min: f64,
    /// Data at `px1`.
    pub max: f64,
    /// Pixel of `min`.
    pub px0: f64,
    /// Pixel of `max`.
    pub px1: f64,
}

impl Linear {
    /// The pixel of a value.
    pub fn at(&self, value: f64) -> f64 {
        let span = (self.max - self.min).max(f64::EPSILON);
        self.px0 + (value - self.min) / span * (self.px1 - self.px0)
    }
}

/// The plot, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Plot {
    /// Workers → x.
    pub x: Linear,
    /// Speedup → y (up is larger).
    pub y: Linear,
    /// Worker counts to label.
    pub x_ticks: Vec<u32>,
    /// Speedups to label.
    pub y_ticks: Vec<f64>,
    /// Each mode's points, by workers, in pixels.
    pub series: Vec<(Mode, Vec<(f64, f64)>)>,
    /// Perfect scaling (speedup = workers), in pixels.
    pub ideal: Vec<(f64, f64)>,
    /// The x of the core count, where CPU-bound speedup must level off.
    pub cores_x: f64,
}

/// Margins around the plotting area: left, right, top, bottom.
pub const MARGINS: (f64, f64, f64, f64) = (44.0, 16.0, 12.0, 36.0);

/// Lays out `points` for workers 1..=`max_workers` in a `width × height` box.
pub fn plot(points: &[SweepPoint], max_workers: u32, cores: u32, width: f64, height: f64) -> Plot {
    let (left, right, top, bottom) = MARGINS;
    let max_workers = max_workers.max(2);
    let highest = points
        .iter()
        .map(|p| p.speedup)
        .fold(f64::from(max_workers), f64::max);
    let step = tick_step(highest, 5);
    let y_max = (highest / step).ceil() * step;
    let x = Linear {
        min: 1.0,
        max: f64::from(max_workers),
        px0: left,
        px1: width - right,
    };
    let y = Linear {
        min: 0.0,
        max: y_max,
        px0: height - bottom,
        px1: top,
    };
    let x_step = (max_workers / 8).max(1);
    let x_ticks = (1..=max_workers)
        .filter(|w| (w - 1) % x_step == 0 || *w == max_workers)
        .collect();
    let y_ticks = (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|v| *v <= y_max + 1e-9)
        .collect();
    let mut modes: Vec<Mode> = points.iter().map(|p| p.mode).collect();
    modes.sort();
    modes.dedup();
    let series = modes
        .into_iter()
        .map(|mode| {
            let mut own: Vec<&SweepPoint> = points.iter().filter(|p| p.mode == mode).collect();
            own.sort_by_key(|p| p.workers);
            let pixels = own
                .iter()
                .map(|p| (x.at(f64::from(p.workers)), y.at(p.speedup)))
                .collect();
            (mode, pixels)
        })
        .collect();
    let ideal = (1..=max_workers)
        .map(|w| (x.at(f64::from(w)), y.at(f64::from(w))))
        .collect();
    Plot {
        x,
        y,
        x_ticks,
        y_ticks,
        series,
        ideal,
        cores_x: x.at(f64::from(cores.clamp(1, max_workers))),
    }
}

/// An SVG path through points.
pub fn path(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(mode: Mode, workers: u32, speedup: f64) -> SweepPoint {
        SweepPoint {
            mode,
            workers,
            speedup,
        }
    }

    #[test]
    fn a_sweep_plots_modes_that_ran_against_seq_and_only_those_that_can_run_here() {
        use crate::mode_record::ModeRecord;
        use crate::workload::Workload;
        let unavailable = ModeRecord::unavailable(Mode::Gil, Workload::Primes, 4, 2, "no".into());
        let mut ran = ModeRecord {
            wall_ms: 250.0,
            ..ModeRecord::unavailable(Mode::Threads, Workload::Primes, 4, 2, String::new())
        };
        ran.unavailable = None;
        let summaries = [Summary::of(&ran, None), Summary::of(&unavailable, None)];
        let points = sweep_points(1000.0, 3, &summaries);
        assert_eq!(points, [point(Mode::Threads, 3, 4.0)]);
        assert_eq!(sweep_modes(false), [Mode::Procs]);
        assert_eq!(sweep_modes(true).len(), 3);
        assert_eq!(
            (sweep_limit(1), sweep_limit(2), sweep_limit(64)),
            (2, 4, 16)
        );
    }

    #[test]
    fn the_ideal_line_is_the_diagonal_and_points_land_on_it_when_ideal() {
        let plot = plot(
            &[point(Mode::Threads, 1, 1.0), point(Mode::Threads, 4, 4.0)],
            4,
            2,
            400.0,
            300.0,
        );
        assert_eq!(plot.ideal.len(), 4);
        assert_eq!(plot.series[0].1[0], plot.ideal[0]);
        assert_eq!(plot.series[0].1[1], plot.ideal[3]);
        assert!(
            plot.ideal[3].1 < plot.ideal[0].1,
            "larger speedups are higher up"
        );
        assert_eq!(plot.cores_x, plot.x.at(2.0));
    }

    #[test]
    fn the_y_axis_makes_room_for_io_speedups() {
        let plot = plot(&[point(Mode::Gil, 4, 13.7)], 4, 2, 400.0, 300.0);
        assert!(plot.y.max >= 13.7);
        assert_eq!(plot.y_ticks[0], 0.0);
        assert!(plot.y_ticks.windows(2).all(|w| w[1] > w[0]));
    }

    #[test]
    fn series_are_per_mode_and_in_worker_order() {
        let plot = plot(
            &[
                point(Mode::Procs, 2, 1.8),
                point(Mode::Gil, 1, 1.0),
                point(Mode::Procs, 1, 0.9),
            ],
            4,
            2,
            400.0,
            300.0,
        );
        assert_eq!(
            plot.series.iter().map(|s| s.0).collect::<Vec<_>>(),
            [Mode::Gil, Mode::Procs]
        );
        assert!(plot.series[1].1[0].0 < plot.series[1].1[1].0);
        assert_eq!(path(&[(1.0, 2.0), (3.0, 4.0)]), "M1.0,2.0 L3.0,4.0");
    }
}

//! How long the timeline's frames take, measured in the browser, for the
//! 60 fps goal (read with `threadline.frameStats()`).

use serde::Serialize;
use std::cell::RefCell;

const KEEP: usize = 2_000;

#[derive(Default)]
struct Samples {
    work_ms: Vec<f64>,
    interval_ms: Vec<f64>,
    last_start: Option<f64>,
}

thread_local! {
    static SAMPLES: RefCell<Samples> = RefCell::default();
}

/// Records one animation frame: when it started and how long drawing took.
pub fn record(start_ms: f64, work_ms: f64) {
    SAMPLES.with(|s| {
        let s = &mut *s.borrow_mut();
        if let Some(last) = s.last_start.filter(|&last| start_ms - last < 1_000.0) {
            s.interval_ms.push(start_ms - last);
        }
        s.last_start = Some(start_ms);
        s.work_ms.push(work_ms);
        for samples in [&mut s.work_ms, &mut s.interval_ms] {
            if samples.len() > KEEP {
                samples.drain(..samples.len() - KEEP);
            }
        }
    });
}

/// A loop stopped: the next frame does not follow this one.
pub fn pause() {
    SAMPLES.with(|s| s.borrow_mut().last_start = None);
}

/// Percentiles of the recorded frames.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameStats {
    /// Frames recorded.
    pub frames: usize,
    /// Median time spent drawing a frame, ms.
    pub work_p50_ms: f64,
    /// 95th percentile of drawing time, ms.
    pub work_p95_ms: f64,
    /// Median time between frames, ms (16.7 at 60 fps).
    pub interval_p50_ms: f64,
    /// 95th percentile of time between frames, ms.
    pub interval_p95_ms: f64,
}

fn percentile(samples: &[f64], p: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// The statistics so far; `reset` starts over.
pub fn stats(reset: bool) -> FrameStats {
    SAMPLES.with(|s| {
        let mut s = s.borrow_mut();
        let stats = FrameStats {
            frames: s.work_ms.len(),
            work_p50_ms: percentile(&s.work_ms, 0.5),
            work_p95_ms: percentile(&s.work_ms, 0.95),
            interval_p50_ms: percentile(&s.interval_ms, 0.5),
            interval_p95_ms: percentile(&s.interval_ms, 0.95),
        };
        if reset {
            *s = Samples::default();
        }
        stats
    })
}

//! Running lanes on OS threads: the native counterpart of the browser's
//! thread pools, for tests, examples and benchmarks.

use crate::drive::{BlockingIo, run_lane};
use crate::io::IoPlan;
use crate::run::Run;

/// Runs lanes `0..lanes` of `run`, each on its own OS thread, until all have
/// ended. `before` runs first on each thread, with its lane.
pub fn run_lanes(run: &Run, lanes: u16, io: &dyn BlockingIo, before: impl Fn(u16) + Sync) {
    std::thread::scope(|scope| {
        for lane in 0..lanes {
            let before = &before;
            scope.spawn(move || {
                before(lane);
                run_lane(run, lane, io)
            });
        }
    });
}

/// An I/O plan whose requests wait on timers (there is no network here).
pub fn simulated_plan(latency_ms: u32, fail: Vec<u32>) -> IoPlan {
    IoPlan {
        base_url: String::new(),
        latency_ms,
        run_id: "native".into(),
        fail,
        simulated: true,
    }
}

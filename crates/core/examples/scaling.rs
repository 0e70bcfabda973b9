//! How the workloads scale on this machine's cores, natively: the ceiling
//! for what the browser's threads can show.
//!
//! cargo run --release -p threadline-core --example scaling

use std::sync::Arc;
use threadline_core::clock::{Clock, SystemClock};
use threadline_core::io::SimulatedIo;
use threadline_core::native::{run_lanes, simulated_plan};
use threadline_core::run::{Job, Run};
use threadline_core::workload::Workload;

fn wall_ms(workload: Workload, lanes: u16) -> f64 {
    let job = Job::new(workload, 8, 25);
    let clock: Arc<dyn Clock> = Arc::new(SystemClock::default());
    let run = Run::new(job, usize::from(lanes), clock.clone(), true, None);
    let io = SimulatedIo {
        plan: simulated_plan(0, vec![]),
        clock,
    };
    run_lanes(&run, lanes, &io, |_| {});
    run.wall_ms().unwrap_or_default()
}

fn main() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u16;
    for workload in [
        Workload::Primes,
        Workload::Mandelbrot,
        Workload::ImageFilter,
    ] {
        let mut speedups = Vec::new();
        for _ in 0..5 {
            let seq = wall_ms(workload, 1);
            speedups.push(seq / wall_ms(workload, cores));
        }
        speedups.sort_by(f64::total_cmp);
        println!(
            "{workload:>13}: {cores} threads {:.2}× (median of 5; range {:.2}–{:.2})",
            speedups[2], speedups[0], speedups[4]
        );
    }
}

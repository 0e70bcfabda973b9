//! Presets: a scenario sets every key to values that make one lesson plain.

use crate::mode::Mode;
use crate::workload::Workload;
use serde::Serialize;

/// A named preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// Its id in URLs.
    pub id: &'static str,
    /// One line saying what it shows.
    pub lesson: &'static str,
    /// What each task does.
    pub workload: Workload,
    /// How many tasks.
    pub tasks: u32,
    /// CPU size of one task.
    pub work: u32,
    /// Pool size; `None` means one per core.
    pub workers: Option<u32>,
    /// Latency of one request in ms.
    pub latency_ms: u32,
    /// The modes to compare.
    pub modes: &'static [Mode],
}

const ALL_MODES: &[Mode] = &Mode::ALL;

/// Every preset, in the order the page offers them.
pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        id: "cpu-bound",
        lesson: "Counting primes: threads and processes use every core, the GIL and asyncio do not.",
        workload: Workload::Primes,
        tasks: 8,
        work: 25,
        workers: None,
        latency_ms: 0,
        modes: ALL_MODES,
    },
    Scenario {
        id: "io-bound",
        lesson: "Fifteen downloads: anything that waits concurrently wins, GIL or not.",
        workload: Workload::Download,
        tasks: 15,
        work: 1,
        workers: Some(15),
        latency_ms: 300,
        modes: ALL_MODES,
    },
    Scenario {
        id: "gil",
        lesson: "The GIL up close: threads take turns every 5 ms on CPU work.",
        workload: Workload::Primes,
        tasks: 4,
        work: 10,
        workers: None,
        latency_ms: 0,
        modes: &[Mode::Seq, Mode::Threads, Mode::Gil],
    },
    Scenario {
        id: "mixed",
        lesson: "Download, then filter: I/O overlaps everywhere, the CPU part only without the GIL.",
        workload: Workload::Pipeline,
        tasks: 12,
        work: 4,
        workers: None,
        latency_ms: 200,
        modes: ALL_MODES,
    },
    Scenario {
        id: "mandelbrot",
        lesson: "Uneven tiles: a pool keeps every worker busy while some tasks run long.",
        workload: Workload::Mandelbrot,
        tasks: 24,
        work: 4,
        workers: None,
        latency_ms: 0,
        modes: &[Mode::Seq, Mode::Threads, Mode::Procs],
    },
    Scenario {
        id: "image-filter",
        lesson: "A photo batch with ProcessPoolExecutor: start-up and messages cost, cores pay it back.",
        workload: Workload::ImageFilter,
        tasks: 8,
        work: 12,
        workers: None,
        latency_ms: 0,
        modes: &[Mode::Seq, Mode::Procs, Mode::Gil],
    },
];

/// The preset with this id.
pub fn find(id: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.id == id)
}

//! The five execution models.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One way of running the same tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// One task after another on the main thread.
    Seq,
    /// Web Workers sharing memory, as OS threads without a GIL.
    Threads,
    /// The same threads taking turns under a modelled GIL.
    Gil,
    /// Isolated workers with their own memory, passing messages.
    Procs,
    /// Futures overlapping on one thread's event loop.
    Async,
}

impl Mode {
    /// Every mode, in the order a comparison shows them.
    pub const ALL: [Mode; 5] = [
        Mode::Seq,
        Mode::Threads,
        Mode::Gil,
        Mode::Procs,
        Mode::Async,
    ];

    /// The id used in URLs, the DOM and the trace.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Seq => "seq",
            Mode::Threads => "threads",
            Mode::Gil => "gil",
            Mode::Procs => "procs",
            Mode::Async => "async",
        }
    }

    /// What a Python programmer would write to get this model.
    pub fn python(self) -> &'static str {
        match self {
            Mode::Seq => "a for loop",
            Mode::Threads => "ThreadPoolExecutor (free-threaded)",
            Mode::Gil => "ThreadPoolExecutor under the GIL",
            Mode::Procs => "ProcessPoolExecutor",
            Mode::Async => "asyncio.gather",
        }
    }

    /// A short title for headings.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Seq => "Sequential",
            Mode::Threads => "Threads",
            Mode::Gil => "Threads + GIL",
            Mode::Procs => "Processes",
            Mode::Async => "Async",
        }
    }

    /// Whether the mode needs memory shared between workers.
    pub fn needs_shared_memory(self) -> bool {
        matches!(self, Mode::Threads | Mode::Gil)
    }

    /// What one lane of this mode is called (`worker-1`, `process-2`, …).
    pub fn lane_name(self, lane: u16) -> String {
        if lane == crate::spans::GIL_TRACK {
            return "GIL holder".into();
        }
        match self {
            Mode::Seq => "main".into(),
            Mode::Threads | Mode::Gil => format!("worker-{}", lane + 1),
            Mode::Procs => format!("process-{}", lane + 1),
            Mode::Async if lane == 0 => "event loop".into(),
            Mode::Async => format!("task-{}", lane - 1),
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Mode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Mode::ALL
            .into_iter()
            .find(|m| m.id() == s)
            .ok_or_else(|| format!("unknown mode `{s}`"))
    }
}

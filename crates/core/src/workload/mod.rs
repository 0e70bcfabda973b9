//! The workloads: what one task does, identically in every mode.

pub mod filter;
pub mod mandelbrot;
pub mod primes;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What each task of a run does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Workload {
    /// Count primes in a range: pure CPU.
    #[default]
    Primes,
    /// Render one tile of a Mandelbrot picture: CPU, uneven tasks.
    Mandelbrot,
    /// Blur and sepia-tone a picture: CPU over more memory.
    ImageFilter,
    /// Download a small file over HTTP: pure I/O.
    Download,
    /// Download a picture, then filter it: I/O then CPU.
    Pipeline,
}

impl Workload {
    /// Every workload, in the order the page lists them.
    pub const ALL: [Workload; 5] = [
        Workload::Primes,
        Workload::Mandelbrot,
        Workload::ImageFilter,
        Workload::Download,
        Workload::Pipeline,
    ];

    /// The id used in URLs and the trace.
    pub fn id(self) -> &'static str {
        match self {
            Workload::Primes => "primes",
            Workload::Mandelbrot => "mandelbrot",
            Workload::ImageFilter => "image-filter",
            Workload::Download => "download",
            Workload::Pipeline => "pipeline",
        }
    }

    /// Whether tasks wait on the network.
    pub fn does_io(self) -> bool {
        matches!(self, Workload::Download | Workload::Pipeline)
    }

    /// Whether tasks compute for a time that `work` controls.
    pub fn does_cpu(self) -> bool {
        !matches!(self, Workload::Download)
    }
}

impl fmt::Display for Workload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Workload {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Workload::ALL
            .into_iter()
            .find(|w| w.id() == s)
            .ok_or_else(|| format!("unknown workload `{s}`"))
    }
}

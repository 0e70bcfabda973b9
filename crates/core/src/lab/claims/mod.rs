//! Each lesson's claim, checked against the run's own record: a pure
//! function from what a run recorded (its lanes, intervals, events and GIL
//! hand-overs) and printed to a verdict that gives the measured figure.
//! Nothing here is a canned answer: a run that does not show the idea fails,
//! and says what it showed instead.

mod asyncio;
mod gil;
mod measure;
mod processes;
mod states;
mod sync;
mod threads;
mod words;

pub use asyncio::{asyncio_cpu, asyncio_gather};
pub use gil::{convoy, free_threaded, gil_cpu, gil_io, gil_release_native, one_core};
pub use processes::{
    cpu_count, main_guard, more_procs_than_cores, process_pool, processes, shared_state,
    subinterpreters,
};
pub use states::{lifecycle, main_thread, object_refs};
pub use sync::{deadlock, lock, race};
pub use threads::{downloads, join_in_loop, pool_map, pool_submit, thread_start_join};

use super::Build;
use crate::program::ProgramRecord;
use serde::Serialize;

/// What a claim is checked against: one finished run.
#[derive(Clone, Copy, Debug)]
pub struct ClaimInput<'a> {
    /// What the run recorded.
    pub record: &'a ProgramRecord,
    /// What it printed to stdout (for claims about what it computed).
    pub stdout: &'a str,
    /// What it printed to stderr (a child's traceback, which its process
    /// writes outside the record).
    pub stderr: &'a str,
    /// The status it exited with.
    pub exit_code: i32,
    /// The build it ran on.
    pub build: Build,
    /// The machine's cores, as `os.cpu_count()` reports them.
    pub cores: u32,
}

/// A claim checked against one run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// Whether the run bears the claim out.
    pub passed: bool,
    /// The claim with its measured figure, for a reader.
    pub text: String,
    /// Why the result depends on this machine or build, when it does.
    pub caveat: Option<String>,
}

impl Verdict {
    /// A verdict without a caveat.
    pub fn new(passed: bool, text: impl Into<String>) -> Self {
        Self {
            passed,
            text: text.into(),
            caveat: None,
        }
    }

    /// The same verdict with `caveat`.
    pub fn with_caveat(self, caveat: impl Into<String>) -> Self {
        Self {
            caveat: Some(caveat.into()),
            ..self
        }
    }

    /// A failed verdict: the run lacks what the claim measures.
    pub fn missing(what: impl std::fmt::Display) -> Self {
        Self::new(
            false,
            format!("nothing to measure: the run recorded {what}"),
        )
    }
}

/// A claim's check.
pub type Check = fn(&ClaimInput<'_>) -> Verdict;

/// A lesson's claim: what it says before a run, and how a run is checked.
/// Two claims are equal when they say the same (a check is a function,
/// whose address says nothing).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Claim {
    /// The claim in words, before any run.
    pub says: &'static str,
    /// Checks it against a run.
    #[serde(skip)]
    pub check: Check,
}

impl PartialEq for Claim {
    fn eq(&self, other: &Self) -> bool {
        self.says == other.says
    }
}

impl Eq for Claim {}

impl Claim {
    /// The verdict on `run`; a run that recorded no lane at all (stopped
    /// before it began, or run by a host that records nothing) fails.
    /// A failed verdict on a run that ended with an error says which.
    pub fn judge(&self, run: &ClaimInput<'_>) -> Verdict {
        let verdict = if run.record.lanes.is_empty() && run.record.marks.is_empty() {
            Verdict::missing("no lane: it stopped before it began, or nothing recorded it")
        } else {
            (self.check)(run)
        };
        match (verdict.passed, error_of(run.stderr)) {
            (false, Some(error)) => {
                let ended = format!("the run ended with {error}");
                let caveat = match &verdict.caveat {
                    Some(caveat) => format!("{caveat}; {ended}"),
                    None => ended,
                };
                verdict.with_caveat(caveat)
            }
            _ => verdict,
        }
    }
}

/// The last exception a traceback on `stderr` names (`SystemError: ...`),
/// the main process's or a child's.
fn error_of(stderr: &str) -> Option<&str> {
    let mut lines = stderr.lines().rev();
    lines.find(|line| {
        let name = line.split(':').next().unwrap_or_default();
        !line.starts_with(' ')
            && line.contains(':')
            && !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
            && (name.ends_with("Error") || name.ends_with("Exception") || name.ends_with("Exit"))
    })
}

#[cfg(test)]
mod tests;

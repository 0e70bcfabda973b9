//! The lessons: small Python programs that each make one idea of Python
//! concurrency visible, with a short text, what to look for on the
//! timeline, and one claim checked against the run's own record. In the
//! order a reader meets the ideas.

mod processes;
mod threads;
mod waiting;

use super::claims::Claim;
use serde::Serialize;

/// Where a lesson sits in the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// One process and its main thread.
    MainThread,
    /// Threads and the GIL.
    Threads,
    /// Processes.
    Processes,
    /// asyncio.
    Asyncio,
    /// Locks, races and deadlocks.
    Synchronisation,
    /// Interpreters of their own, and the cores they run on.
    Cores,
}

impl Section {
    /// Every section, in reading order.
    pub const ALL: [Section; 6] = [
        Section::MainThread,
        Section::Threads,
        Section::Processes,
        Section::Asyncio,
        Section::Synchronisation,
        Section::Cores,
    ];

    /// Its heading in the index.
    pub fn title(self) -> &'static str {
        match self {
            Section::MainThread => "One process, one main thread",
            Section::Threads => "Threads and the GIL",
            Section::Processes => "Processes",
            Section::Asyncio => "asyncio",
            Section::Synchronisation => "Locks, races and deadlocks",
            Section::Cores => "Interpreters and cores",
        }
    }
}

/// One lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Lesson {
    /// Its id in URLs (`lesson=`).
    pub id: &'static str,
    /// Its title.
    pub title: &'static str,
    /// The one idea it shows.
    pub concept: &'static str,
    /// Where it sits in the index.
    pub section: Section,
    /// What the program does and why it matters, in plain words (at most
    /// 120 of them).
    pub text: &'static str,
    /// What to look at on the timeline, naming lanes as Python names them.
    pub look_for: &'static str,
    /// Its program.
    #[serde(skip)]
    pub program: &'static str,
    /// The claim a run is checked against.
    pub claim: Claim,
}

/// The program a lab opened without a lesson starts with.
pub const STARTER: &str = include_str!("../../../lessons/starter.py");

/// Every lesson, in reading order.
pub const LESSONS: &[Lesson] = &[
    threads::MAIN_THREAD,
    threads::THREAD_START_JOIN,
    threads::JOIN_IN_LOOP,
    threads::POOL_SUBMIT,
    threads::POOL_MAP,
    threads::DOWNLOADS,
    threads::GIL_CPU,
    threads::GIL_IO,
    threads::CONVOY,
    threads::GIL_RELEASE_NATIVE,
    threads::FREE_THREADED,
    threads::ONE_CORE,
    threads::LIFECYCLE,
    threads::OBJECT_REFS,
    processes::PROCESSES,
    processes::MAIN_GUARD,
    processes::PROCESS_POOL,
    processes::MORE_PROCS_THAN_CORES,
    processes::SHARED_STATE,
    waiting::ASYNCIO_GATHER,
    waiting::ASYNCIO_CPU,
    waiting::RACE,
    waiting::LOCK,
    waiting::DEADLOCK,
    processes::SUBINTERPRETERS,
    processes::CPU_COUNT,
];

/// The lesson with this id.
pub fn find(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|lesson| lesson.id == id)
}

impl Lesson {
    /// The build the lesson is about, which opening it chooses: its claim
    /// is about that build's behaviour (other lessons keep the one chosen).
    pub fn build(&self) -> Option<super::Build> {
        match self.id {
            "free-threaded" => Some(super::Build::FreeThreaded),
            "one-core" => Some(super::Build::OneCore),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;

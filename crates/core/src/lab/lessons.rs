//! The lessons: small Python programs that each make one idea of Python
//! concurrency visible, in the order a reader meets the ideas.

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
}

impl Section {
    /// Every section, in reading order.
    pub const ALL: [Section; 5] = [
        Section::MainThread,
        Section::Threads,
        Section::Processes,
        Section::Asyncio,
        Section::Synchronisation,
    ];

    /// Its heading in the index.
    pub fn title(self) -> &'static str {
        match self {
            Section::MainThread => "One process, one main thread",
            Section::Threads => "Threads and the GIL",
            Section::Processes => "Processes",
            Section::Asyncio => "asyncio",
            Section::Synchronisation => "Locks, races and deadlocks",
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
    /// Its program.
    #[serde(skip)]
    pub program: &'static str,
}

/// The program a lab opened without a lesson starts with.
pub const STARTER: &str = include_str!("../../lessons/starter.py");

/// Every lesson, in reading order.
pub const LESSONS: &[Lesson] = &[Lesson {
    id: "main-thread",
    title: "One process, one main thread",
    concept: "a program is one process with one main thread unless it makes more",
    section: Section::MainThread,
    program: include_str!("../../lessons/main-thread.py"),
}];

/// The lesson with this id.
pub fn find(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|lesson| lesson.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_lesson_has_a_program() {
        let mut ids: Vec<&str> = LESSONS.iter().map(|l| l.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), LESSONS.len());
        assert!(LESSONS.iter().all(|l| l.program.contains("print(")));
        assert_eq!(
            find("main-thread").map(|l| l.section),
            Some(Section::MainThread)
        );
        assert_eq!(find("nope"), None);
    }
}

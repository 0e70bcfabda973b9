//! Faults injected on purpose, to show (and test) that a crashed or hung
//! worker ends its mode cleanly: the other modes keep their results and the
//! page stays usable. Only the modes whose tasks run off the page's main
//! thread take them (`threads`, `gil`, `procs`): a panic on the main thread
//! cannot be recovered from, and a hang there would freeze the page.

use serde::{Deserialize, Serialize};

/// A set of task indices (tasks are 0..256).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskSet([u64; 4]);

impl TaskSet {
    /// The set of these tasks (indices past 255 are left out).
    pub fn of(tasks: impl IntoIterator<Item = u32>) -> Self {
        let mut set = Self::default();
        for task in tasks.into_iter().filter(|&t| t < 256) {
            set.0[(task / 64) as usize] |= 1 << (task % 64);
        }
        set
    }

    /// Whether `task` is in the set.
    pub fn contains(&self, task: u32) -> bool {
        task < 256 && self.0[(task / 64) as usize] & (1 << (task % 64)) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0 == [0; 4]
    }
}

/// What goes wrong in a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fault {
    /// The task panics when it starts: in a wasm worker, the thread traps.
    Trap,
    /// The task never returns from its first slice and never reports
    /// progress, like a native call that hangs.
    Hang,
}

/// The faults of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Faults {
    /// Tasks that trap.
    pub trap: TaskSet,
    /// Tasks that hang.
    pub hang: TaskSet,
}

impl Faults {
    /// The fault of task `index`, if any (a trap wins over a hang).
    pub fn of(&self, index: u32) -> Option<Fault> {
        if self.trap.contains(index) {
            Some(Fault::Trap)
        } else if self.hang.contains(index) {
            Some(Fault::Hang)
        } else {
            None
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.trap.is_empty() && self.hang.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_set_holds_what_it_was_given() {
        let set = TaskSet::of([0, 63, 64, 255, 300]);
        assert!(set.contains(0) && set.contains(63) && set.contains(64) && set.contains(255));
        assert!(!set.contains(1) && !set.contains(300));
        let faults = Faults {
            trap: TaskSet::of([2]),
            hang: TaskSet::of([2, 3]),
        };
        assert_eq!(faults.of(2), Some(Fault::Trap));
        assert_eq!(faults.of(3), Some(Fault::Hang));
        assert_eq!(faults.of(4), None);
        assert!(Faults::default().is_empty() && !faults.is_empty());
    }
}

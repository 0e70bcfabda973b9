//! The messages between the page and a worker process.
//!
//! They cross `postMessage` as JSON text: the process has its own memory, so
//! everything it gets and gives back is serialised, as Python pickles what
//! crosses into a `ProcessPoolExecutor` worker.

use crate::io::IoPlan;
use crate::record::Activity;
use crate::run::TaskResult;
use crate::task::TaskSpec;
use serde::{Deserialize, Serialize};

/// From the page to a process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToProcess {
    /// Run this task.
    Run {
        /// The task.
        spec: TaskSpec,
        /// How to fetch its resource, if it needs one.
        io: IoPlan,
    },
}

/// From a process to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromProcess {
    /// The process has started and waits for work.
    Ready {
        /// When it became ready (shared clock, ms).
        at_ms: f64,
    },
    /// The process changed activity.
    Mark {
        /// When (shared clock, ms).
        at_ms: f64,
        /// What it does now.
        activity: Activity,
        /// For which task.
        task: Option<u32>,
    },
    /// A task ended (its `Message` mark says when the result was sent).
    Finished {
        /// Its result (the lane is filled in by the page).
        result: TaskResult,
    },
    /// The process is still computing (sent at most a few times a second).
    Beat,
    /// The process panicked and is about to die: why.
    Panicked {
        /// The panic's message.
        message: String,
    },
}

/// Serialises a message.
pub fn encode<T: Serialize>(message: &T) -> String {
    serde_json::to_string(message).unwrap_or_else(|e| format!("\"unserialisable: {e}\""))
}

/// Deserialises a message, saying what was wrong with it.
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("a malformed message: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::run_to_end;
    use crate::workload::Workload;

    #[test]
    fn results_survive_the_round_trip() {
        let spec = TaskSpec {
            workload: Workload::Mandelbrot,
            index: 1,
            tasks: 4,
            work: 1,
            fault: None,
        };
        let output = run_to_end(spec, |_| Err("unused".into()));
        let message = FromProcess::Finished {
            result: TaskResult {
                index: 1,
                lane: 0,
                outcome: output,
            },
        };
        let back: FromProcess = decode(&encode(&message)).expect("decodes");
        assert_eq!(back, message);
        assert!(
            decode::<ToProcess>("{}")
                .unwrap_err()
                .starts_with("a malformed message")
        );
    }
}

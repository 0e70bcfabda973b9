//! Processes: each is a separate interpreter instance (its own heap, GIL,
//! modules and scheduler) that shares nothing with the others but bytes.
//!
//! # The contract with a host
//!
//! - A process sends [`wire::Request`]s (bytes) with
//!   [`crate::host::Host::process_post`]; the host hands them to the run's
//!   [`Broker`] (one per run, wherever the host keeps it) and carries out
//!   the [`Action`]s it returns:
//!   - `Deliver { to, notice }`: give the bytes to process `to`'s
//!     [`Inbox::deliver`] (natively from any thread; a browser driver calls
//!     [`crate::Program::deliver`] between two `Program::step` calls). The
//!     notice raises the signal a thread of that process waits on, so a
//!     `one-core` driver that got `Step::WaitingOutside` steps again.
//!   - `Start(spec)`: start a new instance on its own host thread (a Web
//!     Worker with its own WebAssembly instance in the browser): an
//!     [`crate::Interpreter`] made with `Options { process:
//!     Identity::child(&spec), .. }`, then [`crate::Program::start_child`]
//!     and steps to its end; when it ends, call [`Broker::exited`] with
//!     [`exit_code`] of its outcome and carry out the actions that returns.
//!     An instance that dies (a trap, a panic) is reported the same way,
//!     with -6, so that its parent never waits for it forever.
//!   - `Stop { pid }`: cancel that instance's run (its `CancelFlag`; a
//!     browser may terminate the worker), then report its end with exit
//!     code -15 ([`TERMINATED`]). When the main program's run ends, the host
//!     stops every child still running.
//! - An interpreter gives the host its inbox once, with
//!   [`crate::host::Host::process_attach`], when it is made.
//! - Channels (a `Queue`, a `Pipe`'s direction, a pool's task and result
//!   streams) are numbers a process makes itself (its pid in the high 32
//!   bits); the broker holds their messages, so any process may put to or
//!   take from any channel it was given.
//!
//! Natively, [`native::NativeProcesses`] is all of this on OS threads.

pub mod arena;
mod broker;
mod envelope;
mod inbox;
pub mod merge;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
pub mod wire;

pub use broker::{Action, Broker};
pub use inbox::Inbox;

use std::sync::Arc;
use wire::{Reader, Writer};

/// The pid of a run's main process (`os.getpid()`).
pub const MAIN_PID: u32 = 4242;
/// The pid `os.getppid()` gives in the main process.
pub const MAIN_PARENT_PID: u32 = 4241;
/// Children alive at once in one run.
pub const MAX_LIVE_PROCESSES: usize = 32;

/// The exit code of a child stopped by `terminate` (CPython's `-SIGTERM`).
pub const TERMINATED: i32 = -15;

/// A child's exit code, as its parent sees it, from how its run ended:
/// `stopped` when the host stopped it (`terminate`, the run's end).
pub fn exit_code(outcome: &crate::Outcome, stopped: bool) -> i32 {
    use crate::Outcome;
    match outcome {
        _ if stopped => TERMINATED,
        Outcome::Exit(code) => *code,
        // A limit or a cancel: the child printed why, and failed.
        Outcome::Halted(_) => 1,
        other => other.exit_code(),
    }
}

/// What a child instance needs to start.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProcessSpec {
    /// Its pid (chosen by the broker).
    pub pid: u32,
    /// Its parent's pid.
    pub parent_pid: u32,
    /// Its name (`Process-1`, `SpawnPoolWorker-2`).
    pub name: String,
    /// The program's file name, as the parent ran it.
    pub filename: String,
    /// The program's source: the child runs it again as `__mp_main__`.
    pub source: String,
    /// What the child runs then: pickled by the parent's `multiprocessing`.
    pub payload: Vec<u8>,
    /// The build (`gil`, `free-threaded`, `one-core`), as the parent's.
    pub build: String,
    /// An interpreter of the parent's OS process (`InterpreterPoolExecutor`)
    /// rather than a process: `os.getpid()` is the parent's.
    pub same_process: bool,
}

impl ProcessSpec {
    /// The spec as bytes (for a host that starts the child elsewhere: a
    /// browser posts them to the child's new worker).
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        self.write(&mut w);
        w.0
    }

    /// Reads a spec written by [`ProcessSpec::encode`].
    pub fn decode(bytes: &[u8]) -> Result<ProcessSpec, String> {
        let mut r = Reader::new(bytes);
        let spec = ProcessSpec::read(&mut r)?;
        r.end()?;
        Ok(spec)
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.pid)
            .u32(self.parent_pid)
            .text(&self.name)
            .text(&self.filename)
            .text(&self.source)
            .bytes(&self.payload)
            .text(&self.build)
            .u8(u8::from(self.same_process));
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<ProcessSpec, String> {
        Ok(ProcessSpec {
            pid: r.u32()?,
            parent_pid: r.u32()?,
            name: r.text()?,
            filename: r.text()?,
            source: r.text()?,
            payload: r.bytes()?,
            build: r.text()?,
            same_process: r.u8()? != 0,
        })
    }
}

/// Which process an interpreter is.
#[derive(Clone, Debug)]
pub struct Identity {
    /// `os.getpid()`.
    pub pid: u32,
    /// `os.getppid()`.
    pub parent_pid: u32,
    /// `multiprocessing.current_process().name`.
    pub name: String,
    /// A child's start (`None` in the main process).
    pub start: Option<Arc<ProcessSpec>>,
    /// `os.getpid()` (the parent's, for an interpreter of its process).
    pub os_pid: u32,
    /// `os.getppid()`.
    pub os_parent_pid: u32,
}

impl Default for Identity {
    fn default() -> Self {
        Identity {
            pid: MAIN_PID,
            parent_pid: MAIN_PARENT_PID,
            name: "MainProcess".into(),
            start: None,
            os_pid: MAIN_PID,
            os_parent_pid: MAIN_PARENT_PID,
        }
    }
}

impl Identity {
    /// The identity of the child `spec` starts.
    pub fn child(spec: &ProcessSpec) -> Identity {
        Identity {
            pid: spec.pid,
            parent_pid: spec.parent_pid,
            name: spec.name.clone(),
            start: Some(Arc::new(spec.clone())),
            os_pid: if spec.same_process {
                spec.parent_pid
            } else {
                spec.pid
            },
            os_parent_pid: if spec.same_process {
                MAIN_PARENT_PID
            } else {
                spec.parent_pid
            },
        }
    }
}

//! Helpers shared by the interpreter's integration tests.

#![allow(dead_code)]

use std::sync::Arc;
use threadline_python::host::{MemoryHost, Stream};
use threadline_python::limits::Limits;
use threadline_python::{Interpreter, Options, Outcome};

/// What a program printed and how it ended.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub outcome: Outcome,
}

/// Runs a program on an in-memory host with the default limits.
pub fn run(source: &str) -> Run {
    run_with(source, Limits::default())
}

/// Runs a program on an in-memory host with the given limits.
pub fn run_with(source: &str, limits: Limits) -> Run {
    let host = MemoryHost::new();
    let interpreter = Interpreter::new(
        host.clone(),
        Options {
            limits,
            ..Options::default()
        },
    );
    let outcome = interpreter.run_main(source, "test.py");
    Run {
        stdout: host.text(Stream::Stdout),
        stderr: host.text(Stream::Stderr),
        outcome,
    }
}

/// The last non-empty line of stderr.
pub fn last_error_line(run: &Run) -> String {
    run.stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

/// A fresh interpreter on an in-memory host.
pub fn interpreter() -> (Interpreter, Arc<MemoryHost>) {
    let host = MemoryHost::new();
    (Interpreter::new(host.clone(), Options::default()), host)
}

/// A host on the OS (real clock, real sleeps, real threads) whose output is kept in memory:
/// for tests of the `gil` and `free-threaded` builds, which need a clock that follows real time.
#[derive(Debug, Default)]
pub struct CaptureHost {
    native: threadline_python::native::NativeHost,
    output: parking_lot::Mutex<Vec<(Stream, String)>>,
}

impl CaptureHost {
    /// A host whose clock starts now.
    pub fn new() -> Arc<CaptureHost> {
        Arc::new(CaptureHost::default())
    }

    /// Everything written to `stream`.
    pub fn text(&self, stream: Stream) -> String {
        self.output
            .lock()
            .iter()
            .filter(|(s, _)| *s == stream)
            .map(|(_, text)| text.as_str())
            .collect()
    }
}

impl threadline_python::host::Host for CaptureHost {
    fn now_ms(&self) -> f64 {
        self.native.now_ms()
    }

    fn unix_time_s(&self) -> f64 {
        self.native.unix_time_s()
    }

    fn write(&self, stream: Stream, text: &str) {
        self.output.lock().push((stream, text.to_string()));
    }

    fn wait(
        &self,
        wait: &threadline_python::host::Wait,
        cancel: &threadline_python::host::CancelFlag,
    ) -> threadline_python::host::WaitOutcome {
        self.native.wait(wait, cancel)
    }

    fn cpu_count(&self) -> usize {
        self.native.cpu_count()
    }

    fn spawn_thread(&self, name: &str, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        self.native.spawn_thread(name, body)
    }

    fn fetch(
        &self,
        request: threadline_python::net::FetchRequest,
        done: threadline_python::net::FetchCompletion,
    ) {
        self.native.fetch(request, done);
    }
}

/// The three builds, by the names the command line gives them.
pub const BUILDS: [(&str, threadline_python::vm::Build); 3] = [
    ("gil", threadline_python::vm::Build::Gil),
    ("free-threaded", threadline_python::vm::Build::FreeThreaded),
    ("one-core", threadline_python::vm::Build::OneCore),
];

/// Runs a program on a [`CaptureHost`] with these options.
pub fn run_on_os(source: &str, options: Options) -> Run {
    let host = CaptureHost::new();
    let interpreter = Interpreter::new(host.clone(), options);
    let outcome = interpreter.run_main(source, "test.py");
    Run {
        stdout: host.text(Stream::Stdout),
        stderr: host.text(Stream::Stderr),
        outcome,
    }
}

/// Runs a program on a [`CaptureHost`] in `build` with the default limits.
pub fn run_build(source: &str, build: threadline_python::vm::Build) -> Run {
    run_on_os(
        source,
        Options {
            build,
            ..Options::default()
        },
    )
}

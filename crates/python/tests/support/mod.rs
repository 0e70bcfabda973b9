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

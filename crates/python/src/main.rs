//! `threadline-python [--build gil|free-threaded|one-core] [--trace OUT.json]
//! [--seed N] [--switch-interval MS] FILE.py [ARGS…]`: runs a program
//! natively, printing what it prints; an uncaught exception prints its
//! traceback and exits with status 1, as CPython does.
//!
//! - `--build`: CPython with the GIL (the default), free-threaded CPython,
//!   or every Python thread on one host thread.
//! - `--trace OUT.json`: records the run and writes its Chrome trace (one
//!   lane per Python thread, states, GIL hand-overs, prints, flows).
//! - `--record`: records the run as `--trace` does but writes nothing (to
//!   measure what recording costs).
//! - `--seed N`: the seed of `one-core`'s choices (same seed, same
//!   interleaving).
//! - `--switch-interval MS`: the GIL's switch interval at start
//!   (`sys.setswitchinterval` changes it later), 5 ms by default.

use std::process::ExitCode;
use threadline_python::native::NativeHost;
use threadline_python::vm::Build;
use threadline_python::{Interpreter, Options, Program};

/// The interpreter runs on a thread with a big stack: builtins that call
/// back into Python nest Rust calls, and dropping long chains of objects
/// recurses.
const STACK_BYTES: usize = 512 << 20;

/// How long the end of a run waits for children still running to stop.
const CHILD_GRACE_MS: u64 = 2000;

struct Command {
    options: Options,
    trace: Option<String>,
    path: String,
}

fn usage() -> String {
    "usage: threadline-python [--build gil|free-threaded|one-core] [--trace OUT.json] [--record] [--seed N] [--switch-interval MS] FILE.py [ARGS...]".to_string()
}

/// The value of an option that takes a number.
fn number<T: std::str::FromStr>(option: &str, value: Option<String>) -> Result<T, String> {
    value
        .as_deref()
        .and_then(|text| text.parse().ok())
        .ok_or_else(|| format!("{option} takes a number, not {value:?}"))
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let mut options = Options::default();
    let mut trace = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--build" => {
                options.build = match args.next().as_deref() {
                    Some("gil") => Build::Gil,
                    Some("free-threaded") => Build::FreeThreaded,
                    Some("one-core") => Build::OneCore,
                    other => {
                        return Err(format!(
                            "--build takes gil, free-threaded or one-core, not {other:?}"
                        ));
                    }
                };
            }
            "--trace" => trace = Some(args.next().ok_or_else(usage)?),
            "--record" => options.trace = true,
            "--seed" => options.seed = number("--seed", args.next())?,
            "--switch-interval" => {
                let interval: f64 = number("--switch-interval", args.next())?;
                if interval.is_nan() || interval <= 0.0 {
                    return Err("--switch-interval must be a number of milliseconds above 0".into());
                }
                options.switch_interval_ms = Some(interval);
            }
            "-h" | "--help" => return Err(usage()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{}", usage())),
            _ => {
                options.argv = std::iter::once(arg.clone()).chain(args).collect();
                options.trace |= trace.is_some();
                return Ok(Command {
                    options,
                    trace,
                    path: arg,
                });
            }
        }
    }
    Err(usage())
}

fn run(command: Command) -> u8 {
    let source = match std::fs::read_to_string(&command.path) {
        Ok(source) => source,
        Err(err) => {
            let absolute = std::fs::canonicalize(&command.path)
                .map_or_else(|_| command.path.clone(), |p| p.display().to_string());
            eprintln!(
                "threadline-python: can't open file '{absolute}': [Errno {}] {}",
                err.raw_os_error().unwrap_or(2),
                if err.kind() == std::io::ErrorKind::NotFound {
                    "No such file or directory".to_string()
                } else {
                    err.to_string()
                }
            );
            return 2;
        }
    };
    if std::env::var_os("THREADLINE_DIS").is_some() {
        match threadline_python::compile_source(&source, &command.path) {
            Ok(code) => eprintln!("{}", code.disassemble()),
            Err(failure) => eprintln!("{failure:?}"),
        }
    }
    let mut command = command;
    command.options.limits.stack_bytes = STACK_BYTES / 2;
    let host = NativeHost::shared();
    host.processes().set_options(&command.options);
    let interpreter = Interpreter::new(host.clone(), command.options);
    let outcome = match Program::start(&interpreter, &source, &command.path) {
        Ok(mut program) => {
            let outcome = program.run_to_end();
            if let Some(path) = &command.trace {
                write_trace(path, &program);
            }
            outcome
        }
        Err(outcome) => outcome,
    };
    host.processes().stop_all(CHILD_GRACE_MS);
    outcome.exit_code().clamp(0, 255) as u8
}

/// Writes the run's Chrome trace to `path`.
fn write_trace(path: &str, program: &Program) {
    let trace = threadline_core::program::program_trace(&program.record());
    if let Err(err) = std::fs::write(path, format!("{trace}\n")) {
        eprintln!("threadline-python: cannot write the trace to {path}: {err}");
    }
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args().skip(1)) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let worker = std::thread::Builder::new()
        .name("python-main".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(command));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("threadline-python: the interpreter thread failed");
            ExitCode::from(1)
        }
    }
}

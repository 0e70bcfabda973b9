//! `threadline-python [--build gil|free-threaded|one-core] [--trace OUT.json] FILE.py [ARGS…]`:
//! runs a program natively, printing what it prints; an uncaught exception
//! prints its traceback and exits with status 1, as CPython does.

use std::process::ExitCode;
use std::sync::Arc;
use threadline_python::native::NativeHost;
use threadline_python::vm::{Build, TraceEvent};
use threadline_python::{Interpreter, Options};

/// The interpreter runs on a thread with a big stack: builtins that call
/// back into Python nest Rust calls, and dropping long chains of objects
/// recurses.
const STACK_BYTES: usize = 512 << 20;

struct Command {
    options: Options,
    trace: Option<String>,
    path: String,
}

fn usage() -> String {
    "usage: threadline-python [--build gil|free-threaded|one-core] [--trace OUT.json] FILE.py [ARGS...]".to_string()
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
            "-h" | "--help" => return Err(usage()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{}", usage())),
            _ => {
                options.argv = std::iter::once(arg.clone()).chain(args).collect();
                options.trace = trace.is_some();
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

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The Chrome Trace Event form of the recorded events: one lane per thread.
fn trace_json(events: &[TraceEvent]) -> String {
    let mut items = vec![
        r#"{"name":"process_name","ph":"M","pid":1,"tid":1,"args":{"name":"MainProcess"}}"#
            .to_string(),
        r#"{"name":"thread_name","ph":"M","pid":1,"tid":1,"args":{"name":"MainThread"}}"#
            .to_string(),
    ];
    for event in events {
        items.push(format!(
            r#"{{"name":{},"ph":"i","s":"t","ts":{:.3},"pid":1,"tid":1,"args":{{"text":{},"line":{},"thread":{}}}}}"#,
            json_string(event.name),
            event.at_ms * 1000.0,
            json_string(&event.detail),
            event.line,
            json_string(&event.thread)
        ));
    }
    format!(
        "{{\"traceEvents\":[\n{}\n],\"displayTimeUnit\":\"ms\"}}\n",
        items.join(",\n")
    )
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
    let host = Arc::new(NativeHost::new());
    let interpreter = Interpreter::new(host, command.options);
    let outcome = interpreter.run_main(&source, &command.path);
    if let Some(path) = &command.trace {
        let json = trace_json(&interpreter.trace_events());
        if let Err(err) = std::fs::write(path, json) {
            eprintln!("threadline-python: cannot write the trace to {path}: {err}");
        }
    }
    outcome.exit_code().clamp(0, 255) as u8
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

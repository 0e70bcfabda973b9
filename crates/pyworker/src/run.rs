//! Runs the program the page sent. A driver of [`Program::step`]: in
//! `one-core` (the plain build, without shared memory) every thread runs on
//! this worker and, when all of them wait, the worker goes back to its event
//! loop until the earliest deadline; in `gil` and `free-threaded` (the
//! threaded build) the program's other threads run on their own workers and
//! this one blocks where its Python thread blocks.

use crate::host::{WorkerHost, post};
use std::sync::Arc;
use threadline_core::clock::Clock;
use threadline_python::limits::Limits;
use threadline_python::vm::Build;
use threadline_python::{Interpreter, Options, Program, Step};
use threadline_web::clock::BrowserClock;
use threadline_web::python::{FromPython, ToPython};
use threadline_web::timer;

/// How much the VM runs before it looks up (its own unit, "ticks").
const BUDGET: u64 = 1 << 22;
/// How long a program waiting on the world outside sleeps between looks.
const OUTSIDE_POLL_MS: f64 = 5.0;
/// Most live Python threads in the browser: each is a Web Worker.
const MAX_THREADS: usize = 64;
/// What a thread's nested calls may use of its worker's 4 MB stack.
const THREAD_STACK_BYTES: usize = 3 << 20;

/// A panic (a fault of the interpreter, never of the program) aborts the
/// worker: its message goes to the page first, as stderr, so that the run
/// fails saying why. Hooks are global: this one serves every thread worker
/// on the same memory too.
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        post(&FromPython::Output {
            err: true,
            text: format!(
                "threadline: the interpreter failed: {}{place}\n",
                threadline_web::panic::message(info)
            ),
        });
        threadline_web::panic::hook(info);
    }));
}

/// Reads the program the worker script left in `threadlineRun` and runs it.
pub fn start() {
    report_panics();
    let text = js_sys::Reflect::get(&js_sys::global(), &"threadlineRun".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    match serde_json::from_str::<ToPython>(&text) {
        Ok(run) => wasm_bindgen_futures::spawn_local(self::run(run)),
        Err(why) => post(&FromPython::Output {
            err: true,
            text: format!("threadline: the page sent no program ({why})\n"),
        }),
    }
}

fn options(build: &str, interval_us: u32, filename: &str) -> Options {
    Options {
        build: match build {
            "free-threaded" => Build::FreeThreaded,
            "one-core" => Build::OneCore,
            _ => Build::Gil,
        },
        limits: Limits {
            stack_bytes: 6 << 20,
            max_threads: MAX_THREADS,
            thread_stack_bytes: THREAD_STACK_BYTES,
            ..Limits::browser()
        },
        trace: true,
        argv: vec![filename.to_string()],
        switch_interval_ms: (interval_us > 0).then(|| f64::from(interval_us) / 1000.0),
        ..Options::default()
    }
}

async fn run(run: ToPython) {
    let ToPython::Run {
        code,
        filename,
        build,
        interval_us,
    } = run;
    let started = BrowserClock.now_ms();
    #[cfg(feature = "threads")]
    crate::threads::announce_memory();
    let host = Arc::new(WorkerHost::default());
    let interpreter = Interpreter::new(host.clone(), options(&build, interval_us, &filename));
    let (outcome, record) = match Program::start(&interpreter, &code, &filename) {
        Ok(mut program) => loop {
            match program.step(BUDGET) {
                Step::Running => {}
                Step::Idle { until_ms } => {
                    timer::sleep((until_ms - BrowserClock.now_ms()).max(0.0), None).await;
                }
                Step::WaitingOutside => {
                    timer::sleep(OUTSIDE_POLL_MS, None).await;
                }
                Step::Finished(outcome) => break (outcome, Some(Box::new(program.record()))),
            }
        },
        Err(outcome) => (outcome, None),
    };
    post(&FromPython::Done {
        exit_code: outcome.exit_code(),
        wall_ms: BrowserClock.now_ms() - started,
        record,
        written: Some(host.take_written()),
    });
}

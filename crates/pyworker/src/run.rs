//! Runs the program the page sent: the main thread's frames, a budget at a
//! time; a sleep at the top level leaves the VM and waits on a timer.

use crate::host::{WorkerHost, post};
use std::sync::Arc;
use threadline_core::clock::Clock;
use threadline_python::host::{Wait, WaitOutcome};
use threadline_python::limits::Limits;
use threadline_python::vm::{Build, RunStatus};
use threadline_python::{Interpreter, Options, Outcome};
use threadline_web::clock::BrowserClock;
use threadline_web::python::{FromPython, ToPython};
use threadline_web::timer;

/// How much the VM runs before it looks up (its own unit, "ticks").
const BUDGET: u64 = 1 << 22;

/// Reads the program the worker script left in `threadlineRun` and runs it.
pub fn start() {
    let text = js_sys::Reflect::get(&js_sys::global(), &"threadlineRun".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    match serde_json::from_str::<ToPython>(&text) {
        Ok(ToPython::Run {
            code,
            filename,
            build,
            ..
        }) => {
            wasm_bindgen_futures::spawn_local(run(code, filename, build));
        }
        Err(why) => post(&FromPython::Output {
            err: true,
            text: format!("threadline: the page sent no program ({why})\n"),
        }),
    }
}

async fn run(code: String, filename: String, build: String) {
    let started = BrowserClock.now_ms();
    let options = Options {
        build: match build.as_str() {
            "free-threaded" => Build::FreeThreaded,
            "one-core" => Build::OneCore,
            _ => Build::Gil,
        },
        limits: Limits {
            stack_bytes: 6 << 20,
            ..Limits::browser()
        },
        argv: vec![filename.clone()],
        ..Options::default()
    };
    #[cfg(feature = "threads")]
    crate::threads::announce_memory();
    let host = Arc::new(WorkerHost::default());
    let interpreter = Interpreter::new(host.clone(), options);
    let outcome = match interpreter.start_main(&code, &filename) {
        Ok(mut vm) => loop {
            match vm.run(BUDGET) {
                RunStatus::BudgetSpent => {}
                RunStatus::Blocked(wait) => vm.resume(wait_for(&wait).await),
                RunStatus::Finished(Ok(_)) => break Outcome::Finished,
                RunStatus::Finished(Err(err)) => break interpreter.report(&mut vm, err),
            }
        },
        Err(outcome) => outcome,
    };
    post(&FromPython::Done {
        exit_code: outcome.exit_code(),
        wall_ms: BrowserClock.now_ms() - started,
        record: None,
        written: Some(host.take_written()),
    });
}

/// A wait at the top level: the worker's event loop runs meanwhile.
async fn wait_for(wait: &Wait) -> WaitOutcome {
    match wait {
        Wait::Sleep { until_ms } => {
            timer::sleep((until_ms - BrowserClock.now_ms()).max(0.0), None).await;
            WaitOutcome::Done
        }
    }
}

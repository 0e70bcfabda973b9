//! Runs the program the page sent, in the `one-core` build (this worker's
//! memory is not shared): a budget at a time; when every Python thread
//! waits, the worker goes back to its event loop on a timer.

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
/// How often a run whose threads wait for the world outside looks again.
const OUTSIDE_POLL_MS: f64 = 5.0;

/// Reads the program the worker script left in `threadlineRun` and runs it.
pub fn start() {
    let text = js_sys::Reflect::get(&js_sys::global(), &"threadlineRun".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    match serde_json::from_str::<ToPython>(&text) {
        Ok(ToPython::Run { code, filename }) => {
            wasm_bindgen_futures::spawn_local(run(code, filename));
        }
        Err(why) => post(&FromPython::Output {
            err: true,
            text: format!("threadline: the page sent no program ({why})\n"),
        }),
    }
}

async fn run(code: String, filename: String) {
    let started = BrowserClock.now_ms();
    let options = Options {
        limits: Limits {
            stack_bytes: 6 << 20,
            ..Limits::browser()
        },
        argv: vec![filename.clone()],
        build: Build::OneCore,
        ..Options::default()
    };
    let interpreter = Interpreter::new(Arc::new(WorkerHost), options);
    let outcome = match Program::start(&interpreter, &code, &filename) {
        Ok(mut program) => loop {
            match program.step(BUDGET) {
                Step::Running => {}
                Step::Idle { until_ms } => {
                    timer::sleep((until_ms - BrowserClock.now_ms()).max(0.0), None).await;
                }
                Step::WaitingOutside => {
                    timer::sleep(OUTSIDE_POLL_MS, None).await;
                }
                Step::Finished(outcome) => break outcome,
            }
        },
        Err(outcome) => outcome,
    };
    post(&FromPython::Done {
        exit_code: outcome.exit_code(),
        wall_ms: BrowserClock.now_ms() - started,
    });
}

//! Running a Python program in a worker: the messages between the page and
//! the interpreter's worker (`crates/pyworker`), and the page's side.
//!
//! The interpreter never runs on the page's main thread: a program's main
//! thread blocks (on `join`, locks, sleeps) as Python's does, and the page
//! must not. Each run gets a fresh worker with its own instance of the
//! interpreter's module, compiled once and kept; cancelling ends the worker.

use futures_channel::oneshot;
use futures_util::FutureExt;
use futures_util::future::{LocalBoxFuture, Shared};
use gloo_events::EventListener;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::program::ProgramRecord;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions};

mod module;
mod threads;

use module::Interpreter;
use threads::ThreadWorkers;

/// The worker script that runs a program's main thread.
const SCRIPT: &str = "./python.js";

/// From the page to the interpreter's worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToPython {
    /// Run this program.
    Run {
        /// Its source.
        code: String,
        /// The file name tracebacks show.
        filename: String,
        /// The interpreter build (`gil`, `free-threaded`, `one-core`).
        #[serde(default)]
        build: String,
        /// The switch interval, µs.
        #[serde(default)]
        interval_us: u32,
        /// No service worker controls the page: the worker answers the
        /// lab's requests itself (the same bytes after the same latency).
        #[serde(default)]
        local_network: bool,
    },
    /// Run a spawned child process (from its parent's worker): the bytes of
    /// its `ProcessSpec`.
    Child {
        /// The encoded spec.
        spec: Vec<u8>,
    },
    /// A notice of the run's process broker for the child (from its
    /// parent's worker).
    Notice {
        /// The encoded notice.
        bytes: Vec<u8>,
    },
    /// New notices wait in the child's shared mailbox (from its parent's
    /// worker): a wake-up for the child's event loop.
    Mail,
}

/// From the interpreter's worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromPython {
    /// The program wrote this to stdout (`err: false`) or stderr.
    Output {
        /// Written to stderr.
        err: bool,
        /// The text.
        text: String,
    },
    /// The program ended.
    Done {
        /// The status CPython would exit with.
        exit_code: i32,
        /// From the start of the run (compiling included) to its end, ms.
        wall_ms: f64,
        /// What the run recorded: its threads, processes and tasks.
        #[serde(default)]
        record: Option<Box<ProgramRecord>>,
        /// Everything written to stdout and stderr, in the order written:
        /// the `Output` messages of several threads' workers may reach the
        /// page in another order.
        #[serde(default)]
        written: Option<(String, String)>,
    },
    /// A child process's request for the run's process broker (from the
    /// child's worker to its parent's; the page never sees it).
    Process {
        /// The encoded request.
        bytes: Vec<u8>,
    },
}

/// How a program ran.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PythonRun {
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr.
    pub stderr: String,
    /// The status CPython would exit with.
    pub exit_code: i32,
    /// How long the program ran, ms.
    pub wall_ms: f64,
    /// What it recorded, if it got as far as running.
    #[serde(skip)]
    pub record: Option<Box<ProgramRecord>>,
}

/// The program running now, so that it can be cancelled.
struct Running {
    worker: Worker,
    /// Its other threads' workers (threaded build).
    threads: Option<ThreadWorkers>,
    done: Option<oneshot::Sender<Result<PythonRun, String>>>,
    run: PythonRun,
}

thread_local! {
    static RUNNING: RefCell<Option<Rc<RefCell<Running>>>> = const { RefCell::new(None) };
}

fn finish(running: &Rc<RefCell<Running>>, outcome: Result<(), String>) {
    let mut state = running.borrow_mut();
    state.worker.terminate();
    if let Some(threads) = state.threads.take() {
        threads.terminate();
    }
    let run = std::mem::take(&mut state.run);
    // A crash's own words (a panic's message) reach stderr just before it.
    let outcome =
        outcome.map_err(
            |why| match run.stderr.lines().rev().find(|l| l.contains("threadline:")) {
                Some(said) => format!("{why} ({})", said.trim()),
                None => why,
            },
        );
    if let Some(done) = state.done.take() {
        let _ = done.send(outcome.map(|()| run));
    }
}

fn on_message(running: &Rc<RefCell<Running>>, text: &str) {
    match serde_json::from_str::<FromPython>(text) {
        Ok(FromPython::Output { err, text }) => {
            let mut state = running.borrow_mut();
            let stream = if err {
                &mut state.run.stderr
            } else {
                &mut state.run.stdout
            };
            stream.push_str(&text);
        }
        Ok(FromPython::Done {
            exit_code,
            wall_ms,
            record,
            written,
        }) => {
            {
                let mut state = running.borrow_mut();
                state.run.exit_code = exit_code;
                state.run.wall_ms = wall_ms;
                state.run.record = record;
                if let Some((stdout, stderr)) = written {
                    (state.run.stdout, state.run.stderr) = (stdout, stderr);
                }
            }
            finish(running, Ok(()));
        }
        Ok(FromPython::Process { .. }) => {}
        Err(why) => finish(
            running,
            Err(format!("the interpreter sent a malformed message: {why}")),
        ),
    }
}

/// A program that keeps the interpreter's common paths busy (calls, both
/// kinds of loop, arithmetic and comparisons, lists, dicts, attributes,
/// strings) for a second: long enough for the engine to have its optimised
/// code for them in use on this machine.
// Importing the modules lessons use runs the compiler over their sources:
// its first pass through them leaves the engine optimising its code on the
// other core for a few hundred ms, slowing whatever the program times then.
const WARM_UP: &str = r#"import time
import threading, queue, concurrent.futures, asyncio, multiprocessing

class Box:
    def __init__(self, n):
        self.n = n

def spin(n):
    total, items, seen = 0, [], {}
    while n > 0:
        n -= 1
        total += n % 7
    for i in range(200):
        items.append(Box(i).n)
        seen[i] = f"{i}"
    return total + sum(items) + len(seen)

end = time.perf_counter() + 1.0
while time.perf_counter() < end:
    spin(5000)
"#;

type Warming = Shared<LocalBoxFuture<'static, ()>>;

thread_local! {
    // Per interpreter module (plain, threaded): its warm-up, once per page.
    static WARMING: RefCell<[Option<Warming>; 2]> = const { RefCell::new([None, None]) };
    // Counts cancels, so that a run cancelled while it waited for the
    // warm-up does not start.
    static CANCELS: Cell<u64> = const { Cell::new(0) };
}

/// Warms up the interpreter module that `build` runs on, once per page.
///
/// A WebAssembly engine first runs a quickly compiled version of the code
/// and swaps in its optimised one only once that is compiled; until then a
/// program runs several times slower, and a lesson that times a loop before
/// and after starting threads would measure the swap, not the threads. The
/// lab warms up when it opens, and a run waits for the warm-up first. What
/// the warm-up ran is never shown.
pub fn warm_up(build: &str) -> impl std::future::Future<Output = ()> + 'static {
    let threaded = build != "one-core" && module::page_is_isolated();
    let build = build.to_string();
    WARMING.with(|warming| {
        warming.borrow_mut()[usize::from(threaded)]
            .get_or_insert_with(|| {
                async move {
                    // A warm-up that fails costs speed, not results: say so
                    // where a developer looks, not on the page.
                    match run_now(WARM_UP, "<warm-up>", &build, 5000).await {
                        Ok(run) if run.exit_code == 0 || run.exit_code == 130 => {}
                        Ok(run) => web_sys::console::warn_1(
                            &format!(
                                "threadline: the interpreter's warm-up failed: {}",
                                run.stderr
                            )
                            .into(),
                        ),
                        Err(why) => web_sys::console::warn_1(
                            &format!("threadline: the interpreter's warm-up did not run: {why}")
                                .into(),
                        ),
                    }
                }
                .boxed_local()
                .shared()
            })
            .clone()
    })
}

/// Runs `code` to its end in a new worker, on interpreter `build` with a
/// switch interval of `interval_us`, and resolves with what it printed and
/// how it ended. Fails only if the interpreter could not run at all.
pub async fn run(
    code: &str,
    filename: &str,
    build: &str,
    interval_us: u32,
) -> Result<PythonRun, String> {
    let cancels = CANCELS.get();
    // Every warm-up under way, not only this build's: one worker at a time.
    let under_way: Vec<Warming> = WARMING.with(|w| w.borrow().iter().flatten().cloned().collect());
    for warming in under_way {
        warming.await;
    }
    warm_up(build).await;
    if CANCELS.get() != cancels {
        return Ok(PythonRun {
            stderr: "KeyboardInterrupt: the program was cancelled\n".into(),
            exit_code: 130,
            ..PythonRun::default()
        });
    }
    run_now(code, filename, build, interval_us).await
}

thread_local! {
    /// Whether programs answer their own requests (see [`answer_requests_here`]).
    static LOCAL_NETWORK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Called once the page knows it has no service worker to answer the lab's
/// requests: programs' workers then answer them with a timer, with the same
/// bytes after the same latency (the page's status says the network is
/// simulated with timers, and why).
pub fn answer_requests_here(yes: bool) {
    LOCAL_NETWORK.set(yes);
}

async fn run_now(
    code: &str,
    filename: &str,
    build: &str,
    interval_us: u32,
) -> Result<PythonRun, String> {
    if RUNNING.with(|r| r.borrow().is_some()) {
        return Err("a program is already running; cancel it first".into());
    }
    // Python threads need shared memory, and `one-core` runs every thread
    // on one host thread without it.
    let threaded = build != "one-core" && module::page_is_isolated();
    let interpreter = module::interpreter(threaded).await?;
    let options = WorkerOptions::new();
    options.set_name("python");
    let worker = Worker::new_with_options(SCRIPT, &options)
        .map_err(|e| format!("the interpreter's worker could not start: {e:?}"))?;
    let (done, result) = oneshot::channel();
    let running = Rc::new(RefCell::new(Running {
        worker: worker.clone(),
        threads: None,
        done: Some(done),
        run: PythonRun::default(),
    }));
    if threaded {
        let threads = thread_workers(&running, interpreter.clone());
        running.borrow_mut().threads = Some(threads);
    }
    let listening = running.clone();
    let on_message = EventListener::new(&worker, "message", move |event| {
        let event: &MessageEvent = event.unchecked_ref();
        let data = event.data();
        match data.as_string() {
            Some(text) => on_message(&listening, &text),
            None => {
                let threads = listening.borrow().threads.clone();
                if let Some(threads) = threads {
                    threads.handle(&data);
                }
            }
        }
    });
    let crashed = running.clone();
    let on_error = EventListener::new(&worker, "error", move |event| {
        let event: &ErrorEvent = event.unchecked_ref();
        event.prevent_default();
        finish(
            &crashed,
            Err(format!("the interpreter crashed: {}", event.message())),
        );
    });
    let start = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&start, &"type".into(), &"threadline:start".into());
    let _ = js_sys::Reflect::set(&start, &"module".into(), &interpreter.module);
    let _ = js_sys::Reflect::set(&start, &"glue".into(), &interpreter.glue.into());
    let message = serde_json::to_string(&ToPython::Run {
        code: code.into(),
        filename: filename.into(),
        build: build.into(),
        interval_us,
        local_network: LOCAL_NETWORK.get(),
    })
    .map_err(|e| e.to_string())?;
    let _ = js_sys::Reflect::set(&start, &"run".into(), &message.into());
    worker
        .post_message(&start)
        .map_err(|e| format!("the interpreter's worker could not start: {e:?}"))?;
    RUNNING.with(|r| *r.borrow_mut() = Some(running));
    let outcome = result
        .await
        .unwrap_or_else(|_| Err("the run was dropped".into()));
    drop((on_message, on_error));
    RUNNING.with(|r| r.borrow_mut().take());
    outcome
}

/// The thread workers of a program in the threaded build: their messages
/// go where the main worker's go, and a crash ends the run.
fn thread_workers(running: &Rc<RefCell<Running>>, interpreter: Interpreter) -> ThreadWorkers {
    let (heard, crashed) = (Rc::downgrade(running), Rc::downgrade(running));
    ThreadWorkers::new(
        interpreter,
        threads::Sinks {
            message: Box::new(move |text| {
                if let Some(running) = heard.upgrade() {
                    on_message(&running, text);
                }
            }),
            crash: Box::new(move |why| {
                if let Some(running) = crashed.upgrade() {
                    finish(&running, Err(why));
                }
            }),
        },
    )
}

/// Stops the program running now, if any: its worker ends at once, so even
/// an endless loop stops.
pub fn cancel() {
    CANCELS.set(CANCELS.get() + 1);
    if let Some(running) = RUNNING.with(|r| r.borrow().clone()) {
        {
            let mut state = running.borrow_mut();
            state
                .run
                .stderr
                .push_str("KeyboardInterrupt: the program was cancelled\n");
            state.run.exit_code = 130;
        }
        finish(&running, Ok(()));
    }
}

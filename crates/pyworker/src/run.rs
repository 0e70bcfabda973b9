//! Runs the program the page sent. A driver of [`Program::step`]: in
//! `one-core` (the plain build, without shared memory) every thread runs on
//! this worker and, when all of them wait, the worker goes back to its event
//! loop until the earliest deadline; in `gil` and `free-threaded` (the
//! threaded build) every Python thread, the main one included, runs on a
//! thread worker of its own, and this worker's event loop stays free.

use crate::host::{WorkerHost, post};
use crate::net::InFlight;
use crate::news::News;
use crate::procs::Children;
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use threadline_core::clock::Clock;
use threadline_core::program::ProgramRecord;
#[cfg(feature = "threads")]
use threadline_python::host::{Host, Stream};
use threadline_python::limits::Limits;
use threadline_python::procs::{Identity, ProcessSpec, exit_code};
use threadline_python::vm::Build;
use threadline_python::{Interpreter, Options, Outcome, Program, Step};
use threadline_web::clock::BrowserClock;
use threadline_web::python::{FromPython, ToPython};
use threadline_web::timer;
use wasm_bindgen::JsCast;

/// How much the VM runs before it looks up (its own unit, "ticks"). Small
/// enough that a step takes milliseconds: the engine compiles the dispatch
/// loop's optimised code in the background while a first, quickly compiled
/// version runs, and a running call never switches to it; only the next
/// call does. A main thread stepped in large budgets ran at that first
/// version's speed, several times slower than its own threads.
const BUDGET: u64 = 1 << 16;
/// How long a program waiting on the world outside sleeps between looks.
const OUTSIDE_POLL_MS: f64 = 5.0;
/// Most live Python threads in the browser: each is a Web Worker.
const MAX_THREADS: usize = 64;
/// What a thread's nested calls may use of its worker's 4 MB stack.
const THREAD_STACK_BYTES: usize = 3 << 20;
/// How often this worker looks whether the main thread, on its own
/// worker, has ended.
#[cfg(feature = "threads")]
const MAIN_THREAD_POLL_MS: f64 = 2.0;

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
        Ok(ToPython::Run {
            code,
            filename,
            build,
            interval_us,
            local_network,
        }) => wasm_bindgen_futures::spawn_local(run(
            code,
            filename,
            build,
            interval_us,
            local_network,
        )),
        Ok(ToPython::Child { spec }) => wasm_bindgen_futures::spawn_local(run_child(spec)),
        Ok(ToPython::Notice { .. } | ToPython::Mail) => {}
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
            // The main thread runs on a thread worker in the threaded
            // build, and on this worker's own 6 MB stack in the plain one.
            stack_bytes: if cfg!(feature = "threads") {
                THREAD_STACK_BYTES
            } else {
                6 << 20
            },
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

/// The world outside the program that this worker's event loop serves
/// between steps: network requests, the run's child processes, and (in a
/// child) the notices its parent's worker sent.
struct Outside {
    host: Arc<WorkerHost>,
    news: News,
    network: InFlight,
    children: Option<Rc<Children>>,
    notices: Rc<RefCell<Vec<Vec<u8>>>>,
}

impl Outside {
    /// Starts queued requests and hands on what arrived.
    fn serve(&self, program: Option<&Program>) {
        self.network.start(&self.host.pending, &self.news.teller());
        if let Some(children) = &self.children {
            children.serve();
        }
        if let Some(program) = program {
            for notice in self.notices.borrow_mut().drain(..) {
                program.deliver(&notice);
            }
            crate::mailbox::take(&mut |notice| program.deliver(notice));
        }
        self.host
            .network_busy
            .store(self.network.busy(), std::sync::atomic::Ordering::Relaxed);
    }

    /// Whether an answer may come from outside before a deadline.
    fn busy(&self) -> bool {
        // A child may always hear from its parent.
        self.network.busy() || self.children.as_ref().is_none_or(|c| c.busy())
    }
}

async fn run(code: String, filename: String, build: String, interval_us: u32, local_network: bool) {
    let started = BrowserClock.now_ms();
    #[cfg(feature = "threads")]
    crate::threads::announce_memory();
    let host = Arc::new(WorkerHost::default());
    let options = options(&build, interval_us, &filename);
    #[cfg(feature = "threads")]
    let on_thread = options.build != Build::OneCore;
    let interpreter = Interpreter::new(host.clone(), options);
    let news = News::default();
    let children = Children::new(host.clone(), news.teller(), local_network);
    let outside = Outside {
        host: host.clone(),
        news,
        network: InFlight::new(local_network),
        children: Some(children.clone()),
        notices: Rc::default(),
    };
    let (outcome, record) = match Program::start(&interpreter, &code, &filename) {
        #[cfg(feature = "threads")]
        Ok(program) if on_thread => drive_on_thread(program, &outside).await,
        Ok(program) => drive_here(program, &outside).await,
        Err(outcome) => (outcome, None),
    };
    children.stop_all();
    post(&FromPython::Done {
        exit_code: outcome.exit_code(),
        wall_ms: BrowserClock.now_ms() - started,
        record,
        written: Some(host.take_written()),
    });
}

/// Runs a spawned child process (`spec`'s bytes from its parent's worker)
/// on one core, on this worker: what it writes and asks goes to the parent;
/// its record goes through the broker when it ends.
async fn run_child(spec: Vec<u8>) {
    let started = BrowserClock.now_ms();
    let spec = match ProcessSpec::decode(&spec) {
        Ok(spec) => spec,
        Err(why) => {
            post(&FromPython::Output {
                err: true,
                text: format!("threadline: a child process got a bad start ({why})\n"),
            });
            post(&FromPython::Done {
                exit_code: 1,
                wall_ms: 0.0,
                record: None,
                written: None,
            });
            return;
        }
    };
    let mailbox = js_sys::Reflect::get(&js_sys::global(), &"threadlineMailbox".into())
        .is_ok_and(|buffer| crate::mailbox::open(&buffer));
    let host = Arc::new(WorkerHost::child(parent_shared_memory(), mailbox));
    let mut options = options("one-core", 0, &spec.filename);
    options.process = Identity::child(&spec);
    let interpreter = Interpreter::new(host.clone(), options);
    let notices: Rc<RefCell<Vec<Vec<u8>>>> = Rc::default();
    let heard = notices.clone();
    let news = News::default();
    let teller = news.teller();
    let _listener = EventListener::new(
        &js_sys::global().unchecked_into::<web_sys::EventTarget>(),
        "message",
        move |event| {
            let event: &web_sys::MessageEvent = event.unchecked_ref();
            match event
                .data()
                .as_string()
                .map(|t| serde_json::from_str::<ToPython>(&t))
            {
                Some(Ok(ToPython::Notice { bytes })) => {
                    heard.borrow_mut().push(bytes);
                    teller.tell();
                }
                // The notices wait in the mailbox: the driver takes them.
                Some(Ok(ToPython::Mail)) => teller.tell(),
                _ => {}
            }
        },
    );
    let local_network = js_sys::Reflect::get(&js_sys::global(), &"threadlineLocalNetwork".into())
        .is_ok_and(|local| local.is_truthy());
    let outside = Outside {
        host,
        news,
        network: InFlight::new(local_network),
        children: None,
        notices,
    };
    let outcome = match Program::start_child(&interpreter) {
        Ok(program) => drive_here(program, &outside).await.0,
        Err(outcome) => outcome,
    };
    post(&FromPython::Done {
        exit_code: exit_code(&outcome, false),
        wall_ms: BrowserClock.now_ms() - started,
        record: None,
        written: None,
    });
}

/// The shared memory the parent's worker handed this child's worker in its
/// start message (kept by `python.js` as `threadlineShared`), if any.
fn parent_shared_memory() -> Option<crate::shared::Handoff> {
    let handoff = js_sys::Reflect::get(&js_sys::global(), &"threadlineShared".into()).ok()?;
    let field = |key: &str| js_sys::Reflect::get(&handoff, &key.into()).ok();
    Some(crate::shared::Handoff {
        buffer: field("buffer")?,
        byte_offset: field("byteOffset")?.as_f64()? as u32,
        words: field("words")?.as_f64()? as u32,
    })
}

/// How a run ended, and what it recorded.
type Ended = (Outcome, Option<Box<ProgramRecord>>);

/// Drives the program on this worker (`one-core`, every Python thread on
/// it): when all of them wait, the worker goes back to its event loop until
/// the earliest deadline, or sooner when an answer may come from outside.
async fn drive_here(mut program: Program, outside: &Outside) -> Ended {
    loop {
        outside.serve(Some(&program));
        let step = program.step(BUDGET);
        outside.serve(Some(&program));
        match step {
            Step::Running => {}
            Step::Idle { until_ms } => {
                // News from outside ends the wait early.
                let left = (until_ms - BrowserClock.now_ms()).max(0.0);
                if outside.busy() {
                    outside.news.wait(left).await;
                } else {
                    timer::sleep(left, None).await;
                }
            }
            Step::WaitingOutside => outside.news.wait(OUTSIDE_POLL_MS * 20.0).await,
            Step::Finished(outcome) => return (outcome, Some(Box::new(program.record()))),
        }
    }
}

/// Drives the program's main thread on a thread worker of its own (`gil`,
/// `free-threaded`), where it may block on joins, locks and sleeps as every
/// other Python thread does, and keeps this worker's event loop free for
/// what only an event loop can do (a `fetch()`, a child's message) while it
/// runs.
#[cfg(feature = "threads")]
async fn drive_on_thread(mut program: Program, outside: &Outside) -> Ended {
    let host = &outside.host;
    let ended = Arc::new(parking_lot::Mutex::new(None::<(Outcome, ProgramRecord)>));
    let slot = ended.clone();
    let body = Box::new(move || {
        let outcome = drive_blocking(&mut program);
        let record = program.record();
        *slot.lock() = Some((outcome, record));
    });
    if let Err(why) = host.spawn_thread("MainThread", body) {
        host.write(
            Stream::Stderr,
            &format!("threadline: the main thread could not start: {why}\n"),
        );
        return (Outcome::Exit(1), None);
    }
    loop {
        if let Some((outcome, record)) = ended.lock().take() {
            return (outcome, Some(Box::new(record)));
        }
        outside.serve(None);
        timer::sleep(MAIN_THREAD_POLL_MS, None).await;
    }
}

/// Steps the program in small budgets on a thread worker, waiting in place
/// (the worker may block) when every thread waits.
#[cfg(feature = "threads")]
fn drive_blocking(program: &mut Program) -> Outcome {
    loop {
        let until_ms = match program.step(BUDGET) {
            Step::Running => continue,
            Step::Idle { until_ms } => until_ms.min(BrowserClock.now_ms() + OUTSIDE_POLL_MS),
            Step::WaitingOutside => BrowserClock.now_ms() + OUTSIDE_POLL_MS,
            Step::Finished(outcome) => return outcome,
        };
        let left = (until_ms - BrowserClock.now_ms()).max(0.0);
        std::thread::sleep(std::time::Duration::from_secs_f64(left / 1000.0));
    }
}

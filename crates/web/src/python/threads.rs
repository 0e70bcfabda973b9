//! The page's side of a program's threads in the threaded build: Web
//! Workers on the program's shared memory, started when its threads ask
//! and kept warm for the next one.
//!
//! Every thread worker is the page's own (see `crates/pyworker`'s
//! `threads`): a worker that started one and then blocked on it, as a
//! Python thread that joins does, would never see it start.

use super::module::Interpreter;
use gloo_events::EventListener;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions};

/// The worker script of a thread.
const SCRIPT: &str = "./python-thread.js";
/// Each thread's stack, in the shared memory.
pub const STACK_BYTES: u32 = 4 << 20;
/// Workers started before the program asks for any: the main thread's, and
/// one per core (up to four), for the threads a lesson about cores starts
/// at once. A thread that finds no warm worker waits 20 to 60 ms for a new
/// one (CPython starts a thread in a tenth of a millisecond), which would
/// show in a lesson that times its threads.
fn warm_workers() -> usize {
    let cores = web_sys::window().map_or(1, |w| w.navigator().hardware_concurrency() as usize);
    1 + cores.clamp(1, 4)
}
/// Most thread workers one program may have: a program with more live
/// threads than this waits for one of them to end before the next starts.
pub const MAX_WORKERS: usize = 64;

/// What the page does with a thread's output, and with a crash.
pub struct Sinks {
    /// A text message from a worker (the interpreter's `FromPython`).
    pub message: Box<dyn Fn(&str)>,
    /// A worker trapped.
    pub crash: Box<dyn Fn(String)>,
}

struct Pool {
    interpreter: Interpreter,
    memory: Option<JsValue>,
    workers: Vec<Worker>,
    listeners: Vec<EventListener>,
    idle: Vec<Worker>,
    /// Workers that have said once that they are ready.
    started: Vec<Worker>,
    starting: usize,
    waiting: VecDeque<u32>,
    sinks: Rc<Sinks>,
}

/// A program's thread workers.
#[derive(Clone)]
pub struct ThreadWorkers(Rc<RefCell<Pool>>);

/// Reports a crash once the pool is no longer borrowed (ending the run
/// terminates the pool's workers).
fn report(sinks: &Rc<Sinks>, why: String) {
    let sinks = sinks.clone();
    wasm_bindgen_futures::spawn_local(async move { (sinks.crash)(why) });
}

fn field(data: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn message(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object
}

impl ThreadWorkers {
    /// None yet: they start once the program's memory is known.
    pub fn new(interpreter: Interpreter, sinks: Sinks) -> Self {
        Self(Rc::new(RefCell::new(Pool {
            interpreter,
            memory: None,
            workers: Vec::new(),
            listeners: Vec::new(),
            idle: Vec::new(),
            started: Vec::new(),
            starting: 0,
            waiting: VecDeque::new(),
            sinks: Rc::new(sinks),
        })))
    }

    /// Handles a structured message from any of the program's workers;
    /// returns whether it was one of ours.
    pub fn handle(&self, data: &JsValue) -> bool {
        match field(data, "type").as_string().as_deref() {
            Some("threadline:memory") => {
                self.0.borrow_mut().memory = Some(field(data, "memory"));
                // Warm workers, so that the first threads start sooner: a
                // new worker takes tens to hundreds of ms to be ready.
                for _ in 0..warm_workers() {
                    self.start_worker();
                }
            }
            Some("threadline:spawn") => {
                let entry = field(data, "entry").as_f64().unwrap_or(0.0) as u32;
                self.0.borrow_mut().waiting.push_back(entry);
                self.dispatch();
            }
            _ => return false,
        }
        true
    }

    /// Gives waiting threads to idle workers, and starts workers for the
    /// rest (up to [`MAX_WORKERS`]).
    fn dispatch(&self) {
        loop {
            let mut pool = self.0.borrow_mut();
            let Some(&entry) = pool.waiting.front() else {
                return;
            };
            if let Some(worker) = pool.idle.pop() {
                pool.waiting.pop_front();
                let run = message(&[
                    ("type", "threadline:thread-run".into()),
                    ("entry", entry.into()),
                ]);
                if worker.post_message(&run).is_err() {
                    report(&pool.sinks, "a thread's worker is gone".into());
                    return;
                }
                continue;
            }
            let short = pool.waiting.len() > pool.starting;
            let room = pool.workers.len() < MAX_WORKERS;
            drop(pool);
            if short && room {
                self.start_worker();
                continue;
            }
            return;
        }
    }

    fn start_worker(&self) {
        let mut pool = self.0.borrow_mut();
        let Some(memory) = pool.memory.clone() else {
            return;
        };
        let options = WorkerOptions::new();
        options.set_name(&format!("python thread {}", pool.workers.len() + 1));
        let worker = match Worker::new_with_options(SCRIPT, &options) {
            Ok(worker) => worker,
            Err(e) => {
                report(
                    &pool.sinks,
                    format!("a thread's worker could not start: {e:?}"),
                );
                return;
            }
        };
        let this = self.clone();
        let on_message = EventListener::new(&worker, "message", move |event| {
            let event: &MessageEvent = event.unchecked_ref();
            this.on_worker_message(event);
        });
        let sinks = pool.sinks.clone();
        let on_error = EventListener::new(&worker, "error", move |event| {
            let event: &ErrorEvent = event.unchecked_ref();
            event.prevent_default();
            report(&sinks, format!("a thread crashed: {}", event.message()));
        });
        let start = message(&[
            ("type", "threadline:thread-start".into()),
            ("glue", pool.interpreter.glue.into()),
            ("module", pool.interpreter.module.clone().into()),
            ("memory", memory),
            ("stackBytes", STACK_BYTES.into()),
        ]);
        if worker.post_message(&start).is_err() {
            report(&pool.sinks, "a thread's worker could not start".into());
        }
        pool.starting += 1;
        pool.workers.push(worker);
        pool.listeners.extend([on_message, on_error]);
    }

    fn on_worker_message(&self, event: &MessageEvent) {
        let data = event.data();
        if let Some(text) = data.as_string() {
            let sinks = self.0.borrow().sinks.clone();
            (sinks.message)(&text);
            return;
        }
        if field(&data, "type").as_string().as_deref() == Some("threadline:thread-idle") {
            if let Ok(worker) = event
                .target()
                .map(JsCast::unchecked_into::<Worker>)
                .ok_or(())
            {
                let mut pool = self.0.borrow_mut();
                if pool.started.iter().all(|w| w != &worker) {
                    pool.started.push(worker.clone());
                    pool.starting = pool.starting.saturating_sub(1);
                }
                if pool.idle.iter().all(|w| w != &worker) {
                    pool.idle.push(worker);
                }
            }
            self.dispatch();
        } else {
            self.handle(&data);
        }
    }

    /// Ends every thread worker at once.
    pub fn terminate(&self) {
        let mut pool = self.0.borrow_mut();
        for worker in pool.workers.drain(..) {
            worker.terminate();
        }
        pool.listeners.clear();
        pool.idle.clear();
        pool.started.clear();
        pool.waiting.clear();
    }
}

//! Processes in the browser: each child is a worker of its own with its own
//! WebAssembly instance, started by the program's worker, which keeps the
//! run's process broker.
//!
//! A process's requests reach the broker as bytes: from the program's own
//! threads through a queue this worker's event loop drains (they may run on
//! other workers, blocked), from a child as a message of its worker. The
//! broker's notices go back the same two ways: into this instance's inbox,
//! or as a message to the child's worker. A child runs its threads on one
//! core (its own worker): it starts no thread workers of its own.

use crate::host::{WorkerHost, post};
use crate::mailbox::Outbox;
use crate::news::Teller;
use gloo_events::EventListener;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use threadline_python::host::{Host, Stream};
use threadline_python::procs::{
    Action, Broker, Inbox, MAIN_PID, MAX_LIVE_PROCESSES, ProcessSpec, TERMINATED,
};
use threadline_web::python::{FromPython, ToPython};
use wasm_bindgen::{JsCast, JsValue};

/// The exit code a child's worker that crashed reports (as a child killed
/// by SIGABRT would).
const CRASHED: i32 = -6;

/// What the threads of one instance hand its worker's event loop.
#[derive(Debug, Default)]
pub struct ProcessLink {
    /// Requests for the broker, from any thread of the main instance.
    posts: parking_lot::Mutex<Vec<Vec<u8>>>,
    /// Where the broker's notices for this instance go.
    inbox: parking_lot::Mutex<Option<Arc<Inbox>>>,
    /// This instance is a child: its requests go to its parent's worker.
    child: bool,
    /// This child reads its notices from a shared mailbox (see `mailbox`).
    mailbox: bool,
}

impl ProcessLink {
    /// The link of a child's instance.
    pub fn for_child(mailbox: bool) -> ProcessLink {
        ProcessLink {
            child: true,
            mailbox,
            ..ProcessLink::default()
        }
    }

    /// Whether this child's notices come through a shared mailbox.
    pub fn has_mailbox(&self) -> bool {
        self.mailbox
    }

    /// A request from this instance (any thread).
    pub fn post(&self, bytes: Vec<u8>) {
        if self.child {
            // A child runs on one core: this is its worker's own thread.
            post(&FromPython::Process { bytes });
        } else if let Some(children) = BROKER_HERE.with_borrow(std::rc::Weak::upgrade) {
            // On the worker that keeps the broker (`one-core`): handled now,
            // as natively, so that a wait in place inside a call that
            // called back into Python gets what the broker has at once.
            children.handle(&bytes);
        } else {
            self.posts.lock().push(bytes);
        }
    }

    /// Keeps the instance's inbox.
    pub fn attach(&self, inbox: Arc<Inbox>) {
        *self.inbox.lock() = Some(inbox);
    }

    /// Hands a notice to this instance.
    pub fn deliver(&self, notice: &[u8]) {
        let inbox = self.inbox.lock().clone();
        if let Some(inbox) = inbox {
            inbox.deliver(notice);
        }
    }

    fn take_posts(&self) -> Vec<Vec<u8>> {
        std::mem::take(&mut *self.posts.lock())
    }
}

thread_local! {
    /// The run's broker, on the worker that keeps it.
    static BROKER_HERE: RefCell<std::rc::Weak<Children>> = const { RefCell::new(std::rc::Weak::new()) };
}

/// A child's worker and what listens to it.
struct ChildWorker {
    worker: web_sys::Worker,
    /// Its notices' way in, where the page allows shared memory (else
    /// they go as messages).
    outbox: Option<Outbox>,
    _listeners: [EventListener; 2],
}

impl ChildWorker {
    fn tell(&mut self, notice: Vec<u8>) {
        match &mut self.outbox {
            Some(outbox) => {
                if outbox.send(notice) {
                    self.wake_for_mail();
                }
            }
            None => {
                let _ = self
                    .worker
                    .post_message(&to_json(&ToPython::Notice { bytes: notice }));
            }
        }
    }

    /// Writes the notices that waited for room in the mailbox.
    fn flush(&mut self) {
        if self.outbox.as_mut().is_some_and(Outbox::flush) {
            self.wake_for_mail();
        }
    }

    /// Wakes the child's event loop: its mailbox has news.
    fn wake_for_mail(&self) {
        let _ = self.worker.post_message(&to_json(&ToPython::Mail));
    }
}

/// The run's broker and its children's workers (on the program's worker).
pub struct Children {
    host: Arc<WorkerHost>,
    news: Teller,
    broker: RefCell<Broker>,
    workers: RefCell<HashMap<u32, ChildWorker>>,
    /// Children answer their own requests (no service worker; see `net`).
    local_network: bool,
}

impl Children {
    /// The processes of a run whose main instance has `host`.
    pub fn new(host: Arc<WorkerHost>, news: Teller, local_network: bool) -> Rc<Children> {
        let children = Rc::new(Children {
            host,
            news,
            local_network,
            broker: RefCell::new(Broker::new(MAIN_PID + 1, MAX_LIVE_PROCESSES)),
            workers: RefCell::new(HashMap::new()),
        });
        BROKER_HERE.set(Rc::downgrade(&children));
        children
    }

    /// Whether a child is alive (an answer may come from it).
    pub fn busy(&self) -> bool {
        !self.workers.borrow().is_empty()
    }

    /// Hands the broker what the main instance's threads asked for, and
    /// the children the notices that waited for room in their mailboxes.
    pub fn serve(self: &Rc<Self>) {
        for child in self.workers.borrow_mut().values_mut() {
            child.flush();
        }
        for bytes in self.host.procs.take_posts() {
            self.handle(&bytes);
        }
    }

    fn handle(self: &Rc<Self>, bytes: &[u8]) {
        let actions = self.broker.borrow_mut().handle(bytes);
        self.carry_out(actions);
    }

    fn exited(self: &Rc<Self>, pid: u32, code: i32) {
        if let Some(child) = self.workers.borrow_mut().remove(&pid) {
            child.worker.terminate();
        }
        let actions = self.broker.borrow_mut().exited(pid, code);
        self.carry_out(actions);
    }

    fn carry_out(self: &Rc<Self>, actions: Vec<Action>) {
        for action in actions {
            match action {
                Action::Deliver { to, notice } if to == MAIN_PID => {
                    self.host.procs.deliver(&notice);
                }
                Action::Deliver { to, notice } => {
                    if let Some(child) = self.workers.borrow_mut().get_mut(&to) {
                        child.tell(notice);
                    }
                }
                Action::Start(spec) => {
                    if let Err(why) = self.start(&spec) {
                        self.host.write(
                            Stream::Stderr,
                            &format!("threadline: process {} could not start: {why}\n", spec.name),
                        );
                        self.exited(spec.pid, 1);
                    }
                }
                Action::Stop { pid } => self.exited(pid, TERMINATED),
            }
        }
    }

    /// Starts the child `spec` on a worker of its own, with the interpreter
    /// this worker runs.
    fn start(self: &Rc<Self>, spec: &ProcessSpec) -> Result<(), String> {
        let options = web_sys::WorkerOptions::new();
        options.set_name(&format!("python {} (pid {})", spec.name, spec.pid));
        let worker = web_sys::Worker::new_with_options("./python.js", &options)
            .map_err(|e| format!("{e:?}"))?;
        let pid = spec.pid;
        let heard = Rc::downgrade(self);
        let on_message = EventListener::new(&worker, "message", move |event| {
            let event: &web_sys::MessageEvent = event.unchecked_ref();
            if let (Some(children), Some(text)) = (heard.upgrade(), event.data().as_string()) {
                children.heard(pid, &text);
            }
        });
        let crashed = Rc::downgrade(self);
        let on_error = EventListener::new(&worker, "error", move |event| {
            event.prevent_default();
            if let Some(children) = crashed.upgrade() {
                children.exited(pid, CRASHED);
            }
        });
        let global = js_sys::global();
        let start = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&start, &key.into(), value);
        set("type", &"threadline:start".into()).map_err(|e| format!("{e:?}"))?;
        for (key, from) in [("glue", "threadlineGlue"), ("module", "threadlineModule")] {
            let value = js_sys::Reflect::get(&global, &from.into()).unwrap_or_default();
            set(key, &value).map_err(|e| format!("{e:?}"))?;
        }
        if let Some(shared) = self.host.shared.handoff() {
            let handoff = js_sys::Object::new();
            for (key, value) in [
                ("buffer", shared.buffer),
                ("byteOffset", shared.byte_offset.into()),
                ("words", shared.words.into()),
            ] {
                js_sys::Reflect::set(&handoff, &key.into(), &value)
                    .map_err(|e| format!("{e:?}"))?;
            }
            set("shared", &handoff).map_err(|e| format!("{e:?}"))?;
        }
        if self.local_network {
            set("localNetwork", &true.into()).map_err(|e| format!("{e:?}"))?;
        }
        let outbox = Outbox::new();
        if let Some(outbox) = &outbox {
            set("mailbox", &outbox.buffer()).map_err(|e| format!("{e:?}"))?;
        }
        set(
            "run",
            &to_json(&ToPython::Child {
                spec: spec.encode(),
            }),
        )
        .map_err(|e| format!("{e:?}"))?;
        worker.post_message(&start).map_err(|e| format!("{e:?}"))?;
        self.workers.borrow_mut().insert(
            pid,
            ChildWorker {
                worker,
                outbox,
                _listeners: [on_message, on_error],
            },
        );
        Ok(())
    }

    /// A message from child `pid`'s worker.
    fn heard(self: &Rc<Self>, pid: u32, text: &str) {
        self.news.tell();
        match serde_json::from_str::<FromPython>(text) {
            Ok(FromPython::Output { err, text }) => {
                let stream = if err { Stream::Stderr } else { Stream::Stdout };
                self.host.write(stream, &text);
            }
            Ok(FromPython::Process { bytes }) => self.handle(&bytes),
            Ok(FromPython::Done { exit_code, .. }) => self.exited(pid, exit_code),
            Err(_) => self.exited(pid, CRASHED),
        }
    }

    /// Ends every child still running (the program ended).
    pub fn stop_all(&self) {
        for (_, child) in self.workers.borrow_mut().drain() {
            child.worker.terminate();
        }
    }
}

fn to_json(message: &ToPython) -> JsValue {
    JsValue::from_str(&serde_json::to_string(message).unwrap_or_default())
}

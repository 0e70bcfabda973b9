//! A process's inbox: the tickets its threads wait on, filled by the
//! broker's notices, and what it knows of its children (started, ended).
//! Notices arrive on any host thread (natively) or between two steps (in
//! the browser); each raises the signal of the thread that waits for it.
//!
//! It also records the children on the parent's timeline: a lane per child
//! (`SpawnProcess-1` in process n), spawning from `start()` until the
//! child's module runs, running until it ends, and a flow for every
//! message that leaves or reaches this process.

use super::Identity;
use super::wire::{Notice, Request};
use crate::host::Host;
use crate::sched::{Sched, Signal};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use threadline_core::record::{Activity, EventKind, Flow, LaneInfo, LaneKind, ProcessInfo};

struct Ticket {
    signal: Arc<Signal>,
    reply: Option<Result<Vec<u8>, String>>,
    /// The channel of a `Get`: a reply to an abandoned one goes back there.
    channel: Option<u64>,
    abandoned: bool,
}

/// A child as the parent's timeline shows it.
#[derive(Clone, Copy)]
struct ChildLane {
    lane: u16,
    exit: Option<i32>,
}

/// One interpreter's end of the process machinery.
pub struct Inbox {
    /// Who this process is.
    pub identity: Identity,
    host: Arc<dyn Host>,
    pub(super) sched: Arc<Sched>,
    tickets: Mutex<HashMap<u64, Ticket>>,
    children: Mutex<HashMap<u32, ChildLane>>,
    next_ticket: AtomicU64,
    next_channel: AtomicU64,
    /// The program's file name and source (what a child runs again).
    main_source: Mutex<Option<(String, String)>>,
    /// The code `os._exit` gave.
    forced_exit: Mutex<Option<i32>>,
}

impl std::fmt::Debug for Inbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inbox")
            .field("identity", &self.identity)
            .finish_non_exhaustive()
    }
}

impl Inbox {
    /// The inbox of the process `identity` of a run on `host`.
    pub fn new(identity: Identity, host: Arc<dyn Host>, sched: Arc<Sched>) -> Inbox {
        Inbox {
            identity,
            host,
            sched,
            tickets: Mutex::new(HashMap::new()),
            children: Mutex::new(HashMap::new()),
            next_ticket: AtomicU64::new(1),
            next_channel: AtomicU64::new(1),
            main_source: Mutex::new(None),
            forced_exit: Mutex::new(None),
        }
    }

    /// Sends `request` to the broker.
    pub fn post(&self, request: &Request) -> Result<(), String> {
        self.host.process_post(request.encode(self.identity.pid))
    }

    /// A channel number no other process makes.
    pub fn new_channel(&self) -> u64 {
        (u64::from(self.identity.pid) << 32) | self.next_channel.fetch_add(1, Ordering::Relaxed)
    }

    /// A new ticket and the signal raised when its reply comes; `channel`
    /// for a `Get`.
    pub fn new_ticket(&self, channel: Option<u64>) -> (u64, Arc<Signal>) {
        let ticket = self.next_ticket.fetch_add(1, Ordering::Relaxed);
        let signal = Arc::new(Signal::from_process("a message from another process"));
        self.tickets.lock().insert(
            ticket,
            Ticket {
                signal: signal.clone(),
                reply: None,
                channel,
                abandoned: false,
            },
        );
        (ticket, signal)
    }

    /// The signal of a ticket still waited for.
    pub fn ticket_signal(&self, ticket: u64) -> Option<Arc<Signal>> {
        self.tickets.lock().get(&ticket).map(|t| t.signal.clone())
    }

    /// Takes a ticket's reply, if it came (the ticket is then forgotten).
    /// A channel's message is opened for the thread on `reader` (its lane
    /// and line): see [`Inbox::open`].
    pub fn take_reply(&self, ticket: u64, reader: (u16, u32)) -> Option<Result<Vec<u8>, String>> {
        let mut tickets = self.tickets.lock();
        let entry = tickets.get_mut(&ticket)?;
        let reply = entry.reply.take()?;
        let is_message = entry.channel.is_some();
        tickets.remove(&ticket);
        drop(tickets);
        Some(match reply {
            Ok(message) if is_message => Ok(self.open(message, reader)),
            other => other,
        })
    }

    /// Gives up waiting on a ticket (a timeout): a `Get` is cancelled at
    /// the broker, and a reply that crosses the cancel goes back to its
    /// channel's front. Returns a reply that had already come.
    pub fn abandon(&self, ticket: u64, reader: (u16, u32)) -> Option<Result<Vec<u8>, String>> {
        if let Some(reply) = self.take_reply(ticket, reader) {
            return Some(reply);
        }
        let channel = {
            let mut tickets = self.tickets.lock();
            let entry = tickets.get_mut(&ticket)?;
            entry.abandoned = true;
            entry.channel
        };
        match channel {
            Some(channel) => {
                let _ = self.post(&Request::Cancel { channel, ticket });
            }
            None => {
                self.tickets.lock().remove(&ticket);
            }
        }
        None
    }

    /// Handles a notice's bytes from the broker (any host thread).
    pub fn deliver(&self, bytes: &[u8]) {
        let Ok(notice) = Notice::decode(bytes) else {
            return;
        };
        match notice {
            Notice::Reply { ticket, result } => self.replied(ticket, result),
            Notice::Started { pid } => self.child_started(pid),
            Notice::Exited { pid, code } => self.child_exited(pid, code),
            Notice::Record { pid, record } => {
                if let Some(main_lane) = self.child_lane(pid)
                    && self.sched.is_recording()
                {
                    let target = super::merge::Target {
                        sched: &self.sched,
                        main_lane,
                        process: self.process_index(pid),
                    };
                    super::merge::merge(&target, &record);
                }
            }
        }
    }

    fn replied(&self, ticket: u64, result: Result<Vec<u8>, String>) {
        let mut tickets = self.tickets.lock();
        let Some(entry) = tickets.get_mut(&ticket) else {
            return;
        };
        if entry.abandoned {
            let channel = entry.channel;
            tickets.remove(&ticket);
            drop(tickets);
            if let (Some(channel), Ok(message)) = (channel, result) {
                let _ = self.post(&Request::Unget { channel, message });
            }
            return;
        }
        entry.reply = Some(result);
        let signal = entry.signal.clone();
        drop(tickets);
        self.sched.raise_signal(&signal);
    }

    /// `os._exit(code)`: the run stops now and ends with `code`.
    pub fn force_exit(&self, code: i32) {
        self.forced_exit.lock().get_or_insert(code);
        self.sched.stop(crate::objects::exception::Halt::Cancelled);
    }

    /// The code `os._exit` gave, if it was called.
    pub fn forced_exit(&self) -> Option<i32> {
        *self.forced_exit.lock()
    }

    /// Keeps the program's source, which children run again.
    pub fn set_main_source(&self, filename: &str, source: &str) {
        *self.main_source.lock() = Some((filename.to_string(), source.to_string()));
    }

    /// The program's file name and source.
    pub fn main_source(&self) -> Option<(String, String)> {
        self.main_source.lock().clone()
    }

    /// A child's exit code, once it ended.
    pub fn exit_code(&self, pid: u32) -> Option<i32> {
        self.children.lock().get(&pid).and_then(|child| child.exit)
    }

    /// A child was just spawned from the thread on `from_lane`: it gets a
    /// lane (spawning until its module runs) and the timeline a flow.
    pub fn child_spawned(&self, pid: u32, name: &str, from_lane: u16, line: u32) {
        let sched = &self.sched;
        let lane = sched.allocate_lane().unwrap_or(u16::MAX);
        self.children
            .lock()
            .insert(pid, ChildLane { lane, exit: None });
        if !sched.is_recording() || lane == u16::MAX {
            return;
        }
        let process = self.process_index(pid);
        let recorder = sched.recorder();
        recorder.name_process(ProcessInfo {
            process,
            name: name.to_string(),
            pid,
        });
        recorder.name_lane(LaneInfo {
            lane,
            name: "MainThread".into(),
            process,
            kind: LaneKind::Thread,
        });
        let now = sched.now();
        let note = sched.note(&format!(
            "spawning {name}: a new interpreter runs the module again"
        ));
        sched.mark_at(now, lane, Activity::Spawn, note, 0);
        self.flow(
            from_lane,
            line,
            lane,
            EventKind::Start,
            EventKind::Begin,
            None,
        );
    }

    /// A child's index among the processes of this timeline.
    fn process_index(&self, pid: u32) -> u16 {
        u16::try_from(pid.saturating_sub(self.identity.pid)).unwrap_or(u16::MAX)
    }

    fn child_started(&self, pid: u32) {
        let Some(child) = self.children.lock().get(&pid).copied() else {
            return;
        };
        if self.sched.is_recording() && child.exit.is_none() {
            let note = self.sched.note("running (its own interpreter and GIL)");
            self.sched.mark(child.lane, Activity::Cpu, note, 0);
        }
    }

    fn child_exited(&self, pid: u32, code: i32) {
        let lane = {
            let mut children = self.children.lock();
            let Some(child) = children.get_mut(&pid) else {
                return;
            };
            child.exit = Some(code);
            child.lane
        };
        if self.sched.is_recording() {
            let activity = if code == -15 {
                Activity::Cancelled
            } else {
                Activity::Done
            };
            let note = self.sched.note(&format!("exit code {code}"));
            self.sched.mark(lane, activity, note, 0);
        }
    }

    /// The lane of child `pid` on this process's timeline.
    pub fn child_lane(&self, pid: u32) -> Option<u16> {
        self.children.lock().get(&pid).map(|child| child.lane)
    }

    /// Records an arrow from `from_lane` to `to_lane`, its ends named `out`
    /// and `inward`, with `text` (a message's size) on both.
    pub fn flow(
        &self,
        from_lane: u16,
        line: u32,
        to_lane: u16,
        out: EventKind,
        inward: EventKind,
        text: Option<String>,
    ) {
        let sched = &self.sched;
        if !sched.is_recording() || to_lane == u16::MAX {
            return;
        }
        let id = sched.recorder().new_flow();
        let now = sched.now();
        let ends = [(from_lane, out, false, line), (to_lane, inward, true, 0)];
        for (lane, kind, arrives, line) in ends {
            let flow = Some(Flow { id, arrives });
            sched.event_at(now, lane, kind, line, text.clone(), flow);
        }
    }

    /// Records a message's flow: sent at `sent_ms` from `from` (lane,
    /// line), received now on `to`.
    pub(super) fn flow_at(
        &self,
        sent_ms: f64,
        from: (u16, u32),
        to: (u16, u32),
        text: Option<String>,
    ) {
        let sched = &self.sched;
        if !sched.is_recording() || from.0 == u16::MAX {
            return;
        }
        let id = sched.recorder().new_flow();
        let now = sched.now();
        let out = Some(Flow { id, arrives: false });
        sched.event_at(
            sent_ms.min(now),
            from.0,
            EventKind::Send,
            from.1,
            text.clone(),
            out,
        );
        let inward = Some(Flow { id, arrives: true });
        sched.event_at(now, to.0, EventKind::Receive, to.1, text, inward);
    }
}

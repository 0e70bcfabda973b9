//! The run's broker: the one place that knows every process of a run and
//! holds every channel's messages. It is plain state with no thread and no
//! clock: a host feeds it each [`Request`]'s bytes ([`Broker::handle`]) and
//! each child's end ([`Broker::exited`]) and carries out the [`Action`]s it
//! returns (deliver a notice to a process, start a child, stop one). The
//! native host keeps one behind a lock; a browser host can keep one in the
//! page, or in the main program's worker, and route workers' messages to it.

use super::ProcessSpec;
use super::wire::{Notice, Request};
use std::collections::{HashMap, VecDeque};

/// What the host must do for the broker.
#[derive(Debug, PartialEq)]
pub enum Action {
    /// Deliver `notice` (a [`Notice`]'s bytes) to process `to`'s inbox.
    Deliver {
        /// The process.
        to: u32,
        /// The notice's bytes.
        notice: Vec<u8>,
    },
    /// Start a child instance for `spec` (its pid is filled in).
    Start(ProcessSpec),
    /// Stop the child `pid` (then report its end with exit code -15).
    Stop {
        /// The child.
        pid: u32,
    },
}

#[derive(Default)]
struct Channel {
    messages: VecDeque<Vec<u8>>,
    /// Receivers waiting, oldest first: (pid, ticket).
    waiting: VecDeque<(u32, u64)>,
}

struct Child {
    parent: u32,
    exit: Option<i32>,
    joiners: Vec<(u32, u64)>,
    /// Messages to put on channels when it ends.
    watchers: Vec<(u64, Vec<u8>)>,
}

/// Every process and channel of a run.
pub struct Broker {
    next_pid: u32,
    max_live: usize,
    channels: HashMap<u64, Channel>,
    children: HashMap<u32, Child>,
}

impl std::fmt::Debug for Broker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Broker")
            .field("children", &self.children.len())
            .finish_non_exhaustive()
    }
}

fn reply(to: u32, ticket: u64, result: Result<Vec<u8>, String>) -> Action {
    Action::Deliver {
        to,
        notice: Notice::Reply { ticket, result }.encode(),
    }
}

impl Broker {
    /// A broker whose children get pids from `first_pid` on, with at most
    /// `max_live` alive at once.
    pub fn new(first_pid: u32, max_live: usize) -> Broker {
        Broker {
            next_pid: first_pid,
            max_live,
            channels: HashMap::new(),
            children: HashMap::new(),
        }
    }

    /// How many children are alive.
    pub fn live(&self) -> usize {
        self.children.values().filter(|c| c.exit.is_none()).count()
    }

    /// Handles a request's bytes; bad bytes are dropped (no process of this
    /// crate sends them).
    pub fn handle(&mut self, bytes: &[u8]) -> Vec<Action> {
        match Request::decode(bytes) {
            Ok((from, request)) => self.request(from, request),
            Err(_) => Vec::new(),
        }
    }

    /// Handles a decoded request from process `from`.
    pub fn request(&mut self, from: u32, request: Request) -> Vec<Action> {
        match request {
            Request::Spawn { ticket, spec } => self.spawn(from, ticket, spec),
            Request::Put { channel, message } => self.put(channel, message, false),
            Request::Unget { channel, message } => self.put(channel, message, true),
            Request::Get { channel, ticket } => {
                let queue = self.channels.entry(channel).or_default();
                match queue.messages.pop_front() {
                    Some(message) => vec![reply(from, ticket, Ok(message))],
                    None => {
                        queue.waiting.push_back((from, ticket));
                        Vec::new()
                    }
                }
            }
            Request::Cancel { channel, ticket } => {
                if let Some(queue) = self.channels.get_mut(&channel) {
                    queue.waiting.retain(|&waiter| waiter != (from, ticket));
                }
                Vec::new()
            }
            Request::Size { channel, ticket } => {
                let size = self.channels.get(&channel).map_or(0, |q| q.messages.len());
                let size = u32::try_from(size).unwrap_or(u32::MAX);
                vec![reply(from, ticket, Ok(size.to_le_bytes().to_vec()))]
            }
            Request::Join { pid, ticket } => self.join(from, pid, ticket),
            Request::Terminate { pid } => match self.children.get(&pid) {
                Some(child) if child.exit.is_none() => vec![Action::Stop { pid }],
                _ => Vec::new(),
            },
            Request::Watch {
                pid,
                channel,
                message,
            } => match self.children.get_mut(&pid) {
                Some(child) if child.exit.is_none() => {
                    child.watchers.push((channel, message));
                    Vec::new()
                }
                _ => self.put(channel, message, false),
            },
            Request::Record { record } => match self.children.get(&from) {
                Some(child) => vec![Action::Deliver {
                    to: child.parent,
                    notice: Notice::Record { pid: from, record }.encode(),
                }],
                None => Vec::new(),
            },
            Request::Started => match self.children.get(&from) {
                Some(child) => vec![Action::Deliver {
                    to: child.parent,
                    notice: Notice::Started { pid: from }.encode(),
                }],
                None => Vec::new(),
            },
        }
    }

    fn spawn(&mut self, from: u32, ticket: u64, mut spec: ProcessSpec) -> Vec<Action> {
        if self.live() >= self.max_live {
            let why = format!(
                "[Errno 11] Resource temporarily unavailable: a run may have at most {} processes alive at once",
                self.max_live
            );
            return vec![reply(from, ticket, Err(why))];
        }
        let pid = self.next_pid;
        self.next_pid += 1;
        spec.pid = pid;
        spec.parent_pid = from;
        self.children.insert(
            pid,
            Child {
                parent: from,
                exit: None,
                joiners: Vec::new(),
                watchers: Vec::new(),
            },
        );
        vec![
            reply(from, ticket, Ok(pid.to_le_bytes().to_vec())),
            Action::Start(spec),
        ]
    }

    fn put(&mut self, channel: u64, message: Vec<u8>, front: bool) -> Vec<Action> {
        let queue = self.channels.entry(channel).or_default();
        if let Some((to, ticket)) = queue.waiting.pop_front() {
            return vec![reply(to, ticket, Ok(message))];
        }
        if front {
            queue.messages.push_front(message);
        } else {
            queue.messages.push_back(message);
        }
        Vec::new()
    }

    fn join(&mut self, from: u32, pid: u32, ticket: u64) -> Vec<Action> {
        match self.children.get_mut(&pid) {
            None => vec![reply(
                from,
                ticket,
                Err(format!("no process with pid {pid}")),
            )],
            Some(Child {
                exit: Some(code), ..
            }) => vec![reply(from, ticket, Ok(code.to_le_bytes().to_vec()))],
            Some(child) => {
                child.joiners.push((from, ticket));
                Vec::new()
            }
        }
    }

    /// The child `pid` ended with `code`: its joiners and its parent hear of
    /// it. A second report of the same end is ignored.
    pub fn exited(&mut self, pid: u32, code: i32) -> Vec<Action> {
        let Some(child) = self.children.get_mut(&pid) else {
            return Vec::new();
        };
        if child.exit.is_some() {
            return Vec::new();
        }
        child.exit = Some(code);
        let mut actions = vec![Action::Deliver {
            to: child.parent,
            notice: Notice::Exited { pid, code }.encode(),
        }];
        for (to, ticket) in child.joiners.drain(..) {
            actions.push(reply(to, ticket, Ok(code.to_le_bytes().to_vec())));
        }
        let watchers = std::mem::take(&mut child.watchers);
        for (channel, message) in watchers {
            actions.extend(self.put(channel, message, false));
        }
        actions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> ProcessSpec {
        ProcessSpec {
            name: "Process-1".into(),
            ..ProcessSpec::default()
        }
    }

    #[test]
    fn a_message_waits_for_its_receiver_and_a_receiver_for_its_message() {
        let mut broker = Broker::new(100, 4);
        let put = |message: &[u8]| Request::Put {
            channel: 7,
            message: message.to_vec(),
        };
        assert!(broker.request(1, put(b"a")).is_empty());
        let got = broker.request(
            2,
            Request::Get {
                channel: 7,
                ticket: 9,
            },
        );
        assert_eq!(got, vec![reply(2, 9, Ok(b"a".to_vec()))]);
        let waiting = Request::Get {
            channel: 7,
            ticket: 10,
        };
        assert!(broker.request(2, waiting).is_empty());
        assert_eq!(
            broker.request(1, put(b"b")),
            vec![reply(2, 10, Ok(b"b".to_vec()))]
        );
    }

    #[test]
    fn spawning_past_the_limit_is_refused_and_an_end_reaches_parent_and_joiners() {
        let mut broker = Broker::new(100, 1);
        let started = broker.request(
            1,
            Request::Spawn {
                ticket: 1,
                spec: spec(),
            },
        );
        assert!(matches!(&started[1], Action::Start(s) if s.pid == 100 && s.parent_pid == 1));
        let refused = broker.request(
            1,
            Request::Spawn {
                ticket: 2,
                spec: spec(),
            },
        );
        assert!(matches!(&refused[0], Action::Deliver { .. }));
        assert!(matches!(
            Notice::decode(match &refused[0] {
                Action::Deliver { notice, .. } => notice,
                _ => &[],
            }),
            Ok(Notice::Reply { result: Err(_), .. })
        ));
        assert!(
            broker
                .request(
                    1,
                    Request::Join {
                        pid: 100,
                        ticket: 3
                    }
                )
                .is_empty()
        );
        let ended = broker.exited(100, 3);
        assert_eq!(ended.len(), 2);
        assert_eq!(ended[1], reply(1, 3, Ok(3i32.to_le_bytes().to_vec())));
        assert!(broker.exited(100, 3).is_empty());
        assert_eq!(broker.live(), 0);
    }

    #[test]
    fn requests_and_notices_survive_their_bytes() {
        let request = Request::Spawn {
            ticket: 5,
            spec: spec(),
        };
        assert_eq!(Request::decode(&request.encode(3)), Ok((3, request)));
        let mut full = spec();
        full.same_process = true;
        full.payload = vec![1, 2];
        assert_eq!(ProcessSpec::decode(&full.encode()), Ok(full));
        let notice = Notice::Exited { pid: 4, code: -15 };
        assert_eq!(Notice::decode(&notice.encode()), Ok(notice));
        let bytes = Request::Put {
            channel: 1,
            message: vec![1, 2, 3],
        }
        .encode(1);
        for cut in 0..bytes.len() {
            assert!(Request::decode(&bytes[..cut]).is_err());
        }
    }
}

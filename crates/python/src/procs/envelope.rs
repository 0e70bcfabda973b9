//! A channel message's envelope: who sent it, when, and the flow its
//! sending was recorded with, so that its arrival is drawn as the other end.

use super::Inbox;
use threadline_core::record::{EventKind, Flow};

/// The first byte of a sealed channel message (no pickle starts with it).
const ENVELOPE_MARK: u8 = 0xFE;
/// The envelope's length: the mark, the sender's pid, when it was sent,
/// the flow its sending was recorded with (0: none).
const ENVELOPE: usize = 1 + 4 + 8 + 8;

impl Inbox {
    /// Puts the sender's envelope on a channel's message: who sent it,
    /// when, and (from the main process, whose timeline every child's
    /// joins) the flow its `Send` end was recorded with.
    pub fn seal(&self, message: &[u8], sender: (u16, u32)) -> Vec<u8> {
        let now = self.sched.now();
        let mut flow = 0;
        if self.sched.is_recording() && self.identity.start.is_none() {
            flow = self.sched.recorder().new_flow();
            let text = Some(format!("{} bytes", message.len()));
            let out = Some(Flow {
                id: flow,
                arrives: false,
            });
            self.sched
                .event_at(now, sender.0, EventKind::Send, sender.1, text, out);
        }
        let mut sealed = Vec::with_capacity(message.len() + ENVELOPE);
        sealed.push(ENVELOPE_MARK);
        sealed.extend_from_slice(&self.identity.pid.to_le_bytes());
        sealed.extend_from_slice(&now.to_le_bytes());
        sealed.extend_from_slice(&flow.to_le_bytes());
        sealed.extend_from_slice(message);
        sealed
    }

    /// Takes a message out of its envelope and records its arrival: from a
    /// child, as a flow from the child's lane (when it was sent); from the
    /// main process, as the arrival end of the flow it recorded (a child's
    /// end carries [`super::merge::PARENT_FLOW`] so that the merge keeps
    /// it). Messages the broker made (a watched child's end) have none.
    pub fn open(&self, sealed: Vec<u8>, reader: (u16, u32)) -> Vec<u8> {
        if sealed.len() < ENVELOPE || sealed[0] != ENVELOPE_MARK {
            return sealed;
        }
        let field = |range: std::ops::Range<usize>| {
            let mut word = [0u8; 8];
            word[..range.len()].copy_from_slice(&sealed[range]);
            u64::from_le_bytes(word)
        };
        let (pid, sent_at, flow) = (
            field(1..5) as u32,
            f64::from_bits(field(5..13)),
            field(13..21),
        );
        let message = sealed[ENVELOPE..].to_vec();
        let text = Some(format!("{} bytes", message.len()));
        if let Some(child) = self.child_lane(pid) {
            self.flow_at(sent_at, (child, 0), reader, text);
        } else if flow != 0 && self.sched.is_recording() {
            let from_here = pid == self.identity.pid && self.identity.start.is_none();
            let from_parent = pid == self.identity.parent_pid && self.identity.start.is_some();
            if from_here || from_parent {
                let id = if from_here {
                    flow
                } else {
                    flow | super::merge::PARENT_FLOW
                };
                let inward = Some(Flow { id, arrives: true });
                let now = self.sched.now();
                self.sched
                    .event_at(now, reader.0, EventKind::Receive, reader.1, text, inward);
            }
        }
        message
    }
}

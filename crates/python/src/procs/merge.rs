//! A child's record joins its parent's: when a child's run ends, it sends
//! what it recorded (its lanes, marks, events, notes) as bytes; the parent
//! puts each of its lanes on a lane of its own timeline, with the child's
//! process index, at the same instants (one clock for every process of a
//! run). The child's main thread goes on the lane its spawn was drawn on.

use crate::sched::Sched;
use std::collections::HashMap;
use threadline_core::program::ProgramRecord;
use threadline_core::record::{Flow, LaneInfo, Marker};

/// Marks, in a child's record, a flow whose sending end its parent
/// recorded (a message from the parent): the merge keeps its id as is.
pub const PARENT_FLOW: u64 = 1 << 63;

/// A record as bytes: the recorder's origin on the shared clock, then the
/// record as JSON.
pub fn encode(origin_ms: f64, record: &ProgramRecord) -> Vec<u8> {
    let mut bytes = origin_ms.to_le_bytes().to_vec();
    // A record that cannot be written (never: it is plain data) sends nothing.
    if let Ok(json) = serde_json::to_vec(record) {
        bytes.extend_from_slice(&json);
    }
    bytes
}

fn decode(bytes: &[u8]) -> Option<(f64, ProgramRecord)> {
    let origin: [u8; 8] = bytes.get(..8)?.try_into().ok()?;
    let record = serde_json::from_slice(bytes.get(8..)?).ok()?;
    Some((f64::from_le_bytes(origin), record))
}

/// Where a child's record goes in its parent's.
pub struct Target<'a> {
    /// The parent's scheduler (its recorder and lanes).
    pub sched: &'a Sched,
    /// The lane the child's spawn is drawn on (its main thread's).
    pub main_lane: u16,
    /// The child's process index on the parent's timeline.
    pub process: u16,
}

/// Adds a child's record (bytes from [`encode`]) to the parent's; bad
/// bytes add nothing.
pub fn merge(target: &Target<'_>, bytes: &[u8]) {
    let Some((origin_ms, record)) = decode(bytes) else {
        return;
    };
    let sched = target.sched;
    let recorder = sched.recorder();
    let mut lanes: HashMap<u16, u16> = HashMap::new();
    let mut lane_of = |child_lane: u16| -> u16 {
        *lanes.entry(child_lane).or_insert_with(|| {
            if child_lane == 0 {
                target.main_lane
            } else {
                sched.allocate_lane().unwrap_or(u16::MAX)
            }
        })
    };
    for info in &record.lanes {
        let lane = lane_of(info.lane);
        if lane != u16::MAX && info.lane != 0 {
            recorder.name_lane(LaneInfo {
                lane,
                process: target.process,
                ..info.clone()
            });
        }
    }
    let note_of = |note: u32| -> u32 {
        match note
            .checked_sub(1)
            .and_then(|i| record.notes.get(i as usize))
        {
            Some(text) => sched.note(text),
            None => 0,
        }
    };
    for mark in &record.marks {
        let lane = lane_of(mark.lane);
        // The parent draws the main lane's spawn and end itself.
        if lane == u16::MAX || (mark.lane == 0 && lane == target.main_lane && is_end(mark)) {
            continue;
        }
        let at_ms = origin_ms + mark.at_us / 1000.0;
        sched.mark_at(at_ms, lane, mark.activity, note_of(mark.note), mark.line);
    }
    // Each process has its own GIL: the child's hand-overs are on its lanes.
    for gil in &record.gil_marks {
        let lane = lane_of(gil.lane);
        if lane != u16::MAX {
            recorder.gil(origin_ms + gil.at_us / 1000.0, lane, gil.event);
        }
    }
    let mut flows: HashMap<u64, u64> = HashMap::new();
    for event in &record.events {
        let lane = lane_of(event.lane);
        if lane == u16::MAX {
            continue;
        }
        let flow = event.flow.map(|flow| Flow {
            id: if flow.id & PARENT_FLOW != 0 {
                flow.id & !PARENT_FLOW
            } else {
                *flows.entry(flow.id).or_insert_with(|| recorder.new_flow())
            },
            arrives: flow.arrives,
        });
        let at_ms = origin_ms + event.at_us / 1000.0;
        sched.event_at(
            at_ms,
            lane,
            event.kind,
            event.line,
            event.text.clone(),
            flow,
        );
    }
}

fn is_end(mark: &threadline_core::record::Mark) -> bool {
    use threadline_core::record::Activity;
    matches!(mark.activity, Activity::Done | Activity::Cancelled)
}

//! The arrows between a program's lanes: a thread started, a join
//! returned, work submitted, a message or result crossed. Each is a flow
//! the interpreter recorded at both ends.

use super::ProgramRecord;
use crate::record::EventKind;

/// One arrow: from where a flow left a lane to where it arrived.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arrow {
    /// What left (`Start`, `Finish`, `Submit`, `Send`).
    pub kind: EventKind,
    /// The lane it left, and when (µs).
    pub from: (u16, f64),
    /// The lane it reached, and when (µs).
    pub to: (u16, f64),
}

/// How many arrows are drawn in full ink; more fade (see [`arrow_opacity`]).
const ARROWS_IN_FULL_INK: f64 = 24.0;

/// How opaque each arrow is drawn when a program has `count` of them: every
/// one is drawn, but a pool's hundreds of messages fade, so that where they
/// bunch the bars beneath stay readable (1 up to 24 arrows, 0.5 at 96, and
/// never under 0.25).
pub fn arrow_opacity(count: usize) -> f64 {
    (ARROWS_IN_FULL_INK / count.max(1) as f64)
        .sqrt()
        .clamp(0.25, 1.0)
}

impl ProgramRecord {
    /// Every flow recorded at both ends, as an arrow, in order of arrival;
    /// a flow with one end only (a thread never joined) draws nothing.
    pub fn arrows(&self) -> Vec<Arrow> {
        let mut leaving: Vec<(u64, EventKind, u16, f64)> = self
            .events
            .iter()
            .filter_map(|e| {
                let flow = e.flow.filter(|f| !f.arrives)?;
                Some((flow.id, e.kind, e.lane, e.at_us))
            })
            .collect();
        leaving.sort_by_key(|&(id, ..)| id);
        let mut arrows: Vec<Arrow> = self
            .events
            .iter()
            .filter_map(|e| {
                let flow = e.flow.filter(|f| f.arrives)?;
                let at = leaving
                    .binary_search_by_key(&flow.id, |&(id, ..)| id)
                    .ok()?;
                let (_, kind, lane, at_us) = leaving[at];
                Some(Arrow {
                    kind,
                    from: (lane, at_us),
                    to: (e.lane, e.at_us),
                })
            })
            .collect();
        arrows.sort_by(|a, b| a.to.1.total_cmp(&b.to.1));
        arrows
    }
}

//! Where each lane of a program stood at a moment: the line of source the
//! lab's editor marks for it as the replay's playhead moves.

use super::ProgramRecord;
use crate::record::Activity;

/// One lane's place at a moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The lane.
    pub lane: u16,
    /// Its name, as the program names it.
    pub name: String,
    /// The source line it stood on, from 1.
    pub line: u32,
}

impl ProgramRecord {
    /// Every lane alive at `at_us` and the line it last stood on by then
    /// (recorded at every switch, wait and print). A lane not yet started,
    /// already ended, or never seen on a line of the program is left out.
    pub fn standing_at(&self, at_us: f64) -> Vec<Standing> {
        let mut out = Vec::new();
        for info in &self.lanes {
            let lane = info.lane;
            let marks = self
                .marks
                .iter()
                .filter(|m| m.lane == lane && m.at_us <= at_us);
            let Some(last) = marks.clone().max_by(|a, b| a.at_us.total_cmp(&b.at_us)) else {
                continue;
            };
            if matches!(last.activity, Activity::Done | Activity::Cancelled) {
                continue;
            }
            let events = self
                .events
                .iter()
                .filter(|e| e.lane == lane && e.at_us <= at_us)
                .map(|e| (e.at_us, e.line));
            let line = marks
                .map(|m| (m.at_us, m.line))
                .chain(events)
                .filter(|&(_, line)| line > 0)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, line)| line);
            if let Some(line) = line {
                out.push(Standing {
                    lane,
                    name: info.name.clone(),
                    line,
                });
            }
        }
        out
    }
}

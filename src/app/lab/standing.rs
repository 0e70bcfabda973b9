//! The replay's markers in the editor: as the playhead moves, where each
//! thread of the shown run stood, in its lane's colour.

use super::super::replay::ReplayHandle;
use super::editor::ThreadAt;
use std::rc::Rc;
use threadline_core::lab::run::LabRun;
use threadline_core::style::{Scheme, lane_hue};
use yew::prelude::*;

/// Where each thread of `run` stood at `at_us`.
fn threads_at(run: &LabRun, at_us: f64, scheme: Scheme) -> Vec<ThreadAt> {
    run.record
        .as_ref()
        .map(|record| record.standing_at(at_us))
        .unwrap_or_default()
        .into_iter()
        .map(|s| ThreadAt {
            line: s.line,
            name: s.name,
            colour: lane_hue(s.lane, scheme).to_string(),
        })
        .collect()
}

/// The markers for the replay's playhead over `run` (none while the whole
/// run is shown), kept up to date as the replay moves; the editor redraws
/// only when a marker moved.
#[hook]
pub fn use_thread_markers(run: Option<Rc<LabRun>>, scheme: Scheme) -> Rc<Vec<ThreadAt>> {
    let replay = use_context::<Rc<ReplayHandle>>();
    let markers = use_state_eq(|| Rc::new(Vec::new()));
    {
        let markers = markers.clone();
        use_effect_with((run, scheme), move |(run, scheme)| {
            let (run, scheme) = (run.clone(), *scheme);
            let update = {
                let replay = replay.clone();
                move || {
                    let at = replay.as_ref().and_then(|r| r.get().playhead_us());
                    let shown = match (&run, at) {
                        (Some(run), Some(at)) => threads_at(run, at, scheme),
                        _ => Vec::new(),
                    };
                    markers.set(Rc::new(shown));
                }
            };
            update();
            let subscription = replay.map(|r| r.subscribe(Callback::from(move |()| update())));
            move || drop(subscription)
        });
    }
    (*markers).clone()
}

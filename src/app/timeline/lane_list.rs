//! The lanes as a list: the canvas's text description, for screen readers
//! (and for tests, which count the lanes drawn).

use std::rc::Rc;
use threadline_core::lanes::shown_lanes;
use threadline_core::page::PageState;
use threadline_core::spans::GIL_TRACK;
use yew::prelude::*;

/// Props of [`LaneList`].
#[derive(Properties)]
pub struct LaneListProps {
    /// The page's state.
    pub state: Rc<PageState>,
}

impl PartialEq for LaneListProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
    }
}

/// One item per mode of the comparison shown.
#[component]
pub fn LaneList(props: &LaneListProps) -> Html {
    let state = &props.state;
    let items = state.shown.modes.iter().map(|&mode| {
        let record = state.records.iter().find(|r| r.mode == mode);
        let lanes = record.map_or_else(|| state.planned_lanes(mode), |r| r.lanes);
        let drawn: Vec<u16> = shown_lanes(mode, lanes)
            .into_iter()
            .filter(|&l| l != GIL_TRACK)
            .collect();
        let names: Vec<String> = drawn.iter().map(|&l| mode.lane_name(l)).collect();
        let progress = match record {
            Some(r) if r.unavailable.is_some() => "unavailable".to_string(),
            Some(r) => format!(
                "{} of {} tasks done in {:.0} ms",
                r.done_by(f64::INFINITY),
                r.tasks,
                r.wall_ms
            ),
            None => "not run yet".to_string(),
        };
        html! {
            <li data-mode={mode.id()} data-lanes={drawn.len().to_string()}>
                { format!("{} ({}): {} lanes — {}; {progress}.", mode.title(), mode.python(), drawn.len(), names.join(", ")) }
            </li>
        }
    });
    html! { <ul id="timeline-lanes" class="visually-hidden" data-testid="timeline-lanes">{ for items }</ul> }
}

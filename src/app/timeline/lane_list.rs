//! The lanes as a list: the canvas's text description, for screen readers
//! (and for tests, which count the lanes drawn).

use std::rc::Rc;
use threadline_core::lab::View;
use threadline_core::lanes::shown_lanes;
use threadline_core::page::PageState;
use threadline_core::program::program_groups;
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

/// One item per process of the lab's program, naming its lanes.
fn program_items(state: &PageState) -> Html {
    let Some(record) = super::source::shown_lab_run(state).and_then(|r| r.record.as_ref()) else {
        return Html::default();
    };
    let items = program_groups(record, record.wall_ms * 1000.0)
        .into_iter()
        .map(|group| {
            let names: Vec<&str> = (group.input.lanes.iter())
                .filter(|(lane, _)| *lane != GIL_TRACK)
                .map(|(_, name)| name.as_str())
                .collect();
            html! {
                <li data-process={group.input.title.clone()} data-lanes={names.len().to_string()}>
                    { format!("{} (pid {}): {} lanes — {}.", group.input.title, group.pid, names.len(), names.join(", ")) }
                </li>
            }
        });
    html! { { for items } }
}

/// One item per mode of the comparison shown, or per process of the lab's
/// program.
#[component]
pub fn LaneList(props: &LaneListProps) -> Html {
    let state = &props.state;
    if state.params.view == View::Lab {
        return html! {
            <ul id="timeline-lanes" class="visually-hidden" data-testid="timeline-lanes">
                { program_items(state) }
            </ul>
        };
    }
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

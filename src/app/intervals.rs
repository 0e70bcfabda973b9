//! Every interval as a table: the timeline in a form screen readers (and
//! anyone who prefers numbers) can read.

use std::rc::Rc;
use threadline_core::mode_record::ModeRecord;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Rows shown per mode; the trace download has them all.
const MAX_ROWS: usize = 1_000;

/// Props of [`Intervals`].
#[derive(Properties, PartialEq)]
pub struct IntervalsProps {
    /// The finished modes.
    pub records: Rc<Vec<ModeRecord>>,
}

fn table(record: &ModeRecord) -> Html {
    let spans = record.spans();
    let shown = spans.len().min(MAX_ROWS);
    html! {
        <table class="intervals-table" data-mode={record.mode.id()}>
            <caption>{ format!("{} — {} intervals", record.mode.title(), spans.len()) }</caption>
            <thead><tr>
                <th scope="col">{ "Lane" }</th><th scope="col">{ "Doing" }</th><th scope="col">{ "Task" }</th>
                <th scope="col">{ "From (ms)" }</th><th scope="col">{ "For (ms)" }</th>
            </tr></thead>
            <tbody>
                { for spans.iter().take(shown).map(|s| html! {
                    <tr>
                        <td>{ record.mode.lane_name(s.lane) }</td>
                        <td>{ s.activity.category().unwrap_or("ended") }</td>
                        <td>{ s.task.map(|t| t.to_string()).unwrap_or_default() }</td>
                        <td>{ format!("{:.1}", s.start_us / 1000.0) }</td>
                        <td>{ format!("{:.1}", s.duration_us() / 1000.0) }</td>
                    </tr>
                }) }
            </tbody>
            if spans.len() > shown {
                <tfoot><tr><td colspan="5">
                    { format!("…and {} more; the trace download has every one.", spans.len() - shown) }
                </td></tr></tfoot>
            }
        </table>
    }
}

/// A disclosure with one table per mode, built only when opened.
#[component]
pub fn Intervals(props: &IntervalsProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            let is_open = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            open.set(is_open);
        })
    };
    if props.records.is_empty() {
        return html! {};
    }
    html! {
        <details class="intervals" {ontoggle} data-testid="intervals">
            <summary>{ "Every interval, as a table" }</summary>
            if *open {
                <div class="intervals-body">{ for props.records.iter().filter(|r| r.unavailable.is_none()).map(table) }</div>
            }
        </details>
    }
}

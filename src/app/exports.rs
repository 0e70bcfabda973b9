//! Downloads: the trace (for Perfetto), the timeline as SVG and as PNG.

use super::controller::Controller;
use super::timeline::export;
use super::timeline::source::shown_lab_run;
use gloo_file::{Blob, ObjectUrl};
use std::rc::Rc;
use threadline_core::lab::View;
use threadline_core::program::program_trace;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Saves `url` as a file called `name`.
fn save(url: &str, name: &str) {
    let Some(link) = super::dom::document().and_then(|d| d.create_element("a").ok()) else {
        return;
    };
    let link: web_sys::HtmlAnchorElement = link.unchecked_into();
    link.set_href(url);
    link.set_download(name);
    link.click();
}

/// Saves text as a file. The object URL is revoked when it goes out of
/// scope, after the click has started the download.
fn save_text(text: &str, mime: &str, name: &str) {
    // As a JS string: a view of the threaded build's memory is a view of a
    // SharedArrayBuffer, which the Blob constructor refuses.
    let text = js_sys::JsString::from(text);
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    save(&url, name);
}

fn timeline_canvas() -> Option<web_sys::HtmlCanvasElement> {
    super::dom::document()?
        .query_selector("canvas.timeline-canvas")
        .ok()??
        .dyn_into()
        .ok()
}

/// Props of [`Exports`].
#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// Whether a comparison is running.
    pub running: bool,
}

/// The export buttons.
#[component]
pub fn Exports(props: &ExportsProps) -> Html {
    let Some(controller) = use_context::<Rc<Controller>>() else {
        return html! {};
    };
    let store = controller.store().clone();
    let state = store.state();
    // In the lab, the last program's run; otherwise the comparison.
    let lab = state.params.view == View::Lab;
    let nothing = if lab {
        shown_lab_run(&state).is_none()
    } else {
        state.records.is_empty()
    };
    let disabled = props.running || nothing;
    let on_trace = {
        let store = store.clone();
        Callback::from(move |_| {
            let state = store.state();
            let trace = if lab {
                shown_lab_run(&state)
                    .and_then(|run| run.record.as_ref())
                    .map(program_trace)
            } else {
                Some(state.trace())
            };
            let text = trace
                .and_then(|t| serde_json::to_string_pretty(&t).ok())
                .unwrap_or_default();
            save_text(&text, "application/json", "threadline-trace.json");
        })
    };
    let on_svg = Callback::from(move |_| {
        let state = store.state();
        let svg = timeline_canvas().and_then(|canvas| export::svg(&state, &canvas));
        if let Some(text) = svg {
            save_text(&text, "image/svg+xml", "threadline-timeline.svg");
        }
    });
    let on_png = Callback::from(|_| {
        if let Some(url) = timeline_canvas().and_then(|canvas| canvas.to_data_url().ok()) {
            save(&url, "threadline-timeline.png");
        }
    });
    html! {
        <div class="exports" role="group" aria-label="Download">
            <button data-testid="export-trace" onclick={on_trace} {disabled}
                    title="Chrome Trace Event JSON: opens in Perfetto and chrome://tracing">{ "Trace JSON" }</button>
            <button data-testid="export-svg" onclick={on_svg} {disabled}>{ "SVG" }</button>
            <button data-testid="export-png" onclick={on_png} {disabled}>{ "PNG" }</button>
        </div>
    }
}

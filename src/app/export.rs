//! Downloads: the trace (for Perfetto), the timeline as SVG and as PNG.

use super::controller::Controller;
use super::timeline::export;
use std::rc::Rc;
use threadline_core::params::Axis;
use threadline_core::record_set::ModeRecord;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Saves `url` as a file called `name`.
fn save(url: &str, name: &str) {
    let Some(document) = super::dom::document() else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let link: web_sys::HtmlAnchorElement = link.unchecked_into();
    link.set_href(url);
    link.set_download(name);
    link.click();
}

/// Saves text as a file.
fn save_text(text: &str, mime: &str, name: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    save(&url, name);
    let _ = web_sys::Url::revoke_object_url(&url);
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
    /// The finished comparison.
    pub records: Rc<Vec<ModeRecord>>,
    /// The time axis in use.
    pub axis: Axis,
    /// Whether a comparison is running.
    pub running: bool,
}

/// The export buttons.
#[component]
pub fn Exports(props: &ExportsProps) -> Html {
    let Some(controller) = use_context::<Rc<Controller>>() else {
        return html! {};
    };
    let disabled = props.running || props.records.is_empty();
    let on_trace = Callback::from(move |_| {
        let text = serde_json::to_string_pretty(&controller.trace()).unwrap_or_default();
        save_text(&text, "application/json", "threadline-trace.json");
    });
    let on_svg = {
        let (records, axis) = (props.records.clone(), props.axis);
        Callback::from(move |_| {
            if let Some(text) =
                timeline_canvas().and_then(|canvas| export::svg(&records, axis, &canvas))
            {
                save_text(&text, "image/svg+xml", "threadline-timeline.svg");
            }
        })
    };
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

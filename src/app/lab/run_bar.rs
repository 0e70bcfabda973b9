//! Run and Cancel, the interpreter build and the switch interval.

use super::super::controller::Controller;
use super::super::controls::setter;
use std::rc::Rc;
use threadline_core::lab::{Build, interval_ms_text};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`RunBar`].
#[derive(Properties, PartialEq)]
pub struct RunBarProps {
    /// The build asked for.
    pub build: Build,
    /// The switch interval, µs.
    pub interval_us: u32,
    /// Whether a program is running.
    pub running: bool,
    /// Whether the page can run programs yet.
    pub ready: bool,
    /// Why the build asked for cannot run here, if it cannot.
    pub fallback: Option<String>,
}

/// The bar above the output.
#[component]
pub fn RunBar(props: &RunBarProps) -> Html {
    let Some(controller) = use_context::<Rc<Controller>>() else {
        return Html::default();
    };
    let on_run = {
        let controller = controller.clone();
        Callback::from(move |_| {
            let controller = controller.clone();
            spawn_local(async move {
                let _ = controller.run_program(None).await;
            });
        })
    };
    let on_cancel = {
        let controller = controller.clone();
        Callback::from(move |_| controller.cancel_program())
    };
    html! {
        <div class="run-bar" role="group" aria-label="Run the program">
            if props.running {
                <button type="button" class="primary" data-testid="py-cancel" onclick={on_cancel}>{ "Cancel" }</button>
            } else {
                <button type="button" class="primary" data-testid="py-run" onclick={on_run}
                        disabled={!props.ready} title="Ctrl+Enter in the editor">{ "Run" }</button>
            }
            <label class="field">
                <span class="field-label">{ "Interpreter" }</span>
                <select data-testid="build" onchange={setter(&controller, "build")} disabled={props.running}>
                    { for Build::ALL.iter().map(|build| html! {
                        <option value={build.id()} selected={*build == props.build}>{ build.title() }</option>
                    }) }
                </select>
            </label>
            <label class="field">
                <span class="field-label">{ "Switch interval" }</span>
                <span class="field-input">
                    <input type="number" data-testid="interval" min="0.1" max="100" step="0.1"
                           value={interval_ms_text(props.interval_us)}
                           onchange={setter(&controller, "interval")} disabled={props.running} />
                    <span class="unit">{ "ms" }</span>
                </span>
            </label>
            if let Some(why) = &props.fallback {
                <p class="run-note" role="note">{ why.clone() }</p>
            }
        </div>
    }
}

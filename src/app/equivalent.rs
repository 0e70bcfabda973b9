//! Each comparison card's Python: the program the mode stands for at the
//! settings it ran with, and a button that opens it in the lab and runs it.

use super::controller::Controller;
use std::rc::Rc;
use threadline_core::lab::code;
use threadline_core::lab::equivalent::{build_for, program_for};
use threadline_core::mode::Mode;
use threadline_core::params::Params;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`PythonEquivalent`].
#[derive(Properties, PartialEq)]
pub struct PythonEquivalentProps {
    /// The mode of the card.
    pub mode: Mode,
    /// The settings it ran with.
    pub params: Rc<Params>,
}

/// The card's Python program, folded, and "Open in the lab".
#[component]
pub fn PythonEquivalent(props: &PythonEquivalentProps) -> Html {
    let controller = use_context::<Rc<Controller>>();
    let program = program_for(props.mode, &props.params);
    let build = build_for(props.mode);
    let open = {
        let program = program.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(controller) = controller.clone() else {
                return;
            };
            controller.configure(vec![
                ("lesson".into(), String::new()),
                ("build".into(), build.id().into()),
                ("code".into(), code::encode(&program)),
                ("view".into(), "lab".into()),
            ]);
            spawn_local(async move {
                let _ = controller.run_program(None).await;
            });
        })
    };
    html! {
        <details class="python-equivalent" data-testid="python-equivalent" data-mode={props.mode.id()}>
            <summary>{ "The same in Python" }</summary>
            <pre><code>{ program }</code></pre>
            <button class="open-in-lab" data-testid="open-in-lab" onclick={open}>
                { format!("Open in the lab ({})", build.title()) }
            </button>
        </details>
    }
}

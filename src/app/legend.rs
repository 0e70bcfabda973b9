//! What the colours and patterns of the timeline mean.

use threadline_core::mode::Mode;
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The modes shown (the GIL note appears when `gil` is among them).
    pub modes: Vec<Mode>,
}

const KINDS: [(&str, &str, &str); 7] = [
    ("cpu", "computing", "solid"),
    ("io", "waiting on the network", "diagonal hatching"),
    ("wait-gil", "waiting for the GIL", "dots"),
    ("wait-lock", "waiting for a lock", "cross-hatching"),
    ("spawn", "starting a process", "vertical bars"),
    ("message", "sending or receiving a message", "dashes"),
    ("idle", "idle", "a thin line"),
];

/// The legend.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    html! {
        <div class="legend" aria-label="Legend">
            <ul class="kinds">
                { for KINDS.iter().map(|(id, words, pattern)| html! {
                    <li>
                        <span class={classes!("swatch", format!("swatch-{id}"))} aria-hidden="true"></span>
                        <span title={format!("drawn as {pattern}")}>{ *words }</span>
                    </li>
                }) }
            </ul>
            <p class="legend-note">
                { "Lane states: " }<strong>{ "new" }</strong>{ " (starting), " }
                <strong>{ "ready" }</strong>{ " (idle), " }<strong>{ "running" }</strong>{ ", " }
                <strong>{ "blocked" }</strong>{ " (I/O, a lock, a message), " }<strong>{ "done" }</strong>{ "." }
                if props.modes.contains(&Mode::Gil) {
                    { " The GIL is a model: a real lock the worker threads take turns on, \
                       handed over every 5 ms when asked for and released around I/O, as CPython's is." }
                }
            </p>
        </div>
    }
}

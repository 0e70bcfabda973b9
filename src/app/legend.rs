//! What the colours and patterns of the timeline mean.

use threadline_core::mode::Mode;
use threadline_core::record::Activity;
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The modes shown (the GIL note appears when `gil` is among them).
    pub modes: Vec<Mode>,
}

const KINDS: [(Activity, &str, &str); 7] = [
    (Activity::Cpu, "computing", "solid"),
    (Activity::Io, "waiting on the network", "diagonal hatching"),
    (Activity::WaitGil, "waiting for the GIL", "dots"),
    (Activity::WaitLock, "waiting for a lock", "cross-hatching"),
    (Activity::Spawn, "starting a process", "vertical bars"),
    (
        Activity::Message,
        "sending or receiving a message",
        "dashes",
    ),
    (Activity::Idle, "idle", "a thin line"),
];

/// Whether some mode among `modes` ever does `activity`.
fn shown(activity: Activity, modes: &[Mode]) -> bool {
    match activity {
        Activity::WaitGil => modes.contains(&Mode::Gil),
        Activity::Spawn | Activity::Message => modes.contains(&Mode::Procs),
        // No mode takes an ordinary lock yet.
        Activity::WaitLock => false,
        _ => true,
    }
}

/// The legend.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    html! {
        <div class="legend" aria-label="Legend">
            <ul class="kinds">
                { for KINDS.iter().filter(|(a, ..)| shown(*a, &props.modes)).map(|(activity, words, pattern)| html! {
                    <li>
                        <span class={classes!("swatch", format!("swatch-{}", activity.category().unwrap_or("idle")))} aria-hidden="true"></span>
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

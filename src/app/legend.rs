//! What the colours and textures of the timeline mean, drawn from the same
//! table as the timeline itself, and the choice of time axis.

use super::controller::Controller;
use super::controls::setter;
use std::rc::Rc;
use threadline_core::mode::Mode;
use threadline_core::params::Axis;
use threadline_core::style::{
    ActivityStyle, Pattern, Scheme, legend_entries, pattern_ink, program_legend_entries,
};
use threadline_core::svg::pattern_defs;
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The modes shown: the legend lists only what they can draw.
    pub modes: Vec<Mode>,
    /// The time axis in use.
    pub axis: Axis,
    /// The colour scheme in force.
    pub scheme: Scheme,
    /// For a Python program's run instead of a comparison: whether it ran
    /// under the GIL.
    #[prop_or_default]
    pub program: Option<bool>,
}

/// A small sample of an activity's bar: its colour and its texture.
fn swatch(look: &ActivityStyle, scheme: Scheme) -> Html {
    let colour = look.colour(scheme);
    let category = look.activity.category().unwrap_or("idle");
    html! {
        <svg class="swatch" width="22" height="13" viewBox="0 0 22 13" aria-hidden="true">
            if look.pattern == Pattern::ThinLine {
                <rect x="0" y="5.5" width="22" height="2" fill={colour} />
            } else {
                <rect width="22" height="13" rx="3" fill={colour} />
                if look.pattern.is_textured() {
                    <rect width="22" height="13" rx="3" fill={format!("url(#p-{category})")} />
                }
            }
        </svg>
    }
}

/// The legend and the axis choice.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let on_axis = use_context::<Rc<Controller>>()
        .map(|controller| setter(&controller, "axis"))
        .unwrap_or_default();
    let defs = Html::from_html_unchecked(pattern_defs(pattern_ink(props.scheme)).into());
    let gil = props
        .program
        .unwrap_or_else(|| props.modes.contains(&Mode::Gil));
    let entries = match props.program {
        Some(gil) => program_legend_entries(gil),
        None => legend_entries(&props.modes),
    };
    html! {
        <div class="stage-head">
            <div class="legend" aria-label="Legend">
                <svg class="pattern-defs" width="0" height="0" aria-hidden="true">{ defs }</svg>
                <ul class="kinds">
                    { for entries.into_iter().map(|look| html! {
                        <li>
                            { swatch(look, props.scheme) }
                            <span title={format!("drawn as {}", look.pattern.words())}>
                                { if props.program.is_some() { look.program_words() } else { look.words } }
                            </span>
                        </li>
                    }) }
                </ul>
                <p class="legend-note">
                    { "Lane states: " }<strong>{ "new" }</strong>{ " (starting), " }
                    <strong>{ "ready" }</strong>{ if props.program.is_some() { " (waiting for its turn), " } else { " (idle), " } }<strong>{ "running" }</strong>{ ", " }
                    <strong>{ "blocked" }</strong>{ " (I/O, a lock, a message, a sleep or a join), " }<strong>{ "done" }</strong>{ "." }
                    if props.program.is_some() {
                        { " Arrows join a start to the thread it started, a thread's end to the join that waited for it, and a message to its receiver; a coloured dot names each thread in the editor and the output; a small wedge marks each print, and a tick on the GIL track each drop request." }
                    }
                    if gil {
                        { " The GIL is CPython's mechanism on a real lock: a waiting thread asks the holder \
                           to let go after the switch interval (5 ms), the holder lets go at its next check, \
                           and any thread lets go around I/O." }
                    }
                </p>
            </div>
            if props.program.is_none() {
            <label class="axis">
                <span>{ "Time axis" }</span>
                <select data-testid="axis" onchange={on_axis}>
                    <option value="shared" selected={props.axis == Axis::Shared}>{ "shared by all modes" }</option>
                    <option value="own" selected={props.axis == Axis::Own}>{ "each mode's own" }</option>
                </select>
            </label>
            }
        </div>
    }
}

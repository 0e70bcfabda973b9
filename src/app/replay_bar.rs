//! Replay controls: play, pause, speed, scrubber, step.

use super::dom::event_value;
use super::replay::ReplayHandle;
use super::results::format_ms;
use std::rc::Rc;
use threadline_core::replay::SPEEDS;
use yew::prelude::*;

/// Props of [`ReplayBar`].
#[derive(Properties, PartialEq)]
pub struct ReplayBarProps {
    /// Whether a comparison is running (replay waits for it).
    pub running: bool,
}

fn input_value(event: &Event) -> Option<f64> {
    event_value(event).parse().ok()
}

/// The bar under the timeline.
#[component]
pub fn ReplayBar(props: &ReplayBarProps) -> Html {
    let replay = use_context::<Rc<ReplayHandle>>();
    let update = use_force_update();
    {
        let replay = replay.clone();
        use_effect_with((), move |_| {
            let subscription =
                replay.map(|r| r.subscribe(Callback::from(move |()| update.force_update())));
            move || drop(subscription)
        });
    }
    let Some(replay) = replay else {
        return html! {};
    };
    let now = replay.get();
    let end = now.end_us();
    let disabled = props.running || end <= 0.0;
    let at = now.playhead_us();
    let playing = now.is_playing();
    let act = |change: fn(&mut threadline_core::replay::Replay)| {
        let replay = replay.clone();
        Callback::from(move |_| replay.change(change))
    };
    let on_play = act(|r| r.toggle());
    let on_back = act(|r| r.step(false));
    let on_next = act(|r| r.step(true));
    let on_all = act(|r| r.show_all());
    let on_scrub = {
        let replay = replay.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = input_value(&event) {
                replay.change(|r| r.scrub(value * 1000.0));
            }
        })
    };
    let on_speed = {
        let replay = replay.clone();
        Callback::from(move |event: Event| {
            if let Some(speed) = input_value(&event) {
                replay.change(|r| r.set_speed(speed));
            }
        })
    };
    let shown = at.unwrap_or(end);
    html! {
        <div class="replay" role="group" aria-label="Replay" data-playhead-ms={at.map(|t| format!("{:.1}", t / 1000.0))}>
            <button data-testid="replay-play" onclick={on_play} {disabled}
                    aria-label={if playing { "Pause the replay" } else { "Play the run again in slow motion" }}>
                { if playing { "❚❚ Pause" } else { "▶ Replay" } }
            </button>
            <button class="icon-text" data-testid="replay-back" onclick={on_back} {disabled}
                    aria-label="Back to the previous change" title="Back to the previous change">
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M6 4h2.5v16H6zM20 4 9.5 12 20 20z" fill="currentColor"/></svg>
            </button>
            <button class="icon-text" data-testid="replay-step" onclick={on_next} {disabled}
                    aria-label="On to the next change" title="On to the next change">
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M15.5 4H18v16h-2.5zM4 4l10.5 8L4 20z" fill="currentColor"/></svg>
            </button>
            <input type="range" class="scrubber" data-testid="replay-scrubber" min="0"
                   max={format!("{:.1}", end / 1000.0)} step="0.1" value={format!("{:.1}", shown / 1000.0)}
                   oninput={on_scrub} {disabled} aria-label="Playhead"
                   aria-valuetext={format_ms(shown / 1000.0)} />
            <span class="readout" aria-hidden="true">{ format!("{} / {}", format_ms(shown / 1000.0), format_ms(end / 1000.0)) }</span>
            <label class="speed">
                <span class="visually-hidden">{ "Replay speed" }</span>
                <select data-testid="replay-speed" onchange={on_speed} {disabled}>
                    { for SPEEDS.iter().map(|&s| html! {
                        <option value={s.to_string()} selected={(s - now.speed()).abs() < 1e-9}>{ format!("{s}×") }</option>
                    }) }
                </select>
            </label>
            if at.is_some() {
                <button class="link" data-testid="replay-all" onclick={on_all}>{ "Show all" }</button>
            }
        </div>
    }
}

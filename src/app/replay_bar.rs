//! Replay controls: play, pause, speed, scrubber, step.

use super::dom::event_value;
use super::replay::ReplayHandle;
use super::results::format_ms;
use std::rc::Rc;
use threadline_core::replay::{Replay, SPEEDS};
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

/// A callback that changes the replay.
fn act(replay: &Rc<ReplayHandle>, change: fn(&mut Replay)) -> Callback<MouseEvent> {
    let replay = replay.clone();
    Callback::from(move |_| replay.change(change))
}

/// A callback that changes the replay with a number read from a control.
fn act_on_value<E: AsRef<Event> + 'static>(
    replay: &Rc<ReplayHandle>,
    change: fn(&mut Replay, f64),
) -> Callback<E> {
    let replay = replay.clone();
    Callback::from(move |event: E| {
        if let Some(value) = input_value(event.as_ref()) {
            replay.change(|r| change(r, value));
        }
    })
}

/// The two step buttons.
fn steps(replay: &Rc<ReplayHandle>, disabled: bool) -> Html {
    html! {
        <>
            <button class="icon-text" data-testid="replay-back" onclick={act(replay, |r| r.step(false))} {disabled}
                    aria-label="Back to the previous change" title="Back to the previous change">
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M6 4h2.5v16H6zM20 4 9.5 12 20 20z" fill="currentColor"/></svg>
            </button>
            <button class="icon-text" data-testid="replay-step" onclick={act(replay, |r| r.step(true))} {disabled}
                    aria-label="On to the next change" title="On to the next change">
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d="M15.5 4H18v16h-2.5zM4 4l10.5 8L4 20z" fill="currentColor"/></svg>
            </button>
        </>
    }
}

/// The speed choice.
fn speeds(replay: &Rc<ReplayHandle>, speed: f64, disabled: bool) -> Html {
    html! {
        <label class="speed">
            <span class="visually-hidden">{ "Replay speed" }</span>
            <select data-testid="replay-speed" onchange={act_on_value::<Event>(replay, Replay::set_speed)} {disabled}>
                { for SPEEDS.iter().map(|&s| html! {
                    <option value={s.to_string()} selected={(s - speed).abs() < 1e-9}>{ format!("{s}×") }</option>
                }) }
            </select>
        </label>
    }
}

/// The bar under the timeline.
#[component]
pub fn ReplayBar(props: &ReplayBarProps) -> Html {
    let replay = use_context::<Rc<ReplayHandle>>();
    let update = use_force_update();
    {
        let replay = replay.clone();
        use_effect_with((), move |_| {
            // A bar that appears with its timeline (the lab's, after a run)
            // mounts after the timeline loaded the replay: look once now.
            update.force_update();
            let subscription =
                replay.map(|r| r.subscribe(Callback::from(move |()| update.force_update())));
            move || drop(subscription)
        });
    }
    let Some(replay) = replay else {
        return html! {};
    };
    let now = replay.get();
    let (end, at, playing) = (now.end_us(), now.playhead_us(), now.is_playing());
    let disabled = props.running || end <= 0.0;
    let shown = at.unwrap_or(end);
    let scrub = act_on_value::<InputEvent>(&replay, |r, ms| r.scrub(ms * 1000.0));
    html! {
        <div class="replay" role="group" aria-label="Replay" data-playhead-ms={at.map(|t| format!("{:.1}", t / 1000.0))}>
            <button data-testid="replay-play" onclick={act(&replay, Replay::toggle)} {disabled}
                    aria-label={if playing { "Pause the replay" } else { "Play the run again in slow motion" }}>
                { if playing { "❚❚ Pause" } else { "▶ Replay" } }
            </button>
            { steps(&replay, disabled) }
            <input type="range" class="scrubber" data-testid="replay-scrubber" min="0"
                   max={format!("{:.1}", end / 1000.0)} step="0.1" value={format!("{:.1}", shown / 1000.0)}
                   oninput={scrub} {disabled} aria-label="Playhead"
                   aria-valuetext={format_ms(shown / 1000.0)} />
            <span class="readout" aria-hidden="true">{ format!("{} / {}", format_ms(shown / 1000.0), format_ms(end / 1000.0)) }</span>
            { speeds(&replay, now.speed(), disabled) }
            if at.is_some() {
                <button class="link" data-testid="replay-all" onclick={act(&replay, Replay::show_all)}>{ "Show all" }</button>
            }
        </div>
    }
}

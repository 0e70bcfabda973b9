//! What the tasks produced: the Mandelbrot picture tile by tile, or the
//! filtered thumbnails, tinted by the lane that made each piece; during a
//! replay, each piece appears when its task finished.

mod paint;
mod picture;
mod thumbs;

use super::dom::event_value;
use super::replay::ReplayHandle;
use paint::tint;
use picture::Picture;
use std::rc::Rc;
use threadline_core::mode::Mode;
use threadline_core::mode_record::ModeRecord;
use threadline_core::task::Artifact;
use thumbs::Thumbs;
use yew::prelude::*;

/// Which record the output shows, up to when, and whether tinted: what the
/// picture and the thumbnails need.
#[derive(Properties, Clone)]
pub struct RecordShown {
    /// The comparison's records.
    pub records: Rc<Vec<ModeRecord>>,
    /// The one shown.
    pub index: usize,
    /// Show only tasks finished by then (µs); everything when `None`.
    pub until_us: Option<f64>,
    /// Tint each piece by its lane.
    pub tinted: bool,
}

/// A new comparison is a new list: the records are compared by pointer.
impl PartialEq for RecordShown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.records, &other.records)
            && self.index == other.index
            && self.until_us.map(f64::to_bits) == other.until_us.map(f64::to_bits)
            && self.tinted == other.tinted
    }
}

impl RecordShown {
    /// The record shown.
    pub fn record(&self) -> Option<&ModeRecord> {
        self.records.get(self.index)
    }
}

/// The replay's playhead, as far as the output cares: it changes only when
/// the playhead passes the end of one of the record's tasks, so the output
/// re-renders a few times per replay, not every frame.
#[hook]
fn use_visible_until(records: &Rc<Vec<ModeRecord>>, index: Option<usize>) -> Option<f64> {
    let replay = use_context::<Rc<ReplayHandle>>();
    let until = use_state(|| None::<f64>);
    {
        let identity = (index, Rc::as_ptr(records) as usize);
        let (until, records) = (until.clone(), records.clone());
        use_effect_with(identity, move |_| {
            let times = index
                .and_then(|i| records.get(i))
                .map(ModeRecord::finish_times)
                .unwrap_or_default();
            let subscription = replay.map(|replay| {
                let watched = replay.clone();
                replay.subscribe(Callback::from(move |()| {
                    let at = watched.get().playhead_us();
                    let seen = |by: Option<f64>| {
                        (0..times.len() as u32)
                            .filter(|&i| ModeRecord::finished_by(&times, i, by))
                            .count()
                    };
                    if seen(at) != seen(*until) {
                        until.set(at);
                    }
                }))
            });
            move || drop(subscription)
        });
    }
    *until
}

fn produced(record: &ModeRecord, tiles: bool) -> bool {
    record
        .results
        .iter()
        .any(|r| match r.outcome.as_ref().map(|o| &o.artifact) {
            Ok(Artifact::Tile { .. }) => tiles,
            Ok(Artifact::Thumbnail(_)) => !tiles,
            _ => false,
        })
}

/// Which lane made which tint.
fn lane_key(record: &ModeRecord) -> Html {
    let mut lanes: Vec<u16> = record.results.iter().map(|r| r.lane).collect();
    lanes.sort_unstable();
    lanes.dedup();
    html! {
        <ul class="lane-key">
            { for lanes.iter().map(|&lane| html! {
                <li><span class="key-swatch" style={format!("background: {}", tint(lane))}></span>{ record.mode.lane_name(lane) }</li>
            }) }
        </ul>
    }
}

/// The output before any run produced something.
fn nothing_yet() -> Html {
    html! {
        <aside class="output empty" aria-label="What the tasks produced">
            <h2>{ "Output" }</h2>
            <p class="hint">{ "The Mandelbrot tiles or filtered pictures appear here after a run." }</p>
        </aside>
    }
}

/// Props of [`Output`].
#[derive(Properties)]
pub struct OutputProps {
    /// The finished modes.
    pub records: Rc<Vec<ModeRecord>>,
}

/// Compared by pointer: a new comparison is a new list.
impl PartialEq for OutputProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.records, &other.records)
    }
}

/// The output of one mode, with a choice of mode.
#[component]
pub fn Output(props: &OutputProps) -> Html {
    let chosen = use_state(|| None::<Mode>);
    let tinted = use_state(|| true);
    let records = &props.records;
    let with_output: Vec<usize> = (0..records.len())
        .filter(|&i| records[i].results.iter().any(|r| r.outcome.is_ok()))
        .collect();
    let index = chosen
        .and_then(|mode| {
            with_output
                .iter()
                .copied()
                .find(|&i| records[i].mode == mode)
        })
        .or(with_output.last().copied());
    let until_us = use_visible_until(records, index);
    let Some(index) = index else {
        return nothing_yet();
    };
    let record = &records[index];
    let shown = RecordShown {
        records: records.clone(),
        index,
        until_us,
        tinted: *tinted,
    };
    let (tiles, thumbs) = (produced(record, true), produced(record, false));
    let on_mode = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| chosen.set(event_value(&event).parse().ok()))
    };
    let on_tint = {
        let tinted = tinted.clone();
        Callback::from(move |_| tinted.set(!*tinted))
    };
    html! {
        <aside class="output" aria-label="What the tasks produced">
            <header>
                <h2>{ "Output" }</h2>
                <select aria-label="Show the output of" onchange={on_mode} data-testid="output-mode">
                    { for with_output.iter().map(|&i| html! {
                        <option value={records[i].mode.id()} selected={i == index}>{ records[i].mode.title() }</option>
                    }) }
                </select>
            </header>
            if tiles { <Picture ..shown.clone() /> }
            if thumbs { <Thumbs ..shown /> }
            if !tiles && !thumbs {
                <p class="hint">{ "This workload's results are numbers: see each task's line in the interval table, and the checksum." }</p>
            } else {
                <label class="toggle">
                    <input type="checkbox" checked={*tinted} onchange={on_tint} />
                    { " Tint by the lane that made it" }
                </label>
                if *tinted { { lane_key(record) } }
            }
        </aside>
    }
}

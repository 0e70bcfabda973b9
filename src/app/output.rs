//! What the tasks produced: the Mandelbrot picture tile by tile, or the
//! filtered thumbnails, tinted by the lane that made each piece; during a
//! replay, each piece appears when its task finished.

use super::dom::event_value;
use super::replay::ReplayHandle;
use std::rc::Rc;
use threadline_core::image::Image;
use threadline_core::mode::Mode;
use threadline_core::mode_record::ModeRecord;
use threadline_core::task::Artifact;
use threadline_core::workload::mandelbrot::TileGrid;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Lane tints: the Okabe–Ito hues again, so lanes stay distinguishable.
const TINTS: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000",
];

fn tint(lane: u16) -> &'static str {
    TINTS[usize::from(lane) % TINTS.len()]
}

fn context_of(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Draws `image` at (x, y), tinted with `lane`'s colour if given.
fn put(canvas: &web_sys::HtmlCanvasElement, image: &Image, x: u32, y: u32, tinted: Option<u16>) {
    let Some(context) = context_of(canvas) else {
        return;
    };
    // ImageData refuses views of shared memory (the threaded build's), so
    // the pixels are copied out first.
    let pixels = js_sys::Uint8ClampedArray::new_with_length(image.rgba.len() as u32);
    pixels.copy_from(&image.rgba);
    if let Ok(data) =
        web_sys::ImageData::new_with_js_u8_clamped_array_and_sh(&pixels, image.width, image.height)
    {
        let _ = context.put_image_data(&data, f64::from(x), f64::from(y));
    }
    if let Some(lane) = tinted {
        context.set_global_alpha(0.38);
        context.set_fill_style_str(tint(lane));
        context.fill_rect(
            f64::from(x),
            f64::from(y),
            f64::from(image.width),
            f64::from(image.height),
        );
        context.set_global_alpha(1.0);
    }
}

/// Props of [`Output`].
#[derive(Properties, PartialEq)]
pub struct OutputProps {
    /// The finished modes.
    pub records: Rc<Vec<ModeRecord>>,
}

/// The output of one mode, with a choice of mode.
#[component]
pub fn Output(props: &OutputProps) -> Html {
    let canvas = use_node_ref();
    let chosen = use_state(|| None::<Mode>);
    let tinted = use_state(|| true);
    let replay = use_context::<Rc<ReplayHandle>>();
    // Re-render when the playhead passes a task's end, not every frame.
    let visible_until = use_state(|| None::<f64>);
    let with_output: Vec<&ModeRecord> = props
        .records
        .iter()
        .filter(|r| r.results.iter().any(|x| x.outcome.is_ok()))
        .collect();
    let record = chosen
        .and_then(|mode| with_output.iter().find(|r| r.mode == mode))
        .or(with_output.last())
        .map(|r| (*r).clone());
    {
        let (replay, visible_until, record) =
            (replay.clone(), visible_until.clone(), record.clone());
        use_effect_with(
            record.as_ref().map(|r| (r.mode, r.wall_ms.to_bits())),
            move |_| {
                let subscription = replay.zip(record).map(|(replay, record)| {
                    let times = record.finish_times();
                    let r = replay.clone();
                    replay.subscribe(Callback::from(move |()| {
                        let at = r.get().playhead_us();
                        let seen = |until: Option<f64>| {
                            times
                                .iter()
                                .flatten()
                                .filter(|&&t| until.is_none_or(|u| t <= u))
                                .count()
                        };
                        if seen(at) != seen(*visible_until) {
                            visible_until.set(at);
                        }
                    }))
                });
                move || drop(subscription)
            },
        );
    }
    let finish_times = record
        .as_ref()
        .map(ModeRecord::finish_times)
        .unwrap_or_default();
    let shown = |index: u32| {
        visible_until.is_none_or(|until| {
            finish_times
                .get(index as usize)
                .copied()
                .flatten()
                .is_some_and(|t| t <= until)
        })
    };
    {
        let canvas = canvas.clone();
        let deps = (
            record.as_ref().map(|r| (r.mode, r.wall_ms.to_bits())),
            *tinted,
            visible_until.map(f64::to_bits),
        );
        let (record, tinted, finish_times, until) = (
            record.clone(),
            *tinted,
            finish_times.clone(),
            *visible_until,
        );
        use_effect_with(deps, move |_| {
            let (Some(record), Some(canvas)) =
                (record, canvas.cast::<web_sys::HtmlCanvasElement>())
            else {
                return;
            };
            let (width, height) = TileGrid::for_tasks(record.tasks).size();
            canvas.set_width(width);
            canvas.set_height(height);
            if let Some(context) = context_of(&canvas) {
                context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
            }
            for result in &record.results {
                let visible = until.is_none_or(|u| {
                    finish_times
                        .get(result.index as usize)
                        .copied()
                        .flatten()
                        .is_some_and(|t| t <= u)
                });
                if let (true, Ok(output)) = (visible, &result.outcome)
                    && let Artifact::Tile { x, y, image } = &output.artifact
                {
                    put(&canvas, image, *x, *y, tinted.then_some(result.lane));
                }
            }
        });
    }
    let Some(record) = record else {
        return html! {
            <aside class="output empty" aria-label="What the tasks produced">
                <h2>{ "Output" }</h2>
                <p class="hint">{ "The Mandelbrot tiles or filtered pictures appear here after a run." }</p>
            </aside>
        };
    };
    let tiles = record.results.iter().any(|r| {
        matches!(
            r.outcome.as_ref().map(|o| &o.artifact),
            Ok(Artifact::Tile { .. })
        )
    });
    let mut thumbs: Vec<(u32, u16, Image)> = record
        .results
        .iter()
        .filter(|r| shown(r.index))
        .filter_map(|r| match r.outcome.as_ref().ok().map(|o| &o.artifact) {
            Some(Artifact::Thumbnail(image)) => Some((r.index, r.lane, image.clone())),
            _ => None,
        })
        .collect();
    thumbs.sort_by_key(|(index, ..)| *index);
    let mut lanes: Vec<u16> = record.results.iter().map(|r| r.lane).collect();
    lanes.sort_unstable();
    lanes.dedup();
    let on_mode = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            chosen.set(event_value(&event).parse().ok());
        })
    };
    let on_tint = {
        let tinted = tinted.clone();
        Callback::from(move |_| tinted.set(!*tinted))
    };
    let summary_only = !tiles && thumbs.is_empty() && visible_until.is_none();
    html! {
        <aside class="output" aria-label="What the tasks produced">
            <header>
                <h2>{ "Output" }</h2>
                <select aria-label="Show the output of" onchange={on_mode} data-testid="output-mode">
                    { for with_output.iter().map(|r| html! {
                        <option value={r.mode.id()} selected={r.mode == record.mode}>{ r.mode.title() }</option>
                    }) }
                </select>
            </header>
            if tiles {
                <canvas ref={canvas} class="picture" data-testid="output-picture"
                        aria-label="The Mandelbrot set, assembled from the tasks' tiles" />
            }
            if !thumbs.is_empty() {
                <ul class="thumbs">
                    { for thumbs.into_iter().map(|(index, lane, image)| html! {
                        <li style={(*tinted).then(|| format!("--tint: {}", tint(lane)))} class={classes!((*tinted).then_some("tinted"))}>
                            <Thumb {index} {image} />
                        </li>
                    }) }
                </ul>
            }
            if summary_only {
                <p class="hint">{ "This workload's results are numbers: see each task's line in the interval table, and the checksum." }</p>
            }
            if tiles || !summary_only {
                <label class="toggle">
                    <input type="checkbox" checked={*tinted} onchange={on_tint} />
                    { " Tint by the lane that made it" }
                </label>
                if *tinted {
                    <ul class="lane-key">
                        { for lanes.iter().map(|&lane| html! {
                            <li><span class="key-swatch" style={format!("background: {}", tint(lane))}></span>{ record.mode.lane_name(lane) }</li>
                        }) }
                    </ul>
                }
            }
        </aside>
    }
}

/// Props of [`Thumb`].
#[derive(Properties, PartialEq)]
pub struct ThumbProps {
    /// The task.
    pub index: u32,
    /// Its picture.
    pub image: Image,
}

/// One task's thumbnail.
#[component]
pub fn Thumb(props: &ThumbProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.image.clone(), move |image| {
            if let Some(canvas) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                canvas.set_width(image.width);
                canvas.set_height(image.height);
                put(&canvas, image, 0, 0, None);
            }
        });
    }
    html! { <canvas ref={canvas} class="thumb" aria-label={format!("Task {}", props.index)} /> }
}

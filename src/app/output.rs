//! What the tasks produced: the Mandelbrot picture, tile by tile, or the
//! filtered thumbnails, optionally tinted by the lane that made each piece.

use std::rc::Rc;
use threadline_core::image::Image;
use threadline_core::record_set::ModeRecord;
use threadline_core::task::Artifact;
use threadline_core::workload::mandelbrot::TileGrid;
use wasm_bindgen::{Clamped, JsCast};
use yew::prelude::*;

/// Props of [`Output`].
#[derive(Properties, PartialEq)]
pub struct OutputProps {
    /// The finished modes.
    pub records: Rc<Vec<ModeRecord>>,
}

/// Draws `image` at (x, y) on a canvas.
fn put(canvas: &web_sys::HtmlCanvasElement, image: &Image, x: u32, y: u32) {
    let Ok(Some(context)) = canvas.get_context("2d") else {
        return;
    };
    let Ok(context) = context.dyn_into::<web_sys::CanvasRenderingContext2d>() else {
        return;
    };
    if let Ok(data) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        Clamped(&image.rgba),
        image.width,
        image.height,
    ) {
        let _ = context.put_image_data(&data, f64::from(x), f64::from(y));
    }
}

/// The output of the last mode that produced any.
#[component]
pub fn Output(props: &OutputProps) -> Html {
    let canvas = use_node_ref();
    let record = props
        .records
        .iter()
        .rev()
        .find(|r| !r.results.is_empty())
        .cloned();
    {
        let canvas = canvas.clone();
        use_effect_with(record.clone(), move |record| {
            let (Some(record), Some(canvas)) =
                (record, canvas.cast::<web_sys::HtmlCanvasElement>())
            else {
                return;
            };
            let grid = TileGrid::for_tasks(record.tasks);
            let (width, height) = grid.size();
            canvas.set_width(width);
            canvas.set_height(height);
            for result in &record.results {
                if let Ok(output) = &result.outcome
                    && let Artifact::Tile { x, y, image } = &output.artifact
                {
                    put(&canvas, image, *x, *y);
                }
            }
        });
    }
    let Some(record) = record else {
        return html! {};
    };
    let tiles = record.results.iter().any(|r| {
        matches!(
            r.outcome.as_ref().map(|o| &o.artifact),
            Ok(Artifact::Tile { .. })
        )
    });
    let mut thumbs: Vec<(u32, Image)> = record
        .results
        .iter()
        .filter_map(|r| match r.outcome.as_ref().ok().map(|o| &o.artifact) {
            Some(Artifact::Thumbnail(image)) => Some((r.index, image.clone())),
            _ => None,
        })
        .collect();
    thumbs.sort_by_key(|(index, _)| *index);
    if !tiles && thumbs.is_empty() {
        return html! {};
    }
    html! {
        <section class="output" aria-label="What the tasks produced">
            <h2>{ format!("Output of {}", record.mode.title()) }</h2>
            if tiles {
                <canvas ref={canvas} class="picture" data-testid="output-picture"
                        aria-label="The Mandelbrot set, assembled from the tasks' tiles" />
            }
            if !thumbs.is_empty() {
                <ul class="thumbs">
                    { for thumbs.into_iter().map(|(index, image)| html! { <li><Thumb {index} {image} /></li> }) }
                </ul>
            }
        </section>
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
                put(&canvas, image, 0, 0);
            }
        });
    }
    html! { <canvas ref={canvas} class="thumb" aria-label={format!("Task {}", props.index)} /> }
}

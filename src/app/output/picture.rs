//! The Mandelbrot picture, assembled on a canvas from the tasks' tiles.

use super::RecordShown;
use super::paint::{context_of, put};
use threadline_core::mode_record::ModeRecord;
use threadline_core::task::Artifact;
use threadline_core::workload::mandelbrot::TileGrid;
use yew::prelude::*;

/// The picture: every finished tile of the record shown.
#[component]
pub fn Picture(props: &RecordShown) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        let shown = props.clone();
        use_effect_with(props.clone(), move |_| {
            let (Some(record), Some(canvas)) =
                (shown.record(), canvas.cast::<web_sys::HtmlCanvasElement>())
            else {
                return;
            };
            let (width, height) = TileGrid::for_tasks(record.tasks).size();
            canvas.set_width(width);
            canvas.set_height(height);
            if let Some(context) = context_of(&canvas) {
                context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
            }
            let finish_times = record.finish_times();
            for result in &record.results {
                let visible = ModeRecord::finished_by(&finish_times, result.index, shown.until_us);
                if let (true, Ok(output)) = (visible, &result.outcome)
                    && let Artifact::Tile { x, y, image } = &output.artifact
                {
                    put(&canvas, image, *x, *y, shown.tinted.then_some(result.lane));
                }
            }
        });
    }
    html! {
        <canvas ref={canvas} class="picture" data-testid="output-picture"
                aria-label="The Mandelbrot set, assembled from the tasks' tiles" />
    }
}

//! The filtered pictures, one thumbnail per finished task.

use super::RecordShown;
use super::paint::{put, tint};
use threadline_core::image::Image;
use threadline_core::mode_record::ModeRecord;
use threadline_core::task::Artifact;
use yew::prelude::*;

/// Props of [`Thumb`].
#[derive(Properties, PartialEq)]
struct ThumbProps {
    index: u32,
    image: Image,
}

/// One task's thumbnail.
#[component]
fn Thumb(props: &ThumbProps) -> Html {
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

/// The thumbnails of the record shown, in task order.
#[component]
pub fn Thumbs(props: &RecordShown) -> Html {
    let Some(record) = props.record() else {
        return html! {};
    };
    let finish_times = record.finish_times();
    let mut thumbs: Vec<(u32, u16, &Image)> = record
        .results
        .iter()
        .filter(|r| ModeRecord::finished_by(&finish_times, r.index, props.until_us))
        .filter_map(|r| match r.outcome.as_ref().ok().map(|o| &o.artifact) {
            Some(Artifact::Thumbnail(image)) => Some((r.index, r.lane, image)),
            _ => None,
        })
        .collect();
    thumbs.sort_by_key(|(index, ..)| *index);
    html! {
        <ul class="thumbs">
            { for thumbs.into_iter().map(|(index, lane, image)| html! {
                <li style={props.tinted.then(|| format!("--tint: {}", tint(lane)))}
                    class={classes!(props.tinted.then_some("tinted"))}>
                    <Thumb {index} image={image.clone()} />
                </li>
            }) }
        </ul>
    }
}

//! The timeline as an SVG document, drawn from the same records, layout,
//! colours and textures as the canvas.

use super::painter::{fit_of, metrics};
use super::palette::Palette;
use super::source::spans_with_gil_track;
use threadline_core::lanes::shown_lanes;
use threadline_core::page::PageState;
use threadline_core::spans::Span;
use threadline_core::svg::{SvgGroup, timeline_svg};
use threadline_core::timeline::GroupInput;
use wasm_bindgen::JsCast;

/// The finished comparison as SVG text, in the page's current colours.
pub fn svg(state: &PageState, canvas: &web_sys::HtmlCanvasElement) -> Option<String> {
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let palette = Palette::read(canvas, &context, state.scheme())?;
    let width = f64::from(canvas.client_width()).max(640.0);
    let prepared: Vec<(GroupInput, Vec<Span>, String)> = state
        .records
        .iter()
        .map(|r| {
            let input =
                GroupInput::of_mode(r.mode, shown_lanes(r.mode, r.lanes), r.wall_ms * 1000.0);
            let note = match &r.unavailable {
                Some(why) => format!("unavailable: {why}"),
                None => format!("{} · {:.0} ms", r.mode.python(), r.wall_ms),
            };
            let spans = spans_with_gil_track(r.mode, &r.marks, &r.gil_marks, r.wall_ms * 1000.0);
            (input, spans, note)
        })
        .collect();
    let groups: Vec<SvgGroup<'_>> = prepared
        .iter()
        .map(|(input, spans, note)| SvgGroup { input, spans, note })
        .collect();
    let fit = fit_of(state.params.axis);
    Some(timeline_svg(
        &groups,
        &metrics(width),
        fit,
        &palette.svg_style(),
    ))
}

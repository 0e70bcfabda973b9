//! The timeline as an SVG document, drawn from the same records and layout
//! as the canvas.

use super::painter::metrics;
use super::palette::Palette;
use super::source::{lanes_of, with_gil_track};
use threadline_core::params::Axis;
use threadline_core::record_set::ModeRecord;
use threadline_core::svg::{SvgGroup, timeline_svg};
use threadline_core::timeline::{Fit, GroupInput};
use wasm_bindgen::JsCast;

/// The finished comparison as SVG text, in the page's current colours.
pub fn svg(
    records: &[ModeRecord],
    axis: Axis,
    canvas: &web_sys::HtmlCanvasElement,
) -> Option<String> {
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let palette = Palette::read(canvas, &context)?;
    let width = f64::from(canvas.client_width()).max(640.0);
    let prepared: Vec<(GroupInput, Vec<threadline_core::spans::Span>, String)> = records
        .iter()
        .map(|r| {
            let lanes = if r.mode == threadline_core::mode::Mode::Async {
                r.lanes
            } else {
                r.lanes.max(1)
            };
            let input = GroupInput {
                mode: r.mode,
                lanes: lanes_of(r.mode, lanes),
                extent_us: r.wall_ms * 1000.0,
            };
            let note = match &r.unavailable {
                Some(why) => format!("unavailable: {why}"),
                None => format!("{} · {:.0} ms", r.mode.python(), r.wall_ms),
            };
            (input, with_gil_track(r.mode, r.spans()), note)
        })
        .collect();
    let groups: Vec<SvgGroup<'_>> = prepared
        .iter()
        .map(|(input, spans, note)| SvgGroup { input, spans, note })
        .collect();
    let fit = if axis == Axis::Own {
        Fit::PerMode
    } else {
        Fit::Shared
    };
    Some(timeline_svg(
        &groups,
        &metrics(width),
        fit,
        &palette.svg_style(),
    ))
}

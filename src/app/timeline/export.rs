//! The timeline as an SVG document, drawn from the same records, layout,
//! colours and textures as the canvas: the comparison's modes, or the lab
//! program's processes with their arrows, prints and drop requests.

use super::painter::{fit_of, metrics, widest_name};
use super::palette::Palette;
use super::source::{shown_lab_run, spans_with_gil_track};
use threadline_core::lab::View;
use threadline_core::lanes::shown_lanes;
use threadline_core::page::PageState;
use threadline_core::program::{Arrow, Instant, program_groups};
use threadline_core::spans::Span;
use threadline_core::svg::{SvgGroup, timeline_svg};
use threadline_core::timeline::GroupInput;
use wasm_bindgen::JsCast;

/// One group's parts, owned until the SVG is written.
struct Prepared {
    input: GroupInput,
    spans: Vec<Span>,
    note: String,
    arrows: Vec<Arrow>,
    instants: Vec<Instant>,
}

/// The comparison's modes.
fn comparison(state: &PageState) -> Vec<Prepared> {
    state
        .records
        .iter()
        .map(|r| Prepared {
            input: GroupInput::of_mode(r.mode, shown_lanes(r.mode, r.lanes), r.wall_ms * 1000.0),
            note: match &r.unavailable {
                Some(why) => format!("unavailable: {why}"),
                None => format!("{} · {:.0} ms", r.mode.python(), r.wall_ms),
            },
            spans: spans_with_gil_track(r.mode, &r.marks, &r.gil_marks, r.wall_ms * 1000.0),
            arrows: Vec::new(),
            instants: Vec::new(),
        })
        .collect()
}

/// The lab's last program: a group per process.
fn program(state: &PageState) -> Vec<Prepared> {
    let Some(record) = shown_lab_run(state).and_then(|run| run.record.as_ref()) else {
        return Vec::new();
    };
    let (arrows, instants) = (record.arrows(), record.instants());
    program_groups(record, record.wall_ms * 1000.0)
        .into_iter()
        .map(|group| Prepared {
            arrows: arrows
                .iter()
                .filter(|a| group.input.lanes.iter().any(|(lane, _)| *lane == a.from.0))
                .copied()
                .collect(),
            instants: instants
                .iter()
                .filter(|i| i.process == group.process)
                .copied()
                .collect(),
            note: format!("pid {} · {}", group.pid, record.build),
            input: group.input,
            spans: group.spans,
        })
        .collect()
}

/// The timeline the page shows, as SVG text in the page's current colours.
pub fn svg(state: &PageState, canvas: &web_sys::HtmlCanvasElement) -> Option<String> {
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let palette = Palette::read(canvas, &context, state.scheme())?;
    let width = f64::from(canvas.client_width()).max(640.0);
    let prepared = match state.params.view {
        View::Lab => program(state),
        View::Compare => comparison(state),
    };
    let groups: Vec<SvgGroup<'_>> = prepared
        .iter()
        .map(|p| SvgGroup {
            input: &p.input,
            spans: &p.spans,
            note: &p.note,
            arrows: &p.arrows,
            instants: &p.instants,
        })
        .collect();
    let fit = fit_of(state.params.axis);
    let inputs: Vec<GroupInput> = prepared.iter().map(|p| p.input.clone()).collect();
    Some(timeline_svg(
        &groups,
        &metrics(width, widest_name(&context, &inputs)),
        fit,
        &palette.svg_style(),
    ))
}

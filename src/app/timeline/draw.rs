//! Paints the timeline on a canvas, following the core's layout.

use super::palette::Palette;
use super::source::Group;
use threadline_core::record::{Activity, Lifecycle};
use threadline_core::spans::Span;
use threadline_core::timeline::{GroupLayout, Layout, Metrics, Row, tick_label, tick_step, ticks};
use web_sys::CanvasRenderingContext2d;

/// What to draw besides the intervals.
pub struct Overlay {
    /// A task to highlight in every lane.
    pub highlight: Option<u32>,
    /// The replay position, µs; intervals after it are not drawn.
    pub playhead_us: Option<f64>,
}

fn lifecycle_word(state: Lifecycle) -> &'static str {
    match state {
        Lifecycle::New => "new",
        Lifecycle::Ready => "ready",
        Lifecycle::Running => "running",
        Lifecycle::Blocked => "blocked",
        Lifecycle::Terminated => "done",
    }
}

/// A lane's lifecycle state at `at_us`: the activity of the span that
/// covers it, or terminated after its last span.
pub fn lane_state(spans: &[Span], lane: u16, at_us: f64, live: bool) -> Option<Lifecycle> {
    let mut last_end = None;
    for span in spans.iter().filter(|s| s.lane == lane) {
        if span.start_us <= at_us && at_us < span.end_us {
            return Some(span.activity.lifecycle());
        }
        last_end = Some(last_end.map_or(span.end_us, |end: f64| end.max(span.end_us)));
    }
    match last_end? {
        end if at_us >= end && live => Some(Activity::Idle.lifecycle()),
        end if at_us >= end => Some(Lifecycle::Terminated),
        _ => Some(Lifecycle::New),
    }
}

fn label_row(
    c: &CanvasRenderingContext2d,
    p: &Palette,
    row: &Row,
    name: &str,
    state: Option<Lifecycle>,
) {
    if row.height < 9.0 {
        return;
    }
    let mid = row.y + row.height / 2.0;
    c.set_fill_style_str(&p.text);
    c.set_font("12px system-ui, sans-serif");
    c.set_text_baseline("middle");
    let _ = c.fill_text(name, 8.0, mid);
    if let (Some(state), true) = (state, row.height >= 14.0) {
        c.set_fill_style_str(&p.muted);
        c.set_font("10px system-ui, sans-serif");
        let _ = c.fill_text(lifecycle_word(state), 84.0, mid);
    }
}

fn draw_span(
    c: &CanvasRenderingContext2d,
    p: &Palette,
    group: &GroupLayout,
    row: &Row,
    span: &Span,
    overlay: &Overlay,
) {
    let end_us = overlay
        .playhead_us
        .map_or(span.end_us, |t| span.end_us.min(t));
    if end_us <= span.start_us {
        return;
    }
    let x0 = group.scale.x(span.start_us);
    let width = (group.scale.x(end_us) - x0).max(0.75);
    let (colour, pattern) = p.fill(span.activity);
    if span.activity == Activity::Idle {
        // Idle is a thin line, not a bar: nothing is happening.
        c.set_fill_style_str(colour);
        c.fill_rect(x0, row.y + row.height / 2.0 - 0.75, width, 1.5);
        return;
    }
    let inset = if row.height >= 8.0 { 2.0 } else { 0.5 };
    let (y, height) = (row.y + inset, (row.height - 2.0 * inset).max(1.0));
    c.set_fill_style_str(colour);
    c.fill_rect(x0, y, width, height);
    if let Some(pattern) = pattern {
        c.set_fill_style_canvas_pattern(pattern);
        c.fill_rect(x0, y, width, height);
    }
    if overlay.highlight.is_some() && span.task == overlay.highlight {
        c.set_stroke_style_str(&p.accent);
        c.set_line_width(2.0);
        c.stroke_rect(
            x0 + 1.0,
            y + 1.0,
            (width - 2.0).max(1.0),
            (height - 2.0).max(1.0),
        );
    }
    if let (Some(task), true) = (span.task, width >= 30.0 && height >= 12.0) {
        c.set_fill_style_str("rgba(255,255,255,0.92)");
        c.set_font("600 10px system-ui, sans-serif");
        c.set_text_baseline("middle");
        let _ = c.fill_text(&format!("t{task}"), x0 + 4.0, y + height / 2.0);
    }
}

/// The group's title row and lane labels (with each lane's state at `at_us`).
fn draw_labels(
    c: &CanvasRenderingContext2d,
    p: &Palette,
    m: &Metrics,
    laid: &GroupLayout,
    group: &Group,
    at_us: f64,
) {
    let mode = laid.mode;
    c.set_text_baseline("middle");
    c.set_fill_style_str(&p.text);
    c.set_font("600 13px system-ui, sans-serif");
    let title_y = laid.top + m.header_height / 2.0;
    let _ = c.fill_text(mode.title(), 8.0, title_y);
    c.set_fill_style_str(&p.muted);
    c.set_font("12px system-ui, sans-serif");
    let note = if let Some(why) = &group.unavailable {
        format!("unavailable: {why}")
    } else if group.waiting {
        "waiting to run…".to_string()
    } else {
        mode.python().to_string()
    };
    let _ = c.fill_text(&note, m.label_width, title_y);
    draw_lane_labels(c, p, m, laid, group, at_us);
}

fn draw_lane_labels(
    c: &CanvasRenderingContext2d,
    p: &Palette,
    m: &Metrics,
    laid: &GroupLayout,
    group: &Group,
    at_us: f64,
) {
    for (i, row) in laid.rows.iter().enumerate() {
        if i % 2 == 1 {
            c.set_fill_style_str(&p.band);
            c.fill_rect(0.0, row.y, m.label_width, row.height);
        }
        let state = lane_state(&group.spans, row.lane, at_us, group.live);
        label_row(c, p, row, &laid.mode.lane_name(row.lane), state);
    }
    if let Some(first) = laid.rows.first().filter(|r| r.height < 9.0) {
        let bottom = laid.bottom(m);
        c.set_fill_style_str(&p.muted);
        c.set_font("11px system-ui, sans-serif");
        let _ = c.fill_text(
            &format!("{} lanes", laid.rows.len()),
            8.0,
            (first.y + bottom) / 2.0,
        );
    }
}

/// Every lane's state at `at_us`, to tell when the labels need redrawing.
pub fn lane_states(laid: &GroupLayout, group: &Group, at_us: f64) -> Vec<Option<Lifecycle>> {
    laid.rows
        .iter()
        .map(|row| lane_state(&group.spans, row.lane, at_us, group.live))
        .collect()
}

/// The bars area of a group: row shading, grid, intervals, the live edge.
/// With `window` (µs), only intervals that reach into it are drawn.
fn draw_body(
    c: &CanvasRenderingContext2d,
    p: &Palette,
    m: &Metrics,
    laid: &GroupLayout,
    group: &Group,
    overlay: &Overlay,
    window: Option<(f64, f64)>,
) {
    let (Some(first), bottom) = (laid.rows.first(), laid.bottom(m)) else {
        return;
    };
    let x0 = m.label_width;
    for (i, row) in laid.rows.iter().enumerate() {
        if i % 2 == 1 {
            c.set_fill_style_str(&p.band);
            c.fill_rect(x0, row.y, m.width - x0, row.height);
        }
    }
    c.set_fill_style_str(&p.grid);
    for t in ticks(laid.scale.end_us, 8) {
        c.fill_rect(laid.scale.x(t).round(), first.y, 1.0, bottom - first.y);
    }
    for span in group.spans.iter() {
        if window.is_some_and(|(from, to)| span.end_us < from || span.start_us > to) {
            continue;
        }
        if let Some(row) = laid.rows.iter().find(|r| r.lane == span.lane) {
            draw_span(c, p, laid, row, span, overlay);
        }
    }
    if group.live {
        let x = laid.scale.x(group.input.extent_us);
        c.set_fill_style_str(&p.accent);
        c.fill_rect(x, first.y, 1.5, bottom - first.y);
    }
}

fn draw_group(
    c: &CanvasRenderingContext2d,
    p: &Palette,
    m: &Metrics,
    laid: &GroupLayout,
    group: &Group,
    overlay: &Overlay,
) {
    let at_us = overlay.playhead_us.unwrap_or(group.input.extent_us);
    draw_labels(c, p, m, laid, group, at_us);
    draw_body(c, p, m, laid, group, overlay, None);
}

fn draw_axis(c: &CanvasRenderingContext2d, p: &Palette, m: &Metrics, layout: &Layout) {
    let y = layout.height - m.axis_height / 2.0;
    let step = tick_step(layout.axis.end_us, 8);
    c.set_fill_style_str(&p.muted);
    c.set_font("11px system-ui, sans-serif");
    c.set_text_baseline("middle");
    for t in ticks(layout.axis.end_us, 8) {
        let x = layout.axis.x(t);
        c.set_text_align(if t == 0.0 { "left" } else { "center" });
        let _ = c.fill_text(&tick_label(t, step), x, y);
    }
    c.set_text_align("left");
}

/// Repaints what changed in a live group since `since_us`: the strip of
/// the bars area from there to now, and the lane labels if `labels`.
/// Chrome re-rasterises only the canvas's damaged region, so a frame costs
/// a sliver, not the whole timeline.
#[allow(clippy::too_many_arguments)]
pub fn repaint_live(
    c: &CanvasRenderingContext2d,
    palette: &Palette,
    metrics: &Metrics,
    laid: &GroupLayout,
    group: &Group,
    overlay: &Overlay,
    since_us: f64,
    labels: bool,
    scale: f64,
) {
    let _ = c.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    let Some(first) = laid.rows.first() else {
        return;
    };
    let bottom = laid.bottom(metrics);
    if labels {
        c.clear_rect(0.0, first.y, metrics.label_width, bottom - first.y);
        draw_lane_labels(c, palette, metrics, laid, group, group.input.extent_us);
    }
    let from = (laid.scale.x(since_us) - 3.0)
        .floor()
        .max(metrics.label_width);
    let to = (laid.scale.x(group.input.extent_us) + 3.0).ceil();
    if to <= from {
        return;
    }
    c.save();
    c.begin_path();
    c.rect(from, first.y, to - from, bottom - first.y);
    c.clip();
    c.clear_rect(from, first.y, to - from, bottom - first.y);
    let window = (laid.scale.us(from), laid.scale.us(to));
    draw_body(c, palette, metrics, laid, group, overlay, Some(window));
    c.restore();
}

/// Paints everything. `scale` is the device pixel ratio.
pub fn paint(
    c: &CanvasRenderingContext2d,
    palette: &Palette,
    metrics: &Metrics,
    layout: &Layout,
    groups: &[Group],
    overlay: &Overlay,
    scale: f64,
) {
    let _ = c.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    c.clear_rect(0.0, 0.0, metrics.width, layout.height);
    for (laid, group) in layout.groups.iter().zip(groups) {
        draw_group(c, palette, metrics, laid, group, overlay);
    }
    if let Some(t) = overlay.playhead_us {
        c.set_fill_style_str(&palette.accent);
        c.fill_rect(
            layout.axis.x(t),
            0.0,
            2.0,
            layout.height - metrics.axis_height,
        );
    }
    draw_axis(c, palette, metrics, layout);
}

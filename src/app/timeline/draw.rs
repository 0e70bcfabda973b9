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
    let mut own = spans.iter().filter(|s| s.lane == lane);
    let covering = own.clone().find(|s| s.start_us <= at_us && at_us < s.end_us);
    if let Some(span) = covering {
        return Some(span.activity.lifecycle());
    }
    let last_end = own.clone().map(|s| s.end_us).fold(f64::NEG_INFINITY, f64::max);
    if own.next().is_none() {
        return None;
    }
    if at_us >= last_end {
        return Some(if live { Activity::Idle.lifecycle() } else { Lifecycle::Terminated });
    }
    Some(Lifecycle::New)
}

fn label_row(c: &CanvasRenderingContext2d, p: &Palette, row: &Row, name: &str, state: Option<Lifecycle>) {
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

fn draw_span(c: &CanvasRenderingContext2d, p: &Palette, group: &GroupLayout, row: &Row, span: &Span, overlay: &Overlay) {
    let end_us = overlay.playhead_us.map_or(span.end_us, |t| span.end_us.min(t));
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
        c.stroke_rect(x0 + 1.0, y + 1.0, (width - 2.0).max(1.0), (height - 2.0).max(1.0));
    }
    if let (Some(task), true) = (span.task, width >= 30.0 && height >= 12.0) {
        c.set_fill_style_str("rgba(255,255,255,0.92)");
        c.set_font("600 10px system-ui, sans-serif");
        c.set_text_baseline("middle");
        let _ = c.fill_text(&format!("t{task}"), x0 + 4.0, y + height / 2.0);
    }
}

fn draw_group(c: &CanvasRenderingContext2d, p: &Palette, m: &Metrics, laid: &GroupLayout, group: &Group, overlay: &Overlay) {
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
    let bottom = laid.bottom(m);
    // Grid lines at the ticks.
    let step = tick_step(laid.scale.end_us, 8);
    c.set_fill_style_str(&p.grid);
    for t in ticks(laid.scale.end_us, 8) {
        let _ = step;
        c.fill_rect(laid.scale.x(t).round(), laid.top + m.header_height, 1.0, bottom - laid.top - m.header_height);
    }
    let at_us = overlay.playhead_us.unwrap_or(group.input.extent_us);
    for (i, row) in laid.rows.iter().enumerate() {
        if i % 2 == 1 {
            c.set_fill_style_str(&p.band);
            c.fill_rect(0.0, row.y, m.width, row.height);
        }
        let state = lane_state(&group.spans, row.lane, at_us, group.live);
        label_row(c, p, row, &mode.lane_name(row.lane), state);
    }
    if laid.rows.first().is_some_and(|r| r.height < 9.0) {
        c.set_fill_style_str(&p.muted);
        c.set_font("11px system-ui, sans-serif");
        let _ = c.fill_text(&format!("{} lanes", laid.rows.len()), 8.0, (laid.top + m.header_height + bottom) / 2.0);
    }
    for span in &group.spans {
        if let Some(row) = laid.rows.iter().find(|r| r.lane == span.lane) {
            draw_span(c, p, laid, row, span, overlay);
        }
    }
    if group.live {
        let x = laid.scale.x(group.input.extent_us);
        c.set_fill_style_str(&p.accent);
        c.fill_rect(x, laid.top + m.header_height, 1.5, bottom - laid.top - m.header_height);
    }
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
        c.fill_rect(layout.axis.x(t), 0.0, 2.0, layout.height - metrics.axis_height);
    }
    draw_axis(c, palette, metrics, layout);
}

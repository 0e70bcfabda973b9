//! Paints the timeline on a canvas, following the core's layout.

use super::arrows::{draw_arrows, draw_instants};
use super::palette::Palette;
use super::source::Group;
use threadline_core::lanes::lane_state;
use threadline_core::record::{Activity, Lifecycle};
use threadline_core::spans::{GIL_TRACK, Span};
use threadline_core::style::lane_hue;
use threadline_core::timeline::hit::PickKey;
use threadline_core::timeline::{GroupLayout, Layout, Metrics, Row, tick_label, tick_step, ticks};
use web_sys::CanvasRenderingContext2d as Context;

/// What every drawing call needs: the canvas, the colours, the sizes.
#[derive(Clone, Copy)]
pub struct Pen<'a> {
    /// The canvas context.
    pub c: &'a Context,
    /// The colours.
    pub p: &'a Palette,
    /// The sizes.
    pub m: &'a Metrics,
}

/// What to draw besides the intervals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overlay {
    /// A task to outline in every lane and mode.
    pub highlight: Option<u32>,
    /// The interval with keyboard focus.
    pub focus: Option<PickKey>,
    /// The replay position, µs; nothing after it is drawn.
    pub playhead_us: Option<f64>,
    /// A program's lane pointed at from the output, tinted.
    pub lane: Option<u16>,
}

/// How many time ticks fit: one per 90 px of bars, so labels never touch.
fn tick_count(m: &Metrics) -> usize {
    (((m.width - m.label_width - m.right_pad) / 90.0) as usize).clamp(2, 8)
}

/// The time a group is shown up to: the playhead, or all of it.
fn shown_until(group: &Group, overlay: &Overlay) -> f64 {
    overlay.playhead_us.unwrap_or(group.input.extent_us)
}

/// What the label column and title row show, to tell when they change.
pub fn label_state(
    laid: &GroupLayout,
    group: &Group,
    overlay: &Overlay,
) -> (usize, Vec<Option<Lifecycle>>) {
    let at = shown_until(group, overlay);
    let states = laid
        .rows
        .iter()
        .map(|row| lane_state(&group.spans, row.lane, at, group.in_progress))
        .collect();
    (group.done_by(overlay.playhead_us), states)
}

/// `name`, cut to `room` px with an ellipsis if it is wider.
fn fitted(c: &web_sys::CanvasRenderingContext2d, name: &str, room: f64) -> String {
    let width = |text: &str| c.measure_text(text).map_or(0.0, |t| t.width());
    if width(name) <= room {
        return name.to_string();
    }
    let mut chars: Vec<char> = name.chars().collect();
    while chars.len() > 1 {
        chars.pop();
        let cut: String = chars.iter().collect::<String>() + "…";
        if width(&cut) <= room {
            return cut;
        }
    }
    "…".to_string()
}

/// How far a program's lane names stand in, to leave room for the lane's
/// colour dot.
const DOT_ROOM: f64 = 10.0;

/// The font of lane names.
pub const LABEL_FONT: &str = "12px system-ui, sans-serif";

/// A label's room besides its name: the margin, the dot, and the state word.
pub const LABEL_CHROME: f64 = 8.0 + DOT_ROOM + 54.0;

fn label_row(pen: &Pen<'_>, row: &Row, name: &str, state: Option<Lifecycle>, dot: bool) {
    let Pen { c, p, m } = *pen;
    if row.height < 9.0 {
        return;
    }
    let mid = row.y + row.height / 2.0;
    let indent = if dot && row.lane != GIL_TRACK {
        c.set_fill_style_str(lane_hue(row.lane, p.scheme()));
        c.begin_path();
        let _ = c.arc(9.0, mid, 3.5, 0.0, std::f64::consts::TAU);
        c.fill();
        DOT_ROOM
    } else {
        0.0
    };
    c.set_fill_style_str(if row.lane == GIL_TRACK {
        &p.muted
    } else {
        &p.text
    });
    c.set_font(LABEL_FONT);
    c.set_text_baseline("middle");
    let shows_state = state.is_some() && row.height >= 14.0 && m.label_width >= 120.0;
    // A long name (`Thread-12 (download)`) stops short of the state word.
    let room = if shows_state {
        m.label_width - 54.0
    } else {
        m.label_width - 12.0
    } - indent;
    let _ = c.fill_text(&fitted(c, name, room), 8.0 + indent, mid);
    if let (Some(state), true) = (state, shows_state) {
        c.set_fill_style_str(&p.muted);
        c.set_font("10px system-ui, sans-serif");
        let _ = c.fill_text(state.word(), m.label_width - 46.0, mid);
    }
}

fn draw_title(pen: &Pen<'_>, laid: &GroupLayout, group: &Group, overlay: &Overlay) {
    let Pen { c, p, m } = *pen;
    c.clear_rect(0.0, laid.top, m.width, m.header_height);
    c.set_text_baseline("middle");
    c.set_fill_style_str(&p.text);
    c.set_font("600 13px system-ui, sans-serif");
    let y = laid.top + m.header_height / 2.0;
    let _ = c.fill_text(&laid.title, 8.0, y);
    let note_x = c
        .measure_text(&laid.title)
        .map_or(m.label_width, |t| m.label_width.max(8.0 + t.width() + 12.0));
    c.set_fill_style_str(&p.muted);
    c.set_font("12px system-ui, sans-serif");
    let note = if let Some(why) = &group.unavailable {
        format!("unavailable: {why}")
    } else if group.waiting {
        "waiting to run…".to_string()
    } else {
        group.note.clone()
    };
    let counter = group
        .tasks
        .filter(|_| !group.waiting && group.unavailable.is_none())
        .map(|tasks| format!("{}/{tasks} tasks done", group.done_by(overlay.playhead_us)));
    let counter_width = counter.as_ref().map_or(0.0, |text| {
        c.set_font("600 12px system-ui, sans-serif");
        c.measure_text(text).map_or(0.0, |m| m.width())
    });
    c.set_font("12px system-ui, sans-serif");
    let room = m.width - m.right_pad - counter_width - 12.0 - note_x;
    // The note gives way on narrow screens; the cards repeat it.
    if c.measure_text(&note).is_ok_and(|t| t.width() <= room) {
        let _ = c.fill_text(&note, note_x, y);
    }
    if let Some(counter) = counter {
        c.set_text_align("right");
        c.set_font("600 12px system-ui, sans-serif");
        let _ = c.fill_text(&counter, m.width - m.right_pad, y);
        c.set_text_align("left");
    }
}

fn draw_lane_labels(pen: &Pen<'_>, laid: &GroupLayout, group: &Group, overlay: &Overlay) {
    let Pen { c, p, m } = *pen;
    let at = shown_until(group, overlay);
    for (i, row) in laid.rows.iter().enumerate() {
        if i % 2 == 1 {
            c.set_fill_style_str(&p.band);
            c.fill_rect(0.0, row.y, m.label_width, row.height);
        }
        let state = (row.lane != GIL_TRACK)
            .then(|| lane_state(&group.spans, row.lane, at, group.in_progress))
            .flatten();
        if group.program && overlay.lane == Some(row.lane) {
            c.set_fill_style_str(&p.pointed);
            c.fill_rect(0.0, row.y, m.label_width, row.height);
        }
        label_row(pen, row, &row.name, state, group.program);
    }
    let thin: Vec<&Row> = laid.rows.iter().filter(|r| r.height < 9.0).collect();
    if let (Some(first), Some(last)) = (thin.first(), thin.last()) {
        c.set_fill_style_str(&p.muted);
        c.set_font("11px system-ui, sans-serif");
        let _ = c.fill_text(
            &format!("{} task lanes", thin.len()),
            8.0,
            (first.y + last.y + last.height) / 2.0,
        );
    }
}

/// Where an interval's bar goes, px.
struct Bar {
    x: f64,
    width: f64,
    y: f64,
    height: f64,
}

/// Who holds the GIL: alternating tones per holder, labelled with the
/// holder's lane name (`w1` for a comparison's `worker-1`, a program's
/// thread name as far as it fits).
fn draw_holder(c: &Context, p: &Palette, bar: &Bar, holder: u32, name: &str) {
    c.set_fill_style_str(if holder.is_multiple_of(2) {
        &p.holder_a
    } else {
        &p.holder_b
    });
    c.fill_rect(bar.x, bar.y, bar.width, bar.height);
    if bar.width >= 26.0 {
        c.set_fill_style_str(&p.on_fill);
        c.set_font("600 10px system-ui, sans-serif");
        let short = name
            .strip_prefix("worker-")
            .map_or_else(|| name.to_string(), |n| format!("w{n}"));
        let _ = c.fill_text(
            &fitted(c, &short, bar.width - 8.0),
            bar.x + 4.0,
            bar.y + bar.height / 2.0,
        );
    }
}

/// An activity's bar: its colour and texture, and its task's number where
/// there is room. Idle is a thin line, not a bar: nothing is happening.
fn draw_activity(c: &Context, p: &Palette, bar: &Bar, row: &Row, span: &Span) {
    let (colour, pattern) = p.fill(span.activity);
    c.set_fill_style_str(colour);
    if span.activity == Activity::Idle {
        c.fill_rect(bar.x, row.y + row.height / 2.0 - 0.75, bar.width, 1.5);
        return;
    }
    c.fill_rect(bar.x, bar.y, bar.width, bar.height);
    if let Some(pattern) = pattern {
        c.set_fill_style_canvas_pattern(pattern);
        c.fill_rect(bar.x, bar.y, bar.width, bar.height);
    }
    if let (Some(task), true) = (span.task, bar.width >= 30.0 && bar.height >= 12.0) {
        c.set_fill_style_str(&p.on_fill);
        c.set_font("600 10px system-ui, sans-serif");
        c.set_text_baseline("middle");
        let _ = c.fill_text(&format!("t{task}"), bar.x + 4.0, bar.y + bar.height / 2.0);
    }
}

fn draw_span(
    c: &Context,
    p: &Palette,
    laid: &GroupLayout,
    row: &Row,
    span: &Span,
    overlay: &Overlay,
    focused: bool,
) {
    let end_us = overlay
        .playhead_us
        .map_or(span.end_us, |t| span.end_us.min(t));
    if end_us <= span.start_us {
        return;
    }
    let x = laid.scale.x(span.start_us);
    let inset = if row.height >= 8.0 { 2.0 } else { 0.5 };
    let bar = Bar {
        x,
        width: (laid.scale.x(end_us) - x).max(0.75),
        y: row.y + inset,
        height: (row.height - 2.0 * inset).max(1.0),
    };
    if row.lane == GIL_TRACK {
        let holder = span.task.unwrap_or(0);
        let name = laid.lane_name(u16::try_from(holder).unwrap_or(u16::MAX));
        draw_holder(c, p, &bar, holder, &name);
        return;
    }
    draw_activity(c, p, &bar, row, span);
    let highlighted = overlay.highlight.is_some()
        && span.task == overlay.highlight
        && span.activity != Activity::Idle;
    if highlighted || focused {
        c.set_stroke_style_str(if focused { &p.text } else { &p.accent });
        c.set_line_width(2.0);
        c.stroke_rect(
            bar.x + 1.0,
            bar.y + 1.0,
            (bar.width - 2.0).max(1.0),
            (bar.height - 2.0).max(1.0),
        );
    }
}

/// The bars area of a group: row shading, grid, intervals, the live edge
/// and the playhead. With `window` (µs), only intervals reaching into it.
fn draw_body(
    pen: &Pen<'_>,
    index: usize,
    laid: &GroupLayout,
    group: &Group,
    overlay: &Overlay,
    window: Option<(f64, f64)>,
) {
    let Pen { c, p, m } = *pen;
    let (Some(first), bottom) = (laid.rows.first(), laid.bottom(m)) else {
        return;
    };
    let x0 = m.label_width;
    for (i, row) in laid.rows.iter().enumerate() {
        if group.program && overlay.lane == Some(row.lane) {
            c.set_fill_style_str(&p.pointed);
            c.fill_rect(x0, row.y, m.width - x0, row.height);
        } else if i % 2 == 1 {
            c.set_fill_style_str(&p.band);
            c.fill_rect(x0, row.y, m.width - x0, row.height);
        }
    }
    c.set_fill_style_str(&p.grid);
    for t in ticks(laid.scale.end_us, tick_count(m)) {
        c.fill_rect(laid.scale.x(t).round(), first.y, 1.0, bottom - first.y);
    }
    for span in group.spans.iter() {
        if window.is_some_and(|(from, to)| span.end_us < from || span.start_us > to) {
            continue;
        }
        if let Some(row) = laid.rows.iter().find(|r| r.lane == span.lane) {
            let focused = overlay.focus == Some((index, span.lane, span.start_us));
            draw_span(c, p, laid, row, span, overlay, focused);
        }
    }
    draw_instants(pen, laid, group, overlay);
    let edge = if group.in_progress {
        Some(group.input.extent_us)
    } else {
        overlay.playhead_us.filter(|_| !group.waiting)
    };
    if let Some(t) = edge {
        c.set_fill_style_str(&p.accent);
        c.fill_rect(
            laid.scale.x(t.min(group.input.extent_us.max(t))),
            first.y,
            1.5,
            bottom - first.y,
        );
    }
}

fn draw_axis(pen: &Pen<'_>, layout: &Layout) {
    let Pen { c, p, m } = *pen;
    let y = layout.height - m.axis_height / 2.0;
    c.clear_rect(0.0, layout.height - m.axis_height, m.width, m.axis_height);
    let step = tick_step(layout.axis.end_us, tick_count(m));
    c.set_fill_style_str(&p.muted);
    c.set_font("11px system-ui, sans-serif");
    c.set_text_baseline("middle");
    for t in ticks(layout.axis.end_us, tick_count(m)) {
        c.set_text_align(if t == 0.0 { "left" } else { "center" });
        let _ = c.fill_text(&tick_label(t, step), layout.axis.x(t), y);
    }
    c.set_text_align("left");
}

/// Paints everything.
pub fn paint(pen: &Pen<'_>, layout: &Layout, groups: &[Group], overlay: &Overlay, scale: f64) {
    let Pen { c, m, .. } = *pen;
    let _ = c.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    c.clear_rect(0.0, 0.0, m.width, layout.height);
    for (index, (laid, group)) in layout.groups.iter().zip(groups).enumerate() {
        draw_title(pen, laid, group, overlay);
        draw_lane_labels(pen, laid, group, overlay);
        draw_body(pen, index, laid, group, overlay, None);
    }
    draw_arrows(pen, layout, groups, overlay);
    draw_axis(pen, layout);
}

/// What changed in one group since the last frame.
pub struct Dirty {
    /// Which group.
    pub index: usize,
    /// Repaint the bars from this time on (µs).
    pub since_us: f64,
    /// Up to this time (µs).
    pub until_us: f64,
    /// Repaint its title row and lane labels too.
    pub labels: bool,
}

/// Repaints only what changed: a strip of each dirty group's bars (under a
/// clip), and its labels if they changed. Chrome re-rasterises only a
/// canvas's damaged region, so such a frame costs a sliver, not the whole
/// timeline.
pub fn repaint(
    pen: &Pen<'_>,
    layout: &Layout,
    groups: &[Group],
    overlay: &Overlay,
    dirty: &[Dirty],
    scale: f64,
) {
    let Pen { c, m, .. } = *pen;
    let _ = c.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    for d in dirty {
        let (laid, group) = (&layout.groups[d.index], &groups[d.index]);
        let Some(first) = laid.rows.first() else {
            continue;
        };
        let bottom = laid.bottom(m);
        if d.labels {
            draw_title(pen, laid, group, overlay);
            c.clear_rect(0.0, first.y, m.label_width, bottom - first.y);
            draw_lane_labels(pen, laid, group, overlay);
        }
        let from = (laid.scale.x(d.since_us) - 3.0).floor().max(m.label_width);
        let to = (laid.scale.x(d.until_us) + 3.0).ceil();
        if to <= from {
            continue;
        }
        c.save();
        c.begin_path();
        c.rect(from, first.y, to - from, bottom - first.y);
        c.clip();
        c.clear_rect(from, first.y, to - from, bottom - first.y);
        draw_body(
            pen,
            d.index,
            laid,
            group,
            overlay,
            Some((laid.scale.us(from), laid.scale.us(to))),
        );
        // Under the same clip: the arrows' part in the strip, drawn once.
        draw_arrows(pen, layout, groups, overlay);
        c.restore();
    }
}

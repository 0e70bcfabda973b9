//! What a program's timeline draws over its bars: arrows between lanes (a
//! thread started, a join returned, work submitted, a message or result
//! crossed), each from where its flow left a lane to where it arrived once
//! the playhead has reached its arrival; and instants on a lane: a tick for
//! each `print`, and on the GIL track each drop request.

use super::draw::{Overlay, Pen};
use super::source::Group;
use threadline_core::program::{InstantKind, arrow_opacity};
use threadline_core::timeline::{GroupLayout, Layout};

/// Lanes thinner than this carry no arrow: there is no room to aim at.
const MIN_ROW: f64 = 9.0;

/// Where `lane` is at `at_us` on the canvas, if a program's group shows it.
fn point(layout: &Layout, groups: &[Group], (lane, at_us): (u16, f64)) -> Option<(f64, f64)> {
    layout
        .groups
        .iter()
        .zip(groups)
        .filter(|(_, group)| group.program)
        .find_map(|(laid, _)| {
            let row = laid.rows.iter().find(|r| r.lane == lane)?;
            (row.height >= MIN_ROW).then(|| (laid.scale.x(at_us), row.y + row.height / 2.0))
        })
}

/// Draws every arrow that has arrived by the playhead.
pub fn draw_arrows(pen: &Pen<'_>, layout: &Layout, groups: &[Group], overlay: &Overlay) {
    let Pen { c, p, .. } = *pen;
    c.set_stroke_style_str(&p.text);
    c.set_fill_style_str(&p.text);
    c.set_line_width(1.25);
    let count = groups.iter().map(|g| g.arrows.len()).sum();
    c.set_global_alpha(arrow_opacity(count));
    for arrow in groups.iter().flat_map(|g| g.arrows.iter()) {
        if overlay.playhead_us.is_some_and(|t| arrow.to.1 > t) {
            continue;
        }
        let (Some((x1, y1)), Some((x2, y2))) = (
            point(layout, groups, arrow.from),
            point(layout, groups, arrow.to),
        ) else {
            continue;
        };
        if (y1 - y2).abs() < 1.0 {
            continue;
        }
        c.begin_path();
        let _ = c.arc(x1, y1, 2.0, 0.0, std::f64::consts::TAU);
        c.fill();
        // The line stops at the head's base; the head points along it.
        let (dx, dy) = (x2 - x1, y2 - y1);
        let length = dx.hypot(dy).max(1.0);
        let (ux, uy) = (dx / length, dy / length);
        let head = 5.0_f64.min(length / 2.0);
        c.begin_path();
        c.move_to(x1, y1);
        c.line_to(x2 - ux * head, y2 - uy * head);
        c.stroke();
        c.begin_path();
        c.move_to(x2, y2);
        c.line_to(
            x2 - ux * head - uy * head * 0.6,
            y2 - uy * head + ux * head * 0.6,
        );
        c.line_to(
            x2 - ux * head + uy * head * 0.6,
            y2 - uy * head - ux * head * 0.6,
        );
        c.close_path();
        c.fill();
    }
    c.set_global_alpha(1.0);
}

/// Draws a group's prints (a small wedge at the top of the lane) and GIL
/// drop requests (a tick rising from the bottom of the GIL track), up to
/// the playhead.
pub fn draw_instants(pen: &Pen<'_>, laid: &GroupLayout, group: &Group, overlay: &Overlay) {
    let Pen { c, p, .. } = *pen;
    for instant in group.instants.iter() {
        if overlay.playhead_us.is_some_and(|t| instant.at_us > t) {
            continue;
        }
        let Some(row) = laid.rows.iter().find(|r| r.lane == instant.lane) else {
            continue;
        };
        if row.height < MIN_ROW {
            continue;
        }
        let x = laid.scale.x(instant.at_us);
        c.begin_path();
        match instant.kind {
            InstantKind::Print => {
                c.set_fill_style_str(&p.text);
                c.move_to(x - 3.0, row.y);
                c.line_to(x + 3.0, row.y);
                c.line_to(x, row.y + 4.0);
                c.close_path();
                c.fill();
            }
            InstantKind::DropRequest => {
                c.set_fill_style_str(&p.accent);
                let bottom = row.y + row.height;
                c.fill_rect(x - 0.5, bottom - row.height * 0.45, 1.5, row.height * 0.45);
            }
        }
    }
}

//! What a program's exported timeline draws over its bars, as the canvas
//! does: an arrow for each flow between lanes (a start, a join, a
//! submission, a message), a wedge for each `print` and a tick on the GIL
//! track for each drop request.

use crate::program::{Arrow, Instant, InstantKind};
use crate::svg::escape;
use crate::timeline::GroupLayout;
use std::fmt::Write;

/// Lanes thinner than this carry no mark: there is no room to aim at.
const MIN_ROW: f64 = 9.0;

/// Where `lane` is at `at_us`, in whichever group shows it.
fn point(groups: &[&GroupLayout], (lane, at_us): (u16, f64)) -> Option<(f64, f64)> {
    groups.iter().find_map(|laid| {
        let row = laid.rows.iter().find(|r| r.lane == lane)?;
        (row.height >= MIN_ROW).then(|| (laid.scale.x(at_us), row.y + row.height / 2.0))
    })
}

/// Every arrow whose both ends the program's groups show, in `ink`.
pub fn arrows(out: &mut String, groups: &[&GroupLayout], arrows: &[Arrow], ink: &str) {
    let ink = escape(ink);
    let opacity = crate::program::arrow_opacity(arrows.len());
    for arrow in arrows {
        let (Some((x1, y1)), Some((x2, y2))) = (point(groups, arrow.from), point(groups, arrow.to))
        else {
            continue;
        };
        if (y1 - y2).abs() < 1.0 {
            continue;
        }
        let (dx, dy) = (x2 - x1, y2 - y1);
        let length = dx.hypot(dy).max(1.0);
        let (ux, uy) = (dx / length, dy / length);
        let head = 5.0_f64.min(length / 2.0);
        let (bx, by) = (x2 - ux * head, y2 - uy * head);
        let _ = write!(
            out,
            "<g class=\"arrow\" data-kind=\"{:?}\" fill=\"{ink}\" stroke=\"{ink}\" \
opacity=\"{opacity:.2}\">\
<circle cx=\"{x1:.1}\" cy=\"{y1:.1}\" r=\"2\" stroke=\"none\"/>\
<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{bx:.1}\" y2=\"{by:.1}\" stroke-width=\"1.25\"/>\
<polygon points=\"{x2:.1},{y2:.1} {:.1},{:.1} {:.1},{:.1}\" stroke=\"none\"/></g>",
            arrow.kind,
            bx - uy * head * 0.6,
            by + ux * head * 0.6,
            bx + uy * head * 0.6,
            by - ux * head * 0.6,
        );
    }
}

/// A group's prints and drop requests.
pub fn instants(
    out: &mut String,
    laid: &GroupLayout,
    instants: &[Instant],
    ink: &str,
    accent: &str,
) {
    for instant in instants {
        let Some(row) = laid.rows.iter().find(|r| r.lane == instant.lane) else {
            continue;
        };
        if row.height < MIN_ROW {
            continue;
        }
        let x = laid.scale.x(instant.at_us);
        let _ = match instant.kind {
            InstantKind::Print => write!(
                out,
                "<polygon class=\"print\" points=\"{:.1},{:.1} {:.1},{:.1} {x:.1},{:.1}\" fill=\"{}\"/>",
                x - 3.0,
                row.y,
                x + 3.0,
                row.y,
                row.y + 4.0,
                escape(ink)
            ),
            InstantKind::DropRequest => write!(
                out,
                "<rect class=\"drop-request\" x=\"{:.1}\" y=\"{:.1}\" width=\"1.5\" height=\"{:.1}\" fill=\"{}\"/>",
                x - 0.5,
                row.y + row.height * 0.55,
                row.height * 0.45,
                escape(accent)
            ),
        };
    }
}

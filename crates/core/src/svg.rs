//! The timeline as a standalone SVG file, following the same layout as
//! the page's canvas.

use crate::record::Activity;
use crate::spans::Span;
use crate::style::{DOT, Pattern, STROKE, STYLES, Scheme, TILE, pattern_ink, style_of};
use crate::timeline::{
    Fit, GroupInput, GroupLayout, Metrics, layout, tick_label, tick_step, ticks,
};
use std::fmt::Write;

/// The page's colours for the export: the activities' come from
/// [`crate::style`], in this scheme.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgStyle {
    /// Light or dark.
    pub scheme: Scheme,
    /// Page background.
    pub background: String,
    /// Text.
    pub text: String,
    /// Secondary text.
    pub muted: String,
    /// Grid lines.
    pub grid: String,
    /// A program's GIL drop requests.
    pub accent: String,
}

/// One mode's lanes and intervals.
pub struct SvgGroup<'a> {
    /// Lanes and extent.
    pub input: &'a GroupInput,
    /// Intervals.
    pub spans: &'a [Span],
    /// The line under the title.
    pub note: &'a str,
    /// A program's flows that leave this group's lanes (none for a mode).
    pub arrows: &'a [crate::program::Arrow],
    /// A program's prints and drop requests in this group.
    pub instants: &'a [crate::program::Instant],
}

/// Escapes text for an SVG element or attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn pattern_id(activity: Activity) -> String {
    format!("p-{}", activity.category().unwrap_or("idle"))
}

/// One `<pattern>` per textured activity, drawn from the same shapes as the
/// canvas's tiles.
pub fn pattern_defs(ink: &str) -> String {
    let ink = escape(ink);
    let mut out = String::from("<defs>");
    for style in STYLES.iter().filter(|s| s.pattern.is_textured()) {
        let _ = write!(
            out,
            "<pattern id=\"{}\" width=\"{TILE}\" height=\"{TILE}\" patternUnits=\"userSpaceOnUse\">",
            pattern_id(style.activity)
        );
        let strokes = style.pattern.strokes();
        if !strokes.is_empty() {
            let path: String = strokes
                .iter()
                .map(|((x1, y1), (x2, y2))| format!("M{x1},{y1} L{x2},{y2} "))
                .collect();
            let _ = write!(
                out,
                "<path d=\"{}\" stroke=\"{ink}\" stroke-width=\"{STROKE}\"/>",
                path.trim_end()
            );
        }
        for (x, y) in style.pattern.dots() {
            let _ = write!(
                out,
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"{DOT}\" fill=\"{ink}\"/>"
            );
        }
        out.push_str("</pattern>");
    }
    out.push_str("</defs>");
    out
}

fn span_title(span: &Span) -> String {
    format!(
        "{}{} · {:.1} ms from {:.1} ms",
        span.activity.category().unwrap_or("idle"),
        span.task
            .map(|t| format!(" · task {t}"))
            .unwrap_or_default(),
        span.duration_us() / 1000.0,
        span.start_us / 1000.0
    )
}

/// Where a bar goes, px.
struct Bar {
    x: f64,
    width: f64,
    y: f64,
    height: f64,
}

fn span_rect(out: &mut String, scheme: Scheme, bar: &Bar, span: &Span) {
    let look = style_of(span.activity);
    let fill = escape(look.colour(scheme));
    let title = escape(&span_title(span));
    let Bar {
        x,
        width,
        y,
        height,
    } = *bar;
    if look.pattern == Pattern::ThinLine {
        let _ = write!(
            out,
            "<rect x=\"{x:.2}\" y=\"{:.2}\" width=\"{width:.2}\" height=\"1.5\" fill=\"{fill}\"><title>{title}</title></rect>",
            y + height / 2.0 - 0.75
        );
        return;
    }
    let _ = write!(
        out,
        "<g><title>{title}</title><rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{width:.2}\" height=\"{height:.2}\" fill=\"{fill}\"/>"
    );
    if look.pattern.is_textured() {
        let _ = write!(
            out,
            "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{width:.2}\" height=\"{height:.2}\" fill=\"url(#{})\"/>",
            pattern_id(span.activity)
        );
    }
    out.push_str("</g>");
}

/// One group: its title and note, grid, lane names and bars.
fn svg_group(
    out: &mut String,
    group: &GroupLayout,
    data: &SvgGroup<'_>,
    metrics: &Metrics,
    style: &SvgStyle,
) {
    let title_y = group.top + metrics.header_height / 2.0 + 4.0;
    let _ = write!(
        out,
        "<text x=\"8\" y=\"{title_y:.1}\" font-size=\"13\" font-weight=\"600\" fill=\"{}\">{}</text>\
<text x=\"{:.1}\" y=\"{title_y:.1}\" font-size=\"12\" fill=\"{}\">{}</text>",
        escape(&style.text),
        escape(&group.title),
        metrics.label_width,
        escape(&style.muted),
        escape(data.note)
    );
    let (first, bottom) = (group.top + metrics.header_height, group.bottom(metrics));
    for t in ticks(group.scale.end_us, 8) {
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{first:.1}\" width=\"1\" height=\"{:.1}\" fill=\"{}\"/>",
            group.scale.x(t).round(),
            bottom - first,
            escape(&style.grid)
        );
    }
    for row in &group.rows {
        if row.height >= 9.0 {
            let _ = write!(
                out,
                "<text x=\"8\" y=\"{:.1}\" font-size=\"12\" fill=\"{}\">{}</text>",
                row.y + row.height / 2.0 + 4.0,
                escape(&style.text),
                escape(&row.name)
            );
        }
        let inset = if row.height >= 8.0 { 2.0 } else { 0.5 };
        for span in data.spans.iter().filter(|s| s.lane == row.lane) {
            let x = group.scale.x(span.start_us);
            let bar = Bar {
                x,
                width: (group.scale.x(span.end_us) - x).max(0.75),
                y: row.y + inset,
                height: (row.height - 2.0 * inset).max(1.0),
            };
            span_rect(out, style.scheme, &bar, span);
        }
    }
}

/// The whole timeline as an SVG document.
pub fn timeline_svg(
    groups: &[SvgGroup<'_>],
    metrics: &Metrics,
    fit: Fit,
    style: &SvgStyle,
) -> String {
    let inputs: Vec<GroupInput> = groups.iter().map(|g| g.input.clone()).collect();
    let laid = layout(&inputs, metrics, fit, None);
    let (width, height) = (metrics.width, laid.height);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"system-ui, sans-serif\">\
<title>Threadline timeline</title>{}<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>",
        pattern_defs(pattern_ink(style.scheme)),
        escape(&style.background)
    );
    for (group, data) in laid.groups.iter().zip(groups) {
        svg_group(&mut out, group, data, metrics, style);
        crate::svg_marks::instants(&mut out, group, data.instants, &style.text, &style.accent);
    }
    let shown: Vec<&GroupLayout> = laid.groups.iter().collect();
    for data in groups {
        crate::svg_marks::arrows(&mut out, &shown, data.arrows, &style.text);
    }
    let step = tick_step(laid.axis.end_us, 8);
    for t in ticks(laid.axis.end_us, 8) {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"{}\" fill=\"{}\">{}</text>",
            laid.axis.x(t),
            height - metrics.axis_height / 2.0 + 4.0,
            if t == 0.0 { "start" } else { "middle" },
            escape(&style.muted),
            escape(&tick_label(t, step))
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mode::Mode;

    const METRICS: Metrics = Metrics {
        width: 600.0,
        label_width: 100.0,
        header_height: 24.0,
        lane_height: 18.0,
        min_lane_height: 3.0,
        max_group_height: 200.0,
        group_gap: 10.0,
        axis_height: 20.0,
        right_pad: 10.0,
    };

    fn style() -> SvgStyle {
        SvgStyle {
            scheme: Scheme::Light,
            background: "#fff".into(),
            text: "#111".into(),
            muted: "#666".into(),
            grid: "#eee\"><script>".into(),
            accent: "#40c".into(),
        }
    }

    #[test]
    fn every_interval_becomes_a_titled_rect() {
        let input = GroupInput::of_mode(Mode::Threads, vec![0, 1], 10_000.0);
        let spans = [
            Span {
                lane: 0,
                start_us: 0.0,
                end_us: 6_000.0,
                activity: Activity::Cpu,
                task: Some(3),
                closed_at_end: false,
                note: 0,
                line: 0,
            },
            Span {
                lane: 1,
                start_us: 1_000.0,
                end_us: 9_000.0,
                activity: Activity::Io,
                task: Some(4),
                closed_at_end: false,
                note: 0,
                line: 0,
            },
        ];
        let svg = timeline_svg(
            &[SvgGroup {
                input: &input,
                spans: &spans,
                note: "a <pool>",
                arrows: &[],
                instants: &[],
            }],
            &METRICS,
            Fit::Shared,
            &style(),
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("cpu · task 3 · 6.0 ms from 0.0 ms"));
        assert!(
            svg.contains("fill=\"url(#p-io)\""),
            "I/O has its pattern, not colour alone"
        );
        assert!(svg.contains("a &lt;pool&gt;"), "text is escaped");
        assert!(!svg.contains("<script>"), "and so are attributes");
        assert!(
            svg.contains("fill=\"#0072b2\""),
            "the light scheme's colour for computing"
        );
        assert!(svg.contains(">worker-2<"));
        assert_eq!(svg.matches("<g><title>").count(), 2);
    }

    #[test]
    fn a_program_s_flows_prints_and_drop_requests_are_drawn_over_its_bars() {
        use crate::program::{Arrow, Instant, InstantKind};
        use crate::record::EventKind;
        let input = GroupInput::of_mode(Mode::Threads, vec![0, 1], 10_000.0);
        let arrows = [
            Arrow {
                kind: EventKind::Start,
                from: (0, 1_000.0),
                to: (1, 2_000.0),
            },
            // To a lane no group shows: left out.
            Arrow {
                kind: EventKind::Send,
                from: (1, 3_000.0),
                to: (9, 4_000.0),
            },
        ];
        let instants = [
            Instant {
                process: 0,
                lane: 1,
                at_us: 3_000.0,
                kind: InstantKind::Print,
            },
            Instant {
                process: 0,
                lane: 0,
                at_us: 5_000.0,
                kind: InstantKind::DropRequest,
            },
        ];
        let svg = timeline_svg(
            &[SvgGroup {
                input: &input,
                spans: &[],
                note: "",
                arrows: &arrows,
                instants: &instants,
            }],
            &METRICS,
            Fit::Shared,
            &style(),
        );
        assert_eq!(svg.matches("class=\"arrow\"").count(), 1, "{svg}");
        assert!(svg.contains("data-kind=\"Start\""));
        assert_eq!(svg.matches("class=\"print\"").count(), 1);
        assert!(svg.contains("class=\"drop-request\"") && svg.contains("fill=\"#40c\""));
    }
}

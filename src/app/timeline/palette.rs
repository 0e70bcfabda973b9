//! Colours and fill patterns of the activities, read from the theme's CSS
//! custom properties so that the canvas follows light and dark themes.
//!
//! Every activity also has its own pattern or shape, so that no reader
//! depends on colour alone.

use threadline_core::record::Activity;
use wasm_bindgen::JsCast;
use web_sys::{CanvasPattern, CanvasRenderingContext2d, HtmlCanvasElement};

/// The activities in legend order.
pub const ACTIVITIES: [Activity; 7] = [
    Activity::Cpu,
    Activity::Io,
    Activity::WaitGil,
    Activity::WaitLock,
    Activity::Spawn,
    Activity::Message,
    Activity::Idle,
];

/// The theme's colours and the activities' patterns.
pub struct Palette {
    fills: Vec<(Activity, String, Option<CanvasPattern>)>,
    /// Text colour.
    pub text: String,
    /// Secondary text colour.
    pub muted: String,
    /// Grid lines.
    pub grid: String,
    /// Row shading.
    pub band: String,
    /// Highlight outline and the playhead.
    pub accent: String,
    /// Text on a coloured bar.
    pub on_fill: String,
    /// GIL holder tones, alternating by holder.
    pub holder_a: String,
    /// The other tone.
    pub holder_b: String,
    /// Page surface, for exports.
    pub surface: String,
    /// Pattern strokes.
    pub ink: String,
}

fn css_var(style: &web_sys::CssStyleDeclaration, name: &str, fallback: &str) -> String {
    let value = style.get_property_value(name).unwrap_or_default();
    let value = value.trim();
    if value.is_empty() {
        fallback.to_string()
    } else {
        value.to_string()
    }
}

/// A small tile with the activity's texture, drawn in `ink`.
fn pattern(
    context: &CanvasRenderingContext2d,
    activity: Activity,
    ink: &str,
) -> Option<CanvasPattern> {
    let document = web_sys::window()?.document()?;
    let tile: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    tile.set_width(8);
    tile.set_height(8);
    let pen: CanvasRenderingContext2d = tile.get_context("2d").ok()??.dyn_into().ok()?;
    pen.set_stroke_style_str(ink);
    pen.set_fill_style_str(ink);
    pen.set_line_width(1.5);
    pen.begin_path();
    match activity {
        // Diagonal hatching: waiting on the network.
        Activity::Io => {
            pen.move_to(-2.0, 10.0);
            pen.line_to(10.0, -2.0);
            pen.move_to(6.0, 10.0);
            pen.line_to(10.0, 6.0);
            pen.move_to(-2.0, 2.0);
            pen.line_to(2.0, -2.0);
        }
        // Dots: waiting for the GIL.
        Activity::WaitGil => {
            pen.arc(2.0, 2.0, 1.2, 0.0, std::f64::consts::TAU).ok()?;
            pen.arc(6.0, 6.0, 1.2, 0.0, std::f64::consts::TAU).ok()?;
            pen.fill();
            return context
                .create_pattern_with_html_canvas_element(&tile, "repeat")
                .ok()?;
        }
        // Cross-hatching: waiting for a lock.
        Activity::WaitLock => {
            pen.move_to(0.0, 0.0);
            pen.line_to(8.0, 8.0);
            pen.move_to(8.0, 0.0);
            pen.line_to(0.0, 8.0);
        }
        // Vertical bars: a process starting.
        Activity::Spawn => {
            pen.move_to(2.0, 0.0);
            pen.line_to(2.0, 8.0);
            pen.move_to(6.0, 0.0);
            pen.line_to(6.0, 8.0);
        }
        // Horizontal dashes: a message on its way.
        Activity::Message => {
            pen.move_to(0.0, 4.0);
            pen.line_to(5.0, 4.0);
        }
        _ => return None,
    }
    pen.stroke();
    context
        .create_pattern_with_html_canvas_element(&tile, "repeat")
        .ok()?
}

impl Palette {
    /// Reads the theme from `canvas`'s computed style.
    pub fn read(canvas: &HtmlCanvasElement, context: &CanvasRenderingContext2d) -> Option<Self> {
        let style = web_sys::window()?.get_computed_style(canvas).ok()??;
        let ink = css_var(&style, "--pattern-ink", "rgba(0,0,0,0.35)");
        let fills = ACTIVITIES
            .iter()
            .map(|&a| {
                let name = a.category().unwrap_or("idle");
                (
                    a,
                    css_var(&style, &format!("--lane-{name}"), "#888"),
                    pattern(context, a, &ink),
                )
            })
            .collect();
        Some(Self {
            fills,
            text: css_var(&style, "--text", "#111"),
            muted: css_var(&style, "--muted", "#666"),
            grid: css_var(&style, "--grid", "rgba(0,0,0,0.1)"),
            band: css_var(&style, "--band", "rgba(0,0,0,0.03)"),
            accent: css_var(&style, "--accent", "#2563eb"),
            on_fill: css_var(&style, "--on-fill", "#ffffff"),
            holder_a: css_var(&style, "--holder-a", "#0072b2"),
            holder_b: css_var(&style, "--holder-b", "#56b4e9"),
            surface: css_var(&style, "--surface", "#ffffff"),
            ink,
        })
    }

    /// The colour and pattern of an activity.
    pub fn fill(&self, activity: Activity) -> (&str, Option<&CanvasPattern>) {
        self.fills
            .iter()
            .find(|(a, _, _)| *a == activity)
            .map(|(_, colour, pattern)| (colour.as_str(), pattern.as_ref()))
            .unwrap_or(("#888", None))
    }
}

impl Palette {
    /// The colours for an SVG export.
    pub fn svg_style(&self) -> threadline_core::svg::SvgStyle {
        threadline_core::svg::SvgStyle {
            fills: self
                .fills
                .iter()
                .map(|(a, colour, _)| (*a, colour.clone()))
                .collect(),
            background: self.surface.clone(),
            text: self.text.clone(),
            muted: self.muted.clone(),
            grid: self.grid.clone(),
            pattern_ink: self.ink.clone(),
        }
    }
}

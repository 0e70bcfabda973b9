//! The canvas's colours: the activities' from the core's style table for
//! the scheme in force, drawn with the same textures as the SVG export and
//! the legend; the page's own (text, grid, accent) from the stylesheet.

use threadline_core::record::Activity;
use threadline_core::style::{DOT, STROKE, STYLES, Scheme, TILE, pattern_ink, style_of};
use threadline_core::svg::SvgStyle;
use wasm_bindgen::JsCast;
use web_sys::{CanvasPattern, CanvasRenderingContext2d, HtmlCanvasElement};

/// The scheme's colours and the activities' textures.
pub struct Palette {
    scheme: Scheme,
    patterns: Vec<(Activity, CanvasPattern)>,
    /// Text colour.
    pub text: String,
    /// Secondary text colour.
    pub muted: String,
    /// Grid lines.
    pub grid: String,
    /// Row shading.
    pub band: String,
    /// The row of a lane pointed at from the output.
    pub pointed: String,
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
}

fn css_var(style: &web_sys::CssStyleDeclaration, name: &str, fallback: &str) -> String {
    let value = style.get_property_value(name).unwrap_or_default();
    match value.trim() {
        "" => fallback.to_string(),
        value => value.to_string(),
    }
}

/// A tile of `shape`'s texture in `ink`, as a repeating canvas pattern.
fn texture(
    context: &CanvasRenderingContext2d,
    activity: Activity,
    ink: &str,
) -> Option<CanvasPattern> {
    let pattern = style_of(activity).pattern;
    if !pattern.is_textured() {
        return None;
    }
    let document = web_sys::window()?.document()?;
    let tile: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    tile.set_width(TILE as u32);
    tile.set_height(TILE as u32);
    let pen: CanvasRenderingContext2d = tile.get_context("2d").ok()??.dyn_into().ok()?;
    pen.set_stroke_style_str(ink);
    pen.set_fill_style_str(ink);
    pen.set_line_width(STROKE);
    pen.begin_path();
    for ((x1, y1), (x2, y2)) in pattern.strokes() {
        pen.move_to(*x1, *y1);
        pen.line_to(*x2, *y2);
    }
    pen.stroke();
    for (x, y) in pattern.dots() {
        pen.begin_path();
        pen.arc(*x, *y, DOT, 0.0, std::f64::consts::TAU).ok()?;
        pen.fill();
    }
    context
        .create_pattern_with_html_canvas_element(&tile, "repeat")
        .ok()?
}

impl Palette {
    /// The palette of `scheme`, with the page's colours read from `canvas`'s
    /// computed style.
    pub fn read(
        canvas: &HtmlCanvasElement,
        context: &CanvasRenderingContext2d,
        scheme: Scheme,
    ) -> Option<Self> {
        let style = web_sys::window()?.get_computed_style(canvas).ok()??;
        let ink = pattern_ink(scheme);
        let patterns = STYLES
            .iter()
            .filter_map(|s| Some((s.activity, texture(context, s.activity, ink)?)))
            .collect();
        Some(Self {
            scheme,
            patterns,
            text: css_var(&style, "--text", "#111"),
            muted: css_var(&style, "--muted", "#666"),
            grid: css_var(&style, "--grid", "rgba(0,0,0,0.1)"),
            band: css_var(&style, "--band", "rgba(0,0,0,0.03)"),
            accent: css_var(&style, "--accent", "#2563eb"),
            pointed: css_var(&style, "--pointed", "rgba(37, 99, 235, 0.12)"),
            on_fill: css_var(&style, "--on-fill", "#ffffff"),
            holder_a: css_var(&style, "--holder-a", "#0072b2"),
            holder_b: css_var(&style, "--holder-b", "#56b4e9"),
            surface: css_var(&style, "--surface", "#ffffff"),
        })
    }

    /// The scheme it was made for.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The colour and texture of an activity.
    pub fn fill(&self, activity: Activity) -> (&'static str, Option<&CanvasPattern>) {
        let pattern = self
            .patterns
            .iter()
            .find(|(a, _)| *a == activity)
            .map(|(_, p)| p);
        (style_of(activity).colour(self.scheme), pattern)
    }

    /// The colours for an SVG export.
    pub fn svg_style(&self) -> SvgStyle {
        SvgStyle {
            scheme: self.scheme,
            background: self.surface.clone(),
            text: self.text.clone(),
            muted: self.muted.clone(),
            grid: self.grid.clone(),
            accent: self.accent.clone(),
        }
    }
}

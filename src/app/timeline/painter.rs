//! One frame of the timeline: gather the groups, lay them out, and repaint
//! as little as changed since the last frame.

use super::draw::{Dirty, LABEL_CHROME, LABEL_FONT, Overlay, Pen, label_state, paint, repaint};
use super::palette::Palette;
use super::source::{FinishedSpans, Group, LabGroups, MarkReader, shown_groups};
use crate::compare::ModeInProgress;
use std::rc::Rc;
use threadline_core::page::PageState;
use threadline_core::params::Axis;
use threadline_core::record::Lifecycle;
use threadline_core::spans::Span;
use threadline_core::style::Scheme;
use threadline_core::timeline::hit::{Move, Pick, pick_at, step};
use threadline_core::timeline::{
    Fit, GroupInput, Layout, Metrics, growing_axis_end, label_width, layout,
};
use wasm_bindgen::JsCast;

/// Sizes for a canvas `width` px wide whose widest lane name is
/// `widest_name` px.
pub fn metrics(width: f64, widest_name: f64) -> Metrics {
    Metrics {
        width,
        label_width: label_width(width, widest_name, LABEL_CHROME),
        header_height: 28.0,
        lane_height: 20.0,
        min_lane_height: 2.0,
        max_group_height: 260.0,
        group_gap: 14.0,
        axis_height: 22.0,
        right_pad: 12.0,
    }
}

/// The widest lane name of `inputs` as labels draw it, px (the one with the
/// most characters, measured).
pub fn widest_name(context: &web_sys::CanvasRenderingContext2d, inputs: &[GroupInput]) -> f64 {
    let names = inputs.iter().flat_map(|input| &input.lanes);
    let Some((_, name)) = names.max_by_key(|(_, name)| name.chars().count()) else {
        return 0.0;
    };
    context.set_font(LABEL_FONT);
    context.measure_text(name).map_or(0.0, |m| m.width())
}

/// What was drawn last, for hit-testing and exports.
pub struct Scene {
    /// Sizes.
    pub metrics: Metrics,
    /// Geometry.
    pub layout: Layout,
    /// Data.
    pub groups: Vec<Group>,
    /// What a program's intervals waited on (note `n` at index `n - 1`).
    pub notes: Rc<Vec<String>>,
}

impl Scene {
    fn spans(&self) -> Vec<&[Span]> {
        self.groups.iter().map(|g| g.spans.as_slice()).collect()
    }

    /// The interval at canvas coordinates (x, y), if any.
    pub fn pick_at(&self, x: f64, y: f64) -> Option<Pick> {
        pick_at(&self.layout, &self.spans(), self.metrics.label_width, x, y)
    }

    /// Where a keyboard move from `from` lands.
    pub fn step(&self, from: Option<Pick>, by: Move) -> Option<Pick> {
        step(&self.layout, &self.spans(), from, by)
    }
}

/// What a group's title row and labels show: tasks done, lane states.
type LabelState = (usize, Vec<Option<Lifecycle>>);

#[derive(Clone, PartialEq)]
struct Signature {
    width: f64,
    label_width: f64,
    height: f64,
    axis_end: f64,
    generation: u32,
    records: usize,
    view: threadline_core::lab::View,
    lab_runs: u32,
    fit: Fit,
    highlight: Option<u32>,
    focus: Option<threadline_core::timeline::hit::PickKey>,
    lane: Option<u16>,
}

/// The canvas and what it remembers between frames.
pub struct Painter {
    canvas: web_sys::HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
    palette: Option<Palette>,
    reader: MarkReader,
    finished: FinishedSpans,
    lab: LabGroups,
    signature: Option<Signature>,
    playhead_us: Option<f64>,
    drawn_until_us: f64,
    labels: Vec<LabelState>,
    /// The last frame's scene.
    pub scene: Option<Scene>,
}

impl Painter {
    /// What changed since the last frame, group by group: the live group
    /// from its earliest new mark on, every group from the last playhead
    /// on while a replay moves forward, and labels whose state changed.
    fn dirty(&self, groups: &[Group], labels: &[LabelState], overlay: &Overlay) -> Vec<Dirty> {
        groups
            .iter()
            .enumerate()
            .filter_map(|(index, group)| {
                let labels_changed = self.labels.get(index) != labels.get(index);
                let (since_us, until_us) = if group.in_progress {
                    let since = self
                        .reader
                        .earliest_new_us
                        .map_or(self.drawn_until_us, |t| t.min(self.drawn_until_us));
                    (since, group.input.extent_us)
                } else if let (Some(before), Some(now)) = (self.playhead_us, overlay.playhead_us) {
                    (before, now)
                } else if labels_changed {
                    (0.0, 0.0)
                } else {
                    return None;
                };
                Some(Dirty {
                    index,
                    since_us,
                    until_us,
                    labels: labels_changed,
                })
            })
            .collect()
    }

    /// A painter for `canvas`.
    pub fn new(canvas: web_sys::HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok().flatten()?.dyn_into().ok()?;
        Some(Self {
            canvas,
            context,
            palette: None,
            reader: MarkReader::default(),
            finished: FinishedSpans::default(),
            lab: LabGroups::default(),
            signature: None,
            playhead_us: None,
            drawn_until_us: 0.0,
            labels: Vec::new(),
            scene: None,
        })
    }

    /// Sizes the canvas for a layout `height` px tall at the screen's pixel
    /// ratio; a new size forgets what was drawn. Returns the ratio.
    fn fit_canvas(&mut self, width: f64, height: f64) -> f64 {
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let pixels = (
            (width * ratio).round() as u32,
            (height * ratio).round() as u32,
        );
        if (self.canvas.width(), self.canvas.height()) != pixels {
            self.canvas.set_width(pixels.0);
            self.canvas.set_height(pixels.1);
            let style = self.canvas.style();
            let _ = style.set_property("height", &format!("{height}px"));
            self.signature = None;
        }
        ratio
    }

    /// Draws a frame of `state`, with the mode in progress's intervals so
    /// far, in `scheme`'s colours: everything when the picture changed as a
    /// whole, only what changed since the last frame otherwise.
    pub fn frame(
        &mut self,
        state: &PageState,
        in_progress: Option<&ModeInProgress>,
        scheme: Scheme,
        overlay: &Overlay,
    ) {
        let fit = fit_of(state.params.axis);
        let (groups, notes) = shown_groups(
            state,
            in_progress,
            &mut self.reader,
            &mut self.finished,
            &mut self.lab,
        );
        let axis_end = axis_end(&groups);
        let inputs: Vec<_> = groups.iter().map(|g| g.input.clone()).collect();
        let metrics = metrics(
            f64::from(self.canvas.client_width()).max(300.0),
            widest_name(&self.context, &inputs),
        );
        let laid = layout(&inputs, &metrics, fit, Some(axis_end));
        let ratio = self.fit_canvas(metrics.width, laid.height);
        if self.palette.as_ref().is_none_or(|p| p.scheme() != scheme) {
            self.palette = Palette::read(&self.canvas, &self.context, scheme);
            self.signature = None;
        }
        let Some(palette) = &self.palette else { return };
        let signature = Signature {
            width: metrics.width,
            label_width: metrics.label_width,
            height: laid.height,
            axis_end,
            generation: state.generation,
            records: state.records.len(),
            view: state.params.view,
            lab_runs: state.lab_runs,
            fit,
            highlight: overlay.highlight,
            focus: overlay.focus,
            lane: overlay.lane,
        };
        let labels: Vec<_> = (laid.groups.iter().zip(&groups))
            .map(|(l, g)| label_state(l, g, overlay))
            .collect();
        let forward = match (self.playhead_us, overlay.playhead_us) {
            (Some(before), Some(now)) => now >= before,
            (before, now) => before.is_none() && now.is_none(),
        };
        let pen = Pen {
            c: &self.context,
            p: palette,
            m: &metrics,
        };
        if self.signature.as_ref() != Some(&signature) || !forward {
            paint(&pen, &laid, &groups, overlay, ratio);
        } else {
            let dirty = self.dirty(&groups, &labels, overlay);
            repaint(&pen, &laid, &groups, overlay, &dirty, ratio);
        }
        self.signature = Some(signature);
        self.playhead_us = overlay.playhead_us;
        self.labels = labels;
        if let Some(growing) = groups.iter().find(|g| g.in_progress) {
            self.drawn_until_us = growing.input.extent_us;
        }
        self.scene = Some(Scene {
            metrics,
            layout: laid,
            groups,
            notes,
        });
    }
}

/// How the groups share time, for an axis setting.
pub fn fit_of(axis: Axis) -> Fit {
    match axis {
        Axis::Shared => Fit::Shared,
        Axis::Own => Fit::PerMode,
    }
}

/// Where the shared axis ends: the longest finished run, or ahead of the
/// run in progress.
fn axis_end(groups: &[Group]) -> f64 {
    let longest = |in_progress: bool, floor: f64| {
        groups
            .iter()
            .filter(|g| g.in_progress == in_progress)
            .map(|g| g.input.extent_us)
            .fold(floor, f64::max)
    };
    growing_axis_end(longest(false, 1.0), longest(true, 0.0))
}

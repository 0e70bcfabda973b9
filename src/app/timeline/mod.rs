//! The timeline: one lane per thread, process or async task, grouped by
//! mode, drawn from the recorded intervals (live while a mode runs).

mod draw;
mod palette;
mod source;

use super::controller::Controller;
use draw::{Overlay, lane_states, paint, repaint_live};
use palette::Palette;
use source::{FinishedSpans, LiveMarks, groups};
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::mode::Mode;
use threadline_core::record_set::ModeRecord;
use threadline_core::timeline::{Fit, Metrics, growing_axis_end, layout};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The modes of the comparison, in order.
    pub planned: Vec<Mode>,
    /// The finished modes.
    pub records: Rc<Vec<ModeRecord>>,
    /// Which comparison this is.
    pub generation: u32,
    /// Whether a mode is running (then the canvas redraws every frame).
    pub running: bool,
}

fn metrics(width: f64) -> Metrics {
    Metrics {
        width,
        label_width: if width < 480.0 { 92.0 } else { 136.0 },
        header_height: 28.0,
        lane_height: 20.0,
        min_lane_height: 2.0,
        max_group_height: 260.0,
        group_gap: 14.0,
        axis_height: 22.0,
        right_pad: 12.0,
    }
}

struct Painter {
    canvas: web_sys::HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
    palette: Option<Palette>,
    live: LiveMarks,
    finished: FinishedSpans,
    /// What the last full paint was drawn for: while it holds, a frame
    /// repaints only what changed in the live group.
    painted: Option<(f64, f64, f64, u32, usize)>,
    /// How far the live group is painted, µs, and its lanes' states then.
    live_until_us: f64,
    live_states: Vec<Option<threadline_core::record::Lifecycle>>,
}

impl Painter {
    fn frame(&mut self, props: &TimelineProps, controller: &Controller) {
        let width = f64::from(self.canvas.client_width()).max(320.0);
        let metrics = metrics(width);
        let env = controller.env();
        let params = controller.params();
        let workers = params.workers_or(env.cores as u32) as u16;
        let current = controller.live().and_then(|live| live.current());
        let records = (props.generation, props.records.as_slice());
        let caches = (&mut self.live, &mut self.finished);
        let groups = groups(
            &props.planned,
            records,
            current.as_ref(),
            caches,
            |mode| match mode {
                Mode::Seq => 1,
                Mode::Async => params.tasks as u16,
                _ => workers,
            },
        );
        let inputs: Vec<_> = groups.iter().map(|g| g.input.clone()).collect();
        let finished = groups
            .iter()
            .filter(|g| !g.live)
            .map(|g| g.input.extent_us)
            .fold(1.0, f64::max);
        let live_extent = groups
            .iter()
            .filter(|g| g.live)
            .map(|g| g.input.extent_us)
            .fold(0.0, f64::max);
        let axis_end = growing_axis_end(finished, live_extent);
        let laid = layout(&inputs, &metrics, Fit::Shared, Some(axis_end));
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let (pixel_width, pixel_height) = ((width * ratio) as u32, (laid.height * ratio) as u32);
        if self.canvas.width() != pixel_width || self.canvas.height() != pixel_height {
            self.canvas.set_width(pixel_width);
            self.canvas.set_height(pixel_height);
            let _ = self
                .canvas
                .style()
                .set_property("height", &format!("{}px", laid.height));
        }
        if self.palette.is_none() {
            self.palette = Palette::read(&self.canvas, &self.context);
        }
        let Some(palette) = &self.palette else { return };
        let overlay = Overlay {
            highlight: None,
            playhead_us: None,
        };
        let signature = (
            width,
            laid.height,
            axis_end,
            props.generation,
            props.records.len(),
        );
        let live = groups.iter().position(|g| g.live);
        let fresh = self.painted != Some(signature);
        if fresh {
            paint(
                &self.context,
                palette,
                &metrics,
                &laid,
                &groups,
                &overlay,
                ratio,
            );
            self.painted = Some(signature);
        }
        if let Some(index) = live {
            let (laid, group) = (&laid.groups[index], &groups[index]);
            let states = lane_states(laid, group, group.input.extent_us);
            if !fresh {
                let since = self
                    .live
                    .earliest_new_us
                    .map_or(self.live_until_us, |t| t.min(self.live_until_us));
                let labels = states != self.live_states;
                repaint_live(
                    &self.context,
                    palette,
                    &metrics,
                    laid,
                    group,
                    &overlay,
                    since,
                    labels,
                    ratio,
                );
            }
            self.live_until_us = group.input.extent_us;
            self.live_states = states;
        }
    }
}

type FrameLoop = Rc<RefCell<Option<Closure<dyn FnMut()>>>>;

/// Asks for `frame` to run at the next animation frame.
fn request_frame(frame: &FrameLoop) -> bool {
    match (frame.borrow().as_ref(), web_sys::window()) {
        (Some(callback), Some(window)) => window
            .request_animation_frame(callback.as_ref().unchecked_ref())
            .is_ok(),
        _ => false,
    }
}

/// The live timeline.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let canvas_ref = use_node_ref();
    let controller = use_context::<Rc<Controller>>();
    let painter: Rc<RefCell<Option<Painter>>> = use_mut_ref(|| None);
    let frame_loop: FrameLoop = use_mut_ref(|| None);
    let looping: Rc<std::cell::Cell<bool>> = use_memo((), |_| std::cell::Cell::new(false));
    let props_cell: Rc<RefCell<Option<TimelineProps>>> = use_mut_ref(|| None);
    *props_cell.borrow_mut() = Some(TimelineProps {
        planned: props.planned.clone(),
        records: props.records.clone(),
        generation: props.generation,
        running: props.running,
    });
    {
        let (canvas_ref, painter, frame_loop, props_cell) = (
            canvas_ref.clone(),
            painter.clone(),
            frame_loop.clone(),
            props_cell.clone(),
        );
        let looping = looping.clone();
        let deps = (
            props.generation,
            props.records.len(),
            props.running,
            props.planned.clone(),
        );
        use_effect_with(deps, move |_| {
            let Some(controller) = controller else { return };
            if painter.borrow().is_none() {
                let canvas: Option<web_sys::HtmlCanvasElement> = canvas_ref.cast();
                let context = canvas
                    .as_ref()
                    .and_then(|c| c.get_context("2d").ok().flatten())
                    .and_then(|c| c.dyn_into().ok());
                if let (Some(canvas), Some(context)) = (canvas, context) {
                    *painter.borrow_mut() = Some(Painter {
                        canvas,
                        context,
                        palette: None,
                        live: LiveMarks::default(),
                        finished: FinishedSpans::default(),
                        painted: None,
                        live_until_us: 0.0,
                        live_states: Vec::new(),
                    });
                }
            }
            let draw = {
                let (painter, props_cell, controller) =
                    (painter.clone(), props_cell.clone(), controller.clone());
                move || {
                    if let (Some(painter), Some(props)) =
                        (painter.borrow_mut().as_mut(), props_cell.borrow().as_ref())
                    {
                        painter.frame(props, &controller);
                    }
                }
            };
            draw();
            let running = props_cell.borrow().as_ref().is_some_and(|p| p.running);
            if frame_loop.borrow().is_none() {
                // Redraws every animation frame while a mode runs. The closure
                // lives as long as the component (a frame may be pending); it
                // stops asking for frames once the run is over.
                let again = frame_loop.clone();
                let (props_cell, looping) = (props_cell.clone(), looping.clone());
                *frame_loop.borrow_mut() = Some(Closure::new(move || {
                    draw();
                    let still = props_cell.borrow().as_ref().is_some_and(|p| p.running);
                    looping.set(still && request_frame(&again));
                }));
            }
            if running && !looping.get() {
                looping.set(request_frame(&frame_loop));
            }
        });
    }
    html! {
        <section class="timeline" aria-label="Timeline of the run">
            <canvas ref={canvas_ref} class="timeline-canvas" role="img"
                    aria-label="Each lane's activity over time; the table below lists the same intervals" />
        </section>
    }
}

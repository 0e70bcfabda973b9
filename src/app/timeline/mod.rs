//! The timeline: one lane per thread, process or async task, grouped by
//! mode, drawn from the recorded intervals, live while a mode runs and in
//! slow motion afterwards.

mod draw;
pub mod export;
mod hit;
mod painter;
mod palette;
mod source;

pub use source::lanes_of;

use super::controller::Controller;
use super::dom;
use super::frame_stats;
use super::replay::Replay;
use draw::Overlay;
use hit::{Move, Pick};
use painter::Painter;
use source::Sources;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use threadline_core::mode::Mode;
use threadline_core::params::{Axis, Theme};
use threadline_core::record_set::ModeRecord;
use threadline_core::spans::GIL_TRACK;
use threadline_core::timeline::Fit;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Props of [`Timeline`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    /// The modes of the comparison, in order.
    pub planned: Vec<Mode>,
    /// The finished modes.
    pub records: Rc<Vec<ModeRecord>>,
    /// Which comparison this is.
    pub generation: u32,
    /// Whether a mode is running (then the canvas redraws every frame).
    pub running: bool,
    /// Shared or per-mode time axis.
    pub axis: Axis,
    /// Colour scheme (the canvas re-reads its colours when it changes).
    pub theme: Theme,
    /// Tasks of the comparison.
    pub tasks: u32,
    /// Pool size of the comparison.
    pub workers: u16,
}

/// What the frame loop reads: the latest props and the pointer's pick.
struct Shared {
    props: TimelineProps,
    highlight: Option<u32>,
    focus: Option<(usize, u16, f64)>,
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|q| q.matches())
}

/// Draws one frame and times it.
fn draw(
    painter: &RefCell<Option<Painter>>,
    shared: &RefCell<Option<Shared>>,
    controller: &Controller,
    replay: &Replay,
) {
    let start = now_ms();
    let (Ok(mut painter), Ok(shared)) = (painter.try_borrow_mut(), shared.try_borrow()) else {
        return;
    };
    let (Some(painter), Some(shared)) = (painter.as_mut(), shared.as_ref()) else {
        return;
    };
    let props = &shared.props;
    let current = controller.live().and_then(|live| live.current());
    let planned_lanes = |mode: Mode| match mode {
        Mode::Seq => 1,
        Mode::Async => props.tasks as u16,
        _ => props.workers,
    };
    let sources = Sources {
        planned: &props.planned,
        generation: props.generation,
        records: &props.records,
        current: current.as_ref(),
        planned_lanes: &planned_lanes,
        tasks: props.tasks,
    };
    let fit = match props.axis {
        Axis::Shared => Fit::Shared,
        Axis::Own => Fit::PerMode,
    };
    let overlay = Overlay {
        highlight: shared.highlight,
        focus: shared.focus,
        playhead_us: replay.playhead_us().filter(|_| !props.running),
    };
    painter.frame(&sources, fit, &overlay);
    frame_stats::record(start, now_ms() - start);
}

/// A `requestAnimationFrame` callback.
type FrameCallback = Closure<dyn FnMut(f64)>;

/// The animation loop: runs while a mode runs or a replay plays.
struct Looper {
    callback: RefCell<Option<FrameCallback>>,
    active: Cell<bool>,
    last_ms: Cell<Option<f64>>,
}

impl Looper {
    fn request(&self) -> bool {
        match (self.callback.borrow().as_ref(), web_sys::window()) {
            (Some(callback), Some(window)) => window
                .request_animation_frame(callback.as_ref().unchecked_ref())
                .is_ok(),
            _ => false,
        }
    }

    fn start(&self) {
        if !self.active.get() {
            self.last_ms.set(None);
            self.active.set(self.request());
        }
    }
}

/// Every moment something changed in the comparison, for replay steps.
fn events_of(records: &[ModeRecord]) -> (f64, Vec<f64>) {
    let end = records
        .iter()
        .map(|r| r.wall_ms * 1000.0)
        .fold(0.0, f64::max);
    let events = records
        .iter()
        .flat_map(|r| r.marks.iter().map(|m| m.at_us))
        .collect();
    (end, events)
}

/// The live timeline.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let canvas_ref = use_node_ref();
    let controller = use_context::<Rc<Controller>>();
    let replay = use_context::<Rc<Replay>>();
    let painter: Rc<RefCell<Option<Painter>>> = use_mut_ref(|| None);
    let shared: Rc<RefCell<Option<Shared>>> = use_mut_ref(|| None);
    let hover = use_state(|| None::<(Pick, String, f64, f64)>);
    let focus = use_state(|| None::<Pick>);
    let announcement = use_state(String::new);
    let looper = use_memo((), |_| Looper {
        callback: RefCell::new(None),
        active: Cell::new(false),
        last_ms: Cell::new(None),
    });
    let highlight = focus
        .as_ref()
        .and_then(Pick::task)
        .or_else(|| hover.as_ref().and_then(|(p, ..)| p.task()));
    *shared.borrow_mut() = Some(Shared {
        props: props.clone(),
        highlight,
        focus: focus.as_ref().map(Pick::key),
    });

    let redraw = {
        let (painter, shared, controller, replay) = (
            painter.clone(),
            shared.clone(),
            controller.clone(),
            replay.clone(),
        );
        Rc::new(move || {
            if let (Some(controller), Some(replay)) = (&controller, &replay) {
                draw(&painter, &shared, controller, replay);
            }
        })
    };

    // The frame loop, created once.
    {
        let (looper, redraw, shared, replay) = (
            looper.clone(),
            redraw.clone(),
            shared.clone(),
            replay.clone(),
        );
        use_effect_with((), move |_| {
            let reduced = prefers_reduced_motion();
            let again = looper.clone();
            let closure = Closure::new(move |timestamp: f64| {
                let dt = again.last_ms.get().map_or(0.0, |last| timestamp - last);
                let running = shared.borrow().as_ref().is_some_and(|s| s.props.running);
                let playing = replay.as_ref().is_some_and(|r| {
                    if reduced {
                        // No glide: jump from change to change, twice a second.
                        let step_due = again.last_ms.get().is_none() || dt >= 500.0;
                        !step_due || r.advance_by_event()
                    } else {
                        r.advance(dt)
                    }
                });
                let throttle = reduced && running && dt < 250.0 && again.last_ms.get().is_some();
                if !throttle {
                    redraw();
                    again.last_ms.set(Some(timestamp));
                }
                let more = (running || playing) && again.request();
                again.active.set(more);
                if !more {
                    frame_stats::pause();
                }
            });
            *looper.callback.borrow_mut() = Some(closure);
        });
    }

    // Canvas, theme, resizes.
    {
        let (canvas_ref, painter, redraw) = (canvas_ref.clone(), painter.clone(), redraw.clone());
        use_effect_with(props.theme, move |_| {
            if painter.borrow().is_none() {
                *painter.borrow_mut() = canvas_ref
                    .cast::<web_sys::HtmlCanvasElement>()
                    .and_then(Painter::new);
            }
            if let Some(painter) = painter.borrow_mut().as_mut() {
                painter.invalidate();
            }
            redraw();
            // Redraw on resizes and on a change of colour scheme.
            let on_change = Closure::<dyn Fn()>::new(move || redraw());
            let observer = web_sys::ResizeObserver::new(on_change.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(canvas)) = (&observer, canvas_ref.get()) {
                observer.observe(&canvas.unchecked_into());
            }
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback(
                    dom::SCHEME_CHANGED,
                    on_change.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                if let Some(window) = window {
                    let _ = window.remove_event_listener_with_callback(
                        dom::SCHEME_CHANGED,
                        on_change.as_ref().unchecked_ref(),
                    );
                }
                drop(on_change);
            }
        });
    }

    // Redraw on new data; loop while running; load a finished comparison for replay.
    {
        let (redraw, looper, replay) = (redraw.clone(), looper.clone(), replay.clone());
        let deps = (
            props.generation,
            props.records.len(),
            props.running,
            props.axis,
            props.planned.clone(),
            highlight,
            focus.as_ref().map(Pick::key),
        );
        let records = props.records.clone();
        use_effect_with(deps, move |(_, count, running, ..)| {
            if *running {
                looper.start();
            } else if let Some(replay) = &replay
                && *count > 0
                && replay.end_us() != events_of(&records).0
            {
                let (end, events) = events_of(&records);
                replay.load(end, events);
            }
            redraw();
        });
    }

    // Follow the replay.
    {
        let (redraw, looper, replay) = (redraw.clone(), looper.clone(), replay.clone());
        use_effect_with((), move |_| {
            let subscription = replay.as_ref().map(|r| {
                let replay = r.clone();
                r.subscribe(Callback::from(move |()| {
                    if replay.is_playing() {
                        looper.start();
                    } else if !looper.active.get() {
                        redraw();
                    }
                }))
            });
            move || drop(subscription)
        });
    }

    let onmousemove = {
        let (painter, hover) = (painter.clone(), hover.clone());
        Callback::from(move |event: MouseEvent| {
            let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
            let picked = painter
                .borrow()
                .as_ref()
                .and_then(|p| p.scene.as_ref())
                .and_then(|scene| hit::at(scene, x, y).map(|pick| (pick, pick.describe(scene))));
            let same = match (&*hover, &picked) {
                (Some((a, ..)), Some((b, _))) => a.key() == b.key(),
                (None, None) => true,
                _ => false,
            };
            if !same {
                hover.set(picked.map(|(pick, text)| (pick, text, x, y)));
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_| hover.set(None))
    };
    let onkeydown = {
        let (painter, focus, announcement, replay) = (
            painter.clone(),
            focus.clone(),
            announcement.clone(),
            replay.clone(),
        );
        Callback::from(move |event: KeyboardEvent| {
            let by = match event.key().as_str() {
                "ArrowRight" => Some(Move::Later),
                "ArrowLeft" => Some(Move::Earlier),
                "ArrowDown" => Some(Move::Down),
                "ArrowUp" => Some(Move::Up),
                " " | "Home" | "End" | "Escape" => None,
                _ => return,
            };
            event.prevent_default();
            match (by, event.key().as_str(), &replay) {
                (Some(by), _, _) => {
                    let painter = painter.borrow();
                    let Some(scene) = painter.as_ref().and_then(|p| p.scene.as_ref()) else {
                        return;
                    };
                    if let Some(pick) = hit::step(scene, *focus, by) {
                        announcement.set(pick.describe(scene));
                        focus.set(Some(pick));
                    }
                }
                (None, " ", Some(replay)) if replay.is_playing() => replay.pause(),
                (None, " ", Some(replay)) => replay.play(),
                (None, "Home", Some(replay)) => replay.seek(0.0),
                (None, "End", Some(replay)) => replay.show_all(),
                _ => focus.set(None),
            }
        })
    };
    let onblur = {
        let focus = focus.clone();
        Callback::from(move |_| focus.set(None))
    };

    let tooltip = hover.as_ref().map(|(_, text, x, y)| {
        let style = format!(
            "left: min({}px, calc(100% - 18rem)); top: {}px;",
            x + 14.0,
            y + 14.0
        );
        html! { <div class="tooltip" role="presentation" {style}>{ text }</div> }
    });
    html! {
        <section class="timeline" aria-label="Timeline of the run">
            <canvas ref={canvas_ref} class="timeline-canvas" tabindex="0" data-testid="timeline"
                    role="img" aria-describedby="timeline-lanes"
                    aria-label="Each lane's activity over time. Arrow keys move between intervals; space plays the replay."
                    {onmousemove} {onmouseleave} {onkeydown} {onblur} />
            { for tooltip }
            <p class="visually-hidden" aria-live="polite">{ (*announcement).clone() }</p>
            <LaneList ..props.clone() />
        </section>
    }
}

/// The lanes as a list: the canvas's text description, for screen readers
/// (and for tests, which count the lanes drawn).
#[component]
fn LaneList(props: &TimelineProps) -> Html {
    let items = props.planned.iter().map(|&mode| {
        let record = props.records.iter().find(|r| r.mode == mode);
        let lanes = match (record, mode) {
            (Some(r), Mode::Async) => r.lanes,
            (Some(r), _) => r.lanes.max(1),
            (None, Mode::Seq) => 1,
            (None, Mode::Async) => props.tasks as u16,
            (None, _) => props.workers,
        };
        let drawn: Vec<u16> = lanes_of(mode, lanes).into_iter().filter(|&l| l != GIL_TRACK).collect();
        let names: Vec<String> = drawn.iter().map(|&l| mode.lane_name(l)).collect();
        let state = match record {
            Some(r) if r.unavailable.is_some() => "unavailable".to_string(),
            Some(r) => format!("{} of {} tasks done in {:.0} ms", r.done_by(f64::INFINITY), r.tasks, r.wall_ms),
            None => "not run yet".to_string(),
        };
        html! {
            <li data-mode={mode.id()} data-lanes={drawn.len().to_string()}>
                { format!("{} ({}): {} lanes — {}; {state}.", mode.title(), mode.python(), drawn.len(), names.join(", ")) }
            </li>
        }
    });
    html! { <ul id="timeline-lanes" class="visually-hidden" data-testid="timeline-lanes">{ for items }</ul> }
}

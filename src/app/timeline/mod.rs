//! The timeline: one lane per thread, process or async task, grouped by
//! mode, drawn from the recorded intervals on a canvas, live while a mode
//! runs and in slow motion afterwards.

mod arrows;
mod draw;
pub mod export;
mod frame_loop;
mod input;
mod lane_list;
mod painter;
mod palette;
pub mod source;

use super::controller::Controller;
use super::frame_stats;
use super::replay::ReplayHandle;
use draw::Overlay;
use frame_loop::FrameLoop;
use input::{CanvasInput, use_canvas_input};
use lane_list::LaneList;
use painter::Painter;
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::lab::View as PageView;
use threadline_core::page::{PageState, Phase};
use threadline_core::timeline::hit::PickKey;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
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

/// Props of [`Timeline`].
#[derive(Properties)]
pub struct TimelineProps {
    /// The page's state.
    pub state: Rc<PageState>,
}

/// A new state is a new snapshot: comparing the pointers is enough.
impl PartialEq for TimelineProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
    }
}

/// What the frame loop reads: the latest state and what the pointer or the
/// keyboard picked.
struct View {
    state: Rc<PageState>,
    highlight: Option<u32>,
    focus: Option<PickKey>,
}

/// What a frame needs.
struct Frame {
    painter: Rc<RefCell<Option<Painter>>>,
    view: Rc<RefCell<Option<View>>>,
    controller: Rc<Controller>,
    replay: Rc<ReplayHandle>,
}

impl Frame {
    /// Draws one frame and times it.
    fn draw(&self) {
        let start = now_ms();
        let (Ok(mut painter), Ok(view)) = (self.painter.try_borrow_mut(), self.view.try_borrow())
        else {
            return;
        };
        let (Some(painter), Some(view)) = (painter.as_mut(), view.as_ref()) else {
            return;
        };
        let running = view.state.phase == Phase::Running;
        let replay = self.replay.get();
        let overlay = Overlay {
            highlight: view.highlight,
            focus: view.focus,
            playhead_us: replay.playhead_us().filter(|_| !running),
            lane: replay.lane().filter(|_| !running),
        };
        let in_progress = self.controller.in_progress();
        painter.frame(
            &view.state,
            in_progress.as_ref(),
            view.state.scheme(),
            &overlay,
        );
        frame_stats::record(start, now_ms() - start);
    }

    /// One tick of the loop: advances a playing replay, draws, and says
    /// whether to go on. With reduced motion, a replay jumps from change to
    /// change twice a second instead of gliding, and a live run is drawn
    /// four times a second.
    fn tick(&self, since_ms: f64, reduced: bool, waited: &RefCell<f64>) -> bool {
        let running = self
            .view
            .borrow()
            .as_ref()
            .is_some_and(|v| v.state.phase == Phase::Running);
        let mut waited = waited.borrow_mut();
        *waited += since_ms;
        let due = !reduced || *waited >= if running { 250.0 } else { 500.0 };
        let playing = if !due {
            self.replay.get().is_playing()
        } else if reduced {
            self.replay.change(|r| r.advance_by_event())
        } else {
            self.replay.change(|r| r.advance(since_ms))
        };
        if due {
            *waited = 0.0;
            self.draw();
        }
        let more = running || playing;
        if !more {
            frame_stats::pause();
        }
        more
    }
}

/// Every moment something changed in the comparison (or the lab's
/// program), for replay steps.
fn moments(state: &PageState) -> (f64, Vec<f64>) {
    if state.params.view == PageView::Lab {
        let record = source::shown_lab_run(state).and_then(|run| run.record.as_ref());
        return record.map_or((0.0, Vec::new()), |r| {
            (
                r.wall_ms * 1000.0,
                r.marks.iter().map(|m| m.at_us).collect(),
            )
        });
    }
    let end = state
        .records
        .iter()
        .map(|r| r.wall_ms * 1000.0)
        .fold(0.0, f64::max);
    let events = state
        .records
        .iter()
        .flat_map(|r| r.marks.iter().map(|m| m.at_us))
        .collect();
    (end, events)
}

/// Makes the painter once the canvas exists, and redraws on every resize.
#[hook]
fn use_painter(canvas_ref: &NodeRef, frame: &Rc<Frame>) {
    let (canvas_ref, frame) = (canvas_ref.clone(), frame.clone());
    use_effect_with((), move |_| {
        let canvas = canvas_ref.cast::<web_sys::HtmlCanvasElement>();
        *frame.painter.borrow_mut() = canvas.clone().and_then(Painter::new);
        let on_resize = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || frame.draw());
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(canvas)) = (&observer, canvas) {
            observer.observe(&canvas);
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            drop(on_resize);
        }
    });
}

/// On every new state: loops while a comparison runs, loads a finished one
/// for replay, and draws.
#[hook]
fn use_draw_on_change(
    state: &Rc<PageState>,
    input: &CanvasInput,
    frame: &Rc<Frame>,
    frames: &Rc<FrameLoop>,
) {
    let (frame, frames, state) = (frame.clone(), frames.clone(), state.clone());
    let deps = DepsByPointer((state.clone(), input.highlight, input.focus));
    use_effect_with(deps, move |_| {
        if state.phase == Phase::Running {
            frames.start();
        } else if !state.records.is_empty() || source::shown_lab_run(&state).is_some() {
            let (end, events) = moments(&state);
            if frame.replay.get().end_us() != end {
                frame.replay.change(|r| r.load(end, events));
            }
        }
        frame.draw();
    });
}

/// Plays the replay in the frame loop, and redraws when it moves.
#[hook]
fn use_follow_replay(frame: &Rc<Frame>, frames: &Rc<FrameLoop>) {
    let (frame, frames) = (frame.clone(), frames.clone());
    use_effect_with((), move |_| {
        let replay = frame.replay.clone();
        let subscription = replay.subscribe(Callback::from(move |()| {
            if frame.replay.get().is_playing() {
                frames.start();
            } else if !frames.is_running() {
                frame.draw();
            }
        }));
        move || drop(subscription)
    });
}

/// The timeline.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let (Some(controller), Some(replay)) = (
        use_context::<Rc<Controller>>(),
        use_context::<Rc<ReplayHandle>>(),
    ) else {
        return html! {};
    };
    let canvas_ref = use_node_ref();
    let painter: Rc<RefCell<Option<Painter>>> = use_mut_ref(|| None);
    let view: Rc<RefCell<Option<View>>> = use_mut_ref(|| None);
    let frame = use_memo((), {
        let (painter, view, replay) = (painter.clone(), view.clone(), replay.clone());
        move |_| {
            Rc::new(Frame {
                painter,
                view,
                controller,
                replay,
            })
        }
    });
    let frames = use_memo((), {
        let frame = (*frame).clone();
        move |_| {
            let reduced = prefers_reduced_motion();
            let waited = RefCell::new(0.0);
            FrameLoop::new(move |since| frame.tick(since, reduced, &waited))
        }
    });
    let input = use_canvas_input(&painter, &replay);
    *view.borrow_mut() = Some(View {
        state: props.state.clone(),
        highlight: input.highlight,
        focus: input.focus,
    });
    use_painter(&canvas_ref, &frame);
    use_draw_on_change(&props.state, &input, &frame, &frames);
    use_follow_replay(&frame, &frames);
    html! {
        <section class="timeline" aria-label="Timeline of the run">
            <canvas ref={canvas_ref} class="timeline-canvas" tabindex="0" data-testid="timeline"
                    role="img" aria-describedby="timeline-lanes"
                    aria-label="Each lane's activity over time. Arrow keys move between intervals; space plays the replay."
                    onmousemove={input.on_move} onmouseleave={input.on_leave}
                    onkeydown={input.on_key} onblur={input.on_blur} />
            { for input.tooltip }
            <p class="visually-hidden" aria-live="polite">{ input.announcement }</p>
            <LaneList state={props.state.clone()} />
        </section>
    }
}

/// Effect dependencies that change whenever the state is a new snapshot.
struct DepsByPointer((Rc<PageState>, Option<u32>, Option<PickKey>));

impl PartialEq for DepsByPointer {
    fn eq(&self, other: &Self) -> bool {
        let ((a, ah, af), (b, bh, bf)) = (&self.0, &other.0);
        Rc::ptr_eq(a, b) && ah == bh && af == bf
    }
}

//! Pointer and keyboard on the timeline: hovering shows an interval's
//! details and outlines its task everywhere; arrow keys walk the intervals
//! and a screen reader hears each; space, Home and End drive the replay.

use super::painter::Painter;
use crate::app::replay::ReplayHandle;
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::timeline::hit::{Move, Pick, PickKey};
use yew::prelude::*;

/// What the canvas's handlers need and give.
pub struct CanvasInput {
    /// The task to outline (hovered or focused).
    pub highlight: Option<u32>,
    /// The interval with keyboard focus.
    pub focus: Option<PickKey>,
    /// Pointer moves.
    pub on_move: Callback<MouseEvent>,
    /// Pointer leaves.
    pub on_leave: Callback<MouseEvent>,
    /// Key presses.
    pub on_key: Callback<KeyboardEvent>,
    /// Focus leaves.
    pub on_blur: Callback<FocusEvent>,
    /// The hovered interval's details, placed by the pointer.
    pub tooltip: Option<Html>,
    /// What a screen reader should say about the focused interval.
    pub announcement: String,
}

/// An interval under the pointer, described, and where the pointer was.
#[derive(Clone, PartialEq)]
struct Hover {
    pick: Pick,
    text: String,
    x: f64,
    y: f64,
}

fn on_move(
    painter: &Rc<RefCell<Option<Painter>>>,
    hover: &UseStateHandle<Option<Hover>>,
) -> Callback<MouseEvent> {
    let (painter, hover) = (painter.clone(), hover.clone());
    Callback::from(move |event: MouseEvent| {
        let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
        let painter = painter.borrow();
        let picked = painter
            .as_ref()
            .and_then(|p| p.scene.as_ref())
            .and_then(|scene| {
                let pick = scene.pick_at(x, y)?;
                Some(Hover {
                    text: pick.describe(&scene.layout, &scene.notes),
                    pick,
                    x,
                    y,
                })
            });
        let same = match (&*hover, &picked) {
            (Some(a), Some(b)) => a.pick.key() == b.pick.key(),
            (None, None) => true,
            _ => false,
        };
        if !same {
            hover.set(picked);
        }
    })
}

fn on_key(
    painter: &Rc<RefCell<Option<Painter>>>,
    focus: &UseStateHandle<Option<Pick>>,
    announcement: &UseStateHandle<String>,
    replay: &Rc<ReplayHandle>,
) -> Callback<KeyboardEvent> {
    let (painter, focus, announcement, replay) = (
        painter.clone(),
        focus.clone(),
        announcement.clone(),
        replay.clone(),
    );
    Callback::from(move |event: KeyboardEvent| {
        let key = event.key();
        if let Some(by) = Move::of_key(&key) {
            event.prevent_default();
            let painter = painter.borrow();
            let Some(scene) = painter.as_ref().and_then(|p| p.scene.as_ref()) else {
                return;
            };
            if let Some(pick) = scene.step(*focus, by) {
                announcement.set(pick.describe(&scene.layout, &scene.notes));
                focus.set(Some(pick));
            }
            return;
        }
        match key.as_str() {
            " " => replay.change(|r| r.toggle()),
            "Home" => replay.change(|r| r.scrub(0.0)),
            "End" => replay.change(|r| r.show_all()),
            "Escape" => focus.set(None),
            _ => return,
        }
        event.prevent_default();
    })
}

/// The canvas's input handling and what it picked.
#[hook]
pub fn use_canvas_input(
    painter: &Rc<RefCell<Option<Painter>>>,
    replay: &Rc<ReplayHandle>,
) -> CanvasInput {
    let hover = use_state(|| None::<Hover>);
    let focus = use_state(|| None::<Pick>);
    let announcement = use_state(String::new);
    let highlight = focus
        .as_ref()
        .and_then(Pick::task)
        .or_else(|| hover.as_ref().and_then(|h| h.pick.task()));
    let tooltip = hover.as_ref().map(|h| {
        let style = format!(
            "left: min({}px, calc(100% - 18rem)); top: {}px;",
            h.x + 14.0,
            h.y + 14.0
        );
        html! { <div class="tooltip" role="presentation" {style}>{ &h.text }</div> }
    });
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_| hover.set(None))
    };
    let on_blur = {
        let focus = focus.clone();
        Callback::from(move |_| focus.set(None))
    };
    CanvasInput {
        highlight,
        focus: focus.as_ref().map(Pick::key),
        on_move: on_move(painter, &hover),
        on_leave,
        on_key: on_key(painter, &focus, &announcement, replay),
        on_blur,
        tooltip,
        announcement: (*announcement).clone(),
    }
}

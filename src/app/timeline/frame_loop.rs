//! The animation loop: one `requestAnimationFrame` after another while a
//! mode runs or a replay plays, and none otherwise.

use gloo_render::{AnimationFrame, request_animation_frame};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Draws a frame given the time since the last one (ms, 0 for the first);
/// returns whether to keep going.
pub type Tick = dyn Fn(f64) -> bool;

/// A loop of animation frames.
pub struct FrameLoop {
    next: RefCell<Option<AnimationFrame>>,
    last_ms: Cell<Option<f64>>,
    tick: Box<Tick>,
}

impl FrameLoop {
    /// A loop that calls `tick` every frame while it returns `true`.
    pub fn new(tick: impl Fn(f64) -> bool + 'static) -> Rc<Self> {
        Rc::new(Self {
            next: RefCell::new(None),
            last_ms: Cell::new(None),
            tick: Box::new(tick),
        })
    }

    /// Whether a frame is due.
    pub fn is_running(&self) -> bool {
        self.next.borrow().is_some()
    }

    /// Starts the loop unless it runs already.
    pub fn start(self: &Rc<Self>) {
        if !self.is_running() {
            self.last_ms.set(None);
            self.schedule();
        }
    }

    fn schedule(self: &Rc<Self>) {
        let this = self.clone();
        let frame = request_animation_frame(move |now_ms| {
            let since = this.last_ms.get().map_or(0.0, |last| now_ms - last);
            this.last_ms.set(Some(now_ms));
            if (this.tick)(since) {
                this.schedule();
            } else {
                this.next.borrow_mut().take();
            }
        });
        // Replacing the handle of the frame that is running now does not
        // cancel anything: it has fired.
        *self.next.borrow_mut() = Some(frame);
    }
}

//! Turns on the browser's main thread, one at a time, as asyncio's event
//! loop runs one ready callback after another: a task computes only in its
//! turn, and each turn starts in a new task of the browser's event loop,
//! queued when the last turn ended. Whatever the browser queued meanwhile
//! (drawing a frame, a click on Cancel) runs first.
//!
//! Queuing every task's turn at once would not do: the browser would then
//! run the turns back to back, and nothing else, until the last.

use crate::timer::yield_to_browser;
use futures_channel::oneshot;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// The turns of one event loop.
#[derive(Default)]
pub struct Turns {
    waiting: RefCell<VecDeque<oneshot::Sender<()>>>,
    /// A turn is running, or about to be handed out.
    busy: Cell<bool>,
}

/// A task's turn; the next waiting task's turn starts after it is dropped.
pub struct Turn(Rc<Turns>);

impl Turns {
    /// Waits for a turn.
    pub async fn take(self: &Rc<Self>) -> Turn {
        let (granted, turn) = oneshot::channel();
        self.waiting.borrow_mut().push_back(granted);
        if !self.busy.replace(true) {
            self.clone().hand_out_next();
        }
        let _ = turn.await;
        Turn(self.clone())
    }

    /// After the browser's next turn, starts the next waiting task's.
    fn hand_out_next(self: Rc<Self>) {
        wasm_bindgen_futures::spawn_local(async move {
            yield_to_browser().await;
            loop {
                let next = self.waiting.borrow_mut().pop_front();
                let Some(granted) = next else {
                    self.busy.set(false);
                    return;
                };
                // A waiter that went away (its task was cancelled) gets no
                // turn: the next one does.
                if granted.send(()).is_ok() {
                    return;
                }
            }
        });
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        self.0.clone().hand_out_next();
    }
}

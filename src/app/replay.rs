//! The page's replay: the core's [`Replay`] state machine, shared by the
//! timeline, the replay bar and the output, with listeners.
//!
//! Not in the page state: the timeline's frame loop moves the playhead sixty
//! times a second and paints directly; only the small components that show
//! the playhead are told.

use super::listeners::{Listeners, Subscription};
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::replay::Replay;
use yew::Callback;

/// The replay and who listens to it.
#[derive(Default)]
pub struct ReplayHandle {
    replay: RefCell<Replay>,
    listeners: Rc<Listeners>,
}

/// One replay per page: two handles are equal when they are the same.
impl PartialEq for ReplayHandle {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl ReplayHandle {
    /// Calls `callback` whenever the replay changes.
    pub fn subscribe(&self, callback: Callback<()>) -> Subscription {
        self.listeners.subscribe(move || callback.emit(()))
    }

    /// The replay as it is now.
    pub fn get(&self) -> Replay {
        self.replay.borrow().clone()
    }

    /// Changes the replay and tells the listeners; returns what `change`
    /// returned.
    pub fn change<T>(&self, change: impl FnOnce(&mut Replay) -> T) -> T {
        let result = change(&mut self.replay.borrow_mut());
        self.listeners.tell();
        result
    }
}

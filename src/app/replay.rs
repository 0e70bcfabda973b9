//! The page's replay: the core's [`Replay`] state machine, shared by the
//! timeline, the replay bar and the output, with listeners.
//!
//! Not in the page state: the timeline's frame loop moves the playhead sixty
//! times a second and paints directly; only the small components that show
//! the playhead are told.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use threadline_core::replay::Replay;
use yew::Callback;

/// The replay and who listens to it.
#[derive(Default)]
pub struct ReplayHandle {
    replay: RefCell<Replay>,
    listeners: RefCell<Vec<(u32, Callback<()>)>>,
    next_id: Cell<u32>,
}

/// One replay per page: two handles are equal when they are the same.
impl PartialEq for ReplayHandle {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Stops listening when dropped.
pub struct Subscription {
    handle: Rc<ReplayHandle>,
    id: u32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.handle
            .listeners
            .borrow_mut()
            .retain(|(id, _)| *id != self.id);
    }
}

impl ReplayHandle {
    /// Calls `callback` whenever the replay changes.
    pub fn subscribe(self: &Rc<Self>, callback: Callback<()>) -> Subscription {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.listeners.borrow_mut().push((id, callback));
        Subscription {
            handle: self.clone(),
            id,
        }
    }

    /// The replay as it is now.
    pub fn get(&self) -> Replay {
        self.replay.borrow().clone()
    }

    /// Changes the replay and tells the listeners; returns what `change`
    /// returned.
    pub fn change<T>(&self, change: impl FnOnce(&mut Replay) -> T) -> T {
        let result = change(&mut self.replay.borrow_mut());
        let listeners: Vec<Callback<()>> = self
            .listeners
            .borrow()
            .iter()
            .map(|(_, c)| c.clone())
            .collect();
        listeners.iter().for_each(|c| c.emit(()));
        result
    }
}

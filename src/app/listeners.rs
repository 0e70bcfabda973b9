//! Who to tell when something changes: the store's and the replay's
//! listeners, each removed when its subscription is dropped.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

type Listener = Rc<dyn Fn()>;

/// A list of listeners.
#[derive(Default)]
pub struct Listeners {
    list: RefCell<Vec<(u32, Listener)>>,
    next_id: Cell<u32>,
}

/// Stops listening when dropped.
pub struct Subscription {
    listeners: Rc<Listeners>,
    id: u32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.listeners
            .list
            .borrow_mut()
            .retain(|(id, _)| *id != self.id);
    }
}

impl Listeners {
    /// Calls `listener` on every [`Listeners::tell`] until the subscription
    /// is dropped.
    pub fn subscribe(self: &Rc<Self>, listener: impl Fn() + 'static) -> Subscription {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.list.borrow_mut().push((id, Rc::new(listener)));
        Subscription {
            listeners: self.clone(),
            id,
        }
    }

    /// Calls every listener (a listener may subscribe or unsubscribe).
    pub fn tell(&self) {
        let now: Vec<Listener> = self.list.borrow().iter().map(|(_, l)| l.clone()).collect();
        now.iter().for_each(|listener| listener());
    }
}

//! The one place the page's state lives: the core's [`PageState`], changed
//! only by dispatching an [`Action`] through its pure reducer. Components
//! draw it, the JavaScript API reads it, and the DOM mirrors it through
//! effects; nothing keeps a second copy.

use super::listeners::{Listeners, Subscription};
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::page::{Action, PageState};
use yew::prelude::*;

/// The page's state and who listens to it.
pub struct Store {
    state: RefCell<Rc<PageState>>,
    listeners: Rc<Listeners>,
}

/// One store per page: two handles are equal when they are the same store.
impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Store {
    /// A store holding `state`.
    pub fn new(state: PageState) -> Rc<Self> {
        Rc::new(Self {
            state: RefCell::new(Rc::new(state)),
            listeners: Rc::default(),
        })
    }

    /// The state now.
    pub fn state(&self) -> Rc<PageState> {
        self.state.borrow().clone()
    }

    /// Applies `action` and tells every listener.
    pub fn dispatch(&self, action: Action) {
        let next = self.state.borrow().reduce(action);
        *self.state.borrow_mut() = Rc::new(next);
        self.listeners.tell();
    }

    /// Calls `listener` after every change.
    pub fn subscribe(&self, listener: impl Fn() + 'static) -> Subscription {
        self.listeners.subscribe(listener)
    }
}

/// The page's state, re-rendering the calling component on every change.
#[hook]
pub fn use_page_state(store: &Rc<Store>) -> Rc<PageState> {
    let update = use_force_update();
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let subscription = store.subscribe(move || update.force_update());
            move || drop(subscription)
        });
    }
    store.state()
}

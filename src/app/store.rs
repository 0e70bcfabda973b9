//! The one place the page's state lives: the core's [`PageState`], changed
//! only by dispatching an [`Action`] through its pure reducer. Components
//! draw it, the JavaScript API reads it, and the DOM mirrors it through
//! effects; nothing keeps a second copy.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use threadline_core::page::{Action, PageState};
use yew::prelude::*;

type Listener = Rc<dyn Fn()>;

/// The page's state and who listens to it.
pub struct Store {
    state: RefCell<Rc<PageState>>,
    listeners: RefCell<Vec<(u32, Listener)>>,
    next_id: Cell<u32>,
}

/// One store per page: two handles are equal when they are the same store.
impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Stops listening when dropped.
pub struct Subscription {
    store: Rc<Store>,
    id: u32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.store
            .listeners
            .borrow_mut()
            .retain(|(id, _)| *id != self.id);
    }
}

impl Store {
    /// A store holding `state`.
    pub fn new(state: PageState) -> Rc<Self> {
        Rc::new(Self {
            state: RefCell::new(Rc::new(state)),
            listeners: RefCell::default(),
            next_id: Cell::new(0),
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
        let listeners: Vec<Listener> = self
            .listeners
            .borrow()
            .iter()
            .map(|(_, listener)| listener.clone())
            .collect();
        listeners.iter().for_each(|listener| listener());
    }

    /// Calls `listener` after every change.
    pub fn subscribe(self: &Rc<Self>, listener: impl Fn() + 'static) -> Subscription {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.listeners.borrow_mut().push((id, Rc::new(listener)));
        Subscription {
            store: self.clone(),
            id,
        }
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

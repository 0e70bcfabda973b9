//! Effects that keep the world outside the components in step with the
//! state: `#app`'s attributes, the address bar, the document's colours, the
//! system's colour scheme, and the embedding page's `threadline:done`.

use super::dom;
use super::embed;
use super::store::Store;
use gloo_events::EventListener;
use std::rc::Rc;
use threadline_core::page::{Action, PageState, Phase};
use yew::prelude::*;

/// Mirrors `state` into the DOM and the embedding page.
#[hook]
pub fn use_dom_sync(state: &PageState) {
    let facts = state.facts();
    use_effect_with(facts, |facts| {
        dom::set_root_attr("data-state", facts.state);
        dom::set_root_attr("data-isolated", &facts.isolated.to_string());
        dom::set_root_attr("data-threads", &facts.threads.to_string());
        dom::set_root_attr("data-cores", &facts.cores.to_string());
    });
    let theme = state.params.theme.id();
    use_effect_with((theme, state.scheme()), |(theme, scheme)| {
        dom::set_root_attr("data-theme", theme);
        dom::show_scheme(theme, *scheme);
    });
    use_effect_with(state.params.embed, |embed| {
        dom::set_root_attr("data-embed", &embed.to_string());
    });
    use_effect_with(state.params.to_query(), |query| dom::replace_query(query));
    let finished = (state.generation, state.phase == Phase::Done);
    let summaries = state.summaries.clone();
    use_effect_with(finished, move |(generation, done)| {
        if *done && *generation > 0 {
            embed::post_done(&summaries);
        }
    });
}

/// Tells the store when the operating system's colour scheme changes.
#[hook]
pub fn use_system_scheme(store: &Rc<Store>) {
    let store = store.clone();
    use_effect_with((), move |_| {
        let listener = dom::dark_query().map(|query| {
            EventListener::new(&query, "change", move |_| {
                store.dispatch(Action::SystemScheme(dom::system_scheme()));
            })
        });
        move || drop(listener)
    });
}

//! The root component: creates the store and the controller, starts the
//! page, and lays it out.

use super::controller::Controller;
use super::controls::Controls;
use super::embed_snippet::EmbedSnippet;
use super::exports::Exports;
use super::header::Header;
use super::intervals::Intervals;
use super::lab::Lab;
use super::legend::Legend;
use super::notices::Notices;
use super::output::Output;
use super::replay::ReplayHandle;
use super::replay_bar::ReplayBar;
use super::results::Results;
use super::store::{Store, use_page_state};
use super::sweep::Sweep;
use super::sync::{use_dom_sync, use_system_scheme};
use super::timeline::Timeline;
use super::{api, dom, embed};
use std::rc::Rc;
use threadline_core::lab::View;
use threadline_core::page::{PageState, Phase};
use threadline_core::params::Params;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The page's state before anything has run: the URL's settings and the
/// browser's facts.
fn initial_state() -> PageState {
    let (params, notices) = Params::from_pairs(dom::query_pairs());
    let env = threadline_web::env::detect(cfg!(feature = "threads"));
    PageState::new(env, params, notices, dom::system_scheme())
}

/// The comparison: its settings, the timeline, the results.
fn compare_view(state: &Rc<PageState>) -> Html {
    let running = state.phase == Phase::Running;
    let shown = &state.shown;
    html! {
        <>
        <Controls params={state.params.clone()} phase={state.phase.clone()}
                  threads={state.env.threads()} workers={state.workers(&state.params)} />
        <section class="stage" aria-label="The run">
            <div class="stage-main">
                <Legend modes={shown.modes.clone()} axis={state.params.axis} scheme={state.scheme()} />
                <Timeline state={state.clone()} />
                <div class="stage-foot">
                    <ReplayBar {running} />
                    <Exports {running} />
                    <EmbedSnippet params={state.params.clone()} />
                </div>
            </div>
            <Output records={state.records.clone()} />
        </section>
        <Results summaries={state.summaries.clone()} params={Rc::new(state.shown.clone())} />
        <Sweep points={state.sweep.clone()} busy={running} sweeping={state.sweeping}
               cores={state.env.cores as u32} />
        <Intervals records={state.records.clone()} />
        <footer class="colophon">
            <p>{ "Every bar is a measured interval of a real run in this tab: Web Workers sharing memory for threads, separate WebAssembly instances for processes, fetch() through a service worker for the network. The GIL is CPython's mechanism rebuilt on a real lock: threads take turns on it, asked for after the switch interval and released around I/O." }</p>
        </footer>
        </>
    }
}

/// The app.
#[component]
pub fn App() -> Html {
    let store = use_memo((), |_| Store::new(initial_state()));
    let controller = use_memo((), {
        let store = (*store).clone();
        move |_| Controller::new(store)
    });
    let replay = use_memo((), |_| Rc::new(ReplayHandle::default()));
    let state = use_page_state(&store);
    use_dom_sync(&state);
    use_system_scheme(&store);
    {
        let controller = (*controller).clone();
        use_effect_with((), move |_| {
            api::install(&controller);
            embed::listen(&controller);
            embed::report_height();
            spawn_local(controller.boot());
        });
    }
    let controller: Rc<Controller> = (*controller).clone();
    let view = state.params.view;
    html! {
        <ContextProvider<Rc<Controller>> context={controller}>
        <ContextProvider<Rc<ReplayHandle>> context={(*replay).clone()}>
            <div class={classes!("shell", state.params.embed.then_some("embed"))}>
                <Header theme={state.params.theme} env={state.env.clone()}
                        network={state.network.clone()} {view} />
                if let Phase::Error(why) = &state.phase {
                    <p class="error" role="alert">{ format!("Threadline could not start: {why}") }</p>
                }
                <Notices notices={state.notices.clone()} />
                if view == View::Lab {
                    <Lab state={state.clone()} />
                } else {
                    { compare_view(&state) }
                }
            </div>
        </ContextProvider<Rc<ReplayHandle>>>
        </ContextProvider<Rc<Controller>>>
    }
}

//! The root component: boots the page and lays it out.

use super::controller::Controller;
use super::controls::{Controls, setter};
use super::export::Exports;
use super::intervals::Intervals;
use super::legend::Legend;
use super::notices::Notices;
use super::output::Output;
use super::replay::Replay;
use super::replay_bar::ReplayBar;
use super::results::Results;
use super::state::{AppState, Phase};
use super::status::StatusBar;
use super::sweep::Sweep;
use super::timeline::Timeline;
use super::{api, dom};
use crate::runtime::env::Env;
use crate::runtime::service_worker;
use std::rc::Rc;
use threadline_core::params::Params;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Starts what the page needs, then runs at once if the URL asks for it.
///
/// The service worker comes first: a worker is controlled by the service
/// worker that controlled the page when it was created, so pool threads
/// started earlier would send their requests past it.
async fn boot(controller: Rc<Controller>) {
    let network = service_worker::start().await;
    #[cfg(feature = "threads")]
    if let Err(why) = crate::runtime::pool::start_global_pool(controller.env().cores).await {
        controller.failed(why);
        return;
    }
    // Compiled and warmed now, so that a procs run pays for starting
    // processes, not for the browser compiling their code.
    crate::engine::warm_up_processes().await;
    controller.booted(network);
    if controller.params().autorun {
        let _ = controller.run(true).await;
    }
}

/// The app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let (params, notices) = Params::from_pairs(dom::query_pairs());
        // Before the first render, so that nothing is drawn in the wrong colours.
        dom::set_theme(params.theme.id());
        AppState::new(Env::detect(), params, notices)
    });
    let controller = {
        let dispatcher = state.dispatcher();
        let (env, params) = (state.env.clone(), state.params.clone());
        use_memo((), move |_| Controller::new(dispatcher, env, params))
    };
    {
        let controller = controller.clone();
        let env = state.env.clone();
        use_effect_with((), move |_| {
            dom::set_root_attr("data-isolated", &env.isolated.to_string());
            dom::set_root_attr("data-threads", &env.threads().to_string());
            dom::set_root_attr("data-cores", &env.cores.to_string());
            dom::set_root_attr("data-state", "loading");
            let controller = (*controller).clone();
            dom::replace_query(&controller.params().to_query());
            api::install(&controller);
            api::watch_height();
            spawn_local(boot(controller));
        });
    }
    {
        let theme = state.params.theme.id();
        let embed = state.params.embed;
        use_effect_with((theme, embed), |(theme, embed)| {
            dom::set_theme(theme);
            dom::set_root_attr("data-embed", &embed.to_string());
        });
    }
    let replay = use_memo((), |_| Replay::new());
    let controller: Rc<Controller> = (*controller).clone();
    let error = match &state.phase {
        Phase::Error(why) => Some(why.clone()),
        _ => None,
    };
    let running = state.phase == Phase::Running;
    let shown = &state.shown;
    let workers = shown.workers_or(state.env.cores as u32) as u16;
    let theme = state.params.theme;
    let axis = state.params.axis;
    html! {
        <ContextProvider<Rc<Controller>> context={controller.clone()}>
        <ContextProvider<Rc<Replay>> context={(*replay).clone()}>
            <div class={classes!("shell", state.params.embed.then_some("embed"))}>
                <header class="masthead">
                    <div class="masthead-row">
                        <h1 class="brand"><span class="brand-mark" aria-hidden="true"></span>{ "Threadline" }</h1>
                        <label class="theme">
                            <span class="visually-hidden">{ "Colour scheme" }</span>
                            <select data-testid="theme" onchange={setter(&controller, "theme")}>
                                { for [("auto", "Auto theme"), ("light", "Light"), ("dark", "Dark")].iter().map(|(id, name)| html! {
                                    <option value={*id} selected={theme.id() == *id}>{ *name }</option>
                                }) }
                            </select>
                        </label>
                    </div>
                    <p class="tagline">{ "Python's concurrency models — threads, the GIL, processes, asyncio — run for real in your browser and drawn as they happen." }</p>
                    <StatusBar env={state.env.clone()} network={state.network.clone()} />
                </header>
                if let Some(why) = error {
                    <p class="error" role="alert">{ format!("Threadline could not start: {why}") }</p>
                }
                <Notices notices={state.notices.clone()} />
                <Controls params={state.params.clone()} phase={state.phase.clone()} threads={state.env.threads()} />
                <section class="stage" aria-label="The run">
                    <div class="stage-main">
                        <div class="stage-head">
                            <Legend modes={shown.modes.clone()} />
                            <label class="axis">
                                <span>{ "Time axis" }</span>
                                <select data-testid="axis" onchange={setter(&controller, "axis")}>
                                    <option value="shared" selected={axis.id() == "shared"}>{ "shared by all modes" }</option>
                                    <option value="own" selected={axis.id() == "own"}>{ "each mode's own" }</option>
                                </select>
                            </label>
                        </div>
                        <Timeline planned={shown.modes.clone()} records={state.records.clone()}
                                  generation={state.generation} {running} {axis} {theme}
                                  tasks={shown.tasks} {workers} />
                        <div class="stage-foot">
                            <ReplayBar {running} />
                            <Exports records={state.records.clone()} {axis} {running} />
                        </div>
                    </div>
                    <Output records={state.records.clone()} />
                </section>
                <Results summaries={state.summaries.clone()} />
                <Sweep points={state.sweep.clone()} busy={running} sweeping={state.sweeping}
                       cores={state.env.cores as u32} />
                <Intervals records={state.records.clone()} />
                <footer class="colophon">
                    <p>{ "Every bar is a measured interval of a real run in this tab: Web Workers sharing memory for threads, separate WebAssembly instances for processes, fetch() through a service worker for the network. The GIL is a model: a real lock the threads take turns on." }</p>
                </footer>
            </div>
        </ContextProvider<Rc<Replay>>>
        </ContextProvider<Rc<Controller>>>
    }
}

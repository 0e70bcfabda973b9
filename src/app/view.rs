//! The root component: boots the page and lays it out.

use super::controller::Controller;
use super::controls::Controls;
use super::notices::Notices;
use super::results::Results;
use super::state::{AppState, Phase};
use super::status::StatusBar;
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
    let controller: Rc<Controller> = (*controller).clone();
    let error = match &state.phase {
        Phase::Error(why) => Some(why.clone()),
        _ => None,
    };
    html! {
        <ContextProvider<Rc<Controller>> context={controller}>
            <div class={classes!("shell", state.params.embed.then_some("embed"))}>
                <header class="masthead">
                    <h1 class="brand"><span class="brand-mark" aria-hidden="true"></span>{ "Threadline" }</h1>
                    <p class="tagline">{ "Python's concurrency models, run for real in your browser." }</p>
                    <StatusBar env={state.env.clone()} network={state.network.clone()} />
                </header>
                if let Some(why) = error {
                    <p class="error" role="alert">{ format!("Threadline could not start: {why}") }</p>
                }
                <Notices notices={state.notices.clone()} />
                <Controls params={state.params.clone()} phase={state.phase.clone()} threads={state.env.threads()} />
                <Timeline planned={state.planned.clone()} records={state.records.clone()}
                          generation={state.generation} running={state.phase == Phase::Running} />
                <Results summaries={state.summaries.clone()} records={state.records.clone()} />
            </div>
        </ContextProvider<Rc<Controller>>>
    }
}

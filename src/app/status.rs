//! What this page can do: cores, isolation, threads, network.

use threadline_core::page::{Env, Network};
use yew::prelude::*;

/// Props of [`StatusBar`].
#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    /// The page's capabilities.
    pub env: Env,
    /// Where downloads go, once known.
    pub network: Option<Network>,
}

/// A row of facts about the page, each saying why where it matters.
#[component]
pub fn StatusBar(props: &StatusBarProps) -> Html {
    let env = &props.env;
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let network = match &props.network {
        None => html! { <li class="fact">{ "network: starting…" }</li> },
        Some(Network::ServiceWorker) => html! {
            <li class="fact ok" title="Downloads go through the browser's network stack to this app's service worker, which answers after the set latency.">
                { "network: real requests" }
            </li>
        },
        Some(Network::Simulated { reason, detail }) => html! {
            <li class="fact warn" data-testid="network-simulated" title={detail.clone().unwrap_or_else(|| reason.clone())}>
                { format!("network: simulated with timers — {reason}") }
            </li>
        },
    };
    html! {
        <ul class="facts" aria-label="What this page can do">
            <li class="fact">{ format!("{} cores", env.cores) }</li>
            <li class={classes!("fact", if env.isolated { "ok" } else { "warn" })}>
                { if env.isolated { "cross-origin isolated" } else { "not cross-origin isolated" } }
            </li>
            if let Some(why) = &env.threads_off {
                <li class="fact warn" data-testid="threads-off">
                    { format!("threads off: {why}. ") }
                    <a href={here} target="_blank" rel="noopener" data-testid="open-in-tab">
                        { "Open in a new tab" }
                    </a>
                </li>
            } else {
                <li class="fact ok">{ "shared-memory threads on" }</li>
            }
            { network }
        </ul>
    }
}

//! The masthead: the name, the colour-scheme choice, what the app is, and
//! what this page can do.

use super::controller::Controller;
use super::controls::setter;
use super::status::StatusBar;
use std::rc::Rc;
use threadline_core::lab::View;
use threadline_core::page::{Env, Network};
use threadline_core::params::Theme;
use yew::prelude::*;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The chosen theme.
    pub theme: Theme,
    /// The browser's capabilities.
    pub env: Env,
    /// Where downloads go, once known.
    pub network: Option<Network>,
    /// The view shown.
    pub view: View,
}

/// The masthead.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let controller = use_context::<Rc<Controller>>();
    let on_theme = controller
        .clone()
        .map(|controller| setter(&controller, "theme"))
        .unwrap_or_default();
    let themes = [("auto", "Auto theme"), ("light", "Light"), ("dark", "Dark")];
    let on_view = |view: View| {
        let controller = controller.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(controller) = &controller {
                controller.configure(vec![("view".into(), view.id().into())]);
            }
        })
    };
    let tab = |view: View, name: &'static str| {
        html! {
            <a href={format!("?view={}", view.id())} data-testid={format!("view-{}", view.id())}
               aria-current={(props.view == view).then_some("page")} onclick={on_view(view)}>
                { name }
            </a>
        }
    };
    html! {
        <header class="masthead">
            <div class="masthead-row">
                <h1 class="brand"><span class="brand-mark" aria-hidden="true"></span>{ "Threadline" }</h1>
                <nav class="views" aria-label="Views">
                    { tab(View::Compare, "Compare") }
                    { tab(View::Lab, "Lab") }
                </nav>
                <label class="theme">
                    <span class="visually-hidden">{ "Colour scheme" }</span>
                    <select data-testid="theme" onchange={on_theme}>
                        { for themes.iter().map(|(id, name)| html! {
                            <option value={*id} selected={props.theme.id() == *id}>{ *name }</option>
                        }) }
                    </select>
                </label>
            </div>
            <p class="tagline">{ "Python's concurrency models — threads, the GIL, processes, asyncio — run for real in your browser and drawn as they happen." }</p>
            <StatusBar env={props.env.clone()} network={props.network.clone()} />
        </header>
    }
}

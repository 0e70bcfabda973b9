//! "Embed": a ready `<iframe>` snippet for the current view and settings,
//! to paste into a blog post.

use threadline_core::params::Params;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// This page's address without its query.
fn page_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

/// Props of [`EmbedSnippet`].
#[derive(Properties, PartialEq)]
pub struct EmbedSnippetProps {
    /// The settings the snippet embeds.
    pub params: Params,
}

/// A disclosure with the snippet, selected on focus, and a copy button.
#[component]
pub fn EmbedSnippet(props: &EmbedSnippetProps) -> Html {
    let copied = use_state(|| false);
    let snippet = props.params.embed_snippet(&page_url());
    let on_copy = {
        let (snippet, copied) = (snippet.clone(), copied.clone());
        Callback::from(move |_| {
            if let Some(window) = web_sys::window() {
                // A promise that fails only without permission: the text
                // stays selectable either way.
                let _ = window.navigator().clipboard().write_text(&snippet);
                copied.set(true);
            }
        })
    };
    let on_focus = Callback::from(|event: FocusEvent| {
        if let Some(area) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.select();
        }
    });
    html! {
        <details class="embed-snippet">
            <summary data-testid="embed">{ "Embed" }</summary>
            <p>{ "Paste this into a page to show this view with these settings:" }</p>
            <textarea readonly=true rows="3" data-testid="embed-snippet" value={snippet}
                      aria-label="iframe snippet" onfocus={on_focus} />
            <button type="button" onclick={on_copy}>
                { if *copied { "Copied" } else { "Copy" } }
            </button>
        </details>
    }
}

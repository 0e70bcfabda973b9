//! Small DOM chores: `#app`'s attributes, the address bar, the document.

use threadline_core::style::{STYLES, Scheme, pattern_ink};
use wasm_bindgen::JsCast;

/// The document.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The app's root element, `#app`.
pub fn app_root() -> Option<web_sys::HtmlElement> {
    document()?.get_element_by_id("app")?.dyn_into().ok()
}

/// Sets an attribute on `#app`.
pub fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = app_root() {
        let _ = root.set_attribute(name, value);
    }
}

/// The value of the `<input>` or `<select>` an event came from; empty for
/// any other target.
pub fn event_value(event: &web_sys::Event) -> String {
    let target = event.target();
    if let Some(input) = target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>())
    {
        return input.value();
    }
    target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>())
        .map(web_sys::HtmlSelectElement::value)
        .unwrap_or_default()
}

/// The page's query string's key/value pairs, decoded.
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.ok()?.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Puts `query` in the address bar without reloading, so the address is
/// always a permalink.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

const PREFERS_DARK: &str = "(prefers-color-scheme: dark)";

/// The operating system's colour-scheme query.
pub fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media(PREFERS_DARK).ok().flatten()
}

/// The scheme the operating system prefers.
pub fn system_scheme() -> Scheme {
    if dark_query().is_some_and(|q| q.matches()) {
        Scheme::Dark
    } else {
        Scheme::Light
    }
}

/// Puts the theme and the scheme in force on `<html>` (the stylesheet's
/// colours follow `data-scheme`) and the activities' colours in the
/// stylesheet's variables, from the core's one table.
pub fn show_scheme(theme: &str, scheme: Scheme) {
    let Some(html) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = html.set_attribute("data-theme", theme);
    let _ = html.set_attribute("data-scheme", scheme.id());
    if let Some(html) = html.dyn_ref::<web_sys::HtmlElement>() {
        let style = html.style();
        for look in &STYLES {
            let _ = style.set_property(&look.css_variable(), look.colour(scheme));
        }
        let _ = style.set_property("--pattern-ink", pattern_ink(scheme));
    }
}

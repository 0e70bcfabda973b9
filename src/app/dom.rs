//! Small DOM chores: `#app`'s attributes, the address bar, the document.

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

/// Applies the colour scheme (`auto` follows the operating system).
pub fn set_theme(theme: &str) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-theme", theme);
    }
    set_root_attr("data-theme", theme);
}

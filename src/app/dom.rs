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

thread_local! {
    static THEME: std::cell::RefCell<String> = std::cell::RefCell::new("auto".into());
    static FOLLOWING_SYSTEM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(PREFERS_DARK).ok().flatten())
        .is_some_and(|q| q.matches())
}

/// Sets `data-scheme` (`light` or `dark`), which the stylesheet's colours
/// follow, from the chosen theme and, for `auto`, the system's preference.
fn apply_scheme() {
    let theme = THEME.with(|t| t.borrow().clone());
    let dark = theme == "dark" || (theme == "auto" && system_prefers_dark());
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-theme", &theme);
        let _ = html.set_attribute("data-scheme", if dark { "dark" } else { "light" });
    }
    set_root_attr("data-theme", &theme);
    // The canvas reads its colours from the styles: tell it to repaint.
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(SCHEME_CHANGED)) {
        let _ = window.dispatch_event(&event);
    }
}

/// The window event sent when the colour scheme changes.
pub const SCHEME_CHANGED: &str = "threadline:scheme";

/// Applies the colour scheme; `auto` follows the operating system, also
/// when it changes while the page is open.
pub fn set_theme(theme: &str) {
    THEME.with(|t| *t.borrow_mut() = theme.to_string());
    apply_scheme();
    if FOLLOWING_SYSTEM.with(|f| f.replace(true)) {
        return;
    }
    if let Some(query) = web_sys::window().and_then(|w| w.match_media(PREFERS_DARK).ok().flatten())
    {
        let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(apply_scheme);
        let _ = query.add_event_listener_with_callback(
            "change",
            wasm_bindgen::JsCast::unchecked_ref(on_change.as_ref()),
        );
        // Listens for the page's lifetime.
        on_change.forget();
    }
}

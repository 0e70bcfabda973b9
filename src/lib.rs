//! Threadline's browser shell: the yew page (`app`) and the comparison
//! engine (`compare`) that runs the core's execution models on the browser's
//! threads, workers and network through `threadline-web`.

mod app;
mod compare;

use wasm_bindgen::JsCast;

/// Mounts the app on `#app`. Called once, on the main thread, by both builds.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(threadline_web::panic::hook));
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    yew::Renderer::<app::App>::with_root(root.unchecked_into()).render();
}

//! Threadline's browser shell: the yew app and the glue that runs the core's
//! execution models on the browser's threads, workers and network.

mod app;
mod engine;
mod runtime;

use wasm_bindgen::JsCast;

/// Mounts the app on `#app`. Called once, on the main thread, by both builds.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    yew::Renderer::<app::App>::with_root(root.unchecked_into()).render();
}

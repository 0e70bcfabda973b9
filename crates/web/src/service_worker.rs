//! The service worker that answers the app's downloads (`www/sw.js`).

use crate::clock::BrowserClock;
use crate::timer;
use threadline_core::clock::Clock;
use threadline_core::page::Network;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// How long to wait for the service worker to take control of a page that
/// loaded without one (the first visit).
const CONTROL_WAIT_MS: f64 = 4_000.0;

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on insecure origins and in some embedded contexts.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Registers the service worker and waits until it controls the page.
pub async fn start() -> Network {
    let simulated = |reason: &str, detail: Option<String>| Network::Simulated {
        reason: reason.into(),
        detail,
    };
    let Some(container) = container() else {
        return simulated("this page cannot use a service worker", None);
    };
    let options = web_sys::RegistrationOptions::new();
    options.set_scope("./");
    if let Err(error) = JsFuture::from(container.register_with_options("./sw.js", &options)).await {
        return simulated(
            "the browser allows no service worker here",
            Some(describe(&error)),
        );
    }
    let deadline = BrowserClock.now_ms() + CONTROL_WAIT_MS;
    while container.controller().is_none() {
        if BrowserClock.now_ms() > deadline {
            return simulated("no service worker took control of this page", None);
        }
        timer::sleep(25.0, None).await;
    }
    Network::ServiceWorker
}

/// Tells the service worker to end a run's pending requests now.
pub fn cancel_requests(run_id: &str) {
    let Some(controller) = container().and_then(|c| c.controller()) else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"threadline:cancel-io".into());
    let _ = js_sys::Reflect::set(&message, &"run".into(), &run_id.into());
    let _ = controller.post_message(&message);
}

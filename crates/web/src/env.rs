//! What this page can do: cores, isolation, and whether threads can run.

use threadline_core::page::Env;
use wasm_bindgen::JsValue;

fn global_flag(name: &str) -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Reads the page's facts. `threaded` says whether this is the build with
/// shared-memory threads; `boot.js` leaves the reason it chose the plain
/// build in `threadlineBoot.reason`.
pub fn detect(threaded: bool) -> Env {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency() as usize)
        .filter(|&n| n > 0)
        .unwrap_or(1);
    let isolated = global_flag("crossOriginIsolated").as_bool() == Some(true);
    let threads_off = (!threaded).then(|| {
        let boot = global_flag("threadlineBoot");
        js_sys::Reflect::get(&boot, &"reason".into())
            .ok()
            .and_then(|r| r.as_string())
            .unwrap_or_else(|| {
                "this page is not cross-origin isolated, so workers cannot share memory".into()
            })
    });
    Env {
        cores,
        isolated,
        threads_off,
    }
}

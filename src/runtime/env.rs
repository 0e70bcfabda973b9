//! What this page can do: cores, isolation, and whether threads can run.

use wasm_bindgen::JsValue;

/// The facts about the page that decide which modes can run.
#[derive(Clone, Debug, PartialEq)]
pub struct Env {
    /// `navigator.hardwareConcurrency`.
    pub cores: usize,
    /// `crossOriginIsolated`: whether the page may share memory with workers.
    pub isolated: bool,
    /// Why shared-memory threads cannot run here, if they cannot.
    pub threads_off: Option<String>,
}

fn global_flag(name: &str) -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).unwrap_or(JsValue::UNDEFINED)
}

impl Env {
    /// Reads the page's facts. `boot.js` leaves the reason it chose the
    /// plain build in `threadlineBoot.reason`.
    pub fn detect() -> Self {
        let cores = web_sys::window()
            .map(|w| w.navigator().hardware_concurrency() as usize)
            .filter(|&n| n > 0)
            .unwrap_or(1);
        let isolated = global_flag("crossOriginIsolated").as_bool() == Some(true);
        let threads_off = if cfg!(feature = "threads") {
            None
        } else {
            let boot = global_flag("threadlineBoot");
            let reason = js_sys::Reflect::get(&boot, &"reason".into())
                .ok()
                .and_then(|r| r.as_string());
            Some(reason.unwrap_or_else(|| {
                "this page is not cross-origin isolated, so workers cannot share memory".into()
            }))
        };
        Self {
            cores,
            isolated,
            threads_off,
        }
    }

    /// Whether shared-memory threads can run.
    pub fn threads(&self) -> bool {
        self.threads_off.is_none()
    }
}

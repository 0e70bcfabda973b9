//! Waiting without blocking: a `setTimeout` as a future, and a turn for
//! the browser between two pieces of work on the main thread.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // Global in windows and workers alike.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: f64) -> JsValue;
}

/// Resolves after `ms` milliseconds, or as soon as `abort` fires.
/// Returns `false` if it was aborted.
pub async fn sleep(ms: f64, abort: Option<&web_sys::AbortSignal>) -> bool {
    if abort.is_some_and(web_sys::AbortSignal::aborted) {
        return false;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        set_timeout(&resolve, ms.max(0.0));
        if let Some(signal) = abort {
            // The same `resolve` ends the wait early; a second call is a no-op.
            let _ = signal.add_event_listener_with_callback("abort", &resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
    !abort.is_some_and(web_sys::AbortSignal::aborted)
}

/// Resolves after the browser has had a chance to handle input and paint.
///
/// A message to our own `MessageChannel` queues a new task without the 4 ms
/// clamp that nested `setTimeout(0)` calls get, and the browser renders
/// between tasks whenever a frame is due.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
            return;
        };
        let port = channel.port1();
        let on_message = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        port.set_onmessage(Some(on_message.unchecked_ref()));
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::clock::BrowserClock;
    use threadline_core::clock::Clock;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn sleeps_at_least_as_long_as_asked() {
        let start = BrowserClock.now_ms();
        assert!(sleep(25.0, None).await);
        assert!(BrowserClock.now_ms() - start >= 24.0);
    }

    #[wasm_bindgen_test]
    async fn an_abort_ends_the_wait() {
        let controller = web_sys::AbortController::new().expect("AbortController");
        let signal = controller.signal();
        let start = BrowserClock.now_ms();
        wasm_bindgen_futures::spawn_local(async move {
            sleep(20.0, None).await;
            controller.abort();
        });
        assert!(!sleep(10_000.0, Some(&signal)).await);
        assert!(BrowserClock.now_ms() - start < 1_000.0);
    }
}

//! The browser's clock, comparable across the main thread and every worker.

use threadline_core::clock::Clock;
use wasm_bindgen::JsCast;

thread_local! {
    // Each worker has its own `performance`, with its own time origin.
    static PERFORMANCE: web_sys::Performance = js_sys::Reflect::get(
        &js_sys::global(),
        &"performance".into(),
    )
    .expect("every window and worker has `performance`")
    .unchecked_into();
}

/// `performance.timeOrigin + performance.now()`: each context's `now()`
/// counts from its own origin, so adding the origin puts the main thread and
/// all workers on one time line.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> f64 {
        PERFORMANCE.with(|perf| perf.time_origin() + perf.now())
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn reads_epoch_milliseconds_that_advance() {
        let clock = BrowserClock;
        let a = clock.now_ms();
        let b = clock.now_ms();
        assert!(b >= a);
        let epoch_now = js_sys::Date::now();
        assert!(
            (a - epoch_now).abs() < 1_000.0,
            "timeOrigin + now() is wall-clock time"
        );
    }
}

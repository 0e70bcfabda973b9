//! Browser glue that both the app and its worker processes use: a clock
//! shared by every thread, real HTTP, and timers.

pub mod clock;
pub mod net;
pub mod timer;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

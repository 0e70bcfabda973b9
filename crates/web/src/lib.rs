//! Threadline's browser glue: everything that touches the browser's clocks,
//! timers, network, service worker, workers and shared memory. The app and
//! the process module use it; the core and the page's components never touch
//! the browser beyond it (and yew).
//!
//! Every workaround for a browser's behaviour is commented where it is made.

pub mod clock;
pub mod env;
pub mod net;
pub mod panic;
pub mod process;
pub mod python;
pub mod service_worker;
#[cfg(feature = "threads")]
pub mod threads;
pub mod timer;
pub mod turns;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

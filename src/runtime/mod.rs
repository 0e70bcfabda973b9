//! Everything that touches the browser's threads, workers, clocks and
//! network. The rest of the shell and the whole core stay free of it.

pub mod env;
pub mod pace;
#[cfg(feature = "threads")]
pub mod pool;
pub mod process;
pub mod service_worker;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

//! The worker that runs a Python program in the browser: Threadline Python
//! with a host made of the browser's clock and `postMessage`, on a worker,
//! never on the page's main thread.

#[cfg(target_arch = "wasm32")]
mod host;
#[cfg(target_arch = "wasm32")]
mod mailbox;
#[cfg(target_arch = "wasm32")]
mod net;
#[cfg(target_arch = "wasm32")]
mod news;
#[cfg(target_arch = "wasm32")]
mod procs;
pub mod ring;
#[cfg(target_arch = "wasm32")]
mod run;
#[cfg(target_arch = "wasm32")]
mod shared;
#[cfg(all(target_arch = "wasm32", feature = "threads"))]
pub mod threads;

/// Runs the program the page sent (the worker script left it for us).
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    run::start();
}

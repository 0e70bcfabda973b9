//! The worker that runs a Python program in the browser: Threadline Python
//! with a host made of the browser's clock and `postMessage`, on a worker,
//! never on the page's main thread.

#[cfg(target_arch = "wasm32")]
mod host;
#[cfg(target_arch = "wasm32")]
mod run;

fn main() {
    #[cfg(target_arch = "wasm32")]
    run::start();
}

//! A worker process of the `procs` mode.
//!
//! Like a `ProcessPoolExecutor` worker it shares nothing with the page: it
//! is its own WebAssembly instance with its own memory, gets each task as a
//! serialised message, runs it, and sends the serialised result back. It
//! reports every change of activity as it happens, so the page can draw it
//! live.

#[cfg(target_arch = "wasm32")]
mod process;

fn main() {
    #[cfg(target_arch = "wasm32")]
    process::start();
}

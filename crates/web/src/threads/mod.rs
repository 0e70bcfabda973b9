//! Shared-memory thread pools: rayon on Web Workers.
//!
//! One pool at a time, grown to the largest size a run asked for and kept:
//! a Web Worker takes far longer to start than an OS thread, and
//! `ThreadPoolExecutor(max_workers=15)` runs 15 threads on 2 cores. A run of
//! `n` lanes uses `n` of the pool's threads. A worker that traps (a panic, or
//! running out of memory) ends its pool: the run in progress hears of it with
//! the panic's message, the pool's workers are terminated, and the next run
//! gets a new pool.

mod pool;
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;

pub use pool::{Crash, WorkerPool, discard_pool, pool_with};

use crossbeam_channel::Receiver;
use rayon::ThreadBuilder;
use std::collections::HashMap;
use std::sync::Mutex;
use wasm_bindgen::prelude::*;

/// Which rayon thread each started worker runs, by the worker's slot: read
/// after a worker crashed, to name the lane that died.
static THREAD_OF_SLOT: Mutex<Option<HashMap<u32, usize>>> = Mutex::new(None);

fn thread_of_slot(slot: u32) -> Option<usize> {
    THREAD_OF_SLOT
        .try_lock()
        .ok()
        .and_then(|map| map.as_ref().and_then(|m| m.get(&slot).copied()))
}

/// Entry point of a pool's worker: waits for its rayon thread and runs it
/// until the pool is dropped.
#[wasm_bindgen]
pub fn threadline_pool_worker(receiver: u32, slot: u32) {
    // SAFETY: `receiver` is the address of a `Receiver` that `WorkerPool`
    // leaked for this purpose; it is never freed, and crossbeam receivers
    // may be used from any thread.
    let receiver = unsafe { &*(receiver as *const Receiver<ThreadBuilder>) };
    if let Ok(thread) = receiver.recv() {
        if let Ok(mut map) = THREAD_OF_SLOT.lock() {
            map.get_or_insert_with(HashMap::new)
                .insert(slot, thread.index());
        }
        thread.run();
    }
}

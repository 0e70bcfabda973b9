//! Python threads on Web Workers over one shared heap (the threaded build).
//!
//! A worker cannot start another worker and then block: in browsers a new
//! worker's start-up needs its creator's event loop, and a Python thread
//! that starts another then often waits on it (`join`, a lock, a queue). So
//! every thread worker is the page's: a thread asks the page for one with a
//! message carrying the address of what to run, and the page hands that
//! address to a worker it keeps warm on this instance's memory.

use std::sync::atomic::{AtomicU64, Ordering};
use wasm_bindgen::prelude::*;

/// What a new thread runs, boxed twice so that one thin pointer carries it.
type Entry = Box<dyn FnOnce() + Send>;

/// Threads asked for so far, for the page's worker names.
static STARTED: AtomicU64 = AtomicU64::new(0);

fn post(message: &js_sys::Object) -> Result<(), String> {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    scope
        .post_message(message)
        .map_err(|e| format!("the page could not be asked for a thread: {e:?}"))
}

fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let message = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
    }
    message
}

/// Tells the page this instance's memory, so that it can start thread
/// workers on it. The program's first worker sends it before running.
pub fn announce_memory() {
    let message = object(&[
        ("type", "threadline:memory".into()),
        ("memory", wasm_bindgen::memory()),
    ]);
    if let Err(why) = post(&message) {
        crate::host::post(&threadline_web::python::FromPython::Output {
            err: true,
            text: format!("threadline: {why}\n"),
        });
    }
}

/// Runs `entry` on a new host thread: a Web Worker of the page on this
/// memory. Returns before the thread starts (the page starts it when its
/// event loop next turns).
pub fn spawn_thread(name: &str, entry: Entry) -> Result<(), String> {
    let address = Box::into_raw(Box::new(entry)) as usize as u32;
    let number = STARTED.fetch_add(1, Ordering::Relaxed) + 1;
    let message = object(&[
        ("type", "threadline:spawn".into()),
        ("entry", address.into()),
        ("name", format!("python {name} ({number})").into()),
    ]);
    post(&message).inspect_err(|_| {
        // SAFETY: the address came from `Box::into_raw` above and no
        // worker was told of it.
        drop(unsafe { Box::from_raw(address as usize as *mut Entry) });
    })
}

/// A thread worker's entry point: runs what `spawn_thread` boxed at
/// `entry`.
#[wasm_bindgen]
pub fn threadline_py_thread(entry: u32) {
    // SAFETY: the page passes each address `spawn_thread` posted exactly
    // once, to one worker on this memory.
    let entry = unsafe { Box::from_raw(entry as usize as *mut Entry) };
    entry();
}

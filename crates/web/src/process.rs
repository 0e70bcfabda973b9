//! A worker process: a Web Worker running the separate process module
//! (`crates/proc`) with its own WebAssembly memory, talking by message.

use futures_channel::mpsc::UnboundedSender;
use gloo_events::EventListener;
use std::cell::RefCell;
use threadline_core::protocol::{FromProcess, decode};
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions};

/// The process worker's script and its module, next to the app.
const SCRIPT: &str = "./process.js";
const MODULE: &str = "./threadline-proc_bg.wasm";

thread_local! {
    static COMPILED: RefCell<Option<js_sys::WebAssembly::Module>> = const { RefCell::new(None) };
}

/// Compiles the process module once (off the main thread, streaming), so
/// that starting a process only instantiates it.
pub async fn compiled_module() -> Result<js_sys::WebAssembly::Module, String> {
    if let Some(module) = COMPILED.with(|m| m.borrow().clone()) {
        return Ok(module);
    }
    let window = web_sys::window().ok_or("no window")?;
    let response = window.fetch_with_str(MODULE);
    let module: js_sys::WebAssembly::Module =
        wasm_bindgen_futures::JsFuture::from(js_sys::WebAssembly::compile_streaming(&response))
            .await
            .map_err(|e| format!("the process module did not compile: {e:?}"))?
            .unchecked_into();
    COMPILED.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// What a process said, or how it died.
pub enum ProcessEvent {
    /// A message from process `lane`.
    Message(u16, FromProcess),
    /// Process `lane` failed (it could not start, or it crashed).
    Crashed(u16, String),
}

/// A running process. Dropping it ends it.
pub struct ProcessWorker {
    worker: Worker,
    _on_message: EventListener,
    _on_error: EventListener,
}

impl ProcessWorker {
    /// Starts process `lane` with the compiled process `module`; its
    /// messages go to `events`.
    pub fn spawn(
        lane: u16,
        module: &js_sys::WebAssembly::Module,
        events: UnboundedSender<ProcessEvent>,
    ) -> Result<Self, String> {
        let name = format!("process-{}", lane + 1);
        let options = WorkerOptions::new();
        options.set_name(&name);
        let worker = Worker::new_with_options(SCRIPT, &options)
            .map_err(|e| format!("{name} could not start: {e:?}"))?;
        let messages = events.clone();
        let on_message = EventListener::new(&worker, "message", move |event| {
            let event: &MessageEvent = event.unchecked_ref();
            let text = event.data().as_string().unwrap_or_default();
            let _ = messages.unbounded_send(match decode::<FromProcess>(&text) {
                Ok(message) => ProcessEvent::Message(lane, message),
                Err(why) => ProcessEvent::Crashed(lane, why),
            });
        });
        let on_error = EventListener::new(&worker, "error", move |event| {
            let event: &ErrorEvent = event.unchecked_ref();
            event.prevent_default();
            let _ = events.unbounded_send(ProcessEvent::Crashed(lane, event.message()));
        });
        let start = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&start, &"type".into(), &"threadline:start".into());
        let _ = js_sys::Reflect::set(&start, &"module".into(), module);
        worker
            .post_message(&start)
            .map_err(|e| format!("{name} could not start: {e:?}"))?;
        Ok(Self {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a serialised message.
    pub fn send(&self, text: &str) -> Result<(), String> {
        self.worker
            .post_message(&JsValue::from_str(text))
            .map_err(|e| format!("{e:?}"))
    }
}

impl Drop for ProcessWorker {
    fn drop(&mut self) {
        // The listeners go with the struct, so a message already queued
        // reaches no one.
        self.worker.terminate();
    }
}

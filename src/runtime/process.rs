//! A worker process: a Web Worker running the separate process module
//! (`crates/proc`) with its own WebAssembly memory.

use futures_channel::mpsc::UnboundedSender;
use threadline_core::protocol::{FromProcess, decode};
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions};

/// The process worker's script and its module, next to the app.
const SCRIPT: &str = "./process.js";
const MODULE: &str = "./threadline-proc_bg.wasm";

thread_local! {
    static COMPILED: std::cell::RefCell<Option<js_sys::WebAssembly::Module>> = const { std::cell::RefCell::new(None) };
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
pub enum Event {
    /// A message from process `lane`.
    Message(u16, FromProcess),
    /// Process `lane` failed (it could not start, or crashed).
    Crashed(u16, String),
}

/// A running process.
pub struct Process {
    worker: Worker,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl Process {
    /// Starts process `lane` with the compiled process `module`; its
    /// messages go to `events`.
    pub fn spawn(
        lane: u16,
        module: &js_sys::WebAssembly::Module,
        events: UnboundedSender<Event>,
    ) -> Result<Self, String> {
        let options = WorkerOptions::new();
        options.set_name(&format!("process-{}", lane + 1));
        let worker = Worker::new_with_options(SCRIPT, &options)
            .map_err(|e| format!("process-{} could not start: {e:?}", lane + 1))?;
        let messages = events.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let _ = messages.unbounded_send(match decode::<FromProcess>(&text) {
                Ok(message) => Event::Message(lane, message),
                Err(why) => Event::Crashed(lane, why),
            });
        });
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let _ = events.unbounded_send(Event::Crashed(lane, event.message()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let start = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&start, &"type".into(), &"threadline:start".into());
        let _ = js_sys::Reflect::set(&start, &"module".into(), module);
        worker
            .post_message(&start)
            .map_err(|e| format!("process-{} could not start: {e:?}", lane + 1))?;
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

    /// Ends the process at once.
    pub fn terminate(&self) {
        self.worker.terminate();
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        // A message already queued must not reach the dropped handlers.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

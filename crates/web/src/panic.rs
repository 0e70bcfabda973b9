//! Panics, made visible: the message goes to the console, and the last one
//! is kept where the page's main thread can read it after a worker that
//! shared its memory trapped (a panic in a wasm build aborts the thread).

use std::sync::Mutex;

static LAST: Mutex<Option<String>> = Mutex::new(None);

/// Installs the hook, once per module instance (threads of the threaded
/// build share it).
pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = match info.payload().downcast_ref::<&str>() {
                Some(text) => (*text).to_string(),
                None => info
                    .payload()
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| "a panic".into()),
            };
            if let Ok(mut last) = LAST.try_lock() {
                *last = Some(message);
            }
            console_error_panic_hook::hook(info);
        }));
    });
}

/// The message of the last panic since the last call, if any.
pub fn take_last() -> Option<String> {
    LAST.try_lock().ok().and_then(|mut last| last.take())
}

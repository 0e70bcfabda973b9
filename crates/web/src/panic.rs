//! Panics, made visible: the message goes to the console, and the last one
//! is kept where the page's main thread can read it after a worker that
//! shared its memory trapped (a panic in a wasm build aborts the thread).

use std::sync::Mutex;

static LAST: Mutex<Option<String>> = Mutex::new(None);

/// The panic hook: the message to the console, and kept for the page.
/// Set it with `std::panic::set_hook` (or yew's `set_custom_panic_hook`,
/// since yew replaces any other hook): hooks are global, so one set on the
/// main thread serves every thread that shares its memory.
pub fn hook(info: &std::panic::PanicHookInfo<'_>) {
    if let Ok(mut last) = LAST.try_lock() {
        *last = Some(message(info));
    }
    console_error_panic_hook::hook(info);
}

/// What a panic said.
pub fn message(info: &std::panic::PanicHookInfo<'_>) -> String {
    match info.payload().downcast_ref::<&str>() {
        Some(text) => (*text).to_string(),
        None => info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_else(|| "a panic".into()),
    }
}

/// The message of the last panic since the last call, if any.
pub fn take_last() -> Option<String> {
    LAST.try_lock().ok().and_then(|mut last| last.take())
}

//! The interpreter's two modules, each fetched and compiled once, on first
//! use: a program's first run pays for it, the page's own load does not.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// One build of the interpreter, compiled.
#[derive(Clone)]
pub struct Interpreter {
    /// Its module.
    pub module: js_sys::WebAssembly::Module,
    /// The script that instantiates it in a worker.
    pub glue: &'static str,
}

thread_local! {
    static COMPILED: RefCell<[Option<Interpreter>; 2]> = const { RefCell::new([None, None]) };
}

/// The plain build, or the threaded one for a cross-origin isolated page.
pub async fn interpreter(threaded: bool) -> Result<Interpreter, String> {
    let slot = usize::from(threaded);
    if let Some(compiled) = COMPILED.with(|c| c.borrow()[slot].clone()) {
        return Ok(compiled);
    }
    let (glue, wasm) = if threaded {
        ("./threadline-py-mt.js", "./threadline-py-mt_bg.wasm")
    } else {
        ("./threadline-py.js", "./threadline-py_bg.wasm")
    };
    let window = web_sys::window().ok_or("no window")?;
    let response = window.fetch_with_str(wasm);
    let module: js_sys::WebAssembly::Module =
        JsFuture::from(js_sys::WebAssembly::compile_streaming(&response))
            .await
            .map_err(|e| format!("the interpreter did not load: {e:?}"))?
            .unchecked_into();
    let compiled = Interpreter { module, glue };
    COMPILED.with(|c| c.borrow_mut()[slot] = Some(compiled.clone()));
    Ok(compiled)
}

/// Whether this page may share memory with its workers.
pub fn page_is_isolated() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

//! `window.threadline`: the page's JavaScript API, for tests and embedders.
//! Every call reads the one store; `run` goes through the controller like
//! the page's own button.

use super::api_input::run_input;
use super::controller::Controller;
use super::frame_stats;
use super::lab::api::{PyResult, lesson_list, python_options};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// A serialisable value as a plain JS object (maps as objects, `None` as
/// `null`).
pub fn to_js(value: &impl serde::Serialize) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

fn rejected(why: &str) -> js_sys::Promise {
    js_sys::Promise::reject(&js_sys::Error::new(why).into())
}

/// Applies `settings`, runs, and resolves with the summaries; rejects with
/// an `Error` saying why it could not run. Never throws.
pub fn run_from_js(controller: &Rc<Controller>, settings: &JsValue) -> js_sys::Promise {
    let input = match run_input(settings) {
        Ok(input) => input,
        Err(why) => return rejected(&why),
    };
    if controller.is_running() {
        return rejected("a run is already in progress; cancel it first");
    }
    controller.configure(input.pairs);
    let controller = controller.clone();
    future_to_promise(async move {
        match controller.run(input.options).await {
            Ok(summaries) => Ok(to_js(&summaries)),
            Err(why) => Err(js_sys::Error::new(&why).into()),
        }
    })
}

/// Runs a program in the lab, with `{build, interval}` applied first as the
/// URL's keys would be, and resolves with how it ran; rejects only when the
/// page cannot run programs at all. Never throws.
fn run_python_from_js(
    controller: &Rc<Controller>,
    code: JsValue,
    options: &JsValue,
) -> js_sys::Promise {
    let Some(code) = code.as_string() else {
        return rejected("runPython() takes the program's source as a string");
    };
    let pairs = match python_options(options) {
        Ok(pairs) => pairs,
        Err(why) => return rejected(&why),
    };
    if controller.program_running() {
        return rejected("a program is already running; cancel it first");
    }
    controller.configure(pairs);
    let controller = controller.clone();
    future_to_promise(async move {
        match controller.run_program(Some(code)).await {
            Ok(run) => Ok(to_js(&PyResult::of(&run))),
            Err(why) => Err(js_sys::Error::new(&why).into()),
        }
    })
}

/// `{wasmBytes, jsHeapBytes}`: the size of the app's WebAssembly memory
/// (which grows and never shrinks, so a leak shows as growth) and, where
/// the browser tells, of the JavaScript heap.
fn memory_in_use() -> JsValue {
    let get = |target: &JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
    };
    let wasm = get(&get(&wasm_bindgen::memory(), "buffer"), "byteLength");
    let heap = web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| get(&get(&p.into(), "memory"), "usedJSHeapSize"))
        .unwrap_or(JsValue::NULL);
    let out = js_sys::Object::new();
    set(&out, "wasmBytes", &wasm);
    set(&out, "jsHeapBytes", &heap);
    out.into()
}

fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &name.into(), value);
}

/// Installs `window.threadline` for the page's lifetime.
pub fn install(controller: &Rc<Controller>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let c = controller.clone();
    let run = Closure::<dyn Fn(JsValue) -> js_sys::Promise>::new(move |settings| {
        run_from_js(&c, &settings)
    });
    set(&api, "run", run.as_ref());
    let c = controller.clone();
    let run_python = Closure::<dyn Fn(JsValue, JsValue) -> js_sys::Promise>::new(
        move |code: JsValue, options: JsValue| run_python_from_js(&c, code, &options),
    );
    set(&api, "runPython", run_python.as_ref());
    let lessons = Closure::<dyn Fn() -> JsValue>::new(|| to_js(&lesson_list()));
    set(&api, "lessons", lessons.as_ref());
    let c = controller.clone();
    let cancel = Closure::<dyn Fn()>::new(move || {
        c.cancel();
        c.cancel_program();
    });
    set(&api, "cancel", cancel.as_ref());
    let c = controller.clone();
    let trace = Closure::<dyn Fn() -> JsValue>::new(move || to_js(&c.store().state().trace()));
    set(&api, "trace", trace.as_ref());
    let c = controller.clone();
    let state = Closure::<dyn Fn() -> JsValue>::new(move || to_js(&c.store().state().facts()));
    set(&api, "state", state.as_ref());
    // An extension: how long the timeline's frames take to draw.
    let frame_stats = Closure::<dyn Fn(JsValue) -> JsValue>::new(|reset: JsValue| {
        to_js(&frame_stats::stats(reset.as_bool() == Some(true)))
    });
    set(&api, "frameStats", frame_stats.as_ref());
    // An extension: how much memory the app holds, to see that it stays flat.
    let memory = Closure::<dyn Fn() -> JsValue>::new(memory_in_use);
    set(&api, "memory", memory.as_ref());
    set(&window, "threadline", &api);
    // The API lives as long as the page.
    run.forget();
    run_python.forget();
    lessons.forget();
    cancel.forget();
    trace.forget();
    state.forget();
    frame_stats.forget();
    memory.forget();
}

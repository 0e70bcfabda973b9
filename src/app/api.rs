//! The page's outside surface: `window.threadline` for tests and
//! embedders, and the `postMessage` protocol with an embedding page.

use super::controller::Controller;
use std::rc::Rc;
use threadline_core::summary::Summary;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// A serialisable value as a plain JS object.
pub fn to_js(value: &impl serde::Serialize) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// Settings from a JS object, as URL key/value pairs: arrays become comma
/// lists, booleans 1 or 0. `record: false` is taken out: it is not a
/// setting but a switch for measuring what recording costs.
fn pairs_from(object: &JsValue) -> (Vec<(String, String)>, bool) {
    let mut record = true;
    let mut pairs = Vec::new();
    if !object.is_object() {
        return (pairs, record);
    }
    for entry in js_sys::Object::entries(object.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let Some(key) = entry.get(0).as_string() else {
            continue;
        };
        let value = entry.get(1);
        if key == "record" {
            record = value.as_bool() != Some(false);
            continue;
        }
        let text = if let Some(flag) = value.as_bool() {
            if flag { "1".into() } else { "0".into() }
        } else if let Some(number) = value.as_f64() {
            number.to_string()
        } else if let Some(text) = value.as_string() {
            text
        } else if js_sys::Array::is_array(&value) {
            js_sys::Array::from(&value).join(",").into()
        } else {
            // Whatever it is, validation will name it in a notice.
            String::from(js_sys::Object::from(value).to_string())
        };
        pairs.push((key, text));
    }
    (pairs, record)
}

/// Applies `settings`, runs, and resolves with the summaries (or rejects
/// with an `Error` saying why it could not run).
fn run_with(controller: &Rc<Controller>, settings: &JsValue) -> js_sys::Promise {
    let (pairs, record) = pairs_from(settings);
    let (params, notices) = controller.with_pairs(pairs);
    let controller = controller.clone();
    future_to_promise(async move {
        if !controller.is_running() {
            controller.configure(params, notices);
        }
        match controller.run(record).await {
            Ok(summaries) => Ok(to_js(&summaries)),
            Err(why) => Err(js_sys::Error::new(&why).into()),
        }
    })
}

fn embedded_parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post_to_parent(message: &JsValue) {
    if let Some(parent) = embedded_parent() {
        let _ = parent.post_message(message, "*");
    }
}

/// Tells an embedding page that a run finished.
pub fn notify_done(summaries: &[Summary]) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"threadline:done".into());
    let _ = js_sys::Reflect::set(&message, &"summaries".into(), &to_js(&summaries));
    post_to_parent(&message);
}

/// Tells an embedding page how tall the app is, so it can size its iframe.
fn notify_height(height: f64) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"threadline:resize".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.ceil().into());
    post_to_parent(&message);
}

/// Keeps an embedding page told of the app's height as it changes.
pub fn watch_height() {
    let (Some(_), Some(root)) = (
        embedded_parent(),
        super::dom::document().and_then(|d| d.document_element()),
    ) else {
        return;
    };
    let last = std::cell::Cell::new(0.0);
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let height = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .map_or(0.0, |e| f64::from(e.scroll_height()));
        if (height - last.get()).abs() >= 1.0 {
            last.set(height);
            notify_height(height);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = super::dom::document().and_then(|d| d.body()) {
            observer.observe(&body);
        }
    }
    // Observes for the page's lifetime.
    on_resize.forget();
}

fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &name.into(), value);
}

/// Installs `window.threadline` and listens for the embedding page's
/// `threadline:run` messages. Both live as long as the page.
pub fn install(controller: &Rc<Controller>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();

    let c = controller.clone();
    let run =
        Closure::<dyn Fn(JsValue) -> js_sys::Promise>::new(move |settings| run_with(&c, &settings));
    set(&api, "run", run.as_ref());
    run.forget();

    let c = controller.clone();
    let cancel = Closure::<dyn Fn()>::new(move || c.cancel());
    set(&api, "cancel", cancel.as_ref());
    cancel.forget();

    let c = controller.clone();
    let trace = Closure::<dyn Fn() -> JsValue>::new(move || to_js(&c.trace()));
    set(&api, "trace", trace.as_ref());
    trace.forget();

    let c = controller.clone();
    let state = Closure::<dyn Fn() -> JsValue>::new(move || to_js(&c.facts()));
    set(&api, "state", state.as_ref());
    state.forget();

    // An extension of the contract: drawing-time statistics of the timeline.
    let frame_stats = Closure::<dyn Fn(JsValue) -> JsValue>::new(|reset: JsValue| {
        to_js(&super::frame_stats::stats(reset.as_bool() == Some(true)))
    });
    set(&api, "frameStats", frame_stats.as_ref());
    frame_stats.forget();

    set(&window, "threadline", &api);

    let c = controller.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // Only the embedding page may drive the app, and only in this shape.
            let from_parent = match (embedded_parent(), event.source()) {
                (Some(parent), Some(source)) => js_sys::Object::is(&parent, &source),
                _ => false,
            };
            let data = event.data();
            let kind = js_sys::Reflect::get(&data, &"type".into())
                .ok()
                .and_then(|t| t.as_string());
            if from_parent && kind.as_deref() == Some("threadline:run") {
                let settings =
                    js_sys::Reflect::get(&data, &"params".into()).unwrap_or(JsValue::UNDEFINED);
                let _ = run_with(&c, &settings);
            }
        });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

//! The messages between the app and a page that embeds it in an iframe:
//! the app's height and each finished run go up; `threadline:run` comes
//! down, from the embedding page only.

use super::api::{run_from_js, to_js};
use super::controller::Controller;
use gloo_events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use threadline_core::summary::Summary;
use wasm_bindgen::prelude::*;

fn embedding_parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post_to_parent(kind: &str, field: &str, value: &JsValue) {
    let Some(parent) = embedding_parent() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&message, &field.into(), value);
    let _ = parent.post_message(&message, "*");
}

/// Tells an embedding page that a run finished.
pub fn post_done(summaries: &[Summary]) {
    post_to_parent("threadline:done", "summaries", &to_js(&summaries));
}

/// Keeps an embedding page told of the app's height as it changes, for the
/// page's lifetime.
pub fn report_height() {
    let (Some(_), Some(root)) = (
        embedding_parent(),
        super::dom::document().and_then(|d| d.document_element()),
    ) else {
        return;
    };
    let last = Cell::new(0.0);
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let height = super::dom::document()
            .and_then(|d| d.document_element())
            .map_or(0.0, |e| f64::from(e.scroll_height()));
        if (height - last.get()).abs() >= 1.0 {
            last.set(height);
            post_to_parent("threadline:resize", "height", &height.ceil().into());
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = super::dom::document().and_then(|d| d.body()) {
            observer.observe(&body);
        }
    }
    // ResizeObserver takes a plain function; it observes for the page's life.
    on_resize.forget();
}

/// Runs on `threadline:run` messages from the embedding page, and only
/// from it, for the page's lifetime.
pub fn listen(controller: &Rc<Controller>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let controller = controller.clone();
    EventListener::new(&window, "message", move |event| {
        let event: &web_sys::MessageEvent = event.unchecked_ref();
        let from_parent = match (embedding_parent(), event.source()) {
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
            let _ = run_from_js(&controller, &settings);
        }
    })
    .forget();
}

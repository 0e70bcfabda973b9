//! The lab's network in the browser: `requests`, `urllib` and `aiohttp`
//! reach the app's service worker through `fetch()`.
//!
//! A Python thread asks from wherever it runs and then waits; a `fetch()`
//! answers only on an event loop that is free. So requests queue in the
//! host, and the interpreter's own worker starts them: between two steps in
//! `one-core`, and while the main thread runs on its own worker in the
//! threaded build. The answer goes back through the request's completion,
//! which wakes whoever waits for it.
//!
//! Where no service worker controls the page (an embed the browser gives
//! none), the worker answers itself, as the native command does: the same
//! bytes, after the same latency, on a timer.

use crate::news::Teller;
use std::cell::Cell;
use std::rc::Rc;
use threadline_python::net::{FetchCompletion, FetchError, FetchOutcome, FetchReply, FetchRequest};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Requests asked for and not yet started.
#[derive(Debug, Default)]
pub struct Pending(parking_lot::Mutex<Vec<(FetchRequest, FetchCompletion)>>);

impl Pending {
    /// Queues a request (from any thread).
    pub fn push(&self, request: FetchRequest, done: FetchCompletion) {
        self.0.lock().push((request, done));
    }

    /// Whether no request waits to start.
    pub fn is_empty(&self) -> bool {
        self.0.lock().is_empty()
    }

    fn take(&self) -> Vec<(FetchRequest, FetchCompletion)> {
        std::mem::take(&mut *self.0.lock())
    }
}

/// The requests this worker has under way.
#[derive(Clone, Debug, Default)]
pub struct InFlight {
    count: Rc<Cell<usize>>,
    /// Answered here, on a timer (no service worker controls the page).
    local: bool,
}

impl InFlight {
    /// Requests answered by the service worker, or (`local`) on a timer here.
    pub fn new(local: bool) -> InFlight {
        InFlight {
            local,
            ..InFlight::default()
        }
    }

    /// Starts every queued request on this worker's event loop; `news`
    /// hears of each answer.
    pub fn start(&self, pending: &Pending, news: &Teller) {
        for (request, done) in pending.take() {
            self.count.set(self.count.get() + 1);
            let count = self.count.clone();
            let news = news.clone();
            let local = self.local;
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = if local {
                    answer_here(&request).await
                } else {
                    fetch(&request).await
                };
                done.complete(outcome);
                count.set(count.get().saturating_sub(1));
                news.tell();
            });
        }
    }

    /// Whether an answer may still come.
    pub fn busy(&self) -> bool {
        self.count.get() > 0
    }
}

/// The service worker's address for `request`: its resource, latency and
/// failure, the latency counted from when the program asked (`sent`, on the
/// clock every context of the page shares).
fn address(request: &FetchRequest) -> String {
    let fail = if request.fail { "&fail=1" } else { "" };
    format!(
        "io/resource/{}?latency={}&sent={:.3}{fail}",
        request.resource, request.latency_ms, request.sent_ms
    )
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".into())
}

/// The lab server's answer to `request`, once its latency has passed since
/// the program asked.
async fn answer_here(request: &FetchRequest) -> FetchOutcome {
    use threadline_core::clock::Clock;
    let due = request.sent_ms + request.latency_ms;
    let left = due - threadline_web::clock::BrowserClock.now_ms();
    if left > 0.0 {
        threadline_web::timer::sleep(left, None).await;
    }
    Ok(threadline_python::net::lab_reply(request))
}

/// Fetches `request` from the service worker: its status, headers and
/// whole body, whatever the status.
async fn fetch(request: &FetchRequest) -> FetchOutcome {
    let global: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let response: web_sys::Response = JsFuture::from(global.fetch_with_str(&address(request)))
        .await
        .map_err(|e| FetchError::Failed(describe(e)))?
        .unchecked_into();
    let mut headers = Vec::new();
    if let Ok(Some(entries)) = js_sys::try_iter(&response.headers()) {
        for entry in entries.flatten() {
            let pair: js_sys::Array = entry.unchecked_into();
            if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                headers.push((name, value));
            }
        }
    }
    let body = response
        .array_buffer()
        .map_err(|e| FetchError::Failed(describe(e)))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|e| FetchError::Failed(describe(e)))?;
    Ok(FetchReply {
        status: response.status(),
        reason: response.status_text(),
        headers,
        body: js_sys::Uint8Array::new(&body).to_vec(),
    })
}

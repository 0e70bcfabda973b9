//! Real HTTP through the browser's network stack, and the one way every
//! mode fetches a run's resources.

use crate::clock::BrowserClock;
use crate::timer;
use crate::turns::{Turn, Turns};
use futures_util::future::Either;
use std::future::Future;
use std::rc::Rc;
use threadline_core::cancel::CancelToken;
use threadline_core::clock::Clock;
use threadline_core::drive::{BlockingIo, TaskIo};
use threadline_core::io::IoPlan;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn describe(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".into())
}

/// Fetches `url` with `fetch()`, as a future; aborted through `signal`.
/// Anything but a 200 is an error naming the status.
pub async fn fetch_bytes(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<Vec<u8>, String> {
    let init = web_sys::RequestInit::new();
    init.set_signal(signal);
    let global: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    // `fetch` is on both Window and WorkerGlobalScope; calling it through the
    // worker binding is fine on a window too (same method, same name).
    let promise = global.fetch_with_str_and_init(url, &init);
    let response: web_sys::Response = JsFuture::from(promise)
        .await
        .map_err(describe)?
        .unchecked_into();
    if response.status() != 200 {
        return Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches `url` with a synchronous `XMLHttpRequest`, blocking the calling
/// worker the way `requests.get` blocks a Python thread. Workers only: the
/// main thread must never block.
pub fn fetch_bytes_blocking(url: &str, timeout_ms: u32) -> Result<Vec<u8>, String> {
    let xhr = web_sys::XmlHttpRequest::new().map_err(describe)?;
    xhr.open_with_async("GET", url, false).map_err(describe)?;
    // Allowed for synchronous requests in workers (not on a window).
    xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
    xhr.set_timeout(timeout_ms);
    xhr.send().map_err(describe)?;
    let status = xhr.status().map_err(describe)?;
    if status != 200 {
        let text = xhr.status_text().unwrap_or_default();
        return Err(format!("HTTP {status} {text}").trim_end().to_string());
    }
    let body = xhr.response().map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// Fetches resource `index` of a run without blocking: an awaited
/// `fetch()` to the app's service worker, or, where none can answer, a timer
/// of the plan's latency. `abort` ends it early (the page's cancel); a
/// request that gets no answer within the plan's time limit fails.
pub async fn fetch_resource(
    plan: &IoPlan,
    index: u32,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<Vec<u8>, String> {
    if plan.simulated {
        if !timer::sleep(f64::from(plan.latency_ms), abort).await {
            return Err("cancelled".into());
        }
        return plan.simulated_response(index);
    }
    // One controller ends the request: the page's cancel, or the time limit.
    let ends = web_sys::AbortController::new().map_err(describe)?;
    let _forwarded = abort.map(|signal| {
        let ends = ends.clone();
        gloo_events::EventListener::once(signal, "abort", move |_| ends.abort())
    });
    let url = plan.url(index, BrowserClock.now_ms());
    let signal = ends.signal();
    let request = std::pin::pin!(fetch_bytes(&url, Some(&signal)));
    let limit = std::pin::pin!(timer::sleep(f64::from(plan.timeout_ms()), None));
    match futures_util::future::select(request, limit).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            ends.abort();
            Err(format!("no response within {} s", plan.timeout_ms() / 1000))
        }
    }
}

/// A task's I/O awaited on this thread's event loop: [`fetch_resource`];
/// with `turns`, its stretches of CPU work take turns with the other tasks'
/// and the browser's (asyncio's loop), and without, it computes at once.
pub struct AwaitedIo {
    /// The run's I/O plan.
    pub plan: IoPlan,
    /// Ends the run's requests early.
    pub abort: Option<web_sys::AbortSignal>,
    /// The event loop's turns, shared by the tasks on it.
    pub turns: Option<Rc<Turns>>,
}

impl TaskIo for AwaitedIo {
    type Turn = Option<Turn>;

    fn fetch(&mut self, index: u32) -> impl Future<Output = Result<Vec<u8>, String>> {
        let plan = self.plan.clone();
        let abort = self.abort.clone();
        async move { fetch_resource(&plan, index, abort.as_ref()).await }
    }

    fn turn(&mut self) -> impl Future<Output = Option<Turn>> {
        let turns = self.turns.clone();
        async move {
            match turns {
                Some(turns) => Some(turns.take().await),
                None => None,
            }
        }
    }
}

/// A synchronous request from a worker thread, as `requests.get` blocks a
/// Python thread. Cancelling the run makes the service worker end it early.
pub struct BlockingFetch {
    /// The run's I/O plan.
    pub plan: IoPlan,
}

impl BlockingIo for BlockingFetch {
    fn fetch(&self, index: u32, cancel: &CancelToken) -> Result<Vec<u8>, String> {
        if self.plan.simulated {
            let simulated = threadline_core::io::SimulatedIo {
                plan: self.plan.clone(),
                clock: std::sync::Arc::new(BrowserClock),
            };
            return simulated.fetch(index, cancel);
        }
        let url = self.plan.url(index, BrowserClock.now_ms());
        fetch_bytes_blocking(&url, self.plan.timeout_ms())
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn fetches_a_page_and_names_a_missing_one() {
        let page = fetch_bytes("/", None).await.expect("the runner serves /");
        assert!(!page.is_empty());
        let missing = fetch_bytes("/no-such-file-here", None).await.unwrap_err();
        assert!(missing.starts_with("HTTP 404"), "{missing}");
    }

    #[wasm_bindgen_test]
    async fn an_aborted_fetch_fails() {
        let controller = web_sys::AbortController::new().expect("AbortController");
        controller.abort();
        let err = fetch_bytes("/", Some(&controller.signal()))
            .await
            .unwrap_err();
        assert!(err.to_lowercase().contains("abort"), "{err}");
    }
}

//! Real HTTP through the browser's network stack.

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

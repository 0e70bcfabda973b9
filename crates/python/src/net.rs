//! The network as the lab offers it (PYTHON.md section 5): only the app's own
//! resources, `io/resource/<i>`, with the query the app's service worker
//! understands (`latency=<ms>`, `fail=1`). A URL is checked here, before any
//! host sees it, so every host refuses the same URLs with the same words;
//! the host then fetches it ([`crate::host::Host::fetch`]) and hands the
//! outcome to a [`FetchCompletion`], from any thread, at any time.

use std::sync::{Arc, Mutex};

/// The longest latency the service worker grants, ms.
pub const MAX_LATENCY_MS: f64 = 10_000.0;

/// What a program may reach, said when it asks for anything else.
pub const REACHABLE: &str = "the lab's network reaches only its own resources: \
io/resource/<i>?latency=<ms> (add &fail=1 for a 503 answer)";

/// A request for one of the lab's resources.
#[derive(Clone, Debug, PartialEq)]
pub struct FetchRequest {
    /// The URL as the program wrote it.
    pub url: String,
    /// The resource's index (`threadline_core::resource::resource_bytes`).
    pub resource: u32,
    /// How long the answer takes, ms, counted from `sent_ms`.
    pub latency_ms: f64,
    /// `fail=1`: the answer is `503 Service Unavailable`.
    pub fail: bool,
    /// When the program made the request, on the host clock.
    pub sent_ms: f64,
}

/// An answer.
#[derive(Clone, Debug, PartialEq)]
pub struct FetchReply {
    /// The HTTP status (200, 503).
    pub status: u16,
    /// Its reason phrase (`OK`, `Service Unavailable`).
    pub reason: String,
    /// The response headers, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

/// Why a request got no answer.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// Nothing answers at that address (the lab's, or a host without a
    /// network): a connection refused, with the reason.
    Refused(String),
    /// The request went out and failed on the way.
    Failed(String),
}

/// A request's outcome.
pub type FetchOutcome = Result<FetchReply, FetchError>;

/// Where a host delivers a request's outcome: once, from any thread (the
/// browser's driver between two `Program::step` calls, a native host's
/// timer thread). Delivering stores the outcome and wakes whoever waits for
/// it (a thread in `requests.get`, an event loop's selector).
pub struct FetchCompletion {
    pub(crate) slot: Arc<Mutex<Option<FetchOutcome>>>,
    pub(crate) wake: Box<dyn Fn() + Send + Sync>,
}

impl std::fmt::Debug for FetchCompletion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FetchCompletion").finish_non_exhaustive()
    }
}

impl FetchCompletion {
    /// Delivers the outcome and wakes its waiter.
    pub fn complete(self, outcome: FetchOutcome) {
        if let Ok(mut slot) = self.slot.lock() {
            *slot = Some(outcome);
        }
        (self.wake)();
    }
}

/// The resource, latency and failure a lab URL asks for, or why it is
/// refused. Accepted: `io/resource/<i>` (relative to the app, with or
/// without a leading `/` or `./`) and `http(s)://localhost` or
/// `127.0.0.1` (any port) followed by `/io/resource/<i>`.
pub fn parse_lab_url(url: &str) -> Result<(u32, f64, bool), String> {
    let (address, query) = url.split_once('?').unwrap_or((url, ""));
    let path = match address.split_once("://") {
        Some((scheme, rest)) => {
            if scheme != "http" && scheme != "https" {
                return Err(format!("unsupported scheme {scheme:?}: {REACHABLE}"));
            }
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            let name = host.rsplit_once(':').map_or(host, |(name, _)| name);
            if name != "localhost" && name != "127.0.0.1" {
                return Err(format!("{name} is out of reach: {REACHABLE}"));
            }
            path
        }
        None => address.trim_start_matches("./").trim_start_matches('/'),
    };
    let index = path
        .strip_prefix("io/resource/")
        .and_then(|i| i.parse::<u32>().ok())
        .ok_or_else(|| format!("nothing is served at /{path}: {REACHABLE}"))?;
    let mut latency_ms = 0.0;
    let mut fail = false;
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("latency", ms)) => {
                latency_ms = ms.parse::<f64>().unwrap_or(0.0).clamp(0.0, MAX_LATENCY_MS);
            }
            Some(("fail", "1")) => fail = true,
            _ => {}
        }
    }
    Ok((index, latency_ms, fail))
}

/// The answer the lab's server gives `request` (the service worker's,
/// byte for byte): the resource's bytes, or a 503 when it asks to fail.
pub fn lab_reply(request: &FetchRequest) -> FetchReply {
    let mut headers = vec![
        ("Cache-Control".to_string(), "no-store".to_string()),
        (
            "Cross-Origin-Resource-Policy".to_string(),
            "same-origin".to_string(),
        ),
    ];
    if request.fail {
        headers.push((
            "Content-Type".to_string(),
            "text/plain;charset=UTF-8".to_string(),
        ));
        return FetchReply {
            status: 503,
            reason: "Service Unavailable".into(),
            headers,
            body: b"Service Unavailable".to_vec(),
        };
    }
    headers.push((
        "Content-Type".to_string(),
        "application/octet-stream".to_string(),
    ));
    FetchReply {
        status: 200,
        reason: "OK".into(),
        headers,
        body: threadline_core::resource::resource_bytes(request.resource),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lab_urls_are_read_and_others_refused() {
        assert_eq!(
            parse_lab_url("io/resource/3?latency=200"),
            Ok((3, 200.0, false))
        );
        assert_eq!(
            parse_lab_url("http://127.0.0.1:8000/io/resource/0?fail=1&latency=5"),
            Ok((0, 5.0, true))
        );
        assert_eq!(
            parse_lab_url("/io/resource/7?latency=99999"),
            Ok((7, MAX_LATENCY_MS, false))
        );
        let refused = parse_lab_url("https://example.com/").unwrap_err();
        assert!(
            refused.starts_with("example.com is out of reach"),
            "{refused}"
        );
        assert!(parse_lab_url("io/resource/x").is_err());
        assert!(parse_lab_url("ftp://localhost/io/resource/1").is_err());
    }

    #[test]
    fn a_failing_request_gets_a_503() {
        let request = FetchRequest {
            url: String::new(),
            resource: 1,
            latency_ms: 0.0,
            fail: true,
            sent_ms: 0.0,
        };
        assert_eq!(lab_reply(&request).status, 503);
        let ok = lab_reply(&FetchRequest {
            fail: false,
            ..request
        });
        assert_eq!(ok.body, threadline_core::resource::resource_bytes(1));
    }
}

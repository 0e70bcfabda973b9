//! How a run reaches its resources: the request URLs, and a stand-in for
//! when no service worker can answer them.

use crate::cancel::CancelToken;
use crate::clock::Clock;
use crate::drive::BlockingIo;
use crate::resource::{resource_bytes, resource_path};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The status a request for a resource listed in `fail` gets.
pub const INJECTED_FAILURE: &str = "HTTP 503 Service Unavailable";

/// Extra time a request may take beyond its latency before it times out.
pub const TIMEOUT_MARGIN_MS: u32 = 15_000;

/// Everything a lane needs to fetch the run's resources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IoPlan {
    /// Absolute URL of the app's directory, ending in `/` (workers started
    /// from blob: URLs cannot resolve relative ones).
    pub base_url: String,
    /// Latency of one request, ms.
    pub latency_ms: u32,
    /// Identifies the run's requests, so that cancelling it ends them.
    pub run_id: String,
    /// Resources whose requests fail.
    pub fail: Vec<u32>,
    /// No service worker answers: wait on a timer and make the bytes here.
    pub simulated: bool,
}

impl IoPlan {
    /// The URL of resource `index`, sent at `sent_ms` on the shared clock.
    pub fn url(&self, index: u32, sent_ms: f64) -> String {
        let fail = if self.fail.contains(&index) {
            "&fail=1"
        } else {
            ""
        };
        format!(
            "{}{}?latency={}&sent={sent_ms:.3}&run={}{fail}",
            self.base_url,
            resource_path(index),
            self.latency_ms,
            self.run_id
        )
    }

    /// How long a request may take before it counts as failed.
    pub fn timeout_ms(&self) -> u32 {
        self.latency_ms + TIMEOUT_MARGIN_MS
    }

    /// The outcome of a simulated request, once its wait is over.
    pub fn simulated_response(&self, index: u32) -> Result<Vec<u8>, String> {
        if self.fail.contains(&index) {
            Err(INJECTED_FAILURE.into())
        } else {
            Ok(resource_bytes(index))
        }
    }
}

/// Simulated blocking I/O: a cancellable timer wait of the plan's latency.
pub struct SimulatedIo {
    /// The run's I/O plan.
    pub plan: IoPlan,
    /// The clock to time waits with.
    pub clock: Arc<dyn Clock>,
}

impl BlockingIo for SimulatedIo {
    fn fetch(&self, index: u32, cancel: &CancelToken) -> Result<Vec<u8>, String> {
        if !cancel.sleep(f64::from(self.plan.latency_ms), self.clock.as_ref()) {
            return Err("cancelled".into());
        }
        self.plan.simulated_response(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> IoPlan {
        IoPlan {
            base_url: "http://localhost:8080/app/".into(),
            latency_ms: 300,
            run_id: "r7".into(),
            fail: vec![2],
            simulated: false,
        }
    }

    #[test]
    fn urls_carry_latency_send_time_run_and_failure() {
        assert_eq!(
            plan().url(4, 1234.5),
            "http://localhost:8080/app/io/resource/4?latency=300&sent=1234.500&run=r7"
        );
        assert!(plan().url(2, 0.0).ends_with("&fail=1"));
    }

    #[test]
    fn simulated_failures_match_the_service_worker() {
        assert_eq!(plan().simulated_response(2), Err(INJECTED_FAILURE.into()));
        assert_eq!(plan().simulated_response(3), Ok(resource_bytes(3)));
    }
}

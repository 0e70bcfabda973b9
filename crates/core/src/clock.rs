//! Time, injected: the browser shell supplies `performance.timeOrigin +
//! performance.now()`, tests supply the OS clock.

/// A clock whose readings are comparable across every thread and worker of
/// a run.
pub trait Clock: Send + Sync {
    /// Milliseconds since some origin shared by all threads.
    fn now_ms(&self) -> f64;
}

/// The OS's monotonic clock, for native runs and tests.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug)]
pub struct SystemClock {
    origin: std::time::Instant,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for SystemClock {
    #[allow(
        clippy::disallowed_methods,
        reason = "the one native clock, never built for the browser"
    )]
    fn default() -> Self {
        Self {
            origin: std::time::Instant::now(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Clock for SystemClock {
    fn now_ms(&self) -> f64 {
        self.origin.elapsed().as_secs_f64() * 1000.0
    }
}

//! Starts, sweeps and cancels comparisons, for the page's buttons, the
//! JavaScript API and an embedding page alike. It keeps only what cannot
//! live in the state: the comparison in progress. Everything the page shows
//! goes through the store.

use super::store::Store;
use crate::compare::{self, Comparison, ModeInProgress, Settings, WATCHDOG_MS};
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::faults::Faults;
use threadline_core::mode::Mode;
use threadline_core::page::Action;
use threadline_core::params::Params;
use threadline_core::plot::{SweepPoint, sweep_limit, sweep_modes, sweep_points};
use threadline_core::summary::{Status, Summary, summarize};

/// How a run is made, beyond its settings.
#[derive(Clone, Copy, Debug)]
pub struct RunOptions {
    /// Whether to record (off only to measure what recording costs).
    pub record: bool,
    /// Faults to inject.
    pub faults: Faults,
    /// How long a mode may make no progress, ms.
    pub watchdog_ms: f64,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            record: true,
            faults: Faults::default(),
            watchdog_ms: WATCHDOG_MS,
        }
    }
}

/// The page's one controller.
pub struct Controller {
    store: Rc<Store>,
    comparison: RefCell<Option<Comparison>>,
}

/// One controller per page: two handles are equal when they are the same.
impl PartialEq for Controller {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Controller {
    /// A controller of `store`.
    pub fn new(store: Rc<Store>) -> Rc<Self> {
        Rc::new(Self {
            store,
            comparison: RefCell::new(None),
        })
    }

    /// The store it changes.
    pub fn store(&self) -> &Rc<Store> {
        &self.store
    }

    /// Starts what the page needs, then runs at once if the URL asks for it.
    ///
    /// The service worker comes first: a worker is controlled by the service
    /// worker that controlled the page when it was created, so pool threads
    /// started earlier would send their requests past it.
    pub async fn boot(self: Rc<Self>) {
        let network = threadline_web::service_worker::start().await;
        threadline_web::python::answer_requests_here(matches!(
            network,
            threadline_core::page::Network::Simulated { .. }
        ));
        #[cfg(feature = "threads")]
        if let Err(why) = threadline_web::threads::pool_with(self.store.state().env.cores).await {
            self.store.dispatch(Action::Failed(why));
            return;
        }
        // Compiled and warmed now, so that a procs run pays for starting
        // processes, not for the browser compiling their code.
        compare::warm_up_processes().await;
        self.store.dispatch(Action::Booted(network));
        if self.store.state().params.autorun {
            let _ = self.run(RunOptions::default()).await;
        }
    }

    /// Applies settings given as URL key/value pairs to the current ones;
    /// the corrections made on the way become notices.
    pub fn configure(&self, pairs: Vec<(String, String)>) {
        let (params, notices) = self.store.state().params.clone().with_pairs(pairs);
        self.store.dispatch(Action::Configure(params, notices));
    }

    /// Switches a mode on or off.
    pub fn toggle_mode(&self, mode: Mode) {
        let params = self.store.state().params.clone().toggle_mode(mode);
        self.store.dispatch(Action::Configure(params, Vec::new()));
    }

    /// Whether a comparison is running.
    pub fn is_running(&self) -> bool {
        self.comparison.borrow().is_some()
    }

    /// The mode running now, for live drawing.
    pub fn in_progress(&self) -> Option<ModeInProgress> {
        self.comparison.borrow().as_ref()?.in_progress()
    }

    /// Runs a comparison with the current settings and resolves with every
    /// mode's figures.
    pub async fn run(self: Rc<Self>, options: RunOptions) -> Result<Vec<Summary>, String> {
        let params = self.store.state().params.clone();
        self.run_with(params, options).await
    }

    /// Measures speedup against pool size: `seq` once, then the pool modes
    /// that can run here with 1…[`sweep_limit`] workers. Each configuration
    /// is a real run, drawn as it goes; the settings themselves do not change.
    pub async fn sweep(self: Rc<Self>) -> Result<Vec<SweepPoint>, String> {
        let state = self.store.state();
        let base = state.params.clone();
        let seq = Params {
            modes: vec![Mode::Seq],
            ..base.clone()
        };
        self.store.dispatch(Action::SweepStarted);
        let mut points = Vec::new();
        let baseline = self.clone().run_with(seq, RunOptions::default()).await;
        let seq_ms = baseline.ok().and_then(|s| {
            s.first()
                .filter(|s| s.status == Status::Ok)
                .map(|s| s.wall_ms)
        });
        if let Some(seq_ms) = seq_ms {
            for workers in 1..=sweep_limit(state.env.cores as u32) {
                let params = Params {
                    workers: Some(workers),
                    modes: sweep_modes(state.env.threads()),
                    ..base.clone()
                };
                let Ok(summaries) = self.clone().run_with(params, RunOptions::default()).await
                else {
                    break;
                };
                if summaries.iter().any(|s| s.status == Status::Cancelled) {
                    break;
                }
                let measured = sweep_points(seq_ms, workers, &summaries);
                points.extend(measured.iter().copied());
                self.store.dispatch(Action::SweepPoints(measured));
            }
        }
        self.store.dispatch(Action::SweepDone);
        Ok(points)
    }

    async fn run_with(
        self: Rc<Self>,
        params: Params,
        options: RunOptions,
    ) -> Result<Vec<Summary>, String> {
        let state = self.store.state();
        if self.is_running() {
            return Err("a run is already in progress; cancel it first".into());
        }
        let Some(network) = state.network.clone().filter(|_| state.phase.can_run()) else {
            return Err("the page is still starting".into());
        };
        let comparison = Comparison::default();
        *self.comparison.borrow_mut() = Some(comparison.clone());
        self.store.dispatch(Action::Started(params.clone()));
        let settings = Settings {
            params,
            env: state.env.clone(),
            network,
            record: options.record,
            faults: options.faults,
            watchdog_ms: options.watchdog_ms,
        };
        let store = self.store.clone();
        let records = compare::run_comparison(&settings, &comparison, |record| {
            store.dispatch(Action::ModeDone(Box::new(record.clone())));
        })
        .await;
        self.comparison.borrow_mut().take();
        self.store.dispatch(Action::Finished);
        Ok(summarize(&records))
    }

    /// Stops the comparison in progress, if any. Never blocks.
    pub fn cancel(&self) {
        if let Some(comparison) = self.comparison.borrow().as_ref() {
            comparison.cancel();
        }
    }
}

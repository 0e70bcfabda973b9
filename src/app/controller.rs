//! Starts and cancels comparisons: for the page's buttons, the JS API and
//! an embedding page alike.

use super::dom;
use super::state::{Action, AppState};
use crate::engine::{self, Live};
use crate::runtime::env::Env;
use crate::runtime::service_worker::Network;
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::mode::Mode;
use threadline_core::params::{Notice, Params};
use threadline_core::plot::SweepPoint;
use threadline_core::record_set::ModeRecord;
use threadline_core::summary::{Status, Summary, summarize};
use yew::UseReducerDispatcher;

struct Inner {
    env: Env,
    network: Option<Network>,
    params: Params,
    phase: &'static str,
    live: Option<Live>,
    records: Vec<ModeRecord>,
    /// The settings of the last comparison, for its trace.
    last_query: String,
}

/// The one controller of the page.
pub struct Controller {
    dispatch: UseReducerDispatcher<AppState>,
    inner: RefCell<Inner>,
}

/// There is one controller per page: two handles are equal when they are
/// the same controller.
impl PartialEq for Controller {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// What `window.threadline.state()` reports: the same facts as `#app`'s
/// attributes.
#[derive(serde::Serialize)]
pub struct Facts {
    /// `data-state`.
    pub state: &'static str,
    /// `data-isolated`.
    pub isolated: bool,
    /// `data-threads`.
    pub threads: bool,
    /// `data-cores`.
    pub cores: usize,
}

impl Controller {
    /// A controller for a page with these capabilities and settings.
    pub fn new(dispatch: UseReducerDispatcher<AppState>, env: Env, params: Params) -> Rc<Self> {
        Rc::new(Self {
            dispatch,
            inner: RefCell::new(Inner {
                env,
                network: None,
                params,
                phase: "loading",
                live: None,
                records: Vec::new(),
                last_query: String::new(),
            }),
        })
    }

    fn set_phase(&self, phase: &'static str) {
        self.inner.borrow_mut().phase = phase;
        dom::set_root_attr("data-state", phase);
    }

    /// The pool and the service worker are up: the page can run.
    pub fn booted(&self, network: Network) {
        self.inner.borrow_mut().network = Some(network.clone());
        self.dispatch.dispatch(Action::Booted(network));
        self.set_phase("ready");
    }

    /// Start-up failed; the page says why.
    #[cfg_attr(
        not(feature = "threads"),
        expect(dead_code, reason = "the plain build cannot fail to start")
    )]
    pub fn failed(&self, why: String) {
        self.dispatch.dispatch(Action::Failed(why));
        self.set_phase("error");
    }

    /// The current settings.
    pub fn params(&self) -> Params {
        self.inner.borrow().params.clone()
    }

    /// The page's capabilities.
    pub fn env(&self) -> Env {
        self.inner.borrow().env.clone()
    }

    /// Takes new settings, shows any corrections, and updates the address bar.
    pub fn configure(&self, params: Params, notices: Vec<Notice>) {
        dom::replace_query(&params.to_query());
        self.inner.borrow_mut().params = params.clone();
        self.dispatch.dispatch(Action::Configure(params, notices));
    }

    /// Hides notice `index`.
    pub fn dismiss_notice(&self, index: usize) {
        self.dispatch.dispatch(Action::DismissNotice(index));
    }

    /// The current settings with `pairs` applied (as in a URL).
    pub fn with_pairs(&self, pairs: Vec<(String, String)>) -> (Params, Vec<Notice>) {
        self.params().with_pairs(pairs)
    }

    /// Whether a comparison is running.
    pub fn is_running(&self) -> bool {
        self.inner.borrow().live.is_some()
    }

    /// The comparison in progress, for live drawing.
    pub fn live(&self) -> Option<Live> {
        self.inner.borrow().live.clone()
    }

    /// Runs a comparison with the current settings and resolves with every
    /// mode's figures. `record: false` skips recording (to measure its cost).
    pub async fn run(self: Rc<Self>, record: bool) -> Result<Vec<Summary>, String> {
        let params = self.params();
        self.run_with(params, record).await
    }

    /// The largest pool a sweep tries: twice the cores (at most 16).
    pub fn sweep_limit(cores: u32) -> u32 {
        (2 * cores).clamp(2, 16)
    }

    /// Measures speedup against pool size: `seq` once, then threads, gil and
    /// procs (those that can run here) with 1…[`Self::sweep_limit`]
    /// workers. Each configuration is a real run, drawn as it goes; the
    /// settings themselves do not change.
    pub async fn sweep(self: Rc<Self>) -> Result<Vec<SweepPoint>, String> {
        let base = self.params();
        let env = self.env();
        let seq = Params {
            modes: vec![Mode::Seq],
            ..base.clone()
        };
        self.dispatch.dispatch(Action::SweepStarted);
        let mut points = Vec::new();
        let baseline = self.clone().run_with(seq, true).await;
        let seq_ms = baseline.ok().and_then(|s| {
            s.first()
                .filter(|s| s.status == Status::Ok)
                .map(|s| s.wall_ms)
        });
        if let Some(seq_ms) = seq_ms {
            let modes: Vec<Mode> = [Mode::Threads, Mode::Gil, Mode::Procs]
                .into_iter()
                .filter(|m| env.threads() || !m.needs_shared_memory())
                .collect();
            for workers in 1..=Self::sweep_limit(env.cores as u32) {
                let params = Params {
                    workers: Some(workers),
                    modes: modes.clone(),
                    ..base.clone()
                };
                let Ok(summaries) = self.clone().run_with(params, true).await else {
                    break;
                };
                if summaries.iter().any(|s| s.status == Status::Cancelled) {
                    break;
                }
                let measured: Vec<SweepPoint> = summaries
                    .iter()
                    .filter(|s| matches!(s.status, Status::Ok | Status::Failed) && s.wall_ms > 0.0)
                    .map(|s| SweepPoint {
                        mode: s.mode,
                        workers,
                        speedup: seq_ms / s.wall_ms,
                    })
                    .collect();
                points.extend(measured.iter().copied());
                self.dispatch.dispatch(Action::SweepPoints(measured));
            }
        }
        self.dispatch.dispatch(Action::SweepDone);
        Ok(points)
    }

    async fn run_with(
        self: Rc<Self>,
        params: Params,
        record: bool,
    ) -> Result<Vec<Summary>, String> {
        let (env, network, live) = {
            let mut inner = self.inner.borrow_mut();
            if inner.phase == "loading" {
                return Err("the page is still starting".into());
            }
            if inner.live.is_some() {
                return Err("a run is already in progress; cancel it first".into());
            }
            let Some(network) = inner.network.clone() else {
                return Err("the page is still starting".into());
            };
            let live = Live::default();
            inner.live = Some(live.clone());
            inner.records.clear();
            (inner.env.clone(), network, live)
        };
        self.dispatch.dispatch(Action::Started(params.clone()));
        self.set_phase("running");
        let dispatch = self.dispatch.clone();
        let records = engine::run_comparison(&params, &env, &network, &live, record, |record| {
            dispatch.dispatch(Action::ModeDone(Box::new(record.clone())));
        })
        .await;
        let summaries = summarize(&records);
        {
            let mut inner = self.inner.borrow_mut();
            inner.records = records;
            inner.live = None;
            inner.last_query = params.to_query();
        }
        self.dispatch.dispatch(Action::Finished);
        self.set_phase("done");
        super::api::notify_done(&summaries);
        Ok(summaries)
    }

    /// Stops the comparison in progress, if any. Never blocks.
    pub fn cancel(&self) {
        let live = self.inner.borrow().live.clone();
        if let Some(live) = live {
            live.cancel();
        }
    }

    /// The last comparison as a Chrome Trace Event object.
    pub fn trace(&self) -> serde_json::Value {
        let inner = self.inner.borrow();
        let summaries = summarize(&inner.records);
        threadline_core::trace::trace(&inner.records, &summaries, &inner.last_query)
    }

    /// The page's facts.
    pub fn facts(&self) -> Facts {
        let inner = self.inner.borrow();
        Facts {
            state: inner.phase,
            isolated: inner.env.isolated,
            threads: inner.env.threads(),
            cores: inner.env.cores,
        }
    }
}

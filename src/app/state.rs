//! The page's state and the pure reducer that changes it.

use crate::runtime::env::Env;
use crate::runtime::service_worker::Network;
use std::rc::Rc;
use threadline_core::params::{Notice, Params};
use threadline_core::plot::SweepPoint;
use threadline_core::record_set::ModeRecord;
use threadline_core::summary::{Summary, summarize};
use yew::Reducible;

/// Where the page is in its life (`#app[data-state]`).
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Starting the thread pool and the service worker.
    Loading,
    /// Ready to run.
    Ready,
    /// A comparison is running.
    Running,
    /// A comparison finished.
    Done,
    /// Something the page cannot recover from.
    Error(String),
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The page's capabilities.
    pub env: Env,
    /// Where downloads go, once known.
    pub network: Option<Network>,
    /// Life phase.
    pub phase: Phase,
    /// The settings.
    pub params: Params,
    /// Corrections made to the input, until dismissed.
    pub notices: Vec<Notice>,
    /// The settings of the comparison shown (running or last run).
    pub shown: Params,
    /// The finished modes of that comparison.
    pub records: Rc<Vec<ModeRecord>>,
    /// Their figures.
    pub summaries: Rc<Vec<Summary>>,
    /// Counts comparisons, so views can tell a new one from the last.
    pub generation: u32,
    /// Points of the workers sweep so far.
    pub sweep: Rc<Vec<SweepPoint>>,
    /// Whether a sweep is running.
    pub sweeping: bool,
}

/// A change to the page's state.
pub enum Action {
    /// The pool and the service worker are up.
    Booted(Network),
    /// Start-up failed (only the threaded build can: its pool may not start).
    #[cfg_attr(
        not(feature = "threads"),
        expect(dead_code, reason = "the plain build cannot fail to start")
    )]
    Failed(String),
    /// New settings (and the corrections made on the way).
    Configure(Params, Vec<Notice>),
    /// The reader dismissed notice `i`.
    DismissNotice(usize),
    /// A comparison with these settings started.
    Started(Params),
    /// One mode of it finished.
    ModeDone(Box<ModeRecord>),
    /// All modes finished.
    Finished,
    /// A workers sweep started.
    SweepStarted,
    /// It measured these points.
    SweepPoints(Vec<SweepPoint>),
    /// It ended.
    SweepDone,
}

impl AppState {
    /// The state of a page that is still starting.
    pub fn new(env: Env, params: Params, notices: Vec<Notice>) -> Self {
        Self {
            env,
            network: None,
            phase: Phase::Loading,
            shown: params.clone(),
            params,
            notices,
            records: Rc::default(),
            summaries: Rc::default(),
            generation: 0,
            sweep: Rc::default(),
            sweeping: false,
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Booted(network) => {
                next.network = Some(network);
                next.phase = Phase::Ready;
            }
            Action::Failed(why) => next.phase = Phase::Error(why),
            Action::Configure(params, notices) => {
                next.params = params;
                next.notices.extend(notices);
            }
            Action::DismissNotice(index) if index < next.notices.len() => {
                next.notices.remove(index);
            }
            Action::DismissNotice(_) => {}
            Action::Started(params) => {
                next.phase = Phase::Running;
                next.shown = params;
                next.records = Rc::default();
                next.summaries = Rc::default();
                next.generation += 1;
            }
            Action::ModeDone(record) => {
                let mut records = (*next.records).clone();
                records.push(*record);
                next.summaries = Rc::new(summarize(&records));
                next.records = Rc::new(records);
            }
            Action::Finished => next.phase = Phase::Done,
            Action::SweepStarted => {
                next.sweeping = true;
                next.sweep = Rc::default();
            }
            Action::SweepPoints(points) => {
                let mut all = (*next.sweep).clone();
                all.extend(points);
                next.sweep = Rc::new(all);
            }
            Action::SweepDone => next.sweeping = false,
        }
        Rc::new(next)
    }
}

//! Everything the page shows, as one state that one pure reducer changes:
//! the settings, where the page is in its life, the comparison shown and its
//! figures, the sweep, and the facts about the browser it runs in.
//!
//! The browser shell keeps this state in one store, draws it, and mirrors
//! it into `#app`'s attributes and the embed messages; it never keeps a
//! second copy.

use crate::lab::View;
use crate::lab::run::{LabPhase, LabRun};
use crate::lanes::lane_count;
use crate::mode::Mode;
use crate::mode_record::ModeRecord;
use crate::params::{Notice, Params, Theme};
use crate::plot::SweepPoint;
use crate::style::Scheme;
use crate::summary::{Summary, summarize};
use serde::Serialize;
use std::rc::Rc;

/// The facts about the browser that decide what can run.
#[derive(Clone, Debug, PartialEq)]
pub struct Env {
    /// `navigator.hardwareConcurrency`.
    pub cores: usize,
    /// `crossOriginIsolated`: whether the page may share memory with workers.
    pub isolated: bool,
    /// Why shared-memory threads cannot run here, if they cannot.
    pub threads_off: Option<String>,
}

impl Env {
    /// Whether shared-memory threads can run.
    pub fn threads(&self) -> bool {
        self.threads_off.is_none()
    }
}

/// Where downloads go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Network {
    /// The app's service worker answers them through the real network stack.
    ServiceWorker,
    /// Nothing can answer them here: timers stand in, and the page says so.
    Simulated {
        /// Why, in a few words.
        reason: String,
        /// What the browser said, if anything.
        detail: Option<String>,
    },
}

/// Where the page is in its life (`#app[data-state]`).
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl Phase {
    /// The id in `data-state`.
    pub fn id(&self) -> &'static str {
        match self {
            Phase::Loading => "loading",
            Phase::Ready => "ready",
            Phase::Running => "running",
            Phase::Done => "done",
            Phase::Error(_) => "error",
        }
    }

    /// Whether a run may start now.
    pub fn can_run(&self) -> bool {
        matches!(self, Phase::Ready | Phase::Done)
    }
}

/// What `window.threadline.state()` reports: the facts `#app`'s attributes
/// carry.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct PageState {
    /// The browser's capabilities.
    pub env: Env,
    /// Where downloads go, once known.
    pub network: Option<Network>,
    /// Life phase.
    pub phase: Phase,
    /// The settings.
    pub params: Params,
    /// Corrections made to the input, until dismissed.
    pub notices: Vec<Notice>,
    /// The colour scheme the operating system prefers (for theme `auto`).
    pub system_scheme: Scheme,
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
    /// Where the lab is with its program.
    pub lab_phase: LabPhase,
    /// The lab's last finished run.
    pub lab_run: Option<Rc<LabRun>>,
    /// Counts the lab's runs, so views can tell a new one from the last.
    pub lab_runs: u32,
}

/// A change to the page's state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The pool and the service worker are up.
    Booted(Network),
    /// Start-up failed.
    Failed(String),
    /// New settings, and the corrections made on the way.
    Configure(Params, Vec<Notice>),
    /// The reader dismissed notice `i`.
    DismissNotice(usize),
    /// The operating system's preferred colour scheme changed.
    SystemScheme(Scheme),
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
    /// The lab started a program.
    LabStarted,
    /// The lab's program ended.
    LabDone(Box<LabRun>),
    /// The lab could not run its program at all.
    LabFailed(String),
}

impl PageState {
    /// The state of a page that is still starting.
    pub fn new(env: Env, params: Params, notices: Vec<Notice>, system_scheme: Scheme) -> Self {
        Self {
            env,
            network: None,
            phase: Phase::Loading,
            notices: Vec::new(),
            system_scheme,
            shown: params.clone(),
            params,
            records: Rc::default(),
            summaries: Rc::default(),
            generation: 0,
            sweep: Rc::default(),
            sweeping: false,
            lab_phase: LabPhase::Idle,
            lab_run: None,
            lab_runs: 0,
        }
        .noted(notices)
    }

    /// Adds the notices not already shown: the same correction made again
    /// (the same bad key on every run) is not repeated.
    fn noted(mut self, notices: Vec<Notice>) -> Self {
        for notice in notices {
            if !self.notices.contains(&notice) {
                self.notices.push(notice);
            }
        }
        self
    }

    /// The state after `action`.
    pub fn reduce(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::Booted(network) => {
                next.network = Some(network);
                next.phase = Phase::Ready;
            }
            Action::Failed(why) => next.phase = Phase::Error(why),
            Action::Configure(params, notices) => {
                next.params = params;
                return next.noted(notices);
            }
            Action::DismissNotice(index) if index < next.notices.len() => {
                next.notices.remove(index);
            }
            Action::DismissNotice(_) => {}
            Action::SystemScheme(scheme) => next.system_scheme = scheme,
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
            Action::LabStarted => {
                next.lab_phase = LabPhase::Running;
                next.lab_runs += 1;
            }
            Action::LabDone(run) => {
                next.lab_phase = LabPhase::Done;
                next.lab_run = Some(Rc::new(*run));
            }
            Action::LabFailed(why) => next.lab_phase = LabPhase::Failed(why),
        }
        next
    }

    /// The colour scheme in force: the theme's, or the system's for `auto`.
    pub fn scheme(&self) -> Scheme {
        match self.params.theme {
            Theme::Light => Scheme::Light,
            Theme::Dark => Scheme::Dark,
            Theme::Auto => self.system_scheme,
        }
    }

    /// The facts `#app` carries; in the lab, `data-state` follows its
    /// program once the page is ready.
    pub fn facts(&self) -> Facts {
        let lab = self.params.view == View::Lab && self.phase.can_run();
        let state = match &self.lab_phase {
            LabPhase::Running if lab => "running",
            LabPhase::Done if lab => "done",
            _ if lab => "ready",
            _ => self.phase.id(),
        };
        Facts {
            state,
            isolated: self.env.isolated,
            threads: self.env.threads(),
            cores: self.env.cores,
        }
    }

    /// The program the lab's editor holds: the edited text, else the
    /// lesson's program, else a starting example.
    pub fn program(&self) -> &str {
        let lab = &self.params.lab;
        if let Some(code) = &lab.code {
            return code;
        }
        lab.lesson
            .as_deref()
            .and_then(crate::lab::lessons::find)
            .map_or(crate::lab::lessons::STARTER, |lesson| lesson.program)
    }

    /// The pool size of `params` on this machine.
    pub fn workers(&self, params: &Params) -> u16 {
        params.workers_or(self.env.cores as u32) as u16
    }

    /// How many lanes `mode` has in the comparison shown.
    pub fn planned_lanes(&self, mode: Mode) -> u16 {
        lane_count(mode, self.workers(&self.shown), self.shown.tasks)
    }

    /// The comparison shown, as a Chrome Trace Event object.
    pub fn trace(&self) -> serde_json::Value {
        crate::trace::trace(&self.records, &self.summaries, &self.shown.to_query())
    }
}

#[cfg(test)]
mod tests;

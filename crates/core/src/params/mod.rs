//! The settings of a comparison, read from a URL query (or the JS API) and
//! validated: bad input never fails, it is corrected and the correction
//! named in a notice.

use crate::lab::{LabParams, View};
use crate::mode::Mode;
use crate::scenario;
use crate::workload::Workload;
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

mod embed;
mod lab_keys;
mod read;

pub use read::Notice;
use read::{flag, notice, number};

/// Allowed number of tasks.
pub const TASKS: RangeInclusive<u32> = 1..=256;
/// Allowed CPU size of one task.
pub const WORK: RangeInclusive<u32> = 1..=100;
/// Allowed pool size.
pub const WORKERS: RangeInclusive<u32> = 1..=64;
/// Allowed latency of one request, ms.
pub const LATENCY: RangeInclusive<u32> = 0..=10_000;

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// The id used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// How the timeline's groups share time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Axis {
    /// One time axis for all modes: bar lengths compare across them.
    #[default]
    Shared,
    /// Each mode fills the width with its own run.
    Own,
}

impl Axis {
    /// The id used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Axis::Shared => "shared",
            Axis::Own => "own",
        }
    }
}

/// Everything a user can set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    /// The preset the values came from, while they still match it.
    pub scenario: Option<String>,
    /// What each task does.
    pub workload: Workload,
    /// How many tasks.
    pub tasks: u32,
    /// CPU size of one task.
    pub work: u32,
    /// Pool size for threads and processes; `None`: one per core.
    pub workers: Option<u32>,
    /// Latency of one request, ms.
    pub latency_ms: u32,
    /// The modes to run, in order.
    pub modes: Vec<Mode>,
    /// Run as soon as the page is ready.
    pub autorun: bool,
    /// Compact layout for iframes.
    pub embed: bool,
    /// Colour scheme.
    pub theme: Theme,
    /// Shared or per-mode time axis (an extension of the contract).
    pub axis: Axis,
    /// Tasks whose request fails (an extension of the contract, for showing
    /// that one failure does not lose the other results).
    pub fail: Vec<u32>,
    /// Which view the page shows.
    pub view: View,
    /// The lab's settings.
    pub lab: LabParams,
}

impl Default for Params {
    fn default() -> Self {
        let mut params = Self {
            scenario: None,
            workload: Workload::Primes,
            tasks: 8,
            work: 25,
            workers: None,
            latency_ms: 300,
            modes: Mode::ALL.to_vec(),
            autorun: false,
            embed: false,
            theme: Theme::Auto,
            axis: Axis::Shared,
            fail: Vec::new(),
            view: View::Compare,
            lab: LabParams::default(),
        };
        if let Some(preset) = scenario::find("cpu-bound") {
            params.apply_scenario(preset);
        }
        params
    }
}

impl Params {
    fn apply_scenario(&mut self, preset: &scenario::Scenario) {
        self.scenario = Some(preset.id.to_string());
        self.workload = preset.workload;
        self.tasks = preset.tasks;
        self.work = preset.work;
        self.workers = preset.workers;
        self.latency_ms = preset.latency_ms;
        self.modes = preset.modes.to_vec();
    }

    /// Whether the values are still exactly those of the named scenario.
    pub fn matches_scenario(&self) -> bool {
        let Some(preset) = self.scenario.as_deref().and_then(scenario::find) else {
            return false;
        };
        let mut fresh = Params {
            autorun: self.autorun,
            embed: self.embed,
            theme: self.theme,
            axis: self.axis,
            fail: self.fail.clone(),
            view: self.view,
            lab: self.lab.clone(),
            ..Params::default()
        };
        fresh.apply_scenario(preset);
        &fresh == self
    }

    /// Reads settings from key/value pairs (a query string, or the JS API's
    /// object), starting from the defaults. A `scenario` is applied first;
    /// the other keys override it.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> (Params, Vec<Notice>) {
        Params::default().with_pairs(pairs)
    }

    /// Like [`Params::from_pairs`], but starting from `self`.
    pub fn with_pairs<K: AsRef<str>, V: AsRef<str>>(
        mut self,
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> (Params, Vec<Notice>) {
        let pairs: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| (k.as_ref().to_string(), v.as_ref().to_string()))
            .collect();
        let mut notices = Vec::new();
        if let Some((_, id)) = pairs.iter().rev().find(|(k, _)| k == "scenario") {
            match scenario::find(id.trim()) {
                Some(preset) => self.apply_scenario(preset),
                None => notices.push(notice(
                    "scenario",
                    format!("there is no scenario `{id}`; it was ignored"),
                )),
            }
        }
        let mut overridden = false;
        for (key, value) in pairs.iter().filter(|(k, _)| k != "scenario") {
            overridden |= self.set(key, value, &mut notices);
        }
        if overridden && !self.matches_scenario() {
            self.scenario = None;
        }
        let tasks = self.tasks;
        let before = self.fail.len();
        self.fail.retain(|&i| i < tasks);
        if self.fail.len() < before {
            notices.push(notice(
                "fail",
                format!(
                    "`fail` named tasks past the last one ({}); they were ignored",
                    tasks - 1
                ),
            ));
        }
        (self, notices)
    }

    /// Applies one key; returns whether it changed a scenario-defined value.
    fn set(&mut self, key: &str, value: &str, notices: &mut Vec<Notice>) -> bool {
        let before = self.clone();
        match key {
            "workload" => match value.trim().parse() {
                Ok(workload) => self.workload = workload,
                Err(_) => notices.push(notice(
                    key,
                    format!("there is no workload `{value}`; using {}", self.workload),
                )),
            },
            "tasks" => self.tasks = number(key, value, &TASKS, notices).unwrap_or(self.tasks),
            "work" => self.work = number(key, value, &WORK, notices).unwrap_or(self.work),
            "workers" => self.workers = number(key, value, &WORKERS, notices).or(self.workers),
            "latency" => {
                self.latency_ms = number(key, value, &LATENCY, notices).unwrap_or(self.latency_ms)
            }
            "modes" => self.set_modes(value, notices),
            "autorun" => self.autorun = flag(key, value, notices).unwrap_or(self.autorun),
            "embed" => self.embed = flag(key, value, notices).unwrap_or(self.embed),
            "theme" => match value.trim() {
                "auto" => self.theme = Theme::Auto,
                "light" => self.theme = Theme::Light,
                "dark" => self.theme = Theme::Dark,
                _ => notices.push(notice(
                    key,
                    format!("there is no theme `{value}`; using {}", self.theme.id()),
                )),
            },
            "axis" => match value.trim() {
                "shared" => self.axis = Axis::Shared,
                "own" => self.axis = Axis::Own,
                _ => notices.push(notice(
                    key,
                    format!(
                        "`axis={value}` is not `shared` or `own`; using {}",
                        self.axis.id()
                    ),
                )),
            },
            "fail" => self.set_fail(value, notices),
            "view" | "lesson" | "build" | "interval" | "code" => self.set_lab(key, value, notices),
            _ => notices.push(notice(
                key,
                format!("`{key}` is not a setting; it was ignored"),
            )),
        }
        let scenario_keys = |p: &Params| {
            (
                p.workload,
                p.tasks,
                p.work,
                p.workers,
                p.latency_ms,
                p.modes.clone(),
            )
        };
        scenario_keys(&before) != scenario_keys(self)
    }

    fn set_modes(&mut self, value: &str, notices: &mut Vec<Notice>) {
        let mut modes = Vec::new();
        for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match item.parse::<Mode>() {
                Ok(mode) if !modes.contains(&mode) => modes.push(mode),
                Ok(_) => {}
                Err(_) => notices.push(notice(
                    "modes",
                    format!("there is no mode `{item}`; it was left out"),
                )),
            }
        }
        if modes.is_empty() {
            notices.push(notice(
                "modes",
                "`modes` named no known mode; running all five".into(),
            ));
            modes = Mode::ALL.to_vec();
        }
        self.modes = modes;
    }

    fn set_fail(&mut self, value: &str, notices: &mut Vec<Notice>) {
        let mut fail = Vec::new();
        for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match item.parse::<u32>() {
                Ok(index) if !fail.contains(&index) => fail.push(index),
                Ok(_) => {}
                Err(_) => notices.push(notice(
                    "fail",
                    format!("`{item}` in `fail` is not a task number; it was left out"),
                )),
            }
        }
        fail.sort_unstable();
        self.fail = fail;
    }

    /// These settings with `mode` switched on or off (the last mode stays
    /// on), as the page's mode checkboxes change them; modes keep the
    /// comparison's order.
    pub fn toggle_mode(self, mode: Mode) -> Params {
        let mut modes = self.modes.clone();
        if modes.contains(&mode) {
            if modes.len() > 1 {
                modes.retain(|&m| m != mode);
            }
        } else {
            modes.push(mode);
            modes.sort();
        }
        let list: Vec<&str> = modes.iter().map(|m| m.id()).collect();
        self.with_pairs([("modes", list.join(","))]).0
    }

    /// The pool size to use on a machine with `cores` cores.
    pub fn workers_or(&self, cores: u32) -> u32 {
        self.workers
            .unwrap_or(cores)
            .clamp(*WORKERS.start(), *WORKERS.end())
    }

    /// The query string (without `?`) that reproduces these settings: the
    /// open view's keys (for the comparison a scenario's id while the
    /// values match it, every key otherwise), then the page's own.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match self.view {
            View::Compare => self.compare_query(&mut parts),
            View::Lab => self.lab_query(&mut parts),
        }
        if self.autorun {
            parts.push("autorun=1".into());
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if self.theme != Theme::Auto {
            parts.push(format!("theme={}", self.theme.id()));
        }
        parts.join("&")
    }

    fn compare_query(&self, parts: &mut Vec<String>) {
        match self.scenario.as_deref().filter(|_| self.matches_scenario()) {
            Some(id) => parts.push(format!("scenario={id}")),
            None => {
                parts.push(format!("workload={}", self.workload));
                parts.push(format!("tasks={}", self.tasks));
                parts.push(format!("work={}", self.work));
                if let Some(workers) = self.workers {
                    parts.push(format!("workers={workers}"));
                }
                parts.push(format!("latency={}", self.latency_ms));
                let modes: Vec<&str> = self.modes.iter().map(|m| m.id()).collect();
                parts.push(format!("modes={}", modes.join(",")));
            }
        }
        if !self.fail.is_empty() {
            let fail: Vec<String> = self.fail.iter().map(u32::to_string).collect();
            parts.push(format!("fail={}", fail.join(",")));
        }
        if self.axis != Axis::Shared {
            parts.push(format!("axis={}", self.axis.id()));
        }
    }
}

#[cfg(test)]
mod tests;

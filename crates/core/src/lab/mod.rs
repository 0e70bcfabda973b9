//! The lab: Python programs run by Threadline Python and drawn on the
//! timeline. Its settings (URL keys `view`, `lesson`, `build`, `interval`,
//! `code`) and the program's place in a URL.

pub mod claims;
pub mod code;
pub mod equivalent;
pub mod lessons;
pub mod output;
pub mod run;

use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// Allowed switch interval, µs (0.1 ms to 100 ms).
pub const INTERVAL_US: RangeInclusive<u32> = 100..=100_000;

/// CPython's default switch interval, µs.
pub const DEFAULT_INTERVAL_US: u32 = 5_000;

/// Which view the page opens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// The five-way comparison.
    #[default]
    Compare,
    /// Python programs.
    Lab,
}

impl View {
    /// The id used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            View::Compare => "compare",
            View::Lab => "lab",
        }
    }
}

/// Which interpreter build runs a program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Build {
    /// CPython with the GIL.
    #[default]
    Gil,
    /// Free-threaded CPython: no GIL.
    FreeThreaded,
    /// Every Python thread on one core, time-sliced.
    OneCore,
}

impl Build {
    /// Every build, in menu order.
    pub const ALL: [Build; 3] = [Build::Gil, Build::FreeThreaded, Build::OneCore];

    /// The id used in URLs and by the interpreter.
    pub fn id(self) -> &'static str {
        match self {
            Build::Gil => "gil",
            Build::FreeThreaded => "free-threaded",
            Build::OneCore => "one-core",
        }
    }

    /// The build named `id`.
    pub fn from_id(id: &str) -> Option<Build> {
        Build::ALL.into_iter().find(|b| b.id() == id)
    }

    /// What a menu calls it.
    pub fn title(self) -> &'static str {
        match self {
            Build::Gil => "CPython with the GIL",
            Build::FreeThreaded => "free-threaded (no GIL)",
            Build::OneCore => "one core, time-sliced",
        }
    }

    /// Whether it needs threads that share memory (a cross-origin isolated
    /// page): without them it falls back to one core.
    pub fn needs_shared_memory(self) -> bool {
        self != Build::OneCore
    }

    /// The build that runs when this one is asked for on a page where
    /// shared-memory threads are `threads_off` for the reason given, and
    /// why it is another one.
    pub fn runnable(self, threads_off: Option<&str>) -> (Build, Option<String>) {
        match threads_off {
            Some(why) if self.needs_shared_memory() => (
                Build::OneCore,
                Some(format!(
                    "{} needs threads that share memory, which this page cannot start ({why}): \
                     the program runs on one core, its threads taking turns",
                    self.title()
                )),
            ),
            _ => (self, None),
        }
    }
}

/// The lab's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabParams {
    /// The lesson open, if any.
    pub lesson: Option<String>,
    /// The interpreter build.
    pub build: Build,
    /// The switch interval, µs.
    pub interval_us: u32,
    /// The editor's text, when it is not a lesson's own program.
    pub code: Option<String>,
}

impl Default for LabParams {
    fn default() -> Self {
        Self {
            lesson: None,
            build: Build::Gil,
            interval_us: DEFAULT_INTERVAL_US,
            code: None,
        }
    }
}

/// Reads a switch interval in milliseconds (`0.1..=100`), clamped; `Err`
/// says why a value is no number.
pub fn interval_from_ms(value: &str) -> Result<(u32, bool), String> {
    let ms: f64 = value
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| format!("`interval={value}` is not a number of milliseconds"))?;
    let us = (ms * 1000.0).round();
    let (low, high) = (
        f64::from(*INTERVAL_US.start()),
        f64::from(*INTERVAL_US.end()),
    );
    let clamped = us.clamp(low, high);
    Ok((clamped as u32, clamped != us))
}

/// The switch interval as the URL writes it, in milliseconds.
pub fn interval_ms_text(interval_us: u32) -> String {
    let ms = f64::from(interval_us) / 1000.0;
    let text = format!("{ms:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_in_ms_and_clamp() {
        assert_eq!(interval_from_ms("5"), Ok((5_000, false)));
        assert_eq!(interval_from_ms("0.1"), Ok((100, false)));
        assert_eq!(interval_from_ms("0.01"), Ok((100, true)));
        assert_eq!(interval_from_ms("500"), Ok((100_000, true)));
        assert!(interval_from_ms("fast").is_err());
        assert!(interval_from_ms("NaN").is_err());
        assert_eq!(interval_ms_text(5_000), "5");
        assert_eq!(interval_ms_text(250), "0.25");
    }

    #[test]
    fn builds_have_ids_both_ways() {
        for build in Build::ALL {
            assert_eq!(Build::from_id(build.id()), Some(build));
        }
        assert_eq!(Build::from_id("jit"), None);
        assert!(!Build::OneCore.needs_shared_memory());
    }

    #[test]
    fn without_shared_memory_a_threaded_build_falls_back_to_one_core_and_says_why() {
        assert_eq!(Build::Gil.runnable(None), (Build::Gil, None));
        let (build, why) = Build::FreeThreaded.runnable(Some("not cross-origin isolated"));
        assert_eq!(build, Build::OneCore);
        assert!(why.is_some_and(|w| w.contains("not cross-origin isolated")));
        assert_eq!(Build::OneCore.runnable(Some("x")), (Build::OneCore, None));
    }
}

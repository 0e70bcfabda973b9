//! How each activity looks, defined once: its colour in the light and the
//! dark scheme, the texture that tells it apart without colour, and the
//! words that name it. The canvas, the SVG export, the legend and the
//! stylesheet's colour variables all read this table.

use crate::mode::Mode;
use crate::record::Activity;
use serde::Serialize;

/// A texture drawn over an activity's colour, on an 8 × 8 px tile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pattern {
    /// Plain colour.
    Solid,
    /// Diagonal hatching.
    Hatching,
    /// Dots.
    Dots,
    /// Cross-hatching.
    CrossHatching,
    /// Vertical bars.
    Bars,
    /// Horizontal dashes.
    Dashes,
    /// Horizontal lines across the bar.
    Rules,
    /// A grid of horizontal and vertical lines.
    Grid,
    /// No bar: a thin line through the middle of the lane.
    ThinLine,
}

/// Size of a pattern tile, px.
pub const TILE: f64 = 8.0;

/// Line width of a pattern's strokes, px.
pub const STROKE: f64 = 1.5;

/// Radius of a pattern's dots, px.
pub const DOT: f64 = 1.2;

/// A point on a pattern tile, px.
pub type Point = (f64, f64);

/// A stroke of a pattern, from one point to another.
pub type Segment = (Point, Point);

impl Pattern {
    /// The strokes of the tile, as line segments ((x1, y1), (x2, y2)).
    pub fn strokes(self) -> &'static [Segment] {
        match self {
            Pattern::Hatching => &[
                ((-2.0, 10.0), (10.0, -2.0)),
                ((6.0, 10.0), (10.0, 6.0)),
                ((-2.0, 2.0), (2.0, -2.0)),
            ],
            Pattern::CrossHatching => &[((0.0, 0.0), (8.0, 8.0)), ((8.0, 0.0), (0.0, 8.0))],
            Pattern::Bars => &[((2.0, 0.0), (2.0, 8.0)), ((6.0, 0.0), (6.0, 8.0))],
            Pattern::Dashes => &[((0.0, 4.0), (5.0, 4.0))],
            Pattern::Rules => &[((0.0, 2.0), (8.0, 2.0)), ((0.0, 6.0), (8.0, 6.0))],
            Pattern::Grid => &[((0.0, 4.0), (8.0, 4.0)), ((4.0, 0.0), (4.0, 8.0))],
            Pattern::Solid | Pattern::Dots | Pattern::ThinLine => &[],
        }
    }

    /// The centres of the tile's dots.
    pub fn dots(self) -> &'static [Point] {
        match self {
            Pattern::Dots => &[(2.0, 2.0), (6.0, 6.0)],
            _ => &[],
        }
    }

    /// Whether the tile draws anything over the colour.
    pub fn is_textured(self) -> bool {
        !self.strokes().is_empty() || !self.dots().is_empty()
    }

    /// How the legend describes it.
    pub fn words(self) -> &'static str {
        match self {
            Pattern::Solid => "solid",
            Pattern::Hatching => "diagonal hatching",
            Pattern::Dots => "dots",
            Pattern::CrossHatching => "cross-hatching",
            Pattern::Bars => "vertical bars",
            Pattern::Dashes => "dashes",
            Pattern::Rules => "horizontal lines",
            Pattern::Grid => "a grid",
            Pattern::ThinLine => "a thin line",
        }
    }
}

/// The colour scheme a page is shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// Dark text on light.
    #[default]
    Light,
    /// Light text on dark.
    Dark,
}

impl Scheme {
    /// The id used in `data-scheme`.
    pub fn id(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }
}

/// How one activity is drawn and named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActivityStyle {
    /// The activity.
    pub activity: Activity,
    /// What the legend calls it.
    pub words: &'static str,
    /// Its texture.
    pub pattern: Pattern,
    /// Its colour on a light page (Okabe–Ito hues, which readers with the
    /// common colour-vision deficiencies tell apart).
    pub light: &'static str,
    /// Its colour on a dark page.
    pub dark: &'static str,
}

impl ActivityStyle {
    /// What a Python program's legend calls it: a program starts threads
    /// as well as processes, and both draw as starting.
    pub fn program_words(&self) -> &'static str {
        match self.activity {
            Activity::Spawn => "starting a thread or process",
            _ => self.words,
        }
    }

    /// Its colour in `scheme`.
    pub fn colour(&self, scheme: Scheme) -> &'static str {
        match scheme {
            Scheme::Light => self.light,
            Scheme::Dark => self.dark,
        }
    }

    /// The name of the stylesheet's variable for its colour
    /// (`--lane-wait-gil`).
    pub fn css_variable(&self) -> String {
        format!("--lane-{}", self.activity.category().unwrap_or("idle"))
    }
}

/// Every activity a lane can show, in legend order.
pub const STYLES: [ActivityStyle; 9] = [
    style(
        Activity::Cpu,
        "computing",
        Pattern::Solid,
        "#0072b2",
        "#3d9ee0",
    ),
    style(
        Activity::Io,
        "waiting on the network",
        Pattern::Hatching,
        "#e69f00",
        "#f0b429",
    ),
    style(
        Activity::WaitGil,
        "waiting for the GIL",
        Pattern::Dots,
        "#d55e00",
        "#ef7a3a",
    ),
    style(
        Activity::WaitLock,
        "waiting for a lock",
        Pattern::CrossHatching,
        "#cc79a7",
        "#de92bd",
    ),
    style(
        Activity::Sleep,
        "sleeping",
        Pattern::Rules,
        "#b8a600",
        "#e0d04a",
    ),
    style(
        Activity::Wait,
        "waiting on a join, event, queue or result",
        Pattern::Grid,
        "#8a7f5a",
        "#b3a77c",
    ),
    style(
        Activity::Spawn,
        "starting a process",
        Pattern::Bars,
        "#009e73",
        "#2dbf8f",
    ),
    style(
        Activity::Message,
        "sending or receiving a message",
        Pattern::Dashes,
        "#56b4e9",
        "#7cc8f0",
    ),
    style(
        Activity::Idle,
        "idle",
        Pattern::ThinLine,
        "#a3a8b3",
        "#5d6472",
    ),
];

const fn style(
    activity: Activity,
    words: &'static str,
    pattern: Pattern,
    light: &'static str,
    dark: &'static str,
) -> ActivityStyle {
    ActivityStyle {
        activity,
        words,
        pattern,
        light,
        dark,
    }
}

/// The style of `activity` (an ended lane draws nothing; it gets idle's).
pub fn style_of(activity: Activity) -> &'static ActivityStyle {
    STYLES
        .iter()
        .find(|s| s.activity == activity)
        .unwrap_or(&STYLES[STYLES.len() - 1])
}

/// The colour of pattern strokes over a bar, in `scheme`.
pub fn pattern_ink(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::Light => "rgba(255, 255, 255, 0.55)",
        Scheme::Dark => "rgba(0, 0, 0, 0.45)",
    }
}

/// The activities some mode among `modes` can show, in legend order: the
/// legend lists only what a run of these modes can draw.
pub fn legend_entries(modes: &[Mode]) -> Vec<&'static ActivityStyle> {
    STYLES
        .iter()
        .filter(|s| match s.activity {
            Activity::WaitGil => modes.contains(&Mode::Gil),
            Activity::Spawn | Activity::Message => modes.contains(&Mode::Procs),
            // No mode of the comparison takes an ordinary lock, sleeps or
            // joins.
            Activity::WaitLock | Activity::Sleep | Activity::Wait => false,
            _ => true,
        })
        .collect()
}

/// Colours that tell a program's lanes apart where a lane is named away
/// from its row (the editor's replay markers, the output's lines), light and
/// dark: picked to stand apart from each other on both backgrounds.
const LANE_HUES: [(&str, &str); 8] = [
    ("#3b6fb6", "#7fb0f0"),
    ("#c2571a", "#f0995f"),
    ("#2e8b57", "#6fd39a"),
    ("#a23e8c", "#e08ad0"),
    ("#8a6d00", "#e3c34a"),
    ("#00838f", "#5fd0da"),
    ("#b3261e", "#f28b82"),
    ("#5b5fc7", "#a9abf5"),
];

/// The colour of a program's lane `lane` in `scheme`; lanes past the eighth
/// take the colours again.
pub fn lane_hue(lane: u16, scheme: Scheme) -> &'static str {
    let (light, dark) = LANE_HUES[usize::from(lane) % LANE_HUES.len()];
    match scheme {
        Scheme::Light => light,
        Scheme::Dark => dark,
    }
}

/// The activities a Python program's lanes can show: all of them, but
/// waiting for the GIL only under the GIL.
pub fn program_legend_entries(gil: bool) -> Vec<&'static ActivityStyle> {
    STYLES
        .iter()
        .filter(|s| gil || s.activity != Activity::WaitGil)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_activity_with_an_interval_has_one_style_and_its_own_texture() {
        for style in &STYLES {
            assert!(style.activity.category().is_some(), "{:?}", style.activity);
        }
        let mut patterns: Vec<Pattern> = STYLES.iter().map(|s| s.pattern).collect();
        patterns.dedup();
        assert_eq!(patterns.len(), STYLES.len(), "no two share a texture");
        assert_eq!(style_of(Activity::Io).css_variable(), "--lane-io");
        assert_eq!(style_of(Activity::Done).activity, Activity::Idle);
    }

    #[test]
    fn the_legend_lists_only_what_the_modes_can_show() {
        let words = |modes: &[Mode]| -> Vec<&str> {
            legend_entries(modes).iter().map(|s| s.words).collect()
        };
        assert_eq!(
            words(&[Mode::Seq, Mode::Threads]),
            ["computing", "waiting on the network", "idle"]
        );
        assert!(words(&[Mode::Gil]).contains(&"waiting for the GIL"));
        assert!(words(&[Mode::Procs]).contains(&"starting a process"));
        assert!(!words(&Mode::ALL).contains(&"waiting for a lock"));
        assert!(!words(&Mode::ALL).contains(&"sleeping"));
        let program: Vec<&str> = program_legend_entries(false)
            .iter()
            .map(|s| s.words)
            .collect();
        assert!(program.contains(&"sleeping") && program.contains(&"waiting for a lock"));
        assert!(!program.contains(&"waiting for the GIL"));
        assert_eq!(program_legend_entries(true).len(), STYLES.len());
    }

    #[test]
    fn every_activity_of_a_program_has_its_own_style() {
        for activity in [
            Activity::Cpu,
            Activity::WaitGil,
            Activity::Sleep,
            Activity::Io,
            Activity::WaitLock,
            Activity::Wait,
        ] {
            assert_eq!(style_of(activity).activity, activity, "{activity:?}");
        }
    }
}

//! Slow-motion replay of a finished run: a playhead that moves at a chosen
//! fraction of real time, steps from change to change, or is dragged.
//! The page's timeline, output and counters all follow the playhead.

/// Changes closer together than this are one step: a replay step should
/// visibly move something.
const STEP_RESOLUTION_US: f64 = 100.0;

/// Replay speeds offered, as fractions of real time.
pub const SPEEDS: [f64; 5] = [0.05, 0.1, 0.25, 0.5, 1.0];

/// Where a replay is.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    playhead_us: Option<f64>,
    playing: bool,
    speed: f64,
    end_us: f64,
    /// Every moment something changed, sorted: where a step stops.
    events: Vec<f64>,
    /// The lane the reader pointed at (a line of output it printed).
    lane: Option<u16>,
}

impl Default for Replay {
    fn default() -> Self {
        Self {
            playhead_us: None,
            playing: false,
            speed: 0.25,
            end_us: 0.0,
            events: Vec::new(),
            lane: None,
        }
    }
}

impl Replay {
    /// A new run to replay: its length and its moments of change (µs). The
    /// playhead goes back to showing everything; the speed is kept.
    pub fn load(&mut self, end_us: f64, events: impl IntoIterator<Item = f64>) {
        let mut events: Vec<f64> = events
            .into_iter()
            .map(|t| (t / STEP_RESOLUTION_US).round() * STEP_RESOLUTION_US)
            .filter(|&t| t > 0.0 && t < end_us)
            .collect();
        events.sort_by(f64::total_cmp);
        events.dedup();
        *self = Self {
            end_us,
            events,
            speed: self.speed,
            ..Self::default()
        };
    }

    /// Where the playhead is; `None` when the whole run is shown.
    pub fn playhead_us(&self) -> Option<f64> {
        self.playhead_us
    }

    /// How long the replayed run is.
    pub fn end_us(&self) -> f64 {
        self.end_us
    }

    /// Whether it is playing.
    pub fn is_playing(&self) -> bool {
        self.playing
    }

    /// Playback speed (fraction of real time).
    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// Sets the speed, within the offered range.
    pub fn set_speed(&mut self, speed: f64) {
        if speed.is_finite() {
            self.speed = speed.clamp(SPEEDS[0], SPEEDS[SPEEDS.len() - 1]);
        }
    }

    /// Moves the playhead (within the run) and pauses: a drag of the scrubber.
    pub fn scrub(&mut self, at_us: f64) {
        self.playing = false;
        self.seek(at_us);
    }

    fn seek(&mut self, at_us: f64) {
        if at_us.is_finite() {
            self.playhead_us = Some(at_us.clamp(0.0, self.end_us));
        }
    }

    /// Starts playing, from the start if the playhead is at the end.
    pub fn play(&mut self) {
        if self.end_us <= 0.0 {
            return;
        }
        let at = self.playhead_us.unwrap_or(0.0);
        self.playhead_us = Some(if at >= self.end_us { 0.0 } else { at });
        self.playing = true;
    }

    /// Pauses.
    pub fn pause(&mut self) {
        self.playing = false;
    }

    /// Plays or pauses.
    pub fn toggle(&mut self) {
        if self.playing {
            self.pause();
        } else {
            self.play();
        }
    }

    /// Jumps to the next (or previous) moment something changes, or to the
    /// end (or start) when there is none, and pauses.
    pub fn step(&mut self, forward: bool) {
        let at = self
            .playhead_us
            .unwrap_or(if forward { -1.0 } else { self.end_us });
        let half = STEP_RESOLUTION_US / 2.0;
        let next = if forward {
            self.events.iter().copied().find(|&t| t > at + half)
        } else {
            self.events.iter().rev().copied().find(|&t| t < at - half)
        };
        self.playing = false;
        self.seek(next.unwrap_or(if forward { self.end_us } else { 0.0 }));
    }

    /// Back to showing the whole run.
    pub fn show_all(&mut self) {
        self.playing = false;
        self.playhead_us = None;
        self.lane = None;
    }

    /// Moves the playhead to `at_us` and points at `lane`: the moment a
    /// line of output was printed, and who printed it.
    pub fn point_at(&mut self, at_us: f64, lane: u16) {
        self.scrub(at_us);
        self.lane = Some(lane);
    }

    /// The lane pointed at, if any.
    pub fn lane(&self) -> Option<u16> {
        self.lane
    }

    /// Advances a playing replay by `real_ms` of wall time; returns whether
    /// it is still playing.
    pub fn advance(&mut self, real_ms: f64) -> bool {
        if !self.playing {
            return false;
        }
        let at = self.playhead_us.unwrap_or(0.0) + real_ms.max(0.0) * 1000.0 * self.speed;
        self.playing = at < self.end_us;
        self.playhead_us = Some(at.min(self.end_us));
        self.playing
    }

    /// For reduced motion: the next moment of change, reached in one jump
    /// instead of a glide. Returns whether it is still playing.
    pub fn advance_by_event(&mut self) -> bool {
        if !self.playing {
            return false;
        }
        self.step(true);
        self.playing = self.playhead_us.is_some_and(|t| t < self.end_us);
        self.playing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded() -> Replay {
        let mut replay = Replay::default();
        replay.load(10_000.0, [2_000.0, 2_030.0, 5_000.0, 0.0, 12_000.0]);
        replay
    }

    #[test]
    fn playing_moves_the_playhead_at_the_chosen_fraction_of_real_time_and_stops_at_the_end() {
        let mut replay = loaded();
        assert_eq!(replay.playhead_us(), None, "everything shown");
        replay.set_speed(0.5);
        replay.play();
        assert!(replay.advance(4.0));
        assert_eq!(replay.playhead_us(), Some(2_000.0), "4 ms at half speed");
        assert!(!replay.advance(100.0));
        assert_eq!(replay.playhead_us(), Some(10_000.0));
        replay.play();
        assert_eq!(replay.playhead_us(), Some(0.0), "playing again restarts");
    }

    #[test]
    fn steps_stop_at_each_change_once_and_scrubbing_pauses() {
        let mut replay = loaded();
        replay.step(true);
        assert_eq!(replay.playhead_us(), Some(2_000.0));
        replay.step(true);
        assert_eq!(
            replay.playhead_us(),
            Some(5_000.0),
            "2 030 µs is the same step"
        );
        replay.step(true);
        assert_eq!(replay.playhead_us(), Some(10_000.0), "then the end");
        replay.step(false);
        assert_eq!(replay.playhead_us(), Some(5_000.0));
        replay.play();
        replay.scrub(99_999.0);
        assert!(!replay.is_playing());
        assert_eq!(replay.playhead_us(), Some(10_000.0), "clamped to the run");
        replay.show_all();
        assert_eq!(replay.playhead_us(), None);
    }

    #[test]
    fn speeds_stay_in_range_and_survive_a_new_run() {
        let mut replay = loaded();
        replay.set_speed(7.0);
        assert_eq!(replay.speed(), 1.0);
        replay.set_speed(f64::NAN);
        assert_eq!(replay.speed(), 1.0);
        replay.load(1_000.0, [400.0]);
        assert_eq!(replay.speed(), 1.0);
        replay.play();
        assert!(replay.advance_by_event(), "jumps to the one change");
        assert_eq!(replay.playhead_us(), Some(400.0));
        assert!(!replay.advance_by_event(), "then to the end, and stops");
        assert_eq!(replay.playhead_us(), Some(1_000.0));
    }

    #[test]
    fn pointing_at_a_printed_line_pauses_there_and_names_its_lane_until_a_new_run() {
        let mut replay = loaded();
        replay.play();
        replay.point_at(5_000.0, 3);
        assert!(!replay.is_playing());
        assert_eq!(
            (replay.playhead_us(), replay.lane()),
            (Some(5_000.0), Some(3))
        );
        replay.show_all();
        assert_eq!(replay.lane(), None, "showing everything points at nothing");
        replay.point_at(2_000.0, 1);
        replay.load(1_000.0, [400.0]);
        assert_eq!(replay.lane(), None, "a new run forgets it");
    }
}

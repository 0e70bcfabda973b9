//! Slow-motion replay of a finished comparison: a playhead that the
//! timeline, the output and the counters follow.
//!
//! A plain shared store rather than component state: the timeline's frame
//! loop moves the playhead sixty times a second and paints directly; only
//! the small components that show the playhead are told.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::Callback;

/// Changes closer together than this are one step: a replay step should
/// visibly move something.
const STEP_RESOLUTION_US: f64 = 100.0;

/// Replay speeds offered, as fractions of real time.
pub const SPEEDS: [f64; 5] = [0.05, 0.1, 0.25, 0.5, 1.0];

/// The replay's state.
#[derive(Default)]
pub struct Replay {
    playhead_us: Cell<Option<f64>>,
    playing: Cell<bool>,
    speed: Cell<f64>,
    end_us: Cell<f64>,
    /// Every moment something changed, sorted: where "step" stops.
    events: RefCell<Vec<f64>>,
    listeners: RefCell<Vec<(u32, Callback<()>)>>,
    next_id: Cell<u32>,
}

/// One replay per page: two handles are equal when they are the same.
impl PartialEq for Replay {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Stops listening when dropped.
pub struct Subscription {
    replay: Rc<Replay>,
    id: u32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.replay
            .listeners
            .borrow_mut()
            .retain(|(id, _)| *id != self.id);
    }
}

impl Replay {
    /// A replay at a quarter of real time.
    pub fn new() -> Rc<Self> {
        let replay = Self::default();
        replay.speed.set(0.25);
        Rc::new(replay)
    }

    /// Calls `callback` whenever the playhead or the playing state changes.
    pub fn subscribe(self: &Rc<Self>, callback: Callback<()>) -> Subscription {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.listeners.borrow_mut().push((id, callback));
        Subscription {
            replay: self.clone(),
            id,
        }
    }

    fn notify(&self) {
        let listeners: Vec<Callback<()>> = self
            .listeners
            .borrow()
            .iter()
            .map(|(_, c)| c.clone())
            .collect();
        listeners.iter().for_each(|c| c.emit(()));
    }

    /// A new comparison to replay: its length and its moments of change.
    /// The playhead goes back to showing everything.
    pub fn load(&self, end_us: f64, events: Vec<f64>) {
        let mut events: Vec<f64> = events
            .into_iter()
            .map(|t| (t / STEP_RESOLUTION_US).round() * STEP_RESOLUTION_US)
            .filter(|&t| t > 0.0)
            .collect();
        events.sort_by(f64::total_cmp);
        events.dedup();
        self.end_us.set(end_us);
        *self.events.borrow_mut() = events;
        self.playhead_us.set(None);
        self.playing.set(false);
        self.notify();
    }

    /// Where the playhead is; `None` when the whole run is shown.
    pub fn playhead_us(&self) -> Option<f64> {
        self.playhead_us.get()
    }

    /// How long the replayed comparison is.
    pub fn end_us(&self) -> f64 {
        self.end_us.get()
    }

    /// Whether it is playing.
    pub fn is_playing(&self) -> bool {
        self.playing.get()
    }

    /// Playback speed (fraction of real time).
    pub fn speed(&self) -> f64 {
        self.speed.get()
    }

    /// Sets the speed.
    pub fn set_speed(&self, speed: f64) {
        self.speed.set(speed.clamp(SPEEDS[0], 1.0));
        self.notify();
    }

    /// Moves the playhead (clamped to the run).
    pub fn seek(&self, at_us: f64) {
        self.playhead_us
            .set(Some(at_us.clamp(0.0, self.end_us.get())));
        self.notify();
    }

    /// Starts playing, from the start if the playhead is at the end.
    pub fn play(&self) {
        if self.end_us.get() <= 0.0 {
            return;
        }
        let at = self.playhead_us.get().unwrap_or(0.0);
        self.playhead_us
            .set(Some(if at >= self.end_us.get() { 0.0 } else { at }));
        self.playing.set(true);
        self.notify();
    }

    /// Pauses.
    pub fn pause(&self) {
        self.playing.set(false);
        self.notify();
    }

    /// Jumps to the next moment something changes (or back to the start).
    pub fn step(&self, forward: bool) {
        let at = self
            .playhead_us
            .get()
            .unwrap_or(if forward { -1.0 } else { self.end_us.get() });
        let events = self.events.borrow();
        let half = STEP_RESOLUTION_US / 2.0;
        let next = if forward {
            events.iter().copied().find(|&t| t > at + half)
        } else {
            events.iter().rev().copied().find(|&t| t < at - half)
        };
        drop(events);
        self.playing.set(false);
        self.seek(next.unwrap_or(if forward { self.end_us.get() } else { 0.0 }));
    }

    /// Back to showing the whole run.
    pub fn show_all(&self) {
        self.playing.set(false);
        self.playhead_us.set(None);
        self.notify();
    }

    /// Advances a playing replay by `real_ms` of wall time; returns whether
    /// it is still playing.
    pub fn advance(&self, real_ms: f64) -> bool {
        if !self.playing.get() {
            return false;
        }
        let at = self.playhead_us.get().unwrap_or(0.0) + real_ms * 1000.0 * self.speed.get();
        if at >= self.end_us.get() {
            self.playing.set(false);
        }
        self.playhead_us.set(Some(at.min(self.end_us.get())));
        self.notify();
        self.playing.get()
    }

    /// For reduced motion: the next moment of change after the playhead,
    /// reached in one jump instead of a glide.
    pub fn advance_by_event(&self) -> bool {
        if !self.playing.get() {
            return false;
        }
        self.step(true);
        let more = self
            .playhead_us
            .get()
            .is_some_and(|t| t < self.end_us.get());
        self.playing.set(more);
        self.notify();
        more
    }
}

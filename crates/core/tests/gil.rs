//! The GIL's mechanism, as CPython's: the waiter's timed wait and drop
//! request, the holder's check, forced switching. First on the real lock
//! with an injected clock, then step by step in virtual time (on real
//! threads: `gil_real_threads.rs`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;
use threadline_core::clock::{Clock, SystemClock};
use threadline_core::gil::{Gil, GilState, WaitRound};
use threadline_core::record::{GilEvent, GilMark, Recorder};

/// A clock that moves only when the test says so.
#[derive(Default)]
struct ManualClock(AtomicU64);

impl ManualClock {
    fn set(&self, ms: f64) {
        self.0.store(ms.to_bits(), Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> f64 {
        f64::from_bits(self.0.load(Ordering::SeqCst))
    }
}

/// Polls `condition` for up to ten seconds of real time (a loaded machine
/// may be slow to schedule a thread; a correct lock gets there at once).
fn eventually(condition: impl Fn() -> bool) -> bool {
    let clock = SystemClock::default();
    while clock.now_ms() < 10_000.0 {
        if condition() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

#[test]
fn a_drop_request_tells_the_hook_who_holds_the_gil_and_a_new_interval_applies() {
    let clock = Arc::new(ManualClock::default());
    let recorder = Arc::new(Recorder::start(clock.clone(), true));
    let asked = Arc::new(std::sync::Mutex::new(Vec::new()));
    let hook = {
        let asked = asked.clone();
        Box::new(move |holder: u16| asked.lock().expect("not poisoned").push(holder))
    };
    let gil = Arc::new(Gil::with_request_hook(5.0, hook));
    gil.set_switch_interval(2.0);
    assert_eq!(gil.switch_interval_ms(), 2.0);
    gil.take(3, recorder.as_ref(), || 0.0).expect("free");
    assert_eq!(gil.holder(), Some(3));
    let waiter = {
        let (gil, recorder) = (gil.clone(), recorder.clone());
        std::thread::spawn(move || gil.take(7, recorder.as_ref(), || 0.0).is_ok())
    };
    std::thread::sleep(Duration::from_millis(20));
    assert!(
        asked.lock().expect("not poisoned").is_empty(),
        "the clock has not moved"
    );
    clock.set(2.0);
    assert!(
        eventually(|| gil.drop_requested()),
        "due at the new interval"
    );
    assert_eq!(
        *asked.lock().expect("not poisoned"),
        [3],
        "the holder's lane"
    );
    gil.release(3, recorder.as_ref(), 2.0)
        .expect("not abandoned");
    assert!(waiter.join().expect("no panic"));
    assert_eq!(gil.holder(), Some(7));
}

#[test]
fn the_waiters_drop_request_comes_after_the_interval_and_not_before() {
    let clock = Arc::new(ManualClock::default());
    let recorder = Arc::new(Recorder::start(clock.clone(), true));
    let gil = Arc::new(Gil::new(5.0));
    gil.take(0, recorder.as_ref(), || 0.0).expect("free");
    let waiting = Arc::new(AtomicBool::new(false));
    let waiter = {
        let (gil, recorder, waiting) = (gil.clone(), recorder.clone(), waiting.clone());
        std::thread::spawn(move || {
            gil.take(1, recorder.as_ref(), || {
                waiting.store(true, Ordering::SeqCst);
                0.0
            })
            .expect("not abandoned");
            gil.release(1, recorder.as_ref(), 0.0)
                .expect("not abandoned");
        })
    };
    assert!(eventually(|| waiting.load(Ordering::SeqCst)));
    clock.set(4.99);
    std::thread::sleep(Duration::from_millis(50));
    assert!(!gil.drop_requested(), "no request before the interval");
    clock.set(5.0);
    assert!(
        eventually(|| gil.drop_requested()),
        "a request at the interval"
    );
    let requests: Vec<GilMark> = recorder
        .gil_marks()
        .into_iter()
        .filter(|m| m.event == GilEvent::Requested)
        .collect();
    assert_eq!(requests.len(), 1);
    assert_eq!((requests[0].lane, requests[0].at_us), (1, 5000.0));
    gil.release(0, recorder.as_ref(), 5.0)
        .expect("not abandoned");
    waiter.join().expect("waiter");
}

#[test]
fn abandoning_the_gil_frees_a_thread_stuck_behind_a_holder_that_never_lets_go() {
    let clock = Arc::new(SystemClock::default());
    let recorder = Arc::new(Recorder::start(clock, true));
    let gil = Arc::new(Gil::new(1.0));
    gil.take(0, recorder.as_ref(), || 0.0).expect("free");
    let waiter = {
        let (gil, recorder) = (gil.clone(), recorder.clone());
        std::thread::spawn(move || gil.take(1, recorder.as_ref(), || 0.0))
    };
    assert!(eventually(|| gil.drop_requested()), "the waiter asked");
    gil.abandon();
    assert!(waiter.join().expect("waiter").is_err());
}

/// What one simulated thread is doing.
#[derive(Clone, Copy, Debug)]
enum Doing {
    /// Holds the GIL: checks for a drop request at `next_check`, and lets
    /// go for I/O at `burst_end` (never, for a CPU-bound thread).
    Holding { next_check: f64, burst_end: f64 },
    /// Waits for the GIL in timed rounds, since `asked`.
    Waiting { round: WaitRound, asked: f64 },
    /// Blocked in I/O without the GIL until then.
    InIo { until: f64 },
}

/// A thread's script: forever CPU-bound, or I/O of `io_ms` then `cpu_ms`
/// of computing, over and over.
#[derive(Clone, Copy)]
enum Script {
    Cpu,
    Io { io_ms: f64, cpu_ms: f64 },
}

/// CPython's GIL in virtual time: every decision is the real
/// [`GilState`]'s; only the waiting is simulated, events in time order,
/// with no wake-up latency.
struct Sim {
    gil: GilState,
    slice_ms: f64,
    scripts: Vec<Script>,
    doing: Vec<Doing>,
    /// (lane, from, to) of every hold.
    holds: Vec<(usize, f64, f64)>,
    /// (lane, asked at, got it at) of every wait.
    waits: Vec<(usize, f64, f64)>,
    held_since: f64,
}

impl Sim {
    fn new(interval_ms: f64, slice_ms: f64, scripts: Vec<Script>) -> Self {
        let gil = GilState::new(interval_ms);
        let doing = vec![Doing::InIo { until: 0.0 }; scripts.len()];
        Self {
            gil,
            slice_ms,
            scripts,
            doing,
            holds: Vec::new(),
            waits: Vec::new(),
            held_since: 0.0,
        }
    }

    fn take(&mut self, lane: usize, now: f64) {
        self.gil.try_take(lane as u16).expect("free");
        if let Doing::Waiting { asked, .. } = self.doing[lane] {
            self.waits.push((lane, asked, now));
        }
        self.held_since = now;
        let burst_end = match self.scripts[lane] {
            Script::Cpu => f64::INFINITY,
            Script::Io { cpu_ms, .. } => now + cpu_ms,
        };
        self.doing[lane] = Doing::Holding {
            next_check: now + self.slice_ms,
            burst_end,
        };
    }

    fn wait(&mut self, lane: usize, now: f64) {
        self.doing[lane] = Doing::Waiting {
            round: self.gil.begin_wait(now),
            asked: now,
        };
    }

    /// The holder lets go at `now` (for I/O, or on request); the thread that
    /// has waited longest is woken and takes it.
    fn release(&mut self, holder: usize, now: f64, for_io: bool) {
        let forced = self.gil.release(holder as u16, now);
        self.holds.push((holder, self.held_since, now));
        self.doing[holder] = Doing::InIo {
            until: f64::INFINITY,
        };
        let next = (0..self.doing.len())
            .filter_map(|l| match self.doing[l] {
                Doing::Waiting { asked, .. } => Some((l, asked)),
                _ => None,
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((lane, _)) = next {
            self.take(lane, now);
        }
        assert!(
            !forced || self.gil.switched_away_from(holder as u16),
            "forced switch"
        );
        match (for_io, self.scripts[holder]) {
            (true, Script::Io { io_ms, .. }) => {
                self.doing[holder] = Doing::InIo { until: now + io_ms }
            }
            _ => self.wait(holder, now),
        }
    }

    /// The next event: (time, lane, kind) with kind 0 = a wait times out,
    /// 1 = I/O ends, 2 = the holder checks, 3 = the holder's burst ends.
    fn next_event(&self) -> (f64, usize, u8) {
        let mut events = Vec::new();
        for (lane, doing) in self.doing.iter().enumerate() {
            match *doing {
                Doing::Waiting { round, .. } => events.push((self.gil.deadline(round), lane, 0)),
                Doing::InIo { until } => events.push((until, lane, 1)),
                Doing::Holding {
                    next_check,
                    burst_end,
                } => {
                    events.push((next_check, lane, 2));
                    events.push((burst_end, lane, 3));
                }
            }
        }
        events
            .into_iter()
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)))
            .expect("threads")
    }

    /// Runs until `end_ms` of virtual time.
    fn run(&mut self, end_ms: f64) {
        loop {
            let (now, lane, kind) = self.next_event();
            if now >= end_ms {
                return;
            }
            match (kind, self.doing[lane]) {
                (0, Doing::Waiting { round, asked }) => {
                    self.gil.wait_timed_out(round, now);
                    self.doing[lane] = Doing::Waiting {
                        round: self.gil.begin_wait(now),
                        asked,
                    };
                }
                (1, _) if self.gil.holder().is_none() => self.take(lane, now),
                (1, _) => self.wait(lane, now),
                (2, Doing::Holding { burst_end, .. }) if !self.gil.drop_requested() => {
                    self.doing[lane] = Doing::Holding {
                        next_check: now + self.slice_ms,
                        burst_end,
                    };
                }
                (2, _) => self.release(lane, now, false),
                _ => self.release(lane, now, true),
            }
        }
    }
}

#[test]
fn two_cpu_bound_threads_take_turns_of_one_interval_plus_a_check() {
    let (interval, slice) = (5.0, 0.3);
    let mut sim = Sim::new(interval, slice, vec![Script::Cpu, Script::Cpu]);
    sim.run(500.0);
    let turns: Vec<f64> = sim.holds.iter().map(|(_, from, to)| to - from).collect();
    assert!(turns.len() >= 90, "{} turns in 500 ms", turns.len());
    for turn in &turns {
        assert!(
            *turn >= interval - 1e-9 && *turn <= interval + slice + 1e-9,
            "a turn of {turn} ms, not one interval plus at most one slice"
        );
    }
    let lanes: Vec<usize> = sim.holds.iter().map(|(lane, ..)| *lane).collect();
    assert!(
        lanes.windows(2).all(|w| w[0] != w[1]),
        "forced switching alternates them"
    );
}

#[test]
fn an_io_thread_beside_a_cpu_thread_waits_an_interval_after_each_io() {
    let (interval, slice) = (5.0, 0.25);
    let io = Script::Io {
        io_ms: 1.0,
        cpu_ms: 0.05,
    };
    let mut sim = Sim::new(interval, slice, vec![Script::Cpu, io]);
    sim.run(600.0);
    let waits: Vec<f64> = sim
        .waits
        .iter()
        .filter(|(lane, ..)| *lane == 1)
        .map(|(_, asked, got)| got - asked)
        .collect();
    assert!(waits.len() >= 50, "{} wake-ups", waits.len());
    for wait in &waits {
        assert!(
            *wait >= interval - 1e-9 && *wait <= interval + slice + 1e-9,
            "the I/O thread waited {wait} ms for the GIL"
        );
    }
}

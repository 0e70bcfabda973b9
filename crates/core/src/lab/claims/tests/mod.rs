//! Every claim against runs recorded with the real [`Recorder`] on a clock
//! the test sets: one run where the claim holds and one where it does not,
//! with the figure each verdict gives.

mod asyncio;
mod gil;
mod processes;
mod states;
mod sync;
mod threads;

use super::{Check, ClaimInput, Verdict};
use crate::clock::Clock;
use crate::lab::Build;
use crate::program::ProgramRecord;
use crate::record::{Activity, EventKind, LaneInfo, LaneKind, ProcessInfo, Recorder};
use std::sync::Arc;

/// A clock that stays at the run's start: every mark gives its own time.
struct StillClock;

impl Clock for StillClock {
    fn now_ms(&self) -> f64 {
        0.0
    }
}

/// A run being recorded: lanes named as Python names them, then marks
/// and events at the times (ms) the test gives.
pub(super) struct Story {
    recorder: Recorder,
}

impl Story {
    /// A run whose process 0 is `MainProcess` (pid 100) with `MainThread`
    /// on lane 0.
    pub fn new() -> Self {
        let story = Self {
            recorder: Recorder::start(Arc::new(StillClock), true),
        };
        story.process(0, "MainProcess", 100);
        story.thread(0, "MainThread");
        story
    }

    /// Names process `process`.
    pub fn process(&self, process: u16, name: &str, pid: u32) -> &Self {
        self.recorder.name_process(ProcessInfo {
            process,
            name: name.into(),
            pid,
        });
        self
    }

    /// Names `lane` a thread of the program's own process.
    pub fn thread(&self, lane: u16, name: &str) -> &Self {
        self.thread_in(lane, name, 0)
    }

    /// Names `lane` a thread of `process`.
    pub fn thread_in(&self, lane: u16, name: &str, process: u16) -> &Self {
        self.recorder.name_lane(LaneInfo {
            lane,
            name: name.into(),
            process,
            kind: LaneKind::Thread,
        });
        self
    }

    /// Names `lane` an asyncio task run by the loop on `event_loop`.
    pub fn task(&self, lane: u16, name: &str, event_loop: u16) -> &Self {
        self.recorder.name_lane(LaneInfo {
            lane,
            name: name.into(),
            process: 0,
            kind: LaneKind::Task { event_loop },
        });
        self
    }

    /// `lane` does each activity from its time on.
    pub fn steps(&self, lane: u16, steps: &[(f64, Activity)]) -> &Self {
        for &(at_ms, activity) in steps {
            self.recorder.state_at(at_ms, lane, activity, 0, 0);
        }
        self
    }

    /// `lane` does `activity` from `at_ms`, for the reason `note` names.
    pub fn noted(&self, at_ms: f64, lane: u16, activity: Activity, note: &str) -> &Self {
        let note = self.recorder.note(note);
        self.recorder.state_at(at_ms, lane, activity, note, 0);
        self
    }

    /// `lane` prints `text` at `at_ms`, as print() writes it: the text,
    /// then the line's end.
    pub fn print(&self, at_ms: f64, lane: u16, text: &str) -> &Self {
        self.event(at_ms, lane, EventKind::Print, text);
        self.event(at_ms, lane, EventKind::Print, "\n")
    }

    /// An event of `kind` on `lane` at `at_ms`.
    pub fn event(&self, at_ms: f64, lane: u16, kind: EventKind, text: &str) -> &Self {
        self.recorder
            .event_at(at_ms, lane, kind, 1, Some(text.into()), None);
        self
    }

    /// The record of the run, ended at `wall_ms`.
    pub fn record(&self, build: Build, wall_ms: f64) -> ProgramRecord {
        ProgramRecord::of(&self.recorder, build.id(), wall_ms)
    }
}

/// `check`'s verdict on `record` with `stdout`, on `build` with `cores`.
pub(super) fn judge(
    check: Check,
    record: &ProgramRecord,
    stdout: &str,
    build: Build,
    cores: u32,
) -> Verdict {
    check(&ClaimInput {
        record,
        stdout,
        stderr: "",
        exit_code: 0,
        build,
        cores,
    })
}

/// Asserts that `verdict` passed (or not) and says `text`.
#[track_caller]
pub(super) fn assert_verdict(verdict: &Verdict, passed: bool, text: &str) {
    assert_eq!(
        (verdict.passed, verdict.text.as_str()),
        (passed, text),
        "{verdict:?}"
    );
}

/// `lane` alternates with `other` from `from_ms`: each runs `turn_ms`
/// while the other waits for the GIL, `turns` turns in all; both end after.
pub(super) fn take_turns(story: &Story, lanes: [u16; 2], from_ms: f64, turn_ms: f64, turns: usize) {
    for turn in 0..turns {
        let at = from_ms + turn as f64 * turn_ms;
        let (running, waiting) = if turn % 2 == 0 {
            (lanes[0], lanes[1])
        } else {
            (lanes[1], lanes[0])
        };
        story.steps(running, &[(at, Activity::Cpu)]);
        story.steps(waiting, &[(at, Activity::WaitGil)]);
    }
    let end = from_ms + turns as f64 * turn_ms;
    story.steps(lanes[0], &[(end, Activity::Done)]);
    story.steps(lanes[1], &[(end, Activity::Done)]);
}

#[test]
fn a_run_that_recorded_nothing_fails_every_claim_and_says_so() {
    let empty = ProgramRecord::default();
    for lesson in crate::lab::lessons::LESSONS {
        let verdict = lesson.claim.judge(&ClaimInput {
            record: &empty,
            stdout: "",
            stderr: "",
            exit_code: 0,
            build: Build::Gil,
            cores: 2,
        });
        assert!(!verdict.passed, "{}", lesson.id);
        assert!(
            verdict.text.starts_with("nothing to measure"),
            "{}: {}",
            lesson.id,
            verdict.text
        );
    }
}

#[test]
fn a_failed_claim_on_a_run_that_failed_says_with_what_error() {
    let stderr = "Process Process-1:\nTraceback (most recent call last):\n  File \"<lab>\", \
        line 9, in work\nSystemError: one-core in the browser cannot wait\n";
    let judge = |stderr: &str| {
        crate::lab::lessons::find("shared-state")
            .unwrap()
            .claim
            .judge(&ClaimInput {
                record: &ProgramRecord::default(),
                stdout: "",
                stderr,
                exit_code: 1,
                build: Build::OneCore,
                cores: 2,
            })
    };
    let failed = judge(stderr);
    assert!(!failed.passed);
    assert_eq!(
        failed.caveat.as_deref(),
        Some("the run ended with SystemError: one-core in the browser cannot wait")
    );
    assert_eq!(judge("a warning: nothing raised\n").caveat, None);
}

#[test]
fn every_claim_judges_every_lesson_s_run_without_panicking() {
    let runs = [
        threads::started_together(),
        gil::counting_in_turns(40),
        processes::two_children(0),
        asyncio::gathered(true),
        sync::deadlocked(),
        Story::new().record(Build::Gil, 0.0),
    ];
    let outputs = [
        "",
        "final balance: 1 (expected 2)\nos.cpu_count(): 2\nshared total: 1 of 2",
        "x: -",
    ];
    for lesson in crate::lab::lessons::LESSONS {
        for record in &runs {
            for stdout in outputs {
                for build in Build::ALL {
                    for cores in [1, 2, 16] {
                        let verdict = lesson.claim.judge(&ClaimInput {
                            record,
                            stdout,
                            stderr: stdout,
                            exit_code: 1,
                            build,
                            cores,
                        });
                        assert!(!verdict.text.is_empty(), "{}", lesson.id);
                    }
                }
            }
        }
    }
}

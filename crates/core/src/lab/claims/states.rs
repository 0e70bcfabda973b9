//! Claims about one process's threads themselves: that a program starts
//! with one, the states a thread passes through, and the references threads
//! hold.

use super::measure::{View, total};
use super::words::{count, duration, int_after, line_with, listed};
use super::{ClaimInput, Verdict};
use crate::lab::Build;
use crate::record::{Activity, Lifecycle};

/// `main-thread`: a program that starts nothing runs on one lane, its
/// process's main thread.
pub fn main_thread(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let lanes = view.lanes_where(|_| true);
    let processes = run.record.processes.len().max(1);
    let Some(main) = view.main_lane() else {
        return Verdict::missing("no thread");
    };
    if lanes.len() == 1 && processes == 1 && view.name(main) == "MainThread" {
        let cpu = total(&view.doing(&[main], Activity::Cpu));
        return Verdict::new(
            true,
            format!(
                "the whole run was one lane, MainThread, in one process: it computed for {} and made {}, and nothing else ran",
                duration(cpu),
                count(view.prints(main).len(), "print", "prints")
            ),
        );
    }
    let names: Vec<String> = lanes.iter().map(|&l| view.name(l)).collect();
    Verdict::new(
        false,
        format!(
            "the run had {} ({}) in {}: the program made more than its main thread",
            count(lanes.len(), "lane", "lanes"),
            listed(&names),
            count(processes, "process", "processes")
        ),
    )
}

/// The states `lane` went through, with the time spent in each.
fn time_per_state(view: &View<'_>, lane: u16) -> Vec<(Lifecycle, f64)> {
    let mut states: Vec<(Lifecycle, f64)> = Vec::new();
    for span in view.spans.iter().filter(|s| s.lane == lane) {
        let state = span.activity.lifecycle();
        match states.iter_mut().find(|(known, _)| *known == state) {
            Some((_, time)) => *time += span.duration_us(),
            None => states.push((state, span.duration_us())),
        }
    }
    states
}

/// `lifecycle`: a thread is running, ready, blocked and finally terminated,
/// and the record shows each.
pub fn lifecycle(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let Some(&lane) = view.workers().first() else {
        return Verdict::missing("no thread besides the main one");
    };
    let states = time_per_state(&view, lane);
    let time_in = |state| states.iter().find(|(s, _)| *s == state).map(|(_, t)| *t);
    let terminated = view.ended(lane);
    let ready_needed = run.build != Build::FreeThreaded;
    let mut missing = Vec::new();
    for (state, word, needed) in [
        (Lifecycle::Running, "running", true),
        (Lifecycle::Ready, "ready", ready_needed),
        (Lifecycle::Blocked, "blocked", true),
    ] {
        if needed && time_in(state).is_none() {
            missing.push(word.to_string());
        }
    }
    let seen: Vec<String> = [
        (Lifecycle::Running, "running"),
        (Lifecycle::Ready, "ready"),
        (Lifecycle::Blocked, "blocked"),
    ]
    .iter()
    .filter_map(|&(state, word)| time_in(state).map(|t| format!("{word} {}", duration(t))))
    .collect();
    let end = if terminated {
        ", then terminated"
    } else {
        ", and never ended"
    };
    let mut text = format!("{} was {}{end}", view.name(lane), listed(&seen));
    if !missing.is_empty() {
        text.push_str(&format!("; never {}", listed(&missing)));
    }
    let verdict = Verdict::new(missing.is_empty() && terminated, text);
    if run.build == Build::FreeThreaded && time_in(Lifecycle::Ready).is_none() {
        return verdict.with_caveat("this run was free-threaded: with no GIL to wait for, a thread is ready only while it waits for a core, which the record does not show");
    }
    verdict
}

/// `object-refs`: threads holding a shared object raise its reference
/// count, and the count falls back once they end.
pub fn object_refs(run: &ClaimInput<'_>) -> Verdict {
    let read = |label| line_with(run.stdout, label).and_then(|line| int_after(line, ":"));
    let (Some(before), Some(during), Some(after)) = (
        read("before any thread"),
        read("threads running"),
        read("threads ended"),
    ) else {
        return Verdict::missing(
            "no `before any thread`, `threads running` and `threads ended` counts in the output",
        );
    };
    let view = View::of(run.record);
    let workers = view.workers();
    let printed_at = |label: &str| {
        view.prints_where(|e| e.text.as_deref().is_some_and(|t| t.contains(label)))
            .first()
            .map(|e| e.at_us)
    };
    // A page without cross-origin isolation reads its clock to 0.1 ms, and a
    // one-core run may print and end its threads within one such tick: a
    // thread seen until the tick of the count is counted as holding the
    // list, and one seen past the tick of the last count as still running.
    let lives = view.lifetimes(&workers);
    let alive_at = |at: f64, until_tick: bool| {
        lives
            .iter()
            .filter(|life| life.start <= at && (at < life.end || until_tick && at == life.end))
            .count()
    };
    let holding = printed_at("threads running").map_or(0, |at| alive_at(at, true));
    let left = printed_at("threads ended").map_or(0, |at| alive_at(at, false));
    let text = format!(
        "references to the shared list: {before} before any thread, {during} while {} held it, {after} once {}",
        count(holding, "live thread", "live threads"),
        if left == 0 {
            "every thread had ended".to_string()
        } else {
            format!("{left} still ran")
        }
    );
    Verdict::new(
        during > before && after == before && holding > 0 && left == 0,
        text,
    )
}

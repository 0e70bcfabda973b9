//! Claims about shared data between threads: updates lost in a race, kept
//! under a lock, and two locks that deadlock.

use super::measure::{View, concurrency, total};
use super::words::{count, duration, int_after, line_with, thousands};
use super::{ClaimInput, Verdict};
use crate::record::{Activity, EventKind};

/// The final and expected balances the bank programs print.
fn balances(stdout: &str) -> Option<(i64, i64)> {
    let line = line_with(stdout, "final balance")?;
    Some((int_after(line, "balance:")?, int_after(line, "expected")?))
}

/// `race`: unsynchronised read-modify-write loses deposits.
pub fn race(run: &ClaimInput<'_>) -> Verdict {
    let Some((got, expected)) = balances(run.stdout) else {
        return Verdict::missing("no `final balance: N (expected M)` line in the output");
    };
    let view = View::of(run.record);
    let workers = view.workers();
    let (together, _) = concurrency(&view.lifetimes(&workers), 2);
    let lost = expected - got;
    if lost > 0 {
        Verdict::new(
            true,
            format!(
                "final balance {} instead of {}: {} deposits lost by {} running at once",
                thousands(got),
                thousands(expected),
                thousands(lost),
                count(together, "thread", "threads")
            ),
        )
    } else {
        Verdict::new(
            false,
            format!(
                "no deposit was lost this time ({} of {}): no switch fell between a read and its write; run it again",
                thousands(got),
                thousands(expected)
            ),
        )
    }
}

/// The interpreter records a lock's first this many acquisitions and after
/// them only those that waited (a loop taking a lock a million times would
/// spend more on its events than on its work), so past this count the record
/// holds a sample and the claim says so.
const LOCK_EVENTS_RECORDED: usize = 256;

/// The lock most often acquired, and how often.
fn busiest_lock(view: &View<'_>) -> Option<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for event in view.events(EventKind::Acquire) {
        let name = event.text.clone().unwrap_or_default();
        match counts.iter_mut().find(|(known, _)| *known == name) {
            Some((_, n)) => *n += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n)
}

/// How long two lanes both held `lock` at once, from its acquire and
/// release events, µs.
fn held_together(view: &View<'_>, lock: &str) -> f64 {
    let mut holds = Vec::new();
    let mut open: Vec<(u16, f64)> = Vec::new();
    let named = |e: &&crate::record::Event| e.text.as_deref() == Some(lock);
    let mut events = view.events(EventKind::Acquire);
    events.extend(view.events(EventKind::Release));
    events.retain(named);
    events.sort_by(|a, b| a.at_us.total_cmp(&b.at_us));
    for event in events {
        match event.kind {
            EventKind::Acquire => open.push((event.lane, event.at_us)),
            _ => {
                if let Some(at) = open.iter().position(|(lane, _)| *lane == event.lane) {
                    let (lane, start) = open.remove(at);
                    holds.push(super::measure::Interval {
                        lane,
                        start,
                        end: event.at_us,
                    });
                }
            }
        }
    }
    concurrency(&holds, 2).1
}

/// `lock`: the same deposits under a lock lose nothing, and no two threads
/// ever hold the lock at once.
pub fn lock(run: &ClaimInput<'_>) -> Verdict {
    let Some((got, expected)) = balances(run.stdout) else {
        return Verdict::missing("no `final balance: N (expected M)` line in the output");
    };
    let view = View::of(run.record);
    let waited = total(&view.doing(&view.workers(), Activity::WaitLock));
    let (lock_text, overlap) = match busiest_lock(&view) {
        Some((name, taken)) => {
            let overlap = held_together(&view, &name);
            let never = if overlap > 0.0 {
                format!("held by two threads at once for {}", duration(overlap))
            } else {
                "never by two threads at once".into()
            };
            let taken = if taken < LOCK_EVENTS_RECORDED {
                format!("{name} was taken {} times", thousands(taken as i64))
            } else {
                format!(
                    "{name}: {} acquisitions recorded (its first {LOCK_EVENTS_RECORDED} and every one that waited)",
                    thousands(taken as i64)
                )
            };
            (
                format!(
                    "; {taken}, {never}, and threads waited {} for it",
                    duration(waited)
                ),
                overlap,
            )
        }
        None => ("; the record shows no lock taken".to_string(), 0.0),
    };
    let kept = if got == expected {
        "none lost".to_string()
    } else {
        format!("{} lost", thousands(expected - got))
    };
    let text = format!(
        "final balance {} of {}: {kept}{lock_text}",
        thousands(got),
        thousands(expected)
    );
    Verdict::new(got == expected && overlap == 0.0, text)
}

/// `deadlock`: two locks taken in opposite orders leave each thread waiting
/// for the other's, and the run finds it.
pub fn deadlock(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let Some(found) = view.events(EventKind::Deadlock).first().copied() else {
        let finished = view.workers().iter().filter(|&&l| view.ended(l)).count();
        return Verdict::new(
            false,
            format!(
                "no deadlock this run: {} finished",
                count(finished, "thread", "threads")
            ),
        );
    };
    let stuck: Vec<String> = view
        .workers()
        .into_iter()
        .filter(|&lane| {
            view.spans
                .iter()
                .rfind(|s| s.lane == lane)
                .is_some_and(|s| s.activity == Activity::WaitLock)
        })
        .map(|lane| view.name(lane))
        .collect();
    let cycle = found
        .text
        .as_deref()
        .and_then(|t| t.lines().find(|l| l.contains("holds")))
        .unwrap_or("the threads waited for each other");
    Verdict::new(
        true,
        format!(
            "deadlock found {} into the run, {} waiting on a lock: {}",
            duration(found.at_us),
            count(stuck.len(), "thread", "threads"),
            cycle.trim()
        ),
    )
}

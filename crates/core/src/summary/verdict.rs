//! The one-line verdict: who ran, how fast against `seq`, and the reason the
//! measured figures give, in plain words. Nothing here is canned: every
//! clause is chosen by and filled in from the run's numbers.

use super::{Status, Summary};
use crate::mode::Mode;

/// Who ran, as the verdict names them.
fn lane_noun(mode: Mode, lanes: u32) -> String {
    let plural = if lanes == 1 { "" } else { "s" };
    match mode {
        Mode::Seq => "the main thread".into(),
        Mode::Threads => format!("{lanes} thread{plural}"),
        Mode::Gil => format!("{lanes} thread{plural} under the GIL"),
        Mode::Procs => format!("{lanes} process{}", if lanes == 1 { "" } else { "es" }),
        Mode::Async => format!("{lanes} async task{plural} on one thread"),
    }
}

/// The verdict: who ran, how fast against `seq`, and the measured reason.
pub(super) fn verdict(summary: &Summary, kind: &str) -> String {
    let who = lane_noun(summary.mode, summary.lanes);
    match summary.status {
        Status::Unavailable => {
            return format!(
                "Could not run here: {}.",
                summary.reason.as_deref().unwrap_or("unavailable")
            );
        }
        Status::Cancelled => {
            return format!(
                "Cancelled after {} of {} tasks.",
                summary.tasks_done, summary.tasks
            );
        }
        // The mode stopped before all its tasks ended: it failed as a whole.
        Status::Failed if summary.tasks_done + summary.tasks_failed < summary.tasks => {
            return format!(
                "Stopped: {}. {} of {} tasks finished; their results were kept.",
                summary.reason.as_deref().unwrap_or("it failed"),
                summary.tasks_done,
                summary.tasks
            );
        }
        _ => {}
    }
    let failed = if summary.tasks_failed > 0 {
        format!(
            " {} task(s) failed; the other results were kept.",
            summary.tasks_failed
        )
    } else {
        String::new()
    };
    let Some(speedup) = summary.speedup.filter(|_| summary.mode != Mode::Seq) else {
        let frozen = summary
            .main_blocked_ms
            .filter(|&ms| ms >= 100.0)
            .map(|ms| format!(", and the page froze for up to {ms:.0} ms at a time"))
            .unwrap_or_default();
        return format!(
            "{} ran the tasks one after another{frozen}.{failed}",
            capitalise(&who)
        );
    };
    let why = reason(summary, speedup);
    let blocked = match summary.main_blocked_ms {
        Some(ms) if ms >= 100.0 => format!("; the page froze for up to {ms:.0} ms"),
        _ => String::new(),
    };
    format!(
        "{}: {speedup:.1}× on {kind} work — {why}{blocked}.{failed}",
        capitalise(&who)
    )
}

/// The measured reason for a speedup, in words.
fn reason(summary: &Summary, speedup: f64) -> String {
    if summary.lanes > 1 && summary.peak_cpu <= 1 && summary.cpu_ms >= summary.io_ms {
        "they took turns: never more than one computing at a time".to_string()
    } else if summary.spawn_ms > 0.25 * summary.wall_ms && speedup < 1.5 {
        format!(
            "starting the processes took {:.0} ms of it",
            summary.spawn_ms / f64::from(summary.lanes.max(1))
        )
    } else if speedup >= 1.3 && summary.peak_io >= 2 && summary.io_ms >= summary.cpu_ms {
        format!("up to {} waited on the network at once", summary.peak_io)
    } else if speedup >= 1.3 && summary.peak_cpu >= 2 {
        format!("up to {} computed at once", summary.peak_cpu)
    } else if speedup < 0.9 {
        "slower than one lane: overhead outweighed the overlap".to_string()
    } else {
        "little ran at the same time".to_string()
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

//! Deadlock detection on the wait table: a cycle of threads each waiting
//! (with no timeout) for a lock another holds or for another to end, or
//! every live thread waiting with no timeout for something only another
//! could bring. Either way no thread can go on, and the run stops with one
//! paragraph naming who holds what and who waits for what, with the names
//! the program uses.

use super::lock::LockKind;
use super::names;
use super::wait::{Entry, State, Table, WaitOn};
use crate::objects::ObjRef;

/// Whether `entry` waits for good: blocked, no timeout, nothing from outside.
fn stuck(entry: &Entry) -> bool {
    entry.state == State::Blocked
        && entry
            .waiting
            .as_ref()
            .is_some_and(|w| w.spec.deadline.is_none() && !w.spec.is_outside() && !w.woken)
}

/// The thread `entry` waits on, when its wait names one: a lock's holder, a
/// joined thread.
fn waits_on_thread(entry: &Entry) -> Option<u16> {
    let waiting = entry.waiting.as_ref()?;
    match &waiting.spec.on {
        WaitOn::Lock(core) if !matches!(core.kind, LockKind::Waiter { .. }) => core.holder(),
        WaitOn::Join(thread) if !thread.is_done() => Some(thread.lane),
        _ => None,
    }
}

/// The cycle of stuck threads through `start`, if there is one.
fn cycle_through(table: &Table, start: u16) -> Option<Vec<u16>> {
    let mut path = vec![start];
    let mut current = start;
    loop {
        let entry = table.entry(current)?;
        if !stuck(entry) {
            return None;
        }
        let next = waits_on_thread(entry)?;
        if next == start {
            return Some(path);
        }
        if path.contains(&next) || path.len() > table.entries.len() {
            return None;
        }
        path.push(next);
        current = next;
    }
}

/// Names what the thread on `lane` waits for; `closes_cycle` says the
/// sentence closes a cycle back to its first thread (whose hold on the lock
/// was said first).
fn describe_wait(table: &Table, modules: &ObjRef, lane: u16, closes_cycle: bool) -> String {
    let Some(waiting) = table.entry(lane).and_then(|e| e.waiting.as_ref()) else {
        return "runs".into();
    };
    let thread_name = |lane: Option<u16>| {
        lane.and_then(|l| table.entry(l))
            .map_or_else(|| "no thread".into(), |e| e.thread.name().to_string())
    };
    match &waiting.spec.on {
        WaitOn::Lock(core) => match core.waiter_what() {
            Some(what) => match names::owner_name(modules, core) {
                Some(owner) => format!("waits in {what} on {owner}"),
                None => format!("waits in {what}"),
            },
            None => {
                let name = names::lock_name(modules, core);
                if closes_cycle {
                    format!("waits for {name}")
                } else {
                    format!("waits for {name}, held by {}", thread_name(core.holder()))
                }
            }
        },
        WaitOn::Join(thread) => format!("waits for {} to finish (join)", thread.name()),
        WaitOn::Signal(signal) => format!("waits for {}", signal.label),
        WaitOn::Sleep => "sleeps".into(),
    }
}

/// The lock the thread on `waiter` waits for (not a condition's waiter),
/// named.
fn held_lock(table: &Table, modules: &ObjRef, waiter: u16) -> Option<String> {
    let waiting = table.entry(waiter)?.waiting.as_ref()?;
    match &waiting.spec.on {
        WaitOn::Lock(core) if core.waiter_what().is_none() => Some(names::lock_name(modules, core)),
        _ => None,
    }
}

fn name_of(table: &Table, lane: u16) -> String {
    table
        .entry(lane)
        .map_or_else(|| format!("lane {lane}"), |e| e.thread.name().to_string())
}

/// The sentence of a cycle: "A holds x and waits for y, held by B, which
/// waits for x."
fn cycle_sentence(table: &Table, modules: &ObjRef, cycle: &[u16]) -> String {
    let first = cycle[0];
    let last = cycle[cycle.len() - 1];
    if cycle.len() == 1 {
        let lock = held_lock(table, modules, first).unwrap_or_else(|| "a lock".into());
        return format!(
            "{} holds {lock} and waits for it again (a Lock is not re-entrant; an RLock is).",
            name_of(table, first)
        );
    }
    let mut sentence = name_of(table, first);
    if let Some(lock) = held_lock(table, modules, last) {
        sentence.push_str(&format!(" holds {lock} and"));
    }
    for (i, &lane) in cycle.iter().enumerate() {
        let closes = i == cycle.len() - 1;
        if i > 0 {
            sentence.push_str(", which");
        }
        sentence.push(' ');
        sentence.push_str(&describe_wait(table, modules, lane, closes));
    }
    sentence.push('.');
    sentence
}

/// Whether every wait of `cycle` can only end by its holder's or joined
/// thread's doing: joins and `RLock`s. A plain `Lock` may be released by any
/// thread, so a cycle through one is a deadlock only once every thread is
/// stuck.
fn is_certain(table: &Table, cycle: &[u16]) -> bool {
    cycle.iter().all(|&lane| {
        let on = table
            .entry(lane)
            .and_then(|entry| entry.waiting.as_ref())
            .map(|waiting| &waiting.spec.on);
        match on {
            Some(WaitOn::Join(_)) => true,
            Some(WaitOn::Lock(core)) => core.kind == LockKind::Reentrant,
            _ => false,
        }
    })
}

/// The paragraph naming `cycle`, and what the other stuck threads wait for.
fn cycle_paragraph(table: &Table, modules: &ObjRef, mut cycle: Vec<u16>) -> String {
    // Told from the thread started first, whichever thread found it.
    if let Some(first) = (0..cycle.len()).min_by_key(|&i| cycle[i]) {
        cycle.rotate_left(first);
    }
    let mut text = format!("Deadlock: {}", cycle_sentence(table, modules, &cycle));
    for entry in table.alive() {
        let other = entry.thread.lane;
        if !cycle.contains(&other) && stuck(entry) {
            text.push_str(&format!(
                " {} {}.",
                entry.thread.name(),
                describe_wait(table, modules, other, false)
            ));
        }
    }
    text.push_str(" No thread can go on, so the run was stopped.\n");
    text
}

/// Whether every live thread waits for good.
fn all_stuck(table: &Table) -> bool {
    let mut alive = table.alive().peekable();
    alive.peek().is_some() && table.alive().all(stuck)
}

/// Looks for a deadlock now that the thread on `lane` waits with no
/// timeout: the paragraph to print, if there is one.
pub(crate) fn detect(table: &Table, lane: u16, modules: &ObjRef) -> Option<String> {
    if let Some(cycle) = cycle_through(table, lane)
        && is_certain(table, &cycle)
    {
        return Some(cycle_paragraph(table, modules, cycle));
    }
    every_thread_stuck(table, modules)
}

/// The paragraph for a run whose every live thread waits for good, if so:
/// a cycle among them if there is one, else what each waits for.
pub(crate) fn every_thread_stuck(table: &Table, modules: &ObjRef) -> Option<String> {
    if !all_stuck(table) {
        return None;
    }
    let lanes: Vec<u16> = table.alive().map(|entry| entry.thread.lane).collect();
    if let Some(cycle) = lanes.iter().find_map(|&lane| cycle_through(table, lane)) {
        return Some(cycle_paragraph(table, modules, cycle));
    }
    let lines: Vec<String> = lanes
        .iter()
        .filter_map(|&lane| table.entry(lane))
        .map(|entry| {
            format!(
                "{} {}",
                entry.thread.name(),
                describe_wait(table, modules, entry.thread.lane, false)
            )
        })
        .collect();
    Some(format!(
        "Deadlock: every thread is blocked and none can wake another. {}. No thread can go on, so the run was stopped.\n",
        lines.join("; ")
    ))
}

//! Claims about asyncio: one thread's event loop overlapping waits, and
//! what a task that never awaits does to it.

use super::measure::{Interval, View, concurrency, extent_len, total};
use super::words::{count, duration, first_number};
use super::{ClaimInput, Verdict};
use crate::record::{Activity, LaneKind};

/// `asyncio-gather`: many downloads overlap on one thread's event loop.
pub fn asyncio_gather(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let tasks = view.tasks();
    let io = view.doing(&tasks, Activity::Io);
    if io.len() < 2 {
        return Verdict::missing(format!(
            "{} by asyncio tasks",
            count(io.len(), "download", "downloads")
        ));
    }
    let mut loops: Vec<u16> = run
        .record
        .lanes
        .iter()
        .filter_map(|l| match l.kind {
            LaneKind::Task { event_loop } if tasks.contains(&l.lane) => Some(event_loop),
            _ => None,
        })
        .collect();
    loops.sort_unstable();
    loops.dedup();
    let (peak, _) = concurrency(&io, 2);
    let (waited, took) = (total(&io), extent_len(&io));
    let threads = view
        .lanes_where(|l| l.process == 0 && l.kind == LaneKind::Thread)
        .len();
    let text = format!(
        "{} in {} on {}, up to {peak} waiting at once: {} of waiting took {}",
        count(io.len(), "download", "downloads"),
        count(tasks.len(), "task", "tasks"),
        if loops.len() == 1 && threads == 1 {
            "one thread's event loop".to_string()
        } else {
            format!(
                "{} and {}",
                count(loops.len(), "event loop", "event loops"),
                count(threads, "thread", "threads")
            )
        },
        duration(waited),
        duration(took)
    );
    Verdict::new(loops.len() == 1 && peak >= 2 && waited >= 1.5 * took, text)
}

/// The seconds an `asyncio.sleep(s)` note asks for.
fn asked_sleep(view: &View<'_>, lane: u16, at: f64) -> Option<f64> {
    let span = view
        .spans
        .iter()
        .find(|s| s.lane == lane && s.start_us == at)?;
    let note = view.record.note(span.note)?;
    note.strip_prefix("asyncio.sleep(").and_then(first_number)
}

/// The first of `others` that was already asleep when `blocker` began
/// computing and whose next turn came only once it ended: from its sleep's
/// start to that turn.
fn held_up(view: &View<'_>, others: &[u16], blocker: &Interval) -> Option<Interval> {
    view.intervals(others, |s| s.activity == Activity::Sleep)
        .into_iter()
        .filter(|sleep| sleep.start < blocker.start && sleep.end > blocker.start)
        .find_map(|sleep| {
            let next_run = view
                .doing(&[sleep.lane], Activity::Cpu)
                .into_iter()
                .find(|c| c.start >= sleep.end)?;
            (next_run.start >= blocker.end - 1000.0).then_some(Interval {
                end: next_run.start,
                ..sleep
            })
        })
}

/// `asyncio-cpu`: a task that computes without awaiting holds up every
/// other task on its loop.
pub fn asyncio_cpu(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let tasks = view.tasks();
    let cpu = view.doing(&tasks, Activity::Cpu);
    let Some(blocker) = cpu
        .iter()
        .copied()
        .max_by(|a, b| a.len().total_cmp(&b.len()))
    else {
        return Verdict::missing("no task that computed");
    };
    // The tasks of the same event loop: a loop in another thread is not
    // held up by this one.
    let same_loop = |lane| run.record.lane(lane).map(|info| info.kind);
    let others: Vec<u16> = tasks
        .iter()
        .copied()
        .filter(|&t| t != blocker.lane && same_loop(t) == same_loop(blocker.lane))
        .collect();
    let ran_meanwhile: f64 = view
        .doing(&others, Activity::Cpu)
        .iter()
        .map(|i| i.shared(&blocker))
        .sum();
    let held = held_up(&view, &others, &blocker);
    let Some(held) = held else {
        return Verdict::new(
            false,
            format!(
                "{} computed for {} without an await, but no other task was waiting to run meanwhile",
                view.name(blocker.lane),
                duration(blocker.len())
            ),
        );
    };
    let asked = asked_sleep(&view, held.lane, held.start).map_or(String::new(), |s| {
        format!(", asked for {},", duration(s * 1e6))
    });
    let text = format!(
        "{} computed for {} without an await; meanwhile other tasks ran for {}, and {}'s sleep{asked} lasted {} until its next turn",
        view.name(blocker.lane),
        duration(blocker.len()),
        duration(ran_meanwhile),
        view.name(held.lane),
        duration(held.len())
    );
    Verdict::new(blocker.len() >= 50_000.0 && ran_meanwhile <= 1000.0, text)
}

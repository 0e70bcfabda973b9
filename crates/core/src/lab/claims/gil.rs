//! Claims about the GIL: who computes when, what waiting costs, and what
//! the builds without it change.

use super::measure::{Interval, View, concurrency, extent_len, median, total};
use super::words::{count, duration, number_after, ratio, times};
use super::{ClaimInput, Verdict};
use crate::lab::Build;
use crate::record::Activity;

/// Below this, two threads "both" ran only across a hand-over's edges.
const EDGE_US: f64 = 200.0;

/// Threads this much faster than one thread are a speedup.
const SPEEDUP: f64 = 1.25;

/// What a claim about the GIL cannot show on `build`, if anything.
fn no_gil_caveat(build: Build) -> Option<&'static str> {
    (build == Build::FreeThreaded).then_some(
        "this run was free-threaded, with no GIL: choose CPython with the GIL to see what it does",
    )
}

/// The worker threads' lifetimes, and the main thread, when there are at
/// least `least` workers.
fn setup<'a>(view: &View<'a>, least: usize) -> Result<(u16, Vec<u16>, Vec<Interval>), Verdict> {
    let workers = view.workers();
    match view.main_lane() {
        Some(main) if workers.len() >= least => {
            let lives = view.lifetimes(&workers);
            Ok((main, workers, lives))
        }
        _ => Err(Verdict::missing(format!(
            "{} besides the main one",
            count(workers.len(), "thread", "threads")
        ))),
    }
}

/// `gil-cpu`: CPU-bound threads under the GIL take turns, and are no faster
/// than one thread doing the same work.
pub fn gil_cpu(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let (main, workers, lives) = match setup(&view, 2) {
        Ok(found) => found,
        Err(missing) => return missing,
    };
    let alone = view.main_cpu_before(main, &lives);
    let together = extent_len(&lives);
    let speedup = ratio(alone, together);
    let turns: Vec<f64> = view
        .doing(&workers, Activity::Cpu)
        .iter()
        .map(Interval::len)
        .collect();
    let text = format!(
        "{} took {}, one thread {} for the same work: {} as fast; they took {} turns of {} (median)",
        count(workers.len(), "thread", "threads"),
        duration(together),
        duration(alone),
        times(speedup),
        turns.len(),
        duration(median(&turns))
    );
    let verdict = Verdict::new(alone > 0.0 && speedup < SPEEDUP, text);
    let caveat = no_gil_caveat(run.build).or(match run.build {
        Build::OneCore => Some("on the one-core build threads share one core anyway: choose CPython with the GIL to see the GIL alone hold them back"),
        _ if run.cores < 2 => Some("this machine has one core: no build could be faster here"),
        _ => None,
    });
    match caveat {
        Some(caveat) => verdict.with_caveat(caveat),
        None => verdict,
    }
}

/// `gil-io`: threads waiting on I/O do not hold the GIL, so their waits
/// overlap.
pub fn gil_io(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let (_, workers, lives) = match setup(&view, 2) {
        Ok(found) => found,
        Err(missing) => return missing,
    };
    let io = view.doing(&workers, Activity::Io);
    if io.len() < 2 {
        return Verdict::missing(format!(
            "{} by the threads",
            count(io.len(), "download", "downloads")
        ));
    }
    let (peak, _) = concurrency(&io, 2);
    let (waited, took) = (total(&io), extent_len(&lives));
    let overlap = if peak >= 2 {
        format!("overlapped, up to {peak} at once")
    } else {
        "never overlapped".to_string()
    };
    let text = format!(
        "the {} {} {overlap}: {} of waiting took {}",
        count(workers.len(), "thread's", "threads'"),
        count(io.len(), "download", "downloads"),
        duration(waited),
        duration(took)
    );
    Verdict::new(peak >= 2 && waited >= 1.5 * took, text)
}

/// How long `lane` waited for the GIL after each of its sleeps (0 where it
/// got it at once).
fn wake_waits(view: &View<'_>, lane: u16) -> Vec<f64> {
    let own: Vec<_> = view.spans.iter().filter(|s| s.lane == lane).collect();
    own.iter()
        .enumerate()
        .filter(|(_, s)| s.activity == Activity::Sleep)
        .map(|(i, slept)| match own.get(i + 1) {
            Some(next)
                if next.activity == Activity::WaitGil && next.start_us - slept.end_us < 1.0 =>
            {
                next.duration_us()
            }
            _ => 0.0,
        })
        .collect()
}

/// `convoy`: an I/O thread beside a CPU-bound one waits about a switch
/// interval for the GIL each time its wait ends.
pub fn convoy(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let mut pollers = view.lanes_where(|i| i.process == 0 && i.name.ends_with("(poll)"));
    if pollers.len() < 2 {
        pollers = view
            .workers()
            .into_iter()
            .filter(|&lane| view.doing(&[lane], Activity::Sleep).len() >= 10)
            .collect();
    }
    let (Some(&alone), Some(&beside)) = (pollers.first(), pollers.last()) else {
        return Verdict::missing("no thread that sleeps again and again");
    };
    if alone == beside {
        return Verdict::missing("one sleeping thread, where the lesson compares two");
    }
    let interval_ms = number_after(run.stdout, "switch interval:").unwrap_or(5.0);
    let waits = wake_waits(&view, beside);
    let typical = median(&waits);
    let life = |lane| view.lifetime(lane).map_or(0.0, |i| i.len());
    let text = format!(
        "after each of its {} sleeps beside the CPU-bound thread, {} waited a median {} for the GIL (switch interval {interval_ms} ms; alone {}): {} against {} alone, {} as long",
        waits.len(),
        view.name(beside),
        duration(typical),
        duration(median(&wake_waits(&view, alone))),
        duration(life(beside)),
        duration(life(alone)),
        times(ratio(life(beside), life(alone)))
    );
    let verdict = Verdict::new(!waits.is_empty() && typical >= 500.0 * interval_ms, text);
    match no_gil_caveat(run.build) {
        Some(caveat) => verdict.with_caveat(caveat),
        None => verdict,
    }
}

/// `gil-release-native`: hashing lets go of the GIL, so two hashing threads
/// run at the same time even under it.
pub fn gil_release_native(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let (main, workers, lives) = match setup(&view, 2) {
        Ok(found) => found,
        Err(missing) => return missing,
    };
    let native = view.intervals(&workers, |s| {
        s.activity == Activity::Cpu
            && view
                .record
                .note(s.note)
                .is_some_and(|n| n.contains("without the GIL"))
    });
    let (_, parallel) = concurrency(&view.doing(&workers, Activity::Cpu), 2);
    let (alone, together) = (view.main_cpu_before(main, &lives), extent_len(&lives));
    let text = format!(
        "the {} computed at the same time for {} of their {}, {} without the GIL: {} as fast as one after another",
        count(workers.len(), "thread", "threads"),
        duration(parallel),
        duration(together),
        count(native.len(), "hash", "hashes"),
        times(ratio(alone, together))
    );
    match run.build {
        Build::OneCore => Verdict::new(false, text).with_caveat(
            "the one-core build runs every thread on one host thread, so native code cannot run beside Python: choose CPython with the GIL",
        ),
        _ if native.is_empty() => Verdict::new(false, text),
        _ if run.cores < 2 => Verdict::new(true, text).with_caveat(
            "this machine has one core: hashing let go of the GIL, but the threads could not hash at the same time",
        ),
        build => {
            let verdict = Verdict::new(parallel >= 0.25 * together, text);
            match no_gil_caveat(build) {
                Some(_) => verdict.with_caveat("this run was free-threaded: without a GIL any threads may run at once; with it, hashing's release is what lets them"),
                None => verdict,
            }
        }
    }
}

/// `free-threaded`: without the GIL, CPU-bound threads use every core.
pub fn free_threaded(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let (main, workers, lives) = match setup(&view, 1) {
        Ok(found) => found,
        Err(missing) => return missing,
    };
    let one = view.main_cpu_before(main, &lives);
    let throughput = ratio(workers.len() as f64 * one, extent_len(&lives));
    let (peak, _) = concurrency(&view.doing(&workers, Activity::Cpu), 2);
    let gil_waits = total(&view.doing(&workers, Activity::WaitGil));
    let ideal = workers.len().min(run.cores as usize);
    let text = format!(
        "{} did {} one thread's work per second, up to {peak} computing at once on {}; they waited {} for a GIL",
        count(workers.len(), "thread", "threads"),
        times(throughput),
        count(run.cores as usize, "core", "cores"),
        duration(gil_waits)
    );
    match run.build {
        Build::FreeThreaded if ideal >= 2 => {
            Verdict::new(throughput >= 0.7 * ideal as f64, text)
        }
        Build::FreeThreaded => Verdict::new(gil_waits == 0.0 && one > 0.0, text).with_caveat(
            "this machine has one core (or the program one thread): no build can do more than one thread's work per second here",
        ),
        Build::Gil => Verdict::new(false, text)
            .with_caveat("this run had the GIL: choose the free-threaded build to run without it"),
        Build::OneCore => Verdict::new(false, text).with_caveat(
            "the one-core build runs every thread on one core: choose the free-threaded build",
        ),
    }
}

/// `one-core`: threads on one core take turns, never computing at the
/// same instant, yet both are under way all along.
pub fn one_core(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let (_, workers, lives) = match setup(&view, 2) {
        Ok(found) => found,
        Err(missing) => return missing,
    };
    let cpu = view.doing(&workers, Activity::Cpu);
    let (_, parallel) = concurrency(&cpu, 2);
    let (_, alive) = concurrency(&lives, 2);
    let turns: Vec<f64> = cpu.iter().map(Interval::len).collect();
    let names: Vec<String> = workers.iter().map(|&l| view.name(l)).collect();
    let passed = parallel <= EDGE_US && alive > 0.0 && turns.len() >= 4;
    let text = if parallel > EDGE_US {
        format!(
            "the threads computed at the same instant for {}: in parallel, not taking turns",
            duration(parallel)
        )
    } else {
        format!(
            "{} were under way together for {} and took {} turns ({} median), never computing at the same instant",
            super::words::listed(&names),
            duration(alive),
            turns.len(),
            duration(median(&turns))
        )
    };
    let verdict = Verdict::new(passed, text);
    match run.build {
        Build::Gil => verdict.with_caveat(
            "with the GIL, threads take turns like this on any number of cores; the one-core build does it on one",
        ),
        Build::FreeThreaded if run.cores >= 2 => verdict.with_caveat(
            "this run was free-threaded on several cores, where threads run in parallel: choose the one-core build",
        ),
        _ => verdict,
    }
}

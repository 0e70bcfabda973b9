//! Claims about processes and interpreters: their own memory, the spawn
//! start, pools of them, shared state, and what the core count decides.

use super::measure::{View, concurrency, total};
use super::words::{count, duration, first_number, int_after, line_with, ratio, thousands, times};
use super::{ClaimInput, Verdict};
use crate::record::{Activity, EventKind};

/// `processes`: a global changed in a child process stays in that child.
pub fn processes(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let value_in = |text: &str| int_after(text, "counter =");
    let children: Vec<(u16, i64)> = view
        .prints_where(|e| run.record.process_of(e.lane) != 0)
        .iter()
        .filter_map(|e| Some((e.lane, value_in(e.text.as_deref()?)?)))
        .collect();
    let main = view
        .prints_where(|e| run.record.process_of(e.lane) == 0)
        .iter()
        .filter_map(|e| value_in(e.text.as_deref()?))
        .next_back();
    let Some(main) = main.filter(|_| !children.is_empty()) else {
        return Verdict::missing("no `counter =` line from both a child process and MainProcess");
    };
    let pids = |keep: &dyn Fn(u16) -> bool| -> Vec<String> {
        run.record
            .processes
            .iter()
            .filter(|p| keep(p.process))
            .map(|p| p.pid.to_string())
            .collect()
    };
    let seen: Vec<String> = children.iter().map(|(_, v)| v.to_string()).collect();
    let kept = children.iter().all(|&(_, value)| value != main);
    let had = if kept { "still had" } else { "had the same," };
    let text = format!(
        "{} (pid {}) printed counter = {}; MainProcess (pid {}) {had} {main}",
        count(children.len(), "child process", "child processes"),
        pids(&|p| p != 0).join(", "),
        seen.join(", "),
        pids(&|p| p == 0).join(", ")
    );
    Verdict::new(kept, text)
}

/// `main-guard`: without the guard, the spawned child fails as it runs the
/// module again, and the parent sees its exit code.
pub fn main_guard(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let child_lanes = view.child_lanes();
    let Some(&child) = child_lanes.first() else {
        return Verdict::missing("no child process");
    };
    // The child's traceback: in its record where it printed it, else in
    // the run's stderr, where its process writes it.
    let says_so = |t: &str| t.contains("bootstrapping phase");
    let failed = says_so(run.stderr)
        || view
            .prints_where(|e| child_lanes.contains(&e.lane))
            .iter()
            .any(|e| e.text.as_deref().is_some_and(says_so));
    let exit = line_with(run.stdout, "exit code").and_then(|l| int_after(l, "exit code"));
    let process = run.record.process_of(child);
    let name = run
        .record
        .processes
        .iter()
        .find(|p| p.process == process)
        .map_or_else(|| view.name(child), |p| p.name.clone());
    let exit_text = exit.map_or("no exit code".to_string(), |code| {
        format!("exit code {code}")
    });
    if failed && exit.is_some_and(|code| code != 0) {
        Verdict::new(
            true,
            format!(
                "{name} ran the module again and failed at start() with RuntimeError; the parent saw {exit_text}"
            ),
        )
    } else {
        Verdict::new(
            false,
            format!(
                "{name} raised no RuntimeError and the parent saw {exit_text}: the child started cleanly"
            ),
        )
    }
}

/// The time its main thread spent between its `from`-th and `to`-th
/// prints: the program's own phases.
fn phase(view: &View<'_>, from: usize, to: usize) -> Option<f64> {
    view.between_prints(view.main_lane()?, from, to)
}

/// `process-pool`: a pool of processes pays for its start-up and its
/// messages with the cores it computes on.
pub fn process_pool(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let (Some(alone), Some(pooled)) = (phase(&view, 0, 1), phase(&view, 1, 2)) else {
        return Verdict::missing("too few lines printed by MainThread to tell its phases apart");
    };
    let children = view.child_lanes();
    let spawns = view.doing(&children, Activity::Spawn);
    let sends = view.events(EventKind::Send);
    let bytes: f64 = sends
        .iter()
        .filter_map(|e| first_number(e.text.as_deref()?))
        .sum();
    let (peak, _) = concurrency(&view.doing(&children, Activity::Cpu), 2);
    let start_up = ratio(total(&spawns), spawns.len() as f64);
    let text = format!(
        "the pool took {} against {} one after another ({} as fast): starting its {} took {} each, {} carried {} KB, and up to {peak} computed at once",
        duration(pooled),
        duration(alone),
        times(ratio(alone, pooled)),
        count(spawns.len(), "process", "processes"),
        duration(start_up),
        count(sends.len(), "message", "messages"),
        thousands((bytes / 1024.0).round() as i64)
    );
    let verdict = Verdict::new(!children.is_empty() && pooled < alone, text);
    if run.cores < 2 {
        return verdict.with_caveat("this machine has one core: the processes could not compute at once, so start-up and messages cost and nothing paid for them");
    }
    verdict
}

/// `more-procs-than-cores`: more processes than cores finish sooner when
/// their tasks wait, and not when they compute.
pub fn more_procs_than_cores(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let phases: Option<Vec<f64>> = (0..4).map(|i| phase(&view, i, i + 1)).collect();
    let Some([wait_fit, wait_more, cpu_fit, cpu_more]) = phases
        .as_deref()
        .map(<[f64]>::to_vec)
        .and_then(|p| <[f64; 4]>::try_from(p).ok())
    else {
        return Verdict::missing("fewer than the five lines MainThread prints to mark its phases");
    };
    let (wait_gain, cpu_gain) = (ratio(wait_fit, wait_more), ratio(cpu_fit, cpu_more));
    let text = format!(
        "waiting tasks: more processes than cores took {} against {} ({} as fast); computing tasks: {} against {} ({})",
        duration(wait_more),
        duration(wait_fit),
        times(wait_gain),
        duration(cpu_more),
        duration(cpu_fit),
        times(cpu_gain)
    );
    Verdict::new(wait_gain >= 1.3 && cpu_gain < 1.2, text)
}

/// `shared-state`: processes that share a `Value` under its lock lose no
/// update.
pub fn shared_state(run: &ClaimInput<'_>) -> Verdict {
    let line = line_with(run.stdout, "shared total");
    let (Some(got), Some(expected)) = (
        line.and_then(|l| int_after(l, "total")),
        line.and_then(|l| int_after(l, " of ")),
    ) else {
        return Verdict::missing("no `shared total: N of M` line in the output");
    };
    let view = View::of(run.record);
    let children: Vec<u16> = run
        .record
        .processes
        .iter()
        .filter(|p| p.process != 0)
        .filter_map(|p| {
            view.lanes_where(|l| l.process == p.process)
                .first()
                .copied()
        })
        .collect();
    let (together, _) = concurrency(&view.lifetimes(&children), 2);
    let text = format!(
        "{} added to one shared Value, up to {together} at once: it reached {} of {}, {}",
        count(children.len(), "process", "processes"),
        thousands(got),
        thousands(expected),
        if got == expected {
            "none lost".to_string()
        } else {
            format!("{} lost", thousands(expected - got))
        }
    );
    Verdict::new(got == expected && children.len() >= 2, text)
}

/// `subinterpreters`: each worker interpreter has its own GIL, so they
/// compute at the same time.
pub fn subinterpreters(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let main = view.main_lane();
    let others = view.lanes_where(|l| Some(l.lane) != main);
    let (Some(alone), Some(pooled)) = (phase(&view, 0, 1), phase(&view, 1, 2)) else {
        return Verdict::missing("too few lines printed by MainThread to tell its phases apart");
    };
    let (peak, both) = concurrency(&view.doing(&others, Activity::Cpu), 2);
    let text = format!(
        "up to {} computed at once, each under a GIL of its own, for {}: {} against {} one after another ({} as fast)",
        count(peak, "worker", "workers"),
        duration(both),
        duration(pooled),
        duration(alone),
        times(ratio(alone, pooled))
    );
    let verdict = Verdict::new(peak >= 2, text);
    // Worker interpreters are processes here, each on a core of its own
    // whatever the build: one-core holds only each one's threads to one.
    if run.cores < 2 {
        return verdict
            .with_caveat("this machine has one core: the interpreters could only take turns");
    }
    verdict
}

/// `cpu-count`: `os.cpu_count()` is the browser's core count, and the
/// default thread pool's size follows from it.
pub fn cpu_count(run: &ClaimInput<'_>) -> Verdict {
    let Some(said) = line_with(run.stdout, "os.cpu_count()").and_then(|l| int_after(l, ":")) else {
        return Verdict::missing("no `os.cpu_count(): N` line in the output");
    };
    let view = View::of(run.record);
    let pool = view
        .lanes_where(|l| l.name.starts_with("ThreadPoolExecutor-"))
        .len();
    let cores = i64::from(run.cores);
    let expected = (cores + 4).min(32) as usize;
    let text = format!(
        "os.cpu_count() said {said} ({} here); the default ThreadPoolExecutor started {}, and min(32, {cores} + 4) is {expected}",
        count(run.cores as usize, "core", "cores"),
        count(pool, "thread", "threads")
    );
    Verdict::new(said == cores && pool == expected, text)
}

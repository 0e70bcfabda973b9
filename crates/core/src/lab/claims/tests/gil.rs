use super::*;
use crate::lab::claims::{convoy, free_threaded, gil_cpu, gil_io, gil_release_native, one_core};
use Activity::{Cpu, Done, Io, Sleep, Wait, WaitGil};

/// MainThread counts alone for 600 ms (between its first two prints), then
/// two threads count the same in `turns` turns over 600 ms.
pub(super) fn counting_in_turns(turns: usize) -> ProgramRecord {
    let story = Story::new();
    story.print(0.0, 0, "counting down from 3,000,000, twice");
    story.steps(0, &[(0.0, Cpu), (600.0, Wait)]);
    story.print(600.0, 0, "one after another: 0.60 s");
    story
        .thread(1, "Thread-1 (count_down)")
        .thread(2, "Thread-2 (count_down)");
    take_turns(&story, [1, 2], 601.0, 600.0 / turns as f64, turns);
    story.record(Build::Gil, 1202.0)
}

/// The same, but the two threads count side by side in 300 ms.
fn counting_side_by_side(build: Build) -> ProgramRecord {
    let story = Story::new();
    story.print(0.0, 0, "counting down from 3,000,000, twice");
    story.steps(0, &[(0.0, Cpu), (600.0, Wait)]);
    story
        .thread(1, "Thread-1 (count_down)")
        .thread(2, "Thread-2 (count_down)");
    for lane in [1, 2] {
        story.steps(lane, &[(601.0, Cpu), (901.0, Done)]);
    }
    story.record(build, 902.0)
}

#[test]
fn cpu_bound_threads_take_turns_under_the_gil_and_gain_nothing() {
    let verdict = judge(gil_cpu, &counting_in_turns(120), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "2 threads took 600 ms, one thread 600 ms for the same work: 1.00x as fast; they took 120 turns of 5.0 ms (median)",
    );
    assert_eq!(verdict.caveat, None);
    let verdict = judge(
        gil_cpu,
        &counting_side_by_side(Build::FreeThreaded),
        "",
        Build::FreeThreaded,
        2,
    );
    assert_verdict(
        &verdict,
        false,
        "2 threads took 300 ms, one thread 600 ms for the same work: 2.00x as fast; they took 2 turns of 300 ms (median)",
    );
    assert!(verdict.caveat.is_some_and(|c| c.contains("free-threaded")));
    let one = judge(gil_cpu, &counting_in_turns(120), "", Build::Gil, 1);
    assert!(one.passed && one.caveat.is_some_and(|c| c.contains("one core")));
}

/// Four threads each download twice for 300 ms, all at once or one
/// thread after another.
fn fetching(at_once: bool) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (1.0, Wait)]);
    for lane in 1..=4u16 {
        story.thread(lane, &format!("Thread-{lane} (fetch)"));
        let start = if at_once {
            1.0
        } else {
            1.0 + 600.0 * f64::from(lane - 1)
        };
        story.steps(
            lane,
            &[
                (start, Io),
                (start + 300.0, Cpu),
                (start + 300.0, Io),
                (start + 600.0, Done),
            ],
        );
    }
    story.record(Build::Gil, 2500.0)
}

#[test]
fn threads_waiting_on_io_overlap_their_waits() {
    let verdict = judge(gil_io, &fetching(true), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "the 4 threads' 8 downloads overlapped, up to 4 at once: 2.40 s of waiting took 600 ms",
    );
    let verdict = judge(gil_io, &fetching(false), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "the 4 threads' 8 downloads never overlapped: 2.40 s of waiting took 2.40 s",
    );
}

/// Thread-1 (poll) sleeps 1 ms forty times alone; then Thread-3 (poll)
/// does the same beside Thread-2 (spin), waiting `wake_ms` for the GIL
/// after each sleep.
fn polling(wake_ms: f64) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (0.5, Wait)]);
    story
        .thread(1, "Thread-1 (poll)")
        .thread(2, "Thread-2 (spin)")
        .thread(3, "Thread-3 (poll)");
    let mut at = 1.0;
    for _ in 0..40 {
        story.steps(1, &[(at, Cpu), (at + 0.1, Sleep)]);
        at += 1.1;
    }
    story.steps(1, &[(at, Done)]);
    at += 1.0;
    story.steps(2, &[(at, Cpu)]);
    for _ in 0..40 {
        story.steps(3, &[(at, Cpu), (at + 0.1, Sleep), (at + 1.1, WaitGil)]);
        at += 1.1 + wake_ms;
    }
    story.steps(3, &[(at, Done)]);
    story.steps(2, &[(at + 0.5, Done)]);
    story.record(Build::Gil, at + 1.0)
}

#[test]
fn an_io_thread_beside_a_cpu_bound_one_waits_a_switch_interval_per_wake_up() {
    let stdout = "switch interval: 5.0 ms\n";
    let verdict = judge(convoy, &polling(5.0), stdout, Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "after each of its 40 sleeps beside the CPU-bound thread, Thread-3 (poll) waited a median 5.0 ms for the GIL (switch interval 5 ms; alone 0 ms): 244 ms against 44 ms alone, 5.55x as long",
    );
    let verdict = judge(convoy, &polling(0.5), stdout, Build::Gil, 2);
    assert!(!verdict.passed, "{verdict:?}");
    assert!(
        verdict.text.contains("waited a median 0.5 ms"),
        "{verdict:?}"
    );
    // A longer interval asks for a longer wait.
    assert!(
        !judge(
            convoy,
            &polling(5.0),
            "switch interval: 20.0 ms\n",
            Build::Gil,
            2
        )
        .passed
    );
    let free = judge(convoy, &polling(0.0), stdout, Build::FreeThreaded, 2);
    assert!(!free.passed && free.caveat.is_some());
}

/// MainThread hashes alone for 400 ms; then two threads hash for 200 ms
/// each, without the GIL, side by side or (`overlap` false) in turn.
fn hashing(overlap: bool, build: Build) -> ProgramRecord {
    let story = Story::new();
    story.print(0.0, 0, "hashing 4 MiB 30 times, twice");
    story.steps(0, &[(0.0, Cpu), (401.0, Wait)]);
    story
        .thread(1, "Thread-1 (digest)")
        .thread(2, "Thread-2 (digest)");
    for lane in [1u16, 2] {
        let start = if overlap {
            401.0
        } else {
            401.0 + 200.0 * f64::from(lane - 1)
        };
        for n in 0..4 {
            let at = start + 50.0 * f64::from(n);
            story.noted(at, lane, Cpu, "hashlib.sha256 without the GIL");
        }
        story.steps(lane, &[(start + 200.0, Done)]);
    }
    story.record(build, 802.0)
}

#[test]
fn hashing_threads_run_at_the_same_time_under_the_gil() {
    let verdict = judge(
        gil_release_native,
        &hashing(true, Build::Gil),
        "",
        Build::Gil,
        2,
    );
    assert_verdict(
        &verdict,
        true,
        "the 2 threads computed at the same time for 200 ms of their 200 ms, 8 hashes without the GIL: 2.00x as fast as one after another",
    );
    let verdict = judge(
        gil_release_native,
        &hashing(false, Build::Gil),
        "",
        Build::Gil,
        2,
    );
    assert_verdict(
        &verdict,
        false,
        "the 2 threads computed at the same time for 0 ms of their 400 ms, 8 hashes without the GIL: 1.00x as fast as one after another",
    );
    let one_core_machine = judge(
        gil_release_native,
        &hashing(false, Build::Gil),
        "",
        Build::Gil,
        1,
    );
    assert!(one_core_machine.passed && one_core_machine.caveat.is_some());
    let one_core_build = judge(
        gil_release_native,
        &hashing(false, Build::OneCore),
        "",
        Build::OneCore,
        2,
    );
    assert!(!one_core_build.passed && one_core_build.caveat.is_some());
}

/// MainThread counts once in 300 ms; then two threads count once each,
/// side by side in 300 ms or in 120 turns over 600 ms.
fn counting_once_each(side_by_side: bool, build: Build) -> ProgramRecord {
    let story = Story::new();
    story.print(0.0, 0, "GIL enabled: False; 2 cores, 2 threads");
    story.steps(0, &[(0.0, Cpu), (300.0, Wait)]);
    story
        .thread(1, "Thread-1 (count_down)")
        .thread(2, "Thread-2 (count_down)");
    if side_by_side {
        for lane in [1, 2] {
            story.steps(lane, &[(300.0, Cpu), (600.0, Done)]);
        }
    } else {
        take_turns(&story, [1, 2], 300.0, 5.0, 120);
    }
    story.record(build, 901.0)
}

#[test]
fn without_the_gil_threads_use_every_core() {
    let record = counting_once_each(true, Build::FreeThreaded);
    let verdict = judge(free_threaded, &record, "", Build::FreeThreaded, 2);
    assert_verdict(
        &verdict,
        true,
        "2 threads did 2.00x one thread's work per second, up to 2 computing at once on 2 cores; they waited 0 ms for a GIL",
    );
    assert_eq!(verdict.caveat, None);
    let turns = counting_once_each(false, Build::Gil);
    let verdict = judge(free_threaded, &turns, "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "2 threads did 1.00x one thread's work per second, up to 1 computing at once on 2 cores; they waited 600 ms for a GIL",
    );
    assert!(verdict.caveat.is_some_and(|c| c.contains("had the GIL")));
    assert!(!judge(free_threaded, &turns, "", Build::FreeThreaded, 2).passed);
    let one_core = judge(free_threaded, &record, "", Build::FreeThreaded, 1);
    assert!(one_core.passed && one_core.caveat.is_some_and(|c| c.contains("one core")));
    let one_core_waiting = judge(free_threaded, &turns, "", Build::FreeThreaded, 1);
    assert!(
        !one_core_waiting.passed,
        "threads that waited for a GIL had one"
    );
}

#[test]
fn on_one_core_threads_take_turns_and_never_run_at_once() {
    let verdict = judge(one_core, &counting_in_turns(120), "", Build::OneCore, 2);
    assert_verdict(
        &verdict,
        true,
        "Thread-1 (count_down) and Thread-2 (count_down) were under way together for 600 ms and took 120 turns (5.0 ms median), never computing at the same instant",
    );
    assert_eq!(verdict.caveat, None);
    let verdict = judge(
        one_core,
        &counting_side_by_side(Build::FreeThreaded),
        "",
        Build::FreeThreaded,
        2,
    );
    assert_verdict(
        &verdict,
        false,
        "the threads computed at the same instant for 300 ms: in parallel, not taking turns",
    );
    assert!(verdict.caveat.is_some());
    assert!(
        judge(one_core, &counting_in_turns(120), "", Build::Gil, 2)
            .caveat
            .is_some()
    );
}

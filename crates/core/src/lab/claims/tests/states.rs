use super::*;
use crate::lab::claims::{lifecycle, main_thread, object_refs};
use Activity::{Cpu, Done, Sleep, Wait, WaitGil};

/// MainThread computes for 30 ms and prints four lines; `extra` threads
/// run beside it.
fn alone(extra: u16) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (30.0, Done)]);
    for n in 0..4 {
        story.print(26.0 + f64::from(n), 0, "process 100 ran this on MainThread");
    }
    for lane in 1..=extra {
        story.thread(lane, &format!("Thread-{lane} (work)"));
        story.steps(lane, &[(1.0, Cpu), (2.0, Done)]);
    }
    story.record(Build::Gil, 30.0)
}

#[test]
fn a_program_that_starts_nothing_is_one_lane() {
    let verdict = judge(main_thread, &alone(0), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "the whole run was one lane, MainThread, in one process: it computed for 30 ms and made 4 prints, and nothing else ran",
    );
    let verdict = judge(main_thread, &alone(2), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "the run had 3 lanes (MainThread, Thread-1 (work) and Thread-2 (work)) in 1 process: the program made more than its main thread",
    );
}

/// Thread-1 (life) computes in turns with MainThread (ready while it
/// waits for the GIL, if `ready`), sleeps, waits on an event and ends.
fn life(ready: bool, ends: bool) -> ProgramRecord {
    let story = Story::new();
    story.thread(1, "Thread-1 (life)");
    story.steps(
        0,
        &[(0.0, Cpu), (100.0, Sleep), (400.0, Cpu), (401.0, Wait)],
    );
    if ready {
        story.steps(
            1,
            &[(1.0, WaitGil), (5.0, Cpu), (10.0, WaitGil), (15.0, Cpu)],
        );
    } else {
        story.steps(1, &[(1.0, Cpu)]);
    }
    story.steps(1, &[(60.0, Sleep), (260.0, Wait)]);
    if ends {
        story.steps(1, &[(400.5, Done)]);
    }
    story.record(Build::Gil, 402.0)
}

#[test]
fn a_thread_is_seen_running_ready_blocked_and_terminated() {
    let verdict = judge(lifecycle, &life(true, true), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "Thread-1 (life) was running 50 ms, ready 9.0 ms and blocked 340 ms, then terminated",
    );
    let verdict = judge(lifecycle, &life(false, false), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "Thread-1 (life) was running 59 ms and blocked 342 ms, and never ended; never ready",
    );
    // With no GIL there is nothing to be ready for: the claim does not ask.
    let free = judge(lifecycle, &life(false, true), "", Build::FreeThreaded, 2);
    assert!(free.passed && free.caveat.is_some(), "{free:?}");
    assert!(!judge(lifecycle, &life(false, true), "", Build::Gil, 2).passed);
}

/// Three threads start at 10 ms and end at `end_ms`; MainThread prints
/// the counts at 5, 8, 20 and 50 ms.
fn holding(end_ms: f64) -> ProgramRecord {
    let story = Story::new();
    story.steps(
        0,
        &[(0.0, Cpu), (30.0, Wait), (end_ms + 1.0, Cpu), (60.0, Done)],
    );
    for lane in 1..=3 {
        story.thread(lane, &format!("Thread-{lane} (use)"));
        story.steps(lane, &[(10.0, Cpu), (11.0, Wait), (end_ms, Done)]);
    }
    story.print(5.0, 0, "before any thread:       2");
    story.print(8.0, 0, "threads made (args):     5");
    story.print(20.0, 0, "threads running (frames): 8");
    story.print(50.0, 0, "threads ended:           2");
    story.record(Build::Gil, 60.0)
}

const COUNTS: &str = "before any thread:       2\nthreads made (args):     5\nthreads running (frames): 8\nthreads ended:           2\n";

#[test]
fn references_rise_while_threads_hold_the_list_and_fall_once_they_end() {
    let verdict = judge(object_refs, &holding(40.0), COUNTS, Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "references to the shared list: 2 before any thread, 8 while 3 live threads held it, 2 once every thread had ended",
    );
    let kept = COUNTS.replace("ended:           2", "ended:           5");
    let verdict = judge(object_refs, &holding(40.0), &kept, Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "references to the shared list: 2 before any thread, 8 while 3 live threads held it, 5 once every thread had ended",
    );
    // On a coarse clock the threads may end within the tick of the count.
    let verdict = judge(object_refs, &holding(20.0), COUNTS, Build::Gil, 2);
    assert!(
        verdict.passed && verdict.text.contains("8 while 3 live threads"),
        "{verdict:?}"
    );
    // Counted while the threads still ran, the last count proves nothing.
    let verdict = judge(object_refs, &holding(55.0), COUNTS, Build::Gil, 2);
    assert!(
        !verdict.passed && verdict.text.ends_with("2 once 3 still ran"),
        "{verdict:?}"
    );
    assert!(
        judge(object_refs, &holding(40.0), "", Build::Gil, 2)
            .text
            .starts_with("nothing to measure")
    );
}

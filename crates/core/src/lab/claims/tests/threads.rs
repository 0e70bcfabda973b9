use super::*;
use crate::lab::claims::{downloads, join_in_loop, pool_map, pool_submit, thread_start_join};
use Activity::{Cpu, Done, Io, Sleep, Wait};

/// MainThread starts three threads that sleep 300, 400 and 500 ms, then
/// joins them.
pub(super) fn started_together() -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (1.0, Wait), (501.0, Cpu), (502.0, Done)]);
    for (lane, sleep) in [(1, 300.0), (2, 400.0), (3, 500.0)] {
        story.thread(lane, &format!("Thread-{lane} (task)"));
        story.steps(lane, &[(1.0, Cpu), (1.0, Sleep), (1.0 + sleep, Done)]);
    }
    story.record(Build::Gil, 502.0)
}

/// The same threads, each started only when the one before has ended
/// (`overlap_ms` late, if negative: early).
fn one_after_another(overlap_ms: f64) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (0.5, Wait)]);
    let mut at = 1.0;
    for (lane, sleep) in [(1, 300.0), (2, 400.0), (3, 500.0)] {
        story.thread(lane, &format!("Thread-{lane} (task)"));
        story.steps(lane, &[(at, Cpu), (at, Sleep), (at + sleep, Done)]);
        at += sleep - overlap_ms;
    }
    story.steps(0, &[(at + 1.0, Done)]);
    story.record(Build::Gil, at + 1.0)
}

#[test]
fn started_together_the_threads_were_all_alive_at_once() {
    let verdict = judge(thread_start_join, &started_together(), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "all 3 threads were alive at once for 300 ms: they finished in 500 ms, against 1.20 s of waiting in all",
    );
    let verdict = judge(
        thread_start_join,
        &one_after_another(0.0),
        "",
        Build::Gil,
        2,
    );
    assert_verdict(
        &verdict,
        false,
        "3 threads, but at most 1 alive at once: they took 1.20 s for 1.20 s of waiting",
    );
}

#[test]
fn joined_in_the_loop_no_two_threads_overlap() {
    let verdict = judge(join_in_loop, &one_after_another(0.0), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "no two worker threads ran at the same time: longest overlap 0 ms; 3 threads took 1.20 s one after another, the sum of their 1.20 s of waiting",
    );
    // A thread that ends a moment after the next began still counts as
    // one after another; a real overlap does not.
    assert!(judge(join_in_loop, &one_after_another(0.5), "", Build::Gil, 2).passed);
    let verdict = judge(join_in_loop, &started_together(), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "Thread-2 (task) and Thread-3 (task) ran at the same time for 400 ms: the joins did not wait inside the loop",
    );
    let lone = Story::new();
    lone.steps(0, &[(0.0, Cpu)]);
    assert!(
        judge(
            join_in_loop,
            &lone.record(Build::Gil, 5.0),
            "",
            Build::Gil,
            2
        )
        .text
        .starts_with("nothing to measure")
    );
}

/// Four pool threads finish tasks 1, 3, 2, 0 (100 ms apart); MainThread
/// prints the results in `printed` order, each after its task finished
/// (or at the end, for results it held back).
fn pool_run(printed: &[i64]) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (1.0, Wait)]);
    for (lane, task) in [(1u16, 1i64), (2, 3), (3, 2), (4, 0)] {
        let end = 100.0 * f64::from(lane);
        story.thread(lane, &format!("ThreadPoolExecutor-0_{}", lane - 1));
        story.steps(lane, &[(1.0, Sleep), (end, Cpu), (end + 1.0, Done)]);
        story.print(end, lane, &format!("  task {task} finished"));
    }
    for (i, task) in printed.iter().enumerate() {
        story.print(
            400.5 + i as f64,
            0,
            &format!("result: task {task} slept 0.{task} s"),
        );
    }
    story.record(Build::Gil, 410.0)
}

#[test]
fn as_completed_gives_results_in_completion_order() {
    let verdict = judge(pool_submit, &pool_run(&[1, 3, 2, 0]), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "results came in the order the tasks finished, 1, 3, 2, 0, not in the order submitted, 0, 1, 2, 3",
    );
    let verdict = judge(pool_submit, &pool_run(&[0, 1, 2, 3]), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "results came in the order 0, 1, 2, 3, but the tasks finished 1, 3, 2, 0",
    );
    assert!(!judge(pool_submit, &started_together(), "", Build::Gil, 2).passed);
}

#[test]
fn map_gives_results_in_input_order() {
    let verdict = judge(pool_map, &pool_run(&[0, 1, 2, 3]), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "results came in input order, 0, 1, 2, 3, though the tasks finished 1, 3, 2, 0",
    );
    let verdict = judge(pool_map, &pool_run(&[1, 3, 2, 0]), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "results came in the order 1, 3, 2, 0, not in input order, 0, 1, 2, 3",
    );
}

/// MainThread downloads four resources of 200 ms one after another, then a
/// pool of two threads downloads four more, `at_once` of them at a time.
fn downloading(at_once: usize) -> ProgramRecord {
    let story = Story::new();
    for n in 0..4 {
        let at = 200.0 * f64::from(n);
        story.steps(0, &[(at, Io), (at + 200.0, Cpu)]);
    }
    story.steps(0, &[(800.0, Wait)]);
    let mut lane_free: [f64; 2] = [801.0, 801.0];
    let mut last_end: f64 = 0.0;
    for n in 0..4 {
        let lane = n % 2;
        let start = if at_once >= 2 {
            lane_free[lane]
        } else {
            lane_free[0].max(lane_free[1])
        };
        let end = start + 200.0;
        story.thread(lane as u16 + 1, &format!("ThreadPoolExecutor-0_{lane}"));
        story.steps(lane as u16 + 1, &[(start, Io), (end, Cpu)]);
        lane_free[lane] = end;
        last_end = last_end.max(end);
        if at_once < 2 {
            lane_free = [end, end];
        }
    }
    story.steps(1, &[(last_end + 1.0, Done)]);
    story.steps(2, &[(last_end + 1.0, Done)]);
    story.record(Build::Gil, last_end + 2.0)
}

#[test]
fn a_pool_of_downloads_beats_one_after_another() {
    let verdict = judge(downloads, &downloading(2), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "4 downloads one after another took 800 ms; a pool of 2 threads took 400 ms, up to 2 at once: 2.00x as fast",
    );
    let verdict = judge(downloads, &downloading(1), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "4 downloads one after another took 800 ms; a pool of 2 threads took 800 ms, up to 1 at once: 1.00x as fast",
    );
}

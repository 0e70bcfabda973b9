use super::*;
use crate::lab::claims::{asyncio_cpu, asyncio_gather};
use Activity::{Cpu, Done, Io, Sleep, Wait};

/// MainThread's loop runs Task-1 and fifteen download tasks, whose 300 ms
/// waits overlap (`at_once`) or follow each other.
pub(super) fn gathered(at_once: bool) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu)]);
    story.task(1, "Task-1", 0);
    story.steps(1, &[(0.0, Cpu), (1.0, Wait)]);
    let mut end: f64 = 0.0;
    for n in 0..15u16 {
        let lane = n + 2;
        story.task(lane, &format!("Task-{lane}"), 0);
        let start = if at_once {
            1.0 + 0.1 * f64::from(n)
        } else {
            1.0 + 300.0 * f64::from(n)
        };
        story.noted(start, lane, Io, &format!("io/resource/{n}?latency=300"));
        story.steps(lane, &[(start + 300.0, Cpu), (start + 300.1, Done)]);
        end = end.max(start + 300.1);
    }
    story.steps(1, &[(end, Cpu), (end + 1.0, Done)]);
    story.steps(0, &[(end + 2.0, Done)]);
    story.record(Build::Gil, end + 2.0)
}

#[test]
fn downloads_overlap_on_one_thread_s_event_loop() {
    let verdict = judge(asyncio_gather, &gathered(true), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "15 downloads in 16 tasks on one thread's event loop, up to 15 waiting at once: 4.50 s of waiting took 301 ms",
    );
    let verdict = judge(asyncio_gather, &gathered(false), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "15 downloads in 16 tasks on one thread's event loop, up to 1 waiting at once: 4.50 s of waiting took 4.50 s",
    );
}

/// Task-2 ticks: it sleeps from 100 ms and runs again at `wakes_ms`.
/// Task-3 computes from 150 to 450 ms, or (`yields`) in slices with
/// Task-2 running between them.
fn ticking(wakes_ms: f64, yields: bool) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu)]);
    story
        .task(1, "Task-1", 0)
        .task(2, "Task-2", 0)
        .task(3, "Task-3", 0);
    story.steps(1, &[(0.0, Cpu), (1.0, Wait), (600.0, Done)]);
    story.steps(2, &[(1.0, Cpu)]);
    story.noted(100.0, 2, Sleep, "asyncio.sleep(0.1)");
    story.steps(3, &[(1.0, Sleep)]);
    if yields {
        story.steps(
            3,
            &[(150.0, Cpu), (250.0, Sleep), (260.0, Cpu), (450.0, Done)],
        );
        story.steps(2, &[(250.0, Cpu), (260.0, Sleep)]);
    } else {
        story.steps(3, &[(150.0, Cpu), (450.0, Done)]);
    }
    story.steps(2, &[(wakes_ms, Cpu), (wakes_ms + 1.0, Done)]);
    story.record(Build::Gil, 600.0)
}

#[test]
fn a_task_that_never_awaits_holds_up_the_loop() {
    let verdict = judge(asyncio_cpu, &ticking(450.0, false), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "Task-3 computed for 300 ms without an await; meanwhile other tasks ran for 0 ms, and Task-2's sleep, asked for 100 ms, lasted 350 ms until its next turn",
    );
    let verdict = judge(asyncio_cpu, &ticking(460.0, true), "", Build::Gil, 2);
    assert!(!verdict.passed, "{verdict:?}");
    assert!(
        verdict.text.starts_with("Task-3 computed for 190 ms"),
        "{verdict:?}"
    );
    // A record in which another task of the loop ran meanwhile does not
    // bear the claim out; a task of another thread's loop may run.
    let mut record = ticking(450.0, false);
    let loop_task = |lane, event_loop| crate::record::LaneInfo {
        lane,
        name: format!("Task-{lane}"),
        process: 0,
        kind: LaneKind::Task { event_loop },
    };
    record.lanes.push(loop_task(4, 0));
    record
        .marks
        .push(crate::record::Mark::plain(4, 200_000.0, Cpu, None));
    record
        .marks
        .push(crate::record::Mark::plain(4, 210_000.0, Done, None));
    let verdict = judge(asyncio_cpu, &record, "", Build::Gil, 2);
    assert!(
        !verdict.passed && verdict.text.contains("other tasks ran for 10 ms"),
        "{verdict:?}"
    );
    record.lanes.pop();
    record.lanes.push(loop_task(4, 9));
    assert!(judge(asyncio_cpu, &record, "", Build::Gil, 2).passed);
    // A sleep that ended on time, before the computing began, was not held.
    let verdict = judge(asyncio_cpu, &ticking(140.0, false), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "Task-3 computed for 300 ms without an await, but no other task was waiting to run meanwhile",
    );
}

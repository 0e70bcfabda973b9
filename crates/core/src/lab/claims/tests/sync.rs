use super::*;
use crate::lab::claims::{deadlock, lock, race};
use Activity::{Cpu, Done, Wait, WaitLock};

/// Four deposit threads run side by side for 100 ms.
fn depositing() -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (1.0, Wait)]);
    for lane in 1..=4 {
        story.thread(lane, &format!("Thread-{lane} (deposit)"));
        story.steps(lane, &[(1.0, Cpu), (101.0, Done)]);
    }
    story.record(Build::Gil, 102.0)
}

#[test]
fn unsynchronised_deposits_are_lost() {
    let verdict = judge(
        race,
        &depositing(),
        "final balance: 3380 (expected 10000)\n",
        Build::Gil,
        2,
    );
    assert_verdict(
        &verdict,
        true,
        "final balance 3,380 instead of 10,000: 6,620 deposits lost by 4 threads running at once",
    );
    let verdict = judge(
        race,
        &depositing(),
        "final balance: 10000 (expected 10000)\n",
        Build::Gil,
        2,
    );
    assert_verdict(
        &verdict,
        false,
        "no deposit was lost this time (10,000 of 10,000): no switch fell between a read and its write; run it again",
    );
    assert!(
        judge(race, &depositing(), "", Build::Gil, 2)
            .text
            .starts_with("nothing")
    );
}

/// Two threads take `balance_lock` in turn, three times each, the other
/// waiting meanwhile; with `overlap`, the second takes it once before the
/// first has let go.
fn locking(overlap: bool) -> ProgramRecord {
    locking_turns(overlap, 6)
}

/// As [`locking`], with `turns` acquisitions in all.
fn locking_turns(overlap: bool, turns: u16) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (1.0, Wait)]);
    story
        .thread(1, "Thread-1 (deposit)")
        .thread(2, "Thread-2 (deposit)");
    for turn in 0..turns {
        let (holder, waiter) = if turn % 2 == 0 { (1, 2) } else { (2, 1) };
        let at = 10.0 * f64::from(turn) + 1.0;
        story
            .steps(holder, &[(at, Cpu)])
            .steps(waiter, &[(at, WaitLock)]);
        let taken = if overlap && turn == 1 { at - 5.0 } else { at };
        story.event(taken, holder, EventKind::Acquire, "balance_lock");
        story.event(at + 9.0, holder, EventKind::Release, "balance_lock");
    }
    let end = 10.0 * f64::from(turns) + 1.0;
    story.steps(1, &[(end, Done)]).steps(2, &[(end, Done)]);
    story.record(Build::Gil, end + 1.0)
}

#[test]
fn under_the_lock_nothing_is_lost_and_no_two_threads_hold_it() {
    let exact = "final balance: 10000 (expected 10000)\n";
    let verdict = judge(lock, &locking(false), exact, Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "final balance 10,000 of 10,000: none lost; balance_lock was taken 6 times, never by two threads at once, and threads waited 60 ms for it",
    );
    // Past 256 acquisitions the record holds a sample, and the claim says so.
    let sampled = judge(lock, &locking_turns(false, 300), exact, Build::Gil, 2);
    assert!(
        sampled.passed
            && sampled.text.contains(
                "balance_lock: 300 acquisitions recorded (its first 256 and every one that waited)"
            ),
        "{sampled:?}"
    );
    let verdict = judge(lock, &locking(true), exact, Build::Gil, 2);
    assert!(
        !verdict.passed
            && verdict
                .text
                .contains("held by two threads at once for 4.0 ms"),
        "{verdict:?}"
    );
    let short = judge(
        lock,
        &locking(false),
        "final balance: 9000 (expected 10000)\n",
        Build::Gil,
        2,
    );
    assert!(
        !short.passed
            && short
                .text
                .starts_with("final balance 9,000 of 10,000: 1,000 lost"),
        "{short:?}"
    );
}

/// Thread-1 (transfer) holds lock_a and waits for lock_b, Thread-2 the
/// other way round, until the run finds the deadlock at 105 ms.
pub(super) fn deadlocked() -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (1.0, Wait)]);
    for (lane, first, second) in [(1, "lock_a", "lock_b"), (2, "lock_b", "lock_a")] {
        story.thread(lane, &format!("Thread-{lane} (transfer)"));
        story.steps(lane, &[(1.0, Cpu)]);
        story.event(1.0, lane, EventKind::Acquire, first);
        story.noted(101.0, lane, WaitLock, second);
    }
    story.event(105.0, 1, EventKind::Deadlock, "Deadlock: Thread-1 (transfer) holds lock_a and waits for lock_b, held by Thread-2 (transfer), which waits for lock_a.");
    story.record(Build::Gil, 106.0)
}

#[test]
fn locks_taken_in_opposite_orders_deadlock_and_the_run_finds_it() {
    let verdict = judge(deadlock, &deadlocked(), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "deadlock found 105 ms into the run, 2 threads waiting on a lock: Deadlock: Thread-1 (transfer) holds lock_a and waits for lock_b, held by Thread-2 (transfer), which waits for lock_a.",
    );
    let fixed = Story::new();
    fixed.steps(0, &[(0.0, Cpu), (1.0, Wait)]);
    for lane in [1, 2] {
        fixed.thread(lane, &format!("Thread-{lane} (transfer)"));
        fixed.steps(
            lane,
            &[(1.0, Cpu), (101.0, WaitLock), (201.0, Cpu), (202.0, Done)],
        );
    }
    let verdict = judge(
        deadlock,
        &fixed.record(Build::Gil, 203.0),
        "",
        Build::Gil,
        2,
    );
    assert_verdict(&verdict, false, "no deadlock this run: 2 threads finished");
}

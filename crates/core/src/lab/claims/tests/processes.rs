use super::*;
use crate::lab::claims::ClaimInput;
use crate::lab::claims::{
    cpu_count, main_guard, more_procs_than_cores, process_pool, processes, shared_state,
    subinterpreters,
};
use Activity::{Cpu, Done, Spawn, Wait};

/// MainProcess starts Process-1 and Process-2 (pids 101 and 102), which
/// each print `counter = 10`; MainProcess then prints `counter =
/// main_counter`.
pub(super) fn two_children(main_counter: i64) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (1.0, Wait), (200.0, Cpu), (201.0, Done)]);
    for child in [1u16, 2] {
        story.process(child, &format!("Process-{child}"), 100 + u32::from(child));
        story.thread_in(child, "MainThread", child);
        story.steps(child, &[(1.0, Spawn), (100.0, Cpu), (150.0, Done)]);
        story.print(
            140.0,
            child,
            &format!("Process-{child} (pid {}): counter = 10", 100 + child),
        );
    }
    story.print(
        200.5,
        0,
        &format!("MainProcess (pid 100): counter = {main_counter}"),
    );
    story.record(Build::Gil, 202.0)
}

#[test]
fn a_global_changed_in_a_child_stays_in_the_child() {
    let verdict = judge(processes, &two_children(0), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "2 child processes (pid 101, 102) printed counter = 10, 10; MainProcess (pid 100) still had 0",
    );
    let verdict = judge(processes, &two_children(10), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "2 child processes (pid 101, 102) printed counter = 10, 10; MainProcess (pid 100) had the same, 10",
    );
    assert!(
        judge(
            processes,
            &super::threads::started_together(),
            "",
            Build::Gil,
            2
        )
        .text
        .starts_with("nothing")
    );
}

/// Process-1 runs the module again and fails (or, `guarded`, greets);
/// MainProcess prints the exit code it saw.
fn spawned(guarded: bool) -> (ProgramRecord, String) {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (1.0, Wait), (90.0, Cpu), (91.0, Done)]);
    story
        .process(1, "Process-1", 101)
        .thread_in(1, "MainThread", 1);
    story.steps(1, &[(1.0, Spawn), (50.0, Cpu), (80.0, Done)]);
    story.print(55.0, 1, "running as __mp_main__");
    let code = if guarded {
        story.print(70.0, 1, "hello from the child");
        0
    } else {
        story.print(70.0, 1, "Traceback (most recent call last):\n  File \"<lab>\", line 14, in <module>\n    p.start()\nRuntimeError: \n        An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase.\n");
        1
    };
    story.print(90.5, 0, &format!("the child's exit code: {code}"));
    let stdout = format!("running as __main__\nthe child's exit code: {code}\n");
    (story.record(Build::Gil, 92.0), stdout)
}

#[test]
fn without_the_guard_the_child_fails_as_it_runs_the_module_again() {
    let (record, stdout) = spawned(false);
    let verdict = judge(main_guard, &record, &stdout, Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "Process-1 ran the module again and failed at start() with RuntimeError; the parent saw exit code 1",
    );
    let (record, stdout) = spawned(true);
    let verdict = judge(main_guard, &record, &stdout, Build::Gil, 2);
    assert_verdict(
        &verdict,
        false,
        "Process-1 raised no RuntimeError and the parent saw exit code 0: the child started cleanly",
    );
    // A child's traceback its process wrote to stderr, outside its record.
    let (record, _) = spawned(true);
    let stdout = "running as __main__\nthe child's exit code: 1\n";
    let stderr = "Traceback (most recent call last):\nRuntimeError: \n        An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase.\n";
    let verdict = main_guard(&ClaimInput {
        record: &record,
        stdout,
        stderr,
        exit_code: 0,
        build: Build::Gil,
        cores: 2,
    });
    assert!(verdict.passed, "{verdict:?}");
}

/// MainThread prints at each of `marks` (ms); `children` pool processes
/// start up for 100 ms from the second mark, compute side by side, and
/// get 16 messages of 9,216 bytes.
fn pooled(marks: &[f64], children: u16) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu)]);
    for (i, &at) in marks.iter().enumerate() {
        story.print(at, 0, &format!("phase {i}"));
    }
    let (from, to) = (marks[1], marks[2]);
    for child in 1..=children {
        story.process(
            child,
            &format!("SpawnProcess-{child}"),
            100 + u32::from(child),
        );
        story.thread_in(child, "MainThread", child);
        story.steps(
            child,
            &[(from, Spawn), (from + 100.0, Cpu), (to - 1.0, Done)],
        );
    }
    for n in 0..16 {
        story.event(
            from + 100.0 + f64::from(n),
            0,
            EventKind::Send,
            "9216 bytes",
        );
    }
    story.record(Build::Gil, to + 1.0)
}

#[test]
fn a_pool_of_processes_pays_for_its_start_up_with_cores() {
    let verdict = judge(
        process_pool,
        &pooled(&[0.0, 1000.0, 1500.0], 2),
        "",
        Build::Gil,
        2,
    );
    assert_verdict(
        &verdict,
        true,
        "the pool took 500 ms against 1.00 s one after another (2.00x as fast): starting its 2 processes took 100 ms each, 16 messages carried 144 KB, and up to 2 computed at once",
    );
    assert_eq!(verdict.caveat, None);
    let slow = judge(
        process_pool,
        &pooled(&[0.0, 400.0, 1000.0], 2),
        "",
        Build::Gil,
        2,
    );
    assert!(
        !slow.passed && slow.text.starts_with("the pool took 600 ms against 400 ms"),
        "{slow:?}"
    );
    let one_core = judge(
        process_pool,
        &pooled(&[0.0, 400.0, 1000.0], 1),
        "",
        Build::Gil,
        1,
    );
    assert!(!one_core.passed && one_core.caveat.is_some());
}

#[test]
fn more_processes_than_cores_help_with_waiting_not_with_computing() {
    let marks = [0.0, 500.0, 750.0, 1050.0, 1350.0];
    let verdict = judge(more_procs_than_cores, &pooled(&marks, 2), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "waiting tasks: more processes than cores took 250 ms against 500 ms (2.00x as fast); computing tasks: 300 ms against 300 ms (1.00x)",
    );
    let no_gain = [0.0, 500.0, 1000.0, 1300.0, 1600.0];
    assert!(
        !judge(
            more_procs_than_cores,
            &pooled(&no_gain, 2),
            "",
            Build::Gil,
            2
        )
        .passed
    );
    let cpu_gain = [0.0, 500.0, 750.0, 1050.0, 1200.0];
    assert!(
        !judge(
            more_procs_than_cores,
            &pooled(&cpu_gain, 2),
            "",
            Build::Gil,
            2
        )
        .passed
    );
    assert!(
        judge(
            more_procs_than_cores,
            &pooled(&marks[..3], 2),
            "",
            Build::Gil,
            2
        )
        .text
        .starts_with("nothing")
    );
}

#[test]
fn processes_sharing_a_value_under_its_lock_lose_nothing() {
    let record = two_children(0);
    let verdict = judge(
        shared_state,
        &record,
        "each process counted: [500, 500]\nshared total: 1000 of 1000\n",
        Build::Gil,
        2,
    );
    assert_verdict(
        &verdict,
        true,
        "2 processes added to one shared Value, up to 2 at once: it reached 1,000 of 1,000, none lost",
    );
    let verdict = judge(
        shared_state,
        &record,
        "shared total: 730 of 1000\n",
        Build::Gil,
        2,
    );
    assert_verdict(
        &verdict,
        false,
        "2 processes added to one shared Value, up to 2 at once: it reached 730 of 1,000, 270 lost",
    );
}

/// Two worker interpreters on lanes 1 and 2 compute from 600 ms, side by
/// side or in turn; MainThread marks its phases at 0, 600 and the end.
fn interpreters(side_by_side: bool) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu), (600.0, Wait)]);
    story
        .thread(1, "InterpreterPoolExecutor-0_0")
        .thread(2, "InterpreterPoolExecutor-0_1");
    let end = if side_by_side {
        story
            .steps(1, &[(600.0, Cpu), (900.0, Done)])
            .steps(2, &[(600.0, Cpu), (900.0, Done)]);
        900.0
    } else {
        story
            .steps(1, &[(600.0, Cpu), (900.0, Done)])
            .steps(2, &[(900.0, Cpu), (1200.0, Done)]);
        1200.0
    };
    for at in [0.0, 600.0, end + 1.0] {
        story.print(at, 0, "phase");
    }
    story.record(Build::Gil, end + 2.0)
}

#[test]
fn worker_interpreters_compute_at_the_same_time() {
    let verdict = judge(subinterpreters, &interpreters(true), "", Build::Gil, 2);
    assert_verdict(
        &verdict,
        true,
        "up to 2 workers computed at once, each under a GIL of its own, for 300 ms: 301 ms against 600 ms one after another (1.99x as fast)",
    );
    let verdict = judge(subinterpreters, &interpreters(false), "", Build::Gil, 2);
    assert!(
        !verdict.passed && verdict.text.starts_with("up to 1 worker computed"),
        "{verdict:?}"
    );
    assert!(
        judge(subinterpreters, &interpreters(false), "", Build::Gil, 1)
            .caveat
            .is_some()
    );
    // Worker interpreters are processes: one-core holds only their threads
    // to one core, so it says nothing against what they showed.
    let one_core = judge(subinterpreters, &interpreters(true), "", Build::OneCore, 2);
    assert!(one_core.passed && one_core.caveat.is_none(), "{one_core:?}");
}

/// A run whose default thread pool started `threads` threads.
fn pool_of(threads: u16) -> ProgramRecord {
    let story = Story::new();
    story.steps(0, &[(0.0, Cpu)]);
    for lane in 1..=threads {
        story.thread(lane, &format!("ThreadPoolExecutor-0_{}", lane - 1));
        story.steps(lane, &[(1.0, Cpu), (50.0, Done)]);
    }
    story.record(Build::Gil, 300.0)
}

#[test]
fn the_default_pool_size_follows_the_core_count() {
    let stdout = "os.cpu_count(): 8\n";
    let verdict = judge(cpu_count, &pool_of(12), stdout, Build::Gil, 8);
    assert_verdict(
        &verdict,
        true,
        "os.cpu_count() said 8 (8 cores here); the default ThreadPoolExecutor started 12 threads, and min(32, 8 + 4) is 12",
    );
    assert!(!judge(cpu_count, &pool_of(6), stdout, Build::Gil, 8).passed);
    assert!(
        !judge(
            cpu_count,
            &pool_of(12),
            "os.cpu_count(): 4\n",
            Build::Gil,
            8
        )
        .passed
    );
    assert!(
        judge(
            cpu_count,
            &pool_of(32),
            "os.cpu_count(): 64\n",
            Build::Gil,
            64
        )
        .passed
    );
}

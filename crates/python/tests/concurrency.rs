//! The thread programs of `tests/python/concurrency/` (threading, queue, concurrent.futures'
//! thread pool, the GIL, hashlib) run under CPython once and under each build of Threadline
//! Python (`--build gil`, `free-threaded`, `one-core`), judged by the corpus's rules: the same
//! stdout, exit status and last line of stderr. Programs whose output depends on timing print
//! only what does not.
//!
//! Processes and asyncio (the other numbers of that directory) are judged by their own parts'
//! harnesses. `CONCURRENCY_FILTER=substring` runs only the programs whose name contains it.

#[path = "support/judge.rs"]
mod judge;

use judge::{
    Verdict, file_name, judge_builds, judge_each, programs_in, report, require_cpython,
    worker_count,
};
use std::path::{Path, PathBuf};

/// The builds every program runs under.
const BUILDS: [&str; 3] = ["gil", "free-threaded", "one-core"];

/// Programs that print a fact about the GIL itself, which a build without one (or without a
/// second host thread) does not share with CPython by design: `(program, build)`.
const DIFFERENT_BY_DESIGN: &[(&str, &str)] = &[
    ("140_gil_cpu_bound.py", "free-threaded"),
    ("152_hashlib_releases_gil.py", "one-core"),
    ("154_switch_interval_turns.py", "free-threaded"),
];

/// Whether a program of the directory is this part's: threads, queues, thread pools, the
/// GIL's programs (140 and on); not processes (074, 080-099) or asyncio (110-139).
fn is_about_threads(name: &str) -> bool {
    let number: u32 = name
        .split('_')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    !(74..140).contains(&number) && !name.contains("process")
}

fn concurrency_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/python/concurrency")
}

#[test]
fn thread_programs_match_cpython_in_every_build() {
    require_cpython();
    let filter = std::env::var("CONCURRENCY_FILTER").ok();
    let programs: Vec<PathBuf> = programs_in(&concurrency_dir(), filter.as_deref())
        .into_iter()
        .filter(|path| is_about_threads(&file_name(path)))
        .collect();
    assert!(!programs.is_empty(), "no thread program matches {filter:?}");
    let ours = env!("CARGO_BIN_EXE_threadline-python");
    let verdicts = judge_each(&programs, worker_count(), |program| {
        let name = file_name(program);
        let builds = BUILDS
            .into_iter()
            .filter(|build| !DIFFERENT_BY_DESIGN.contains(&(name.as_str(), *build)));
        judge_builds(ours, builds, program, program)
    });
    let judged: Vec<&Verdict> = verdicts.iter().collect();
    let mismatches = report("concurrency", "runs match CPython", &judged);
    assert!(
        mismatches == 0,
        "{mismatches} of {} runs of thread programs differ from CPython (see above)",
        judged.len()
    );
}

//! The process programs of `tests/python/concurrency/` (pickling, `multiprocessing`,
//! `concurrent.futures`' process and interpreter pools: numbers 074 to 109) run under CPython
//! once and under each build of Threadline Python, judged by the corpus's rules: the same
//! stdout, exit status and last line of stderr. `PROCESSES_FILTER=substring` runs only the
//! programs whose name contains it.

#[path = "support/judge.rs"]
mod judge;

use judge::{
    Verdict, file_name, judge_builds, judge_each, programs_in, report, require_cpython,
    worker_count,
};
use std::path::{Path, PathBuf};

/// The builds every program runs under.
const BUILDS: [&str; 3] = ["gil", "free-threaded", "one-core"];

/// Programs of the range that this interpreter does not run yet (each with what it lacks).
const NOT_YET: &[(&str, &str)] = &[];

/// Whether a program of the directory is this part's: 074 to 109.
fn is_about_processes(name: &str) -> bool {
    let number: u32 = name
        .split('_')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (74..110).contains(&number) && !NOT_YET.iter().any(|(not_yet, _)| *not_yet == name)
}

fn concurrency_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/python/concurrency")
}

#[test]
fn process_programs_match_cpython_in_every_build() {
    require_cpython();
    let filter = std::env::var("PROCESSES_FILTER").ok();
    let programs: Vec<PathBuf> = programs_in(&concurrency_dir(), filter.as_deref())
        .into_iter()
        .filter(|path| is_about_processes(&file_name(path)))
        .collect();
    assert!(
        !programs.is_empty(),
        "no process program matches {filter:?}"
    );
    let ours = env!("CARGO_BIN_EXE_threadline-python");
    let verdicts = judge_each(&programs, worker_count(), |program| {
        judge_builds(ours, BUILDS, program, program)
    });
    let judged: Vec<&Verdict> = verdicts.iter().collect();
    let mismatches = report("processes", "runs match CPython", &judged);
    assert!(
        mismatches == 0,
        "{mismatches} of {} runs of process programs differ from CPython (see above)",
        judged.len()
    );
}

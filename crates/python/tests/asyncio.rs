//! The asyncio programs of `tests/python/concurrency/` (110-139) run under CPython once and
//! under each build of Threadline Python (`--build gil`, `free-threaded`, `one-core`), judged
//! by the corpus's rules: the same stdout, exit status and last line of stderr. Programs whose
//! output depends on timing print only what does not. `ASYNCIO_FILTER=substring` runs only the
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

/// Whether a program of the directory is asyncio's (numbered 110 to 139).
fn is_about_asyncio(name: &str) -> bool {
    let number: u32 = name
        .split('_')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (110..140).contains(&number)
}

fn concurrency_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/python/concurrency")
}

#[test]
fn asyncio_programs_match_cpython_in_every_build() {
    require_cpython();
    let filter = std::env::var("ASYNCIO_FILTER").ok();
    let programs: Vec<PathBuf> = programs_in(&concurrency_dir(), filter.as_deref())
        .into_iter()
        .filter(|path| is_about_asyncio(&file_name(path)))
        .collect();
    assert!(
        !programs.is_empty(),
        "no asyncio program matches {filter:?}"
    );
    let ours = env!("CARGO_BIN_EXE_threadline-python");
    let verdicts = judge_each(&programs, worker_count(), |program| {
        judge_builds(ours, BUILDS, program, program)
    });
    let judged: Vec<&Verdict> = verdicts.iter().collect();
    let mismatches = report("asyncio", "runs match CPython", &judged);
    assert!(
        mismatches == 0,
        "{mismatches} of {} runs of asyncio programs differ from CPython (see above)",
        judged.len()
    );
}

//! The conformance corpus: every program under `tests/python/corpus/` runs under CPython
//! (`python3`) and under Threadline Python, and the two must agree on stdout (exactly), on the
//! exit status and on the last non-empty line of stderr (the exception or syntax error).
//!
//! Programs named `*_random_exact.py` print values of a seeded `random`, which need not repeat
//! CPython's sequence: they are judged separately, reported, and never fail the test.
//!
//! `CORPUS_FILTER=substring` runs only the programs whose file name contains it.
//! `CORPUS_DIR=tests/python/concurrency` judges another directory of programs (relative to the
//! workspace root) by the same rules.
//! `CORPUS_INTERPRETER=/path/to/binary` runs another interpreter in place of ours (pointing it
//! at `python3` checks the harness itself: every program must then match).

#[path = "support/judge.rs"]
mod judge;

use judge::{
    Verdict, difference, file_name, judge_each, programs_in, report, require_cpython, run,
    worker_count,
};
use std::path::{Path, PathBuf};

/// The workspace's `tests/python/corpus/` directory, or the one `CORPUS_DIR` names.
fn corpus_dir() -> PathBuf {
    let relative =
        std::env::var("CORPUS_DIR").unwrap_or_else(|_| "tests/python/corpus".to_string());
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// Runs every program under both interpreters, `workers` programs at a time.
fn judge_all(programs: &[PathBuf], interpreter: &str, workers: usize) -> Vec<Verdict> {
    judge_each(programs, workers, |program| {
        let cpython = run("python3", &[], program);
        let ours = run(interpreter, &[], program);
        vec![Verdict {
            program: file_name(program),
            difference: difference(&cpython, &ours),
        }]
    })
}

#[test]
fn corpus_matches_cpython() {
    require_cpython();
    let filter = std::env::var("CORPUS_FILTER").ok();
    let dir = corpus_dir();
    let programs = programs_in(&dir, filter.as_deref());
    assert!(
        !programs.is_empty(),
        "no program under {} matches CORPUS_FILTER={filter:?}",
        dir.display()
    );
    let interpreter = std::env::var("CORPUS_INTERPRETER")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_threadline-python").to_string());
    let verdicts = judge_all(&programs, &interpreter, worker_count());
    let (informational, judged): (Vec<&Verdict>, Vec<&Verdict>) = verdicts
        .iter()
        .partition(|verdict| verdict.program.ends_with(RANDOM_EXACT_SUFFIX));
    let mismatches = report("corpus", "programs match CPython", &judged);
    if !informational.is_empty() {
        report(
            "random_exact (informational)",
            "match CPython's generator",
            &informational,
        );
    }
    assert!(
        mismatches == 0,
        "{mismatches} of {} corpus programs differ from CPython (see above)",
        judged.len()
    );
}

/// Programs printing values of a seeded `random`: ours need not repeat CPython's sequence.
const RANDOM_EXACT_SUFFIX: &str = "_random_exact.py";

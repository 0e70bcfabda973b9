//! The network programs of `tests/python/network/` (requests, urllib.request, aiohttp) run
//! under CPython against the lab's resource server over real HTTP (`support/lab_server.rs`),
//! and under each build of Threadline Python, whose native host serves the same bytes after
//! the same latency itself; judged by the corpus's rules. A program names its server as
//! `http://127.0.0.1:8765/`; the harness gives CPython the port its server really has.
//! CPython's run needs `requests` and `aiohttp`: a program whose library CPython lacks is
//! judged against nothing and said so (install them with `pip install requests aiohttp`).

#[path = "support/judge.rs"]
mod judge;
#[path = "support/lab_server.rs"]
mod lab_server;

use judge::{Verdict, file_name, judge_builds, judge_each, programs_in, report};
use std::path::{Path, PathBuf};
use std::process::Command;

const BUILDS: [&str; 3] = ["gil", "free-threaded", "one-core"];
const PLACEHOLDER: &str = "127.0.0.1:8765";

fn network_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/python/network")
}

/// Whether CPython can import `module`.
fn cpython_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|out| out.status.success())
}

/// The third-party library a program needs from CPython, if any.
fn library_of(source: &str) -> Option<&'static str> {
    ["aiohttp", "requests"]
        .into_iter()
        .find(|library| source.contains(&format!("import {library}")))
}

#[test]
fn network_programs_match_cpython_in_every_build() {
    judge::require_cpython();
    let port = lab_server::start();
    let scratch = std::env::temp_dir().join(format!("threadline-network-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch directory");
    let programs = programs_in(&network_dir(), None);
    assert!(!programs.is_empty(), "no network program");
    let ours = env!("CARGO_BIN_EXE_threadline-python");
    let verdicts = judge_each(&programs, 1, |program| {
        let name = file_name(program);
        let source = std::fs::read_to_string(program).expect("a network program");
        if let Some(library) = library_of(&source).filter(|library| !cpython_has(library)) {
            println!("SKIPPED {name}: CPython lacks {library}");
            return Vec::new();
        }
        let for_cpython = scratch.join(&name);
        let served = source.replace(PLACEHOLDER, &format!("127.0.0.1:{port}"));
        std::fs::write(&for_cpython, served).expect("write the program for CPython");
        judge_builds(ours, BUILDS, program, &for_cpython)
    });
    let judged: Vec<&Verdict> = verdicts.iter().collect();
    let mismatches = report("network", "runs match CPython", &judged);
    assert!(
        mismatches == 0,
        "{mismatches} of {} runs of network programs differ from CPython (see above)",
        judged.len()
    );
}

//! Running programs under CPython and under Threadline Python and comparing what they did:
//! shared by the corpus harnesses (`corpus.rs`, `concurrency.rs`).

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// How long one run of one program may take before it is killed and counted as a failure.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(20);
/// How often a running program is checked for having exited.
pub const POLL_INTERVAL: Duration = Duration::from_millis(10);
/// How long to wait for the output pipes once the program has exited or been killed: a
/// grandchild that inherited them must not hang the harness.
pub const PIPE_GRACE: Duration = Duration::from_secs(2);

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    Exited(i32),
    KilledBySignal,
    TimedOut,
    NotStarted(String),
}

impl Ending {
    fn describe(&self) -> String {
        match self {
            Ending::Exited(code) => format!("exit status {code}"),
            Ending::KilledBySignal => "killed by a signal".to_string(),
            Ending::TimedOut => format!("timed out after {} s", RUN_TIMEOUT.as_secs()),
            Ending::NotStarted(why) => format!("could not start: {why}"),
        }
    }

    /// A run that did not finish on its own can never count as a match.
    fn finished(&self) -> bool {
        matches!(self, Ending::Exited(_))
    }
}

/// What one interpreter did with one program.
#[derive(Debug)]
pub struct RunOutcome {
    pub stdout: String,
    pub stderr_last_line: String,
    pub ending: Ending,
}

/// Every `*.py` of `dir` whose file name contains `filter`, sorted by name.
pub fn programs_in(dir: &Path, filter: Option<&str>) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("cannot read the corpus at {}: {err}", dir.display()));
    let mut programs: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .filter(|path| filter.is_none_or(|wanted| file_name(path).contains(wanted)))
        .collect();
    programs.sort();
    programs
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Fails the test with a clear message when the reference interpreter is missing.
pub fn require_cpython() {
    let found = Command::new("python3")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        found,
        "python3 (CPython, the reference) is not installed or does not run: \
         install it (tools/setup.sh does) and run the corpus again"
    );
}

/// Reads a pipe to its end on its own thread; the receiver gets the bytes once it closes.
pub fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> mpsc::Receiver<Vec<u8>> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            // A read error leaves what was read so far: the comparison shows the rest missing.
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = sender.send(bytes);
    });
    receiver
}

/// Waits for the child to exit, killing it once `RUN_TIMEOUT` has passed. The deadline is
/// counted in poll intervals (the workspace keeps `Instant::now` out of its code).
pub fn wait_or_kill(child: &mut Child) -> Ending {
    let polls = RUN_TIMEOUT.as_millis() / POLL_INTERVAL.as_millis();
    for _ in 0..polls {
        match child.try_wait() {
            Ok(Some(status)) => {
                return status.code().map_or(Ending::KilledBySignal, Ending::Exited);
            }
            Ok(None) => thread::sleep(POLL_INTERVAL),
            Err(err) => return Ending::NotStarted(format!("lost the process: {err}")),
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    Ending::TimedOut
}

/// Runs `interpreter OPTIONS program` with the corpus's environment and no input.
pub fn run(interpreter: &str, options: &[&str], program: &Path) -> RunOutcome {
    let spawned = Command::new(interpreter)
        .args(options)
        .arg(program)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(err) => {
            return RunOutcome {
                stdout: String::new(),
                stderr_last_line: String::new(),
                ending: Ending::NotStarted(format!("{interpreter}: {err}")),
            };
        }
    };
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let ending = wait_or_kill(&mut child);
    let stdout = stdout.recv_timeout(PIPE_GRACE).unwrap_or_default();
    let stderr = stderr.recv_timeout(PIPE_GRACE).unwrap_or_default();
    RunOutcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr_last_line: last_non_empty_line(&String::from_utf8_lossy(&stderr)),
        ending,
    }
}

pub fn last_non_empty_line(text: &str) -> String {
    text.lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("")
        .trim_end()
        .to_string()
}

/// `None` when the two runs agree, else a short account of the first difference.
pub fn difference(cpython: &RunOutcome, ours: &RunOutcome) -> Option<String> {
    if !cpython.ending.finished() {
        return Some(format!("CPython {}", cpython.ending.describe()));
    }
    if !ours.ending.finished() {
        return Some(format!("ours {}", ours.ending.describe()));
    }
    let endings = (cpython.ending != ours.ending).then(|| {
        format!(
            "CPython {}, ours {} (ours' last line of stderr: {:?})",
            cpython.ending.describe(),
            ours.ending.describe(),
            ours.stderr_last_line
        )
    });
    if cpython.stdout != ours.stdout {
        let stdout = stdout_difference(&cpython.stdout, &ours.stdout);
        return Some(match endings {
            Some(endings) => format!("{stdout}\n      and {endings}"),
            None => stdout,
        });
    }
    if endings.is_some() {
        return endings;
    }
    if cpython.stderr_last_line != ours.stderr_last_line {
        return Some(format!(
            "last line of stderr:\n      CPython: {:?}\n      ours:    {:?}",
            cpython.stderr_last_line, ours.stderr_last_line
        ));
    }
    None
}

/// Names the first line where two different outputs part ways.
pub fn stdout_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.split_inclusive('\n');
    let mut actual_lines = actual.split_inclusive('\n');
    let mut number = 1;
    loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(left), Some(right)) if left == right => number += 1,
            (left, right) => {
                let show = |line: Option<&str>| {
                    line.map_or_else(|| "<end of output>".to_string(), |line| format!("{line:?}"))
                };
                return format!(
                    "stdout line {number}:\n      CPython: {}\n      ours:    {}",
                    show(left),
                    show(right)
                );
            }
        }
    }
}

/// The verdict on one program: its name and the difference, if any.
pub struct Verdict {
    pub program: String,
    pub difference: Option<String>,
}

/// Runs `judge` on every program, `workers` programs at a time; the verdicts it gives, sorted
/// by program.
pub fn judge_each(
    programs: &[PathBuf],
    workers: usize,
    judge: impl Fn(&Path) -> Vec<Verdict> + Sync,
) -> Vec<Verdict> {
    let next = AtomicUsize::new(0);
    let verdicts = Mutex::new(Vec::with_capacity(programs.len()));
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(program) = programs.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let found = judge(program);
                    verdicts
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
                        .extend(found);
                }
            });
        }
    });
    let mut verdicts = verdicts
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    verdicts.sort_by(|a, b| a.program.cmp(&b.program));
    verdicts
}

/// Judges `program` under each of `builds` of the interpreter `ours` against CPython's run of
/// `for_cpython` (the same program, or a copy CPython can run). A difference must show twice,
/// CPython run again too, before it counts: a program that prints a timing fact can miss it on
/// a loaded machine, under CPython as well as ours.
pub fn judge_builds<'a>(
    ours: &str,
    builds: impl IntoIterator<Item = &'a str>,
    program: &Path,
    for_cpython: &Path,
) -> Vec<Verdict> {
    let name = file_name(program);
    let mut cpython = run("python3", &[], for_cpython);
    builds
        .into_iter()
        .map(|build| {
            let mut found = difference(&cpython, &run(ours, &["--build", build], program));
            if found.is_some() {
                println!("retrying {name} --build {build}");
                cpython = run("python3", &[], for_cpython);
                found = difference(&cpython, &run(ours, &["--build", build], program));
            }
            Verdict {
                program: format!("{name} --build {build}"),
                difference: found,
            }
        })
        .collect()
}

/// Two programs at a time on a two-core machine; a few more where there are more cores.
pub fn worker_count() -> usize {
    thread::available_parallelism()
        .map(|cores| cores.get())
        .unwrap_or(2)
        .clamp(2, 8)
}

/// Prints each mismatch and a conformance line (`label: 57/73 what`); returns the mismatches.
pub fn report(label: &str, what: &str, verdicts: &[&Verdict]) -> usize {
    let mut mismatches = 0;
    for verdict in verdicts {
        if let Some(difference) = &verdict.difference {
            println!("MISMATCH {}: {difference}", verdict.program);
            mismatches += 1;
        }
    }
    let matching = verdicts.len() - mismatches;
    println!("{label}: {matching}/{} {what}", verdicts.len());
    mismatches
}

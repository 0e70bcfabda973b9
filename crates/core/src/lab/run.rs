//! One program's run as the lab shows it: what it printed, how it ended,
//! where it failed, and what it recorded.

use super::Build;
use super::claims::{ClaimInput, Verdict};
use super::lessons::Lesson;
use crate::program::ProgramRecord;

/// The file name programs run under: tracebacks say `File "<lab>"`.
pub const FILENAME: &str = "<lab>";

/// Where a program failed: the line the editor marks, and CPython's
/// message for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorMark {
    /// The line, from 1.
    pub line: u32,
    /// The last line of the traceback (`ZeroDivisionError: division by zero`).
    pub message: String,
}

/// The mark for a traceback (or a syntax error) that `stderr` ends with:
/// the last `File "<lab>", line N` it names, and its final line. `None` if
/// the program's own file is not named (a failure inside the interpreter's
/// modules is still shown in the output).
pub fn error_mark(stderr: &str) -> Option<ErrorMark> {
    let start = stderr
        .rfind("Traceback (most recent call last):")
        .or_else(|| stderr.find(&format!("File \"{FILENAME}\"")))?;
    let tail = &stderr[start..];
    let needle = format!("File \"{FILENAME}\", line ");
    let line = tail
        .match_indices(needle.as_str())
        .filter_map(|(at, _)| {
            let digits: String = tail[at + needle.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse::<u32>().ok()
        })
        .last()?;
    let message = tail
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())?
        .trim()
        .to_string();
    Some(ErrorMark { line, message })
}

/// A finished run of the lab.
#[derive(Clone, Debug, PartialEq)]
pub struct LabRun {
    /// The program that ran.
    pub program: String,
    /// The build it ran on.
    pub build: Build,
    /// Why that is not the build asked for, if it is not.
    pub fallback: Option<String>,
    /// What it wrote to stdout.
    pub stdout: String,
    /// What it wrote to stderr.
    pub stderr: String,
    /// The status CPython would exit with.
    pub exit_code: i32,
    /// How long it ran, ms.
    pub wall_ms: f64,
    /// Where it failed, if it failed at a line of its own.
    pub error: Option<ErrorMark>,
    /// What it recorded, if the interpreter sent a record.
    pub record: Option<ProgramRecord>,
    /// The open lesson's claim, checked against this run.
    pub verdict: Option<Verdict>,
}

impl LabRun {
    /// Checks `lesson`'s claim against this run (on a machine of `cores`),
    /// if it recorded anything to check.
    pub fn judge(&mut self, lesson: Option<&Lesson>, cores: u32) {
        self.verdict = match (lesson, &self.record) {
            (Some(lesson), Some(record)) => Some(lesson.claim.judge(&ClaimInput {
                record,
                stdout: &self.stdout,
                stderr: &self.stderr,
                exit_code: self.exit_code,
                build: self.build,
                cores,
            })),
            _ => None,
        };
    }
}

/// Where the lab is with its program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LabPhase {
    /// Nothing run yet.
    #[default]
    Idle,
    /// A program is running.
    Running,
    /// The last program ended (its run is in the state).
    Done,
    /// The page could not run the program at all (the reason).
    Failed(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SystemClock;
    use crate::record::{Activity, LaneInfo, LaneKind, ProcessInfo, Recorder};
    use std::sync::Arc;

    fn run(record: Option<ProgramRecord>) -> LabRun {
        LabRun {
            program: String::new(),
            build: Build::Gil,
            fallback: None,
            stdout: "sum: 1\n".into(),
            stderr: String::new(),
            exit_code: 0,
            wall_ms: 5.0,
            error: None,
            record,
            verdict: None,
        }
    }

    #[test]
    fn a_lessons_claim_is_judged_on_what_the_run_recorded() {
        let recorder = Recorder::start(Arc::new(SystemClock::default()), true);
        recorder.name_process(ProcessInfo {
            process: 0,
            name: "MainProcess".into(),
            pid: 7,
        });
        recorder.name_lane(LaneInfo {
            lane: 0,
            name: "MainThread".into(),
            process: 0,
            kind: LaneKind::Thread,
        });
        recorder.state_at(0.0, 0, Activity::Cpu, 0, 1);
        recorder.state_at(4.0, 0, Activity::Done, 0, 9);
        let lesson = crate::lab::lessons::find("main-thread");
        let mut one_thread = run(Some(ProgramRecord::of(&recorder, "gil", 5.0)));
        one_thread.judge(lesson, 2);
        let verdict = one_thread.verdict.expect("judged");
        assert!(verdict.passed, "{}", verdict.text);
        recorder.name_lane(LaneInfo {
            lane: 1,
            name: "Thread-1 (work)".into(),
            process: 0,
            kind: LaneKind::Thread,
        });
        recorder.state_at(1.0, 1, Activity::Cpu, 0, 3);
        recorder.state_at(2.0, 1, Activity::Done, 0, 3);
        let mut two_threads = run(Some(ProgramRecord::of(&recorder, "gil", 5.0)));
        two_threads.judge(lesson, 2);
        assert!(!two_threads.verdict.expect("judged").passed);
        let mut unrecorded = run(None);
        unrecorded.judge(lesson, 2);
        assert_eq!(unrecorded.verdict, None, "nothing to judge");
    }

    #[test]
    fn a_runtime_error_is_marked_at_the_deepest_line_of_the_program() {
        let stderr = "Traceback (most recent call last):\n  File \"<lab>\", line 9, in <module>\n    main()\n  File \"<lab>\", line 4, in main\n    return 1 / 0\n           ~~^~~\nZeroDivisionError: division by zero\n";
        assert_eq!(
            error_mark(stderr),
            Some(ErrorMark {
                line: 4,
                message: "ZeroDivisionError: division by zero".into()
            })
        );
    }

    #[test]
    fn a_syntax_error_is_marked_at_its_line() {
        let stderr =
            "  File \"<lab>\", line 3\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n";
        let mark = error_mark(stderr).expect("a mark");
        assert_eq!(
            (mark.line, mark.message.as_str()),
            (3, "SyntaxError: invalid syntax")
        );
    }

    #[test]
    fn only_the_last_traceback_counts_and_other_files_give_no_mark() {
        let thread = "Exception in thread Thread-1 (work):\nTraceback (most recent call last):\n  File \"<lab>\", line 2, in work\nValueError: x\n";
        let main = "Traceback (most recent call last):\n  File \"<lab>\", line 7, in <module>\nKeyError: 'k'\n";
        assert_eq!(
            error_mark(&format!("{thread}{main}")).map(|m| m.line),
            Some(7)
        );
        assert_eq!(
            error_mark("KeyboardInterrupt: the program was cancelled\n"),
            None
        );
        let inner =
            "Traceback (most recent call last):\n  File \"threading.py\", line 2\nValueError: x\n";
        assert_eq!(error_mark(inner), None);
    }
}

//! The controller's lab: editing the program, opening lessons, running and
//! cancelling programs, for the lab's buttons and the JavaScript API alike.

use super::super::controller::Controller;
use std::rc::Rc;
use threadline_core::lab::lessons;
use threadline_core::lab::run::{FILENAME, LabPhase, LabRun, error_mark};
use threadline_core::page::Action;
use threadline_web::python::PythonRun;

impl Controller {
    /// The reader edited the program: it becomes the `code` of the URL,
    /// unless it is again exactly the lesson's (or the starter's) own.
    pub fn edit_program(&self, text: String) {
        let state = self.store().state();
        let original = state
            .params
            .lab
            .lesson
            .as_deref()
            .and_then(lessons::find)
            .map_or(lessons::STARTER, |lesson| lesson.program);
        let mut params = state.params.clone();
        params.lab.code = (text != original).then_some(text);
        if params != state.params {
            self.store().dispatch(Action::Configure(params, Vec::new()));
        }
    }

    /// Opens lesson `id` (with its own program), or the bare lab.
    pub fn open_lesson(&self, id: Option<&str>) {
        let mut pairs = vec![
            ("view".into(), "lab".into()),
            ("lesson".into(), id.unwrap_or_default().into()),
            ("code".into(), String::new()),
        ];
        // A lesson runs on the build it was written for (`gil` unless it
        // says), not on the one the lesson before it chose.
        if let Some(lesson) = id.and_then(lessons::find) {
            let build = lesson.build().unwrap_or_default();
            pairs.push(("build".into(), build.id().into()));
        }
        self.configure(pairs);
    }

    /// Whether a program is running.
    pub fn program_running(&self) -> bool {
        self.store().state().lab_phase == LabPhase::Running
    }

    /// Runs `code` (the editor's program when `None`) on the lab's build and
    /// resolves with how it ran. Fails only when the page cannot run
    /// programs at all, never because the program failed.
    pub async fn run_program(self: Rc<Self>, code: Option<String>) -> Result<Rc<LabRun>, String> {
        let state = self.store().state();
        if self.program_running() {
            return Err("a program is already running; cancel it first".into());
        }
        if !state.phase.can_run() {
            return Err("the page is still starting".into());
        }
        if let Some(code) = &code {
            self.edit_program(code.clone());
        }
        let state = self.store().state();
        let program = state.program().to_string();
        let lab = &state.params.lab;
        let (build, fallback) = lab.build.runnable(state.env.threads_off.as_deref());
        self.store().dispatch(Action::LabStarted);
        let ran =
            threadline_web::python::run(&program, FILENAME, build.id(), lab.interval_us).await;
        match ran {
            Ok(PythonRun {
                stdout,
                stderr,
                exit_code,
                wall_ms,
                record,
            }) => {
                let mut run = LabRun {
                    error: (exit_code != 0).then(|| error_mark(&stderr)).flatten(),
                    program,
                    build,
                    fallback,
                    stdout,
                    stderr,
                    exit_code,
                    wall_ms,
                    record: record.map(|r| *r),
                    verdict: None,
                };
                let lesson = lab.lesson.as_deref().and_then(lessons::find);
                run.judge(lesson, state.env.cores as u32);
                self.store().dispatch(Action::LabDone(Box::new(run)));
                Ok(self
                    .store()
                    .state()
                    .lab_run
                    .clone()
                    .ok_or("the run was not kept")?)
            }
            Err(why) => {
                self.store().dispatch(Action::LabFailed(why.clone()));
                Err(why)
            }
        }
    }

    /// Stops the program running, if any. Never blocks.
    pub fn cancel_program(&self) {
        threadline_web::python::cancel();
    }
}

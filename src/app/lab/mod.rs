//! The lab: a Python program (a lesson's or the reader's own) in a real
//! editor, run by Threadline Python in a worker, with what it printed.

pub mod api;
mod control;
mod editor;
mod index;
mod output;
mod run_bar;
mod standing;

use super::controller::Controller;
use super::embed_snippet::EmbedSnippet;
use super::exports::Exports;
use super::legend::Legend;
use super::replay_bar::ReplayBar;
use super::timeline::Timeline;
use super::timeline::source::shown_lab_run;
use editor::Editor;
use index::LessonIndex;
use output::ProgramOutput;
use run_bar::RunBar;
use std::rc::Rc;
use threadline_core::lab::Build;
use threadline_core::lab::claims::Verdict;
use threadline_core::lab::lessons;
use threadline_core::lab::run::LabPhase;
use threadline_core::page::PageState;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`Lab`].
#[derive(Properties, PartialEq)]
pub struct LabProps {
    /// The page's state.
    pub state: Rc<PageState>,
}

/// The lesson's claim: what it says before a run, and after one, whether
/// the run bore it out, with the figure measured.
fn lesson_check(says: &'static str, verdict: Option<&Verdict>) -> Html {
    match verdict {
        None => html! {
            <p class="lesson-check" data-testid="lesson-claim">
                <strong>{ "The claim: " }</strong>{ says }{ " Run the program to check it." }
            </p>
        },
        Some(verdict) => {
            let status = if verdict.passed { "pass" } else { "fail" };
            html! {
                <p class={classes!("lesson-check", status)} data-lesson-check="" data-status={status}
                   role="status">
                    <strong>{ if verdict.passed { "✔ Checked on this run: " } else { "✘ Not shown by this run: " } }</strong>
                    { &verdict.text }
                    if let Some(caveat) = &verdict.caveat {
                        <span class="caveat">{ format!(" ({caveat})") }</span>
                    }
                </p>
            }
        }
    }
}

/// The lab view.
#[component]
pub fn Lab(props: &LabProps) -> Html {
    let Some(controller) = use_context::<Rc<Controller>>() else {
        return Html::default();
    };
    let state = &props.state;
    let lab = &state.params.lab;
    let lesson = lab.lesson.as_deref().and_then(lessons::find);
    let running = state.lab_phase == LabPhase::Running;
    let on_change = {
        let controller = controller.clone();
        Callback::from(move |text: String| controller.edit_program(text))
    };
    let on_run = {
        let controller = controller.clone();
        Callback::from(move |()| {
            if !controller.program_running() {
                let controller = controller.clone();
                spawn_local(async move {
                    let _ = controller.run_program(None).await;
                });
            }
        })
    };
    let shown_run = state
        .lab_run
        .clone()
        .filter(|run| run.program == state.program());
    let error = shown_run.as_ref().and_then(|run| run.error.clone());
    let (_, fallback) = lab.build.runnable(state.env.threads_off.as_deref());
    let threads = standing::use_thread_markers(shown_lab_run(state).cloned(), state.scheme());
    // The interpreter warms up as the lab opens, so that the first run
    // measures the program, not the engine's compiling (see `warm_up`).
    // The module of the build chosen; another is warmed when first run.
    use_effect_with(lab.build, |build| {
        spawn_local(threadline_web::python::warm_up(build.id()));
    });
    html! {
        <div class="lab" data-testid="lab">
            <LessonIndex current={lab.lesson.clone().map(AttrValue::from)} {running} />
            <section class="lab-main" aria-label="The program">
                <header class="lab-head">
                    <h2>{ lesson.map_or("Your own program", |l| l.title) }</h2>
                    if let Some(lesson) = lesson {
                        <p class="lesson-concept">{ lesson.concept }</p>
                        <p class="lesson-text">{ lesson.text }</p>
                        <p class="lesson-look"><strong>{ "Look for: " }</strong>{ lesson.look_for }</p>
                    }
                </header>
                <Editor text={AttrValue::from(state.program().to_string())} {error}
                        {threads} {on_change} {on_run} />
                <RunBar build={lab.build} interval_us={lab.interval_us} {running}
                        ready={state.phase.can_run()} {fallback} />
                <EmbedSnippet params={state.params.clone()} />
                <ProgramOutput run={state.lab_run.clone()} phase={state.lab_phase.clone()} scheme={state.scheme()} />
                if let Some(lesson) = lesson {
                    { lesson_check(lesson.claim.says, shown_run.as_ref().and_then(|r| r.verdict.as_ref())) }
                }
                if shown_lab_run(state).is_some() {
                    <section class="lab-timeline" aria-label="Every thread of the run">
                        <Legend modes={Vec::new()} axis={state.params.axis} scheme={state.scheme()}
                                program={Some(shown_lab_run(state).is_some_and(|r| r.build == Build::Gil))} />
                        <Timeline state={state.clone()} />
                        <div class="stage-foot">
                            <ReplayBar {running} />
                            <Exports {running} />
                        </div>
                    </section>
                }
            </section>
        </div>
    }
}

//! The page's reducer and the facts it gives.

use super::*;
use crate::workload::Workload;

fn page() -> PageState {
    let env = Env {
        cores: 2,
        isolated: true,
        threads_off: None,
    };
    let (params, notices) = Params::from_pairs([("tasks", "nine")]);
    PageState::new(env, params, notices, Scheme::Light)
}

#[test]
fn a_page_goes_from_loading_to_ready_to_running_to_done() {
    let page = page();
    assert_eq!(page.facts().state, "loading");
    assert!(!page.phase.can_run());
    let page = page.reduce(Action::Booted(Network::ServiceWorker));
    assert!(page.phase.can_run());
    let page = page.reduce(Action::Started(page.params.clone()));
    assert_eq!((page.facts().state, page.generation), ("running", 1));
    let record = ModeRecord::unavailable(Mode::Gil, Workload::Primes, 8, 2, "x".into());
    let page = page.reduce(Action::ModeDone(Box::new(record)));
    assert_eq!((page.records.len(), page.summaries.len()), (1, 1));
    let page = page.reduce(Action::Finished);
    assert_eq!(page.facts().state, "done");
    let page = page.reduce(Action::Started(page.params.clone()));
    assert!(page.records.is_empty(), "a new comparison starts empty");
}

#[test]
fn in_the_lab_the_state_follows_its_program_once_the_page_is_ready() {
    let (params, _) = Params::from_pairs([("view", "lab")]);
    let page = page().reduce(Action::Configure(params, Vec::new()));
    assert_eq!(page.facts().state, "loading");
    let page = page.reduce(Action::Booted(Network::ServiceWorker));
    assert_eq!(page.facts().state, "ready");
    let page = page.reduce(Action::LabStarted);
    assert_eq!((page.facts().state, page.lab_runs), ("running", 1));
    let run = crate::lab::run::LabRun {
        program: page.program().to_string(),
        build: crate::lab::Build::Gil,
        fallback: None,
        stdout: "hi\n".into(),
        stderr: String::new(),
        exit_code: 0,
        wall_ms: 3.0,
        error: None,
        record: None,
        verdict: None,
    };
    let page = page.reduce(Action::LabDone(Box::new(run)));
    assert_eq!(page.facts().state, "done");
    assert_eq!(
        page.lab_run.as_ref().map(|r| r.stdout.as_str()),
        Some("hi\n")
    );
    let (compare, _) = page.params.clone().with_pairs([("view", "compare")]);
    let page = page.reduce(Action::Configure(compare, Vec::new()));
    assert_eq!(page.facts().state, "ready", "the comparison's own phase");
}

#[test]
fn the_editor_holds_the_edit_else_the_lesson_else_the_starter() {
    let page = page();
    assert_eq!(page.program(), crate::lab::lessons::STARTER);
    let (lesson, _) = page.params.clone().with_pairs([("lesson", "main-thread")]);
    let page = page.reduce(Action::Configure(lesson, Vec::new()));
    assert!(page.program().contains("current_thread"));
    let code = crate::lab::code::encode("print(1)\n");
    let (edited, _) = page.params.clone().with_pairs([("code", code)]);
    let page = page.reduce(Action::Configure(edited, Vec::new()));
    assert_eq!(page.program(), "print(1)\n");
}

#[test]
fn the_same_correction_is_noted_once() {
    let page = page();
    assert_eq!(page.notices.len(), 1);
    let (params, notices) = page.params.clone().with_pairs([("tasks", "nine")]);
    let page = page.reduce(Action::Configure(params, notices));
    assert_eq!(page.notices.len(), 1, "not repeated");
    let page = page.reduce(Action::DismissNotice(0));
    assert!(page.notices.is_empty());
    assert_eq!(
        page.reduce(Action::DismissNotice(5)),
        page,
        "out of range: nothing"
    );
}

#[test]
fn the_scheme_follows_the_theme_and_for_auto_the_system() {
    let page = page().reduce(Action::SystemScheme(Scheme::Dark));
    assert_eq!(page.scheme(), Scheme::Dark, "auto follows the system");
    let (light, _) = page.params.clone().with_pairs([("theme", "light")]);
    let page = page.reduce(Action::Configure(light, Vec::new()));
    assert_eq!(page.scheme(), Scheme::Light);
}

#[test]
fn planned_lanes_follow_the_shown_settings() {
    let page = page();
    let (params, _) = page
        .params
        .clone()
        .with_pairs([("workers", "3"), ("tasks", "4")]);
    let page = page.reduce(Action::Started(params));
    assert_eq!(page.planned_lanes(Mode::Procs), 3);
    assert_eq!(page.planned_lanes(Mode::Async), 5);
    assert_eq!(page.planned_lanes(Mode::Seq), 1);
}

//! Reading settings from URLs: corrections, presets, permalinks.

use super::*;
use crate::lab::Build;

#[test]
fn toggling_a_mode_keeps_the_order_and_never_leaves_none() {
    let (params, _) = parse(&[("modes", "seq,procs")]);
    let params = params.toggle_mode(Mode::Threads);
    assert_eq!(params.modes, [Mode::Seq, Mode::Threads, Mode::Procs]);
    let params = params.toggle_mode(Mode::Seq).toggle_mode(Mode::Procs);
    assert_eq!(params.modes, [Mode::Threads]);
    assert_eq!(
        params.clone().toggle_mode(Mode::Threads).modes,
        [Mode::Threads]
    );
    let (preset, _) = parse(&[("scenario", "gil")]);
    assert_eq!(
        preset.toggle_mode(Mode::Async).scenario,
        None,
        "no longer the preset"
    );
}

fn parse(pairs: &[(&str, &str)]) -> (Params, Vec<Notice>) {
    Params::from_pairs(pairs.iter().copied())
}

fn keys(notices: &[Notice]) -> Vec<&str> {
    notices.iter().map(|n| n.key.as_str()).collect()
}

#[test]
fn no_input_gives_the_default_scenario_without_notices() {
    let (params, notices) = parse(&[]);
    assert!(notices.is_empty());
    assert_eq!(params.scenario.as_deref(), Some("cpu-bound"));
    assert_eq!(params.modes, Mode::ALL);
    assert_eq!(params.to_query(), "scenario=cpu-bound");
}

#[test]
fn out_of_range_values_are_clamped_and_named() {
    let (params, notices) = parse(&[
        ("tasks", "999"),
        ("work", "0"),
        ("latency", "-5"),
        ("workers", "65"),
    ]);
    assert_eq!(
        (params.tasks, params.work, params.latency_ms, params.workers),
        (256, 1, 0, Some(64))
    );
    assert_eq!(keys(&notices), ["tasks", "work", "latency", "workers"]);
    assert!(
        notices[0].message.contains("above the maximum; using 256"),
        "{:?}",
        notices[0]
    );
}

#[test]
fn nonsense_falls_back_and_unknown_keys_are_ignored_with_a_notice() {
    let (params, notices) = parse(&[
        ("tasks", "lots"),
        ("workload", "sleep"),
        ("utm_source", "blog"),
        ("theme", "pink"),
    ]);
    let defaults = Params::default();
    assert_eq!(
        (params.tasks, params.workload, params.theme),
        (defaults.tasks, defaults.workload, Theme::Auto)
    );
    assert_eq!(keys(&notices), ["tasks", "workload", "utm_source", "theme"]);
}

#[test]
fn a_scenario_is_applied_first_and_keys_beside_it_win() {
    let (params, notices) = parse(&[("tasks", "3"), ("scenario", "io-bound")]);
    assert!(notices.is_empty());
    assert_eq!(
        (params.workload, params.tasks, params.latency_ms),
        (Workload::Download, 3, 300)
    );
    assert_eq!(params.scenario, None, "no longer the preset");
    assert!(params.to_query().contains("tasks=3"));
}

#[test]
fn modes_keep_order_drop_unknowns_and_never_end_empty() {
    let (params, notices) = parse(&[("modes", "async,seq,fibers,seq")]);
    assert_eq!(params.modes, [Mode::Async, Mode::Seq]);
    assert_eq!(keys(&notices), ["modes"]);
    let (params, notices) = parse(&[("modes", ",,")]);
    assert_eq!(params.modes, Mode::ALL);
    assert_eq!(keys(&notices), ["modes"]);
}

#[test]
fn failures_name_existing_tasks_only() {
    let (params, notices) = parse(&[("tasks", "4"), ("fail", "3,x,9,1")]);
    assert_eq!(params.fail, [1, 3]);
    assert_eq!(keys(&notices), ["fail", "fail"]);
}

#[test]
fn workers_default_to_the_cores() {
    let (params, _) = parse(&[]);
    assert_eq!(params.workers_or(6), 6);
    let (params, _) = parse(&[("workers", "15")]);
    assert_eq!(params.workers_or(2), 15);
}

#[test]
fn the_lab_keys_round_trip_through_the_url() {
    let program = "import threading\nprint('hi')\n";
    let code = crate::lab::code::encode(program);
    let (params, notices) = parse(&[
        ("build", "one-core"),
        ("interval", "0.5"),
        ("code", &code),
        ("theme", "dark"),
    ]);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(params.view, View::Lab, "a program opens the lab");
    assert_eq!(params.lab.code.as_deref(), Some(program));
    assert_eq!(params.lab.build, Build::OneCore);
    assert_eq!(params.lab.interval_us, 500);
    let query = params.to_query();
    assert!(
        !query.contains("scenario"),
        "the lab's URL holds its own keys: {query}"
    );
    let pairs: Vec<(String, String)> = query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let (again, _) = Params::from_pairs(pairs);
    assert_eq!(again.lab, params.lab);
    assert_eq!((again.view, again.theme), (View::Lab, Theme::Dark));
    let (lesson, _) = parse(&[("lesson", "main-thread")]);
    assert_eq!(lesson.to_query(), "view=lab&lesson=main-thread");
    // A lesson about a build opens on it; a build given after it wins.
    let (free, _) = parse(&[("build", "one-core"), ("lesson", "free-threaded")]);
    assert_eq!(free.lab.build, Build::FreeThreaded);
    assert_eq!(
        free.to_query(),
        "view=lab&lesson=free-threaded&build=free-threaded"
    );
    let (chosen, _) = parse(&[("lesson", "one-core"), ("build", "gil")]);
    assert_eq!(chosen.lab.build, Build::Gil);
    let (kept, _) = parse(&[("build", "one-core"), ("lesson", "race")]);
    assert_eq!(
        kept.lab.build,
        Build::OneCore,
        "other lessons keep the build"
    );
}

#[test]
fn bad_lab_values_are_named_and_ignored() {
    let (params, notices) = parse(&[
        ("view", "editor"),
        ("lesson", "no-such-lesson"),
        ("build", "pypy"),
        ("interval", "0"),
        ("code", "%%%"),
    ]);
    assert_eq!(
        keys(&notices),
        ["view", "lesson", "build", "interval", "code"]
    );
    assert_eq!(params.view, View::Compare);
    assert_eq!(params.lab.build, Build::Gil);
    assert_eq!(params.lab.interval_us, 100, "clamped to 0.1 ms");
    assert_eq!(params.lab.lesson, None);
    assert_eq!(params.lab.code, None);
    assert!(notices[4].message.contains("not URL-safe base64"));
}

//! Property tests: no input breaks the settings, and a permalink reproduces
//! them exactly.

use proptest::prelude::*;
use threadline_core::params::{LATENCY, Params, TASKS, WORK, WORKERS};

const KEYS: &[&str] = &[
    "scenario", "workload", "tasks", "work", "workers", "latency", "modes", "autorun", "embed",
    "theme", "fail", "axis", "bogus",
];

fn pair() -> impl Strategy<Value = (String, String)> {
    let key = prop_oneof![prop::sample::select(KEYS).prop_map(String::from), ".{0,8}"];
    let value = prop_oneof![
        "-?[0-9]{1,12}",
        ".{0,12}",
        "(seq|threads|gil|procs|async|x)(,(seq|threads|gil|procs|async|x)){0,4}",
        "(cpu-bound|io-bound|gil|mixed|nope)",
    ];
    (key, value)
}

proptest! {
    #[test]
    fn any_input_gives_valid_settings(pairs in prop::collection::vec(pair(), 0..12)) {
        let (params, notices) = Params::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        prop_assert!(TASKS.contains(&params.tasks));
        prop_assert!(WORK.contains(&params.work));
        prop_assert!(LATENCY.contains(&params.latency_ms));
        prop_assert!(params.workers.is_none_or(|w| WORKERS.contains(&w)));
        prop_assert!(!params.modes.is_empty());
        prop_assert!(params.fail.iter().all(|&i| i < params.tasks));
        for notice in &notices {
            prop_assert!(!notice.message.is_empty());
        }
    }

    #[test]
    fn a_permalink_reproduces_the_settings(pairs in prop::collection::vec(pair(), 0..12)) {
        let (params, _) = Params::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let query = params.to_query();
        let again: Vec<(&str, &str)> = query
            .split('&')
            .map(|part| part.split_once('=').unwrap_or((part, "")))
            .collect();
        let (reparsed, notices) = Params::from_pairs(again);
        prop_assert!(notices.is_empty(), "{query}: {notices:?}");
        prop_assert_eq!(reparsed, params);
    }
}

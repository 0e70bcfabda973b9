use super::*;

/// The lesson ids the contract lists (section 7), in its order.
const CONTRACT_IDS: [&str; 26] = [
    "main-thread",
    "thread-start-join",
    "join-in-loop",
    "pool-submit",
    "pool-map",
    "downloads",
    "gil-cpu",
    "gil-io",
    "convoy",
    "gil-release-native",
    "free-threaded",
    "one-core",
    "lifecycle",
    "object-refs",
    "processes",
    "main-guard",
    "process-pool",
    "more-procs-than-cores",
    "shared-state",
    "asyncio-gather",
    "asyncio-cpu",
    "race",
    "lock",
    "deadlock",
    "subinterpreters",
    "cpu-count",
];

#[test]
fn every_lesson_of_the_contract_is_here_in_index_order() {
    let ids: Vec<&str> = LESSONS.iter().map(|l| l.id).collect();
    assert_eq!(ids, CONTRACT_IDS);
    let by_section: Vec<&str> = Section::ALL
        .iter()
        .flat_map(|&section| LESSONS.iter().filter(move |l| l.section == section))
        .map(|l| l.id)
        .collect();
    assert_eq!(
        by_section, ids,
        "the index, read section by section, is the same order"
    );
    assert_eq!(
        find("main-thread").map(|l| l.section),
        Some(Section::MainThread)
    );
    assert_eq!(find("nope"), None);
}

#[test]
fn texts_are_short_and_say_what_to_look_for() {
    for lesson in LESSONS {
        let words = lesson.text.split_whitespace().count();
        assert!(words <= 120, "{}: {words} words", lesson.id);
        assert!(words >= 40, "{}: {words} words say too little", lesson.id);
        let sentences = lesson.look_for.matches(". ").count() + 1;
        assert!(
            sentences <= 2,
            "{}: look_for has {sentences} sentences",
            lesson.id
        );
        for words in [
            lesson.title,
            lesson.concept,
            lesson.look_for,
            lesson.claim.says,
        ] {
            assert!(!words.trim().is_empty(), "{}", lesson.id);
            assert!(!words.contains("  "), "{}: {words:?}", lesson.id);
        }
        assert!(!lesson.concept.contains('`'), "{}: plain text", lesson.id);
    }
}

#[test]
fn every_program_prints_and_no_two_lessons_share_one() {
    let mut programs: Vec<&str> = LESSONS.iter().map(|l| l.program).collect();
    assert!(programs.iter().all(|p| p.contains("print(")));
    programs.sort_unstable();
    programs.dedup();
    assert_eq!(programs.len(), LESSONS.len());
    assert!(find("main-thread").is_some_and(|l| l.program.contains("threading.current_thread()")));
}

#[test]
fn a_lesson_lists_its_claim_in_words_but_not_its_check() {
    let json = serde_json::to_value(find("race").expect("race")).expect("json");
    assert_eq!(
        json["claim"]["says"],
        "Unsynchronised read-modify-write loses updates."
    );
    assert!(json["claim"].get("check").is_none());
    assert!(json.get("program").is_none());
    assert_eq!(json["section"], "synchronisation");
}

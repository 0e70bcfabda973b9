use super::*;
use crate::clock::SystemClock;

#[test]
fn marks_are_timed_from_the_start_and_read_incrementally() {
    let recorder = Recorder::start(Arc::new(SystemClock::default()), true);
    recorder.mark(0, Activity::Cpu, Some(3));
    let (mut cursor, mut out) = (0, Vec::new());
    recorder.read_new(&mut cursor, &mut out);
    recorder.mark(0, Activity::Done, None);
    recorder.read_new(&mut cursor, &mut out);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].task, Some(3));
    assert!(out[0].at_us >= 0.0 && out[1].at_us >= out[0].at_us);
}

#[test]
fn a_lane_never_goes_back_in_time() {
    let recorder = Recorder::start(Arc::new(SystemClock::default()), true);
    let origin = recorder.origin_ms();
    recorder.mark_at_ms(origin + 5.0, 1, Activity::Cpu, None);
    recorder.mark_at_ms(origin + 4.0, 1, Activity::Idle, None);
    recorder.mark_at_ms(origin + 1.0, 2, Activity::Idle, None);
    let at: Vec<f64> = recorder.marks().iter().map(|m| m.at_us.round()).collect();
    assert_eq!(at, [5000.0, 5000.0, 1000.0], "lane 2 has its own time");
}

#[test]
fn a_disabled_recorder_keeps_nothing() {
    let recorder = Recorder::start(Arc::new(SystemClock::default()), false);
    recorder.mark(0, Activity::Cpu, None);
    assert!(recorder.marks().is_empty());
}

#[test]
fn concurrent_writers_lose_no_marks() {
    let recorder = Recorder::start(Arc::new(SystemClock::default()), true);
    std::thread::scope(|scope| {
        for lane in 0..4u16 {
            let recorder = &recorder;
            scope.spawn(move || {
                (0..1000).for_each(|i| {
                    recorder.mark(lane, Activity::Cpu, Some(i));
                })
            });
        }
    });
    let marks = recorder.marks();
    assert_eq!(marks.len(), 4000);
    for lane in 0..4u16 {
        let tasks: Vec<_> = marks
            .iter()
            .filter(|m| m.lane == lane)
            .map(|m| m.task)
            .collect();
        assert_eq!(
            tasks,
            (0..1000).map(Some).collect::<Vec<_>>(),
            "lane {lane} in order"
        );
    }
}

//! Claims about starting threads, joining them, and pools of them.

use super::measure::{View, concurrency, extent_len, longest_shared, total};
use super::words::{count, duration, int_after, ratio, sequence, times};
use super::{ClaimInput, Verdict};
use crate::record::Activity;

/// Two lanes alive at the same time for less than this are not (a thread
/// ends a moment after it hands its last result over).
const TOUCH_US: f64 = 1000.0;

/// `thread-start-join`: started together, the threads were all alive at
/// once.
pub fn thread_start_join(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let workers = view.workers();
    if workers.len() < 2 {
        return Verdict::missing(format!(
            "{} besides the main one",
            count(workers.len(), "thread", "threads")
        ));
    }
    let lives = view.lifetimes(&workers);
    let (peak, together) = concurrency(&lives, workers.len());
    let waited = total(&view.blocked(&workers));
    let took = extent_len(&lives);
    if peak == workers.len() && together > TOUCH_US {
        Verdict::new(
            true,
            format!(
                "all {} threads were alive at once for {}: they finished in {}, against {} of waiting in all",
                workers.len(),
                duration(together),
                duration(took),
                duration(waited)
            ),
        )
    } else {
        Verdict::new(
            false,
            format!(
                "{} threads, but at most {peak} alive at once: they took {} for {} of waiting",
                workers.len(),
                duration(took),
                duration(waited)
            ),
        )
    }
}

/// `join-in-loop`: a join inside the start loop, and no two threads ever
/// ran at the same time.
pub fn join_in_loop(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let workers = view.workers();
    if workers.len() < 2 {
        return Verdict::missing(format!(
            "{} besides the main one",
            count(workers.len(), "thread", "threads")
        ));
    }
    let lives = view.lifetimes(&workers);
    let (overlap, pair) = longest_shared(&lives);
    let took = extent_len(&lives);
    let waited = total(&view.blocked(&workers));
    let shown = if overlap <= TOUCH_US { 0.0 } else { overlap };
    let detail = format!(
        "{} took {} one after another, the sum of their {} of waiting",
        count(workers.len(), "thread", "threads"),
        duration(took),
        duration(waited)
    );
    match pair {
        Some((a, b)) if overlap > TOUCH_US => Verdict::new(
            false,
            format!(
                "{} and {} ran at the same time for {}: the joins did not wait inside the loop",
                view.name(a),
                view.name(b),
                duration(overlap)
            ),
        ),
        _ => Verdict::new(
            true,
            format!(
                "no two worker threads ran at the same time: longest overlap {}; {detail}",
                duration(shown)
            ),
        ),
    }
}

/// The task numbers printed by `lanes` in lines containing `marker`, in
/// the order printed: the number after `task `.
fn printed_tasks(view: &View<'_>, lanes: &[u16], marker: &str) -> Vec<i64> {
    view.prints_where(|e| lanes.contains(&e.lane))
        .iter()
        .filter_map(|e| e.text.as_deref())
        .filter(|text| text.contains(marker))
        .filter_map(|text| int_after(text, "task "))
        .collect()
}

/// The order the pool's threads finished their tasks in, and the order the
/// main thread printed the results in.
fn finish_and_result_orders(view: &View<'_>) -> Option<(Vec<i64>, Vec<i64>)> {
    let main = view.main_lane()?;
    let finished = printed_tasks(view, &view.workers(), "finished");
    let results = printed_tasks(view, &[main], "result");
    (finished.len() >= 2 && results.len() >= 2).then_some((finished, results))
}

/// `pool-submit`: `as_completed` hands results over in the order the tasks
/// finished.
pub fn pool_submit(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let Some((finished, results)) = finish_and_result_orders(&view) else {
        return Verdict::missing(
            "no `task N finished` lines from the pool's threads and `result` lines from MainThread to compare",
        );
    };
    let mut submitted = finished.clone();
    submitted.sort_unstable();
    let passed = results == finished;
    let text = if passed {
        format!(
            "results came in the order the tasks finished, {}, not in the order submitted, {}",
            sequence(&results),
            sequence(&submitted)
        )
    } else {
        format!(
            "results came in the order {}, but the tasks finished {}",
            sequence(&results),
            sequence(&finished)
        )
    };
    Verdict::new(passed, text)
}

/// `pool-map`: `map` hands results over in input order, whatever order the
/// tasks finished in.
pub fn pool_map(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let Some((finished, results)) = finish_and_result_orders(&view) else {
        return Verdict::missing(
            "no `task N finished` lines from the pool's threads and `result` lines from MainThread to compare",
        );
    };
    let mut input = finished.clone();
    input.sort_unstable();
    let passed = results == input;
    let how = if finished == input {
        "the order they also happened to finish in".to_string()
    } else {
        format!("though the tasks finished {}", sequence(&finished))
    };
    let text = if passed {
        format!("results came in input order, {}, {how}", sequence(&results))
    } else {
        format!(
            "results came in the order {}, not in input order, {}",
            sequence(&results),
            sequence(&input)
        )
    };
    Verdict::new(passed, text)
}

/// `downloads`: the pool's downloads overlap, so the batch takes a fraction
/// of the time it takes one after another.
pub fn downloads(run: &ClaimInput<'_>) -> Verdict {
    let view = View::of(run.record);
    let Some(main) = view.main_lane() else {
        return Verdict::missing("no main thread");
    };
    let alone = view.doing(&[main], Activity::Io);
    let workers = view.workers();
    let pooled = view.doing(&workers, Activity::Io);
    if alone.len() < 2 || pooled.len() < 2 {
        return Verdict::missing(format!(
            "{} by MainThread and {} by the pool: too few to compare",
            count(alone.len(), "download", "downloads"),
            count(pooled.len(), "download", "downloads")
        ));
    }
    let (one_by_one, with_pool) = (extent_len(&alone), extent_len(&pooled));
    let speedup = ratio(one_by_one, with_pool);
    let (peak, _) = concurrency(&pooled, 2);
    let text = format!(
        "{} one after another took {}; a pool of {} took {}, up to {peak} at once: {} as fast",
        count(alone.len(), "download", "downloads"),
        duration(one_by_one),
        count(workers.len(), "thread", "threads"),
        duration(with_pool),
        times(speedup)
    );
    Verdict::new(speedup >= 1.5 && peak >= 2, text)
}

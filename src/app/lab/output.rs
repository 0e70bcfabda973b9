//! What the program printed, and how it ended. Each line is tied to the
//! thread that printed it: choosing a line moves the replay's playhead to
//! the moment it was printed and points at that thread's lane; lines
//! printed after the playhead are dimmed.

use super::super::replay::ReplayHandle;
use super::super::results::format_ms;
use std::rc::Rc;
use threadline_core::lab::output::{OutputLine, output_lines};
use threadline_core::lab::run::{LabPhase, LabRun};
use threadline_core::style::{Scheme, lane_hue};
use yew::prelude::*;

/// Props of [`ProgramOutput`].
#[derive(Properties, PartialEq)]
pub struct ProgramOutputProps {
    /// The last finished run.
    pub run: Option<Rc<LabRun>>,
    /// Where the lab is.
    pub phase: LabPhase,
    /// The colour scheme in force (the lines' thread colours).
    pub scheme: Scheme,
}

fn ending(run: &LabRun) -> String {
    let took = format!("{:.0} ms", run.wall_ms);
    match run.exit_code {
        0 => format!("finished in {took}"),
        130 => format!("cancelled after {took}"),
        code => format!("ended with exit status {code} after {took}"),
    }
}

/// The run's lines, with the name of the lane that printed each.
fn lines_of(run: &LabRun) -> Vec<(OutputLine, Option<String>)> {
    let events = run.record.as_ref().map_or(&[][..], |r| &r.events[..]);
    output_lines(&run.stdout, &run.stderr, events)
        .into_iter()
        .map(|line| {
            let name = line.printed.and_then(|(lane, _)| {
                run.record
                    .as_ref()
                    .and_then(|r| r.lane(lane))
                    .map(|info| info.name.clone())
            });
            (line, name)
        })
        .collect()
}

/// Where a key moves the choice among the tied lines.
#[derive(Clone, Copy)]
enum Move {
    Next,
    Previous,
    First,
    Last,
}

impl Move {
    fn of_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowDown" => Move::Next,
            "ArrowUp" => Move::Previous,
            "Home" => Move::First,
            "End" => Move::Last,
            _ => return None,
        })
    }
}

/// The index of the tied line `step` leads to from `from`, if any.
fn next_tied(
    lines: &[(OutputLine, Option<String>)],
    from: Option<usize>,
    step: Move,
) -> Option<usize> {
    let tied = |i: &usize| lines[*i].0.printed.is_some();
    match (from, step) {
        (None, Move::Next) | (_, Move::First) => (0..lines.len()).find(tied),
        (None, Move::Previous) | (_, Move::Last) => (0..lines.len()).rev().find(tied),
        (Some(at), Move::Next) => (at + 1..lines.len()).find(tied),
        (Some(at), Move::Previous) => (0..at).rev().find(tied),
    }
}

/// Scrolls line `index` into view, as little as needed.
fn reveal(index: usize) {
    let line = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("py-line-{index}")));
    if let Some(line) = line {
        line.scroll_into_view_with_bool(false);
    }
}

/// One stream's lines.
fn stream(lines: &[(OutputLine, Option<String>)], stderr: bool, view: &LineView<'_>) -> Html {
    lines
        .iter()
        .enumerate()
        .filter(|(_, (line, _))| line.stderr == stderr)
        .map(|(i, (line, name))| {
            let text = format!("{}\n", line.text);
            match (line.printed, name) {
                (Some((lane, at_us)), Some(name)) => {
                    let later = view.playhead_us.is_some_and(|p| at_us > p);
                    let class = classes!(
                        "py-line",
                        later.then_some("later"),
                        (view.lane == Some(lane)).then_some("pointed"),
                        (view.chosen == Some(i)).then_some("chosen"),
                    );
                    let onclick = view.choose.reform(move |_: MouseEvent| i);
                    html! {
                        <span {class} id={format!("py-line-{i}")} role="option"
                              aria-selected={(view.chosen == Some(i)).to_string()}
                              data-lane={lane.to_string()}
                              data-thread={name.clone()} data-at-ms={format!("{:.3}", at_us / 1000.0)}
                              style={format!("--thread: {}", lane_hue(lane, view.scheme))}
                              title={format!("{name}, at {}", format_ms(at_us / 1000.0))}
                              {onclick}>{ text }</span>
                    }
                }
                // A line no thread is known to have printed: read, never chosen.
                _ => html! {
                    <span class="py-line untied" role="option" aria-disabled="true">{ text }</span>
                },
            }
        })
        .collect()
}

/// A run compared by identity: comparing two records field by field on
/// every frame of a replay would cost more than the lines do.
struct SameRun(Option<Rc<LabRun>>);

impl PartialEq for SameRun {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

/// What the lines need to know to draw themselves.
struct LineView<'a> {
    playhead_us: Option<f64>,
    lane: Option<u16>,
    chosen: Option<usize>,
    scheme: Scheme,
    choose: &'a Callback<usize>,
}

/// The output pane: stdout and stderr as written, then how the run ended.
#[component]
pub fn ProgramOutput(props: &ProgramOutputProps) -> Html {
    let replay = use_context::<Rc<ReplayHandle>>();
    let update = use_force_update();
    let chosen = use_state_eq(|| None::<usize>);
    {
        let replay = replay.clone();
        use_effect_with((), move |_| {
            let subscription =
                replay.map(|r| r.subscribe(Callback::from(move |()| update.force_update())));
            move || drop(subscription)
        });
    }
    let status = match (&props.phase, &props.run) {
        (LabPhase::Running, _) => "running…".to_string(),
        (LabPhase::Failed(why), _) => format!("could not run: {why}"),
        (_, Some(run)) => ending(run),
        (_, None) => "not run yet".to_string(),
    };
    let run = props
        .run
        .as_ref()
        .filter(|_| props.phase != LabPhase::Running);
    let lines = use_memo(SameRun(run.cloned()), |run| {
        run.0.as_deref().map(lines_of).unwrap_or_default()
    });
    let shown = replay.as_ref().map(|r| r.get()).unwrap_or_default();
    let choose = {
        let (lines, replay, chosen) = (lines.clone(), replay.clone(), chosen.clone());
        Callback::from(move |i: usize| {
            if let (Some((lane, at_us)), Some(replay)) =
                (lines.get(i).and_then(|(l, _)| l.printed), replay.as_ref())
            {
                chosen.set(Some(i));
                replay.change(|r| r.point_at(at_us, lane));
            }
        })
    };
    let onkeydown = {
        let (lines, chosen, choose) = (lines.clone(), chosen.clone(), choose.clone());
        Callback::from(move |event: KeyboardEvent| {
            let Some(step) = Move::of_key(&event.key()) else {
                return;
            };
            if let Some(next) = next_tied(&lines, *chosen, step) {
                event.prevent_default();
                choose.emit(next);
                reveal(next);
            }
        })
    };
    let view = LineView {
        playhead_us: shown.playhead_us(),
        lane: shown.lane(),
        chosen: (*chosen).filter(|_| shown.playhead_us().is_some()),
        scheme: props.scheme,
        choose: &choose,
    };
    let active = view.chosen.map(|i| format!("py-line-{i}"));
    html! {
        <section class="py-output" aria-label="Output">
            <h3 class="py-output-title">{ "Output" } <span class="muted">{ format!(" — {status}") }</span></h3>
            <pre class="py-stream" data-testid="py-stdout" tabindex="0" onkeydown={onkeydown.clone()}
                 role="listbox" aria-activedescendant={active.clone()}
                 aria-label="Standard output: the up and down arrows, Home and End move the playhead from line to line">
                { stream(&lines, false, &view) }
            </pre>
            if run.is_some_and(|r| !r.stderr.is_empty()) {
                <pre class="py-stream py-stderr" data-testid="py-stderr" tabindex="0" {onkeydown}
                     role="listbox" aria-activedescendant={active} aria-label="Standard error">
                    { stream(&lines, true, &view) }
                </pre>
            }
            if let Some(run) = run {
                <p class="py-run" data-py-run="" data-exit-code={run.exit_code.to_string()}
                   data-build={run.build.id()} data-wall-ms={format!("{:.1}", run.wall_ms)}
                   data-lanes={run.record.as_ref().map_or(0, |r| r.lanes.len()).to_string()}>
                    { format!("{} · {}", run.build.title(), ending(run)) }
                </p>
            }
        </section>
    }
}

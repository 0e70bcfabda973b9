//! Each mode's figures: a card per mode (the `[data-run]` elements of the
//! contract), the summary table, and what the run produced.

use super::equivalent::PythonEquivalent;
use std::rc::Rc;
use threadline_core::params::Params;
use threadline_core::summary::{Status, Summary};
use yew::prelude::*;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// Figures of the finished modes.
    pub summaries: Rc<Vec<Summary>>,
    /// The settings they ran with.
    pub params: Rc<Params>,
}

/// Milliseconds as the page shows them.
pub fn format_ms(ms: f64) -> String {
    if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn card(summary: &Summary, params: &Rc<Params>) -> Html {
    let mode = summary.mode;
    let speedup = summary.speedup.map(|s| format!("{s:.2}"));
    html! {
        <article class={classes!("run-card", format!("status-{}", summary.status.id()))}
                 data-run="" data-mode={mode.id()} data-status={summary.status.id()}
                 data-wall-ms={format!("{:.1}", summary.wall_ms)}
                 data-tasks-done={summary.tasks_done.to_string()}
                 data-lanes={summary.lanes.to_string()}
                 data-checksum={summary.checksum.clone()}
                 data-speedup={speedup.clone()}>
            <header>
                <h3>{ mode.title() }</h3>
                <span class="python">{ mode.python() }</span>
            </header>
            if summary.status == Status::Unavailable {
                <p class="verdict">{ &summary.verdict }</p>
            } else {
                <p class="figures">
                    <span class="wall">{ format_ms(summary.wall_ms) }</span>
                    if let Some(s) = summary.speedup {
                        <span class="speedup">{ format!("{s:.1}×") }</span>
                    }
                </p>
                <p class="verdict">{ &summary.verdict }</p>
                if let (Status::Failed, Some(reason)) = (summary.status, &summary.reason) {
                    <p class="reason" data-testid="failure-reason">{ format!("Why: {reason}") }</p>
                }
                if summary.simulated_io {
                    <p class="caveat">{ "Downloads were simulated with timers on this page." }</p>
                }
                <p class="checksum" title="Checksum of the results: the same in every mode">
                    { "checksum " }<code>{ &summary.checksum }</code>
                    if summary.tasks_failed > 0 {
                        { format!(" · {} failed", summary.tasks_failed) }
                    }
                </p>
            }
            <PythonEquivalent {mode} params={params.clone()} />
        </article>
    }
}

fn row(summary: &Summary) -> Html {
    let dash = || "—".to_string();
    let ran = summary.status != Status::Unavailable;
    html! {
        <tr data-mode={summary.mode.id()}>
            <th scope="row">{ summary.mode.title() }</th>
            <td data-col="wall-ms" data-value={format!("{:.1}", summary.wall_ms)}>
                { if ran { format_ms(summary.wall_ms) } else { dash() } }</td>
            <td data-col="speedup" data-value={summary.speedup.map(|s| format!("{s:.2}"))}>
                { summary.speedup.map(|s| format!("{s:.2}×")).unwrap_or_else(dash) }</td>
            <td data-col="busy-ms">{ if ran { format_ms(summary.busy_ms) } else { dash() } }</td>
            <td data-col="utilisation">{ if ran { format!("{:.0} %", summary.utilisation * 100.0) } else { dash() } }</td>
            <td data-col="concurrency">{ if ran { format!("{:.2}", summary.concurrency) } else { dash() } }</td>
            <td data-col="lanes" data-value={summary.lanes.to_string()}>{ summary.lanes }</td>
            <td data-col="tasks-done" data-value={summary.tasks_done.to_string()}>
                { format!("{} / {}", summary.tasks_done, summary.tasks) }
                if summary.tasks_failed > 0 { { format!(" ({} failed)", summary.tasks_failed) } }
            </td>
            <td data-col="verdict" class="verdict-cell">{ &summary.verdict }</td>
        </tr>
    }
}

/// The cards, the table and the output.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    if props.summaries.is_empty() {
        return html! {};
    }
    html! {
        <section class="results" aria-label="Results">
            <div class="run-cards">{ for props.summaries.iter().map(|s| card(s, &props.params)) }</div>
            <div class="table-wrap">
                <table class="summary" data-testid="summary-table">
                    <caption>{ "Each mode, measured" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Mode" }</th>
                        <th scope="col">{ "Wall" }</th><th scope="col">{ "Speedup" }</th>
                        <th scope="col" title="Time lanes spent computing or waiting on the network">{ "Busy" }</th>
                        <th scope="col" title="busy / (wall × lanes)">{ "Utilisation" }</th>
                        <th scope="col" title="busy / wall: lanes busy on average">{ "Avg. concurrency" }</th>
                        <th scope="col">{ "Lanes" }</th><th scope="col">{ "Tasks done" }</th>
                        <th scope="col">{ "Verdict" }</th>
                    </tr></thead>
                    <tbody>{ for props.summaries.iter().map(row) }</tbody>
                </table>
            </div>
        </section>
    }
}

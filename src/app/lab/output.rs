//! What the program printed, and how it ended.

use std::rc::Rc;
use threadline_core::lab::run::{LabPhase, LabRun};
use yew::prelude::*;

/// Props of [`ProgramOutput`].
#[derive(Properties, PartialEq)]
pub struct ProgramOutputProps {
    /// The last finished run.
    pub run: Option<Rc<LabRun>>,
    /// Where the lab is.
    pub phase: LabPhase,
}

fn ending(run: &LabRun) -> String {
    let took = format!("{:.0} ms", run.wall_ms);
    match run.exit_code {
        0 => format!("finished in {took}"),
        130 => format!("cancelled after {took}"),
        code => format!("ended with exit status {code} after {took}"),
    }
}

/// The output pane: stdout and stderr as written, then how the run ended.
#[component]
pub fn ProgramOutput(props: &ProgramOutputProps) -> Html {
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
    html! {
        <section class="py-output" aria-label="Output">
            <h3 class="py-output-title">{ "Output" } <span class="muted">{ format!(" — {status}") }</span></h3>
            <pre class="py-stream" data-testid="py-stdout" tabindex="0">{ run.map(|r| r.stdout.clone()).unwrap_or_default() }</pre>
            if let Some(run) = run.filter(|r| !r.stderr.is_empty()) {
                <pre class="py-stream py-stderr" data-testid="py-stderr" tabindex="0">{ run.stderr.clone() }</pre>
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

//! Speedup against pool size: the same workload swept over 1…2×cores
//! workers in threads, gil and procs, against perfect scaling.

use super::controller::Controller;
use std::rc::Rc;
use threadline_core::mode::Mode;
use threadline_core::plot::{MARGINS, SweepPoint, path, plot, sweep_limit};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

const WIDTH: f64 = 520.0;
const HEIGHT: f64 = 300.0;

/// Props of [`Sweep`].
#[derive(Properties, PartialEq)]
pub struct SweepProps {
    /// Points measured so far.
    pub points: Rc<Vec<SweepPoint>>,
    /// Whether anything is running.
    pub busy: bool,
    /// Whether a sweep is running.
    pub sweeping: bool,
    /// The machine's cores.
    pub cores: u32,
}

fn series_class(mode: Mode) -> String {
    format!("series series-{}", mode.id())
}

/// The sweep button and the plot.
#[component]
pub fn Sweep(props: &SweepProps) -> Html {
    let Some(controller) = use_context::<Rc<Controller>>() else {
        return html! {};
    };
    let max_workers = sweep_limit(props.cores);
    let on_sweep = Callback::from(move |_| {
        let controller = controller.clone();
        spawn_local(async move {
            let _ = controller.sweep().await;
        });
    });
    let laid = plot(&props.points, max_workers, props.cores, WIDTH, HEIGHT);
    let (left, _, top, bottom) = MARGINS;
    let y_label = |v: f64| {
        if v.fract() == 0.0 {
            format!("{v:.0}×")
        } else {
            format!("{v:.1}×")
        }
    };
    html! {
        <section class="sweep" aria-label="Speedup against pool size">
            <header>
                <h2>{ "Speedup against pool size" }</h2>
                <button data-testid="sweep" onclick={on_sweep} disabled={props.busy}>
                    { if props.sweeping { "Sweeping…".to_string() } else { format!("Sweep 1–{max_workers} workers") } }
                </button>
            </header>
            <p class="hint">{ "Runs the current workload once sequentially, then in each pool mode with every pool size, and plots the measured speedup against perfect scaling." }</p>
            if !props.points.is_empty() {
                <svg class="plot" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" data-testid="sweep-plot"
                     aria-label={format!("{} measured points", props.points.len())}>
                    { for laid.y_ticks.iter().map(|&v| html! {
                        <g class="tick">
                            <line x1={left.to_string()} x2={(WIDTH - 16.0).to_string()} y1={laid.y.at(v).to_string()} y2={laid.y.at(v).to_string()} />
                            <text x={(left - 6.0).to_string()} y={(laid.y.at(v) + 4.0).to_string()} text-anchor="end">{ y_label(v) }</text>
                        </g>
                    }) }
                    { for laid.x_ticks.iter().map(|&w| html! {
                        <text class="tick" x={laid.x.at(f64::from(w)).to_string()} y={(HEIGHT - bottom + 16.0).to_string()} text-anchor="middle">{ w }</text>
                    }) }
                    <text class="axis-title" x={(WIDTH / 2.0).to_string()} y={(HEIGHT - 4.0).to_string()} text-anchor="middle">{ "workers" }</text>
                    <line class="cores" x1={laid.cores_x.to_string()} x2={laid.cores_x.to_string()} y1={top.to_string()} y2={(HEIGHT - bottom).to_string()} />
                    <text class="cores-label" x={(laid.cores_x + 4.0).to_string()} y={(top + 10.0).to_string()}>{ format!("{} cores", props.cores) }</text>
                    <path class="ideal" d={path(&laid.ideal)} />
                    { for laid.series.iter().map(|(mode, points)| html! {
                        <g class={series_class(*mode)}>
                            <path d={path(points)} />
                            { for points.iter().map(|(x, y)| html! { <circle cx={x.to_string()} cy={y.to_string()} r="3.5" /> }) }
                        </g>
                    }) }
                </svg>
                <ul class="plot-key">
                    <li class="ideal-key">{ "perfect scaling" }</li>
                    { for laid.series.iter().map(|(mode, _)| html! { <li class={series_class(*mode)}>{ mode.title() }</li> }) }
                </ul>
            }
        </section>
    }
}

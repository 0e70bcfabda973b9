//! The walking skeleton: cores, isolation, and a sequential versus threaded
//! prime count.

use crate::runtime::clock::BrowserClock;
use crate::runtime::env::Env;
use crate::runtime::pace::yield_to_browser;
use std::sync::Arc;
use threadline_core::digest::{combine, to_hex};
use threadline_core::model::{Driven, Job, Run, drive_cpu};
use threadline_core::record::Activity;
use threadline_core::task::Task;
use threadline_core::workload::Workload;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

const JOB: Job = Job {
    workload: Workload::Primes,
    tasks: 8,
    work: 10,
};

#[derive(Clone, Debug, PartialEq)]
struct Summary {
    mode: &'static str,
    wall_ms: f64,
    lanes: usize,
    checksum: String,
}

fn checksum(run: &Run) -> String {
    let mut results = run.results_so_far();
    results.sort_by_key(|r| r.index);
    to_hex(combine(
        results
            .iter()
            .filter_map(|r| r.outcome.as_ref().ok())
            .map(|o| o.digest),
    ))
}

async fn run_seq() -> Summary {
    let run = Run::new(JOB, 1, Arc::new(BrowserClock), true, None);
    while let Some(index) = run.take_task() {
        let mut task = Task::new(JOB.task(index));
        let outcome = match drive_cpu(&mut task, 0, &run.recorder, &run.cancel, None) {
            Driven::Finished(output) => Ok(output),
            other => Err(format!("{other:?}")),
        };
        run.finish_task(0, index, outcome);
        run.recorder.mark(0, Activity::Idle, None);
        yield_to_browser().await;
    }
    run.end_lane(0);
    Summary {
        mode: "seq",
        wall_ms: run.wall_ms().unwrap_or_default(),
        lanes: 1,
        checksum: checksum(&run),
    }
}

#[cfg(feature = "threads")]
async fn run_threads(lanes: usize) -> Summary {
    let run = Arc::new(Run::new(JOB, lanes, Arc::new(BrowserClock), true, None));
    let io = Arc::new(threadline_core::io::SimulatedIo {
        latency_ms: 0.0,
        fail: vec![],
        clock: Arc::new(BrowserClock),
    });
    crate::runtime::pool::run_on_pool(run.clone(), io).await;
    Summary {
        mode: "threads",
        wall_ms: run.wall_ms().unwrap_or_default(),
        lanes,
        checksum: checksum(&run),
    }
}

fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        let _ = root.set_attribute(name, value);
    }
}

/// The root component.
#[component]
pub fn App() -> Html {
    let env = use_memo((), |_| Env::detect());
    let pool_ready = use_state(|| !env.threads());
    let running = use_state(|| false);
    let results = use_state(Vec::<Summary>::new);

    {
        let env = env.clone();
        let pool_ready = pool_ready.clone();
        use_effect_with((), move |_| {
            set_root_attr("data-isolated", &env.isolated.to_string());
            set_root_attr("data-threads", &env.threads().to_string());
            set_root_attr("data-cores", &env.cores.to_string());
            #[cfg(feature = "threads")]
            spawn_local(async move {
                match crate::runtime::pool::start_global_pool(env.cores).await {
                    Ok(()) => pool_ready.set(true),
                    Err(why) => {
                        set_root_attr("data-state", "error");
                        web_sys::console::error_1(&why.into());
                    }
                }
            });
            #[cfg(not(feature = "threads"))]
            let _ = pool_ready;
        });
    }
    {
        let state = if !*pool_ready {
            "loading"
        } else if *running {
            "running"
        } else if results.is_empty() {
            "ready"
        } else {
            "done"
        };
        use_effect_with(state, |state| set_root_attr("data-state", state));
    }

    let on_run = {
        let (running, results, env) = (running.clone(), results.clone(), env.clone());
        Callback::from(move |_| {
            let (running, results, env) = (running.clone(), results.clone(), env.clone());
            running.set(true);
            spawn_local(async move {
                #[cfg_attr(not(feature = "threads"), allow(unused_mut))]
                let mut out = vec![run_seq().await];
                #[cfg(feature = "threads")]
                out.push(run_threads(env.cores).await);
                let _ = &env;
                results.set(out);
                running.set(false);
            });
        })
    };

    let seq_ms = results.iter().find(|s| s.mode == "seq").map(|s| s.wall_ms);
    html! {
        <main class="skeleton">
            <h1>{ "Threadline" }</h1>
            <p>{ format!("{} cores · ", env.cores) }
               { if env.isolated { "cross-origin isolated" } else { "not cross-origin isolated" } }</p>
            if let Some(why) = &env.threads_off {
                <p class="notice" data-testid="threads-off">{ format!("Threads are off: {why}.") }</p>
            }
            <button data-testid="run" onclick={on_run} disabled={*running || !*pool_ready}>{ "Run" }</button>
            <table>
                <tr><th>{"mode"}</th><th>{"wall"}</th><th>{"checksum"}</th></tr>
                { for results.iter().map(|s| html! {
                    <tr data-run="" data-mode={s.mode} data-status="ok"
                        data-wall-ms={format!("{:.1}", s.wall_ms)} data-tasks-done={JOB.tasks.to_string()}
                        data-lanes={s.lanes.to_string()} data-checksum={s.checksum.clone()}
                        data-speedup={seq_ms.map(|seq| format!("{:.2}", seq / s.wall_ms))}>
                        <td>{ s.mode }</td><td>{ format!("{:.0} ms", s.wall_ms) }</td><td>{ &s.checksum }</td>
                    </tr>
                }) }
            </table>
        </main>
    }
}

//! The settings form and the run and cancel buttons.

use super::controller::{Controller, RunOptions};
use super::dom::event_value;
use std::rc::Rc;
use threadline_core::mode::Mode;
use threadline_core::page::Phase;
use threadline_core::params::{LATENCY, Params, TASKS, WORK, WORKERS};
use threadline_core::scenario::SCENARIOS;
use threadline_core::workload::Workload;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// Current settings.
    pub params: Params,
    /// Page phase (buttons depend on it).
    pub phase: Phase,
    /// Whether shared-memory threads can run here.
    pub threads: bool,
    /// The pool size the settings give on this machine.
    pub workers: u16,
}

/// Applies one `key=value` change through the same validation as the URL.
pub fn setter(controller: &Rc<Controller>, key: &'static str) -> Callback<Event> {
    let controller = controller.clone();
    Callback::from(move |event: Event| {
        controller.configure(vec![(key.into(), event_value(&event))]);
    })
}

fn toggle_mode(controller: &Rc<Controller>, mode: Mode) -> Callback<Event> {
    let controller = controller.clone();
    Callback::from(move |_| controller.toggle_mode(mode))
}

fn number_field(
    label: &str,
    key: &'static str,
    value: u32,
    range: std::ops::RangeInclusive<u32>,
    unit: &str,
    on_change: Callback<Event>,
    disabled: bool,
) -> Html {
    html! {
        <label class="field">
            <span class="field-label">{ label }</span>
            <span class="field-input">
                <input type="number" name={key} data-testid={key} value={value.to_string()}
                       min={range.start().to_string()} max={range.end().to_string()}
                       onchange={on_change} {disabled} />
                if !unit.is_empty() { <span class="unit">{ unit }</span> }
            </span>
        </label>
    }
}

fn select_field(
    label: &str,
    testid: &'static str,
    options: Html,
    on_change: Callback<Event>,
    disabled: bool,
) -> Html {
    html! {
        <label class="field wide">
            <span class="field-label">{ label }</span>
            <select data-testid={testid} onchange={on_change} {disabled}>{ options }</select>
        </label>
    }
}

/// The settings' fields.
fn fields(controller: &Rc<Controller>, params: &Params, workers: u32, running: bool) -> Html {
    let scenarios = html! {
        <>
            if params.scenario.is_none() {
                <option value="" selected=true>{ "Custom" }</option>
            }
            { for SCENARIOS.iter().map(|s| html! {
                <option value={s.id} selected={params.scenario.as_deref() == Some(s.id)}>{ s.id }</option>
            }) }
        </>
    };
    let workloads = html! {
        { for Workload::ALL.iter().map(|w| html! {
            <option value={w.id()} selected={*w == params.workload}>{ w.id() }</option>
        }) }
    };
    let set = |key| setter(controller, key);
    html! {
        <div class="fields">
            { select_field("Scenario", "scenario", scenarios, set("scenario"), running) }
            { select_field("Workload", "workload", workloads, set("workload"), running) }
            { number_field("Tasks", "tasks", params.tasks, TASKS, "", set("tasks"), running) }
            { number_field("Work", "work", params.work, WORK, "×10 ms", set("work"), running) }
            { number_field("Workers", "workers", workers, WORKERS, "", set("workers"), running) }
            { number_field("Latency", "latency", params.latency_ms, LATENCY, "ms", set("latency"), running) }
        </div>
    }
}

/// One checkbox per mode.
fn mode_chips(controller: &Rc<Controller>, params: &Params, threads: bool, running: bool) -> Html {
    html! {
        <fieldset class="modes" disabled={running}>
            <legend>{ "Run it as" }</legend>
            { for Mode::ALL.iter().map(|&mode| {
                let unavailable = mode.needs_shared_memory() && !threads;
                html! {
                    <label class={classes!("mode-chip", unavailable.then_some("unavailable"))}
                           title={mode.python()}>
                        <input type="checkbox" data-testid={format!("mode-{}", mode.id())}
                               checked={params.modes.contains(&mode)}
                               onchange={toggle_mode(controller, mode)} />
                        <span class="mode-name">{ mode.title() }</span>
                        <span class="mode-python">{ mode.python() }</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// Run and Cancel.
fn actions(controller: &Rc<Controller>, phase: &Phase) -> Html {
    let running = *phase == Phase::Running;
    let on_run = {
        let controller = controller.clone();
        Callback::from(move |_| {
            let controller = controller.clone();
            spawn_local(async move {
                let _ = controller.run(RunOptions::default()).await;
            });
        })
    };
    let on_cancel = {
        let controller = controller.clone();
        Callback::from(move |_| controller.cancel())
    };
    html! {
        <div class="actions">
            <button class="primary" data-testid="run" onclick={on_run} disabled={!phase.can_run()}>
                { if running { "Running…" } else { "Run" } }
            </button>
            <button data-testid="cancel" onclick={on_cancel} disabled={!running}>{ "Cancel" }</button>
        </div>
    }
}

/// The settings and the buttons.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let Some(controller) = use_context::<Rc<Controller>>() else {
        return html! {};
    };
    let params = &props.params;
    let running = props.phase == Phase::Running;
    let lesson = params
        .scenario
        .as_deref()
        .and_then(threadline_core::scenario::find)
        .map(|s| s.lesson);
    html! {
        <section class="controls" aria-label="Settings">
            { fields(&controller, params, u32::from(props.workers), running) }
            { mode_chips(&controller, params, props.threads, running) }
            if let Some(lesson) = lesson {
                <p class="lesson">{ lesson }</p>
            }
            { actions(&controller, &props.phase) }
        </section>
    }
}

//! `procs`: a pool of worker processes, each with its own memory, fed tasks
//! by message as `ProcessPoolExecutor` feeds its workers.

use super::ModeRun;
use futures_channel::mpsc;
use futures_util::StreamExt;
use std::cell::RefCell;
use std::rc::Rc;
use threadline_core::io::IoPlan;
use threadline_core::protocol::{FromProcess, ToProcess, encode};
use threadline_core::record::{Activity, Marker};
use threadline_core::run::Run;
use threadline_core::task::TaskSpec;
use threadline_core::workload::Workload;
use threadline_web::process::{ProcessEvent, ProcessWorker, compiled_module};

/// The page's side of the processes: one slot per lane.
struct ProcessPool {
    processes: Vec<Option<ProcessWorker>>,
    /// The task each process is running.
    running: Vec<Option<u32>>,
    /// What a process said when it panicked, until it dies.
    last_words: Vec<Option<String>>,
}

impl ProcessPool {
    /// Sends `lane` its next task, or ends it when none is left.
    fn dispatch(&mut self, run: &Run, plan: &IoPlan, lane: u16) {
        let slot = usize::from(lane);
        if self.processes[slot].is_none() {
            return;
        }
        let Some(index) = run.take_task() else {
            self.processes[slot] = None;
            run.recorder.mark(lane, Activity::Idle, None);
            run.end_lane(lane);
            return;
        };
        // Serialising the task is part of its message time.
        run.recorder.mark(lane, Activity::Message, Some(index));
        let message = encode(&ToProcess::Run {
            spec: run.job.task(index),
            io: plan.clone(),
        });
        let sent = self.processes[slot].as_ref().map(|p| p.send(&message));
        match sent {
            Some(Ok(())) => self.running[slot] = Some(index),
            Some(Err(why)) => self.crash(run, lane, Some(index), &why),
            None => {}
        }
    }

    /// A process died: its task fails with the reason, its lane ends, and
    /// the other processes carry on.
    fn crash(&mut self, run: &Run, lane: u16, task: Option<u32>, why: &str) {
        let slot = usize::from(lane);
        let why = match self.last_words[slot].take() {
            Some(panic) => format!("{panic} ({why})"),
            None => why.to_string(),
        };
        if let Some(index) = task.or(self.running[slot].take()) {
            run.finish_task(
                lane,
                index,
                Err(format!("process-{} died: {why}", lane + 1)),
            );
        }
        if self.processes[slot].take().is_some() {
            run.end_lane(lane);
        }
    }

    fn handle(&mut self, run: &Run, plan: &IoPlan, event: ProcessEvent) {
        match event {
            ProcessEvent::Message(lane, FromProcess::Ready { at_ms }) => {
                run.recorder.mark_at_ms(at_ms, lane, Activity::Idle, None);
                self.dispatch(run, plan, lane);
            }
            ProcessEvent::Message(
                lane,
                FromProcess::Mark {
                    at_ms,
                    activity,
                    task,
                },
            ) => {
                run.recorder.mark_at_ms(at_ms, lane, activity, task);
            }
            ProcessEvent::Message(lane, FromProcess::Finished { mut result }) => {
                result.lane = lane;
                self.running[usize::from(lane)] = None;
                run.finish_task(lane, result.index, result.outcome);
                self.dispatch(run, plan, lane);
            }
            ProcessEvent::Message(_, FromProcess::Beat) => run.recorder.beat(),
            ProcessEvent::Message(lane, FromProcess::Panicked { message }) => {
                self.last_words[usize::from(lane)] = Some(message);
            }
            ProcessEvent::Crashed(lane, why) => self.crash(run, lane, None, &why),
        }
    }

    /// Ends every process still running, and its lane.
    fn end_all(&mut self, run: &Run) {
        for (lane, process) in self.processes.iter_mut().enumerate() {
            if process.take().is_some() {
                run.end_lane(lane as u16);
            }
        }
    }
}

/// Spawns the processes, feeds them the tasks, and ends each as the queue
/// empties. Start-up counts: processes are expensive to start.
pub async fn run(mode_run: &ModeRun<'_>) -> Result<(), String> {
    let run = &mode_run.run;
    let lanes = mode_run.lanes;
    let module = compiled_module().await?;
    let (sender, mut events) = mpsc::unbounded();
    let slots = usize::from(lanes);
    let mut pool = ProcessPool {
        processes: Vec::with_capacity(slots),
        running: vec![None; slots],
        last_words: vec![None; slots],
    };
    for lane in 0..lanes {
        run.recorder.mark(lane, Activity::Spawn, None);
        match ProcessWorker::spawn(lane, &module, sender.clone()) {
            Ok(process) => pool.processes.push(Some(process)),
            Err(why) => {
                pool.processes.push(None);
                run.end_lane(lane);
                web_sys::console::error_1(&why.into());
            }
        }
    }
    drop(sender);
    let pool = Rc::new(RefCell::new(pool));
    {
        // Stopping ends every process at once, mid-task if need be.
        let (pool, run) = (pool.clone(), run.clone());
        mode_run
            .comparison
            .on_cancel(move || pool.borrow_mut().end_all(&run));
    }
    while !run.is_over() && !run.cancel.is_cancelled() {
        let Some(event) = events.next().await else {
            break;
        };
        pool.borrow_mut().handle(run, &mode_run.plan, event);
    }
    pool.borrow_mut().end_all(run);
    // Tasks no process was left to run still get an answer.
    while let Some(index) = run.take_task() {
        run.finish_task(0, index, Err("no process was left to run it".into()));
    }
    Ok(())
}

/// Runs one small task of each CPU workload in a throwaway process, at
/// load. The processes of a run share the compiled module (as processes
/// share code pages); without this, a run's first tasks would measure the
/// browser's JIT tiering up, not what processes cost.
pub async fn warm_up() {
    let Ok(module) = compiled_module().await else {
        return;
    };
    let (sender, mut events) = mpsc::unbounded();
    let Ok(process) = ProcessWorker::spawn(0, &module, sender) else {
        return;
    };
    let plan = IoPlan {
        base_url: String::new(),
        latency_ms: 0,
        run_id: "warm-up".into(),
        fail: Vec::new(),
        simulated: true,
    };
    let mut pending = Workload::ALL
        .into_iter()
        .filter(|w| w.does_cpu() && !w.does_io())
        .map(|workload| TaskSpec {
            workload,
            index: 0,
            tasks: 1,
            work: 1,
            fault: None,
        });
    while let Some(event) = events.next().await {
        let next = match event {
            ProcessEvent::Message(_, FromProcess::Ready { .. } | FromProcess::Finished { .. }) => {
                pending.next()
            }
            ProcessEvent::Message(..) => continue,
            ProcessEvent::Crashed(..) => None,
        };
        let Some(spec) = next else { break };
        let message = encode(&ToProcess::Run {
            spec,
            io: plan.clone(),
        });
        if process.send(&message).is_err() {
            break;
        }
    }
}

//! `procs`: a pool of worker processes, each with its own memory, fed tasks
//! by message as `ProcessPoolExecutor` feeds its workers.

use super::ModeContext;
use crate::runtime::process::{Event, Process, compiled_module};
use futures_channel::mpsc;
use futures_util::StreamExt;
use std::rc::Rc;
use std::sync::Arc;
use threadline_core::model::Run;
use threadline_core::protocol::{FromProcess, ToProcess, encode};
use threadline_core::record::{Activity, Marker};
use threadline_core::record_set::ModeRecord;

/// The page's view of the pool.
struct Pool {
    processes: Vec<Option<Process>>,
    /// The task each process is running.
    running: Vec<Option<u32>>,
}

impl Pool {
    /// Sends `lane` its next task, or ends it when none is left.
    fn dispatch(&mut self, run: &Run, context: &ModeContext<'_>, lane: u16) {
        let slot = usize::from(lane);
        if self.processes[slot].is_none() {
            return;
        }
        let Some(index) = run.take_task() else {
            if let Some(process) = self.processes[slot].take() {
                process.terminate();
            }
            run.recorder.mark(lane, Activity::Idle, None);
            run.end_lane(lane);
            return;
        };
        // Serialising the task is part of its message time.
        run.recorder.mark(lane, Activity::Message, Some(index));
        let message = encode(&ToProcess::Run {
            spec: context.job.task(index),
            io: context.plan.clone(),
        });
        let sent = self.processes[slot].as_ref().map(|p| p.send(&message));
        match sent {
            Some(Ok(())) => self.running[slot] = Some(index),
            Some(Err(why)) => self.crash(run, lane, Some(index), &why),
            None => {}
        }
    }

    /// A process died: its task fails with the reason, its lane ends, and the
    /// other processes carry on.
    fn crash(&mut self, run: &Run, lane: u16, task: Option<u32>, why: &str) {
        if let Some(index) = task.or(self.running[usize::from(lane)].take()) {
            run.finish_task(
                lane,
                index,
                Err(format!("process-{} failed: {why}", lane + 1)),
            );
        }
        if let Some(process) = self.processes[usize::from(lane)].take() {
            process.terminate();
            run.end_lane(lane);
        }
    }
}

/// Spawns the processes, feeds them the tasks, and ends each as the queue
/// empties. Start-up counts: processes are expensive to start.
pub async fn run(context: &ModeContext<'_>) -> ModeRecord {
    let lanes = context.workers;
    let module = match compiled_module().await {
        Ok(module) => module,
        Err(why) => {
            let job = context.job;
            return ModeRecord::unavailable(context.mode, job.workload, job.tasks, why);
        }
    };
    let run = context.start_run(lanes, usize::from(lanes), None);
    let (sender, mut events) = mpsc::unbounded();
    let mut pool = Pool {
        processes: Vec::new(),
        running: vec![None; usize::from(lanes)],
    };
    for lane in 0..lanes {
        run.recorder.mark(lane, Activity::Spawn, None);
        match Process::spawn(lane, &module, sender.clone()) {
            Ok(process) => pool.processes.push(Some(process)),
            Err(why) => {
                pool.processes.push(None);
                run.end_lane(lane);
                web_sys::console::error_1(&why.into());
            }
        }
    }
    drop(sender);
    let pool = Rc::new(std::cell::RefCell::new(pool));
    {
        // Cancelling terminates every process at once, mid-task if need be.
        let (pool, run) = (pool.clone(), run.clone());
        context.live.on_cancel(move || terminate_all(&pool, &run));
    }
    while !run.is_over() {
        let Some(event) = events.next().await else {
            break;
        };
        if run.cancel.is_cancelled() {
            break;
        }
        let mut pool = pool.borrow_mut();
        match event {
            Event::Message(lane, FromProcess::Ready { at_ms }) => {
                run.recorder.mark_at_ms(at_ms, lane, Activity::Idle, None);
                pool.dispatch(&run, context, lane);
            }
            Event::Message(
                lane,
                FromProcess::Mark {
                    at_ms,
                    activity,
                    task,
                },
            ) => {
                run.recorder.mark_at_ms(at_ms, lane, activity, task);
            }
            Event::Message(lane, FromProcess::Finished { mut result }) => {
                result.lane = lane;
                pool.running[usize::from(lane)] = None;
                run.finish_task(lane, result.index, result.outcome);
                pool.dispatch(&run, context, lane);
            }
            Event::Crashed(lane, why) => pool.crash(&run, lane, None, &why),
        }
    }
    terminate_all(&pool, &run);
    // Tasks no process was left to run still get an answer.
    while let Some(index) = run.take_task() {
        run.finish_task(0, index, Err("no process was left to run it".into()));
    }
    context.finish(&run, lanes)
}

fn terminate_all(pool: &Rc<std::cell::RefCell<Pool>>, run: &Arc<Run>) {
    let Ok(mut pool) = pool.try_borrow_mut() else {
        return;
    };
    for lane in 0..pool.processes.len() {
        if let Some(process) = pool.processes[lane].take() {
            process.terminate();
            run.end_lane(lane as u16);
        }
    }
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
    let Ok(process) = Process::spawn(0, &module, sender) else {
        return;
    };
    let plan = threadline_core::io::IoPlan {
        base_url: String::new(),
        latency_ms: 0,
        run_id: "warm-up".into(),
        fail: Vec::new(),
        simulated: true,
    };
    let mut pending = threadline_core::workload::Workload::ALL
        .into_iter()
        .filter(|w| w.does_cpu() && !w.does_io())
        .map(|workload| threadline_core::task::TaskSpec {
            workload,
            index: 0,
            tasks: 1,
            work: 1,
        });
    while let Some(event) = events.next().await {
        let next = match event {
            Event::Message(_, FromProcess::Ready { .. } | FromProcess::Finished { .. }) => {
                pending.next()
            }
            Event::Message(_, FromProcess::Mark { .. }) => continue,
            Event::Crashed(..) => None,
        };
        match next {
            Some(spec) => {
                if process
                    .send(&encode(&ToProcess::Run {
                        spec,
                        io: plan.clone(),
                    }))
                    .is_err()
                {
                    break;
                }
            }
            None => break,
        }
    }
}

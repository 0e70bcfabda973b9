//! Runs a comparison: each chosen mode in turn, for real, on the browser's
//! main thread, worker threads, worker processes and network, recording
//! every lane's activity.

mod asyncio;
pub mod io;
mod procs;
mod seq;
#[cfg(feature = "threads")]
mod threads;

pub use procs::warm_up as warm_up_processes;

use crate::runtime::env::Env;
use crate::runtime::service_worker::{self, Network};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use threadline_core::io::IoPlan;
use threadline_core::mode::Mode;
use threadline_core::model::{Job, Run};
use threadline_core::params::Params;
use threadline_core::record_set::ModeRecord;
use threadline_web::clock::BrowserClock;

/// The mode running now, for the page to draw live and to cancel.
#[derive(Clone)]
pub struct Current {
    /// The mode.
    pub mode: Mode,
    /// Its shared run: recorder, results, cancel flag.
    pub run: Arc<Run>,
    /// How many lanes it has.
    pub lanes: u16,
}

#[derive(Default)]
struct LiveState {
    current: Option<Current>,
    cancelled: bool,
    on_cancel: Vec<Box<dyn FnOnce()>>,
}

/// The comparison in progress, shared between the engine and the page.
#[derive(Clone, Default)]
pub struct Live(Rc<RefCell<LiveState>>);

impl Live {
    /// The mode running now.
    pub fn current(&self) -> Option<Current> {
        self.0.borrow().current.clone()
    }

    /// Whether the comparison was cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.0.borrow().cancelled
    }

    fn begin(&self, current: Current) {
        let mut state = self.0.borrow_mut();
        state.current = Some(current);
        state.on_cancel.clear();
    }

    fn end(&self) {
        let mut state = self.0.borrow_mut();
        state.current = None;
        state.on_cancel.clear();
    }

    /// Runs `hook` if the mode in progress is cancelled (aborting requests,
    /// terminating processes).
    fn on_cancel(&self, hook: impl FnOnce() + 'static) {
        self.0.borrow_mut().on_cancel.push(Box::new(hook));
    }

    /// Stops the comparison: the running mode's lanes end `cancelled`, the
    /// modes after it do not start. Never blocks.
    pub fn cancel(&self) {
        let (current, hooks) = {
            let mut state = self.0.borrow_mut();
            state.cancelled = true;
            (state.current.clone(), std::mem::take(&mut state.on_cancel))
        };
        if let Some(current) = current {
            current.run.cancel.cancel();
        }
        hooks.into_iter().for_each(|hook| hook());
    }
}

/// What a mode's runner needs.
pub struct ModeContext<'a> {
    /// The mode.
    pub mode: Mode,
    /// The tasks.
    pub job: Job,
    /// Pool size for threads and processes.
    pub workers: u16,
    /// How to download.
    pub plan: IoPlan,
    /// Whether to record marks (off only to measure what recording costs).
    pub record: bool,
    /// Where to publish the run in progress.
    pub live: &'a Live,
}

impl ModeContext<'_> {
    /// Starts the shared run of this mode, published for live drawing. `ends`
    /// is how many lanes must end for the run to be over.
    fn start_run(
        &self,
        lanes: u16,
        ends: usize,
        gil: Option<threadline_core::gil::Gil>,
    ) -> Arc<Run> {
        let run = Arc::new(Run::new(
            self.job,
            ends,
            Arc::new(BrowserClock),
            self.record,
            gil,
        ));
        self.live.begin(Current {
            mode: self.mode,
            run: run.clone(),
            lanes,
        });
        if !self.plan.simulated {
            let run_id = self.plan.run_id.clone();
            self.live
                .on_cancel(move || service_worker::cancel_requests(&run_id));
        }
        run
    }

    /// The record of a finished run.
    fn finish(&self, run: &Run, lanes: u16) -> ModeRecord {
        self.live.end();
        ModeRecord {
            mode: self.mode,
            workload: self.job.workload,
            tasks: self.job.tasks,
            lanes,
            unavailable: None,
            cancelled: run.cancel.is_cancelled(),
            simulated_io: self.plan.simulated && self.job.workload.does_io(),
            offset_ms: 0.0,
            wall_ms: run.wall_ms().unwrap_or_else(|| run.recorder.elapsed_ms()),
            marks: run.recorder.marks(),
            results: run.results_so_far(),
        }
    }
}

fn cancelled_before_start(mode: Mode, job: Job) -> ModeRecord {
    ModeRecord {
        cancelled: true,
        unavailable: None,
        ..ModeRecord::unavailable(mode, job.workload, job.tasks, String::new())
    }
}

async fn run_mode(context: &ModeContext<'_>, env: &Env) -> ModeRecord {
    let job = context.job;
    match context.mode {
        Mode::Seq => seq::run(context).await,
        Mode::Async => asyncio::run(context).await,
        Mode::Procs => procs::run(context).await,
        mode @ (Mode::Threads | Mode::Gil) => {
            if let Some(reason) = &env.threads_off {
                return ModeRecord::unavailable(mode, job.workload, job.tasks, reason.clone());
            }
            #[cfg(feature = "threads")]
            return threads::run(context, mode == Mode::Gil).await;
            #[cfg(not(feature = "threads"))]
            return ModeRecord::unavailable(
                mode,
                job.workload,
                job.tasks,
                "this build has no threads".into(),
            );
        }
    }
}

/// Runs every mode of `params` in turn; `on_record` hears about each mode as
/// it ends. Returns every mode's record, in order.
pub async fn run_comparison(
    params: &Params,
    env: &Env,
    network: &Network,
    live: &Live,
    record: bool,
    on_record: impl Fn(&ModeRecord),
) -> Vec<ModeRecord> {
    let job = Job {
        workload: params.workload,
        tasks: params.tasks,
        work: params.work,
    };
    let workers = params.workers_or(env.cores as u32) as u16;
    let start = threadline_core::clock::Clock::now_ms(&BrowserClock);
    let mut records = Vec::with_capacity(params.modes.len());
    for &mode in &params.modes {
        let offset_ms = threadline_core::clock::Clock::now_ms(&BrowserClock) - start;
        let mut record = if live.is_cancelled() {
            cancelled_before_start(mode, job)
        } else {
            let context = ModeContext {
                mode,
                job,
                workers,
                plan: io::plan(params, network, mode),
                record,
                live,
            };
            run_mode(&context, env).await
        };
        record.offset_ms = offset_ms;
        on_record(&record);
        records.push(record);
        // A breath between modes, so the page can draw the finished one.
        crate::runtime::pace::yield_to_browser().await;
    }
    records
}

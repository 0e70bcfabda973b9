//! The comparison engine: runs each chosen mode in turn, for real, on the
//! browser's main thread, worker threads, worker processes and network,
//! recording every lane into a core [`Run`]. The page draws the mode in
//! progress from that run's recorder while it runs.

mod asyncio;
mod plan;
mod procs;
mod seq;
#[cfg(feature = "threads")]
mod threads;
mod watchdog;

pub use procs::warm_up as warm_up_processes;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use threadline_core::clock::Clock;
use threadline_core::faults::Faults;
use threadline_core::gil::{DEFAULT_SWITCH_INTERVAL_MS, Gil};
use threadline_core::io::IoPlan;
use threadline_core::lanes::lane_count;
use threadline_core::mode::Mode;
use threadline_core::mode_record::ModeRecord;
use threadline_core::page::{Env, Network};
use threadline_core::params::Params;
use threadline_core::run::{Job, Run};
use threadline_web::clock::BrowserClock;
use threadline_web::timer::yield_to_browser;

/// How long a mode may go without any sign of progress (a mark, a slice of
/// work, a process's heartbeat) before it fails: longer than the longest a
/// single request may take (10 s of latency and 15 s of margin).
pub const WATCHDOG_MS: f64 = 30_000.0;

/// A mode in progress, for the timeline to draw as it runs.
#[derive(Clone)]
pub struct ModeInProgress {
    /// The mode.
    pub mode: Mode,
    /// Its run: recorder, results, cancel flag.
    pub run: Arc<Run>,
    /// How many lanes it has.
    pub lanes: u16,
}

#[derive(Default)]
struct State {
    in_progress: Option<ModeInProgress>,
    cancelled: bool,
    on_cancel: Vec<Box<dyn FnOnce()>>,
    on_stall: Vec<Box<dyn FnOnce()>>,
}

/// The comparison in progress: the one handle the page keeps while it runs.
#[derive(Clone, Default)]
pub struct Comparison(Rc<RefCell<State>>);

impl Comparison {
    /// The mode running now.
    pub fn in_progress(&self) -> Option<ModeInProgress> {
        self.0.borrow().in_progress.clone()
    }

    /// Whether the reader cancelled the comparison.
    pub fn is_cancelled(&self) -> bool {
        self.0.borrow().cancelled
    }

    fn begin(&self, in_progress: ModeInProgress) {
        let mut state = self.0.borrow_mut();
        state.in_progress = Some(in_progress);
        state.on_cancel.clear();
        state.on_stall.clear();
    }

    fn end(&self) {
        let mut state = self.0.borrow_mut();
        state.in_progress = None;
        state.on_cancel.clear();
        state.on_stall.clear();
    }

    /// Runs `hook` when the mode in progress is stopped (aborting requests,
    /// terminating processes).
    fn on_cancel(&self, hook: impl FnOnce() + 'static) {
        self.0.borrow_mut().on_cancel.push(Box::new(hook));
    }

    /// Runs `hook` if the mode in progress stops making progress, after the
    /// cancel hooks (ending workers that will never end by themselves).
    #[cfg(feature = "threads")]
    fn on_stall(&self, hook: impl FnOnce() + 'static) {
        self.0.borrow_mut().on_stall.push(Box::new(hook));
    }

    /// Stops the mode in progress: its run is cancelled, its GIL given up,
    /// its requests aborted and its processes ended. Never blocks.
    fn stop(&self, stalled: bool) {
        let (in_progress, hooks, stall_hooks) = {
            let mut state = self.0.borrow_mut();
            (
                state.in_progress.clone(),
                std::mem::take(&mut state.on_cancel),
                std::mem::take(&mut state.on_stall),
            )
        };
        if let Some(in_progress) = in_progress {
            in_progress.run.cancel.cancel();
            if let Some(gil) = &in_progress.run.gil {
                gil.abandon();
            }
        }
        hooks.into_iter().for_each(|hook| hook());
        if stalled {
            stall_hooks
                .into_iter()
                .for_each(|hook: Box<dyn FnOnce()>| hook());
        }
    }

    /// Stops the comparison: the running mode's lanes end `cancelled`, the
    /// modes after it do not start. Never blocks.
    pub fn cancel(&self) {
        self.0.borrow_mut().cancelled = true;
        self.stop(false);
    }
}

/// Everything a comparison needs besides the modes' own code.
pub struct Settings {
    /// What to run.
    pub params: Params,
    /// The browser's capabilities.
    pub env: Env,
    /// Where downloads go.
    pub network: Network,
    /// Whether to record (off only to measure what recording costs).
    pub record: bool,
    /// Faults to inject (tests of robustness).
    pub faults: Faults,
    /// How long a mode may make no progress before it fails, ms.
    pub watchdog_ms: f64,
}

/// One mode's run, as its driver sees it.
pub struct ModeRun<'a> {
    /// The mode.
    pub mode: Mode,
    /// Its lanes.
    pub lanes: u16,
    /// The shared run.
    pub run: Arc<Run>,
    /// How to download.
    pub plan: IoPlan,
    /// The comparison it belongs to.
    pub comparison: &'a Comparison,
}

impl ModeRun<'_> {
    /// A signal that aborts the mode's requests when it is stopped.
    pub fn abort_on_cancel(&self) -> Result<web_sys::AbortSignal, String> {
        let abort =
            web_sys::AbortController::new().map_err(|_| "this browser cannot abort requests")?;
        let signal = abort.signal();
        self.comparison.on_cancel(move || abort.abort());
        Ok(signal)
    }
}

/// Runs every mode of `settings` in turn; `on_record` hears about each mode
/// as it ends. Returns every mode's record, in order.
pub async fn run_comparison(
    settings: &Settings,
    comparison: &Comparison,
    on_record: impl Fn(&ModeRecord),
) -> Vec<ModeRecord> {
    let params = &settings.params;
    let start = BrowserClock.now_ms();
    let mut records = Vec::with_capacity(params.modes.len());
    for &mode in &params.modes {
        let offset_ms = BrowserClock.now_ms() - start;
        let mut record = run_mode(settings, comparison, mode).await;
        record.offset_ms = offset_ms;
        on_record(&record);
        records.push(record);
        // A breath between modes, so the page can draw the finished one.
        yield_to_browser().await;
    }
    records
}

/// The job of a mode: faults go only to modes whose tasks run off the
/// page's main thread.
fn job_for(settings: &Settings, mode: Mode) -> Job {
    let params = &settings.params;
    let mut job = Job::new(params.workload, params.tasks, params.work);
    if matches!(mode, Mode::Threads | Mode::Gil | Mode::Procs) {
        job.faults = settings.faults;
    }
    job
}

async fn run_mode(settings: &Settings, comparison: &Comparison, mode: Mode) -> ModeRecord {
    let job = job_for(settings, mode);
    let workers = settings.params.workers_or(settings.env.cores as u32) as u16;
    let lanes = lane_count(mode, workers, job.tasks);
    let refuse = |why: String| ModeRecord::unavailable(mode, job.workload, job.tasks, lanes, why);
    if comparison.is_cancelled() {
        return ModeRecord {
            cancelled: true,
            unavailable: None,
            ..refuse(String::new())
        };
    }
    if let (true, Some(why)) = (mode.needs_shared_memory(), &settings.env.threads_off) {
        return refuse(why.clone());
    }
    if let Err(why) = threadline_core::memory::check(mode, lanes, &job) {
        return ModeRecord {
            unavailable: None,
            failure: Some(why),
            ..refuse(String::new())
        };
    }
    let gil = (mode == Mode::Gil).then(|| Gil::new(DEFAULT_SWITCH_INTERVAL_MS));
    // Async tasks end inside their futures: only the loop's lane ends the run.
    let ends = if mode == Mode::Async {
        1
    } else {
        usize::from(lanes)
    };
    let run = Arc::new(Run::new(
        job,
        ends,
        Arc::new(BrowserClock),
        settings.record,
        gil,
    ));
    comparison.begin(ModeInProgress {
        mode,
        run: run.clone(),
        lanes,
    });
    let plan = plan::plan(&settings.params, &settings.network, mode);
    if !plan.simulated {
        let run_id = plan.run_id.clone();
        comparison.on_cancel(move || threadline_web::service_worker::cancel_requests(&run_id));
    }
    let driven = ModeRun {
        mode,
        lanes,
        run: run.clone(),
        plan,
        comparison,
    };
    let failure = watchdog::guard(&driven, settings.watchdog_ms, drive(&driven)).await;
    comparison.end();
    let mut record = ModeRecord::of_run(mode, &run, lanes, driven.plan.simulated);
    record.cancelled = comparison.is_cancelled();
    record.failure = failure;
    record
}

/// Runs the mode's driver; `Err` says why the mode failed as a whole.
async fn drive(mode_run: &ModeRun<'_>) -> Result<(), String> {
    match mode_run.mode {
        Mode::Seq => seq::run(mode_run).await,
        Mode::Async => asyncio::run(mode_run).await,
        Mode::Procs => procs::run(mode_run).await,
        #[cfg(feature = "threads")]
        Mode::Threads | Mode::Gil => threads::run(mode_run).await,
        #[cfg(not(feature = "threads"))]
        Mode::Threads | Mode::Gil => Err("this build has no threads".into()),
    }
}

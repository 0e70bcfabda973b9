//! Whether a run's tasks fit in memory at once, checked before the run
//! starts: settings a reader can reach either fit or fail with a reason,
//! never by the browser running out of memory mid-run.

use crate::mode::Mode;
use crate::resource::RESOURCE_BYTES;
use crate::run::Job;
use crate::workload::Workload;
use crate::workload::filter::side_for;
use crate::workload::mandelbrot::TILE_SIDE;

/// What the tasks of the threaded build may use of its shared memory (1 GiB
/// in all; the rest holds the app, the threads' stacks and the records).
pub const SHARED_BYTES_FOR_TASKS: u64 = 640 << 20;

/// What a `procs` run's processes may use together: each has its own
/// memory, but all of it is this one browser tab's.
pub const PROCESS_BYTES_FOR_TASKS: u64 = 2 << 30;

/// The most memory one task holds at a time, in bytes.
pub fn task_bytes(job: &Job) -> u64 {
    let rgba = |side: u32| u64::from(side) * u64::from(side) * 4;
    match job.workload {
        Workload::Primes => 0,
        Workload::Download => RESOURCE_BYTES as u64,
        Workload::Mandelbrot => rgba(TILE_SIDE),
        // The picture scaled up, and its filtered copy.
        Workload::ImageFilter | Workload::Pipeline => 2 * rgba(side_for(job.work)),
    }
}

fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

/// Whether `mode` can run `job` on `lanes` lanes without running out of
/// memory; if not, why, in words a reader can act on.
pub fn check(mode: Mode, lanes: u16, job: &Job) -> Result<(), String> {
    let (budget, whose) = match mode {
        Mode::Threads | Mode::Gil => (SHARED_BYTES_FOR_TASKS, "the threads share"),
        Mode::Procs => (PROCESS_BYTES_FOR_TASKS, "this tab's processes may use"),
        // One task computes at a time on the main thread.
        Mode::Seq | Mode::Async => return Ok(()),
    };
    let at_once = u64::from(lanes).min(u64::from(job.tasks));
    let needed = at_once * task_bytes(job);
    if needed <= budget {
        return Ok(());
    }
    Err(format!(
        "{} tasks at once need about {} MB ({} MB each), more than the {} MB {whose}: \
         use fewer workers or less work",
        at_once,
        megabytes(needed),
        megabytes(task_bytes(job)),
        megabytes(budget)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_picture_batch_on_many_threads_is_refused_with_a_reason() {
        let job = Job::new(Workload::ImageFilter, 64, 100);
        let why = check(Mode::Threads, 64, &job).expect_err("2.6 GB do not fit");
        assert!(why.contains("64 tasks at once"), "{why}");
        assert!(why.contains("fewer workers"), "{why}");
        assert!(check(Mode::Threads, 8, &job).is_ok(), "eight at once fit");
        assert!(check(Mode::Seq, 64, &job).is_ok(), "one at a time fits");
        assert!(check(Mode::Procs, 32, &job).is_ok());
        assert!(check(Mode::Threads, 64, &Job::new(Workload::Primes, 64, 100)).is_ok());
    }
}

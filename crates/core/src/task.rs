//! One task as a resumable state machine.
//!
//! A task never blocks and never reads a clock: it computes one short slice
//! per [`Task::advance`] and, when it needs a resource, says so and waits to
//! be handed the bytes. Every execution model drives the same machine its own
//! way (blocking, awaiting, under a GIL, in another process), so they all do
//! exactly the same work and reach the same checksum.

use crate::digest::{Digest, digest_bytes};
use crate::faults::Fault;
use crate::image::Image;
use crate::resource::{resource_bytes, resource_image};
use crate::workload::Workload;
use crate::workload::filter::{FilterJob, THUMB_SIDE};
use crate::workload::mandelbrot::TileRender;
use crate::workload::primes::{PrimeCount, range};
use serde::{Deserialize, Serialize};

/// Which task of which run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskSpec {
    /// What the task does.
    pub workload: Workload,
    /// The task's index, 0-based.
    pub index: u32,
    /// How many tasks the run has (the Mandelbrot tiling depends on it).
    pub tasks: u32,
    /// CPU size of the task, in units of about 10 ms.
    pub work: u32,
    /// A fault injected on purpose.
    #[serde(default)]
    pub fault: Option<Fault>,
}

/// What a task produced besides its digest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Artifact {
    /// Nothing to show but the summary line.
    None,
    /// A tile to place at (x, y) in the run's picture.
    Tile {
        /// Left edge in the picture.
        x: u32,
        /// Top edge in the picture.
        y: u32,
        /// The tile.
        image: Image,
    },
    /// A small picture of the result.
    Thumbnail(Image),
}

/// A finished task's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskOutput {
    /// The task's index.
    pub index: u32,
    /// Digest of the result; the run checksum combines these.
    pub digest: u64,
    /// One line saying what was computed.
    pub summary: String,
    /// What to show.
    pub artifact: Artifact,
}

/// What a task asks for after a slice.
#[derive(Debug)]
pub enum Advance {
    /// It computed a slice and has more to do.
    Working,
    /// It waits for the bytes of resource `index`.
    NeedsResource(u32),
    /// It is done.
    Finished(TaskOutput),
    /// It cannot go on; the message says why.
    Failed(String),
}

#[derive(Debug)]
enum State {
    /// Not started: the first slice sets the task up, so that even that
    /// work is done inside a recorded interval (and under the GIL).
    Start,
    Primes(PrimeCount),
    Mandelbrot(TileRender),
    /// The picture is filtered; `downloaded` is the digest of the bytes it came from.
    Filter {
        job: Box<FilterJob>,
        downloaded: Option<u64>,
    },
    /// Waiting for resource bytes, then maybe filtering them.
    Awaiting {
        then_filter: bool,
    },
    Received(Result<(Vec<u8>, bool), String>),
    Done,
}

/// A task in progress.
#[derive(Debug)]
pub struct Task {
    spec: TaskSpec,
    state: State,
}

impl Task {
    /// A task ready to start. Costs nothing: its first slice does the set-up.
    pub fn new(spec: TaskSpec) -> Self {
        Self {
            spec,
            state: State::Start,
        }
    }

    /// The state a task starts its work in.
    fn start(spec: TaskSpec) -> Result<State, String> {
        Ok(match spec.workload {
            Workload::Primes => State::Primes(PrimeCount::new(spec.index, spec.work)),
            Workload::Mandelbrot => {
                State::Mandelbrot(TileRender::new(spec.index, spec.tasks, spec.work))
            }
            Workload::ImageFilter => State::Filter {
                job: Box::new(FilterJob::new(
                    resource_image(resource_bytes(spec.index))?,
                    spec.work,
                )),
                downloaded: None,
            },
            Workload::Download => State::Awaiting { then_filter: false },
            Workload::Pipeline => State::Awaiting { then_filter: true },
        })
    }

    /// The task's spec.
    pub fn spec(&self) -> TaskSpec {
        self.spec
    }

    /// Hands over the bytes (or the failure) of the resource the task waits for.
    pub fn deliver(&mut self, bytes: Result<Vec<u8>, String>) {
        if let State::Awaiting { then_filter } = self.state {
            self.state = State::Received(bytes.map(|b| (b, then_filter)));
        }
    }

    /// Runs one slice (about a quarter of a millisecond) or reports what blocks it.
    pub fn advance(&mut self) -> Advance {
        let index = self.spec.index;
        match &mut self.state {
            State::Start if self.spec.fault.is_some() => self.fail_on_purpose(),
            State::Start => match Self::start(self.spec) {
                Ok(state) => {
                    self.state = state;
                    self.advance()
                }
                Err(why) => {
                    self.state = State::Done;
                    Advance::Failed(why)
                }
            },
            State::Primes(count) => {
                if !count.advance() {
                    return Advance::Working;
                }
                let (start, end) = range(index, self.spec.work);
                let mut digest = Digest::default();
                digest.write_u64(start);
                digest.write_u64(count.count);
                let summary = format!("{} primes in [{start}, {end})", count.count);
                self.finish(digest.finish(), summary, Artifact::None)
            }
            State::Mandelbrot(render) => {
                if !render.advance() {
                    return Advance::Working;
                }
                let (x, y) = render.origin();
                let image = std::mem::replace(&mut render.tile, Image::new(0, 0));
                let summary = format!("tile at ({x}, {y})");
                self.finish(
                    digest_bytes(&image.rgba),
                    summary,
                    Artifact::Tile { x, y, image },
                )
            }
            State::Filter { job, downloaded } => {
                if !job.advance() {
                    return Advance::Working;
                }
                let picture = job.output();
                let mut digest = Digest::default();
                digest.write(&picture.rgba);
                if let Some(bytes_digest) = downloaded {
                    digest.write_u64(*bytes_digest);
                }
                let summary = format!("{}×{} px filtered", picture.width, picture.height);
                let thumb = picture.resized(THUMB_SIDE, THUMB_SIDE);
                self.finish(digest.finish(), summary, Artifact::Thumbnail(thumb))
            }
            State::Awaiting { .. } => Advance::NeedsResource(index),
            State::Received(_) => self.take_received(),
            State::Done => Advance::Failed("the task already finished".into()),
        }
    }

    /// The injected fault: a panic (a trap, in a wasm worker), or a slice
    /// that never ends.
    fn fail_on_purpose(&self) -> Advance {
        match self.spec.fault {
            Some(Fault::Trap) => panic!("task {} crashed on purpose", self.spec.index),
            Some(Fault::Hang) => loop {
                std::hint::spin_loop();
            },
            None => Advance::Working,
        }
    }

    fn take_received(&mut self) -> Advance {
        let State::Received(received) = std::mem::replace(&mut self.state, State::Done) else {
            unreachable!("only called in the Received state");
        };
        let (bytes, then_filter) = match received {
            Ok(ok) => ok,
            Err(why) => return Advance::Failed(why),
        };
        let bytes_digest = digest_bytes(&bytes);
        let size = bytes.len();
        let picture = match resource_image(bytes) {
            Ok(picture) => picture,
            Err(why) => return Advance::Failed(format!("resource {}: {why}", self.spec.index)),
        };
        if then_filter {
            self.state = State::Filter {
                job: Box::new(FilterJob::new(picture, self.spec.work)),
                downloaded: Some(bytes_digest),
            };
            return Advance::Working;
        }
        let summary = format!("{size} bytes downloaded");
        self.finish(bytes_digest, summary, Artifact::Thumbnail(picture))
    }

    fn finish(&mut self, digest: u64, summary: String, artifact: Artifact) -> Advance {
        self.state = State::Done;
        Advance::Finished(TaskOutput {
            index: self.spec.index,
            digest,
            summary,
            artifact,
        })
    }
}

/// Runs a task to the end, fetching resources with `fetch`. For tests and
/// benchmarks; the execution models drive tasks slice by slice instead.
pub fn run_to_end(
    spec: TaskSpec,
    mut fetch: impl FnMut(u32) -> Result<Vec<u8>, String>,
) -> Result<TaskOutput, String> {
    let mut task = Task::new(spec);
    loop {
        match task.advance() {
            Advance::Working => {}
            Advance::NeedsResource(index) => task.deliver(fetch(index)),
            Advance::Finished(output) => return Ok(output),
            Advance::Failed(why) => return Err(why),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(workload: Workload, index: u32) -> TaskSpec {
        TaskSpec {
            workload,
            index,
            tasks: 4,
            work: 1,
            fault: None,
        }
    }

    fn local(index: u32) -> Result<Vec<u8>, String> {
        Ok(resource_bytes(index))
    }

    #[test]
    fn every_workload_is_deterministic() {
        for workload in Workload::ALL {
            let a = run_to_end(spec(workload, 1), local).expect("runs");
            let b = run_to_end(spec(workload, 1), local).expect("runs");
            assert_eq!(a, b, "{workload}");
            let other = run_to_end(spec(workload, 2), local).expect("runs");
            assert_ne!(a.digest, other.digest, "{workload}");
        }
    }

    #[test]
    fn only_io_workloads_ask_for_resources() {
        for workload in Workload::ALL {
            let mut asked = 0;
            run_to_end(spec(workload, 0), |i| {
                asked += 1;
                local(i)
            })
            .expect("runs");
            assert_eq!(asked, usize::from(workload.does_io()), "{workload}");
        }
    }

    #[test]
    #[should_panic(expected = "task 1 crashed on purpose")]
    fn an_injected_trap_panics_when_the_task_starts() {
        let mut task = Task::new(TaskSpec {
            fault: Some(Fault::Trap),
            ..spec(Workload::Primes, 1)
        });
        task.advance();
    }

    #[test]
    fn a_failed_download_fails_the_task_with_its_reason() {
        let err =
            run_to_end(spec(Workload::Download, 0), |_| Err("HTTP 503".into())).expect_err("fails");
        assert_eq!(err, "HTTP 503");
        let err =
            run_to_end(spec(Workload::Pipeline, 0), |_| Ok(vec![1, 2, 3])).expect_err("fails");
        assert!(err.contains("expected 4096 bytes"), "{err}");
    }

    #[test]
    fn image_filter_and_pipeline_filter_the_same_picture() {
        let filtered = run_to_end(spec(Workload::ImageFilter, 3), local).expect("runs");
        let piped = run_to_end(spec(Workload::Pipeline, 3), local).expect("runs");
        assert_eq!(filtered.artifact, piped.artifact);
        assert_ne!(
            filtered.digest, piped.digest,
            "the pipeline also hashes the download"
        );
    }
}

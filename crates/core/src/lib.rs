//! Threadline's core: the workloads, the execution models' shared machinery,
//! recording, trace export and metrics.
//!
//! Nothing here depends on a browser. Time and I/O come in through traits, so
//! the same code runs on Web Workers in the app and on OS threads in tests.

pub mod cancel;
pub mod clock;
pub mod digest;
pub mod drive;
pub mod faults;
pub mod gil;
pub mod image;
pub mod io;
pub mod lab;
pub mod lanes;
pub mod memory;
pub mod mode;
pub mod mode_record;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
pub mod page;
pub mod params;
pub mod plot;
pub mod program;
pub mod protocol;
pub mod record;
pub mod replay;
pub mod resource;
pub mod run;
pub mod scenario;
pub mod spans;
pub mod style;
pub mod summary;
pub mod svg;
mod svg_marks;
pub mod task;
pub mod timeline;
pub mod trace;
pub mod workload;

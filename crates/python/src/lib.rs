//! Threadline Python: a Python interpreter written for Threadline's lab.
//!
//! `parse` turns source into the syntax tree of [`ast`], `compile` turns the
//! tree into code objects, and `vm` runs them on frames kept on an explicit
//! stack, so that any frame can stop and resume later. Everything the
//! interpreter needs from the outside world (a clock, output, threads,
//! processes, the network, recording) comes in through the traits of
//! `host`, so the same interpreter runs natively in tests and in the browser.

pub mod ast;
pub mod parse;

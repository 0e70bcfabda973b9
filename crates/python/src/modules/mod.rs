//! The modules a program can import.
//!
//! Each is written in Rust (one file here) or as Python source bundled in the
//! binary (`py/*.py`, compiled on first import), or both: a Rust part that
//! then runs its Python part in the same namespace. Anything else raises
//! `ModuleNotFoundError` with the list of what is offered.

pub mod asyncio_core;
pub mod collections;
pub mod functools;
pub mod hashlib;
pub mod math;
pub mod net;
pub mod os;
pub mod pickle_codec;
pub mod process;
pub mod process_shared;
pub mod random;
pub mod sys;
pub mod thread;
pub mod thread_lock;
pub mod time;

use crate::objects::names::intern;
use crate::objects::{NativeDef, ObjRef, PyResult, Value};
use crate::vm::Vm;

/// How a module is made.
#[derive(Clone, Copy)]
pub enum ModuleDef {
    /// Filled by Rust code (which may run Python source too).
    Native(fn(&mut Vm, &ObjRef) -> PyResult<()>),
    /// Python source.
    Source(&'static str),
}

const MODULES: &[(&str, ModuleDef)] = &[
    ("math", ModuleDef::Native(math::init)),
    ("sys", ModuleDef::Native(sys::init)),
    ("time", ModuleDef::Native(time::init)),
    ("_thread", ModuleDef::Native(thread::init)),
    (
        crate::vm::consume::MODULE,
        ModuleDef::Source(include_str!("py/consume.py")),
    ),
    ("hashlib", ModuleDef::Native(hashlib::init)),
    (
        "threading",
        ModuleDef::Source(concat!(
            include_str!("py/threading.py"),
            include_str!("py/threading_thread.py")
        )),
    ),
    ("random", ModuleDef::Native(random::init)),
    ("os", ModuleDef::Native(os::init)),
    ("collections", ModuleDef::Native(collections::init)),
    (
        "collections.abc",
        ModuleDef::Source(include_str!("py/collections_abc.py")),
    ),
    ("functools", ModuleDef::Native(functools::init)),
    (
        "itertools",
        ModuleDef::Source(include_str!("py/itertools.py")),
    ),
    (
        "dataclasses",
        ModuleDef::Source(include_str!("py/dataclasses.py")),
    ),
    ("typing", ModuleDef::Source(include_str!("py/typing.py"))),
    ("heapq", ModuleDef::Source(include_str!("py/heapq.py"))),
    ("queue", ModuleDef::Source(include_str!("py/queue.py"))),
    ("concurrent", ModuleDef::Source("")),
    (
        "concurrent.futures",
        ModuleDef::Source(include_str!("py/concurrent_futures.py")),
    ),
    (
        "concurrent.futures._base",
        ModuleDef::Source(concat!(
            include_str!("py/futures_base.py"),
            include_str!("py/futures_future.py")
        )),
    ),
    (
        "concurrent.futures.thread",
        ModuleDef::Source(include_str!("py/futures_thread.py")),
    ),
    ("bisect", ModuleDef::Source(include_str!("py/bisect.py"))),
    (
        "operator",
        ModuleDef::Source(include_str!("py/operator.py")),
    ),
    ("copy", ModuleDef::Source(include_str!("py/copy.py"))),
    ("string", ModuleDef::Source(include_str!("py/string.py"))),
    ("_asyncio", ModuleDef::Native(asyncio_core::init)),
    ("_net", ModuleDef::Native(net::init)),
    (
        "requests",
        ModuleDef::Source(include_str!("py/requests.py")),
    ),
    ("urllib", ModuleDef::Source("")),
    (
        "urllib.error",
        ModuleDef::Source(include_str!("py/urllib_error.py")),
    ),
    (
        "urllib.request",
        ModuleDef::Source(include_str!("py/urllib_request.py")),
    ),
    ("aiohttp", ModuleDef::Source(include_str!("py/aiohttp.py"))),
    ("json", ModuleDef::Source(include_str!("py/json.py"))),
    (
        "asyncio",
        ModuleDef::Source(concat!(
            include_str!("py/asyncio_futures.py"),
            include_str!("py/asyncio_loop.py"),
            include_str!("py/asyncio_tasks.py"),
            include_str!("py/asyncio_sync.py"),
            include_str!("py/asyncio_queues.py"),
            include_str!("py/asyncio_wait.py")
        )),
    ),
    ("_pickle_codec", ModuleDef::Native(pickle_codec::init)),
    ("pickle", ModuleDef::Source(include_str!("py/pickle.py"))),
    ("_process", ModuleDef::Native(process::init)),
    (
        "concurrent.futures.process",
        ModuleDef::Source(include_str!("py/futures_process.py")),
    ),
    (
        "concurrent.futures.interpreter",
        ModuleDef::Source(include_str!("py/futures_interpreter.py")),
    ),
    (
        "multiprocessing",
        ModuleDef::Source(concat!(
            include_str!("py/multiprocessing.py"),
            include_str!("py/mp_process.py"),
            include_str!("py/mp_pool.py"),
            include_str!("py/mp_shared.py"),
            include_str!("py/mp_manager.py")
        )),
    ),
];

/// The module named `name`, if there is one.
pub fn find(name: &str) -> Option<ModuleDef> {
    MODULES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, def)| *def)
}

/// The names of the modules offered, for the `ModuleNotFoundError` hint.
pub fn available() -> Vec<&'static str> {
    let mut names: Vec<&str> = MODULES
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| *n != crate::vm::consume::MODULE)
        .collect();
    names.sort_unstable();
    names
}

/// Puts native functions into a module namespace.
pub fn add_functions(vm: &mut Vm, dict: &ObjRef, functions: &'static [NativeDef]) -> PyResult<()> {
    for def in functions {
        vm.dict_set(dict, intern(def.name), Value::Native(def))?;
    }
    Ok(())
}

/// Runs bundled Python source in a module namespace.
pub fn run_source(vm: &mut Vm, name: &str, source: &str, dict: &ObjRef) -> PyResult<()> {
    let filename = format!("<threadline {name}>");
    let code = crate::compile_source(source, &filename).map_err(|err| {
        crate::objects::PyErr::system_error(format!(
            "bundled module {name} does not compile: line {}: {}",
            err.line, err.message
        ))
    })?;
    vm.interp
        .sources
        .lock()
        .insert(filename.into(), source.into());
    vm.run_code_in(&code, dict)?;
    Ok(())
}

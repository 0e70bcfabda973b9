//! `_thread`: the native core `threading`, `queue` and `concurrent.futures`
//! are written over (in Python, as CPython writes them): starting a thread
//! and joining it through its handle, locks (`thread_lock.rs`), thread
//! identities, and the few hooks the bundled modules use to name waits,
//! print a thread's uncaught exception and record flows between threads.

use super::thread_lock::{TIMEOUT_MAX, lock_class, lock_value, new_lock, rlock_class};
use crate::host::Stream;
use crate::objects::builtin_types::make;
use crate::objects::names::intern;
use crate::objects::types::Layout;
use crate::objects::{Args, NativeDef, ObjRef, Object, Opaque, PyErr, PyResult, Value, types};
use crate::sched::{LockCore, PyThread, Spot, ThreadStart, WaitOn, WaitSpec, ident_of};
use crate::vm::Vm;
use std::sync::{Arc, OnceLock};
use threadline_core::record::EventKind;

fn handle_class() -> &'static ObjRef {
    static CLASS: OnceLock<ObjRef> = OnceLock::new();
    CLASS.get_or_init(|| {
        make(
            "_thread._ThreadHandle",
            &[&types().object],
            Layout::Native,
            &[HANDLE_METHODS],
            None,
        )
    })
}

fn handle_value(thread: Arc<PyThread>) -> Value {
    Value::obj(Object::Opaque(Opaque {
        class: handle_class().clone(),
        data: Box::new(thread),
    }))
}

fn handle_of<'a>(args: &Args<'a>) -> PyResult<&'a Arc<PyThread>> {
    match args
        .positional()
        .first()
        .and_then(Value::as_obj)
        .map(|o| &**o)
    {
        Some(Object::Opaque(opaque)) => opaque
            .data
            .downcast_ref::<Arc<PyThread>>()
            .ok_or_else(|| PyErr::type_error("not a thread handle")),
        _ => Err(PyErr::type_error("not a thread handle")),
    }
}

fn text_arg(value: &Value, what: &str) -> PyResult<String> {
    value
        .as_str()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| PyErr::type_error(format!("{what} must be a str")))
}

/// `start_joinable_thread(function, name, daemon)`: starts a Python thread
/// that calls `function()`; returns its handle.
fn start_joinable_thread(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("start_joinable_thread", 3, 3)?;
    let start = ThreadStart {
        target: a[0].clone(),
        args: Value::tuple(Vec::new()),
        kwargs: Value::None,
        name: text_arg(&a[1], "name")?,
        daemon: vm.truthy(&a[2])?,
    };
    let sched = vm.interp.sched.clone();
    let thread = sched.start_thread(vm, start)?;
    Ok(handle_value(thread))
}

/// `handle.join(timeout=None)`: waits for the thread's end; whether it ended.
fn handle_join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let thread = handle_of(&args)?.clone();
    let timeout = match args.get(1, "timeout") {
        None | Some(Value::None) => None,
        Some(value) => Some(
            crate::objects::float::as_float(value)
                .ok_or_else(|| PyErr::type_error("timeout must be a number"))??
                .max(0.0),
        ),
    };
    let spec = WaitSpec::new(
        WaitOn::Join(thread.clone()),
        timeout.map(|seconds| vm.interp.host.now_ms() + seconds * 1000.0),
    );
    if thread.is_done() {
        let sched = vm.interp.sched.clone();
        let (lane, line) = (vm.lane(), vm.line());
        sched.wait_completed(&vm.interp.modules, &spec, lane, line);
        return Ok(Value::Bool(true));
    }
    vm.block(spec)
}

fn handle_is_done(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(handle_of(&args)?.is_done()))
}

fn handle_ident(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::Int(handle_of(&args)?.ident))
}

fn handle_native_id(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::Int(handle_of(&args)?.native_id))
}

/// `handle.set_name(name)`: the program renamed the thread; so does its lane.
fn handle_set_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let thread = handle_of(&args)?.clone();
    let a = args.exact("set_name", 2, 2)?;
    thread.set_name(&text_arg(&a[1], "name")?);
    vm.interp.sched.rename_lane(&thread);
    Ok(Value::None)
}

static HANDLE_METHODS: &[NativeDef] = &[
    NativeDef::method("_ThreadHandle", "join", handle_join),
    NativeDef::method("_ThreadHandle", "is_done", handle_is_done),
    NativeDef::method("_ThreadHandle", "ident", handle_ident),
    NativeDef::method("_ThreadHandle", "native_id", handle_native_id),
    NativeDef::method("_ThreadHandle", "set_name", handle_set_name),
];

/// The handle of the main thread.
fn main_thread_handle(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("_main_thread_handle", 0, 0)?;
    match vm.interp.sched.thread(0) {
        Some(thread) => Ok(handle_value(thread)),
        None => Ok(Value::None),
    }
}

fn get_ident(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("get_ident", 0, 0)?;
    Ok(Value::Int(ident_of(vm.lane())))
}

fn main_ident(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("_main_ident", 0, 0)?;
    Ok(Value::Int(ident_of(0)))
}

fn get_native_id(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("get_native_id", 0, 0)?;
    Ok(Value::Int(crate::sched::native_id_of(vm.lane())))
}

fn allocate_lock(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("allocate_lock", 0, 0)?;
    Ok(new_lock(vm, false))
}

/// A lock for a bundled module (a queue's mutex): not recorded.
fn allocate_internal_lock(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("_allocate_internal_lock", 0, 0)?;
    Ok(new_lock(vm, true))
}

/// `_waiter(what, owner)`: the lock `Condition.wait` sleeps on, already
/// held by the calling thread and released by `notify`; `what` names the
/// wait on the timeline (`queue.get`), `owner` the object waited on.
fn waiter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_waiter", 2, 2)?;
    let what = text_arg(&a[0], "what")?;
    let owner = (!matches!(a[1], Value::None)).then_some(&a[1]);
    Ok(lock_value(
        lock_class(),
        LockCore::waiter(&what, owner, vm.lane()),
    ))
}

/// `_print_exception(exc, name)`: what `threading.excepthook` prints.
fn print_exception(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_print_exception", 2, 2)?;
    let Value::Obj(exc) = &a[0] else {
        return Ok(Value::None);
    };
    let name = vm.str(&a[1])?;
    let text = crate::traceback::format_error(vm, &PyErr::Exception(exc.clone()));
    vm.write(
        Stream::Stderr,
        &format!("Exception in thread {name}:\n{text}"),
    )?;
    Ok(Value::None)
}

/// `_flow_mark()`: where and when this thread stands, as the start of a
/// flow to record later (`None` when the run is not recorded).
fn flow_mark(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("_flow_mark", 0, 0)?;
    let sched = &vm.interp.sched;
    if !sched.is_recording() {
        return Ok(Value::None);
    }
    Ok(Value::tuple(vec![
        Value::Int(i64::from(vm.lane())),
        Value::Float(sched.now()),
        Value::Int(i64::from(vm.line())),
    ]))
}

/// `_flow_end(mark, kind)`: records a flow from `mark` to this thread now;
/// `kind` is `"submit"` (work handed to a pool) or `"result"`.
fn flow_end(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_flow_end", 2, 2)?;
    let Some([Value::Int(lane), Value::Float(at_ms), Value::Int(line)]) = a[0].as_tuple() else {
        return Ok(Value::None);
    };
    let from = Spot {
        lane: u16::try_from(*lane).unwrap_or(0),
        at_ms: *at_ms,
        line: u32::try_from(*line).unwrap_or(0),
    };
    let (out, inward) = match a[1].as_str().map(|s| s.as_str().to_string()).as_deref() {
        Some("submit") => (EventKind::Submit, EventKind::Receive),
        _ => (EventKind::Send, EventKind::Receive),
    };
    let (here, here_line) = (vm.lane(), vm.line());
    vm.interp.sched.flow(from, out, here, inward, here_line);
    Ok(Value::None)
}

fn stack_size(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("stack_size", 0, 1)?;
    Ok(Value::Int(0))
}

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("_thread", "start_joinable_thread", start_joinable_thread),
    NativeDef::function("_thread", "get_ident", get_ident),
    NativeDef::function("_thread", "get_native_id", get_native_id),
    NativeDef::function("_thread", "_main_ident", main_ident),
    NativeDef::function("_thread", "_main_thread_handle", main_thread_handle),
    NativeDef::function("_thread", "allocate_lock", allocate_lock),
    NativeDef::function("_thread", "allocate", allocate_lock),
    NativeDef::function("_thread", "_allocate_internal_lock", allocate_internal_lock),
    NativeDef::function("_thread", "_waiter", waiter),
    NativeDef::function("_thread", "_print_exception", print_exception),
    NativeDef::function("_thread", "_flow_mark", flow_mark),
    NativeDef::function("_thread", "_flow_end", flow_end),
    NativeDef::function("_thread", "stack_size", stack_size),
];

/// Fills the `_thread` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)?;
    vm.dict_set(dict, intern("LockType"), Value::Obj(lock_class().clone()))?;
    vm.dict_set(dict, intern("RLock"), Value::Obj(rlock_class().clone()))?;
    vm.dict_set(dict, intern("TIMEOUT_MAX"), Value::Float(TIMEOUT_MAX))?;
    vm.dict_set(
        dict,
        intern("error"),
        Value::Obj(types().runtime_error.clone()),
    )?;
    Ok(())
}

//! `_asyncio`: the native core the bundled `asyncio` (`py/asyncio_*.py`) is
//! written over, as CPython writes most of its event loop in Python.
//!
//! - The loop's one blocking point: a selector ([`Signal`], raised from
//!   outside the program or by another thread) waited on until the earliest
//!   timer with `_select`, through the scheduler, so that the wait releases
//!   the GIL, is recorded, can be cancelled, and in `one-core` hands control
//!   back to the driver.
//! - The lanes of tasks, their states and their flows on the timeline.
//! - `ExceptionGroup`, which `TaskGroup` raises, put into the builtins.

use crate::objects::builtin_types::make;
use crate::objects::names::intern;
use crate::objects::types::Layout;
use crate::objects::{Args, NativeDef, ObjRef, Object, Opaque, PyErr, PyResult, Value, types};
use crate::sched::{Signal, Spot, WaitOn, WaitSpec};
use crate::vm::Vm;
use std::sync::{Arc, OnceLock};
use threadline_core::record::{Activity, EventKind, LaneInfo, LaneKind};

fn selector_class() -> &'static ObjRef {
    static CLASS: OnceLock<ObjRef> = OnceLock::new();
    CLASS.get_or_init(|| {
        make(
            "_asyncio.Selector",
            &[&types().object],
            Layout::Native,
            &[],
            None,
        )
    })
}

/// The selector held by a Python value.
pub(crate) fn selector_of(value: &Value) -> PyResult<Arc<Signal>> {
    match value.as_obj().map(|o| &**o) {
        Some(Object::Opaque(opaque)) => opaque
            .data
            .downcast_ref::<Arc<Signal>>()
            .cloned()
            .ok_or_else(|| PyErr::type_error("not an event loop's selector")),
        _ => Err(PyErr::type_error("not an event loop's selector")),
    }
}

fn number(value: &Value, what: &str) -> PyResult<f64> {
    crate::objects::float::as_float(value)
        .ok_or_else(|| PyErr::type_error(format!("{what} must be a number")))?
}

fn int_arg(value: &Value) -> Option<i64> {
    match value {
        Value::Int(n) => Some(*n),
        _ => None,
    }
}

/// `_selector()`: what a loop waits on. It is "outside" (a network reply,
/// a thread's `call_soon_threadsafe`): a loop waiting on it is never taken
/// for a deadlock, as CPython's loop waits forever on an empty selector.
fn selector(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("_selector", 0, 0)?;
    let signal = Arc::new(Signal::new("event loop: select", true));
    Ok(Value::obj(Object::Opaque(Opaque {
        class: selector_class().clone(),
        data: Box::new(signal),
    })))
}

/// `_select(selector, timeout)`: waits until the selector is raised (`True`)
/// or `timeout` seconds pass (`False`; `None`: no limit). A zero timeout
/// only looks.
fn select(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_select", 2, 2)?;
    let signal = selector_of(&a[0])?;
    let timeout = match &a[1] {
        Value::None => None,
        value => Some(number(value, "timeout")?.max(0.0)),
    };
    if timeout == Some(0.0) || signal.is_raised() {
        return Ok(Value::Bool(signal.take()));
    }
    let deadline = timeout.map(|seconds| vm.interp.host.now_ms() + seconds * 1000.0);
    vm.block(WaitSpec::new(WaitOn::Signal(signal), deadline))
}

/// `_wake(selector)`: raises it, from any thread.
fn wake(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_wake", 1, 1)?;
    let signal = selector_of(&a[0])?;
    vm.interp.sched.raise_signal(&signal);
    Ok(Value::None)
}

/// `_time()`: the loop's clock, seconds on the host's monotonic clock.
fn time(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("_time", 0, 0)?;
    Ok(Value::Float(vm.interp.host.now_ms() / 1000.0))
}

/// `_task_lane(name)`: a lane for a task run by this thread's loop, named
/// as Python names the task; `None` when the run is not recorded (or has
/// used every lane).
fn task_lane(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_task_lane", 1, 1)?;
    let sched = vm.interp.sched.clone();
    if !sched.is_recording() {
        return Ok(Value::None);
    }
    let Some(lane) = sched.allocate_lane() else {
        return Ok(Value::None);
    };
    let name = vm.str(&a[0])?;
    sched.recorder().name_lane(LaneInfo {
        lane,
        name,
        process: 0,
        kind: LaneKind::Task {
            event_loop: vm.lane(),
        },
    });
    sched.mark(lane, Activity::Idle, 0, vm.line());
    Ok(Value::Int(i64::from(lane)))
}

/// `_rename_lane(lane, name)`: `Task.set_name`.
fn rename_lane(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_rename_lane", 2, 2)?;
    let Some(lane) = int_arg(&a[0]).and_then(|n| u16::try_from(n).ok()) else {
        return Ok(Value::None);
    };
    let name = vm.str(&a[1])?;
    vm.interp.sched.recorder().name_lane(LaneInfo {
        lane,
        name,
        process: 0,
        kind: LaneKind::Task {
            event_loop: vm.lane(),
        },
    });
    Ok(Value::None)
}

/// The activity a task's state names.
fn activity_of(state: &str) -> Option<Activity> {
    Some(match state {
        "running" => Activity::Cpu,
        "ready" => Activity::Idle,
        "sleep" => Activity::Sleep,
        "io" => Activity::Io,
        "wait" => Activity::Wait,
        "done" => Activity::Done,
        "cancelled" => Activity::Cancelled,
        _ => return None,
    })
}

/// The line a suspended coroutine stands on (0 if it is not one).
fn coroutine_line(value: Option<&Value>) -> u32 {
    match value.and_then(Value::as_obj).map(|o| &**o) {
        Some(Object::Generator(generator)) => generator
            .state
            .lock()
            .frame
            .as_ref()
            .map_or(0, |frame| frame.line()),
        _ => 0,
    }
}

/// `_coro_info(coro)`: `(qualname, filename, first line, current line)` of
/// a coroutine, for a task's repr (`None` for anything else, or a
/// coroutine whose frame is gone).
fn coro_info(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_coro_info", 1, 1)?;
    let Some(Object::Generator(generator)) = a[0].as_obj().map(|o| &**o) else {
        return Ok(Value::None);
    };
    let state = generator.state.lock();
    let Some(frame) = state.frame.as_ref() else {
        return Ok(Value::None);
    };
    let code = frame.code();
    Ok(Value::tuple(vec![
        Value::str(&generator.qualname),
        Value::str(&code.filename),
        Value::Int(i64::from(code.first_line)),
        Value::Int(i64::from(frame.line())),
    ]))
}

/// `_format_exception(exc)`: the traceback CPython prints for `exc`.
fn format_exception(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_format_exception", 1, 1)?;
    let Value::Obj(exc) = &a[0] else {
        return Ok(Value::str(""));
    };
    let text = crate::traceback::format_error(vm, &PyErr::Exception(exc.clone()));
    Ok(Value::string(text))
}

/// `_is_coroutine_function(func)`: whether `func` (or the function a bound
/// method wraps) is an `async def`.
fn is_coroutine_function(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_is_coroutine_function", 1, 1)?;
    let mut func = a[0].clone();
    if let Some(inner) = vm.getattr_opt(&func, &intern("__func__"))? {
        func = inner;
    }
    Ok(Value::Bool(matches!(
        func.as_obj().map(|o| &**o),
        Some(Object::Function(f)) if f.code.flags.coroutine
    )))
}

/// `_drop_step_frame(exc)`: forgets the traceback entry of the task step
/// that caught `exc` (CPython's task steps are C code and add none).
fn drop_step_frame(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_drop_step_frame", 1, 1)?;
    if let Value::Obj(exc) = &a[0]
        && let Some(data) = crate::objects::exception::exc_data(exc)
    {
        let mut data = data.lock();
        if data
            .traceback
            .last()
            .is_some_and(|entry| entry.code.filename.starts_with("<threadline asyncio"))
        {
            data.traceback.pop();
        }
    }
    Ok(Value::None)
}

/// `_mark(lane, state, note, coro=None)`: the task on `lane` is now in
/// `state` (`running`, `ready`, `sleep`, `io`, `wait`, `done`,
/// `cancelled`), for the reason `note` says (`None`: none), standing on the
/// line its coroutine `coro` is suspended at.
fn mark(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_mark", 3, 4)?;
    let Some(lane) = int_arg(&a[0]).and_then(|n| u16::try_from(n).ok()) else {
        return Ok(Value::None);
    };
    let state = a[1].as_str().map(|s| s.as_str().to_string());
    let Some(activity) = state.as_deref().and_then(activity_of) else {
        return Err(PyErr::value_error("unknown task state"));
    };
    let sched = vm.interp.sched.clone();
    let note = match &a[2] {
        Value::None => 0,
        text => sched.note(&vm.str(text)?),
    };
    sched.mark(lane, activity, note, coroutine_line(a.get(3)));
    Ok(Value::None)
}

/// `_flow_mark(lane)`: where and when a flow starts (`None` if not recorded).
fn flow_mark(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_flow_mark", 1, 1)?;
    let sched = &vm.interp.sched;
    let Some(lane) = int_arg(&a[0]) else {
        return Ok(Value::None);
    };
    if !sched.is_recording() {
        return Ok(Value::None);
    }
    Ok(Value::tuple(vec![
        Value::Int(lane),
        Value::Float(sched.now()),
    ]))
}

/// `_flow_end(mark, lane, kind)`: a flow from `mark` to `lane` now: `start`
/// (a task made: start → begin) or `finish` (a result awaited: finish →
/// join).
fn flow_end(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_flow_end", 3, 3)?;
    let Some([Value::Int(from), Value::Float(at_ms)]) = a[0].as_tuple() else {
        return Ok(Value::None);
    };
    let Some(to) = int_arg(&a[1]).and_then(|n| u16::try_from(n).ok()) else {
        return Ok(Value::None);
    };
    let from = Spot {
        lane: u16::try_from(*from).unwrap_or(0),
        at_ms: *at_ms,
        line: 0,
    };
    let (out, inward) = match a[2].as_str().map(|s| s.as_str() == "start") {
        Some(true) => (EventKind::Start, EventKind::Begin),
        _ => (EventKind::Finish, EventKind::Join),
    };
    vm.interp.sched.flow(from, out, to, inward, 0);
    Ok(Value::None)
}

/// `_lane()`: the lane of the calling thread (the loop's lane).
fn lane(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("_lane", 0, 0)?;
    Ok(Value::Int(i64::from(vm.lane())))
}

/// `_install_builtin(name, value)`: puts a class written in Python
/// (`ExceptionGroup`) among the builtins.
fn install_builtin(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_install_builtin", 2, 2)?;
    let builtins = vm.interp.builtins.clone();
    vm.dict_set(&builtins, a[0].clone(), a[1].clone())?;
    Ok(Value::None)
}

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("_asyncio", "_selector", selector),
    NativeDef::function("_asyncio", "_select", select),
    NativeDef::function("_asyncio", "_wake", wake),
    NativeDef::function("_asyncio", "_time", time),
    NativeDef::function("_asyncio", "_task_lane", task_lane),
    NativeDef::function("_asyncio", "_rename_lane", rename_lane),
    NativeDef::function("_asyncio", "_mark", mark),
    NativeDef::function("_asyncio", "_flow_mark", flow_mark),
    NativeDef::function("_asyncio", "_flow_end", flow_end),
    NativeDef::function("_asyncio", "_lane", lane),
    NativeDef::function("_asyncio", "_coro_info", coro_info),
    NativeDef::function("_asyncio", "_is_coroutine_function", is_coroutine_function),
    NativeDef::function("_asyncio", "_drop_step_frame", drop_step_frame),
    NativeDef::function("_asyncio", "_format_exception", format_exception),
    NativeDef::function("_asyncio", "_install_builtin", install_builtin),
];

/// Fills the `_asyncio` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)?;
    vm.dict_set(dict, intern("__doc__"), Value::None)?;
    Ok(())
}

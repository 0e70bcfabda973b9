//! `sys`: the interpreter's own state (`argv`, `getrefcount`, limits,
//! `stdout`/`stderr`).

use crate::host::Stream;
use crate::objects::builtin_types::make;
use crate::objects::names::intern;
use crate::objects::types::{Layout, dict_get_str};
use crate::objects::{Args, NativeDef, ObjRef, Object, PyErr, PyResult, Value, types};
use crate::vm::{Build, Vm};
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};

/// What `sys.getrefcount` answers for immediates (None, bools, small ints,
/// floats): they have no count here, and CPython 3.12+ gives immortal
/// objects this same value.
pub const IMMORTAL_REFCOUNT: i64 = 4_294_967_295;

fn getrefcount(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("getrefcount", 1, 1)?;
    Ok(Value::Int(match &a[0] {
        Value::Obj(obj) => Arc::strong_count(obj) as i64,
        _ => IMMORTAL_REFCOUNT,
    }))
}

fn getrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("getrecursionlimit", 0, 0)?;
    Ok(Value::Int(
        vm.interp.recursion_limit.load(Ordering::Relaxed) as i64,
    ))
}

fn setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("setrecursionlimit", 1, 1)?;
    let n = vm.to_index(&a[0])?;
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let capped = n.min(100_000) as u32;
    vm.interp.recursion_limit.store(capped, Ordering::Relaxed);
    vm.recursion_limit = capped as usize;
    Ok(Value::None)
}

fn getswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("getswitchinterval", 0, 0)?;
    Ok(Value::Float(vm.interp.sched.switch_interval_ms() / 1000.0))
}

fn setswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("setswitchinterval", 1, 1)?;
    let seconds = crate::objects::float::as_float(&a[0])
        .ok_or_else(|| PyErr::type_error("must be real number"))??;
    if seconds <= 0.0 {
        return Err(PyErr::value_error(
            "switch interval must be strictly positive",
        ));
    }
    // CPython keeps whole microseconds, at least one.
    let micros = (seconds * 1e6).round().clamp(1.0, u32::MAX as f64);
    vm.interp.sched.set_switch_interval_ms(micros / 1000.0);
    Ok(Value::None)
}

fn exit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("exit", 0, 1)?;
    Err(PyErr::new(
        &types().system_exit,
        a.first().cloned().unwrap_or(Value::Null),
    ))
}

fn exc_info(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("exc_info", 0, 0)?;
    let handled = vm.current_handled();
    Ok(match handled {
        Value::Obj(exc) => Value::tuple(vec![
            Value::Obj(Value::Obj(exc.clone()).class().clone()),
            Value::Obj(exc),
            Value::None,
        ]),
        _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("exception", 0, 0)?;
    Ok(match vm.current_handled() {
        Value::Null => Value::None,
        other => other,
    })
}

fn is_gil_enabled(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("_is_gil_enabled", 0, 0)?;
    Ok(Value::Bool(vm.interp.build != Build::FreeThreaded))
}

fn intern_fn(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("intern", 1, 1)?;
    match a[0].as_str() {
        Some(s) => Ok(intern(s.as_str())),
        None => Err(PyErr::type_error("intern() argument must be str")),
    }
}

fn int_max_str_digits(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(Value::Int(crate::vm::repr::MAX_STR_DIGITS as i64))
}

fn set_int_max_str_digits(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(PyErr::not_implemented(
        "Threadline Python keeps the limit of 4300 digits",
    ))
}

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("sys", "getrefcount", getrefcount),
    NativeDef::function("sys", "getrecursionlimit", getrecursionlimit),
    NativeDef::function("sys", "setrecursionlimit", setrecursionlimit),
    NativeDef::function("sys", "getswitchinterval", getswitchinterval),
    NativeDef::function("sys", "setswitchinterval", setswitchinterval),
    NativeDef::function("sys", "exit", exit),
    NativeDef::function("sys", "exc_info", exc_info),
    NativeDef::function("sys", "exception", exception),
    NativeDef::function("sys", "_is_gil_enabled", is_gil_enabled),
    NativeDef::function("sys", "intern", intern_fn),
    NativeDef::function("sys", "get_int_max_str_digits", int_max_str_digits),
    NativeDef::function("sys", "set_int_max_str_digits", set_int_max_str_digits),
];

fn stream_write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("write", 2, 2)?;
    let Some(stream) = stream_of(&a[0]) else {
        return Err(PyErr::type_error("write() needs a stream"));
    };
    let text = a[1]
        .as_str()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "write() argument must be str, not {}",
                a[1].type_name()
            ))
        })?;
    vm.write(stream, &text)?;
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_flush(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    vm.interp.host.flush();
    Ok(Value::None)
}

static STREAM_METHODS: &[NativeDef] = &[
    NativeDef::method("TextIOWrapper", "write", stream_write),
    NativeDef::method("TextIOWrapper", "flush", stream_flush),
];

fn stream_class() -> &'static ObjRef {
    static CLASS: OnceLock<ObjRef> = OnceLock::new();
    CLASS.get_or_init(|| {
        make(
            "_io.TextIOWrapper",
            &[&types().object],
            Layout::Object,
            &[STREAM_METHODS],
            None,
        )
    })
}

/// The stream a `sys.stdout`/`sys.stderr` object writes to.
pub fn stream_of(value: &Value) -> Option<Stream> {
    let Value::Obj(obj) = value else { return None };
    let Object::Instance(instance) = &**obj else {
        return None;
    };
    if !Arc::ptr_eq(&instance.class, stream_class()) {
        return None;
    }
    match dict_get_str(&instance.dict, &intern("_fd")) {
        Some(Value::Int(2)) => Some(Stream::Stderr),
        _ => Some(Stream::Stdout),
    }
}

fn new_stream(vm: &mut Vm, fd: i64, name: &str) -> PyResult {
    let stream = crate::vm::class::new_instance(stream_class(), Vec::new())?;
    vm.setattr(&stream, &intern("_fd"), Value::Int(fd))?;
    vm.setattr(&stream, &intern("name"), Value::str(name))?;
    vm.setattr(&stream, &intern("encoding"), Value::str("utf-8"))?;
    Ok(stream)
}

/// Fills the `sys` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)?;
    let argv: Vec<Value> = vm.interp.argv.iter().map(|a| Value::str(a)).collect();
    let argv = Value::list(argv)?;
    let stdout = new_stream(vm, 1, "<stdout>")?;
    let stderr = new_stream(vm, 2, "<stderr>")?;
    let version_info = Value::tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        Value::str("final"),
        Value::Int(0),
    ]);
    let path = Value::list(vec![Value::str("")])?;
    let entries = [
        ("argv", argv),
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
        ("version", Value::str("3.11.7 (Threadline Python)")),
        ("version_info", version_info),
        ("hexversion", Value::Int(0x030b07f0)),
        ("platform", Value::str("linux")),
        ("byteorder", Value::str("little")),
        ("maxsize", Value::Int(i64::MAX)),
        ("executable", Value::str("threadline-python")),
        ("modules", Value::Obj(vm.interp.modules.clone())),
        ("path", path),
        ("dont_write_bytecode", Value::Bool(true)),
    ];
    for (name, value) in entries {
        vm.dict_set(dict, intern(name), value)?;
    }
    Ok(())
}

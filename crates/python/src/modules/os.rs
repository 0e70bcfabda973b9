//! `os`: the little of it concurrency programs use.

use crate::objects::names::intern;
use crate::objects::{Args, NativeDef, ObjRef, PyResult, Value};
use crate::vm::Vm;

/// `os.getpid()` of the program's main process.
pub const PID: u32 = crate::procs::MAIN_PID;

fn getpid(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("getpid", 0, 0)?;
    Ok(Value::Int(i64::from(vm.interp.process.identity.os_pid)))
}

fn getppid(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("getppid", 0, 0)?;
    Ok(Value::Int(i64::from(
        vm.interp.process.identity.os_parent_pid,
    )))
}

fn cpu_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("cpu_count", 0, 0)?;
    Ok(Value::Int(vm.interp.host.cpu_count() as i64))
}

fn getenv(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("getenv", 1, 2)?;
    Ok(a.get(1).cloned().unwrap_or(Value::None))
}

/// `os._exit(n)`: the process ends at once with status `n` (no cleanup,
/// no traceback, threads stopped where they stand).
fn exit_now(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("_exit", 1, 1)?;
    let Value::Int(code) = a[0] else {
        return Err(crate::objects::PyErr::type_error(
            "'status' must be an integer",
        ));
    };
    vm.interp.process.force_exit(code as i32);
    Err(crate::objects::PyErr::Halt(
        crate::objects::exception::Halt::Cancelled,
    ))
}

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("os", "_exit", exit_now),
    NativeDef::function("os", "getpid", getpid),
    NativeDef::function("os", "getppid", getppid),
    NativeDef::function("os", "cpu_count", cpu_count),
    NativeDef::function("os", "process_cpu_count", cpu_count),
    NativeDef::function("os", "getenv", getenv),
];

/// Fills the `os` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)?;
    let environ = Value::new_dict_obj();
    vm.dict_set(dict, intern("environ"), Value::Obj(environ))?;
    vm.dict_set(dict, intern("sep"), Value::str("/"))?;
    vm.dict_set(dict, intern("linesep"), Value::str("\n"))?;
    vm.dict_set(dict, intern("name"), Value::str("posix"))?;
    Ok(())
}

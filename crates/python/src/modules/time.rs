//! `time`: clocks from the host, and `sleep` as a real wait: a blocked state
//! of the thread that lets go of the GIL (see `crate::sched`).

use crate::objects::{Args, NativeDef, ObjRef, PyErr, PyResult, Value};
use crate::sched::{WaitOn, WaitSpec};
use crate::vm::Vm;

fn seconds_since_start(vm: &Vm) -> f64 {
    vm.interp.host.now_ms() / 1000.0
}

fn time(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("time", 0, 0)?;
    Ok(Value::Float(vm.interp.host.unix_time_s()))
}

fn time_ns(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("time_ns", 0, 0)?;
    Ok(Value::Int((vm.interp.host.unix_time_s() * 1e9) as i64))
}

fn perf_counter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("perf_counter", 0, 0)?;
    Ok(Value::Float(seconds_since_start(vm)))
}

fn perf_counter_ns(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("perf_counter_ns", 0, 0)?;
    Ok(Value::Int((vm.interp.host.now_ms() * 1e6) as i64))
}

fn process_time(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("process_time", 0, 0)?;
    Ok(Value::Float(
        (vm.interp.host.now_ms() - vm.interp.start_ms) / 1000.0,
    ))
}

/// `time.thread_time()`: the time this thread spent running bytecode
/// (holding the GIL under `gil`, scheduled under `one-core`).
fn thread_time(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("thread_time", 0, 0)?;
    let now = vm.interp.host.now_ms();
    let ms = match &vm.thread {
        Some(thread) => thread.cpu_ms(now),
        None => now - vm.interp.start_ms,
    };
    Ok(Value::Float(ms / 1000.0))
}

/// `time.sleep(seconds)`: the thread blocks until the deadline.
fn sleep(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("sleep", 1, 1)?;
    let seconds = match crate::objects::float::as_float(&a[0]) {
        Some(s) => s?,
        None => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                a[0].type_name()
            )));
        }
    };
    if seconds.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if seconds < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    let until_ms = vm.interp.host.now_ms() + seconds * 1000.0;
    vm.block(WaitSpec::new(WaitOn::Sleep, Some(until_ms)))
}

static FUNCTIONS: &[NativeDef] = &[
    NativeDef::function("time", "time", time),
    NativeDef::function("time", "time_ns", time_ns),
    NativeDef::function("time", "perf_counter", perf_counter),
    NativeDef::function("time", "perf_counter_ns", perf_counter_ns),
    NativeDef::function("time", "monotonic", perf_counter),
    NativeDef::function("time", "monotonic_ns", perf_counter_ns),
    NativeDef::function("time", "process_time", process_time),
    NativeDef::function("time", "thread_time", thread_time),
    NativeDef::function("time", "sleep", sleep),
];

/// Fills the `time` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    super::add_functions(vm, dict, FUNCTIONS)
}

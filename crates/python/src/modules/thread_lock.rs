//! `_thread.lock` and `_thread.RLock`: the locks every other construct of
//! `threading`, `queue` and `concurrent.futures` is built on (as CPython
//! builds them). Their state is a [`LockCore`]; a lock that must wait blocks
//! through the scheduler (`crate::sched`), which records it and releases the
//! GIL meanwhile.

use crate::objects::builtin_types::make;
use crate::objects::float::as_float;
use crate::objects::types::Layout;
use crate::objects::{Args, NativeDef, ObjRef, Object, Opaque, PyErr, PyResult, Value, types};
use crate::sched::{LockCore, LockKind, WaitOn, WaitSpec};
use crate::vm::Vm;
use std::sync::{Arc, OnceLock};
use threadline_core::record::EventKind;

/// `_thread.TIMEOUT_MAX`, in seconds.
pub const TIMEOUT_MAX: f64 = 9_223_372_036.0;

/// The class `_thread.lock`.
pub fn lock_class() -> &'static ObjRef {
    static CLASS: OnceLock<ObjRef> = OnceLock::new();
    CLASS.get_or_init(|| {
        make(
            "_thread.lock",
            &[&types().object],
            Layout::Native,
            &[LOCK_METHODS],
            None,
        )
    })
}

/// The class `_thread.RLock`.
pub fn rlock_class() -> &'static ObjRef {
    static CLASS: OnceLock<ObjRef> = OnceLock::new();
    CLASS.get_or_init(|| {
        make(
            "_thread.RLock",
            &[&types().object],
            Layout::Native,
            &[RLOCK_METHODS],
            Some(rlock_new),
        )
    })
}

/// A new Python lock object over `core`.
pub fn lock_value(class: &ObjRef, core: LockCore) -> Value {
    Value::obj(Object::Opaque(Opaque {
        class: class.clone(),
        data: Box::new(Arc::new(core)),
    }))
}

/// A new `threading.Lock()`, made on the caller's line; `internal` for the
/// locks bundled modules make (their acquisitions are not recorded).
pub fn new_lock(vm: &Vm, internal: bool) -> Value {
    lock_value(
        lock_class(),
        LockCore::new(LockKind::Plain, vm.line(), internal),
    )
}

fn rlock_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let _ = args;
    Ok(lock_value(
        rlock_class(),
        LockCore::new(LockKind::Reentrant, vm.line(), false),
    ))
}

/// The lock state of `value`, if it is a lock.
pub fn core_of(value: &Value) -> Option<&Arc<LockCore>> {
    match value.as_obj().map(|obj| &**obj) {
        Some(Object::Opaque(opaque)) => opaque.data.downcast_ref::<Arc<LockCore>>(),
        _ => None,
    }
}

fn this<'a>(args: &Args<'a>, method: &str) -> PyResult<&'a Arc<LockCore>> {
    args.positional()
        .first()
        .and_then(core_of)
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{method}' requires a lock object")))
}

/// `acquire(blocking=True, timeout=-1)`'s arguments, checked as CPython
/// checks them: whether to wait, and for how many seconds (`None`: for good).
fn acquire_arguments(vm: &mut Vm, args: &Args<'_>) -> PyResult<(bool, Option<f64>)> {
    for (name, _) in args.keywords() {
        if name != "blocking" && name != "timeout" {
            return Err(PyErr::type_error(format!(
                "'{name}' is an invalid keyword argument for acquire()"
            )));
        }
    }
    let given = args.positional().len().saturating_sub(1);
    if given > 2 {
        return Err(PyErr::type_error(format!(
            "acquire() takes at most 2 arguments ({given} given)"
        )));
    }
    let blocking = match args.get(1, "blocking") {
        Some(value) => vm.truthy(value)?,
        None => true,
    };
    let timeout = match args.get(2, "timeout") {
        Some(value) => {
            as_float(value).ok_or_else(|| PyErr::type_error("must be real number"))??
        }
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(PyErr::value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(PyErr::value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(PyErr::overflow(
            "timestamp out of range for platform time_t",
        ));
    }
    Ok((blocking, (timeout >= 0.0).then_some(timeout)))
}

/// Takes `core` for the calling thread: at once if it is free, else by
/// waiting (unless `blocking` is false) for at most `timeout` seconds.
pub fn acquire_core(
    vm: &mut Vm,
    core: &Arc<LockCore>,
    blocking: bool,
    timeout: Option<f64>,
) -> PyResult {
    let lane = vm.lane();
    if core.try_acquire(lane, false) {
        let sched = vm.interp.sched.clone();
        let line = vm.line();
        sched.lock_event(
            &vm.interp.modules,
            core,
            lane,
            EventKind::Acquire,
            line,
            false,
        );
        return Ok(Value::Bool(true));
    }
    if !blocking {
        return Ok(Value::Bool(false));
    }
    let deadline = timeout.map(|seconds| vm.interp.host.now_ms() + seconds * 1000.0);
    vm.block(WaitSpec::new(WaitOn::Lock(core.clone()), deadline))
}

/// Lets go of `core` once, waking a waiter if one may sleep on it.
pub fn release_core(vm: &mut Vm, core: &Arc<LockCore>) -> PyResult<()> {
    let lane = vm.lane();
    let wake = core.release(lane).map_err(PyErr::runtime_error)?;
    let sched = vm.interp.sched.clone();
    if sched.is_recording() && !core.internal {
        let line = vm.line();
        sched.lock_event(
            &vm.interp.modules,
            core,
            lane,
            EventKind::Release,
            line,
            false,
        );
    }
    if wake {
        sched.wake_lock(core);
    }
    Ok(())
}

fn acquire(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "acquire")?.clone();
    let (blocking, timeout) = acquire_arguments(vm, &args)?;
    acquire_core(vm, &core, blocking, timeout)
}

fn enter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "__enter__")?.clone();
    acquire_core(vm, &core, true, None)
}

fn release(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "release")?.clone();
    args.count("release", 1, 1)?;
    release_core(vm, &core)?;
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "__exit__")?.clone();
    release_core(vm, &core)?;
    Ok(Value::None)
}

fn locked(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(this(&args, "locked")?.is_locked()))
}

/// A plain lock is "owned" when held: what `Condition` asks of it, answered
/// without taking and releasing it (which would be recorded).
fn lock_is_owned(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(this(&args, "_is_owned")?.is_locked()))
}

fn lock_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "__repr__")?;
    let state = if core.is_locked() {
        "locked"
    } else {
        "unlocked"
    };
    let id = args.positional()[0].id();
    Ok(Value::string(format!(
        "<{state} _thread.lock object at {id:#x}>"
    )))
}

static LOCK_METHODS: &[NativeDef] = &[
    NativeDef::method("lock", "acquire", acquire),
    NativeDef::method("lock", "acquire_lock", acquire),
    NativeDef::method("lock", "release", release),
    NativeDef::method("lock", "release_lock", release),
    NativeDef::method("lock", "locked", locked),
    NativeDef::method("lock", "locked_lock", locked),
    NativeDef::method("lock", "_is_owned", lock_is_owned),
    NativeDef::method("lock", "__enter__", enter),
    NativeDef::method("lock", "__exit__", exit),
    NativeDef::method("lock", "__repr__", lock_repr),
];

fn rlock_is_owned(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "_is_owned")?;
    Ok(Value::Bool(
        core.holder() == Some(vm.lane()) && core.count() > 0,
    ))
}

/// `Condition.wait` on an `RLock`: lets go of it completely, returning what
/// `_acquire_restore` needs to take it back as it was.
fn release_save(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "_release_save")?.clone();
    let lane = vm.lane();
    let Some((count, wake)) = core.release_all(lane) else {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    };
    let sched = vm.interp.sched.clone();
    let line = vm.line();
    sched.lock_event(
        &vm.interp.modules,
        &core,
        lane,
        EventKind::Release,
        line,
        false,
    );
    // Every acquisition is undone at once.
    core.recorded_holds
        .store(0, std::sync::atomic::Ordering::Relaxed);
    if wake {
        sched.wake_lock(&core);
    }
    let owner = crate::sched::ident_of(lane);
    Ok(Value::tuple(vec![
        Value::Int(i64::from(count)),
        Value::Int(owner),
    ]))
}

/// Takes an `RLock` back after `Condition.wait`, waiting if it must (the
/// wait may leave the dispatch loop under `one-core`, so the count is put
/// back by `_restore_count`, which `Condition` calls next).
fn acquire_restore(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "_acquire_restore")?.clone();
    args.exact("_acquire_restore", 2, 2)?;
    acquire_core(vm, &core, true, None)
}

/// Sets the count an `RLock` had before `Condition.wait` released it.
fn restore_count(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "_restore_count")?;
    let a = args.exact("_restore_count", 2, 2)?;
    let count = match a[1].as_tuple() {
        Some([Value::Int(count), _]) => u32::try_from(*count).unwrap_or(1),
        _ => 1,
    };
    core.restore_count(count);
    Ok(Value::None)
}

fn recursion_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "_recursion_count")?;
    let count = if core.holder() == Some(vm.lane()) {
        core.count()
    } else {
        0
    };
    Ok(Value::Int(i64::from(count)))
}

fn rlock_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let core = this(&args, "__repr__")?;
    let state = if core.is_locked() {
        "locked"
    } else {
        "unlocked"
    };
    let owner = core.holder().map_or(0, crate::sched::ident_of);
    let id = args.positional()[0].id();
    Ok(Value::string(format!(
        "<{state} _thread.RLock object owner={owner} count={} at {id:#x}>",
        core.count()
    )))
}

static RLOCK_METHODS: &[NativeDef] = &[
    NativeDef::method("RLock", "acquire", acquire),
    NativeDef::method("RLock", "release", release),
    NativeDef::method("RLock", "locked", locked),
    NativeDef::method("RLock", "_is_owned", rlock_is_owned),
    NativeDef::method("RLock", "_release_save", release_save),
    NativeDef::method("RLock", "_acquire_restore", acquire_restore),
    NativeDef::method("RLock", "_restore_count", restore_count),
    NativeDef::method("RLock", "_recursion_count", recursion_count),
    NativeDef::method("RLock", "__enter__", enter),
    NativeDef::method("RLock", "__exit__", exit),
    NativeDef::method("RLock", "__repr__", rlock_repr),
];

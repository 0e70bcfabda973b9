//! `range` and `slice`.

use super::int::as_int;
use super::{Args, NativeDef, Object, PyErr, PyResult, RangeObj, Value};
use crate::vm::Vm;

fn range_int(vm: &mut Vm, value: &Value) -> PyResult<i64> {
    match as_int(value) {
        Some(n) => n.to_i64().ok_or_else(|| {
            PyErr::overflow("Threadline Python's range() takes ints within 64 bits")
        }),
        None => vm.to_index(value).map_err(|_| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                value.type_name()
            ))
        }),
    }
}

/// `range(stop)`, `range(start, stop[, step])`.
pub fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("range", 1, 3)?;
    let (start, stop, step) = match a.len() {
        1 => (0, range_int(vm, &a[0])?, 1),
        2 => (range_int(vm, &a[0])?, range_int(vm, &a[1])?, 1),
        _ => (
            range_int(vm, &a[0])?,
            range_int(vm, &a[1])?,
            range_int(vm, &a[2])?,
        ),
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::obj(Object::Range(RangeObj { start, stop, step })))
}

fn this(args: &Args<'_>) -> PyResult<RangeObj> {
    match args.positional().first() {
        Some(Value::Obj(o)) => match &**o {
            Object::Range(r) => Ok(*r),
            _ => Err(PyErr::type_error("descriptor requires a 'range' object")),
        },
        _ => Err(PyErr::type_error("descriptor requires a 'range' object")),
    }
}

fn position(r: RangeObj, value: &Value) -> Option<i64> {
    let n = as_int(value)?.to_i64()?;
    let inside = if r.step > 0 {
        n >= r.start && n < r.stop
    } else {
        n <= r.start && n > r.stop
    };
    let offset = n.checked_sub(r.start)?;
    (inside && offset % r.step == 0).then(|| offset / r.step)
}

fn count(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(&args)?;
    let a = args.exact("count", 2, 2)?;
    Ok(Value::Int(position(r, &a[1]).is_some() as i64))
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(&args)?;
    let a = args.exact("index", 2, 2)?;
    match position(r, &a[1]) {
        Some(i) => Ok(Value::Int(i)),
        None => {
            let shown = vm.repr(&a[1])?;
            Err(PyErr::value_error(format!("{shown} is not in range")))
        }
    }
}

/// Methods of `range`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("range", "count", count),
    NativeDef::method("range", "index", index),
];

/// `slice(stop)`, `slice(start, stop[, step])`.
pub fn slice_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("slice", 1, 3)?;
    let parts = match a.len() {
        1 => [Value::None, a[0].clone(), Value::None],
        2 => [a[0].clone(), a[1].clone(), Value::None],
        _ => [a[0].clone(), a[1].clone(), a[2].clone()],
    };
    Ok(Value::obj(Object::Slice(Box::new(parts))))
}

fn indices(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("indices", 2, 2)?;
    let Value::Obj(o) = &a[0] else {
        return Err(PyErr::type_error("indices() needs a slice"));
    };
    let Object::Slice(parts) = &**o else {
        return Err(PyErr::type_error("indices() needs a slice"));
    };
    let len = vm.to_index(&a[1])?;
    let (start, stop, step, _) = crate::vm::subscript::slice_indices(vm, parts, len)?;
    Ok(Value::tuple(vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step),
    ]))
}

/// Methods of `slice`.
pub static SLICE_METHODS: &[NativeDef] = &[NativeDef::method("slice", "indices", indices)];

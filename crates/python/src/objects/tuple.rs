//! `tuple`.

use super::{Args, NativeDef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;

fn items<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    args.positional()
        .first()
        .and_then(Value::as_tuple)
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' requires a 'tuple' object")))
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let items = items(&args, "count")?.to_vec();
    let a = args.exact("count", 2, 2)?;
    let mut n = 0;
    for item in &items {
        if vm.eq(item, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let items = items(&args, "index")?.to_vec();
    let a = args.exact("index", 2, 4)?;
    let (start, end) = super::list::bounds(vm, items.len(), a.get(2), a.get(3))?;
    for (i, item) in items.iter().enumerate().take(end).skip(start) {
        if vm.eq(item, &a[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

/// `tuple(iterable=())`.
pub fn tuple_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.exact("tuple", 0, 1)?;
    match pos.first() {
        None => Ok(Value::tuple(Vec::new())),
        Some(v @ Value::Obj(o)) if matches!(&**o, Object::Tuple(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::tuple(vm.collect(v)?)),
    }
}

/// `tuple.__new__(cls, iterable=())`: makes instances of subclasses too.
fn tuple_new_static(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("tuple.__new__", 1, 2)?;
    let Value::Obj(class) = &a[0] else {
        return Err(PyErr::type_error(
            "tuple.__new__(X): X is not a type object",
        ));
    };
    let items = match a.get(1) {
        Some(iterable) => vm.collect(iterable)?,
        None => Vec::new(),
    };
    if std::sync::Arc::ptr_eq(class, &super::types().tuple) {
        return Ok(Value::tuple(items));
    }
    crate::vm::class::new_instance(class, items)
}

/// Methods of `tuple`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::static_method("tuple", "__new__", tuple_new_static),
    NativeDef::method("tuple", "count", count),
    NativeDef::method("tuple", "index", index),
];

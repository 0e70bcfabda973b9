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

/// Methods of `tuple`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("tuple", "count", count),
    NativeDef::method("tuple", "index", index),
];

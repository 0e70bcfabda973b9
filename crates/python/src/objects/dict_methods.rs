//! Methods of `dict` (they work on subclasses' native dict too).

use super::iter::ViewKind;
use super::{Args, DictMap, NativeDef, ObjRef, Object, PyErr, PyResult, Value};
use crate::heap;
use crate::vm::Vm;
use crate::vm::containers::dict_of;

fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a ObjRef> {
    if let Some(Value::Obj(o)) = args.positional().first()
        && dict_of(o).is_some()
    {
        return Ok(o);
    }
    Err(PyErr::type_error(format!(
        "descriptor '{name}' for 'dict' objects doesn't apply"
    )))
}

fn view(args: Args<'_>, name: &str, kind: ViewKind) -> PyResult {
    let dict = this(&args, name)?;
    args.exact(name, 1, 1)?;
    Ok(Value::obj(Object::DictView(dict.clone(), kind)))
}

fn keys(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    view(args, "keys", ViewKind::Keys)
}

fn values(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    view(args, "values", ViewKind::Values)
}

fn items(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    view(args, "items", ViewKind::Items)
}

fn get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this(&args, "get")?;
    let a = args.exact("get", 2, 3)?;
    Ok(vm
        .dict_get(dict, &a[1])?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this(&args, "pop")?;
    let a = args.exact("pop", 2, 3)?;
    match vm.dict_remove(dict, &a[1])? {
        Some(v) => Ok(v),
        None => a
            .get(2)
            .cloned()
            .ok_or_else(|| PyErr::key_error(a[1].clone())),
    }
}

fn popitem(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this(&args, "popitem")?;
    let Some(d) = dict_of(dict) else {
        return Err(PyErr::type_error("expected a dict"));
    };
    let popped = d.lock().pop_last();
    d.bump();
    match popped {
        Some((k, v)) => {
            heap::refund_items(2);
            Ok(Value::tuple(vec![k, v]))
        }
        None => Err(PyErr::key_error(Value::str(
            "popitem(): dictionary is empty",
        ))),
    }
}

fn setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this(&args, "setdefault")?;
    let a = args.exact("setdefault", 2, 3)?;
    if let Some(v) = vm.dict_get(dict, &a[1])? {
        return Ok(v);
    }
    let default = a.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(dict, a[1].clone(), default.clone())?;
    Ok(default)
}

fn update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this(&args, "update")?.clone();
    let a = args.count("update", 1, 2)?;
    let target = Value::Obj(dict.clone());
    if let Some(source) = a.get(1) {
        vm.dict_update_from(&target, source, false)?;
    }
    for (name, value) in args.keywords() {
        vm.dict_set(&dict, Value::str(name), value.clone())?;
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this(&args, "clear")?;
    if let Some(d) = dict_of(dict) {
        let old = d.lock().clear();
        d.bump();
        heap::refund_items(old.len() * 2);
    }
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dict = this(&args, "copy")?;
    let map = dict_of(dict).map(|d| d.lock().clone()).unwrap_or_default();
    Value::dict(map)
}

fn fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("fromkeys", 2, 3)?;
    let keys = vm.collect(&a[1])?;
    let value = a.get(2).cloned().unwrap_or(Value::None);
    let result = Value::dict(DictMap::new())?;
    let made = match &a[0] {
        Value::Obj(class) if !std::sync::Arc::ptr_eq(class, &super::types().dict) => {
            vm.call(&a[0], &[])?
        }
        _ => result,
    };
    for key in keys {
        vm.setitem(&made, key, value.clone())?;
    }
    Ok(made)
}

fn dict_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    update(vm, args)
}

/// `dict(mapping_or_pairs=(), **kwargs)`.
pub fn dict_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.count("dict", 0, 1)?;
    let result = Value::dict(DictMap::new())?;
    let Value::Obj(dict) = &result else {
        return Ok(result);
    };
    if let Some(source) = a.first() {
        vm.dict_update_from(&result, source, false)?;
    }
    for (name, value) in args.keywords() {
        vm.dict_set(dict, Value::str(name), value.clone())?;
    }
    Ok(result)
}

/// Methods of `dict`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("dict", "keys", keys),
    NativeDef::method("dict", "values", values),
    NativeDef::method("dict", "items", items),
    NativeDef::method("dict", "get", get),
    NativeDef::method("dict", "pop", pop),
    NativeDef::method("dict", "popitem", popitem),
    NativeDef::method("dict", "setdefault", setdefault),
    NativeDef::method("dict", "update", update),
    NativeDef::method("dict", "clear", clear),
    NativeDef::method("dict", "copy", copy),
    NativeDef::class_method("dict", "fromkeys", fromkeys),
    NativeDef::method("dict", "__init__", dict_init),
];

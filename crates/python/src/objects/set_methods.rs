//! Methods of `set` and `frozenset`.

use super::{Args, NativeDef, Object, PyErr, PyResult, Value};
use crate::compile::{BinOpKind, CmpKind};
use crate::vm::Vm;

fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.positional().first() {
        Some(v @ Value::Obj(o)) if matches!(&**o, Object::Set(_) | Object::FrozenSet(_)) => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'set' object"
        ))),
    }
}

fn add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this(&args, "add")?;
    let a = args.exact("add", 2, 2)?;
    vm.set_add(set, a[1].clone())?;
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this(&args, "discard")?;
    let a = args.exact("discard", 2, 2)?;
    vm.set_discard(set, &a[1])?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this(&args, "remove")?;
    let a = args.exact("remove", 2, 2)?;
    if !vm.set_discard(set, &a[1])? {
        return Err(PyErr::key_error(a[1].clone()));
    }
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this(&args, "pop")?;
    if let Value::Obj(o) = set
        && let Object::Set(table) = &**o
    {
        return match table.lock().pop() {
            Some(v) => {
                crate::heap::refund_items(1);
                Ok(v)
            }
            None => Err(PyErr::key_error(Value::str("pop from an empty set"))),
        };
    }
    Err(PyErr::type_error("pop() needs a set"))
}

fn clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this(&args, "clear")?;
    if let Value::Obj(o) = set
        && let Object::Set(table) = &**o
    {
        let old = table.lock().clear();
        crate::heap::refund_items(old.len());
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this(&args, "copy")?;
    let items = vm.set_source_items(set)?;
    match set {
        Value::Obj(o) if matches!(&**o, Object::FrozenSet(_)) => Ok(set.clone()),
        _ => vm.new_set(items),
    }
}

fn combine(vm: &mut Vm, args: Args<'_>, name: &str, kind: BinOpKind) -> PyResult {
    let set = this(&args, name)?;
    let frozen = matches!(set, Value::Obj(o) if matches!(&**o, Object::FrozenSet(_)));
    let items = vm.set_source_items(set)?;
    let mut result = vm.new_set(items)?;
    for other in &args.positional()[1..] {
        let other_items = vm.set_source_items(other)?;
        let other_set = vm.new_set(other_items)?;
        result = match vm.builtin_binary(kind, &result, &other_set)? {
            Some(combined) => combined,
            None => result,
        };
    }
    if frozen {
        let items = vm.set_source_items(&result)?;
        return vm.new_frozenset(items);
    }
    Ok(result)
}

fn union(vm: &mut Vm, args: Args<'_>) -> PyResult {
    combine(vm, args, "union", BinOpKind::Or)
}

fn intersection(vm: &mut Vm, args: Args<'_>) -> PyResult {
    combine(vm, args, "intersection", BinOpKind::And)
}

fn difference(vm: &mut Vm, args: Args<'_>) -> PyResult {
    combine(vm, args, "difference", BinOpKind::Sub)
}

fn symmetric_difference(vm: &mut Vm, args: Args<'_>) -> PyResult {
    combine(vm, args, "symmetric_difference", BinOpKind::Xor)
}

fn update_with(vm: &mut Vm, args: Args<'_>, name: &str, kind: BinOpKind) -> PyResult {
    let set = this(&args, name)?.clone();
    for other in &args.positional()[1..] {
        let items = vm.set_source_items(other)?;
        let other_set = vm.new_set(items)?;
        vm.inplace_op(set.clone(), other_set, kind)?;
    }
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    update_with(vm, args, "update", BinOpKind::Or)
}

fn intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    update_with(vm, args, "intersection_update", BinOpKind::And)
}

fn difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    update_with(vm, args, "difference_update", BinOpKind::Sub)
}

fn symmetric_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    update_with(vm, args, "symmetric_difference_update", BinOpKind::Xor)
}

fn relation(vm: &mut Vm, args: Args<'_>, name: &str, kind: CmpKind) -> PyResult {
    let set = this(&args, name)?;
    let a = args.exact(name, 2, 2)?;
    let items = vm.set_source_items(&a[1])?;
    let other = vm.new_set(items)?;
    Ok(Value::Bool(
        vm.compare_sets(set, &other, kind)?.unwrap_or(false),
    ))
}

fn issubset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    relation(vm, args, "issubset", CmpKind::Le)
}

fn issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    relation(vm, args, "issuperset", CmpKind::Ge)
}

fn isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this(&args, "isdisjoint")?;
    let a = args.exact("isdisjoint", 2, 2)?;
    for item in vm.collect(&a[1])? {
        if vm.contains(set, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `set(iterable=())`.
pub fn set_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.exact("set", 0, 1)?;
    let items = match pos.first() {
        Some(v) => vm.set_source_items(v)?,
        None => Vec::new(),
    };
    vm.new_set(items)
}

/// `frozenset(iterable=())`.
pub fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.exact("frozenset", 0, 1)?;
    let items = match pos.first() {
        Some(v @ Value::Obj(o)) if matches!(&**o, Object::FrozenSet(_)) => return Ok(v.clone()),
        Some(v) => vm.set_source_items(v)?,
        None => Vec::new(),
    };
    vm.new_frozenset(items)
}

/// Methods of `set` and `frozenset`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("set", "copy", copy),
    NativeDef::method("set", "union", union),
    NativeDef::method("set", "intersection", intersection),
    NativeDef::method("set", "difference", difference),
    NativeDef::method("set", "symmetric_difference", symmetric_difference),
    NativeDef::method("set", "issubset", issubset),
    NativeDef::method("set", "issuperset", issuperset),
    NativeDef::method("set", "isdisjoint", isdisjoint),
];

/// Methods only `set` has.
pub static MUTATING: &[NativeDef] = &[
    NativeDef::method("set", "add", add),
    NativeDef::method("set", "discard", discard),
    NativeDef::method("set", "remove", remove),
    NativeDef::method("set", "pop", pop),
    NativeDef::method("set", "clear", clear),
    NativeDef::method("set", "update", update),
    NativeDef::method("set", "intersection_update", intersection_update),
    NativeDef::method("set", "difference_update", difference_update),
    NativeDef::method(
        "set",
        "symmetric_difference_update",
        symmetric_difference_update,
    ),
];

//! The special methods of builtin types (`int.__add__`, `list.__getitem__`,
//! `dict.__setitem__`…), for code that calls them by name: `super()` in a
//! subclass of `dict`, `object.__eq__`, `sorted(key=str.lower)`.
//!
//! Each works on the native part of its first argument, so that a subclass
//! that overrides the method can still reach the builtin one.

use super::object::not_implemented;
use super::{Args, NativeBase, NativeDef, Object, PyErr, PyResult, Value};
use crate::compile::{BinOpKind, CmpKind};
use crate::vm::Vm;

fn two<'a>(args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    let a = args.exact(name, 2, 2)?;
    Ok((&a[0], &a[1]))
}

fn native_base(value: &Value) -> Option<&NativeBase> {
    match value {
        Value::Obj(o) => match &**o {
            Object::Instance(instance) => Some(&instance.native),
            _ => None,
        },
        _ => None,
    }
}

macro_rules! binary {
    ($($fn_name:ident => $kind:ident, $reflected:expr;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let (a, b) = two(&args, stringify!($fn_name))?;
                let (left, right) = if $reflected { (b, a) } else { (a, b) };
                Ok(vm.builtin_binary(BinOpKind::$kind, left, right)?.unwrap_or_else(not_implemented))
            }
        )*
    };
}

binary! {
    add => Add, false; sub => Sub, false; mul => Mul, false; truediv => TrueDiv, false;
    floordiv => FloorDiv, false; modulo => Mod, false; power => Pow, false;
    lshift => LShift, false; rshift => RShift, false; and => And, false; or => Or, false; xor => Xor, false;
    radd => Add, true; rsub => Sub, true; rmul => Mul, true; rtruediv => TrueDiv, true;
    rfloordiv => FloorDiv, true; rmod => Mod, true; rpow => Pow, true;
    rand => And, true; ror => Or, true; rxor => Xor, true;
}

macro_rules! compare {
    ($($fn_name:ident => $kind:ident;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let (a, b) = two(&args, stringify!($fn_name))?;
                Ok(match vm.builtin_compare(a, b, CmpKind::$kind)? {
                    Some(truth) => Value::Bool(truth),
                    None => not_implemented(),
                })
            }
        )*
    };
}

compare! { eq => Eq; ne => Ne; lt => Lt; le => Le; gt => Gt; ge => Ge; }

fn hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__hash__", 1, 1)?;
    Ok(Value::Int(vm.hash(&a[0])?))
}

/// A plain dict or list holding the native part of a subclass instance.
fn native_copy(value: &Value) -> PyResult<Option<Value>> {
    match native_base(value) {
        Some(NativeBase::Dict(d)) => Value::dict(d.lock().clone()).map(Some),
        Some(NativeBase::List(items)) => Value::list(items.lock().clone()).map(Some),
        Some(NativeBase::Tuple(items)) => Ok(Some(Value::tuple(items.to_vec()))),
        _ => Ok(None),
    }
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__repr__", 1, 1)?;
    match native_copy(&a[0])? {
        Some(copy) => vm.repr_value(&copy),
        None => vm.repr_value(&a[0]),
    }
}

fn str_(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__str__", 1, 1)?;
    match native_copy(&a[0])? {
        Some(copy) => vm.repr_value(&copy),
        None => vm.str_value(&a[0]),
    }
}

fn bool_(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__bool__", 1, 1)?;
    Ok(Value::Bool(vm.truthy(&a[0])?))
}

fn int_(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__int__", 1, 1)?;
    vm.to_int(&a[0])
}

fn float_(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__float__", 1, 1)?;
    match super::float::as_float(&a[0]) {
        Some(f) => Ok(Value::Float(f?)),
        None => Err(PyErr::type_error("must be real number")),
    }
}

fn neg(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__neg__", 1, 1)?;
    vm.unary_op(&a[0], crate::compile::UnaryKind::Neg)
}

fn abs_(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__abs__", 1, 1)?;
    crate::builtins::numbers::absolute(vm, &a[0])
}

fn format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (value, spec) = two(&args, "__format__")?;
    vm.format_value(value, spec.as_str().map_or("", |s| s.as_str()))
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__len__", 1, 1)?;
    let n = match native_base(&a[0]) {
        Some(NativeBase::Dict(d)) => d.lock().len(),
        Some(NativeBase::List(items)) => items.lock().len(),
        Some(NativeBase::Tuple(items)) => items.len(),
        _ => vm.len(&a[0])?,
    };
    Ok(Value::Int(n as i64))
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (container, key) = two(&args, "__getitem__")?;
    match native_base(container) {
        Some(NativeBase::Dict(_)) => match vm.native_dict_get(container, key)? {
            Some(v) => Ok(v),
            None => Err(PyErr::key_error(key.clone())),
        },
        Some(NativeBase::List(items)) => {
            let list = Value::list(items.lock().clone())?;
            vm.getitem(&list, key)
        }
        _ => vm.getitem(container, key),
    }
}

fn setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__setitem__", 3, 3)?;
    match native_base(&a[0]) {
        Some(NativeBase::Dict(_)) => vm.native_dict_set(&a[0], a[1].clone(), a[2].clone())?,
        Some(NativeBase::List(items)) => {
            let i = vm.to_index(&a[1])?;
            let mut list = items.lock();
            let len = list.len() as i64;
            let index = if i < 0 { i + len } else { i };
            if index < 0 || index >= len {
                return Err(PyErr::index_error("list assignment index out of range"));
            }
            list[index as usize] = a[2].clone();
        }
        _ => vm.setitem(&a[0], a[1].clone(), a[2].clone())?,
    }
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (container, key) = two(&args, "__delitem__")?;
    match native_base(container) {
        Some(NativeBase::Dict(_)) => {
            if vm.native_dict_remove(container, key)?.is_none() {
                return Err(PyErr::key_error(key.clone()));
            }
        }
        _ => vm.delitem(container, key)?,
    }
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (container, item) = two(&args, "__contains__")?;
    let found = match native_base(container) {
        Some(NativeBase::Dict(_)) => vm.native_dict_get(container, item)?.is_some(),
        Some(NativeBase::List(items)) => {
            let items = items.lock().clone();
            let mut found = false;
            for candidate in &items {
                if vm.eq(candidate, item)? {
                    found = true;
                    break;
                }
            }
            found
        }
        _ => vm.contains(container, item)?,
    };
    Ok(Value::Bool(found))
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__iter__", 1, 1)?;
    match native_base(&a[0]) {
        Some(NativeBase::Dict(d)) => {
            let keys = d.lock().keys();
            vm.get_iter(&Value::tuple(keys))
        }
        Some(NativeBase::List(items)) => {
            let items = items.lock().clone();
            vm.get_iter(&Value::tuple(items))
        }
        _ => vm.get_iter(&a[0]),
    }
}

/// Special methods of numbers.
pub static NUMBER: &[NativeDef] = &[
    NativeDef::method("int", "__add__", add),
    NativeDef::method("int", "__sub__", sub),
    NativeDef::method("int", "__mul__", mul),
    NativeDef::method("int", "__truediv__", truediv),
    NativeDef::method("int", "__floordiv__", floordiv),
    NativeDef::method("int", "__mod__", modulo),
    NativeDef::method("int", "__pow__", power),
    NativeDef::method("int", "__radd__", radd),
    NativeDef::method("int", "__rsub__", rsub),
    NativeDef::method("int", "__rmul__", rmul),
    NativeDef::method("int", "__rtruediv__", rtruediv),
    NativeDef::method("int", "__rfloordiv__", rfloordiv),
    NativeDef::method("int", "__rmod__", rmod),
    NativeDef::method("int", "__rpow__", rpow),
    NativeDef::method("int", "__eq__", eq),
    NativeDef::method("int", "__ne__", ne),
    NativeDef::method("int", "__lt__", lt),
    NativeDef::method("int", "__le__", le),
    NativeDef::method("int", "__gt__", gt),
    NativeDef::method("int", "__ge__", ge),
    NativeDef::method("int", "__hash__", hash),
    NativeDef::method("int", "__repr__", repr),
    NativeDef::method("int", "__str__", str_),
    NativeDef::method("int", "__bool__", bool_),
    NativeDef::method("int", "__int__", int_),
    NativeDef::method("int", "__float__", float_),
    NativeDef::method("int", "__neg__", neg),
    NativeDef::method("int", "__abs__", abs_),
    NativeDef::method("int", "__format__", format),
];

/// Special methods of integers only (a float is no index and has no bits).
pub static INTEGER: &[NativeDef] = &[
    NativeDef::method("int", "__lshift__", lshift),
    NativeDef::method("int", "__rshift__", rshift),
    NativeDef::method("int", "__and__", and),
    NativeDef::method("int", "__or__", or),
    NativeDef::method("int", "__xor__", xor),
    NativeDef::method("int", "__rand__", rand),
    NativeDef::method("int", "__ror__", ror),
    NativeDef::method("int", "__rxor__", rxor),
    NativeDef::method("int", "__index__", int_),
];

/// Special methods of containers and strings.
pub static SEQUENCE: &[NativeDef] = &[
    NativeDef::method("object", "__len__", len),
    NativeDef::method("object", "__getitem__", getitem),
    NativeDef::method("object", "__contains__", contains),
    NativeDef::method("object", "__iter__", iter),
    NativeDef::method("object", "__eq__", eq),
    NativeDef::method("object", "__ne__", ne),
    NativeDef::method("object", "__lt__", lt),
    NativeDef::method("object", "__le__", le),
    NativeDef::method("object", "__gt__", gt),
    NativeDef::method("object", "__ge__", ge),
    NativeDef::method("object", "__add__", add),
    NativeDef::method("object", "__mul__", mul),
    NativeDef::method("object", "__rmul__", rmul),
    NativeDef::method("object", "__mod__", modulo),
    NativeDef::method("object", "__or__", or),
    NativeDef::method("object", "__and__", and),
    NativeDef::method("object", "__sub__", sub),
    NativeDef::method("object", "__xor__", xor),
    NativeDef::method("object", "__hash__", hash),
    NativeDef::method("object", "__repr__", repr),
    NativeDef::method("object", "__str__", str_),
    NativeDef::method("object", "__format__", format),
];

/// Special methods of mutable containers.
pub static MUTABLE: &[NativeDef] = &[
    NativeDef::method("object", "__setitem__", setitem),
    NativeDef::method("object", "__delitem__", delitem),
];

//! Descriptors: `property`, `staticmethod`, `classmethod`, `super`, and a
//! function's `__get__`.

use super::{Args, Method, NativeDef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
pub fn property_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("property", &["fget", "fset", "fdel", "doc"])?;
    args.count("property", 0, 4)?;
    let get = |i: usize, name: &str| args.get(i, name).cloned().unwrap_or(Value::None);
    let fget = get(0, "fget");
    let mut doc = get(3, "doc");
    if doc.is_none() && !fget.is_none() {
        doc = vm
            .getattr_opt(&fget, &super::names::names().__doc__)?
            .unwrap_or(Value::None);
    }
    Ok(Value::obj(Object::Property(Box::new([
        fget,
        get(1, "fset"),
        get(2, "fdel"),
        doc,
    ]))))
}

fn parts(args: &Args<'_>, name: &str) -> PyResult<[Value; 4]> {
    match args.positional().first() {
        Some(Value::Obj(o)) => match &**o {
            Object::Property(p) => Ok((**p).clone()),
            _ => Err(PyErr::type_error(format!(
                "descriptor '{name}' requires a 'property' object"
            ))),
        },
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'property' object"
        ))),
    }
}

fn replace_part(args: Args<'_>, name: &str, index: usize) -> PyResult {
    let mut p = parts(&args, name)?;
    let a = args.exact(name, 2, 2)?;
    p[index] = a[1].clone();
    Ok(Value::obj(Object::Property(Box::new(p))))
}

fn getter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    replace_part(args, "getter", 0)
}

fn setter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    replace_part(args, "setter", 1)
}

fn deleter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    replace_part(args, "deleter", 2)
}

fn property_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = parts(&args, "__get__")?;
    let a = args.exact("__get__", 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    vm.call(&p[0], &a[1..2])
}

fn property_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = parts(&args, "__set__")?;
    let a = args.exact("__set__", 3, 3)?;
    if p[1].is_none() {
        return Err(PyErr::attribute_error("can't set attribute"));
    }
    vm.call(&p[1], &a[1..3])
}

/// Methods of `property`.
pub static PROPERTY_METHODS: &[NativeDef] = &[
    NativeDef::method("property", "getter", getter),
    NativeDef::method("property", "setter", setter),
    NativeDef::method("property", "deleter", deleter),
    NativeDef::method("property", "__get__", property_get),
    NativeDef::method("property", "__set__", property_set),
];

/// `staticmethod(f)`.
pub fn staticmethod_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("staticmethod", 1, 1)?;
    Ok(Value::obj(Object::StaticMethod(a[0].clone())))
}

/// `classmethod(f)`.
pub fn classmethod_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("classmethod", 1, 1)?;
    Ok(Value::obj(Object::ClassMethod(a[0].clone())))
}

/// `super(type, obj)` (the compiler turns `super()` into this form).
pub fn super_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("super", 0, 2)?;
    match a {
        [] => Err(PyErr::runtime_error("super(): no arguments")),
        [class, obj] => {
            if class.as_type().is_none() {
                return Err(PyErr::type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    class.type_name()
                )));
            }
            Ok(Value::obj(Object::Super(class.clone(), obj.clone())))
        }
        _ => Err(PyErr::not_implemented(
            "Threadline Python supports super() and super(type, obj)",
        )),
    }
}

fn function_get(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__get__", 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    Ok(Value::obj(Object::Method(Method {
        func: a[0].clone(),
        self_: a[1].clone(),
    })))
}

/// Methods of functions.
pub static FUNCTION_METHODS: &[NativeDef] =
    &[NativeDef::method("function", "__get__", function_get)];

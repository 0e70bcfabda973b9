//! `object` and `type`: the methods every instance and every class has.

use super::names::names;
use super::types::{self, lookup, type_obj};
use super::{Args, NativeDef, ObjRef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;

fn self_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.positional().first().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{name}' of 'object' object needs an argument"
        ))
    })
}

fn object_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = self_arg(&args, "__init__")?;
    if args.values.len() > 1 {
        let class = this.class();
        let custom_new = types::lookup_with_owner(class, &names().__new__)
            .is_some_and(|(_, owner)| type_obj(&owner).is_some_and(|t| !t.builtin));
        if !custom_new {
            let name = type_obj(class).map_or("object", |t| &t.name);
            return Err(PyErr::type_error(format!("{name}() takes no arguments")));
        }
    }
    Ok(Value::None)
}

fn object_new_static(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(Value::Obj(class)) = args.positional().first() else {
        return Err(PyErr::type_error(
            "object.__new__(X): X is not a type object",
        ));
    };
    if type_obj(class).is_some_and(|t| t.builtin) {
        return vm.call_type(class, Args::new(&[]));
    }
    crate::vm::class::new_instance(class, args.positional()[1..].to_vec())
}

/// The `repr` `object` gives: `<module.Class object at 0x…>`.
pub fn default_repr(value: &Value) -> String {
    let class = value.class();
    let (module, qualname) =
        type_obj(class).map_or(("builtins", "object"), |t| (&*t.module, &*t.qualname));
    if module == "builtins" {
        format!("<{qualname} object at {:#x}>", value.id())
    } else {
        format!("<{module}.{qualname} object at {:#x}>", value.id())
    }
}

fn object_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::string(default_repr(self_arg(&args, "__repr__")?)))
}

fn object_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = self_arg(&args, "__str__")?.clone();
    vm.repr_value(&this)
}

fn object_eq(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__eq__", 2, 2)?;
    Ok(if a[0].is(&a[1]) {
        Value::Bool(true)
    } else {
        not_implemented()
    })
}

fn object_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__ne__", 2, 2)?;
    let result = vm.compare(&a[0], &a[1], crate::compile::CmpKind::Eq)?;
    Ok(Value::Bool(!vm.truthy(&result)?))
}

fn object_cmp(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(not_implemented())
}

fn object_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = self_arg(&args, "__hash__")?;
    if matches!(this, Value::Obj(o) if matches!(&**o, Object::Instance(_))) {
        return Ok(Value::Int(super::hash::pointer(this.id() as usize)));
    }
    Ok(Value::Int(vm.hash(this)?))
}

fn object_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__format__", 2, 2)?;
    let spec = a[1].as_str().map_or("", |s| s.as_str());
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            a[0].type_name()
        )));
    }
    vm.str_value(&a[0])
}

fn object_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__setattr__", 3, 3)?;
    match &a[0] {
        Value::Obj(o) => match &**o {
            Object::Instance(instance) => {
                let (class, dict) = (instance.class.clone(), instance.dict.clone());
                vm.instance_setattr(&a[0], &class, &dict, &a[1], a[2].clone())?;
            }
            _ => vm.setattr(&a[0], &a[1], a[2].clone())?,
        },
        _ => vm.setattr(&a[0], &a[1], a[2].clone())?,
    }
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__getattribute__", 2, 2)?;
    if let Value::Obj(o) = &a[0]
        && let Object::Instance(instance) = &**o
    {
        let class = instance.class.clone();
        if let Some(attr) = lookup(&class, &a[1])
            && types::is_data_descriptor(&attr)
        {
            return vm.bind_attribute(attr, &a[0]);
        }
        if let Some(found) = types::dict_get_str(&instance.dict, &a[1]) {
            return Ok(found);
        }
        if let Some(attr) = lookup(&class, &a[1]) {
            return vm.bind_attribute(attr, &a[0]);
        }
        return Err(vm.no_attribute(&a[0], &a[1]));
    }
    vm.getattr(&a[0], &a[1])
}

fn object_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__delattr__", 2, 2)?;
    vm.delattr(&a[0], &a[1])?;
    Ok(Value::None)
}

fn object_init_subclass(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(Value::None)
}

fn object_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = self_arg(&args, "__dir__")?.clone();
    let names = crate::builtins::dir_of(vm, &this)?;
    Value::list(names.into_iter().map(Value::string).collect())
}

fn object_sizeof(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(Value::Int(16))
}

/// `NotImplemented`.
pub fn not_implemented() -> Value {
    static NOT_IMPLEMENTED: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    NOT_IMPLEMENTED
        .get_or_init(|| Value::obj(Object::NotImplemented))
        .clone()
}

/// Methods of `object`.
pub static OBJECT_METHODS: &[NativeDef] = &[
    NativeDef::method("object", "__init__", object_init),
    NativeDef::static_method("object", "__new__", object_new_static),
    NativeDef::method("object", "__repr__", object_repr),
    NativeDef::method("object", "__str__", object_str),
    NativeDef::method("object", "__eq__", object_eq),
    NativeDef::method("object", "__ne__", object_ne),
    NativeDef::method("object", "__lt__", object_cmp),
    NativeDef::method("object", "__le__", object_cmp),
    NativeDef::method("object", "__gt__", object_cmp),
    NativeDef::method("object", "__ge__", object_cmp),
    NativeDef::method("object", "__hash__", object_hash),
    NativeDef::method("object", "__format__", object_format),
    NativeDef::method("object", "__setattr__", object_setattr),
    NativeDef::method("object", "__getattribute__", object_getattribute),
    NativeDef::method("object", "__delattr__", object_delattr),
    NativeDef::class_method("object", "__init_subclass__", object_init_subclass),
    NativeDef::method("object", "__dir__", object_dir),
    NativeDef::method("object", "__sizeof__", object_sizeof),
];

/// `object()`.
pub fn object_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.values.is_empty() {
        return Err(PyErr::type_error("object() takes no arguments"));
    }
    crate::vm::class::new_instance(&types::types().object, Vec::new())
}

/// `type(x)` or `type(name, bases, namespace)`.
pub fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.positional();
    match a.len() {
        1 if !args.has_keywords() => Ok(Value::Obj(a[0].class().clone())),
        3 => {
            let name = a[0]
                .as_str()
                .map(|s| s.as_str().to_string())
                .ok_or_else(|| PyErr::type_error("type.__new__() argument 1 must be str"))?;
            let bases: Vec<ObjRef> = a[1]
                .as_tuple()
                .ok_or_else(|| PyErr::type_error("type.__new__() argument 2 must be tuple"))?
                .iter()
                .filter_map(|b| b.as_obj().cloned())
                .collect();
            let namespace = Value::new_dict_obj();
            let items = vm.mapping_items(&a[2])?;
            for (k, v) in items {
                vm.dict_set(&namespace, k, v)?;
            }
            let module = vm
                .frames
                .last()
                .and_then(|f| types::dict_get_str(f.globals(), &names().__name__))
                .unwrap_or_else(|| Value::str("__main__"));
            if types::dict_get_str(&namespace, &names().__module__).is_none() {
                vm.dict_set(&namespace, names().__module__.clone(), module)?;
            }
            Ok(Value::Obj(types::new_class(
                &name, &name, bases, namespace,
            )?))
        }
        _ => Err(PyErr::type_error("type() takes 1 or 3 arguments")),
    }
}

/// `NoneType()`.
pub fn none_new(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(Value::None)
}

fn type_mro(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(Value::Obj(class)) = args.positional().first() else {
        return Err(PyErr::type_error("mro() needs a class"));
    };
    Value::list(
        types::mro_of(class)
            .map(|c| Value::Obj(c.clone()))
            .collect(),
    )
}

fn type_subclasses(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Value::list(Vec::new())
}

fn type_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(Value::Obj(class)) = args.positional().first() else {
        return Err(PyErr::type_error("type.__call__ needs a class"));
    };
    let class = class.clone();
    vm.call_type(
        &class,
        Args {
            values: &args.values[1..],
            kwnames: args.kwnames,
        },
    )
}

/// Methods of `type`.
pub static TYPE_METHODS: &[NativeDef] = &[
    NativeDef::method("type", "mro", type_mro),
    NativeDef::method("type", "__subclasses__", type_subclasses),
    NativeDef::method("type", "__call__", type_call),
];

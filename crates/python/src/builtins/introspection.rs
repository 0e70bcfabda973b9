//! Introspection builtins: attributes, types, identity, namespaces, and
//! `eval`/`exec`.

use crate::objects::names::{intern, names};
use crate::objects::types::{self, is_subclass, mro_of, type_obj};
use crate::objects::{Args, ObjRef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::collections::BTreeSet;

fn name_arg<'a>(value: &'a Value, function: &str) -> PyResult<&'a Value> {
    if value.as_str().is_some() {
        Ok(value)
    } else {
        Err(PyErr::type_error(format!(
            "{function}(): attribute name must be string, not '{}'",
            value.type_name()
        )))
    }
}

/// `getattr(object, name[, default])`.
pub fn getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("getattr", 2, 3)?;
    let name = name_arg(&a[1], "getattr")?;
    match vm.getattr(&a[0], name) {
        Ok(v) => Ok(v),
        Err(err) if a.len() == 3 && err.is_instance_of(&types::types().attribute_error) => {
            Ok(a[2].clone())
        }
        Err(err) => Err(err),
    }
}

/// `setattr(object, name, value)`.
pub fn setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("setattr", 3, 3)?;
    let name = name_arg(&a[1], "setattr")?;
    vm.setattr(&a[0], name, a[2].clone())?;
    Ok(Value::None)
}

/// `hasattr(object, name)`.
pub fn hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("hasattr", 2, 2)?;
    let name = name_arg(&a[1], "hasattr")?;
    match vm.getattr(&a[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(err) if err.is_instance_of(&types::types().attribute_error) => Ok(Value::Bool(false)),
        Err(err) => Err(err),
    }
}

/// `delattr(object, name)`.
pub fn delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("delattr", 2, 2)?;
    let name = name_arg(&a[1], "delattr")?;
    vm.delattr(&a[0], name)?;
    Ok(Value::None)
}

fn class_check(class: &Value, function: &str, test: &dyn Fn(&ObjRef) -> bool) -> PyResult<bool> {
    match class {
        Value::Obj(o) => match &**o {
            Object::Type(_) => Ok(test(o)),
            Object::Tuple(items) => {
                for item in items.iter() {
                    if class_check(item, function, test)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(class_error(function)),
        },
        _ => Err(class_error(function)),
    }
}

fn class_error(function: &str) -> PyErr {
    PyErr::type_error(format!(
        "{function}() arg 2 must be a type, a tuple of types, or a union"
    ))
}

/// `isinstance(object, classinfo)`.
pub fn isinstance(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("isinstance", 2, 2)?;
    let class = a[0].class().clone();
    Ok(Value::Bool(class_check(&a[1], "isinstance", &|c| {
        is_subclass(&class, c)
    })?))
}

/// `issubclass(class, classinfo)`.
pub fn issubclass(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("issubclass", 2, 2)?;
    let Value::Obj(class) = &a[0] else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    if type_obj(class).is_none() {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::Bool(class_check(&a[1], "issubclass", &|c| {
        is_subclass(class, c)
    })?))
}

/// `callable(object)`.
pub fn callable(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("callable", 1, 1)?;
    Ok(Value::Bool(crate::vm::call::is_callable(&a[0])))
}

/// `id(object)`.
pub fn id(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("id", 1, 1)?;
    Ok(Value::Int(a[0].id()))
}

/// `hash(object)`.
pub fn hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&a[0])?))
}

fn dict_keys(dict: &ObjRef) -> Vec<String> {
    match &**dict {
        Object::Dict(d) => d
            .lock()
            .keys()
            .iter()
            .filter_map(|k| k.as_str().map(|s| s.as_str().to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

/// The names `dir(value)` lists, sorted.
pub fn dir_of(_vm: &mut Vm, value: &Value) -> PyResult<Vec<String>> {
    let mut names: BTreeSet<String> = BTreeSet::new();
    match value {
        Value::Obj(o) => match &**o {
            Object::Module(m) => names.extend(dict_keys(&m.dict)),
            Object::Type(_) => {
                for class in mro_of(o) {
                    if let Some(t) = type_obj(class) {
                        names.extend(dict_keys(&t.dict));
                    }
                }
            }
            Object::Instance(instance) => {
                names.extend(dict_keys(&instance.dict));
                for class in mro_of(&instance.class) {
                    if let Some(t) = type_obj(class) {
                        names.extend(dict_keys(&t.dict));
                    }
                }
                names.insert("__class__".into());
                names.insert("__dict__".into());
            }
            _ => add_class_names(value, &mut names),
        },
        _ => add_class_names(value, &mut names),
    }
    Ok(names.into_iter().collect())
}

fn add_class_names(value: &Value, names: &mut BTreeSet<String>) {
    for class in mro_of(value.class()) {
        if let Some(t) = type_obj(class) {
            names.extend(dict_keys(&t.dict));
        }
    }
    names.insert("__class__".into());
}

/// `dir([object])`.
pub fn dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("dir", 0, 1)?;
    let names = match a.first() {
        Some(v) => dir_of(vm, v)?,
        None => {
            let locals = locals_dict(vm)?;
            let mut keys = dict_keys(&locals);
            keys.sort();
            keys
        }
    };
    Value::list(names.into_iter().map(Value::string).collect())
}

/// `vars([object])`.
pub fn vars(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("vars", 0, 1)?;
    match a.first() {
        None => Ok(Value::Obj(locals_dict(vm)?)),
        Some(v) => vm
            .getattr(v, &names().__dict__)
            .map_err(|_| PyErr::type_error("vars() argument must have __dict__ attribute")),
    }
}

/// `globals()`.
pub fn globals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("globals", 0, 0)?;
    let frame = vm
        .frames
        .last()
        .ok_or_else(|| PyErr::system_error("no frame"))?;
    Ok(Value::Obj(frame.globals().clone()))
}

fn locals_dict(vm: &mut Vm) -> PyResult<ObjRef> {
    let frame = vm
        .frames
        .last()
        .ok_or_else(|| PyErr::system_error("no frame"))?;
    if let Some(ns) = &frame.namespace {
        return Ok(ns.clone());
    }
    let code = frame.code().clone();
    let values: Vec<(String, Value)> = code
        .varnames
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            frame
                .slots
                .get(i)
                .filter(|v| !v.is_null())
                .map(|v| (name.to_string(), v.clone()))
        })
        .collect();
    let dict = Value::new_dict_obj();
    for (name, value) in values {
        vm.dict_set(&dict, intern(&name), value)?;
    }
    Ok(dict)
}

/// `locals()`.
pub fn locals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact("locals", 0, 0)?;
    Ok(Value::Obj(locals_dict(vm)?))
}

fn source_and_globals(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(String, ObjRef)> {
    let a = args.exact(name, 1, 3)?;
    let source = a[0]
        .as_str()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| PyErr::type_error(format!("{name}() arg 1 must be a string")))?;
    let globals = match a.get(1) {
        Some(Value::Obj(g)) if matches!(&**g, Object::Dict(_)) => g.clone(),
        _ => vm
            .frames
            .last()
            .map(|f| f.globals().clone())
            .ok_or_else(|| PyErr::system_error("no frame"))?,
    };
    Ok((source, globals))
}

fn compile_error(failure: crate::CompileFailure) -> PyErr {
    PyErr::new(&types::types().syntax_error, Value::string(failure.message))
}

/// `eval(source, globals=None)`.
pub fn eval(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (source, globals) = source_and_globals(vm, &args, "eval")?;
    let code = crate::compile_expression(source.trim(), "<string>").map_err(compile_error)?;
    vm.interp
        .sources
        .lock()
        .insert("<string>".into(), source.as_str().into());
    vm.run_code_in(&code, &globals)
}

/// `exec(source, globals=None)`.
pub fn exec(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (source, globals) = source_and_globals(vm, &args, "exec")?;
    let code = crate::compile_source(&source, "<string>").map_err(compile_error)?;
    vm.interp
        .sources
        .lock()
        .insert("<string>".into(), source.as_str().into());
    vm.run_code_in(&code, &globals)?;
    Ok(Value::None)
}

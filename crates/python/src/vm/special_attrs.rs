//! Attributes that are not in any class namespace: `__class__`, `__dict__`,
//! a function's `__name__`, an exception's `args`, a range's `start`…

use super::Vm;
use super::attr::text;
use crate::objects::exception::exc_data;
use crate::objects::names::{intern, names};
use crate::objects::types::{self, type_obj};
use crate::objects::{ObjRef, Object, PyErr, PyResult, Value};

/// Attributes of builtin objects outside their class's namespace.
pub(crate) fn builtin_attribute(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let attr = text(name);
    if attr == "__class__" {
        return Ok(Some(Value::Obj(obj.class().clone())));
    }
    let found = match obj {
        Value::Int(_) | Value::Bool(_) => number_attr(obj, attr),
        Value::Float(f) => match attr {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        },
        Value::Native(def) => match attr {
            "__name__" | "__qualname__" => Some(Value::str(def.name)),
            "__doc__" => Some(Value::None),
            "__module__" => Some(Value::str(def.owner)),
            _ => None,
        },
        Value::Obj(o) => object_attr(vm, obj, o, attr)?,
        _ => None,
    };
    Ok(found)
}

fn number_attr(obj: &Value, attr: &str) -> Option<Value> {
    match attr {
        "real" | "numerator" => Some(match obj {
            Value::Bool(b) => Value::Int(*b as i64),
            other => other.clone(),
        }),
        "imag" => Some(Value::Int(0)),
        "denominator" => Some(Value::Int(1)),
        _ => None,
    }
}

fn object_attr(vm: &mut Vm, obj: &Value, o: &ObjRef, attr: &str) -> PyResult<Option<Value>> {
    let found = match &**o {
        Object::Int(_) => number_attr(obj, attr),
        Object::Function(func) => {
            let attrs = func.attrs.lock();
            match attr {
                "__name__" => Some(attrs.name.clone()),
                "__qualname__" => Some(attrs.qualname.clone()),
                "__doc__" => Some(attrs.doc.clone()),
                "__module__" => Some(attrs.module.clone()),
                "__defaults__" => Some(if func.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(func.defaults.to_vec())
                }),
                "__kwdefaults__" => Some(if func.kwdefaults.is_null() {
                    Value::None
                } else {
                    func.kwdefaults.clone()
                }),
                "__globals__" => Some(Value::Obj(func.globals.clone())),
                "__code__" => Some(Value::obj(Object::Code(func.code.clone()))),
                "__closure__" => Some(if func.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(func.closure.iter().map(|c| Value::Obj(c.clone())).collect())
                }),
                "__dict__" => {
                    drop(attrs);
                    Some(Value::Obj(function_dict(func)))
                }
                "__annotations__" => Some(Value::dict(crate::objects::DictMap::new())?),
                _ => {
                    let dict = attrs.dict.clone();
                    drop(attrs);
                    match dict {
                        Some(d) => vm.dict_get(&d, &intern(attr))?,
                        None => None,
                    }
                }
            }
        }
        Object::Method(method) => match attr {
            "__self__" => Some(method.self_.clone()),
            "__func__" => Some(method.func.clone()),
            _ => {
                let func = method.func.clone();
                return vm.getattr_opt(&func, &intern(attr));
            }
        },
        Object::BoundNative(def, bound) => match attr {
            "__self__" => Some(bound.clone()),
            "__name__" | "__qualname__" => Some(Value::str(def.name)),
            "__doc__" => Some(Value::None),
            _ => None,
        },
        Object::Range(r) => match attr {
            "start" => Some(Value::Int(r.start)),
            "stop" => Some(Value::Int(r.stop)),
            "step" => Some(Value::Int(r.step)),
            _ => None,
        },
        Object::Slice(parts) => match attr {
            "start" => Some(parts[0].clone()),
            "stop" => Some(parts[1].clone()),
            "step" => Some(parts[2].clone()),
            _ => None,
        },
        Object::Generator(g) => match attr {
            "__name__" => Some(Value::str(&g.name)),
            "__qualname__" => Some(Value::str(&g.qualname)),
            "gi_running" | "cr_running" => Some(Value::Bool(g.state.lock().running)),
            _ => None,
        },
        Object::Property(parts) => match attr {
            "fget" => Some(parts[0].clone()),
            "fset" => Some(parts[1].clone()),
            "fdel" => Some(parts[2].clone()),
            "__doc__" => Some(parts[3].clone()),
            _ => None,
        },
        Object::StaticMethod(f) | Object::ClassMethod(f) => match attr {
            "__func__" | "__wrapped__" => Some(f.clone()),
            _ => return vm.getattr_opt(&f.clone(), &intern(attr)),
        },
        Object::Partial(parts) => match attr {
            "func" => Some(parts[0].clone()),
            "args" => Some(parts[1].clone()),
            "keywords" => Some(parts[2].clone()),
            _ => None,
        },
        Object::Deque(deque) => match attr {
            "maxlen" => Some(
                deque
                    .lock()
                    .maxlen
                    .map_or(Value::None, |m| Value::Int(m as i64)),
            ),
            _ => None,
        },
        Object::Cell(cell) if attr == "cell_contents" => {
            let value = cell.lock().clone();
            if value.is_null() {
                return Err(PyErr::value_error("Cell is empty"));
            }
            Some(value)
        }
        Object::Code(code) => match attr {
            "co_name" => Some(Value::str(&code.name)),
            "co_filename" => Some(Value::str(&code.filename)),
            "co_firstlineno" => Some(Value::Int(code.first_line as i64)),
            "co_argcount" => Some(Value::Int(code.argcount as i64)),
            "co_qualname" => Some(Value::str(&code.qualname)),
            _ => None,
        },
        _ => None,
    };
    Ok(found)
}

/// A function's `__dict__`, made on first use.
pub(crate) fn function_dict(func: &crate::objects::Function) -> ObjRef {
    let mut attrs = func.attrs.lock();
    attrs.dict.get_or_insert_with(Value::new_dict_obj).clone()
}

/// Attributes of instances outside the class namespace and `__dict__`.
pub(crate) fn instance_attribute(
    _vm: &mut Vm,
    obj: &Value,
    class: &ObjRef,
    dict: &ObjRef,
    name: &Value,
) -> PyResult<Option<Value>> {
    let attr = text(name);
    match attr {
        "__class__" => return Ok(Some(Value::Obj(class.clone()))),
        "__dict__" => return Ok(Some(Value::Obj(dict.clone()))),
        _ => {}
    }
    let Value::Obj(o) = obj else {
        return Ok(None);
    };
    let Some(data) = exc_data(o) else {
        return Ok(None);
    };
    let data = data.lock();
    let first_arg = || {
        data.args
            .as_tuple()
            .and_then(|a| a.first().cloned())
            .unwrap_or(Value::None)
    };
    let t = crate::objects::types();
    let found = match attr {
        "args" => Some(data.args.clone()),
        "__cause__" => Some(data.cause.clone()),
        "__context__" => Some(data.context.clone()),
        "__suppress_context__" => Some(Value::Bool(data.suppress_context)),
        "__traceback__" => Some(Value::None),
        "value" if types::is_subclass(class, &t.stop_iteration) => Some(first_arg()),
        "code" if types::is_subclass(class, &t.system_exit) => Some(match data.args.as_tuple() {
            Some([]) | None => Value::None,
            Some([one]) => one.clone(),
            Some(_) => data.args.clone(),
        }),
        "errno" | "strerror" | "filename" if types::is_subclass(class, &t.os_error) => {
            Some(Value::None)
        }
        "name" | "obj"
            if types::is_subclass(class, &t.attribute_error)
                || types::is_subclass(class, &t.name_error) =>
        {
            Some(Value::None)
        }
        "msg" | "filename" | "lineno" | "offset" | "text"
            if types::is_subclass(class, &t.syntax_error) =>
        {
            Some(Value::None)
        }
        _ => None,
    };
    Ok(found)
}

/// Attributes of classes outside their namespaces.
pub(crate) fn class_attribute(
    _vm: &mut Vm,
    class: &ObjRef,
    name: &Value,
) -> PyResult<Option<Value>> {
    let Some(t) = type_obj(class) else {
        return Ok(None);
    };
    let found = match text(name) {
        "__name__" => Some(Value::str(&t.name)),
        "__qualname__" => Some(Value::str(&t.qualname)),
        "__module__" => Some(Value::str(&t.module)),
        "__doc__" => Some(Value::None),
        "__dict__" => Some(Value::Obj(t.dict.clone())),
        "__class__" => Some(Value::Obj(crate::objects::types().type_.clone())),
        "__bases__" => Some(Value::tuple(
            t.bases.iter().map(|b| Value::Obj(b.clone())).collect(),
        )),
        "__base__" => Some(
            t.bases
                .first()
                .map_or(Value::None, |b| Value::Obj(b.clone())),
        ),
        "__mro__" => Some(Value::tuple(
            types::mro_of(class)
                .map(|c| Value::Obj(c.clone()))
                .collect(),
        )),
        _ => match types::lookup(&crate::objects::types().type_, name) {
            Some(attr) => Some(_vm.bind_attribute(attr, &Value::Obj(class.clone()))?),
            None => None,
        },
    };
    Ok(found)
}

/// Sets an attribute on a builtin object (functions accept any).
pub(crate) fn set_builtin_attribute(
    vm: &mut Vm,
    obj: &Value,
    name: &Value,
    value: Value,
) -> PyResult<()> {
    if let Value::Obj(o) = obj
        && let Object::Function(func) = &**o
    {
        {
            let mut attrs = func.attrs.lock();
            match text(name) {
                "__name__" => {
                    attrs.name = value;
                    return Ok(());
                }
                "__qualname__" => {
                    attrs.qualname = value;
                    return Ok(());
                }
                "__doc__" => {
                    attrs.doc = value;
                    return Ok(());
                }
                "__module__" => {
                    attrs.module = value;
                    return Ok(());
                }
                _ => {}
            }
        }
        let dict = function_dict(func);
        return vm.dict_set(&dict, name.clone(), value);
    }
    let attr = text(name);
    let class_has = types::lookup(obj.class(), name).is_some();
    let message = if class_has {
        format!(
            "'{}' object attribute '{attr}' is read-only",
            obj.type_name()
        )
    } else {
        format!("'{}' object has no attribute '{attr}'", obj.type_name())
    };
    Err(PyErr::attribute_error(message))
}

/// Sets an exception's own attributes (`__cause__`, `args`…); `false` when
/// `name` is not one of them.
pub(crate) fn set_exception_attribute(obj: &Value, name: &Value, value: &Value) -> PyResult<bool> {
    let Value::Obj(o) = obj else {
        return Ok(false);
    };
    let Some(data) = exc_data(o) else {
        return Ok(false);
    };
    let mut data = data.lock();
    match text(name) {
        "args" => {
            data.args = match value.as_tuple() {
                Some(_) => value.clone(),
                None => Value::tuple(vec![value.clone()]),
            };
        }
        "__cause__" => {
            data.cause = value.clone();
            data.suppress_context = true;
        }
        "__context__" => data.context = value.clone(),
        "__suppress_context__" => data.suppress_context = matches!(value, Value::Bool(true)),
        "__traceback__" => {}
        _ => return Ok(false),
    }
    let _ = names();
    Ok(true)
}

//! The attribute protocol: `obj.name`, `obj.name = v`, `del obj.name`, and
//! the method lookup behind `obj.name(...)` that avoids a bound-method object.

use super::Vm;
use crate::objects::names::names;
use crate::objects::types::{self, flags, lookup, type_obj};
use crate::objects::{Method, NativeKind, ObjRef, Object, PyErr, PyResult, Value};
use std::sync::Arc;

impl Vm {
    /// `getattr(obj, name)`.
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(value) => Ok(value),
            None => {
                if let Value::Obj(o) = obj
                    && let Object::Instance(instance) = &**o
                    && let Some(hook) = lookup(&instance.class, &names().__getattr__)
                {
                    return self.call(&hook, &[obj.clone(), name.clone()]);
                }
                Err(self.no_attribute(obj, name))
            }
        }
    }

    /// `getattr(obj, name)`, with `None` where Python would raise
    /// `AttributeError` (before trying `__getattr__`).
    pub fn getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = obj {
            match &**o {
                Object::Instance(instance) => {
                    return self.instance_getattr(
                        obj,
                        instance.class.clone(),
                        &instance.dict,
                        name,
                    );
                }
                Object::Type(_) => return self.class_getattr(o, name),
                Object::Super(start, target) => return self.super_getattr(start, target, name),
                Object::Module(module) => {
                    return Ok(types::dict_get_str(&module.dict, name).or_else(|| {
                        is_name(name, "__dict__").then(|| Value::Obj(module.dict.clone()))
                    }));
                }
                _ => {}
            }
        }
        if let Some(special) = super::special_attrs::builtin_attribute(self, obj, name)? {
            return Ok(Some(special));
        }
        match self.lookup_cached(obj.class(), name) {
            Some(attr) => self.bind_attribute(attr, obj).map(Some),
            None => Ok(None),
        }
    }

    fn instance_getattr(
        &mut self,
        obj: &Value,
        class: ObjRef,
        dict: &ObjRef,
        name: &Value,
    ) -> PyResult<Option<Value>> {
        let class_flags =
            type_obj(&class).map_or(0, |t| t.flags.load(std::sync::atomic::Ordering::Relaxed));
        if class_flags & flags::HAS_GETATTRIBUTE != 0
            && let Some(hook) = lookup(&class, &names().__getattribute__)
            && !matches!(hook, Value::Native(_))
        {
            return match self.call(&hook, &[obj.clone(), name.clone()]) {
                Ok(value) => Ok(Some(value)),
                Err(err) if err.is_instance_of(&crate::objects::types().attribute_error) => {
                    Ok(None)
                }
                Err(err) => Err(err),
            };
        }
        let class_attr = self.lookup_cached(&class, name);
        if let Some(attr) = &class_attr
            && class_flags & flags::HAS_DESCRIPTORS != 0
            && types::is_data_descriptor(attr)
        {
            return self.bind_attribute(attr.clone(), obj).map(Some);
        }
        if let Some(found) = types::dict_get_str(dict, name) {
            return Ok(Some(found));
        }
        if let Some(attr) = class_attr {
            return self.bind_attribute(attr, obj).map(Some);
        }
        super::special_attrs::instance_attribute(self, obj, &class, dict, name)
    }

    fn class_getattr(&mut self, class: &ObjRef, name: &Value) -> PyResult<Option<Value>> {
        if let Some(attr) = lookup(class, name) {
            let class_value = Value::Obj(class.clone());
            let bound = match &attr {
                Value::Obj(a) => match &**a {
                    Object::ClassMethod(f) => Value::obj(Object::Method(Method {
                        func: f.clone(),
                        self_: class_value,
                    })),
                    Object::StaticMethod(f) => f.clone(),
                    _ => attr,
                },
                Value::Native(def) if def.kind == NativeKind::ClassMethod => {
                    Value::obj(Object::BoundNative(def, class_value))
                }
                _ => attr,
            };
            return Ok(Some(bound));
        }
        super::special_attrs::class_attribute(self, class, name)
    }

    /// `super(start, target).name`: looks after `start` in the target's MRO.
    fn super_getattr(
        &mut self,
        start: &Value,
        target: &Value,
        name: &Value,
    ) -> PyResult<Option<Value>> {
        let is_class = target.as_type().is_some();
        let owner = match (is_class, target) {
            (true, Value::Obj(o)) => o.clone(),
            _ => target.class().clone(),
        };
        let mut after = false;
        for class in types::mro_of(&owner) {
            if !after {
                after = matches!(start, Value::Obj(s) if Arc::ptr_eq(s, class));
                continue;
            }
            let Some(t) = type_obj(class) else { continue };
            let Some(attr) = types::dict_get_str(&t.dict, name) else {
                continue;
            };
            if is_class {
                let bound = match &attr {
                    Value::Obj(a) => match &**a {
                        Object::ClassMethod(f) => Value::obj(Object::Method(Method {
                            func: f.clone(),
                            self_: target.clone(),
                        })),
                        Object::StaticMethod(f) => f.clone(),
                        _ => attr,
                    },
                    Value::Native(def) if def.kind == NativeKind::ClassMethod => {
                        Value::obj(Object::BoundNative(def, target.clone()))
                    }
                    Value::Native(def) if def.kind == NativeKind::StaticMethod => attr.clone(),
                    _ => attr,
                };
                return Ok(Some(bound));
            }
            return self.bind_attribute(attr, target).map(Some);
        }
        if text(name) == "__class__" {
            return Ok(Some(Value::Obj(crate::objects::types().super_.clone())));
        }
        Err(PyErr::attribute_error(format!(
            "'super' object has no attribute '{}'",
            text(name)
        )))
    }

    /// Binds a class attribute found for `obj` (functions become methods,
    /// properties run their getter…).
    pub fn bind_attribute(&mut self, attr: Value, obj: &Value) -> PyResult<Value> {
        match &attr {
            Value::Native(def) => Ok(match def.kind {
                NativeKind::Method => Value::obj(Object::BoundNative(def, obj.clone())),
                NativeKind::ClassMethod => {
                    Value::obj(Object::BoundNative(def, Value::Obj(obj.class().clone())))
                }
                _ => attr,
            }),
            Value::Obj(a) => match &**a {
                Object::Function(_) => Ok(Value::obj(Object::Method(Method {
                    func: attr.clone(),
                    self_: obj.clone(),
                }))),
                Object::Property(parts) => {
                    let getter = parts[0].clone();
                    if getter.is_none() || getter.is_null() {
                        return Err(PyErr::attribute_error(format!(
                            "property of '{}' object has no getter",
                            obj.type_name()
                        )));
                    }
                    self.call(&getter, std::slice::from_ref(obj))
                }
                Object::ClassMethod(f) => Ok(Value::obj(Object::Method(Method {
                    func: f.clone(),
                    self_: Value::Obj(obj.class().clone()),
                }))),
                Object::StaticMethod(f) => Ok(f.clone()),
                Object::Instance(instance) => match lookup(&instance.class, &names().__get__) {
                    Some(get) => {
                        let class = Value::Obj(obj.class().clone());
                        self.call(&get, &[attr.clone(), obj.clone(), class])
                    }
                    None => Ok(attr),
                },
                _ => Ok(attr),
            },
            _ => Ok(attr),
        }
    }

    /// The method lookup of `obj.name(...)`: `(function, obj)` when the
    /// attribute is a plain method, else `(attribute, Null)`.
    pub(crate) fn load_method(&mut self, obj: Value, name: &Value) -> PyResult<(Value, Value)> {
        let class = obj.class();
        let plain_instance = match &obj {
            Value::Obj(o) => match &**o {
                Object::Instance(instance) => {
                    let class_flags = type_obj(&instance.class)
                        .map_or(0, |t| t.flags.load(std::sync::atomic::Ordering::Relaxed));
                    if class_flags & flags::HAS_GETATTRIBUTE != 0 {
                        None
                    } else {
                        Some(&instance.dict)
                    }
                }
                Object::Type(_) | Object::Module(_) | Object::Super(..) => None,
                _ => Some(&*EMPTY),
            },
            _ => Some(&*EMPTY),
        };
        if let Some(dict) = plain_instance
            && let Some(attr) = self.lookup_cached(class, name)
        {
            let is_method = match &attr {
                Value::Native(def) => def.kind == NativeKind::Method,
                Value::Obj(a) => matches!(&**a, Object::Function(_)),
                _ => false,
            };
            if is_method && (Arc::ptr_eq(dict, &EMPTY) || types::dict_get_str(dict, name).is_none())
            {
                return Ok((attr, obj));
            }
        }
        let value = self.getattr(&obj, name)?;
        Ok((value, Value::Null))
    }

    /// `obj.name = value`.
    pub fn setattr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            match &**o {
                Object::Instance(instance) => {
                    let class = instance.class.clone();
                    let class_flags = type_obj(&class)
                        .map_or(0, |t| t.flags.load(std::sync::atomic::Ordering::Relaxed));
                    if class_flags & flags::HAS_SETATTR != 0
                        && let Some(hook) = lookup(&class, &names().__setattr__)
                        && !matches!(hook, Value::Native(_))
                    {
                        self.call(&hook, &[obj.clone(), name.clone(), value])?;
                        return Ok(());
                    }
                    return self.instance_setattr(obj, &class, &instance.dict, name, value);
                }
                Object::Type(t) => {
                    if t.builtin {
                        return Err(PyErr::type_error(format!(
                            "cannot set '{}' attribute of immutable type '{}'",
                            text(name),
                            t.name
                        )));
                    }
                    let value = match super::lookup::replace_plain_data(&t.dict, name, value) {
                        Ok(()) => return Ok(()),
                        Err(value) => value,
                    };
                    self.dict_set(&t.dict, name.clone(), value)?;
                    types::refresh_flags(o);
                    return Ok(());
                }
                Object::Module(module) => return self.dict_set(&module.dict, name.clone(), value),
                _ => {}
            }
        }
        super::special_attrs::set_builtin_attribute(self, obj, name, value)
    }

    /// Sets an attribute the way `object.__setattr__` does.
    pub(crate) fn instance_setattr(
        &mut self,
        obj: &Value,
        class: &ObjRef,
        dict: &ObjRef,
        name: &Value,
        value: Value,
    ) -> PyResult<()> {
        let class_flags =
            type_obj(class).map_or(0, |t| t.flags.load(std::sync::atomic::Ordering::Relaxed));
        if class_flags & flags::HAS_DESCRIPTORS != 0
            && let Some(attr) = lookup(class, name)
            && types::is_data_descriptor(&attr)
        {
            return self.set_through_descriptor(&attr, obj, name, value);
        }
        if super::special_attrs::set_exception_attribute(obj, name, &value)? {
            return Ok(());
        }
        self.dict_set(dict, name.clone(), value)
    }

    fn set_through_descriptor(
        &mut self,
        attr: &Value,
        obj: &Value,
        name: &Value,
        value: Value,
    ) -> PyResult<()> {
        let Value::Obj(a) = attr else {
            return Ok(());
        };
        match &**a {
            Object::Property(parts) => {
                let setter = parts[1].clone();
                if setter.is_none() || setter.is_null() {
                    return Err(PyErr::attribute_error(format!(
                        "property '{}' of '{}' object has no setter",
                        text(name),
                        obj.type_name()
                    )));
                }
                self.call(&setter, &[obj.clone(), value])?;
            }
            Object::Instance(instance) => {
                if let Some(set) = lookup(&instance.class, &names().__set__) {
                    self.call(&set, &[attr.clone(), obj.clone(), value])?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            match &**o {
                Object::Instance(instance) => {
                    if let Some(attr) = lookup(&instance.class, name)
                        && let Value::Obj(a) = &attr
                        && let Object::Property(parts) = &**a
                    {
                        let deleter = parts[2].clone();
                        if deleter.is_none() || deleter.is_null() {
                            return Err(PyErr::attribute_error(format!(
                                "property '{}' of '{}' object has no deleter",
                                text(name),
                                obj.type_name()
                            )));
                        }
                        self.call(&deleter, std::slice::from_ref(obj))?;
                        return Ok(());
                    }
                    if self.dict_del_str(&instance.dict, name)? {
                        return Ok(());
                    }
                }
                Object::Type(t) if !t.builtin && self.dict_del_str(&t.dict, name)? => {
                    types::refresh_flags(o);
                    return Ok(());
                }
                Object::Module(module) if self.dict_del_str(&module.dict, name)? => {
                    return Ok(());
                }
                _ => {}
            }
        }
        Err(self.no_attribute(obj, name))
    }

    /// The `AttributeError` for a missing attribute, worded as CPython's.
    pub fn no_attribute(&self, obj: &Value, name: &Value) -> PyErr {
        let attr = text(name);
        let message = match obj {
            Value::Obj(o) => match &**o {
                Object::Type(t) => format!("type object '{}' has no attribute '{attr}'", t.name),
                Object::Module(m) => format!("module '{}' has no attribute '{attr}'", m.name),
                _ => format!("'{}' object has no attribute '{attr}'", obj.type_name()),
            },
            _ => format!("'{}' object has no attribute '{attr}'", obj.type_name()),
        };
        let err = PyErr::attribute_error(message);
        if let PyErr::Exception(exc) = &err
            && let Object::Instance(instance) = &**exc
            && let Object::Dict(dict) = &*instance.dict
        {
            let mut map = dict.lock();
            for (key, value) in [
                (names().name.clone(), name.clone()),
                (crate::objects::names::intern("obj"), obj.clone()),
            ] {
                let hash = key.as_str().map_or(0, |s| s.hash());
                map.insert_new(hash, key, value);
            }
        }
        err
    }

    /// A special method looked up on the class (not the instance), as the
    /// interpreter looks up `__len__`, `__iter__`…
    pub fn lookup_special(&self, obj: &Value, name: &Value) -> Option<Value> {
        lookup(obj.class(), name)
    }

    /// Calls a special method on `obj` if its class defines it.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: &Value,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Some(method) = lookup(obj.class(), name) else {
            return Ok(None);
        };
        let bound = match &method {
            Value::Obj(m)
                if matches!(
                    &**m,
                    Object::StaticMethod(_) | Object::ClassMethod(_) | Object::Property(_)
                ) =>
            {
                self.bind_attribute(method.clone(), obj)?
            }
            _ => {
                let mut values = Vec::with_capacity(args.len() + 1);
                values.push(obj.clone());
                values.extend(args.iter().cloned());
                return self.call(&method, &values).map(Some);
            }
        };
        self.call(&bound, args).map(Some)
    }
}

static EMPTY: std::sync::LazyLock<ObjRef> =
    std::sync::LazyLock::new(|| Arc::new(Object::Dict(crate::objects::Dict::default())));

/// The text of a name value.
pub fn text(name: &Value) -> &str {
    name.as_str().map_or("?", |s| s.as_str())
}

fn is_name(name: &Value, wanted: &str) -> bool {
    name.as_str().is_some_and(|s| s.as_str() == wanted)
}

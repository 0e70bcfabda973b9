//! Classes at run time: building a class from its body, and calling a class
//! to make an instance (with `__init__` run as a frame on the explicit stack
//! when it is written in Python).

use super::Vm;
use super::call::{Called, kwnames_slice};
use super::frame::{ClassBodyState, Frame, FrameKind, FrameSource};
use crate::objects::exception::new_exception;
use crate::objects::lock::Lock as Mutex;
use crate::objects::names::names;
use crate::objects::types::{self, Layout, lookup, type_obj};
use crate::objects::{
    Args, Dict, DictMap, Instance, NativeBase, ObjRef, Object, PyErr, PyResult, Value,
};
use std::sync::Arc;

impl Vm {
    /// Calls a Python-defined class whose arguments are on the stack.
    pub(crate) fn instantiate_on_stack(
        &mut self,
        class: &ObjRef,
        base: usize,
        args_start: usize,
        kwnames: Value,
    ) -> PyResult<Called> {
        let custom_new = has_custom_new(class);
        let init = lookup(class, &names().__init__);
        let python_init =
            matches!(&init, Some(Value::Obj(f)) if matches!(&**f, Object::Function(_)));
        let tuple_layout = type_obj(class).is_some_and(|t| t.layout == Layout::Tuple);
        if custom_new || !python_init || tuple_layout {
            let args = self.take_args(base, args_start);
            let kw = kwnames_slice(&kwnames);
            let result = self.call_type(
                class,
                Args {
                    values: &args,
                    kwnames: kw,
                },
            );
            self.return_args(args);
            return result.map(Called::Value);
        }
        let positional = {
            let frame = self.top_frame()?;
            let end = frame.slots.len() - kwnames_slice(&kwnames).len();
            frame.slots[args_start..end].to_vec()
        };
        let instance = new_instance(class, positional)?;
        let Some(Value::Obj(init)) = init else {
            return Err(PyErr::system_error("lost __init__"));
        };
        let frame = self.top_frame()?;
        frame.slots[base] = instance.clone();
        self.push_function_frame(init, base, base, kwnames, FrameKind::Init(instance))
    }

    /// Calls a class from Rust: builtin constructors, or a new instance and
    /// its `__init__`.
    pub fn call_type(&mut self, class: &ObjRef, args: Args<'_>) -> PyResult {
        let Some(t) = type_obj(class) else {
            return Err(PyErr::type_error("not a class"));
        };
        if t.builtin {
            if let Some(constructor) = t.constructor {
                return constructor(self, args);
            }
            if t.layout == Layout::Exception {
                let instance = new_exception(class, args.positional().to_vec());
                if args.has_keywords() {
                    return Err(PyErr::type_error(format!(
                        "{}() takes no keyword arguments",
                        t.name
                    )));
                }
                return Ok(Value::Obj(instance));
            }
            return Err(PyErr::type_error(format!(
                "cannot create '{}' instances",
                t.name
            )));
        }
        let instance = if has_custom_new(class) {
            let new = lookup(class, &names().__new__).unwrap_or(Value::None);
            let new = unwrap_static(&new);
            let mut values = vec![Value::Obj(class.clone())];
            values.extend(args.values.iter().cloned());
            let made = self.call_args(
                &new,
                Args {
                    values: &values,
                    kwnames: args.kwnames,
                },
            )?;
            if !types::is_instance(&made, class) {
                return Ok(made);
            }
            made
        } else if type_obj(class).is_some_and(|t| t.layout == Layout::Tuple) {
            let items = match args.positional().first() {
                Some(iterable) => self.collect(iterable)?,
                None => Vec::new(),
            };
            new_instance(class, items)?
        } else {
            new_instance(class, args.positional().to_vec())?
        };
        let init = lookup(class, &names().__init__).unwrap_or(Value::None);
        let mut values = vec![instance.clone()];
        values.extend(args.values.iter().cloned());
        let result = self.call_args(
            &init,
            Args {
                values: &values,
                kwnames: args.kwnames,
            },
        )?;
        if !result.is_none() {
            return Err(PyErr::type_error(format!(
                "__init__() should return None, not '{}'",
                result.type_name()
            )));
        }
        Ok(instance)
    }

    /// Starts a class body: `[body, name, bases, kwargs_or_null]` are on the
    /// stack; its frame gets a fresh namespace.
    pub(crate) fn start_class_body(&mut self) -> PyResult<()> {
        let frame = self.top_frame()?;
        let kwargs = frame.slots.pop().unwrap_or_default();
        let bases = frame.slots.pop().unwrap_or_default();
        let name = frame.slots.pop().unwrap_or_default();
        let body = frame.slots.pop().unwrap_or_default();
        let module_name =
            types::dict_get_str(frame.globals(), &names().__name__).unwrap_or(Value::None);
        let Value::Obj(body_obj) = &body else {
            return Err(PyErr::system_error("class body is not a function"));
        };
        let Object::Function(func) = &**body_obj else {
            return Err(PyErr::system_error("class body is not a function"));
        };
        let namespace = Value::new_dict_obj();
        let qualname = Value::string(func.code.qualname.to_string());
        self.dict_set(&namespace, names().__module__.clone(), module_name)?;
        self.dict_set(&namespace, names().__qualname__.clone(), qualname)?;
        let mut keywords = Vec::new();
        if let Value::Obj(kw) = &kwargs
            && let Object::Dict(kw) = &**kw
        {
            for entry in kw.lock().iter() {
                keywords.push((entry.key.clone(), entry.value.clone()));
            }
        }
        let state = ClassBodyState {
            name,
            bases: bases.as_tuple().map(<[Value]>::to_vec).unwrap_or_default(),
            keywords,
        };
        let code = func.code.clone();
        let mut slots = self.take_slots(code.slot_count() + code.max_stack as usize);
        for _ in 0..code.cellvars.len() {
            slots.push(super::call::new_cell(Value::Null));
        }
        slots.extend(func.closure.iter().map(|c| Value::Obj(c.clone())));
        let frame = Frame {
            source: FrameSource::Code(code, func.globals.clone()),
            ip: 0,
            slots,
            namespace: Some(namespace),
            blocks: Vec::new(),
            handled: Value::Null,
            kind: FrameKind::ClassBody(Box::new(state)),
        };
        self.push_frame(frame)
    }

    /// Makes the class once its body returned (`cell` is its `__class__`
    /// cell, or `None`).
    pub(crate) fn finish_class(
        &mut self,
        state: ClassBodyState,
        namespace: ObjRef,
        cell: Value,
    ) -> PyResult {
        let name = state
            .name
            .as_str()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        let mut bases = Vec::new();
        for base in &state.bases {
            match base {
                Value::Obj(obj) if matches!(&**obj, Object::Type(_)) => bases.push(obj.clone()),
                other => {
                    return Err(PyErr::type_error(format!(
                        "bases must be types, not '{}'",
                        other.type_name()
                    )));
                }
            }
        }
        let mut init_subclass_kwargs = Vec::new();
        for (key, value) in state.keywords {
            let is_metaclass = key.as_str().is_some_and(|k| k.as_str() == "metaclass");
            if is_metaclass {
                let plain_type =
                    matches!(&value, Value::Obj(o) if Arc::ptr_eq(o, &types::types().type_));
                if !plain_type {
                    return Err(PyErr::not_implemented(
                        "Threadline Python does not support metaclasses other than 'type'",
                    ));
                }
            } else {
                init_subclass_kwargs.push((key, value));
            }
        }
        let qualname = types::dict_get_str(&namespace, &names().__qualname__)
            .and_then(|q| q.as_str().map(|s| s.as_str().to_string()))
            .unwrap_or_else(|| name.clone());
        self.dict_del_str(&namespace, &names().__qualname__)?;
        let class = types::new_class(&name, &qualname, bases, namespace.clone())?;
        if let Value::Obj(cell) = &cell
            && let Object::Cell(slot) = &**cell
        {
            *slot.lock() = Value::Obj(class.clone());
        }
        self.run_set_name(&class, &namespace)?;
        self.run_init_subclass(&class, init_subclass_kwargs)?;
        Ok(Value::Obj(class))
    }

    fn run_set_name(&mut self, class: &ObjRef, namespace: &ObjRef) -> PyResult<()> {
        let entries: Vec<(Value, Value)> = match &**namespace {
            Object::Dict(d) => d.lock().items(),
            _ => Vec::new(),
        };
        for (key, value) in entries {
            if let Value::Obj(obj) = &value
                && let Object::Instance(instance) = &**obj
                && let Some(set_name) = lookup(&instance.class, &names().__set_name__)
            {
                self.call(&set_name, &[value.clone(), Value::Obj(class.clone()), key])?;
            }
        }
        Ok(())
    }

    fn run_init_subclass(&mut self, class: &ObjRef, kwargs: Vec<(Value, Value)>) -> PyResult<()> {
        let Some(t) = type_obj(class) else {
            return Ok(());
        };
        for parent in t.mro.iter() {
            let Some(pt) = type_obj(parent) else { continue };
            if pt.builtin {
                break;
            }
            if let Some(hook) = types::dict_get_str(&pt.dict, &names().__init_subclass__) {
                let hook = match &hook {
                    Value::Obj(o) => match &**o {
                        Object::ClassMethod(f) => f.clone(),
                        _ => hook.clone(),
                    },
                    _ => hook.clone(),
                };
                let mut values = vec![Value::Obj(class.clone())];
                let mut kwnames = Vec::new();
                for (k, v) in kwargs {
                    kwnames.push(k);
                    values.push(v);
                }
                self.call_args(
                    &hook,
                    Args {
                        values: &values,
                        kwnames: &kwnames,
                    },
                )?;
                return Ok(());
            }
        }
        if !kwargs.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                t.name
            )));
        }
        Ok(())
    }
}

fn has_custom_new(class: &ObjRef) -> bool {
    match types::lookup_with_owner(class, &names().__new__) {
        Some((_, owner)) => type_obj(&owner).is_some_and(|t| !t.builtin),
        None => false,
    }
}

fn unwrap_static(value: &Value) -> Value {
    match value {
        Value::Obj(obj) => match &**obj {
            Object::StaticMethod(inner) => inner.clone(),
            _ => value.clone(),
        },
        _ => value.clone(),
    }
}

/// A new, uninitialised instance of a Python class (`object.__new__`).
pub fn new_instance(class: &ObjRef, args: Vec<Value>) -> PyResult<Value> {
    let layout = type_obj(class).map_or(Layout::Object, |t| t.layout);
    let native = match layout {
        Layout::Exception => return Ok(Value::Obj(new_exception(class, args))),
        Layout::Dict => NativeBase::Dict(Dict::new(DictMap::new())),
        Layout::List => NativeBase::List(Mutex::new(Vec::new())),
        Layout::Tuple => NativeBase::Tuple(args.into_boxed_slice()),
        Layout::Object | Layout::Native => NativeBase::None,
    };
    let tracked = !matches!(native, NativeBase::None);
    let obj = Arc::new(Object::Instance(Instance {
        class: class.clone(),
        dict: Value::new_dict_obj(),
        native,
    }));
    if tracked {
        crate::heap::track(&obj);
    }
    Ok(Value::Obj(obj))
}

//! The less frequent instructions of the dispatch loop: scopes, building
//! containers, functions and classes, exceptions, `with`, imports,
//! generators' delegation.

use super::Vm;
use super::call::Called;
use super::dispatch::{Control, name_at, unbound_local};
use super::frame::Block;
use crate::compile::{Code, Op, UnaryKind};
use crate::objects::names::names;
use crate::objects::types::{self, is_instance};
use crate::objects::{Object, PyErr, PyResult, Value, types as all_types};
use std::sync::Arc;

impl Vm {
    /// Runs one of the less frequent instructions. `Some`: the dispatch
    /// loop must stop or switch frames.
    pub(crate) fn execute_more(
        &mut self,
        op: Op,
        code: &Code,
        _base: usize,
    ) -> PyResult<Option<Control>> {
        match op {
            Op::DeleteFast(i) => {
                let frame = self.top_frame()?;
                let slot = frame.slots.get_mut(i as usize);
                match slot {
                    Some(slot) if !slot.is_null() => *slot = Value::Null,
                    _ => return Err(unbound_local(code, i)),
                }
            }
            Op::LoadDeref(i)
            | Op::StoreDeref(i)
            | Op::DeleteDeref(i)
            | Op::LoadClosure(i)
            | Op::LoadClassDeref(i) => {
                self.execute_deref(op, code, i)?;
            }
            Op::StoreGlobal(i) => {
                let name = name_at(code, i)?.clone();
                let frame = self.top_frame()?;
                let value = frame.slots.pop().unwrap_or_default();
                let globals = frame.globals().clone();
                self.dict_set(&globals, name, value)?;
            }
            Op::DeleteGlobal(i) => {
                let name = name_at(code, i)?;
                let globals = self.top_frame()?.globals().clone();
                if !self.dict_del_str(&globals, name)? {
                    return Err(name_error(name));
                }
            }
            Op::LoadName(i) => {
                let name = name_at(code, i)?;
                let value = self.load_name(name)?;
                self.push(value);
            }
            Op::StoreName(i) => {
                let name = name_at(code, i)?.clone();
                let frame = self.top_frame()?;
                let value = frame.slots.pop().unwrap_or_default();
                let namespace = frame
                    .namespace
                    .clone()
                    .unwrap_or_else(|| frame.globals().clone());
                self.store_in_namespace(&namespace, name, value)?;
            }
            Op::DeleteName(i) => {
                let name = name_at(code, i)?;
                let frame = self.top_frame()?;
                let namespace = frame
                    .namespace
                    .clone()
                    .unwrap_or_else(|| frame.globals().clone());
                if !self.dict_del_str(&namespace, name)? {
                    return Err(name_error(name));
                }
            }
            Op::DeleteAttr(i) => {
                let name = name_at(code, i)?;
                let obj = self.pop_value()?;
                self.delattr(&obj, name)?;
            }
            Op::DeleteSubscr => {
                let key = self.pop_value()?;
                let container = self.pop_value()?;
                self.delitem(&container, &key)?;
            }
            Op::CallEx => return self.call_ex().map(Some),
            Op::UnaryOp(kind) => {
                let value = self.pop_value()?;
                let result = match kind {
                    UnaryKind::Not => Value::Bool(!self.truthy(&value)?),
                    _ => self.unary_op(&value, kind)?,
                };
                self.push(result);
            }
            Op::IsOp(invert) => {
                let b = self.pop_value()?;
                let a = self.pop_value()?;
                self.push(Value::Bool(a.is(&b) != invert));
            }
            Op::ContainsOp(invert) => {
                let container = self.pop_value()?;
                let item = self.pop_value()?;
                let found = self.contains(&container, &item)?;
                self.push(Value::Bool(found != invert));
            }
            Op::JumpIfFalseOrPop(target) | Op::JumpIfTrueOrPop(target) => {
                let top = self.top_frame()?.slots.last().cloned().unwrap_or_default();
                let truth = self.truthy(&top)?;
                let jump_when = matches!(op, Op::JumpIfTrueOrPop(_));
                let frame = self.top_frame()?;
                if truth == jump_when {
                    frame.ip = target as usize;
                } else {
                    frame.slots.pop();
                }
            }
            Op::PopJumpIfNone(target) | Op::PopJumpIfNotNone(target) => {
                let value = self.pop_value()?;
                if value.is_none() == matches!(op, Op::PopJumpIfNone(_)) {
                    self.top_frame()?.ip = target as usize;
                }
            }
            Op::GetIter => {
                let value = self.pop_value()?;
                let iterator = self.get_iter(&value)?;
                self.push(iterator);
            }
            Op::SetupFinally(handler) => {
                let frame = self.top_frame()?;
                let depth = (frame.slots.len() - frame.stack_base()) as u32;
                frame.blocks.push(Block { handler, depth });
            }
            Op::SetupWith(handler) => {
                let frame = self.top_frame()?;
                let depth = (frame.slots.len() - frame.stack_base()).saturating_sub(1) as u32;
                frame.blocks.push(Block { handler, depth });
            }
            Op::PopBlock => {
                self.top_frame()?.blocks.pop();
            }
            Op::PushExcInfo => {
                let frame = self.top_frame()?;
                let exc = frame.slots.pop().unwrap_or_default();
                let previous = std::mem::replace(&mut frame.handled, exc.clone());
                frame.slots.push(previous);
                frame.slots.push(exc);
            }
            Op::PopExcept => {
                let frame = self.top_frame()?;
                frame.handled = frame.slots.pop().unwrap_or_default();
            }
            Op::PopExceptReraise => {
                let frame = self.top_frame()?;
                let raised = frame.slots.pop().unwrap_or_default();
                frame.slots.pop();
                frame.handled = frame.slots.pop().unwrap_or_default();
                return Ok(Some(Control::Reraise(reraise(raised))));
            }
            Op::Reraise => {
                let raised = self.pop_value()?;
                return Ok(Some(Control::Reraise(reraise(raised))));
            }
            Op::RaiseVarargs(n) => return self.raise_varargs(n).map(Some),
            Op::CheckExcMatch => {
                let class = self.pop_value()?;
                let exc = self.top_frame()?.slots.last().cloned().unwrap_or_default();
                let matched = exception_matches(&exc, &class)?;
                self.push(Value::Bool(matched));
            }
            Op::LoadAssertionError => self.push(Value::Obj(all_types().assertion_error.clone())),
            Op::GenStart => {
                self.pop_value()?;
            }
            other => return self.execute_rest(other, code),
        }
        Ok(None)
    }

    fn execute_deref(&mut self, op: Op, code: &Code, i: u32) -> PyResult<()> {
        let frame = self.top_frame()?;
        let slot = code.varnames.len() + i as usize;
        let Some(Value::Obj(cell)) = frame.slots.get(slot).cloned() else {
            return Err(PyErr::system_error("missing cell"));
        };
        let Object::Cell(content) = &*cell else {
            return Err(PyErr::system_error("not a cell"));
        };
        match op {
            Op::LoadDeref(_) => {
                let value = content.lock().clone();
                if value.is_null() {
                    return Err(unbound_deref(code, i as usize));
                }
                frame.slots.push(value);
            }
            Op::LoadClassDeref(_) => {
                let name = crate::objects::names::intern(code.deref_name(i as usize));
                let namespace = frame.namespace.clone();
                if let Some(ns) = namespace
                    && let Some(found) = self.dict_get(&ns, &name)?
                {
                    self.push(found);
                    return Ok(());
                }
                let value = content.lock().clone();
                if value.is_null() {
                    return Err(unbound_deref(code, i as usize));
                }
                self.push(value);
            }
            Op::StoreDeref(_) => {
                let value = frame.slots.pop().unwrap_or_default();
                let old = std::mem::replace(&mut *content.lock(), value);
                drop(old);
            }
            Op::DeleteDeref(_) => {
                let old = std::mem::take(&mut *content.lock());
                if old.is_null() {
                    return Err(unbound_deref(code, i as usize));
                }
            }
            _ => frame.slots.push(Value::Obj(cell.clone())),
        }
        Ok(())
    }

    /// Pops the top frame's top value.
    pub(crate) fn pop_value(&mut self) -> PyResult<Value> {
        Ok(self.top_frame()?.slots.pop().unwrap_or_default())
    }

    fn call_ex(&mut self) -> PyResult<Control> {
        let kwargs = self.pop_value()?;
        let args = self.pop_value()?;
        let mut names_list = Vec::new();
        let mut values: Vec<Value> = args.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
        if let Value::Obj(dict) = &kwargs
            && let Object::Dict(dict) = &**dict
        {
            for entry in dict.lock().iter() {
                if entry.key.as_str().is_none() {
                    return Err(PyErr::type_error("keywords must be strings"));
                }
                names_list.push(entry.key.clone());
                values.push(entry.value.clone());
            }
        }
        let frame = self.top_frame()?;
        let args_start = frame.slots.len();
        frame.slots.extend(values);
        let kwnames = if names_list.is_empty() {
            Value::Null
        } else {
            Value::tuple(names_list)
        };
        match self.call_on_stack(args_start, kwnames)? {
            Called::Value(value) => {
                self.push(value);
                Ok(Control::Switch)
            }
            Called::Frame => Ok(Control::Switch),
        }
    }

    fn raise_varargs(&mut self, n: u32) -> PyResult<Control> {
        match n {
            0 => {
                let handled = self.current_handled();
                if handled.is_null() {
                    return Err(PyErr::runtime_error("No active exception to reraise"));
                }
                Ok(Control::Reraise(reraise(handled)))
            }
            _ => {
                let cause = if n == 2 {
                    Some(self.pop_value()?)
                } else {
                    None
                };
                let exc = self.pop_value()?;
                let err = self.raise_from(exc, cause)?;
                if let PyErr::Exception(exc) = &err {
                    self.set_context(exc);
                    self.add_traceback_here(exc);
                }
                Ok(Control::Reraise(err))
            }
        }
    }

    /// Looks a name up in the local namespace, the globals, the builtins.
    fn load_name(&mut self, name: &Value) -> PyResult<Value> {
        let frame = self.top_frame()?;
        let namespace = frame.namespace.clone();
        let globals = frame.globals().clone();
        if let Some(ns) = namespace
            && !Arc::ptr_eq(&ns, &globals)
            && let Some(found) = self.dict_get(&ns, name)?
        {
            return Ok(found);
        }
        self.load_global(&globals, name)
    }

    /// Looks a name up in the globals, then the builtins.
    pub(crate) fn load_global(
        &mut self,
        globals: &crate::objects::ObjRef,
        name: &Value,
    ) -> PyResult<Value> {
        if let Some(found) = types::dict_get_str(globals, name) {
            return Ok(found);
        }
        if let Some(found) = types::dict_get_str(&self.interp.builtins, name) {
            return Ok(found);
        }
        // The exception groups are written in Python with asyncio, which
        // puts them among the builtins: a program that names them first
        // loads it then.
        let text = name.as_str().map(|s| s.as_str());
        if matches!(text, Some("ExceptionGroup" | "BaseExceptionGroup")) {
            self.import_module("asyncio")?;
            if let Some(found) = types::dict_get_str(&self.interp.builtins, name) {
                return Ok(found);
            }
        }
        Err(self.name_error_with_hint(name, globals))
    }

    /// `NameError`, with CPython's "Did you mean" computed from the code's
    /// locals, then the globals, then the builtins.
    fn name_error_with_hint(&self, name: &Value, globals: &crate::objects::ObjRef) -> PyErr {
        let err = name_error(name);
        let Some(wanted) = name.as_str().map(|s| s.as_str().to_string()) else {
            return err;
        };
        let keys_of = |dict: &crate::objects::ObjRef| -> Vec<String> {
            match &**dict {
                Object::Dict(d) => d
                    .lock()
                    .keys()
                    .iter()
                    .filter_map(|k| k.as_str().map(|s| s.as_str().to_string()))
                    .collect(),
                _ => Vec::new(),
            }
        };
        let locals: Vec<String> = self
            .frames
            .last()
            .map(|f| f.code().varnames.iter().map(|v| v.to_string()).collect())
            .unwrap_or_default();
        let tiers = [locals, keys_of(globals), keys_of(&self.interp.builtins)];
        let suggestion = tiers
            .iter()
            .find_map(|tier| crate::traceback::best_match(&wanted, tier));
        if let (Some(suggestion), PyErr::Exception(exc)) = (suggestion, &err)
            && let Object::Instance(instance) = &**exc
            && let Object::Dict(dict) = &*instance.dict
        {
            let key = crate::objects::names::intern("__suggestion__");
            let hash = key.as_str().map_or(0, |s| s.hash());
            dict.lock().insert_new(hash, key, Value::string(suggestion));
        }
        err
    }

    fn store_in_namespace(
        &mut self,
        namespace: &crate::objects::ObjRef,
        name: Value,
        value: Value,
    ) -> PyResult<()> {
        match &**namespace {
            Object::Dict(_) => self.dict_set(namespace, name, value),
            _ => self.setitem(&Value::Obj(namespace.clone()), name, value),
        }
    }
}

/// An exception value as a re-raise.
fn reraise(value: Value) -> PyErr {
    match value {
        Value::Obj(obj) => PyErr::Exception(obj),
        _ => PyErr::system_error("re-raised a non-exception"),
    }
}

/// `NameError: name 'x' is not defined`.
pub(crate) fn name_error(name: &Value) -> PyErr {
    let text = name.as_str().map_or("?", |s| s.as_str());
    let err = PyErr::name_error(format!("name '{text}' is not defined"));
    if let PyErr::Exception(exc) = &err
        && let Object::Instance(instance) = &**exc
        && let Object::Dict(dict) = &*instance.dict
    {
        let mut map = dict.lock();
        let key = names().name.clone();
        let hash = key.as_str().map_or(0, |s| s.hash());
        map.insert_new(hash, key, name.clone());
    }
    err
}

fn unbound_deref(code: &Code, i: usize) -> PyErr {
    let name = code.deref_name(i);
    if i < code.cellvars.len() {
        PyErr::unbound_local(format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        ))
    } else {
        PyErr::name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    }
}

/// Whether an exception matches an `except` clause's class or tuple.
pub(crate) fn exception_matches(exc: &Value, class: &Value) -> PyResult<bool> {
    let base = &all_types().base_exception;
    match class {
        Value::Obj(obj) => match &**obj {
            Object::Type(_) if types::is_subclass(obj, base) => Ok(is_instance(exc, obj)),
            Object::Tuple(items) => {
                for item in items.iter() {
                    if exception_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(catching_error()),
        },
        _ => Err(catching_error()),
    }
}

fn catching_error() -> PyErr {
    PyErr::type_error("catching classes that do not inherit from BaseException is not allowed")
}

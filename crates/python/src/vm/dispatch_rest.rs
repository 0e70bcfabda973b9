//! The rest of the dispatch loop: building containers, functions and
//! classes, formatting, unpacking, `with`, imports, and delegation to
//! sub-iterators (`yield from`, `await`).

use super::Vm;
use super::dispatch::{Control, name_at};
use super::frame::Resume;
use crate::compile::{Code, Op};
use crate::objects::function::FunctionAttrs;
use crate::objects::lock::Lock as Mutex;
use crate::objects::names::names;
use crate::objects::{DictMap, Function, Object, PyErr, PyResult, Value};

impl Vm {
    pub(crate) fn execute_rest(&mut self, op: Op, code: &Code) -> PyResult<Option<Control>> {
        match op {
            Op::BuildTuple(n) => {
                let items = self.pop_n(n)?;
                self.push(Value::tuple(items));
            }
            Op::BuildList(n) => {
                let items = self.pop_n(n)?;
                let list = Value::list(items)?;
                self.push(list);
            }
            Op::BuildSet(n) => {
                let items = self.pop_n(n)?;
                let set = self.new_set(items)?;
                self.push(set);
            }
            Op::BuildMap(n) => {
                let items = self.pop_n(n * 2)?;
                let dict = Value::dict(DictMap::new())?;
                if let Value::Obj(d) = &dict {
                    let mut pairs = items.into_iter();
                    while let (Some(k), Some(v)) = (pairs.next(), pairs.next()) {
                        self.dict_set(d, k, v)?;
                    }
                }
                self.push(dict);
            }
            Op::BuildConstKeyMap(n) => {
                let keys = self.pop_value()?;
                let values = self.pop_n(n)?;
                let dict = Value::dict(DictMap::new())?;
                if let (Value::Obj(d), Some(keys)) = (&dict, keys.as_tuple()) {
                    for (k, v) in keys.iter().zip(values) {
                        self.dict_set(d, k.clone(), v)?;
                    }
                }
                self.push(dict);
            }
            Op::BuildString(n) => {
                let parts = self.pop_n(n)?;
                let mut text = String::new();
                for part in &parts {
                    text.push_str(part.as_str().map_or("", |s| s.as_str()));
                }
                self.push(Value::string(text));
            }
            Op::BuildSlice(n) => {
                let mut parts = self.pop_n(n)?;
                if parts.len() == 2 {
                    parts.push(Value::None);
                }
                let [start, stop, step]: [Value; 3] = parts
                    .try_into()
                    .map_err(|_| PyErr::system_error("bad slice"))?;
                self.push(Value::obj(Object::Slice(Box::new([start, stop, step]))));
            }
            Op::ListAppend(depth)
            | Op::SetAdd(depth)
            | Op::ListExtend(depth)
            | Op::SetUpdate(depth) => {
                let value = self.pop_value()?;
                let target = self.peek(depth)?;
                match op {
                    Op::ListAppend(_) => self.list_append(&target, value)?,
                    Op::SetAdd(_) => self.set_add(&target, value)?,
                    Op::ListExtend(_) => self.list_extend(&target, &value)?,
                    _ => self.set_update(&target, &value)?,
                }
            }
            Op::MapAdd(depth) => {
                let value = self.pop_value()?;
                let key = self.pop_value()?;
                let target = self.peek(depth)?;
                if let Value::Obj(d) = &target {
                    self.dict_set(d, key, value)?;
                }
            }
            Op::DictUpdate(depth) | Op::DictMerge(depth) => {
                let value = self.pop_value()?;
                let target = self.peek(depth)?;
                self.dict_update_from(&target, &value, matches!(op, Op::DictMerge(_)))?;
            }
            Op::ListToTuple => {
                let list = self.pop_value()?;
                let items = self.list_items(&list)?;
                self.push(Value::tuple(items));
            }
            Op::FormatValue(flags) => {
                let spec = if flags & 4 != 0 {
                    Some(self.pop_value()?)
                } else {
                    None
                };
                let value = self.pop_value()?;
                let converted = match flags & 3 {
                    1 => self.str_value(&value)?,
                    2 => self.repr_value(&value)?,
                    3 => Value::string(crate::objects::str_methods::ascii_of(&self.repr(&value)?)),
                    _ => value,
                };
                let spec_text = spec
                    .as_ref()
                    .and_then(|s| s.as_str())
                    .map_or("", |s| s.as_str());
                let formatted = if spec_text.is_empty() && converted.as_str().is_some() {
                    converted
                } else {
                    self.format_value(&converted, spec_text)?
                };
                self.push(formatted);
            }
            Op::UnpackSequence(n) => {
                let value = self.pop_value()?;
                let items = self.unpack(&value, n as usize)?;
                let frame = self.top_frame()?;
                frame.slots.extend(items.into_iter().rev());
            }
            Op::UnpackEx(counts) => {
                let value = self.pop_value()?;
                let items =
                    self.unpack_ex(&value, (counts & 0xff) as usize, (counts >> 8) as usize)?;
                let frame = self.top_frame()?;
                frame.slots.extend(items.into_iter().rev());
            }
            Op::MakeFunction(flags) => {
                let function = self.make_function(flags)?;
                self.push(function);
            }
            Op::BuildClass => {
                self.start_class_body()?;
                return Ok(Some(Control::Switch));
            }
            other => return self.execute_last(other, code),
        }
        Ok(None)
    }

    /// Calls a `with` statement's `__enter__` or `__exit__` (the first of
    /// `call`, with the rest as its arguments) from this loop, not from a
    /// nested one: a Python one runs as an ordinary frame, and a native one
    /// that must wait (`with lock:`) blocks at the top of the loop, where
    /// `one-core` can switch threads. Its result goes on the stack.
    fn call_from_loop<const N: usize>(&mut self, call: [Value; N]) -> PyResult<Option<Control>> {
        let at = self.top_frame()?.slots.len();
        for value in call {
            self.push(value);
        }
        match self.call_on_stack(at + 1, Value::Null)? {
            super::call::Called::Value(value) => {
                self.push(value);
                Ok(None)
            }
            super::call::Called::Frame => Ok(Some(Control::Switch)),
        }
    }

    fn execute_last(&mut self, op: Op, code: &Code) -> PyResult<Option<Control>> {
        match op {
            Op::GetYieldFromIter => {
                let value = self.pop_value()?;
                let iterator = if super::generator::is_generator(&value) {
                    value
                } else {
                    self.get_iter(&value)?
                };
                self.push(iterator);
            }
            Op::GetAwaitable => {
                let value = self.pop_value()?;
                let awaitable = self.get_awaitable(value)?;
                self.push(awaitable);
            }
            Op::Send(exit) => return self.send_op(exit),
            Op::BeforeWith | Op::BeforeAsyncWith => {
                let manager = self.pop_value()?;
                let (enter_name, exit_name) = if op == Op::BeforeWith {
                    (&names().__enter__, &names().__exit__)
                } else {
                    (&names().__aenter__, &names().__aexit__)
                };
                let class = manager.class().clone();
                let missing = |what: &str| {
                    PyErr::type_error(format!(
                        "'{}' object does not support the {what} protocol",
                        manager.type_name()
                    ))
                };
                let protocol = if op == Op::BeforeWith {
                    "context manager"
                } else {
                    "asynchronous context manager"
                };
                let enter = crate::objects::types::lookup(&class, enter_name)
                    .ok_or_else(|| missing(protocol))?;
                let exit = crate::objects::types::lookup(&class, exit_name)
                    .ok_or_else(|| missing(protocol))?;
                let exit = self.bind_attribute(exit, &manager)?;
                let enter = self.bind_attribute(enter, &manager)?;
                self.push(exit);
                if op == Op::BeforeWith {
                    return self.call_from_loop([enter]);
                }
                let entered = self.call(&enter, &[])?;
                let entered = if op == Op::BeforeAsyncWith {
                    self.get_awaitable(entered)?
                } else {
                    entered
                };
                self.push(entered);
            }
            Op::WithExceptStart => {
                let frame = self.top_frame()?;
                let len = frame.slots.len();
                let exc = frame.slots[len - 1].clone();
                let exit = frame.slots[len - 3].clone();
                let class = exc.class().clone();
                let traceback = self.traceback_object(&exc);
                // An `__exit__` that waits (a pool's shutdown) waits as any
                // code does.
                return self.call_from_loop([exit, Value::Obj(class), exc, traceback]);
            }
            Op::ImportName(i) => {
                let name = name_at(code, i)?.clone();
                let fromlist = self.pop_value()?;
                let level = self.pop_value()?;
                let module = self.import_name(&name, &fromlist, &level)?;
                self.push(module);
            }
            Op::ImportFrom(i) => {
                let name = name_at(code, i)?;
                let module = self.top_frame()?.slots.last().cloned().unwrap_or_default();
                let value = self.import_from(&module, name)?;
                self.push(value);
            }
            Op::ImportStar => {
                let module = self.pop_value()?;
                self.import_star(&module)?;
            }
            Op::SetupAnnotations => {
                let frame = self.top_frame()?;
                let namespace = frame
                    .namespace
                    .clone()
                    .unwrap_or_else(|| frame.globals().clone());
                let key = names().__annotations__.clone();
                if self.dict_get(&namespace, &key)?.is_none() {
                    let dict = Value::dict(DictMap::new())?;
                    self.dict_set(&namespace, key, dict)?;
                }
            }
            Op::GetAIter => {
                let value = self.pop_value()?;
                let method = self
                    .lookup_special(&value, &names().__aiter__)
                    .ok_or_else(|| {
                        PyErr::type_error(format!(
                            "'async for' requires an object with __aiter__ method, got {}",
                            value.type_name()
                        ))
                    })?;
                let iterator = self.call(&method, &[value])?;
                self.push(iterator);
            }
            Op::GetANext => {
                let iterator = self.top_frame()?.slots.last().cloned().unwrap_or_default();
                let method = self
                    .lookup_special(&iterator, &names().__anext__)
                    .ok_or_else(|| {
                        PyErr::type_error(format!(
                            "'async for' requires an iterator with __anext__ method, got {}",
                            iterator.type_name()
                        ))
                    })?;
                let awaitable = self.call(&method, &[iterator])?;
                let awaitable = self.get_awaitable(awaitable)?;
                self.push(awaitable);
            }
            Op::EndAsyncFor => {
                let frame = self.top_frame()?;
                let exc = frame.slots.pop().unwrap_or_default();
                if crate::objects::types::is_instance(
                    &exc,
                    &crate::objects::types().stop_async_iteration,
                ) {
                    frame.slots.pop();
                } else if let Value::Obj(exc) = exc {
                    return Ok(Some(Control::Reraise(PyErr::Exception(exc))));
                }
            }
            other => {
                return Err(PyErr::system_error(format!(
                    "instruction {other:?} is not implemented"
                )));
            }
        }
        Ok(None)
    }

    /// `Send`: `[iter, value]`; resumes `iter` with `value`.
    fn send_op(&mut self, exit: u32) -> PyResult<Option<Control>> {
        let frame = self.top_frame()?;
        let len = frame.slots.len();
        let value = frame.slots[len - 1].clone();
        let iterator = frame.slots[len - 2].clone();
        if let Value::Obj(gen_obj) = &iterator
            && matches!(&**gen_obj, Object::Generator(_))
        {
            if self.resume_on_stack(gen_obj, value, Resume::Send(exit))? {
                return Ok(Some(Control::Switch));
            }
            self.finish_send(Value::None, exit)?;
            return Ok(None);
        }
        let result = if value.is_none() {
            self.iter_next(&iterator)
                .map(|item| item.ok_or(PyErr::stop_iteration(Value::Null)))
        } else {
            let send = self.getattr(&iterator, &names().send)?;
            Ok(self.call(&send, &[value]))
        };
        match result? {
            Ok(item) => {
                let frame = self.top_frame()?;
                frame.slots.pop();
                frame.slots.push(item);
            }
            Err(err) if err.is_instance_of(&crate::objects::types().stop_iteration) => {
                let returned = super::generator::stop_iteration_value(&err);
                self.finish_send(returned, exit)?;
            }
            Err(err) => return Err(err),
        }
        Ok(None)
    }

    fn finish_send(&mut self, returned: Value, exit: u32) -> PyResult<()> {
        let frame = self.top_frame()?;
        frame.slots.pop();
        frame.slots.pop();
        frame.slots.push(returned);
        frame.ip = exit as usize;
        Ok(())
    }

    /// Pops the top `n` values, in stack order.
    pub(crate) fn pop_n(&mut self, n: u32) -> PyResult<Vec<Value>> {
        let frame = self.top_frame()?;
        let start = frame.slots.len().saturating_sub(n as usize);
        Ok(frame.slots.split_off(start))
    }

    /// The value `depth` below the top (1 is the top).
    fn peek(&mut self, depth: u32) -> PyResult<Value> {
        let frame = self.top_frame()?;
        let len = frame.slots.len();
        frame
            .slots
            .get(len.wrapping_sub(depth as usize))
            .cloned()
            .ok_or_else(|| PyErr::system_error("stack underflow"))
    }

    fn make_function(&mut self, flags: u32) -> PyResult<Value> {
        let frame = self.top_frame()?;
        let closure = if flags & 8 != 0 {
            frame.slots.pop().unwrap_or_default()
        } else {
            Value::Null
        };
        let kwdefaults = if flags & 2 != 0 {
            frame.slots.pop().unwrap_or_default()
        } else {
            Value::Null
        };
        let defaults = if flags & 1 != 0 {
            frame.slots.pop().unwrap_or_default()
        } else {
            Value::Null
        };
        let code_value = frame.slots.pop().unwrap_or_default();
        let globals = frame.globals().clone();
        let Value::Obj(code_obj) = &code_value else {
            return Err(PyErr::system_error("MakeFunction without code"));
        };
        let Object::Code(code) = &**code_obj else {
            return Err(PyErr::system_error("MakeFunction without code"));
        };
        let cells = closure
            .as_tuple()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|c| c.as_obj().cloned())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let module =
            crate::objects::types::dict_get_str(&globals, &names().__name__).unwrap_or(Value::None);
        let doc = doc_of(code);
        let function = Function {
            code: code.clone(),
            globals,
            defaults: defaults
                .as_tuple()
                .map(|d| d.to_vec().into_boxed_slice())
                .unwrap_or_default(),
            kwdefaults,
            closure: cells.into_boxed_slice(),
            attrs: Mutex::new(FunctionAttrs {
                name: crate::objects::names::intern(&code.name),
                qualname: Value::str(&code.qualname),
                doc,
                module,
                dict: None,
            }),
        };
        Ok(Value::obj(Object::Function(function)))
    }
}

/// A function's docstring: its code's first constant, when the compiler
/// marked the body as starting with one.
fn doc_of(code: &Code) -> Value {
    match code.consts.first() {
        Some(first) if code.docstring => first.clone(),
        _ => Value::None,
    }
}

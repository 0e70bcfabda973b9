//! Exceptions in flight: recording the traceback, chaining `__context__`,
//! and unwinding frames to the nearest handler.

use super::Vm;
use super::frame::{FrameKind, Resume};
use super::generator::{GenKind, mark_finished};
use crate::objects::exception::{TbEntry, exc_data, new_exception};
use crate::objects::types::{is_subclass, type_obj};
use crate::objects::{ObjRef, Object, PyErr, PyResult, Value, types};

impl Vm {
    /// Records the top frame, at its current instruction, in the traceback.
    pub(crate) fn add_traceback_here(&mut self, exc: &ObjRef) {
        let Some(frame) = self.frames.last() else {
            return;
        };
        if &*frame.code().filename == super::consume::FILENAME {
            return;
        }
        if let Some(data) = exc_data(exc) {
            data.lock().traceback.push(TbEntry {
                code: frame.code().clone(),
                ip: frame.ip.saturating_sub(1) as u32,
            });
        }
    }

    /// The exception being handled now (`Null` if none), from the innermost
    /// frame that handles one.
    pub fn current_handled(&self) -> Value {
        self.frames
            .iter()
            .rev()
            .map(|f| &f.handled)
            .find(|h| !h.is_null() && !h.is_none())
            .cloned()
            .unwrap_or(Value::Null)
    }

    /// Sets `__context__` of a newly raised exception to the one being
    /// handled, breaking any cycle as CPython does.
    pub(crate) fn set_context(&self, exc: &ObjRef) {
        let Value::Obj(handled) = self.current_handled() else {
            return;
        };
        if std::sync::Arc::ptr_eq(&handled, exc) {
            return;
        }
        let mut link = handled.clone();
        for _ in 0..1000 {
            let Some(data) = exc_data(&link) else { break };
            let next = data.lock().context.clone();
            match next {
                Value::Obj(next) if std::sync::Arc::ptr_eq(&next, exc) => {
                    data.lock().context = Value::None;
                    break;
                }
                Value::Obj(next) => link = next,
                _ => break,
            }
        }
        if let Some(data) = exc_data(exc) {
            data.lock().context = Value::Obj(handled);
        }
    }

    /// Prepares an error raised by the instruction the top frame just ran:
    /// a fresh exception gets its `__context__`, and every exception gets
    /// this frame in its traceback.
    pub(crate) fn note_raise(&mut self, err: &PyErr) {
        let PyErr::Exception(exc) = err else {
            return;
        };
        let fresh = exc_data(exc).is_some_and(|d| d.lock().traceback.is_empty());
        if fresh {
            self.set_context(exc);
        }
        self.add_traceback_here(exc);
    }

    /// Finds a handler for `err` in the top frame or its callers, down to
    /// the frame at index `base`. `Ok`: the top frame now runs its handler.
    /// `Err`: the error left the base frame (which is popped).
    pub(crate) fn unwind(&mut self, err: PyErr, base: usize) -> PyResult<()> {
        let PyErr::Exception(mut exc) = err else {
            return Err(err);
        };
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(PyErr::Exception(exc));
            };
            if let Some(block) = frame.blocks.pop() {
                let keep = frame.stack_base() + block.depth as usize;
                frame.slots.truncate(keep);
                frame.slots.push(Value::Obj(exc));
                frame.ip = block.handler as usize;
                return Ok(());
            }
            let leaving_base = self.frames.len() - 1 <= base;
            let Some(frame) = self.frames.pop() else {
                return Err(PyErr::Exception(exc));
            };
            let kind = frame.kind;
            self.recycle_slots(frame.slots);
            match kind {
                FrameKind::Native => return Err(PyErr::Exception(exc)),
                FrameKind::Generator(gen_obj, mode) => {
                    mark_finished(&gen_obj);
                    exc = convert_stop_iteration(&gen_obj, exc);
                    if mode == Resume::Native || leaving_base {
                        return Err(PyErr::Exception(exc));
                    }
                }
                _ if leaving_base => return Err(PyErr::Exception(exc)),
                _ => {}
            }
            self.add_traceback_here(&exc);
        }
    }

    /// Turns what follows `raise` into an exception instance.
    pub fn make_exception(&mut self, value: &Value, _tb: Option<Value>) -> PyResult<ObjRef> {
        let base = &types().base_exception;
        match value {
            Value::Obj(obj) => match &**obj {
                Object::Type(_) if is_subclass(obj, base) => {
                    let made = self.call_type(obj, crate::objects::Args::new(&[]))?;
                    match made {
                        Value::Obj(made) if exc_data(&made).is_some() => Ok(made),
                        other => Err(PyErr::type_error(format!(
                            "calling {} should have returned an instance of BaseException, not {}",
                            type_obj(obj).map_or("?", |t| &t.name),
                            other.type_name()
                        ))),
                    }
                }
                _ if exc_data(obj).is_some() => Ok(obj.clone()),
                _ => Err(must_derive()),
            },
            _ => Err(must_derive()),
        }
    }

    /// `raise exc from cause`: the exception to raise, with its cause set.
    pub(crate) fn raise_from(&mut self, exc: Value, cause: Option<Value>) -> PyResult<PyErr> {
        let exc = self.make_exception(&exc, None)?;
        if let Some(cause) = cause {
            let cause = match &cause {
                Value::None => Value::None,
                other => match self.make_exception(other, None) {
                    Ok(c) => Value::Obj(c),
                    Err(_) => {
                        return Err(PyErr::type_error(
                            "exception causes must derive from BaseException",
                        ));
                    }
                },
            };
            if let Some(data) = exc_data(&exc) {
                let mut data = data.lock();
                data.cause = cause;
                data.suppress_context = true;
            }
        }
        Ok(PyErr::Exception(exc))
    }
}

fn must_derive() -> PyErr {
    PyErr::type_error("exceptions must derive from BaseException")
}

/// PEP 479: a `StopIteration` leaving a generator becomes a `RuntimeError`.
fn convert_stop_iteration(gen_obj: &ObjRef, exc: ObjRef) -> ObjRef {
    let t = types();
    let class = Value::Obj(exc.clone()).class().clone();
    let kind = match &**gen_obj {
        Object::Generator(g) => g.kind,
        _ => GenKind::Generator,
    };
    let stop = is_subclass(&class, &t.stop_iteration)
        || (kind == GenKind::AsyncGenerator && is_subclass(&class, &t.stop_async_iteration));
    if !stop {
        return exc;
    }
    let what = match kind {
        GenKind::Generator => "generator raised StopIteration",
        GenKind::Coroutine => "coroutine raised StopIteration",
        GenKind::AsyncGenerator => "async generator raised StopIteration",
    };
    let replacement = new_exception(&t.runtime_error, vec![Value::str(what)]);
    if let Some(data) = exc_data(&replacement) {
        let mut data = data.lock();
        data.cause = Value::Obj(exc.clone());
        data.context = Value::Obj(exc);
        data.suppress_context = true;
    }
    replacement
}

//! The dispatch loop.
//!
//! [`Vm::run_frames`] runs the top frame's instructions; a call pushes a frame
//! and the loop goes on in it, a return pops it. Errors go to `unwind`, which
//! finds the handler. The hot instructions run in `fast_ops.rs`, with their
//! int/float/list cases inline; the rest in [`Vm::execute`] and
//! `dispatch_more.rs`; moving between frames in `flow.rs`.
//!
//! The eval breaker is checked at backward jumps and calls: one load of the
//! thread's atomic word, plus a countdown of the run's budget.

use super::Vm;
use super::call::Called;
use super::consume::Access;
use super::fast_ops::Fast;
use super::frame::FrameKind;
use crate::compile::{Code, Op};
use crate::objects::{Object, PyErr, PyResult, Value};
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// Why `run_frames` returned.
#[derive(Debug)]
pub(crate) enum Exit {
    /// The base frame returned this value.
    Returned(Value),
    /// The base frame (a generator resumed from Rust) yielded this value.
    Yielded(Value),
    /// The budget was spent (top level only).
    Budget,
}

/// What `execute` stopped for.
pub(crate) enum Control {
    /// The frame stack changed: go on in the new top frame.
    Switch,
    /// `run_frames` must return.
    Exit(Exit),
    /// Raise this exception again as it is (no new traceback entry).
    Reraise(PyErr),
}

impl Vm {
    /// Runs frames until the frame at index `base` returns (or yields, for
    /// a generator resumed from Rust), or the budget is spent.
    pub(crate) fn run_frames(&mut self, base: usize, budget: u64) -> PyResult<Exit> {
        let mut budget = budget;
        loop {
            if self.frames.is_empty() {
                return Ok(Exit::Returned(Value::None));
            }
            let error = match self.execute(base, &mut budget) {
                Ok(Control::Switch) => continue,
                Ok(Control::Exit(exit)) => return Ok(exit),
                Ok(Control::Reraise(err)) => err,
                Err(PyErr::Block(wait)) if self.nested > 0 => {
                    let value = self.wait_in_place(*wait);
                    match value {
                        Ok(value) => {
                            self.push(value);
                            continue;
                        }
                        Err(err) => err,
                    }
                }
                Err(err @ PyErr::Block(_)) => return Err(err),
                Err(err) => {
                    self.note_raise(&err);
                    err
                }
            };
            self.unwind(error, base)?;
        }
    }

    /// Pushes a value on the top frame's stack.
    #[inline]
    pub(crate) fn push(&mut self, value: Value) {
        if let Some(frame) = self.frames.last_mut() {
            frame.slots.push(value);
        }
    }

    /// Runs the top frames until the frame at `base` returns, an error is
    /// raised (then `run_frames` unwinds and calls again), or the budget is
    /// spent.
    ///
    /// Most instructions run in [`Vm::fast_ops`]; this is the general path,
    /// one long match with an arm per instruction, for what the fast loop
    /// hands over.
    #[allow(clippy::too_many_lines)]
    fn execute(&mut self, base: usize, budget: &mut u64) -> PyResult<Control> {
        loop {
            let op = match self.fast_ops(base, budget) {
                Fast::Op(op) => op,
                Fast::Tick => {
                    if self.ticks == 0 || self.breaker.load(Ordering::Relaxed) != 0 {
                        self.breaker_slow()?;
                    }
                    if *budget == 0 {
                        return Ok(Control::Exit(Exit::Budget));
                    }
                    continue;
                }
                Fast::Err(err) => return Err(err),
                Fast::End => {
                    return Err(PyErr::system_error("ran past the end of the code"));
                }
            };
            let Some(frame) = self.frames.last_mut() else {
                return Err(PyErr::system_error("no frame to run"));
            };
            let code_ptr: *const Code = Arc::as_ptr(frame.code());
            // SAFETY: the code belongs to the top frame (through its function
            // or its own `Arc`), and it is used only by this instruction's
            // arm, which leaves the loop iteration as soon as that frame could
            // go away (a return, a yield, an error). Nested loops that a
            // builtin runs push and pop frames above this one only; pushing
            // frames may move the `Frame` structs, never the code an `Arc`
            // points to.
            let code: &Code = unsafe { &*code_ptr };
            match op {
                Op::LoadFast(i) => {
                    let value = frame.slots.get(i as usize).cloned().unwrap_or_default();
                    if value.is_null() {
                        return Err(unbound_local(code, i));
                    }
                    frame.slots.push(value);
                }
                Op::StoreFast(i) => {
                    let value = frame.slots.pop().unwrap_or_default();
                    if let Some(slot) = frame.slots.get_mut(i as usize) {
                        *slot = value;
                    }
                }
                Op::LoadConst(i) => {
                    let value = code.consts.get(i as usize).cloned().unwrap_or_default();
                    frame.slots.push(value);
                }
                Op::PopTop => {
                    frame.slots.pop();
                }
                Op::BinaryOp(kind) => {
                    let b = frame.slots.pop().unwrap_or_default();
                    let a = frame.slots.pop().unwrap_or_default();
                    let result = match super::ops::fast_binary(kind, &a, &b) {
                        Some(value) => value,
                        None => self.binary_op(a, b, kind)?,
                    };
                    self.push(result);
                }
                Op::InplaceOp(kind) => {
                    let b = frame.slots.pop().unwrap_or_default();
                    let a = frame.slots.pop().unwrap_or_default();
                    let result = match super::ops::fast_binary(kind, &a, &b) {
                        Some(value) => value,
                        None => self.inplace_op(a, b, kind)?,
                    };
                    self.push(result);
                }
                Op::CompareOp(kind) => {
                    let b = frame.slots.pop().unwrap_or_default();
                    let a = frame.slots.pop().unwrap_or_default();
                    let result = match super::ops::fast_compare(kind, &a, &b) {
                        Some(truth) => Value::Bool(truth),
                        None => self.compare(&a, &b, kind)?,
                    };
                    self.push(result);
                }
                Op::PopJumpIfFalse(target) => {
                    let value = frame.slots.pop().unwrap_or_default();
                    let truth = match value {
                        Value::Bool(b) => b,
                        other => self.truthy(&other)?,
                    };
                    if !truth && self.jump(target, budget)? {
                        return Ok(Control::Exit(Exit::Budget));
                    }
                }
                Op::PopJumpIfTrue(target) => {
                    let value = frame.slots.pop().unwrap_or_default();
                    let truth = match value {
                        Value::Bool(b) => b,
                        other => self.truthy(&other)?,
                    };
                    if truth && self.jump(target, budget)? {
                        return Ok(Control::Exit(Exit::Budget));
                    }
                }
                Op::CompareJumpIfFalse(kind, target) | Op::CompareJumpIfTrue(kind, target) => {
                    let b = frame.slots.pop().unwrap_or_default();
                    let a = frame.slots.pop().unwrap_or_default();
                    let truth = match super::ops::fast_compare(kind, &a, &b) {
                        Some(truth) => truth,
                        None => {
                            let result = self.compare(&a, &b, kind)?;
                            match result {
                                Value::Bool(b) => b,
                                other => self.truthy(&other)?,
                            }
                        }
                    };
                    let jump_when = matches!(op, Op::CompareJumpIfTrue(..));
                    if truth == jump_when && self.jump(target, budget)? {
                        return Ok(Control::Exit(Exit::Budget));
                    }
                }
                Op::Jump(target) => {
                    if self.jump(target, budget)? {
                        return Ok(Control::Exit(Exit::Budget));
                    }
                }
                Op::ForIter(exit) => {
                    if self.for_iter(exit)? {
                        continue;
                    }
                }
                Op::BinarySubscr => {
                    let key = frame.slots.pop().unwrap_or_default();
                    let container = frame.slots.pop().unwrap_or_default();
                    if let Some(getter) = self.item_method_in_loop(&container, Access::Get) {
                        match self.call_in_loop(getter, vec![container, key], FrameKind::Normal)? {
                            Called::Value(value) => self.push(value),
                            Called::Frame => continue,
                        }
                    } else {
                        let result = match super::subscript::fast_getitem(&container, &key) {
                            Some(value) => value,
                            None => self.getitem(&container, &key)?,
                        };
                        self.push(result);
                    }
                }
                Op::StoreSubscr => {
                    let key = frame.slots.pop().unwrap_or_default();
                    let container = frame.slots.pop().unwrap_or_default();
                    let value = frame.slots.pop().unwrap_or_default();
                    if let Some(setter) = self.item_method_in_loop(&container, Access::Set) {
                        let args = vec![container, key, value];
                        if let Called::Frame =
                            self.call_in_loop(setter, args, FrameKind::Discard)?
                        {
                            continue;
                        }
                    } else if let Some(value) =
                        super::subscript::fast_setitem(&container, &key, value)?
                    {
                        self.setitem(&container, key, value)?;
                    }
                }
                Op::LoadGlobal(i) => {
                    let name = name_at(code, i)?;
                    let found = super::globals::cached_global(
                        &mut self.global_cache,
                        &self.interp.builtins,
                        frame.globals(),
                        name,
                    );
                    match found {
                        Some(value) => frame.slots.push(value),
                        None => {
                            let globals = frame.globals().clone();
                            let value = self.load_global(&globals, name)?;
                            self.push(value);
                        }
                    }
                }
                Op::StoreGlobal(i) => {
                    let name = name_at(code, i)?;
                    let value = frame.slots.pop().unwrap_or_default();
                    let missing = super::globals::cached_store_global(
                        &mut self.global_cache,
                        frame.globals(),
                        name,
                        value,
                    );
                    if let Some(value) = missing {
                        let globals = frame.globals().clone();
                        self.dict_set(&globals, name.clone(), value)?;
                    }
                }
                Op::LoadAttr(i) => {
                    let name = name_at(code, i)?;
                    let obj = frame.slots.pop().unwrap_or_default();
                    if let Some(getter) = self.property_in_loop(&obj, name, Access::Get) {
                        match self.call_in_loop(getter, vec![obj], FrameKind::Normal)? {
                            Called::Value(value) => self.push(value),
                            Called::Frame => continue,
                        }
                    } else {
                        let value = self.getattr(&obj, name)?;
                        self.push(value);
                    }
                }
                Op::StoreAttr(i) => {
                    let name = name_at(code, i)?;
                    let obj = frame.slots.pop().unwrap_or_default();
                    let value = frame.slots.pop().unwrap_or_default();
                    if let Some(setter) = self.property_in_loop(&obj, name, Access::Set) {
                        if let Called::Frame =
                            self.call_in_loop(setter, vec![obj, value], FrameKind::Discard)?
                        {
                            continue;
                        }
                    } else {
                        self.setattr(&obj, name, value)?;
                    }
                }
                Op::LoadMethod(i) => {
                    let name = name_at(code, i)?;
                    let obj = frame.slots.pop().unwrap_or_default();
                    let (method, self_value) = self.load_method(obj, name)?;
                    self.push(method);
                    self.push(self_value);
                }
                Op::CallMethod(argc) => {
                    if self.breaker_tick(budget)? {
                        self.rewind_call();
                        return Ok(Control::Exit(Exit::Budget));
                    }
                    let Some(frame) = self.frames.last_mut() else {
                        return Err(PyErr::system_error("no frame to run"));
                    };
                    let self_pos = frame.slots.len() - argc as usize - 1;
                    if frame.slots[self_pos].is_null() {
                        frame.slots.remove(self_pos);
                    }
                    match self.call_on_stack(self_pos, Value::Null)? {
                        Called::Value(value) => self.push(value),
                        Called::Frame => continue,
                    }
                }
                Op::Call(argc) => {
                    let args_start = frame.slots.len() - argc as usize;
                    if self.breaker_tick(budget)? {
                        self.rewind_call();
                        return Ok(Control::Exit(Exit::Budget));
                    }
                    match self.call_on_stack(args_start, Value::Null)? {
                        Called::Value(value) => self.push(value),
                        Called::Frame => continue,
                    }
                }
                Op::CallKw(argc) => {
                    let kwnames = frame.slots.pop().unwrap_or_default();
                    let args_start = frame.slots.len() - argc as usize;
                    match self.call_on_stack(args_start, kwnames)? {
                        Called::Value(value) => self.push(value),
                        Called::Frame => continue,
                    }
                }
                Op::ReturnValue => {
                    let value = frame.slots.pop().unwrap_or_default();
                    match self.return_value(value, base)? {
                        Control::Switch => continue,
                        other => return Ok(other),
                    }
                }
                Op::YieldValue => {
                    let value = frame.slots.pop().unwrap_or_default();
                    match self.yield_value(value)? {
                        Control::Switch => continue,
                        other => return Ok(other),
                    }
                }
                Op::LoadFastFast(a, b) => {
                    let (x, y) = (local(code, &frame.slots, a)?, local(code, &frame.slots, b)?);
                    frame.slots.push(x);
                    frame.slots.push(y);
                }
                Op::LoadFastConst(a, c) => {
                    let x = local(code, &frame.slots, a)?;
                    frame.slots.push(x);
                    frame.slots.push(constant(code, c));
                }
                Op::BinaryOpFastFast(a, b, kind) => {
                    let quick = match (frame.slots.get(a as usize), frame.slots.get(b as usize)) {
                        (Some(x), Some(y)) => super::ops::fast_binary(kind, x, y),
                        _ => None,
                    };
                    let result = match quick {
                        Some(value) => value,
                        None => {
                            let (x, y) =
                                (local(code, &frame.slots, a)?, local(code, &frame.slots, b)?);
                            self.binary_op(x, y, kind)?
                        }
                    };
                    self.push(result);
                }
                Op::BinaryOpFastConst(a, c, kind) => {
                    let y = code.consts.get(c as usize).unwrap_or(&Value::Null);
                    let quick = frame
                        .slots
                        .get(a as usize)
                        .and_then(|x| super::ops::fast_binary(kind, x, y));
                    let result = match quick {
                        Some(value) => value,
                        None => {
                            let x = local(code, &frame.slots, a)?;
                            self.binary_op(x, y.clone(), kind)?
                        }
                    };
                    self.push(result);
                }
                Op::SubscrFastConst(a, c) => {
                    let key = code.consts.get(c as usize).unwrap_or(&Value::Null);
                    let quick = frame
                        .slots
                        .get(a as usize)
                        .and_then(|x| super::subscript::fast_getitem(x, key));
                    let result = match quick {
                        Some(value) => value,
                        None => {
                            let x = local(code, &frame.slots, a)?;
                            if let Some(getter) = self.item_method_in_loop(&x, Access::Get) {
                                let args = vec![x, key.clone()];
                                match self.call_in_loop(getter, args, FrameKind::Normal)? {
                                    Called::Value(value) => value,
                                    Called::Frame => continue,
                                }
                            } else {
                                self.getitem(&x, key)?
                            }
                        }
                    };
                    self.push(result);
                }
                Op::InplaceFastConst(a, c, kind) => {
                    let y = code.consts.get(c as usize).unwrap_or(&Value::Null);
                    let quick = frame
                        .slots
                        .get(a as usize)
                        .and_then(|x| super::ops::fast_binary(kind, x, y));
                    match quick {
                        Some(value) => frame.slots[a as usize] = value,
                        None => {
                            let x = local(code, &frame.slots, a)?;
                            let result = self.inplace_op(x, y.clone(), kind)?;
                            if let Some(frame) = self.frames.last_mut() {
                                frame.slots[a as usize] = result;
                            }
                        }
                    }
                }
                Op::StoreSubscrFastConst(a, c) => {
                    let value = frame.slots.pop().unwrap_or_default();
                    let key = code.consts.get(c as usize).unwrap_or(&Value::Null);
                    let container = local(code, &frame.slots, a)?;
                    if let Some(setter) = self.item_method_in_loop(&container, Access::Set) {
                        let args = vec![container, key.clone(), value];
                        if let Called::Frame =
                            self.call_in_loop(setter, args, FrameKind::Discard)?
                        {
                            continue;
                        }
                    } else if let Some(value) =
                        super::subscript::fast_setitem(&container, key, value)?
                    {
                        self.setitem(&container, key.clone(), value)?;
                    }
                }
                Op::UnpackSequence(n) => {
                    let value = frame.slots.pop().unwrap_or_default();
                    let exact = match &value {
                        Value::Obj(obj) => match &**obj {
                            Object::Tuple(items) if items.len() == n as usize => {
                                frame.slots.extend(items.iter().rev().cloned());
                                true
                            }
                            Object::List(items) => {
                                let items = items.lock();
                                let fits = items.len() == n as usize;
                                if fits {
                                    frame.slots.extend(items.iter().rev().cloned());
                                }
                                fits
                            }
                            _ => false,
                        },
                        _ => false,
                    };
                    if !exact {
                        let items = self.unpack(&value, n as usize)?;
                        if let Some(frame) = self.frames.last_mut() {
                            frame.slots.extend(items.into_iter().rev());
                        }
                    }
                }
                Op::Copy(n) => {
                    let len = frame.slots.len();
                    let value = frame.slots[len - n as usize].clone();
                    frame.slots.push(value);
                }
                Op::Swap(n) => {
                    let len = frame.slots.len();
                    frame.slots.swap(len - 1, len - n as usize);
                }
                Op::Nop => {}
                other => match self.execute_more(other, code, base)? {
                    None | Some(Control::Switch) => {}
                    Some(control) => return Ok(control),
                },
            }
        }
    }
}

/// Pushes onto a value stack with room to spare (checked by the caller),
/// without the reallocating path, which would keep the stack out of
/// registers.
#[inline(always)]
pub(super) fn push(stack: &mut Vec<Value>, value: Value) {
    if stack.len() < stack.capacity() {
        stack.push(value);
    }
}

/// A fast local's value (`UnboundLocalError` if unbound).
#[inline(always)]
pub(super) fn local(code: &Code, slots: &[Value], i: u16) -> PyResult<Value> {
    match slots.get(i as usize) {
        Some(value) if !value.is_null() => Ok(value.clone()),
        _ => Err(unbound_local(code, i as u32)),
    }
}

/// A constant of the code.
#[inline(always)]
pub(super) fn constant(code: &Code, i: u16) -> Value {
    code.consts.get(i as usize).cloned().unwrap_or_default()
}

/// The name operand of an instruction.
#[inline]
pub(crate) fn name_at(code: &Code, i: u32) -> PyResult<&Value> {
    code.names
        .get(i as usize)
        .ok_or_else(|| PyErr::system_error("bad name index"))
}

/// `UnboundLocalError` for fast local `i`.
pub(crate) fn unbound_local(code: &Code, i: u32) -> PyErr {
    let name = code.varnames.get(i as usize).map_or("?", |n| n);
    PyErr::unbound_local(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    ))
}

//! The dispatch loop's fast path: the common instructions, with their
//! int/float/list cases inline, run without going through `execute`.

use super::Vm;
use super::consume::Access;
use super::dispatch::push;
use super::frame::{Frame, FrameKind, FrameSource, Resume};
use crate::compile::{Code, Op, UnaryKind};
use crate::objects::function::{Args, NativeDef};
use crate::objects::iter::{Iter, IterKind};
use crate::objects::{ObjRef, Object, PyErr, Value};
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// Why `fast_ops` stopped.
pub(super) enum Fast {
    /// This instruction needs the general path (the instruction pointer is
    /// already past it; the stack is as it found it).
    Op(Op),
    /// A backward jump was taken and the eval breaker must be looked at.
    Tick,
    /// An error was raised.
    Err(PyErr),
    /// The instruction pointer ran past the end of the code.
    End,
}

/// What the inner fast loop stopped for.
enum Step {
    /// The outer level runs this instruction.
    Op(Op),
    /// Leave the fast loop.
    Out(Fast),
}

impl Vm {
    /// Runs the top frames' instructions for as long as each needs nothing
    /// that only the general path in `execute` does: the common case of
    /// locals, int/float arithmetic, comparisons, jumps, indexing, range
    /// loops, attributes, and calls and returns of plain functions, whose
    /// frames it switches itself.
    ///
    /// Two levels: the inner loop runs the instructions that call nothing,
    /// so that the compiler keeps its state in registers; it hands the
    /// others to the outer level, which calls out (operators on other
    /// types, attributes, builtins) or switches frames, and goes back in.
    ///
    /// Stops at the first instruction it leaves to `execute`, with the
    /// instruction pointer past it and the stack as the instruction found
    /// it. `Fast::Tick`: a backward jump was taken and the eval breaker
    /// wants a look.
    ///
    /// The top frame's value stack is out of its `Frame` meanwhile (in a
    /// local), so whatever this loop calls (each may run Python code in a
    /// nested loop, on frames above this one) must not read it: builtins
    /// that do (`locals()`) are marked `reads_frame` and go the general
    /// way. The instruction pointer is written back before each such call,
    /// for tracebacks and `--trace`.
    #[inline(never)]
    #[allow(clippy::too_many_lines, unused_assignments)]
    pub(super) fn fast_ops(&mut self, base: usize, budget: &mut u64) -> Fast {
        if self.frames.is_empty() {
            return Fast::End;
        }
        let mut code: &Code;
        let mut globals: &ObjRef;
        let mut stack: Vec<Value>;
        let mut ip: usize;
        let mut ops: &[Op];
        let mut consts: &[Value];
        let mut frames_len: usize;
        // Whether a `ReturnValue` here goes to the caller's stack (a plain
        // frame above `base`), and whether a `YieldValue` goes to a `for`
        // loop's `ForIter` in the frame below.
        let mut returns_here: bool;
        let mut yields_to_loop: bool;
        // Takes the top frame's state into the locals.
        macro_rules! load_frame {
            () => {{
                frames_len = self.frames.len();
                let Some(frame) = self.frames.last_mut() else {
                    return Fast::End;
                };
                // SAFETY (here and at every frame switch): the code and the
                // globals belong to the top frame (through its function, or
                // its own `Arc`s), and are read again whenever the top frame
                // changes; nothing this loop runs in between (drops of
                // values included) pops that frame.
                (code, globals) = unsafe {
                    (
                        &*Arc::as_ptr(frame.code()),
                        &*std::ptr::from_ref(frame.globals()),
                    )
                };
                stack = std::mem::take(&mut frame.slots);
                ip = frame.ip;
                ops = &code.ops;
                consts = &code.consts;
                returns_here = frames_len - 1 > base && matches!(frame.kind, FrameKind::Normal);
                yields_to_loop = matches!(frame.kind, FrameKind::Generator(_, Resume::ForIter(_)));
            }};
        }
        // Gives the locals back to the top frame (whose own vector is the
        // empty one left when its stack was taken: nothing to drop).
        macro_rules! save_frame {
            () => {
                if let Some(frame) = self.frames.last_mut() {
                    std::mem::forget(std::mem::replace(
                        &mut frame.slots,
                        std::mem::take(&mut stack),
                    ));
                    frame.ip = ip;
                }
            };
        }
        load_frame!();
        // Where waits run in frames (see `consume`), code that may wait goes
        // to the slow path, which runs it so.
        let waits_in_frames = self.interp.waits_in_frames;
        macro_rules! out {
            ($fast:expr) => {
                break $fast
            };
        }
        // Jumps; a backward jump ticks the eval breaker, and leaves (the
        // inner loop through `$leave`) when it needs a look.
        macro_rules! jump_to {
            ($target:expr, $leave:expr) => {{
                let target = $target as usize;
                let backward = target < ip;
                ip = target;
                if backward {
                    *budget -= 1;
                    self.ticks -= 1;
                    if self.ticks == 0 || *budget == 0 || self.breaker.load(Ordering::Relaxed) != 0
                    {
                        $leave;
                    }
                }
            }};
        }
        // The outcome of a call out: push the value, or leave with the error.
        macro_rules! push_result {
            ($result:expr) => {
                match $result {
                    Ok(value) => push(&mut stack, value),
                    Err(err) => out!(Fast::Err(err)),
                }
            };
        }
        // Before calling out: the frame's instruction pointer is current.
        macro_rules! sync_ip {
            () => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.ip = ip;
                }
            };
        }
        // A call's eval-breaker tick, when it needs no slow look.
        macro_rules! call_tick {
            ($op:expr) => {
                if self.ticks <= 1 || *budget <= 1 || self.breaker.load(Ordering::Relaxed) != 0 {
                    out!(Fast::Op($op));
                }
                self.ticks -= 1;
                *budget -= 1;
            };
        }
        // Calls what sits at `callee_at` with the values from `first` on as
        // its arguments, if it is a plain function or a builtin.
        macro_rules! call_fast {
            ($op:expr, $callee_at:expr, $first:expr) => {{
                let (callee_at, first) = ($callee_at, $first);
                let nargs = stack.len() - first;
                if waits_in_frames && super::consume::may_consume_python(&stack[callee_at], &stack[first..]) {
                    out!(Fast::Op($op));
                }
                match &stack[callee_at] {
                    Value::Native(def) if !def.reads_frame => {
                        let def: &'static NativeDef = def;
                        call_tick!($op);
                        sync_ip!();
                        let result = (def.func)(self, Args::new(&stack[first..]));
                        stack.truncate(callee_at);
                        push_result!(result);
                    }
                    Value::Obj(obj) if matches!(&**obj, Object::Type(t) if t.builtin && t.constructor.is_some()) => {
                        let Object::Type(t) = &**obj else {
                            out!(Fast::Op($op));
                        };
                        let Some(constructor) = t.constructor else {
                            out!(Fast::Op($op));
                        };
                        call_tick!($op);
                        sync_ip!();
                        let result = constructor(self, Args::new(&stack[first..]));
                        stack.truncate(callee_at);
                        push_result!(result);
                    }
                    Value::Obj(obj) => {
                        let Object::Function(f) = &**obj else {
                            out!(Fast::Op($op));
                        };
                        if !f.code.plain_call
                            || f.code.argcount as usize != nargs
                            || frames_len >= self.recursion_limit
                        {
                            out!(Fast::Op($op));
                        }
                        call_tick!($op);
                        let Value::Obj(func) = std::mem::take(&mut stack[callee_at]) else {
                            out!(Fast::Op($op));
                        };
                        let Object::Function(f) = &*func else {
                            out!(Fast::Op($op));
                        };
                        let mut slots = self.slot_pool.pop().unwrap_or_default();
                        let needed = f.code.slot_count() + f.code.max_stack as usize;
                        if slots.capacity() < needed {
                            slots.reserve(needed);
                        }
                        for arg in &mut stack[first..] {
                            slots.push(std::mem::take(arg));
                        }
                        for _ in nargs..f.code.varnames.len() {
                            slots.push(Value::Null);
                        }
                        for cell in f.closure.iter() {
                            slots.push(Value::Obj(cell.clone()));
                        }
                        debug_assert!(stack[callee_at..].iter().all(Value::is_null));
                        // SAFETY: the callable and every argument were moved
                        // out (`mem::take`), leaving `Null`s, which own
                        // nothing: shortening the vector over them drops
                        // nothing that needs dropping.
                        unsafe { stack.set_len(callee_at) };
                        let (new_code, new_globals): (*const Code, *const ObjRef) =
                            (Arc::as_ptr(&f.code), &f.globals);
                        save_frame!();
                        stack = slots;
                        self.frames.push(Frame {
                            source: FrameSource::Function(func),
                            ip: 0,
                            slots: Vec::new(),
                            namespace: None,
                            blocks: Vec::new(),
                            handled: Value::Null,
                            kind: FrameKind::Normal,
                        });
                        // SAFETY: as in `load_frame`; the new top frame owns
                        // `func`, which owns the code and the globals.
                        (code, globals) = unsafe { (&*new_code, &*new_globals) };
                        ip = 0;
                        ops = &code.ops;
                        consts = &code.consts;
                        frames_len += 1;
                        returns_here = true;
                        yields_to_loop = false;
                    }
                    _ => out!(Fast::Op($op)),
                }
            }};
        }
        let result = loop {
            // The inner loop: `Step::Op` hands an instruction (the
            // instruction pointer past it, the stack as it found it) to the
            // outer level.
            let step = 'inner: loop {
                // Room for `n` more values, so that no push below
                // reallocates (the general path grows the stack).
                macro_rules! room {
                    ($op:expr, $n:expr) => {
                        if stack.capacity() - stack.len() < $n {
                            break 'inner Step::Out(Fast::Op($op));
                        }
                    };
                }
                let Some(&op) = ops.get(ip) else {
                    break Step::Out(Fast::End);
                };
                ip += 1;
                match op {
                    Op::LoadFast(i) => match stack.get(i as usize) {
                        _ if stack.capacity() == stack.len() => break Step::Out(Fast::Op(op)),
                        Some(value) if !value.is_null() => {
                            let value = value.clone();
                            push(&mut stack, value);
                        }
                        _ => break Step::Out(Fast::Op(op)),
                    },
                    Op::StoreFast(i) => {
                        let value = stack.pop().unwrap_or_default();
                        if let Some(slot) = stack.get_mut(i as usize) {
                            *slot = value;
                        }
                    }
                    Op::LoadConst(i) => {
                        room!(op, 1);
                        let value = consts.get(i as usize).cloned().unwrap_or_default();
                        push(&mut stack, value);
                    }
                    Op::PopTop => {
                        stack.pop();
                    }
                    Op::BinaryOp(kind) | Op::InplaceOp(kind) => {
                        let quick = match stack.as_slice() {
                            [.., a, b] => super::ops::fast_binary(kind, a, b),
                            _ => break Step::Out(Fast::Op(op)),
                        };
                        let Some(value) = quick else {
                            break Step::Op(op);
                        };
                        stack.pop();
                        if let Some(top) = stack.last_mut() {
                            *top = value;
                        }
                    }
                    Op::CompareOp(kind) => {
                        let quick = match stack.as_slice() {
                            [.., a, b] => super::ops::fast_compare(kind, a, b),
                            _ => break Step::Out(Fast::Op(op)),
                        };
                        let Some(truth) = quick else {
                            break Step::Op(op);
                        };
                        stack.pop();
                        if let Some(top) = stack.last_mut() {
                            *top = Value::Bool(truth);
                        }
                    }
                    Op::PopJumpIfFalse(target) | Op::PopJumpIfTrue(target) => {
                        let truth = match stack.last() {
                            Some(Value::Bool(b)) => *b,
                            Some(Value::None) => false,
                            Some(Value::Int(n)) => *n != 0,
                            _ => break Step::Op(op),
                        };
                        stack.pop();
                        if truth == matches!(op, Op::PopJumpIfTrue(_)) {
                            jump_to!(target, break Step::Out(Fast::Tick));
                        }
                    }
                    Op::CompareJumpIfFalse(kind, target) | Op::CompareJumpIfTrue(kind, target) => {
                        let quick = match stack.as_slice() {
                            [.., a, b] => super::ops::fast_compare(kind, a, b),
                            _ => break Step::Out(Fast::Op(op)),
                        };
                        let Some(truth) = quick else {
                            break Step::Op(op);
                        };
                        stack.pop();
                        stack.pop();
                        if truth == matches!(op, Op::CompareJumpIfTrue(..)) {
                            jump_to!(target, break Step::Out(Fast::Tick));
                        }
                    }
                    Op::Jump(target) => jump_to!(target, break Step::Out(Fast::Tick)),
                    Op::ForIter(exit) => {
                        room!(op, 1);
                        let Some(Value::Obj(iterator)) = stack.last() else {
                            break Step::Out(Fast::Op(op));
                        };
                        let Object::Iter(Iter { kind }) = &**iterator else {
                            break Step::Op(op);
                        };
                        match kind {
                            IterKind::Range {
                                next,
                                remaining,
                                step,
                            } => {
                                let left = remaining.load(Ordering::Relaxed);
                                if left > 0 {
                                    remaining.store(left - 1, Ordering::Relaxed);
                                    let value = next.load(Ordering::Relaxed);
                                    next.store(value.wrapping_add(*step), Ordering::Relaxed);
                                    push(&mut stack, Value::Int(value));
                                } else {
                                    stack.pop();
                                    ip = exit as usize;
                                }
                            }
                            IterKind::Seq { seq, index } if matches!(&**seq, Object::List(_)) => {
                                let Object::List(items) = &**seq else {
                                    break Step::Op(op);
                                };
                                let i = crate::objects::iter::load(index);
                                let item = items.lock().get(i).cloned();
                                match item {
                                    Some(value) => {
                                        crate::objects::iter::store(index, i + 1);
                                        push(&mut stack, value);
                                    }
                                    None => {
                                        crate::objects::iter::store(index, usize::MAX / 2);
                                        stack.pop();
                                        ip = exit as usize;
                                    }
                                }
                            }
                            _ => break Step::Op(op),
                        }
                    }
                    Op::BinarySubscr => {
                        let quick = match stack.as_slice() {
                            [.., container, key] => super::subscript::fast_getitem(container, key),
                            _ => break Step::Out(Fast::Op(op)),
                        };
                        let Some(value) = quick else {
                            break Step::Op(op);
                        };
                        stack.pop();
                        if let Some(top) = stack.last_mut() {
                            *top = value;
                        }
                    }
                    Op::StoreSubscr => {
                        let len = stack.len();
                        if len < 3 {
                            break Step::Out(Fast::Op(op));
                        }
                        if !super::subscript::is_fast_setitem(&stack[len - 2], &stack[len - 1]) {
                            break Step::Op(op);
                        }
                        let key = stack.pop().unwrap_or_default();
                        let container = stack.pop().unwrap_or_default();
                        let value = stack.pop().unwrap_or_default();
                        if let Err(err) = super::subscript::fast_setitem(&container, &key, value) {
                            break Step::Out(Fast::Err(err));
                        }
                    }
                    Op::LoadGlobal(i) => {
                        room!(op, 1);
                        let Some(name) = code.names.get(i as usize) else {
                            break Step::Out(Fast::Op(op));
                        };
                        let found = super::globals::cached_global(
                            &mut self.global_cache,
                            &self.interp.builtins,
                            globals,
                            name,
                        );
                        match found {
                            Some(value) => push(&mut stack, value),
                            None => break Step::Out(Fast::Op(op)),
                        }
                    }
                    Op::StoreGlobal(i) => {
                        let (Some(name), Some(value)) = (code.names.get(i as usize), stack.pop())
                        else {
                            break Step::Out(Fast::Op(op));
                        };
                        let missing = super::globals::cached_store_global(
                            &mut self.global_cache,
                            globals,
                            name,
                            value,
                        );
                        if let Some(value) = missing {
                            push(&mut stack, value);
                            break Step::Out(Fast::Op(op));
                        }
                    }
                    Op::LoadFastFast(a, b) => {
                        match (stack.get(a as usize), stack.get(b as usize)) {
                            _ if stack.capacity() - stack.len() < 2 => {
                                break Step::Out(Fast::Op(op));
                            }
                            (Some(x), Some(y)) if !x.is_null() && !y.is_null() => {
                                let (x, y) = (x.clone(), y.clone());
                                push(&mut stack, x);
                                push(&mut stack, y);
                            }
                            _ => break Step::Out(Fast::Op(op)),
                        }
                    }
                    Op::LoadFastConst(a, c) => match stack.get(a as usize) {
                        _ if stack.capacity() - stack.len() < 2 => break Step::Out(Fast::Op(op)),
                        Some(x) if !x.is_null() => {
                            let x = x.clone();
                            push(&mut stack, x);
                            push(
                                &mut stack,
                                consts.get(c as usize).cloned().unwrap_or_default(),
                            );
                        }
                        _ => break Step::Out(Fast::Op(op)),
                    },
                    Op::BinaryOpFastFast(a, b, kind) => {
                        room!(op, 1);
                        let quick = match (stack.get(a as usize), stack.get(b as usize)) {
                            (Some(x), Some(y)) => super::ops::fast_binary(kind, x, y),
                            _ => None,
                        };
                        match quick {
                            Some(value) => push(&mut stack, value),
                            None => break Step::Out(Fast::Op(op)),
                        }
                    }
                    Op::BinaryOpFastConst(a, c, kind) => {
                        room!(op, 1);
                        let quick = match (stack.get(a as usize), consts.get(c as usize)) {
                            (Some(x), Some(y)) => super::ops::fast_binary(kind, x, y),
                            _ => None,
                        };
                        match quick {
                            Some(value) => push(&mut stack, value),
                            None => break Step::Out(Fast::Op(op)),
                        }
                    }
                    Op::SubscrFastConst(a, c) => {
                        room!(op, 1);
                        let quick = match (stack.get(a as usize), consts.get(c as usize)) {
                            (Some(x), Some(key)) => super::subscript::fast_getitem(x, key),
                            _ => None,
                        };
                        match quick {
                            Some(value) => push(&mut stack, value),
                            None => break Step::Out(Fast::Op(op)),
                        }
                    }
                    Op::InplaceFastConst(a, c, kind) => {
                        let quick = match (stack.get(a as usize), consts.get(c as usize)) {
                            (Some(x), Some(y)) => super::ops::fast_binary(kind, x, y),
                            _ => None,
                        };
                        match quick {
                            Some(value) => stack[a as usize] = value,
                            None => break Step::Out(Fast::Op(op)),
                        }
                    }
                    Op::StoreSubscrFastConst(a, c) => {
                        let (Some(container), Some(key)) =
                            (stack.get(a as usize), consts.get(c as usize))
                        else {
                            break Step::Out(Fast::Op(op));
                        };
                        if stack.len() <= a as usize + 1
                            || !super::subscript::is_fast_setitem(container, key)
                        {
                            break Step::Out(Fast::Op(op));
                        }
                        let value = stack.pop().unwrap_or_default();
                        if let Err(err) =
                            super::subscript::fast_setitem(&stack[a as usize], key, value)
                        {
                            break Step::Out(Fast::Err(err));
                        }
                    }
                    Op::UnpackSequence(n) => {
                        room!(op, n as usize);
                        let done = match stack.last() {
                            Some(Value::Obj(obj)) => match &**obj {
                                Object::Tuple(items) if items.len() == n as usize => {
                                    let obj = obj.clone();
                                    stack.pop();
                                    if let Object::Tuple(items) = &*obj {
                                        for item in items.iter().rev() {
                                            push(&mut stack, item.clone());
                                        }
                                    }
                                    true
                                }
                                _ => false,
                            },
                            _ => false,
                        };
                        if !done {
                            break Step::Out(Fast::Op(op));
                        }
                    }
                    Op::Copy(n) => {
                        room!(op, 1);
                        let len = stack.len();
                        let value = stack[len - n as usize].clone();
                        push(&mut stack, value);
                    }
                    Op::Swap(n) => {
                        let len = stack.len();
                        stack.swap(len - 1, len - n as usize);
                    }
                    Op::LoadDeref(i) => {
                        room!(op, 1);
                        let slot = code.varnames.len() + i as usize;
                        let value = match stack.get(slot) {
                            Some(Value::Obj(cell)) => match &**cell {
                                Object::Cell(content) => content.lock().clone(),
                                _ => Value::Null,
                            },
                            _ => Value::Null,
                        };
                        if value.is_null() {
                            break Step::Out(Fast::Op(op));
                        }
                        push(&mut stack, value);
                    }
                    Op::StoreDeref(i) => {
                        let slot = code.varnames.len() + i as usize;
                        let is_cell = matches!(stack.get(slot), Some(Value::Obj(c)) if matches!(&**c, Object::Cell(_)));
                        if !is_cell || stack.len() <= slot + 1 {
                            break Step::Out(Fast::Op(op));
                        }
                        let value = stack.pop().unwrap_or_default();
                        if let Some(Value::Obj(cell)) = stack.get(slot)
                            && let Object::Cell(content) = &**cell
                        {
                            let old = std::mem::replace(&mut *content.lock(), value);
                            drop(old);
                        }
                    }
                    Op::UnaryOp(kind) => {
                        let quick = match (kind, stack.last()) {
                            (UnaryKind::Neg, Some(Value::Int(n))) => {
                                n.checked_neg().map(Value::Int)
                            }
                            (UnaryKind::Neg, Some(Value::Float(f))) => Some(Value::Float(-f)),
                            (UnaryKind::Not, Some(Value::Bool(b))) => Some(Value::Bool(!b)),
                            _ => None,
                        };
                        let Some(value) = quick else {
                            break Step::Op(op);
                        };
                        if let Some(top) = stack.last_mut() {
                            *top = value;
                        }
                    }
                    Op::Nop => {}
                    _ => break Step::Op(op),
                }
            };
            let op = match step {
                Step::Op(op) => op,
                Step::Out(fast) => out!(fast),
            };
            // The outer level: instructions that call out.
            match op {
                Op::BinaryOp(kind) | Op::InplaceOp(kind) => {
                    let b = stack.pop().unwrap_or_default();
                    let a = stack.pop().unwrap_or_default();
                    sync_ip!();
                    let result = if matches!(op, Op::BinaryOp(_)) {
                        self.binary_op(a, b, kind)
                    } else {
                        self.inplace_op(a, b, kind)
                    };
                    push_result!(result);
                }
                Op::CompareOp(kind) => {
                    let b = stack.pop().unwrap_or_default();
                    let a = stack.pop().unwrap_or_default();
                    sync_ip!();
                    push_result!(self.compare(&a, &b, kind));
                }
                Op::PopJumpIfFalse(target) | Op::PopJumpIfTrue(target) => {
                    let value = stack.pop().unwrap_or_default();
                    sync_ip!();
                    let truth = match self.truthy(&value) {
                        Ok(truth) => truth,
                        Err(err) => out!(Fast::Err(err)),
                    };
                    if truth == matches!(op, Op::PopJumpIfTrue(_)) {
                        jump_to!(target, out!(Fast::Tick));
                    }
                }
                Op::CompareJumpIfFalse(kind, target) | Op::CompareJumpIfTrue(kind, target) => {
                    let b = stack.pop().unwrap_or_default();
                    let a = stack.pop().unwrap_or_default();
                    sync_ip!();
                    let result = match self.compare(&a, &b, kind) {
                        Ok(Value::Bool(b)) => Ok(b),
                        Ok(other) => self.truthy(&other),
                        Err(err) => Err(err),
                    };
                    let truth = match result {
                        Ok(truth) => truth,
                        Err(err) => out!(Fast::Err(err)),
                    };
                    if truth == matches!(op, Op::CompareJumpIfTrue(..)) {
                        jump_to!(target, out!(Fast::Tick));
                    }
                }
                Op::ForIter(exit) => {
                    let iterator = match stack.last() {
                        Some(Value::Obj(obj)) if matches!(&**obj, Object::Generator(_)) => {
                            let generator = obj.clone();
                            save_frame!();
                            match self.resume_on_stack(
                                &generator,
                                Value::None,
                                Resume::ForIter(exit),
                            ) {
                                Ok(true) => load_frame!(),
                                Ok(false) => {
                                    load_frame!();
                                    stack.pop();
                                    ip = exit as usize;
                                }
                                Err(err) => {
                                    load_frame!();
                                    out!(Fast::Err(err));
                                }
                            }
                            continue;
                        }
                        Some(Value::Obj(obj)) => Value::Obj(obj.clone()),
                        _ => out!(Fast::Op(op)),
                    };
                    sync_ip!();
                    match self.iter_next(&iterator) {
                        Ok(Some(value)) => push(&mut stack, value),
                        Ok(None) => {
                            stack.pop();
                            ip = exit as usize;
                        }
                        Err(err) => out!(Fast::Err(err)),
                    }
                }
                Op::UnaryOp(kind) => {
                    let value = stack.pop().unwrap_or_default();
                    sync_ip!();
                    push_result!(self.unary_op(&value, kind));
                }
                Op::BuildList(n) | Op::BuildTuple(n) => {
                    let Some(start) = stack.len().checked_sub(n as usize) else {
                        out!(Fast::Op(op));
                    };
                    if n == 0 && stack.capacity() == stack.len() {
                        out!(Fast::Op(op));
                    }
                    let items: Vec<Value> = stack.drain(start..).collect();
                    if matches!(op, Op::BuildTuple(_)) {
                        push(&mut stack, Value::tuple(items));
                    } else {
                        push_result!(Value::list(items));
                    }
                }
                Op::GetIter => {
                    let value = stack.pop().unwrap_or_default();
                    sync_ip!();
                    push_result!(self.get_iter(&value));
                }
                Op::BinarySubscr => {
                    if waits_in_frames
                        && let [.., container, _] = stack.as_slice()
                        && super::consume::item_method(container, Access::Get).is_some()
                    {
                        out!(Fast::Op(op));
                    }
                    let key = stack.pop().unwrap_or_default();
                    let container = stack.pop().unwrap_or_default();
                    sync_ip!();
                    push_result!(self.getitem(&container, &key));
                }
                Op::StoreSubscr => {
                    if waits_in_frames
                        && let [.., container, _] = stack.as_slice()
                        && super::consume::item_method(container, Access::Set).is_some()
                    {
                        out!(Fast::Op(op));
                    }
                    let key = stack.pop().unwrap_or_default();
                    let container = stack.pop().unwrap_or_default();
                    let value = stack.pop().unwrap_or_default();
                    sync_ip!();
                    if let Err(err) = self.setitem(&container, key, value) {
                        out!(Fast::Err(err));
                    }
                }
                Op::LoadAttr(i) => {
                    if waits_in_frames
                        && let (Some(name), Some(obj)) = (code.names.get(i as usize), stack.last())
                        && super::consume::property_function(obj, name, Access::Get).is_some()
                    {
                        out!(Fast::Op(op));
                    }
                    let (Some(name), Some(obj)) = (code.names.get(i as usize), stack.pop()) else {
                        out!(Fast::Op(op));
                    };
                    sync_ip!();
                    push_result!(self.getattr(&obj, name));
                }
                Op::StoreAttr(i) => {
                    if stack.len() < 2 {
                        out!(Fast::Op(op));
                    }
                    let Some(name) = code.names.get(i as usize) else {
                        out!(Fast::Op(op));
                    };
                    if waits_in_frames
                        && let Some(obj) = stack.last()
                        && super::consume::property_function(obj, name, Access::Set).is_some()
                    {
                        out!(Fast::Op(op));
                    }
                    let obj = stack.pop().unwrap_or_default();
                    let value = stack.pop().unwrap_or_default();
                    sync_ip!();
                    if let Err(err) = self.setattr(&obj, name, value) {
                        out!(Fast::Err(err));
                    }
                }
                Op::LoadMethod(i) => {
                    if stack.capacity() == stack.len() {
                        out!(Fast::Op(op));
                    }
                    let (Some(name), Some(obj)) = (code.names.get(i as usize), stack.pop()) else {
                        out!(Fast::Op(op));
                    };
                    sync_ip!();
                    match self.load_method(obj, name) {
                        Ok((method, self_value)) => {
                            push(&mut stack, method);
                            push(&mut stack, self_value);
                        }
                        Err(err) => out!(Fast::Err(err)),
                    }
                }
                Op::CallMethod(argc) => {
                    let Some(callee_at) = stack.len().checked_sub(argc as usize + 2) else {
                        out!(Fast::Op(op));
                    };
                    let first = if stack[callee_at + 1].is_null() {
                        callee_at + 2
                    } else {
                        callee_at + 1
                    };
                    call_fast!(op, callee_at, first);
                }
                Op::Call(argc) => {
                    let Some(callee_at) = stack.len().checked_sub(argc as usize + 1) else {
                        out!(Fast::Op(op));
                    };
                    call_fast!(op, callee_at, callee_at + 1);
                }
                Op::ReturnValue if returns_here => {
                    let value = stack.pop().unwrap_or_default();
                    self.recycle_slots(std::mem::take(&mut stack));
                    self.frames.pop();
                    frames_len -= 1;
                    let Some(frame) = self.frames.last_mut() else {
                        return Fast::End;
                    };
                    // SAFETY: as in `load_frame`, for the caller's frame.
                    (code, globals) = unsafe {
                        (
                            &*Arc::as_ptr(frame.code()),
                            &*std::ptr::from_ref(frame.globals()),
                        )
                    };
                    // `stack` is the empty vector `recycle_slots` left.
                    std::mem::forget(std::mem::replace(
                        &mut stack,
                        std::mem::take(&mut frame.slots),
                    ));
                    ip = frame.ip;
                    ops = &code.ops;
                    consts = &code.consts;
                    (returns_here, yields_to_loop) = match frame.kind {
                        FrameKind::Normal => (frames_len - 1 > base, false),
                        FrameKind::Generator(_, Resume::ForIter(_)) => (false, true),
                        _ => (false, false),
                    };
                    push(&mut stack, value);
                }
                Op::YieldValue if yields_to_loop => {
                    // The loop's frame was resumed here by whichever path
                    // ran its `ForIter`: its stack may have no room left.
                    let caller_full = frames_len < 2
                        || self
                            .frames
                            .get(frames_len - 2)
                            .is_none_or(|caller| caller.slots.capacity() == caller.slots.len());
                    if caller_full {
                        out!(Fast::Op(op));
                    }
                    let value = stack.pop().unwrap_or_default();
                    let Some(mut frame) = self.frames.pop() else {
                        return Fast::End;
                    };
                    std::mem::forget(std::mem::replace(
                        &mut frame.slots,
                        std::mem::take(&mut stack),
                    ));
                    frame.ip = ip;
                    if let FrameKind::Generator(gen_obj, _) = &frame.kind {
                        let gen_obj = gen_obj.clone();
                        super::generator::suspend(&gen_obj, frame);
                    }
                    load_frame!();
                    push(&mut stack, value);
                }
                _ => out!(Fast::Op(op)),
            }
        };
        save_frame!();
        result
    }
}

//! Calling: from bytecode (arguments on the caller's value stack, moved into
//! the new frame without touching their counts) and from Rust ([`Vm::call`],
//! which runs a nested dispatch loop for Python callees).

use super::bind::CallArgs;
use super::dispatch::Exit;
use super::frame::{Frame, FrameKind, FrameSource};
use super::{RunStatus, Vm};
use crate::objects::{Args, NativeDef, ObjRef, Object, PyErr, PyResult, Value, types};
use std::sync::Arc;

/// What a call made from bytecode did.
pub(crate) enum Called {
    /// It finished with this value (the caller pushes it).
    Value(Value),
    /// It pushed a frame; the dispatch loop goes on in it.
    Frame,
}

impl Vm {
    /// Calls the callable at `args_start - 1` of the top frame's stack with
    /// the values from `args_start` on (the last `len(kwnames)` of them are
    /// keyword arguments). Leaves the stack below the callable.
    #[inline]
    pub(crate) fn call_on_stack(&mut self, args_start: usize, kwnames: Value) -> PyResult<Called> {
        let Some(frame) = self.frames.last_mut() else {
            return Err(PyErr::system_error("call without a frame"));
        };
        let Some(base) = args_start.checked_sub(1).filter(|&b| b < frame.slots.len()) else {
            return Err(PyErr::system_error("call without a callable"));
        };
        let mut args_start = args_start;
        let mut callable = std::mem::take(&mut frame.slots[base]);
        if self.interp.waits_in_frames {
            self.consume_in_loop(&mut callable, base, args_start, &kwnames)?;
        }
        loop {
            if let Value::Obj(obj) = &callable
                && let Object::Function(f) = &**obj
            {
                let plain = f.code.plain_call && kwnames.is_null();
                if let Value::Obj(func) = callable {
                    let func = if plain {
                        match self.call_plain(func, base, args_start) {
                            Ok(called) => return called,
                            Err(func) => func,
                        }
                    } else {
                        func
                    };
                    return self.push_function_frame(
                        func,
                        base,
                        args_start,
                        kwnames,
                        FrameKind::Normal,
                    );
                }
                return Err(PyErr::system_error("lost the callable"));
            }
            let next = match &callable {
                Value::Obj(obj) => match &**obj {
                    Object::Method(method) if args_start > base => {
                        let frame = self.top_frame()?;
                        frame.slots[base] = method.self_.clone();
                        args_start = base;
                        method.func.clone()
                    }
                    Object::BoundNative(def, bound) if args_start > base => {
                        let frame = self.top_frame()?;
                        frame.slots[base] = bound.clone();
                        args_start = base;
                        Value::Native(def)
                    }
                    Object::Type(t) if !t.builtin => {
                        let class = obj.clone();
                        return self.instantiate_on_stack(&class, base, args_start, kwnames);
                    }
                    _ => break,
                },
                Value::Native(def) => {
                    let def: &'static NativeDef = def;
                    return self
                        .call_native_on_stack(def, base, args_start, kwnames)
                        .map(Called::Value);
                }
                _ => break,
            };
            callable = next;
        }
        let args = self.take_args(base, args_start);
        let kw = kwnames_slice(&kwnames);
        let result = self.call_args(
            &callable,
            Args {
                values: &args,
                kwnames: kw,
            },
        );
        self.return_args(args);
        result.map(Called::Value)
    }

    /// The fast path of a call to a Python function taking exactly the
    /// positional arguments given (`Err` gives the function back for the
    /// general path). The arguments and the function move from the caller's
    /// stack into the new frame: no reference count changes.
    #[inline]
    fn call_plain(
        &mut self,
        func_obj: ObjRef,
        base: usize,
        args_start: usize,
    ) -> Result<PyResult<Called>, ObjRef> {
        let Object::Function(func) = &*func_obj else {
            return Err(func_obj);
        };
        let code = &func.code;
        let Some(caller) = self.frames.last_mut() else {
            return Err(func_obj);
        };
        let given = caller.slots.len().saturating_sub(args_start);
        if given != code.argcount as usize {
            return Err(func_obj);
        }
        if self.frames.len() >= self.recursion_limit {
            return Ok(Err(PyErr::recursion_error(
                "maximum recursion depth exceeded",
            )));
        }
        let mut slots = self.slot_pool.pop().unwrap_or_default();
        let needed = code.slot_count() + code.max_stack as usize;
        if slots.capacity() < needed {
            slots.reserve(needed);
        }
        if let Some(caller) = self.frames.last_mut() {
            for arg in &mut caller.slots[args_start..] {
                slots.push(std::mem::take(arg));
            }
            caller.slots.truncate(base);
        }
        for _ in given..code.varnames.len() {
            slots.push(Value::Null);
        }
        for cell in func.closure.iter() {
            slots.push(Value::Obj(cell.clone()));
        }
        self.frames.push(Frame {
            source: FrameSource::Function(func_obj),
            ip: 0,
            slots,
            namespace: None,
            blocks: Vec::new(),
            handled: Value::Null,
            kind: FrameKind::Normal,
        });
        Ok(Ok(Called::Frame))
    }

    /// Moves the arguments from `args_start` on off the top frame's stack,
    /// leaving it `base` high (the callable's slot goes too).
    pub(crate) fn take_args(&mut self, base: usize, args_start: usize) -> Vec<Value> {
        let mut buffer = std::mem::take(&mut self.arg_buffer);
        if let Some(frame) = self.frames.last_mut() {
            let start = args_start.min(frame.slots.len());
            buffer.extend(frame.slots.drain(start..));
            frame.slots.truncate(base);
        }
        buffer
    }

    /// Gives an argument buffer back for reuse.
    pub(crate) fn return_args(&mut self, mut buffer: Vec<Value>) {
        buffer.clear();
        if self.arg_buffer.capacity() < buffer.capacity() {
            self.arg_buffer = buffer;
        }
    }

    fn call_native_on_stack(
        &mut self,
        def: &'static NativeDef,
        base: usize,
        args_start: usize,
        kwnames: Value,
    ) -> PyResult<Value> {
        let args = self.take_args(base, args_start);
        let result = (def.func)(
            self,
            Args {
                values: &args,
                kwnames: kwnames_slice(&kwnames),
            },
        );
        self.return_args(args);
        result
    }

    pub(crate) fn top_frame(&mut self) -> PyResult<&mut Frame> {
        self.frames
            .last_mut()
            .ok_or_else(|| PyErr::system_error("no frame"))
    }

    /// Pushes a frame for a Python function whose arguments are on the top
    /// frame's stack from `args_start`; a generator function instead makes
    /// its generator.
    #[inline]
    pub(crate) fn push_function_frame(
        &mut self,
        func_obj: ObjRef,
        base: usize,
        args_start: usize,
        kwnames: Value,
        kind: FrameKind,
    ) -> PyResult<Called> {
        let Object::Function(func) = &*func_obj else {
            return Err(PyErr::system_error("not a function"));
        };
        let code = &func.code;
        let capacity = code.slot_count() + code.max_stack as usize;
        let mut slots = self.take_slots(capacity);
        let simple = kwnames.is_null()
            && code.kwonlyargcount == 0
            && !code.flags.varargs
            && !code.flags.varkeywords;
        let caller = self.top_frame()?;
        let given = caller.slots.len() - args_start;
        if simple && given == code.argcount as usize {
            for arg in &mut caller.slots[args_start..] {
                slots.push(std::mem::take(arg));
            }
            caller.slots.truncate(base);
            for _ in given..code.varnames.len() {
                slots.push(Value::Null);
            }
        } else {
            let args = self.take_args(base, args_start);
            let kw = kwnames_slice(&kwnames);
            let split = args.len() - kw.len();
            let keywords = kw
                .iter()
                .cloned()
                .zip(args[split..].iter().cloned())
                .collect();
            let mut positional = args[..split].iter().cloned();
            let bound = self.bind_arguments(
                func,
                CallArgs {
                    positional: &mut positional,
                    count: split,
                    keywords,
                },
                &mut slots,
            );
            self.return_args(args);
            if let Err(err) = bound {
                self.recycle_slots(slots);
                return Err(err);
            }
        }
        self.enter_function(func_obj, slots, kind)
    }

    /// Finishes a frame's slots (cells, free variables) and pushes it, or
    /// wraps it in a generator.
    #[inline]
    pub(crate) fn enter_function(
        &mut self,
        func_obj: ObjRef,
        mut slots: Vec<Value>,
        kind: FrameKind,
    ) -> PyResult<Called> {
        let Object::Function(func) = &*func_obj else {
            return Err(PyErr::system_error("not a function"));
        };
        let code = &func.code;
        for param in code.cell_params.iter() {
            let initial = match param {
                Some(p) => std::mem::take(&mut slots[*p as usize]),
                None => Value::Null,
            };
            slots.push(new_cell(initial));
        }
        slots.extend(func.closure.iter().map(|cell| Value::Obj(cell.clone())));
        let flags = code.flags;
        if flags.generator || flags.coroutine || flags.async_generator {
            let generator = super::generator::new_generator(
                func,
                Frame {
                    source: FrameSource::Code(code.clone(), func.globals.clone()),
                    ip: 0,
                    slots,
                    namespace: None,
                    blocks: Vec::new(),
                    handled: Value::Null,
                    kind,
                },
            );
            return Ok(Called::Value(generator));
        }
        let frame = Frame {
            source: FrameSource::Function(func_obj),
            ip: 0,
            slots,
            namespace: None,
            blocks: Vec::new(),
            handled: Value::Null,
            kind,
        };
        self.push_frame(frame)?;
        Ok(Called::Frame)
    }

    /// Pushes a frame, refusing past the recursion limit.
    #[inline]
    pub(crate) fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            self.recycle_slots(frame.slots);
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Calls anything callable with positional arguments, from Rust.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult {
        self.call_args(callable, Args::new(args))
    }

    /// Calls anything callable, from Rust. Python callees run in a nested
    /// dispatch loop; a builtin that blocks waits in place.
    pub fn call_args(&mut self, callable: &Value, args: Args<'_>) -> PyResult {
        match callable {
            Value::Native(def) => self.call_native(def, args),
            Value::Obj(obj) => match &**obj {
                Object::Function(_) => self.call_function_nested(obj, args),
                Object::Method(method) => {
                    let with_self = prepend(&method.self_, args.values);
                    self.call_args(
                        &method.func,
                        Args {
                            values: &with_self,
                            kwnames: args.kwnames,
                        },
                    )
                }
                Object::BoundNative(def, bound) => {
                    let with_self = prepend(bound, args.values);
                    self.call_native(
                        def,
                        Args {
                            values: &with_self,
                            kwnames: args.kwnames,
                        },
                    )
                }
                Object::Type(_) => self.call_type(obj, args),
                Object::StaticMethod(inner) => {
                    let inner = inner.clone();
                    self.call_args(&inner, args)
                }
                Object::Partial(parts) => self.call_partial(parts, args),
                Object::Instance(instance) => {
                    let class = instance.class.clone();
                    let Some(method) = crate::objects::types::lookup(
                        &class,
                        &crate::objects::names::names().__call__,
                    ) else {
                        return Err(not_callable(callable));
                    };
                    let with_self = prepend(callable, args.values);
                    self.call_args(
                        &method,
                        Args {
                            values: &with_self,
                            kwnames: args.kwnames,
                        },
                    )
                }
                _ => Err(not_callable(callable)),
            },
            _ => Err(not_callable(callable)),
        }
    }

    /// Calls a native function from Rust: a wait it asks for happens in place.
    pub(crate) fn call_native(&mut self, def: &NativeDef, args: Args<'_>) -> PyResult {
        match (def.func)(self, args) {
            Err(PyErr::Block(wait)) => self.wait_in_place(*wait),
            other => other,
        }
    }

    fn call_function_nested(&mut self, func_obj: &ObjRef, args: Args<'_>) -> PyResult {
        let Object::Function(func) = &**func_obj else {
            return Err(PyErr::system_error("not a function"));
        };
        let code = &func.code;
        let mut slots = self.take_slots(code.slot_count() + code.max_stack as usize);
        let positional = args.positional();
        let keywords = args
            .keywords()
            .map(|(n, v)| (Value::str(n), v.clone()))
            .collect();
        let mut iter = positional.iter().cloned();
        self.bind_arguments(
            func,
            CallArgs {
                positional: &mut iter,
                count: positional.len(),
                keywords,
            },
            &mut slots,
        )?;
        match self.enter_function(func_obj.clone(), slots, FrameKind::Native)? {
            Called::Value(generator) => Ok(generator),
            Called::Frame => self.run_nested(),
        }
    }

    /// Runs the frame just pushed (of kind `Native`) to its return.
    pub(crate) fn run_nested(&mut self) -> PyResult {
        if let Err(err) = self.check_native_depth() {
            if let Some(frame) = self.frames.pop() {
                self.recycle_slots(frame.slots);
            }
            return Err(err);
        }
        self.nested += 1;
        let base = self.frames.len() - 1;
        let result = self.run_frames(base, u64::MAX);
        self.nested -= 1;
        match result {
            Ok(Exit::Returned(value)) | Ok(Exit::Yielded(value)) => Ok(value),
            Ok(Exit::Budget) => Err(PyErr::system_error("nested loop ran out of budget")),
            Err(err) => Err(err),
        }
    }

    fn call_partial(&mut self, parts: &[Value; 3], args: Args<'_>) -> PyResult {
        let [func, bound_args, bound_kw] = parts;
        let mut values: Vec<Value> = bound_args.as_tuple().unwrap_or(&[]).to_vec();
        values.extend(args.positional().iter().cloned());
        let mut names: Vec<Value> = Vec::new();
        let mut kw_values: Vec<Value> = Vec::new();
        if let Value::Obj(dict) = bound_kw
            && let Object::Dict(dict) = &**dict
        {
            for entry in dict.lock().iter() {
                names.push(entry.key.clone());
                kw_values.push(entry.value.clone());
            }
        }
        for (name, value) in args.keywords() {
            if let Some(i) = names
                .iter()
                .position(|n| n.as_str().is_some_and(|s| s.as_str() == name))
            {
                kw_values[i] = value.clone();
            } else {
                names.push(Value::str(name));
                kw_values.push(value.clone());
            }
        }
        values.extend(kw_values);
        self.call_args(
            func,
            Args {
                values: &values,
                kwnames: &names,
            },
        )
    }

    /// Runs a whole program's frame in this thread until it finishes,
    /// waiting in place when it blocks.
    pub fn run_to_end(&mut self) -> PyResult {
        loop {
            match self.run(RUN_SLICE) {
                RunStatus::Finished(result) => return result,
                RunStatus::BudgetSpent => {}
                RunStatus::Blocked(wait) => {
                    let value = self.wait_in_place(*wait)?;
                    self.resume_with(value);
                }
            }
        }
    }
}

/// How much a thread runs before its dispatch loop returns and is entered
/// again. In WebAssembly the engine first runs a quickly compiled version of
/// the loop and compiles the optimised one in the background; a call in
/// progress never switches to it, the next call does. A thread started
/// early would otherwise run its whole life several times slower. Natively
/// there is nothing to pick up.
const RUN_SLICE: u64 = if cfg!(target_arch = "wasm32") {
    1 << 16
} else {
    u64::MAX
};

/// A new closure cell holding `value`, tracked by the heap.
pub fn new_cell(value: Value) -> Value {
    let cell = Arc::new(Object::Cell(crate::objects::lock::Lock::new(value)));
    crate::heap::track(&cell);
    Value::Obj(cell)
}

/// The keyword names of a call (`Null` when there are none).
pub(crate) fn kwnames_slice(kwnames: &Value) -> &[Value] {
    kwnames.as_tuple().unwrap_or(&[])
}

fn prepend(first: &Value, rest: &[Value]) -> Vec<Value> {
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first.clone());
    values.extend(rest.iter().cloned());
    values
}

/// `TypeError: 'x' object is not callable`.
pub fn not_callable(value: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not callable", value.type_name()))
}

/// Whether a value can be called.
pub fn is_callable(value: &Value) -> bool {
    match value {
        Value::Native(_) => true,
        Value::Obj(obj) => match &**obj {
            Object::Function(_)
            | Object::Method(_)
            | Object::BoundNative(..)
            | Object::Type(_)
            | Object::StaticMethod(_)
            | Object::Partial(_) => true,
            Object::Instance(instance) => {
                crate::objects::types::lookup(&instance.class, &Value::str("__call__")).is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

/// Whether a class is a builtin one.
pub fn is_builtin_class(class: &ObjRef) -> bool {
    crate::objects::types::type_obj(class).is_some_and(|t| t.builtin)
        || Arc::ptr_eq(class, &types().object)
}

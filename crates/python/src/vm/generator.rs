//! Generators and coroutines: a frame kept in an object between runs.
//!
//! Resuming pushes the generator's frame on the thread's frame stack (from
//! `ForIter`, `Send` or Rust); `yield` pops it back into the object. Its
//! `Resume` mode says where a yielded or returned value goes.

use super::Vm;
use super::dispatch::Exit;
use super::frame::{Frame, FrameKind, Resume};
use crate::compile::Op;
use crate::objects::exception::exc_data;
use crate::objects::lock::Lock as Mutex;
use crate::objects::names::names;
use crate::objects::{Args, Function, NativeDef, ObjRef, Object, PyErr, PyResult, Value, types};
use std::sync::Arc;

/// Which kind of generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    /// A `def` with `yield`.
    Generator,
    /// An `async def`.
    Coroutine,
    /// An `async def` with `yield`.
    AsyncGenerator,
}

/// A generator object.
#[derive(Debug)]
pub struct Generator {
    /// Its kind.
    pub kind: GenKind,
    /// `__name__`.
    pub name: Arc<str>,
    /// `__qualname__`.
    pub qualname: Arc<str>,
    /// Its frame and flags.
    pub state: Mutex<GenState>,
}

/// The mutable part of a generator.
#[derive(Debug, Default)]
pub struct GenState {
    /// The suspended frame (`None` once finished, or while running).
    pub frame: Option<Frame>,
    /// Whether its frame is on some thread's stack now.
    pub running: bool,
    /// Whether it has run at all.
    pub started: bool,
}

impl Generator {
    /// The class of this generator.
    pub fn class(&self) -> &'static ObjRef {
        let t = types();
        match self.kind {
            GenKind::Generator => &t.generator,
            GenKind::Coroutine => &t.coroutine,
            GenKind::AsyncGenerator => &t.async_generator,
        }
    }

    /// Moves what its frame holds into `graveyard` (end-of-program sweep).
    pub fn drain_into(&self, graveyard: &mut Vec<Value>) {
        if let Some(frame) = self.state.lock().frame.take() {
            graveyard.extend(frame.slots);
            graveyard.push(frame.handled);
        }
    }

    /// Whether it has finished.
    pub fn finished(&self) -> bool {
        let state = self.state.lock();
        state.frame.is_none() && !state.running
    }
}

/// Wraps a just-made frame in a generator object.
pub fn new_generator(func: &Function, frame: Frame) -> Value {
    let flags = func.code.flags;
    let kind = if flags.async_generator {
        GenKind::AsyncGenerator
    } else if flags.coroutine {
        GenKind::Coroutine
    } else {
        GenKind::Generator
    };
    let generator = Generator {
        kind,
        name: func.name().into(),
        qualname: func.qualname().into(),
        state: Mutex::new(GenState {
            frame: Some(frame),
            running: false,
            started: false,
        }),
    };
    let obj = Arc::new(Object::Generator(generator));
    crate::heap::track(&obj);
    Value::Obj(obj)
}

/// The outcome of resuming a generator from Rust.
pub enum GenStep {
    /// It yielded this value.
    Yielded(Value),
    /// It returned this value.
    Returned(Value),
}

fn generator_of(obj: &ObjRef) -> PyResult<&Generator> {
    match &**obj {
        Object::Generator(g) => Ok(g),
        _ => Err(PyErr::type_error("not a generator")),
    }
}

impl Vm {
    /// Takes a generator's frame to run it, checking it may run now.
    /// `None`: it has finished.
    fn take_generator_frame(&mut self, gen_obj: &ObjRef, sent: &Value) -> PyResult<Option<Frame>> {
        let generator = generator_of(gen_obj)?;
        let mut state = generator.state.lock();
        if state.running {
            let what = if generator.kind == GenKind::Coroutine {
                "coroutine"
            } else {
                "generator"
            };
            return Err(PyErr::value_error(format!("{what} already executing")));
        }
        let Some(frame) = state.frame.take() else {
            if generator.kind == GenKind::Coroutine {
                return Err(PyErr::runtime_error(
                    "cannot reuse already awaited coroutine",
                ));
            }
            return Ok(None);
        };
        if !state.started && !sent.is_none() {
            state.frame = Some(frame);
            return Err(PyErr::type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        state.started = true;
        state.running = true;
        Ok(Some(frame))
    }

    /// Resumes a generator from bytecode: pushes its frame (with `sent` on
    /// its stack). `false`: it had already finished.
    pub(crate) fn resume_on_stack(
        &mut self,
        gen_obj: &ObjRef,
        sent: Value,
        mode: Resume,
    ) -> PyResult<bool> {
        let Some(mut frame) = self.take_generator_frame(gen_obj, &sent)? else {
            return Ok(false);
        };
        frame.slots.push(sent);
        frame.kind = FrameKind::Generator(gen_obj.clone(), mode);
        if let Err(err) = self.push_frame(frame) {
            mark_finished(gen_obj);
            return Err(err);
        }
        Ok(true)
    }

    /// Resumes a generator from Rust with `sent`, running it until it yields
    /// or returns.
    pub fn resume_generator(&mut self, gen_obj: &ObjRef, sent: Value) -> PyResult<GenStep> {
        if !self.resume_on_stack(gen_obj, sent, Resume::Native)? {
            return Ok(GenStep::Returned(Value::None));
        }
        self.run_generator_frame()
    }

    fn run_generator_frame(&mut self) -> PyResult<GenStep> {
        if let Err(err) = self.check_native_depth() {
            if let Some(frame) = self.frames.pop() {
                let gen_obj = match &frame.kind {
                    FrameKind::Generator(g, _) => Some(g.clone()),
                    _ => None,
                };
                if let Some(g) = gen_obj {
                    suspend(&g, frame);
                }
            }
            return Err(err);
        }
        self.nested += 1;
        let base = self.frames.len() - 1;
        let result = self.run_frames(base, u64::MAX);
        self.nested -= 1;
        match result? {
            Exit::Yielded(value) => Ok(GenStep::Yielded(value)),
            Exit::Returned(value) => Ok(GenStep::Returned(value)),
            Exit::Budget => Err(PyErr::system_error("generator ran out of budget")),
        }
    }

    /// `gen.throw(exc)`: raises `exc` where the generator stands.
    pub fn throw_into(&mut self, gen_obj: &ObjRef, exc: ObjRef) -> PyResult<GenStep> {
        if let Some(step) = self.throw_into_delegate(gen_obj, &exc)? {
            return Ok(step);
        }
        {
            let generator = generator_of(gen_obj)?;
            let mut state = generator.state.lock();
            if !state.started && !state.running {
                state.frame = None;
                return Err(PyErr::Exception(exc));
            }
        }
        let Some(mut frame) = self.take_generator_frame(gen_obj, &Value::None)? else {
            return Err(PyErr::Exception(exc));
        };
        frame.kind = FrameKind::Generator(gen_obj.clone(), Resume::Native);
        self.push_frame(frame)?;
        self.add_traceback_here(&exc);
        let base = self.frames.len() - 1;
        self.unwind(PyErr::Exception(exc), base)?;
        self.run_generator_frame()
    }

    /// If the generator is suspended in `yield from`/`await`, throws into
    /// the inner iterator first (`None`: it is not).
    fn throw_into_delegate(&mut self, gen_obj: &ObjRef, exc: &ObjRef) -> PyResult<Option<GenStep>> {
        let (inner, exit) = {
            let generator = generator_of(gen_obj)?;
            let state = generator.state.lock();
            let Some(frame) = &state.frame else {
                return Ok(None);
            };
            let delegating = frame.ip >= 2
                && matches!(frame.code().ops.get(frame.ip - 1), Some(Op::YieldValue))
                && matches!(frame.code().ops.get(frame.ip - 2), Some(Op::Send(_)));
            let exit = match frame.code().ops.get(frame.ip.wrapping_sub(2)) {
                Some(Op::Send(exit)) => *exit,
                _ => 0,
            };
            match (delegating, frame.slots.last()) {
                (true, Some(inner)) => (inner.clone(), exit),
                _ => return Ok(None),
            }
        };
        let is_close = PyErr::Exception(exc.clone()).is_instance_of(&types().generator_exit);
        let outcome = match &inner {
            Value::Obj(obj) if matches!(&**obj, Object::Generator(_)) => {
                if is_close {
                    self.close_generator(obj).map(|_| None)
                } else {
                    match self.throw_into(obj, exc.clone()) {
                        Ok(GenStep::Yielded(v)) => Ok(Some(v)),
                        Ok(GenStep::Returned(v)) => Err(PyErr::stop_iteration(v)),
                        Err(e) => Err(e),
                    }
                }
            }
            other => {
                let method = if is_close { "close" } else { "throw" };
                match self.getattr_opt(other, &crate::objects::names::intern(method))? {
                    Some(m) if is_close => self.call(&m, &[]).map(|_| None),
                    Some(m) => self.call(&m, &[Value::Obj(exc.clone())]).map(Some),
                    None => Ok(None),
                }
            }
        };
        match outcome {
            Ok(Some(value)) => Ok(Some(GenStep::Yielded(value))),
            Ok(None) => Ok(None),
            Err(err) if err.is_instance_of(&types().stop_iteration) => {
                let value = stop_iteration_value(&err);
                self.finish_delegation(gen_obj, value, exit).map(Some)
            }
            Err(err) => {
                let Some(raised) = err.exception().cloned() else {
                    return Err(err);
                };
                self.throw_into_frame(gen_obj, raised).map(Some)
            }
        }
    }

    fn finish_delegation(
        &mut self,
        gen_obj: &ObjRef,
        value: Value,
        exit: u32,
    ) -> PyResult<GenStep> {
        {
            let generator = generator_of(gen_obj)?;
            let mut state = generator.state.lock();
            if let Some(frame) = state.frame.as_mut() {
                frame.slots.pop();
                frame.slots.push(value);
                frame.ip = exit as usize;
            }
        }
        let Some(mut frame) = self.take_generator_frame(gen_obj, &Value::None)? else {
            return Ok(GenStep::Returned(Value::None));
        };
        frame.kind = FrameKind::Generator(gen_obj.clone(), Resume::Native);
        self.push_frame(frame)?;
        self.run_generator_frame()
    }

    fn throw_into_frame(&mut self, gen_obj: &ObjRef, exc: ObjRef) -> PyResult<GenStep> {
        let Some(mut frame) = self.take_generator_frame(gen_obj, &Value::None)? else {
            return Err(PyErr::Exception(exc));
        };
        frame.slots.pop();
        frame.kind = FrameKind::Generator(gen_obj.clone(), Resume::Native);
        self.push_frame(frame)?;
        self.add_traceback_here(&exc);
        let base = self.frames.len() - 1;
        self.unwind(PyErr::Exception(exc), base)?;
        self.run_generator_frame()
    }

    /// `gen.close()`.
    pub fn close_generator(&mut self, gen_obj: &ObjRef) -> PyResult<()> {
        let generator = generator_of(gen_obj)?;
        {
            let mut state = generator.state.lock();
            if state.frame.is_none() {
                return Ok(());
            }
            if !state.started {
                state.frame = None;
                return Ok(());
            }
        }
        let exit = crate::objects::exception::new_exception(&types().generator_exit, vec![]);
        match self.throw_into(gen_obj, exit) {
            Ok(GenStep::Yielded(_)) => Err(PyErr::runtime_error("generator ignored GeneratorExit")),
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(err)
                if err.is_instance_of(&types().generator_exit)
                    || err.is_instance_of(&types().stop_iteration) =>
            {
                Ok(())
            }
            Err(err) => Err(err),
        }
    }
}

/// Marks a generator finished.
pub fn mark_finished(gen_obj: &ObjRef) {
    if let Object::Generator(generator) = &**gen_obj {
        let mut state = generator.state.lock();
        state.frame = None;
        state.running = false;
    }
}

/// Puts a suspended frame back into its generator.
pub fn suspend(gen_obj: &ObjRef, mut frame: Frame) {
    if let Object::Generator(generator) = &**gen_obj {
        frame.kind = FrameKind::Normal;
        let mut state = generator.state.lock();
        state.frame = Some(frame);
        state.running = false;
    }
}

/// The value a `StopIteration` carries.
pub fn stop_iteration_value(err: &PyErr) -> Value {
    let Some(exc) = err.exception() else {
        return Value::None;
    };
    let Some(data) = exc_data(exc) else {
        return Value::None;
    };
    let data = data.lock();
    data.args
        .as_tuple()
        .and_then(|a| a.first().cloned())
        .unwrap_or(Value::None)
}

fn gen_send(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("send", 2, 2)?;
    let Value::Obj(gen_obj) = &a[0] else {
        return Err(PyErr::type_error("send() needs a generator"));
    };
    match vm.resume_generator(gen_obj, a[1].clone())? {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => Err(stop_with(v)),
    }
}

/// `StopIteration` for a generator's return value (`None` gives no args).
pub fn stop_with(value: Value) -> PyErr {
    if value.is_none() {
        PyErr::bare(&types().stop_iteration)
    } else {
        PyErr::stop_iteration(value)
    }
}

fn gen_throw(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("throw", 2, 4)?;
    let Value::Obj(gen_obj) = &a[0] else {
        return Err(PyErr::type_error("throw() needs a generator"));
    };
    let exc = vm.make_exception(&a[1], a.get(2).cloned())?;
    match vm.throw_into(gen_obj, exc)? {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(v) => Err(stop_with(v)),
    }
}

fn gen_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("close", 1, 1)?;
    let Value::Obj(gen_obj) = &a[0] else {
        return Err(PyErr::type_error("close() needs a generator"));
    };
    vm.close_generator(gen_obj)?;
    Ok(Value::None)
}

fn coro_await(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("__await__", 1, 1)?;
    Ok(a[0].clone())
}

fn async_gen_unsupported(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(PyErr::not_implemented(
        "Threadline Python does not run async generators yet",
    ))
}

/// Methods of generators and coroutines.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("generator", "send", gen_send),
    NativeDef::method("generator", "throw", gen_throw),
    NativeDef::method("generator", "close", gen_close),
];

/// Methods of coroutines only.
pub static COROUTINE_METHODS: &[NativeDef] =
    &[NativeDef::method("coroutine", "__await__", coro_await)];

/// Methods of async generators.
pub static ASYNC_GEN_METHODS: &[NativeDef] = &[
    NativeDef::method("async_generator", "__anext__", async_gen_unsupported),
    NativeDef::method("async_generator", "asend", async_gen_unsupported),
];

/// Whether the value is a generator object (of any kind).
pub fn is_generator(value: &Value) -> bool {
    matches!(value, Value::Obj(o) if matches!(&**o, Object::Generator(_)))
}

/// The name `repr` shows for a generator.
pub fn repr(generator: &Generator, id: i64) -> String {
    let what = match generator.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    let _ = names();
    format!("<{what} object {} at {id:#x}>", generator.qualname)
}

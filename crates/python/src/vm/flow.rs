//! How the dispatch loop moves between frames and instructions: jumps and
//! the eval breaker, `for` loops, returns and yields.

use super::Vm;
use super::dispatch::{Control, Exit};
use super::frame::{FrameKind, Resume};
use crate::objects::iter::{Iter, IterKind};
use crate::objects::{Object, PyErr, PyResult, Value};
use std::sync::atomic::Ordering;

impl Vm {
    /// Jumps to `target`; a backward jump ticks the eval breaker.
    /// `true`: the budget is spent and the loop must leave.
    #[inline]
    pub(super) fn jump(&mut self, target: u32, budget: &mut u64) -> PyResult<bool> {
        let Some(frame) = self.frames.last_mut() else {
            return Ok(false);
        };
        let backward = (target as usize) < frame.ip;
        frame.ip = target as usize;
        if backward {
            return self.breaker_tick(budget);
        }
        Ok(false)
    }

    /// One eval-breaker check: `true` when the budget is spent.
    #[inline]
    pub(crate) fn breaker_tick(&mut self, budget: &mut u64) -> PyResult<bool> {
        *budget -= 1;
        self.ticks -= 1;
        if self.ticks == 0 || self.breaker.load(Ordering::Relaxed) != 0 {
            self.breaker_slow()?;
        }
        Ok(*budget == 0)
    }

    /// The rare part of the eval breaker: cancel and the time limit.
    pub(super) fn breaker_slow(&mut self) -> PyResult<()> {
        self.ticks = super::TICKS_PER_CHECK;
        self.recursion_limit = self.interp.recursion_limit.load(Ordering::Relaxed) as usize;
        let bits = self.breaker.load(Ordering::Relaxed);
        if bits & (crate::host::BREAK_CANCEL | crate::sched::BREAK_GIL) != 0 {
            let sched = self.interp.sched.clone();
            sched.serve_breaker(self, bits)?;
        }
        if self.interp.cancel.is_cancelled() {
            return Err(PyErr::Halt(crate::objects::exception::Halt::Cancelled));
        }
        if bits & super::BREAK_SLICE != 0 {
            self.breaker
                .fetch_and(!super::BREAK_SLICE, Ordering::Relaxed);
        }
        if let Some(limit) = self.interp.limits.time_ms
            && self.interp.host.now_ms() - self.interp.start_ms > limit
        {
            return Err(PyErr::Halt(crate::objects::exception::Halt::TimeLimit));
        }
        Ok(())
    }

    /// Steps back over a call whose budget check asked to leave, so that it
    /// runs when the thread resumes.
    pub(super) fn rewind_call(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.ip -= 1;
        }
    }

    /// `ForIter`: pushes the next item or leaves the loop. `true`: a
    /// generator's frame was pushed.
    #[inline]
    pub(super) fn for_iter(&mut self, exit: u32) -> PyResult<bool> {
        let Some(frame) = self.frames.last_mut() else {
            return Ok(false);
        };
        let Some(Value::Obj(iterator)) = frame.slots.last() else {
            return Err(PyErr::system_error("ForIter without an iterator"));
        };
        if let Object::Iter(Iter { kind }) = &**iterator {
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
                        frame.slots.push(Value::Int(value));
                    } else {
                        frame.slots.pop();
                        frame.ip = exit as usize;
                    }
                    return Ok(false);
                }
                IterKind::Seq { seq, index } => {
                    if let Object::List(items) = &**seq {
                        let i = crate::objects::iter::load(index);
                        let item = items.lock().get(i).cloned();
                        match item {
                            Some(value) => {
                                crate::objects::iter::store(index, i + 1);
                                frame.slots.push(value);
                            }
                            None => {
                                crate::objects::iter::store(index, usize::MAX / 2);
                                frame.slots.pop();
                                frame.ip = exit as usize;
                            }
                        }
                        return Ok(false);
                    }
                }
                _ => {}
            }
        }
        if let Object::Generator(_) = &**iterator {
            let generator = iterator.clone();
            if self.resume_on_stack(&generator, Value::None, Resume::ForIter(exit))? {
                return Ok(true);
            }
            self.leave_loop(exit);
            return Ok(false);
        }
        let iterator = Value::Obj(iterator.clone());
        match self.iter_next(&iterator)? {
            Some(value) => self.push(value),
            None => self.leave_loop(exit),
        }
        Ok(false)
    }

    pub(super) fn leave_loop(&mut self, exit: u32) {
        if let Some(frame) = self.frames.last_mut() {
            frame.slots.pop();
            frame.ip = exit as usize;
        }
    }

    /// Pops the returning frame and hands its value on as its kind says.
    pub(super) fn return_value(&mut self, value: Value, base: usize) -> PyResult<Control> {
        let leaving_base = self.frames.len() - 1 <= base;
        let Some(frame) = self.frames.pop() else {
            return Ok(Control::Exit(Exit::Returned(value)));
        };
        let namespace = frame.namespace;
        let kind = frame.kind;
        self.recycle_slots(frame.slots);
        match kind {
            FrameKind::Normal if !leaving_base => self.push(value),
            FrameKind::Normal | FrameKind::Native => {
                return Ok(Control::Exit(Exit::Returned(value)));
            }
            FrameKind::Discard if leaving_base => {
                return Ok(Control::Exit(Exit::Returned(Value::None)));
            }
            FrameKind::Discard => {}
            FrameKind::Init(instance) => {
                if !value.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        value.type_name()
                    )));
                }
                if leaving_base {
                    return Ok(Control::Exit(Exit::Returned(instance)));
                }
                self.push(instance);
            }
            FrameKind::ClassBody(state) => {
                let Some(namespace) = namespace else {
                    return Err(PyErr::system_error("class body without a namespace"));
                };
                let class = self.finish_class(*state, namespace, value)?;
                if leaving_base {
                    return Ok(Control::Exit(Exit::Returned(class)));
                }
                self.push(class);
            }
            FrameKind::Generator(gen_obj, mode) => {
                super::generator::mark_finished(&gen_obj);
                match mode {
                    Resume::Native => return Ok(Control::Exit(Exit::Returned(value))),
                    Resume::ForIter(exit) => self.leave_loop(exit),
                    Resume::Send(exit) => {
                        if let Some(caller) = self.frames.last_mut() {
                            caller.slots.pop();
                            caller.slots.pop();
                            caller.slots.push(value);
                            caller.ip = exit as usize;
                        }
                    }
                }
            }
        }
        Ok(Control::Switch)
    }

    /// Suspends the top (generator) frame and hands the value to its caller.
    pub(super) fn yield_value(&mut self, value: Value) -> PyResult<Control> {
        let Some(frame) = self.frames.pop() else {
            return Err(PyErr::system_error("yield without a frame"));
        };
        let FrameKind::Generator(gen_obj, mode) = &frame.kind else {
            return Err(PyErr::system_error("yield outside a generator frame"));
        };
        let (gen_obj, mode) = (gen_obj.clone(), *mode);
        super::generator::suspend(&gen_obj, frame);
        match mode {
            Resume::Native => return Ok(Control::Exit(Exit::Yielded(value))),
            Resume::ForIter(_) => self.push(value),
            Resume::Send(_) => {
                if let Some(caller) = self.frames.last_mut() {
                    caller.slots.pop();
                    caller.slots.push(value);
                }
            }
        }
        Ok(Control::Switch)
    }
}

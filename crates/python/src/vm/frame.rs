//! Frames: one activation of a code object, kept on the thread's explicit
//! frame stack (never on Rust's), so that any frame can stop and resume.

use crate::compile::Code;
use crate::objects::{ObjRef, Value};
use std::sync::Arc;

/// A `try`/`with` block: where its handler is and how deep the value stack
/// was when it started.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    /// The handler's instruction.
    pub handler: u32,
    /// The value stack's depth (in slots) at the block's start.
    pub depth: u32,
}

/// What happens to a frame's result when it returns (or raises).
#[derive(Debug)]
pub enum FrameKind {
    /// The result goes on the caller's value stack.
    Normal,
    /// The result goes back to Rust: a nested dispatch loop (or `run`'s
    /// caller) waits for it.
    Native,
    /// An `__init__` called by a class call: `None` is checked, and the new
    /// instance goes on the caller's stack.
    Init(Value),
    /// A property's setter run by `obj.name = value`: the result is dropped.
    Discard,
    /// A class body: its namespace becomes a class.
    ClassBody(Box<ClassBodyState>),
    /// A generator's frame, resumed from the caller as `mode` says.
    Generator(ObjRef, Resume),
}

/// What a class body needs to build its class once it returns.
#[derive(Debug)]
pub struct ClassBodyState {
    /// The class's name.
    pub name: Value,
    /// The bases.
    pub bases: Vec<Value>,
    /// Keywords of the class statement.
    pub keywords: Vec<(Value, Value)>,
}

/// How a generator was resumed, which says where its yield or return goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume {
    /// By a `for` loop's `ForIter` whose exit is at this instruction.
    ForIter(u32),
    /// By `Send` (`yield from`, `await`) whose exit is at this instruction.
    Send(u32),
    /// By Rust (`next()`, `send()` called from a builtin).
    Native,
}

/// One activation.
#[derive(Debug)]
pub struct Frame {
    /// What the frame runs: a function (owned, so that a call moves it
    /// in instead of counting references to its code and globals), or a
    /// module or class body's code.
    pub source: FrameSource,
    /// The next instruction.
    pub ip: usize,
    /// Fast locals, cells, free variables, then the value stack.
    pub slots: Vec<Value>,
    /// The local namespace of module and class bodies.
    pub namespace: Option<ObjRef>,
    /// Active `try`/`with` blocks, innermost last.
    pub blocks: Vec<Block>,
    /// The exception being handled in this frame (`Null`: none).
    pub handled: Value,
    /// Where the result goes.
    pub kind: FrameKind,
}

/// What a frame runs.
#[derive(Debug)]
pub enum FrameSource {
    /// A Python function (an `Object::Function`).
    Function(ObjRef),
    /// Module or class-body code, with its globals.
    Code(Arc<Code>, ObjRef),
}

impl FrameSource {
    /// The source of a function's frame (`func` must be a function).
    pub fn function(func: ObjRef) -> FrameSource {
        FrameSource::Function(func)
    }
}

impl Frame {
    /// The code being run.
    #[inline(always)]
    pub fn code(&self) -> &Arc<Code> {
        match &self.source {
            FrameSource::Function(func) => match &**func {
                crate::objects::Object::Function(f) => &f.code,
                _ => empty_code(),
            },
            FrameSource::Code(code, _) => code,
        }
    }

    /// The module namespace it reads globals from.
    #[inline(always)]
    pub fn globals(&self) -> &ObjRef {
        match &self.source {
            FrameSource::Function(func) => match &**func {
                crate::objects::Object::Function(f) => &f.globals,
                _ => func,
            },
            FrameSource::Code(_, globals) => globals,
        }
    }

    /// The number of slots before the value stack.
    #[inline]
    pub fn stack_base(&self) -> usize {
        self.code().slot_count()
    }

    /// The current source line.
    pub fn line(&self) -> u32 {
        self.code().line_of(self.ip.saturating_sub(1))
    }
}

/// A code object with no instruction, for a frame whose function is not one
/// (which the VM never builds).
fn empty_code() -> &'static Arc<Code> {
    static EMPTY: std::sync::OnceLock<Arc<Code>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| {
        Arc::new(Code {
            name: "<none>".into(),
            qualname: "<none>".into(),
            filename: "<none>".into(),
            first_line: 0,
            ops: Box::new([]),
            positions: Box::new([]),
            consts: Box::new([]),
            names: Box::new([]),
            varnames: Box::new([]),
            cellvars: Box::new([]),
            freevars: Box::new([]),
            cell_params: Box::new([]),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: crate::compile::CodeFlags::default(),
            max_stack: 0,
            docstring: false,
            plain_call: false,
        })
    })
}

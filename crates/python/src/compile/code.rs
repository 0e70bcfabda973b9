//! Code objects: the bytecode of one function, class body or module.
//!
//! One [`Op`] enum (with its operand inline), a constant table, a name table,
//! and a position table giving, per instruction, the line and column range of
//! the source it came from (tracebacks draw their carets from it; the lab
//! shows each thread's current line from it).
//!
//! A frame's slots are laid out as: fast locals (`varnames`, parameters
//! first), then cells (`cellvars`), then free variables (`freevars`), then
//! the value stack. `LoadDeref(i)` addresses the cells and free variables
//! counted from the first cell.

use crate::objects::Value;
use std::sync::Arc;

/// Which binary operator (also the augmented ones: `inplace` is separate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOpKind {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `@`
    MatMul,
    /// `/`
    TrueDiv,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
}

/// Which rich comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpKind {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// Which unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnaryKind {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `not x`
    Not,
}

/// One instruction. Jump targets are instruction indices; `u32` operands
/// index the code's tables as their names say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// Does nothing (a line marker).
    Nop,
    /// Drops the top of the stack.
    PopTop,
    /// Pushes a copy of the n-th item from the top (1 is the top).
    Copy(u32),
    /// Swaps the top with the n-th item from the top.
    Swap(u32),
    /// Pushes `consts[i]`.
    LoadConst(u32),
    /// Pushes fast local `i`, or raises `UnboundLocalError`.
    LoadFast(u32),
    /// Pops into fast local `i`.
    StoreFast(u32),
    /// Unbinds fast local `i`.
    DeleteFast(u32),
    /// Pushes the value in cell `i`.
    LoadDeref(u32),
    /// Pops into cell `i`.
    StoreDeref(u32),
    /// Empties cell `i`.
    DeleteDeref(u32),
    /// Pushes cell `i` itself (to build a closure).
    LoadClosure(u32),
    /// In a class body: the name in the namespace if there, else cell `i`.
    LoadClassDeref(u32),
    /// Pushes global `names[i]` (or the builtin).
    LoadGlobal(u32),
    /// Pops into global `names[i]`.
    StoreGlobal(u32),
    /// Deletes global `names[i]`.
    DeleteGlobal(u32),
    /// Pushes `names[i]` from the local namespace, globals, then builtins.
    LoadName(u32),
    /// Pops into `names[i]` of the local namespace.
    StoreName(u32),
    /// Deletes `names[i]` from the local namespace.
    DeleteName(u32),
    /// Replaces the top with its attribute `names[i]`.
    LoadAttr(u32),
    /// `TOS.names[i] = TOS1`.
    StoreAttr(u32),
    /// `del TOS.names[i]`.
    DeleteAttr(u32),
    /// Replaces the top with `[method, self]`, or `[attribute, Null]`.
    LoadMethod(u32),
    /// Calls `[method, self_or_null, args...]` with `n` positional args.
    CallMethod(u32),
    /// Calls `[callable, args...]` with `n` positional args.
    Call(u32),
    /// Calls `[callable, args..., kwvalues..., kwnames]` with `n` args in all
    /// (the last `len(kwnames)` are keywords).
    CallKw(u32),
    /// Calls `[callable, args_tuple, kwargs_dict_or_null]`.
    CallEx,
    /// `TOS1[TOS]`.
    BinarySubscr,
    /// `TOS1[TOS] = TOS2`.
    StoreSubscr,
    /// `del TOS1[TOS]`.
    DeleteSubscr,
    /// A binary operator.
    BinaryOp(BinOpKind),
    /// An augmented assignment's operator (`__iadd__` first).
    InplaceOp(BinOpKind),
    /// A unary operator.
    UnaryOp(UnaryKind),
    /// A rich comparison.
    CompareOp(CmpKind),
    /// `is` (`true`: `is not`).
    IsOp(bool),
    /// `in` (`true`: `not in`).
    ContainsOp(bool),
    /// Jumps.
    Jump(u32),
    /// Pops; jumps if falsy.
    PopJumpIfFalse(u32),
    /// Pops; jumps if truthy.
    PopJumpIfTrue(u32),
    /// Jumps if falsy (keeping it), else pops.
    JumpIfFalseOrPop(u32),
    /// Jumps if truthy (keeping it), else pops.
    JumpIfTrueOrPop(u32),
    /// Compares the top two values and jumps if the result is falsy
    /// (`CompareOp` then `PopJumpIfFalse`, fused).
    CompareJumpIfFalse(CmpKind, u32),
    /// Compares the top two values and jumps if the result is truthy.
    CompareJumpIfTrue(CmpKind, u32),
    /// Pops; jumps if `None`.
    PopJumpIfNone(u32),
    /// Pops; jumps if not `None`.
    PopJumpIfNotNone(u32),
    /// Replaces the top with `iter(TOS)`.
    GetIter,
    /// Pushes the next item of the iterator on top, or pops it and jumps.
    ForIter(u32),
    /// Builds a tuple from the top `n` items.
    BuildTuple(u32),
    /// Builds a list from the top `n` items.
    BuildList(u32),
    /// Builds a set from the top `n` items.
    BuildSet(u32),
    /// Builds a dict from the top `2n` items (key, value, key, value…).
    BuildMap(u32),
    /// Builds a dict from `n` values and a tuple of keys on top.
    BuildConstKeyMap(u32),
    /// Joins the top `n` strings.
    BuildString(u32),
    /// Builds a slice from the top 2 or 3 items.
    BuildSlice(u32),
    /// Appends TOS to the list `n` below it (comprehensions).
    ListAppend(u32),
    /// Adds TOS to the set `n` below it.
    SetAdd(u32),
    /// Sets `d[TOS1] = TOS` in the dict `n` below them.
    MapAdd(u32),
    /// Extends the list `n` below TOS with TOS.
    ListExtend(u32),
    /// Updates the set `n` below TOS with TOS.
    SetUpdate(u32),
    /// Updates the dict `n` below TOS with TOS.
    DictUpdate(u32),
    /// Like `DictUpdate` for `**kwargs`, refusing duplicate keys.
    DictMerge(u32),
    /// Replaces a list on top with a tuple of its items.
    ListToTuple,
    /// Formats TOS (bit 0-1: conversion none/str/repr/ascii; bit 2: a spec is on top).
    FormatValue(u32),
    /// Unpacks TOS into exactly `n` items, the first on top.
    UnpackSequence(u32),
    /// Unpacks with a starred target: low byte before it, high bytes after.
    UnpackEx(u32),
    /// Builds a function from a code object (and, by flag: 1 defaults tuple,
    /// 2 keyword defaults dict, 8 closure tuple).
    MakeFunction(u32),
    /// Runs a class body function: `[body, name, bases_tuple, kwargs_dict]`.
    BuildClass,
    /// Returns TOS.
    ReturnValue,
    /// Yields TOS; the sent value is pushed on resume.
    YieldValue,
    /// Replaces TOS with the iterator `yield from` delegates to.
    GetYieldFromIter,
    /// Replaces TOS with the iterator `await` delegates to.
    GetAwaitable,
    /// Sends TOS into the iterator below it; on its return, pops both,
    /// pushes the result and jumps.
    Send(u32),
    /// Starts a block whose exceptions go to the handler.
    SetupFinally(u32),
    /// Starts a `with` block: like `SetupFinally`, but the handler's stack
    /// leaves out the `__enter__` result on top (popped or stored next),
    /// keeping only the `__exit__` below it.
    SetupWith(u32),
    /// Ends the innermost block.
    PopBlock,
    /// At a handler's start: `[exc]` becomes `[previous_handled, exc]`.
    PushExcInfo,
    /// Pops the saved exception back into the frame's handled state.
    PopExcept,
    /// `[prev, exc, new]`: restores `prev` and raises `new` again.
    PopExceptReraise,
    /// Raises TOS again, keeping its traceback.
    Reraise,
    /// `raise` (0), `raise x` (1), `raise x from y` (2).
    RaiseVarargs(u32),
    /// `[exc, type]` → `[exc, matches]`.
    CheckExcMatch,
    /// `[mgr]` → `[exit, result_of_enter]`.
    BeforeWith,
    /// `[exit, …, exc]` → `[exit, …, exc, exit(type, exc, tb)]`.
    WithExceptStart,
    /// `[mgr]` → `[aexit, awaitable_of_aenter]`.
    BeforeAsyncWith,
    /// Pushes `__import__(names[i])` with the fromlist on top and level below.
    ImportName(u32),
    /// Pushes attribute `names[i]` of the module on top.
    ImportFrom(u32),
    /// `from module import *`.
    ImportStar,
    /// Pushes `AssertionError`.
    LoadAssertionError,
    /// Creates `__annotations__` in the local namespace.
    SetupAnnotations,
    /// Marks the start of a generator's body (raises what `throw` sent).
    GenStart,
    /// `LoadFast(a)` then `LoadFast(b)` (fused by the peephole pass).
    LoadFastFast(u16, u16),
    /// `LoadFast(a)` then `LoadConst(c)`.
    LoadFastConst(u16, u16),
    /// `a op b` for two fast locals, without pushing them.
    BinaryOpFastFast(u16, u16, BinOpKind),
    /// `a op c` for a fast local and a constant.
    BinaryOpFastConst(u16, u16, BinOpKind),
    /// `a[c]` for a fast local and a constant.
    SubscrFastConst(u16, u16),
    /// `a op= c` stored back into the fast local `a`.
    InplaceFastConst(u16, u16, BinOpKind),
    /// Pops into `a[c]` for a fast local `a` and a constant `c` (the end of
    /// `a[c] op= value`).
    StoreSubscrFastConst(u16, u16),
    /// Pushes `iter.__anext__()` awaitable for `async for`.
    GetANext,
    /// Replaces an async iterable with `__aiter__()`.
    GetAIter,
    /// At `async for`'s end: a `StopAsyncIteration` ends the loop.
    EndAsyncFor,
}

/// Where an instruction comes from in the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// First line, from 1 (0: none).
    pub line: u32,
    /// Last line.
    pub end_line: u32,
    /// First column, in characters.
    pub col: u32,
    /// Column just past the end, on the last line.
    pub end_col: u32,
}

/// What kind of code object this is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags {
    /// Takes `*args`.
    pub varargs: bool,
    /// Takes `**kwargs`.
    pub varkeywords: bool,
    /// Calling it makes a generator.
    pub generator: bool,
    /// Calling it makes a coroutine (`async def`).
    pub coroutine: bool,
    /// An async generator.
    pub async_generator: bool,
    /// Module or class body: names live in a dict.
    pub uses_namespace: bool,
}

/// A compiled unit of code.
#[derive(Debug)]
pub struct Code {
    /// `co_name`: the function's name, `<module>`, `<listcomp>`…
    pub name: Arc<str>,
    /// `co_qualname`.
    pub qualname: Arc<str>,
    /// The file name tracebacks print.
    pub filename: Arc<str>,
    /// The line of `def` (or 1).
    pub first_line: u32,
    /// The instructions.
    pub ops: Box<[Op]>,
    /// One position per instruction.
    pub positions: Box<[Position]>,
    /// Constants.
    pub consts: Box<[Value]>,
    /// Names (interned `str` values) of globals, attributes and imports.
    pub names: Box<[Value]>,
    /// Fast locals, parameters first.
    pub varnames: Box<[Arc<str>]>,
    /// Locals that inner functions capture.
    pub cellvars: Box<[Arc<str>]>,
    /// Variables captured from enclosing functions.
    pub freevars: Box<[Arc<str>]>,
    /// For each cell: the parameter it starts from, if it is one.
    pub cell_params: Box<[Option<u32>]>,
    /// Positional parameters (including positional-only).
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// Kind flags.
    pub flags: CodeFlags,
    /// The deepest the value stack gets.
    pub max_stack: u32,
    /// Whether `consts[0]` is the docstring.
    pub docstring: bool,
    /// Whether a call can take the fast path: positional parameters only,
    /// no cells, not a generator or coroutine.
    pub plain_call: bool,
}

impl Code {
    /// Slots a frame needs before its value stack.
    #[inline]
    pub fn slot_count(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// The line of instruction `ip` (0 when unknown).
    pub fn line_of(&self, ip: usize) -> u32 {
        self.positions.get(ip).map_or(0, |p| p.line)
    }

    /// The name of cell-or-free slot `i`.
    pub fn deref_name(&self, i: usize) -> &str {
        self.cellvars
            .get(i)
            .or_else(|| self.freevars.get(i - self.cellvars.len().min(i)))
            .map_or("?", |name| name)
    }

    /// Total parameter slots (positional, keyword-only, `*args`, `**kwargs`).
    pub fn param_count(&self) -> usize {
        (self.argcount
            + self.kwonlyargcount
            + self.flags.varargs as u32
            + self.flags.varkeywords as u32) as usize
    }
}

impl Code {
    /// A readable listing of the instructions, nested code objects after
    /// (for debugging and for the compiler's tests).
    pub fn disassemble(&self) -> String {
        let mut out = format!("code {} ({} slots)\n", self.qualname, self.slot_count());
        for (i, op) in self.ops.iter().enumerate() {
            let line = self.positions.get(i).map_or(0, |p| p.line);
            out.push_str(&format!("{i:4} L{line:<4} {op:?}\n"));
        }
        for constant in self.consts.iter() {
            if let Value::Obj(obj) = constant
                && let crate::objects::Object::Code(inner) = &**obj
            {
                out.push_str(&inner.disassemble());
            }
        }
        out
    }
}

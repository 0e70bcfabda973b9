//! The compiler: syntax tree → code objects.
//!
//! `symtable.rs` resolves every name to its scope; the code generator then
//! walks the tree once per code object (module, class body, function,
//! lambda, comprehension), emitting [`Op`]s with a position each. Files:
//! `stmt.rs` (statements and control flow), `expr.rs` (expressions),
//! `target.rs` (assignment targets), `function.rs` (functions, lambdas,
//! classes, comprehensions), `handlers.rs` (`try`, `with`, and the unwinding
//! that `return`/`break`/`continue` do through them).
//!
//! Exceptions use a block stack: `SetupFinally` pushes a handler, `PopBlock`
//! pops it; `finally` bodies are compiled inline at every exit, as CPython's
//! compiler does.

mod code;
mod expr;
mod function;
mod handlers;
mod peephole;
mod stmt;
pub mod symtable;
mod target;
#[cfg(test)]
mod tests;

pub use code::{BinOpKind, CmpKind, Code, CodeFlags, Op, Position, UnaryKind};

use crate::ast::{self, Range};
use crate::objects::names::intern;
use crate::objects::{Object, Value};
use std::collections::HashMap;
use std::sync::Arc;
use symtable::{Resolution, ScopeKind, SymbolTable};

/// An error found while compiling (CPython reports these as `SyntaxError`).
#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    /// The message.
    pub message: String,
    /// Where.
    pub range: Range,
}

/// Compiles a module.
pub fn compile_module(module: &ast::Module, filename: &str) -> Result<Arc<Code>, CompileError> {
    let table = symtable::build(module)?;
    let mut compiler = Compiler {
        table: &table,
        filename: filename.into(),
        units: Vec::new(),
    };
    compiler.push_unit(0, "<module>".into(), "<module>".into(), 1);
    compiler.docstring_to_namespace(&module.body)?;
    compiler.stmts(&module.body)?;
    compiler.emit_const(Value::None);
    compiler.emit(Op::ReturnValue);
    compiler.pop_unit()
}

/// Compiles a module made of one expression, returning its value (`eval`).
pub fn compile_eval(module: &ast::Module, filename: &str) -> Result<Arc<Code>, CompileError> {
    let [statement] = module.body.as_slice() else {
        return Err(error("invalid syntax", Range::default()));
    };
    let ast::StmtKind::Expr(expr) = &statement.kind else {
        return Err(error("invalid syntax", statement.range));
    };
    let table = symtable::build(module)?;
    let mut compiler = Compiler {
        table: &table,
        filename: filename.into(),
        units: Vec::new(),
    };
    compiler.push_unit(0, "<module>".into(), "<module>".into(), 1);
    compiler.expr(expr)?;
    compiler.emit(Op::ReturnValue);
    compiler.pop_unit()
}

/// One enclosing loop, `try` or `with`, for `break`, `continue` and
/// `return` to unwind through.
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    /// A loop (`for_loop`: its iterator is on the stack).
    Loop {
        /// Where `continue` goes.
        continue_label: usize,
        /// Where `break` goes.
        break_label: usize,
        /// A `for` (not `while`) loop.
        for_loop: bool,
    },
    /// The body of a `try` with handlers: one block to pop.
    TryExcept,
    /// The body of a `try` with `finally`: pop the block and run it.
    Finally(&'a [ast::Stmt]),
    /// An `except` handler's body, or a `finally` body run for an
    /// exception: `[prev, exc]` on the stack and a cleanup block (two with
    /// a named handler).
    Handler(Option<ast::Name>),
    /// The body of a `with`: `[exit]` on the stack and a block.
    With(bool),
}

/// A code object being built.
pub(crate) struct Unit<'a> {
    scope: usize,
    name: Arc<str>,
    qualname: Arc<str>,
    first_line: u32,
    ops: Vec<Op>,
    positions: Vec<Position>,
    consts: Vec<Value>,
    names: Vec<Value>,
    name_index: HashMap<Arc<str>, u32>,
    varnames: Vec<Arc<str>>,
    cellvars: Vec<Arc<str>>,
    freevars: Vec<Arc<str>>,
    labels: Vec<Option<u32>>,
    fblocks: Vec<FBlock<'a>>,
    position: Position,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: CodeFlags,
    docstring: bool,
}

pub(crate) struct Compiler<'a> {
    table: &'a SymbolTable,
    filename: Arc<str>,
    units: Vec<Unit<'a>>,
}

fn position_of(range: Range) -> Position {
    Position {
        line: range.start.line,
        end_line: range.end.line,
        col: range.start.col,
        end_col: range.end.col,
    }
}

pub(crate) fn error(message: impl Into<String>, range: Range) -> CompileError {
    CompileError {
        message: message.into(),
        range,
    }
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub(crate) fn scope(&self) -> &'a symtable::Scope {
        &self.table.scopes[self.unit_ref().scope]
    }

    pub(crate) fn push_unit(
        &mut self,
        scope: usize,
        name: Arc<str>,
        qualname: Arc<str>,
        first_line: u32,
    ) {
        let s = &self.table.scopes[scope];
        let varnames: Vec<Arc<str>> = if matches!(s.kind, ScopeKind::Module | ScopeKind::Class) {
            Vec::new()
        } else {
            s.fast_locals()
                .into_iter()
                .filter(|n| !s.cellvars.contains(n) || s.params.contains(n))
                .collect()
        };
        self.units.push(Unit {
            scope,
            name,
            qualname,
            first_line,
            ops: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            cellvars: s.cellvars.clone(),
            freevars: s.freevars.clone(),
            labels: Vec::new(),
            fblocks: Vec::new(),
            position: Position {
                line: first_line,
                end_line: first_line,
                col: 0,
                end_col: 0,
            },
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags {
                uses_namespace: matches!(s.kind, ScopeKind::Module | ScopeKind::Class),
                ..CodeFlags::default()
            },
            docstring: false,
        });
    }

    pub(crate) fn pop_unit(&mut self) -> Result<Arc<Code>, CompileError> {
        let Some(mut unit) = self.units.pop() else {
            return Err(error(
                "internal error: no code object to finish",
                Range::default(),
            ));
        };
        peephole::optimize(&mut unit.ops, &mut unit.positions, &mut unit.labels);
        let labels = unit.labels;
        let resolve = |label: u32| labels.get(label as usize).copied().flatten().unwrap_or(0);
        let ops: Vec<Op> = unit
            .ops
            .into_iter()
            .map(|op| match op {
                Op::Jump(l) => Op::Jump(resolve(l)),
                Op::PopJumpIfFalse(l) => Op::PopJumpIfFalse(resolve(l)),
                Op::PopJumpIfTrue(l) => Op::PopJumpIfTrue(resolve(l)),
                Op::JumpIfFalseOrPop(l) => Op::JumpIfFalseOrPop(resolve(l)),
                Op::JumpIfTrueOrPop(l) => Op::JumpIfTrueOrPop(resolve(l)),
                Op::PopJumpIfNone(l) => Op::PopJumpIfNone(resolve(l)),
                Op::PopJumpIfNotNone(l) => Op::PopJumpIfNotNone(resolve(l)),
                Op::ForIter(l) => Op::ForIter(resolve(l)),
                Op::SetupFinally(l) => Op::SetupFinally(resolve(l)),
                Op::SetupWith(l) => Op::SetupWith(resolve(l)),
                Op::Send(l) => Op::Send(resolve(l)),
                Op::CompareJumpIfFalse(k, l) => Op::CompareJumpIfFalse(k, resolve(l)),
                Op::CompareJumpIfTrue(k, l) => Op::CompareJumpIfTrue(k, resolve(l)),
                other => other,
            })
            .collect();
        let cell_params = unit
            .cellvars
            .iter()
            .map(|c| unit.varnames.iter().position(|v| v == c).map(|p| p as u32))
            .collect();
        let max_stack = 16 + (ops.len() as u32 / 8).min(48);
        let no_cells = unit.cellvars.is_empty();
        Ok(Arc::new(Code {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.clone(),
            first_line: unit.first_line,
            ops: ops.into_boxed_slice(),
            positions: unit.positions.into_boxed_slice(),
            consts: unit.consts.into_boxed_slice(),
            names: unit.names.into_boxed_slice(),
            varnames: unit.varnames.into_boxed_slice(),
            cellvars: unit.cellvars.into_boxed_slice(),
            freevars: unit.freevars.into_boxed_slice(),
            cell_params,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags: unit.flags,
            max_stack,
            docstring: unit.docstring,
            plain_call: no_cells
                && !unit.flags.varargs
                && !unit.flags.varkeywords
                && !unit.flags.generator
                && !unit.flags.coroutine
                && !unit.flags.async_generator
                && unit.kwonlyargcount == 0,
        }))
    }

    /// Emits an instruction at the current position; returns its index.
    pub(crate) fn emit(&mut self, op: Op) -> usize {
        let unit = self.unit();
        let position = unit.position;
        unit.ops.push(op);
        unit.positions.push(position);
        unit.ops.len() - 1
    }

    /// Sets the position of the instructions emitted next.
    pub(crate) fn set_range(&mut self, range: Range) {
        if range.start.line > 0 {
            self.unit().position = position_of(range);
        }
    }

    /// The current position (to restore it after a sub-expression).
    pub(crate) fn position(&self) -> Position {
        self.unit_ref().position
    }

    /// Restores a position saved with [`Compiler::position`].
    pub(crate) fn restore(&mut self, position: Position) {
        self.unit().position = position;
    }

    /// A new label (a jump target not placed yet).
    pub(crate) fn label(&mut self) -> usize {
        let unit = self.unit();
        unit.labels.push(None);
        unit.labels.len() - 1
    }

    /// Places a label at the next instruction.
    pub(crate) fn bind(&mut self, label: usize) {
        let unit = self.unit();
        let here = unit.ops.len() as u32;
        unit.labels[label] = Some(here);
    }

    /// Adds a constant, returning its index.
    pub(crate) fn add_const(&mut self, value: Value) -> u32 {
        let unit = self.unit();
        if let Some(i) = unit.consts.iter().position(|c| same_constant(c, &value)) {
            return i as u32;
        }
        unit.consts.push(value);
        (unit.consts.len() - 1) as u32
    }

    /// Emits `LoadConst`.
    pub(crate) fn emit_const(&mut self, value: Value) {
        let i = self.add_const(value);
        self.emit(Op::LoadConst(i));
    }

    /// The index of a name in the name table.
    pub(crate) fn name_index(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        if let Some(&i) = unit.name_index.get(name) {
            return i;
        }
        let i = unit.names.len() as u32;
        unit.names.push(intern(name));
        unit.name_index.insert(name.into(), i);
        i
    }

    /// The slot of a fast local.
    pub(crate) fn varname_index(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        if let Some(i) = unit.varnames.iter().position(|v| v.as_ref() == name) {
            return i as u32;
        }
        unit.varnames.push(name.into());
        (unit.varnames.len() - 1) as u32
    }

    /// The cell-or-free index of a captured variable.
    pub(crate) fn deref_index(&mut self, name: &str) -> u32 {
        let unit = self.unit_ref();
        if let Some(i) = unit.cellvars.iter().position(|c| c.as_ref() == name) {
            return i as u32;
        }
        if let Some(i) = unit.freevars.iter().position(|c| c.as_ref() == name) {
            return (unit.cellvars.len() + i) as u32;
        }
        let unit = self.unit();
        unit.freevars.push(name.into());
        (unit.cellvars.len() + unit.freevars.len() - 1) as u32
    }

    /// How a name resolves in the current scope.
    pub(crate) fn resolve(&self, name: &str) -> Resolution {
        let scope = self.scope();
        if scope.cellvars.iter().any(|c| c.as_ref() == name)
            && !matches!(scope.kind, ScopeKind::Class)
        {
            return Resolution::Cell;
        }
        scope.resolve(name)
    }

    /// Pushes an enclosing-block record.
    pub(crate) fn push_fblock(&mut self, block: FBlock<'a>) {
        self.unit().fblocks.push(block);
    }

    /// Pops the innermost enclosing-block record.
    pub(crate) fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// The code object value for a finished unit.
    pub(crate) fn code_value(code: Arc<Code>) -> Value {
        Value::obj(Object::Code(code))
    }

    /// The `__qualname__` prefix for definitions inside the current unit.
    pub(crate) fn qualname_for(&self, name: &str) -> String {
        let unit = self.unit_ref();
        match self.scope().kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", unit.qualname),
            _ => format!("{}.<locals>.{name}", unit.qualname),
        }
    }

    fn docstring_to_namespace(&mut self, body: &[ast::Stmt]) -> Result<(), CompileError> {
        if let Some(doc) = docstring(body) {
            self.emit_const(Value::str(doc));
            let i = self.name_index("__doc__");
            let op = if self.scope().kind == ScopeKind::Module {
                Op::StoreGlobal(i)
            } else {
                Op::StoreName(i)
            };
            self.emit(op);
        }
        Ok(())
    }
}

/// The docstring of a body, if it starts with one.
pub(crate) fn docstring(body: &[ast::Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(ast::StmtKind::Expr(ast::Expr {
            kind: ast::ExprKind::Constant(ast::Constant::Str(text)),
            ..
        })) => Some(text),
        _ => None,
    }
}

/// Whether two constants may share a slot (same type and value).
fn same_constant(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
            (Object::Str(s), Object::Str(t)) => s.as_str() == t.as_str(),
            _ => Arc::ptr_eq(x, y),
        },
        _ => false,
    }
}

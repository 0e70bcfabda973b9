//! The syntax tree: what the parser produces and the compiler consumes.
//!
//! It follows the shape of CPython's `ast` module (same node names, same
//! fields) for the part of Python that Threadline runs, so that a reader of
//! CPython's documentation recognises every node. Every statement and
//! expression carries where it starts and ends in the source, which the
//! compiler turns into the line table behind tracebacks, the caret lines under
//! a failing expression, and the lab's per-thread line markers.

use num_bigint::BigInt;
use std::sync::Arc;

/// A place in the source: 1-based line, 0-based column counted in
/// characters (not bytes), as an editor counts them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 0, in characters.
    pub col: u32,
}

/// Where a node starts and where it ends (the end is exclusive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Range {
    /// The first character of the node.
    pub start: Pos,
    /// Just past its last character.
    pub end: Pos,
}

/// An identifier. Shared, since the compiler copies names into many tables.
pub type Name = Arc<str>;

/// A whole program (CPython's `ast.Module`).
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// Its statements, in order.
    pub body: Vec<Stmt>,
}

/// A statement and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// Its extent in the source.
    pub range: Range,
    /// What it is.
    pub kind: StmtKind,
}

/// The statements of the language subset (PYTHON.md section 1).
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `def` or `async def`.
    FunctionDef(Box<FunctionDef>),
    /// `class`.
    ClassDef(Box<ClassDef>),
    /// `return` with an optional value.
    Return(Option<Expr>),
    /// `del a, b[0], c.d`.
    Delete(Vec<Expr>),
    /// `a = b = value`: every target gets the value, left to right.
    Assign {
        /// The targets, in source order.
        targets: Vec<Expr>,
        /// The value.
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The operator.
        op: BinOp,
        /// The right-hand side.
        value: Expr,
    },
    /// `target: annotation` or `target: annotation = value`.
    AnnAssign {
        /// The target.
        target: Expr,
        /// The annotation (evaluated only where CPython evaluates it).
        annotation: Expr,
        /// The value, if any.
        value: Option<Expr>,
        /// Whether the target is a plain name not in parentheses (the
        /// annotation then goes into `__annotations__`).
        simple: bool,
    },
    /// `for` or `async for`, with its `else`.
    For {
        /// The loop variable(s).
        target: Expr,
        /// What is iterated.
        iter: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
        /// `async for`.
        is_async: bool,
    },
    /// `while`, with its `else`.
    While {
        /// The condition.
        test: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `if`; an `elif` is an `If` alone in `orelse`.
    If {
        /// The condition.
        test: Expr,
        /// The branch taken when it holds.
        body: Vec<Stmt>,
        /// The `elif`/`else` branch.
        orelse: Vec<Stmt>,
    },
    /// `with a as x, b:` or `async with`.
    With {
        /// The context managers, entered left to right.
        items: Vec<WithItem>,
        /// The block.
        body: Vec<Stmt>,
        /// `async with`.
        is_async: bool,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        /// The exception; `None` re-raises the one being handled.
        exc: Option<Expr>,
        /// The `from` clause.
        cause: Option<Expr>,
    },
    /// `try` with handlers, `else` and `finally`.
    Try {
        /// The guarded block.
        body: Vec<Stmt>,
        /// The `except` clauses, in order.
        handlers: Vec<ExceptHandler>,
        /// Runs when the body raised nothing.
        orelse: Vec<Stmt>,
        /// Runs in every case.
        finalbody: Vec<Stmt>,
    },
    /// `assert test, msg`.
    Assert {
        /// The condition.
        test: Expr,
        /// The message.
        msg: Option<Expr>,
    },
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from .module import a as b` (`names` is a single `*` alias for a
    /// star import).
    ImportFrom {
        /// The module, `None` for `from . import x`.
        module: Option<Name>,
        /// What is imported.
        names: Vec<Alias>,
        /// How many leading dots.
        level: u32,
    },
    /// `global a, b`.
    Global(Vec<Name>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<Name>),
    /// An expression whose value is dropped.
    Expr(Expr),
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
}

/// `def name(args) -> returns:` with its decorators.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The function's name.
    pub name: Name,
    /// Its parameters.
    pub args: Arguments,
    /// Its body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first (applied last to first).
    pub decorators: Vec<Expr>,
    /// The return annotation.
    pub returns: Option<Expr>,
    /// `async def`.
    pub is_async: bool,
}

/// `class name(bases, keywords):` with its decorators.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// The class's name.
    pub name: Name,
    /// Base classes, in order.
    pub bases: Vec<Expr>,
    /// Keywords such as `metaclass=`.
    pub keywords: Vec<Keyword>,
    /// The class body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// A parameter list, as CPython's `ast.arguments` lays it out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arguments {
    /// Parameters before `/`.
    pub posonlyargs: Vec<Arg>,
    /// Ordinary parameters.
    pub args: Vec<Arg>,
    /// `*args`.
    pub vararg: Option<Arg>,
    /// Parameters after `*` or `*args`.
    pub kwonlyargs: Vec<Arg>,
    /// Defaults of `kwonlyargs`, one per parameter (`None`: required).
    pub kw_defaults: Vec<Option<Expr>>,
    /// `**kwargs`.
    pub kwarg: Option<Arg>,
    /// Defaults of the last `posonlyargs` + `args`.
    pub defaults: Vec<Expr>,
}

/// One parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    /// Its name.
    pub name: Name,
    /// Its annotation.
    pub annotation: Option<Expr>,
    /// Where it is written.
    pub range: Range,
}

/// `name=value` in a call or class statement; `**value` when `arg` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The keyword, or `None` for `**mapping`.
    pub arg: Option<Name>,
    /// The value.
    pub value: Expr,
    /// Where it is written.
    pub range: Range,
}

/// `a.b.c as d` in an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The dotted name (or `*`).
    pub name: Name,
    /// The `as` name.
    pub asname: Option<Name>,
    /// Where it is written.
    pub range: Range,
}

/// One `expr as target` of a `with`.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context manager.
    pub context_expr: Expr,
    /// Where `__enter__`'s result goes.
    pub optional_vars: Option<Expr>,
}

/// One `except Type as name:` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The type (or tuple of types); `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// The `as` name.
    pub name: Option<Name>,
    /// The handler's body.
    pub body: Vec<Stmt>,
    /// Where the clause is written.
    pub range: Range,
}

/// An expression and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// Its extent in the source.
    pub range: Range,
    /// What it is.
    pub kind: ExprKind,
}

/// The expressions of the language subset.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `a and b and c`, `a or b`.
    BoolOp {
        /// `and` or `or`.
        op: BoolOp,
        /// The operands, two or more.
        values: Vec<Expr>,
    },
    /// `target := value`.
    NamedExpr {
        /// A plain name.
        target: Box<Expr>,
        /// The value.
        value: Box<Expr>,
    },
    /// `left op right`.
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// The operator.
        op: BinOp,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `-x`, `+x`, `~x`, `not x`.
    UnaryOp {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `lambda args: body`.
    Lambda {
        /// Its parameters.
        args: Box<Arguments>,
        /// Its body.
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        /// The condition.
        test: Box<Expr>,
        /// Its value when the condition holds.
        body: Box<Expr>,
        /// Its value otherwise.
        orelse: Box<Expr>,
    },
    /// `{k: v, **other}`: a `None` key is a `**` spread of its value.
    Dict {
        /// Keys, `None` for a spread.
        keys: Vec<Option<Expr>>,
        /// Values, one per key.
        values: Vec<Expr>,
    },
    /// `{a, b, *rest}`.
    Set(Vec<Expr>),
    /// `[elt for ... in ... if ...]`.
    ListComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for` clauses, outermost first.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        /// The key.
        key: Box<Expr>,
        /// The value.
        value: Box<Expr>,
        /// The `for` clauses.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        /// The element.
        elt: Box<Expr>,
        /// The `for` clauses.
        generators: Vec<Comprehension>,
    },
    /// `await value`.
    Await(Box<Expr>),
    /// `yield` or `yield value`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `a < b <= c`: `ops` and `comparators` have the same length.
    Compare {
        /// The first operand.
        left: Box<Expr>,
        /// The operators.
        ops: Vec<CmpOp>,
        /// The operands after the first.
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`; `*seq` arguments are `Starred`.
    Call {
        /// What is called.
        func: Box<Expr>,
        /// Positional arguments.
        args: Vec<Expr>,
        /// Keyword arguments and `**mapping`s.
        keywords: Vec<Keyword>,
    },
    /// An f-string: its literal and formatted parts in order.
    JoinedStr(Vec<FStringPart>),
    /// A literal.
    Constant(Constant),
    /// `value.attr`.
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute's name.
        attr: Name,
    },
    /// `value[slice]`; `a[1:2, 3]` has a `Tuple` of a `Slice` and a constant.
    Subscript {
        /// The object.
        value: Box<Expr>,
        /// The index, key or slice.
        slice: Box<Expr>,
    },
    /// `*value` in a call, a display or an assignment target.
    Starred(Box<Expr>),
    /// A name.
    Name(Name),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `lower:upper:step`, only inside a subscript.
    Slice {
        /// The start.
        lower: Option<Box<Expr>>,
        /// The end.
        upper: Option<Box<Expr>>,
        /// The step.
        step: Option<Box<Expr>>,
    },
}

/// One part of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    /// Text, with escapes and doubled braces already resolved.
    Literal(String),
    /// `{value!conversion:format_spec}`.
    Formatted {
        /// The expression.
        value: Box<Expr>,
        /// `'r'`, `'s'` or `'a'`.
        conversion: Option<char>,
        /// The format spec, itself an f-string (`{x:>{width}}`).
        format_spec: Option<Vec<FStringPart>>,
        /// For `{x=}` and `{x = }`: the text before the value, as written
        /// (including the `=` and its spaces).
        debug_text: Option<String>,
    },
}

/// One `for target in iter if cond` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop variable(s).
    pub target: Expr,
    /// What is iterated.
    pub iter: Expr,
    /// The `if` filters.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}

/// A literal value.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True`, `False`.
    Bool(bool),
    /// An integer literal that fits in 64 bits.
    Int(i64),
    /// An integer literal that does not.
    BigInt(BigInt),
    /// A float literal.
    Float(f64),
    /// A string literal (adjacent literals already joined).
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// `...`.
    Ellipsis,
}

/// `and`, `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    /// `and`.
    And,
    /// `or`.
    Or,
}

/// The binary operators (also those of augmented assignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mult,
    /// `@`.
    MatMult,
    /// `/`.
    Div,
    /// `%`.
    Mod,
    /// `**`.
    Pow,
    /// `<<`.
    LShift,
    /// `>>`.
    RShift,
    /// `|`.
    BitOr,
    /// `^`.
    BitXor,
    /// `&`.
    BitAnd,
    /// `//`.
    FloorDiv,
}

/// The unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `~`.
    Invert,
    /// `not`.
    Not,
    /// `+`.
    UAdd,
    /// `-`.
    USub,
}

/// The comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`.
    Eq,
    /// `!=`.
    NotEq,
    /// `<`.
    Lt,
    /// `<=`.
    LtE,
    /// `>`.
    Gt,
    /// `>=`.
    GtE,
    /// `is`.
    Is,
    /// `is not`.
    IsNot,
    /// `in`.
    In,
    /// `not in`.
    NotIn,
}

//! The symbol table: which scope each name belongs to.
//!
//! A first walk over the tree records, per scope (module, class, function,
//! lambda, comprehension), the names it binds, uses and declares `global` or
//! `nonlocal`; a second pass resolves every name to a fast local, a cell, a
//! free variable, a global, or (in module and class bodies) the namespace,
//! as CPython's `symtable.c` does.

use super::CompileError;
use crate::ast::{self, Expr, ExprKind, Name, Range, Stmt, StmtKind};
use std::collections::HashMap;

/// The kind of a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module body.
    Module,
    /// A class body.
    Class,
    /// A `def`.
    Function,
    /// A `lambda`.
    Lambda,
    /// A comprehension or generator expression.
    Comprehension,
}

/// Where a name lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// A fast local of a function.
    Local,
    /// A local of a function that inner functions capture.
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere enclosing: a global or builtin.
    GlobalImplicit,
    /// Bound in a module or class body: its namespace dict.
    Namespace,
}

const BOUND: u8 = 1;
const PARAM: u8 = 2;
const USED: u8 = 4;
const GLOBAL: u8 = 8;
const NONLOCAL: u8 = 16;

/// One scope.
#[derive(Debug)]
pub struct Scope {
    /// Its kind.
    pub kind: ScopeKind,
    /// Its name (function or class name).
    pub name: Name,
    /// The enclosing scope.
    pub parent: Option<usize>,
    /// Names in order of first appearance, with their flags.
    names: Vec<(Name, u8)>,
    index: HashMap<Name, usize>,
    /// Parameters, in order.
    pub params: Vec<Name>,
    /// Whether it contains `yield`.
    pub generator: bool,
    /// Whether it is `async def`.
    pub coroutine: bool,
    /// How each name resolves (filled by the second pass).
    pub resolved: HashMap<Name, Resolution>,
    /// Cells, in order.
    pub cellvars: Vec<Name>,
    /// Free variables, in order.
    pub freevars: Vec<Name>,
    /// A class body some method of which uses `super` or `__class__`.
    pub needs_class_cell: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: Name, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            name,
            parent,
            names: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            generator: false,
            coroutine: false,
            resolved: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            needs_class_cell: false,
        }
    }

    fn flags(&self, name: &str) -> u8 {
        self.index.get(name).map_or(0, |&i| self.names[i].1)
    }

    fn add(&mut self, name: &Name, flag: u8) {
        match self.index.get(name) {
            Some(&i) => self.names[i].1 |= flag,
            None => {
                self.index.insert(name.clone(), self.names.len());
                self.names.push((name.clone(), flag));
            }
        }
    }

    fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }

    /// Locals that are plain fast locals (not cells), parameters first.
    pub fn fast_locals(&self) -> Vec<Name> {
        let mut out: Vec<Name> = self.params.clone();
        for (name, _) in &self.names {
            if matches!(
                self.resolved.get(name),
                Some(Resolution::Local | Resolution::Cell)
            ) && !out.contains(name)
            {
                out.push(name.clone());
            }
        }
        out
    }

    /// How a name resolves here.
    pub fn resolve(&self, name: &str) -> Resolution {
        if let Some(r) = self.resolved.get(name) {
            return *r;
        }
        match self.kind {
            ScopeKind::Module | ScopeKind::Class => Resolution::GlobalImplicit,
            _ => Resolution::GlobalImplicit,
        }
    }
}

/// All scopes of a module, and which tree node opens which scope.
#[derive(Debug)]
pub struct SymbolTable {
    /// The scopes; 0 is the module.
    pub scopes: Vec<Scope>,
    /// Scope of each function, class, lambda and comprehension node, keyed
    /// by the node's address.
    pub by_node: HashMap<usize, usize>,
}

/// The key of a node in [`SymbolTable::by_node`].
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Builds and resolves the symbol table of a module.
pub fn build(module: &ast::Module) -> Result<SymbolTable, CompileError> {
    let mut builder = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>".into(), None)],
            by_node: HashMap::new(),
        },
        current: 0,
    };
    for stmt in &module.body {
        builder.stmt(stmt)?;
    }
    let mut table = builder.table;
    resolve_all(&mut table)?;
    Ok(table)
}

struct Builder {
    table: SymbolTable,
    current: usize,
}

fn error(message: impl Into<String>, range: Range) -> CompileError {
    CompileError {
        message: message.into(),
        range,
    }
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.current]
    }

    fn bind(&mut self, name: &Name, range: Range) -> Result<(), CompileError> {
        let flags = self.scope().flags(name);
        if flags & GLOBAL != 0 || flags & NONLOCAL != 0 {
            self.scope().add(name, BOUND);
            return Ok(());
        }
        let _ = range;
        self.scope().add(name, BOUND);
        Ok(())
    }

    fn use_name(&mut self, name: &Name) {
        self.scope().add(name, USED);
        if name.as_ref() == "super" || name.as_ref() == "__class__" {
            self.mark_class_cell();
        }
    }

    fn mark_class_cell(&mut self) {
        let mut id = self.current;
        loop {
            let scope = &self.table.scopes[id];
            if scope.kind == ScopeKind::Class {
                break;
            }
            let Some(parent) = scope.parent else { return };
            if self.table.scopes[parent].kind == ScopeKind::Class {
                self.table.scopes[id].add(&"__class__".into(), USED);
                self.table.scopes[parent].needs_class_cell = true;
                return;
            }
            self.table.scopes[id].add(&"__class__".into(), USED);
            id = parent;
        }
    }

    fn push(&mut self, kind: ScopeKind, name: Name, key: usize) -> usize {
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(Scope::new(kind, name, Some(self.current)));
        self.table.by_node.insert(key, id);
        let parent = self.current;
        self.current = id;
        parent
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        match &stmt.kind {
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.expr(d)?;
                }
                self.arguments_outer(&def.args)?;
                if let Some(r) = &def.returns {
                    self.expr(r)?;
                }
                self.bind(&def.name, stmt.range)?;
                let parent = self.push(ScopeKind::Function, def.name.clone(), node_key(&**def));
                self.scope().coroutine = def.is_async;
                self.parameters(&def.args)?;
                self.stmts(&def.body)?;
                self.current = parent;
            }
            StmtKind::ClassDef(class) => {
                for d in &class.decorators {
                    self.expr(d)?;
                }
                for b in &class.bases {
                    self.expr(b)?;
                }
                for k in &class.keywords {
                    self.expr(&k.value)?;
                }
                self.bind(&class.name, stmt.range)?;
                let parent = self.push(ScopeKind::Class, class.name.clone(), node_key(&**class));
                self.stmts(&class.body)?;
                self.current = parent;
            }
            StmtKind::Return(value) => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                let evaluated =
                    self.table.scopes[self.current].kind != ScopeKind::Function || !*simple;
                if evaluated && !self.table.scopes[self.current].is_function_like() {
                    self.expr(annotation)?;
                }
                if value.is_some()
                    || !*simple
                    || !self.table.scopes[self.current].is_function_like()
                {
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    self.bind(n, stmt.range)?;
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.require_async(stmt.range, "asynchronous for")?;
                }
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.require_async(stmt.range, "asynchronous with")?;
                }
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n, h.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").into(),
                    };
                    self.bind(&bound, a.range)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name.as_ref() == "*" {
                        if self.table.scopes[self.current].kind != ScopeKind::Module {
                            return Err(error("import * only allowed at module level", stmt.range));
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.bind(&bound, a.range)?;
                }
            }
            StmtKind::Global(names) => self.declare(names, GLOBAL, stmt.range)?,
            StmtKind::Nonlocal(names) => {
                if self.table.scopes[self.current].kind == ScopeKind::Module {
                    return Err(error(
                        "nonlocal declaration not allowed at module level",
                        stmt.range,
                    ));
                }
                self.declare(names, NONLOCAL, stmt.range)?
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn require_async(&self, range: Range, what: &str) -> Result<(), CompileError> {
        let scope = &self.table.scopes[self.current];
        if scope.kind == ScopeKind::Function && scope.coroutine {
            return Ok(());
        }
        Err(error(format!("'{what}' outside async function"), range))
    }

    fn declare(&mut self, names: &[Name], flag: u8, range: Range) -> Result<(), CompileError> {
        for name in names {
            let existing = self.scope().flags(name);
            let word = if flag == GLOBAL { "global" } else { "nonlocal" };
            if existing & PARAM != 0 {
                return Err(error(
                    format!("name '{name}' is parameter and {word}"),
                    range,
                ));
            }
            if existing & USED != 0 {
                return Err(error(
                    format!("name '{name}' is used prior to {word} declaration"),
                    range,
                ));
            }
            if existing & BOUND != 0 {
                return Err(error(
                    format!("name '{name}' is assigned to before {word} declaration"),
                    range,
                ));
            }
            self.scope().add(name, flag);
        }
        Ok(())
    }

    fn arguments_outer(&mut self, args: &ast::Arguments) -> Result<(), CompileError> {
        for d in &args.defaults {
            self.expr(d)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for arg in all {
            if let Some(a) = &arg.annotation {
                self.expr(a)?;
            }
        }
        Ok(())
    }

    fn parameters(&mut self, args: &ast::Arguments) -> Result<(), CompileError> {
        let ordered = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwarg);
        for arg in ordered {
            if self.scope().flags(&arg.name) & PARAM != 0 {
                return Err(error(
                    format!("duplicate argument '{}' in function definition", arg.name),
                    arg.range,
                ));
            }
            self.scope().add(&arg.name, PARAM | BOUND);
            self.scope().params.push(arg.name.clone());
        }
        Ok(())
    }

    fn target(&mut self, target: &Expr) -> Result<(), CompileError> {
        match &target.kind {
            ExprKind::Name(n) => self.bind(n, target.range),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.target(i))
            }
            ExprKind::Starred(inner) => self.target(inner),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)
            }
            _ => self.expr(target),
        }
    }

    fn exprs(&mut self, items: &[Expr]) -> Result<(), CompileError> {
        items.iter().try_for_each(|e| self.expr(e))
    }

    fn expr(&mut self, expr: &Expr) -> Result<(), CompileError> {
        match &expr.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.named_target(target)?;
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.arguments_outer(args)?;
                let parent = self.push(ScopeKind::Lambda, "<lambda>".into(), node_key(expr));
                self.parameters(args)?;
                self.expr(body)?;
                self.current = parent;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                self.exprs(items)?
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(expr, generators, |b| b.expr(elt), comp_name(&expr.kind))?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(expr, generators, |b| b.expr(elt), "<genexpr>")?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(
                expr,
                generators,
                |b| {
                    b.expr(key)?;
                    b.expr(value)
                },
                "<dictcomp>",
            )?,
            ExprKind::Await(value) => {
                let scope = &self.table.scopes[self.current];
                let in_async = scope.kind == ScopeKind::Function && scope.coroutine
                    || scope.kind == ScopeKind::Comprehension;
                if !in_async {
                    return Err(error("'await' outside async function", expr.range));
                }
                self.expr(value)?;
            }
            ExprKind::Yield(value) => {
                self.yield_here(expr.range)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(value) => {
                self.yield_here(expr.range)?;
                if self.table.scopes[self.current].coroutine {
                    return Err(error("'yield from' inside async function", expr.range));
                }
                self.expr(value)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred(value) => self.expr(value)?,
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[ast::FStringPart]) -> Result<(), CompileError> {
        for part in parts {
            if let ast::FStringPart::Formatted {
                value, format_spec, ..
            } = part
            {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    fn yield_here(&mut self, range: Range) -> Result<(), CompileError> {
        let scope = &mut self.table.scopes[self.current];
        match scope.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                scope.generator = true;
                Ok(())
            }
            ScopeKind::Comprehension => Err(error("'yield' inside list comprehension", range)),
            _ => Err(error("'yield' outside function", range)),
        }
    }

    fn named_target(&mut self, target: &Expr) -> Result<(), CompileError> {
        let ExprKind::Name(name) = &target.kind else {
            return self.target(target);
        };
        if self.table.scopes[self.current].kind != ScopeKind::Comprehension {
            return self.bind(name, target.range);
        }
        let mut id = self.current;
        while self.table.scopes[id].kind == ScopeKind::Comprehension {
            self.table.scopes[id].add(name, NONLOCAL | USED);
            id = self.table.scopes[id].parent.unwrap_or(0);
        }
        match self.table.scopes[id].kind {
            ScopeKind::Class => Err(error(
                "assignment expression within a comprehension cannot be used in a class body",
                target.range,
            )),
            ScopeKind::Module => {
                let mut inner = self.current;
                while self.table.scopes[inner].kind == ScopeKind::Comprehension {
                    let scope = &mut self.table.scopes[inner];
                    if let Some(&i) = scope.index.get(name) {
                        scope.names[i].1 = (scope.names[i].1 & !NONLOCAL) | GLOBAL;
                    }
                    inner = scope.parent.unwrap_or(0);
                }
                self.table.scopes[id].add(name, BOUND);
                Ok(())
            }
            _ => {
                self.table.scopes[id].add(name, BOUND);
                Ok(())
            }
        }
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        generators: &[ast::Comprehension],
        body: impl FnOnce(&mut Builder) -> Result<(), CompileError>,
        name: &str,
    ) -> Result<(), CompileError> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.expr(&first.iter)?;
        let parent = self.push(ScopeKind::Comprehension, name.into(), node_key(node));
        if matches!(node.kind, ExprKind::GeneratorExp { .. }) {
            self.scope().generator = true;
        }
        let dot_zero: Name = ".0".into();
        self.scope().add(&dot_zero, PARAM | BOUND);
        self.scope().params.push(dot_zero);
        for (i, generator) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&generator.iter)?;
            }
            self.target(&generator.target)?;
            self.exprs(&generator.ifs)?;
        }
        body(self)?;
        self.current = parent;
        Ok(())
    }
}

fn comp_name(kind: &ExprKind) -> &'static str {
    match kind {
        ExprKind::SetComp { .. } => "<setcomp>",
        _ => "<listcomp>",
    }
}

/// The second pass: resolves every name of every scope.
fn resolve_all(table: &mut SymbolTable) -> Result<(), CompileError> {
    for id in 0..table.scopes.len() {
        let names: Vec<(Name, u8)> = table.scopes[id].names.clone();
        for (name, flags) in names {
            let resolution = resolve_one(table, id, &name, flags)?;
            table.scopes[id].resolved.insert(name, resolution);
        }
        if table.scopes[id].needs_class_cell {
            let scope = &mut table.scopes[id];
            if !scope.cellvars.iter().any(|c| c.as_ref() == "__class__") {
                scope.cellvars.push("__class__".into());
            }
            scope.resolved.insert("__class__".into(), Resolution::Cell);
        }
    }
    Ok(())
}

fn resolve_one(
    table: &mut SymbolTable,
    id: usize,
    name: &Name,
    flags: u8,
) -> Result<Resolution, CompileError> {
    let kind = table.scopes[id].kind;
    if flags & GLOBAL != 0 {
        return Ok(Resolution::GlobalExplicit);
    }
    let bound_here = flags & (BOUND | PARAM) != 0 && flags & NONLOCAL == 0;
    if bound_here {
        return Ok(match kind {
            ScopeKind::Module | ScopeKind::Class => Resolution::Namespace,
            _ => {
                if table.scopes[id].cellvars.contains(name) {
                    Resolution::Cell
                } else {
                    Resolution::Local
                }
            }
        });
    }
    if kind == ScopeKind::Module {
        return Ok(Resolution::GlobalImplicit);
    }
    if let Some(owner) = find_binding(table, id, name) {
        mark_free_path(table, id, owner, name);
        return Ok(Resolution::Free);
    }
    if flags & NONLOCAL != 0 {
        return Err(error(
            format!("no binding for nonlocal '{name}' found"),
            Range::default(),
        ));
    }
    Ok(Resolution::GlobalImplicit)
}

/// The enclosing function scope that binds `name`, skipping class scopes.
fn find_binding(table: &SymbolTable, id: usize, name: &str) -> Option<usize> {
    let mut current = table.scopes[id].parent;
    while let Some(p) = current {
        let scope = &table.scopes[p];
        if scope.kind == ScopeKind::Module {
            return None;
        }
        if scope.kind == ScopeKind::Class {
            if name == "__class__" && scope.needs_class_cell {
                return Some(p);
            }
            current = scope.parent;
            continue;
        }
        let flags = scope.flags(name);
        if flags & GLOBAL != 0 {
            return None;
        }
        if flags & (BOUND | PARAM) != 0 && flags & NONLOCAL == 0 {
            return Some(p);
        }
        current = scope.parent;
    }
    None
}

/// Makes `name` a cell in `owner` and a free variable in every scope from
/// `id` up to (not including) `owner`.
fn mark_free_path(table: &mut SymbolTable, id: usize, owner: usize, name: &Name) {
    if !table.scopes[owner].cellvars.contains(name) {
        table.scopes[owner].cellvars.push(name.clone());
        if table.scopes[owner].resolved.contains_key(name) {
            table.scopes[owner]
                .resolved
                .insert(name.clone(), Resolution::Cell);
        }
    }
    let mut current = Some(id);
    while let Some(s) = current {
        if s == owner {
            break;
        }
        let scope = &mut table.scopes[s];
        if !scope.freevars.contains(name) {
            scope.freevars.push(name.clone());
        }
        if s != id && !scope.resolved.contains_key(name) && scope.kind != ScopeKind::Class {
            scope.resolved.insert(name.clone(), Resolution::Free);
        }
        current = scope.parent;
    }
}

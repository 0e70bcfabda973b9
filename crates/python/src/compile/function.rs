//! Functions, lambdas, classes and comprehensions: each compiles to its own
//! code object, then to the instructions that make it at run time.

use super::symtable::node_key;
use super::{CompileError, Compiler, Op, docstring, error};
use crate::ast::{self, Expr, ExprKind, Stmt};
use crate::objects::Value;
use std::sync::Arc;

impl<'a> Compiler<'a> {
    fn scope_of<T>(&self, node: &T, range: ast::Range) -> Result<usize, CompileError> {
        self.table
            .by_node
            .get(&node_key(node))
            .copied()
            .ok_or_else(|| error("internal error: a scope is missing", range))
    }

    pub(crate) fn function_def(
        &mut self,
        def: &'a ast::FunctionDef,
        stmt: &'a Stmt,
    ) -> Result<(), CompileError> {
        for d in &def.decorators {
            self.expr(d)?;
        }
        let scope = self.scope_of(def, stmt.range)?;
        let qualname = self.qualname_for(&def.name);
        self.push_unit(
            scope,
            def.name.clone(),
            qualname.into(),
            stmt.range.start.line,
        );
        self.set_parameters(&def.args);
        let body: &'a [Stmt] = match docstring(&def.body) {
            Some(doc) => {
                self.add_const(Value::str(doc));
                self.unit().docstring = true;
                &def.body[1..]
            }
            None => &def.body,
        };
        self.start_generator();
        self.stmts(body)?;
        self.emit_const(Value::None);
        self.emit(Op::ReturnValue);
        let code = self.pop_unit()?;
        self.set_range(stmt.range);
        self.make_function(code, &def.args)?;
        for _ in &def.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&def.name)
    }

    fn set_parameters(&mut self, args: &ast::Arguments) {
        let scope = self.scope();
        let unit = self.unit();
        unit.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        unit.posonlyargcount = args.posonlyargs.len() as u32;
        unit.kwonlyargcount = args.kwonlyargs.len() as u32;
        unit.flags.varargs = args.vararg.is_some();
        unit.flags.varkeywords = args.kwarg.is_some();
        unit.flags.generator = scope.generator && !scope.coroutine;
        unit.flags.coroutine = scope.coroutine && !scope.generator;
        unit.flags.async_generator = scope.coroutine && scope.generator;
    }

    fn start_generator(&mut self) {
        let flags = self.unit().flags;
        if flags.generator || flags.coroutine || flags.async_generator {
            self.emit(Op::GenStart);
        }
    }

    /// Emits the instructions that make a function from `code` (its
    /// defaults and closure are evaluated here, in the enclosing scope).
    fn make_function(
        &mut self,
        code: Arc<super::Code>,
        args: &'a ast::Arguments,
    ) -> Result<(), CompileError> {
        let freevars = code.freevars.clone();
        self.emit_const(Self::code_value(code));
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(args.defaults.len() as u32));
            flags |= 1;
        }
        let kw: Vec<(&ast::Arg, &'a Expr)> = args
            .kwonlyargs
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if !kw.is_empty() {
            for (arg, default) in &kw {
                self.emit_const(Value::str(&arg.name));
                self.expr(default)?;
            }
            self.emit(Op::BuildMap(kw.len() as u32));
            flags |= 2;
        }
        if !freevars.is_empty() {
            for name in freevars.iter() {
                let i = self.deref_index(name);
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(freevars.len() as u32));
            flags |= 8;
        }
        self.emit(Op::MakeFunction(flags));
        Ok(())
    }

    pub(crate) fn lambda(
        &mut self,
        expr: &'a Expr,
        args: &'a ast::Arguments,
        body: &'a Expr,
    ) -> Result<(), CompileError> {
        let scope = self.scope_of(expr, expr.range)?;
        let qualname = self.qualname_for("<lambda>");
        self.push_unit(
            scope,
            "<lambda>".into(),
            qualname.into(),
            expr.range.start.line,
        );
        self.set_parameters(args);
        self.start_generator();
        self.set_range(body.range);
        self.expr(body)?;
        self.emit(Op::ReturnValue);
        let code = self.pop_unit()?;
        self.set_range(expr.range);
        self.make_function(code, args)
    }

    pub(crate) fn class_def(
        &mut self,
        class: &'a ast::ClassDef,
        stmt: &'a Stmt,
    ) -> Result<(), CompileError> {
        for d in &class.decorators {
            self.expr(d)?;
        }
        let scope = self.scope_of(class, stmt.range)?;
        let qualname = self.qualname_for(&class.name);
        self.push_unit(
            scope,
            class.name.clone(),
            qualname.into(),
            stmt.range.start.line,
        );
        let body: &'a [Stmt] = match docstring(&class.body) {
            Some(doc) => {
                self.emit_const(Value::str(doc));
                let i = self.name_index("__doc__");
                self.emit(Op::StoreName(i));
                &class.body[1..]
            }
            None => &class.body,
        };
        self.stmts(body)?;
        if self.scope().needs_class_cell {
            let i = self.deref_index("__class__");
            self.emit(Op::LoadClosure(i));
        } else {
            self.emit_const(Value::None);
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit()?;
        self.set_range(stmt.range);
        self.make_function(code, empty_args())?;
        self.emit_const(Value::str(&class.name));
        self.class_bases(&class.bases)?;
        if class.keywords.is_empty() {
            self.emit_const(Value::None);
        } else {
            self.emit(Op::BuildMap(0));
            for k in &class.keywords {
                match &k.arg {
                    Some(name) => {
                        self.emit_const(Value::str(name));
                        self.expr(&k.value)?;
                        self.emit(Op::MapAdd(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Op::DictUpdate(1));
                    }
                }
            }
        }
        self.set_range(stmt.range);
        self.emit(Op::BuildClass);
        for _ in &class.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&class.name)
    }

    fn class_bases(&mut self, bases: &'a [Expr]) -> Result<(), CompileError> {
        if bases.iter().any(|b| matches!(b.kind, ExprKind::Starred(_))) {
            self.emit(Op::BuildList(0));
            for b in bases {
                match &b.kind {
                    ExprKind::Starred(inner) => {
                        self.expr(inner)?;
                        self.emit(Op::ListExtend(1));
                    }
                    _ => {
                        self.expr(b)?;
                        self.emit(Op::ListAppend(1));
                    }
                }
            }
            self.emit(Op::ListToTuple);
            return Ok(());
        }
        for b in bases {
            self.expr(b)?;
        }
        self.emit(Op::BuildTuple(bases.len() as u32));
        Ok(())
    }

    pub(crate) fn comprehension(&mut self, expr: &'a Expr) -> Result<(), CompileError> {
        let (generators, name) = match &expr.kind {
            ExprKind::ListComp { generators, .. } => (generators, "<listcomp>"),
            ExprKind::SetComp { generators, .. } => (generators, "<setcomp>"),
            ExprKind::DictComp { generators, .. } => (generators, "<dictcomp>"),
            ExprKind::GeneratorExp { generators, .. } => (generators, "<genexpr>"),
            _ => return Err(error("not a comprehension", expr.range)),
        };
        let is_generator = matches!(expr.kind, ExprKind::GeneratorExp { .. });
        // An `async for` clause makes the comprehension a coroutine, awaited
        // where it stands (asynchronous generator expressions are not run).
        let is_async = generators.iter().any(|g| g.is_async);
        if is_async && is_generator {
            return Err(error(
                "Threadline Python does not run asynchronous generator expressions yet",
                expr.range,
            ));
        }
        let Some(first) = generators.first() else {
            return Err(error("comprehension without a for clause", expr.range));
        };
        let scope = self.scope_of(expr, expr.range)?;
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name.into(), qualname.into(), expr.range.start.line);
        self.unit().argcount = 1;
        if is_generator {
            self.unit().flags.generator = true;
            self.emit(Op::GenStart);
        } else if is_async {
            self.unit().flags.coroutine = true;
            self.emit(Op::GenStart);
        }
        match &expr.kind {
            ExprKind::ListComp { .. } => self.emit(Op::BuildList(0)),
            ExprKind::SetComp { .. } => self.emit(Op::BuildSet(0)),
            ExprKind::DictComp { .. } => self.emit(Op::BuildMap(0)),
            _ => 0,
        };
        self.comprehension_loop(expr, generators, 0)?;
        if is_generator {
            self.emit_const(Value::None);
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit()?;
        self.set_range(expr.range);
        self.make_function(code, empty_args())?;
        self.expr(&first.iter)?;
        self.set_range(expr.range);
        self.emit(if first.is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.emit(Op::Call(1));
        if is_async {
            self.emit(Op::GetAwaitable);
            self.emit_const(Value::None);
            self.await_loop();
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        expr: &'a Expr,
        generators: &'a [ast::Comprehension],
        depth: usize,
    ) -> Result<(), CompileError> {
        let Some(generator) = generators.get(depth) else {
            return self.comprehension_element(expr, generators.len());
        };
        let top = self.label();
        let end = self.label();
        if depth == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&generator.iter)?;
            self.set_range(generator.iter.range);
            self.emit(if generator.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            });
        }
        self.bind(top);
        self.set_range(generator.iter.range);
        if generator.is_async {
            // As `async for`: the next item is awaited; StopAsyncIteration
            // ends the loop at `end`, where `EndAsyncFor` drops the iterator.
            self.emit(Op::SetupFinally(end as u32));
            self.emit(Op::GetANext);
            self.emit_const(Value::None);
            self.await_loop();
            self.emit(Op::PopBlock);
        } else {
            self.emit(Op::ForIter(end as u32));
        }
        self.store_target(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, top, false)?;
        }
        self.comprehension_loop(expr, generators, depth + 1)?;
        self.emit(Op::Jump(top as u32));
        self.bind(end);
        if generator.is_async {
            self.emit(Op::EndAsyncFor);
        }
        Ok(())
    }

    fn comprehension_element(&mut self, expr: &'a Expr, loops: usize) -> Result<(), CompileError> {
        let depth = loops as u32 + 1;
        match &expr.kind {
            ExprKind::ListComp { elt, .. } => {
                self.expr(elt)?;
                self.emit(Op::ListAppend(depth));
            }
            ExprKind::SetComp { elt, .. } => {
                self.expr(elt)?;
                self.emit(Op::SetAdd(depth));
            }
            ExprKind::DictComp { key, value, .. } => {
                self.expr(key)?;
                self.expr(value)?;
                self.emit(Op::MapAdd(depth));
            }
            ExprKind::GeneratorExp { elt, .. } => {
                self.expr(elt)?;
                self.emit(Op::YieldValue);
                self.emit(Op::PopTop);
            }
            _ => {}
        }
        Ok(())
    }
}

/// An empty parameter list, for code objects (class bodies,
/// comprehensions) that take no defaults.
fn empty_args() -> &'static ast::Arguments {
    static EMPTY: std::sync::OnceLock<ast::Arguments> = std::sync::OnceLock::new();
    EMPTY.get_or_init(ast::Arguments::default)
}

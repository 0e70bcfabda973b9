//! Statements and control flow.

use super::symtable::ScopeKind;
use super::{CompileError, Compiler, FBlock, Op, error};
use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::objects::Value;

impl<'a> Compiler<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub(crate) fn stmt(&mut self, stmt: &'a Stmt) -> Result<(), CompileError> {
        self.set_range(stmt.range);
        match &stmt.kind {
            StmtKind::Expr(value) => {
                self.expr(value)?;
                self.set_range(stmt.range);
                self.emit(Op::PopTop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Copy(1));
                    }
                    self.store_target(target)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_ref(), *simple)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Pass => {
                self.emit(Op::Nop);
            }
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.async_for(target, iter, body, orelse)?;
                } else {
                    self.for_stmt(target, iter, body, orelse)?;
                }
            }
            StmtKind::Break => self.break_stmt(stmt)?,
            StmtKind::Continue => self.continue_stmt(stmt)?,
            StmtKind::Return(value) => self.return_stmt(stmt, value.as_ref())?,
            StmtKind::FunctionDef(def) => self.function_def(def, stmt)?,
            StmtKind::ClassDef(class) => self.class_def(class, stmt)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_range(stmt.range);
                self.emit(Op::RaiseVarargs(n));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_stmt(items, body, *is_async)?,
            StmtKind::Assert { test, msg } => {
                let end = self.label();
                self.jump_if(test, end, true)?;
                self.set_range(stmt.range);
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.set_range(stmt.range);
                    self.emit(Op::Call(1));
                }
                self.emit(Op::RaiseVarargs(1));
                self.bind(end);
            }
            StmtKind::Import(aliases) => self.import(aliases)?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_deref(), names, *level, stmt)?,
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        }
        Ok(())
    }

    fn if_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), CompileError> {
        let else_label = self.label();
        let end = self.label();
        self.jump_if(test, else_label, false)?;
        self.stmts(body)?;
        if !orelse.is_empty() {
            self.emit(Op::Jump(end as u32));
        }
        self.bind(else_label);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), CompileError> {
        let top = self.label();
        let else_label = self.label();
        let end = self.label();
        self.bind(top);
        let always = matches!(&test.kind, ExprKind::Constant(ast::Constant::Bool(true)));
        if !always {
            self.jump_if(test, else_label, false)?;
        }
        self.push_fblock(FBlock::Loop {
            continue_label: top,
            break_label: end,
            for_loop: false,
        });
        self.stmts(body)?;
        self.pop_fblock();
        self.set_range(test.range);
        self.emit(Op::Jump(top as u32));
        self.bind(else_label);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), CompileError> {
        let top = self.label();
        let else_label = self.label();
        let end = self.label();
        self.expr(iter)?;
        self.set_range(iter.range);
        self.emit(Op::GetIter);
        self.bind(top);
        self.set_range(iter.range);
        self.emit(Op::ForIter(else_label as u32));
        self.store_target(target)?;
        self.push_fblock(FBlock::Loop {
            continue_label: top,
            break_label: end,
            for_loop: true,
        });
        self.stmts(body)?;
        self.pop_fblock();
        self.set_range(iter.range);
        self.emit(Op::Jump(top as u32));
        self.bind(else_label);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), CompileError> {
        let top = self.label();
        let handler = self.label();
        let end = self.label();
        self.expr(iter)?;
        self.emit(Op::GetAIter);
        self.bind(top);
        self.emit(Op::SetupFinally(handler as u32));
        self.emit(Op::GetANext);
        self.emit_const(Value::None);
        self.await_loop();
        self.emit(Op::PopBlock);
        self.store_target(target)?;
        self.push_fblock(FBlock::Loop {
            continue_label: top,
            break_label: end,
            for_loop: true,
        });
        self.stmts(body)?;
        self.pop_fblock();
        self.emit(Op::Jump(top as u32));
        self.bind(handler);
        self.emit(Op::EndAsyncFor);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// The `Send`/`YieldValue` loop behind `await` and `yield from`.
    pub(crate) fn await_loop(&mut self) {
        let send = self.label();
        let exit = self.label();
        self.bind(send);
        self.emit(Op::Send(exit as u32));
        self.emit(Op::YieldValue);
        self.emit(Op::Jump(send as u32));
        self.bind(exit);
    }

    fn break_stmt(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        let Some(depth) = self.innermost_loop() else {
            return Err(error("'break' outside loop", stmt.range));
        };
        self.unwind_to(depth + 1, false)?;
        let FBlock::Loop {
            break_label,
            for_loop,
            ..
        } = self.unit_fblock(depth)
        else {
            return Ok(());
        };
        if for_loop {
            self.emit(Op::PopTop);
        }
        self.emit(Op::Jump(break_label as u32));
        Ok(())
    }

    fn continue_stmt(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        let Some(depth) = self.innermost_loop() else {
            return Err(error("'continue' not properly in loop", stmt.range));
        };
        self.unwind_to(depth + 1, false)?;
        if let FBlock::Loop { continue_label, .. } = self.unit_fblock(depth) {
            self.emit(Op::Jump(continue_label as u32));
        }
        Ok(())
    }

    fn return_stmt(&mut self, stmt: &'a Stmt, value: Option<&'a Expr>) -> Result<(), CompileError> {
        let scope = self.scope();
        if !matches!(scope.kind, ScopeKind::Function | ScopeKind::Lambda) {
            return Err(error("'return' outside function", stmt.range));
        }
        if scope.coroutine && scope.generator && value.is_some() {
            return Err(error("'return' with value in async generator", stmt.range));
        }
        match value {
            Some(v) => self.expr(v)?,
            None => self.emit_const(Value::None),
        }
        self.unwind_to(0, true)?;
        self.set_range(stmt.range);
        self.emit(Op::ReturnValue);
        Ok(())
    }

    fn innermost_loop(&self) -> Option<usize> {
        self.units
            .last()?
            .fblocks
            .iter()
            .rposition(|b| matches!(b, FBlock::Loop { .. }))
    }

    pub(crate) fn unit_fblock(&self, depth: usize) -> FBlock<'a> {
        self.units[self.units.len() - 1].fblocks[depth].clone()
    }

    fn import(&mut self, aliases: &'a [ast::Alias]) -> Result<(), CompileError> {
        for alias in aliases {
            self.set_range(alias.range);
            self.emit_const(Value::Int(0));
            match &alias.asname {
                Some(asname) => {
                    self.emit_const(Value::tuple(vec![Value::str("*")]));
                    let i = self.name_index(&alias.name);
                    self.emit(Op::ImportName(i));
                    self.store_name(asname)?;
                }
                None => {
                    self.emit_const(Value::None);
                    let i = self.name_index(&alias.name);
                    self.emit(Op::ImportName(i));
                    let top = alias.name.split('.').next().unwrap_or("");
                    self.store_name(top)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        module: Option<&str>,
        names: &'a [ast::Alias],
        level: u32,
        stmt: &Stmt,
    ) -> Result<(), CompileError> {
        self.emit_const(Value::Int(level as i64));
        let fromlist: Vec<Value> = names.iter().map(|a| Value::str(&a.name)).collect();
        self.emit_const(Value::tuple(fromlist));
        let i = self.name_index(module.unwrap_or(""));
        self.emit(Op::ImportName(i));
        if names.len() == 1 && names[0].name.as_ref() == "*" {
            self.set_range(stmt.range);
            self.emit(Op::ImportStar);
            return Ok(());
        }
        for alias in names {
            self.set_range(alias.range);
            let i = self.name_index(&alias.name);
            self.emit(Op::ImportFrom(i));
            self.store_name(alias.asname.as_deref().unwrap_or(&alias.name))?;
        }
        self.emit(Op::PopTop);
        Ok(())
    }

    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> Result<(), CompileError> {
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        let in_body = matches!(self.scope().kind, ScopeKind::Module | ScopeKind::Class);
        if !in_body {
            return Ok(());
        }
        if let (true, ExprKind::Name(name)) = (simple, &target.kind) {
            self.emit(Op::SetupAnnotations);
            self.expr(annotation)?;
            let annotations = self.name_index("__annotations__");
            let op = if self.scope().kind == ScopeKind::Module {
                Op::LoadGlobal(annotations)
            } else {
                Op::LoadName(annotations)
            };
            self.emit(op);
            self.emit_const(Value::str(name));
            self.emit(Op::StoreSubscr);
        } else {
            self.expr(annotation)?;
            self.emit(Op::PopTop);
        }
        Ok(())
    }

    /// Compiles a condition that jumps to `target` when its truth equals
    /// `when`, short-circuiting `not`, `and`, `or` without building values.
    pub(crate) fn jump_if(
        &mut self,
        test: &'a Expr,
        target: usize,
        when: bool,
    ) -> Result<(), CompileError> {
        match &test.kind {
            ExprKind::UnaryOp {
                op: ast::UnaryOp::Not,
                operand,
            } => self.jump_if(operand, target, !when),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == ast::BoolOp::And;
                if is_and != when {
                    for v in values {
                        self.jump_if(v, target, when)?;
                    }
                } else {
                    let skip = self.label();
                    let (last, rest) = values
                        .split_last()
                        .ok_or_else(|| error("empty boolean operation", test.range))?;
                    for v in rest {
                        self.jump_if(v, skip, !when)?;
                    }
                    self.jump_if(last, target, when)?;
                    self.bind(skip);
                }
                Ok(())
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() == 1 && super::expr::rich_comparison(ops[0]).is_some() => {
                let kind = super::expr::rich_comparison(ops[0]).unwrap_or(super::CmpKind::Eq);
                let saved = self.position();
                self.expr(left)?;
                self.expr(&comparators[0])?;
                self.set_range(test.range);
                let op = if when {
                    Op::CompareJumpIfTrue(kind, target as u32)
                } else {
                    Op::CompareJumpIfFalse(kind, target as u32)
                };
                self.emit(op);
                self.restore(saved);
                Ok(())
            }
            _ => {
                self.expr(test)?;
                self.set_range(test.range);
                let op = if when {
                    Op::PopJumpIfTrue(target as u32)
                } else {
                    Op::PopJumpIfFalse(target as u32)
                };
                self.emit(op);
                Ok(())
            }
        }
    }
}

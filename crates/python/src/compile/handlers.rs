//! `try`, `with`, and unwinding through them.
//!
//! Stack shapes (see `vm/dispatch_more.rs` for the instructions):
//! - an `except` or exceptional `finally` body runs with `[prev, exc]`
//!   below its own values, under a cleanup block whose handler restores
//!   `prev` and re-raises (`PopExceptReraise`);
//! - a `with` body runs with `[exit]` below its values, under a block whose
//!   handler calls `exit(type, exc, tb)`.

use super::{CompileError, Compiler, FBlock, Op};
use crate::ast::{self, Stmt};
use crate::objects::Value;

impl<'a> Compiler<'a> {
    /// Emits the code that leaves every enclosing block from the innermost
    /// down to index `stop` (`preserve`: a return value is on top).
    pub(crate) fn unwind_to(&mut self, stop: usize, preserve: bool) -> Result<(), CompileError> {
        let count = self.units.last().map_or(0, |u| u.fblocks.len());
        for i in (stop..count).rev() {
            let block = self.unit_fblock(i);
            match block {
                FBlock::Loop { .. } => {}
                FBlock::TryExcept => {
                    self.emit(Op::PopBlock);
                }
                FBlock::Finally(body) => {
                    self.emit(Op::PopBlock);
                    let saved = self.unit().fblocks.split_off(i);
                    let result = self.stmts(body);
                    self.unit().fblocks.extend(saved);
                    result?;
                }
                FBlock::Handler(name) => {
                    if let Some(name) = &name {
                        self.emit(Op::PopBlock);
                        self.clear_name(name)?;
                    }
                    self.emit(Op::PopBlock);
                    if preserve {
                        self.emit(Op::Swap(2));
                        self.emit(Op::PopTop);
                        self.emit(Op::Swap(2));
                    } else {
                        self.emit(Op::PopTop);
                    }
                    self.emit(Op::PopExcept);
                }
                FBlock::With(is_async) => {
                    self.emit(Op::PopBlock);
                    if preserve {
                        self.emit(Op::Swap(2));
                    }
                    self.call_exit_with_nones(is_async);
                }
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self, is_async: bool) {
        self.emit_const(Value::None);
        self.emit_const(Value::None);
        self.emit_const(Value::None);
        self.emit(Op::Call(3));
        if is_async {
            self.emit(Op::GetAwaitable);
            self.emit_const(Value::None);
            self.await_loop();
        }
        self.emit(Op::PopTop);
    }

    fn clear_name(&mut self, name: &str) -> Result<(), CompileError> {
        self.emit_const(Value::None);
        self.store_name(name)?;
        self.delete_name(name)
    }

    pub(crate) fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<(), CompileError> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        let on_exception = self.label();
        let cleanup = self.label();
        let end = self.label();
        self.emit(Op::SetupFinally(on_exception as u32));
        self.push_fblock(FBlock::Finally(finalbody));
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.pop_fblock();
        self.emit(Op::PopBlock);
        self.stmts(finalbody)?;
        self.emit(Op::Jump(end as u32));
        self.bind(on_exception);
        self.emit(Op::PushExcInfo);
        self.emit(Op::SetupFinally(cleanup as u32));
        self.push_fblock(FBlock::Handler(None));
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Op::PopBlock);
        self.emit(Op::Copy(1));
        self.emit(Op::PopExceptReraise);
        self.bind(cleanup);
        self.emit(Op::PopExceptReraise);
        self.bind(end);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<(), CompileError> {
        let handler_start = self.label();
        let cleanup = self.label();
        let end = self.label();
        self.emit(Op::SetupFinally(handler_start as u32));
        self.push_fblock(FBlock::TryExcept);
        self.stmts(body)?;
        self.pop_fblock();
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        self.emit(Op::Jump(end as u32));
        self.bind(handler_start);
        self.emit(Op::PushExcInfo);
        self.emit(Op::SetupFinally(cleanup as u32));
        for (i, handler) in handlers.iter().enumerate() {
            if handler.typ.is_none() && i + 1 < handlers.len() {
                return Err(super::error(
                    "default 'except:' must be last",
                    handler.range,
                ));
            }
            self.except_handler(handler, cleanup, end)?;
        }
        self.emit(Op::Copy(1));
        self.emit(Op::Reraise);
        self.bind(cleanup);
        self.emit(Op::PopExceptReraise);
        self.bind(end);
        Ok(())
    }

    fn except_handler(
        &mut self,
        handler: &'a ast::ExceptHandler,
        _cleanup: usize,
        end: usize,
    ) -> Result<(), CompileError> {
        let next = self.label();
        self.set_range(handler.range);
        if let Some(typ) = &handler.typ {
            self.expr(typ)?;
            self.set_range(handler.range);
            self.emit(Op::CheckExcMatch);
            self.emit(Op::PopJumpIfFalse(next as u32));
        }
        let name_cleanup = self.label();
        if let Some(name) = &handler.name {
            self.emit(Op::Copy(1));
            self.store_name(name)?;
            self.emit(Op::SetupFinally(name_cleanup as u32));
        }
        self.push_fblock(FBlock::Handler(handler.name.clone()));
        self.stmts(&handler.body)?;
        self.pop_fblock();
        if let Some(name) = &handler.name {
            self.emit(Op::PopBlock);
            self.clear_name(name)?;
        }
        self.emit(Op::PopBlock);
        self.emit(Op::PopTop);
        self.emit(Op::PopExcept);
        self.emit(Op::Jump(end as u32));
        if let Some(name) = &handler.name {
            self.bind(name_cleanup);
            self.clear_name(name)?;
            self.emit(Op::Reraise);
        }
        self.bind(next);
        Ok(())
    }

    pub(crate) fn with_stmt(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> Result<(), CompileError> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let on_exception = self.label();
        let cleanup = self.label();
        let suppress = self.label();
        let end = self.label();
        self.expr(&item.context_expr)?;
        self.set_range(item.context_expr.range);
        if is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit_const(Value::None);
            self.await_loop();
        } else {
            self.emit(Op::BeforeWith);
        }
        self.emit(Op::SetupWith(on_exception as u32));
        match &item.optional_vars {
            Some(target) => self.store_target(target)?,
            None => {
                self.emit(Op::PopTop);
            }
        }
        self.push_fblock(FBlock::With(is_async));
        self.with_stmt(rest, body, is_async)?;
        self.pop_fblock();
        self.set_range(item.context_expr.range);
        self.emit(Op::PopBlock);
        self.call_exit_with_nones(is_async);
        self.emit(Op::Jump(end as u32));
        self.bind(on_exception);
        self.emit(Op::PushExcInfo);
        self.emit(Op::SetupFinally(cleanup as u32));
        self.emit(Op::WithExceptStart);
        if is_async {
            self.emit(Op::GetAwaitable);
            self.emit_const(Value::None);
            self.await_loop();
        }
        self.emit(Op::PopJumpIfTrue(suppress as u32));
        self.emit(Op::Copy(1));
        self.emit(Op::Reraise);
        self.bind(suppress);
        self.emit(Op::PopBlock);
        self.emit(Op::PopTop);
        self.emit(Op::PopExcept);
        self.emit(Op::PopTop);
        self.emit(Op::Jump(end as u32));
        self.bind(cleanup);
        self.emit(Op::PopExceptReraise);
        self.bind(end);
        Ok(())
    }
}

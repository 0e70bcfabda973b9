//! Compound statements (`if`, `while`, `for`, `with`, `try`) and the
//! indented blocks they own.

use super::error::SyntaxErrorKind;
use super::parser::{PResult, Parser};
use super::token::{Kw, Op, TokKind};
use crate::ast::{ExceptHandler, Pos, Stmt, StmtKind, WithItem};

impl Parser<'_> {
    /// A compound statement; the current token starts one.
    pub(crate) fn compound_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.kind() {
            TokKind::Kw(Kw::If) => self.if_statement()?,
            TokKind::Kw(Kw::While) => self.while_statement()?,
            TokKind::Kw(Kw::For) => self.for_statement(false)?,
            TokKind::Kw(Kw::With) => self.with_statement(false)?,
            TokKind::Kw(Kw::Try) => self.try_statement()?,
            TokKind::Kw(Kw::Async) => {
                self.bump();
                match self.kind() {
                    TokKind::Kw(Kw::For) => self.for_statement(true)?,
                    TokKind::Kw(Kw::With) => self.with_statement(true)?,
                    _ => return self.function_def(start, Vec::new(), true),
                }
            }
            TokKind::Kw(Kw::Class) => return self.class_def(start, Vec::new()),
            TokKind::Kw(Kw::Def) => return self.function_def(start, Vec::new(), false),
            _ => return self.decorated(),
        };
        Ok(self.stmt(start, kind))
    }

    /// The `:` that ends a statement's header: CPython says "expected ':'"
    /// when the line ends without it, and "invalid syntax" otherwise.
    pub(crate) fn header_colon(&mut self) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        if self.kind() == TokKind::Newline {
            let t = self.tok();
            return Err(self.error_at(&t, "expected ':'"));
        }
        Err(self.generic())
    }

    /// The block after a header's `:`: an indented suite, or simple
    /// statements on the same line. `header` names the statement for the
    /// error when the indented block is missing.
    pub(crate) fn block(&mut self, header: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.kind() != TokKind::Newline {
            self.simple_statements(&mut body)?;
            return Ok(body);
        }
        self.bump();
        if self.kind() != TokKind::Indent {
            let t = self.tok();
            let msg = format!("expected an indented block after {header} on line {line}");
            return Err(self.raise_at(&t, SyntaxErrorKind::IndentationError, msg));
        }
        self.bump();
        while self.kind() != TokKind::Dedent && self.kind() != TokKind::EndMarker {
            self.statement(&mut body)?;
        }
        if self.kind() == TokKind::Dedent {
            self.bump();
        }
        Ok(body)
    }

    /// `if` with its `elif` and `else` branches. Each `elif` is an `If`
    /// alone in the `orelse` of the one before; the chain is read in a loop
    /// (not by recursion) and nested afterwards.
    fn if_statement(&mut self) -> PResult<StmtKind> {
        let mut branches = Vec::new();
        let mut keyword = "if";
        loop {
            let start = self.start();
            self.bump();
            let test = self.named_expression()?;
            self.header_colon()?;
            let header = format!("'{keyword}' statement");
            let body = self.block(&header, test.range.start.line)?;
            branches.push((start, test, body));
            if !self.at_kw(Kw::Elif) {
                break;
            }
            self.check_chain(branches.len() as u32)?;
            keyword = "elif";
        }
        let mut orelse = self.else_block()?;
        let end = self.prev().end;
        while let Some((start, test, body)) = branches.pop() {
            if branches.is_empty() {
                return Ok(StmtKind::If { test, body, orelse });
            }
            let range = crate::ast::Range { start, end };
            let kind = StmtKind::If { test, body, orelse };
            orelse = vec![Stmt { range, kind }];
        }
        Err(self.generic())
    }

    /// An optional `else:` block.
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at_kw(Kw::Else) {
            return Ok(Vec::new());
        }
        let line = self.bump().start.line;
        self.expect_forced(Op::Colon, ":")?;
        self.block("'else' statement", line)
    }

    /// `while test:` with its `else`.
    fn while_statement(&mut self) -> PResult<StmtKind> {
        self.bump();
        let test = self.named_expression()?;
        self.header_colon()?;
        let body = self.block("'while' statement", test.range.start.line)?;
        let orelse = self.else_block()?;
        Ok(StmtKind::While { test, body, orelse })
    }

    /// `for target in iter:` with its `else`.
    fn for_statement(&mut self, is_async: bool) -> PResult<StmtKind> {
        let line = self.bump().start.line;
        let target = self.for_target()?;
        self.bump();
        let iter = self.star_expressions()?;
        self.header_colon()?;
        let body = self.block("'for' statement", line)?;
        let orelse = self.else_block()?;
        Ok(StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        })
    }

    /// `with a as b, c:` or `with (a as b, c):`.
    fn with_statement(&mut self, is_async: bool) -> PResult<StmtKind> {
        let line = self.bump().start.line;
        let items = match self.parenthesized_with_items()? {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat_op(Op::Comma) {
                    items.push(self.with_item()?);
                }
                items
            }
        };
        self.header_colon()?;
        let body = self.block("'with' statement", line)?;
        Ok(StmtKind::With {
            items,
            body,
            is_async,
        })
    }

    /// The parenthesized form of `with` items, if the statement uses it
    /// (`with (a, b) as c:` does not: that is one item).
    fn parenthesized_with_items(&mut self) -> PResult<Option<Vec<WithItem>>> {
        if !self.at_op(Op::LPar) {
            return Ok(None);
        }
        let save = self.save();
        self.bump();
        let mut items = Vec::new();
        let parsed = loop {
            match self.with_item() {
                Ok(item) => items.push(item),
                Err(fail) if fail.generic => break false,
                Err(fail) => return Err(fail),
            }
            if !self.eat_op(Op::Comma) || self.at_op(Op::RPar) {
                break self.eat_op(Op::RPar);
            }
        };
        if parsed && (self.at_op(Op::Colon) || self.kind() == TokKind::Newline) {
            return Ok(Some(items));
        }
        self.rewind(save.0);
        Ok(None)
    }

    /// `expression [as target]`.
    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat_kw(Kw::As) {
            Some(self.as_target()?)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// `try:` with its handlers, `else` and `finally`.
    fn try_statement(&mut self) -> PResult<StmtKind> {
        let line = self.bump().start.line;
        self.expect_forced(Op::Colon, ":")?;
        let body = self.block("'try' statement", line)?;
        let mut handlers = Vec::new();
        while self.at_kw(Kw::Except) {
            handlers.push(self.except_handler()?);
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let mut finalbody = Vec::new();
        if self.at_kw(Kw::Finally) {
            let line = self.bump().start.line;
            self.expect_forced(Op::Colon, ":")?;
            finalbody = self.block("'finally' statement", line)?;
        } else if handlers.is_empty() {
            self.tok();
            return Err(self.error_last(
                SyntaxErrorKind::SyntaxError,
                "expected 'except' or 'finally' block",
            ));
        }
        Ok(StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        })
    }

    /// `except [type [as name]]:` and its block.
    fn except_handler(&mut self) -> PResult<ExceptHandler> {
        let start: Pos = self.start();
        let except = self.bump();
        if self.at_op(Op::Star) {
            let star = self.tok();
            let msg = "'except*' (exception groups) is not supported by Threadline Python";
            return Err(self.error_span(except.start, star.end, msg));
        }
        let mut typ = None;
        let mut name = None;
        if !self.at_op(Op::Colon) && self.kind() != TokKind::Newline {
            let t = self.expression()?;
            if self.at_op(Op::Comma) {
                return Err(self.unparenthesized_exceptions(&t));
            }
            if self.eat_kw(Kw::As) {
                let n = self.tok();
                if n.kind != TokKind::Name {
                    return Err(self.generic());
                }
                self.bump();
                name = Some(self.name_of(&n));
            }
            typ = Some(t);
        }
        self.header_colon()?;
        let body = self.block("'except' statement", except.start.line)?;
        let range = self.range_from(start);
        Ok(ExceptHandler {
            typ,
            name,
            body,
            range,
        })
    }

    /// `except A, B:`: CPython asks for parentheses, if the rest parses.
    fn unparenthesized_exceptions(&mut self, first: &crate::ast::Expr) -> Box<super::parser::Fail> {
        if self.quiet {
            return self.generic();
        }
        let save = self.save();
        let parses = (|| {
            while self.eat_op(Op::Comma) {
                self.expression()?;
            }
            if self.eat_kw(Kw::As) && self.kind() == TokKind::Name {
                self.bump();
            }
            self.expect_op(Op::Colon)
        })();
        self.restore(save);
        match parses {
            Ok(colon) => {
                let msg = "multiple exception types must be parenthesized";
                self.starting_from(first.range.start, &colon, msg)
            }
            Err(fail) if fail.generic => self.generic(),
            Err(fail) => fail,
        }
    }
}

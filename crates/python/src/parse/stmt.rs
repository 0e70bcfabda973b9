//! The module, statement dispatch, and the simple statements (those that fit
//! on one logical line).

use super::parser::{PResult, Parser};
use super::token::{Kw, Op, TokKind};
use crate::ast::{Alias, Expr, ExprKind, Module, Name, Pos, Stmt, StmtKind};

impl Parser<'_> {
    /// A whole module.
    pub(crate) fn file(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while self.kind() != TokKind::EndMarker {
            self.statement(&mut body)?;
        }
        Ok(Module { body })
    }

    /// One statement, or several joined by `;`, appended to `out`.
    pub(crate) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let t = self.tok();
        let compound = match t.kind {
            TokKind::Kw(
                Kw::Def | Kw::If | Kw::Class | Kw::With | Kw::For | Kw::Try | Kw::While,
            ) => true,
            TokKind::Op(Op::At) => true,
            TokKind::Kw(Kw::Async) => {
                let next = self.nth(1);
                next.is_kw(Kw::Def) || next.is_kw(Kw::With) || next.is_kw(Kw::For)
            }
            TokKind::Name => {
                self.check_unsupported_statement()?;
                false
            }
            _ => false,
        };
        if compound {
            out.push(self.compound_statement()?);
            return Ok(());
        }
        self.simple_statements(out)
    }

    /// `a; b; c` up to the end of the line.
    pub(crate) fn simple_statements(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let mut start_index;
        loop {
            start_index = self.index();
            out.push(self.simple_statement()?);
            if !self.eat_op(Op::Semi) || self.kind() == TokKind::Newline {
                break;
            }
        }
        if self.kind() != TokKind::Newline {
            if out
                .last()
                .is_some_and(|s| matches!(s.kind, StmtKind::Expr(_)))
            {
                self.check_tuple_statement(start_index)?;
            }
            return Err(self.generic());
        }
        self.bump();
        Ok(())
    }

    /// A statement node from `start` to the last token consumed.
    pub(crate) fn stmt(&self, start: Pos, kind: StmtKind) -> Stmt {
        Stmt {
            range: self.range_from(start),
            kind,
        }
    }

    /// One simple statement.
    fn simple_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.kind() {
            TokKind::Kw(Kw::Pass) => self.keyword_alone(StmtKind::Pass),
            TokKind::Kw(Kw::Break) => self.keyword_alone(StmtKind::Break),
            TokKind::Kw(Kw::Continue) => self.keyword_alone(StmtKind::Continue),
            TokKind::Kw(Kw::Return) => {
                self.bump();
                let value = if self.starts_expression() || self.at_op(Op::Star) {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            TokKind::Kw(Kw::Raise) => self.raise_statement()?,
            TokKind::Kw(Kw::Del) => self.del_statement()?,
            TokKind::Kw(Kw::Assert) => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat_op(Op::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokKind::Kw(Kw::Global) => StmtKind::Global(self.name_list()?),
            TokKind::Kw(Kw::Nonlocal) => StmtKind::Nonlocal(self.name_list()?),
            TokKind::Kw(Kw::Import) => self.import_statement()?,
            TokKind::Kw(Kw::From) => self.import_from_statement()?,
            TokKind::Kw(Kw::Yield) => {
                let value = self.yield_expr()?;
                if self.at_op(Op::Assign) {
                    return Err(self.yield_assignment_error(&value));
                }
                StmtKind::Expr(value)
            }
            _ => return self.expression_statement(),
        };
        Ok(self.stmt(start, kind))
    }

    /// `pass`, `break`, `continue`.
    fn keyword_alone(&mut self, kind: StmtKind) -> StmtKind {
        self.bump();
        kind
    }

    /// `raise`, `raise exc`, `raise exc from cause`.
    fn raise_statement(&mut self) -> PResult<StmtKind> {
        self.bump();
        if !self.starts_expression() {
            return Ok(StmtKind::Raise {
                exc: None,
                cause: None,
            });
        }
        let exc = Some(self.expression()?);
        let cause = if self.eat_kw(Kw::From) {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(StmtKind::Raise { exc, cause })
    }

    /// `global a, b` / `nonlocal a, b`: the names after the keyword.
    fn name_list(&mut self) -> PResult<Vec<Name>> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let t = self.tok();
            if t.kind != TokKind::Name {
                return Err(self.generic());
            }
            self.bump();
            names.push(self.name_of(&t));
            if !self.eat_op(Op::Comma) {
                return Ok(names);
            }
        }
    }

    /// `yield`, `yield value`, `yield from value`.
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_kw(Kw::From) {
            let value = Box::new(self.expression()?);
            return Ok(self.node(start, ExprKind::YieldFrom(value)));
        }
        let value = if self.starts_expression() || self.at_op(Op::Star) {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(self.node(start, ExprKind::Yield(value)))
    }

    /// `import a.b as c, d`.
    fn import_statement(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = self.as_name()?;
            let range = self.range_from(start);
            names.push(Alias {
                name,
                asname,
                range,
            });
            if !self.eat_op(Op::Comma) {
                return Ok(StmtKind::Import(names));
            }
        }
    }

    /// `from .a.b import c as d, e` or `from x import *`.
    fn import_from_statement(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level > 0 && self.at_kw(Kw::Import) {
            None
        } else {
            Some(self.dotted_name()?)
        };
        if !self.eat_kw(Kw::Import) {
            return Err(self.generic());
        }
        let names = self.import_targets()?;
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// What follows `from x import`.
    fn import_targets(&mut self) -> PResult<Vec<Alias>> {
        let star = self.tok();
        if self.eat_op(Op::Star) {
            let range = self.range_from(star.start);
            return Ok(vec![Alias {
                name: Name::from("*"),
                asname: None,
                range,
            }]);
        }
        let parenthesized = self.eat_op(Op::LPar);
        let mut names = Vec::new();
        loop {
            let t = self.tok();
            if t.kind != TokKind::Name {
                return Err(self.generic());
            }
            self.bump();
            let name = self.name_of(&t);
            let asname = self.as_name()?;
            let range = self.range_from(t.start);
            names.push(Alias {
                name,
                asname,
                range,
            });
            if !self.eat_op(Op::Comma) {
                break;
            }
            if parenthesized && self.at_op(Op::RPar) {
                break;
            }
            if !parenthesized && self.kind() == TokKind::Newline {
                return Err(self.error_last(
                    super::error::SyntaxErrorKind::SyntaxError,
                    "trailing comma not allowed without surrounding parentheses",
                ));
            }
        }
        if parenthesized {
            self.expect_op(Op::RPar)?;
        }
        Ok(names)
    }

    /// `a.b.c` in an import, as one name.
    fn dotted_name(&mut self) -> PResult<Name> {
        let mut text = String::new();
        loop {
            let t = self.tok();
            if t.kind != TokKind::Name {
                return Err(self.generic());
            }
            self.bump();
            text.push_str(self.text(&t));
            if !self.at_op(Op::Dot) || self.nth(1).kind != TokKind::Name {
                break;
            }
            self.bump();
            text.push('.');
        }
        Ok(Name::from(text))
    }

    /// An optional `as name`.
    fn as_name(&mut self) -> PResult<Option<Name>> {
        if !self.eat_kw(Kw::As) {
            return Ok(None);
        }
        let t = self.tok();
        if t.kind != TokKind::Name {
            return Err(self.generic());
        }
        self.bump();
        Ok(Some(self.name_of(&t)))
    }
}

//! Function and class definitions, with their decorators.

use super::parser::{PResult, Parser};
use super::token::{Kw, Op, TokKind};
use crate::ast::{ClassDef, Expr, FunctionDef, Pos, Stmt, StmtKind};

impl Parser<'_> {
    /// `@decorator` lines, then the definition they decorate.
    pub(crate) fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators: Vec<Expr> = Vec::new();
        while self.eat_op(Op::At) {
            decorators.push(self.named_expression()?);
            if self.kind() != TokKind::Newline {
                return Err(self.generic());
            }
            self.bump();
        }
        let start = self.start();
        match self.kind() {
            TokKind::Kw(Kw::Def) => self.function_def(start, decorators, false),
            TokKind::Kw(Kw::Class) => self.class_def(start, decorators),
            TokKind::Kw(Kw::Async) if self.nth(1).is_kw(Kw::Def) => {
                self.bump();
                self.function_def(start, decorators, true)
            }
            _ => Err(self.generic()),
        }
    }

    /// `def name(params) -> returns:` and its body; the current token is
    /// `def` (after `async`, if any).
    pub(crate) fn function_def(
        &mut self,
        start: Pos,
        decorators: Vec<Expr>,
        is_async: bool,
    ) -> PResult<Stmt> {
        let def = self.tok();
        if !def.is_kw(Kw::Def) {
            return Err(self.generic());
        }
        self.bump();
        let name_tok = self.tok();
        if name_tok.kind != TokKind::Name {
            return Err(self.generic());
        }
        self.bump();
        let name = self.name_of(&name_tok);
        self.expect_forced(Op::LPar, "(")?;
        let args = self.parameters(false)?;
        self.expect_op(Op::RPar)?;
        let mut returns = None;
        if self.at_op(Op::Arrow) {
            let from = self.index();
            self.bump();
            let annotation = self.expression();
            returns = self.backtrack(from, annotation)?;
        }
        self.expect_forced(Op::Colon, ":")?;
        let body = self.block("function definition", def.start.line)?;
        let def = FunctionDef {
            name,
            args,
            body,
            decorators,
            returns,
            is_async,
        };
        Ok(self.stmt(start, StmtKind::FunctionDef(Box::new(def))))
    }

    /// `class name(bases):` and its body; the current token is `class`.
    pub(crate) fn class_def(&mut self, start: Pos, decorators: Vec<Expr>) -> PResult<Stmt> {
        let class = self.bump();
        let name_tok = self.tok();
        if name_tok.kind != TokKind::Name {
            return Err(self.generic());
        }
        self.bump();
        let name = self.name_of(&name_tok);
        let (bases, keywords) = if self.eat_op(Op::LPar) {
            self.argument_list()?
        } else {
            (Vec::new(), Vec::new())
        };
        self.header_colon()?;
        let body = self.block("class definition", class.start.line)?;
        let def = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
        };
        Ok(self.stmt(start, StmtKind::ClassDef(Box::new(def))))
    }
}

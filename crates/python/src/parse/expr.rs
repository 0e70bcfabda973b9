//! Expressions, from the loosest-binding (tuples, conditionals, `or`) down
//! to unary operators and `**`, with Python's precedence and associativity.
//! Primaries and atoms are in `atom.rs`.

use super::parser::{PResult, Parser};
use super::token::{Kw, Op, TokKind};
use crate::ast::{BoolOp, Expr, ExprKind, Pos, UnaryOp};

impl Parser<'_> {
    /// An expression node from `start` to the last token consumed.
    pub(crate) fn node(&self, start: Pos, kind: ExprKind) -> Expr {
        Expr {
            range: self.range_from(start),
            kind,
        }
    }

    /// Whether the current token can start an expression (without `*`).
    pub(crate) fn starts_expression(&mut self) -> bool {
        match self.kind() {
            TokKind::Name | TokKind::Number | TokKind::Str => true,
            TokKind::Kw(kw) => matches!(
                kw,
                Kw::True | Kw::False | Kw::None | Kw::Not | Kw::Lambda | Kw::Await
            ),
            TokKind::Op(op) => matches!(
                op,
                Op::LPar | Op::LSqb | Op::LBrace | Op::Minus | Op::Plus | Op::Tilde | Op::Ellipsis
            ),
            _ => false,
        }
    }

    /// `star_expressions`: `a, *b, c` as a tuple, or a single expression.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        Ok(self.star_expressions_flagged()?.0)
    }

    /// `star_expressions`, saying whether it made a tuple without
    /// parentheses.
    pub(crate) fn star_expressions_flagged(&mut self) -> PResult<(Expr, bool)> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok((first, false));
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.starts_expression() && !self.at_op(Op::Star) {
                break;
            }
            let from = self.index();
            let elt = self.star_expression();
            match self.backtrack(from, elt)? {
                Some(elt) => elts.push(elt),
                None => break,
            }
        }
        Ok((self.node(start, ExprKind::Tuple(elts)), true))
    }

    /// The expression of an f-string field, parenthesized by the caller.
    pub(crate) fn fstring_expression(&mut self) -> PResult<Expr> {
        let value = self.star_expressions()?;
        if self.kind() != TokKind::Newline {
            return Err(self.generic());
        }
        Ok(value)
    }

    /// `star_expression`: `*a` or an expression.
    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            let value = self.bitwise_or()?;
            return Ok(self.node(start, ExprKind::Starred(Box::new(value))));
        }
        self.expression()
    }

    /// `star_named_expression`: `*a` or a named expression (in displays).
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            let value = self.bitwise_or()?;
            return Ok(self.node(start, ExprKind::Starred(Box::new(value))));
        }
        self.named_expression()
    }

    /// `named_expression`: `name := value`, or an expression.
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        let start_index = self.index();
        if self.kind() == TokKind::Name && self.nth(1).is_op(Op::Walrus) {
            return self.walrus();
        }
        let value = self.expression()?;
        if self.at_op(Op::Walrus) {
            return Err(self.walrus_error(&value));
        }
        if self.at_op(Op::Assign) {
            self.check_assign_in_expression(start_index, &value)?;
        }
        Ok(value)
    }

    /// `name := value`, the name being the current token.
    pub(crate) fn walrus(&mut self) -> PResult<Expr> {
        let start = self.start();
        let name_tok = self.bump();
        let name = self.name_of(&name_tok);
        let target = Expr {
            range: crate::ast::Range {
                start: name_tok.start,
                end: name_tok.end,
            },
            kind: ExprKind::Name(name),
        };
        self.bump();
        let value = self.expression()?;
        Ok(self.node(
            start,
            ExprKind::NamedExpr {
                target: Box::new(target),
                value: Box::new(value),
            },
        ))
    }

    /// `expression`: a conditional expression, a lambda, or a disjunction.
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        self.expression_checked(true)
    }

    /// `expression`, with or without CPython's checks at its top (two
    /// expressions side by side, `a if b` without `else`): it skips them
    /// for the keys of a dict after the first, which get "':' expected
    /// after dictionary key" instead.
    pub(crate) fn expression_checked(&mut self, check: bool) -> PResult<Expr> {
        if self.at_kw(Kw::Lambda) {
            return self.lambda();
        }
        self.enter()?;
        let result = self.conditional(check);
        self.leave();
        result
    }

    /// `body if test else orelse`, or just `body`.
    fn conditional(&mut self, check: bool) -> PResult<Expr> {
        let start_index = self.index();
        let start = self.start();
        let quiet = self.quiet;
        if std::mem::take(&mut self.quiet_next_operand) {
            self.quiet = true;
        }
        let body = self.disjunction();
        self.quiet = quiet;
        let body = body?;
        if check && self.starts_expression() {
            self.check_juxtaposed(start_index, &body)?;
        }
        if !self.at_kw(Kw::If) {
            return Ok(body);
        }
        self.conditional_rest(start, body, check)
    }

    /// `if test else orelse` after the body of a conditional expression.
    /// (Kept out of `conditional`, whose frame stays on the stack while
    /// nested expressions are parsed.)
    #[inline(never)]
    fn conditional_rest(&mut self, start: Pos, body: Expr, check: bool) -> PResult<Expr> {
        let from = self.index();
        self.bump();
        let test = self.disjunction();
        let Some(test) = self.backtrack(from, test)? else {
            return Ok(body);
        };
        if !self.eat_kw(Kw::Else) {
            if self.at_op(Op::Colon) || self.quiet || !check {
                self.restore((from, self.save().1));
                return Ok(body);
            }
            return Err(self.error_span(
                body.range.start,
                test.range.end,
                "expected 'else' after 'if' expression",
            ));
        }
        let orelse = self.expression();
        let Some(orelse) = self.backtrack(from, orelse)? else {
            return Ok(body);
        };
        Ok(self.node(
            start,
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
        ))
    }

    /// `a or b or c`.
    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.conjunction()?;
        if !self.at_kw(Kw::Or) {
            return Ok(first);
        }
        self.bool_rest(start, first, Kw::Or)
    }

    /// `a and b and c`.
    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.inversion()?;
        if !self.at_kw(Kw::And) {
            return Ok(first);
        }
        self.bool_rest(start, first, Kw::And)
    }

    /// The operands after the first of `or` (`kw`) or `and`. (Kept out of
    /// the functions above, whose frames stay on the stack while nested
    /// expressions are parsed.)
    #[inline(never)]
    fn bool_rest(&mut self, start: Pos, first: Expr, kw: Kw) -> PResult<Expr> {
        let mut values = vec![first];
        while self.at_kw(kw) {
            let from = self.index();
            self.bump();
            let value = if kw == Kw::Or {
                self.conjunction()
            } else {
                self.inversion()
            };
            match self.backtrack(from, value)? {
                Some(value) => values.push(value),
                None => break,
            }
        }
        if values.len() == 1 {
            return Ok(values.remove(0));
        }
        let op = if kw == Kw::Or {
            BoolOp::Or
        } else {
            BoolOp::And
        };
        Ok(self.node(start, ExprKind::BoolOp { op, values }))
    }

    /// `not x`, or a comparison.
    fn inversion(&mut self) -> PResult<Expr> {
        if !self.at_kw(Kw::Not) {
            return self.comparison();
        }
        let start = self.start();
        self.bump();
        self.enter()?;
        let operand = self.inversion();
        self.leave();
        let operand = Box::new(operand?);
        Ok(self.node(
            start,
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            },
        ))
    }
}

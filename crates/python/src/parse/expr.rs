//! Expressions, from the loosest-binding (tuples, conditionals, `or`) down
//! to unary operators and `**`, with Python's precedence and associativity.
//! Primaries and atoms are in `atom.rs`.

use super::parser::{PResult, Parser};
use super::token::{Kw, Op, TokKind};
use crate::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, Pos, UnaryOp};

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
            elts.push(self.star_expression()?);
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
        if self.at_kw(Kw::Lambda) {
            return self.lambda();
        }
        self.enter()?;
        let result = self.conditional();
        self.leave();
        result
    }

    /// `body if test else orelse`, or just `body`.
    fn conditional(&mut self) -> PResult<Expr> {
        let start_index = self.index();
        let start = self.start();
        let body = self.disjunction()?;
        if self.starts_expression() {
            self.check_juxtaposed(start_index, &body)?;
        }
        if !self.at_kw(Kw::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.disjunction()?;
        if !self.eat_kw(Kw::Else) {
            if self.at_op(Op::Colon) {
                return Err(self.generic());
            }
            return Err(self.error_span(
                body.range.start,
                test.range.end,
                "expected 'else' after 'if' expression",
            ));
        }
        let orelse = self.expression()?;
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
        self.bool_chain(Kw::Or)
    }

    /// `a and b` (`and_or` is `Kw::And`), or `a or b` (`Kw::Or`).
    fn bool_chain(&mut self, kw: Kw) -> PResult<Expr> {
        let start = self.start();
        let operand = |p: &mut Self| {
            if kw == Kw::Or {
                p.bool_chain(Kw::And)
            } else {
                p.inversion()
            }
        };
        let first = operand(self)?;
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(operand(self)?);
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

    /// `a < b <= c`, `a not in b`, `a is not b`: one chained comparison.
    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.comparison_operator() {
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(self.node(
            start,
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
        ))
    }

    /// Consumes a comparison operator, if one is next.
    fn comparison_operator(&mut self) -> Option<CmpOp> {
        let op = match self.kind() {
            TokKind::Op(Op::EqEq) => CmpOp::Eq,
            TokKind::Op(Op::NotEq) => CmpOp::NotEq,
            TokKind::Op(Op::Less) => CmpOp::Lt,
            TokKind::Op(Op::LessEq) => CmpOp::LtE,
            TokKind::Op(Op::Greater) => CmpOp::Gt,
            TokKind::Op(Op::GreaterEq) => CmpOp::GtE,
            TokKind::Kw(Kw::In) => CmpOp::In,
            TokKind::Kw(Kw::Is) => {
                self.bump();
                return Some(if self.eat_kw(Kw::Not) {
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                });
            }
            TokKind::Kw(Kw::Not) if self.nth(1).is_kw(Kw::In) => {
                self.bump();
                CmpOp::NotIn
            }
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    /// `bitwise_or` and everything that binds tighter.
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Left-associative binary operators of precedence `min` and above.
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let start = self.start();
        let mut left = self.factor()?;
        while let Some((op, prec)) = binary_operator(self.kind()) {
            if prec < min {
                break;
            }
            self.bump();
            let right = self.binary(prec + 1)?;
            left = self.node(
                start,
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
            );
        }
        Ok(left)
    }

    /// `-x`, `+x`, `~x` (they bind looser than `**`), or a power.
    pub(crate) fn factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            TokKind::Op(Op::Minus) => UnaryOp::USub,
            TokKind::Op(Op::Plus) => UnaryOp::UAdd,
            TokKind::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.bump();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = Box::new(operand?);
        Ok(self.node(start, ExprKind::UnaryOp { op, operand }))
    }

    /// `a ** b`: right-associative, and its right side may be unary.
    fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = self.await_primary()?;
        if !self.eat_op(Op::DoubleStar) {
            return Ok(base);
        }
        self.enter()?;
        let exponent = self.factor();
        self.leave();
        let exponent = exponent?;
        Ok(self.node(
            start,
            ExprKind::BinOp {
                left: Box::new(base),
                op: BinOp::Pow,
                right: Box::new(exponent),
            },
        ))
    }

    /// `await x`, or a primary.
    fn await_primary(&mut self) -> PResult<Expr> {
        if !self.at_kw(Kw::Await) {
            return self.primary();
        }
        let start = self.start();
        self.bump();
        let value = self.primary()?;
        Ok(self.node(start, ExprKind::Await(Box::new(value))))
    }
}

/// The binary operator a token stands for, with its precedence (higher
/// binds tighter).
fn binary_operator(kind: TokKind) -> Option<(BinOp, u8)> {
    let TokKind::Op(op) = kind else {
        return None;
    };
    Some(match op {
        Op::VBar => (BinOp::BitOr, 1),
        Op::Caret => (BinOp::BitXor, 2),
        Op::Amp => (BinOp::BitAnd, 3),
        Op::LShift => (BinOp::LShift, 4),
        Op::RShift => (BinOp::RShift, 4),
        Op::Plus => (BinOp::Add, 5),
        Op::Minus => (BinOp::Sub, 5),
        Op::Star => (BinOp::Mult, 6),
        Op::Slash => (BinOp::Div, 6),
        Op::DoubleSlash => (BinOp::FloorDiv, 6),
        Op::Percent => (BinOp::Mod, 6),
        Op::At => (BinOp::MatMult, 6),
        _ => return None,
    })
}

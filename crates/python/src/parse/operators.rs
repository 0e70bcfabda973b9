//! The operators that bind tighter than `not`: comparisons, the binary
//! operators by precedence, unary minus, `**` and `await`.

use super::parser::{PResult, Parser};
use super::token::{Kw, Op, TokKind};
use crate::ast::{BinOp, CmpOp, Expr, ExprKind, UnaryOp};

impl Parser<'_> {
    /// `a < b <= c`, `a not in b`, `a is not b`: one chained comparison.
    pub(crate) fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let comparing = match self.kind() {
            TokKind::Op(op) => matches!(
                op,
                Op::EqEq | Op::NotEq | Op::Less | Op::LessEq | Op::Greater | Op::GreaterEq
            ),
            TokKind::Kw(Kw::In | Kw::Is | Kw::Not) => true,
            _ => false,
        };
        if !comparing {
            return Ok(left);
        }
        self.comparison_rest(start, left)
    }

    /// The operators and operands after a comparison's first operand. (The
    /// functions of this file keep their work after the first operand in
    /// functions of their own: their frames stay small while the first
    /// operand, which may nest deeply, is parsed.)
    #[inline(never)]
    fn comparison_rest(&mut self, start: crate::ast::Pos, left: Expr) -> PResult<Expr> {
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let from = self.index();
            let Some(op) = self.comparison_operator() else {
                break;
            };
            let right = self.bitwise_or();
            let Some(right) = self.backtrack(from, right)? else {
                break;
            };
            ops.push(op);
            comparators.push(right);
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
        let left = self.factor()?;
        match binary_operator(self.kind()) {
            Some((_, prec)) if prec >= min => self.binary_rest(start, left, min),
            _ => Ok(left),
        }
    }

    /// The operators and operands after a binary expression's first operand.
    #[inline(never)]
    fn binary_rest(&mut self, start: crate::ast::Pos, mut left: Expr, min: u8) -> PResult<Expr> {
        let mut length = 0;
        while let Some((op, prec)) = binary_operator(self.kind()) {
            if prec < min {
                break;
            }
            length += 1;
            self.check_chain(length)?;
            let from = self.index();
            self.bump();
            let right = self.binary(prec + 1);
            let Some(right) = self.backtrack(from, right)? else {
                break;
            };
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
        if !self.at_op(Op::DoubleStar) {
            return Ok(base);
        }
        self.power_rest(start, base)
    }

    /// `** exponent` after the base of a power.
    #[inline(never)]
    fn power_rest(&mut self, start: crate::ast::Pos, base: Expr) -> PResult<Expr> {
        let from = self.index();
        self.bump();
        self.enter()?;
        let exponent = self.factor();
        self.leave();
        let Some(exponent) = self.backtrack(from, exponent)? else {
            return Ok(base);
        };
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

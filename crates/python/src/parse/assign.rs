//! Expression statements and the assignments (`=`, `+=`, `x: T = v`),
//! with CPython's messages for targets that cannot be assigned.

use super::parser::{Fail, PResult, Parser};
use super::targets::{TargetKind, expr_name, invalid_target};
use super::token::{Kw, Op, TokKind};
use crate::ast::{Expr, ExprKind, Pos, Stmt, StmtKind};

impl Parser<'_> {
    /// A statement that starts with an expression.
    pub(crate) fn expression_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let start_index = self.index();
        let (first, bare_tuple) = self.star_expressions_flagged()?;
        let kind = match self.kind() {
            TokKind::Op(Op::Walrus) if !bare_tuple => {
                // `name := value` alone parses in CPython's error rules; only
                // other targets get a message.
                if self.token_at(start_index + 1).is_op(Op::Walrus) {
                    return Err(self.generic());
                }
                return Err(self.walrus_error(&first));
            }
            TokKind::Op(Op::Colon) => self.annotated(start, first, bare_tuple)?,
            TokKind::Op(Op::Assign) => self.assignment(start_index, first, bare_tuple)?,
            TokKind::Op(Op::AugAssign(op)) => {
                if !is_single_target(&first) {
                    return Err(self.augmented_target_error(&first));
                }
                self.bump();
                let value = self.assigned_value()?;
                StmtKind::AugAssign {
                    target: first,
                    op,
                    value,
                }
            }
            _ => StmtKind::Expr(first),
        };
        Ok(self.stmt(start, kind))
    }

    /// `yield ...` or `star_expressions`: what can be assigned.
    fn assigned_value(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    /// `a = b = value`, the current token being the first `=`.
    fn assignment(
        &mut self,
        start_index: usize,
        first: Expr,
        bare_tuple: bool,
    ) -> PResult<StmtKind> {
        let mut targets = vec![first];
        loop {
            let index = targets.len() - 1;
            if let Some(bad) = invalid_target(&targets[index], TargetKind::Star) {
                if bare_tuple {
                    self.check_tuple_statement(start_index)?;
                }
                let target = &targets[index];
                let fail = if index == 0 && self.maybe_meant_equality(start_index, target)? {
                    let msg = format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(target)
                    );
                    self.error_span(target.range.start, target.range.end, msg)
                } else {
                    let msg = format!("cannot assign to {}", expr_name(bad));
                    self.error_span(bad.range.start, bad.range.end, msg)
                };
                return Err(fail);
            }
            self.bump();
            let value = self.assigned_value()?;
            if !self.at_op(Op::Assign) {
                return Ok(StmtKind::Assign { targets, value });
            }
            if matches!(value.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return Err(self.yield_assignment_error(&value));
            }
            targets.push(value);
        }
    }

    /// A statement that starts `a, ...` and does not parse: CPython's error
    /// rules read it again as expressions (comma-separated, or even side by
    /// side), and a specific mistake in one of them (`b = 1` meaning
    /// `b == 1`) is the error.
    pub(crate) fn check_tuple_statement(&mut self, start_index: usize) -> PResult<()> {
        if self.quiet {
            return Ok(());
        }
        let save = self.save();
        self.restore((start_index, save.1));
        let walked = self.walk_tuple_statement();
        self.restore(save);
        match walked {
            Err(fail) if !fail.generic => Err(fail),
            _ => Ok(()),
        }
    }

    /// `star_named_expression ',' star_named_expressions*`, as CPython's
    /// `invalid_assignment` reads a statement.
    fn walk_tuple_statement(&mut self) -> PResult<()> {
        self.star_named_expression()?;
        if !self.eat_op(Op::Comma) {
            return Ok(());
        }
        while self.starts_expression() || self.at_op(Op::Star) {
            self.star_named_expression()?;
            while self.eat_op(Op::Comma) {
                if !self.starts_expression() && !self.at_op(Op::Star) {
                    break;
                }
                self.star_named_expression()?;
            }
        }
        Ok(())
    }

    /// Whether CPython would read `target = value` as a comparison typed
    /// with one `=`: the target is a single operand (not a list, tuple or
    /// constant keyword) and a single operand follows the `=`.
    fn maybe_meant_equality(&mut self, start_index: usize, target: &Expr) -> PResult<bool> {
        if self.quiet {
            return Ok(false);
        }
        let first_tok = self.token_at(start_index);
        let parenthesized = target.range.start != first_tok.start;
        if !parenthesized && !is_operand(target) {
            return Ok(false);
        }
        if self.starts_with_display_or_constant(start_index)? {
            return Ok(false);
        }
        self.lookahead(|p| {
            p.bump();
            p.bitwise_or()?;
            if p.at_op(Op::Assign) || p.at_op(Op::Walrus) {
                return Err(p.generic());
            }
            Ok(())
        })
    }

    /// Whether a list, a tuple, a generator expression, `True`, `False` or
    /// `None` starts at token `index` (CPython's `invalid_named_expression`
    /// does not apply to them).
    pub(crate) fn starts_with_display_or_constant(&mut self, index: usize) -> PResult<bool> {
        let t = self.token_at(index);
        if matches!(t.kind, TokKind::Kw(Kw::True | Kw::False | Kw::None)) {
            return Ok(true);
        }
        if !t.is_op(Op::LPar) && !t.is_op(Op::LSqb) {
            return Ok(false);
        }
        let save = self.save();
        self.restore((index, save.1));
        let atom = self.atom();
        self.restore(save);
        Ok(match atom {
            Ok(e) => matches!(
                e.kind,
                ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. }
            ),
            Err(fail) if fail.generic => false,
            Err(fail) => return Err(fail),
        })
    }

    /// `yield x = ...`: CPython's error.
    pub(crate) fn yield_assignment_error(&self, value: &Expr) -> Box<Fail> {
        self.error_span(
            value.range.start,
            value.range.end,
            "assignment to yield expression not possible",
        )
    }

    /// `f() += 1`: CPython's error, if the right side parses.
    fn augmented_target_error(&mut self, target: &Expr) -> Box<Fail> {
        if self.quiet {
            return self.generic();
        }
        let parsed = self.lookahead(|p| {
            p.bump();
            p.assigned_value()
        });
        match parsed {
            Ok(true) => {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(target)
                );
                self.error_span(target.range.start, target.range.end, msg)
            }
            Ok(false) => self.generic(),
            Err(fail) => fail,
        }
    }

    /// `target: annotation = value`, the current token being the `:`.
    fn annotated(&mut self, start: Pos, target: Expr, bare_tuple: bool) -> PResult<StmtKind> {
        let simple = matches!(target.kind, ExprKind::Name(_)) && target.range.start == start;
        if !is_single_target(&target) {
            return Err(self.annotation_target_error(&target, bare_tuple));
        }
        self.bump();
        let annotation = self.expression()?;
        let value = if self.eat_op(Op::Assign) {
            Some(self.assigned_value()?)
        } else {
            None
        };
        Ok(StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        })
    }

    /// CPython's errors for an annotated target that is not a single one.
    fn annotation_target_error(&mut self, target: &Expr, bare_tuple: bool) -> Box<Fail> {
        if self.quiet {
            return self.generic();
        }
        let annotation_parses = self.lookahead(|p| {
            p.bump();
            p.expression()
        });
        match annotation_parses {
            Ok(true) => {}
            Ok(false) => return self.generic(),
            Err(fail) => return fail,
        }
        let (at, msg) = match &target.kind {
            ExprKind::Tuple(elts) if bare_tuple => (
                elts.first().unwrap_or(target),
                "only single target (not tuple) can be annotated".to_string(),
            ),
            ExprKind::Tuple(_) | ExprKind::List(_) => (
                target,
                format!(
                    "only single target (not {}) can be annotated",
                    expr_name(target)
                ),
            ),
            _ => (target, "illegal target for annotation".to_string()),
        };
        self.error_span(at.range.start, at.range.end, msg)
    }
}

/// Whether `e` is a name, an attribute or a subscript (what `+=` and an
/// annotation accept).
fn is_single_target(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    )
}

/// Whether `e`, unparenthesized, is what CPython's `bitwise_or` rule
/// produces (an operand, not a comparison or a boolean expression).
pub(crate) fn is_operand(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::BoolOp { .. }
        | ExprKind::NamedExpr { .. }
        | ExprKind::Lambda { .. }
        | ExprKind::IfExp { .. }
        | ExprKind::Compare { .. }
        | ExprKind::Starred(_)
        | ExprKind::Yield(_)
        | ExprKind::YieldFrom(_)
        | ExprKind::Slice { .. } => false,
        ExprKind::Tuple(_) => false,
        ExprKind::UnaryOp { op, .. } => *op != crate::ast::UnaryOp::Not,
        _ => true,
    }
}

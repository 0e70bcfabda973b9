//! Parsing targets where the grammar expects one outright: the variables
//! of `for` and comprehensions, and `with ... as target`.

use super::parser::{PResult, Parser};
use super::targets::{TargetKind, expr_name, invalid_target};
use super::token::{Kw, Op};
use crate::ast::{Expr, ExprKind};

impl Parser<'_> {
    /// The target of a `for` (before `in`); on failure, CPython's error
    /// for the expression written there.
    pub(crate) fn for_target(&mut self) -> PResult<Expr> {
        let save = self.save();
        match self.star_targets() {
            Ok(target) if self.at_kw(Kw::In) => return Ok(target),
            Err(fail) if !fail.generic => return Err(fail),
            _ => {}
        }
        let furthest = self.save().1;
        self.restore((save.0, furthest));
        let written = self.star_expressions()?;
        match invalid_target(&written, TargetKind::For) {
            Some(bad) => {
                let msg = format!("cannot assign to {}", expr_name(bad));
                Err(self.error_span(bad.range.start, bad.range.end, msg))
            }
            None => Err(self.generic()),
        }
    }

    /// The target after `with ... as`, which a `,`, `)` or `:` must follow.
    pub(crate) fn as_target(&mut self) -> PResult<Expr> {
        let save = self.save();
        match self.star_target() {
            Ok(target) if self.at_target_end() => return Ok(target),
            Err(fail) if !fail.generic => return Err(fail),
            _ => {}
        }
        let furthest = self.save().1;
        self.restore((save.0, furthest));
        let written = self.expression()?;
        let bad = invalid_target(&written, TargetKind::Star);
        if let Some(bad) = bad.filter(|_| self.at_target_end()) {
            let msg = format!("cannot assign to {}", expr_name(bad));
            return Err(self.error_span(bad.range.start, bad.range.end, msg));
        }
        Err(self.generic())
    }

    /// Whether a `with` target may end here.
    fn at_target_end(&mut self) -> bool {
        self.at_op(Op::Comma) || self.at_op(Op::RPar) || self.at_op(Op::Colon)
    }

    /// `a, *b, c.d` as a tuple, or one target.
    fn star_targets(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_target()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.starts_expression() && !self.at_op(Op::Star) {
                break;
            }
            elts.push(self.star_target()?);
        }
        Ok(self.node(start, ExprKind::Tuple(elts)))
    }

    /// `*target`, a name, an attribute, a subscript, or a bracketed list of
    /// targets.
    fn star_target(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            if self.at_op(Op::Star) {
                return Err(self.generic());
            }
            let inner = Box::new(self.star_target()?);
            return Ok(self.node(start, ExprKind::Starred(inner)));
        }
        let target = self.primary()?;
        if is_target_shape(&target) {
            Ok(target)
        } else {
            Err(self.generic())
        }
    }
}

/// Whether `e` has the shape of an assignment target.
fn is_target_shape(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => true,
        ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().all(|elt| match &elt.kind {
            ExprKind::Starred(inner) => is_target_shape(inner),
            _ => is_target_shape(elt),
        }),
        _ => false,
    }
}

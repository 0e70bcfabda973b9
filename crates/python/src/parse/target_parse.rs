//! Parsing targets where the grammar expects one outright: the variables
//! of `for` and comprehensions, and `with ... as target`.

use super::parser::{PResult, Parser};
use super::targets::{TargetKind, expr_name, invalid_target};
use super::token::{Kw, Op, TokKind};
use crate::ast::{Expr, ExprKind, StmtKind};

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
        // What follows is CPython's second pass, which does not move the
        // place of a generic error.
        let first_pass = self.save().1;
        self.restore((save.0, first_pass));
        let written = self.star_expressions();
        let bad = match &written {
            Ok(written) => invalid_target(written, TargetKind::For),
            Err(fail) if !fail.generic => return written,
            Err(_) => None,
        };
        match bad {
            Some(bad) => {
                let msg = format!("cannot assign to {}", expr_name(bad));
                Err(self.error_span(bad.range.start, bad.range.end, msg))
            }
            None => {
                self.restore((save.0, first_pass));
                Err(self.generic())
            }
        }
    }

    /// The target after `with ... as`, which a `,`, `)` or `:` must follow.
    pub(crate) fn as_target(&mut self) -> PResult<Expr> {
        let save = self.save();
        match self.star_target() {
            Ok(target) if self.at_target_end() || self.kind() == TokKind::Newline => {
                return Ok(target);
            }
            Err(fail) if !fail.generic => return Err(fail),
            _ => {}
        }
        let first_pass = self.save().1;
        self.restore((save.0, first_pass));
        let written = self.expression();
        let bad = match &written {
            Ok(written) => invalid_target(written, TargetKind::Star),
            Err(fail) if !fail.generic => return written,
            Err(_) => None,
        };
        if let Some(bad) = bad.filter(|_| self.at_target_end()) {
            let msg = format!("cannot assign to {}", expr_name(bad));
            return Err(self.error_span(bad.range.start, bad.range.end, msg));
        }
        self.restore((save.0, first_pass));
        Err(self.generic())
    }

    /// `del a, b[0], c.d`, the current token being `del`.
    pub(crate) fn del_statement(&mut self) -> PResult<StmtKind> {
        self.bump();
        let start = self.index();
        if let Some(targets) = self.del_targets()? {
            return Ok(StmtKind::Delete(targets));
        }
        // CPython's second pass reads what follows `del` as expressions, to
        // name what cannot be deleted.
        let first_pass = self.save().1;
        self.rewind(start);
        if self.quiet {
            return Err(self.generic());
        }
        let written = match self.star_expressions() {
            Ok(written) => Some(written),
            Err(fail) if !fail.generic => return Err(fail),
            Err(_) => None,
        };
        if let Some(bad) = written
            .as_ref()
            .and_then(|w| invalid_target(w, TargetKind::Del))
        {
            let msg = format!("cannot delete {}", expr_name(bad));
            return Err(self.error_span(bad.range.start, bad.range.end, msg));
        }
        self.restore((start, first_pass));
        Err(self.generic())
    }

    /// The targets of `del`, if they are all names, attributes, subscripts
    /// or bracketed lists of them, up to the end of the statement.
    fn del_targets(&mut self) -> PResult<Option<Vec<Expr>>> {
        let mut targets = Vec::new();
        loop {
            let from = self.index();
            let target = self.primary();
            match self.backtrack(from, target)? {
                Some(target) if is_target_shape(&target, false) => targets.push(target),
                Some(_) => {
                    self.rewind(from);
                    break;
                }
                None => break,
            }
            if !self.eat_op(Op::Comma) || !self.starts_expression() {
                break;
            }
        }
        let at_end = self.at_op(Op::Semi) || self.kind() == TokKind::Newline;
        Ok((at_end && !targets.is_empty()).then_some(targets))
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
        if is_target_shape(&target, true) {
            Ok(target)
        } else {
            Err(self.generic())
        }
    }
}

/// Whether `e` has the shape of an assignment target (or of a `del`
/// target, without `starred` ones).
fn is_target_shape(e: &Expr, starred: bool) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => true,
        ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().all(|elt| match &elt.kind {
            ExprKind::Starred(inner) => starred && is_target_shape(inner, starred),
            _ => is_target_shape(elt, starred),
        }),
        _ => false,
    }
}

//! CPython's specific messages for common mistakes inside expressions
//! (its `invalid_*` grammar rules): a missing comma, `print x`, `=` where
//! `==` was meant, misplaced `:=`. Each check runs where the parser is
//! stuck, so that valid programs never pay for it or trip on it.

use super::assign::is_operand;
use super::parser::{Fail, PResult, Parser};
use super::targets::expr_name;
use super::token::{Op, TokKind};
use crate::ast::{Expr, ExprKind};

/// Names that start a Python 2 statement CPython recognizes.
const LEGACY_STATEMENTS: [&str; 2] = ["print", "exec"];

/// Soft keywords: a juxtaposition that starts with one is not reported as
/// a missing comma.
const SOFT_KEYWORDS: [&str; 3] = ["_", "case", "match"];

/// Whether CPython 3.11 takes `name` for a soft keyword here: it compares
/// only as many characters as the name has, so `m`, `ca` and `matc` count.
fn is_soft_keyword(name: &str) -> bool {
    !name.is_empty() && SOFT_KEYWORDS.iter().any(|kw| kw.starts_with(name))
}

impl Parser<'_> {
    /// An expression `a` (starting at token `start_index`) is followed by
    /// the start of another: a missing comma (inside brackets), or a
    /// Python 2 `print`/`exec` statement.
    #[inline(never)]
    pub(crate) fn check_juxtaposed(&mut self, start_index: usize, a: &Expr) -> PResult<()> {
        if self.quiet {
            return Ok(());
        }
        let first = self.token_at(start_index);
        let second = self.token_at(start_index + 1);
        let first_text = self.text(&first);
        let legacy = matches!(&a.kind, ExprKind::Name(n) if LEGACY_STATEMENTS.contains(&&**n));
        let blocked = first.kind == TokKind::Name
            && (second.kind == TokKind::Str || is_soft_keyword(first_text));
        if !blocked {
            let save = self.save();
            let quiet = std::mem::replace(&mut self.quiet, true);
            let b = self.expression_without_invalid();
            self.quiet = quiet;
            let depth = self.prev().depth;
            self.restore(save);
            match b {
                Ok(b) if depth > 0 && !legacy => {
                    let msg = "invalid syntax. Perhaps you forgot a comma?";
                    return Err(self.error_span(a.range.start, b.range.end, msg));
                }
                Err(fail) if !fail.generic => return Err(fail),
                _ => {}
            }
        }
        if first.kind == TokKind::Name && !second.is_op(Op::LPar) {
            // CPython reads what follows the name, and a mistake found in
            // it stands; then `print x` gets its own message. What the
            // quiet read above already covered, CPython remembers from it
            // (its rules are memoized): that part stays quiet here.
            let single = a.range.end == first.end;
            let save = self.save();
            self.restore((start_index + 1, save.1));
            self.quiet_next_operand = single && !blocked;
            let b = self.star_expressions();
            self.quiet_next_operand = false;
            self.restore(save);
            match b {
                Ok(b) if LEGACY_STATEMENTS.contains(&first_text) => {
                    let msg = format!(
                        "Missing parentheses in call to '{first_text}'. Did you mean {first_text}(...)?"
                    );
                    return Err(self.error_span(first.start, b.range.end, msg));
                }
                Err(fail) if !fail.generic => return Err(fail),
                _ => {}
            }
        }
        Ok(())
    }

    /// CPython's `expression_without_invalid`: a conditional expression, a
    /// disjunction or a lambda, without the juxtaposition check at its top.
    fn expression_without_invalid(&mut self) -> PResult<Expr> {
        if self.at_kw(super::token::Kw::Lambda) {
            return self.lambda();
        }
        let start = self.start();
        let body = self.disjunction()?;
        let from = self.index();
        if !self.eat_kw(super::token::Kw::If) {
            return Ok(body);
        }
        let test = self.disjunction();
        let Some(test) = self.backtrack(from, test)? else {
            return Ok(body);
        };
        if !self.eat_kw(super::token::Kw::Else) {
            self.restore((from, self.save().1));
            return Ok(body);
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

    /// A named expression (starting at token `start_index`) is followed by
    /// `=`: CPython suspects `==` or `:=` was meant.
    #[inline(never)]
    pub(crate) fn check_assign_in_expression(
        &mut self,
        start_index: usize,
        value: &Expr,
    ) -> PResult<()> {
        if self.quiet {
            return Ok(());
        }
        let first = self.token_at(start_index);
        let parenthesized = value.range.start != first.start;
        let name = matches!(value.kind, ExprKind::Name(_)) && !parenthesized;
        let operand = !name
            && (parenthesized || is_operand(value))
            && !self.starts_with_display_or_constant(start_index)?;
        if !name && !operand {
            return Ok(());
        }
        let rhs_end = self.lookahead_operand_after_assign()?;
        let Some(rhs_end) = rhs_end else {
            return Ok(());
        };
        if name {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return Err(self.error_span(value.range.start, rhs_end, msg));
        }
        let msg = format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(value)
        );
        Err(self.error_span(value.range.start, value.range.end, msg))
    }

    /// From an `=`: whether an operand follows it, not itself followed by
    /// `=` or `:=`; where that operand ends.
    fn lookahead_operand_after_assign(&mut self) -> PResult<Option<crate::ast::Pos>> {
        let save = self.save();
        self.bump();
        let operand = self.bitwise_or();
        let followed = self.at_op(Op::Assign) || self.at_op(Op::Walrus);
        self.restore(save);
        match operand {
            Ok(e) if !followed => Ok(Some(e.range.end)),
            Err(fail) if !fail.generic => Err(fail),
            _ => Ok(None),
        }
    }

    /// `f(x) := 1`: CPython's error, if the value parses.
    #[inline(never)]
    pub(crate) fn walrus_error(&mut self, target: &Expr) -> Box<Fail> {
        if self.quiet {
            return self.generic();
        }
        let parses = self.lookahead(|p| {
            p.bump();
            p.expression()
        });
        match parses {
            Ok(true) => {
                let msg = format!(
                    "cannot use assignment expressions with {}",
                    expr_name(target)
                );
                self.error_span(target.range.start, target.range.end, msg)
            }
            Ok(false) => self.generic(),
            Err(fail) => fail,
        }
    }
}

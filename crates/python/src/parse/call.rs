//! Call arguments and subscripts, with CPython's errors for misplaced
//! arguments.

use super::atom::Trailer;
use super::parser::{PResult, Parser};
use super::token::{Kw, Op, TokKind, Token};
use crate::ast::{Expr, ExprKind, Keyword};

/// What the arguments read so far allow next.
#[derive(Default)]
struct ArgState {
    args: Vec<Expr>,
    keywords: Vec<Keyword>,
    seen_keyword: bool,
    seen_unpacking: bool,
    /// An error CPython reports once the argument list is read to its end.
    pending: Option<&'static str>,
}

impl Parser<'_> {
    /// `(args)` after a primary, the current token being `(`.
    pub(crate) fn call_trailer(&mut self) -> PResult<Trailer> {
        let open = self.bump();
        let mut state = ArgState::default();
        let keyword = matches!(
            self.kind(),
            TokKind::Name | TokKind::Kw(Kw::True | Kw::False | Kw::None)
        ) && self.nth(1).is_op(Op::Assign);
        let plain_first = self.starts_expression() && !keyword;
        if plain_first {
            // Read once: it may turn out to be a generator expression's
            // element (`f(x for x in y)`), or the first argument.
            let walrus = self.kind() == TokKind::Name && self.nth(1).is_op(Op::Walrus);
            let first = self.plain_argument()?;
            if self.at_comprehension() {
                let genexp = self.sole_generator(&open, first)?;
                return Ok(Trailer::Call(vec![genexp], Vec::new()));
            }
            self.positional_value(&mut state, first, walrus)?;
            if self.eat_op(Op::Comma) {
                self.more_arguments(&mut state)?;
            }
        } else {
            self.more_arguments(&mut state)?;
        }
        let (args, keywords) = self.finish_arguments(state)?;
        Ok(Trailer::Call(args, keywords))
    }

    /// The arguments of a class statement's bases, after the `(` and up to
    /// and including the `)`.
    pub(crate) fn argument_list(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut state = ArgState::default();
        self.more_arguments(&mut state)?;
        self.finish_arguments(state)
    }

    /// Arguments separated by commas, up to the `)` (not consumed).
    fn more_arguments(&mut self, state: &mut ArgState) -> PResult<()> {
        while !self.at_op(Op::RPar) {
            match self.argument(state) {
                Ok(()) => {}
                // A positional argument after a keyword one is reported
                // even if what follows it does not parse.
                Err(fail) if fail.generic && state.pending.is_some() => break,
                Err(fail) => return Err(fail),
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(())
    }

    /// The `)` after the arguments (or the error an argument out of place
    /// left pending).
    fn finish_arguments(&mut self, state: ArgState) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        if let Some(msg) = state.pending {
            self.tok();
            return Err(self.error_last(super::error::SyntaxErrorKind::SyntaxError, msg));
        }
        self.expect_op(Op::RPar)?;
        Ok((state.args, state.keywords))
    }

    /// `f(x for x in y)`: a generator expression as the only argument,
    /// whose range spans the call's parentheses; `element` is read, and a
    /// comprehension clause follows.
    fn sole_generator(&mut self, open: &Token, element: Expr) -> PResult<Expr> {
        let generators = self.comprehension_clauses()?;
        if !self.at_op(Op::RPar) {
            if self.at_op(Op::Comma) {
                let end = Self::comprehension_end(&generators);
                return Err(self.error_span(element.range.start, end, GENEXP_PARENS));
            }
            return Err(self.generic());
        }
        self.bump();
        let elt = Box::new(element);
        Ok(self.node(open.start, ExprKind::GeneratorExp { elt, generators }))
    }

    /// A positional argument: a named expression (without the `name=`
    /// keyword form).
    fn plain_argument(&mut self) -> PResult<Expr> {
        if self.kind() == TokKind::Name && self.nth(1).is_op(Op::Walrus) {
            return self.walrus();
        }
        let value = self.expression()?;
        if self.at_op(Op::Walrus) {
            // CPython's call arguments refuse `expression :=` without a
            // message of their own.
            return Err(self.generic());
        }
        Ok(value)
    }

    /// One argument of a call.
    fn argument(&mut self, state: &mut ArgState) -> PResult<()> {
        let start = self.start();
        match self.kind() {
            TokKind::Op(Op::Star) => {
                let star = self.bump();
                let value = self.expression()?;
                if state.seen_unpacking {
                    let msg = "iterable argument unpacking follows keyword argument unpacking";
                    return Err(self.error_at(&star, msg));
                }
                let value = Box::new(value);
                state.args.push(self.node(start, ExprKind::Starred(value)));
            }
            TokKind::Op(Op::DoubleStar) => {
                self.bump();
                let value = self.expression()?;
                let range = self.range_from(start);
                state.keywords.push(Keyword {
                    arg: None,
                    value,
                    range,
                });
                state.seen_unpacking = true;
            }
            TokKind::Name if self.nth(1).is_op(Op::Assign) => self.keyword_argument(state)?,
            TokKind::Kw(Kw::True | Kw::False | Kw::None) if self.nth(1).is_op(Op::Assign) => {
                let (name, eq) = (self.tok(), self.nth(1));
                let msg = format!("cannot assign to {}", self.text(&name));
                return Err(self.error_span(name.start, eq.end, msg));
            }
            // CPython's grammar ends the arguments at a positional one after
            // a keyword one; only its error rules read on.
            _ if self.quiet && (state.seen_keyword || state.seen_unpacking) => {
                return Err(self.generic());
            }
            _ => self.positional_argument(state)?,
        }
        Ok(())
    }

    /// `name=value`.
    fn keyword_argument(&mut self, state: &mut ArgState) -> PResult<()> {
        let name = self.bump();
        let eq = self.bump();
        let value = self.expression()?;
        let comprehension = !self.quiet
            && self.lookahead(|p| {
                if !p.at_comprehension() {
                    return Err(p.generic());
                }
                p.comprehension_clauses()
            })?;
        if comprehension {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return Err(self.error_span(name.start, eq.end, msg));
        }
        let arg = Some(self.name_of(&name));
        let range = self.range_from(name.start);
        state.keywords.push(Keyword { arg, value, range });
        state.seen_keyword = true;
        Ok(())
    }

    /// A positional argument, with CPython's errors for one out of place.
    fn positional_argument(&mut self, state: &mut ArgState) -> PResult<()> {
        let walrus = self.kind() == TokKind::Name && self.nth(1).is_op(Op::Walrus);
        let value = self.plain_argument()?;
        self.positional_value(state, value, walrus)
    }

    /// A positional argument read (`walrus`: written `name := value`),
    /// with CPython's errors for one out of place.
    fn positional_value(&mut self, state: &mut ArgState, value: Expr, walrus: bool) -> PResult<()> {
        if self.at_op(Op::Assign) && !walrus {
            let eq = self.tok();
            let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
            return Err(self.error_span(value.range.start, eq.end, msg));
        }
        let save = self.save();
        let at_comprehension = self.at_comprehension();
        self.restore(save);
        if at_comprehension {
            if self.quiet {
                return Err(self.generic());
            }
            let clauses = self.comprehension_clauses();
            self.restore(save);
            return Err(match clauses {
                Ok(generators) => {
                    let end = Self::comprehension_end(&generators);
                    self.error_span(value.range.start, end, GENEXP_PARENS)
                }
                Err(fail) if fail.generic => self.generic(),
                Err(fail) => fail,
            });
        }
        if state.pending.is_none() && (state.seen_keyword || state.seen_unpacking) {
            let unpacking = state.keywords.iter().any(|k| k.arg.is_none());
            state.pending = Some(if unpacking {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            });
        }
        state.args.push(value);
        Ok(())
    }

    /// The index of a subscript: one slice or expression, or a tuple of
    /// them.
    pub(crate) fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice_item()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                // `a[*b]` indexes with a one-element tuple.
                return Ok(self.node(start, ExprKind::Tuple(vec![first])));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            elts.push(self.slice_item()?);
        }
        Ok(self.node(start, ExprKind::Tuple(elts)))
    }

    /// `lower:upper:step` with each part optional, `*a`, or an expression.
    fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.at_op(Op::Star) {
            self.bump();
            let value = Box::new(self.expression()?);
            return Ok(self.node(start, ExprKind::Starred(value)));
        }
        let lower = if self.at_op(Op::Colon) {
            None
        } else {
            let value = self.named_expression()?;
            if !self.at_op(Op::Colon) || matches!(value.kind, ExprKind::NamedExpr { .. }) {
                return Ok(value);
            }
            Some(Box::new(value))
        };
        self.bump();
        let upper = self.slice_bound()?;
        let step = if self.eat_op(Op::Colon) {
            self.slice_bound()?
        } else {
            None
        };
        Ok(self.node(start, ExprKind::Slice { lower, upper, step }))
    }

    /// An optional bound of a slice.
    fn slice_bound(&mut self) -> PResult<Option<Box<Expr>>> {
        if self.at_op(Op::Colon) || self.at_op(Op::Comma) || self.at_op(Op::RSqb) {
            return Ok(None);
        }
        Ok(Some(Box::new(self.expression()?)))
    }
}

/// CPython's message for a generator expression that shares its call.
const GENEXP_PARENS: &str = "Generator expression must be parenthesized";

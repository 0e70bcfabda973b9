//! Primaries (attribute access, calls, subscripts) and atoms: names,
//! literals, and the bracketed displays with their comprehensions.

use super::parser::{PResult, Parser};
use super::token::{Kw, Op, TokKind};
use crate::ast::{Comprehension, Constant, Expr, ExprKind, Keyword, Name, Pos};

/// What follows a primary.
pub(crate) enum Trailer {
    /// `.name`.
    Attribute(Name),
    /// `(args)`.
    Call(Vec<Expr>, Vec<Keyword>),
    /// `[index]`.
    Subscript(Expr),
}

impl Parser<'_> {
    /// `primary`: an atom followed by `.name`, `(args)` and `[index]`.
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let value = self.atom()?;
        if !matches!(self.kind(), TokKind::Op(Op::Dot | Op::LPar | Op::LSqb)) {
            return Ok(value);
        }
        self.trailers(start, value)
    }

    /// The trailers after an atom. (Kept out of `primary`, whose frame
    /// stays on the stack while a bracketed atom is parsed.)
    #[inline(never)]
    fn trailers(&mut self, start: Pos, mut value: Expr) -> PResult<Expr> {
        for length in 1.. {
            self.check_chain(length)?;
            let from = self.index();
            let trailer = match self.kind() {
                TokKind::Op(Op::Dot) => {
                    let attr = self.attribute_trailer();
                    self.backtrack(from, attr)?.map(Trailer::Attribute)
                }
                TokKind::Op(Op::LPar) => {
                    let call = self.call_trailer();
                    self.backtrack(from, call)?
                }
                TokKind::Op(Op::LSqb) => {
                    let index = self.subscript_trailer();
                    self.backtrack(from, index)?.map(Trailer::Subscript)
                }
                _ => None,
            };
            let Some(trailer) = trailer else {
                return Ok(value);
            };
            let value_box = Box::new(value);
            value = match trailer {
                Trailer::Attribute(attr) => self.node(
                    start,
                    ExprKind::Attribute {
                        value: value_box,
                        attr,
                    },
                ),
                Trailer::Subscript(slice) => {
                    let slice = Box::new(slice);
                    self.node(
                        start,
                        ExprKind::Subscript {
                            value: value_box,
                            slice,
                        },
                    )
                }
                Trailer::Call(args, keywords) => self.node(
                    start,
                    ExprKind::Call {
                        func: value_box,
                        args,
                        keywords,
                    },
                ),
            };
        }
        Ok(value)
    }

    /// `.name`.
    fn attribute_trailer(&mut self) -> PResult<Name> {
        self.bump();
        let name_tok = self.tok();
        if name_tok.kind != TokKind::Name {
            return Err(self.generic());
        }
        self.bump();
        Ok(self.name_of(&name_tok))
    }

    /// `[index]`.
    fn subscript_trailer(&mut self) -> PResult<Expr> {
        self.bump();
        let slice = self.slices()?;
        self.expect_op(Op::RSqb)?;
        Ok(slice)
    }

    /// `atom`: a name, a literal, or a bracketed display.
    pub(crate) fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let constant = match t.kind {
            TokKind::Name => {
                self.bump();
                let name = self.name_of(&t);
                return Ok(self.node(t.start, ExprKind::Name(name)));
            }
            TokKind::Number => return self.number(),
            TokKind::Str => return self.strings(),
            TokKind::Kw(Kw::True) => Constant::Bool(true),
            TokKind::Kw(Kw::False) => Constant::Bool(false),
            TokKind::Kw(Kw::None) => Constant::None,
            TokKind::Op(Op::Ellipsis) => Constant::Ellipsis,
            TokKind::Op(Op::LPar) => return self.paren_atom(),
            TokKind::Op(Op::LSqb) => return self.list_atom(),
            TokKind::Op(Op::LBrace) => return self.brace_atom(),
            _ => return Err(self.generic()),
        };
        self.bump();
        Ok(self.node(t.start, ExprKind::Constant(constant)))
    }

    /// `( ... )`: the empty tuple, a tuple, a generator expression, a
    /// parenthesized `yield`, or a group (which keeps its inner range).
    #[inline(never)]
    fn paren_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(Op::RPar) {
            return Ok(self.node(start, ExprKind::Tuple(Vec::new())));
        }
        if self.at_kw(Kw::Yield) {
            let value = self.yield_expr()?;
            self.expect_op(Op::RPar)?;
            return Ok(value);
        }
        if self.at_op(Op::DoubleStar) {
            return Err(self.double_starred_group());
        }
        let first = self.star_named_expression()?;
        if self.at_comprehension() {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.unpacking_in_comprehension(&first));
            }
            let generators = self.comprehension_clauses()?;
            self.expect_op(Op::RPar)?;
            let elt = Box::new(first);
            return Ok(self.node(start, ExprKind::GeneratorExp { elt, generators }));
        }
        if self.at_op(Op::RPar) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.error_span(
                    first.range.start,
                    first.range.end,
                    "cannot use starred expression here",
                ));
            }
            self.bump();
            return Ok(first);
        }
        if !self.at_op(Op::Comma) {
            return Err(self.generic());
        }
        let elts = self.display_rest(first, Op::RPar)?;
        Ok(self.node(start, ExprKind::Tuple(elts)))
    }

    /// `(**x)`: CPython's error for it.
    fn double_starred_group(&mut self) -> Box<super::parser::Fail> {
        if self.quiet {
            return self.generic();
        }
        let star = self.tok();
        let save = self.save();
        self.bump();
        let ok = self.expression().is_ok() && self.at_op(Op::RPar);
        self.restore(save);
        if ok {
            self.error_at(&star, "cannot use double starred expression here")
        } else {
            self.generic()
        }
    }

    /// The elements of a display after its first one, up to and including
    /// the closing bracket.
    fn display_rest(&mut self, first: Expr, close: Op) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(close) {
                break;
            }
            if close != Op::RPar && !self.quiet && self.at_comprehension() {
                return Err(self.comprehension_target_error(&elts, None));
            }
            elts.push(self.star_named_expression()?);
            if self.at_comprehension() {
                if close == Op::RPar {
                    return Err(self.generic());
                }
                return Err(self.comprehension_target_error(&elts, None));
            }
        }
        self.expect_op(close)?;
        Ok(elts)
    }

    /// `[ ... ]`: a list or a list comprehension.
    #[inline(never)]
    fn list_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(Op::RSqb) {
            return Ok(self.node(start, ExprKind::List(Vec::new())));
        }
        let first = self.star_named_expression()?;
        if self.at_comprehension() {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.unpacking_in_comprehension(&first));
            }
            let generators = self.comprehension_clauses()?;
            self.expect_op(Op::RSqb)?;
            let elt = Box::new(first);
            return Ok(self.node(start, ExprKind::ListComp { elt, generators }));
        }
        if self.at_op(Op::Comma) && self.comma_then_comprehension() {
            let comma = self.tok();
            return Err(self.comprehension_target_error(&[first], Some(comma)));
        }
        let elts = self.display_rest(first, Op::RSqb)?;
        Ok(self.node(start, ExprKind::List(elts)))
    }

    /// Whether a comprehension clause (`for`, `async for`) starts here.
    pub(crate) fn at_comprehension(&mut self) -> bool {
        self.at_kw(Kw::For) || (self.at_kw(Kw::Async) && self.nth(1).is_kw(Kw::For))
    }

    /// Whether the current comma is followed by a comprehension clause.
    /// (Only CPython's second pass asks, so it does not count as looked at.)
    pub(crate) fn comma_then_comprehension(&mut self) -> bool {
        if self.quiet {
            return false;
        }
        let save = self.save();
        let next = self.nth(1);
        let found = next.is_kw(Kw::For) || (next.is_kw(Kw::Async) && self.nth(2).is_kw(Kw::For));
        self.restore(save);
        found
    }

    /// `for target in iter if cond ...`, one or more clauses.
    pub(crate) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.at_comprehension() {
            let is_async = self.eat_kw(Kw::Async);
            self.bump();
            let target = self.for_target()?;
            if !self.eat_kw(Kw::In) {
                return Err(self.generic());
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    /// The end of the last part of the last comprehension clause.
    pub(crate) fn comprehension_end(generators: &[Comprehension]) -> Pos {
        generators.last().map_or(Pos::default(), |last| {
            last.ifs.last().unwrap_or(&last.iter).range.end
        })
    }
}

//! Brace displays (dicts, sets and their comprehensions) and the errors
//! CPython gives for misshapen comprehensions.

use super::parser::{Fail, PResult, Parser};
use super::token::{Op, Token};
use crate::ast::{Expr, ExprKind, Pos};

impl Parser<'_> {
    /// Runs `f` as a look-ahead: the tokens it reads are given back. Says
    /// whether it parsed; a specific error inside it still stands, as the
    /// error of a CPython rule tried in the same place would.
    pub(crate) fn lookahead<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<bool> {
        let save = self.save();
        let result = f(self);
        self.restore(save);
        match result {
            Ok(_) => Ok(true),
            Err(fail) if fail.generic => Ok(false),
            Err(fail) => Err(fail),
        }
    }

    /// `{ ... }`: a dict, a set, or their comprehensions.
    #[inline(never)]
    pub(crate) fn brace_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(Op::RBrace) {
            return Ok(self.node(
                start,
                ExprKind::Dict {
                    keys: vec![],
                    values: vec![],
                },
            ));
        }
        if self.at_op(Op::DoubleStar) {
            let star = self.tok();
            self.bump();
            let value = self.bitwise_or()?;
            if self.at_comprehension() {
                if self.quiet {
                    return Err(self.generic());
                }
                let clauses_parse = self.lookahead(|p| p.comprehension_clauses())?;
                return Err(if clauses_parse {
                    self.error_at(&star, "dict unpacking cannot be used in dict comprehension")
                } else {
                    self.generic()
                });
            }
            return self.dict_rest(start, None, value);
        }
        let first = self.star_named_expression()?;
        if self.at_op(Op::Colon) && !matches!(first.kind, ExprKind::Starred(_)) {
            let colon = self.tok();
            self.bump();
            let value = self.dict_value(&colon)?;
            if self.at_comprehension() {
                let generators = self.comprehension_clauses()?;
                self.expect_op(Op::RBrace)?;
                let (key, value) = (Box::new(first), Box::new(value));
                return Ok(self.node(
                    start,
                    ExprKind::DictComp {
                        key,
                        value,
                        generators,
                    },
                ));
            }
            return self.dict_rest(start, Some(first), value);
        }
        self.set_rest(start, first)
    }

    /// The value after `key:` in a dict display.
    fn dict_value(&mut self, colon: &Token) -> PResult<Expr> {
        if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
            return Err(self.error_at(colon, "expression expected after dictionary key and ':'"));
        }
        if self.at_op(Op::Star) && !self.quiet {
            let star = self.tok();
            let save = self.save();
            self.bump();
            let starred = self.bitwise_or();
            let after = self.tok();
            self.restore(save);
            if starred.is_ok() {
                let msg = "cannot use a starred expression in a dictionary value";
                return Err(self.starting_from(star.start, &after, msg));
            }
        }
        self.expression()
    }

    /// The rest of a dict display after its first item.
    fn dict_rest(
        &mut self,
        start: crate::ast::Pos,
        key: Option<Expr>,
        value: Expr,
    ) -> PResult<Expr> {
        let mut keys = vec![key];
        let mut values = vec![value];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar) {
                keys.push(None);
                values.push(self.bitwise_or()?);
                continue;
            }
            let key = self.expression_checked(false)?;
            if !self.at_op(Op::Colon) {
                return Err(self.colon_expected(&key));
            }
            let colon = self.tok();
            self.bump();
            values.push(self.dict_value(&colon)?);
            keys.push(Some(key));
        }
        self.expect_op(Op::RBrace)?;
        Ok(self.node(start, ExprKind::Dict { keys, values }))
    }

    /// CPython's error for a dict key without its `:`, placed on the key's
    /// last character.
    fn colon_expected(&self, key: &Expr) -> Box<Fail> {
        let end = key.range.end;
        let mut fail = self.error_span(key.range.start, end, "':' expected after dictionary key");
        fail.error.line = key.range.start.line;
        fail.error.col = end.col;
        fail.error.end_col = 0;
        fail
    }

    /// The rest of a set display or set comprehension after its first item.
    fn set_rest(&mut self, start: crate::ast::Pos, first: Expr) -> PResult<Expr> {
        if self.at_comprehension() {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.unpacking_in_comprehension(&first));
            }
            let generators = self.comprehension_clauses()?;
            self.expect_op(Op::RBrace)?;
            let elt = Box::new(first);
            return Ok(self.node(start, ExprKind::SetComp { elt, generators }));
        }
        if self.at_op(Op::Comma) && self.comma_then_comprehension() {
            let comma = self.tok();
            return Err(self.comprehension_target_error(&[first], Some(comma)));
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            if !self.quiet && self.at_comprehension() {
                return Err(self.comprehension_target_error(&elts, None));
            }
            elts.push(self.star_named_expression()?);
            if self.at_comprehension() {
                return Err(self.comprehension_target_error(&elts, None));
            }
        }
        self.expect_op(Op::RBrace)?;
        Ok(self.node(start, ExprKind::Set(elts)))
    }

    /// `[*a for a in b]`: CPython's error, if the clauses parse.
    pub(crate) fn unpacking_in_comprehension(&mut self, starred: &Expr) -> Box<Fail> {
        if self.quiet {
            return self.generic();
        }
        match self.lookahead(|p| p.comprehension_clauses()) {
            Ok(true) => self.error_span(
                starred.range.start,
                starred.range.end,
                "iterable unpacking cannot be used in comprehension",
            ),
            Ok(false) => self.generic(),
            Err(fail) => fail,
        }
    }

    /// `[a, b for ...]` or `[a, for ...]`: CPython asks for parentheses
    /// around the target, if the clauses parse.
    pub(crate) fn comprehension_target_error(
        &mut self,
        elts: &[Expr],
        comma: Option<Token>,
    ) -> Box<Fail> {
        if self.quiet {
            return self.generic();
        }
        let save = self.save();
        if comma.is_some() {
            self.bump();
        }
        let clauses = self.lookahead(|p| p.comprehension_clauses());
        self.restore(save);
        match clauses {
            Ok(true) => {
                let start = elts.first().map(|e| e.range.start).unwrap_or_default();
                let end = match comma {
                    Some(t) => t.end,
                    None => elts.last().map(|e| e.range.end).unwrap_or_default(),
                };
                self.error_span(
                    start,
                    end,
                    "did you forget parentheses around the comprehension target?",
                )
            }
            Ok(false) => self.generic(),
            Err(fail) => fail,
        }
    }

    /// CPython's `RAISE_SYNTAX_ERROR_STARTING_FROM`: from `start` to where
    /// the tokenizer stands, at the end of `last`, the last token read.
    pub(crate) fn starting_from(&self, start: Pos, last: &Token, msg: &str) -> Box<Fail> {
        let mut fail = self.error_span(start, last.end, msg);
        fail.error.end_col = last.end.col;
        fail
    }
}

//! Parameter lists of `def` and `lambda`, with CPython's errors for
//! parameters out of order.

use super::parser::{Fail, PResult, Parser};
use super::token::{Op, TokKind, Token};
use crate::ast::{Arg, Arguments, Expr, ExprKind, Range};

/// Which part of a parameter list the parser is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before `*`: positional parameters.
    Positional,
    /// After `*` or `*args`: keyword-only parameters.
    KeywordOnly,
    /// After `**kwargs`: nothing more may come.
    Closed,
}

/// The parameter list being read.
struct ParamState {
    args: Arguments,
    section: Section,
    seen_default: bool,
    seen_slash: bool,
    lambda: bool,
}

impl ParamState {
    /// Whether only plain parameters (no defaults, `/`, `*` or `**`) came
    /// so far: CPython names parenthesized parameters only then.
    fn is_plain(&self) -> bool {
        self.section == Section::Positional && !self.seen_default && !self.seen_slash
    }
}

impl Parser<'_> {
    /// The parameters of a `def` (up to its `)`) or of a `lambda` (up to its
    /// `:`); the closing token is not consumed.
    pub(crate) fn parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        let close = if lambda { Op::Colon } else { Op::RPar };
        let mut state = ParamState {
            args: Arguments::default(),
            section: Section::Positional,
            seen_default: false,
            seen_slash: false,
            lambda,
        };
        while !self.at_op(close) {
            match self.kind() {
                TokKind::Op(Op::Slash) => self.slash(&mut state)?,
                TokKind::Op(Op::Star) => self.star_parameter(&mut state, close)?,
                TokKind::Op(Op::DoubleStar) => self.double_star_parameter(&mut state, close)?,
                TokKind::Name => self.plain_parameter(&mut state, close)?,
                TokKind::Op(Op::LPar) if state.is_plain() => {
                    return Err(self.parenthesized_parameters(lambda));
                }
                _ => return Err(self.generic()),
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(state.args)
    }

    /// `/`: the parameters so far are positional-only.
    fn slash(&mut self, state: &mut ParamState) -> PResult<()> {
        let slash = self.tok();
        let msg = if self.prev().is_op(Op::LPar) || self.prev().is_kw(super::token::Kw::Lambda) {
            "at least one argument must precede /"
        } else if state.seen_slash {
            "/ may appear only once"
        } else if state.section != Section::Positional {
            "/ must be ahead of *"
        } else {
            self.bump();
            state.seen_slash = true;
            state.args.posonlyargs = std::mem::take(&mut state.args.args);
            return Ok(());
        };
        Err(self.error_at(&slash, msg))
    }

    /// `*`, `*args` or `*args: annotation`.
    fn star_parameter(&mut self, state: &mut ParamState, close: Op) -> PResult<()> {
        let star = self.bump();
        if state.section != Section::Positional {
            return Err(self.error_at(&star, "* argument may appear only once"));
        }
        state.section = Section::KeywordOnly;
        if self.at_op(Op::Comma) || self.at_op(close) {
            let next = self.nth(1);
            if self.at_op(close) || next.is_op(close) || next.is_op(Op::DoubleStar) {
                let msg = "named arguments must follow bare *";
                if state.lambda {
                    self.nth(1);
                    return Err(self.error_last(super::error::SyntaxErrorKind::SyntaxError, msg));
                }
                return Err(self.error_at(&star, msg));
            }
            return Ok(());
        }
        let arg = self.parameter(state.lambda)?;
        if self.at_op(Op::Assign) {
            let eq = self.tok();
            return Err(self.error_at(&eq, "var-positional argument cannot have default value"));
        }
        state.args.vararg = Some(arg);
        Ok(())
    }

    /// `**kwargs`, which must come last.
    fn double_star_parameter(&mut self, state: &mut ParamState, close: Op) -> PResult<()> {
        self.bump();
        let arg = self.parameter(state.lambda)?;
        if self.at_op(Op::Assign) {
            let eq = self.tok();
            return Err(self.error_at(&eq, "var-keyword argument cannot have default value"));
        }
        state.args.kwarg = Some(arg);
        state.section = Section::Closed;
        if self.at_op(Op::Comma) {
            let next = self.nth(1);
            let follows = match next.kind {
                TokKind::Name => Some(self.follower_span(next)),
                TokKind::Op(Op::Star | Op::DoubleStar | Op::Slash) => Some((next.start, next.end)),
                _ => None,
            };
            if let Some((start, end)) = follows {
                return Err(self.error_span(
                    start,
                    end,
                    "arguments cannot follow var-keyword argument",
                ));
            }
            if !next.is_op(close) {
                self.bump();
                return Err(self.generic());
            }
        }
        Ok(())
    }

    /// Where a parameter after `**kwargs` is written (with its annotation).
    fn follower_span(&mut self, name: Token) -> (crate::ast::Pos, crate::ast::Pos) {
        let save = self.save();
        self.bump();
        let end = match self.parameter(false) {
            Ok(arg) => arg.range.end,
            Err(_) => name.end,
        };
        self.restore(save);
        (name.start, end)
    }

    /// `name`, `name: annotation`, either with `= default`.
    fn plain_parameter(&mut self, state: &mut ParamState, close: Op) -> PResult<()> {
        let arg = self.parameter(state.lambda)?;
        let default = if self.at_op(Op::Assign) {
            let eq = self.bump();
            if self.at_op(Op::RPar) || self.at_op(Op::Comma) {
                return Err(self.error_at(&eq, "expected default value expression"));
            }
            Some(self.expression()?)
        } else {
            None
        };
        match state.section {
            Section::Positional => {
                match default {
                    Some(value) => {
                        state.seen_default = true;
                        state.args.defaults.push(value);
                    }
                    None if state.seen_default && (self.at_op(Op::Comma) || self.at_op(close)) => {
                        let msg = "non-default argument follows default argument";
                        return Err(self.error_span(arg.range.start, arg.range.end, msg));
                    }
                    None => {}
                }
                state.args.args.push(arg);
            }
            Section::KeywordOnly => {
                state.args.kwonlyargs.push(arg);
                state.args.kw_defaults.push(default);
            }
            Section::Closed => return Err(self.generic()),
        }
        Ok(())
    }

    /// One parameter's name and (outside lambdas) its annotation.
    fn parameter(&mut self, lambda: bool) -> PResult<Arg> {
        let name_tok = self.tok();
        if name_tok.kind != TokKind::Name {
            return Err(self.generic());
        }
        self.bump();
        let name = self.name_of(&name_tok);
        let annotation = if !lambda && self.eat_op(Op::Colon) {
            Some(self.expression()?)
        } else {
            None
        };
        let range = self.range_from(name_tok.start);
        Ok(Arg {
            name,
            annotation,
            range,
        })
    }

    /// `def f((a, b)):`: CPython's error, if the parentheses hold
    /// parameters.
    fn parenthesized_parameters(&mut self, lambda: bool) -> Box<Fail> {
        if self.quiet {
            return self.generic();
        }
        let open = self.tok();
        let save = self.save();
        self.bump();
        let mut count = 0;
        while self.kind() == TokKind::Name && self.parameter(lambda).is_ok() {
            count += 1;
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        let close = self.tok();
        self.restore(save);
        if count == 0 || !close.is_op(Op::RPar) {
            return self.generic();
        }
        let msg = if lambda {
            "Lambda expression parameters cannot be parenthesized"
        } else {
            "Function parameters cannot be parenthesized"
        };
        self.error_span(open.start, close.end, msg)
    }

    /// `lambda params: body`.
    #[inline(never)]
    pub(crate) fn lambda(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        let args = Box::new(self.parameters(true)?);
        self.expect_op(Op::Colon)?;
        self.enter()?;
        let body = self.expression();
        self.leave();
        let body = Box::new(body?);
        let node = self.node(start, ExprKind::Lambda { args, body });
        let _: Range = node.range;
        Ok(node)
    }
}

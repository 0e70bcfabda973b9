//! How the parser builds its errors, placed where CPython places them.

use super::error::{SyntaxError, SyntaxErrorKind};
use super::parser::{Fail, Parser};
use super::token::{TokKind, Token};
use crate::ast::Pos;

impl Parser<'_> {
    /// The error for a program whose parse would take too long.
    pub(crate) fn too_complex(&self) -> Box<Fail> {
        let t = self.gave_up_at.unwrap_or(self.toks[0]);
        let mut fail = self.hard_error_at(
            &t,
            "the program is too complex to parse: Threadline Python gave up on it",
        );
        fail.final_ = true;
        fail
    }

    /// The error for expressions nested beyond the parser's limits.
    pub(crate) fn too_deep(&mut self) -> Box<Fail> {
        let t = self.tok();
        self.hard_error_at(
            &t,
            "expression nested too deeply: Threadline Python allows 100 levels of brackets \
             and operators, and chains of 500 calls, attributes or operators",
        )
    }

    /// A specific error spanning token `t`.
    pub(crate) fn error_at(&self, t: &Token, msg: impl Into<String>) -> Box<Fail> {
        if self.quiet {
            return self.generic_at_furthest();
        }
        self.hard_error_at(t, msg)
    }

    /// An error spanning token `t` that stands even in a quiet parse (the
    /// errors CPython raises in its first pass: a missing forced token, a
    /// bad literal).
    pub(crate) fn hard_error_at(&self, t: &Token, msg: impl Into<String>) -> Box<Fail> {
        let (start, end) = token_span(t, false);
        self.fail(SyntaxErrorKind::SyntaxError, msg, start, end)
    }

    /// A specific error from `start` to `end` (AST positions).
    pub(crate) fn error_span(&self, start: Pos, end: Pos, msg: impl Into<String>) -> Box<Fail> {
        if self.quiet {
            return self.generic_at_furthest();
        }
        self.fail(
            SyntaxErrorKind::SyntaxError,
            msg,
            (start.line, start.col + 1),
            (end.line, end.col + 1),
        )
    }

    /// A specific error at the furthest token looked at (CPython's
    /// `RAISE_SYNTAX_ERROR`, which has no location of its own).
    pub(crate) fn error_last(&self, kind: SyntaxErrorKind, msg: impl Into<String>) -> Box<Fail> {
        if self.quiet {
            return self.generic_at_furthest();
        }
        let t = self.toks[self.furthest_any];
        self.raise_at(&t, kind, msg)
    }

    /// A specific error at token `t`, located as CPython's
    /// `RAISE_SYNTAX_ERROR` locates one at its last token.
    pub(crate) fn raise_at(
        &self,
        t: &Token,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
    ) -> Box<Fail> {
        let (start, end) = token_span(t, true);
        self.fail(kind, msg, start, end)
    }

    /// Builds a failure.
    pub(crate) fn fail(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        start: (u32, u32),
        end: (u32, u32),
    ) -> Box<Fail> {
        Box::new(Fail {
            error: SyntaxError::new(kind, msg, start, end),
            generic: false,
            final_: false,
        })
    }

    /// The generic failure, as CPython reports it at the furthest token it
    /// looked at: "invalid syntax", or an indentation error if that token
    /// is an indent or a dedent.
    pub(crate) fn generic(&mut self) -> Box<Fail> {
        self.touch(self.pos);
        self.generic_at_furthest()
    }

    /// The generic failure at the furthest token already looked at.
    pub(crate) fn generic_at_furthest(&self) -> Box<Fail> {
        let t = self.toks[self.furthest];
        let (start, end) = token_span(&t, t.kind == TokKind::Indent || t.kind == TokKind::Dedent);
        let (kind, msg, final_) = match t.kind {
            TokKind::Indent => (SyntaxErrorKind::IndentationError, "unexpected indent", true),
            TokKind::Dedent => (
                SyntaxErrorKind::IndentationError,
                "unexpected unindent",
                true,
            ),
            _ => (SyntaxErrorKind::SyntaxError, "invalid syntax", false),
        };
        let mut fail = self.fail(kind, msg, start, end);
        fail.generic = true;
        fail.final_ = final_;
        fail
    }
}

/// A token's extent as CPython's error offsets (from 1; 0 for no end).
/// CPython gives an indent, a dedent or the end of the source no column:
/// an error located by the token itself (`raised`: false) then has column
/// 0, while an error raised "at the last token" computes one from where
/// the tokenizer stands (kept in `start.col`).
pub(crate) fn token_span(t: &Token, raised: bool) -> ((u32, u32), (u32, u32)) {
    if t.is_columnless() {
        let col = if raised { t.start.col } else { 0 };
        ((t.start.line, col), (t.start.line, 0))
    } else {
        ((t.start.line, t.start.col + 1), (t.end.line, t.end.col + 1))
    }
}

//! Indentation (`Indent` and `Dedent` tokens, CPython's tab checks) and
//! backslash continuations.

use super::cursor::Mark;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::{LexError, Lexer, MAX_INDENTS};
use super::token::TokKind;

impl Lexer<'_> {
    /// Consumes a backslash and the line end after it, as CPython's
    /// `tok_continuation_line` does.
    pub(super) fn join_line(&mut self) -> Result<(), LexError> {
        let backslash = self.cur.mark();
        self.cur.bump();
        if self.cur.peek() != Some('\n') {
            let line = backslash.line;
            let col = backslash.col + 2;
            return Err(self.deferred(SyntaxError::syntax(
                "unexpected character after line continuation character",
                (line, col),
                (line, 0),
            )));
        }
        self.cur.bump();
        if self.cur.at_end() {
            if let Some(open) = self.brackets.last() {
                return Err(self.deferred(open.never_closed()));
            }
            let at = self.cur.end_of_source();
            return Err(self.deferred(SyntaxError::syntax(
                "unexpected EOF while parsing",
                (at.line, at.col),
                (at.line, 0),
            )));
        }
        Ok(())
    }

    /// Measures the indentation of a new line and emits `Indent` or
    /// `Dedent` tokens; `true` if it emitted any.
    pub(super) fn indentation(&mut self) -> Result<bool, LexError> {
        let (mut col, mut alt) = (0u32, 0u32);
        let mut continued_at = None;
        loop {
            match self.cur.peek() {
                Some(' ') => (col, alt) = (col + 1, alt + 1),
                Some('\t') => (col, alt) = ((col / 8 + 1) * 8, alt + 1),
                Some('\x0c') => (col, alt) = (0, 0),
                Some('\\') => {
                    continued_at.get_or_insert((col, alt));
                    self.join_line()?;
                    continue;
                }
                _ => break,
            }
            self.cur.bump();
        }
        let blank = matches!(self.cur.peek(), Some('#') | Some('\n'));
        self.blank_line = blank;
        // At the end of the source, `end_of_source` closes the blocks.
        if blank || !self.brackets.is_empty() || self.cur.at_end() {
            return Ok(false);
        }
        let (col, alt) = continued_at.unwrap_or((col, alt));
        let at = self.cur.mark();
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(self.tab_error());
            }
            Ok(false)
        } else if col > top {
            if self.indents.len() >= MAX_INDENTS {
                return Err(self.deferred(SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    (at.line, 1),
                    (at.line, 0),
                )));
            }
            if alt <= top_alt {
                return Err(self.tab_error());
            }
            self.indents.push((col, alt));
            self.push(TokKind::Indent, at, at);
            Ok(true)
        } else {
            self.dedent(col, alt, at)
        }
    }

    /// Closes blocks down to column `col`.
    fn dedent(&mut self, col: u32, alt: u32, at: Mark) -> Result<bool, LexError> {
        let mut count = 0;
        while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
            self.indents.pop();
            count += 1;
        }
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        if col != top {
            let line_len = self.line_len();
            return Err(self.deferred(SyntaxError::new(
                SyntaxErrorKind::IndentationError,
                "unindent does not match any outer indentation level",
                (at.line, line_len + 1),
                (at.line, 0),
            )));
        }
        if alt != top_alt {
            return Err(self.tab_error());
        }
        for _ in 0..count {
            self.push(TokKind::Dedent, at, at);
        }
        Ok(count > 0)
    }

    /// The length in characters of the current line, without its newline.
    fn line_len(&self) -> u32 {
        let rest = &self.cur.src()[self.cur.line_start()..];
        rest.split('\n').next().unwrap_or("").chars().count() as u32
    }

    /// CPython's error for indentation whose meaning depends on tab width.
    fn tab_error(&self) -> LexError {
        let line = self.cur.mark().line;
        self.deferred(SyntaxError::new(
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            (line, 1),
            (line, 0),
        ))
    }
}

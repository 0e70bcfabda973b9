//! The lexer: source text to tokens, as CPython 3.11's tokenizer cuts them.
//!
//! The whole source is tokenized before parsing. The lexer stops at its
//! first error and records it; which error wins, the lexer's or the
//! parser's, is decided afterwards the way CPython decides it (see
//! `mod.rs`).

use super::cursor::{Cursor, Mark};
use super::error::SyntaxError;
use super::token::{Kw, TokKind, Token};
use crate::ast::Pos;

/// CPython's limit on nested brackets.
pub(crate) const MAX_BRACKETS: usize = 200;
/// CPython's limit on nested indented blocks.
pub(crate) const MAX_INDENTS: usize = 100;

/// A bracket still open, as CPython's tokenizer remembers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OpenBracket {
    /// `(`, `[` or `{`.
    pub ch: char,
    /// Its line.
    pub line: u32,
    /// Its column, from 0.
    pub col: u32,
}

impl OpenBracket {
    /// CPython's error for a bracket that is never closed.
    pub(crate) fn never_closed(self) -> SyntaxError {
        SyntaxError::syntax(
            format!("'{}' was never closed", self.ch),
            (self.line, self.col + 1),
            (self.line, 0),
        )
    }
}

/// The error the lexer stopped on.
#[derive(Clone, Debug)]
pub(crate) struct LexError {
    /// The error as CPython reports it when the parser reaches it.
    pub error: SyntaxError,
    /// Whether CPython's tokenizer raises it at once (rather than leaving
    /// it to the parser): such an error wins over a parser error found
    /// earlier in the source.
    pub raised: bool,
    /// The innermost bracket open when the lexer stopped.
    pub open: Option<OpenBracket>,
}

/// The tokens of a source, up to the lexer's first error.
pub(crate) struct Lexed {
    /// The tokens; the last is `EndMarker`, or `Error` if `error` is set.
    pub tokens: Vec<Token>,
    /// Why the lexer stopped early.
    pub error: Option<LexError>,
}

/// Cuts normalized source (see [`super::normalize`]) into tokens.
pub(crate) fn tokenize(src: &str) -> Lexed {
    tokenize_at(src, Pos { line: 1, col: 0 })
}

/// Cuts normalized source into tokens, `src` standing at `origin` in the
/// whole source (for the expressions of f-strings).
pub(crate) fn tokenize_at(src: &str, origin: Pos) -> Lexed {
    let mut lexer = Lexer {
        cur: Cursor::new(src, origin),
        brackets: Vec::new(),
        indents: vec![(0, 0)],
        at_line_start: true,
        blank_line: false,
        tokens: Vec::with_capacity(src.len() / 3 + 8),
    };
    let error = loop {
        match lexer.next_token() {
            Ok(true) => {}
            Ok(false) => break None,
            Err(error) => break Some(error),
        }
    };
    if let Some(error) = &error {
        let at = Mark {
            byte: src.len(),
            line: error.error.line,
            col: error.error.col,
        };
        lexer.push(TokKind::Error, at, at);
    }
    Lexed {
        tokens: lexer.tokens,
        error,
    }
}

/// The lexer's state between tokens.
pub(crate) struct Lexer<'a> {
    pub(crate) cur: Cursor<'a>,
    pub(crate) brackets: Vec<OpenBracket>,
    /// Indentation of the open blocks: columns with tabs to 8, and with
    /// tabs to 1 (CPython compares both to detect ambiguous tab use).
    pub(crate) indents: Vec<(u32, u32)>,
    pub(crate) at_line_start: bool,
    /// Whether the current line holds only blanks and a comment (CPython
    /// gives it no `Newline`).
    pub(crate) blank_line: bool,
    tokens: Vec<Token>,
}

impl<'a> Lexer<'a> {
    /// Appends a token.
    pub(crate) fn push(&mut self, kind: TokKind, start: Mark, end: Mark) {
        self.tokens.push(Token {
            kind,
            start: start.pos(),
            end: end.pos(),
            lo: start.byte as u32,
            hi: end.byte as u32,
            depth: self.brackets.len() as u16,
        });
    }

    /// An error CPython's tokenizer raises at once.
    pub(crate) fn raised(&self, error: SyntaxError) -> LexError {
        LexError {
            error,
            raised: true,
            open: self.brackets.last().copied(),
        }
    }

    /// An error CPython's tokenizer leaves for the parser to report.
    pub(crate) fn deferred(&self, error: SyntaxError) -> LexError {
        LexError {
            error,
            raised: false,
            open: self.brackets.last().copied(),
        }
    }

    /// An error at the cursor, located as CPython's tokenizer locates its
    /// own errors: the offset is the cursor's column.
    pub(crate) fn error_here(&self, msg: impl Into<String>) -> LexError {
        let at = self.cur.mark();
        self.raised(SyntaxError::syntax(
            msg,
            (at.line, at.col),
            (at.line, at.col),
        ))
    }

    /// Lexes the next token (or several: indentation changes); `false` at
    /// the end of the source.
    fn next_token(&mut self) -> Result<bool, LexError> {
        if self.at_line_start {
            self.at_line_start = false;
            if self.indentation()? {
                return Ok(true);
            }
        }
        self.cur.eat_while(|c| c == ' ' || c == '\t' || c == '\x0c');
        let start = self.cur.mark();
        if self.cur.peek() == Some('#') {
            self.cur.eat_while(|c| c != '\n');
        }
        let Some(c) = self.cur.peek() else {
            return self.end_of_source();
        };
        match c {
            '\n' => {
                let end = self.cur.mark();
                self.cur.bump();
                if self.blank_line {
                    self.at_line_start = true;
                } else if self.brackets.is_empty() {
                    self.push(TokKind::Newline, start, end);
                    self.at_line_start = true;
                }
                Ok(true)
            }
            '\\' => self.continuation(),
            '0'..='9' => self.number(start),
            '.' if self.cur.peek2().is_some_and(|c| c.is_ascii_digit()) => self.number(start),
            '"' | '\'' => self.string(start),
            c if c == '_' || c.is_ascii_alphabetic() || !c.is_ascii() => self.name(start),
            _ => self.operator(start),
        }
    }

    /// At the end of the source: close the open blocks, then the end marker.
    fn end_of_source(&mut self) -> Result<bool, LexError> {
        if let Some(open) = self.brackets.last() {
            return Err(self.deferred(open.never_closed()));
        }
        let at = self.cur.end_of_source();
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(TokKind::Dedent, at, at);
        }
        self.push(TokKind::EndMarker, at, at);
        Ok(false)
    }

    /// A backslash: joins the next line to this one.
    fn continuation(&mut self) -> Result<bool, LexError> {
        self.join_line()?;
        Ok(true)
    }

    /// An identifier, a keyword, or the prefix of a string literal.
    fn name(&mut self, start: Mark) -> Result<bool, LexError> {
        if self.string_prefix() {
            return self.string(start);
        }
        let mut ascii = true;
        while let Some(c) = self.cur.peek() {
            if c == '_' || c.is_ascii_alphanumeric() {
                self.cur.bump();
            } else if !c.is_ascii() {
                ascii = false;
                self.cur.bump();
            } else {
                break;
            }
        }
        let end = self.cur.mark();
        let word = &self.cur.src()[start.byte..end.byte];
        if !ascii {
            self.check_identifier(word, start)?;
        }
        let kind = Kw::from_word(word).map_or(TokKind::Name, TokKind::Kw);
        self.push(kind, start, end);
        Ok(true)
    }

    /// Consumes a string prefix (`r`, `b`, `rb`, `f`, `u`, ... in any case)
    /// if a quote follows it, as CPython's tokenizer recognises them.
    fn string_prefix(&mut self) -> bool {
        let save = self.cur.mark();
        let (mut b, mut r, mut u, mut f) = (false, false, false, false);
        while let Some(c) = self.cur.peek() {
            match c.to_ascii_lowercase() {
                'b' if !(b || u || f) => b = true,
                'u' if !(b || u || r || f) => u = true,
                'r' if !(r || u) => r = true,
                'f' if !(f || b || u) => f = true,
                _ => break,
            }
            self.cur.bump();
            if matches!(self.cur.peek(), Some('"') | Some('\'')) {
                return true;
            }
        }
        self.cur.reset(save);
        false
    }

    /// Checks a name with non-ASCII letters, as CPython's
    /// `verify_identifier` does.
    fn check_identifier(&mut self, word: &str, start: Mark) -> Result<(), LexError> {
        let mut col = start.col;
        for (i, c) in word.chars().enumerate() {
            col += 1;
            let valid = if i == 0 {
                is_id_start(c)
            } else {
                is_id_continue(c)
            };
            if !valid {
                let msg = if is_printable(c) {
                    format!("invalid character '{c}' (U+{:04X})", c as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                };
                let line = start.line;
                return Err(self.raised(SyntaxError::syntax(msg, (line, col), (line, col))));
            }
        }
        Ok(())
    }
}

/// Whether `c` may start an identifier (Python's XID_Start, approximated
/// with the Unicode tables the standard library already carries).
fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Whether `c` may continue an identifier (XID_Continue, approximated).
fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric() || c == '\u{b7}'
}

/// Whether Python's `str.isprintable` holds for `c`, approximated with the
/// standard library's own notion of printable characters.
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_whitespace() {
        return false;
    }
    let mut escaped = c.escape_debug();
    escaped.next() != Some('\\')
}

//! The lexer: source text to tokens, as CPython 3.11's tokenizer cuts them.
//!
//! The whole source is tokenized before parsing. The lexer stops at its
//! first error and records it; which error wins, the lexer's or the
//! parser's, is decided afterwards the way CPython decides it (see
//! `mod.rs`).

use super::cursor::{Cursor, Mark};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::token::{Kw, Op, TokKind, Token};
use crate::ast::{BinOp, Pos};

/// CPython's limit on nested brackets.
const MAX_BRACKETS: usize = 200;
/// CPython's limit on nested indented blocks.
const MAX_INDENTS: usize = 100;

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
    brackets: Vec<OpenBracket>,
    /// Indentation of the open blocks: columns with tabs to 8, and with
    /// tabs to 1 (CPython compares both to detect ambiguous tab use).
    indents: Vec<(u32, u32)>,
    at_line_start: bool,
    /// Whether the current line holds only blanks and a comment (CPython
    /// gives it no `Newline`).
    blank_line: bool,
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
    fn deferred(&self, error: SyntaxError) -> LexError {
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

    /// Consumes a backslash and the line end after it, as CPython's
    /// `tok_continuation_line` does.
    fn join_line(&mut self) -> Result<(), LexError> {
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
    fn indentation(&mut self) -> Result<bool, LexError> {
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
        if blank || !self.brackets.is_empty() {
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

    /// An operator, a delimiter or a bracket.
    fn operator(&mut self, start: Mark) -> Result<bool, LexError> {
        let op = self.operator_kind();
        match op {
            Some(Op::LPar) | Some(Op::LSqb) | Some(Op::LBrace) => self.open_bracket(start)?,
            Some(Op::RPar) | Some(Op::RSqb) | Some(Op::RBrace) => self.close_bracket()?,
            _ => {}
        }
        let end = self.cur.mark();
        self.push(op.map_or(TokKind::Unknown, TokKind::Op), start, end);
        Ok(true)
    }

    /// Consumes the longest operator at the cursor (`None`: a character
    /// that starts no token, consumed alone).
    fn operator_kind(&mut self) -> Option<Op> {
        for (text, op) in THREE_CHAR_OPS.iter().chain(TWO_CHAR_OPS) {
            if self.cur.starts_with(text) {
                for _ in 0..text.len() {
                    self.cur.bump();
                }
                return Some(*op);
            }
        }
        let c = self.cur.bump()?;
        ONE_CHAR_OPS
            .iter()
            .find(|(ch, _)| *ch == c)
            .map(|&(_, op)| op)
    }

    /// Records an opening bracket (already consumed).
    fn open_bracket(&mut self, start: Mark) -> Result<(), LexError> {
        if self.brackets.len() >= MAX_BRACKETS {
            return Err(self.error_here("too many nested parentheses"));
        }
        let ch = self.cur.src()[start.byte..].chars().next().unwrap_or('(');
        self.brackets.push(OpenBracket {
            ch,
            line: start.line,
            col: start.col,
        });
        Ok(())
    }

    /// Matches a closing bracket (already consumed) with the open one.
    fn close_bracket(&mut self) -> Result<(), LexError> {
        let at = self.cur.mark();
        let close = self.cur.src()[..at.byte].chars().next_back().unwrap_or(')');
        let Some(open) = self.brackets.pop() else {
            return Err(self.error_here(format!("unmatched '{close}'")));
        };
        let expected = match open.ch {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if close != expected {
            let mut msg = format!(
                "closing parenthesis '{close}' does not match opening parenthesis '{}'",
                open.ch
            );
            if open.line != at.line {
                msg.push_str(&format!(" on line {}", open.line));
            }
            return Err(self.error_here(msg));
        }
        Ok(())
    }
}

/// Operators of three characters, tried first.
const THREE_CHAR_OPS: &[(&str, Op)] = &[
    ("...", Op::Ellipsis),
    ("**=", Op::AugAssign(BinOp::Pow)),
    ("//=", Op::AugAssign(BinOp::FloorDiv)),
    (">>=", Op::AugAssign(BinOp::RShift)),
    ("<<=", Op::AugAssign(BinOp::LShift)),
];

/// Operators of two characters.
const TWO_CHAR_OPS: &[(&str, Op)] = &[
    ("->", Op::Arrow),
    (":=", Op::Walrus),
    ("==", Op::EqEq),
    ("!=", Op::NotEq),
    ("<>", Op::LegacyNotEq),
    ("<=", Op::LessEq),
    (">=", Op::GreaterEq),
    ("<<", Op::LShift),
    (">>", Op::RShift),
    ("**", Op::DoubleStar),
    ("//", Op::DoubleSlash),
    ("+=", Op::AugAssign(BinOp::Add)),
    ("-=", Op::AugAssign(BinOp::Sub)),
    ("*=", Op::AugAssign(BinOp::Mult)),
    ("/=", Op::AugAssign(BinOp::Div)),
    ("%=", Op::AugAssign(BinOp::Mod)),
    ("@=", Op::AugAssign(BinOp::MatMult)),
    ("&=", Op::AugAssign(BinOp::BitAnd)),
    ("|=", Op::AugAssign(BinOp::BitOr)),
    ("^=", Op::AugAssign(BinOp::BitXor)),
];

/// Operators of one character.
const ONE_CHAR_OPS: &[(char, Op)] = &[
    ('(', Op::LPar),
    (')', Op::RPar),
    ('[', Op::LSqb),
    (']', Op::RSqb),
    ('{', Op::LBrace),
    ('}', Op::RBrace),
    (',', Op::Comma),
    (':', Op::Colon),
    (';', Op::Semi),
    ('.', Op::Dot),
    ('@', Op::At),
    ('=', Op::Assign),
    ('+', Op::Plus),
    ('-', Op::Minus),
    ('*', Op::Star),
    ('/', Op::Slash),
    ('%', Op::Percent),
    ('&', Op::Amp),
    ('|', Op::VBar),
    ('^', Op::Caret),
    ('~', Op::Tilde),
    ('<', Op::Less),
    ('>', Op::Greater),
];

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

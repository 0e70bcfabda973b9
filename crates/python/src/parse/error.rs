//! Syntax errors, shaped like CPython's `SyntaxError` objects.

use std::fmt;

/// Which of Python's syntax error classes an error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError` (a subclass of `SyntaxError`).
    IndentationError,
    /// `TabError` (a subclass of `IndentationError`).
    TabError,
}

impl SyntaxErrorKind {
    /// The Python name of the class.
    pub fn name(self) -> &'static str {
        match self {
            Self::SyntaxError => "SyntaxError",
            Self::IndentationError => "IndentationError",
            Self::TabError => "TabError",
        }
    }
}

/// A program that does not parse, located as CPython locates it.
///
/// The fields carry what CPython's exception carries (`msg`, `lineno`,
/// `offset`, `end_lineno`, `end_offset`, `text`), so the traceback printer
/// can draw the same caret line. A `line` of 0 means CPython gives no
/// location (null bytes in the source); an `end_col` of 0 means CPython
/// gives no end (its `end_offset` is 0 or -1), which draws a single caret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The exception class.
    pub kind: SyntaxErrorKind,
    /// CPython's message, e.g. "expected ':'".
    pub msg: String,
    /// The line, from 1.
    pub line: u32,
    /// The column, from 1, in characters (CPython's `offset`).
    pub col: u32,
    /// The line where the faulty part ends.
    pub end_line: u32,
    /// The column just past the faulty part, from 1 (0: not given).
    pub end_col: u32,
    /// The source line `line`, without its newline.
    pub text: String,
}

impl SyntaxError {
    /// The Python name of the error's class: `"SyntaxError"`,
    /// `"IndentationError"` or `"TabError"`.
    pub fn kind_name(&self) -> &'static str {
        self.kind.name()
    }

    /// An error of `kind` at the given place; `text` is filled in later,
    /// once the error is final.
    pub(crate) fn new(
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        (line, col): (u32, u32),
        (end_line, end_col): (u32, u32),
    ) -> Self {
        Self {
            kind,
            msg: msg.into(),
            line,
            col,
            end_line,
            end_col,
            text: String::new(),
        }
    }

    /// A plain `SyntaxError` at the given place.
    pub(crate) fn syntax(msg: impl Into<String>, start: (u32, u32), end: (u32, u32)) -> Self {
        Self::new(SyntaxErrorKind::SyntaxError, msg, start, end)
    }

    /// Fills `text` with the source line the error points at.
    pub(crate) fn with_text(mut self, source: &str) -> Self {
        if self.line > 0 {
            let index = self.line as usize - 1;
            self.text = source.split('\n').nth(index).unwrap_or("").to_string();
        }
        self
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind_name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}

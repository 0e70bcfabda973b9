//! Reading source text one character at a time, keeping count of lines and
//! columns as CPython reports them.

use crate::ast::Pos;

/// A position in the source with the counts errors need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Byte offset.
    pub byte: usize,
    /// Line, from 1.
    pub line: u32,
    /// Column, from 0, in characters.
    pub col: u32,
}

impl Mark {
    /// The line and column as an AST position.
    pub(crate) fn pos(self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }
}

/// A reader over normalized source (only `\n` line ends, ending in `\n`).
pub(crate) struct Cursor<'a> {
    src: &'a str,
    at: Mark,
    line_start: usize,
    origin: Pos,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `src`, which stands at `origin` in the
    /// whole source (line 1, column 0 unless `src` is part of an f-string).
    pub(crate) fn new(src: &'a str, origin: Pos) -> Self {
        Self {
            src,
            at: Mark {
                byte: 0,
                line: origin.line,
                col: origin.col,
            },
            line_start: 0,
            origin,
        }
    }

    /// The source being read.
    pub(crate) fn src(&self) -> &'a str {
        self.src
    }

    /// Where the cursor stands.
    pub(crate) fn mark(&self) -> Mark {
        self.at
    }

    /// Goes back to an earlier mark on the current line.
    pub(crate) fn reset(&mut self, mark: Mark) {
        self.at = mark;
    }

    /// The byte offset where the current line starts.
    pub(crate) fn line_start(&self) -> usize {
        self.line_start
    }

    /// The next character, not consumed.
    pub(crate) fn peek(&self) -> Option<char> {
        let byte = *self.src.as_bytes().get(self.at.byte)?;
        if byte < 0x80 {
            Some(byte as char)
        } else {
            self.src[self.at.byte..].chars().next()
        }
    }

    /// The character after the next one, not consumed.
    pub(crate) fn peek2(&self) -> Option<char> {
        let mut chars = self.src[self.at.byte..].chars();
        chars.next();
        chars.next()
    }

    /// Consumes and returns the next character.
    pub(crate) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at.byte += c.len_utf8();
        if c == '\n' {
            self.at.line += 1;
            self.at.col = 0;
            self.line_start = self.at.byte;
        } else {
            self.at.col += 1;
        }
        Some(c)
    }

    /// Consumes the next character if it is `c`.
    pub(crate) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consumes characters while `pred` holds.
    pub(crate) fn eat_while(&mut self, pred: impl Fn(char) -> bool) {
        while let Some(c) = self.peek() {
            if !pred(c) {
                break;
            }
            self.bump();
        }
    }

    /// Whether the whole source has been read.
    pub(crate) fn at_end(&self) -> bool {
        self.at.byte >= self.src.len()
    }

    /// Where CPython places an error or token found at the end of the
    /// source: on the last line, one past its last character.
    pub(crate) fn end_of_source(&self) -> Mark {
        let body = self.src.strip_suffix('\n').unwrap_or(self.src);
        let last_start = body.rfind('\n').map_or(0, |i| i + 1);
        let mut col = body[last_start..].chars().count() as u32 + 1;
        if last_start == 0 {
            col += self.origin.col;
        }
        Mark {
            byte: self.src.len(),
            line: self.origin.line + body.matches('\n').count() as u32,
            col,
        }
    }
}

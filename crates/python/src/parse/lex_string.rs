//! Finding where a string literal ends. Its contents (escapes, f-string
//! fields) are read later, by `strings.rs` and `fstring.rs`, as CPython 3.11
//! also does: an f-string is one token here.

use super::cursor::Mark;
use super::error::SyntaxError;
use super::lexer::{LexError, Lexer};
use super::token::TokKind;

impl Lexer<'_> {
    /// A string literal whose prefix (if any) is consumed; the cursor is
    /// on the opening quote and `start` on the prefix.
    pub(super) fn string(&mut self, start: Mark) -> Result<bool, LexError> {
        let Some(quote) = self.cur.bump() else {
            return Ok(false);
        };
        let mut quotes = 1;
        if self.cur.peek() == Some(quote) {
            self.cur.bump();
            if self.cur.peek() != Some(quote) {
                let end = self.cur.mark();
                self.push(TokKind::Str, start, end);
                return Ok(true);
            }
            self.cur.bump();
            quotes = 3;
        }
        let mut closing = 0;
        while closing < quotes {
            match self.cur.peek() {
                None => return Err(self.unterminated(start, quotes, self.cur.mark().line - 1)),
                Some('\n') if quotes == 1 => {
                    return Err(self.unterminated(start, quotes, self.cur.mark().line));
                }
                Some(c) if c == quote => closing += 1,
                Some('\\') => {
                    closing = 0;
                    self.cur.bump();
                    if self.cur.peek().is_none() {
                        continue;
                    }
                }
                Some(_) => closing = 0,
            }
            self.cur.bump();
        }
        let end = self.cur.mark();
        self.push(TokKind::Str, start, end);
        Ok(true)
    }

    /// CPython's error for a string that runs off its line (or the source).
    fn unterminated(&self, start: Mark, quotes: usize, detected_at: u32) -> LexError {
        let kind = if quotes == 3 { "triple-quoted " } else { "" };
        let msg = format!("unterminated {kind}string literal (detected at line {detected_at})");
        let at = (start.line, start.col + 1);
        self.raised(SyntaxError::syntax(msg, at, at))
    }
}

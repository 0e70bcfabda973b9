//! Numeric literals, cut and checked as CPython 3.11's tokenizer does it
//! (same messages, same error columns).

use super::cursor::Mark;
use super::lexer::{LexError, Lexer};
use super::token::TokKind;

impl Lexer<'_> {
    /// A number starting at `start` (a digit, or a `.` before a digit).
    pub(super) fn number(&mut self, start: Mark) -> Result<bool, LexError> {
        match self.cur.peek() {
            Some('.') => {
                self.cur.bump();
                self.fraction_and_rest()?;
            }
            Some('0') => {
                self.cur.bump();
                match self.cur.peek().map(|c| c.to_ascii_lowercase()) {
                    Some('x') => self.radix_digits(16, "hexadecimal")?,
                    Some('o') => self.radix_digits(8, "octal")?,
                    Some('b') => self.radix_digits(2, "binary")?,
                    _ => self.zero_decimal(start)?,
                }
            }
            _ => {
                self.decimal_tail()?;
                if self.cur.eat('.') {
                    self.fraction_and_rest()?;
                } else {
                    self.exponent_and_rest()?;
                }
            }
        }
        let end = self.cur.mark();
        self.push(TokKind::Number, start, end);
        Ok(true)
    }

    /// Digits with single underscores between them.
    fn decimal_tail(&mut self) -> Result<(), LexError> {
        loop {
            self.cur.eat_while(|c| c.is_ascii_digit());
            if !self.cur.eat('_') {
                return Ok(());
            }
            if !self.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.error_here("invalid decimal literal"));
            }
        }
    }

    /// The digits of a `0x`, `0o` or `0b` literal (the prefix letter not
    /// yet consumed).
    fn radix_digits(&mut self, radix: u32, kind: &str) -> Result<(), LexError> {
        self.cur.bump();
        let is_digit = |c: char| c.is_digit(radix);
        loop {
            self.cur.eat('_');
            match self.cur.peek() {
                Some(c) if is_digit(c) => {}
                Some(c) if radix < 10 && c.is_ascii_digit() => {
                    self.cur.bump();
                    return Err(self.error_here(format!("invalid digit '{c}' in {kind} literal")));
                }
                _ => return Err(self.error_here(format!("invalid {kind} literal"))),
            }
            self.cur.eat_while(is_digit);
            if self.cur.peek() != Some('_') {
                break;
            }
        }
        if let Some(c) = self.cur.peek().filter(|c| radix < 10 && c.is_ascii_digit()) {
            self.cur.bump();
            return Err(self.error_here(format!("invalid digit '{c}' in {kind} literal")));
        }
        self.end_of_number(kind)
    }

    /// A decimal literal that starts with `0` (the `0` consumed): only
    /// zeros may follow, unless it turns out to be a float.
    fn zero_decimal(&mut self, start: Mark) -> Result<(), LexError> {
        loop {
            if self.cur.eat('_') && !self.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.error_here("invalid decimal literal"));
            }
            if !self.cur.eat('0') {
                break;
            }
        }
        let zeros_end = self.cur.mark();
        let nonzero = self.cur.peek().is_some_and(|c| c.is_ascii_digit());
        if nonzero {
            self.decimal_tail()?;
        }
        match self.cur.peek() {
            Some('.') => {
                self.cur.bump();
                self.fraction_and_rest()
            }
            Some('e' | 'E' | 'j' | 'J') => self.exponent_and_rest(),
            _ if nonzero => {
                let line = start.line;
                let msg = "leading zeros in decimal integer literals are not permitted; \
                           use an 0o prefix for octal integers";
                Err(self.raised(super::error::SyntaxError::syntax(
                    msg,
                    (line, start.col + 1),
                    (line, zeros_end.col + 1),
                )))
            }
            _ => self.end_of_number("decimal"),
        }
    }

    /// The digits after a decimal point (the point consumed), then an
    /// exponent or `j`.
    fn fraction_and_rest(&mut self) -> Result<(), LexError> {
        if self.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.decimal_tail()?;
        }
        self.exponent_and_rest()
    }

    /// An optional exponent, then an optional `j`.
    fn exponent_and_rest(&mut self) -> Result<(), LexError> {
        if matches!(self.cur.peek(), Some('e' | 'E')) {
            let before_e = self.cur.mark();
            self.cur.bump();
            if matches!(self.cur.peek(), Some('+' | '-')) {
                self.cur.bump();
                if !self.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(self.error_here("invalid decimal literal"));
                }
            } else if !self.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                // `1else`: the number ends before the `e`.
                self.cur.reset(before_e);
                return self.end_of_number("decimal");
            }
            self.decimal_tail()?;
        }
        if matches!(self.cur.peek(), Some('j' | 'J')) {
            self.cur.bump();
            return self.end_of_number("imaginary");
        }
        self.end_of_number("decimal")
    }

    /// Refuses a letter glued to a number (`1abc`), except the keywords
    /// CPython still lets through with a warning (`1if x else 2`).
    fn end_of_number(&mut self, kind: &str) -> Result<(), LexError> {
        let Some(c) = self.cur.peek() else {
            return Ok(());
        };
        let rest = &self.cur.src()[self.cur.mark().byte..];
        let keyword_follows = ["and", "else", "for", "in", "is", "if", "or", "not"]
            .iter()
            .any(|kw| {
                rest.starts_with(kw)
                    && (kw.len() == 2 && kw.starts_with('i')
                        || !rest[kw.len()..].starts_with(|c: char| {
                            c == '_' || c.is_ascii_alphanumeric() || !c.is_ascii()
                        }))
            });
        if keyword_follows {
            return Ok(());
        }
        if c == '_' || c.is_ascii_alphanumeric() {
            return Err(self.error_here(format!("invalid {kind} literal")));
        }
        Ok(())
    }
}

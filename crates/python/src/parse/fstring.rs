//! F-strings, read as CPython 3.11 reads them: the lexer hands over the
//! whole literal; its fields are found here, and each expression is parsed
//! on its own, wrapped in parentheses.

use super::lexer::tokenize_at;
use super::parser::{Fail, PResult, Parser};
use super::strings::{StrToken, push_literal};
use super::token::Token;
use crate::ast::{Expr, FStringPart, Pos};

/// CPython's limit on brackets inside one f-string field.
const MAX_FIELD_BRACKETS: usize = 200;

/// A position in an f-string's body.
struct Scan<'s> {
    body: &'s str,
    i: usize,
}

impl Scan<'_> {
    /// The byte at `i + ahead`, if any.
    fn byte(&self, ahead: usize) -> Option<u8> {
        self.body.as_bytes().get(self.i + ahead).copied()
    }

    /// Whether the whole body has been read.
    fn at_end(&self) -> bool {
        self.i >= self.body.len()
    }
}

impl Parser<'_> {
    /// Appends the parts of one f-string literal.
    pub(crate) fn fstring_parts(
        &mut self,
        t: &StrToken<'_>,
        after: &Token,
        parts: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        let mut scan = Scan { body: t.body, i: 0 };
        self.fstring_level(&mut scan, t, after, 0, parts)?;
        if !scan.at_end() {
            return Err(self.string_error(after, "f-string: unexpected end of string"));
        }
        Ok(())
    }

    /// Literal text and fields up to the end of the body (level 0) or up to
    /// the `}` that closes a format spec (deeper levels).
    fn fstring_level(
        &mut self,
        scan: &mut Scan<'_>,
        t: &StrToken<'_>,
        after: &Token,
        level: u32,
        parts: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        loop {
            let doubled = self.fstring_literal(scan, t, after, level, parts)?;
            if doubled {
                continue;
            }
            match scan.byte(0) {
                None | Some(b'}') => break,
                _ => {
                    let field = self.fstring_field(scan, t, after, level)?;
                    parts.push(field);
                }
            }
        }
        if level > 0 && scan.byte(0) != Some(b'}') {
            return Err(self.string_error(after, "f-string: expecting '}'"));
        }
        Ok(())
    }

    /// Literal text up to a `{` or `}`; `true` if it stopped after a
    /// doubled brace (which stands for one brace), so that reading goes on.
    fn fstring_literal(
        &mut self,
        scan: &mut Scan<'_>,
        t: &StrToken<'_>,
        after: &Token,
        level: u32,
        parts: &mut Vec<FStringPart>,
    ) -> PResult<bool> {
        let bytes = scan.body.as_bytes();
        let start = scan.i;
        let mut s = scan.i;
        let mut end = bytes.len();
        let mut resume = None;
        while s < bytes.len() {
            let mut ch = bytes[s];
            s += 1;
            if !t.raw && ch == b'\\' && s < bytes.len() {
                ch = bytes[s];
                s += 1;
                if ch == b'N' {
                    if s < bytes.len() && bytes[s] == b'{' {
                        s += 1;
                        while s < bytes.len() && bytes[s] != b'}' {
                            s += 1;
                        }
                        s = (s + 1).min(bytes.len());
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if s < bytes.len() && bytes[s] == ch {
                        end = s;
                        resume = Some(s + 1);
                        break;
                    }
                    if ch == b'}' {
                        return Err(self.string_error(after, "f-string: single '}' is not allowed"));
                    }
                }
                end = s - 1;
                break;
            }
        }
        scan.i = resume.unwrap_or(end);
        if end > start {
            let text = self.str_value(&scan.body[start..end], t.raw, after)?;
            push_literal(parts, text);
        }
        Ok(resume.is_some())
    }

    /// One `{expression=!conversion:spec}` field, the scan being on `{`.
    fn fstring_field(
        &mut self,
        scan: &mut Scan<'_>,
        t: &StrToken<'_>,
        after: &Token,
        level: u32,
    ) -> PResult<FStringPart> {
        if level >= 2 {
            return Err(self.string_error(after, "f-string: expressions nested too deeply"));
        }
        scan.i += 1;
        let expr_start = scan.i;
        self.find_field_end(scan, after)?;
        if scan.at_end() {
            return Err(self.expecting_brace(after));
        }
        let value = self.field_expression(scan, t, after, expr_start)?;
        let debug_text = self.field_debug_text(scan, after, expr_start)?;
        let mut conversion = self.field_conversion(scan, after)?;
        let mut format_spec = None;
        if scan.byte(0) == Some(b':') {
            scan.i += 1;
            if scan.at_end() {
                return Err(self.expecting_brace(after));
            }
            let mut spec = Vec::new();
            self.fstring_level(scan, t, after, level + 1, &mut spec)?;
            format_spec = Some(spec);
        }
        if scan.byte(0) != Some(b'}') {
            return Err(self.expecting_brace(after));
        }
        scan.i += 1;
        // `{x=}` shows the repr, unless a conversion or a spec says otherwise.
        if debug_text.is_some() && format_spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        Ok(FStringPart::Formatted {
            value: Box::new(value),
            conversion,
            format_spec,
            debug_text,
        })
    }

    /// CPython's error for a field that does not end where it should.
    fn expecting_brace(&self, after: &Token) -> Box<Fail> {
        self.string_error(after, "f-string: expecting '}'")
    }

    /// `=` after a field's expression: the text to show before its value
    /// (the expression as written, the `=` and the blanks after it).
    fn field_debug_text(
        &self,
        scan: &mut Scan<'_>,
        after: &Token,
        expr_start: usize,
    ) -> PResult<Option<String>> {
        if scan.byte(0) != Some(b'=') {
            return Ok(None);
        }
        scan.i += 1;
        while matches!(
            scan.byte(0),
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
        ) {
            scan.i += 1;
        }
        if scan.at_end() {
            return Err(self.expecting_brace(after));
        }
        Ok(Some(scan.body[expr_start..scan.i].to_string()))
    }

    /// `!r`, `!s` or `!a` after a field's expression.
    fn field_conversion(&self, scan: &mut Scan<'_>, after: &Token) -> PResult<Option<char>> {
        if scan.byte(0) != Some(b'!') {
            return Ok(None);
        }
        scan.i += 1;
        let Some(c) = scan.body[scan.i..].chars().next() else {
            return Err(self.expecting_brace(after));
        };
        scan.i += c.len_utf8();
        if !matches!(c, 's' | 'r' | 'a') {
            let msg = "f-string: invalid conversion character: expected 's', 'r', or 'a'";
            return Err(self.string_error(after, msg));
        }
        Ok(Some(c))
    }

    /// Moves the scan to the end of a field's expression: the first `!`,
    /// `:`, `=` or `}` outside brackets and quotes.
    fn find_field_end(&mut self, scan: &mut Scan<'_>, after: &Token) -> PResult<()> {
        let bytes = scan.body.as_bytes();
        let mut quote: Option<(u8, usize)> = None;
        let mut brackets: Vec<u8> = Vec::new();
        while scan.i < bytes.len() {
            let ch = bytes[scan.i];
            if ch == b'\\' {
                let msg = "f-string expression part cannot include a backslash";
                return Err(self.string_error(after, msg));
            }
            if let Some((q, size)) = quote {
                if ch == q && (size == 1 || bytes[scan.i..].starts_with(&[q, q, q])) {
                    scan.i += size - 1;
                    quote = None;
                }
            } else if ch == b'\'' || ch == b'"' {
                let triple = scan.i + 2 < bytes.len() && bytes[scan.i..].starts_with(&[ch, ch, ch]);
                let size = if triple { 3 } else { 1 };
                scan.i += size - 1;
                quote = Some((ch, size));
            } else if matches!(ch, b'[' | b'{' | b'(') {
                if brackets.len() >= MAX_FIELD_BRACKETS {
                    return Err(self.string_error(after, "f-string: too many nested parenthesis"));
                }
                brackets.push(ch);
            } else if ch == b'#' {
                return Err(self.string_error(after, "f-string expression part cannot include '#'"));
            } else if brackets.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                let next = bytes.get(scan.i + 1).copied();
                if next == Some(b'=') && ch != b':' && ch != b'}' {
                    scan.i += 2;
                    continue;
                }
                if ch != b'>' && ch != b'<' {
                    break;
                }
            } else if matches!(ch, b']' | b'}' | b')') {
                self.close_field_bracket(&mut brackets, ch, after)?;
            }
            scan.i += 1;
        }
        if quote.is_some() {
            return Err(self.string_error(after, "f-string: unterminated string"));
        }
        if let Some(open) = brackets.last() {
            let msg = format!("f-string: unmatched '{}'", *open as char);
            return Err(self.string_error(after, msg));
        }
        Ok(())
    }

    /// Matches a closing bracket inside a field with the open one.
    fn close_field_bracket(&self, brackets: &mut Vec<u8>, ch: u8, after: &Token) -> PResult<()> {
        let Some(open) = brackets.pop() else {
            return Err(self.string_error(after, format!("f-string: unmatched '{}'", ch as char)));
        };
        let expected = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if ch != expected {
            let msg = format!(
                "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                ch as char, open as char
            );
            return Err(self.string_error(after, msg));
        }
        Ok(())
    }

    /// Parses the expression of a field that spans `expr_start..scan.i`.
    fn field_expression(
        &mut self,
        scan: &Scan<'_>,
        t: &StrToken<'_>,
        after: &Token,
        expr_start: usize,
    ) -> PResult<Expr> {
        let text = &scan.body[expr_start..scan.i];
        if text
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0c'))
        {
            let msg = match scan.byte(0) {
                Some(c @ (b'!' | b':' | b'=')) => {
                    format!("f-string: expression required before '{}'", c as char)
                }
                _ => "f-string: empty expression not allowed".to_string(),
            };
            return Err(self.string_error(after, msg));
        }
        let at = position_in_body(t, expr_start);
        self.parse_field(text, at)
    }

    /// Parses `(text)` as CPython does, `text` starting at `at`, and moves
    /// errors where CPython 3.11 reports them: columns counted in the
    /// parenthesized copy, whose line also becomes the error's text.
    fn parse_field(&mut self, text: &str, at: Pos) -> PResult<Expr> {
        let buffer = format!("({text})\n");
        let origin = Pos {
            line: at.line,
            col: at.col - 1,
        };
        let lexed = tokenize_at(&buffer, origin);
        let mut sub = Parser::new(&buffer, lexed.tokens);
        sub.inherit_nesting(self);
        let result = sub.run(Parser::fstring_expression);
        let fail = match result {
            Ok(expr) => return Ok(expr),
            Err(fail) => fail,
        };
        let (mut error, from_lexer) = super::resolve(*fail, &sub, lexed.error);
        if !error.text.is_empty() {
            // Already placed by the parse of an f-string nested in this one.
            return Err(Box::new(Fail {
                error,
                generic: false,
                final_: false,
            }));
        }
        if error.line == at.line {
            error.col = error.col.saturating_sub(origin.col);
            if error.end_line == at.line && error.end_col > 0 {
                error.end_col = error.end_col.saturating_sub(origin.col);
            }
        }
        let line_in_buffer = error.line.saturating_sub(at.line) as usize;
        error.text = buffer
            .split('\n')
            .nth(line_in_buffer)
            .unwrap_or("")
            .to_string();
        if !from_lexer && !error.msg.starts_with("f-string") {
            error.msg = format!("f-string: {}", error.msg);
        }
        Err(Box::new(Fail {
            error,
            generic: false,
            final_: false,
        }))
    }
}

/// The line and column of byte `offset` of a string token's body.
fn position_in_body(t: &StrToken<'_>, offset: usize) -> Pos {
    let before = &t.body[..offset];
    match before.rfind('\n') {
        None => Pos {
            line: t.body_start.line,
            col: t.body_start.col + before.chars().count() as u32,
        },
        Some(nl) => Pos {
            line: t.body_start.line + before.matches('\n').count() as u32,
            col: before[nl + 1..].chars().count() as u32,
        },
    }
}

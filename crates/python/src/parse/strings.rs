//! String and bytes literals: prefixes, escapes, and the joining of
//! adjacent literals (f-strings included) into one constant or f-string.

use super::escapes::{decode_bytes, decode_str};
use super::parser::{Fail, PResult, Parser};
use super::token::{TokKind, Token};
use crate::ast::{Constant, ExprKind, FStringPart, Pos};

/// A string token taken apart.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StrToken<'a> {
    /// The token.
    pub tok: Token,
    /// `b` prefix.
    pub bytes: bool,
    /// `r` prefix.
    pub raw: bool,
    /// `f` prefix.
    pub fstring: bool,
    /// The text between the quotes.
    pub body: &'a str,
    /// Where `body` starts.
    pub body_start: Pos,
}

/// Takes a string token apart (the lexer has checked its shape).
pub(crate) fn split_token<'a>(src: &'a str, tok: Token) -> StrToken<'a> {
    let text = &src[tok.lo as usize..tok.hi as usize];
    let prefix_len = text.find(['"', '\'']).unwrap_or(0);
    let prefix = text[..prefix_len].to_ascii_lowercase();
    let quote = &text[prefix_len..];
    let quote_len = if quote.len() >= 6 && (quote.starts_with("\"\"\"") || quote.starts_with("'''"))
    {
        3
    } else {
        1
    };
    let body_end = quote.len().saturating_sub(quote_len).max(quote_len);
    let body = quote.get(quote_len..body_end).unwrap_or("");
    StrToken {
        tok,
        bytes: prefix.contains('b'),
        raw: prefix.contains('r'),
        fstring: prefix.contains('f'),
        body,
        body_start: Pos {
            line: tok.start.line,
            col: tok.start.col + (prefix_len + quote_len) as u32,
        },
    }
}

impl Parser<'_> {
    /// One or more adjacent string literals, joined.
    #[inline(never)]
    pub(crate) fn strings(&mut self) -> PResult<crate::ast::Expr> {
        let start = self.start();
        let mut toks = Vec::new();
        while self.kind() == TokKind::Str {
            toks.push(split_token(self.src, self.bump()));
        }
        // CPython reports string errors at the token after the literals.
        let after = self.tok();
        let kind = self.join_strings(&toks, &after)?;
        Ok(self.node(start, kind))
    }

    /// The constant or f-string that adjacent literals make. Each literal
    /// is read in turn, as CPython reads them, so that the first mistake is
    /// the one reported.
    fn join_strings(&mut self, toks: &[StrToken<'_>], after: &Token) -> PResult<ExprKind> {
        let bytes = toks.first().is_some_and(|t| t.bytes);
        let fstring = toks.iter().any(|t| t.fstring);
        let mut text = String::new();
        let mut data = Vec::new();
        let mut parts = Vec::new();
        for t in toks {
            if !t.fstring {
                if t.bytes {
                    data.extend(self.bytes_value(t, after)?);
                } else {
                    text.push_str(&self.str_value(t.body, t.raw, after)?);
                }
            }
            if t.bytes != bytes {
                return Err(self.string_error(after, "cannot mix bytes and nonbytes literals"));
            }
            if fstring {
                push_literal(&mut parts, std::mem::take(&mut text));
            }
            if t.fstring {
                self.fstring_parts(t, after, &mut parts)?;
            }
        }
        Ok(if bytes {
            ExprKind::Constant(Constant::Bytes(data))
        } else if fstring {
            ExprKind::JoinedStr(parts)
        } else {
            ExprKind::Constant(Constant::Str(text))
        })
    }

    /// The value of a plain string literal's body.
    pub(crate) fn str_value(&self, body: &str, raw: bool, after: &Token) -> PResult<String> {
        if raw {
            return Ok(body.to_string());
        }
        decode_str(body).map_err(|msg| self.string_error(after, msg))
    }

    /// The value of a bytes literal.
    fn bytes_value(&self, t: &StrToken<'_>, after: &Token) -> PResult<Vec<u8>> {
        if !t.body.is_ascii() {
            return Err(
                self.hard_error_at(&t.tok, "bytes can only contain ASCII literal characters")
            );
        }
        if t.raw {
            return Ok(t.body.as_bytes().to_vec());
        }
        decode_bytes(t.body).map_err(|msg| self.string_error(after, msg))
    }

    /// An error at the token after a run of string literals.
    pub(crate) fn string_error(&self, after: &Token, msg: impl Into<String>) -> Box<Fail> {
        self.raise_at(after, super::error::SyntaxErrorKind::SyntaxError, msg)
    }
}

/// Appends literal text to f-string parts, merging it with a literal
/// before it (CPython never leaves two literals side by side, nor an empty
/// one).
pub(crate) fn push_literal(parts: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(last)) = parts.last_mut() {
        last.push_str(&text);
    } else {
        parts.push(FStringPart::Literal(text));
    }
}

//! The parser: Python source in, the syntax tree of [`crate::ast`] out, or
//! the `SyntaxError` CPython 3.11 would raise for the same source (same
//! message, same line and column, as far as the mistakes beginners make go).
//!
//! A hand-written lexer cuts the whole source into tokens first, stopping at
//! its first error; a recursive-descent parser follows the structure of
//! CPython's grammar (`Grammar/python.gram`). Where CPython's second,
//! error-hunting pass would name a mistake ("expected ':'", "Perhaps you
//! forgot a comma?"), the parser checks for it at the point it is stuck.
//! Which error wins, the lexer's or the parser's, is decided afterwards the
//! way CPython decides it (see [`resolve`]). A last pass ([`check`]) reports
//! the errors CPython's compiler finds (`'return' outside function`).

mod assign;
mod atom;
mod call;
mod char_names;
mod check;
mod check_scope;
mod compound;
mod cursor;
mod defs;
mod display;
mod error;
mod escapes;
mod expr;
mod fstring;
mod invalid;
mod lex_indent;
mod lex_number;
mod lex_op;
mod lex_string;
mod lexer;
mod names;
mod number;
mod operators;
mod params;
mod parser;
mod parser_errors;
mod sexpr;
mod sexpr_expr;
mod stmt;
mod strings;
mod target_parse;
mod targets;
mod token;
mod unsupported;
mod walk;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use sexpr::{dump, dump_expr};

use crate::ast::Module;
use lexer::LexError;
use parser::{Fail, Parser};
use std::borrow::Cow;

/// Parses a module.
pub fn parse(source: &str) -> Result<Module, SyntaxError> {
    let src = normalize(source);
    if src.contains('\0') {
        return Err(SyntaxError::syntax(
            "source code string cannot contain null bytes",
            (0, 0),
            (0, 0),
        ));
    }
    let lexed = lexer::tokenize(&src);
    let mut parser = Parser::new(&src, lexed.tokens);
    let module = match parser.run(Parser::file) {
        Ok(module) => module,
        Err(fail) => {
            let error = finish(resolve(*fail, &parser, lexed.error).0, &src);
            return Err(clamp_columns(error));
        }
    };
    check::check_module(&module).map_err(|error| finish(error, &src))?;
    Ok(module)
}

/// Source as CPython's tokenizer sees it: no byte-order mark, `\n` line
/// ends only, and a final line end.
fn normalize(source: &str) -> Cow<'_, str> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if !source.contains('\r') && (source.is_empty() || source.ends_with('\n')) {
        return Cow::Borrowed(source);
    }
    let mut text = source.replace("\r\n", "\n").replace('\r', "\n");
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    Cow::Owned(text)
}

/// Adds the source line to a final error (unless an f-string's parse has
/// already set the text CPython shows for it).
fn finish(error: SyntaxError, src: &str) -> SyntaxError {
    if error.text.is_empty() {
        error.with_text(src)
    } else {
        error
    }
}

/// CPython's parser converts an error's columns against the text of its
/// first line, clamping them to that line's end (even the end of a range
/// that finishes on a later line).
fn clamp_columns(mut error: SyntaxError) -> SyntaxError {
    let limit = error.text.chars().count() as u32 + 1;
    if error.line > 0 {
        error.col = error.col.min(limit);
        error.end_col = error.end_col.min(limit);
    }
    error
}

/// Decides between the parser's error and the lexer's, as CPython does:
/// an error the parser reached in the tokens wins; otherwise the lexer's
/// error wins if CPython's tokenizer raises it on its own, and else a
/// bracket never closed wins if it opened on a line before the last token
/// the parser looked at. Also says whether the lexer's error won.
fn resolve(fail: Fail, parser: &Parser<'_>, lex: Option<LexError>) -> (SyntaxError, bool) {
    let Some(lex) = lex else {
        return (fail.error, false);
    };
    if parser.reached_lex_error {
        return (lex.error, true);
    }
    if fail.final_ {
        return (fail.error, false);
    }
    if lex.raised {
        return (lex.error, true);
    }
    if let Some(open) = lex.open.filter(|open| open.line < parser.furthest_line()) {
        return (open.never_closed(), true);
    }
    (fail.error, false)
}

//! Operators, delimiters and brackets.

use super::cursor::Mark;
use super::lexer::{LexError, Lexer, MAX_BRACKETS, OpenBracket};
use super::token::{Op, TokKind};
use crate::ast::BinOp;

impl Lexer<'_> {
    /// An operator, a delimiter or a bracket.
    pub(super) fn operator(&mut self, start: Mark) -> Result<bool, LexError> {
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

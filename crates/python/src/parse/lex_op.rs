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
        let c = self.cur.bump()?;
        let (c2, c3) = (self.cur.peek(), self.cur.peek2());
        let (op, extra) = match (c, c2, c3) {
            ('.', Some('.'), Some('.')) => (Op::Ellipsis, 2),
            ('*', Some('*'), Some('=')) => (Op::AugAssign(BinOp::Pow), 2),
            ('/', Some('/'), Some('=')) => (Op::AugAssign(BinOp::FloorDiv), 2),
            ('>', Some('>'), Some('=')) => (Op::AugAssign(BinOp::RShift), 2),
            ('<', Some('<'), Some('=')) => (Op::AugAssign(BinOp::LShift), 2),
            (_, Some(c2), _) => match two_char_op(c, c2) {
                Some(op) => (op, 1),
                None => (one_char_op(c)?, 0),
            },
            _ => (one_char_op(c)?, 0),
        };
        for _ in 0..extra {
            self.cur.bump();
        }
        Some(op)
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

/// The operator two characters spell, if any.
fn two_char_op(c: char, c2: char) -> Option<Op> {
    Some(match (c, c2) {
        ('-', '>') => Op::Arrow,
        (':', '=') => Op::Walrus,
        ('=', '=') => Op::EqEq,
        ('!', '=') => Op::NotEq,
        ('<', '>') => Op::LegacyNotEq,
        ('<', '=') => Op::LessEq,
        ('>', '=') => Op::GreaterEq,
        ('<', '<') => Op::LShift,
        ('>', '>') => Op::RShift,
        ('*', '*') => Op::DoubleStar,
        ('/', '/') => Op::DoubleSlash,
        (_, '=') => Op::AugAssign(match c {
            '+' => BinOp::Add,
            '-' => BinOp::Sub,
            '*' => BinOp::Mult,
            '/' => BinOp::Div,
            '%' => BinOp::Mod,
            '@' => BinOp::MatMult,
            '&' => BinOp::BitAnd,
            '|' => BinOp::BitOr,
            '^' => BinOp::BitXor,
            _ => return None,
        }),
        _ => return None,
    })
}

/// The operator one character spells, if any.
fn one_char_op(c: char) -> Option<Op> {
    Some(match c {
        '(' => Op::LPar,
        ')' => Op::RPar,
        '[' => Op::LSqb,
        ']' => Op::RSqb,
        '{' => Op::LBrace,
        '}' => Op::RBrace,
        ',' => Op::Comma,
        ':' => Op::Colon,
        ';' => Op::Semi,
        '.' => Op::Dot,
        '@' => Op::At,
        '=' => Op::Assign,
        '+' => Op::Plus,
        '-' => Op::Minus,
        '*' => Op::Star,
        '/' => Op::Slash,
        '%' => Op::Percent,
        '&' => Op::Amp,
        '|' => Op::VBar,
        '^' => Op::Caret,
        '~' => Op::Tilde,
        '<' => Op::Less,
        '>' => Op::Greater,
        _ => return None,
    })
}

//! The tokens the lexer hands to the parser.

use crate::ast::{BinOp, Pos};

/// Operators and delimiters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Semi,
    Dot,
    Ellipsis,
    At,
    Arrow,
    Assign,
    Walrus,
    Plus,
    Minus,
    Star,
    Slash,
    DoubleSlash,
    Percent,
    DoubleStar,
    LShift,
    RShift,
    Amp,
    VBar,
    Caret,
    Tilde,
    Less,
    Greater,
    LessEq,
    GreaterEq,
    EqEq,
    NotEq,
    /// `<>`: tokenized as CPython does, then refused by the parser.
    LegacyNotEq,
    /// `+=`, `-=`, ...: the operator they apply.
    AugAssign(BinOp),
}

/// The reserved words of Python 3.11 (soft keywords stay names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Kw {
    /// The keyword spelled `word`, if it is one.
    pub(crate) fn from_word(word: &str) -> Option<Kw> {
        Some(match word {
            "False" => Kw::False,
            "None" => Kw::None,
            "True" => Kw::True,
            "and" => Kw::And,
            "as" => Kw::As,
            "assert" => Kw::Assert,
            "async" => Kw::Async,
            "await" => Kw::Await,
            "break" => Kw::Break,
            "class" => Kw::Class,
            "continue" => Kw::Continue,
            "def" => Kw::Def,
            "del" => Kw::Del,
            "elif" => Kw::Elif,
            "else" => Kw::Else,
            "except" => Kw::Except,
            "finally" => Kw::Finally,
            "for" => Kw::For,
            "from" => Kw::From,
            "global" => Kw::Global,
            "if" => Kw::If,
            "import" => Kw::Import,
            "in" => Kw::In,
            "is" => Kw::Is,
            "lambda" => Kw::Lambda,
            "nonlocal" => Kw::Nonlocal,
            "not" => Kw::Not,
            "or" => Kw::Or,
            "pass" => Kw::Pass,
            "raise" => Kw::Raise,
            "return" => Kw::Return,
            "try" => Kw::Try,
            "while" => Kw::While,
            "with" => Kw::With,
            "yield" => Kw::Yield,
            _ => return None,
        })
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// An identifier (soft keywords such as `match` included).
    Name,
    /// A numeric literal, still as written.
    Number,
    /// A string or bytes literal with its prefix and quotes, still as written.
    Str,
    /// An operator or delimiter.
    Op(Op),
    /// A reserved word.
    Kw(Kw),
    /// The end of a logical line.
    Newline,
    /// The start of a deeper block.
    Indent,
    /// The end of a block.
    Dedent,
    /// The end of the source.
    EndMarker,
    /// A character no token starts with (`$`, `?`, a lone `!`): only the
    /// parser can reject it, with "invalid syntax".
    Unknown,
    /// Where the lexer stopped on an error; the parser never gets past it.
    Error,
}

/// A token and where it stands.
///
/// For `Indent`, `Dedent`, `EndMarker` and `Error`, CPython has no column of
/// its own: `start.col` then holds the offset an error at this token reports
/// (already counted from 1, or from 0, as CPython computes it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// What it is.
    pub kind: TokKind,
    /// Its first character.
    pub start: Pos,
    /// Just past its last character.
    pub end: Pos,
    /// Its first byte in the source.
    pub lo: u32,
    /// Just past its last byte.
    pub hi: u32,
    /// How many brackets are open after it.
    pub depth: u16,
}

impl Token {
    /// Whether it is the operator `op`.
    pub(crate) fn is_op(&self, op: Op) -> bool {
        self.kind == TokKind::Op(op)
    }

    /// Whether it is the keyword `kw`.
    pub(crate) fn is_kw(&self, kw: Kw) -> bool {
        self.kind == TokKind::Kw(kw)
    }

    /// Whether CPython gives it no column of its own (see [`Token`]).
    pub(crate) fn is_columnless(&self) -> bool {
        matches!(
            self.kind,
            TokKind::Indent | TokKind::Dedent | TokKind::EndMarker | TokKind::Error
        )
    }
}

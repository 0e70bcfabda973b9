//! The parser's state: a cursor over the tokens, and the ways it reports
//! errors where CPython reports them.

use super::error::SyntaxError;
use super::names::NameHasher;
use super::token::{Kw, Op, TokKind, Token};
use crate::ast::{Name, Pos, Range};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// How deeply expressions may nest before the parser refuses them. CPython
/// allows 200 nested brackets; half of that keeps the parser's stack well
/// under the 1 MiB a WebAssembly thread starts with (about 2.3 KiB per
/// level natively), and no real program comes near it.
const MAX_NESTING: u32 = 100;

/// How deep a tree may grow through chains that the parser builds without
/// recursing (`a.b.c...`, `a + b + ...`, `elif`s): the checks after the
/// parse, the compiler and dropping the tree all recurse on its depth.
pub(crate) const MAX_DEPTH: u32 = 500;

/// How many tokens the parser may consume per token of the source
/// (look-aheads read some twice) before it gives up on a pathological
/// program rather than run for too long.
const WORK_PER_TOKEN: usize = 64;

/// How many distinct names the parser shares between their uses.
const MAX_SHARED_NAMES: usize = 4096;

/// A failed parse: the error, and whether it is the generic "invalid
/// syntax" (which a speculative look-ahead may ignore) rather than a
/// specific message (which always stands).
#[derive(Debug)]
pub(crate) struct Fail {
    /// The error as it would be reported.
    pub error: SyntaxError,
    /// Whether this is a generic failure.
    pub generic: bool,
    /// Whether CPython reports it without looking for a lexer error further
    /// on ("unexpected indent").
    pub final_: bool,
}

/// The result of a parsing step.
pub(crate) type PResult<T> = Result<T, Box<Fail>>;

/// A recursive-descent parser over a token list.
pub(crate) struct Parser<'a> {
    /// The normalized source.
    pub src: &'a str,
    pub(crate) toks: Vec<Token>,
    pub(crate) pos: usize,
    /// The furthest token looked at (CPython reports generic errors there).
    pub(crate) furthest: usize,
    /// The furthest token looked at even by look-aheads that do not count
    /// for `furthest` (CPython's second pass): a bracket opened before its
    /// line and never closed wins over the parser's error.
    pub(crate) furthest_any: usize,
    /// Whether the parser looked at the lexer's error token.
    pub reached_lex_error: bool,
    /// How deeply the current expression nests.
    pub(crate) nesting: u32,
    /// Whether CPython's error rules are off (its `*_without_invalid`
    /// rules turn them off): specific messages become generic failures.
    pub quiet: bool,
    /// Whether the next operand of a conditional expression is read
    /// quietly (see `check_juxtaposed`).
    pub quiet_next_operand: bool,
    /// Tokens consumed so far, and how many may be.
    work: usize,
    budget: usize,
    /// Where the parser gave up, having used up its budget.
    pub(crate) gave_up_at: Option<Token>,
    /// Identifiers already seen, so that each name is allocated once.
    names: HashMap<&'a str, Name, BuildHasherDefault<NameHasher>>,
}

impl<'a> Parser<'a> {
    /// A parser over `toks`, cut from `src`.
    pub(crate) fn new(src: &'a str, toks: Vec<Token>) -> Self {
        let budget = toks.len() * WORK_PER_TOKEN + 100_000;
        Self {
            src,
            toks,
            pos: 0,
            furthest: 0,
            furthest_any: 0,
            reached_lex_error: false,
            nesting: 0,
            quiet: false,
            quiet_next_operand: false,
            work: 0,
            budget,
            gave_up_at: None,
            names: HashMap::default(),
        }
    }

    /// Runs `rule` as CPython runs its parser: a first pass without the
    /// rules that look for specific mistakes, and, if it fails with the
    /// generic error, a second pass with them. The second pass's specific
    /// error wins; otherwise the first pass's generic error stands (it is
    /// placed where the first pass got stuck).
    pub(crate) fn run<T>(&mut self, rule: impl Fn(&mut Self) -> PResult<T>) -> PResult<T> {
        self.quiet = true;
        let first = match rule(self) {
            Ok(value) if self.gave_up_at.is_none() => return Ok(value),
            Ok(_) => return Err(self.too_complex()),
            Err(fail) => fail,
        };
        if self.gave_up_at.is_some() {
            return Err(self.too_complex());
        }
        if !first.generic || self.reached_lex_error {
            return Err(first);
        }
        (self.pos, self.furthest, self.nesting, self.quiet) = (0, 0, 0, false);
        let second = rule(self);
        if self.gave_up_at.is_some() {
            return Err(self.too_complex());
        }
        match second {
            Err(fail) if !fail.generic => Err(fail),
            _ => Err(first),
        }
    }

    /// Marks token `i` as looked at.
    pub(crate) fn touch(&mut self, i: usize) -> usize {
        let i = i.min(self.toks.len() - 1);
        if i > self.furthest {
            self.furthest = i;
            self.furthest_any = self.furthest_any.max(i);
        }
        if self.toks[i].kind == TokKind::Error && self.gave_up_at.is_none() {
            self.reached_lex_error = true;
        }
        i
    }

    /// The current token.
    pub(crate) fn tok(&mut self) -> Token {
        let i = self.touch(self.pos);
        self.toks[i]
    }

    /// The token `n` places ahead of the current one.
    pub(crate) fn nth(&mut self, n: usize) -> Token {
        let i = self.touch(self.pos + n);
        self.toks[i]
    }

    /// The kind of the current token.
    pub(crate) fn kind(&mut self) -> TokKind {
        self.tok().kind
    }

    /// Whether the current token is `op`.
    pub(crate) fn at_op(&mut self, op: Op) -> bool {
        self.tok().is_op(op)
    }

    /// Whether the current token is `kw`.
    pub(crate) fn at_kw(&mut self, kw: Kw) -> bool {
        self.tok().is_kw(kw)
    }

    /// Consumes the current token and returns it.
    pub(crate) fn bump(&mut self) -> Token {
        let t = self.tok();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        self.work += 1;
        if self.work > self.budget && self.gave_up_at.is_none() {
            // Jump to the end: every rule then fails at once, and `run`
            // reports that the program was too complex.
            self.gave_up_at = Some(t);
            self.pos = self.toks.len() - 1;
        }
        t
    }

    /// Consumes the current token if it is `op`.
    pub(crate) fn eat_op(&mut self, op: Op) -> bool {
        let hit = self.at_op(op);
        if hit {
            self.bump();
        }
        hit
    }

    /// Consumes the current token if it is `kw`.
    pub(crate) fn eat_kw(&mut self, kw: Kw) -> bool {
        let hit = self.at_kw(kw);
        if hit {
            self.bump();
        }
        hit
    }

    /// Consumes `op` or fails with "invalid syntax".
    pub(crate) fn expect_op(&mut self, op: Op) -> PResult<Token> {
        if self.at_op(op) {
            Ok(self.bump())
        } else {
            Err(self.generic())
        }
    }

    /// Consumes `op` or fails with CPython's message for a forced token
    /// ("expected ':'") at the current token.
    pub(crate) fn expect_forced(&mut self, op: Op, spelled: &str) -> PResult<Token> {
        if self.at_op(op) {
            return Ok(self.bump());
        }
        let t = self.tok();
        Err(self.hard_error_at(&t, format!("expected '{spelled}'")))
    }

    /// Settles an optional extension that started at token `from` (an
    /// operator and its operand, a call's arguments): on the generic
    /// failure, the parser comes back to `from` and the extension is
    /// dropped, as a PEG parser drops a failed alternative (the furthest
    /// token seen stays, for the error). A specific error stands.
    pub(crate) fn backtrack<T>(&mut self, from: usize, result: PResult<T>) -> PResult<Option<T>> {
        match result {
            Ok(value) => Ok(Some(value)),
            Err(fail) if fail.generic => {
                self.pos = from;
                Ok(None)
            }
            Err(fail) => Err(fail),
        }
    }

    /// Goes back to token `pos`, keeping what counts as looked at (for a
    /// failed alternative of CPython's first pass).
    pub(crate) fn rewind(&mut self, pos: usize) {
        self.pos = pos;
    }

    /// Where the parser stands, to come back to after a look-ahead.
    pub(crate) fn save(&self) -> (usize, usize) {
        (self.pos, self.furthest)
    }

    /// Comes back to a saved place.
    pub(crate) fn restore(&mut self, (pos, furthest): (usize, usize)) {
        self.pos = pos;
        self.furthest = furthest;
    }

    /// The index of the current token.
    pub(crate) fn index(&self) -> usize {
        self.pos
    }

    /// The token at index `i`.
    pub(crate) fn token_at(&self, i: usize) -> Token {
        self.toks[i.min(self.toks.len() - 1)]
    }

    /// The last token consumed, line ends and indentation aside (CPython
    /// ends a node's range there).
    pub(crate) fn prev(&self) -> Token {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = self.toks[i];
            if !matches!(
                t.kind,
                TokKind::Newline | TokKind::Indent | TokKind::Dedent | TokKind::EndMarker
            ) {
                return t;
            }
        }
        self.toks[0]
    }

    /// Where the current token starts.
    pub(crate) fn start(&mut self) -> Pos {
        self.tok().start
    }

    /// The range from `start` to the end of the last token consumed.
    pub(crate) fn range_from(&self, start: Pos) -> Range {
        Range {
            start,
            end: self.prev().end,
        }
    }

    /// The source text of a token.
    pub(crate) fn text(&self, t: &Token) -> &'a str {
        &self.src[t.lo as usize..t.hi as usize]
    }

    /// The text of a name token, shared with earlier uses of the same name.
    pub(crate) fn name_of(&mut self, t: &Token) -> Name {
        let text = &self.src[t.lo as usize..t.hi as usize];
        // A table this big is no real program's; past it, names are not
        // shared (which also bounds the cost of colliding hashes).
        if self.names.len() >= MAX_SHARED_NAMES && !self.names.contains_key(text) {
            return Name::from(text);
        }
        self.names
            .entry(text)
            .or_insert_with(|| Name::from(text))
            .clone()
    }

    /// The line of the furthest token looked at.
    pub(crate) fn furthest_line(&self) -> u32 {
        self.toks[self.furthest_any].start.line
    }

    /// Enters one more level of expression nesting.
    pub(crate) fn enter(&mut self) -> PResult<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(self.too_deep());
        }
        Ok(())
    }

    /// Checks that a chain grown to `length` links (attributes, calls,
    /// operators, `elif`s) keeps the tree within its depth.
    pub(crate) fn check_chain(&mut self, length: u32) -> PResult<()> {
        if self.nesting + length > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    /// Starts at the nesting depth of `outer` (an f-string's expression is
    /// parsed by a parser of its own).
    pub(crate) fn inherit_nesting(&mut self, outer: &Parser<'_>) {
        self.nesting = outer.nesting;
    }

    /// Leaves a level of expression nesting.
    pub(crate) fn leave(&mut self) {
        self.nesting -= 1;
    }
}

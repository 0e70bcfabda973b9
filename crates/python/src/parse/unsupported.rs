//! Statements of Python that Threadline Python does not run, refused with
//! a message that names them.

use super::parser::{PResult, Parser};
use super::token::{Op, TokKind};

impl Parser<'_> {
    /// Refuses `match` and `type` statements (the current token is a name).
    pub(crate) fn check_unsupported_statement(&mut self) -> PResult<()> {
        let t = self.tok();
        let statement = match self.text(&t) {
            "match" if self.looks_like_match() => "match",
            "type"
                if self.nth(1).kind == TokKind::Name
                    && (self.nth(2).is_op(Op::Assign) || self.nth(2).is_op(Op::LSqb)) =>
            {
                "type"
            }
            _ => return Ok(()),
        };
        let msg = format!("the '{statement}' statement is not supported by Threadline Python");
        Err(self.hard_error_at(&t, msg))
    }

    /// Whether `match subject:` followed by an indented `case` starts here.
    fn looks_like_match(&mut self) -> bool {
        let save = self.save();
        self.bump();
        let subject = self.star_expressions();
        let shaped = subject.is_ok()
            && self.eat_op(Op::Colon)
            && self.kind() == TokKind::Newline
            && self.nth(1).kind == TokKind::Indent
            && self.nth(2).kind == TokKind::Name;
        let case = shaped && {
            let t = self.nth(2);
            self.text(&t) == "case"
        };
        self.rewind(save.0);
        case
    }
}

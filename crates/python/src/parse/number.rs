//! The values of numeric literals.

use super::parser::{PResult, Parser};
use crate::ast::{Constant, ExprKind};
use num_bigint::BigInt;

impl Parser<'_> {
    /// A numeric literal (the current token).
    #[inline(never)]
    pub(crate) fn number(&mut self) -> PResult<crate::ast::Expr> {
        let t = self.bump();
        let text: String = self.text(&t).chars().filter(|&c| c != '_').collect();
        let lower = text.to_ascii_lowercase();
        if lower.ends_with('j') {
            let msg = "complex numbers (imaginary literals such as 1j) are not supported by Threadline Python";
            return Err(self.hard_error_at(&t, msg));
        }
        let radix = match lower.get(..2) {
            Some("0x") => 16,
            Some("0o") => 8,
            Some("0b") => 2,
            _ => 10,
        };
        let is_float = radix == 10 && lower.contains(['.', 'e']);
        let constant = if is_float {
            Constant::Float(lower.parse::<f64>().unwrap_or(f64::INFINITY))
        } else {
            let digits = if radix == 10 { &lower[..] } else { &lower[2..] };
            int_constant(digits, radix)
        };
        Ok(self.node(t.start, ExprKind::Constant(constant)))
    }
}

/// An integer literal's value: `Int` when it fits in 64 bits.
fn int_constant(digits: &str, radix: u32) -> Constant {
    if let Ok(value) = i64::from_str_radix(digits, radix) {
        return Constant::Int(value);
    }
    match BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(value) => Constant::BigInt(value),
        None => Constant::Int(0),
    }
}

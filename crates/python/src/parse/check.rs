//! The errors CPython reports from its compiler rather than its parser.

use super::error::SyntaxError;
use crate::ast::Module;

/// Checks a parsed module.
pub(crate) fn check_module(_module: &Module) -> Result<(), SyntaxError> {
    Ok(())
}

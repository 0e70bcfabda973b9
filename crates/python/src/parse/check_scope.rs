//! The errors CPython's symbol table reports before its compiler runs:
//! `nonlocal` at module level, a parameter named twice, `yield` inside a
//! comprehension.

use super::error::SyntaxError;
use super::walk::{argument_defaults, chain, chain_child, expr_children, stmt_children};
use crate::ast::{Arguments, Expr, ExprKind, Range, Stmt, StmtKind};

/// Checks the statements of a module.
pub(crate) fn check_scopes(body: &[Stmt]) -> Result<(), SyntaxError> {
    let mut scopes = Scopes {
        at_module: true,
        comprehension: None,
    };
    body.iter().try_for_each(|s| scopes.stmt(s))
}

/// Where the walk is.
struct Scopes {
    /// Directly in the module's body.
    at_module: bool,
    /// Inside a comprehension's own scope: what CPython calls it.
    comprehension: Option<&'static str>,
}

/// An error spanning `range`.
fn error_at(range: Range, msg: impl Into<String>) -> SyntaxError {
    SyntaxError::syntax(
        msg,
        (range.start.line, range.start.col + 1),
        (range.end.line, range.end.col + 1),
    )
}

impl Scopes {
    /// Runs `f` in a function's scope.
    fn in_function<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let outer = (self.at_module, self.comprehension);
        (self.at_module, self.comprehension) = (false, None);
        let result = f(self);
        (self.at_module, self.comprehension) = outer;
        result
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Nonlocal(_) if self.at_module => Err(error_at(
                s.range,
                "nonlocal declaration not allowed at module level",
            )),
            StmtKind::FunctionDef(def) => {
                self.defaults(&def.args)?;
                def.returns.iter().try_for_each(|e| self.expr(e))?;
                def.decorators.iter().try_for_each(|e| self.expr(e))?;
                check_parameters(&def.args)?;
                self.in_function(|scopes| def.body.iter().try_for_each(|s| scopes.stmt(s)))
            }
            StmtKind::ClassDef(def) => {
                def.bases.iter().try_for_each(|e| self.expr(e))?;
                def.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
                def.decorators.iter().try_for_each(|e| self.expr(e))?;
                let outer = std::mem::replace(&mut self.at_module, false);
                let result = def.body.iter().try_for_each(|s| self.stmt(s));
                self.at_module = outer;
                result
            }
            StmtKind::If { .. } => {
                // `elif`s nest: followed with a loop.
                let mut at = s;
                while let StmtKind::If { test, body, orelse } = &at.kind {
                    self.expr(test)?;
                    body.iter().try_for_each(|s| self.stmt(s))?;
                    match orelse.as_slice() {
                        [next] if matches!(next.kind, StmtKind::If { .. }) => at = next,
                        rest => return rest.iter().try_for_each(|s| self.stmt(s)),
                    }
                }
                Ok(())
            }
            _ => {
                let mut exprs = Vec::new();
                let mut stmts = Vec::new();
                stmt_children(s, &mut |e| exprs.push(e), &mut |s| stmts.push(s));
                exprs.into_iter().try_for_each(|e| self.expr(e))?;
                stmts.into_iter().try_for_each(|s| self.stmt(s))
            }
        }
    }

    /// Defaults and annotations of parameters (evaluated outside).
    fn defaults(&mut self, args: &Arguments) -> Result<(), SyntaxError> {
        argument_defaults(args, &mut |e| self.expr(e))
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        let comprehension = match &e.kind {
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                if let Some(kind) = self.comprehension {
                    return Err(error_at(e.range, format!("'yield' inside {kind}")));
                }
                None
            }
            ExprKind::Lambda { args, body } => {
                self.defaults(args)?;
                check_parameters(args)?;
                return self.in_function(|scopes| scopes.expr(body));
            }
            ExprKind::ListComp { .. } => Some("list comprehension"),
            ExprKind::SetComp { .. } => Some("set comprehension"),
            ExprKind::DictComp { .. } => Some("dict comprehension"),
            ExprKind::GeneratorExp { .. } => Some("generator expression"),
            _ => None,
        };
        let Some(kind) = comprehension else {
            if chain_child(e).is_some() {
                let (links, start) = chain(e);
                self.expr(start)?;
                for link in links.iter().rev() {
                    let mut first = true;
                    expr_children(link, &mut |child| {
                        if std::mem::take(&mut first) {
                            return Ok(());
                        }
                        self.expr(child)
                    })?;
                }
                return Ok(());
            }
            return expr_children(e, &mut |child| self.expr(child));
        };
        // The first iterable is evaluated in the enclosing scope, the rest in
        // the comprehension's own.
        let mut first = true;
        let outer = self.comprehension;
        let result = expr_children(e, &mut |child| {
            let result = self.expr(child);
            if std::mem::take(&mut first) {
                self.comprehension = Some(kind);
            }
            result
        });
        self.comprehension = outer;
        result
    }
}

/// A parameter list naming a parameter twice: CPython's error at the
/// second one.
fn check_parameters(args: &Arguments) -> Result<(), SyntaxError> {
    let all: Vec<_> = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.kwonlyargs)
        .chain(&args.vararg)
        .chain(&args.kwarg)
        .collect();
    for (i, arg) in all.iter().enumerate() {
        if all[..i].iter().any(|earlier| earlier.name == arg.name) {
            let msg = format!("duplicate argument '{}' in function definition", arg.name);
            return Err(error_at(arg.range, msg));
        }
    }
    Ok(())
}

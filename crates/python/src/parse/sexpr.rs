//! A compact S-expression printer for syntax trees, for tests and for
//! looking at what the parser made of a program.

use super::sexpr_expr::bin_op;
use crate::ast::*;
use std::fmt::Write;

/// One line per top-level statement; with `positions`, every node is
/// followed by `@line:col-line:col`.
pub fn dump(module: &Module, positions: bool) -> String {
    let mut p = Printer {
        out: String::new(),
        positions,
    };
    for stmt in &module.body {
        p.stmt(stmt);
        p.out.push('\n');
    }
    p.out
}

/// One expression, without positions.
pub fn dump_expr(expr: &Expr) -> String {
    let mut p = Printer {
        out: String::new(),
        positions: false,
    };
    p.expr(expr);
    p.out
}

/// Writes nodes into `out`.
pub(super) struct Printer {
    pub(super) out: String,
    pub(super) positions: bool,
}

impl Printer {
    pub(super) fn text(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub(super) fn range(&mut self, r: Range) {
        if self.positions {
            let _ = write!(
                self.out,
                "@{}:{}-{}:{}",
                r.start.line, r.start.col, r.end.line, r.end.col
            );
        }
    }

    /// `(head items...)`.
    pub(super) fn list<T>(&mut self, head: &str, items: &[T], f: impl Fn(&mut Self, &T)) {
        self.out.push('(');
        self.text(head);
        for item in items {
            self.out.push(' ');
            f(self, item);
        }
        self.out.push(')');
    }

    fn stmts(&mut self, body: &[Stmt]) {
        self.list("", body, |p, s| p.stmt(s));
    }

    pub(super) fn opt(&mut self, e: Option<&Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.text("_"),
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        self.stmt_kind(&s.kind);
        self.range(s.range);
    }

    // One arm per kind of statement: the whole format reads in one place.
    fn stmt_kind(&mut self, kind: &StmtKind) {
        match kind {
            StmtKind::FunctionDef(def) => self.function_def(def),
            StmtKind::ClassDef(def) => {
                self.text("(ClassDef ");
                self.text(&def.name);
                self.list(" bases", &def.bases, |p, e| p.expr(e));
                self.list(" keywords", &def.keywords, |p, k| p.keyword(k));
                self.list(" decorators", &def.decorators, |p, e| p.expr(e));
                self.out.push(' ');
                self.stmts(&def.body);
                self.text(")");
            }
            StmtKind::Return(value) => self.wrap("Return", |p| p.opt(value.as_ref())),
            StmtKind::Delete(targets) => self.list("Delete", targets, |p, e| p.expr(e)),
            StmtKind::Assign { targets, value } => {
                self.list("Assign", targets, |p, e| p.expr(e));
                self.out.pop();
                self.text(" = ");
                self.expr(value);
                self.text(")");
            }
            StmtKind::AugAssign { target, op, value } => {
                self.text("(AugAssign ");
                self.expr(target);
                let _ = write!(self.out, " {}= ", bin_op(*op));
                self.expr(value);
                self.text(")");
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.text("(AnnAssign ");
                self.expr(target);
                self.out.push(' ');
                self.expr(annotation);
                self.out.push(' ');
                self.opt(value.as_ref());
                self.text(if *simple { " simple)" } else { ")" });
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                self.text(if *is_async { "(AsyncFor " } else { "(For " });
                self.expr(target);
                self.out.push(' ');
                self.expr(iter);
                self.out.push(' ');
                self.stmts(body);
                self.out.push(' ');
                self.stmts(orelse);
                self.text(")");
            }
            StmtKind::While { test, body, orelse } => self.test_body("While", test, body, orelse),
            StmtKind::If { test, body, orelse } => self.test_body("If", test, body, orelse),
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                let head = if *is_async { "AsyncWith" } else { "With" };
                self.list(head, items, |p, item| {
                    p.text("(");
                    p.expr(&item.context_expr);
                    p.out.push(' ');
                    p.opt(item.optional_vars.as_ref());
                    p.text(")");
                });
                self.out.pop();
                self.out.push(' ');
                self.stmts(body);
                self.text(")");
            }
            StmtKind::Raise { exc, cause } => self.wrap("Raise", |p| {
                p.opt(exc.as_ref());
                p.out.push(' ');
                p.opt(cause.as_ref());
            }),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.text("(Try ");
                self.stmts(body);
                self.list(" handlers", handlers, |p, h| p.handler(h));
                self.out.push(' ');
                self.stmts(orelse);
                self.out.push(' ');
                self.stmts(finalbody);
                self.text(")");
            }
            StmtKind::Assert { test, msg } => self.wrap("Assert", |p| {
                p.expr(test);
                p.out.push(' ');
                p.opt(msg.as_ref());
            }),
            StmtKind::Import(names) => self.list("Import", names, |p, a| p.alias(a)),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let _ = write!(
                    self.out,
                    "(ImportFrom {} {}",
                    module.as_deref().unwrap_or("_"),
                    level
                );
                self.list("", names, |p, a| p.alias(a));
                self.text(")");
            }
            StmtKind::Global(names) => self.list("Global", names, |p, n| p.text(n)),
            StmtKind::Nonlocal(names) => self.list("Nonlocal", names, |p, n| p.text(n)),
            StmtKind::Expr(value) => self.wrap("Expr", |p| p.expr(value)),
            StmtKind::Pass => self.text("Pass"),
            StmtKind::Break => self.text("Break"),
            StmtKind::Continue => self.text("Continue"),
        }
    }

    /// `(head ...)` around what `f` writes.
    pub(super) fn wrap(&mut self, head: &str, f: impl FnOnce(&mut Self)) {
        self.out.push('(');
        self.text(head);
        self.out.push(' ');
        f(self);
        self.out.push(')');
    }

    fn test_body(&mut self, head: &str, test: &Expr, body: &[Stmt], orelse: &[Stmt]) {
        self.wrap(head, |p| {
            p.expr(test);
            p.out.push(' ');
            p.stmts(body);
            p.out.push(' ');
            p.stmts(orelse);
        });
    }

    fn function_def(&mut self, def: &FunctionDef) {
        self.text(if def.is_async {
            "(AsyncFunctionDef "
        } else {
            "(FunctionDef "
        });
        self.text(&def.name);
        self.out.push(' ');
        self.arguments(&def.args);
        self.list(" decorators", &def.decorators, |p, e| p.expr(e));
        self.text(" returns ");
        self.opt(def.returns.as_ref());
        self.out.push(' ');
        self.stmts(&def.body);
        self.text(")");
    }

    pub(super) fn arguments(&mut self, a: &Arguments) {
        self.text("(args");
        self.list(" posonly", &a.posonlyargs, |p, arg| p.arg(arg));
        self.list(" args", &a.args, |p, arg| p.arg(arg));
        self.text(" vararg ");
        match &a.vararg {
            Some(arg) => self.arg(arg),
            None => self.text("_"),
        }
        self.list(" kwonly", &a.kwonlyargs, |p, arg| p.arg(arg));
        self.list(" kw_defaults", &a.kw_defaults, |p, d| p.opt(d.as_ref()));
        self.text(" kwarg ");
        match &a.kwarg {
            Some(arg) => self.arg(arg),
            None => self.text("_"),
        }
        self.list(" defaults", &a.defaults, |p, d| p.expr(d));
        self.text(")");
    }

    fn arg(&mut self, arg: &Arg) {
        self.text(&arg.name);
        if let Some(annotation) = &arg.annotation {
            self.text(":");
            self.expr(annotation);
        }
        self.range(arg.range);
    }

    pub(super) fn keyword(&mut self, k: &Keyword) {
        self.text("(kw ");
        self.text(k.arg.as_deref().unwrap_or("**"));
        self.out.push(' ');
        self.expr(&k.value);
        self.text(")");
        self.range(k.range);
    }

    fn alias(&mut self, a: &Alias) {
        self.text(&a.name);
        if let Some(asname) = &a.asname {
            self.text(" as ");
            self.text(asname);
        }
        self.range(a.range);
    }

    fn handler(&mut self, h: &ExceptHandler) {
        self.text("(except ");
        self.opt(h.typ.as_ref());
        self.out.push(' ');
        self.text(h.name.as_deref().unwrap_or("_"));
        self.out.push(' ');
        self.stmts(&h.body);
        self.text(")");
        self.range(h.range);
    }
}

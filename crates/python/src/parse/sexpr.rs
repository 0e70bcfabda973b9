//! A compact S-expression printer for syntax trees, for tests and for
//! looking at what the parser made of a program.

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
struct Printer {
    out: String,
    positions: bool,
}

impl Printer {
    fn text(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn range(&mut self, r: Range) {
        if self.positions {
            let _ = write!(
                self.out,
                "@{}:{}-{}:{}",
                r.start.line, r.start.col, r.end.line, r.end.col
            );
        }
    }

    /// `(head items...)`.
    fn list<T>(&mut self, head: &str, items: &[T], f: impl Fn(&mut Self, &T)) {
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

    fn opt(&mut self, e: Option<&Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.text("_"),
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        self.stmt_kind(&s.kind);
        self.range(s.range);
    }

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
    fn wrap(&mut self, head: &str, f: impl FnOnce(&mut Self)) {
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

    fn arguments(&mut self, a: &Arguments) {
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

    fn keyword(&mut self, k: &Keyword) {
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

    fn expr(&mut self, e: &Expr) {
        self.expr_kind(&e.kind);
        self.range(e.range);
    }

    fn exprs(&mut self, head: &str, items: &[Expr]) {
        self.list(head, items, |p, e| p.expr(e));
    }

    fn expr_kind(&mut self, kind: &ExprKind) {
        match kind {
            ExprKind::BoolOp { op, values } => {
                self.exprs(if *op == BoolOp::And { "and" } else { "or" }, values)
            }
            ExprKind::NamedExpr { target, value } => self.wrap(":=", |p| {
                p.expr(target);
                p.out.push(' ');
                p.expr(value);
            }),
            ExprKind::BinOp { left, op, right } => self.wrap(bin_op(*op), |p| {
                p.expr(left);
                p.out.push(' ');
                p.expr(right);
            }),
            ExprKind::UnaryOp { op, operand } => {
                let head = match op {
                    UnaryOp::Invert => "~",
                    UnaryOp::Not => "not",
                    UnaryOp::UAdd => "+",
                    UnaryOp::USub => "-",
                };
                self.wrap(head, |p| p.expr(operand));
            }
            ExprKind::Lambda { args, body } => self.wrap("Lambda", |p| {
                p.arguments(args);
                p.out.push(' ');
                p.expr(body);
            }),
            ExprKind::IfExp { test, body, orelse } => self.wrap("IfExp", |p| {
                p.expr(test);
                p.out.push(' ');
                p.expr(body);
                p.out.push(' ');
                p.expr(orelse);
            }),
            ExprKind::Dict { keys, values } => {
                let pairs: Vec<_> = keys.iter().zip(values).collect();
                self.list("Dict", &pairs, |p, (k, v)| {
                    p.text("(");
                    match k {
                        Some(k) => p.expr(k),
                        None => p.text("**"),
                    }
                    p.out.push(' ');
                    p.expr(v);
                    p.text(")");
                });
            }
            ExprKind::Set(elts) => self.exprs("Set", elts),
            ExprKind::ListComp { elt, generators } => {
                self.comp("ListComp", &[elt.as_ref()], generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comp("SetComp", &[elt.as_ref()], generators)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comp("GeneratorExp", &[elt.as_ref()], generators)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comp("DictComp", &[key.as_ref(), value.as_ref()], generators),
            ExprKind::Await(value) => self.wrap("Await", |p| p.expr(value)),
            ExprKind::Yield(value) => self.wrap("Yield", |p| p.opt(value.as_deref())),
            ExprKind::YieldFrom(value) => self.wrap("YieldFrom", |p| p.expr(value)),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.wrap("Compare", |p| {
                p.expr(left);
                for (op, right) in ops.iter().zip(comparators) {
                    p.out.push(' ');
                    p.text(cmp_op(*op));
                    p.out.push(' ');
                    p.expr(right);
                }
            }),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.wrap("Call", |p| {
                p.expr(func);
                for arg in args {
                    p.out.push(' ');
                    p.expr(arg);
                }
                for k in keywords {
                    p.out.push(' ');
                    p.keyword(k);
                }
            }),
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::Constant(c) => self.constant(c),
            ExprKind::Attribute { value, attr } => self.wrap("Attr", |p| {
                p.expr(value);
                p.out.push(' ');
                p.text(attr);
            }),
            ExprKind::Subscript { value, slice } => self.wrap("Sub", |p| {
                p.expr(value);
                p.out.push(' ');
                p.expr(slice);
            }),
            ExprKind::Starred(value) => self.wrap("*", |p| p.expr(value)),
            ExprKind::Name(name) => self.text(name),
            ExprKind::List(elts) => self.exprs("List", elts),
            ExprKind::Tuple(elts) => self.exprs("Tuple", elts),
            ExprKind::Slice { lower, upper, step } => self.wrap("Slice", |p| {
                p.opt(lower.as_deref());
                p.out.push(' ');
                p.opt(upper.as_deref());
                p.out.push(' ');
                p.opt(step.as_deref());
            }),
        }
    }

    fn comp(&mut self, head: &str, elts: &[&Expr], generators: &[Comprehension]) {
        self.wrap(head, |p| {
            for (i, elt) in elts.iter().enumerate() {
                if i > 0 {
                    p.out.push(' ');
                }
                p.expr(elt);
            }
            for g in generators {
                p.text(if g.is_async { " (async-for " } else { " (for " });
                p.expr(&g.target);
                p.out.push(' ');
                p.expr(&g.iter);
                for cond in &g.ifs {
                    p.text(" (if ");
                    p.expr(cond);
                    p.text(")");
                }
                p.text(")");
            }
        });
    }

    fn fstring(&mut self, parts: &[FStringPart]) {
        self.list("JoinedStr", parts, |p, part| match part {
            FStringPart::Literal(text) => p.quoted(text),
            FStringPart::Formatted {
                value,
                conversion,
                format_spec,
                debug_text,
            } => {
                p.text("(Fmt ");
                p.expr(value);
                let _ = write!(
                    p.out,
                    " {}",
                    conversion.map_or("_".to_string(), |c| format!("!{c}"))
                );
                p.out.push(' ');
                match format_spec {
                    Some(spec) => p.fstring(spec),
                    None => p.text("_"),
                }
                if let Some(debug) = debug_text {
                    p.text(" debug=");
                    p.quoted(debug);
                }
                p.text(")");
            }
        });
    }

    /// A string in double quotes, with quotes, backslashes and control
    /// characters escaped.
    fn quoted(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.text("\\\""),
                '\\' => self.text("\\\\"),
                '\n' => self.text("\\n"),
                '\t' => self.text("\\t"),
                '\r' => self.text("\\r"),
                c if c.is_control() => {
                    let _ = write!(self.out, "\\u{{{:x}}}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.text("None"),
            Constant::Bool(b) => self.text(if *b { "True" } else { "False" }),
            Constant::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Constant::BigInt(i) => {
                let _ = write!(self.out, "{i}");
            }
            Constant::Float(f) => self.text(&float_repr(*f)),
            Constant::Str(s) => self.quoted(s),
            Constant::Bytes(bytes) => {
                self.text("b\"");
                for &b in bytes {
                    match b {
                        b'"' => self.text("\\\""),
                        b'\\' => self.text("\\\\"),
                        b' '..=b'~' => self.out.push(b as char),
                        _ => {
                            let _ = write!(self.out, "\\x{b:02x}");
                        }
                    }
                }
                self.text("\"");
            }
            Constant::Ellipsis => self.text("..."),
        }
    }
}

/// A float as Python's `repr` writes it.
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        let s = format!("{f}");
        return if s.contains('.') { s } else { format!("{s}.0") };
    }
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exp.abs())
}

fn bin_op(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::MatMult => "@",
        BinOp::Div => "/",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
        BinOp::FloorDiv => "//",
    }
}

fn cmp_op(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is-not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not-in",
    }
}

//! The expression half of the S-expression printer.

use super::sexpr::Printer;
use crate::ast::*;
use std::fmt::Write;

impl Printer {
    pub(super) fn expr(&mut self, e: &Expr) {
        self.expr_kind(&e.kind);
        self.range(e.range);
    }

    fn exprs(&mut self, head: &str, items: &[Expr]) {
        self.list(head, items, |p, e| p.expr(e));
    }

    // One arm per kind of expression: the whole format reads in one place.
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

pub(super) fn bin_op(op: BinOp) -> &'static str {
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

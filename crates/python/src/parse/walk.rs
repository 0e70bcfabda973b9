//! Visiting the direct children of syntax tree nodes, for the checks that
//! run over a whole tree.

use crate::ast::{Arguments, Expr, ExprKind, FStringPart, Stmt, StmtKind};

/// Calls `f` on each expression directly inside `e`, in evaluation order.
/// (One arm per kind of expression, so that none is forgotten.)
pub(crate) fn expr_children<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
        ExprKind::NamedExpr { target, value } => {
            f(value);
            f(target);
        }
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::Lambda { args, body } => {
            argument_defaults(args, f);
            f(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        ExprKind::Dict { keys, values } => {
            for (key, value) in keys.iter().zip(values) {
                if let Some(key) = key {
                    f(key);
                }
                f(value);
            }
        }
        ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().for_each(f)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            for g in generators {
                f(&g.iter);
                f(&g.target);
                g.ifs.iter().for_each(&mut *f);
            }
            f(elt);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            for g in generators {
                f(&g.iter);
                f(&g.target);
                g.ifs.iter().for_each(&mut *f);
            }
            f(key);
            f(value);
        }
        ExprKind::Await(value) | ExprKind::YieldFrom(value) | ExprKind::Starred(value) => f(value),
        ExprKind::Yield(value) => {
            if let Some(value) = value {
                f(value);
            }
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            f(left);
            comparators.iter().for_each(f);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            f(func);
            args.iter().for_each(&mut *f);
            keywords.iter().for_each(|k| f(&k.value));
        }
        ExprKind::JoinedStr(parts) => fstring_children(parts, f),
        ExprKind::Attribute { value, .. } => f(value),
        ExprKind::Subscript { value, slice } => {
            f(value);
            f(slice);
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                f(part);
            }
        }
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
    }
}

/// The expressions inside an f-string's fields.
fn fstring_children<'a>(parts: &'a [FStringPart], f: &mut dyn FnMut(&'a Expr)) {
    for part in parts {
        if let FStringPart::Formatted {
            value, format_spec, ..
        } = part
        {
            f(value);
            if let Some(spec) = format_spec {
                fstring_children(spec, f);
            }
        }
    }
}

/// The defaults and annotations of parameters, which the enclosing scope
/// evaluates.
pub(crate) fn argument_defaults<'a>(args: &'a Arguments, f: &mut dyn FnMut(&'a Expr)) {
    args.defaults.iter().for_each(&mut *f);
    args.kw_defaults.iter().flatten().for_each(&mut *f);
    let all = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.vararg);
    for arg in all.chain(&args.kwonlyargs).chain(&args.kwarg) {
        if let Some(annotation) = &arg.annotation {
            f(annotation);
        }
    }
}

/// Calls `expr` on each expression and `stmt` on each statement directly
/// inside `s`, in source order. (One arm per kind of statement, so that
/// none is forgotten.)
pub(crate) fn stmt_children<'a>(
    s: &'a Stmt,
    expr: &mut dyn FnMut(&'a Expr),
    stmt: &mut dyn FnMut(&'a Stmt),
) {
    match &s.kind {
        StmtKind::FunctionDef(def) => {
            def.decorators.iter().for_each(&mut *expr);
            argument_defaults(&def.args, expr);
            if let Some(returns) = &def.returns {
                expr(returns);
            }
            def.body.iter().for_each(stmt);
        }
        StmtKind::ClassDef(def) => {
            def.decorators.iter().for_each(&mut *expr);
            def.bases.iter().for_each(&mut *expr);
            def.keywords.iter().for_each(|k| expr(&k.value));
            def.body.iter().for_each(stmt);
        }
        StmtKind::Return(value) => value.iter().for_each(expr),
        StmtKind::Delete(targets) => targets.iter().for_each(expr),
        StmtKind::Assign { targets, value } => {
            expr(value);
            targets.iter().for_each(expr);
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target);
            expr(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            value.iter().for_each(&mut *expr);
            expr(target);
            expr(annotation);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            expr(iter);
            expr(target);
            body.iter().chain(orelse).for_each(stmt);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            expr(test);
            body.iter().chain(orelse).for_each(stmt);
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                expr(&item.context_expr);
                item.optional_vars.iter().for_each(&mut *expr);
            }
            body.iter().for_each(stmt);
        }
        StmtKind::Raise { exc, cause } => exc.iter().chain(cause).for_each(expr),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            body.iter().for_each(&mut *stmt);
            for handler in handlers {
                handler.typ.iter().for_each(&mut *expr);
                handler.body.iter().for_each(&mut *stmt);
            }
            orelse.iter().chain(finalbody).for_each(stmt);
        }
        StmtKind::Assert { test, msg } => {
            expr(test);
            msg.iter().for_each(expr);
        }
        StmtKind::Expr(value) => expr(value),
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

//! Visiting the direct children of syntax tree nodes, for the checks that
//! run over a whole tree.

use crate::ast::{Arguments, Expr, ExprKind, FStringPart, Stmt, StmtKind};

/// Calls `f` on each expression directly inside `e`, in evaluation order,
/// stopping at the first error. (One arm per kind of expression, so that
/// none is forgotten.)
pub(crate) fn expr_children<'a, E>(
    e: &'a Expr,
    f: &mut impl FnMut(&'a Expr) -> Result<(), E>,
) -> Result<(), E> {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().try_for_each(f),
        ExprKind::NamedExpr { target, value } => {
            f(value)?;
            f(target)
        }
        ExprKind::BinOp { left, right, .. } => {
            f(left)?;
            f(right)
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::Lambda { args, body } => {
            argument_defaults(args, f)?;
            f(body)
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(test)?;
            f(body)?;
            f(orelse)
        }
        ExprKind::Dict { keys, values } => {
            for (key, value) in keys.iter().zip(values) {
                key.iter().try_for_each(&mut *f)?;
                f(value)?;
            }
            Ok(())
        }
        ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().try_for_each(f)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            for g in generators {
                f(&g.iter)?;
                f(&g.target)?;
                g.ifs.iter().try_for_each(&mut *f)?;
            }
            f(elt)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            for g in generators {
                f(&g.iter)?;
                f(&g.target)?;
                g.ifs.iter().try_for_each(&mut *f)?;
            }
            f(key)?;
            f(value)
        }
        ExprKind::Await(value) | ExprKind::YieldFrom(value) | ExprKind::Starred(value) => f(value),
        ExprKind::Yield(value) => value.iter().try_for_each(|v| f(v)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            f(left)?;
            comparators.iter().try_for_each(f)
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            f(func)?;
            args.iter().try_for_each(&mut *f)?;
            keywords.iter().try_for_each(|k| f(&k.value))
        }
        ExprKind::JoinedStr(parts) => fstring_children(parts, f),
        ExprKind::Attribute { value, .. } => f(value),
        ExprKind::Subscript { value, slice } => {
            f(value)?;
            f(slice)
        }
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .into_iter()
            .flatten()
            .try_for_each(|part| f(part)),
        ExprKind::Constant(_) | ExprKind::Name(_) => Ok(()),
    }
}

/// The first child of a link of a left-leaning chain (`a.b(c)[d] + e`):
/// the left operand, or the value an attribute, a subscript or a call
/// applies to. Such chains grow as long as a program makes them, so the
/// walks follow them with a loop rather than by recursion.
pub(crate) fn chain_child(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::BinOp { left, .. } => Some(left),
        ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => Some(value),
        ExprKind::Call { func, .. } => Some(func),
        _ => None,
    }
}

/// The links of the chain that `e` heads, outermost first, and the
/// expression the chain starts from.
pub(crate) fn chain(e: &Expr) -> (Vec<&Expr>, &Expr) {
    let mut links = Vec::new();
    let mut at = e;
    while let Some(child) = chain_child(at) {
        links.push(at);
        at = child;
    }
    (links, at)
}

/// The expressions inside an f-string's fields.
fn fstring_children<'a, E>(
    parts: &'a [FStringPart],
    f: &mut impl FnMut(&'a Expr) -> Result<(), E>,
) -> Result<(), E> {
    for part in parts {
        if let FStringPart::Formatted {
            value, format_spec, ..
        } = part
        {
            f(value)?;
            if let Some(spec) = format_spec {
                fstring_children(spec, f)?;
            }
        }
    }
    Ok(())
}

/// The defaults and annotations of parameters, which the enclosing scope
/// evaluates.
pub(crate) fn argument_defaults<'a, E>(
    args: &'a Arguments,
    f: &mut impl FnMut(&'a Expr) -> Result<(), E>,
) -> Result<(), E> {
    args.defaults.iter().try_for_each(&mut *f)?;
    args.kw_defaults.iter().flatten().try_for_each(&mut *f)?;
    let all = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.vararg);
    let mut annotations = all.chain(&args.kwonlyargs).chain(&args.kwarg);
    annotations.try_for_each(|arg| arg.annotation.iter().try_for_each(&mut *f))
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
            let _ = argument_defaults(&def.args, &mut |e| {
                expr(e);
                Ok::<(), ()>(())
            });
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

/// Whether a function body yields (not counting nested functions, classes
/// and lambdas, whose `yield`s are their own). Walked with a stack of its
/// own: the tree may be deep.
pub(crate) fn contains_yield(body: &[Stmt]) -> bool {
    let mut stmts: Vec<&Stmt> = body.iter().collect();
    let mut exprs: Vec<&Expr> = Vec::new();
    while let Some(s) = stmts.pop() {
        if matches!(s.kind, StmtKind::FunctionDef(_) | StmtKind::ClassDef(_)) {
            continue;
        }
        stmt_children(s, &mut |e| exprs.push(e), &mut |s| stmts.push(s));
        while let Some(e) = exprs.pop() {
            match &e.kind {
                ExprKind::Yield(_) | ExprKind::YieldFrom(_) => return true,
                ExprKind::Lambda { .. } => {}
                _ => {
                    let _ = expr_children(e, &mut |child| {
                        exprs.push(child);
                        Ok::<(), ()>(())
                    });
                }
            }
        }
    }
    false
}

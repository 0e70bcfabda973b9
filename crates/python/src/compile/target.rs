//! Names and assignment targets: loads, stores and deletes by scope, tuple
//! unpacking, augmented assignment.

use super::symtable::{Resolution, ScopeKind};
use super::{BinOpKind, CompileError, Compiler, Op, error};
use crate::ast::{self, Expr, ExprKind};

/// The compiler's operator for an AST operator.
pub(crate) fn bin_op_kind(op: ast::BinOp) -> BinOpKind {
    match op {
        ast::BinOp::Add => BinOpKind::Add,
        ast::BinOp::Sub => BinOpKind::Sub,
        ast::BinOp::Mult => BinOpKind::Mul,
        ast::BinOp::MatMult => BinOpKind::MatMul,
        ast::BinOp::Div => BinOpKind::TrueDiv,
        ast::BinOp::Mod => BinOpKind::Mod,
        ast::BinOp::Pow => BinOpKind::Pow,
        ast::BinOp::LShift => BinOpKind::LShift,
        ast::BinOp::RShift => BinOpKind::RShift,
        ast::BinOp::BitOr => BinOpKind::Or,
        ast::BinOp::BitXor => BinOpKind::Xor,
        ast::BinOp::BitAnd => BinOpKind::And,
        ast::BinOp::FloorDiv => BinOpKind::FloorDiv,
    }
}

#[derive(Clone, Copy)]
enum Access {
    Load,
    Store,
    Delete,
}

impl<'a> Compiler<'a> {
    fn name_op(&mut self, name: &str, access: Access) -> Result<(), CompileError> {
        let resolution = self.resolve(name);
        let kind = self.scope().kind;
        let op = match (resolution, kind) {
            (Resolution::Local, _) => {
                let i = self.varname_index(name);
                match access {
                    Access::Load => Op::LoadFast(i),
                    Access::Store => Op::StoreFast(i),
                    Access::Delete => Op::DeleteFast(i),
                }
            }
            (Resolution::Cell | Resolution::Free, ScopeKind::Class)
                if matches!(access, Access::Load) && resolution == Resolution::Free =>
            {
                Op::LoadClassDeref(self.deref_index(name))
            }
            (Resolution::Cell | Resolution::Free, _) => {
                let i = self.deref_index(name);
                match access {
                    Access::Load => Op::LoadDeref(i),
                    Access::Store => Op::StoreDeref(i),
                    Access::Delete => Op::DeleteDeref(i),
                }
            }
            (Resolution::Namespace, ScopeKind::Class)
            | (Resolution::GlobalImplicit, ScopeKind::Class) => {
                let i = self.name_index(name);
                match access {
                    Access::Load => Op::LoadName(i),
                    Access::Store => Op::StoreName(i),
                    Access::Delete => Op::DeleteName(i),
                }
            }
            _ => {
                let i = self.name_index(name);
                match access {
                    Access::Load => Op::LoadGlobal(i),
                    Access::Store => Op::StoreGlobal(i),
                    Access::Delete => Op::DeleteGlobal(i),
                }
            }
        };
        self.emit(op);
        Ok(())
    }

    /// Pushes the value of a name.
    pub(crate) fn load_name(&mut self, name: &str) -> Result<(), CompileError> {
        self.name_op(name, Access::Load)
    }

    /// Pops into a name.
    pub(crate) fn store_name(&mut self, name: &str) -> Result<(), CompileError> {
        self.name_op(name, Access::Store)
    }

    /// Unbinds a name.
    pub(crate) fn delete_name(&mut self, name: &str) -> Result<(), CompileError> {
        self.name_op(name, Access::Delete)
    }

    /// Pops the top of the stack into an assignment target.
    pub(crate) fn store_target(&mut self, target: &'a Expr) -> Result<(), CompileError> {
        let saved = self.position();
        self.set_range(target.range);
        match &target.kind {
            ExprKind::Name(name) => self.store_name(name)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_range(target.range);
                let i = self.name_index(attr);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_range(target.range);
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self.unpack_into(items, target)?,
            ExprKind::Starred(_) => {
                return Err(error(
                    "starred assignment target must be in a list or tuple",
                    target.range,
                ));
            }
            _ => {
                return Err(error(
                    format!("cannot assign to {}", describe(target)),
                    target.range,
                ));
            }
        }
        self.restore(saved);
        Ok(())
    }

    fn unpack_into(&mut self, items: &'a [Expr], target: &Expr) -> Result<(), CompileError> {
        let starred: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, ExprKind::Starred(_)))
            .map(|(i, _)| i)
            .collect();
        match starred.as_slice() {
            [] => {
                self.emit(Op::UnpackSequence(items.len() as u32));
            }
            [star] => {
                let before = *star as u32;
                let after = (items.len() - star - 1) as u32;
                if before > 255 {
                    return Err(error(
                        "too many expressions in star-unpacking assignment",
                        target.range,
                    ));
                }
                self.emit(Op::UnpackEx(before | (after << 8)));
            }
            _ => {
                return Err(error(
                    "multiple starred expressions in assignment",
                    target.range,
                ));
            }
        }
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => self.store_target(inner)?,
                _ => self.store_target(item)?,
            }
        }
        Ok(())
    }

    /// `del target`.
    pub(crate) fn delete_target(&mut self, target: &'a Expr) -> Result<(), CompileError> {
        self.set_range(target.range);
        match &target.kind {
            ExprKind::Name(name) => self.delete_name(name),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_range(target.range);
                let i = self.name_index(attr);
                self.emit(Op::DeleteAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_range(target.range);
                self.emit(Op::DeleteSubscr);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|item| self.delete_target(item))
            }
            _ => Err(error(
                format!("cannot delete {}", describe(target)),
                target.range,
            )),
        }
    }

    /// `target op= value`.
    pub(crate) fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: ast::BinOp,
        value: &'a Expr,
    ) -> Result<(), CompileError> {
        let kind = bin_op_kind(op);
        match &target.kind {
            ExprKind::Name(name) => {
                self.set_range(target.range);
                self.load_name(name)?;
                self.expr(value)?;
                self.set_range(aug_range(target, value));
                self.emit(Op::InplaceOp(kind));
                self.set_range(target.range);
                self.store_name(name)
            }
            ExprKind::Attribute {
                value: object,
                attr,
            } => {
                self.expr(object)?;
                self.emit(Op::Copy(1));
                self.set_range(target.range);
                let i = self.name_index(attr);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.set_range(aug_range(target, value));
                self.emit(Op::InplaceOp(kind));
                self.emit(Op::Swap(2));
                self.set_range(target.range);
                self.emit(Op::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript {
                value: object,
                slice,
            } if self.fast_subscript(object, slice, value).is_some() => {
                let Some((local, constant)) = self.fast_subscript(object, slice, value) else {
                    return Ok(());
                };
                self.expr(object)?;
                self.expr(slice)?;
                self.set_range(target.range);
                self.emit(Op::BinarySubscr);
                self.expr(value)?;
                self.set_range(aug_range(target, value));
                self.emit(Op::InplaceOp(kind));
                self.set_range(target.range);
                self.emit(Op::StoreSubscrFastConst(local, constant));
                Ok(())
            }
            ExprKind::Subscript {
                value: object,
                slice,
            } => {
                self.expr(object)?;
                self.expr(slice)?;
                self.emit(Op::Copy(2));
                self.emit(Op::Copy(2));
                self.set_range(target.range);
                self.emit(Op::BinarySubscr);
                self.expr(value)?;
                self.set_range(aug_range(target, value));
                self.emit(Op::InplaceOp(kind));
                self.emit(Op::Swap(3));
                self.emit(Op::Swap(2));
                self.set_range(target.range);
                self.emit(Op::StoreSubscr);
                Ok(())
            }
            _ => Err(error(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(target)
                ),
                target.range,
            )),
        }
    }
}

fn aug_range(target: &Expr, value: &Expr) -> ast::Range {
    ast::Range {
        start: target.range.start,
        end: value.range.end,
    }
}

impl<'a> Compiler<'a> {
    /// For `local[constant] op= value`: the local's slot and the constant's
    /// index, when both fit the fused store and `value` cannot rebind the
    /// local (only an assignment expression could).
    fn fast_subscript(&mut self, object: &Expr, slice: &Expr, value: &Expr) -> Option<(u16, u16)> {
        let ExprKind::Name(name) = &object.kind else {
            return None;
        };
        let ExprKind::Constant(constant @ (ast::Constant::Int(_) | ast::Constant::Str(_))) =
            &slice.kind
        else {
            return None;
        };
        if self.resolve(name) != Resolution::Local || has_assignment_expression(value) {
            return None;
        }
        let local = u16::try_from(self.varname_index(name)).ok()?;
        let index = u16::try_from(self.add_const(super::expr::constant_value(constant))).ok()?;
        Some((local, index))
    }
}

/// Whether an expression contains an assignment expression (the only way
/// an expression can rebind a local of its own frame).
fn has_assignment_expression(expr: &Expr) -> bool {
    let any = |items: &[Expr]| items.iter().any(has_assignment_expression);
    let comprehension = |generators: &[ast::Comprehension]| {
        generators.iter().any(|g| {
            has_assignment_expression(&g.iter)
                || has_assignment_expression(&g.target)
                || any(&g.ifs)
        })
    };
    match &expr.kind {
        ExprKind::NamedExpr { .. } => true,
        ExprKind::BoolOp { values, .. } => any(values),
        ExprKind::BinOp { left, right, .. } => {
            has_assignment_expression(left) || has_assignment_expression(right)
        }
        ExprKind::UnaryOp { operand, .. } => has_assignment_expression(operand),
        ExprKind::Lambda { .. } | ExprKind::Constant(_) | ExprKind::Name(_) => false,
        ExprKind::IfExp { test, body, orelse } => {
            has_assignment_expression(test)
                || has_assignment_expression(body)
                || has_assignment_expression(orelse)
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().any(has_assignment_expression) || any(values)
        }
        ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => any(items),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            has_assignment_expression(elt) || comprehension(generators)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            has_assignment_expression(key)
                || has_assignment_expression(value)
                || comprehension(generators)
        }
        ExprKind::Await(inner) | ExprKind::YieldFrom(inner) | ExprKind::Starred(inner) => {
            has_assignment_expression(inner)
        }
        ExprKind::Yield(inner) => inner.as_ref().is_some_and(|i| has_assignment_expression(i)),
        ExprKind::Compare {
            left, comparators, ..
        } => has_assignment_expression(left) || any(comparators),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            has_assignment_expression(func)
                || any(args)
                || keywords.iter().any(|k| has_assignment_expression(&k.value))
        }
        ExprKind::JoinedStr(_) => true,
        ExprKind::Attribute { value, .. } => has_assignment_expression(value),
        ExprKind::Subscript { value, slice } => {
            has_assignment_expression(value) || has_assignment_expression(slice)
        }
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .into_iter()
            .flatten()
            .any(|p| has_assignment_expression(p)),
    }
}

/// How CPython names an expression in "cannot assign to …".
pub(crate) fn describe(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(_) => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::NamedExpr { .. } => "named expression",
        _ => "expression",
    }
}

//! Expressions.

use super::target::bin_op_kind;
use super::{CmpKind, CompileError, Compiler, Op, UnaryKind, error};
use crate::ast::{self, Constant, Expr, ExprKind, FStringPart};
use crate::objects::{Object, Value};

fn cmp_kind(op: ast::CmpOp) -> Result<CmpKind, Op> {
    Ok(match op {
        ast::CmpOp::Eq => CmpKind::Eq,
        ast::CmpOp::NotEq => CmpKind::Ne,
        ast::CmpOp::Lt => CmpKind::Lt,
        ast::CmpOp::LtE => CmpKind::Le,
        ast::CmpOp::Gt => CmpKind::Gt,
        ast::CmpOp::GtE => CmpKind::Ge,
        ast::CmpOp::Is => return Err(Op::IsOp(false)),
        ast::CmpOp::IsNot => return Err(Op::IsOp(true)),
        ast::CmpOp::In => return Err(Op::ContainsOp(false)),
        ast::CmpOp::NotIn => return Err(Op::ContainsOp(true)),
    })
}

/// The comparison kind of a rich comparison operator (`None` for `is`,
/// `in` and their negations).
pub(crate) fn rich_comparison(op: ast::CmpOp) -> Option<CmpKind> {
    cmp_kind(op).ok()
}

/// The value of a literal.
pub(crate) fn constant_value(constant: &Constant) -> Value {
    match constant {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(n) => Value::Int(*n),
        Constant::BigInt(n) => Value::from_bigint(n.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Str(s) => Value::str(s),
        Constant::Bytes(b) => Value::obj(Object::Bytes(b.clone().into_boxed_slice())),
        Constant::Ellipsis => Value::obj(Object::Ellipsis),
    }
}

impl<'a> Compiler<'a> {
    /// Compiles an expression, leaving its value on the stack.
    pub(crate) fn expr(&mut self, expr: &'a Expr) -> Result<(), CompileError> {
        let saved = self.position();
        self.set_range(expr.range);
        self.expr_inner(expr)?;
        self.restore(saved);
        Ok(())
    }

    fn here(&mut self, expr: &Expr) {
        self.set_range(expr.range);
    }

    fn expr_inner(&mut self, expr: &'a Expr) -> Result<(), CompileError> {
        match &expr.kind {
            ExprKind::Constant(c) => self.emit_const(constant_value(c)),
            ExprKind::Name(name) => self.load_name(name)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.here(expr);
                self.emit(Op::BinaryOp(bin_op_kind(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.here(expr);
                let kind = match op {
                    ast::UnaryOp::Not => UnaryKind::Not,
                    ast::UnaryOp::USub => UnaryKind::Neg,
                    ast::UnaryOp::UAdd => UnaryKind::Pos,
                    ast::UnaryOp::Invert => UnaryKind::Invert,
                };
                self.emit(Op::UnaryOp(kind));
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.label();
                let (last, rest) = values
                    .split_last()
                    .ok_or_else(|| error("empty boolean operation", expr.range))?;
                for v in rest {
                    self.expr(v)?;
                    self.here(expr);
                    let jump = if *op == ast::BoolOp::And {
                        Op::JumpIfFalseOrPop(end as u32)
                    } else {
                        Op::JumpIfTrueOrPop(end as u32)
                    };
                    self.emit(jump);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(expr, left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_label = self.label();
                let end = self.label();
                self.jump_if(test, else_label, false)?;
                self.expr(body)?;
                self.emit(Op::Jump(end as u32));
                self.bind(else_label);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.here(expr);
                let i = self.name_index(attr);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.here(expr);
                self.emit(Op::BinarySubscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.emit_const(Value::None),
                    }
                }
                let n = match step {
                    Some(s) => {
                        self.expr(s)?;
                        3
                    }
                    None => 2,
                };
                self.here(expr);
                self.emit(Op::BuildSlice(n));
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(expr, func, args, keywords)?,
            ExprKind::List(items) => self.sequence(items, SeqKind::List)?,
            ExprKind::Tuple(items) => self.sequence(items, SeqKind::Tuple)?,
            ExprKind::Set(items) => self.sequence(items, SeqKind::Set)?,
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
            ExprKind::Lambda { args, body } => self.lambda(expr, args, body)?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(expr)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Copy(1));
                self.store_target(target)?;
            }
            ExprKind::Starred(_) => {
                return Err(error("can't use starred expression here", expr.range));
            }
            ExprKind::Yield(value) => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Value::None),
                }
                self.here(expr);
                self.emit(Op::YieldValue);
            }
            ExprKind::YieldFrom(value) => {
                self.expr(value)?;
                self.here(expr);
                self.emit(Op::GetYieldFromIter);
                self.emit_const(Value::None);
                self.await_loop();
            }
            ExprKind::Await(value) => {
                self.expr(value)?;
                self.here(expr);
                self.emit(Op::GetAwaitable);
                self.emit_const(Value::None);
                self.await_loop();
            }
        }
        Ok(())
    }

    fn compare(
        &mut self,
        expr: &'a Expr,
        left: &'a Expr,
        ops: &[ast::CmpOp],
        comparators: &'a [Expr],
    ) -> Result<(), CompileError> {
        self.expr(left)?;
        let emit_cmp = |c: &mut Compiler<'a>, op: ast::CmpOp| {
            match cmp_kind(op) {
                Ok(kind) => c.emit(Op::CompareOp(kind)),
                Err(other) => c.emit(other),
            };
        };
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.here(expr);
            emit_cmp(self, ops[0]);
            return Ok(());
        }
        let cleanup = self.label();
        let end = self.label();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            self.here(expr);
            if i + 1 < ops.len() {
                self.emit(Op::Swap(2));
                self.emit(Op::Copy(2));
                emit_cmp(self, *op);
                self.emit(Op::JumpIfFalseOrPop(cleanup as u32));
            } else {
                emit_cmp(self, *op);
            }
        }
        self.emit(Op::Jump(end as u32));
        self.bind(cleanup);
        self.emit(Op::Swap(2));
        self.emit(Op::PopTop);
        self.bind(end);
        Ok(())
    }

    fn call(
        &mut self,
        expr: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> Result<(), CompileError> {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let double_starred = keywords.iter().any(|k| k.arg.is_none());
        if let ExprKind::Name(name) = &func.kind
            && name.as_ref() == "super"
            && args.is_empty()
            && keywords.is_empty()
            && self.zero_arg_super()?
        {
            self.here(expr);
            self.emit(Op::Call(2));
            return Ok(());
        }
        if starred || double_starred {
            self.expr(func)?;
            self.star_args(args)?;
            if keywords.is_empty() {
                self.emit_const(Value::None);
            } else {
                self.star_kwargs(keywords)?;
            }
            self.here(expr);
            self.emit(Op::CallEx);
            return Ok(());
        }
        let method = matches!(func.kind, ExprKind::Attribute { .. }) && keywords.is_empty();
        if let (true, ExprKind::Attribute { value, attr }) = (method, &func.kind) {
            self.expr(value)?;
            self.set_range(func.range);
            let i = self.name_index(attr);
            self.emit(Op::LoadMethod(i));
            for a in args {
                self.expr(a)?;
            }
            self.here(expr);
            self.emit(Op::CallMethod(args.len() as u32));
            return Ok(());
        }
        self.expr(func)?;
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.here(expr);
            self.emit(Op::Call(args.len() as u32));
            return Ok(());
        }
        let mut names = Vec::new();
        for k in keywords {
            self.expr(&k.value)?;
            let Some(name) = &k.arg else { continue };
            if names
                .iter()
                .any(|n: &Value| n.as_str().is_some_and(|s| s.as_str() == name.as_ref()))
            {
                return Err(error(format!("keyword argument repeated: {name}"), k.range));
            }
            names.push(Value::str(name));
        }
        self.emit_const(Value::tuple(names));
        self.here(expr);
        self.emit(Op::CallKw((args.len() + keywords.len()) as u32));
        Ok(())
    }

    /// Pushes `super, __class__, first_argument` for a zero-argument
    /// `super()`; `false` if not inside a method.
    fn zero_arg_super(&mut self) -> Result<bool, CompileError> {
        let scope = self.scope();
        let Some(first) = scope.params.first().cloned() else {
            return Ok(false);
        };
        if !scope.freevars.iter().any(|f| f.as_ref() == "__class__") {
            return Ok(false);
        }
        self.load_name("super")?;
        let i = self.deref_index("__class__");
        self.emit(Op::LoadDeref(i));
        self.load_name(&first)?;
        Ok(true)
    }

    fn star_args(&mut self, args: &'a [Expr]) -> Result<(), CompileError> {
        self.emit(Op::BuildList(0));
        for a in args {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        self.emit(Op::ListToTuple);
        Ok(())
    }

    fn star_kwargs(&mut self, keywords: &'a [ast::Keyword]) -> Result<(), CompileError> {
        self.emit(Op::BuildMap(0));
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.emit_const(Value::str(name));
                    self.expr(&k.value)?;
                    self.emit(Op::MapAdd(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge(1));
                }
            }
        }
        Ok(())
    }

    fn sequence(&mut self, items: &'a [Expr], kind: SeqKind) -> Result<(), CompileError> {
        let starred = items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !starred {
            for item in items {
                self.expr(item)?;
            }
            let n = items.len() as u32;
            self.emit(match kind {
                SeqKind::List => Op::BuildList(n),
                SeqKind::Tuple => Op::BuildTuple(n),
                SeqKind::Set => Op::BuildSet(n),
            });
            return Ok(());
        }
        self.emit(if kind == SeqKind::Set {
            Op::BuildSet(0)
        } else {
            Op::BuildList(0)
        });
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if kind == SeqKind::Set {
                        Op::SetUpdate(1)
                    } else {
                        Op::ListExtend(1)
                    });
                }
                _ => {
                    self.expr(item)?;
                    self.emit(if kind == SeqKind::Set {
                        Op::SetAdd(1)
                    } else {
                        Op::ListAppend(1)
                    });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn dict_display(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
    ) -> Result<(), CompileError> {
        if keys.iter().all(Option::is_some) {
            for (k, v) in keys.iter().zip(values) {
                if let Some(k) = k {
                    self.expr(k)?;
                }
                self.expr(v)?;
            }
            self.emit(Op::BuildMap(keys.len() as u32));
            return Ok(());
        }
        self.emit(Op::BuildMap(0));
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Op::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) -> Result<(), CompileError> {
        let mut count = 0;
        for part in parts {
            match part {
                FStringPart::Literal(text) => {
                    if text.is_empty() {
                        continue;
                    }
                    self.emit_const(Value::str(text));
                    count += 1;
                }
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    if let Some(text) = debug_text {
                        self.emit_const(Value::str(text));
                        count += 1;
                    }
                    self.expr(value)?;
                    let conversion = match (conversion, debug_text, format_spec) {
                        (Some('s'), _, _) => 1,
                        (Some('r'), _, _) => 2,
                        (Some('a'), _, _) => 3,
                        (None, Some(_), None) => 2,
                        _ => 0,
                    };
                    let mut flags = conversion;
                    if let Some(spec) = format_spec {
                        self.fstring(spec)?;
                        flags |= 4;
                    }
                    self.emit(Op::FormatValue(flags));
                    count += 1;
                }
            }
        }
        if count != 1 {
            self.emit(Op::BuildString(count));
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

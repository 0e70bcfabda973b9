//! Operators: the fast paths on immediates the dispatch loop inlines, the
//! builtin types' operators, and the special-method protocol with reflected
//! operands (`__add__`, then `__radd__`).

use super::Vm;
use crate::compile::{BinOpKind, CmpKind, UnaryKind};
use crate::objects::float::{self, as_float};
use crate::objects::int::{self, IntRef, as_int};
use crate::objects::names::names;
use crate::objects::types::{is_subclass, lookup};
use crate::objects::{Object, PyErr, PyResult, Value};

/// `a op b` on two immediates, when no Python code or error can be involved.
#[inline(always)]
pub fn fast_binary(kind: BinOpKind, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            match kind {
                BinOpKind::Add => x.checked_add(y).map(Value::Int),
                BinOpKind::Sub => x.checked_sub(y).map(Value::Int),
                BinOpKind::Mul => x.checked_mul(y).map(Value::Int),
                BinOpKind::FloorDiv if y > 0 => Some(Value::Int(x.div_euclid(y))),
                BinOpKind::Mod if y > 0 => Some(Value::Int(x.rem_euclid(y))),
                BinOpKind::And => Some(Value::Int(x & y)),
                BinOpKind::Or => Some(Value::Int(x | y)),
                BinOpKind::Xor => Some(Value::Int(x ^ y)),
                BinOpKind::RShift if y >= 0 => Some(Value::Int(x >> y.min(63))),
                BinOpKind::LShift if (0..63).contains(&y) && (x << y) >> y == x => {
                    Some(Value::Int(x << y))
                }
                BinOpKind::TrueDiv
                    if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) =>
                {
                    Some(Value::Float(x as f64 / y as f64))
                }
                _ => None,
            }
        }
        (Value::Float(x), Value::Float(y)) => float_fast(kind, *x, *y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => {
            float_fast(kind, *x, *y as f64)
        }
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => {
            float_fast(kind, *x as f64, *y)
        }
        _ => None,
    }
}

#[inline(always)]
fn float_fast(kind: BinOpKind, x: f64, y: f64) -> Option<Value> {
    match kind {
        BinOpKind::Add => Some(Value::Float(x + y)),
        BinOpKind::Sub => Some(Value::Float(x - y)),
        BinOpKind::Mul => Some(Value::Float(x * y)),
        BinOpKind::TrueDiv if y != 0.0 => Some(Value::Float(x / y)),
        BinOpKind::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            let result = x.powf(y);
            result.is_finite().then_some(Value::Float(result))
        }
        _ => None,
    }
}

/// `a op b` comparisons on immediates.
#[inline(always)]
pub fn fast_compare(kind: CmpKind, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(apply(kind, x.cmp(y))),
        (Value::Float(x), Value::Float(y)) => Some(float_cmp(kind, *x, *y)),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => {
            Some(float_cmp(kind, *x as f64, *y))
        }
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => {
            Some(float_cmp(kind, *x, *y as f64))
        }
        _ => None,
    }
}

/// Whether an ordering satisfies a comparison.
#[inline(always)]
pub fn apply(kind: CmpKind, ordering: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match kind {
        CmpKind::Lt => ordering == Less,
        CmpKind::Le => ordering != Greater,
        CmpKind::Eq => ordering == Equal,
        CmpKind::Ne => ordering != Equal,
        CmpKind::Gt => ordering == Greater,
        CmpKind::Ge => ordering != Less,
    }
}

#[inline(always)]
fn float_cmp(kind: CmpKind, x: f64, y: f64) -> bool {
    match kind {
        CmpKind::Lt => x < y,
        CmpKind::Le => x <= y,
        CmpKind::Eq => x == y,
        CmpKind::Ne => x != y,
        CmpKind::Gt => x > y,
        CmpKind::Ge => x >= y,
    }
}

/// The operator's symbol, for messages.
pub fn symbol(kind: BinOpKind) -> &'static str {
    match kind {
        BinOpKind::Add => "+",
        BinOpKind::Sub => "-",
        BinOpKind::Mul => "*",
        BinOpKind::MatMul => "@",
        BinOpKind::TrueDiv => "/",
        BinOpKind::FloorDiv => "//",
        BinOpKind::Mod => "%",
        BinOpKind::Pow => "** or pow()",
        BinOpKind::LShift => "<<",
        BinOpKind::RShift => ">>",
        BinOpKind::And => "&",
        BinOpKind::Or => "|",
        BinOpKind::Xor => "^",
    }
}

/// The comparison's symbol, for messages.
pub fn cmp_symbol(kind: CmpKind) -> &'static str {
    match kind {
        CmpKind::Lt => "<",
        CmpKind::Le => "<=",
        CmpKind::Eq => "==",
        CmpKind::Ne => "!=",
        CmpKind::Gt => ">",
        CmpKind::Ge => ">=",
    }
}

fn dunders(kind: BinOpKind) -> (&'static Value, &'static Value, &'static Value) {
    let n = names();
    match kind {
        BinOpKind::Add => (&n.__add__, &n.__radd__, &n.__iadd__),
        BinOpKind::Sub => (&n.__sub__, &n.__rsub__, &n.__isub__),
        BinOpKind::Mul => (&n.__mul__, &n.__rmul__, &n.__imul__),
        BinOpKind::MatMul => (&n.__matmul__, &n.__rmatmul__, &n.__imatmul__),
        BinOpKind::TrueDiv => (&n.__truediv__, &n.__rtruediv__, &n.__itruediv__),
        BinOpKind::FloorDiv => (&n.__floordiv__, &n.__rfloordiv__, &n.__ifloordiv__),
        BinOpKind::Mod => (&n.__mod__, &n.__rmod__, &n.__imod__),
        BinOpKind::Pow => (&n.__pow__, &n.__rpow__, &n.__ipow__),
        BinOpKind::LShift => (&n.__lshift__, &n.__rlshift__, &n.__ilshift__),
        BinOpKind::RShift => (&n.__rshift__, &n.__rrshift__, &n.__irshift__),
        BinOpKind::And => (&n.__and__, &n.__rand__, &n.__iand__),
        BinOpKind::Or => (&n.__or__, &n.__ror__, &n.__ior__),
        BinOpKind::Xor => (&n.__xor__, &n.__rxor__, &n.__ixor__),
    }
}

/// Whether a value is Python-level `NotImplemented`.
pub fn is_not_implemented(value: &Value) -> bool {
    matches!(value, Value::Obj(o) if matches!(&**o, Object::NotImplemented))
}

/// Whether a value's class is written in Python (so it may define operators).
fn is_python_class(value: &Value) -> bool {
    matches!(value, Value::Obj(o) if matches!(&**o, Object::Instance(_)))
}

impl Vm {
    /// `a op b`.
    pub fn binary_op(&mut self, a: Value, b: Value, kind: BinOpKind) -> PyResult {
        if !is_python_class(&a) && !is_python_class(&b) {
            if let Some(result) = self.builtin_binary(kind, &a, &b)? {
                return Ok(result);
            }
            return Err(binary_type_error(kind, &a, &b));
        }
        if let Some(result) = self.dunder_binary(&a, &b, kind)? {
            return Ok(result);
        }
        if let Some(result) = self.builtin_binary(kind, &a, &b)? {
            return Ok(result);
        }
        Err(binary_type_error(kind, &a, &b))
    }

    /// `a op= b`: the in-place method if there is one, else `a op b`.
    pub fn inplace_op(&mut self, a: Value, b: Value, kind: BinOpKind) -> PyResult {
        if let Value::Obj(o) = &a {
            match (&**o, kind) {
                (Object::List(_), BinOpKind::Add) => {
                    self.list_extend(&a, &b)?;
                    return Ok(a);
                }
                (
                    Object::Set(_),
                    BinOpKind::Or | BinOpKind::And | BinOpKind::Sub | BinOpKind::Xor,
                ) if matches!(&b, Value::Obj(ob) if matches!(&**ob, Object::Set(_) | Object::FrozenSet(_))) =>
                {
                    self.set_inplace(&a, &b, kind)?;
                    return Ok(a);
                }
                (Object::Dict(_), BinOpKind::Or) => {
                    self.dict_update_from(&a, &b, false)?;
                    return Ok(a);
                }
                (Object::Instance(_), _) => {
                    let (_, _, inplace) = dunders(kind);
                    if let Some(result) =
                        self.call_special(&a, inplace, std::slice::from_ref(&b))?
                        && !is_not_implemented(&result)
                    {
                        return Ok(result);
                    }
                }
                _ => {}
            }
        }
        self.binary_op(a, b, kind)
    }

    fn dunder_binary(&mut self, a: &Value, b: &Value, kind: BinOpKind) -> PyResult<Option<Value>> {
        let (forward, reflected, _) = dunders(kind);
        let a_class = a.class().clone();
        let b_class = b.class().clone();
        let same = std::sync::Arc::ptr_eq(&a_class, &b_class);
        let b_first =
            !same && is_subclass(&b_class, &a_class) && lookup(&b_class, reflected).is_some();
        if b_first
            && let Some(result) = self.call_special(b, reflected, std::slice::from_ref(a))?
            && !is_not_implemented(&result)
        {
            return Ok(Some(result));
        }
        if is_python_class(a)
            && let Some(result) = self.call_special(a, forward, std::slice::from_ref(b))?
            && !is_not_implemented(&result)
        {
            return Ok(Some(result));
        }
        if !same
            && !b_first
            && is_python_class(b)
            && let Some(result) = self.call_special(b, reflected, std::slice::from_ref(a))?
            && !is_not_implemented(&result)
        {
            return Ok(Some(result));
        }
        Ok(None)
    }

    /// The operators of builtin types (`None`: not supported for these).
    pub(crate) fn builtin_binary(
        &mut self,
        kind: BinOpKind,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        if let Some(result) = numeric_binary(kind, a, b)? {
            return Ok(Some(result));
        }
        let (Value::Obj(x), y) = (a, b) else {
            return self.reversed_sequence_repeat(kind, a, b);
        };
        match (&**x, kind) {
            (Object::Str(s), BinOpKind::Add) => match y.as_str() {
                Some(t) => {
                    crate::heap::reserve(s.as_str().len() + t.as_str().len())?;
                    let mut text = String::with_capacity(s.as_str().len() + t.as_str().len());
                    text.push_str(s.as_str());
                    text.push_str(t.as_str());
                    Ok(Some(Value::string(text)))
                }
                None => Err(PyErr::type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    y.type_name()
                ))),
            },
            (Object::Str(_), BinOpKind::Mod) => self.percent_format(a, b).map(Some),
            (
                Object::Str(_) | Object::List(_) | Object::Tuple(_) | Object::Bytes(_),
                BinOpKind::Mul,
            ) => self.sequence_repeat(a, b).map(Some),
            (Object::List(_) | Object::Tuple(_) | Object::Bytes(_), BinOpKind::Add) => {
                self.sequence_concat(a, b).map(Some)
            }
            (Object::Set(_) | Object::FrozenSet(_) | Object::DictView(..), _) => {
                self.set_binary(kind, a, b)
            }
            (Object::Dict(_), BinOpKind::Or) => self.dict_or(a, b),
            (Object::Deque(left), BinOpKind::Add) => match y {
                Value::Obj(o) if matches!(&**o, Object::Deque(_)) => {
                    let (mut items, maxlen) = {
                        let d = left.lock();
                        (d.items.clone(), d.maxlen)
                    };
                    items.extend(self.collect(y)?);
                    while maxlen.is_some_and(|m| items.len() > m) {
                        items.pop_front();
                    }
                    Ok(Some(crate::modules::collections::new_deque(items, maxlen)))
                }
                _ => Err(PyErr::type_error(format!(
                    "can only concatenate deque (not \"{}\") to deque",
                    y.type_name()
                ))),
            },
            _ => self.reversed_sequence_repeat(kind, a, b),
        }
    }

    fn reversed_sequence_repeat(
        &mut self,
        kind: BinOpKind,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        if kind == BinOpKind::Mul
            && as_int(a).is_some()
            && matches!(b, Value::Obj(o) if matches!(&**o, Object::Str(_) | Object::List(_) | Object::Tuple(_) | Object::Bytes(_)))
        {
            return self.sequence_repeat(b, a).map(Some);
        }
        Ok(None)
    }

    /// `-x`, `+x`, `~x`.
    pub fn unary_op(&mut self, value: &Value, kind: UnaryKind) -> PyResult {
        match (kind, value) {
            (UnaryKind::Neg, Value::Float(f)) => return Ok(Value::Float(-f)),
            (UnaryKind::Pos, Value::Float(f)) => return Ok(Value::Float(*f)),
            (UnaryKind::Not, _) => return Ok(Value::Bool(!self.truthy(value)?)),
            _ => {}
        }
        if let Some(n) = as_int(value) {
            return Ok(match kind {
                UnaryKind::Neg => int::negate(n),
                UnaryKind::Invert => int::invert(n),
                _ => match n {
                    IntRef::Small(v) => Value::Int(v),
                    IntRef::Big(b) => Value::from_bigint(b.clone()),
                },
            });
        }
        let (dunder, symbol) = match kind {
            UnaryKind::Neg => (&names().__neg__, "-"),
            UnaryKind::Pos => (&names().__pos__, "+"),
            _ => (&names().__invert__, "~"),
        };
        if is_python_class(value)
            && let Some(result) = self.call_special(value, dunder, &[])?
        {
            return Ok(result);
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {symbol}: '{}'",
            value.type_name()
        )))
    }
}

/// Arithmetic on ints and floats (`None` if either is not a number).
pub fn numeric_binary(kind: BinOpKind, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return match kind {
            BinOpKind::TrueDiv => int::true_divide(x, y).map(Some),
            BinOpKind::Pow => int::pow(x, y).map(Some),
            BinOpKind::MatMul => Ok(None),
            _ => int::arith(kind, x, y).map(Some),
        };
    }
    let (Some(x), Some(y)) = (as_float(a), as_float(b)) else {
        return Ok(None);
    };
    let (x, y) = (x?, y?);
    let result = match kind {
        BinOpKind::Add => x + y,
        BinOpKind::Sub => x - y,
        BinOpKind::Mul => x * y,
        BinOpKind::TrueDiv => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            x / y
        }
        BinOpKind::FloorDiv => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float floor division by zero"));
            }
            float::divmod(x, y).0
        }
        BinOpKind::Mod => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float modulo"));
            }
            float::divmod(x, y).1
        }
        BinOpKind::Pow => float::pow(x, y)?,
        _ => return Ok(None),
    };
    Ok(Some(Value::Float(result)))
}

/// `TypeError: unsupported operand type(s)…`, or the special wordings.
pub fn binary_type_error(kind: BinOpKind, a: &Value, b: &Value) -> PyErr {
    let seq = |v: &Value| matches!(v, Value::Obj(o) if matches!(&**o, Object::Str(_) | Object::List(_) | Object::Tuple(_) | Object::Bytes(_)));
    if kind == BinOpKind::Mul && (seq(a) || seq(b)) {
        let other = if seq(a) { b } else { a };
        return PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            other.type_name()
        ));
    }
    if kind == BinOpKind::Add && matches!(a, Value::Obj(o) if matches!(&**o, Object::Bytes(_))) {
        return PyErr::type_error(format!("can't concat {} to bytes", b.type_name()));
    }
    if kind == BinOpKind::Add && seq(a) && a.as_str().is_none() {
        return PyErr::type_error(format!(
            "can only concatenate {} (not \"{}\") to {}",
            a.type_name(),
            b.type_name(),
            a.type_name()
        ));
    }
    PyErr::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        symbol(kind),
        a.type_name(),
        b.type_name()
    ))
}

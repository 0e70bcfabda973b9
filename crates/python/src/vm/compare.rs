//! Rich comparison: builtin types compared natively (sequences item by item,
//! which may run Python `__eq__`), classes through `__eq__`/`__lt__`… with
//! the reflected operand's method tried too.

use super::Vm;
use super::ops::{apply, cmp_symbol, is_not_implemented};
use crate::compile::CmpKind;
use crate::objects::int::{self, as_int};
use crate::objects::names::names;
use crate::objects::types::{flags, is_subclass, lookup, type_obj};
use crate::objects::{ObjRef, Object, PyErr, PyResult, Value};
use std::sync::Arc;

fn reflected(kind: CmpKind) -> CmpKind {
    match kind {
        CmpKind::Lt => CmpKind::Gt,
        CmpKind::Le => CmpKind::Ge,
        CmpKind::Gt => CmpKind::Lt,
        CmpKind::Ge => CmpKind::Le,
        other => other,
    }
}

fn dunder(kind: CmpKind) -> &'static Value {
    let n = names();
    match kind {
        CmpKind::Lt => &n.__lt__,
        CmpKind::Le => &n.__le__,
        CmpKind::Eq => &n.__eq__,
        CmpKind::Ne => &n.__ne__,
        CmpKind::Gt => &n.__gt__,
        CmpKind::Ge => &n.__ge__,
    }
}

fn python_class(value: &Value) -> Option<&ObjRef> {
    match value {
        Value::Obj(o) => match &**o {
            Object::Instance(instance) => Some(&instance.class),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// `a op b` (the result of a user method need not be a bool).
    pub fn compare(&mut self, a: &Value, b: &Value, kind: CmpKind) -> PyResult {
        if let Some(truth) = super::ops::fast_compare(kind, a, b) {
            return Ok(Value::Bool(truth));
        }
        if (python_class(a).is_some() || python_class(b).is_some())
            && let Some(result) = self.dunder_compare(a, b, kind)?
        {
            return Ok(result);
        }
        match self.builtin_compare(a, b, kind)? {
            Some(truth) => Ok(Value::Bool(truth)),
            None => match kind {
                CmpKind::Eq => Ok(Value::Bool(a.is(b))),
                CmpKind::Ne => Ok(Value::Bool(!a.is(b))),
                _ => Err(PyErr::type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    cmp_symbol(kind),
                    a.type_name(),
                    b.type_name()
                ))),
            },
        }
    }

    /// `a == b` as a bool, with the identity shortcut containers use.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) && !matches!(a, Value::Float(f) if f.is_nan()) {
            return Ok(true);
        }
        if let Some(truth) = super::ops::fast_compare(CmpKind::Eq, a, b) {
            return Ok(truth);
        }
        if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
            return Ok(x.as_str() == y.as_str());
        }
        let result = self.compare(a, b, CmpKind::Eq)?;
        self.truthy(&result)
    }

    /// `a < b` as a bool (sorting, `min`, `max`).
    pub fn less_than(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(truth) = super::ops::fast_compare(CmpKind::Lt, a, b) {
            return Ok(truth);
        }
        if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
            return Ok(x.as_str() < y.as_str());
        }
        let result = self.compare(a, b, CmpKind::Lt)?;
        self.truthy(&result)
    }

    fn dunder_compare(&mut self, a: &Value, b: &Value, kind: CmpKind) -> PyResult<Option<Value>> {
        let a_class = a.class().clone();
        let b_class = b.class().clone();
        let reverse = reflected(kind);
        let b_first = !Arc::ptr_eq(&a_class, &b_class)
            && is_subclass(&b_class, &a_class)
            && overrides(&b_class, dunder(reverse));
        if b_first && let Some(result) = self.try_compare(b, a, reverse)? {
            return Ok(Some(result));
        }
        if let Some(result) = self.try_compare(a, b, kind)? {
            return Ok(Some(result));
        }
        if !b_first && let Some(result) = self.try_compare(b, a, reverse)? {
            return Ok(Some(result));
        }
        Ok(None)
    }

    /// Calls `left.__op__(right)` if `left`'s class is written in Python and
    /// defines it; `None` for `NotImplemented` or no method.
    fn try_compare(
        &mut self,
        left: &Value,
        right: &Value,
        kind: CmpKind,
    ) -> PyResult<Option<Value>> {
        let Some(class) = python_class(left) else {
            return Ok(None);
        };
        let class = class.clone();
        let method = match lookup(&class, dunder(kind)) {
            Some(Value::Native(_)) | None => {
                if kind == CmpKind::Ne && overrides(&class, &names().__eq__) {
                    let eq = self.try_compare(left, right, CmpKind::Eq)?;
                    return match eq {
                        Some(result) => Ok(Some(Value::Bool(!self.truthy(&result)?))),
                        None => Ok(None),
                    };
                }
                return Ok(None);
            }
            Some(method) => method,
        };
        let result = self.call(&method, &[left.clone(), right.clone()])?;
        Ok((!is_not_implemented(&result)).then_some(result))
    }

    /// Comparisons of builtin types (`None`: these types do not compare).
    pub(crate) fn builtin_compare(
        &mut self,
        a: &Value,
        b: &Value,
        kind: CmpKind,
    ) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Some(apply(kind, int::compare(x, y))));
        }
        if let Some(result) = compare_numbers(a, b, kind) {
            return Ok(Some(result));
        }
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
            return Ok(None);
        };
        match (&**x, &**y) {
            (Object::Str(s), Object::Str(t)) => Ok(Some(apply(kind, s.as_str().cmp(t.as_str())))),
            (Object::Bytes(s), Object::Bytes(t)) => Ok(Some(apply(kind, s.cmp(t)))),
            (Object::Tuple(s), Object::Tuple(t)) => self.compare_sequences(s, t, kind).map(Some),
            (Object::List(s), Object::List(t)) => {
                let (s, t) = (s.lock().clone(), t.lock().clone());
                self.compare_sequences(&s, &t, kind).map(Some)
            }
            (Object::Set(_) | Object::FrozenSet(_), Object::Set(_) | Object::FrozenSet(_)) => {
                self.compare_sets(a, b, kind)
            }
            (Object::Dict(_), Object::Dict(_)) if matches!(kind, CmpKind::Eq | CmpKind::Ne) => {
                let same = self.dicts_equal(a, b)?;
                Ok(Some(same == (kind == CmpKind::Eq)))
            }
            (Object::Range(r), Object::Range(s)) if matches!(kind, CmpKind::Eq | CmpKind::Ne) => {
                let same = r.len() == s.len()
                    && (r.is_empty() || (r.start == s.start && (r.len() == 1 || r.step == s.step)));
                Ok(Some(same == (kind == CmpKind::Eq)))
            }
            (Object::DictView(..), _) | (_, Object::DictView(..)) => self.compare_sets(a, b, kind),
            (Object::Deque(s), Object::Deque(t)) => {
                let s: Vec<Value> = s.lock().items.iter().cloned().collect();
                let t: Vec<Value> = t.lock().items.iter().cloned().collect();
                self.compare_sequences(&s, &t, kind).map(Some)
            }
            (Object::Instance(_), _) | (_, Object::Instance(_)) => {
                self.compare_native_bases(a, b, kind)
            }
            _ => Ok(None),
        }
    }

    fn compare_native_bases(
        &mut self,
        a: &Value,
        b: &Value,
        kind: CmpKind,
    ) -> PyResult<Option<bool>> {
        match (native_items(a), native_items(b)) {
            (Some(NativeItems::List(s)), Some(NativeItems::List(t))) => {
                self.compare_sequences(&s, &t, kind).map(Some)
            }
            (Some(NativeItems::Dict), Some(NativeItems::Dict))
                if matches!(kind, CmpKind::Eq | CmpKind::Ne) =>
            {
                let same = self.dicts_equal(a, b)?;
                Ok(Some(same == (kind == CmpKind::Eq)))
            }
            _ => Ok(None),
        }
    }

    /// Lexicographic comparison, as lists and tuples compare.
    pub(crate) fn compare_sequences(
        &mut self,
        a: &[Value],
        b: &[Value],
        kind: CmpKind,
    ) -> PyResult<bool> {
        for (x, y) in a.iter().zip(b.iter()) {
            if !self.eq(x, y)? {
                return match kind {
                    CmpKind::Eq => Ok(false),
                    CmpKind::Ne => Ok(true),
                    _ => {
                        let result = self.compare(x, y, kind)?;
                        self.truthy(&result)
                    }
                };
            }
        }
        Ok(apply(kind, a.len().cmp(&b.len())))
    }
}

enum NativeItems {
    List(Vec<Value>),
    Dict,
}

fn native_items(value: &Value) -> Option<NativeItems> {
    let Value::Obj(o) = value else { return None };
    match &**o {
        Object::List(items) => Some(NativeItems::List(items.lock().clone())),
        Object::Tuple(items) => Some(NativeItems::List(items.to_vec())),
        Object::Dict(_) => Some(NativeItems::Dict),
        Object::Instance(instance) => match &instance.native {
            crate::objects::NativeBase::Tuple(items) => Some(NativeItems::List(items.to_vec())),
            crate::objects::NativeBase::List(items) => {
                Some(NativeItems::List(items.lock().clone()))
            }
            crate::objects::NativeBase::Dict(_) => Some(NativeItems::Dict),
            _ => None,
        },
        _ => None,
    }
}

fn overrides(class: &ObjRef, name: &Value) -> bool {
    matches!(lookup(class, name), Some(v) if !matches!(v, Value::Native(_)))
        || (name.as_str().is_some_and(|n| n.as_str() == "__eq__")
            && type_obj(class).is_some_and(|t| t.has(flags::HAS_EQ)))
}

fn compare_numbers(a: &Value, b: &Value, kind: CmpKind) -> Option<bool> {
    let float_side = |int_side: &Value, f: f64, flipped: bool| -> Option<bool> {
        let n = as_int(int_side)?;
        let ordering = int::compare_with_float(n, f);
        Some(match ordering {
            None => kind == CmpKind::Ne,
            Some(o) => apply(kind, if flipped { o.reverse() } else { o }),
        })
    };
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => Some(match x.partial_cmp(y) {
            Some(o) => apply(kind, o),
            None => kind == CmpKind::Ne,
        }),
        (Value::Float(x), other) => float_side(other, *x, true),
        (other, Value::Float(y)) => float_side(other, *y, false),
        _ => None,
    }
}

//! The object protocol builtins rely on: truth, length, hashing, int
//! conversion. Each answers natively for builtin types and through the
//! special method for classes written in Python.

use super::Vm;
use crate::objects::exception::exc_data;
use crate::objects::int::{self, as_int};
use crate::objects::names::names;
use crate::objects::types::{lookup, type_obj};
use crate::objects::{NativeBase, Object, PyErr, PyResult, Value, hash};

impl Vm {
    /// `bool(value)`.
    pub fn truthy(&mut self, value: &Value) -> PyResult<bool> {
        Ok(match value {
            Value::Null | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(n) => *n != 0,
            Value::Float(f) => *f != 0.0,
            Value::Native(_) => true,
            Value::Obj(obj) => match &**obj {
                Object::Str(s) => !s.as_str().is_empty(),
                Object::Int(_) => true,
                Object::Bytes(b) => !b.is_empty(),
                Object::Tuple(items) => !items.is_empty(),
                Object::List(items) => !items.lock().is_empty(),
                Object::Dict(dict) => !dict.lock().is_empty(),
                Object::Set(set) => !set.lock().is_empty(),
                Object::FrozenSet(set) => !set.is_empty(),
                Object::Range(r) => !r.is_empty(),
                Object::Deque(d) => !d.lock().items.is_empty(),
                Object::DictView(..) => self.len(value)? > 0,
                Object::Instance(_) => return self.instance_truthy(value),
                _ => true,
            },
        })
    }

    fn instance_truthy(&mut self, value: &Value) -> PyResult<bool> {
        if let Some(result) = self.call_special(value, &names().__bool__, &[])? {
            return match result {
                Value::Bool(b) => Ok(b),
                other => Err(PyErr::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    other.type_name()
                ))),
            };
        }
        if lookup(value.class(), &names().__len__).is_some() {
            return Ok(self.len(value)? > 0);
        }
        Ok(true)
    }

    /// `len(value)`.
    pub fn len(&mut self, value: &Value) -> PyResult<usize> {
        if let Value::Obj(obj) = value {
            let n = match &**obj {
                Object::Str(s) => Some(s.char_len()),
                Object::Bytes(b) => Some(b.len()),
                Object::Tuple(items) => Some(items.len()),
                Object::List(items) => Some(items.lock().len()),
                Object::Dict(dict) => Some(dict.lock().len()),
                Object::Set(set) => Some(set.lock().len()),
                Object::FrozenSet(set) => Some(set.len()),
                Object::Range(r) => Some(r.len() as usize),
                Object::Deque(d) => Some(d.lock().items.len()),
                Object::DictView(dict, _) => return self.len(&Value::Obj(dict.clone())),
                Object::Instance(instance) => {
                    if let Some(result) = self.call_special(value, &names().__len__, &[])? {
                        return len_result(&result);
                    }
                    match &instance.native {
                        NativeBase::Dict(d) => Some(d.lock().len()),
                        NativeBase::List(items) => Some(items.lock().len()),
                        NativeBase::Tuple(items) => Some(items.len()),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some(n) = n {
                return Ok(n);
            }
        }
        Err(PyErr::type_error(format!(
            "object of type '{}' has no len()",
            value.type_name()
        )))
    }

    /// `hash(value)`.
    pub fn hash(&mut self, value: &Value) -> PyResult<i64> {
        match value {
            Value::Null | Value::None => Ok(hash::pointer(0x5f3a_9d10)),
            Value::Bool(b) => Ok(*b as i64),
            Value::Int(n) => Ok(hash::int(*n)),
            Value::Float(f) => Ok(hash::float(*f)),
            Value::Native(def) => Ok(hash::pointer(*def as *const _ as usize)),
            Value::Obj(obj) => match &**obj {
                Object::Str(s) => Ok(s.hash()),
                Object::Int(_) => Ok(as_int(value).map_or(0, int::hash)),
                Object::Bytes(b) => Ok(hash::bytes(b)),
                Object::Tuple(items) => {
                    let mut hashes = Vec::with_capacity(items.len());
                    for item in items.iter() {
                        hashes.push(self.hash(item)?);
                    }
                    Ok(hash::tuple(hashes.into_iter()))
                }
                Object::FrozenSet(set) => {
                    Ok(hash::frozenset(set.iter().map(|(h, _)| h), set.len()))
                }
                Object::List(_)
                | Object::Dict(_)
                | Object::Set(_)
                | Object::Deque(_)
                | Object::DictView(..) => Err(unhashable(value)),
                Object::Range(r) => Ok(hash::tuple(
                    [r.len(), r.start, r.step].map(hash::int).into_iter(),
                )),
                Object::Instance(_) => self.instance_hash(value),
                Object::Method(m) => {
                    let a = self.hash(&m.self_)?;
                    let b = self.hash(&m.func)?;
                    Ok(hash::fix(a ^ b))
                }
                _ => Ok(hash::pointer(
                    std::sync::Arc::as_ptr(obj) as *const u8 as usize
                )),
            },
        }
    }

    fn instance_hash(&mut self, value: &Value) -> PyResult<i64> {
        let class = value.class().clone();
        match lookup(&class, &names().__hash__) {
            Some(Value::None) => Err(unhashable(value)),
            Some(Value::Native(_)) | None => match value.as_tuple() {
                Some(items) => {
                    let items = items.to_vec();
                    self.hash(&Value::tuple(items))
                }
                None => Ok(hash::pointer(value.id() as usize)),
            },
            Some(method) => {
                let result = self.call(&method, std::slice::from_ref(value))?;
                match as_int(&result) {
                    Some(n) => Ok(int::hash(n)),
                    None => Err(PyErr::type_error(
                        "__hash__ method should return an integer",
                    )),
                }
            }
        }
    }

    /// `int(value)`.
    pub fn to_int(&mut self, value: &Value) -> PyResult {
        match value {
            Value::Int(_) => return Ok(value.clone()),
            Value::Bool(b) => return Ok(Value::Int(*b as i64)),
            Value::Float(f) => return int::from_float(*f),
            _ => {}
        }
        if let Some(n) = as_int(value) {
            return Ok(Value::from_bigint(n.to_big()));
        }
        if let Some(text) = value.as_str() {
            return int::parse(text.as_str(), 10)
                .map(Value::from_bigint)
                .ok_or_else(|| {
                    PyErr::value_error(format!(
                        "invalid literal for int() with base 10: {}",
                        crate::objects::str::repr(text.as_str())
                    ))
                });
        }
        if let Value::Obj(obj) = value
            && let Object::Bytes(bytes) = &**obj
        {
            let text = String::from_utf8_lossy(bytes);
            return int::parse(&text, 10)
                .map(Value::from_bigint)
                .ok_or_else(|| {
                    PyErr::value_error(format!(
                        "invalid literal for int() with base 10: {}",
                        crate::objects::str::bytes_repr(bytes)
                    ))
                });
        }
        for name in [&names().__int__, &names().__index__] {
            if let Some(result) = self.call_special(value, name, &[])? {
                return Ok(result);
            }
        }
        Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            value.type_name()
        )))
    }

    /// An int usable as an index (`__index__`), as an `i64`.
    pub fn to_index(&mut self, value: &Value) -> PyResult<i64> {
        if let Some(n) = as_int(value) {
            return n
                .to_i64()
                .ok_or_else(|| PyErr::index_error("cannot fit 'int' into an index-sized integer"));
        }
        if let Some(result) = self.call_special(value, &names().__index__, &[])?
            && let Some(n) = as_int(&result).and_then(|n| n.to_i64())
        {
            return Ok(n);
        }
        Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            value.type_name()
        )))
    }

    /// Whether the exception value's class is (a subclass of) `class`.
    pub fn exception_is(&self, value: &Value, class: &crate::objects::ObjRef) -> bool {
        matches!(value, Value::Obj(o) if exc_data(o).is_some())
            && crate::objects::types::is_instance(value, class)
    }
}

fn len_result(result: &Value) -> PyResult<usize> {
    match as_int(result) {
        Some(n) if n.is_negative() => Err(PyErr::value_error("__len__() should return >= 0")),
        Some(n) => n
            .to_i64()
            .map(|n| n as usize)
            .ok_or_else(|| PyErr::overflow("cannot fit 'int' into an index-sized integer")),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            result.type_name()
        ))),
    }
}

/// `TypeError: unhashable type: 'list'`.
pub fn unhashable(value: &Value) -> PyErr {
    PyErr::type_error(format!("unhashable type: '{}'", value.type_name()))
}

/// Whether a class is builtin.
pub fn builtin_class(value: &Value) -> bool {
    type_obj(value.class()).is_some_and(|t| t.builtin)
}

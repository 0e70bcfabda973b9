//! Dict and list operations that may run Python code (a key's `__hash__` or
//! `__eq__`), done so that no container lock is held while it runs.

use super::Vm;
use crate::heap;
use crate::objects::dict::{Dict, Find, fast_key_eq};
use crate::objects::{NativeBase, ObjRef, Object, PyErr, PyResult, Value};

/// The dict payload of a dict or of an instance of a dict subclass.
pub fn dict_of(obj: &ObjRef) -> Option<&Dict> {
    match &**obj {
        Object::Dict(dict) => Some(dict),
        Object::Instance(instance) => match &instance.native {
            NativeBase::Dict(dict) => Some(dict),
            _ => None,
        },
        _ => None,
    }
}

/// The items of a list or of an instance of a list subclass.
pub fn list_of(obj: &ObjRef) -> Option<&crate::objects::lock::Lock<Vec<Value>>> {
    match &**obj {
        Object::List(items) => Some(items),
        Object::Instance(instance) => match &instance.native {
            NativeBase::List(items) => Some(items),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// Hashes a key, quickly for strings.
    #[inline]
    pub(crate) fn key_hash(&mut self, key: &Value) -> PyResult<i64> {
        match key.as_str() {
            Some(s) => Ok(s.hash()),
            None => self.hash(key),
        }
    }

    /// The entry position of `key` in `dict`.
    pub(crate) fn dict_find(
        &mut self,
        dict: &Dict,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<usize>> {
        for _attempt in 0..8 {
            let found = dict.lock().find(hash, |stored| fast_key_eq(stored, key));
            match found {
                Find::Found(position) => return Ok(Some(position)),
                Find::Missing => return Ok(None),
                Find::Undecided => {}
            }
            let candidates = dict.lock().candidates(hash);
            let mut changed = false;
            for (position, candidate) in candidates {
                if self.eq(&candidate, key)? {
                    let map = dict.lock();
                    if map.entry(position).is_some_and(|e| e.key.is(&candidate)) {
                        return Ok(Some(position));
                    }
                    changed = true;
                    break;
                }
            }
            if !changed {
                return Ok(None);
            }
        }
        Err(PyErr::runtime_error(
            "dictionary changed size during lookup",
        ))
    }

    /// `dict.get(key)` without a default: `None` when missing.
    pub fn dict_get(&mut self, dict_obj: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let Some(dict) = dict_of(dict_obj) else {
            return Err(PyErr::type_error("expected a dict"));
        };
        let hash = self.key_hash(key)?;
        let position = self.dict_find(dict, key, hash)?;
        Ok(position.and_then(|p| dict.lock().value_at(p).cloned()))
    }

    /// `dict[key] = value`.
    pub fn dict_set(&mut self, dict_obj: &ObjRef, key: Value, value: Value) -> PyResult<()> {
        let Some(dict) = dict_of(dict_obj) else {
            return Err(PyErr::type_error("expected a dict"));
        };
        let hash = self.key_hash(&key)?;
        {
            let mut map = dict.lock();
            match map.find(hash, |stored| fast_key_eq(stored, &key)) {
                Find::Found(position) => {
                    let old = map.set_at(position, value);
                    dict.bump();
                    drop(map);
                    drop(old);
                    return Ok(());
                }
                Find::Missing => {
                    heap::charge_items(2)?;
                    map.insert_new(hash, key, value);
                    dict.bump();
                    return Ok(());
                }
                Find::Undecided => {}
            }
        }
        let position = self.dict_find(dict, &key, hash)?;
        let mut map = dict.lock();
        let old = match position {
            Some(p) => map.set_at(p, value),
            None => {
                heap::charge_items(2)?;
                map.insert_new(hash, key, value);
                None
            }
        };
        dict.bump();
        drop(map);
        drop(old);
        Ok(())
    }

    /// Removes `key`, returning its value (`None`: it was missing).
    pub fn dict_remove(&mut self, dict_obj: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let Some(dict) = dict_of(dict_obj) else {
            return Err(PyErr::type_error("expected a dict"));
        };
        let hash = self.key_hash(key)?;
        let Some(position) = self.dict_find(dict, key, hash)? else {
            return Ok(None);
        };
        let removed = dict.lock().remove_at(position);
        dict.bump();
        if removed.is_some() {
            heap::refund_items(2);
        }
        Ok(removed.map(|(_, value)| value))
    }

    /// Deletes a `str` key; `false` if it was missing.
    pub fn dict_del_str(&mut self, dict_obj: &ObjRef, key: &Value) -> PyResult<bool> {
        Ok(self.dict_remove(dict_obj, key)?.is_some())
    }

    /// Lookup in an instance of a dict subclass (or a dict).
    pub(crate) fn native_dict_get(
        &mut self,
        container: &Value,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        match container {
            Value::Obj(obj) => self.dict_get(obj, key),
            _ => Ok(None),
        }
    }

    pub(crate) fn native_dict_set(
        &mut self,
        container: &Value,
        key: Value,
        value: Value,
    ) -> PyResult<()> {
        match container {
            Value::Obj(obj) => self.dict_set(obj, key, value),
            _ => Err(PyErr::type_error("expected a dict")),
        }
    }

    pub(crate) fn native_dict_remove(
        &mut self,
        container: &Value,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        match container {
            Value::Obj(obj) => self.dict_remove(obj, key),
            _ => Ok(None),
        }
    }

    /// `target.update(source)` (`merge`: `{**a, **b}` in a call, which
    /// refuses repeated keys).
    pub(crate) fn dict_update_from(
        &mut self,
        target: &Value,
        source: &Value,
        merge: bool,
    ) -> PyResult<()> {
        let Value::Obj(target) = target else {
            return Err(PyErr::type_error("expected a dict"));
        };
        let pairs = self.mapping_items(source)?;
        for (key, value) in pairs {
            if merge && self.dict_get(target, &key)?.is_some() {
                return Err(PyErr::type_error(format!(
                    "got multiple values for keyword argument '{}'",
                    key.as_str().map_or("?", |s| s.as_str())
                )));
            }
            self.dict_set(target, key, value)?;
        }
        Ok(())
    }

    /// The `(key, value)` pairs of a mapping (a dict, or anything with
    /// `keys()` and `__getitem__`), or of an iterable of pairs.
    pub(crate) fn mapping_items(&mut self, source: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Value::Obj(obj) = source
            && let Some(dict) = dict_of(obj)
            && !has_python_keys(source)
        {
            return Ok(dict.lock().items());
        }
        if let Some(keys) = self.getattr_opt(source, &crate::objects::names::names().keys)? {
            let keys = self.call(&keys, &[])?;
            let keys = self.collect(&keys)?;
            let mut pairs = Vec::with_capacity(keys.len());
            for key in keys {
                let value = self.getitem(source, &key)?;
                pairs.push((key, value));
            }
            return Ok(pairs);
        }
        let items = self.collect(source)?;
        let mut pairs = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let pair = self.collect(&item).map_err(|_| {
                PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                ))
            })?;
            if pair.len() != 2 {
                return Err(PyErr::value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let mut pair = pair.into_iter();
            if let (Some(k), Some(v)) = (pair.next(), pair.next()) {
                pairs.push((k, v));
            }
        }
        Ok(pairs)
    }

    /// Whether two dicts hold equal keys with equal values.
    pub(crate) fn dicts_equal(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
            return Ok(false);
        };
        let (Some(dx), Some(dy)) = (dict_of(x), dict_of(y)) else {
            return Ok(false);
        };
        if dx.lock().len() != dy.lock().len() {
            return Ok(false);
        }
        for (key, value) in dx.lock().items() {
            match self.dict_get(y, &key)? {
                Some(other) if self.eq(&value, &other)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `a | b` for dicts.
    pub(crate) fn dict_or(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(other) = b else {
            return Ok(None);
        };
        if dict_of(other).is_none() {
            return Ok(None);
        }
        let Value::Obj(first) = a else {
            return Ok(None);
        };
        let map = dict_of(first).map(|d| d.lock().clone()).unwrap_or_default();
        let result = Value::dict(map)?;
        self.dict_update_from(&result, b, false)?;
        Ok(Some(result))
    }

    /// Appends to a list.
    pub fn list_append(&mut self, list: &Value, value: Value) -> PyResult<()> {
        let Value::Obj(obj) = list else {
            return Err(PyErr::type_error("expected a list"));
        };
        let Some(items) = list_of(obj) else {
            return Err(PyErr::type_error("expected a list"));
        };
        heap::charge_items(1)?;
        items.lock().push(value);
        Ok(())
    }

    /// Extends a list with any iterable.
    pub fn list_extend(&mut self, list: &Value, iterable: &Value) -> PyResult<()> {
        let Value::Obj(obj) = list else {
            return Err(PyErr::type_error("expected a list"));
        };
        let Some(items) = list_of(obj) else {
            return Err(PyErr::type_error("expected a list"));
        };
        let new_items = self.collect(iterable)?;
        heap::charge_items(new_items.len())?;
        items.lock().extend(new_items);
        Ok(())
    }

    /// The items of a list (a copy).
    pub fn list_items(&mut self, list: &Value) -> PyResult<Vec<Value>> {
        match list {
            Value::Obj(obj) => match list_of(obj) {
                Some(items) => Ok(items.lock().clone()),
                None => self.collect(list),
            },
            _ => self.collect(list),
        }
    }

    /// `seq * n`.
    pub(crate) fn sequence_repeat(&mut self, seq: &Value, count: &Value) -> PyResult {
        let Some(n) = crate::objects::int::as_int(count) else {
            return Err(super::ops::binary_type_error(
                crate::compile::BinOpKind::Mul,
                seq,
                count,
            ));
        };
        let n = n.to_i64().unwrap_or(i64::MAX).max(0) as usize;
        let Value::Obj(obj) = seq else {
            return Err(PyErr::type_error("can't multiply"));
        };
        match &**obj {
            Object::Str(s) => {
                let total = s.as_str().len().saturating_mul(n);
                heap::reserve(total)?;
                Ok(Value::string(s.as_str().repeat(n)))
            }
            Object::Bytes(b) => {
                heap::reserve(b.len().saturating_mul(n))?;
                Ok(Value::obj(Object::Bytes(b.repeat(n).into_boxed_slice())))
            }
            Object::Tuple(items) => {
                heap::reserve(
                    items
                        .len()
                        .saturating_mul(n)
                        .saturating_mul(heap::SLOT_BYTES),
                )?;
                Ok(Value::tuple(repeat_items(items, n)))
            }
            Object::List(items) => {
                let items = items.lock().clone();
                heap::reserve(
                    items
                        .len()
                        .saturating_mul(n)
                        .saturating_mul(heap::SLOT_BYTES),
                )?;
                Value::list(repeat_items(&items, n))
            }
            _ => Err(PyErr::type_error("can't multiply")),
        }
    }

    /// `a + b` for lists, tuples and bytes of the same type.
    pub(crate) fn sequence_concat(&mut self, a: &Value, b: &Value) -> PyResult {
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
            return Err(super::ops::binary_type_error(
                crate::compile::BinOpKind::Add,
                a,
                b,
            ));
        };
        match (&**x, &**y) {
            (Object::List(s), Object::List(t)) => {
                let mut items = s.lock().clone();
                items.extend(t.lock().iter().cloned());
                Value::list(items)
            }
            (Object::Tuple(s), Object::Tuple(t)) => {
                let mut items = s.to_vec();
                items.extend(t.iter().cloned());
                Ok(Value::tuple(items))
            }
            (Object::Bytes(s), Object::Bytes(t)) => {
                let mut bytes = s.to_vec();
                bytes.extend_from_slice(t);
                Ok(Value::obj(Object::Bytes(bytes.into_boxed_slice())))
            }
            _ => Err(super::ops::binary_type_error(
                crate::compile::BinOpKind::Add,
                a,
                b,
            )),
        }
    }
}

fn repeat_items(items: &[Value], n: usize) -> Vec<Value> {
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    out
}

fn has_python_keys(value: &Value) -> bool {
    matches!(value, Value::Obj(o) if matches!(&**o, Object::Instance(_)))
        && crate::objects::types::lookup(value.class(), &crate::objects::names::names().keys)
            .is_some_and(|k| !matches!(k, Value::Native(_)))
}

//! Set operations that may run Python code (`__hash__`, `__eq__`), done
//! without holding a set's lock while it runs. Results are built in the order
//! CPython's algorithms build them, so they print alike.

use super::Vm;
use crate::compile::{BinOpKind, CmpKind};
use crate::heap;
use crate::objects::dict::{Find, fast_key_eq};
use crate::objects::lock::Lock as Mutex;
use crate::objects::set::SetTable;
use crate::objects::{Object, PyErr, PyResult, Value};
use std::sync::Arc;

impl Vm {
    /// Finds `key` in a table (a slot index).
    pub(crate) fn set_find(
        &mut self,
        table: &Mutex<SetTable>,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<usize>> {
        let found = table.lock().find(hash, |stored| fast_key_eq(stored, key));
        match found {
            Find::Found(p) => Ok(Some(p)),
            Find::Missing => Ok(None),
            Find::Undecided => {
                let candidates = table.lock().candidates(hash);
                for (position, candidate) in candidates {
                    if self.eq(&candidate, key)? {
                        return Ok(Some(position));
                    }
                }
                Ok(None)
            }
        }
    }

    /// Adds `key` to a table unless an equal item is there.
    pub(crate) fn table_add(&mut self, table: &Mutex<SetTable>, key: Value) -> PyResult<()> {
        let hash = self.key_hash(&key)?;
        {
            let mut t = table.lock();
            match t.find(hash, |stored| fast_key_eq(stored, &key)) {
                Find::Found(_) => return Ok(()),
                Find::Missing => {
                    heap::charge_items(1)?;
                    t.insert_new(hash, key);
                    return Ok(());
                }
                Find::Undecided => {}
            }
        }
        if self.set_find(table, &key, hash)?.is_none() {
            heap::charge_items(1)?;
            table.lock().insert_new(hash, key);
        }
        Ok(())
    }

    /// A new set of `items` (in their order).
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult {
        let table = Mutex::new(SetTable::new());
        for item in items {
            self.table_add(&table, item)?;
        }
        let obj = Arc::new(Object::Set(table));
        heap::track(&obj);
        Ok(Value::Obj(obj))
    }

    /// A new frozenset of `items`.
    pub fn new_frozenset(&mut self, items: Vec<Value>) -> PyResult {
        let table = Mutex::new(SetTable::new());
        for item in items {
            self.table_add(&table, item)?;
        }
        Ok(Value::obj(Object::FrozenSet(table.into_inner())))
    }

    /// `set.add(value)`.
    pub fn set_add(&mut self, set: &Value, value: Value) -> PyResult<()> {
        match set {
            Value::Obj(obj) => match &**obj {
                Object::Set(table) => self.table_add(table, value),
                _ => Err(PyErr::type_error("expected a set")),
            },
            _ => Err(PyErr::type_error("expected a set")),
        }
    }

    /// `set.update(iterable)`.
    pub fn set_update(&mut self, set: &Value, iterable: &Value) -> PyResult<()> {
        let items = self.set_source_items(iterable)?;
        if let Value::Obj(obj) = set
            && let Object::Set(table) = &**obj
        {
            table.lock().reserve_for_merge(items.len());
        }
        for item in items {
            self.set_add(set, item)?;
        }
        Ok(())
    }

    /// The items of a set operand, in table order for sets.
    pub(crate) fn set_source_items(&mut self, value: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(obj) = value {
            match &**obj {
                Object::Set(table) => return Ok(table.lock().keys()),
                Object::FrozenSet(table) => return Ok(table.keys()),
                _ => {}
            }
        }
        self.collect(value)
    }

    /// Whether the set-like `container` holds `key`.
    pub(crate) fn set_contains(&mut self, container: &Value, key: &Value) -> PyResult<bool> {
        let Value::Obj(obj) = container else {
            return Ok(false);
        };
        let hash = match self.key_hash(key) {
            Ok(h) => h,
            Err(err)
                if err.is_instance_of(&crate::objects::types().type_error)
                    && matches!(&**obj, Object::Set(_) | Object::FrozenSet(_)) =>
            {
                return Err(err);
            }
            Err(err) => return Err(err),
        };
        match &**obj {
            Object::Set(table) => Ok(self.set_find(table, key, hash)?.is_some()),
            Object::FrozenSet(table) => {
                let found = table.find(hash, |stored| fast_key_eq(stored, key));
                match found {
                    Find::Found(_) => Ok(true),
                    Find::Missing => Ok(false),
                    Find::Undecided => {
                        for (_, candidate) in table.candidates(hash) {
                            if self.eq(&candidate, key)? {
                                return Ok(true);
                            }
                        }
                        Ok(false)
                    }
                }
            }
            _ => Ok(false),
        }
    }

    /// Removes `key` from a set; `false` if it was not there.
    pub fn set_discard(&mut self, set: &Value, key: &Value) -> PyResult<bool> {
        let Value::Obj(obj) = set else {
            return Ok(false);
        };
        let Object::Set(table) = &**obj else {
            return Ok(false);
        };
        let hash = self.key_hash(key)?;
        match self.set_find(table, key, hash)? {
            Some(position) => {
                let removed = table.lock().remove_at(position);
                if removed.is_some() {
                    heap::refund_items(1);
                }
                Ok(removed.is_some())
            }
            None => Ok(false),
        }
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` for sets, frozensets and dict views.
    pub(crate) fn set_binary(
        &mut self,
        kind: BinOpKind,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        let set_like = |v: &Value| matches!(v, Value::Obj(o) if matches!(&**o, Object::Set(_) | Object::FrozenSet(_) | Object::DictView(..)));
        if !set_like(a)
            || !set_like(b)
            || !matches!(
                kind,
                BinOpKind::Or | BinOpKind::And | BinOpKind::Sub | BinOpKind::Xor
            )
        {
            return Ok(None);
        }
        let frozen = matches!(a, Value::Obj(o) if matches!(&**o, Object::FrozenSet(_)));
        let left = self.set_source_items(a)?;
        let right = self.set_source_items(b)?;
        let right_set = self.new_set(right.clone())?;
        let left_set = self.new_set(left.clone())?;
        let items = match kind {
            BinOpKind::Or => {
                let mut items = left;
                items.extend(right);
                items
            }
            BinOpKind::And => {
                let (small, large) = if left.len() > right.len() {
                    (right, &left_set)
                } else {
                    (left, &right_set)
                };
                let mut items = Vec::new();
                for item in small {
                    if self.set_contains(large, &item)? {
                        items.push(item);
                    }
                }
                items
            }
            BinOpKind::Sub => {
                let mut items = Vec::new();
                for item in left {
                    if !self.set_contains(&right_set, &item)? {
                        items.push(item);
                    }
                }
                items
            }
            _ => {
                let mut items = Vec::new();
                for item in &right {
                    if !self.set_contains(&left_set, item)? {
                        items.push(item.clone());
                    }
                }
                let mut result = Vec::new();
                for item in left {
                    if !self.set_contains(&right_set, &item)? {
                        result.push(item);
                    }
                }
                if kind == BinOpKind::Xor {
                    result.extend(items);
                }
                result
            }
        };
        if frozen {
            self.new_frozenset(items).map(Some)
        } else {
            self.new_set(items).map(Some)
        }
    }

    /// `a |= b` and the other in-place set operators.
    pub(crate) fn set_inplace(&mut self, a: &Value, b: &Value, kind: BinOpKind) -> PyResult<()> {
        let Value::Obj(obj) = a else {
            return Ok(());
        };
        let Object::Set(table) = &**obj else {
            return Ok(());
        };
        if kind == BinOpKind::Or {
            return self.set_update(a, b);
        }
        let Some(result) = self.set_binary(kind, a, b)? else {
            return Ok(());
        };
        let items = self.set_source_items(&result)?;
        let old = table.lock().clear();
        heap::refund_items(old.len());
        drop(old);
        for item in items {
            self.table_add(table, item)?;
        }
        Ok(())
    }

    /// Set comparisons: equality, subset, superset.
    pub(crate) fn compare_sets(
        &mut self,
        a: &Value,
        b: &Value,
        kind: CmpKind,
    ) -> PyResult<Option<bool>> {
        let set_like = |v: &Value| matches!(v, Value::Obj(o) if matches!(&**o, Object::Set(_) | Object::FrozenSet(_) | Object::DictView(..)));
        if !set_like(a) || !set_like(b) {
            return Ok(None);
        }
        let left = self.set_source_items(a)?;
        let right = self.set_source_items(b)?;
        let (left_set, right_set) = (self.new_set(left.clone())?, self.new_set(right.clone())?);
        let subset = |vm: &mut Vm, items: &[Value], other: &Value| -> PyResult<bool> {
            for item in items {
                if !vm.set_contains(other, item)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let (n, m) = (self.len(&left_set)?, self.len(&right_set)?);
        Ok(Some(match kind {
            CmpKind::Eq => n == m && subset(self, &left, &right_set)?,
            CmpKind::Ne => !(n == m && subset(self, &left, &right_set)?),
            CmpKind::Le => n <= m && subset(self, &left, &right_set)?,
            CmpKind::Lt => n < m && subset(self, &left, &right_set)?,
            CmpKind::Ge => n >= m && subset(self, &right, &left_set)?,
            CmpKind::Gt => n > m && subset(self, &right, &left_set)?,
        }))
    }
}

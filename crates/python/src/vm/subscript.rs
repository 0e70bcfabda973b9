//! Subscripts: `x[i]`, `x[a:b:c]`, `x[k] = v`, `del x[k]`.

use super::Vm;
use crate::objects::int::as_int;
use crate::objects::names::names;
use crate::objects::{NativeBase, ObjRef, Object, PyErr, PyResult, RangeObj, Value};

/// `x[i]` for a list or tuple and an int in range, without a call.
#[inline(always)]
pub fn fast_getitem(container: &Value, key: &Value) -> Option<Value> {
    let (Value::Obj(obj), Value::Int(i)) = (container, key) else {
        if let (Value::Obj(obj), Some(_)) = (container, key.as_str())
            && let Object::Dict(_) = &**obj
        {
            return crate::objects::types::dict_get_str(obj, key);
        }
        return None;
    };
    match &**obj {
        Object::List(items) => {
            let items = items.lock();
            let index = if *i < 0 { *i + items.len() as i64 } else { *i };
            items.get(usize::try_from(index).ok()?).cloned()
        }
        Object::Tuple(items) => {
            let index = if *i < 0 { *i + items.len() as i64 } else { *i };
            items.get(usize::try_from(index).ok()?).cloned()
        }
        _ => None,
    }
}

/// Whether `x[i] = v` is a plain list store that `fast_setitem` completes.
#[inline(always)]
pub fn is_fast_setitem(container: &Value, key: &Value) -> bool {
    if let (Value::Obj(obj), Value::Int(i)) = (container, key)
        && let Object::List(items) = &**obj
    {
        let len = items.lock().len() as i64;
        return (-len..len).contains(i);
    }
    false
}

/// `x[i] = v` for a list and an int in range; gives `v` back otherwise.
#[inline(always)]
pub fn fast_setitem(container: &Value, key: &Value, value: Value) -> PyResult<Option<Value>> {
    if let (Value::Obj(obj), Value::Int(i)) = (container, key)
        && let Object::List(items) = &**obj
    {
        let mut items = items.lock();
        let index = if *i < 0 { *i + items.len() as i64 } else { *i };
        if let Some(slot) = usize::try_from(index).ok().and_then(|i| items.get_mut(i)) {
            let old = std::mem::replace(slot, value);
            drop(items);
            drop(old);
            return Ok(None);
        }
    }
    Ok(Some(value))
}

/// The `(start, stop, step)` a slice selects from `len` items, and how many.
pub fn slice_indices(
    vm: &mut Vm,
    parts: &[Value; 3],
    len: i64,
) -> PyResult<(i64, i64, i64, usize)> {
    let step = match &parts[2] {
        Value::None => 1,
        other => vm.to_index(other)?,
    };
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let clamp = |vm: &mut Vm, value: &Value, default: i64| -> PyResult<i64> {
        if value.is_none() {
            return Ok(default);
        }
        let mut n = vm.to_index(value).map_err(|_| {
            PyErr::type_error("slice indices must be integers or None or have an __index__ method")
        })?;
        if n < 0 {
            n += len;
            if n < 0 {
                n = if step < 0 { -1 } else { 0 };
            }
        } else if n >= len {
            n = if step < 0 { len - 1 } else { len };
        }
        Ok(n)
    };
    let (default_start, default_stop) = if step < 0 { (len - 1, -1) } else { (0, len) };
    let start = clamp(vm, &parts[0], default_start)?;
    let stop = clamp(vm, &parts[1], default_stop)?;
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}

fn selected(start: i64, step: i64, count: usize) -> impl Iterator<Item = usize> {
    (0..count).map(move |k| (start + k as i64 * step) as usize)
}

fn normalize(index: i64, len: usize, what: &str) -> PyResult<usize> {
    let i = if index < 0 { index + len as i64 } else { index };
    if i < 0 || i >= len as i64 {
        return Err(PyErr::index_error(format!("{what} index out of range")));
    }
    Ok(i as usize)
}

fn as_slice(key: &Value) -> Option<&[Value; 3]> {
    match key {
        Value::Obj(o) => match &**o {
            Object::Slice(parts) => Some(parts),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    fn index_of(&mut self, key: &Value, what: &str) -> PyResult<i64> {
        match as_int(key) {
            Some(n) => n
                .to_i64()
                .ok_or_else(|| PyErr::index_error("cannot fit 'int' into an index-sized integer")),
            None => {
                if let Some(r) = self.call_special(key, &names().__index__, &[])?
                    && let Some(n) = as_int(&r).and_then(|n| n.to_i64())
                {
                    return Ok(n);
                }
                Err(PyErr::type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    key.type_name()
                )))
            }
        }
    }

    /// `container[key]`.
    pub fn getitem(&mut self, container: &Value, key: &Value) -> PyResult {
        if let Value::Obj(obj) = container {
            match &**obj {
                Object::List(items) => {
                    return self.sequence_getitem(&items.lock().clone(), key, "list", Value::list);
                }
                Object::Tuple(items) => {
                    let items = items.to_vec();
                    return self.sequence_getitem(&items, key, "tuple", |v| Ok(Value::tuple(v)));
                }
                Object::Str(s) => return self.str_getitem(s, key),
                Object::Bytes(b) => return self.bytes_getitem(b, key),
                Object::Range(r) => return self.range_getitem(*r, key),
                Object::Dict(_) => return self.dict_getitem(obj, key, container),
                Object::Deque(d) => {
                    let items: Vec<Value> = d.lock().items.iter().cloned().collect();
                    let i = self.index_of(key, "deque")?;
                    return Ok(items[normalize(i, items.len(), "deque")?].clone());
                }
                Object::Instance(instance) => {
                    return self.instance_getitem(container, &instance.native, key);
                }
                Object::Type(_) => return self.class_getitem(obj, key),
                _ => {}
            }
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            container.type_name()
        )))
    }

    fn sequence_getitem(
        &mut self,
        items: &[Value],
        key: &Value,
        what: &str,
        build: impl Fn(Vec<Value>) -> PyResult,
    ) -> PyResult {
        if let Some(parts) = as_slice(key) {
            let (start, _, step, count) = slice_indices(self, parts, items.len() as i64)?;
            return build(
                selected(start, step, count)
                    .map(|i| items[i].clone())
                    .collect(),
            );
        }
        let i = self.index_of(key, what)?;
        Ok(items[normalize(i, items.len(), what)?].clone())
    }

    fn str_getitem(&mut self, s: &crate::objects::PyStr, key: &Value) -> PyResult {
        if let Some(parts) = as_slice(key) {
            let (start, _, step, count) = slice_indices(self, parts, s.char_len() as i64)?;
            if step == 1 {
                let start = start.max(0) as usize;
                return Ok(Value::str(s.substring(start, start + count)));
            }
            let chars: Vec<char> = s.as_str().chars().collect();
            return Ok(Value::string(
                selected(start, step, count).map(|i| chars[i]).collect(),
            ));
        }
        let i = self.index_of(key, "string")?;
        let i = normalize(i, s.char_len(), "string")?;
        let c = s.char_at(i).unwrap_or(' ');
        Ok(Value::string(c.to_string()))
    }

    fn bytes_getitem(&mut self, b: &[u8], key: &Value) -> PyResult {
        if let Some(parts) = as_slice(key) {
            let (start, _, step, count) = slice_indices(self, parts, b.len() as i64)?;
            let picked: Vec<u8> = selected(start, step, count).map(|i| b[i]).collect();
            return Ok(Value::obj(Object::Bytes(picked.into_boxed_slice())));
        }
        let i = self.index_of(key, "byte")?;
        Ok(Value::Int(b[normalize(i, b.len(), "index")?] as i64))
    }

    fn range_getitem(&mut self, r: RangeObj, key: &Value) -> PyResult {
        if let Some(parts) = as_slice(key) {
            let (start, stop, step, _) = slice_indices(self, parts, r.len())?;
            let _ = stop;
            let count = slice_indices(self, parts, r.len())?.3 as i64;
            let new_start = r.item(start);
            let new_step = r.step * step;
            let new_stop = new_start + count * new_step;
            return Ok(Value::obj(Object::Range(RangeObj {
                start: new_start,
                stop: new_stop,
                step: new_step,
            })));
        }
        let i = self.index_of(key, "range")?;
        let i = normalize(i, r.len() as usize, "range object")?;
        Ok(Value::Int(r.item(i as i64)))
    }

    fn dict_getitem(&mut self, dict: &ObjRef, key: &Value, container: &Value) -> PyResult {
        match self.dict_get(dict, key)? {
            Some(value) => Ok(value),
            None => {
                let _ = container;
                Err(PyErr::key_error(key.clone()))
            }
        }
    }

    fn instance_getitem(
        &mut self,
        container: &Value,
        native: &NativeBase,
        key: &Value,
    ) -> PyResult {
        if let Some(method) = crate::objects::types::lookup(container.class(), &names().__getitem__)
            && !matches!(method, Value::Native(_))
        {
            return self.call(&method, &[container.clone(), key.clone()]);
        }
        match native {
            NativeBase::Dict(_) => {
                if let Some(found) = self.native_dict_get(container, key)? {
                    return Ok(found);
                }
                if let Some(missing) =
                    crate::objects::types::lookup(container.class(), &names().__missing__)
                {
                    return self.call(&missing, &[container.clone(), key.clone()]);
                }
                Err(PyErr::key_error(key.clone()))
            }
            NativeBase::Tuple(items) => {
                let items = items.to_vec();
                self.sequence_getitem(&items, key, "tuple", |v| Ok(Value::tuple(v)))
            }
            NativeBase::List(items) => {
                let items = items.lock().clone();
                self.sequence_getitem(&items, key, "list", Value::list)
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not subscriptable",
                container.type_name()
            ))),
        }
    }

    fn class_getitem(&mut self, class: &ObjRef, key: &Value) -> PyResult {
        if let Some(hook) = crate::objects::types::lookup(class, &names().__class_getitem__) {
            let hook = self.bind_attribute(hook, &Value::Obj(class.clone()))?;
            return self.call(&hook, std::slice::from_ref(key));
        }
        let builtin = crate::objects::types::type_obj(class).is_some_and(|t| t.builtin);
        if builtin {
            return Ok(Value::Obj(class.clone()));
        }
        Err(PyErr::type_error("'type' object is not subscriptable"))
    }

    /// `container[key] = value`.
    pub fn setitem(&mut self, container: &Value, key: Value, value: Value) -> PyResult<()> {
        if let Value::Obj(obj) = container {
            match &**obj {
                Object::List(items) => return self.list_setitem(items, &key, value),
                Object::Dict(_) => return self.dict_set(obj, key, value),
                Object::Deque(d) => {
                    let i = self.index_of(&key, "deque")?;
                    let mut d = d.lock();
                    let len = d.items.len();
                    let i = normalize(i, len, "deque")?;
                    d.items[i] = value;
                    return Ok(());
                }
                Object::Instance(instance) => {
                    if let Some(method) =
                        crate::objects::types::lookup(container.class(), &names().__setitem__)
                        && !matches!(method, Value::Native(_))
                    {
                        self.call(&method, &[container.clone(), key, value])?;
                        return Ok(());
                    }
                    match &instance.native {
                        NativeBase::Dict(_) => return self.native_dict_set(container, key, value),
                        NativeBase::List(items) => return self.list_setitem(items, &key, value),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        Err(PyErr::type_error(format!(
            "'{}' object does not support item assignment",
            container.type_name()
        )))
    }

    fn list_setitem(
        &mut self,
        items: &crate::objects::lock::Lock<Vec<Value>>,
        key: &Value,
        value: Value,
    ) -> PyResult<()> {
        if let Some(parts) = as_slice(key) {
            let new_items = self.collect(&value)?;
            let len = items.lock().len() as i64;
            let (start, _, step, count) = slice_indices(self, parts, len)?;
            let mut list = items.lock();
            if step == 1 {
                let start = start.clamp(0, list.len() as i64) as usize;
                let end = (start + count).min(list.len());
                crate::heap::charge_items(new_items.len())?;
                let removed: Vec<Value> = list.splice(start..end, new_items).collect();
                crate::heap::refund_items(removed.len());
                drop(list);
                drop(removed);
                return Ok(());
            }
            if new_items.len() != count {
                return Err(PyErr::value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {count}",
                    new_items.len()
                )));
            }
            for (i, item) in selected(start, step, count).zip(new_items) {
                list[i] = item;
            }
            return Ok(());
        }
        let i = self.index_of(key, "list")?;
        let mut list = items.lock();
        let len = list.len();
        let i = normalize(i, len, "list assignment")?;
        let old = std::mem::replace(&mut list[i], value);
        drop(list);
        drop(old);
        Ok(())
    }

    /// `del container[key]`.
    pub fn delitem(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        if let Value::Obj(obj) = container {
            match &**obj {
                Object::List(items) => return self.list_delitem(items, key),
                Object::Dict(_) => {
                    if self.dict_remove(obj, key)?.is_none() {
                        return Err(PyErr::key_error(key.clone()));
                    }
                    return Ok(());
                }
                Object::Deque(d) => {
                    let i = self.index_of(key, "deque")?;
                    let mut d = d.lock();
                    let len = d.items.len();
                    let i = normalize(i, len, "deque")?;
                    d.items.remove(i);
                    return Ok(());
                }
                Object::Instance(instance) => {
                    if let Some(method) =
                        crate::objects::types::lookup(container.class(), &names().__delitem__)
                        && !matches!(method, Value::Native(_))
                    {
                        self.call(&method, &[container.clone(), key.clone()])?;
                        return Ok(());
                    }
                    match &instance.native {
                        NativeBase::Dict(_) => {
                            if self.native_dict_remove(container, key)?.is_none() {
                                return Err(PyErr::key_error(key.clone()));
                            }
                            return Ok(());
                        }
                        NativeBase::List(items) => return self.list_delitem(items, key),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        Err(PyErr::type_error(format!(
            "'{}' object doesn't support item deletion",
            container.type_name()
        )))
    }

    fn list_delitem(
        &mut self,
        items: &crate::objects::lock::Lock<Vec<Value>>,
        key: &Value,
    ) -> PyResult<()> {
        if let Some(parts) = as_slice(key) {
            let len = items.lock().len() as i64;
            let (start, _, step, count) = slice_indices(self, parts, len)?;
            let mut indices: Vec<usize> = selected(start, step, count).collect();
            indices.sort_unstable();
            let mut list = items.lock();
            let mut removed = Vec::with_capacity(indices.len());
            for i in indices.into_iter().rev() {
                if i < list.len() {
                    removed.push(list.remove(i));
                }
            }
            crate::heap::refund_items(removed.len());
            drop(list);
            drop(removed);
            return Ok(());
        }
        let i = self.index_of(key, "list")?;
        let mut list = items.lock();
        let len = list.len();
        let i = normalize(i, len, "list assignment")?;
        let old = list.remove(i);
        crate::heap::refund_items(1);
        drop(list);
        drop(old);
        Ok(())
    }
}

//! Iteration: `iter()`, `next()`, collecting an iterable, unpacking, `in`.

use super::Vm;
use super::generator::GenStep;
use crate::objects::iter::{Iter, IterKind, ViewKind, load, store};
use crate::objects::names::names;
use crate::objects::types::lookup;
use crate::objects::{Args, NativeBase, Object, PyErr, PyResult, Value};
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

fn seq_iter(obj: &crate::objects::ObjRef) -> Value {
    Iter::new_value(IterKind::Seq {
        seq: obj.clone(),
        index: AtomicUsize::new(0),
    })
}

impl Vm {
    /// `iter(value)`.
    pub fn get_iter(&mut self, value: &Value) -> PyResult {
        if let Value::Obj(obj) = value {
            match &**obj {
                Object::List(_) | Object::Tuple(_) | Object::Str(_) | Object::Bytes(_) => {
                    return Ok(seq_iter(obj));
                }
                Object::Range(r) => {
                    return Ok(Iter::new_value(IterKind::Range {
                        next: AtomicI64::new(r.start),
                        remaining: AtomicI64::new(r.len()),
                        step: r.step,
                    }));
                }
                Object::Dict(dict) => return Ok(dict_iter(obj, dict.lock().len(), ViewKind::Keys)),
                Object::DictView(dict, kind) => {
                    let size = self.len(&Value::Obj(dict.clone()))?;
                    return Ok(dict_iter(dict, size, *kind));
                }
                Object::Set(table) => {
                    let size = table.lock().len();
                    return Ok(Iter::new_value(IterKind::Set {
                        set: obj.clone(),
                        position: AtomicUsize::new(0),
                        size,
                    }));
                }
                Object::FrozenSet(table) => {
                    let size = table.len();
                    return Ok(Iter::new_value(IterKind::Set {
                        set: obj.clone(),
                        position: AtomicUsize::new(0),
                        size,
                    }));
                }
                Object::Deque(deque) => {
                    let items: Vec<Value> = deque.lock().items.iter().cloned().collect();
                    return Ok(Iter::new_value(IterKind::Snapshot {
                        items: items.into_boxed_slice(),
                        index: AtomicUsize::new(0),
                    }));
                }
                Object::Iter(_) | Object::Generator(_) => return Ok(value.clone()),
                Object::Instance(instance) => return self.instance_iter(value, &instance.native),
                _ => {}
            }
        }
        Err(not_iterable(value))
    }

    fn instance_iter(&mut self, value: &Value, native: &NativeBase) -> PyResult {
        if let Some(method) = lookup(value.class(), &names().__iter__)
            && !matches!(method, Value::Native(_))
        {
            let iterator = self.call(&method, std::slice::from_ref(value))?;
            if !self.is_iterator(&iterator) {
                return Err(PyErr::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    iterator.type_name()
                )));
            }
            return Ok(iterator);
        }
        if let Value::Obj(obj) = value {
            match native {
                NativeBase::List(_) | NativeBase::Tuple(_) => return Ok(seq_iter(obj)),
                NativeBase::Dict(dict) => {
                    return Ok(dict_iter(obj, dict.lock().len(), ViewKind::Keys));
                }
                _ => {}
            }
        }
        if lookup(value.class(), &names().__getitem__).is_some() {
            return Ok(Iter::new_value(IterKind::GetItem {
                obj: value.clone(),
                index: AtomicI64::new(0),
            }));
        }
        Err(not_iterable(value))
    }

    fn is_iterator(&self, value: &Value) -> bool {
        match value {
            Value::Obj(obj) => match &**obj {
                Object::Iter(_) | Object::Generator(_) => true,
                Object::Instance(_) => lookup(value.class(), &names().__next__).is_some(),
                _ => false,
            },
            _ => false,
        }
    }

    /// `next(iterator)`: `None` when it is exhausted.
    pub fn iter_next(&mut self, iterator: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(obj) = iterator else {
            return Err(not_an_iterator(iterator));
        };
        match &**obj {
            Object::Iter(iter) => self.builtin_next(&iter.kind),
            Object::Generator(_) => match self.resume_generator(obj, Value::None)? {
                GenStep::Yielded(value) => Ok(Some(value)),
                GenStep::Returned(_) => Ok(None),
            },
            Object::Instance(_) => {
                let Some(method) = lookup(iterator.class(), &names().__next__) else {
                    return Err(not_an_iterator(iterator));
                };
                until_stop_iteration(self.call(&method, std::slice::from_ref(iterator)))
            }
            _ => Err(not_an_iterator(iterator)),
        }
    }

    fn builtin_next(&mut self, kind: &IterKind) -> PyResult<Option<Value>> {
        match kind {
            IterKind::Seq { seq, index } => Ok(seq_next(seq, index)),
            IterKind::Reversed { seq, remaining } => {
                let left = load(remaining);
                if left == 0 {
                    return Ok(None);
                }
                store(remaining, left - 1);
                Ok(match &**seq {
                    Object::List(items) => items.lock().get(left - 1).cloned(),
                    Object::Tuple(items) => items.get(left - 1).cloned(),
                    _ => None,
                })
            }
            IterKind::Range {
                next,
                remaining,
                step,
            } => {
                let left = remaining.load(Ordering::Relaxed);
                if left <= 0 {
                    return Ok(None);
                }
                remaining.store(left - 1, Ordering::Relaxed);
                let value = next.load(Ordering::Relaxed);
                next.store(value.wrapping_add(*step), Ordering::Relaxed);
                Ok(Some(Value::Int(value)))
            }
            IterKind::Dict {
                dict,
                view,
                position,
                size,
            } => self.dict_next(dict, *view, position, *size),
            IterKind::Set {
                set,
                position,
                size,
            } => {
                let (current, next) = match &**set {
                    Object::Set(t) => {
                        let t = t.lock();
                        (
                            t.len(),
                            t.next_from(load(position)).map(|(p, k)| (p, k.clone())),
                        )
                    }
                    Object::FrozenSet(t) => (
                        t.len(),
                        t.next_from(load(position)).map(|(p, k)| (p, k.clone())),
                    ),
                    _ => (0, None),
                };
                if current != *size {
                    store(position, usize::MAX / 2);
                    return Err(PyErr::runtime_error("Set changed size during iteration"));
                }
                Ok(next.map(|(p, k)| {
                    store(position, p);
                    k
                }))
            }
            IterKind::Snapshot { items, index } => {
                let i = load(index);
                store(index, i + 1);
                Ok(items.get(i).cloned())
            }
            _ => self.adapter_next(kind),
        }
    }

    fn adapter_next(&mut self, kind: &IterKind) -> PyResult<Option<Value>> {
        match kind {
            IterKind::Enumerate { inner, count } => match self.iter_next(inner)? {
                Some(value) => {
                    let n = count.fetch_add(1, Ordering::Relaxed);
                    Ok(Some(Value::tuple(vec![Value::Int(n), value])))
                }
                None => Ok(None),
            },
            IterKind::Zip { iters, strict } => {
                let mut items = Vec::with_capacity(iters.len());
                for (i, it) in iters.iter().enumerate() {
                    match self.iter_next(it)? {
                        Some(v) => items.push(v),
                        None if !*strict => return Ok(None),
                        None if i > 0 => {
                            return Err(PyErr::value_error(zip_uneven(i, "shorter")));
                        }
                        None => match self.first_with_more(&iters[1..])? {
                            Some(later) => {
                                return Err(PyErr::value_error(zip_uneven(later + 1, "longer")));
                            }
                            None => return Ok(None),
                        },
                    }
                }
                if iters.is_empty() {
                    return Ok(None);
                }
                Ok(Some(Value::tuple(items)))
            }
            IterKind::Map { func, iters } => {
                let mut args = Vec::with_capacity(iters.len());
                for it in iters.iter() {
                    match self.iter_next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                // A StopIteration the function raises ends the map.
                until_stop_iteration(self.call(func, &args))
            }
            IterKind::Filter { func, inner } => loop {
                let Some(value) = self.iter_next(inner)? else {
                    return Ok(None);
                };
                let keep = if func.is_none() {
                    self.truthy(&value)?
                } else {
                    let called = self.call(func, std::slice::from_ref(&value));
                    let Some(verdict) = until_stop_iteration(called)? else {
                        return Ok(None);
                    };
                    self.truthy(&verdict)?
                };
                if keep {
                    return Ok(Some(value));
                }
            },
            IterKind::Callable { func, sentinel } => {
                let Some(value) = until_stop_iteration(self.call(func, &[]))? else {
                    return Ok(None);
                };
                if self.eq(&value, sentinel)? {
                    Ok(None)
                } else {
                    Ok(Some(value))
                }
            }
            IterKind::GetItem { obj, index } => {
                let i = index.fetch_add(1, Ordering::Relaxed);
                match self.getitem(obj, &Value::Int(i)) {
                    Ok(value) => Ok(Some(value)),
                    Err(err)
                        if err.is_instance_of(&crate::objects::types().index_error)
                            || err.is_instance_of(&crate::objects::types().stop_iteration) =>
                    {
                        Ok(None)
                    }
                    Err(err) => Err(err),
                }
            }
            _ => Ok(None),
        }
    }

    /// `zip(strict=True)` once its first iterator is done: the index in
    /// `iters` of the first that is not.
    fn first_with_more(&mut self, iters: &[Value]) -> PyResult<Option<usize>> {
        for (at, it) in iters.iter().enumerate() {
            if self.iter_next(it)?.is_some() {
                return Ok(Some(at));
            }
        }
        Ok(None)
    }

    fn dict_next(
        &mut self,
        dict: &crate::objects::ObjRef,
        view: ViewKind,
        position: &AtomicUsize,
        size: usize,
    ) -> PyResult<Option<Value>> {
        let Some(d) = super::containers::dict_of(dict) else {
            return Ok(None);
        };
        let map = d.lock();
        if map.len() != size {
            store(position, usize::MAX / 2);
            return Err(PyErr::runtime_error(
                "dictionary changed size during iteration",
            ));
        }
        let mut p = load(position);
        while p < map.capacity_end() {
            if let Some(entry) = map.entry(p) {
                store(position, p + 1);
                return Ok(Some(match view {
                    ViewKind::Keys => entry.key.clone(),
                    ViewKind::Values => entry.value.clone(),
                    ViewKind::Items => Value::tuple(vec![entry.key.clone(), entry.value.clone()]),
                }));
            }
            p += 1;
        }
        store(position, p);
        Ok(None)
    }

    /// All the items of an iterable.
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(obj) = iterable {
            match &**obj {
                Object::List(items) => return Ok(items.lock().clone()),
                Object::Tuple(items) => return Ok(items.to_vec()),
                Object::Instance(_)
                    if iterable.as_tuple().is_some() && !has_python_iter(iterable) =>
                {
                    return Ok(iterable
                        .as_tuple()
                        .map(<[Value]>::to_vec)
                        .unwrap_or_default());
                }
                Object::Dict(dict) => return Ok(dict.lock().keys()),
                Object::Set(table) => return Ok(table.lock().keys()),
                Object::FrozenSet(table) => return Ok(table.keys()),
                Object::Range(r) => {
                    crate::heap::reserve(
                        (r.len() as usize).saturating_mul(crate::heap::SLOT_BYTES),
                    )?;
                    let mut items = Vec::with_capacity(r.len() as usize);
                    for i in 0..r.len() {
                        if i % 65536 == 65535 {
                            self.check_cancel()?;
                        }
                        items.push(Value::Int(r.item(i)));
                    }
                    return Ok(items);
                }
                Object::Str(s) => {
                    return Ok(s
                        .as_str()
                        .chars()
                        .map(|c| Value::string(c.to_string()))
                        .collect());
                }
                _ => {}
            }
        }
        let iterator = self.get_iter(iterable)?;
        let mut items = Vec::new();
        while let Some(item) = self.iter_next(&iterator)? {
            items.push(item);
            if items.len() % 65536 == 0 {
                self.check_cancel()?;
                crate::heap::reserve(items.len() * crate::heap::SLOT_BYTES)?;
            }
        }
        Ok(items)
    }

    /// `a, b, c = value`.
    pub fn unpack(&mut self, value: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match value {
            Value::Obj(obj) if matches!(&**obj, Object::List(_) | Object::Tuple(_)) => {
                self.collect(value)?
            }
            _ => {
                let iterator = self.get_iter(value).map_err(|_| {
                    PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        value.type_name()
                    ))
                })?;
                let mut items = Vec::with_capacity(n);
                while items.len() <= n {
                    match self.iter_next(&iterator)? {
                        Some(item) => items.push(item),
                        None => break,
                    }
                }
                items
            }
        };
        if items.len() < n {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        if items.len() > n {
            return Err(PyErr::value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        Ok(items)
    }

    /// `a, *b, c = value`: `before` items, a list, `after` items.
    pub fn unpack_ex(
        &mut self,
        value: &Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        let items = self.collect(value).map_err(|err| {
            if err.is_instance_of(&crate::objects::types().type_error) {
                PyErr::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    value.type_name()
                ))
            } else {
                err
            }
        })?;
        if items.len() < before + after {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut items = items;
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        items.push(Value::list(middle)?);
        items.extend(tail);
        Ok(items)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Obj(obj) = container {
            match &**obj {
                Object::Str(s) => {
                    return match item.as_str() {
                        Some(needle) => Ok(s.as_str().contains(needle.as_str())),
                        None => Err(PyErr::type_error(format!(
                            "'in <string>' requires string as left operand, not {}",
                            item.type_name()
                        ))),
                    };
                }
                Object::Dict(_) => return Ok(self.dict_get(obj, item)?.is_some()),
                Object::Set(_) | Object::FrozenSet(_) => return self.set_contains(container, item),
                Object::Range(r) => {
                    if let Value::Int(n) = item {
                        let offset = n.wrapping_sub(r.start);
                        let inside = if r.step > 0 {
                            *n >= r.start && *n < r.stop
                        } else {
                            *n <= r.start && *n > r.stop
                        };
                        return Ok(inside && offset % r.step == 0);
                    }
                }
                Object::Bytes(b) => {
                    if let Some(n) = crate::objects::int::as_int(item) {
                        return Ok(n
                            .to_i64()
                            .is_some_and(|n| b.contains(&(n as u8)) && (0..256).contains(&n)));
                    }
                    if let Value::Obj(o) = item
                        && let Object::Bytes(needle) = &**o
                    {
                        return Ok(
                            needle.is_empty() || b.windows(needle.len()).any(|w| w == &needle[..])
                        );
                    }
                }
                Object::DictView(dict, ViewKind::Keys) => {
                    return Ok(self.dict_get(dict, item)?.is_some());
                }
                Object::DictView(dict, ViewKind::Items) => {
                    let Some(pair) = item
                        .as_tuple()
                        .filter(|p| p.len() == 2)
                        .map(<[Value]>::to_vec)
                    else {
                        return Ok(false);
                    };
                    return match self.dict_get(dict, &pair[0])? {
                        Some(value) => self.eq(&value, &pair[1]),
                        None => Ok(false),
                    };
                }
                Object::Instance(_) => {
                    if let Some(method) = lookup(container.class(), &names().__contains__)
                        && !matches!(method, Value::Native(_))
                    {
                        let result = self.call(&method, &[container.clone(), item.clone()])?;
                        return self.truthy(&result);
                    }
                    if let Some(dict) = super::containers::dict_of(obj) {
                        let _ = dict;
                        return Ok(self.dict_get(obj, item)?.is_some());
                    }
                }
                _ => {}
            }
        }
        let iterator = self.get_iter(container).map_err(|_| {
            PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ))
        })?;
        while let Some(candidate) = self.iter_next(&iterator)? {
            if self.eq(&candidate, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The items of a dict view.
    pub fn view_items(&mut self, dict: &Value, kind: ViewKind) -> PyResult<Vec<Value>> {
        let Value::Obj(obj) = dict else {
            return Ok(Vec::new());
        };
        let Some(d) = super::containers::dict_of(obj) else {
            return Ok(Vec::new());
        };
        let map = d.lock();
        Ok(match kind {
            ViewKind::Keys => map.keys(),
            ViewKind::Values => map.values(),
            ViewKind::Items => map
                .items()
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect(),
        })
    }

    /// What `await value` delegates to.
    pub fn get_awaitable(&mut self, value: Value) -> PyResult {
        if let Value::Obj(obj) = &value
            && let Object::Generator(g) = &**obj
            && g.kind == super::generator::GenKind::Coroutine
        {
            return Ok(value);
        }
        if let Some(result) = self.call_special(&value, &names().__await__, &[])? {
            if !self.is_iterator(&result) {
                return Err(PyErr::type_error(format!(
                    "__await__() returned non-iterator of type '{}'",
                    result.type_name()
                )));
            }
            return Ok(result);
        }
        Err(PyErr::type_error(format!(
            "object {} can't be used in 'await' expression",
            value.type_name()
        )))
    }
}

fn dict_iter(dict: &crate::objects::ObjRef, size: usize, view: ViewKind) -> Value {
    Iter::new_value(IterKind::Dict {
        dict: dict.clone(),
        view,
        position: AtomicUsize::new(0),
        size,
    })
}

fn seq_next(seq: &crate::objects::ObjRef, index: &AtomicUsize) -> Option<Value> {
    let i = load(index);
    let item = match &**seq {
        Object::List(items) => items.lock().get(i).cloned(),
        Object::Tuple(items) => items.get(i).cloned(),
        Object::Bytes(b) => b.get(i).map(|&b| Value::Int(b as i64)),
        Object::Str(s) => {
            let text = s.as_str();
            let c = text.get(i..).and_then(|rest| rest.chars().next());
            return c.map(|c| {
                store(index, i + c.len_utf8());
                Value::string(c.to_string())
            });
        }
        Object::Instance(instance) => match &instance.native {
            NativeBase::List(items) => items.lock().get(i).cloned(),
            NativeBase::Tuple(items) => items.get(i).cloned(),
            _ => None,
        },
        _ => None,
    };
    if item.is_some() {
        store(index, i + 1);
    }
    item
}

fn has_python_iter(value: &Value) -> bool {
    lookup(value.class(), &names().__iter__).is_some_and(|m| !matches!(m, Value::Native(_)))
}

/// `TypeError: 'int' object is not iterable`.
pub fn not_iterable(value: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not iterable", value.type_name()))
}

fn not_an_iterator(value: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not an iterator", value.type_name()))
}

/// `iterator.__iter__()`.
pub fn iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.exact("__iter__", 1, 1)?[0].clone())
}

/// `iterator.__next__()`.
pub fn next_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let it = args.exact("__next__", 1, 1)?[0].clone();
    match vm.iter_next(&it)? {
        Some(value) => Ok(value),
        None => Err(PyErr::bare(&crate::objects::types().stop_iteration)),
    }
}

/// `iterator.__length_hint__()`.
pub fn length_hint(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let it = args.exact("__length_hint__", 1, 1)?[0].clone();
    let n = match &it {
        Value::Obj(obj) => match &**obj {
            Object::Iter(Iter {
                kind: IterKind::Range { remaining, .. },
            }) => remaining.load(Ordering::Relaxed),
            Object::Iter(Iter {
                kind: IterKind::Snapshot { items, index },
            }) => (items.len() - load(index).min(items.len())) as i64,
            _ => 0,
        },
        _ => 0,
    };
    Ok(Value::Int(n))
}

/// The next item, from a call that may raise StopIteration to say there is
/// none (a `__next__`, or the function of `map()`, `filter()` and
/// `iter(f, sentinel)`, whose StopIteration ends them too).
fn until_stop_iteration(called: PyResult) -> PyResult<Option<Value>> {
    match called {
        Ok(value) => Ok(Some(value)),
        Err(err) if err.is_instance_of(&crate::objects::types().stop_iteration) => Ok(None),
        Err(err) => Err(err),
    }
}

/// `zip(strict=True)`'s complaint that argument `at` (from 0) is `shorter`
/// or `longer` than those before it.
fn zip_uneven(at: usize, how: &str) -> String {
    let before = if at == 1 {
        "argument 1".to_string()
    } else {
        format!("arguments 1-{at}")
    };
    format!("zip() argument {} is {how} than {before}", at + 1)
}

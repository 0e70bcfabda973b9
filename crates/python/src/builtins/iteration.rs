//! Iteration builtins.

use crate::objects::iter::{Iter, IterKind};
use crate::objects::names::names;
use crate::objects::{Args, Object, PyErr, PyResult, RangeObj, Value, types};
use crate::vm::Vm;
use std::sync::atomic::{AtomicI64, AtomicUsize};

/// `iter(object[, sentinel])`.
pub fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("iter", 1, 2)?;
    if let Some(sentinel) = a.get(1) {
        if !crate::vm::call::is_callable(&a[0]) {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        return Ok(Iter::new_value(IterKind::Callable {
            func: a[0].clone(),
            sentinel: sentinel.clone(),
        }));
    }
    vm.get_iter(&a[0])
}

/// `next(iterator[, default])`.
pub fn next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("next", 1, 2)?;
    let is_iterator = match &a[0] {
        Value::Obj(o) => match &**o {
            Object::Iter(_) | Object::Generator(_) => true,
            Object::Instance(_) => {
                crate::objects::types::lookup(a[0].class(), &names().__next__).is_some()
            }
            _ => false,
        },
        _ => false,
    };
    if !is_iterator {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            a[0].type_name()
        )));
    }
    if let Value::Obj(o) = &a[0]
        && let Object::Generator(_) = &**o
    {
        return match vm.resume_generator(o, Value::None)? {
            crate::vm::generator::GenStep::Yielded(v) => Ok(v),
            crate::vm::generator::GenStep::Returned(v) => match a.get(1) {
                Some(default) => Ok(default.clone()),
                None => Err(crate::vm::generator::stop_with(v)),
            },
        };
    }
    match vm.iter_next(&a[0])? {
        Some(v) => Ok(v),
        None => a
            .get(1)
            .cloned()
            .ok_or_else(|| PyErr::bare(&types().stop_iteration)),
    }
}

/// `enumerate(iterable, start=0)`.
pub fn enumerate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("enumerate", &["iterable", "start"])?;
    let iterable = args.get(0, "iterable").ok_or_else(|| {
        PyErr::type_error("enumerate() missing required argument 'iterable' (pos 1)")
    })?;
    let start = match args.get(1, "start") {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    let inner = vm.get_iter(iterable)?;
    Ok(Iter::new_value(IterKind::Enumerate {
        inner,
        count: AtomicI64::new(start),
    }))
}

/// `zip(*iterables, strict=False)`.
pub fn zip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("zip", &["strict"])?;
    let strict = match args.keyword("strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut iters = Vec::new();
    for iterable in args.positional() {
        iters.push(vm.get_iter(iterable)?);
    }
    Ok(Iter::new_value(IterKind::Zip {
        iters: iters.into_boxed_slice(),
        strict,
    }))
}

/// `map(function, *iterables)`.
pub fn map(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("map", 2, usize::MAX)?;
    let mut iters = Vec::new();
    for iterable in &a[1..] {
        iters.push(vm.get_iter(iterable)?);
    }
    Ok(Iter::new_value(IterKind::Map {
        func: a[0].clone(),
        iters: iters.into_boxed_slice(),
    }))
}

/// `filter(function, iterable)`.
pub fn filter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("filter", 2, 2)?;
    let inner = vm.get_iter(&a[1])?;
    Ok(Iter::new_value(IterKind::Filter {
        func: a[0].clone(),
        inner,
    }))
}

/// `reversed(sequence)`.
pub fn reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact("reversed", 1, 1)?;
    let value = &a[0];
    if let Value::Obj(o) = value {
        match &**o {
            Object::List(items) => {
                let n = items.lock().len();
                return Ok(Iter::new_value(IterKind::Reversed {
                    seq: o.clone(),
                    remaining: AtomicUsize::new(n),
                }));
            }
            Object::Tuple(items) => {
                return Ok(Iter::new_value(IterKind::Reversed {
                    seq: o.clone(),
                    remaining: AtomicUsize::new(items.len()),
                }));
            }
            Object::Range(r) => {
                let n = r.len();
                let last = r.item(n - 1);
                let reversed = RangeObj {
                    start: last,
                    stop: r.start - r.step,
                    step: -r.step,
                };
                let range = Value::obj(Object::Range(if n == 0 {
                    RangeObj {
                        start: 0,
                        stop: 0,
                        step: 1,
                    }
                } else {
                    reversed
                }));
                return vm.get_iter(&range);
            }
            Object::Str(_)
            | Object::Dict(_)
            | Object::Deque(_)
            | Object::Bytes(_)
            | Object::DictView(..) => {
                let mut items = vm.collect(value)?;
                items.reverse();
                return Ok(Iter::new_value(IterKind::Snapshot {
                    items: items.into_boxed_slice(),
                    index: AtomicUsize::new(0),
                }));
            }
            Object::Instance(_) => {
                if let Some(result) = vm.call_special(value, &names().__reversed__, &[])? {
                    return Ok(result);
                }
                if crate::objects::types::lookup(value.class(), &names().__getitem__).is_some() {
                    let n = vm.len(value)?;
                    let mut items = Vec::with_capacity(n);
                    for i in (0..n).rev() {
                        items.push(vm.getitem(value, &Value::Int(i as i64))?);
                    }
                    return Ok(Iter::new_value(IterKind::Snapshot {
                        items: items.into_boxed_slice(),
                        index: AtomicUsize::new(0),
                    }));
                }
            }
            _ => {}
        }
    }
    Err(PyErr::type_error(format!(
        "'{}' object is not reversible",
        value.type_name()
    )))
}

/// `sorted(iterable, key=None, reverse=False)`.
pub fn sorted(vm: &mut Vm, args: Args<'_>) -> PyResult {
    crate::objects::list::check_sort_keywords(&args)?;
    let a = args.count("sorted", 1, 1)?;
    let items = vm.collect(&a[0])?;
    let key = args.keyword("key").filter(|k| !k.is_none()).cloned();
    let reverse = match args.keyword("reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    match crate::objects::list::sort_values(vm, items, key.as_ref(), reverse) {
        Ok(sorted) => Value::list(sorted),
        Err((_, err)) => Err(err),
    }
}

fn truth_scan(vm: &mut Vm, args: Args<'_>, name: &str, want: bool) -> PyResult {
    let a = args.exact(name, 1, 1)?;
    let iterator = vm.get_iter(&a[0])?;
    while let Some(item) = vm.iter_next(&iterator)? {
        if vm.truthy(&item)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

/// `all(iterable)`.
pub fn all(vm: &mut Vm, args: Args<'_>) -> PyResult {
    truth_scan(vm, args, "all", false)
}

/// `any(iterable)`.
pub fn any(vm: &mut Vm, args: Args<'_>) -> PyResult {
    truth_scan(vm, args, "any", true)
}

//! `list`, including a stable merge sort whose comparisons may run Python
//! code and fail (Rust's own sort must not see an inconsistent order).

use super::{Args, NativeDef, ObjRef, Object, PyErr, PyResult, Value};
use crate::heap;
use crate::objects::lock::Lock as Mutex;
use crate::vm::Vm;
use crate::vm::containers::list_of;

fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<(&'a ObjRef, &'a Mutex<Vec<Value>>)> {
    if let Some(Value::Obj(o)) = args.positional().first()
        && let Some(items) = list_of(o)
    {
        return Ok((o, items));
    }
    Err(PyErr::type_error(format!(
        "descriptor '{name}' for 'list' objects doesn't apply"
    )))
}

/// `start` and `end` arguments of `index()`, clamped to `len`.
pub fn bounds(
    vm: &mut Vm,
    len: usize,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<(usize, usize)> {
    let clamp = |vm: &mut Vm, v: Option<&Value>, default: usize| -> PyResult<usize> {
        match v {
            None => Ok(default),
            Some(v) => {
                let n = vm.to_index(v)?;
                Ok(if n < 0 {
                    (n + len as i64).max(0) as usize
                } else {
                    (n as usize).min(len)
                })
            }
        }
    };
    Ok((clamp(vm, start, 0)?, clamp(vm, end, len)?))
}

fn append(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "append")?;
    let a = args.exact("append", 2, 2)?;
    heap::charge_items(1)?;
    items.lock().push(a[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "extend")?;
    let a = args.exact("extend", 2, 2)?;
    let new_items = vm.collect(&a[1])?;
    heap::charge_items(new_items.len())?;
    items.lock().extend(new_items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "insert")?;
    let a = args.exact("insert", 3, 3)?;
    let i = vm.to_index(&a[1])?;
    heap::charge_items(1)?;
    let mut list = items.lock();
    let len = list.len() as i64;
    let index = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    list.insert(index, a[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "pop")?;
    let a = args.exact("pop", 1, 2)?;
    let i = match a.get(1) {
        Some(v) => Some(vm.to_index(v)?),
        None => None,
    };
    let mut list = items.lock();
    if list.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let len = list.len() as i64;
    let index = match i {
        None => len - 1,
        Some(i) if i < 0 => i + len,
        Some(i) => i,
    };
    if index < 0 || index >= len {
        return Err(PyErr::index_error("pop index out of range"));
    }
    heap::refund_items(1);
    Ok(list.remove(index as usize))
}

fn find_position(
    vm: &mut Vm,
    items: &Mutex<Vec<Value>>,
    target: &Value,
    start: usize,
    end: usize,
) -> PyResult<Option<usize>> {
    let snapshot = items.lock().clone();
    for (i, item) in snapshot.iter().enumerate().take(end).skip(start) {
        if vm.eq(item, target)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "remove")?;
    let a = args.exact("remove", 2, 2)?;
    let Some(i) = find_position(vm, items, &a[1], 0, usize::MAX)? else {
        return Err(PyErr::value_error("list.remove(x): x not in list"));
    };
    let mut list = items.lock();
    if i < list.len() {
        let removed = list.remove(i);
        heap::refund_items(1);
        drop(list);
        drop(removed);
    }
    Ok(Value::None)
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "index")?;
    let a = args.exact("index", 2, 4)?;
    let len = items.lock().len();
    let (start, end) = bounds(vm, len, a.get(2), a.get(3))?;
    match find_position(vm, items, &a[1], start, end)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let shown = vm.repr(&a[1])?;
            Err(PyErr::value_error(format!("{shown} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "count")?;
    let a = args.exact("count", 2, 2)?;
    let snapshot = items.lock().clone();
    let mut n = 0;
    for item in &snapshot {
        if vm.eq(item, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "reverse")?;
    items.lock().reverse();
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "clear")?;
    let old = std::mem::take(&mut *items.lock());
    heap::refund_items(old.len());
    drop(old);
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "copy")?;
    let snapshot = items.lock().clone();
    Value::list(snapshot)
}

/// The keywords `list.sort` takes, with CPython's message for any other
/// (`sorted` sorts a new list with it, so it says the same).
pub fn check_sort_keywords(args: &Args<'_>) -> PyResult<()> {
    match args
        .keywords()
        .find(|(name, _)| !["key", "reverse"].contains(name))
    {
        Some((name, _)) => Err(PyErr::type_error(format!(
            "'{name}' is an invalid keyword argument for sort()"
        ))),
        None => Ok(()),
    }
}

fn sort(vm: &mut Vm, args: Args<'_>) -> PyResult {
    check_sort_keywords(&args)?;
    let (_, items) = this(&args, "sort")?;
    if args.positional().len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let key = args.keyword("key").filter(|k| !k.is_none()).cloned();
    let reverse = match args.keyword("reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let taken = std::mem::take(&mut *items.lock());
    let sorted = sort_values(vm, taken, key.as_ref(), reverse);
    let mut list = items.lock();
    let modified = !list.is_empty();
    match sorted {
        Ok(values) => {
            *list = values;
            if modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err((values, err)) => {
            *list = values;
            Err(err)
        }
    }
}

/// Sorts values stably by `key` (or themselves) with `<`, as `sorted()`
/// does. On error, gives the values back (in some order) with the error.
pub fn sort_values(
    vm: &mut Vm,
    mut values: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> Result<Vec<Value>, (Vec<Value>, PyErr)> {
    let mut keys = Vec::with_capacity(values.len());
    if let Some(key) = key {
        for v in &values {
            match vm.call(key, std::slice::from_ref(v)) {
                Ok(k) => keys.push(k),
                Err(err) => return Err((values, err)),
            }
        }
    } else {
        keys = values.clone();
    }
    if reverse {
        values.reverse();
        keys.reverse();
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    if let Err(err) = merge_sort(vm, &keys, &mut order) {
        return Err((values, err));
    }
    let mut slots: Vec<Option<Value>> = values.into_iter().map(Some).collect();
    let mut sorted: Vec<Value> = order.iter().filter_map(|&i| slots[i].take()).collect();
    if reverse {
        sorted.reverse();
    }
    Ok(sorted)
}

fn merge_sort(vm: &mut Vm, keys: &[Value], order: &mut [usize]) -> PyResult<()> {
    const RUN: usize = 16;
    let n = order.len();
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && vm.less_than(&keys[order[j]], &keys[order[j - 1]])? {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut width = RUN;
    let mut buffer = Vec::with_capacity(n);
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            if mid >= end {
                continue;
            }
            buffer.clear();
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                if vm.less_than(&keys[order[j]], &keys[order[i]])? {
                    buffer.push(order[j]);
                    j += 1;
                } else {
                    buffer.push(order[i]);
                    i += 1;
                }
            }
            buffer.extend_from_slice(&order[i..mid]);
            buffer.extend_from_slice(&order[j..end]);
            order[start..end].copy_from_slice(&buffer);
        }
        width *= 2;
        vm.check_cancel()?;
    }
    Ok(())
}

fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, items) = this(&args, "__init__")?;
    let a = args.exact("list", 1, 2)?;
    let new_items = match a.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    heap::charge_items(new_items.len())?;
    let old = std::mem::replace(&mut *items.lock(), new_items);
    heap::refund_items(old.len());
    Ok(Value::None)
}

/// `list(iterable=())`.
pub fn list_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.exact("list", 0, 1)?;
    match pos.first() {
        None => Value::list(Vec::new()),
        Some(v) => {
            let items = vm.collect(v)?;
            Value::list(items)
        }
    }
}

/// Whether a value is a list (or a list subclass instance).
pub fn is_list(value: &Value) -> bool {
    matches!(value, Value::Obj(o) if matches!(&**o, Object::List(_)) || list_of(o).is_some())
}

/// Methods of `list`.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("list", "append", append),
    NativeDef::method("list", "extend", extend),
    NativeDef::method("list", "insert", insert),
    NativeDef::method("list", "pop", pop),
    NativeDef::method("list", "remove", remove),
    NativeDef::method("list", "index", index),
    NativeDef::method("list", "count", count),
    NativeDef::method("list", "reverse", reverse),
    NativeDef::method("list", "clear", clear),
    NativeDef::method("list", "copy", copy),
    NativeDef::method("list", "sort", sort),
    NativeDef::method("list", "__init__", list_init),
];

//! `collections`: `deque` in Rust; `Counter`, `defaultdict`, `OrderedDict`
//! and `namedtuple` in Python (`py/collections.py`).

use crate::objects::iter::DequeState;
use crate::objects::lock::Lock as Mutex;
use crate::objects::names::intern;
use crate::objects::{Args, NativeDef, ObjRef, Object, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::collections::VecDeque;
use std::sync::Arc;

fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Mutex<DequeState>> {
    if let Some(Value::Obj(o)) = args.positional().first()
        && let Object::Deque(d) = &**o
    {
        return Ok(d);
    }
    Err(PyErr::type_error(format!(
        "descriptor '{name}' requires a 'collections.deque' object"
    )))
}

fn push(state: &mut DequeState, value: Value, left: bool) {
    if state.maxlen == Some(0) {
        return;
    }
    if state.maxlen.is_some_and(|m| state.items.len() >= m) {
        if left {
            state.items.pop_back();
        } else {
            state.items.pop_front();
        }
    }
    if left {
        state.items.push_front(value);
    } else {
        state.items.push_back(value);
    }
}

fn append(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "append")?;
    let a = args.exact("append", 2, 2)?;
    push(&mut d.lock(), a[1].clone(), false);
    Ok(Value::None)
}

fn appendleft(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "appendleft")?;
    let a = args.exact("appendleft", 2, 2)?;
    push(&mut d.lock(), a[1].clone(), true);
    Ok(Value::None)
}

fn pop(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "pop")?;
    d.lock()
        .items
        .pop_back()
        .ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn popleft(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "popleft")?;
    d.lock()
        .items
        .pop_front()
        .ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "extend")?;
    let a = args.exact("extend", 2, 2)?;
    let items = vm.collect(&a[1])?;
    let mut state = d.lock();
    for item in items {
        push(&mut state, item, false);
    }
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "extendleft")?;
    let a = args.exact("extendleft", 2, 2)?;
    let items = vm.collect(&a[1])?;
    let mut state = d.lock();
    for item in items {
        push(&mut state, item, true);
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "clear")?;
    let old = std::mem::take(&mut d.lock().items);
    drop(old);
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "rotate")?;
    let a = args.exact("rotate", 1, 2)?;
    let n = match a.get(1) {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    let mut state = d.lock();
    let len = state.items.len() as i64;
    if len > 0 {
        let k = n.rem_euclid(len) as usize;
        state.items.rotate_right(k);
    }
    Ok(Value::None)
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "count")?;
    let a = args.exact("count", 2, 2)?;
    let items: Vec<Value> = d.lock().items.iter().cloned().collect();
    let mut n = 0;
    for item in &items {
        if vm.eq(item, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "index")?;
    let a = args.exact("index", 2, 4)?;
    let items: Vec<Value> = d.lock().items.iter().cloned().collect();
    for (i, item) in items.iter().enumerate() {
        if vm.eq(item, &a[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let shown = vm.repr(&a[1])?;
    Err(PyErr::value_error(format!("{shown} is not in deque")))
}

fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "remove")?;
    let a = args.exact("remove", 2, 2)?;
    let items: Vec<Value> = d.lock().items.iter().cloned().collect();
    for (i, item) in items.iter().enumerate() {
        if vm.eq(item, &a[1])? {
            d.lock().items.remove(i);
            return Ok(Value::None);
        }
    }
    Err(PyErr::value_error("deque.remove(x): x not in deque"))
}

fn insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "insert")?;
    let a = args.exact("insert", 3, 3)?;
    let i = vm.to_index(&a[1])?;
    let mut state = d.lock();
    if state.maxlen.is_some_and(|m| state.items.len() >= m) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let len = state.items.len() as i64;
    let index = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    state.items.insert(index, a[2].clone());
    Ok(Value::None)
}

fn reverse(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "reverse")?;
    let mut state = d.lock();
    let reversed: VecDeque<Value> = state.items.drain(..).rev().collect();
    state.items = reversed;
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(&args, "copy")?;
    let state = d.lock();
    Ok(new_deque(state.items.clone(), state.maxlen))
}

/// A new deque holding `items`.
pub fn new_deque(items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    let obj = Arc::new(Object::Deque(Mutex::new(DequeState { items, maxlen })));
    crate::heap::track(&obj);
    Value::Obj(obj)
}

/// `deque(iterable=(), maxlen=None)`.
pub fn deque_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.allow_keywords("deque", &["iterable", "maxlen"])?;
    args.count("deque", 0, 2)?;
    let maxlen = match args.get(1, "maxlen") {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let mut state = DequeState {
        items: VecDeque::new(),
        maxlen,
    };
    if let Some(iterable) = args.get(0, "iterable") {
        for item in vm.collect(iterable)? {
            push(&mut state, item, false);
        }
    }
    Ok(new_deque(state.items, state.maxlen))
}

/// Methods of `deque`.
pub static DEQUE_METHODS: &[NativeDef] = &[
    NativeDef::method("deque", "append", append),
    NativeDef::method("deque", "appendleft", appendleft),
    NativeDef::method("deque", "pop", pop),
    NativeDef::method("deque", "popleft", popleft),
    NativeDef::method("deque", "extend", extend),
    NativeDef::method("deque", "extendleft", extendleft),
    NativeDef::method("deque", "clear", clear),
    NativeDef::method("deque", "rotate", rotate),
    NativeDef::method("deque", "count", count),
    NativeDef::method("deque", "index", index),
    NativeDef::method("deque", "remove", remove),
    NativeDef::method("deque", "insert", insert),
    NativeDef::method("deque", "reverse", reverse),
    NativeDef::method("deque", "copy", copy),
];

/// Fills the `collections` module.
pub fn init(vm: &mut Vm, dict: &ObjRef) -> PyResult<()> {
    let deque = crate::objects::types().deque.clone();
    vm.dict_set(dict, intern("deque"), Value::Obj(deque))?;
    super::run_source(vm, "collections", include_str!("py/collections.py"), dict)
}

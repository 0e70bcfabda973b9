//! The builtin iterators' state (`iter(list)`, `enumerate`, `zip`, `map`…).
//!
//! Each holds what it iterates and a position. Positions are atomics read
//! and written without a lock: two threads sharing one iterator may see an
//! item twice (as on free-threaded CPython), never a torn object. Advancing
//! an iterator that calls Python code (`map`, `filter`) is in `vm::iterate`.

use super::{NativeDef, ObjRef, Value, types};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

/// The state of `collections.deque`.
#[derive(Debug, Default)]
pub struct DequeState {
    /// The items, left to right.
    pub items: VecDeque<Value>,
    /// `maxlen`, if bounded.
    pub maxlen: Option<usize>,
}

/// Which view of a dict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// `keys()`.
    Keys,
    /// `values()`.
    Values,
    /// `items()`.
    Items,
}

impl ViewKind {
    /// The class of the view.
    pub fn class(self) -> &'static ObjRef {
        &types().dict_views[self as usize]
    }
}

/// A builtin iterator.
#[derive(Debug)]
pub struct Iter {
    /// What it iterates and how.
    pub kind: IterKind,
}

/// The kinds of builtin iterator.
#[derive(Debug)]
pub enum IterKind {
    /// Over a list, tuple, str or bytes by index.
    Seq {
        /// The sequence object.
        seq: ObjRef,
        /// The next index.
        index: AtomicUsize,
    },
    /// Over a list, backwards.
    Reversed {
        /// The sequence object.
        seq: ObjRef,
        /// How many items remain (the next index is this minus one).
        remaining: AtomicUsize,
    },
    /// Over a range.
    Range {
        /// The next value.
        next: AtomicI64,
        /// How many values remain.
        remaining: AtomicI64,
        /// The step.
        step: i64,
    },
    /// Over a dict's keys, values or items.
    Dict {
        /// The dict object.
        dict: ObjRef,
        /// Which part of each entry.
        view: ViewKind,
        /// The next entry position.
        position: AtomicUsize,
        /// Its size when iteration started (a change is an error).
        size: usize,
    },
    /// Over a set's items.
    Set {
        /// The set object.
        set: ObjRef,
        /// The next slot.
        position: AtomicUsize,
        /// Its size when iteration started.
        size: usize,
    },
    /// Over a snapshot of values (deques and other containers).
    Snapshot {
        /// The values.
        items: Box<[Value]>,
        /// The next index.
        index: AtomicUsize,
    },
    /// `enumerate(iterable, start)`.
    Enumerate {
        /// The underlying iterator.
        inner: Value,
        /// The next count.
        count: AtomicI64,
    },
    /// `zip(*iterables)`.
    Zip {
        /// The underlying iterators.
        iters: Box<[Value]>,
        /// `strict=True`.
        strict: bool,
    },
    /// `map(function, *iterables)`.
    Map {
        /// The function.
        func: Value,
        /// The underlying iterators.
        iters: Box<[Value]>,
    },
    /// `filter(function, iterable)`.
    Filter {
        /// The predicate (`None`: truthiness).
        func: Value,
        /// The underlying iterator.
        inner: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        /// What is called.
        func: Value,
        /// The value that ends it.
        sentinel: Value,
    },
    /// Old-style iteration through `__getitem__` from 0.
    GetItem {
        /// The object.
        obj: Value,
        /// The next index.
        index: AtomicI64,
    },
}

/// The iterator classes' names, in `class_index` order.
pub const ITERATOR_NAMES: &[&str] = &[
    "list_iterator",
    "list_reverseiterator",
    "range_iterator",
    "dict_keyiterator",
    "set_iterator",
    "iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "callable_iterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "bytes_iterator",
];

impl Iter {
    /// A new iterator object.
    pub fn new_value(kind: IterKind) -> Value {
        Value::obj(super::Object::Iter(Iter { kind }))
    }

    /// The class of this iterator.
    pub fn class(&self) -> &'static ObjRef {
        let index = match &self.kind {
            IterKind::Seq { seq, .. } => match &**seq {
                super::Object::Tuple(_) => 11,
                super::Object::Str(_) => 12,
                super::Object::Bytes(_) => 15,
                _ => 0,
            },
            IterKind::Reversed { .. } => 1,
            IterKind::Range { .. } => 2,
            IterKind::Dict { view, .. } => match view {
                ViewKind::Keys => 3,
                ViewKind::Values => 13,
                ViewKind::Items => 14,
            },
            IterKind::Set { .. } => 4,
            IterKind::Snapshot { .. } | IterKind::GetItem { .. } => 5,
            IterKind::Enumerate { .. } => 6,
            IterKind::Zip { .. } => 7,
            IterKind::Map { .. } => 8,
            IterKind::Filter { .. } => 9,
            IterKind::Callable { .. } => 10,
        };
        &types().iterators[index]
    }
}

/// Reads an atomic position (a plain load: see the module's note).
#[inline]
pub fn load(position: &AtomicUsize) -> usize {
    position.load(Ordering::Relaxed)
}

/// Writes an atomic position.
#[inline]
pub fn store(position: &AtomicUsize, value: usize) {
    position.store(value, Ordering::Relaxed);
}

/// `__iter__` and `__next__` of the builtin iterators.
pub static METHODS: &[NativeDef] = &[
    NativeDef::method("iterator", "__iter__", crate::vm::iterate::iter_self),
    NativeDef::method("iterator", "__next__", crate::vm::iterate::next_method),
    NativeDef::method(
        "iterator",
        "__length_hint__",
        crate::vm::iterate::length_hint,
    ),
];

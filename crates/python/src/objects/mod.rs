//! The object model: what a Python value is in memory.
//!
//! A [`Value`] is a small `Clone` enum: `None`, booleans, 64-bit ints and floats
//! are immediates; everything else is an [`Object`] behind an `Arc` ([`ObjRef`]),
//! so `sys.getrefcount` is `Arc::strong_count` and objects can be shared between
//! host threads. Mutable payloads (lists, dicts, sets, cells…) sit behind their
//! own lock, held only for the Rust-level operation and never while Python code
//! runs.
//!
//! Each builtin type has its file here (`str.rs`, `dict.rs`, `set.rs`, …); the
//! type objects themselves and their method tables live in `types.rs`.
//! Operations that may run Python code (a user `__eq__`, `__repr__`, `__hash__`)
//! are not here but in `vm/`, which calls back into the interpreter.

pub mod builtin_types;
pub mod bytes;
pub mod descr;
pub mod dict;
pub mod dict_methods;
pub mod exc_methods;
pub mod exception;
pub mod float;
pub mod format;
pub mod function;
pub mod hash;
pub mod int;
pub mod iter;
pub mod list;
pub mod lock;
pub mod names;
pub mod object;
pub mod ops_tables;
pub mod range;
pub mod set;
pub mod set_methods;
pub mod str;
pub mod str_methods;
pub mod str_more;
pub mod tuple;
pub mod types;

use crate::heap;
use crate::objects::lock::Lock as Mutex;
use num_bigint::BigInt;
use std::sync::Arc;

pub use dict::{Dict, DictMap};
pub use exception::{ExcData, PyErr, PyResult};
pub use function::{Args, Function, Method, NativeDef, NativeFn, NativeKind};
pub use set::SetTable;
pub use str::PyStr;
pub use types::{TypeObj, types};

/// A shared, reference-counted object.
pub type ObjRef = Arc<Object>;

/// A Python value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// An empty slot (an unbound local, an empty cell, "no self" in a method
    /// call). Never visible to Python code.
    #[default]
    Null,
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in 64 bits; larger ones are `Object::Int`.
    Int(i64),
    /// A float.
    Float(f64),
    /// A function or method written in Rust: static, so it has no count.
    Native(&'static NativeDef),
    /// Everything else.
    Obj(ObjRef),
}

/// A heap object: the payload of every value that is not an immediate.
#[derive(Debug)]
pub enum Object {
    /// `str`.
    Str(PyStr),
    /// An `int` outside the 64-bit range.
    Int(BigInt),
    /// `bytes`.
    Bytes(Box<[u8]>),
    /// `tuple`.
    Tuple(Box<[Value]>),
    /// `list`.
    List(Mutex<Vec<Value>>),
    /// `dict`.
    Dict(Dict),
    /// `set`.
    Set(Mutex<SetTable>),
    /// `frozenset`.
    FrozenSet(SetTable),
    /// `range`.
    Range(RangeObj),
    /// `slice`.
    Slice(Box<[Value; 3]>),
    /// A function written in Python.
    Function(Function),
    /// A Python function bound to its `self`.
    Method(Method),
    /// A function written in Rust bound to its `self`.
    BoundNative(&'static NativeDef, Value),
    /// A code object (a constant of the code that makes the function).
    Code(Arc<crate::compile::Code>),
    /// A class.
    Type(TypeObj),
    /// An instance of a class written in Python (or of a builtin exception).
    Instance(Instance),
    /// A module.
    Module(ModuleObj),
    /// A closure cell.
    Cell(Mutex<Value>),
    /// A generator, coroutine or async generator.
    Generator(crate::vm::generator::Generator),
    /// A builtin iterator.
    Iter(iter::Iter),
    /// `property`.
    Property(Box<[Value; 4]>),
    /// `staticmethod`.
    StaticMethod(Value),
    /// `classmethod`.
    ClassMethod(Value),
    /// `super()`: the class to start after, and the object.
    Super(Value, Value),
    /// `NotImplemented`.
    NotImplemented,
    /// `...`.
    Ellipsis,
    /// `collections.deque`.
    Deque(Mutex<iter::DequeState>),
    /// `functools.partial`: the function, its positional and keyword arguments.
    Partial(Box<[Value; 3]>),
    /// `dict.keys()`, `dict.values()`, `dict.items()`.
    DictView(ObjRef, iter::ViewKind),
    /// An object of a class written in Rust by a module, with state of its
    /// own (`random.Random`).
    Opaque(Opaque),
}

/// The state of an object of a module's Rust class.
pub struct Opaque {
    /// Its class.
    pub class: ObjRef,
    /// Its state, downcast by the class's methods.
    pub data: Box<dyn std::any::Any + Send + Sync>,
}

impl std::fmt::Debug for Opaque {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opaque").finish()
    }
}

/// A `range`: ints only within 64 bits.
#[derive(Debug, Clone, Copy)]
pub struct RangeObj {
    /// The first value.
    pub start: i64,
    /// The bound, never reached.
    pub stop: i64,
    /// The step, never zero.
    pub step: i64,
}

impl RangeObj {
    /// How many values the range yields.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = if self.step > 0 {
            (self.start as i128, self.stop as i128, self.step as i128)
        } else {
            (self.stop as i128, self.start as i128, -(self.step as i128))
        };
        if lo >= hi {
            0
        } else {
            ((hi - lo - 1) / step + 1).min(i64::MAX as i128) as i64
        }
    }

    /// Whether it yields nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`-th value, for `0 <= i < len`.
    pub fn item(&self, i: i64) -> i64 {
        self.start.wrapping_add(i.wrapping_mul(self.step))
    }
}

/// An instance of a Python class, or of a builtin exception class.
#[derive(Debug)]
pub struct Instance {
    /// Its class.
    pub class: ObjRef,
    /// Its `__dict__` (a dict object).
    pub dict: ObjRef,
    /// The builtin part of a subclass of a builtin type.
    pub native: NativeBase,
}

/// What a subclass of a builtin type carries besides its `__dict__`.
#[derive(Debug)]
pub enum NativeBase {
    /// A subclass of `object` only.
    None,
    /// A subclass of `BaseException`.
    Exception(Mutex<ExcData>),
    /// A subclass of `dict`.
    Dict(Dict),
    /// A subclass of `list`.
    List(Mutex<Vec<Value>>),
    /// A subclass of `tuple` (`namedtuple`).
    Tuple(Box<[Value]>),
}

/// A module: its name and its namespace.
#[derive(Debug)]
pub struct ModuleObj {
    /// `__name__`.
    pub name: Arc<str>,
    /// Its globals (a dict object).
    pub dict: ObjRef,
}

impl Value {
    /// A value for a Rust `bool`.
    #[inline]
    pub fn bool(b: bool) -> Value {
        Value::Bool(b)
    }

    /// Wraps a new object.
    #[inline]
    pub fn obj(object: Object) -> Value {
        Value::Obj(Arc::new(object))
    }

    /// A new `str`.
    pub fn str(text: &str) -> Value {
        Value::obj(Object::Str(PyStr::new(text)))
    }

    /// A new `str` from an owned string.
    pub fn string(text: String) -> Value {
        Value::obj(Object::Str(PyStr::from_string(text)))
    }

    /// A new tuple.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::obj(Object::Tuple(items.into_boxed_slice()))
    }

    /// A new list, tracked by the heap so that cycles through it are freed.
    pub fn list(items: Vec<Value>) -> PyResult {
        heap::charge_items(items.len())?;
        let obj = Arc::new(Object::List(Mutex::new(items)));
        heap::track(&obj);
        Ok(Value::Obj(obj))
    }

    /// A new dict holding `map`, tracked by the heap.
    pub fn dict(map: DictMap) -> PyResult {
        heap::charge_items(map.len() * 2)?;
        let obj = Arc::new(Object::Dict(Dict::new(map)));
        heap::track(&obj);
        Ok(Value::Obj(obj))
    }

    /// A new dict object as an `ObjRef`.
    pub fn new_dict_obj() -> ObjRef {
        let obj = Arc::new(Object::Dict(Dict::new(DictMap::new())));
        heap::track(&obj);
        obj
    }

    /// An int from a big int, an immediate when it fits.
    pub fn from_bigint(n: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match n.to_i64() {
            Some(small) => Value::Int(small),
            None => Value::obj(Object::Int(n)),
        }
    }

    /// The object behind the value, if any.
    #[inline]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(obj) => Some(obj),
            _ => None,
        }
    }

    /// The text of a `str`.
    #[inline]
    pub fn as_str(&self) -> Option<&PyStr> {
        match self {
            Value::Obj(obj) => match &**obj {
                Object::Str(s) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    /// The items of a tuple (or of an instance of a tuple subclass).
    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self {
            Value::Obj(obj) => match &**obj {
                Object::Tuple(items) => Some(items),
                Object::Instance(Instance {
                    native: NativeBase::Tuple(items),
                    ..
                }) => Some(items),
                _ => None,
            },
            _ => None,
        }
    }

    /// The type object behind a class value.
    #[inline]
    pub fn as_type(&self) -> Option<&TypeObj> {
        match self {
            Value::Obj(obj) => match &**obj {
                Object::Type(t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the value is `None`.
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Whether the value is the internal empty slot.
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Python's `is`: the same object, or the same immediate.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => Arc::ptr_eq(a, b),
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Native(a), Value::Native(b)) => std::ptr::eq(*a, *b),
            _ => false,
        }
    }

    /// Python's `id()`: the address of an object; immediates get a stable
    /// number of their own, outside the range of addresses.
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(obj) => Arc::as_ptr(obj) as *const u8 as usize as i64,
            Value::Null => 0,
            Value::None => 0x10,
            Value::Bool(b) => 0x20 + *b as i64 * 0x10,
            Value::Int(n) => (1i64 << 60) ^ n.wrapping_mul(32),
            Value::Float(f) => (1i64 << 59) ^ f.to_bits() as i64,
            Value::Native(def) => *def as *const NativeDef as usize as i64,
        }
    }

    /// The builtin type (or class) of the value.
    pub fn class(&self) -> &ObjRef {
        types::class_of(self)
    }

    /// The class's name, for messages.
    pub fn type_name(&self) -> String {
        match self.class().as_ref() {
            Object::Type(t) => t.name.to_string(),
            _ => "object".to_string(),
        }
    }
}

/// The class name of an object, for messages.
pub fn type_name_of(obj: &ObjRef) -> String {
    Value::Obj(obj.clone()).type_name()
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}

impl Drop for Object {
    fn drop(&mut self) {
        let items = match self {
            Object::List(items) => items.get_mut().len(),
            Object::Dict(dict) => dict.len_mut() * 2,
            Object::Set(set) => set.get_mut().len(),
            Object::FrozenSet(set) => set.len(),
            Object::Instance(instance) => match &mut instance.native {
                NativeBase::List(items) => items.get_mut().len(),
                NativeBase::Dict(dict) => dict.len_mut() * 2,
                _ => 0,
            },
            _ => 0,
        };
        if items > 0 {
            heap::refund_items(items);
        }
    }
}

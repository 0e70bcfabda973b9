//! Interned names: one `str` object per identifier, so that attribute and
//! global lookups usually match keys by pointer before comparing text.
//!
//! The interner is process-wide (identifiers are few and small); the
//! [`Names`] table holds the special method names the VM looks up itself.

use super::{Object, PyStr, Value};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

static INTERNED: OnceLock<Mutex<HashMap<Box<str>, Value>>> = OnceLock::new();

/// The one `str` object for `name`.
pub fn intern(name: &str) -> Value {
    let table = INTERNED.get_or_init(|| Mutex::new(HashMap::new()));
    let mut table = table.lock();
    if let Some(found) = table.get(name) {
        return found.clone();
    }
    let value = Value::Obj(Arc::new(Object::Str(PyStr::new(name))));
    if let Some(s) = value.as_str() {
        s.hash();
    }
    table.insert(name.into(), value.clone());
    value
}

macro_rules! names {
    ($($field:ident),* $(,)?) => {
        /// Special names the VM looks up, interned.
        #[derive(Debug)]
        pub struct Names {
            $(
                #[doc = concat!("`", stringify!($field), "`.")]
                pub $field: Value,
            )*
        }

        fn build() -> Names {
            Names { $($field: intern(stringify!($field)),)* }
        }
    };
}

names! {
    __init__, __new__, __call__, __eq__, __ne__, __lt__, __le__, __gt__, __ge__,
    __hash__, __repr__, __str__, __format__, __len__, __bool__, __iter__, __next__,
    __getitem__, __setitem__, __delitem__, __contains__, __missing__,
    __enter__, __exit__, __aenter__, __aexit__, __aiter__, __anext__, __await__,
    __getattr__, __getattribute__, __setattr__, __delattr__, __get__, __set__, __delete__,
    __add__, __sub__, __mul__, __matmul__, __truediv__, __floordiv__, __mod__, __pow__,
    __lshift__, __rshift__, __and__, __or__, __xor__,
    __radd__, __rsub__, __rmul__, __rmatmul__, __rtruediv__, __rfloordiv__, __rmod__, __rpow__,
    __rlshift__, __rrshift__, __rand__, __ror__, __rxor__,
    __iadd__, __isub__, __imul__, __imatmul__, __itruediv__, __ifloordiv__, __imod__, __ipow__,
    __ilshift__, __irshift__, __iand__, __ior__, __ixor__,
    __neg__, __pos__, __invert__, __abs__, __index__, __int__, __float__, __round__,
    __class__, __dict__, __name__, __qualname__, __module__, __doc__, __annotations__,
    __set_name__, __init_subclass__, __class_getitem__, __post_init__, __reversed__,
    __length_hint__, __slots__, __all__, __main__, __builtins__, __file__, __spec__,
    __wrapped__, __defaults__, __kwdefaults__, __code__, __self__, __func__, __mro__,
    __bases__, __base__, __subclasses__, __traceback__, __cause__, __context__,
    __suppress_context__, __sizeof__, __copy__, __deepcopy__, __reduce__,
    args, value, send, throw, close, keys, items, values, get, append, code, name,
    __build_class__, __import__, __path__, __package__, __loader__,
}

static NAMES: OnceLock<Names> = OnceLock::new();

/// The special names.
#[inline]
pub fn names() -> &'static Names {
    NAMES.get_or_init(build)
}

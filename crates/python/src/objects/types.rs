//! Type objects: classes, their method resolution order, and attribute
//! lookup along it.
//!
//! Builtin types (`int`, `list`, `ValueError`, …) are built once per process
//! (see `builtin_types.rs`) and shared by every interpreter: they cannot be
//! changed by Python code, so sharing them is safe. Classes a program defines
//! are built by [`new_class`] and belong to its heap.

use super::dict::{DictMap, Find};
use super::{NativeFn, ObjRef, Object, PyErr, PyResult, Value};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

pub use super::builtin_types::{Types, types};

/// What instances of a class carry natively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A plain instance with a `__dict__`.
    Object,
    /// An exception instance.
    Exception,
    /// An instance of a `dict` subclass.
    Dict,
    /// An instance of a `list` subclass.
    List,
    /// An instance of a `tuple` subclass.
    Tuple,
    /// A builtin type whose instances are native payloads; Python classes
    /// cannot derive from it (yet).
    Native,
}

/// Flags a class keeps about the special methods it defines, so that hot
/// paths skip lookups. Recomputed when a class attribute is set.
pub mod flags {
    /// Defines `__eq__` (other than `object`'s).
    pub const HAS_EQ: u32 = 1;
    /// Defines `__hash__` (other than `object`'s), or sets it to `None`.
    pub const HAS_HASH: u32 = 2;
    /// Defines `__getattr__`.
    pub const HAS_GETATTR: u32 = 4;
    /// Defines `__getattribute__` (other than `object`'s).
    pub const HAS_GETATTRIBUTE: u32 = 8;
    /// Defines `__setattr__` (other than `object`'s).
    pub const HAS_SETATTR: u32 = 16;
    /// Some class attribute is a data descriptor (a property).
    pub const HAS_DESCRIPTORS: u32 = 32;
    /// Defines `__delattr__`.
    pub const HAS_DELATTR: u32 = 64;
}

/// A class.
#[derive(Debug)]
pub struct TypeObj {
    /// `__name__`.
    pub name: Box<str>,
    /// `__qualname__`.
    pub qualname: Box<str>,
    /// `__module__`.
    pub module: Box<str>,
    /// `__bases__`.
    pub bases: Box<[ObjRef]>,
    /// `__mro__` without the class itself (it would be a cycle).
    pub mro: Box<[ObjRef]>,
    /// The class namespace (a dict object).
    pub dict: ObjRef,
    /// What instances carry natively.
    pub layout: Layout,
    /// Whether the class is builtin (then it is immutable).
    pub builtin: bool,
    /// See [`flags`].
    pub flags: AtomicU32,
    /// For builtin classes: what calling the class does.
    pub constructor: Option<NativeFn>,
}

impl TypeObj {
    /// Whether a flag of [`flags`] is set.
    #[inline]
    pub fn has(&self, flag: u32) -> bool {
        self.flags.load(Ordering::Relaxed) & flag != 0
    }
}

/// The class of a value.
#[inline]
pub fn class_of(value: &Value) -> &ObjRef {
    let t = types();
    match value {
        Value::Null | Value::None => &t.none_type,
        Value::Bool(_) => &t.bool,
        Value::Int(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Native(def) => match def.kind {
            super::NativeKind::Function => &t.builtin_function,
            _ => &t.method_descriptor,
        },
        Value::Obj(obj) => class_of_object(obj),
    }
}

fn class_of_object(obj: &ObjRef) -> &ObjRef {
    let t = types();
    match &**obj {
        Object::Str(_) => &t.str,
        Object::Int(_) => &t.int,
        Object::Bytes(_) => &t.bytes,
        Object::Tuple(_) => &t.tuple,
        Object::List(_) => &t.list,
        Object::Dict(_) => &t.dict,
        Object::Set(_) => &t.set,
        Object::FrozenSet(_) => &t.frozenset,
        Object::Range(_) => &t.range,
        Object::Slice(_) => &t.slice,
        Object::Function(_) => &t.function,
        Object::Method(_) => &t.method,
        Object::BoundNative(..) => &t.builtin_function,
        Object::Code(_) => &t.code,
        Object::Type(_) => &t.type_,
        Object::Instance(instance) => &instance.class,
        Object::Module(_) => &t.module,
        Object::Cell(_) => &t.cell,
        Object::Generator(generator) => generator.class(),
        Object::Iter(iter) => iter.class(),
        Object::Property(_) => &t.property,
        Object::StaticMethod(_) => &t.staticmethod,
        Object::ClassMethod(_) => &t.classmethod,
        Object::Super(..) => &t.super_,
        Object::NotImplemented => &t.not_implemented_type,
        Object::Ellipsis => &t.ellipsis_type,
        Object::Deque(_) => &t.deque,
        Object::Partial(_) => &t.partial,
        Object::DictView(_, kind) => kind.class(),
        Object::Opaque(opaque) => &opaque.class,
    }
}

/// The type object of a class reference (every class reference is one).
#[inline]
pub fn type_obj(class: &ObjRef) -> Option<&TypeObj> {
    match &**class {
        Object::Type(t) => Some(t),
        _ => None,
    }
}

/// The class and then its ancestors, in method resolution order.
pub fn mro_of(class: &ObjRef) -> impl Iterator<Item = &ObjRef> {
    let rest: &[ObjRef] = type_obj(class).map_or(&[], |t| &t.mro);
    std::iter::once(class).chain(rest.iter())
}

/// Whether `class` is `base` or derives from it.
pub fn is_subclass(class: &ObjRef, base: &ObjRef) -> bool {
    if Arc::ptr_eq(class, base) {
        return true;
    }
    type_obj(class).is_some_and(|t| t.mro.iter().any(|c| Arc::ptr_eq(c, base)))
}

/// Whether the value is an instance of `class` (or of a subclass).
#[inline]
pub fn is_instance(value: &Value, class: &ObjRef) -> bool {
    is_subclass(class_of(value), class)
}

/// Looks `name` (an interned `str` value) up in a dict, without running
/// Python code: only `str` keys can match.
#[inline]
pub fn dict_get_str(dict: &ObjRef, name: &Value) -> Option<Value> {
    let (Object::Dict(dict), Some(key)) = (&**dict, name.as_str()) else {
        return None;
    };
    let map = dict.lock();
    str_key_position(&map, name, key.hash()).and_then(|p| map.value_at(p).cloned())
}

/// The position of a `str` key in a map.
#[inline]
pub fn str_key_position(map: &DictMap, name: &Value, hash: i64) -> Option<usize> {
    let key = name.as_str()?;
    match map.find(hash, |candidate| match (candidate, name) {
        (Value::Obj(a), Value::Obj(b)) if Arc::ptr_eq(a, b) => Some(true),
        _ => Some(candidate.as_str().is_some_and(|s| s == key)),
    }) {
        Find::Found(position) => Some(position),
        _ => None,
    }
}

/// Finds `name` on the class or its ancestors, as `type.__getattribute__`
/// looks up class attributes.
#[inline]
pub fn lookup(class: &ObjRef, name: &Value) -> Option<Value> {
    for c in mro_of(class) {
        if let Some(t) = type_obj(c)
            && let Some(found) = dict_get_str(&t.dict, name)
        {
            return Some(found);
        }
    }
    None
}

/// Like [`lookup`], also saying on which class it was found.
pub fn lookup_with_owner(class: &ObjRef, name: &Value) -> Option<(Value, ObjRef)> {
    for c in mro_of(class) {
        if let Some(t) = type_obj(c)
            && let Some(found) = dict_get_str(&t.dict, name)
        {
            return Some((found, c.clone()));
        }
    }
    None
}

/// The class's name.
pub fn name_of(class: &ObjRef) -> &str {
    type_obj(class).map_or("?", |t| &t.name)
}

/// Computes the C3 linearisation of a new class with these bases (without
/// the class itself).
pub fn linearize(name: &str, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
    let mut sequences: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|base| mro_of(base).cloned().collect())
        .collect();
    sequences.push(bases.to_vec());
    let mut result = Vec::new();
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(result);
        }
        let candidate = sequences.iter().map(|s| &s[0]).find(|head| {
            !sequences
                .iter()
                .any(|s| s[1..].iter().any(|c| Arc::ptr_eq(c, head)))
        });
        let Some(next) = candidate.cloned() else {
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases of {name}"
            )));
        };
        for s in &mut sequences {
            if Arc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        result.push(next);
    }
}

/// Computes a class's [`flags`] from its namespace and its ancestors'.
pub fn compute_flags(dict: &ObjRef, mro: &[ObjRef]) -> u32 {
    let mut result = 0;
    for t in mro.iter().filter_map(|c| type_obj(c)) {
        if !t.builtin {
            result |= t.flags.load(Ordering::Relaxed);
        }
    }
    if let Object::Dict(d) = &**dict {
        for entry in d.lock().iter() {
            let Some(name) = entry.key.as_str() else {
                continue;
            };
            result |= match name.as_str() {
                "__eq__" => flags::HAS_EQ,
                "__hash__" => flags::HAS_HASH,
                "__getattr__" => flags::HAS_GETATTR,
                "__getattribute__" => flags::HAS_GETATTRIBUTE,
                "__setattr__" => flags::HAS_SETATTR,
                "__delattr__" => flags::HAS_DELATTR,
                _ => 0,
            };
            if is_data_descriptor(&entry.value) {
                result |= flags::HAS_DESCRIPTORS;
            }
        }
    }
    result
}

/// Whether a class attribute intercepts instance attribute access before the
/// instance's `__dict__` (a `property`, or an object whose class defines
/// `__set__`).
pub fn is_data_descriptor(value: &Value) -> bool {
    match value {
        Value::Obj(obj) => match &**obj {
            Object::Property(_) => true,
            Object::Instance(i) => lookup(&i.class, &Value::str("__set__")).is_some(),
            _ => false,
        },
        _ => false,
    }
}

/// Builds a class from its name, bases and namespace (`type(name, bases,
/// ns)` without the metaclass hooks, which the VM runs).
pub fn new_class(name: &str, qualname: &str, bases: Vec<ObjRef>, dict: ObjRef) -> PyResult<ObjRef> {
    let object = &types().object;
    let bases = if bases.is_empty() {
        vec![object.clone()]
    } else {
        bases
    };
    let mut layout = Layout::Object;
    for base in &bases {
        let Some(t) = type_obj(base) else {
            return Err(PyErr::type_error("bases must be types"));
        };
        let base_layout = match t.layout {
            Layout::Native => {
                return Err(PyErr::type_error(format!(
                    "Threadline Python cannot subclass the builtin type '{}' yet",
                    t.name
                )));
            }
            other => other,
        };
        if base_layout != Layout::Object {
            if layout != Layout::Object && layout != base_layout {
                return Err(PyErr::type_error(
                    "multiple bases have instance lay-out conflict",
                ));
            }
            layout = base_layout;
        }
    }
    let mro = linearize(name, &bases)?;
    if let Object::Dict(namespace) = &*dict {
        let mut map = namespace.lock();
        let eq = super::names::intern("__eq__");
        let hash_name = super::names::intern("__hash__");
        let hash = hash_name.as_str().map_or(0, |s| s.hash());
        let eq_hash = eq.as_str().map_or(0, |s| s.hash());
        if str_key_position(&map, &eq, eq_hash).is_some()
            && str_key_position(&map, &hash_name, hash).is_none()
        {
            map.insert_new(hash, hash_name, Value::None);
        }
    }
    let module = dict_get_str(&dict, &Value::str("__module__"))
        .and_then(|m| m.as_str().map(|s| s.as_str().to_string()))
        .unwrap_or_else(|| "__main__".to_string());
    let class_flags = compute_flags(&dict, &mro);
    Ok(Arc::new(Object::Type(TypeObj {
        name: name.into(),
        qualname: qualname.into(),
        module: module.into(),
        bases: bases.into_boxed_slice(),
        mro: mro.into_boxed_slice(),
        dict,
        layout,
        builtin: false,
        flags: AtomicU32::new(class_flags),
        constructor: None,
    })))
}

/// Keeps the flags of a class right after one of its attributes changed.
pub fn refresh_flags(class: &ObjRef) {
    crate::vm::lookup::class_changed();
    if let Some(t) = type_obj(class) {
        let computed = compute_flags(&t.dict, &t.mro);
        t.flags.store(computed, Ordering::Relaxed);
    }
}

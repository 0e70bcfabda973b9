//! A per-thread cache of class attribute lookups: `(class, name)` to what
//! the MRO walk found (or that it found nothing).
//!
//! Each entry holds its class and name (strong references, so that neither
//! address can be reused by another object while the entry lives) and the
//! class epoch it was made in. [`CLASS_EPOCH`] moves on whenever a class
//! namespace changes in a way an entry could depend on (`setattr` or
//! `delattr` on a class: see `types::refresh_flags`), which drops every
//! entry at once: classes change at the start of a program, lookups happen
//! all along.
//!
//! Only what makes up a class's behaviour is kept: functions, builtin
//! methods, descriptors, nested classes, and "not found". Plain data
//! (class-level counters, shared lists) is looked up each time, so that the
//! cache holds no reference a program could see (`sys.getrefcount`, a
//! finalizer that runs on `del C.attr`), and so that assigning plain data
//! over plain data (`Counter.total += 1`) needs no invalidation.

use super::Vm;
use crate::objects::types::{lookup, str_key_position};
use crate::objects::{ObjRef, Object, Value};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Entries in the cache (a power of two).
pub(crate) const LOOKUP_CACHE_SIZE: usize = 512;

/// Moves on when a class namespace changes anywhere.
static CLASS_EPOCH: AtomicU64 = AtomicU64::new(1);

/// Invalidates every cached lookup, on every thread (a class namespace
/// changed). Called after the change, so that a lookup that read the old
/// namespace was stamped with an epoch that is now gone.
pub fn class_changed() {
    CLASS_EPOCH.fetch_add(1, Ordering::Release);
}

/// Sets an existing class attribute when the old value and the new are
/// both plain data (a class-level counter): that changes no cached lookup
/// and no class flag, so nothing is invalidated. Checked and written under
/// the namespace's lock, so that no other thread's write comes in between.
/// `Err`: the value back, for the general path.
pub(crate) fn replace_plain_data(
    namespace: &ObjRef,
    name: &Value,
    value: Value,
) -> Result<(), Value> {
    let (Object::Dict(dict), Some(key)) = (&**namespace, name.as_str()) else {
        return Err(value);
    };
    if !is_plain_data(&value) {
        return Err(value);
    }
    let old = {
        let mut map = dict.lock();
        let position = str_key_position(&map, name, key.hash());
        match position {
            Some(p) if map.value_at(p).is_some_and(is_plain_data) => {
                let old = map.set_at(p, value);
                dict.bump();
                old
            }
            _ => return Err(value),
        }
    };
    drop(old);
    Ok(())
}

/// Whether a class attribute is plain data: neither anything the cache
/// holds nor an instance (which may be a descriptor).
fn is_plain_data(value: &Value) -> bool {
    match value {
        Value::Obj(obj) => !matches!(&**obj, Object::Instance(_)) && !is_behaviour(Some(value)),
        Value::Native(_) | Value::Null => false,
        _ => true,
    }
}

/// Whether a lookup result may be cached (see the module comment).
fn is_behaviour(found: Option<&Value>) -> bool {
    match found {
        None | Some(Value::Native(_)) => true,
        Some(Value::Obj(obj)) => matches!(
            &**obj,
            Object::Function(_)
                | Object::Property(_)
                | Object::StaticMethod(_)
                | Object::ClassMethod(_)
                | Object::Type(_)
        ),
        Some(_) => false,
    }
}

/// One cached lookup.
#[derive(Clone, Debug, Default)]
pub(crate) struct LookupEntry {
    class: Option<ObjRef>,
    name: Value,
    epoch: u64,
    found: Option<Value>,
}

#[inline(always)]
fn slot_of(class: &ObjRef, name: &ObjRef) -> usize {
    let (c, n) = (
        Arc::as_ptr(class) as *const u8 as u64,
        Arc::as_ptr(name) as *const u8 as u64,
    );
    let mixed = (c ^ n.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - LOOKUP_CACHE_SIZE.trailing_zeros())) as usize
}

impl Vm {
    /// [`lookup`] through the thread's cache.
    #[inline]
    pub(crate) fn lookup_cached(&mut self, class: &ObjRef, name: &Value) -> Option<Value> {
        let Value::Obj(name_obj) = name else {
            return lookup(class, name);
        };
        let slot = slot_of(class, name_obj);
        let epoch = CLASS_EPOCH.load(Ordering::Acquire);
        if let Some(entry) = self.lookup_cache.get(slot)
            && entry.epoch == epoch
            && entry.class.as_ref().is_some_and(|c| Arc::ptr_eq(c, class))
            && matches!(&entry.name, Value::Obj(n) if Arc::ptr_eq(n, name_obj))
        {
            return entry.found.clone();
        }
        let found = lookup(class, name);
        if is_behaviour(found.as_ref())
            && let Some(entry) = self.lookup_cache.get_mut(slot)
        {
            *entry = LookupEntry {
                class: Some(class.clone()),
                name: name.clone(),
                epoch,
                found: found.clone(),
            };
        }
        found
    }
}

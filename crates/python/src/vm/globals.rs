//! Global and builtin name lookups with a per-thread cache of where each
//! name sits in its dict, so that `LoadGlobal` and `StoreGlobal` skip
//! hashing and probing. An entry is trusted only if the key found at the
//! cached position is the very name object looked up (names are interned);
//! for names found in the builtins, the globals' keys must not have changed
//! since (so the name is still absent from them).

use crate::objects::dict::DictMap;
use crate::objects::types::str_key_position;
use crate::objects::{ObjRef, Object, Value};
use std::sync::Arc;

/// Entries in the cache (a power of two).
pub(crate) const CACHE_SIZE: usize = 256;

/// Where a name was found.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct GlobalEntry {
    globals: usize,
    name: usize,
    position: u32,
    /// The globals' keys version when the name was found in the builtins
    /// (`u64::MAX`: it was found in the globals).
    globals_keys: u64,
}

fn address(obj: &ObjRef) -> usize {
    Arc::as_ptr(obj) as *const u8 as usize
}

#[inline(always)]
fn slot_of(globals: usize, name: usize) -> usize {
    let mixed =
        ((globals as u64) ^ (name as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - CACHE_SIZE.trailing_zeros())) as usize
}

/// The value at `position` if its key is the name object itself.
#[inline]
fn at_position(map: &DictMap, position: u32, name: &ObjRef) -> Option<Value> {
    let entry = map.entry(position as usize)?;
    match &entry.key {
        Value::Obj(key) if Arc::ptr_eq(key, name) => Some(entry.value.clone()),
        _ => None,
    }
}

/// Looks a global up (then the builtins) through the cache. The common
/// case, a name found in the globals at the cached position, is inline.
#[inline(always)]
pub(crate) fn cached_global(
    cache: &mut [GlobalEntry],
    builtins: &ObjRef,
    globals: &ObjRef,
    name: &Value,
) -> Option<Value> {
    if let (Value::Obj(name_obj), Object::Dict(globals_dict)) = (name, &**globals) {
        let (g, n) = (address(globals), address(name_obj));
        if let Some(entry) = cache.get(slot_of(g, n))
            && entry.globals == g
            && entry.name == n
            && entry.globals_keys == u64::MAX
        {
            let map = globals_dict.lock();
            if let Some(found) = map.entry(entry.position as usize)
                && let Value::Obj(key) = &found.key
                && Arc::ptr_eq(key, name_obj)
            {
                return Some(found.value.clone());
            }
        }
    }
    cached_global_slow(cache, builtins, globals, name)
}

/// `cached_global` past its inline case.
#[inline(never)]
fn cached_global_slow(
    cache: &mut [GlobalEntry],
    builtins: &ObjRef,
    globals: &ObjRef,
    name: &Value,
) -> Option<Value> {
    let Value::Obj(name_obj) = name else {
        return None;
    };
    let (Object::Dict(globals_dict), Object::Dict(builtins_dict)) = (&**globals, &**builtins)
    else {
        return None;
    };
    let key = (address(globals), address(name_obj));
    let slot = slot_of(key.0, key.1);
    let entry = *cache.get(slot)?;
    if entry.globals == key.0 && entry.name == key.1 {
        if entry.globals_keys == u64::MAX {
            if let Some(value) = at_position(&globals_dict.lock(), entry.position, name_obj) {
                return Some(value);
            }
        } else if globals_dict.lock().keys_version() == entry.globals_keys
            && let Some(value) = at_position(&builtins_dict.lock(), entry.position, name_obj)
        {
            return Some(value);
        }
    }
    let hash = name.as_str()?.hash();
    let (found, globals_keys) = {
        let map = globals_dict.lock();
        match str_key_position(&map, name, hash) {
            Some(position) => (
                map.value_at(position).cloned().map(|v| (v, position)),
                u64::MAX,
            ),
            None => (None, map.keys_version()),
        }
    };
    let (value, position) = match found {
        Some(hit) => hit,
        None => {
            let map = builtins_dict.lock();
            let position = str_key_position(&map, name, hash)?;
            (map.value_at(position).cloned()?, position)
        }
    };
    cache[slot] = GlobalEntry {
        globals: key.0,
        name: key.1,
        position: position as u32,
        globals_keys,
    };
    Some(value)
}

/// Stores into an existing global through the cache; gives the value back
/// when the name is not there yet (the caller inserts it).
#[inline]
pub(crate) fn cached_store_global(
    cache: &mut [GlobalEntry],
    globals: &ObjRef,
    name: &Value,
    value: Value,
) -> Option<Value> {
    let (Value::Obj(name_obj), Object::Dict(dict)) = (name, &**globals) else {
        return Some(value);
    };
    let key = (address(globals), address(name_obj));
    let slot = slot_of(key.0, key.1);
    let Some(entry) = cache.get(slot).copied() else {
        return Some(value);
    };
    let mut map = dict.lock();
    let position =
        if entry.globals == key.0 && entry.name == key.1 && entry.globals_keys == u64::MAX {
            Some(entry.position as usize)
        } else {
            name.as_str()
                .and_then(|s| str_key_position(&map, name, s.hash()))
        };
    let Some(position) = position else {
        return Some(value);
    };
    let valid = matches!(map.entry(position).map(|e| &e.key), Some(Value::Obj(k)) if Arc::ptr_eq(k, name_obj));
    if !valid {
        return Some(value);
    }
    let old = map.set_at(position, value);
    dict.bump();
    drop(map);
    drop(old);
    cache[slot] = GlobalEntry {
        globals: key.0,
        name: key.1,
        position: position as u32,
        globals_keys: u64::MAX,
    };
    None
}

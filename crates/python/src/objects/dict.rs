//! `dict`: an insertion-ordered hash map keyed by Python values.
//!
//! Entries live in a vector in insertion order (a removed entry leaves a hole,
//! compacted later); a `hashbrown` table maps hashes to entry positions. Each
//! entry keeps its key's hash, so growing never calls `__hash__` again.
//!
//! Key equality is the caller's: [`DictMap::find`] takes a comparison that
//! answers without running Python code, or says it cannot (a key whose class
//! defines `__eq__`); the VM then releases the dict's lock, runs `__eq__` on
//! the candidates, and comes back (see `vm::dict_ops`).

use super::Value;
use super::lock::{Lock as Mutex, LockGuard as MutexGuard};
use hashbrown::HashTable;
use std::sync::atomic::{AtomicU64, Ordering};

/// One key and its value.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The key's hash.
    pub hash: i64,
    /// The key (`Value::Null` in a hole left by a removal).
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// The result of a lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Find {
    /// The key is at this entry position.
    Found(usize),
    /// The key is not there.
    Missing,
    /// A key with the same hash needs Python's `__eq__` to decide.
    Undecided,
}

/// The map behind a dict (used under the dict's lock).
#[derive(Debug, Default, Clone)]
pub struct DictMap {
    entries: Vec<Entry>,
    index: HashTable<u32>,
    len: usize,
    keys_version: u64,
}

impl DictMap {
    /// An empty map.
    pub fn new() -> DictMap {
        DictMap::default()
    }

    /// How many keys.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it has no key.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Finds the key with `hash` for which `eq` answers true.
    #[inline]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> Option<bool>) -> Find {
        let mut undecided = false;
        let entries = &self.entries;
        let found = self.index.find(hash as u64, |&position| {
            let entry = &entries[position as usize];
            if entry.hash != hash {
                return false;
            }
            match eq(&entry.key) {
                Some(same) => same,
                None => {
                    undecided = true;
                    false
                }
            }
        });
        match found {
            Some(&position) => Find::Found(position as usize),
            None if undecided => Find::Undecided,
            None => Find::Missing,
        }
    }

    /// A counter that changes whenever a key is added or removed (not when
    /// a value changes), for caches of where keys are.
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// The positions and keys of every entry whose hash is `hash`.
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.hash == hash && !entry.key.is_null())
            .map(|(position, entry)| (position, entry.key.clone()))
            .collect()
    }

    /// The entry at a position (`None` past the end or in a hole).
    #[inline]
    pub fn entry(&self, position: usize) -> Option<&Entry> {
        self.entries
            .get(position)
            .filter(|entry| !entry.key.is_null())
    }

    /// The value at a found position.
    #[inline]
    pub fn value_at(&self, position: usize) -> Option<&Value> {
        self.entry(position).map(|entry| &entry.value)
    }

    /// Replaces the value at a found position, returning the old one.
    pub fn set_at(&mut self, position: usize, value: Value) -> Option<Value> {
        let entry = self.entries.get_mut(position)?;
        if entry.key.is_null() {
            return None;
        }
        Some(std::mem::replace(&mut entry.value, value))
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let position = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        self.index
            .insert_unique(hash as u64, position, |&p| entries[p as usize].hash as u64);
        self.len += 1;
        self.keys_version += 1;
    }

    /// Removes the entry at a found position, returning its key and value.
    pub fn remove_at(&mut self, position: usize) -> Option<(Value, Value)> {
        let hash = self.entry(position)?.hash;
        if let Ok(found) = self
            .index
            .find_entry(hash as u64, |&p| p as usize == position)
        {
            found.remove();
        }
        let entry = &mut self.entries[position];
        let key = std::mem::take(&mut entry.key);
        let value = std::mem::take(&mut entry.value);
        self.len -= 1;
        self.keys_version += 1;
        self.compact_if_sparse();
        Some((key, value))
    }

    /// Removes and returns the last entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let position = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let removed = self.remove_at(position);
        self.entries.truncate(self.last_live_end());
        removed
    }

    fn last_live_end(&self) -> usize {
        self.entries
            .iter()
            .rposition(|e| !e.key.is_null())
            .map_or(0, |p| p + 1)
    }

    fn compact_if_sparse(&mut self) {
        let holes = self.entries.len() - self.len;
        if holes > 8 && holes > self.len {
            self.entries.retain(|entry| !entry.key.is_null());
            self.reindex();
        }
    }

    fn reindex(&mut self) {
        self.index.clear();
        self.keys_version += 1;
        for (position, entry) in self.entries.iter().enumerate() {
            let entries = &self.entries;
            self.index
                .insert_unique(entry.hash as u64, position as u32, |&p| {
                    entries[p as usize].hash as u64
                });
        }
    }

    /// Removes every entry.
    pub fn clear(&mut self) -> Vec<Entry> {
        self.index.clear();
        self.keys_version += 1;
        self.len = 0;
        std::mem::take(&mut self.entries)
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|entry| !entry.key.is_null())
    }

    /// How far positions go (live or not), for iterators that hold a position.
    pub fn capacity_end(&self) -> usize {
        self.entries.len()
    }

    /// The keys, in order.
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|entry| entry.key.clone()).collect()
    }

    /// The values, in order.
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|entry| entry.value.clone()).collect()
    }

    /// The `(key, value)` pairs, in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter()
            .map(|entry| (entry.key.clone(), entry.value.clone()))
            .collect()
    }
}

/// The payload of a dict object: its map behind a lock, and a version that
/// changes with every write (read without the lock by caches).
#[derive(Debug, Default)]
pub struct Dict {
    map: Mutex<DictMap>,
    version: AtomicU64,
}

impl Dict {
    /// A dict holding `map`.
    pub fn new(map: DictMap) -> Dict {
        Dict {
            map: Mutex::new(map),
            version: AtomicU64::new(0),
        }
    }

    /// Locks the map for one Rust-level operation. Writers call
    /// [`Dict::bump`] before releasing it.
    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, DictMap> {
        self.map.lock()
    }

    /// Records a write.
    #[inline]
    pub fn bump(&self) {
        self.version.fetch_add(1, Ordering::Release);
    }

    /// The write counter.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }

    /// How many keys, for a dict being dropped.
    pub fn len_mut(&mut self) -> usize {
        self.map.get_mut().len()
    }

    /// Moves every key and value into `graveyard` (the end-of-program sweep).
    pub fn drain_into(&self, graveyard: &mut Vec<Value>) {
        let entries = self.map.lock().clear();
        for entry in entries {
            graveyard.push(entry.key);
            graveyard.push(entry.value);
        }
        self.bump();
    }
}

/// Key equality that needs no Python code: identity, text, numbers, tuples
/// of those; `None` when a class's `__eq__` must decide.
pub fn fast_key_eq(stored: &Value, key: &Value) -> Option<bool> {
    use super::Object;
    if stored.is(key) {
        return Some(true);
    }
    match (stored, key) {
        (Value::Obj(a), Value::Obj(b)) => match (&**a, &**b) {
            (Object::Str(x), Object::Str(y)) => Some(x.as_str() == y.as_str()),
            (Object::Tuple(x), Object::Tuple(y)) => {
                if x.len() != y.len() {
                    return Some(false);
                }
                for (p, q) in x.iter().zip(y.iter()) {
                    if !fast_key_eq(p, q)? {
                        return Some(false);
                    }
                }
                Some(true)
            }
            (Object::Bytes(x), Object::Bytes(y)) => Some(x == y),
            (Object::Int(x), Object::Int(y)) => Some(x == y),
            (Object::FrozenSet(_), Object::FrozenSet(_)) => None,
            (Object::Instance(_), _) | (_, Object::Instance(_)) => custom_eq(stored, key),
            _ => Some(false),
        },
        (Value::Obj(_), _) | (_, Value::Obj(_)) => {
            if let (Some(x), Some(y)) = (super::int::as_int(stored), super::int::as_int(key)) {
                return Some(super::int::compare(x, y).is_eq());
            }
            if let (Some(Ok(x)), Some(Ok(y))) =
                (super::float::as_float(stored), super::float::as_float(key))
                && (matches!(stored, Value::Float(_)) || matches!(key, Value::Float(_)))
            {
                return Some(x == y);
            }
            custom_eq(stored, key)
        }
        _ => {
            if let Some(same) =
                crate::vm::ops::fast_compare(crate::compile::CmpKind::Eq, stored, key)
            {
                return Some(same);
            }
            if let (Some(x), Some(y)) = (super::int::as_int(stored), super::int::as_int(key)) {
                return Some(super::int::compare(x, y).is_eq());
            }
            if let (Some(Ok(x)), Some(Ok(y))) =
                (super::float::as_float(stored), super::float::as_float(key))
            {
                return Some(x == y);
            }
            Some(false)
        }
    }
}

fn custom_eq(a: &Value, b: &Value) -> Option<bool> {
    let has_eq = |v: &Value| {
        super::types::type_obj(v.class())
            .is_some_and(|t| !t.builtin && t.has(super::types::flags::HAS_EQ))
    };
    if has_eq(a) || has_eq(b) {
        None
    } else {
        Some(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_int(key: i64) -> impl Fn(&Value) -> Option<bool> {
        move |k| Some(matches!(k, Value::Int(n) if *n == key))
    }

    #[test]
    fn keeps_insertion_order_through_removals() {
        let mut map = DictMap::new();
        for n in 0..20 {
            map.insert_new(n, Value::Int(n), Value::Int(n * 10));
        }
        for n in 0..15 {
            let Find::Found(position) = map.find(n, same_int(n)) else {
                panic!("key {n} missing");
            };
            map.remove_at(position);
        }
        map.insert_new(3, Value::Int(3), Value::Int(0));
        let keys: Vec<i64> = map
            .iter()
            .map(|e| match e.key {
                Value::Int(n) => n,
                _ => -1,
            })
            .collect();
        assert_eq!(keys, vec![15, 16, 17, 18, 19, 3]);
        let Find::Found(position) = map.find(17, same_int(17)) else {
            panic!("17 is missing");
        };
        assert!(matches!(
            map.entry(position).map(|e| &e.key),
            Some(Value::Int(17))
        ));
        assert_eq!(map.find(4, same_int(4)), Find::Missing);
    }
}

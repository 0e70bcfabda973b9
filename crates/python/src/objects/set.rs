//! `set` and `frozenset`: an open-addressing table laid out as CPython lays
//! out its own (same probe sequence, same growth), so that a set prints its
//! items in the order CPython prints them.
//!
//! As with dicts, key equality is the caller's: a comparison that may answer
//! "undecided" when only Python's `__eq__` can tell (see `vm::set_ops`).

use super::Value;
use super::dict::Find;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Debug, Clone, Default)]
enum Slot {
    #[default]
    Empty,
    Dummy,
    Full(i64, Value),
}

/// The table behind a set.
#[derive(Debug, Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl SetTable {
    /// An empty table.
    pub fn new() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// How many items.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether it is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Finds the item with `hash` for which `eq` answers true (the position
    /// is a slot index).
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> Option<bool>) -> Find {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut undecided = false;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => {
                        return if undecided {
                            Find::Undecided
                        } else {
                            Find::Missing
                        };
                    }
                    Slot::Full(h, key) if *h == hash => match eq(key) {
                        Some(true) => return Find::Found(j),
                        Some(false) => {}
                        None => undecided = true,
                    },
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Items with hash `hash`, for the undecided path.
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| match slot {
                Slot::Full(h, key) if *h == hash => Some((i, key.clone())),
                _ => None,
            })
            .collect()
    }

    /// The item at a slot index.
    pub fn key_at(&self, position: usize) -> Option<&Value> {
        match self.slots.get(position) {
            Some(Slot::Full(_, key)) => Some(key),
            _ => None,
        }
    }

    /// Adds a key known to be absent (found `Missing` just before, under the
    /// same lock), placing it where CPython's insertion would.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free_slot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => {
                        if let Some(free) = free_slot {
                            self.slots[free] = Slot::Full(hash, key);
                            self.used += 1;
                            return;
                        }
                        self.slots[j] = Slot::Full(hash, key);
                        self.fill += 1;
                        self.used += 1;
                        if self.fill * 5 >= mask * 3 {
                            let target = if self.used > 50_000 {
                                self.used * 2
                            } else {
                                self.used * 4
                            };
                            self.resize(target);
                        }
                        return;
                    }
                    Slot::Dummy if free_slot.is_none() => free_slot = Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for slot in &mut slots[i..=i + probes] {
                if matches!(slot, Slot::Empty) {
                    *slot = Slot::Full(hash, key);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Full(hash, key) = slot {
                SetTable::insert_clean(&mut self.slots, hash, key);
            }
        }
    }

    /// Removes the item at a slot index.
    pub fn remove_at(&mut self, position: usize) -> Option<Value> {
        match self.slots.get(position) {
            Some(Slot::Full(..)) => {}
            _ => return None,
        }
        let Slot::Full(_, key) = std::mem::replace(&mut self.slots[position], Slot::Dummy) else {
            return None;
        };
        self.used -= 1;
        Some(key)
    }

    /// Removes and returns an arbitrary item, as `set.pop()` picks it.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.slots[i], Slot::Full(..)) {
            i = (i + 1) & mask;
        }
        self.finger = i + 1;
        self.remove_at(i)
    }

    /// Makes room for `incoming` more items in one go, as CPython's merge does.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Removes every item.
    pub fn clear(&mut self) -> Vec<Value> {
        let old = std::mem::take(self);
        old.slots
            .into_iter()
            .filter_map(|slot| match slot {
                Slot::Full(_, key) => Some(key),
                _ => None,
            })
            .collect()
    }

    /// Moves every item into `graveyard`.
    pub fn drain_into(&mut self, graveyard: &mut Vec<Value>) {
        graveyard.extend(self.clear());
    }

    /// Items with their hashes, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.slots.iter().filter_map(|slot| match slot {
            Slot::Full(hash, key) => Some((*hash, key)),
            _ => None,
        })
    }

    /// The first item at or after slot `position`, with the slot after it
    /// (for iterators).
    pub fn next_from(&self, position: usize) -> Option<(usize, &Value)> {
        self.slots
            .iter()
            .enumerate()
            .skip(position)
            .find_map(|(i, slot)| match slot {
                Slot::Full(_, key) => Some((i + 1, key)),
                _ => None,
            })
    }

    /// The items, in table order.
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(_, key)| key.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::hash;

    fn set_of(keys: &[i64]) -> SetTable {
        let mut table = SetTable::new();
        for &k in keys {
            let h = hash::int(k);
            if table.find(h, |v| Some(matches!(v, Value::Int(n) if *n == k))) == Find::Missing {
                table.insert_new(h, Value::Int(k));
            }
        }
        table
    }

    fn order(table: &SetTable) -> Vec<i64> {
        table
            .iter()
            .map(|(_, v)| match v {
                Value::Int(n) => *n,
                _ => -1,
            })
            .collect()
    }

    // CPython 3.11 prints {10, 3, 7, 100, 1} as {1, 3, 100, 7, 10}.
    #[test]
    fn iterates_in_cpython_order() {
        assert_eq!(order(&set_of(&[10, 3, 7, 100, 1])), vec![1, 3, 100, 7, 10]);
        let many: Vec<i64> = (0..40).map(|n| n * 37 % 101).collect();
        let table = set_of(&many);
        assert_eq!(table.len(), 40);
    }
}

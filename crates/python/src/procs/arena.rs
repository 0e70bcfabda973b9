//! Shared memory for `multiprocessing.Value` and `Array` where processes
//! are instances that share one buffer of 64-bit words and nothing else (a
//! browser's `SharedArrayBuffer`). Every process makes its blocks in the
//! same buffer, so the buffer holds its own bookkeeping: how many words are
//! taken, and a directory from block number to place. A process learns of a
//! block only from a pickle its creator sent after making it, so an entry
//! is always complete when another process looks for it.
//!
//! Layout, in words: `[0]` data words taken, `[1]` directory entries
//! taken, then [`DIRECTORY`] entries of two words (block number + 1, then
//! start << 32 | length), then the data.

use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// Blocks one run may make in its arena (each `Value` or `Array` is one).
pub const DIRECTORY: usize = 256;
/// Words of the directory and the counts before it.
const HEADER: usize = 2 + 2 * DIRECTORY;
/// The arena's size a host makes: the header and 32 Ki items (256 KiB).
pub const ARENA_WORDS: usize = HEADER + (32 << 10);

/// 64-bit words every process reaches, each access sequentially consistent.
pub trait Words: Send + Sync {
    fn count(&self) -> usize;
    fn load(&self, index: usize) -> u64;
    fn store(&self, index: usize, value: u64);
    /// Adds `value` and returns the word's previous value.
    fn fetch_add(&self, index: usize, value: u64) -> u64;
}

impl Words for [AtomicU64] {
    fn count(&self) -> usize {
        <[AtomicU64]>::len(self)
    }
    fn load(&self, index: usize) -> u64 {
        self[index].load(Ordering::SeqCst)
    }
    fn store(&self, index: usize, value: u64) {
        self[index].store(value, Ordering::SeqCst);
    }
    fn fetch_add(&self, index: usize, value: u64) -> u64 {
        self[index].fetch_add(value, Ordering::SeqCst)
    }
}

/// Words another owner keeps (an instance's memory for the whole run).
impl<T: Words + ?Sized> Words for &'static T {
    fn count(&self) -> usize {
        (**self).count()
    }
    fn load(&self, index: usize) -> u64 {
        (**self).load(index)
    }
    fn store(&self, index: usize, value: u64) {
        (**self).store(index, value);
    }
    fn fetch_add(&self, index: usize, value: u64) -> u64 {
        (**self).fetch_add(index, value)
    }
}

/// One process's view of the run's arena.
pub struct Arena<W: ?Sized + Words> {
    /// Places already looked up: (start in words, length).
    places: Mutex<HashMap<u64, (usize, usize)>>,
    words: Box<W>,
}

impl<W: ?Sized + Words> std::fmt::Debug for Arena<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Arena({} words)", self.words.count())
    }
}

impl<W: ?Sized + Words> Arena<W> {
    /// A view of `words`: zeroed by whoever made them, or already in use by
    /// other processes.
    pub fn new(words: Box<W>) -> Arena<W> {
        Arena {
            places: Mutex::new(HashMap::new()),
            words,
        }
    }

    /// Makes block `block` of `length` zeroed words. An `Err` (the arena is
    /// full) leaves the block to the host's other means.
    pub fn create(&self, block: u64, length: usize) -> Result<(), String> {
        let data = self.words.count().saturating_sub(HEADER);
        let entry = self.words.fetch_add(1, 1) as usize;
        if entry >= DIRECTORY {
            return Err(format!("more than {DIRECTORY} blocks of shared memory"));
        }
        let start = self.words.fetch_add(0, length as u64) as usize;
        if start + length > data {
            return Err(format!("shared memory holds at most {data} items"));
        }
        let at = 2 + 2 * entry;
        self.words
            .store(at + 1, ((start as u64) << 32) | length as u64);
        // The key last: an entry with its key is complete.
        self.words.store(at, block + 1);
        self.places.lock().insert(block, (start, length));
        Ok(())
    }

    fn place(&self, block: u64) -> Option<(usize, usize)> {
        if let Some(place) = self.places.lock().get(&block) {
            return Some(*place);
        }
        let entries = (self.words.load(1) as usize).min(DIRECTORY);
        let at = (0..entries)
            .map(|entry| 2 + 2 * entry)
            .find(|&at| self.words.load(at) == block + 1)?;
        let packed = self.words.load(at + 1);
        let place = ((packed >> 32) as usize, (packed & 0xffff_ffff) as usize);
        self.places.lock().insert(block, place);
        Some(place)
    }

    fn word(&self, block: u64, index: usize) -> Option<usize> {
        let (start, length) = self.place(block)?;
        (index < length).then_some(HEADER + start + index)
    }

    /// Word `index` of block `block`, if there is one.
    pub fn load(&self, block: u64, index: usize) -> Option<u64> {
        Some(self.words.load(self.word(block, index)?))
    }

    /// Writes word `index` of block `block`; `false` if there is none.
    pub fn store(&self, block: u64, index: usize, value: u64) -> bool {
        self.word(block, index)
            .map(|at| self.words.store(at, value))
            .is_some()
    }
}

/// `words` zeroed words in this instance's memory.
pub fn zeroed(words: usize) -> Box<[AtomicU64]> {
    (0..words).map(|_| AtomicU64::new(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words for a test's processes (kept for the test run).
    fn buffer(words: usize) -> &'static [AtomicU64] {
        Box::leak(zeroed(words))
    }

    fn view(words: &'static [AtomicU64]) -> Arena<&'static [AtomicU64]> {
        Arena::new(Box::new(words))
    }

    /// Two processes' views of one buffer.
    fn two_views() -> (Arena<&'static [AtomicU64]>, Arena<&'static [AtomicU64]>) {
        let words = buffer(HEADER + 64);
        (view(words), view(words))
    }

    #[test]
    fn a_block_made_by_one_process_is_read_and_written_by_another() {
        let (parent, child) = two_views();
        parent.create(7, 3).unwrap();
        parent.create(9, 2).unwrap();
        assert!(parent.store(7, 2, 41));
        assert_eq!(child.load(7, 2), Some(41));
        assert!(child.store(9, 0, u64::MAX));
        assert_eq!(parent.load(9, 0), Some(u64::MAX));
        // Blocks do not overlap: block 7's last item is untouched by 9's.
        assert_eq!(child.load(7, 2), Some(41));
        assert_eq!(child.load(9, 1), Some(0));
    }

    #[test]
    fn out_of_range_and_unknown_blocks_are_refused() {
        let (parent, child) = two_views();
        parent.create(1, 2).unwrap();
        assert_eq!(child.load(1, 2), None);
        assert!(!child.store(1, 5, 0));
        assert_eq!(child.load(2, 0), None);
    }

    #[test]
    fn a_full_arena_says_so_and_keeps_its_blocks() {
        let (parent, child) = two_views();
        parent.create(1, 60).unwrap();
        let full = parent.create(2, 5).unwrap_err();
        assert!(full.contains("at most 64 items"), "{full}");
        assert!(parent.store(1, 59, 3));
        assert_eq!(child.load(1, 59), Some(3));
        assert_eq!(child.load(2, 0), None);
    }

    #[test]
    fn processes_making_blocks_at_once_get_blocks_of_their_own() {
        let words = buffer(HEADER + 4 * 8 * 2);
        std::thread::scope(|scope| {
            for process in 0..4u64 {
                let view = view(words);
                scope.spawn(move || {
                    for n in 0..8 {
                        let block = process * 100 + n;
                        view.create(block, 2).unwrap();
                        assert!(view.store(block, 1, block));
                    }
                });
            }
        });
        let reader = view(words);
        for process in 0..4u64 {
            for n in 0..8 {
                let block = process * 100 + n;
                assert_eq!(reader.load(block, 0), Some(0), "block {block}");
                assert_eq!(reader.load(block, 1), Some(block), "block {block}");
            }
        }
    }

    #[test]
    fn the_directory_has_a_limit() {
        let (parent, _) = two_views();
        for block in 0..DIRECTORY as u64 {
            parent.create(block, 0).unwrap();
        }
        assert!(parent.create(999, 1).unwrap_err().contains("blocks"));
    }
}

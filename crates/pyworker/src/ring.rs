//! A one-way ring of messages in memory two workers share: one writer (a
//! parent's worker), one reader (its child's), neither waiting for the
//! other. A child blocked in place (inside a call that called back into
//! Python) cannot get a `postMessage` until it returns to its event loop;
//! it can read this ring, so its waits for another process end.
//!
//! Positions count bytes ever written and read (wrapping at 2^32, a
//! multiple of the capacity). A message goes in frames of at most a
//! quarter of the ring, each a little-endian `u32` (length, top bit set
//! when more frames of the same message follow) and its bytes.

/// The ring's words: bytes written, bytes read, and a counter the writer
/// bumps after every write (for the reader to sleep on).
pub const WRITTEN: usize = 0;
pub const READ: usize = 1;
pub const BELL: usize = 2;
pub const HEADER_WORDS: usize = 3;

const MORE: u32 = 1 << 31;

/// Memory shared by the two ends: [`HEADER_WORDS`] 32-bit words read and
/// written atomically, and `capacity()` bytes (a power of two) for data.
pub trait RingMemory {
    fn capacity(&self) -> usize;
    fn load(&self, word: usize) -> u32;
    fn store(&self, word: usize, value: u32);
    /// Copies `bytes` to data bytes `at..` (never past the end).
    fn write(&self, at: usize, bytes: &[u8]);
    /// Copies data bytes `at..` into `out` (never past the end).
    fn read(&self, at: usize, out: &mut [u8]);
}

fn put<M: RingMemory + ?Sized>(memory: &M, position: u32, bytes: &[u8]) {
    let capacity = memory.capacity();
    let at = position as usize % capacity;
    let first = bytes.len().min(capacity - at);
    memory.write(at, &bytes[..first]);
    memory.write(0, &bytes[first..]);
}

fn get<M: RingMemory + ?Sized>(memory: &M, position: u32, out: &mut [u8]) {
    let capacity = memory.capacity();
    let at = position as usize % capacity;
    let first = out.len().min(capacity - at);
    let (head, tail) = out.split_at_mut(first);
    memory.read(at, head);
    memory.read(0, tail);
}

/// The writing end: messages wait here until the ring has room for them,
/// a frame at a time, so a message of any length gets through as the
/// reader reads.
#[derive(Debug, Default)]
pub struct Writer {
    queue: std::collections::VecDeque<Vec<u8>>,
    /// Bytes of the first queued message already in the ring.
    sent: usize,
}

impl Writer {
    /// Queues `message` and writes what fits.
    pub fn send<M: RingMemory + ?Sized>(&mut self, memory: &M, message: Vec<u8>) {
        self.queue.push_back(message);
        self.flush(memory);
    }

    /// Whether messages wait for room.
    pub fn is_waiting(&self) -> bool {
        !self.queue.is_empty()
    }

    /// Writes as many waiting frames as fit; `true` if it wrote any.
    pub fn flush<M: RingMemory + ?Sized>(&mut self, memory: &M) -> bool {
        let most = memory.capacity() / 4 - 4;
        let mut written = memory.load(WRITTEN);
        let start = written;
        while let Some(message) = self.queue.front() {
            let length = (message.len() - self.sent).min(most);
            let free = memory.capacity() - written.wrapping_sub(memory.load(READ)) as usize;
            if 4 + length > free {
                break;
            }
            let end = self.sent + length;
            let more = if end < message.len() { MORE } else { 0 };
            put(memory, written, &(length as u32 | more).to_le_bytes());
            put(memory, written.wrapping_add(4), &message[self.sent..end]);
            written = written.wrapping_add(4 + length as u32);
            // Published frame by frame: the reader takes each as it comes.
            memory.store(WRITTEN, written);
            if more == 0 {
                self.queue.pop_front();
                self.sent = 0;
            } else {
                self.sent = end;
            }
        }
        if written == start {
            return false;
        }
        memory.store(BELL, memory.load(BELL).wrapping_add(1));
        true
    }
}

/// The reading end: the frames of a message read so far.
#[derive(Debug, Default)]
pub struct Reader {
    partial: Vec<u8>,
}

impl Reader {
    /// The next whole message, if all of it is there (frames of one not yet
    /// whole are taken out of the ring and kept).
    pub fn receive<M: RingMemory + ?Sized>(&mut self, memory: &M) -> Option<Vec<u8>> {
        let written = memory.load(WRITTEN);
        let mut read = memory.load(READ);
        while read != written {
            let mut head = [0u8; 4];
            get(memory, read, &mut head);
            let head = u32::from_le_bytes(head);
            let length = (head & !MORE) as usize;
            let start = self.partial.len();
            self.partial.resize(start + length, 0);
            get(memory, read.wrapping_add(4), &mut self.partial[start..]);
            read = read.wrapping_add(4 + length as u32);
            memory.store(READ, read);
            if head & MORE == 0 {
                return Some(std::mem::take(&mut self.partial));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// A ring in ordinary memory, with positions starting where a test says
    /// (to cross the 2^32 wrap).
    struct Plain {
        words: RefCell<[u32; HEADER_WORDS]>,
        data: RefCell<Vec<u8>>,
    }

    impl Plain {
        fn new(capacity: usize, start: u32) -> Plain {
            Plain {
                words: RefCell::new([start, start, 0]),
                data: RefCell::new(vec![0; capacity]),
            }
        }
    }

    impl RingMemory for Plain {
        fn capacity(&self) -> usize {
            self.data.borrow().len()
        }
        fn load(&self, word: usize) -> u32 {
            self.words.borrow()[word]
        }
        fn store(&self, word: usize, value: u32) {
            self.words.borrow_mut()[word] = value;
        }
        fn write(&self, at: usize, bytes: &[u8]) {
            self.data.borrow_mut()[at..at + bytes.len()].copy_from_slice(bytes);
        }
        fn read(&self, at: usize, out: &mut [u8]) {
            out.copy_from_slice(&self.data.borrow()[at..at + out.len()]);
        }
    }

    fn message(n: usize, seed: u8) -> Vec<u8> {
        (0..n)
            .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
            .collect()
    }

    #[test]
    fn messages_come_out_whole_and_in_order() {
        let ring = Plain::new(64, 0);
        let (mut writer, mut reader) = (Writer::default(), Reader::default());
        assert_eq!(reader.receive(&ring), None);
        for (n, seed) in [(5, 1), (0, 2), (11, 3)] {
            writer.send(&ring, message(n, seed));
        }
        assert_eq!(reader.receive(&ring), Some(message(5, 1)));
        assert_eq!(reader.receive(&ring), Some(vec![]));
        assert_eq!(reader.receive(&ring), Some(message(11, 3)));
        assert_eq!(reader.receive(&ring), None);
        assert_eq!(ring.load(BELL), 3);
    }

    #[test]
    fn a_full_ring_keeps_messages_until_the_reader_makes_room() {
        let ring = Plain::new(64, 0);
        let (mut writer, mut reader) = (Writer::default(), Reader::default());
        for seed in 0..6 {
            writer.send(&ring, message(10, seed));
        }
        assert!(
            writer.is_waiting(),
            "60 bytes and six frames do not fit in 64"
        );
        for seed in 0..6 {
            let got = reader.receive(&ring);
            writer.flush(&ring);
            assert_eq!(got, Some(message(10, seed)));
        }
        assert!(!writer.is_waiting());
    }

    #[test]
    fn messages_wrap_around_the_end_and_the_position_counter() {
        let ring = Plain::new(64, u32::MAX - 30);
        let (mut writer, mut reader) = (Writer::default(), Reader::default());
        for round in 0..20u8 {
            let sent = message(7 + usize::from(round) % 13, round);
            writer.send(&ring, sent.clone());
            assert_eq!(reader.receive(&ring), Some(sent), "round {round}");
        }
    }

    #[test]
    fn a_message_many_times_the_ring_gets_through_as_the_reader_reads() {
        let ring = Plain::new(64, 0);
        let (mut writer, mut reader) = (Writer::default(), Reader::default());
        let long = message(1000, 9);
        writer.send(&ring, long.clone());
        writer.send(&ring, message(3, 4));
        let mut got = Vec::new();
        for _ in 0..200 {
            got.extend(reader.receive(&ring));
            writer.flush(&ring);
        }
        assert_eq!(got, vec![long, message(3, 4)]);
        assert!(!writer.is_waiting());
    }
}

//! A child process's mailbox: the broker's notices for it, written by its
//! parent's worker into a [`ring`](crate::ring) in a `SharedArrayBuffer`
//! (on a cross-origin isolated page). The child reads it between steps and,
//! unlike a `postMessage`, also while one of its threads waits in place
//! inside a call that called back into Python (`Atomics.wait` on the ring's
//! bell): its waits for another process end there too. A `Mail` message
//! wakes the child's event loop when it sleeps between steps.

use crate::ring::{BELL, HEADER_WORDS, Reader, RingMemory, Writer};
use js_sys::{Atomics, Int32Array, SharedArrayBuffer, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// Data bytes of a child's mailbox.
const CAPACITY: u32 = 256 << 10;
/// Bytes before the data (the ring's words, rounded up).
const HEADER_BYTES: u32 = 16;

/// A ring seen through views of its buffer.
pub struct JsRing {
    words: Int32Array,
    data: Uint8Array,
}

impl JsRing {
    fn over(buffer: &SharedArrayBuffer) -> JsRing {
        JsRing {
            words: Int32Array::new_with_byte_offset_and_length(buffer, 0, HEADER_WORDS as u32),
            data: Uint8Array::new_with_byte_offset_and_length(buffer, HEADER_BYTES, CAPACITY),
        }
    }
}

impl RingMemory for JsRing {
    fn capacity(&self) -> usize {
        CAPACITY as usize
    }
    fn load(&self, word: usize) -> u32 {
        Atomics::load(&self.words, word as u32).unwrap_or_default() as u32
    }
    fn store(&self, word: usize, value: u32) {
        let _ = Atomics::store(&self.words, word as u32, value as i32);
    }
    fn write(&self, at: usize, bytes: &[u8]) {
        if !bytes.is_empty() {
            let end = (at + bytes.len()) as u32;
            self.data.subarray(at as u32, end).copy_from(bytes);
        }
    }
    fn read(&self, at: usize, out: &mut [u8]) {
        if !out.is_empty() {
            let end = (at + out.len()) as u32;
            self.data.subarray(at as u32, end).copy_to(out);
        }
    }
}

/// Whether this worker may make a `SharedArrayBuffer`.
pub fn shared_buffers_allowed() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// The parent's end of one child's mailbox.
pub struct Outbox {
    buffer: SharedArrayBuffer,
    ring: JsRing,
    writer: Writer,
}

impl Outbox {
    /// A new, empty mailbox, if the page allows shared buffers.
    pub fn new() -> Option<Outbox> {
        if !shared_buffers_allowed() {
            return None;
        }
        let buffer = SharedArrayBuffer::new(HEADER_BYTES + CAPACITY);
        Some(Outbox {
            ring: JsRing::over(&buffer),
            buffer,
            writer: Writer::default(),
        })
    }

    /// The buffer, for the child's start message.
    pub fn buffer(&self) -> JsValue {
        self.buffer.clone().into()
    }

    /// Queues a notice; `true` if the child has new mail to wake up for.
    pub fn send(&mut self, notice: Vec<u8>) -> bool {
        self.writer.send(&self.ring, notice);
        self.rang()
    }

    /// Writes what waited for room; `true` if the child has new mail.
    pub fn flush(&mut self) -> bool {
        self.writer.is_waiting() && self.writer.flush(&self.ring) && self.rang()
    }

    fn rang(&self) -> bool {
        let _ = Atomics::notify(&self.ring.words, BELL as u32);
        true
    }
}

thread_local! {
    /// This child's end of its mailbox (a child runs on its worker alone).
    static INBOX: RefCell<Option<(JsRing, Reader)>> = const { RefCell::new(None) };
}

/// Opens the mailbox a child's parent handed it.
pub fn open(buffer: &JsValue) -> bool {
    let Some(buffer) = wasm_bindgen::JsCast::dyn_ref::<SharedArrayBuffer>(buffer) else {
        return false;
    };
    INBOX.set(Some((JsRing::over(buffer), Reader::default())));
    true
}

/// Hands every whole notice in the mailbox to `deliver`; how many there
/// were.
pub fn take(deliver: &mut dyn FnMut(&[u8])) -> usize {
    let mut count = 0;
    loop {
        let notice = INBOX.with_borrow_mut(|inbox| {
            let (ring, reader) = inbox.as_mut()?;
            reader.receive(ring)
        });
        let Some(notice) = notice else {
            return count;
        };
        deliver(&notice);
        count += 1;
    }
}

/// Takes what is in the mailbox, or waits on this worker (blocking it) up
/// to `for_ms` for the parent to write, then takes that.
pub fn wait_and_take(for_ms: f64, deliver: &mut dyn FnMut(&[u8])) {
    let Some((words, bell)) = INBOX.with_borrow(|inbox| {
        let (ring, _) = inbox.as_ref()?;
        Some((ring.words.clone(), ring.load(BELL)))
    }) else {
        return;
    };
    if take(deliver) > 0 {
        return;
    }
    // A write since `bell` was read changed it: the wait returns at once.
    let _ = Atomics::wait_with_timeout(&words, BELL as u32, bell as i32, for_ms.max(0.0));
    take(deliver);
}

//! The interpreter's heap bookkeeping: the memory meter and the registry of
//! containers that frees reference cycles when a program ends.
//!
//! Objects are plain `Arc`s, so a cycle (every class, every recursive closure)
//! would leak. Each container that can take part in a cycle (lists, dicts,
//! sets, cells, generators, deques, exceptions) is registered here with a weak
//! reference when it is created; when a program ends, [`Heap::clear_all`]
//! empties every container still alive, which breaks every cycle and frees the
//! whole heap. The browser runs hundreds of programs in one page, so this
//! keeps its memory flat.
//!
//! The same place counts bytes: containers charge 16 bytes per slot, strings
//! their length. Counting is thread-local and flushed to the interpreter's
//! [`Heap`] in chunks, so the fast path is a `Cell` update.
//!
//! A host thread works for one interpreter at a time: [`enter`] makes a heap
//! the current one until the returned guard is dropped.

use crate::objects::{NativeBase, ObjRef, Object, PyErr, PyResult, Value};
use parking_lot::Mutex;
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::{Arc, Weak};

/// Bytes charged per container slot (a `Value`).
pub const SLOT_BYTES: usize = 16;
/// Local byte counts are flushed to the shared meter past this many bytes.
const FLUSH_BYTES: isize = 1 << 20;
/// Local registrations are moved to the shared registry in batches this big.
const FLUSH_TRACKED: usize = 1024;

/// One interpreter's heap: its registry and its memory meter.
#[derive(Debug)]
pub struct Heap {
    registry: Mutex<Registry>,
    bytes: AtomicIsize,
    limit: isize,
}

#[derive(Debug, Default)]
struct Registry {
    objects: Vec<Weak<Object>>,
    prune_at: usize,
}

impl Heap {
    /// A heap that refuses to grow past `limit_bytes`.
    pub fn new(limit_bytes: usize) -> Arc<Heap> {
        Arc::new(Heap {
            registry: Mutex::new(Registry {
                objects: Vec::new(),
                prune_at: 4096,
            }),
            bytes: AtomicIsize::new(0),
            limit: limit_bytes.min(isize::MAX as usize) as isize,
        })
    }

    /// Bytes counted so far (approximate).
    pub fn bytes(&self) -> isize {
        self.bytes.load(Ordering::Relaxed)
    }

    /// The cap.
    pub fn limit(&self) -> usize {
        self.limit as usize
    }

    fn add_tracked(&self, batch: &mut Vec<Weak<Object>>) {
        let mut registry = self.registry.lock();
        registry.objects.append(batch);
        if registry.objects.len() >= registry.prune_at {
            registry.objects.retain(|weak| weak.strong_count() > 0);
            registry.prune_at = (registry.objects.len() * 2).max(4096);
        }
    }

    /// How many registered containers are still alive.
    pub fn live_containers(&self) -> usize {
        flush_local();
        let registry = self.registry.lock();
        registry
            .objects
            .iter()
            .filter(|weak| weak.strong_count() > 0)
            .count()
    }

    /// Empties every registered container, breaking every cycle, so that the
    /// whole heap is freed. Contents are detached from all containers before
    /// anything is dropped, so long chains do not recurse deeply.
    pub fn clear_all(&self) {
        flush_local();
        let objects = std::mem::take(&mut self.registry.lock().objects);
        let alive: Vec<ObjRef> = objects.iter().filter_map(Weak::upgrade).collect();
        drop(objects);
        let mut graveyard: Vec<Value> = Vec::new();
        for obj in &alive {
            detach_contents(obj, &mut graveyard);
        }
        drop(alive);
        drop(graveyard);
    }
}

/// Moves what a container holds into `graveyard`, leaving it empty.
fn detach_contents(obj: &ObjRef, graveyard: &mut Vec<Value>) {
    match &**obj {
        Object::List(items) => graveyard.append(&mut items.lock()),
        Object::Dict(dict) => dict.drain_into(graveyard),
        Object::Set(set) => set.lock().drain_into(graveyard),
        Object::Cell(cell) => graveyard.push(std::mem::take(&mut *cell.lock())),
        Object::Deque(deque) => graveyard.extend(deque.lock().items.drain(..)),
        Object::Generator(generator) => generator.drain_into(graveyard),
        Object::Instance(instance) => match &instance.native {
            NativeBase::Exception(data) => data.lock().drain_into(graveyard),
            NativeBase::Dict(dict) => dict.drain_into(graveyard),
            NativeBase::List(items) => graveyard.append(&mut items.lock()),
            NativeBase::Tuple(_) => {}
            NativeBase::None => {}
        },
        _ => {}
    }
}

struct Local {
    heap: RefCell<Option<Arc<Heap>>>,
    pending_bytes: Cell<isize>,
    over_limit: Cell<bool>,
    tracked: RefCell<Vec<Weak<Object>>>,
}

thread_local! {
    static LOCAL: Local = const {
        Local {
            heap: RefCell::new(None),
            pending_bytes: Cell::new(0),
            over_limit: Cell::new(false),
            tracked: RefCell::new(Vec::new()),
        }
    };
}

/// Keeps a heap current on this host thread until dropped.
#[derive(Debug)]
pub struct HeapGuard {
    previous: Option<Arc<Heap>>,
}

/// Makes `heap` the current heap of this host thread.
pub fn enter(heap: &Arc<Heap>) -> HeapGuard {
    flush_local();
    let previous = LOCAL.with(|local| local.heap.replace(Some(heap.clone())));
    HeapGuard { previous }
}

impl Drop for HeapGuard {
    fn drop(&mut self) {
        flush_local();
        let previous = self.previous.take();
        LOCAL.with(|local| {
            local.heap.replace(previous);
            local.over_limit.set(false);
        });
    }
}

/// Moves this thread's pending counts and registrations to its heap.
pub fn flush_local() {
    LOCAL.with(|local| {
        let heap = local.heap.borrow();
        let Some(heap) = heap.as_ref() else {
            local.tracked.borrow_mut().clear();
            return;
        };
        let pending = local.pending_bytes.replace(0);
        let total = heap.bytes.fetch_add(pending, Ordering::Relaxed) + pending;
        local.over_limit.set(total > heap.limit);
        heap.add_tracked(&mut local.tracked.borrow_mut());
    });
}

/// Registers a new container so that cycles through it are freed at the end.
#[inline]
pub fn track(obj: &ObjRef) {
    LOCAL.with(|local| {
        let full = {
            let Ok(mut tracked) = local.tracked.try_borrow_mut() else {
                return;
            };
            tracked.push(Arc::downgrade(obj));
            tracked.len() >= FLUSH_TRACKED
        };
        if full {
            flush_local();
        }
    });
}

/// Counts `bytes` more (or fewer, if negative) without failing.
#[inline]
pub fn note_bytes(bytes: isize) {
    LOCAL.with(|local| {
        let pending = local.pending_bytes.get() + bytes;
        local.pending_bytes.set(pending);
        if pending.abs() >= FLUSH_BYTES {
            flush_local();
        }
    });
}

/// Counts `slots` more container slots; a `MemoryError` once over the cap.
#[inline]
pub fn charge_items(slots: usize) -> PyResult<()> {
    note_bytes((slots * SLOT_BYTES) as isize);
    if LOCAL.with(|local| local.over_limit.get()) {
        return Err(memory_error());
    }
    Ok(())
}

/// Counts `slots` fewer container slots.
#[inline]
pub fn refund_items(slots: usize) {
    note_bytes(-((slots * SLOT_BYTES) as isize));
}

/// Refuses, before allocating it, a block of `bytes` that would pass the cap.
pub fn reserve(bytes: usize) -> PyResult<()> {
    let fits = LOCAL.with(|local| {
        let heap = local.heap.borrow();
        let Some(heap) = heap.as_ref() else {
            return true;
        };
        let used = heap.bytes.load(Ordering::Relaxed) + local.pending_bytes.get();
        (bytes as isize) <= heap.limit.saturating_sub(used)
    });
    if fits { Ok(()) } else { Err(memory_error()) }
}

/// The `MemoryError` raised at the cap.
pub fn memory_error() -> PyErr {
    PyErr::bare(&crate::objects::types().memory_error)
}

//! Memory every process of a run shares (`multiprocessing.Value` and
//! `Array`): one [`Arena`] of 64-bit words that the program's worker makes
//! and hands each child with its start message.
//!
//! In the threaded build the words lie in this instance's own memory, a
//! `SharedArrayBuffer` already, which its Python threads reach on any
//! worker as plain atomics, and a child as a view of that buffer. In the
//! plain build on a cross-origin isolated page they are a
//! `SharedArrayBuffer` of their own, reached through `Atomics` (the main
//! instance runs on one worker there). Without isolation there is no shared
//! memory: the blocks live in the broker.

use js_sys::{Atomics, BigInt64Array};
use std::cell::RefCell;
use std::sync::OnceLock;
use threadline_python::procs::arena::{ARENA_WORDS, Arena, Words};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Atomics.load` with a number for the index (js-sys's binding for
    /// 64-bit arrays passes a BigInt, which `Atomics` refuses as an index).
    #[wasm_bindgen(js_namespace = Atomics, js_name = load, catch)]
    fn atomics_load(view: &BigInt64Array, index: u32) -> Result<i64, JsValue>;
}

type SharedArena = Arena<dyn Words>;

/// Where a child finds the run's words: a buffer, and the words' place in it.
pub struct Handoff {
    pub buffer: JsValue,
    pub byte_offset: u32,
    pub words: u32,
}

thread_local! {
    /// This worker's view of a `SharedArrayBuffer` arena.
    static VIEW: RefCell<Option<BigInt64Array>> = const { RefCell::new(None) };
}

/// Words reached through this worker's [`VIEW`] (set before any use).
struct ViewWords(usize);

impl ViewWords {
    fn with<T>(&self, use_it: impl FnOnce(&BigInt64Array) -> T) -> T {
        VIEW.with_borrow(|view| use_it(view.as_ref().expect("the arena's view is set first")))
    }
}

impl Words for ViewWords {
    fn count(&self) -> usize {
        self.0
    }
    fn load(&self, index: usize) -> u64 {
        self.with(|view| atomics_load(view, index as u32).unwrap_or_default() as u64)
    }
    fn store(&self, index: usize, value: u64) {
        self.with(|view| {
            let _ = Atomics::store_bigint(view, index as u32, value as i64);
        });
    }
    fn fetch_add(&self, index: usize, value: u64) -> u64 {
        self.with(|view| Atomics::add_bigint(view, index as u32, value as i64).unwrap_or_default())
            as u64
    }
}

/// The run's shared memory as one instance sees it, made when first needed.
#[derive(Debug, Default)]
pub struct SharedMemory {
    arena: OnceLock<Option<SharedArena>>,
}

impl SharedMemory {
    /// A child's view of the words its parent handed it.
    pub fn for_child(handoff: Option<Handoff>) -> SharedMemory {
        let memory = SharedMemory::default();
        let arena = handoff.and_then(|handoff| {
            let buffer = handoff
                .buffer
                .dyn_into::<js_sys::SharedArrayBuffer>()
                .ok()?;
            let view = BigInt64Array::new_with_byte_offset_and_length(
                &buffer,
                handoff.byte_offset,
                handoff.words,
            );
            VIEW.set(Some(view));
            Some(Arena::new(
                Box::new(ViewWords(handoff.words as usize)) as Box<dyn Words>
            ))
        });
        let _ = memory.arena.set(arena);
        memory
    }

    /// The arena, if this page has shared memory.
    pub fn arena(&self) -> Option<&SharedArena> {
        self.arena.get_or_init(make_arena).as_ref()
    }

    /// What a child needs to reach the same words.
    pub fn handoff(&self) -> Option<Handoff> {
        self.arena()?;
        #[cfg(feature = "threads")]
        {
            let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
            let (address, words) = IN_MEMORY.get()?;
            Some(Handoff {
                buffer: memory.buffer(),
                byte_offset: *address,
                words: *words,
            })
        }
        #[cfg(not(feature = "threads"))]
        {
            VIEW.with_borrow(|view| {
                let view = view.as_ref()?;
                Some(Handoff {
                    buffer: view.buffer().into(),
                    byte_offset: 0,
                    words: ARENA_WORDS as u32,
                })
            })
        }
    }
}

/// The words' address in this instance's memory, and their count.
#[cfg(feature = "threads")]
static IN_MEMORY: OnceLock<(u32, u32)> = OnceLock::new();

/// In the threaded build, words in this instance's (shared) memory, kept
/// for the run (the worker ends with it).
#[cfg(feature = "threads")]
fn make_arena() -> Option<SharedArena> {
    let words: &'static [std::sync::atomic::AtomicU64] =
        Box::leak(threadline_python::procs::arena::zeroed(ARENA_WORDS));
    let _ = IN_MEMORY.set((words.as_ptr() as u32, words.len() as u32));
    Some(Arena::new(Box::new(words) as Box<dyn Words>))
}

/// In the plain build, a `SharedArrayBuffer` if the page may make one.
#[cfg(not(feature = "threads"))]
fn make_arena() -> Option<SharedArena> {
    if !crate::mailbox::shared_buffers_allowed() {
        return None;
    }
    let buffer = js_sys::SharedArrayBuffer::new((ARENA_WORDS * 8) as u32);
    VIEW.set(Some(BigInt64Array::new(&buffer)));
    Some(Arena::new(
        Box::new(ViewWords(ARENA_WORDS)) as Box<dyn Words>
    ))
}

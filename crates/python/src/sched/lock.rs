//! The locks Python threads block on: `threading.Lock`, `RLock`, and the
//! waiter locks `Condition.wait` parks on; and [`Signal`], the "something
//! happened" flag that asyncio and processes wait on.
//!
//! A lock is one atomic word, as a futex-based mutex keeps it: 0 free, 1
//! held, 2 held with (maybe) a waiter. Taking a free lock is one
//! compare-and-swap; releasing it is one swap, and only a release that finds
//! 2 goes to the wait table to wake a waiter. A woken waiter tries again and
//! may lose to a thread that took the lock meanwhile, as on CPython (no
//! hand-over).

use crate::objects::{Object, Value};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{OnceLock, Weak};

const FREE: u32 = 0;
const HELD: u32 = 1;
const CONTENDED: u32 = 2;

/// What a lock is for, which says how a wait on it is drawn and judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockKind {
    /// `threading.Lock`: anyone may release it.
    Plain,
    /// `threading.RLock`: its holder may take it again.
    Reentrant,
    /// The lock `Condition.wait` parks on, released by `notify`. `what` names
    /// the wait (`queue.get`, `Event.wait`, `Future.result`).
    Waiter {
        /// The wait, as recorded.
        what: String,
    },
}

/// A lock's state, shared by the Python object and the wait table.
#[derive(Debug)]
pub struct LockCore {
    state: AtomicU32,
    /// The lane of the thread that took it, plus one (0: none).
    holder: AtomicU32,
    /// How many times its holder took an `RLock`.
    count: AtomicU32,
    /// What it is for.
    pub kind: LockKind,
    /// The source line of the program that made it (0: unknown).
    pub created_line: u32,
    /// Made by a bundled module (a queue's mutex): its acquisitions are not
    /// recorded as events.
    pub internal: bool,
    /// The object a waiter waits on behalf of (the queue, the event), to
    /// name it in a deadlock.
    pub owner: Option<Weak<Object>>,
    /// Its name and note number, worked out once from the program's names.
    pub(crate) label: OnceLock<(String, u32)>,
    /// Acquisitions recorded so far (see [`LOCK_EVENTS_RECORDED`]).
    pub(crate) recorded: AtomicU32,
    /// Recorded acquisitions not yet matched by a recorded release.
    pub(crate) recorded_holds: AtomicU32,
}

/// A lock's acquisitions (and their releases) recorded as events: the first
/// this many, and after them only those that had to wait. A loop taking a
/// lock a million times would otherwise spend more on its events than on
/// its work, and no timeline can show them all.
pub const LOCK_EVENTS_RECORDED: u32 = 256;

impl LockCore {
    /// A free lock.
    pub fn new(kind: LockKind, created_line: u32, internal: bool) -> LockCore {
        LockCore {
            state: AtomicU32::new(FREE),
            holder: AtomicU32::new(0),
            count: AtomicU32::new(0),
            kind,
            created_line,
            internal,
            owner: None,
            label: OnceLock::new(),
            recorded: AtomicU32::new(0),
            recorded_holds: AtomicU32::new(0),
        }
    }

    /// A waiter lock, already held by `lane`.
    pub fn waiter(what: &str, owner: Option<&Value>, lane: u16) -> LockCore {
        let core = LockCore {
            owner: owner.and_then(Value::as_obj).map(std::sync::Arc::downgrade),
            ..LockCore::new(
                LockKind::Waiter {
                    what: what.to_string(),
                },
                0,
                true,
            )
        };
        core.state.store(HELD, Ordering::Relaxed);
        core.holder.store(u32::from(lane) + 1, Ordering::Relaxed);
        core
    }

    /// Whether it is held.
    pub fn is_locked(&self) -> bool {
        self.state.load(Ordering::Relaxed) != FREE
    }

    /// The lane that holds it.
    pub fn holder(&self) -> Option<u16> {
        let holder = self.holder.load(Ordering::Relaxed);
        holder
            .checked_sub(1)
            .and_then(|lane| u16::try_from(lane).ok())
    }

    /// An `RLock`'s recursion count.
    pub fn count(&self) -> u32 {
        self.count.load(Ordering::Relaxed)
    }

    /// Takes it for `lane` without waiting (`RLock`: again, if `lane` holds
    /// it). `contended` marks it as having waiters, which a thread about to
    /// park must do before it sleeps.
    pub fn try_acquire(&self, lane: u16, contended: bool) -> bool {
        if self.kind == LockKind::Reentrant && self.holder() == Some(lane) {
            self.count.fetch_add(1, Ordering::Relaxed);
            return true;
        }
        let taken = if contended {
            self.state.swap(CONTENDED, Ordering::Acquire) == FREE
        } else {
            self.state
                .compare_exchange(FREE, HELD, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
        };
        if taken {
            self.holder.store(u32::from(lane) + 1, Ordering::Relaxed);
            self.count.store(1, Ordering::Relaxed);
        }
        taken
    }

    /// Lets go once (an `RLock` taken several times stays held). Returns
    /// `Ok(true)` when a waiter may need waking, `Err` with CPython's message
    /// when the lock is not held (or, for an `RLock`, not by `lane`).
    pub fn release(&self, lane: u16) -> Result<bool, &'static str> {
        match self.kind {
            LockKind::Reentrant => {
                if self.holder() != Some(lane) || self.count() == 0 {
                    return Err("cannot release un-acquired lock");
                }
                if self.count.fetch_sub(1, Ordering::Relaxed) > 1 {
                    return Ok(false);
                }
            }
            _ => {
                if !self.is_locked() {
                    return Err("release unlocked lock");
                }
            }
        }
        self.holder.store(0, Ordering::Relaxed);
        self.count.store(0, Ordering::Relaxed);
        Ok(self.state.swap(FREE, Ordering::Release) == CONTENDED)
    }

    /// Lets go of an `RLock` completely, returning how many times it was
    /// held (`Condition.wait` on an `RLock`): `None` if `lane` does not hold
    /// it.
    pub fn release_all(&self, lane: u16) -> Option<(u32, bool)> {
        if self.holder() != Some(lane) {
            return None;
        }
        let count = self.count.swap(0, Ordering::Relaxed);
        self.holder.store(0, Ordering::Relaxed);
        Some((count, self.state.swap(FREE, Ordering::Release) == CONTENDED))
    }

    /// Sets an `RLock`'s count after taking it back (`Condition.wait`).
    pub fn restore_count(&self, count: u32) {
        self.count.store(count.max(1), Ordering::Relaxed);
    }

    /// The waited-for thing a waiter names (`queue.get`).
    pub fn waiter_what(&self) -> Option<&str> {
        match &self.kind {
            LockKind::Waiter { what } => Some(what),
            _ => None,
        }
    }
}

/// A flag raised by whoever has news (a network reply, a message from a
/// process, `call_soon_threadsafe`), waited for by one thread: the way to
/// block on "any of these" is to have each of them raise the same signal.
#[derive(Debug, Default)]
pub struct Signal {
    raised: AtomicU32,
    /// What a thread waiting for it is noted as waiting for (`select`).
    pub label: String,
    /// Raised from outside the program (the host's network, another
    /// process): a thread waiting for it is not deadlocked, and `one-core`
    /// tells its driver it waits for the outside.
    pub outside: bool,
    /// Drawn as a wait for another part of the program (`Wait`: a message
    /// from another process) rather than as I/O.
    waits_for_program: bool,
}

impl Signal {
    /// A signal raised from outside this interpreter by another process of
    /// the run: a thread waiting for it is drawn as waiting (`Wait`, noted
    /// `label`), not as doing I/O.
    pub fn from_process(label: &str) -> Signal {
        Signal {
            waits_for_program: true,
            ..Signal::new(label, true)
        }
    }

    /// Whether a wait for it is drawn as `Wait` rather than `Io`.
    pub fn waits_for_program(&self) -> bool {
        self.waits_for_program
    }

    /// A lowered signal named `label`; `outside` says where its news comes
    /// from.
    pub fn new(label: &str, outside: bool) -> Signal {
        Signal {
            raised: AtomicU32::new(0),
            label: label.to_string(),
            outside,
            waits_for_program: false,
        }
    }

    /// Lowers it, saying whether it was raised.
    pub fn take(&self) -> bool {
        self.raised.swap(0, Ordering::Acquire) != 0
    }

    /// Raises it without waking anyone: callers go through
    /// [`crate::sched::Sched::raise_signal`], which wakes the waiter.
    pub(crate) fn set(&self) {
        self.raised.store(1, Ordering::Release);
    }

    /// Whether it is raised.
    pub fn is_raised(&self) -> bool {
        self.raised.load(Ordering::Acquire) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_taken_once_and_released_once() {
        let lock = LockCore::new(LockKind::Plain, 0, false);
        assert!(lock.try_acquire(1, false));
        assert!(!lock.try_acquire(2, false));
        assert_eq!(lock.holder(), Some(1));
        assert_eq!(lock.release(2), Ok(false), "anyone may release a Lock");
        assert_eq!(lock.release(1), Err("release unlocked lock"));
    }

    #[test]
    fn a_contended_release_asks_for_a_wake_up() {
        let lock = LockCore::new(LockKind::Plain, 0, false);
        assert!(lock.try_acquire(1, false));
        assert!(!lock.try_acquire(2, true), "held: the waiter marks it");
        assert_eq!(lock.release(1), Ok(true));
        assert!(lock.try_acquire(2, true));
    }

    #[test]
    fn an_rlock_counts_its_holder() {
        let lock = LockCore::new(LockKind::Reentrant, 0, false);
        assert!(lock.try_acquire(3, false));
        assert!(lock.try_acquire(3, false));
        assert!(!lock.try_acquire(4, false));
        assert_eq!(lock.release(4), Err("cannot release un-acquired lock"));
        assert_eq!(lock.release(3), Ok(false));
        assert!(lock.is_locked());
        assert_eq!(lock.release(3), Ok(false));
        assert!(!lock.is_locked());
    }

    #[test]
    fn a_waiter_starts_held_by_its_thread() {
        let waiter = LockCore::waiter("Event.wait", None, 5);
        assert_eq!(waiter.holder(), Some(5));
        assert!(!waiter.try_acquire(5, false), "a waiter is not re-entrant");
        assert_eq!(waiter.waiter_what(), Some("Event.wait"));
    }
}

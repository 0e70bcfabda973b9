//! The lessons of asyncio, and of threads sharing data: races, locks and
//! deadlocks.

use super::{Lesson, Section};
use crate::lab::claims::{self, Claim};

pub(super) const ASYNCIO_GATHER: Lesson = Lesson {
    id: "asyncio-gather",
    title: "asyncio: many downloads on one thread",
    concept: "many downloads overlapping on one thread's event loop",
    section: Section::Asyncio,
    text: "asyncio runs many coroutines on one thread. Each await hands control back to \
        the event loop, which runs whichever task can go on. asyncio.gather() wraps \
        fifteen download coroutines in tasks and waits for them all. The tasks send \
        their requests in quick succession, then all wait at once, and the loop wakes \
        each one as its answer arrives. Fifteen waits of 0.3 s take about 0.3 s, with \
        no thread but the main one.",
    look_for: "Task-2 to Task-16 under MainThread, their I/O intervals stacked over the \
        same 0.3 s.",
    program: include_str!("../../../lessons/asyncio-gather.py"),
    claim: Claim {
        says: "The downloads overlap on one thread's event loop.",
        check: claims::asyncio_gather,
    },
};

pub(super) const ASYNCIO_CPU: Lesson = Lesson {
    id: "asyncio-cpu",
    title: "asyncio: CPU work blocks the loop",
    concept: "CPU work in a coroutine blocks the whole loop",
    section: Section::Asyncio,
    text: "The event loop switches tasks only at an await. A coroutine that computes \
        without awaiting keeps the loop to itself until it is done: no timer fires, no \
        reply is read, no other task moves. Here a ticker wants to wake every 0.1 s \
        while another task computes for a while with no await in it. The tick due during \
        that computation comes late by about its length. Such work belongs in a thread \
        or a process (asyncio.to_thread, run_in_executor).",
    look_for: "Task-3 running alone for a long stretch; Task-2's sleep stretches across \
        it and ends only when Task-3 is done.",
    program: include_str!("../../../lessons/asyncio-cpu.py"),
    claim: Claim {
        says: "While one task computes without awaiting, no other task runs.",
        check: claims::asyncio_cpu,
    },
};

pub(super) const RACE: Lesson = Lesson {
    id: "race",
    title: "A race: lost deposits",
    concept: "the bank account: unsynchronised read-modify-write loses updates",
    section: Section::Synchronisation,
    text: "Four threads make deposits into one balance. Each deposit reads the balance, \
        works out the new value and writes it back. If a thread is switched out between \
        its read and its write, the deposits the others make meanwhile are overwritten \
        when it writes its stale value. The GIL does not prevent this: it keeps each \
        bytecode whole, not the three steps together. The balance comes out short, by a \
        different amount each run.",
    look_for: "Thread-1 (deposit) to Thread-4 (deposit) taking turns; every switch that \
        falls inside a deposit loses the others' work up to that thread's next write.",
    program: include_str!("../../../lessons/race.py"),
    claim: Claim {
        says: "Unsynchronised read-modify-write loses updates.",
        check: claims::race,
    },
};

pub(super) const LOCK: Lesson = Lesson {
    id: "lock",
    title: "A lock makes it right",
    concept: "with lock: makes the same program correct",
    section: Section::Synchronisation,
    text: "The same program with one change: each deposit happens inside with \
        balance_lock:. One thread at a time can hold the lock; another that reaches the \
        with statement blocks until it is released. Reading, working out and writing \
        the balance now happen as one step, and no deposit is lost. The price is \
        waiting: threads that want the lock queue for it, and the timeline shows them \
        blocked.",
    look_for: "Thread-N (deposit) lanes blocked on balance_lock while another holds it, \
        the lock's acquire and release marks passing from lane to lane.",
    program: include_str!("../../../lessons/lock.py"),
    claim: Claim {
        says: "With the lock no deposit is lost, and no two threads hold it at once.",
        check: claims::lock,
    },
};

pub(super) const DEADLOCK: Lesson = Lesson {
    id: "deadlock",
    title: "A deadlock",
    concept: "two locks taken in opposite orders: detected, drawn, and fixed by ordering",
    section: Section::Synchronisation,
    text: "Two threads each need two locks, and take them in opposite orders. The first \
        takes lock_a, the second lock_b; then each waits for the lock the other holds, \
        and neither can ever go on. CPython would hang here for good. The lab notices \
        that every thread is blocked on another, stops the run and names the cycle. The \
        fix is a single order: every thread takes lock_a before lock_b.",
    look_for: "Thread-1 (transfer) holding lock_a and blocked on lock_b, Thread-2 \
        (transfer) holding lock_b and blocked on lock_a, and the deadlock mark where the \
        run stops.",
    program: include_str!("../../../lessons/deadlock.py"),
    claim: Claim {
        says: "Locks taken in opposite orders deadlock, and the run finds it.",
        check: claims::deadlock,
    },
};

//! The lessons of one process: its main thread, the threads it starts,
//! and the GIL they share.

use super::{Lesson, Section};
use crate::lab::claims::{self, Claim};

pub(super) const MAIN_THREAD: Lesson = Lesson {
    id: "main-thread",
    title: "One process, one main thread",
    concept: "a program is one process with one main thread unless it makes more",
    section: Section::MainThread,
    text: "Every Python program starts as one process with one thread in it, the main \
        thread, named MainThread. This one creates nothing more: it adds up squares in a \
        loop, then asks who ran it. os.getpid() names the process, \
        threading.current_thread() the thread, and threading.active_count() counts the \
        threads alive: one. Every later lesson adds lanes beside this first one, and \
        each of them costs or buys something this program never pays for.",
    look_for: "One lane, MainThread, in MainProcess: computing from start to end, with a \
        mark at each print.",
    program: include_str!("../../../lessons/main-thread.py"),
    claim: Claim {
        says: "The whole run is one lane: MainThread, in one process.",
        check: claims::main_thread,
    },
};

pub(super) const THREAD_START_JOIN: Lesson = Lesson {
    id: "thread-start-join",
    title: "Start them all, then join them all",
    concept: "Thread(target=..., args=...), start them all, then join them all",
    section: Section::Threads,
    text: "A Thread takes the function to run as target and its arguments as args. \
        start() sets it going and returns at once; join() waits until it has finished. \
        The program starts three threads that each wait a while, as a download waits on \
        the network, and only then joins them. Since every thread is started before the \
        first join, their waits overlap, and the program takes as long as the longest \
        wait rather than the sum of them.",
    look_for: "Thread-1 (task), Thread-2 (task) and Thread-3 (task) sleeping side by \
        side, while MainThread waits on each join in turn.",
    program: include_str!("../../../lessons/thread-start-join.py"),
    claim: Claim {
        says: "All the threads are alive at the same time.",
        check: claims::thread_start_join,
    },
};

pub(super) const JOIN_IN_LOOP: Lesson = Lesson {
    id: "join-in-loop",
    title: "A join inside the loop",
    concept: "joining inside the start loop makes it sequential again",
    section: Section::Threads,
    text: "The same three tasks with one line moved: join() now sits inside the loop \
        that starts the threads. The main thread starts a thread, then waits for it to \
        finish before it starts the next. Nothing runs beside anything else any more, so \
        three threads do no better than one and only add the cost of starting them; the \
        time taken is the sum of the waits. Keep the starts and the joins in separate \
        loops.",
    look_for: "Thread-1 (task), Thread-2 (task) and Thread-3 (task) form a staircase: \
        each begins only once MainThread's join of the one before has returned.",
    program: include_str!("../../../lessons/join-in-loop.py"),
    claim: Claim {
        says: "No two worker threads run at the same time.",
        check: claims::join_in_loop,
    },
};

pub(super) const POOL_SUBMIT: Lesson = Lesson {
    id: "pool-submit",
    title: "A pool: submit and as_completed",
    concept: "ThreadPoolExecutor.submit and as_completed: results in completion order",
    section: Section::Threads,
    text: "A ThreadPoolExecutor keeps a few threads and hands them work. submit() queues \
        one call and returns a Future, a placeholder for its result. as_completed() \
        yields the futures as they finish, whatever order they were submitted in, so the \
        program can use each result as soon as it exists. Task 0 sleeps longest: it is \
        submitted first and comes back last.",
    look_for: "Each ThreadPoolExecutor-0_N lane prints `finished` as its sleep ends, and \
        MainThread prints that task's result right after.",
    program: include_str!("../../../lessons/pool-submit.py"),
    claim: Claim {
        says: "Results arrive in the order the tasks finish.",
        check: claims::pool_submit,
    },
};

pub(super) const POOL_MAP: Lesson = Lesson {
    id: "pool-map",
    title: "A pool: map keeps the order",
    concept: "executor.map: results in input order",
    section: Section::Threads,
    text: "executor.map() runs a function over its inputs on the pool's threads, as \
        submit() would, but yields the results in the order of the inputs. The tasks \
        still run at the same time and finish whenever their waits end; map holds each \
        result back until every result before it is ready. Task 0 is the slowest, so \
        nothing is printed until it finishes, and then all four results come at once.",
    look_for: "The ThreadPoolExecutor-0_N lanes finish tasks 1, 3, 2 and 0 in that \
        order; MainThread prints nothing until task 0 is done, then every result.",
    program: include_str!("../../../lessons/pool-map.py"),
    claim: Claim {
        says: "Results come back in input order, whatever order the tasks finish in.",
        check: claims::pool_map,
    },
};

pub(super) const DOWNLOADS: Lesson = Lesson {
    id: "downloads",
    title: "Fifteen downloads",
    concept: "fifteen downloads, one after another and then with a thread pool",
    section: Section::Threads,
    text: "Fifteen images from the lab's server, which takes 0.2 s to answer each \
        request. One after another, the waits add up to three seconds. Handed to a \
        ThreadPoolExecutor, several requests are out at once: each thread waits for its \
        own answer and the waits overlap. The default pool has min(32, cores + 4) \
        threads, so the fifteen go in a few rounds. Nothing here computes much: the time \
        is all waiting, which is what threads are good at.",
    look_for: "Fifteen I/O intervals in a row on MainThread, then the \
        ThreadPoolExecutor-0_N lanes each waiting on a few of them at the same time.",
    program: include_str!("../../../lessons/downloads.py"),
    claim: Claim {
        says: "The pool downloads the batch several times as fast as one after another.",
        check: claims::downloads,
    },
};

pub(super) const GIL_CPU: Lesson = Lesson {
    id: "gil-cpu",
    title: "CPU-bound threads and the GIL",
    concept: "CPU-bound threads under the GIL take turns: no speedup",
    section: Section::Threads,
    text: "The global interpreter lock lets one thread at a time run Python bytecode. A \
        thread that computes holds it; another that wants it waits for the switch \
        interval (5 ms), then asks the holder to let go. So two threads counting down \
        take turns, and together need as long as one thread doing both counts. The \
        program times the counts one after another, then in two threads: no speedup, \
        however many cores the machine has.",
    look_for: "Thread-1 (count_down) and Thread-2 (count_down) alternate between \
        running and waiting for the GIL in slices of about 5 ms; the GIL holder track \
        switches between them.",
    program: include_str!("../../../lessons/gil-cpu.py"),
    claim: Claim {
        says: "Two CPU-bound threads are no faster than one thread doing the same work.",
        check: claims::gil_cpu,
    },
};

pub(super) const GIL_IO: Lesson = Lesson {
    id: "gil-io",
    title: "I/O-bound threads and the GIL",
    concept: "the GIL is released while waiting on I/O: I/O-bound threads overlap",
    section: Section::Threads,
    text: "A thread that waits for the network, a file or a timer lets go of the GIL \
        while it waits and takes it back when the answer comes. Four threads that each \
        download two images spend nearly all their time waiting side by side; only the \
        short moments between downloads need the GIL. Eight waits of 0.3 s take about \
        two of them, not eight. This is why threads help programs that wait, GIL or \
        not.",
    look_for: "Four Thread-N (fetch) lanes whose I/O intervals line up one above the \
        other; the GIL is held only in slivers between them.",
    program: include_str!("../../../lessons/gil-io.py"),
    claim: Claim {
        says: "Threads waiting on I/O overlap their waits.",
        check: claims::gil_io,
    },
};

pub(super) const CONVOY: Lesson = Lesson {
    id: "convoy",
    title: "The convoy effect",
    concept: "an I/O thread beside a CPU thread waits about a switch interval at every wake-up",
    section: Section::Threads,
    text: "An I/O-bound thread sleeps for 1 ms, forty times: alone, about 45 ms. Beside a \
        thread that never stops computing, each time a sleep ends the I/O thread needs \
        the GIL back, and the computing thread keeps it until the switch interval runs \
        out and a drop request makes it let go. Every short wait grows by about a switch \
        interval, so forty waits of 1 ms become forty of about 6 ms.",
    look_for: "Thread-3 (poll): after each short sleep, a few milliseconds waiting for \
        the GIL while Thread-2 (spin) runs; Thread-1 (poll), alone, never waits.",
    program: include_str!("../../../lessons/convoy.py"),
    claim: Claim {
        says: "Beside a CPU-bound thread, an I/O thread waits about a switch interval for \
            the GIL after every wait.",
        check: claims::convoy,
    },
};

pub(super) const GIL_RELEASE_NATIVE: Lesson = Lesson {
    id: "gil-release-native",
    title: "Native code without the GIL",
    concept: "native code that releases the GIL (hashing large data) runs in parallel even with the GIL",
    section: Section::Threads,
    text: "Some work happens outside the interpreter, in native code that touches no \
        Python object, and CPython lets go of the GIL around it: hashlib does so for \
        data of 2 KiB or more. Two threads hashing a 4 MiB buffer therefore run at the \
        same time on two cores, GIL or not, and take about half as long as one after \
        another. It is also why compression, NumPy and I/O libraries gain from threads.",
    look_for: "Thread-1 (digest) and Thread-2 (digest) running at the same time, their \
        intervals noted as hashing without the GIL.",
    program: include_str!("../../../lessons/gil-release-native.py"),
    claim: Claim {
        says: "Two threads hashing large data run at the same time, even under the GIL.",
        check: claims::gil_release_native,
    },
};

pub(super) const FREE_THREADED: Lesson = Lesson {
    id: "free-threaded",
    title: "Free-threaded Python",
    concept: "the same CPU-bound threads on a build without the GIL use every core",
    section: Section::Threads,
    text: "Since 3.13, CPython can be built without the GIL. Choose the free-threaded \
        build and run the same counting threads: each runs bytecode on a core of its own \
        at the same time, while objects stay consistent through locks of their own. \
        With as many threads as cores the work gets done about that many times as fast. \
        Run it with the GIL as well: the threads take turns, and do one thread's worth.",
    look_for: "Free-threaded: the Thread-N (count_down) lanes computing side by side, \
        never waiting for a GIL. With the GIL: the same lanes taking turns.",
    program: include_str!("../../../lessons/free-threaded.py"),
    claim: Claim {
        says: "Without the GIL, CPU-bound threads use every core.",
        check: claims::free_threaded,
    },
};

pub(super) const ONE_CORE: Lesson = Lesson {
    id: "one-core",
    title: "One core: taking turns",
    concept: "concurrency without parallelism: the threads of one core time-slice",
    section: Section::Threads,
    text: "Concurrency is making progress on several things over the same stretch of \
        time; parallelism is doing several at the same instant. Choose the one-core \
        build: every Python thread runs on one core, and the interpreter switches \
        between them at the switch interval. Both threads are under way from start to \
        end, yet never run at once. Each drops its letter into a list every 50,000 \
        steps, and the printed string shows their turns.",
    look_for: "Thread-1 (work) and Thread-2 (work) alternate: while one runs the other \
        waits, and no two running intervals share an instant.",
    program: include_str!("../../../lessons/one-core.py"),
    claim: Claim {
        says: "The threads take turns: both under way, never running at the same instant.",
        check: claims::one_core,
    },
};

pub(super) const LIFECYCLE: Lesson = Lesson {
    id: "lifecycle",
    title: "A thread's life",
    concept: "a thread's states: new, ready, running, blocked, terminated",
    section: Section::Threads,
    text: "A thread is new until start(); then ready (able to run, waiting for the GIL or \
        a core), running, blocked (on a sleep, I/O, a lock, an event or a join), ready \
        and running again, and at last terminated. This thread computes while the main \
        thread computes too, so part of that time it is ready; then it sleeps, then \
        waits for an event the main thread sets. is_alive() is False before start() and \
        after the end.",
    look_for: "Thread-1 (life): running and ready in turns while MainThread computes, a \
        sleep, a wait on the event, then its end.",
    program: include_str!("../../../lessons/lifecycle.py"),
    claim: Claim {
        says: "The thread is seen running, ready, blocked and terminated.",
        check: claims::lifecycle,
    },
};

pub(super) const OBJECT_REFS: Lesson = Lesson {
    id: "object-refs",
    title: "References held by threads",
    concept: "references to a shared object as threads start and stop",
    section: Section::Threads,
    text: "An object lives as long as something refers to it, and sys.getrefcount() \
        tells how many references it has (its own argument included). Handing a list to \
        threads adds references: each Thread keeps its arguments, and each running \
        thread's frame holds the list in a local variable. When a thread ends, its frame \
        goes and the Thread drops its arguments, so the count falls back to where it \
        began.",
    look_for: "MainThread's prints of the count: before the threads, while Thread-1 \
        (use) to Thread-3 (use) wait in their lanes, and after those lanes end.",
    program: include_str!("../../../lessons/object-refs.py"),
    claim: Claim {
        says: "The count rises while threads hold the list, and falls back once they end.",
        check: claims::object_refs,
    },
};

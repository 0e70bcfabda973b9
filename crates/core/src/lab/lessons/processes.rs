//! The lessons of several processes and interpreters, and of the cores
//! they run on.

use super::{Lesson, Section};
use crate::lab::claims::{self, Claim};

pub(super) const PROCESSES: Lesson = Lesson {
    id: "processes",
    title: "Processes have their own memory",
    concept: "multiprocessing.Process: own memory, a global changed in a child stays there",
    section: Section::Processes,
    text: "A multiprocessing.Process runs its target in a new process: another \
        interpreter, with memory and a GIL of its own. The lab starts processes by \
        spawn, as Windows and macOS do: the child runs the program's module again, then \
        calls the target with pickled copies of its arguments. Each child adds to a \
        global counter and prints it; the main process's counter stays at zero, because \
        no child ever touched it. Sharing must be asked for.",
    look_for: "A group per process: MainProcess, then Process-1 and Process-2 starting \
        up, running add and printing counters of their own.",
    program: include_str!("../../../lessons/processes.py"),
    claim: Claim {
        says: "A global changed in a child process stays in that child.",
        check: claims::processes,
    },
};

pub(super) const MAIN_GUARD: Lesson = Lesson {
    id: "main-guard",
    title: "Why `if __name__ == \"__main__\":`",
    concept: "without if __name__ == \"__main__\": a spawned child fails as CPython's does",
    section: Section::Processes,
    text: "A spawned child begins by running the program's module again, under the name \
        __mp_main__, to find the functions it needs. Whatever the module does at its top \
        level, the child does too, and here that includes starting a process. The child \
        refuses, with CPython's RuntimeError about the bootstrapping phase, and exits \
        with code 1 while the parent carries on. Put the lines that start processes \
        under if __name__ == \"__main__\": and the child skips them.",
    look_for: "Process-1 printing `running as __mp_main__` and then its traceback; \
        MainProcess printing the child's exit code.",
    program: include_str!("../../../lessons/main-guard.py"),
    claim: Claim {
        says: "Without the guard, the child fails as it runs the module again.",
        check: claims::main_guard,
    },
};

pub(super) const PROCESS_POOL: Lesson = Lesson {
    id: "process-pool",
    title: "A pool of processes",
    concept: "ProcessPoolExecutor over a batch of images: start-up and messages cost, cores pay",
    section: Section::Processes,
    text: "A ProcessPoolExecutor runs calls in worker processes, one per core by default. \
        It brings parallelism to CPU-bound Python, but not for free: every worker must \
        start (a new interpreter that imports the module again), and every argument and \
        result travels as pickled bytes. Eight images are blurred one after another, \
        then in a pool. With several cores the pool wins once the work outweighs the \
        start-up and the messages.",
    look_for: "The SpawnProcess-N groups: starting up, then computing side by side, with \
        an arrow for each image sent from MainProcess and each result sent back.",
    program: include_str!("../../../lessons/process-pool.py"),
    claim: Claim {
        says: "With several cores the pool beats one process, despite start-up and messages.",
        check: claims::process_pool,
    },
};

pub(super) const MORE_PROCS_THAN_CORES: Lesson = Lesson {
    id: "more-procs-than-cores",
    title: "More processes than cores",
    concept: "more processes than cores can still finish sooner, and when they cannot",
    section: Section::Processes,
    text: "More processes than cores can still finish sooner when the work includes \
        waiting: while one process waits for a disk or a network, another uses the \
        core. The program runs the same tasks in a pool the size of the core count and \
        in one two processes larger. Tasks that wait finish sooner in the larger pool. \
        Tasks that only compute do not: the cores were busy already, and extra processes \
        just share them.",
    look_for: "Waiting: every process of the larger pool sleeps at the same time. \
        Computing: all of them run, each getting a share of the cores, and finish no \
        sooner.",
    program: include_str!("../../../lessons/more-procs-than-cores.py"),
    claim: Claim {
        says: "More processes than cores help when tasks wait, not when they compute.",
        check: claims::more_procs_than_cores,
    },
};

pub(super) const SHARED_STATE: Lesson = Lesson {
    id: "shared-state",
    title: "Shared state between processes",
    concept: "Value/Array with a lock: processes sharing state on purpose",
    section: Section::Processes,
    text: "Processes share nothing unless the program asks. multiprocessing.Value and \
        Array keep numbers in memory that every process can reach, and a Value carries a \
        lock: under get_lock(), each read-modify-write is one step. Four processes each \
        add 500 to one shared total under that lock, and each writes its own count into \
        its own slot of an Array, which needs no lock. The total comes out exact.",
    look_for: "Process-1 to Process-4 running side by side, taking and releasing the \
        Value's lock in turn.",
    program: include_str!("../../../lessons/shared-state.py"),
    claim: Claim {
        says: "Processes adding to a shared Value under its lock lose no update.",
        check: claims::shared_state,
    },
};

pub(super) const SUBINTERPRETERS: Lesson = Lesson {
    id: "subinterpreters",
    title: "One interpreter, one GIL, per worker",
    concept: "InterpreterPoolExecutor: one interpreter and one GIL per worker",
    section: Section::Cores,
    text: "Python 3.14's InterpreterPoolExecutor runs each worker in an interpreter of \
        its own inside the same process. Each has its own modules, its own objects and \
        its own GIL, so CPU-bound work runs in parallel without leaving the process. \
        Like processes, interpreters share no objects: arguments and results are copied \
        between them. On older Pythons the program falls back to processes, which show \
        the same speedup at a higher start-up cost.",
    look_for: "The InterpreterPoolExecutor lanes computing at the same time, each under \
        a GIL of its own.",
    program: include_str!("../../../lessons/subinterpreters.py"),
    claim: Claim {
        says: "Worker interpreters each have a GIL of their own and compute at the same time.",
        check: claims::subinterpreters,
    },
};

pub(super) const CPU_COUNT: Lesson = Lesson {
    id: "cpu-count",
    title: "How many cores?",
    concept: "os.cpu_count() is this browser's core count, and what pool sizes follow from it",
    section: Section::Cores,
    text: "os.cpu_count() answers with the number of cores the machine has; in the lab, \
        that is the browser's count. The pools size themselves by it: a \
        ThreadPoolExecutor uses up to min(32, cores + 4) threads, a ProcessPoolExecutor \
        one process per core. Forty tasks that each nap briefly are enough to make the \
        thread pool start every thread it may, and the program counts the distinct \
        threads that ran them.",
    look_for: "The ThreadPoolExecutor-0_N lanes: as many as the formula gives, each \
        running several naps.",
    program: include_str!("../../../lessons/cpu-count.py"),
    claim: Claim {
        says: "The default thread pool has min(32, cores + 4) threads, cores being what \
            os.cpu_count() reports.",
        check: claims::cpu_count,
    },
};

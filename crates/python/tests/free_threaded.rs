//! The free-threaded build under stress: many threads mutating the same lists, dicts, sets and
//! objects at once, on real cores, with no lock. Nothing may crash or tear: every container's
//! length matches the operations that completed, and readers see whole objects.

mod support;

use support::run_build;
use threadline_python::Outcome;
use threadline_python::vm::Build;

const STRESS: &str = r#"import threading
N, M = 8, 4000
items = []
table = {}
seen = set()
class Box:
    pass
box = Box()
box.value = 0
counter = [0]
stop = threading.Event()
problems = []
def mutate(k):
    for i in range(M):
        items.append((k, i))
        table[(k, i)] = [k, i]
        seen.add(k * M + i)
        box.value = (k, i)
        counter[0] += 1
        if i % 3 == 0:
            items.pop()
            del table[(k, i)]
            seen.discard(k * M + i)
def read():
    while not stop.is_set():
        snapshot = list(items)
        for pair in snapshot[-50:]:
            if len(pair) != 2:
                problems.append(pair)
        try:
            for key, value in list(table.items())[:50]:
                if value != list(key):
                    problems.append((key, value))
        except RuntimeError:
            pass
        v = box.value
        if not (v == 0 or len(v) == 2):
            problems.append(v)
        sorted(seen)[:10]
readers = [threading.Thread(target=read) for _ in range(2)]
writers = [threading.Thread(target=mutate, args=(k,)) for k in range(N)]
for t in readers + writers:
    t.start()
for t in writers:
    t.join()
stop.set()
for t in readers:
    t.join()
kept = N * M - N * len(range(0, M, 3))
print(len(items) == kept, len(table) == kept, len(seen) == kept)
print(problems[:3], counter[0] <= N * M)
"#;

#[test]
fn threads_mutating_shared_containers_at_once_leave_them_whole() {
    for _ in 0..3 {
        let run = run_build(STRESS, Build::FreeThreaded);
        assert_eq!(run.outcome, Outcome::Finished, "{}", run.stderr);
        assert_eq!(run.stdout, "True True True\n[] True\n", "{}", run.stderr);
    }
}

#[test]
fn an_unsynchronised_counter_may_lose_updates_but_never_gains_any() {
    let source = "import threading\ncount = 0\n\
def bump():\n    global count\n    for _ in range(200000):\n        count += 1\n\
ts = [threading.Thread(target=bump) for _ in range(4)]\n\
for t in ts:\n    t.start()\nfor t in ts:\n    t.join()\nprint(0 < count <= 800000)\n";
    let run = run_build(source, Build::FreeThreaded);
    assert_eq!(run.stdout, "True\n", "{}", run.stderr);
}

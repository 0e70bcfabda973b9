//! Class attribute lookups (and their per-thread cache) staying right as
//! classes change, and generators driven by `for` loops. Expected outputs
//! are what CPython 3.11 prints for the same programs.

mod support;

use support::run;

#[test]
fn class_changes_reach_every_lookup() {
    // Methods replaced, deleted and added on a base after lookups were made;
    // an instance attribute shadowing; a property added later.
    let result = run(r#"class Base:
    def who(self):
        return "base"

class Child(Base):
    def who(self):
        return "child"

c = Child()
out = []
for _ in range(3):
    out.append(c.who())
Child.who = lambda self: "patched"
out.append(c.who())
del Child.who
out.append(c.who())
out.append(hasattr(c, "extra"))
Base.extra = lambda self: "added to base"
out.append(c.extra())
c.extra = "shadow"
out.append(c.extra)
Base.extra = property(lambda self: "property wins")
Child.marker = 1
out.append(c.extra)
print(out)
"#);
    assert_eq!(result.stderr, "");
    assert_eq!(
        result.stdout,
        r#"['child', 'child', 'child', 'patched', 'base', False, 'added to base', 'shadow', 'property wins']
"#
    );
}

#[test]
fn classes_made_one_after_another_are_told_apart() {
    // Classes made in a loop, each dropped before the next is made, so
    // that one may take an earlier one's address.
    let result = run(r#"def make(tag):
    class Made:
        def tag(self):
            return tag
    return Made

seen = []
for i in range(200):
    seen.append(make(i)().tag())
print(seen == list(range(200)))
kinds = [type("K", (), {"v": lambda self, i=i: i}) for i in range(50)]
print([k().v() for k in kinds] == list(range(50)))
"#);
    assert_eq!(result.stderr, "");
    assert_eq!(
        result.stdout,
        r#"True
True
"#
    );
}

#[test]
fn class_level_data_is_not_held_by_lookups() {
    // A class-level list keeps CPython's reference count after lookups;
    // plain data assigned over plain data, then over other kinds.
    let result = run(r#"import sys

class Noisy:
    pass

class Holder:
    shared = []
    def size(self):
        return len(self.shared)

h = Holder()
for _ in range(5):
    h.size()
print(sys.getrefcount(Holder.shared))
Holder.thing = Noisy()
for _ in range(3):
    h.thing
print("deleting")
del Holder.thing
print("deleted")

class Counter:
    total = 0
    def bump(self):
        Counter.total += 1
        return self.total

k = Counter()
print(sum(k.bump() for _ in range(1000)), Counter.total)
Counter.total = "text"
print(k.total)
Counter.total = Noisy()
print(type(k.total).__name__)
Counter.total = 5
print(k.bump())
"#);
    assert_eq!(result.stderr, "");
    assert_eq!(
        result.stdout,
        r#"2
deleting
deleted
500500 1000
text
Noisy
6
"#
    );
}

#[test]
fn generators_driven_by_for_loops() {
    // Generators resumed and suspended by `for` loops (also through
    // `yield from`, `break`, an exception, nesting), and builtin
    // constructors called directly.
    let result = run(r#"def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"

def pairs(items):
    for item in items:
        yield from countdown(item)

def failing():
    yield 1
    raise ValueError("inside")

total = []
for v in countdown(3):
    total.append(v)
for v in pairs([2, 1]):
    total.append(v * 10)
g = countdown(5)
for v in g:
    if v == 3:
        break
total.append(next(g))
try:
    for v in failing():
        total.append(v)
except ValueError as e:
    total.append(str(e))
def nested():
    for a in countdown(2):
        for b in countdown(a):
            yield (a, b)
total.append(list(nested()))
total.append([x for x in countdown(4) if x % 2])
total.append([int("12"), str(5), list(range(3)), tuple(), float("2.5"), bool(0), -(7), not True])
try:
    int("x")
except ValueError as e:
    total.append(str(e))
print(total)
"#);
    assert_eq!(result.stderr, "");
    assert_eq!(
        result.stdout,
        r#"[3, 2, 1, 20, 10, 10, 2, 1, 'inside', [(2, 2), (2, 1), (1, 1)], [3, 1], [12, '5', [0, 1, 2], (), 2.5, False, -7, False], "invalid literal for int() with base 10: 'x'"]
"#
    );
}

#[test]
fn generators_in_loops_in_deep_and_reentrant_calls() {
    // A generator looped over from nested calls, resumed after `break`, and
    // one that loops over itself.
    let result = run(r#"def gen():
    yield 1
    yield 2

def deep(n):
    if n == 0:
        return [v for v in gen()]
    return deep(n - 1)

def uses_generator_in_loop(limit):
    found = []
    for v in gen():
        found.append(v)
        if len(found) > limit:
            break
    return found

print(deep(50), uses_generator_in_loop(5))

def scanner():
    i = 0
    while True:
        i += 1
        yield i

s = scanner()
for v in s:
    if v > 3:
        break
print(next(s))

def reentrant():
    for v in me:
        yield v

me = reentrant()
try:
    for v in me:
        pass
except ValueError as e:
    print("ValueError:", e)
"#);
    assert_eq!(result.stderr, "");
    assert_eq!(
        result.stdout,
        r#"[1, 2] [1, 2]
5
ValueError: generator already executing
"#
    );
}

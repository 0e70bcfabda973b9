# Builtins that consume an iterator written in Python, as frames of the
# dispatch loop. In the one-core build a call such as
# list(executor.map(...)) runs as call_on_list(list, 0, generator) (see
# vm/consume.rs): the generator, or the __next__ of a class, then runs in
# this loop rather than in one of the builtin's own, so that a wait inside
# it (for another process, the network) suspends its thread as any other
# wait does. Frames of this module stay out of tracebacks.


def _stepper(iterator):
    """The __next__ to call from here, if it is written in Python."""
    step = type(iterator).__next__
    return step if type(step).__name__ == "function" else None


def _items(iterable):
    iterator = iter(iterable)
    items = []
    append = items.append
    step = _stepper(iterator)
    if step is None:
        for item in iterator:
            append(item)
        return items
    while True:
        try:
            item = step(iterator)
        except StopIteration:
            return items
        append(item)


def call_on_list(function, at, *args, **kwargs):
    args = [*args]
    args[at] = _items(args[at])
    return function(*args, **kwargs)


def _first(iterable, wanted):
    """Whether an item's truth is `wanted`, pulling no further than it."""
    iterator = iter(iterable)
    step = _stepper(iterator)
    if step is None:
        for item in iterator:
            if bool(item) is wanted:
                return True
        return False
    while True:
        try:
            item = step(iterator)
        except StopIteration:
            return False
        if bool(item) is wanted:
            return True


def any_of(iterable):
    return _first(iterable, True)


def all_of(iterable):
    return not _first(iterable, False)

# Builtins that consume an iterator written in Python, as frames of the
# dispatch loop. In the one-core build a call such as
# list(executor.map(...)) runs as call_on_list(list, 0, generator) (see
# vm/consume.rs): the generator, or the __next__ of a class, then runs in
# this loop rather than in one of the builtin's own, so that a wait inside
# it (for another process, the network) suspends its thread as any other
# wait does. Frames of this module stay out of tracebacks.


_GENERATOR = type((lambda: (yield))())


def _stepper(iterator):
    """The __next__ to call from here, if it is written in Python."""
    step = type(iterator).__next__
    return step if type(step).__name__ == "function" else None


def _pulled_here(iterable):
    """An iterator of `iterable` that a for loop here pulls as frames: a
    generator is resumed by the loop itself, and a class's __next__ written
    in Python is called from a generator of this module."""
    if type(iterable) is _GENERATOR:
        return iterable
    iterator = iter(iterable)
    step = _stepper(iterator)
    return iterator if step is None else _stepping(iterator, step)


def _stepping(iterator, step):
    while True:
        try:
            item = step(iterator)
        except StopIteration:
            return
        yield item


def _items(iterable):
    return [item for item in _pulled_here(iterable)]


def on_items(function, iterable):
    """call_on_list(function, 0, iterable), the common call, made cheap."""
    return function([item for item in _pulled_here(iterable)])


def call_on_list(function, at, *args, **kwargs):
    args = [*args]
    args[at] = _items(args[at])
    return function(*args, **kwargs)


def _first(iterable, wanted):
    """Whether an item's truth is `wanted`, pulling no further than it."""
    for item in _pulled_here(iterable):
        if bool(item) is wanted:
            return True
    return False


def any_of(iterable):
    return _first(iterable, True)


def all_of(iterable):
    return not _first(iterable, False)


# map(), filter(), zip() and enumerate() given a generator, an iterator
# class or (map, filter) a Python function become map_of() and the like:
# generators that pull and call from this loop. Their arguments are checked
# when called, as the builtins' are.

def _puller(iterable):
    """A function that returns the next item of `iterable`, or raises
    StopIteration, running any Python code it runs as frames."""
    iterator = iter(iterable)
    if type(iterator) is not _GENERATOR:
        return iterator.__next__

    def pull():
        # A for loop resumes the generator as a frame; returning from it
        # leaves the generator where it stopped.
        for item in iterator:
            return item
        raise StopIteration

    return pull


def _pulled(pulls):
    """The next item of each, or None once one of them is done."""
    try:
        return [pull() for pull in pulls]
    except StopIteration:
        return None


def map_of(function, *iterables):
    if len(iterables) == 1:
        return _mapped_one(function, _pulled_here(iterables[0]))
    return _mapped(function, [_puller(iterable) for iterable in iterables])


def _mapped_one(function, iterator):
    for item in iterator:
        try:
            value = function(item)
        except StopIteration:
            return
        yield value


def _mapped(function, pulls):
    while (items := _pulled(pulls)) is not None:
        try:
            value = function(*items)
        except StopIteration:
            return
        yield value


def filter_of(function, iterable):
    return _filtered(function, _pulled_here(iterable))


def _filtered(function, iterator):
    for item in iterator:
        try:
            keep = item if function is None else function(item)
        except StopIteration:
            return
        if keep:
            yield item


def enumerate_of(iterable, start=0):
    enumerate((), start)
    return _enumerated(_pulled_here(iterable), start)


def _enumerated(iterator, count):
    for item in iterator:
        yield count, item
        count += 1


def zip_of(*iterables, strict=False):
    return _zipped([_puller(iterable) for iterable in iterables], strict)


def _zipped(pulls, strict):
    if not pulls:
        return
    while True:
        items = []
        for at, pull in enumerate(pulls):
            try:
                items.append(pull())
            except StopIteration:
                if strict:
                    _check_all_done(pulls, at)
                return
        yield tuple(items)


def _check_all_done(pulls, at):
    """zip(strict=True): argument `at` (from 0) is done; the others must be."""
    if at > 0:
        raise ValueError(f"zip() argument {at + 1} is shorter than {_arguments(at)}")
    for later, pull in enumerate(pulls[1:], 1):
        try:
            pull()
        except StopIteration:
            continue
        raise ValueError(f"zip() argument {later + 1} is longer than {_arguments(later)}")


def _arguments(count):
    return "argument 1" if count == 1 else f"arguments 1-{count}"


"""collections.abc: the abstract classes, as names for annotations and bases."""


class Iterable:
    pass


class Iterator(Iterable):
    pass


class Generator(Iterator):
    pass


class Callable:
    pass


class Hashable:
    pass


class Sized:
    pass


class Container:
    pass


class Collection(Sized, Iterable, Container):
    pass


class Sequence(Collection):
    pass


class MutableSequence(Sequence):
    pass


class Mapping(Collection):
    pass


class MutableMapping(Mapping):
    pass


class Set(Collection):
    pass


class MutableSet(Set):
    pass


class Awaitable:
    pass


class Coroutine(Awaitable):
    pass


class AsyncIterable:
    pass


class AsyncIterator(AsyncIterable):
    pass

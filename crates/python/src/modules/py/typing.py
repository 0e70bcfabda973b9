"""typing: names for annotations. They are never checked at run time."""

TYPE_CHECKING = False


class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        return _Special(f"{self._name}[...]")

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Type {self._name} cannot be instantiated")

    def __repr__(self):
        return f"typing.{self._name}"

    def __or__(self, other):
        return self

    def __ror__(self, other):
        return self


for _name in ("Any", "Union", "Optional", "List", "Dict", "Set", "FrozenSet", "Tuple", "Callable",
              "Iterable", "Iterator", "Generator", "AsyncIterator", "AsyncGenerator", "Awaitable",
              "Coroutine", "Sequence", "Mapping", "MutableMapping", "MutableSequence", "Type",
              "ClassVar", "Final", "Literal", "Deque", "DefaultDict", "Counter", "NoReturn",
              "Never", "Self", "Annotated", "Hashable", "Sized", "Collection", "Container",
              "Reversible", "SupportsInt", "SupportsFloat", "Pattern", "Match", "IO", "TextIO"):
    globals()[_name] = _Special(_name)

ClassVar._is_classvar = True


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return f"~{self.__name__}"


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj):
    return dict(getattr(obj, "__annotations__", {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type


def NamedTuple(typename, fields=None, **kwargs):
    from collections import namedtuple
    names = [name for name, _ in (fields or kwargs.items())]
    return namedtuple(typename, names)


class TypedDict(dict):
    pass

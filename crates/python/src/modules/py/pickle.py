# pickle: values to bytes and back, with CPython's rules about what can be pickled.
# Functions and classes go by name (looked up again where they are loaded), instances by
# their class and state, exceptions by their class and arguments; a value met twice is
# written once, so shared references and cycles survive. Anything else is refused with
# the exception and message CPython's pickle gives. The bytes are this interpreter's own
# format (see _pickle_codec), not CPython's protocols.
import sys
import _pickle_codec

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


for _cls in (PickleError, PicklingError, UnpicklingError):
    _cls.__module__ = "_pickle"

_PLAIN = (type(None), bool, int, float, str, bytes)
_NAMED_KINDS = ("function", "builtin_function_or_method", "type")


def _type_name(obj):
    cls = type(obj)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return cls.__module__ + "." + cls.__qualname__


def _lookup(module_name, qualname):
    module = sys.modules.get(module_name)
    if module is None:
        __import__(module_name)
        module = sys.modules[module_name]
    obj = module
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


def _is_class(obj):
    return isinstance(obj, type)


class _Pickler:
    def __init__(self):
        self.memo = {}
        self.kept = []

    def remember(self, obj):
        index = len(self.kept)
        self.memo[id(obj)] = index
        self.kept.append(obj)
        return index

    def tree(self, obj):
        cls = type(obj)
        if cls in _PLAIN:
            return obj
        seen = self.memo.get(id(obj))
        if seen is not None:
            return ("R", seen)
        if cls is list:
            index = self.remember(obj)
            return ("L", index, [self.tree(item) for item in obj])
        if cls is dict:
            index = self.remember(obj)
            flat = []
            for key, value in obj.items():
                flat.append(self.tree(key))
                flat.append(self.tree(value))
            return ("D", index, flat)
        if cls is tuple:
            items = [self.tree(item) for item in obj]
            return ("T", self.remember(obj), items)
        if cls is set or cls is frozenset:
            items = [self.tree(item) for item in obj]
            return ("S" if cls is set else "F", self.remember(obj), items)
        if cls is range:
            return ("r", obj.start, obj.stop, obj.step)
        if _is_class(obj) or cls.__name__ in _NAMED_KINDS:
            return self.by_name(obj)
        return self.by_kind(obj, cls)

    def by_kind(self, obj, cls):
        if cls.__name__ == "method" and hasattr(obj, "__func__"):
            return ("M", self.tree(obj.__self__), obj.__func__.__name__)
        if cls.__name__ == "partial":
            parts = (obj.func, obj.args, obj.keywords)
            return ("P", self.remember(obj), self.tree(parts))
        reduce = getattr(cls, "__reduce__", None)
        if reduce is not None and reduce is not getattr(object, "__reduce__", None):
            made = obj.__reduce__()
            index = self.remember(obj)
            return ("X", index, self.tree(made[0]), self.tree(made[1]), self.tree(made[2] if len(made) > 2 else None))
        if isinstance(obj, BaseException):
            index = self.remember(obj)
            state = dict(obj.__dict__) if hasattr(obj, "__dict__") else {}
            return ("E", index, self.by_name(cls), self.tree(obj.args), self.tree(state))
        if _is_user_instance(obj, cls):
            index = self.remember(obj)
            getstate = getattr(obj, "__getstate__", None)
            if getstate is not None and getstate is not getattr(object, "__getstate__", None):
                state = getstate()
            else:
                state = obj.__dict__
            return ("I", index, self.by_name(cls), self.tree(state))
        raise TypeError(f"cannot pickle '{_type_name(obj)}' object")

    def by_name(self, obj):
        module = getattr(obj, "__module__", None) or "__main__"
        qualname = getattr(obj, "__qualname__", None) or obj.__name__
        if "<locals>" in qualname.split("."):
            raise AttributeError(f"Can't pickle local object {qualname!r}")
        try:
            found = _lookup(module, qualname)
        except (ImportError, AttributeError):
            found = None
        if found is not obj:
            raise PicklingError(
                f"Can't pickle {obj!r}: attribute lookup {qualname} on {module} failed")
        return ("G", module, qualname)


def _is_user_instance(obj, cls):
    # An instance of a class written in Python, with a __dict__ to carry.
    if cls.__module__ == "builtins":
        return False
    try:
        obj.__dict__
    except AttributeError:
        return False
    return True


class _Unpickler:
    def __init__(self):
        self.memo = {}

    def value(self, node):
        if type(node) is not tuple:
            return node
        op = node[0]
        if op == "R":
            return self.memo[node[1]]
        if op == "L":
            made = []
            self.memo[node[1]] = made
            for item in node[2]:
                made.append(self.value(item))
            return made
        if op == "D":
            made = {}
            self.memo[node[1]] = made
            flat = node[2]
            for i in range(0, len(flat), 2):
                made[self.value(flat[i])] = self.value(flat[i + 1])
            return made
        if op == "T":
            made = tuple(self.value(item) for item in node[2])
            self.memo[node[1]] = made
            return made
        if op == "S" or op == "F":
            items = [self.value(item) for item in node[2]]
            made = set(items) if op == "S" else frozenset(items)
            self.memo[node[1]] = made
            return made
        return self.object(op, node)

    def object(self, op, node):
        if op == "G":
            return _find_class(node[1], node[2])
        if op == "r":
            return range(node[1], node[2], node[3])
        if op == "M":
            return getattr(self.value(node[1]), node[2])
        if op == "P":
            import functools
            func, args, keywords = self.value(node[2])
            made = functools.partial(func, *args, **keywords)
            self.memo[node[1]] = made
            return made
        if op == "X":
            func = self.value(node[2])
            made = func(*self.value(node[3]))
            self.memo[node[1]] = made
            state = self.value(node[4])
            if state is not None:
                _set_state(made, state)
            return made
        if op == "E":
            cls = self.value(node[2])
            made = cls(*self.value(node[3]))
            self.memo[node[1]] = made
            made.__dict__.update(self.value(node[4]))
            return made
        if op == "I":
            cls = self.value(node[2])
            made = cls.__new__(cls)
            self.memo[node[1]] = made
            _set_state(made, self.value(node[3]))
            return made
        raise UnpicklingError(f"invalid load key, {op!r}.")


def _set_state(obj, state):
    setstate = getattr(obj, "__setstate__", None)
    if setstate is not None:
        setstate(state)
    else:
        obj.__dict__.update(state)


def _find_class(module_name, qualname):
    try:
        return _lookup(module_name, qualname)
    except AttributeError:
        module = sys.modules.get(module_name)
        where = getattr(module, "__file__", None)
        shown = f"<module {module_name!r} from {where!r}>" if where else repr(module)
        if module_name == "__main__" and module is not None:
            shown = f"<module {module.__name__!r} from {where!r}>" if where else repr(module)
        raise AttributeError(f"Can't get attribute {qualname!r} on {shown}") from None


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    return _pickle_codec.encode(_Pickler().tree(obj))


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    if not isinstance(data, bytes):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    try:
        tree = _pickle_codec.decode(data)
    except ValueError as err:
        raise UnpicklingError(str(err)) from None
    return _Unpickler().value(tree)

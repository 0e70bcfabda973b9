"""dataclasses: the decorator writes the methods as source and compiles
them, as CPython's does, so their behaviour and messages match."""

__all__ = ["dataclass", "field", "fields", "asdict", "astuple", "replace", "is_dataclass", "FrozenInstanceError", "MISSING", "Field", "KW_ONLY"]


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class _KwOnlyType:
    pass


KW_ONLY = _KwOnlyType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},"
                f"hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},_field_type=_FIELD)")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in found.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _copy_value(value, factory):
    if is_dataclass(value) and not isinstance(value, type):
        return factory([(f.name, _copy_value(getattr(value, f.name), factory)) for f in fields(value)])
    if isinstance(value, (list, tuple)):
        return type(value)(_copy_value(v, factory) for v in value)
    if isinstance(value, dict):
        return type(value)((_copy_value(k, factory), _copy_value(v, factory)) for k, v in value.items())
    return value


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _copy_value(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory(_copy_value(getattr(obj, f.name), lambda pairs: dict(pairs)) for f in fields(obj))


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _collect_fields(cls, kw_only):
    collected = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = base.__dict__.get("__dataclass_fields__")
        if base_fields:
            for f in base_fields.values():
                collected[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    current_kw_only = kw_only
    for name, type_ in annotations.items():
        if type_ is KW_ONLY or (isinstance(type_, str) and type_ == "KW_ONLY"):
            current_kw_only = True
            continue
        if isinstance(type_, str) and type_.startswith("ClassVar") or getattr(type_, "_is_classvar", False):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default, MISSING, True, True, None, True, None, MISSING)
        f.name = name
        f.type = type_
        if f.kw_only is MISSING:
            f.kw_only = current_kw_only
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not allowed: use default_factory")
        collected[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    return collected


def _init_source(fields_list, frozen):
    params = ["self"]
    body = []
    seen_default = False
    positional = [f for f in fields_list if f.init and not f.kw_only]
    keyword = [f for f in fields_list if f.init and f.kw_only]
    for f in positional + keyword:
        if f.kw_only and "*" not in params:
            params.append("*")
        if f.default is not MISSING:
            params.append(f"{f.name}=__dataclass_default_{f.name}__")
            seen_default = True
        elif f.default_factory is not MISSING:
            params.append(f"{f.name}=__dataclass_HAS_DEFAULT_FACTORY__")
            seen_default = True
        else:
            if seen_default and not f.kw_only:
                raise TypeError(f"non-default argument '{f.name}' follows default argument")
            params.append(f.name)
    for f in fields_list:
        if f.init:
            if f.default_factory is not MISSING:
                value = f"__dataclass_factory_{f.name}__() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}"
            else:
                value = f.name
        elif f.default_factory is not MISSING:
            value = f"__dataclass_factory_{f.name}__()"
        elif f.default is not MISSING:
            value = f"__dataclass_default_{f.name}__"
        else:
            continue
        if frozen:
            body.append(f"    __dataclass_builtins_object__.__setattr__(self, {f.name!r}, {value})")
        else:
            body.append(f"    self.{f.name} = {value}")
    body.append("    if hasattr(self, '__post_init__'):")
    body.append("        self.__post_init__()")
    return f"def __init__({', '.join(params)}):\n" + "\n".join(body) + "\n"


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    all_fields = _collect_fields(cls, kw_only)
    fields_list = list(all_fields.values())
    cls.__dataclass_fields__ = all_fields
    namespace = {"__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY, "__dataclass_builtins_object__": object, "MISSING": MISSING}
    for f in fields_list:
        namespace[f"__dataclass_default_{f.name}__"] = f.default
        namespace[f"__dataclass_factory_{f.name}__"] = f.default_factory
    if init and "__init__" not in cls.__dict__:
        exec(_init_source(fields_list, frozen), namespace)
        init_fn = namespace["__init__"]
        init_fn.__qualname__ = f"{cls.__qualname__}.__init__"
        cls.__init__ = init_fn
    if repr and "__repr__" not in cls.__dict__:
        shown = [f.name for f in fields_list if f.repr]

        def __repr__(self):
            parts = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
            return f"{self.__class__.__qualname__}({parts})"

        __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
        cls.__repr__ = __repr__
    compared = [f.name for f in fields_list if f.compare]
    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return tuple(getattr(self, n) for n in compared) == tuple(getattr(other, n) for n in compared)
            return NotImplemented

        cls.__eq__ = __eq__
    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if name in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. Consider using functools.total_ordering")
            source = (f"def {name}(self, other):\n"
                      f"    if other.__class__ is self.__class__:\n"
                      f"        return tuple(getattr(self, n) for n in compared) {op} tuple(getattr(other, n) for n in compared)\n"
                      f"    return NotImplemented\n")
            scope = {"compared": compared}
            exec(source, scope)
            setattr(cls, name, scope[name])
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")

        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")

        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    has_explicit_hash = "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None
    if unsafe_hash or (eq and frozen):
        if not has_explicit_hash or unsafe_hash:
            hashed = [f.name for f in fields_list if (f.compare if f.hash is None else f.hash)]
            cls.__hash__ = lambda self: hash(tuple(getattr(self, n) for n in hashed))
    elif eq and not has_explicit_hash:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in fields_list if f.init)
    return cls


class _HasDefaultFactory:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)

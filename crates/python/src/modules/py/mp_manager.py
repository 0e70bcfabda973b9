

# --- Managers -----------------------------------------------------------------------------
# A manager's objects are served by the broker, as CPython's are by a server process: each
# lives in a channel as one pickled message, and every call through a proxy takes it (under
# the object's lock), applies the method, and puts it back. Proxies pickle by reference.


class _Served:
    def __init__(self, value):
        self._channel = _process.new_channel()
        self._guard = Lock()
        _process.put(self._channel, _dumps(value))

    def call(self, method, *args):
        with self._guard:
            value = _loads(_get(self._channel, None))
            try:
                return getattr(value, method)(*args)
            finally:
                _process.put(self._channel, _dumps(value))


class BaseProxy:
    _exposed = ()

    def __init__(self, served):
        self._served = served

    def _callmethod(self, method, args=()):
        return self._served.call(method, *args)

    def __repr__(self):
        return (f"<{type(self).__name__} object, typeid "
                f"{self._typeid!r} at {hex(id(self))}>")

    def __str__(self):
        return self._callmethod("__repr__")


def _forward(method):
    def call(self, *args):
        return self._served.call(method, *args)
    call.__name__ = method
    return call


class DictProxy(BaseProxy):
    _typeid = "dict"

    def keys(self):
        return list(self._callmethod("keys"))

    def values(self):
        return list(self._callmethod("values"))

    def items(self):
        return list(self._callmethod("items"))

    def __iter__(self):
        return iter(self.keys())


for _name in ("__getitem__", "__setitem__", "__delitem__", "__len__", "__contains__", "get",
              "pop", "popitem", "setdefault", "update", "clear", "copy"):
    setattr(DictProxy, _name, _forward(_name))


class ListProxy(BaseProxy):
    _typeid = "list"

    def __iter__(self):
        return iter(self._callmethod("copy"))

    def __iadd__(self, other):
        self._callmethod("extend", (other,))
        return self


for _name in ("__getitem__", "__setitem__", "__delitem__", "__len__", "__contains__",
              "append", "extend", "insert", "pop", "remove", "index", "count", "sort",
              "reverse", "clear"):
    setattr(ListProxy, _name, _forward(_name))


class _Cell:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value

    def set(self, value):
        self.value = value


class ValueProxy(BaseProxy):
    _typeid = "Value"

    def get(self):
        return self._callmethod("get")

    def set(self, value):
        self._callmethod("set", (value,))

    value = property(get, set)


class SyncManager:
    def __init__(self, address=None, authkey=None, serializer="pickle", ctx=None):
        self._name = _next_name("SyncManager")
        self._state = "INITIAL"

    def start(self, initializer=None, initargs=()):
        if self._state != "INITIAL":
            raise ProcessError("Already started server")
        self._state = "STARTED"

    def _check(self):
        if self._state != "STARTED":
            raise ProcessError("Manager has not been started" if self._state == "INITIAL"
                               else "Manager has shut down")

    def dict(self, *args, **kwargs):
        self._check()
        return DictProxy(_Served(dict(*args, **kwargs)))

    def list(self, sequence=()):
        self._check()
        return ListProxy(_Served(list(sequence)))

    def Value(self, typecode, value, lock=True):
        self._check()
        return ValueProxy(_Served(_Cell(value)))

    def Lock(self):
        self._check()
        return Lock()

    def RLock(self):
        self._check()
        return RLock()

    def Event(self):
        self._check()
        return Event()

    def Semaphore(self, value=1):
        self._check()
        return Semaphore(value)

    def Queue(self, maxsize=0):
        self._check()
        return Queue(maxsize)

    def shutdown(self):
        self._state = "SHUTDOWN"

    def join(self, timeout=None):
        pass

    def __enter__(self):
        if self._state == "INITIAL":
            self.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()


def Manager():
    manager = SyncManager()
    manager.start()
    return manager

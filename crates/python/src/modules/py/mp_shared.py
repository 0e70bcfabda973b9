

# --- Synchronisation and shared memory ----------------------------------------------------
# A multiprocessing lock is a channel holding tokens: acquiring takes one (waiting for it,
# across processes), releasing puts it back. Value and Array keep their items in memory
# every process maps (the host's shared memory); a host without it keeps them in the
# broker instead, one message holding every item, reached under the value's lock.

_TOKEN = b"t"


class _TokenLock:
    _kind = "Lock"

    def __init__(self, tokens=1, *, ctx=None):
        self._channel = _process.new_channel()
        for _ in range(tokens):
            _process.put(self._channel, _TOKEN)

    def __reduce__(self):
        return (_rebuild_lock, (type(self), self._channel))

    def _init_local(self):
        pass

    def _take(self, block, timeout):
        if not block:
            timeout = 0
        elif timeout is not None and timeout < 0:
            timeout = 0
        try:
            _get(self._channel, timeout)
        except _Timeout:
            return False
        return True

    def acquire(self, block=True, timeout=None):
        return self._take(block, timeout)

    def release(self):
        _process.put(self._channel, _TOKEN)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


def _rebuild_lock(cls, channel):
    made = cls.__new__(cls)
    made._channel = channel
    made._init_local()
    return made


class Lock(_TokenLock):
    def __init__(self, *, ctx=None):
        _TokenLock.__init__(self, 1)
        self._init_local()

    def _init_local(self):
        self._owner = None

    def acquire(self, block=True, timeout=None):
        if self._take(block, timeout):
            self._owner = (current_process().name, threading.current_thread().name)
            return True
        return False

    def release(self):
        self._owner = None
        _TokenLock.release(self)

    def __repr__(self):
        if self._owner is None:
            return "<Lock(owner=None)>"
        name, thread = self._owner
        owner = name if thread == "MainThread" else f"{name}|{thread}"
        return f"<Lock(owner={owner})>"


class RLock(_TokenLock):
    def __init__(self, *, ctx=None):
        _TokenLock.__init__(self, 1)
        self._init_local()

    def _init_local(self):
        self._owner = None
        self._count = 0

    def acquire(self, block=True, timeout=None):
        me = threading.get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if not self._take(block, timeout):
            return False
        self._owner, self._count = me, 1
        return True

    def release(self):
        if self._owner != threading.get_ident():
            raise AssertionError("attempt to release recursive lock not owned by thread")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            _TokenLock.release(self)

    def __repr__(self):
        owner = current_process().name if self._owner is not None else None
        return f"<RLock({owner}, {self._count})>"


class Semaphore(_TokenLock):
    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        _TokenLock.__init__(self, value)

    def _init_local(self):
        pass

    def get_value(self):
        ticket = _process.request_size(self._channel)
        _process.wait(ticket, None)
        return int.from_bytes(_process.reply(ticket), "little")


class BoundedSemaphore(Semaphore):
    pass


class Event:
    def __init__(self, *, ctx=None):
        self._channel = _process.new_channel()

    def __reduce__(self):
        return (_rebuild_event, (self._channel,))

    def is_set(self):
        ticket = _process.request_size(self._channel)
        _process.wait(ticket, None)
        return int.from_bytes(_process.reply(ticket), "little") > 0

    def set(self):
        if not self.is_set():
            _process.put(self._channel, _TOKEN)

    def clear(self):
        try:
            _get(self._channel, 0)
        except _Timeout:
            pass

    def wait(self, timeout=None):
        try:
            _get(self._channel, timeout)
        except _Timeout:
            return False
        _process.put(self._channel, _TOKEN)
        return True


def _rebuild_event(channel):
    made = Event.__new__(Event)
    made._channel = channel
    return made


_CTYPES = {"c": "c_char", "b": "c_byte", "B": "c_ubyte", "h": "c_short", "H": "c_ushort",
           "i": "c_int", "I": "c_uint", "l": "c_long", "L": "c_ulong", "q": "c_longlong",
           "Q": "c_ulonglong", "f": "c_float", "d": "c_double", "?": "c_bool", "u": "c_wchar"}


class _Items:
    """Items of one typecode, in shared memory or, without it, in the broker."""

    def __init__(self, typecode, initial):
        if typecode not in _CTYPES:
            raise TypeError("this type has no size")
        self._typecode = typecode
        self._length = len(initial)
        self._block = _process.shared_new(len(initial))
        if self._block is None:
            self._channel = _process.new_channel()
            self._guard = Lock()
            values = [_process.convert(typecode, v) for v in initial]
            _process.put(self._channel, _dumps(values))
        else:
            for index, value in enumerate(initial):
                _process.shared_set(self._block, index, typecode, value)

    def __reduce__(self):
        state = (self._typecode, self._length, self._block,
                 getattr(self, "_channel", None), getattr(self, "_guard", None))
        return (_rebuild_items, state)

    def get(self, index):
        if self._block is not None:
            return _process.shared_get(self._block, index, self._typecode)
        with self._guard:
            values = _loads(_get(self._channel, None))
            _process.put(self._channel, _dumps(values))
        return values[index]

    def set(self, index, value):
        if self._block is not None:
            _process.shared_set(self._block, index, self._typecode, value)
            return
        value = _process.convert(self._typecode, value)
        with self._guard:
            values = _loads(_get(self._channel, None))
            values[index] = value
            _process.put(self._channel, _dumps(values))


def _rebuild_items(typecode, length, block, channel, guard):
    made = _Items.__new__(_Items)
    made._typecode, made._length, made._block = typecode, length, block
    if channel is not None:
        made._channel, made._guard = channel, guard
    return made


def _typecode_of(typecode_or_type):
    if isinstance(typecode_or_type, str):
        return typecode_or_type
    raise TypeError("this interpreter's Value and Array take typecodes ('i', 'd', 'c'...)")


class RawValueType:
    def __init__(self, typecode, value):
        zero = b"\x00" if typecode == "c" else 0
        self._items = _Items(typecode, [zero if value is None else value])

    @property
    def value(self):
        return self._items.get(0)

    @value.setter
    def value(self, value):
        self._items.set(0, value)

    def __repr__(self):
        return f"{_CTYPES[self._items._typecode]}({self.value!r})"


class RawArrayType:
    def __init__(self, typecode, size_or_initializer):
        zero = b"\x00" if typecode == "c" else 0
        if isinstance(size_or_initializer, int):
            initial = [zero] * size_or_initializer
        elif typecode == "c" and isinstance(size_or_initializer, bytes):
            initial = [bytes([b]) for b in size_or_initializer]
        else:
            initial = list(size_or_initializer)
        self._items = _Items(typecode, initial)

    def __len__(self):
        return self._items._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._items.get(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("invalid index")
        return self._items.get(index)

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            positions = range(*index.indices(len(self)))
            values = list(value)
            if len(values) != len(positions):
                raise ValueError("Can only assign sequence of same size")
            for i, v in zip(positions, values):
                self._items.set(i, v)
            return
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("invalid index")
        self._items.set(index, value)

    def __iter__(self):
        return iter(self[:])

    @property
    def value(self):
        data = b"".join(self[:])
        end = data.find(b"\x00")
        return data if end < 0 else data[:end]

    def __repr__(self):
        name = _CTYPES[self._items._typecode]
        return f"<multiprocessing.sharedctypes.{name}_Array_{len(self)} object>"


def RawValue(typecode_or_type, *args):
    return RawValueType(_typecode_of(typecode_or_type), args[0] if args else None)


def RawArray(typecode_or_type, size_or_initializer):
    return RawArrayType(_typecode_of(typecode_or_type), size_or_initializer)


class Synchronized:
    def __init__(self, obj, lock=None):
        self._obj = obj
        self._lock = lock if lock is not None else RLock()

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self._obj

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj.value = value

    def __repr__(self):
        return f"<Synchronized wrapper for {self._obj!r}>"


class SynchronizedArray(Synchronized):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, index):
        with self._lock:
            return self._obj[index]

    def __setitem__(self, index, value):
        with self._lock:
            self._obj[index] = value

    def __iter__(self):
        return iter(self[:])

    def __repr__(self):
        return f"<SynchronizedArray wrapper for {self._obj!r}>"


def Value(typecode_or_type, *args, lock=True, ctx=None):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, None if lock is True or lock is None else lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return SynchronizedArray(obj, None if lock is True or lock is None else lock)

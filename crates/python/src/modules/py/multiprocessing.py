# multiprocessing with the spawn start method: each process is a separate interpreter
# instance that runs the program again as __mp_main__, then what its parent sent it.
# Everything that crosses (a process's target and arguments, queue items, pipe messages,
# results) is pickled to bytes and carried by the run's broker (the _process module).
import _process
import pickle
import threading

__all__ = ["Process", "Queue", "SimpleQueue", "Pipe", "current_process", "parent_process",
           "active_children", "cpu_count", "get_start_method", "set_start_method",
           "get_context", "get_all_start_methods", "TimeoutError", "ProcessError",
           "AuthenticationError", "BufferTooShort", "freeze_support"]


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


_BOOTSTRAP_ERROR = '''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        '''

_start_method = None
# True while a spawned child runs the program again (before its target).
_bootstrapping = False


def cpu_count():
    import os
    return os.cpu_count()


def freeze_support():
    pass


def get_all_start_methods():
    return ["spawn"]


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None and not allow_none:
        _start_method = "spawn"
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError("context has already been set")
    if method is not None and method != "spawn":
        if method in ("fork", "forkserver"):
            raise ValueError(f"cannot find context for {method!r}: this interpreter "
                             "starts processes with 'spawn' only")
        raise ValueError(f"cannot find context for {method!r}")
    _start_method = method


def _dumps(obj):
    return pickle.dumps(obj)


def _loads(data):
    return pickle.loads(data)


def _get(channel, timeout):
    # The next message of a channel, unpickled; raises queue.Empty-like _Timeout.
    ticket = _process.request_get(channel)
    if not _process.wait(ticket, timeout):
        data = _process.abandon(ticket)
        if data is None:
            raise _Timeout()
    else:
        data = _process.reply(ticket)
    return data


class _Timeout(Exception):
    pass


class Queue:
    """A queue between processes: items are pickled into the broker's channel."""

    def __init__(self, maxsize=0, *, ctx=None):
        self._maxsize = maxsize
        self._channel = _process.new_channel()
        self._closed = False
        # A bounded queue's free places are tokens: put takes one, get gives one back.
        self._slots = Semaphore(maxsize) if maxsize > 0 else None

    def __reduce__(self):
        return (_rebuild_queue, (type(self), self._channel, self._maxsize, self._slots))

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        data = _dumps(obj)
        if self._slots is not None and not self._slots.acquire(block, timeout):
            import queue
            raise queue.Full
        _process.put(self._channel, data)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not block:
            timeout = 0
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        try:
            data = _get(self._channel, timeout)
        except _Timeout:
            import queue
            raise queue.Empty from None
        if self._slots is not None:
            self._slots.release()
        return _loads(data)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        ticket = _process.request_size(self._channel)
        _process.wait(ticket, None)
        return int.from_bytes(_process.reply(ticket), "little")

    def empty(self):
        return self.qsize() == 0

    def full(self):
        return self._maxsize > 0 and self.qsize() >= self._maxsize

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


def _rebuild_queue(cls, channel, maxsize, slots=None):
    queue = cls.__new__(cls)
    queue._maxsize = maxsize
    queue._channel = channel
    queue._closed = False
    queue._slots = slots
    return queue


class SimpleQueue(Queue):
    def __init__(self, *, ctx=None):
        Queue.__init__(self)

    def get(self):
        return Queue.get(self)

    def put(self, obj):
        Queue.put(self, obj)

    def close(self):
        self._closed = True


class JoinableQueue(Queue):
    pass


class Connection:
    """One end of a Pipe: sends on one channel, receives on another."""

    def __init__(self, send_channel, recv_channel, readable=True, writable=True):
        self._send = send_channel
        self._recv = recv_channel
        self._readable = readable
        self._writable = writable
        self._closed = False
        self._held = []

    def __reduce__(self):
        return (Connection, (self._send, self._recv, self._readable, self._writable))

    def _check(self, readable=False, writable=False):
        if self._closed:
            raise OSError("handle is closed")
        if readable and not self._readable:
            raise OSError("connection is write-only")
        if writable and not self._writable:
            raise OSError("connection is read-only")

    def send(self, obj):
        self._check(writable=True)
        _process.put(self._send, _dumps(obj))

    def send_bytes(self, buf):
        self._check(writable=True)
        _process.put(self._send, _dumps(bytes(buf)))

    def recv(self):
        self._check(readable=True)
        if self._held:
            return _loads(self._held.pop(0))
        return _loads(_get(self._recv, None))

    def recv_bytes(self, maxlength=None):
        return self.recv()

    def poll(self, timeout=0.0):
        self._check(readable=True)
        if self._held:
            return True
        try:
            self._held.append(_get(self._recv, timeout))
        except _Timeout:
            return False
        return True

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def fileno(self):
        return self._recv & 0xFFFF

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def Pipe(duplex=True):
    first, second = _process.new_channel(), _process.new_channel()
    if duplex:
        return Connection(first, second), Connection(second, first)
    return Connection(0, first, True, False), Connection(first, 0, False, True)

# asyncio: futures, callbacks and the exceptions, as CPython's asyncio keeps
# them (futures.py, events.py, exceptions.py), over the native `_asyncio`.
import _asyncio
import _net
import _thread
from collections import deque


class CancelledError(BaseException):
    """The operation was cancelled."""

    __module__ = "asyncio.exceptions"


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""

    __module__ = "asyncio.exceptions"


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""

    __module__ = "asyncio.queues"


class QueueFull(Exception):
    """Raised when Queue.put_nowait() is called on a full Queue."""

    __module__ = "asyncio.queues"


TimeoutError = TimeoutError


class BaseExceptionGroup(BaseException):
    """A group of exceptions raised together (a TaskGroup's failures)."""

    __module__ = "builtins"

    def __init__(self, message, exceptions):
        if not isinstance(message, str):
            raise TypeError(f"argument 1 must be str, not {type(message).__name__}")
        exceptions = list(exceptions)
        if not exceptions:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        super().__init__(message, exceptions)
        self.message = message
        self.exceptions = tuple(exceptions)

    def __str__(self):
        count = len(self.exceptions)
        return f"{self.message} ({count} sub-exception{'s' if count > 1 else ''})"

    def derive(self, exceptions):
        return _exception_group(self.message, exceptions)

    def subgroup(self, condition):
        return self.split(condition)[0]

    def split(self, condition):
        if isinstance(condition, type) or isinstance(condition, tuple):
            kinds = condition
            condition = lambda exc: isinstance(exc, kinds)
        matched = [e for e in self.exceptions if condition(e)]
        rest = [e for e in self.exceptions if not condition(e)]
        return (self.derive(matched) if matched else None,
                self.derive(rest) if rest else None)


class ExceptionGroup(BaseExceptionGroup, Exception):
    """A group of exceptions that are all `Exception`s."""

    __module__ = "builtins"


def _exception_group(message, exceptions):
    if all(isinstance(exc, Exception) for exc in exceptions):
        return ExceptionGroup(message, exceptions)
    return BaseExceptionGroup(message, exceptions)


_asyncio._install_builtin("BaseExceptionGroup", BaseExceptionGroup)
_asyncio._install_builtin("ExceptionGroup", ExceptionGroup)


async def _probe():
    pass


_probe_coro = _probe()
_CoroutineType = type(_probe_coro)
_probe_coro.close()
del _probe_coro


def iscoroutine(obj):
    """Whether `obj` is a coroutine object."""
    return type(obj) is _CoroutineType


def iscoroutinefunction(func):
    """Whether `func` is an `async def` function."""
    return _asyncio._is_coroutine_function(func)


def isfuture(obj):
    """Whether `obj` is an asyncio future (a Future or a Task)."""
    return getattr(type(obj), "_asyncio_future_blocking", None) is not None and \
        obj._asyncio_future_blocking is not None


_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class Future:
    """A result that will be ready later, awaited by tasks."""

    _asyncio_future_blocking = False
    # How a task awaiting it is drawn on the timeline, and why.
    _wait_state = "wait"
    _wait_note = "Future"
    # An exception nobody asked for is reported when the run ends.
    _log_traceback = False

    def __init__(self, *, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def __repr__(self):
        state = self._state.lower()
        if self._state == _FINISHED:
            if self._exception is not None:
                state += f" exception={self._exception!r}"
            else:
                state += f" result={self._result!r}"
        return f"<{type(self).__name__} {state}>"

    def get_loop(self):
        return self._loop

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        self._callbacks = []
        loop = self._loop
        for callback in callbacks:
            task = getattr(callback, "__self__", None)
            if type(task) is Task and task._lane is not None:
                _asyncio._mark(task._lane, "ready", None)
            loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def _make_cancelled_error(self):
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not ready.")
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [cb for cb in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


class Handle:
    """A callback scheduled on the loop (`call_soon`)."""

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def __repr__(self):
        state = " cancelled" if self._cancelled else ""
        return f"<{type(self).__name__}{state} {self._callback!r}>"

    def cancel(self):
        self._cancelled = True
        self._callback = None
        self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": f"Exception in callback {self._callback!r}",
                "exception": exc,
            })


class TimerHandle(Handle):
    """A callback scheduled for a time (`call_later`, `call_at`)."""

    def __init__(self, when, callback, args, loop):
        super().__init__(callback, args, loop)
        self._when = when

    def when(self):
        return self._when


class _Sleep0:
    # `await asyncio.sleep(0)`: one bare yield gives every ready callback a turn.
    def __await__(self):
        yield

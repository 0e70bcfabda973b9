# asyncio: tasks, and the functions that wait on them (CPython's tasks.py).
# Every task is a lane of the timeline when the run is recorded: running
# while its step runs, ready while scheduled, and asleep or waiting (with
# what for) while it awaits.

_task_name_counter = 0
_all_tasks = set()
# Tasks that ended with an exception, checked for one nobody retrieved.
_failed_tasks = []
# Lanes left for tasks: the timeline's lanes are shared with threads, which
# must still be able to start once a program has made thousands of tasks.
_task_lanes_left = 1024


class Task(Future):
    """A coroutine run by the event loop, step by step."""

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        # Every task takes a number, named or not, as CPython counts them.
        global _task_name_counter
        _task_name_counter += 1
        if name is None:
            name = f"Task-{_task_name_counter}"
        else:
            name = str(name)
        self._name = name
        self._coro = coro
        self._coro_info = _asyncio._coro_info(coro)
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        global _task_lanes_left
        self._lane = _asyncio._task_lane(name) if _task_lanes_left > 0 else None
        if self._lane is not None:
            _task_lanes_left -= 1
        self._start_mark = None
        self._finish_mark = None
        if self._lane is not None:
            creator = self._loop._current_task
            lane = creator._lane if creator is not None else _asyncio._lane()
            self._start_mark = _asyncio._flow_mark(lane)
        self._loop.call_soon(self._step)
        _all_tasks.add(self)

    def __repr__(self):
        state = self._state.lower()
        if self._state == _PENDING and self._must_cancel:
            state = "cancelling"
        now = _asyncio._coro_info(self._coro) if self._state == _PENDING else None
        if now is not None:
            coro = f"{now[0]}() running at {now[1]}:{now[3]}"
        elif self._coro_info is not None:
            name, filename, first_line, _ = self._coro_info
            coro = f"{name}() done, defined at {filename}:{first_line}"
        else:
            coro = "coroutine"
        text = f"<Task {state} name={self._name!r} coro=<{coro}>"
        if self._state == _FINISHED:
            if self._exception is not None:
                text += f" exception={self._exception!r}"
            else:
                text += f" result={self._result!r}"
        return text + ">"

    @property
    def _wait_note(self):
        return f"await {self._name}"

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)
        if self._lane is not None:
            _asyncio._rename_lane(self._lane, self._name)

    def get_coro(self):
        return self._coro

    def get_context(self):
        return None

    def get_stack(self, *, limit=None):
        return []

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._lane is not None:
            _asyncio._mark(self._lane, "ready", "cancel requested")
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self._state != _PENDING:
            raise InvalidStateError(f"_step(): already done: {self!r}, {exc!r}")
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        previous = loop._current_task
        loop._current_task = self
        lane = self._lane
        if lane is not None:
            if self._start_mark is not None:
                _asyncio._flow_end(self._start_mark, lane, "start")
                self._start_mark = None
            _asyncio._mark(lane, "running", None, self._coro)
        try:
            self._step_run(exc)
        finally:
            loop._current_task = previous
        if self._state != _PENDING:
            _all_tasks.discard(self)
            if self._exception is not None:
                _failed_tasks.append(self)
            if lane is not None:
                self._finish_mark = _asyncio._flow_mark(lane)
                _asyncio._mark(lane, "cancelled" if self._state == _CANCELLED else "done", None)

    def _step_run(self, exc):
        coro = self._coro
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError as cancelled:
            self._cancelled_exc = cancelled
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as fatal:
            Future.set_exception(self, fatal)
            raise
        except BaseException as error:
            _asyncio._drop_step_frame(error)
            Future.set_exception(self, error)
        else:
            self._awaiting(result)

    def _awaiting(self, result):
        # The coroutine yielded: a future to wait for, or None (a bare yield).
        loop = self._loop
        blocking = getattr(result, "_asyncio_future_blocking", None)
        if blocking is not None:
            if result._loop is not loop:
                error = RuntimeError(
                    f"Task {self!r} got Future {result!r} attached to a different loop")
                loop.call_soon(self._step, error)
            elif blocking:
                if result is self:
                    loop.call_soon(self._step, RuntimeError(f"Task cannot await on itself: {self!r}"))
                    return
                result._asyncio_future_blocking = False
                result.add_done_callback(self._wakeup)
                self._fut_waiter = result
                if self._must_cancel:
                    if result.cancel(msg=self._cancel_message):
                        self._must_cancel = False
                if self._lane is not None and not result.done():
                    _asyncio._mark(self._lane, result._wait_state, result._wait_note, self._coro)
            else:
                loop.call_soon(self._step, RuntimeError(
                    f"yield was used instead of yield from in task {self!r} with {result!r}"))
        elif result is None:
            loop.call_soon(self._step)
            if self._lane is not None:
                _asyncio._mark(self._lane, "ready", None, self._coro)
        else:
            loop.call_soon(self._step, RuntimeError(f"Task got bad yield: {result!r}"))

    def _wakeup(self, future):
        if self._lane is not None:
            # A result reaches its awaiter: from the task that made it, or
            # from each task a gather waited for.
            for source in getattr(future, "_children", None) or (future,):
                mark = getattr(source, "_finish_mark", None)
                if mark is not None:
                    _asyncio._flow_end(mark, self._lane, "finish")
                    source._finish_mark = None
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def create_task(coro, *, name=None, context=None):
    """Schedules `coro` to run as a task of the running loop."""
    return get_running_loop().create_task(coro, name=name)


def current_task(loop=None):
    """The task running now."""
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    """The tasks of `loop` not yet done."""
    if loop is None:
        loop = get_running_loop()
    return {task for task in list(_all_tasks) if task._loop is loop and not task.done()}


def ensure_future(coro_or_future, *, loop=None):
    """A future for an awaitable: a coroutine becomes a task."""
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future._loop:
            raise ValueError("The future belongs to a different loop than the one specified as the loop argument")
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, "__await__"):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _wrap_awaitable(awaitable):
    return await awaitable


async def sleep(delay, result=None):
    """Suspends the calling task for `delay` seconds."""
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    future._wait_state = "sleep"
    future._wait_note = None
    handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


class _GatheringFuture(Future):
    _wait_note = "gather"

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled = True
        if cancelled:
            self._cancel_requested = True
        return cancelled


def gather(*coros_or_futures, return_exceptions=False):
    """Runs the awaitables concurrently; their results in argument order."""
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    state = {"finished": 0, "outer": None}
    children = []
    by_arg = {}
    loop = None

    def on_child_done(fut):
        state["finished"] += 1
        outer = state["outer"]
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state["finished"] == len(by_arg):
            outer_done(outer)

    def outer_done(outer):
        results = []
        for fut in children:
            if fut.cancelled():
                message = fut._cancel_message
                results.append(CancelledError("" if message is None else message))
            else:
                exc = fut.exception()
                results.append(fut.result() if exc is None else exc)
        if outer._cancel_requested:
            outer.set_exception(children[-1]._make_cancelled_error())
        else:
            outer.set_result(results)

    for arg in coros_or_futures:
        if arg in by_arg:
            children.append(by_arg[arg])
            continue
        fut = ensure_future(arg, loop=loop)
        if loop is None:
            loop = fut._loop
        by_arg[arg] = fut
        fut.add_done_callback(on_child_done)
        children.append(fut)
    state["outer"] = _GatheringFuture(children, loop=loop)
    return state["outer"]


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    callback = lambda f: _release_waiter(waiter)
    fut.add_done_callback(callback)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(callback)


def shield(arg):
    """Protects an awaitable from being cancelled with its awaiter."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner._loop.create_future()

    def on_inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())

    def on_outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(on_inner_done)

    inner.add_done_callback(on_inner_done)
    outer.add_done_callback(on_outer_done)
    return outer


async def to_thread(func, /, *args, **kwargs):
    """Runs `func(*args, **kwargs)` in a worker thread and awaits its result."""
    loop = get_running_loop()
    return await loop.run_in_executor(None, lambda: func(*args, **kwargs))

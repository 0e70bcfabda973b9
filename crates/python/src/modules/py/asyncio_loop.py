# asyncio: the event loop (CPython's base_events.py and runners.py, in
# short). A ready queue, a heap of timers, and one blocking point: the
# native `_select`, which waits until the earliest timer or until something
# outside the loop (a worker thread's result, a network reply) wakes it.
import heapq
import math as _math

# Timers due this close to now run now (the clock's resolution).
_CLOCK_RESOLUTION = 1e-6
# The loop running in each thread, by thread ident.
_running_loops = {}
_current_loops = {}


class EventLoop:
    """The event loop: runs callbacks and tasks, one at a time, on one thread."""

    def __init__(self):
        self._ready = deque()
        self._scheduled = []
        self._timer_count = 0
        self._selector = _asyncio._selector()
        self._closed = False
        self._stopping = False
        self._running = False
        self._current_task = None
        self._default_executor = None
        self._exception_handler = None
        # Network requests in flight, with the futures their answers go to.
        self._io = []

    def __repr__(self):
        return (f"<_UnixSelectorEventLoop running={self._running} "
                f"closed={self._closed} debug=False>")

    def time(self):
        return _asyncio._time()

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        _asyncio._wake(self._selector)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = TimerHandle(when, callback, args, self)
        self._timer_count += 1
        heapq.heappush(self._scheduled, (when, self._timer_count, timer))
        return timer

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return Task(coro, loop=self, name=name)

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        executor = self._default_executor
        self._default_executor = None
        if executor is not None:
            executor.shutdown(wait=False)

    def run_forever(self):
        self._check_closed()
        if self._running:
            raise RuntimeError("This event loop is already running")
        ident = _thread.get_ident()
        if ident in _running_loops:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._running = True
        _running_loops[ident] = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            del _running_loops[ident]

    def run_until_complete(self, future):
        self._check_closed()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_stop_loop)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _run_once(self):
        # One turn: wait for the earliest timer (or a wake-up from outside),
        # move the timers that are due to the ready queue, run what is ready.
        scheduled = self._scheduled
        while scheduled and scheduled[0][2]._cancelled:
            heapq.heappop(scheduled)
        if self._ready or self._stopping:
            timeout = 0
        elif scheduled:
            # CPython's epoll selector waits whole milliseconds, rounded up,
            # so timers due a few microseconds apart come due in one turn;
            # programs (and their printed order) rely on that.
            timeout = _math.ceil(max(0, scheduled[0][0] - self.time()) * 1e3) * 1e-3
        else:
            timeout = None
        _asyncio._select(self._selector, timeout)
        if self._io:
            self._poll_io()
        end = self.time() + _CLOCK_RESOLUTION
        ready = self._ready
        while scheduled and scheduled[0][0] <= end:
            timer = heapq.heappop(scheduled)[2]
            if not timer._cancelled:
                ready.append(timer)
        for _ in range(len(ready)):
            handle = ready.popleft()
            if not handle._cancelled:
                handle._run()

    def _fetch(self, url):
        # A future for the answer to a request of the lab's network, made
        # now; its completion raises the selector, and `_poll_io` sees it.
        future = self.create_future()
        future._wait_state = "io"
        future._wait_note = url
        self._io.append((_net._start(url, self._selector), future))
        return future

    def _poll_io(self):
        pending = []
        for request, future in self._io:
            if future.done():
                continue
            outcome = _net._result(request)
            if outcome is None:
                pending.append((request, future))
            else:
                future.set_result(outcome)
        self._io = pending

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        # CPython joins the pool from a thread of its own; here it is joined
        # in place, once every other task is done.
        executor = self._default_executor
        self._default_executor = None
        if executor is not None:
            executor.shutdown(wait=True)

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        import sys
        lines = [context.get("message") or "Unhandled exception in event loop"]
        for key in sorted(context):
            if key not in ("message", "exception"):
                lines.append(f"{key}: {context[key]!r}")
        text = "\n".join(lines) + "\n"
        exc = context.get("exception")
        if exc is not None:
            text += _asyncio._format_exception(exc)
        sys.stderr.write(text)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)

    def get_debug(self):
        return False

    def set_debug(self, enabled):
        pass


def _stop_loop(fut):
    fut._loop.stop()


def wrap_future(future, *, loop=None):
    """An asyncio future that follows a concurrent.futures one."""
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()
    new_future._wait_note = "to_thread"

    def copy_state(source):
        if new_future.cancelled():
            return
        if source.cancelled():
            new_future.cancel()
        elif source.exception() is not None:
            new_future.set_exception(source.exception())
        else:
            new_future.set_result(source.result())

    def on_source_done(source):
        if not loop.is_closed():
            loop.call_soon_threadsafe(copy_state, source)

    def on_new_done(destination):
        if destination.cancelled():
            future.cancel()

    new_future.add_done_callback(on_new_done)
    future.add_done_callback(on_source_done)
    return new_future


def _get_running_loop():
    return _running_loops.get(_thread.get_ident())


def get_running_loop():
    """The loop running in this thread (RuntimeError if none)."""
    loop = _running_loops.get(_thread.get_ident())
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def get_event_loop():
    """The running loop, else this thread's current loop (made if needed)."""
    ident = _thread.get_ident()
    loop = _running_loops.get(ident)
    if loop is not None:
        return loop
    loop = _current_loops.get(ident)
    if loop is None or loop.is_closed():
        loop = new_event_loop()
        _current_loops[ident] = loop
    return loop


def set_event_loop(loop):
    _current_loops[_thread.get_ident()] = loop


def new_event_loop():
    return EventLoop()


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


def _report_unretrieved(loop):
    # CPython reports a task's exception nobody retrieved when the task is
    # collected; here, when the run that made it ends.
    failed = _failed_tasks[:]
    _failed_tasks.clear()
    for task in failed:
        if task._log_traceback:
            task._log_traceback = False
            loop.default_exception_handler({
                "message": "Task exception was never retrieved",
                "exception": task._exception,
                "future": task,
            })


class Runner:
    """Runs coroutines on one event loop, closed when the runner is."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._loop = None
        self._closed = False
        self._loop_factory = loop_factory

    def __enter__(self):
        self.get_loop()
        return self

    def __exit__(self, *exc):
        self.close()

    def get_loop(self):
        if self._closed:
            raise RuntimeError("Runner is closed")
        if self._loop is None:
            self._loop = new_event_loop() if self._loop_factory is None else self._loop_factory()
            set_event_loop(self._loop)
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError(f"a coroutine was expected, got {coro!r}")
        if _get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        loop = self.get_loop()
        return loop.run_until_complete(loop.create_task(coro))

    def close(self):
        if self._closed or self._loop is None:
            self._closed = True
            return
        try:
            _shut_down(self._loop)
        finally:
            self._loop = None
            self._closed = True


def run(main, *, debug=None):
    """Runs the coroutine `main` on a new event loop, and closes it."""
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    loop = new_event_loop()
    try:
        set_event_loop(loop)
        return loop.run_until_complete(main)
    finally:
        _shut_down(loop)


def _shut_down(loop):
    # What asyncio.run and Runner.close do last: cancel what is left, finish
    # async generators and the default executor, then close the loop.
    try:
        _cancel_all_tasks(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        set_event_loop(None)
        loop.close()
        _report_unretrieved(loop)

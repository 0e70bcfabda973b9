

# --- Pools -------------------------------------------------------------------------------
# A pool's workers are spawned processes that take tasks from one channel and put results
# on another; a thread of the parent hands each result to its job, as CPython's result
# handler does. A worker's end is announced on the result channel too (the broker's
# watch), so a pool hears of a worker that died.


def _pool_worker(tasks, results, initializer=None, initargs=()):
    if initializer is not None:
        initializer(*initargs)
    pid = _identity[0]
    while True:
        task = tasks.get()
        if task is None:
            break
        job, index, func, chunk, star = task
        try:
            if star:
                value = [func(*args) for args in chunk]
            else:
                value = [func(args) for args in chunk]
            outcome = (job, index, True, value, pid)
        except BaseException as exc:
            outcome = (job, index, False, exc, pid)
        try:
            results.put(outcome)
        except Exception as exc:
            error = MaybeEncodingError(exc, outcome[3])
            results.put((job, index, False, error, pid))


class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)


class AsyncResult:
    def __init__(self, pool, chunks, callback=None, error_callback=None, single=False):
        self._pool = pool
        self._event = threading.Event()
        self._chunks = chunks
        self._left = chunks
        self._values = [None] * chunks
        self._error = None
        self._callback = callback
        self._error_callback = error_callback
        self._single = single
        if chunks == 0:
            self._finish()

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError(f"{self!r} not ready")
        return self._error is None

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._error is not None:
            raise self._error
        return self._value

    def _set(self, index, ok, value):
        if ok:
            self._values[index] = value
        elif self._error is None:
            self._error = value
        self._left -= 1
        if self._left == 0:
            self._finish()

    def _finish(self):
        if self._error is None:
            flat = []
            for part in self._values:
                flat.extend(part)
            self._value = flat[0] if self._single else flat
            if self._callback is not None:
                self._callback(self._value)
        elif self._error_callback is not None:
            self._error_callback(self._error)
        self._event.set()


ApplyResult = AsyncResult
MapResult = AsyncResult


class _IMapIterator:
    def __init__(self, ordered):
        self._ordered = ordered
        self._cond = threading.Condition()
        self._items = {}
        self._order = []
        self._next = 0
        self._length = None

    def _set(self, index, ok, value):
        with self._cond:
            self._items[index] = (ok, value)
            self._order.append(index)
            self._cond.notify_all()

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while True:
                if self._length is not None and self._next >= self._length:
                    raise StopIteration
                key = self._next if self._ordered else (self._order[self._next]
                                                       if self._next < len(self._order) else None)
                if key is not None and key in self._items:
                    break
                if not self._cond.wait(timeout):
                    raise TimeoutError
            self._next += 1
            ok, value = self._items.pop(key)
        if not ok:
            raise value
        return value[0]

    __next__ = next


class Pool:
    _worker_name = "SpawnPoolWorker"

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        if processes is None:
            processes = cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        self._tasks = SimpleQueue()
        self._results = SimpleQueue()
        self._jobs = {}
        self._next_job = 0
        self._state = "RUN"
        self._pool = []
        for _ in range(processes):
            worker = SpawnProcess(target=_pool_worker,
                                  args=(self._tasks, self._results, initializer, initargs))
            worker.name = worker.name.replace("Process", "PoolWorker")
            worker.daemon = True
            worker.start()
            _process.watch(worker.pid, self._results._channel, _dumps(("exit", worker.pid)))
            self._pool.append(worker)
        self._handler = threading.Thread(target=self._handle_results, daemon=True,
                                         name="Thread-pool-results")
        self._handler.start()

    def _handle_results(self):
        alive = len(self._pool)
        while alive:
            message = self._results.get()
            if message[0] == "exit":
                alive -= 1
                continue
            job, index, ok, value, pid = message
            target = self._jobs.get(job)
            if target is None:
                continue
            target._set(index, ok, value)
            if isinstance(target, AsyncResult) and target.ready():
                del self._jobs[job]

    def _check_running(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")

    def _submit(self, func, chunks, star, result):
        job = self._next_job
        self._next_job += 1
        tasks = [_dumps((job, index, func, chunk, star)) for index, chunk in enumerate(chunks)]
        self._jobs[job] = result
        for data in tasks:
            _process.put(self._tasks._channel, data)
        return result

    @staticmethod
    def _chunks(items, chunksize):
        return [items[i:i + chunksize] for i in range(0, len(items), chunksize)]

    def _chunksize(self, items, chunksize):
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._pool) * 4)
            if extra:
                chunksize += 1
        return max(1, chunksize)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = AsyncResult(self, 1, callback, error_callback, single=True)
        if kwds:
            import functools
            func, args = functools.partial(func, **kwds), args
        return self._submit(func, [[tuple(args)]], True, result)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None,
                  star=False):
        self._check_running()
        items = list(iterable)
        chunks = self._chunks(items, self._chunksize(items, chunksize))
        result = AsyncResult(self, len(chunks), callback, error_callback)
        return self._submit(func, chunks, star, result)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self.map_async(func, iterable, chunksize, callback, error_callback, star=True)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def _imap(self, func, iterable, chunksize, ordered):
        self._check_running()
        items = list(iterable)
        iterator = _IMapIterator(ordered)
        iterator._length = len(items)
        return self._submit(func, [[item] for item in items], False, iterator)

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"
            for _ in self._pool:
                self._tasks.put(None)

    def terminate(self):
        self._state = "TERMINATE"
        for worker in self._pool:
            worker.terminate()

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        for worker in self._pool:
            worker.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        return f"<multiprocessing.pool.Pool state={self._state} pool_size={len(self._pool)}>"

# concurrent.futures.process: ProcessPoolExecutor over spawned processes. Workers are
# started as work comes (up to max_workers), take calls from one channel and put results
# on another; a thread of the parent completes the futures. A worker that ends while work
# is pending breaks the pool, as CPython's does.
import os
import threading
from concurrent.futures import _base

EXTRA_QUEUED_CALLS = 1


class BrokenProcessPool(_base.BrokenExecutor):
    """A child process ended abruptly: the pool cannot be used any more."""


def _process_worker(calls, results):
    import multiprocessing
    pid = os.getpid()
    while True:
        call = calls.get()
        if call is None:
            break
        work_id, fn, args, kwargs = call
        try:
            outcome = (work_id, True, fn(*args, **kwargs), pid)
        except BaseException as exc:
            outcome = (work_id, False, exc, pid)
        try:
            results.put(outcome)
        except Exception as exc:
            results.put((work_id, False, exc, pid))


def _chunk_worker(fn, chunk):
    return [fn(*args) for args in chunk]


class ProcessPoolExecutor(_base.Executor):
    _broken_class = BrokenProcessPool

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        import multiprocessing
        self._mp = multiprocessing
        if max_workers is None:
            max_workers = os.process_cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if mp_context is None:
            mp_context = multiprocessing.get_context("spawn")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._context = mp_context
        self._calls = multiprocessing.SimpleQueue()
        self._results = multiprocessing.SimpleQueue()
        self._workers = {}
        self._pending = {}
        self._next_id = 0
        self._lock = threading.Lock()
        self._shutdown = False
        self._broken = False
        self._handler = None

    def _new_worker(self):
        return self._context.Process(target=_process_worker, args=(self._calls, self._results))

    def _spawn_worker(self):
        worker = self._new_worker()
        worker.start()
        import _process
        import pickle
        _process.watch(worker.pid, self._results._channel, pickle.dumps(("exit", worker.pid)))
        self._workers[worker.pid] = worker

    def _handle_results(self):
        while True:
            message = self._results.get()
            if message[0] == "exit":
                with self._lock:
                    self._workers.pop(message[1], None)
                    if self._shutdown and not self._workers:
                        return
                    if not self._shutdown or self._pending:
                        self._break()
                        if not self._workers:
                            return
                continue
            work_id, ok, value, pid = message
            with self._lock:
                future = self._pending.pop(work_id, None)
            if future is None:
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(self._failure(value))

    def _failure(self, error):
        return error

    def _break(self):
        self._broken = ("A child process terminated abruptly, the process pool is not "
                        "usable anymore")
        error = self._broken_class("A process in the process pool was terminated "
                                   "abruptly while the future was running or pending.")
        for future in self._pending.values():
            if not future.done():
                future.set_exception(error)
        self._pending.clear()
        for worker in list(self._workers.values()):
            worker.terminate()

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise self._broken_class(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            future = _base.Future()
            work_id = self._next_id
            self._next_id += 1
            import pickle
            data = pickle.dumps((work_id, fn, args, kwargs))
            self._pending[work_id] = future
            if len(self._workers) < min(self._max_workers, len(self._pending)):
                self._spawn_worker()
            if self._handler is None:
                self._handler = threading.Thread(target=self._handle_results, daemon=True)
                self._handler.start()
        import _process
        _process.put(self._calls._channel, data)
        return future

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if chunksize == 1:
            return super().map(fn, *iterables, timeout=timeout)
        items = list(zip(*iterables))
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        parts = super().map(_chunk_worker, [fn] * len(chunks), chunks, timeout=timeout)
        return (value for part in parts for value in part)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            if cancel_futures:
                for work_id, future in list(self._pending.items()):
                    if future.cancel():
                        del self._pending[work_id]
            first = not self._shutdown
            self._shutdown = True
            workers = list(self._workers.values())
        if first:
            for _ in workers:
                self._calls.put(None)
        if wait:
            for worker in workers:
                worker.join()
            if self._handler is not None:
                self._handler.join()

# concurrent.futures.interpreter: InterpreterPoolExecutor (Python 3.14). Each worker is a
# separate interpreter with its own GIL, inside this process: os.getpid() is the same,
# nothing else is shared. Calls, arguments and results cross pickled, as between
# processes, so a lambda or a closure cannot be sent; the program's module is loaded in
# each worker as __mp_main__ (its main block does not run there), which is where
# functions defined in it are found. An exception from a call keeps its type and gets an
# ExecutionFailed summary as its __cause__.
from concurrent.futures import _base
from concurrent.futures import process as _process_pool


class BrokenInterpreterPool(_base.BrokenExecutor):
    """An interpreter of the pool failed: the pool cannot be used any more."""


class ExecutionFailed(RuntimeError):
    """A call raised in a worker interpreter (the summary of its exception)."""

    def __init__(self, excinfo):
        super().__init__(excinfo)
        self.excinfo = excinfo


ExecutionFailed.__module__ = "concurrent.interpreters"

_counter = 0


class InterpreterPoolExecutor(_process_pool.ProcessPoolExecutor):
    _broken_class = BrokenInterpreterPool

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None,
                 initargs=()):
        global _counter
        super().__init__(max_workers, None, initializer, initargs)
        self._prefix = thread_name_prefix or f"InterpreterPoolExecutor-{_counter}"
        _counter += 1

    def _new_worker(self):
        worker = self._context.Process(
            target=_process_pool._process_worker, args=(self._calls, self._results),
            name=f"{self._prefix}_{len(self._workers)}")
        worker._same_process = True
        return worker

    def _failure(self, error):
        # Set before the future completes, so every waiter sees it.
        if error.__cause__ is None:
            error.__cause__ = ExecutionFailed(f"{type(error).__name__}: {error}")
        return error



# --- Processes -------------------------------------------------------------------------

_counter = 0
_children = set()


def _next_name(prefix):
    global _counter
    _counter += 1
    return f"{prefix}-{_counter}"


class BaseProcess:

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name if name is not None else _next_name(type(self).__name__)
        self._daemonic = bool(daemon) if daemon is not None else False
        self._pid = None
        self._exitcode = None
        self._closed = False
        self._config = {}

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_pid"] = None
        state["_exitcode"] = None
        return state

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._closed:
            raise ValueError("process object is closed")
        assert self._pid is None, "cannot start a process twice"
        if _bootstrapping:
            raise RuntimeError(_BOOTSTRAP_ERROR)
        payload = _dumps(self)
        ticket = _process.request_spawn(self._name, payload,
                                        getattr(self, "_same_process", False))
        _process.wait(ticket, None)
        self._pid = int.from_bytes(_process.reply(ticket), "little")
        _process.spawned(self._pid, self._name)
        _process.record_message(self._pid, len(payload), True)
        _children.add(self)

    def join(self, timeout=None):
        if self._closed:
            raise ValueError("process object is closed")
        assert self._pid is not None, "can only join a started process"
        if self._exitcode is None:
            code = _process.exit_code(self._pid)
            if code is None:
                ticket = _process.request_join(self._pid)
                if not _process.wait(ticket, timeout):
                    _process.abandon(ticket)
                    return
                code = int.from_bytes(_process.reply(ticket), "little", signed=True)
            self._exitcode = code
        _children.discard(self)

    def is_alive(self):
        if self._pid is None or self._exitcode is not None:
            return False
        code = _process.exit_code(self._pid)
        if code is None:
            return True
        self._exitcode = code
        return False

    def terminate(self):
        if self._pid is not None and self._exitcode is None:
            _process.terminate(self._pid)

    def kill(self):
        self.terminate()

    def close(self):
        if self.is_alive():
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._pid is None, "process has already started"
        self._daemonic = daemonic

    @property
    def pid(self):
        return self._pid

    ident = pid

    @property
    def exitcode(self):
        if self._pid is None:
            return self._exitcode
        if self._exitcode is None:
            self._exitcode = _process.exit_code(self._pid)
        return self._exitcode

    @property
    def authkey(self):
        return b"threadline"

    @property
    def sentinel(self):
        return self._pid

    def __repr__(self):
        if self._pid is None:
            status = "initial"
        elif self.exitcode is None:
            status = "started"
        elif self.exitcode == 0:
            status = "stopped"
        else:
            status = f"stopped exitcode={self.exitcode}"
        text = f"<{type(self).__name__} name={self._name!r}"
        if self._pid is not None:
            text += f" pid={self._pid}"
        text += f" parent={_parent_pid()}" if self._pid is not None else ""
        return text + f" {status}" + (" daemon" if self._daemonic else "") + ">"

    def _bootstrap(self):
        # What a spawned child does with the process it was sent (CPython's _bootstrap).
        global _current
        _current = self
        self._pid = _identity[0]
        try:
            self.run()
            exitcode = 0
        except SystemExit as exc:
            if exc.code is None:
                exitcode = 0
            elif isinstance(exc.code, int):
                exitcode = exc.code
            else:
                import sys
                sys.stderr.write(str(exc.code) + "\n")
                exitcode = 1
        except BaseException as exc:
            exitcode = 1
            _process.print_exception(exc, f"Process {self._name}:")
        _exit_function()
        return exitcode


class Process(BaseProcess):
    pass


class SpawnProcess(BaseProcess):
    pass


class _MainProcess:
    def __init__(self, name, pid):
        self.name = name
        self.pid = pid
        self.ident = pid
        self.daemon = False
        self.exitcode = None

    def is_alive(self):
        return True

    def __repr__(self):
        return f"<_MainProcess name={self.name!r} parent=None started>"


class _ParentProcess(_MainProcess):
    def __repr__(self):
        return f"<_ParentProcess name={self.name!r} parent=None unknown>"


_identity = _process.identity()
_current = _MainProcess(_identity[2], _identity[0])


def _parent_pid():
    return _identity[0]


def current_process():
    return _current


def parent_process():
    if not _identity[3]:
        return None
    return _ParentProcess("MainProcess", _identity[1])


def active_children():
    alive = [p for p in _children if p.is_alive()]
    for p in list(_children):
        if p not in alive:
            _children.discard(p)
    return alive


def _exit_function():
    # At the end of a process: daemonic children are stopped, the others joined.
    for p in list(_children):
        if p._daemonic:
            p.terminate()
    for p in list(_children):
        p.join()


threading._register_atexit(_exit_function)


def _spawn_main():
    # A spawned child: run the program again as __mp_main__, then its process.
    global _bootstrapping
    import sys
    _bootstrapping = True
    process_obj = None
    try:
        _process.run_main_module()
        process_obj = _loads(_process.payload())
    finally:
        _bootstrapping = False
    sys.exit(process_obj._bootstrap())


class _SpawnContext:
    _name = "spawn"
    Process = SpawnProcess

    def get_start_method(self, allow_none=False):
        return "spawn"

    def get_context(self, method=None):
        return get_context(method)

    def __getattr__(self, name):
        return globals()[name]


_spawn_context = _SpawnContext()


def get_context(method=None):
    if method is None or method == "spawn":
        return _spawn_context
    if method in ("fork", "forkserver"):
        raise ValueError(f"cannot find context for {method!r}: this interpreter "
                         "starts processes with 'spawn' only")
    raise ValueError(f"cannot find context for {method!r}")

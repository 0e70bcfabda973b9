# requests: what programs of a blog post's size use of it, over the lab's
# network (`_net`). A call blocks its thread (and lets go of the GIL) until
# the answer is in, as the real library does.
import _net

__version__ = "2.31.0"


class RequestException(OSError):
    """There was an ambiguous exception that occurred while handling your request."""

    __module__ = "requests.exceptions"

    def __init__(self, *args, response=None, request=None):
        self.response = response
        self.request = request
        if response is not None and request is None:
            self.request = getattr(response, "request", None)
        super().__init__(*args)


class HTTPError(RequestException):
    """An HTTP error occurred."""

    __module__ = "requests.exceptions"


class ConnectionError(RequestException):
    """A Connection error occurred."""

    __module__ = "requests.exceptions"


class Timeout(RequestException):
    """The request timed out."""

    __module__ = "requests.exceptions"


class ConnectTimeout(ConnectionError, Timeout):
    """The request timed out while trying to connect to the remote server."""

    __module__ = "requests.exceptions"


class ReadTimeout(Timeout):
    """The server did not send any data in the allotted amount of time."""

    __module__ = "requests.exceptions"


class JSONDecodeError(RequestException, ValueError):
    """Couldn't decode the text into json."""

    __module__ = "requests.exceptions"


class exceptions:
    RequestException = RequestException
    HTTPError = HTTPError
    ConnectionError = ConnectionError
    Timeout = Timeout
    ConnectTimeout = ConnectTimeout
    ReadTimeout = ReadTimeout
    JSONDecodeError = JSONDecodeError


def _host_port(url):
    scheme, _, rest = url.partition("://")
    if not rest:
        return "lab", 80, "/" + url.lstrip("/")
    address, _, path = rest.partition("/")
    host, _, port = address.partition(":")
    port = int(port) if port.isdigit() else (443 if scheme == "https" else 80)
    return host, port, "/" + path


def _pool(url):
    host, port, path = _host_port(url)
    kind = "HTTPSConnectionPool" if url.startswith("https:") else "HTTPConnectionPool"
    return f"{kind}(host={host!r}, port={port})", path


class CaseInsensitiveDict(dict):
    """Headers, looked up whatever their case."""

    def __init__(self, items=()):
        super().__init__()
        self._names = {}
        for name, value in items:
            self[name] = value

    def __setitem__(self, name, value):
        super().__setitem__(name.lower(), value)
        self._names[name.lower()] = name

    def __getitem__(self, name):
        return super().__getitem__(name.lower())

    def __contains__(self, name):
        return super().__contains__(name.lower())

    def get(self, name, default=None):
        return super().get(name.lower(), default)

    def __repr__(self):
        return repr({self._names[k]: v for k, v in self.items()})


class Response:
    """The answer to a request."""

    def __init__(self):
        self.status_code = None
        self.reason = None
        self.headers = CaseInsensitiveDict()
        self.url = None
        self.content = b""
        self.encoding = None
        self.request = None

    def __repr__(self):
        return f"<Response [{self.status_code}]>"

    def __bool__(self):
        return self.ok

    @property
    def ok(self):
        try:
            self.raise_for_status()
        except HTTPError:
            return False
        return True

    @property
    def text(self):
        encoding = self.encoding or "utf-8"
        try:
            return self.content.decode(encoding)
        except UnicodeDecodeError:
            return self.content.decode("latin-1")

    def json(self, **kwargs):
        import json
        return json.loads(self.text, **kwargs)

    def raise_for_status(self):
        code = self.status_code
        if 400 <= code < 500:
            kind = "Client Error"
        elif 500 <= code < 600:
            kind = "Server Error"
        else:
            return
        raise HTTPError(f"{code} {kind}: {self.reason} for url: {self.url}", response=self)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def request(method, url, params=None, timeout=None, **kwargs):
    """Sends a request and waits for its answer."""
    if isinstance(timeout, tuple):
        timeout = None if timeout[1] is None else timeout[1]
    handle = _net._start(url, None)
    if not _net._wait(handle, timeout):
        pool, _ = _pool(url)
        raise ReadTimeout(f"{pool}: Read timed out. (read timeout={timeout})")
    status, reason, headers, body = _net._result(handle)
    if status is None:
        pool, path = _pool(url)
        raise ConnectionError(
            f"{pool}: Max retries exceeded with url: {path} "
            f"(Caused by NewConnectionError('Failed to establish a new connection: "
            f"[Errno 111] Connection refused ({body})'))")
    response = Response()
    response.status_code = status
    response.reason = reason
    response.headers = CaseInsensitiveDict(headers)
    response.url = url
    response.content = body
    return response


def get(url, params=None, **kwargs):
    """Sends a GET request."""
    return request("GET", url, params=params, **kwargs)


class Session:
    """Requests sharing settings (here: only the headers)."""

    def __init__(self):
        self.headers = CaseInsensitiveDict()

    def get(self, url, **kwargs):
        return request("GET", url, **kwargs)

    def request(self, method, url, **kwargs):
        return request(method, url, **kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

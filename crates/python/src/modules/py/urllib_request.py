# urllib.request: `urlopen` over the lab's network (`_net`), blocking its
# thread (without the GIL) until the answer is in.
import _net
from urllib.error import HTTPError, URLError


class HTTPResponse:
    """An answer: `.status`, `.headers`, `.read()`; a context manager."""

    def __init__(self, url, status, reason, headers, body):
        self.url = url
        self.status = status
        self.code = status
        self.reason = reason
        self.msg = reason
        self.headers = dict(headers)
        self._body = body
        self.closed = False

    def __repr__(self):
        return f"<http.client.HTTPResponse object at {hex(id(self))}>"

    def read(self, amount=-1):
        if amount is None or amount < 0:
            data, self._body = self._body, b""
        else:
            data, self._body = self._body[:amount], self._body[amount:]
        return data

    def getcode(self):
        return self.status

    def geturl(self):
        return self.url

    def getheader(self, name, default=None):
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return default

    def getheaders(self):
        return list(self.headers.items())

    def info(self):
        return self.headers

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Request:
    """A request to open later with `urlopen`."""

    def __init__(self, url, data=None, headers={}, method=None):
        self.full_url = url
        self.headers = dict(headers)
        self.method = method or "GET"

    def get_full_url(self):
        return self.full_url


def urlopen(url, data=None, timeout=None):
    """Opens `url` (a string or a Request) and waits for its answer."""
    if isinstance(url, Request):
        url = url.full_url
    handle = _net._start(url, None)
    if not _net._wait(handle, timeout):
        raise TimeoutError("timed out")
    status, reason, headers, body = _net._result(handle)
    if status is None:
        raise URLError(ConnectionRefusedError(111, f"Connection refused ({body})"))
    if status >= 400:
        raise HTTPError(url, status, reason, dict(headers), None)
    return HTTPResponse(url, status, reason, headers, body)

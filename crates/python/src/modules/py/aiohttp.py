# aiohttp: a client session over the lab's network. A request is started
# through the host and awaited as a future the event loop resolves when the
# answer arrives; the task awaiting it is drawn as waiting on I/O (the URL).
import asyncio

__version__ = "3.9.5"


class ClientError(Exception):
    """Base class for client errors."""

    __module__ = "aiohttp.client_exceptions"


class ClientConnectionError(ClientError):
    """Base class for client socket errors."""

    __module__ = "aiohttp.client_exceptions"


class ClientOSError(ClientConnectionError, OSError):
    """An OSError of the client."""

    __module__ = "aiohttp.client_exceptions"


class ClientConnectorError(ClientOSError):
    """The connection to the host could not be made."""

    __module__ = "aiohttp.client_exceptions"

    def __init__(self, host, port, strerror):
        super().__init__(111, strerror)
        self.host = host
        self.port = port
        self.strerror = strerror

    def __str__(self):
        return f"Cannot connect to host {self.host}:{self.port} ssl:default [{self.strerror}]"


class ServerTimeoutError(ClientConnectionError, TimeoutError):
    """The server did not answer in time."""

    __module__ = "aiohttp.client_exceptions"


class RequestInfo:
    def __init__(self, url, method="GET"):
        self.url = url
        self.real_url = url
        self.method = method
        self.headers = {}


class ClientResponseError(ClientError):
    """The answer had an error status (`raise_for_status`)."""

    __module__ = "aiohttp.client_exceptions"

    def __init__(self, request_info, history, *, status=None, message="", headers=None):
        self.request_info = request_info
        self.history = history
        self.status = status
        self.message = message
        self.headers = headers
        super().__init__(request_info)

    def __str__(self):
        return f"{self.status}, message={self.message!r}, url={str(self.request_info.real_url)!r}"

    def __repr__(self):
        return f"{type(self).__name__}({self.request_info!r}, {self.history!r}, status={self.status!r}, message={self.message!r})"


class ClientTimeout:
    """Timeouts of a session or a request, in seconds (`total` is used)."""

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect

    def __repr__(self):
        return (f"ClientTimeout(total={self.total}, connect={self.connect}, "
                f"sock_read={self.sock_read}, sock_connect={self.sock_connect})")


class ClientResponse:
    """An answer: `status`, `headers`, `await read()/text()/json()`."""

    def __init__(self, method, url, status, reason, headers, body):
        self.method = method
        self.url = url
        self.status = status
        self.reason = reason
        self.headers = dict(headers)
        self._body = body
        self.request_info = RequestInfo(url, method)
        self.history = ()

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        for key, value in self.headers.items():
            if key.lower() == "content-type":
                return value.split(";")[0].strip()
        return "application/octet-stream"

    async def read(self):
        return self._body

    async def text(self, encoding=None):
        try:
            return self._body.decode(encoding or "utf-8")
        except UnicodeDecodeError:
            return self._body.decode("latin-1")

    async def json(self, **kwargs):
        import json
        return json.loads(await self.text())

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    def release(self):
        pass

    def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.release()


class _RequestContextManager:
    # What `session.get(url)` gives: awaited, or used with `async with`.

    def __init__(self, coro):
        self._coro = coro
        self._response = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._response = await self._coro
        return self._response

    async def __aexit__(self, *exc):
        self._response.release()


def _host_port(url):
    scheme, _, rest = url.partition("://")
    if not rest:
        return "lab", 80
    address = rest.partition("/")[0]
    host, _, port = address.partition(":")
    return host, int(port) if port.isdigit() else (443 if scheme == "https" else 80)


class ClientSession:
    """Makes requests: `async with ClientSession() as session`."""

    def __init__(self, base_url=None, *, timeout=None, raise_for_status=False, **kwargs):
        self._base_url = base_url
        self._timeout = timeout if timeout is not None else ClientTimeout(total=300)
        self._raise_for_status = raise_for_status
        self._closed = False

    @property
    def closed(self):
        return self._closed

    async def close(self):
        self._closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()

    def get(self, url, **kwargs):
        return _RequestContextManager(self._request("GET", url, **kwargs))

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    async def _request(self, method, url, *, timeout=None, raise_for_status=None, **kwargs):
        if self._closed:
            raise RuntimeError("Session is closed")
        url = str(url)
        if self._base_url is not None:
            url = str(self._base_url).rstrip("/") + "/" + url.lstrip("/")
        timeout = self._timeout if timeout is None else timeout
        total = timeout.total if isinstance(timeout, ClientTimeout) else timeout
        answer = asyncio.get_running_loop()._fetch(url)
        try:
            async with asyncio.timeout(total):
                status, reason, headers, body = await answer
        except TimeoutError:
            raise TimeoutError() from None
        if status is None:
            host, port = _host_port(url)
            raise ClientConnectorError(host, port, f"Connect call failed ({body})")
        response = ClientResponse(method, url, status, reason, headers, body)
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if check:
            response.raise_for_status()
        return response


def request(method, url, **kwargs):
    """A one-off request, in a session of its own."""
    return ClientSession().request(method, url, **kwargs)

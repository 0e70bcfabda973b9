"""A stand-in for the part of aiohttp the lessons use, for CPython runs of the
harness (aiohttp is not in CPython's standard library): `ClientSession().get`
over asyncio streams, HTTP/1.0, with relative URLs resolved as
sitecustomize does."""

import asyncio
from urllib.parse import urlsplit

from sitecustomize import absolute


class ClientResponseError(Exception):
    pass


class ClientResponse:
    def __init__(self, status, body):
        self.status = status
        self._body = body

    async def read(self):
        return self._body

    async def text(self):
        return self._body.decode()

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(f"{self.status}")


class _Request:
    def __init__(self, url):
        self.url = absolute(url)

    async def __aenter__(self):
        parts = urlsplit(self.url)
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        writer.write(f"GET {target} HTTP/1.0\r\nHost: {parts.netloc}\r\n\r\n".encode())
        await writer.drain()
        raw = await reader.read()
        writer.close()
        head, _, body = raw.partition(b"\r\n\r\n")
        return ClientResponse(int(head.split()[1]), body)

    async def __aexit__(self, *exc):
        return False


class ClientSession:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    def get(self, url):
        return _Request(url)

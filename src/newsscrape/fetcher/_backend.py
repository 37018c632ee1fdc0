"""httpcore's network backend with a cheap idle-connection check, for the clients made here.

Before every request and after every response, httpcore's pool asks each idle connection whether
the server closed it (``get_extra_info("is_readable")``), some twelve times per request in a pool
of eight. Its anyio stream answers by building anyio's whole table of socket attributes, a
``getpeername`` system call included, only to take the raw socket from it: about 6 % of a crawl's
CPU for fetching. The stream here keeps that socket from the first question on (a stream's socket
never changes) and asks the same zero-timeout poll; everything else is the inner stream's.

The address policy's check of the address a connection reached is not made here but in the
request's trace (``_plan.HopTrace``): it needs the fetch's own policy and hop (a redirect is judged
by where it came from), and it must hold for a caller's own client and the synchronous one too,
whose backends are not this one.

    For example::

        install(transport)  # an httpx.AsyncHTTPTransport whose pool we may tune; a no-op otherwise
"""

# The signatures are httpcore's (its streams take a timeout per call), so ASYNC109 does not apply.
# ruff: noqa: ASYNC109

from __future__ import annotations

import select
import socket
import ssl
from typing import Any

import httpcore
import httpx


def _readable(sock: socket.socket) -> bool:
    """httpcore's own check (``is_socket_readable``): a zero-timeout poll of the socket; a closed
    socket (no descriptor) counts as readable, as its end."""
    fd = sock.fileno()
    if fd < 0:
        return True
    if not hasattr(select, "poll"):  # Windows
        return bool(select.select([fd], [], [], 0)[0])
    poll = select.poll()
    poll.register(fd, select.POLLIN)
    return bool(poll.poll(0))


class _Stream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: socket.socket | None = None

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info != "is_readable":
            return self._inner.get_extra_info(info)
        if self._socket is None:
            self._socket = self._inner.get_extra_info("socket")
            if self._socket is None:  # a stream without a socket of its own (a test double)
                return self._inner.get_extra_info(info)
        return _readable(self._socket)


class _Backend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _Stream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def install(transport: httpx.AsyncHTTPTransport) -> bool:
    """Put the cheap check into ``transport``'s pool; False (and nothing changed) when its
    internals are not the ones this was written for (another httpx or httpcore)."""
    pool = getattr(transport, "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if not isinstance(pool, httpcore.AsyncConnectionPool):
        return False
    if not isinstance(inner, httpcore.AsyncNetworkBackend):
        return False
    if not isinstance(inner, _Backend):
        pool._network_backend = _Backend(inner)
    return True

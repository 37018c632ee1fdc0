"""Every HTTP exchange of a client, as it went over the wire, for an archive (``crawl --warc``).

A transport in front of httpx's own: it passes each request on, and hands the response's body
to the caller's ``on_exchange`` callback when the response is closed, with the request's headers
and the response's status line and headers. The body is what the server sent after the
chunked framing is removed (httpcore removes it) and before the content coding is undone, so an
archive keeps the exact bytes of a gzip or br answer. Robots.txt, redirects, pages, sitemaps:
whatever goes through the client is seen, in the order the responses are closed.

The callback runs in the event loop's thread when the fetcher closes the response, i.e. before
``afetch_page`` returns the page: whatever the caller does with a page comes after its exchange
was handed over. It must not raise (an archive that cannot be written is the caller's to report).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import TypeAlias

import httpx


@dataclass(frozen=True, slots=True, kw_only=True)
class Exchange:
    """One request and its response, as sent and received."""

    method: str
    url: str
    request_headers: tuple[tuple[str, str], ...]
    http_version: str  # "HTTP/1.1", "HTTP/2"
    status: int
    reason: str
    response_headers: tuple[tuple[str, str], ...]
    body: bytes  # as received: content coding kept, chunked framing removed
    complete: bool  # False: the fetcher stopped reading (too large, deadline) or the connection broke


OnExchange: TypeAlias = Callable[[Exchange], None]


class CaptureTransport(httpx.AsyncBaseTransport):
    """``httpx.AsyncClient(transport=CaptureTransport(inner, on_exchange))``."""

    def __init__(self, inner: httpx.AsyncBaseTransport, on_exchange: OnExchange) -> None:
        self._inner = inner
        self._on_exchange = on_exchange

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        stream = _Tee(response.stream, request, response, self._on_exchange)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=stream,
            extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()


class _Tee(httpx.AsyncByteStream):
    def __init__(
        self,
        inner: httpx.AsyncByteStream,
        request: httpx.Request,
        response: httpx.Response,
        on_exchange: OnExchange,
    ) -> None:
        self._inner, self._request, self._response = inner, request, response
        self._on_exchange = on_exchange
        self._body = bytearray()
        self._complete = False
        self._reported = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            self._body += chunk
            yield chunk
        self._complete = True

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if not self._reported:
                self._reported = True
                self._on_exchange(self._exchange())

    def _exchange(self) -> Exchange:
        request, response = self._request, self._response
        version = response.extensions.get("http_version", b"HTTP/1.1")
        reason = response.extensions.get("reason_phrase", b"")
        return Exchange(
            method=request.method,
            url=str(request.url),
            request_headers=tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw),
            http_version=version.decode("ascii", "replace") if isinstance(version, bytes) else str(version),
            status=response.status_code,
            reason=reason.decode("latin-1") if isinstance(reason, bytes) else str(reason),
            response_headers=tuple(
                (k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw
            ),
            body=bytes(self._body),
            complete=self._complete,
        )


def capture_transport(inner: httpx.AsyncBaseTransport, on_exchange: OnExchange) -> CaptureTransport:
    """``inner`` (the transport httpx would make: TLS context, proxy, pool limits) wrapped to report
    every exchange."""
    return CaptureTransport(inner, on_exchange)

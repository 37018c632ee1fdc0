"""How httpx failures and odd responses become FetchError kinds (httpx.MockTransport: no network)."""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import newsscrape
from newsscrape.config import FetchConfig
from newsscrape.errors import FetchError
from newsscrape.fetcher import Page, afetch_page, fetch_page

URL = "http://192.0.2.10/news/1"  # an IP literal: no DNS lookup, and default config asks none anyway

Handler = Callable[[httpx.Request], httpx.Response]


def _raise(exc: Exception, cause: BaseException | None = None) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc from cause

    return handler


def sync_get(handler: Handler, config: FetchConfig | None = None) -> Page:
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        return fetch_page(URL, config=config, client=client)


def async_get(handler: Handler, config: FetchConfig | None = None) -> Page:
    async def run() -> Page:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            return await afetch_page(URL, config=config, client=client)

    return asyncio.run(run())


@pytest.fixture(params=[sync_get, async_get], ids=["sync", "async"])
def get(request: pytest.FixtureRequest) -> Callable[..., Page]:
    return request.param  # type: ignore[no-any-return]


def failure(get: Callable[..., Page], handler: Handler, config: FetchConfig | None = None) -> FetchError:
    with pytest.raises(FetchError) as info:
        get(handler, config)
    return info.value


@pytest.mark.parametrize(
    ("exc", "cause", "kind"),
    [
        (httpx.ConnectError("certificate verify failed"), ssl.SSLCertVerificationError(1, "bad cert"), "tls"),
        (httpx.ConnectError("[Errno -2] Name or service not known"), socket.gaierror(-2, "unknown"), "dns"),
        (httpx.ConnectError("Connection refused"), ConnectionRefusedError(111, "refused"), "connect"),
        (httpx.ReadError("Connection reset by peer"), ConnectionResetError(104, "reset"), "connect"),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), None, "connect"),
        (httpx.RemoteProtocolError("illegal header line"), None, "protocol"),
        (httpx.ConnectTimeout("timed out"), None, "timeout"),
        (httpx.ReadTimeout("timed out"), None, "timeout"),
        (httpx.PoolTimeout("timed out"), None, "timeout"),
    ],
)
def test_transport_errors_map_to_kinds(
    get: Callable[..., Page], exc: Exception, cause: BaseException | None, kind: str
) -> None:
    err = failure(get, _raise(exc, cause))
    assert err.kind == kind
    assert err.__cause__ is exc  # converted once, at the boundary, with the original kept
    assert err.message.startswith(f"GET {URL}: ")
    assert err.url == URL


def test_read_timeout_message_names_the_setting(get: Callable[..., Page]) -> None:
    err = failure(get, _raise(httpx.ReadTimeout("timed out")), FetchConfig(read_timeout=7))
    assert err.message == f"GET {URL}: no data for 7s"


def test_broken_gzip_is_decode(get: Callable[..., Page]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
        return httpx.Response(200, headers=headers, content=b"this is not gzip at all")

    assert failure(get, handler).kind == "decode"


def test_redirect_without_location_is_a_status_error(get: Callable[..., Page]) -> None:
    err = failure(get, lambda request: httpx.Response(302))
    assert (err.kind, err.status) == ("http_status", 302)


def test_unparsable_location_is_a_protocol_error(get: Callable[..., Page]) -> None:
    # httpx parses Location itself, even when not following: a broken one is the server's protocol error.
    err = failure(get, lambda request: httpx.Response(301, headers={"Location": "http://[::1"}))
    assert err.kind == "protocol"
    assert "location" in err.message.lower()


def test_retry_after_is_only_kept_where_it_means_come_back(get: Callable[..., Page]) -> None:
    err = failure(get, lambda request: httpx.Response(500, headers={"Retry-After": "5"}))
    assert (err.status, err.retry_after) == (500, None)


def test_a_retry_after_of_non_ascii_digits_is_ignored_not_an_error(get: Callable[..., Page]) -> None:
    # "²" (byte 0xB2, as httpx decodes a header) passes str.isdigit; the 503 was reported as
    # "protocol: unexpected ValueError" instead of the 503 it is.
    err = failure(get, lambda request: httpx.Response(503, headers={"Retry-After": b"\xb2"}))
    assert (err.kind, err.status, err.retry_after) == ("http_status", 503, None)


def test_xhtml_is_html(get: Callable[..., Page]) -> None:
    body = b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>'
    headers = {"Content-Type": "application/xhtml+xml"}
    page = get(lambda request: httpx.Response(200, headers=headers, content=body))
    assert (page.content_type, page.content) == ("application/xhtml+xml", body)


def test_exact_cap_is_allowed_one_more_byte_is_not(get: Callable[..., Page]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"<p>" + b"x" * 97)

    assert len(get(handler, FetchConfig(max_bytes=100)).content) == 100
    assert failure(get, handler, FetchConfig(max_bytes=99)).kind == "too_large"


def test_headers_sent_on_a_callers_client(get: Callable[..., Page]) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"<p>x</p>")

    get(handler, FetchConfig(user_agent="probe/2"))
    (request,) = seen
    assert request.headers["user-agent"] == "probe/2"
    assert request.headers["accept"].startswith("text/html")
    assert set(request.headers["accept-encoding"].split(", ")) >= {"gzip", "deflate"}


@pytest.mark.parametrize("url", [None, b"https://example.com/1"])
def test_a_url_that_is_no_str_is_invalid_url_saying_so(url: Any) -> None:
    with pytest.raises(FetchError) as caught:
        newsscrape.fetch(url)
    assert caught.value.kind == "invalid_url"
    assert str(caught.value) == f"invalid URL {url!r}: not a str but {type(url).__name__}"

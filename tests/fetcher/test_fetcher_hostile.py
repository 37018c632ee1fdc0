"""What a careless or hostile web sends, through both drivers: unusable redirect targets, malformed
hosts, stacked content codings, header drips; every outcome is a FetchError with the right kind."""

from __future__ import annotations

import asyncio
import tracemalloc
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from faultserver import FaultServer, encoded
from newsscrape.config import FetchConfig
from newsscrape.errors import FetchError
from newsscrape.fetcher import Page, afetch_page, check_url, fetch_page

Fetcher = Callable[..., Page]


def _async_fetch(url: str, **kwargs: Any) -> Page:
    return asyncio.run(afetch_page(url, **kwargs))


DRIVERS = [pytest.param(fetch_page, id="sync"), pytest.param(_async_fetch, id="async")]


def _error(fetch: Fetcher, url: str, **kwargs: Any) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, **kwargs)
    return caught.value


# --- unusable redirect targets ----------------------------------------------------------------------


@pytest.mark.parametrize("fetch", DRIVERS)
@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "http:\\\\evil",
        "http://[zz::]/",
        "http://xn--a.com/",
    ],
)
def test_a_redirect_to_an_unusable_target_is_invalid_url(
    fault_server: FaultServer, fetch: Fetcher, target: str
) -> None:
    error = _error(fetch, fault_server.url("/redirect?to=" + quote(target)))
    assert error.kind == "invalid_url"
    assert repr(target) in error.message  # the message names the target


@pytest.mark.parametrize("fetch", DRIVERS)
def test_a_redirect_to_a_malformed_ipv4_host_is_invalid_url(
    fault_server: FaultServer, fetch: Fetcher
) -> None:
    error = _error(fetch, fault_server.url("/redirect?to=" + quote("http://0x7f000001/")))
    assert error.kind == "invalid_url"
    assert "'http://0x7f000001/'" in error.message


def test_nothing_foreign_escapes_from_below_httpx() -> None:
    def explode(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("a bug below us")

    with httpx.Client(transport=httpx.MockTransport(explode)) as client:
        error = _error(fetch_page, "https://example.com/a", client=client)
    assert error.kind == "protocol"
    assert "unexpected RuntimeError" in error.message
    assert isinstance(error.__cause__, RuntimeError)


# --- malformed hosts --------------------------------------------------------------------------------

MALFORMED = ["http://256.1.1.1/", "http://0177.0.0.1/", "http://①.com/", "http://xn--a.com/", "http://1.2.3/"]


@pytest.mark.parametrize("url", MALFORMED)
def test_a_malformed_host_is_invalid_url_with_one_message_everywhere(url: str) -> None:
    with pytest.raises(FetchError) as checked:
        check_url(url)
    assert checked.value.kind == "invalid_url"
    assert checked.value.message.startswith(f"invalid URL {url!r}: ")
    for fetch in (fetch_page, _async_fetch):
        error = _error(fetch, url)
        assert (error.kind, error.message) == ("invalid_url", checked.value.message)


def test_check_url_gives_one_host_one_spelling() -> None:
    assert check_url("http://bücher.example/a") == check_url("http://xn--bcher-kva.example/a")
    assert check_url("HTTP://Example.COM/a#part") == "http://example.com/a"


# --- stacked content codings ------------------------------------------------------------------------


@pytest.mark.parametrize("fetch", DRIVERS)
@pytest.mark.parametrize("codings", ["gzip,x-gzip", "x-gzip,deflate"])
def test_stacked_codings_are_decoded(fault_server: FaultServer, fetch: Fetcher, codings: str) -> None:
    page = fetch(fault_server.url(f"/encoded?codings={codings}"))
    assert page.content.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("fetch", DRIVERS)
@pytest.mark.parametrize("codings", ["gzip,gzip", "deflate,gzip"])
def test_a_stacked_bomb_is_too_large_within_bounded_memory(
    fault_server: FaultServer, fetch: Fetcher, codings: str
) -> None:
    # 256 MiB of zeros through two layers: a few KB on the wire, 1 MiB allowed.
    url = fault_server.url(f"/encoded?codings={codings}&mb=256")
    assert len(encoded(tuple(codings.split(",")), 256)) < 64 * 1024  # built (and cached) before measuring
    cap = 1024 * 1024
    tracemalloc.start()
    try:
        error = _error(fetch, url, config=FetchConfig(max_bytes=cap))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.kind == "too_large"
    assert peak < 16 * cap  # httpx expanded a whole chunk at once: 64 MiB and more


def test_more_than_three_codings_are_refused(fault_server: FaultServer) -> None:
    error = _error(fetch_page, fault_server.url("/encoded?codings=gzip,gzip,gzip,gzip"))
    assert error.kind == "decode"
    assert "4 codings" in error.message


# --- the total deadline -----------------------------------------------------------------------------


def test_sync_fetch_keeps_the_deadline_against_a_header_drip(fault_server: FaultServer) -> None:
    error = _error(
        fetch_page,
        fault_server.url("/header-drip?interval=0.2&lines=100"),
        config=FetchConfig(total_timeout=1),
    )
    assert error.kind == "timeout"
    assert "total deadline" in error.message


@pytest.mark.anyio
async def test_sync_fetch_keeps_the_deadline_inside_a_running_event_loop(fault_server: FaultServer) -> None:
    # A notebook cell, or sync code called from async code: the private loop runs in a helper thread.
    url = fault_server.url("/header-drip?interval=0.2&lines=100")
    error = _error(fetch_page, url, config=FetchConfig(total_timeout=1))
    assert error.kind == "timeout"
    assert fetch_page(fault_server.url("/page/in-a-loop")).status == 200

"""Fetch controls (FetchConfig headers, cookies, proxy) and the cookie jar's bounds, against a server
that logs what arrives."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from typing import Any

import pytest

from faultserver import FaultServer
from newsscrape.config import DEFAULT_USER_AGENT, FetchConfig
from newsscrape.errors import FetchError
from newsscrape.fetcher import Page, afetch_page, async_client, fetch_page

Fetcher = Callable[..., Page]


def _async_fetch(url: str, **kwargs: Any) -> Page:
    return asyncio.run(afetch_page(url, **kwargs))


DRIVERS = [pytest.param(fetch_page, id="sync"), pytest.param(_async_fetch, id="async")]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- headers and cookies ----------------------------------------------------------------------------


@pytest.mark.parametrize("fetch", DRIVERS)
def test_configured_headers_and_cookies_arrive(fault_server: FaultServer, fetch: Fetcher) -> None:
    config = FetchConfig(headers={"X-Api-Key": "k1"}, cookies={"consent": "yes", "region": "eu"})
    fetch(fault_server.url("/page/a"), config=config)
    [request] = fault_server.requests
    assert request.header("x-api-key") == "k1"
    assert request.header("cookie") == "consent=yes; region=eu"
    assert request.header("user-agent") == DEFAULT_USER_AGENT  # ours unless headers name one


@pytest.mark.parametrize("fetch", DRIVERS)
def test_a_configured_user_agent_replaces_ours(fault_server: FaultServer, fetch: Fetcher) -> None:
    fetch(fault_server.url("/page/a"), config=FetchConfig(headers={"user-agent": "Mine/1.0"}))
    assert [r.header("user-agent") for r in fault_server.requests] == ["Mine/1.0"]


def test_configured_cookies_reach_robots_txt_too(fault_server: FaultServer) -> None:
    from newsscrape.fetcher.robots import afetch_robots

    config = FetchConfig(cookies={"consent": "yes"}, headers={"X-Api-Key": "k1"})

    async def go() -> None:
        async with async_client(config) as client:
            await afetch_robots(fault_server.base_url, client=client, config=config)

    asyncio.run(go())
    [request] = fault_server.requests
    assert (request.header("cookie"), request.header("x-api-key")) == ("consent=yes", "k1")


def test_a_cookie_flood_stays_within_browser_bounds(fault_servers: Callable[[str], FaultServer]) -> None:
    flood, other = fault_servers("127.0.0.2"), fault_servers("127.0.0.3")
    config = FetchConfig()

    async def go() -> None:
        async with async_client(config) as client:  # one jar for the crawl, as the crawler has
            for i in range(8):  # 200 new cookies per page
                await afetch_page(flood.url(f"/cookie-flood?n=200&i={i}"), config=config, client=client)
            await afetch_page(other.url("/page/b"), config=config, client=client)

    asyncio.run(go())
    sent = [r.header("cookie") or "" for r in flood.requests]
    assert len(flood.requests) == 8
    assert max(len(header) for header in sent) <= 8000
    assert 0 < len(sent[-1].split("; ")) <= 50
    assert other.requests[0].header("cookie") is None  # one host's cookies never reach another


def test_an_oversized_cookie_is_dropped(fault_server: FaultServer) -> None:
    from faultserver import Response

    big = "v" * 5000
    fault_server.add_route(
        "/big-cookie", lambda req: Response(headers=[("Set-Cookie", f"big={big}; Path=/")])
    )
    config = FetchConfig()

    async def go() -> None:
        async with async_client(config) as client:
            await afetch_page(fault_server.url("/big-cookie"), config=config, client=client)
            await afetch_page(fault_server.url("/page/a"), config=config, client=client)

    asyncio.run(go())
    assert fault_server.requests[-1].header("cookie") is None
    assert len(fault_server.requests) == 2


# --- proxy ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fetch", DRIVERS)
def test_a_dead_proxy_is_named_in_the_error(fault_server: FaultServer, fetch: Fetcher) -> None:
    proxy = f"http://user:secret@127.0.0.1:{_closed_port()}"
    with pytest.raises(FetchError) as caught:
        fetch(fault_server.url("/page/a"), config=FetchConfig(proxy=proxy))
    assert caught.value.kind == "connect"
    assert f"proxy http://user:***@127.0.0.1:{proxy.rsplit(':', 1)[1]}" in caught.value.message
    assert "secret" not in caught.value.message
    assert fault_server.requests == []


@pytest.mark.parametrize("fetch", DRIVERS)
def test_requests_go_through_the_configured_proxy(fault_server: FaultServer, fetch: Fetcher) -> None:
    # The fault server answers absolute-form requests too, which is what a forward proxy gets.
    page = fetch("http://news.invalid/page/via-proxy", config=FetchConfig(proxy=fault_server.base_url))
    assert page.status == 200
    assert fault_server.paths() == ["http://news.invalid/page/via-proxy"]


@pytest.mark.parametrize("fetch", DRIVERS)
def test_environment_proxies_are_ignored(
    fault_server: FaultServer, fetch: Fetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    dead = f"http://127.0.0.1:{_closed_port()}"
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, dead)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert fetch(fault_server.url("/page/a")).status == 200


# --- validation -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"headers": {"X-Evil": "a\r\nInjected: 1"}},
        {"headers": {"Bad Name": "x"}},
        {"headers": {"X-Nul": "a\0b"}},
        {"cookies": {"consent": "yes; admin=1"}},
        {"cookies": {"bad name": "x"}},
        {"proxy": "ftp://proxy.local:21"},
        {"proxy": "proxy.local:3128"},
        {"proxy": "http://"},
    ],
)
def test_fetch_controls_are_validated(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"header|cookie|proxy"):
        FetchConfig(**kwargs)

"""DNS rebinding: a name whose answer is public when the policy asks and private when the connection
is made. The address policy is checked again on the address each connection reached.

The rebinding name is played by patching ``socket.getaddrinfo`` (which asyncio's resolver calls in
turn): the policy's own lookup asks without a port and gets a public address; the connection asks
with the port and gets 127.0.0.1, where the fault server listens.
"""

from __future__ import annotations

import asyncio
import dataclasses
import socket
from collections.abc import Callable
from ipaddress import ip_address
from typing import Any

import httpx
import pytest

from fastcrawl import FAST_CRAWL
from faultserver import FaultServer
from newsscrape import DiscoverConfig, discover_sync
from newsscrape.config import FetchConfig
from newsscrape.crawler import crawl_sync
from newsscrape.errors import FetchError
from newsscrape.fetcher import (
    AddressPolicy,
    Page,
    afetch_page,
    async_client,
    fetch_page,
    is_public_address,
)
from newsscrape.fetcher.robots import afetch_robots
from newsscrape.models import ErrorRecord

NAME = "rebinding.test"
PUBLIC = "93.184.215.14"
BLOCK = FetchConfig(block_private=True, connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0)

Get = Callable[..., Page]


@pytest.fixture
def rebinding(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make NAME rebind; the ports it was resolved for, in order (None: the policy's lookup)."""
    real = socket.getaddrinfo
    asked: list[object] = []

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in (NAME, NAME.encode()):
            return real(host, port, *args, **kwargs)
        asked.append(port)
        if port is None:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC, 0))]
        return real("127.0.0.1", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


@pytest.fixture(params=["sync", "async", "callers-client"])
def get(request: pytest.FixtureRequest) -> Get:
    """fetch_page, afetch_page, and fetch_page on a caller's own httpx.Client (driven synchronously)."""
    if request.param == "sync":
        return fetch_page
    if request.param == "callers-client":

        def on_client(url: str, *, config: FetchConfig, **kwargs: Any) -> Page:
            with httpx.Client(trust_env=False) as client:  # no proxy from the environment
                return fetch_page(url, config=config, client=client, **kwargs)

        return on_client

    def run(url: str, **kwargs: Any) -> Page:
        return asyncio.run(afetch_page(url, **kwargs))

    return run


def url_on(server: FaultServer, path: str = "/page/a") -> str:
    return f"http://{NAME}:{server.port}{path}"


def test_a_name_rebound_to_loopback_is_blocked_at_connect(
    get: Get, fault_server: FaultServer, rebinding: list[object]
) -> None:
    with pytest.raises(FetchError) as info:
        get(url_on(fault_server), config=BLOCK)
    assert info.value.kind == "blocked"
    assert info.value.message == (
        f"GET {url_on(fault_server)}: blocked: {NAME} connected to 127.0.0.1: non-public address "
        "127.0.0.1 (its DNS answer had passed the check)"
    )
    assert fault_server.requests == []
    assert rebinding[0] is None  # the policy's lookup, then the connection's
    assert fault_server.port in rebinding


def test_without_block_private_the_same_name_is_fetched(
    get: Get, fault_server: FaultServer, rebinding: list[object]
) -> None:
    page = get(url_on(fault_server), config=FetchConfig())
    assert b"Article a" in page.content
    assert rebinding == [fault_server.port]  # no lookup of the policy's own: nothing to check


def test_a_redirect_to_a_rebound_name_is_blocked_at_connect(
    get: Get,
    fault_server: FaultServer,
    fault_servers: Callable[[str], FaultServer],
    rebinding: list[object],
) -> None:
    public = fault_servers("127.0.0.2")  # played as a public site
    policy = AddressPolicy(is_public=lambda ip: ip == ip_address("127.0.0.2") or is_public_address(ip))
    with pytest.raises(FetchError) as info:
        get(public.url(f"/redirect?to={url_on(fault_server)}"), config=FetchConfig(), policy=policy)
    assert info.value.kind == "blocked"
    assert "a redirect from a public address to non-public 127.0.0.1" in info.value.message
    assert fault_server.requests == []


def test_robots_txt_of_a_rebound_name_is_not_fetched(
    fault_server: FaultServer, rebinding: list[object]
) -> None:
    async def robots() -> tuple[str, str]:
        async with async_client(BLOCK) as client:
            rules = await afetch_robots(f"http://{NAME}:{fault_server.port}", client=client, config=BLOCK)
            return rules.verdict, rules.reason

    verdict, reason = asyncio.run(robots())
    assert verdict == "allow_all"  # as for any refused address: the fetcher refuses the pages
    assert reason.startswith(f"not fetched: {NAME} connected to 127.0.0.1: non-public address")
    assert fault_server.requests == []


def test_a_crawl_records_the_rebound_name_as_blocked(
    fault_server: FaultServer, rebinding: list[object]
) -> None:
    (record,) = crawl_sync([url_on(fault_server)], config=dataclasses.replace(FAST_CRAWL, fetch=BLOCK))
    assert isinstance(record, ErrorRecord)
    assert record.kind == "blocked"
    assert f"{NAME} connected to 127.0.0.1" in record.message
    assert fault_server.requests == []  # not even robots.txt


def test_a_proxy_is_not_the_host_it_reaches(fault_server: FaultServer, rebinding: list[object]) -> None:
    """Through a proxy the connection reaches the proxy (here the fault server on 127.0.0.1, which
    answers the proxied request as a page): only the policy's own lookup is checked."""
    config = FetchConfig(block_private=True, proxy=fault_server.base_url, total_timeout=5.0)
    page = fetch_page(f"http://{NAME}/page/a", config=config)
    assert b"Article a" in page.content
    assert fault_server.paths() == [f"http://{NAME}/page/a"]


def test_discovery_reads_nothing_from_a_rebound_name(
    fault_server: FaultServer, rebinding: list[object]
) -> None:
    config = DiscoverConfig(crawl=dataclasses.replace(FAST_CRAWL, fetch=BLOCK))
    assert list(discover_sync(url_on(fault_server, "/"), config=config)) == []
    assert fault_server.requests == []  # robots.txt, the home page, sitemaps: none reached it

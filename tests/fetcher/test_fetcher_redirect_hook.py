"""The per-hop redirect hook (``on_redirect``) of fetch_page and afetch_page, against the fault server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from ipaddress import ip_address

import pytest

from faultserver import FaultServer
from newsscrape.errors import FetchError
from newsscrape.fetcher import AddressPolicy, Page, afetch_page, fetch_page

Get = Callable[..., Page]


@pytest.fixture(params=["sync", "async-plain-hook", "async-coroutine-hook"])
def get(request: pytest.FixtureRequest) -> Get:
    """fetch_page, or afetch_page with the same hook as a plain function or wrapped in a coroutine."""
    if request.param == "sync":
        return fetch_page

    def run(url: str, *, on_redirect: Callable[[str, str], None] | None = None, **kwargs: object) -> Page:
        hook = on_redirect
        if hook is not None and request.param == "async-coroutine-hook":
            plain = hook

            async def hook_coroutine(from_url: str, to_url: str) -> None:
                await asyncio.sleep(0)
                plain(from_url, to_url)

            return asyncio.run(afetch_page(url, on_redirect=hook_coroutine, **kwargs))  # type: ignore[arg-type]
        return asyncio.run(afetch_page(url, on_redirect=hook, **kwargs))  # type: ignore[arg-type]

    return run


def test_the_hook_sees_every_hop_in_order(get: Get, fault_server: FaultServer) -> None:
    hops: list[tuple[str, str]] = []
    page = get(fault_server.url("/redirect-chain/2"), on_redirect=lambda a, b: hops.append((a, b)))
    chain = [fault_server.url(f"/redirect-chain/{n}") for n in (2, 1, 0)]
    assert hops == [(chain[0], chain[1]), (chain[1], chain[2])]
    assert page.final_url == chain[2]


def test_a_page_that_does_not_redirect_never_calls_the_hook(get: Get, fault_server: FaultServer) -> None:
    hops: list[tuple[str, str]] = []
    get(fault_server.url("/page/a"), on_redirect=lambda a, b: hops.append((a, b)))
    assert hops == []


def test_a_refused_hop_fails_the_fetch_and_is_never_requested(
    get: Get, fault_server: FaultServer, fault_servers: Callable[[str], FaultServer]
) -> None:
    other = fault_servers("127.0.0.2")

    def refuse(from_url: str, to_url: str) -> None:
        raise FetchError(f"GET {to_url}: refused by robots.txt", url=to_url, kind="robots")

    with pytest.raises(FetchError) as info:
        get(fault_server.url(f"/redirect?to={other.url('/page/private')}"), on_redirect=refuse)
    assert info.value.kind == "robots"
    assert other.requests == []


def test_a_hop_the_address_policy_blocks_never_reaches_the_hook(
    get: Get, fault_server: FaultServer, fault_servers: Callable[[str], FaultServer]
) -> None:
    # The hook may do I/O of its own (a robots.txt fetch): it must not be aimed at a refused address.
    public = fault_servers("127.0.0.2")
    hops: list[tuple[str, str]] = []
    policy = AddressPolicy(is_public=lambda ip: ip == ip_address("127.0.0.2"))
    with pytest.raises(FetchError) as info:
        get(
            public.url(f"/redirect?to={fault_server.url('/page/secret')}"),
            policy=policy,
            on_redirect=lambda a, b: hops.append((a, b)),
        )
    assert info.value.kind == "blocked"
    assert hops == []

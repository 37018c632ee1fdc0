"""afetch_page under the anyio pytest plugin: many fetches at once on one shared pool."""

from __future__ import annotations

import asyncio

import pytest

from faultserver import FaultServer
from newsscrape.config import FetchConfig
from newsscrape.errors import FetchError
from newsscrape.fetcher import afetch_page, async_client

pytestmark = pytest.mark.anyio


async def test_concurrent_fetches_share_one_client(fault_server: FaultServer) -> None:
    config = FetchConfig()
    urls = [fault_server.url(f"/page/p{i}?delay=0.2") for i in range(8)]
    async with async_client(config) as client:
        pages = await asyncio.gather(*(afetch_page(u, config=config, client=client) for u in urls))
        assert not client.is_closed
    assert [p.final_url for p in pages] == urls
    assert sorted(fault_server.paths()) == sorted(u.removeprefix(fault_server.base_url) for u in urls)


async def test_one_slow_page_fails_alone(fault_server: FaultServer) -> None:
    config = FetchConfig(read_timeout=0.5, total_timeout=1.0)
    async with async_client(config) as client:
        results = await asyncio.gather(
            afetch_page(fault_server.url("/drip?bytes=100&interval=0.2"), config=config, client=client),
            afetch_page(fault_server.url("/page/fine"), config=config, client=client),
            return_exceptions=True,
        )
    slow, fine = results
    assert isinstance(slow, FetchError)
    assert slow.kind == "timeout"
    assert not isinstance(fine, BaseException)
    assert fine.status == 200


async def test_headers_dripping_in_still_end_at_the_total_deadline(fault_server: FaultServer) -> None:
    # Each header line comes well within the read timeout; only the total deadline can stop it.
    # (fetch_page cannot do this: a blocking read of the headers is not interrupted; see its docstring.)
    config = FetchConfig(read_timeout=5.0, total_timeout=1.0)
    with pytest.raises(FetchError) as info:
        await afetch_page(fault_server.url("/header-drip?interval=0.2"), config=config)
    assert info.value.kind == "timeout"
    assert "total deadline" in info.value.message

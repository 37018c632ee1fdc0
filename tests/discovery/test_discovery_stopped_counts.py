"""A discovery stopped early (Ctrl-C under `crawl --site`, a consumer that breaks off) still counts
what it found: the summary line said '0 article URLs (none)' after crawling some of them."""

from __future__ import annotations

import asyncio

from newssite import NewsSite, fast

from faultserver import FaultServer
from newsscrape.crawler import Discoverer
from newsscrape.crawler._sitejob import summary


def test_counts_of_a_discovery_closed_after_its_first_url(fault_server: FaultServer) -> None:
    site = NewsSite(articles=30, per_file=10).mount(fault_server)
    discoverer = Discoverer(fast())

    async def first() -> str:
        found = discoverer.run([site.base + "/"])
        async for item in found:
            await found.aclose()
            return item.url
        raise AssertionError("nothing found")

    assert asyncio.run(first()).startswith(site.base)
    assert not discoverer.complete
    assert " 0 article URLs" not in summary(discoverer)
    assert sum(discoverer.counts.values()) >= 1

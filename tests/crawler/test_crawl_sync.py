"""The sync faces (crawl_sync, fetch) work where users call them: also inside a running event loop
(a Jupyter cell, a sync helper called from async code), with no 'never awaited' warnings."""

from __future__ import annotations

import asyncio

import pytest
from crawl_support import quick_extract, run_crawl

import newsscrape
from faultserver import FaultServer
from newsscrape.models import Article


@pytest.mark.anyio
async def test_crawl_sync_inside_a_running_loop(fault_server: FaultServer) -> None:
    asyncio.get_running_loop()  # as in a notebook cell
    records = run_crawl([fault_server.url("/page/a"), fault_server.url("/page/b")], extract_fn=quick_extract)
    assert sorted(r.url for r in records if isinstance(r, Article)) == [
        fault_server.url("/page/a"),
        fault_server.url("/page/b"),
    ]


@pytest.mark.anyio
async def test_fetch_inside_a_running_loop_keeps_the_total_deadline(fault_server: FaultServer) -> None:
    article = newsscrape.fetch(fault_server.url("/page/kim-putin"))
    assert article.url == fault_server.url("/page/kim-putin")
    # Headers dripped one line per 0.2 s never trip a read timeout; only the total deadline ends it.
    config = newsscrape.FetchConfig(total_timeout=1.0, read_timeout=5.0)
    with pytest.raises(newsscrape.FetchError) as info:
        newsscrape.fetch(fault_server.url("/header-drip?interval=0.2&lines=60"), config=config)
    assert info.value.kind == "timeout"
    assert "total deadline" in info.value.message


@pytest.mark.anyio
async def test_crawl_sync_left_early_inside_a_running_loop(fault_server: FaultServer) -> None:
    records = newsscrape.crawl_sync(
        [fault_server.url(f"/page/{i}") for i in range(5)],
        config=newsscrape.CrawlConfig(delay=0, workers=0, jitter=0),
        extract_fn=quick_extract,
    )
    first = next(records)
    records.close()  # the private loop is shut down; nothing is left un-awaited
    assert first.url.startswith(fault_server.base_url)

"""Extraction workers start with the crawl, not with its first page (time to the first record)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from faultserver import article_html
from newsscrape.config import ExtractConfig
from newsscrape.crawler._pool import ExtractPool
from newsscrape.models import Article

PAGE = article_html("warm").encode()


def pid_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """An Article whose title is the pid of the process that made it. Module-level: workers import it."""
    return Article(url=url, final_url=final_url, title=str(os.getpid()))


def warmth_extract(
    html: bytes, url: str | None = None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Article:
    """An Article whose tags say what the worker had loaded before it was handed this page."""
    from newsscrape.extractor.metadata import _language

    loaded = (
        ("langid",) * bool(_language._identifier.cache_info().currsize)
        + ("trafilatura",) * ("trafilatura" in sys.modules)
        + ("dateparser",) * ("dateparser" in sys.modules)
    )
    return Article(url=url, final_url=final_url, tags=loaded)


async def _started_workers(pool: ExtractPool, count: int) -> list[int]:
    """The pids of the pool's workers once ``count`` have started (or failed after 60 s)."""
    for _ in range(6000):
        if len(pool._workers) == count:
            return [w.process.pid for w in pool._workers if w.process.pid is not None]
        await asyncio.sleep(0.01)
    raise AssertionError("the workers did not start")


def test_workers_started_before_the_first_page_extract_it() -> None:
    async def go() -> None:
        with ExtractPool(workers=1, timeout=30.0, extract_fn=pid_extract) as pool:
            pool.start()  # no page yet
            (worker,) = await _started_workers(pool, 1)
            article = await pool.extract(PAGE, "http://e.com/1", final_url=None, charset=None)
            assert article.title == str(worker)  # the page went to the worker already running

    asyncio.run(go())


def test_a_pool_closed_while_its_workers_start_leaves_none_running(tmp_path: Path) -> None:
    async def go() -> ExtractPool:
        pool = ExtractPool(workers=2, timeout=30.0, extract_fn=pid_extract)
        pool.start()
        pool.close()  # a crawl that needed no extraction (every URL refused) ends at once
        assert pool._started is not None
        await pool._started  # the background start sees the pool closed and stops
        return pool

    pool = asyncio.run(go())
    assert not any(w.process.is_alive() for w in pool._workers)


def test_idle_workers_load_the_heavy_models_before_pages_need_them() -> None:
    async def go() -> tuple[str, ...]:
        with ExtractPool(workers=1, timeout=60.0, extract_fn=warmth_extract) as pool:
            pool.start()
            await _started_workers(pool, 1)
            loaded: tuple[str, ...] = ()
            for _ in range(120):  # the worker loads them while it waits; each look is one page
                await asyncio.sleep(0.5)
                article = await pool.extract(PAGE, "http://e.com/1", final_url=None, charset=None)
                loaded = article.tags
                if len(loaded) == 3:
                    break
            return loaded

    assert asyncio.run(go()) == ("langid", "trafilatura", "dateparser")

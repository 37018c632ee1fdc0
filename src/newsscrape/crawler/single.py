"""One URL end to end: fetch the page, extract the Article. ``fetch`` is ``afetch`` run to its end.

``fetch`` runs ``afetch`` in a private event loop (on a worker thread when one is running already:
a Jupyter cell, a sync helper called from async code), so the two share every line, the total
deadline included, and work in the same places.

Extraction is CPU work (some 40 ms a page, up to ``ExtractConfig.time_limit`` on a pathological
one), so ``afetch`` runs it on one of ``EXTRACT_THREADS`` threads of its own (``_threads``), never
on the event loop: the loop goes on reading other sockets, keeping their timeouts and deadlines,
while a page is extracted.
"""

from __future__ import annotations

from typing import Final

from .._threads import Threads
from ..config import ExtractConfig, FetchConfig
from ..errors import FetchError
from ..extractor import extract
from ..fetcher import Page, afetch_page, async_client
from ..fetcher.robots import RobotsCache
from ..models import Article
from ._sync import run_sync
from ._urls import check_url, origin

# Extractions at once, in the whole process (every loop, ``fetch``'s private ones too). Two, so a
# page running to its time limit does not hold up every other page behind it; no more, since the
# GIL lets one run at a time: each further thread adds no throughput (60 WCXB pages: 2.55 s wall
# on one thread, 2.76 s on two, 2.78 s on four) and only stretches the wall clock of every page
# under way, which is what its time limit counts.
EXTRACT_THREADS: Final = 2
_EXTRACTORS: Final = Threads(EXTRACT_THREADS, "newsscrape-extract")


def fetch(
    url: str, *, config: FetchConfig | None = None, extract_config: ExtractConfig | None = None
) -> Article:
    """Download ``url`` and extract its article.

        For example::

            article = fetch("https://example.com/news/kim-putin-summit")
            print(article.title, article.published)

    Raises FetchError (download failed; ``invalid_url`` with the same message ``crawl`` records)
    or ExtractError (no article could be made of it). The total deadline is ``afetch``'s.
    """
    check_url(url)  # before any loop starts: a bad URL costs nothing
    return run_sync(afetch(url, config=config, extract_config=extract_config))


async def afetch(
    url: str, *, config: FetchConfig | None = None, extract_config: ExtractConfig | None = None
) -> Article:
    """``fetch`` for asyncio.

    For example::

        article = await afetch("https://example.com/news/kim-putin-summit")
        print(article.title)

    The page is extracted on a worker thread (see ``EXTRACT_THREADS``), so the event loop runs
    on meanwhile: other fetches, timeouts, heartbeats. The time limit (``ExtractConfig.time_limit``)
    holds there as it does anywhere. Cancelled while its page is extracted, ``afetch`` ends at once
    with CancelledError; the extraction, which no thread can be made to drop, runs on to its end
    (its time limit at most; an interpreter exiting meanwhile waits for it) and its result is
    discarded. Cancelled while its page waits for a thread, the page is never extracted.
    """
    check_url(url)
    page = await afetch_page(url, config=config)
    return await _EXTRACTORS.run(
        extract, page.content, page.url, final_url=page.final_url, charset=page.charset, config=extract_config
    )


async def afetch_one(url: str, *, config: FetchConfig | None = None, robots: bool = False) -> Page:
    """One page as a command fetches it: the URL checked as ``crawl`` checks it, and with ``robots``
    the robots.txt of the URL and of every redirect target asked first (FetchError kind "robots",
    or "host_unreachable" when robots.txt cannot be read: RFC 9309 says not to fetch then).

    For example::

        page = await afetch_one("https://example.com/news/1", robots=True)
    """
    check_url(url)
    cfg = config or FetchConfig()
    if not robots:
        return await afetch_page(url, config=cfg)
    async with async_client(cfg) as client:
        cache = RobotsCache(client=client, config=cfg)

        async def vet(from_url: str, to_url: str) -> None:
            check_url(to_url)
            await _robots_allow(cache, url, to_url, cfg)

        await _robots_allow(cache, url, url, cfg)
        return await afetch_page(url, config=cfg, client=client, on_redirect=vet)


async def _robots_allow(cache: RobotsCache, url: str, target: str, config: FetchConfig) -> None:
    rules = await cache.rules(origin(target))
    where = "" if target == url else f"redirect to {target} "
    if rules.verdict == "unreachable":
        raise FetchError(
            f"GET {url}: {where}not fetched: robots.txt unreachable ({rules.reason})",
            url=url,
            kind="host_unreachable",
        )
    if not rules.allowed(target, config.user_agent):
        raise FetchError(f"GET {url}: {where}refused by robots.txt", url=url, kind="robots")

"""One URL end to end: fetch the page, extract the Article. ``fetch`` is ``afetch`` run to its end.

``fetch`` runs ``afetch`` in a private event loop (on a worker thread when one is running already:
a Jupyter cell, a sync helper called from async code), so the two share every line, the total
deadline included, and work in the same places.
"""

from __future__ import annotations

from ..config import ExtractConfig, FetchConfig
from ..errors import FetchError
from ..extractor import extract
from ..fetcher import Page, afetch_page, async_client
from ..fetcher.robots import RobotsCache
from ..models import Article
from ._sync import run_sync
from ._urls import check_url, origin


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
    """
    check_url(url)
    return _article(await afetch_page(url, config=config), extract_config)


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


def _article(page: Page, config: ExtractConfig | None) -> Article:
    return extract(page.content, page.url, final_url=page.final_url, charset=page.charset, config=config)

"""One URL end to end: fetch the page, extract the Article. ``fetch`` is ``afetch`` run to its end.

``fetch`` runs ``afetch`` in a private event loop (on a worker thread when one is running already:
a Jupyter cell, a sync helper called from async code), so the two share every line, the total
deadline included, and work in the same places.
"""

from __future__ import annotations

from ..config import ExtractConfig, FetchConfig
from ..extractor import extract
from ..fetcher import Page, afetch_page
from ..models import Article
from ._sync import run_sync
from ._urls import check_url


def fetch(
    url: str, *, config: FetchConfig | None = None, extract_config: ExtractConfig | None = None
) -> Article:
    """Download ``url`` and extract its article.

        >>> article = fetch("https://example.com/news/kim-putin-summit")
        >>> print(article.title, article.published)

    Raises FetchError (download failed; ``invalid_url`` with the same message ``crawl`` records)
    or ExtractError (no article could be made of it). The total deadline is ``afetch``'s.
    """
    check_url(url)  # before any loop starts: a bad URL costs nothing
    return run_sync(afetch(url, config=config, extract_config=extract_config))


async def afetch(
    url: str, *, config: FetchConfig | None = None, extract_config: ExtractConfig | None = None
) -> Article:
    """``fetch`` for asyncio.

    >>> article = await afetch("https://example.com/news/kim-putin-summit")
    >>> print(article.title)
    """
    check_url(url)
    return _article(await afetch_page(url, config=config), extract_config)


def _article(page: Page, config: ExtractConfig | None) -> Article:
    return extract(page.content, page.url, final_url=page.final_url, charset=page.charset, config=config)

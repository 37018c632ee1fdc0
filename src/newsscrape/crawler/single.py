"""One URL end to end: fetch the page, extract the Article. Sync and async share all but the send."""

from __future__ import annotations

from ..config import ExtractConfig, FetchConfig
from ..extractor import extract
from ..fetcher import Page, afetch_page, fetch_page
from ..models import Article


def fetch(
    url: str, *, config: FetchConfig | None = None, extract_config: ExtractConfig | None = None
) -> Article:
    """Download ``url`` and extract its article.

        >>> article = fetch("https://example.com/news/kim-putin-summit")
        >>> print(article.title, article.published)

    Raises FetchError (download failed) or ExtractError (no article could be made of it).
    The download is ``fetch_page``'s, whose total deadline a server dripping its headers can
    overrun (see there); ``afetch`` keeps it exactly.
    """
    return _article(fetch_page(url, config=config), extract_config)


async def afetch(
    url: str, *, config: FetchConfig | None = None, extract_config: ExtractConfig | None = None
) -> Article:
    """``fetch`` for asyncio.

    >>> article = await afetch("https://example.com/news/kim-putin-summit")
    >>> print(article.title)
    """
    return _article(await afetch_page(url, config=config), extract_config)


def _article(page: Page, config: ExtractConfig | None) -> Article:
    return extract(page.content, page.url, final_url=page.final_url, charset=page.charset, config=config)
